/**
 * A dispatched call appears on the canvas: a kingdom, a territory in zone 1b whose castle rises when
 * the agent registers, then a development of two buildings. Real AWS calls through the store; time
 * runs on the game's own clock (16x) and the test waits on the model's state.
 */
import { expect, type Page, test } from '@playwright/test';
import {
  call,
  ECS_AMI_PARAMETER,
  ok,
  openGame,
  snapshot,
  userData,
  waitForSim,
  waitSettled,
  watchPage,
  worldShot,
  zoneShot,
} from './helpers.ts';

async function runClockUntil(page: Page, predicate: string, arg: unknown): Promise<void> {
  await page.getByRole('button', { name: '16x' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await waitForSim(page, predicate, arg, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
}

test('a territory launched in zone 1b gets its castle, then a development is raised on it', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  await openGame(page);
  await page.getByRole('button', { name: 'Pause' }).click();

  await ok(page, { action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } });
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Royaume');
  await waitSettled(page);
  const emptyB = await zoneShot(page, 'za-southwest-1b', 'kingdom-1-zone-1b-empty');
  const emptyA = await zoneShot(page, 'za-southwest-1a');
  await worldShot(page, 'kingdom-1-empty');

  const param = await ok(page, { action: 'ssm:GetParameter', input: { Name: ECS_AMI_PARAMETER } });
  const imageId = (param.Parameter as { Value: string }).Value;
  expect(imageId).toMatch(/^ami-[0-9a-f]+$/);
  const run = await ok(page, {
    action: 'ec2:RunInstances',
    input: {
      ImageId: imageId,
      InstanceType: 't3.medium',
      Placement: { AvailabilityZone: 'za-southwest-1b' },
      UserData: userData('Royaume'),
      MinCount: 1,
      MaxCount: 1,
    },
  });
  const instanceId = (run.Instances as { InstanceId: string }[])[0]?.InstanceId as string;
  expect(instanceId).toMatch(/^i-[0-9a-f]+$/);

  // Surveying: the territory appears at once, in zone 1b, without a castle.
  await waitSettled(page);
  let snap = await snapshot(page);
  const surveyed = snap.territories.find((t) => t.id === instanceId);
  expect(surveyed?.state).toBe('pending');
  expect(surveyed?.castle).toBeNull();
  await zoneShot(page, 'za-southwest-1b', 'kingdom-2-zone-1b-surveying');

  // Let the game's clock run until the agent registers the container instance.
  await runClockUntil(
    page,
    `(sim, id) => {
      const arn = sim.instances.get(id)?.containerInstanceArn;
      const ci = arn ? sim.containerInstances.get(arn) : undefined;
      return ci !== undefined && ci.status === 'ACTIVE' && ci.agentConnected;
    }`,
    instanceId,
  );
  await waitSettled(page);
  snap = await snapshot(page);
  const settled = snap.territories.find((t) => t.id === instanceId);
  expect(settled?.state).toBe('running');
  expect(settled?.castle).toBe('ACTIVE');
  const zoneB = snap.zones.find((z) => z.name === 'za-southwest-1b')?.bounds;
  expect(zoneB).toBeTruthy();
  if (settled && zoneB) {
    expect(settled.bounds.x).toBeGreaterThanOrEqual(zoneB.x);
    expect(settled.bounds.x + settled.bounds.w).toBeLessThanOrEqual(zoneB.x + zoneB.w);
  }
  const castleB = await zoneShot(page, 'za-southwest-1b', 'kingdom-3-zone-1b-castle');
  await worldShot(page, 'kingdom-3-castle');
  expect(castleB.equals(emptyB), 'zone 1b changed on the canvas').toBe(false);
  expect((await zoneShot(page, 'za-southwest-1a')).equals(emptyA), 'zone 1a did not change').toBe(true);

  // A plan of two buildings, and a development raised from it.
  await ok(page, {
    action: 'ecs:RegisterTaskDefinition',
    input: {
      family: 'bakery',
      requiresCompatibilities: ['EC2'],
      containerDefinitions: [
        { name: 'oven', image: 'public.ecr.aws/nginx/nginx:latest', cpu: 256, memory: 512, essential: true },
        { name: 'shop', image: 'public.ecr.aws/nginx/nginx:latest', cpu: 128, memory: 256, essential: false },
      ],
    },
  });
  const started = await ok(page, {
    action: 'ecs:RunTask',
    input: { cluster: 'Royaume', taskDefinition: 'bakery', count: 1, launchType: 'EC2' },
  });
  const failures = started.failures as unknown[];
  expect(failures).toEqual([]);
  const taskArn = (started.tasks as { taskArn: string }[])[0]?.taskArn as string;
  expect(taskArn).toContain(':task/Royaume/');

  await waitSettled(page);
  snap = await snapshot(page);
  const rising = snap.developments.find((d) => d.id === taskArn);
  expect(rising?.plan).toBe('bakery:1');
  await zoneShot(page, 'za-southwest-1b', 'kingdom-4-zone-1b-rising');

  await runClockUntil(page, `(sim, arn) => sim.tasks.get(arn)?.lastStatus === 'RUNNING'`, taskArn);
  await waitSettled(page);
  snap = await snapshot(page);
  const dev = snap.developments.find((d) => d.id === taskArn);
  expect(dev?.status).toBe('RUNNING');
  const plot = snap.territories.find((t) => t.id === instanceId)?.bounds;
  if (dev && plot) {
    // The development stands on its territory.
    expect(dev.bounds.x).toBeGreaterThanOrEqual(plot.x);
    expect(dev.bounds.y).toBeGreaterThanOrEqual(plot.y);
    expect(dev.bounds.x + dev.bounds.w).toBeLessThanOrEqual(plot.x + plot.w + 0.5);
    expect(dev.bounds.y + dev.bounds.h).toBeLessThanOrEqual(plot.y + plot.h + 0.5);
  }
  const developedB = await zoneShot(page, 'za-southwest-1b', 'kingdom-5-zone-1b-running');
  await worldShot(page, 'kingdom-5-running');
  expect(developedB.equals(castleB), 'the development is drawn in zone 1b').toBe(false);

  // Stopping it: the development falls and is removed after its fade.
  await ok(page, { action: 'ecs:StopTask', input: { cluster: 'Royaume', task: taskArn, reason: 'test' } });
  await runClockUntil(page, `(sim, arn) => sim.tasks.get(arn)?.lastStatus === 'STOPPED'`, taskArn);
  await waitSettled(page);
  snap = await snapshot(page);
  expect(snap.developments.find((d) => d.id === taskArn)).toBeUndefined();
  expect(
    (await zoneShot(page, 'za-southwest-1b', 'kingdom-6-zone-1b-stopped')).equals(castleB),
    'back to the castle alone',
  ).toBe(true);

  expect(problems).toEqual([]);
  // Unknown calls are refused the AWS way and change nothing on screen.
  const refused = await call(page, { action: 'ecs:DoesNotExist', input: {} });
  expect('error' in refused && refused.error.name).toBe('UnknownOperationException');
});
