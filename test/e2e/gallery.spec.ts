/**
 * Every look the kingdom view has, built with real calls: territories of several sizes in three
 * zones, one without a castle (a plain Amazon Linux AMI has no agent), a draining castle, a silent
 * lord (agent disconnected), developments of two plans and two editions, a decree (service),
 * managed lands (Fargate), and finally a zone gone dark. The screenshots are for people to look at;
 * the assertions check that the view shows each state, keyed by entity id.
 */
import { expect, type Page, test } from '@playwright/test';
import {
  advanceUntil,
  ECS_AMI_PARAMETER,
  ok,
  openGame,
  snapshot,
  userData,
  waitSettled,
  watchPage,
  worldShot,
} from './helpers.ts';

const PLAIN_AMI_PARAMETER = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64';

async function launch(
  page: Page,
  imageId: string,
  type: string,
  zone: string,
  agent: boolean,
): Promise<string> {
  const out = await ok(page, {
    action: 'ec2:RunInstances',
    input: {
      ImageId: imageId,
      InstanceType: type,
      Placement: { AvailabilityZone: `za-southwest-1${zone}` },
      ...(agent ? { UserData: userData('Royaume') } : {}),
      MinCount: 1,
      MaxCount: 1,
    },
  });
  return (out.Instances as { InstanceId: string }[])[0]?.InstanceId as string;
}

async function containerInstanceOf(page: Page, instanceId: string): Promise<string> {
  return page.evaluate(
    (id) => window.__nozama?.store.getState().sim.instances.get(id)?.containerInstanceArn ?? '',
    instanceId,
  );
}

test('the gallery: every state of territories, castles, developments, managed lands and zones', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  await openGame(page);
  await page.getByRole('button', { name: 'Pause' }).click();

  await ok(page, { action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } });
  const ecsAmi = (
    (await ok(page, { action: 'ssm:GetParameter', input: { Name: ECS_AMI_PARAMETER } })).Parameter as {
      Value: string;
    }
  ).Value;
  const plainAmi = (
    (await ok(page, { action: 'ssm:GetParameter', input: { Name: PLAIN_AMI_PARAMETER } })).Parameter as {
      Value: string;
    }
  ).Value;

  const a1 = await launch(page, ecsAmi, 'm5.large', 'a', true);
  const a2 = await launch(page, plainAmi, 't2.micro', 'a', false);
  const b1 = await launch(page, ecsAmi, 't3.medium', 'b', true);
  const b2 = await launch(page, ecsAmi, 'r5.large', 'b', true);
  const c1 = await launch(page, ecsAmi, 'c5.xlarge', 'c', true);
  const c2 = await launch(page, ecsAmi, 'm5.xlarge', 'c', true);
  const withAgent = [a1, b1, b2, c1, c2];
  await advanceUntil(
    page,
    `(sim, ids) => ids.every((id) => {
      const arn = sim.instances.get(id)?.containerInstanceArn;
      return arn && sim.containerInstances.get(arn)?.status === 'ACTIVE';
    })`,
    withAgent,
  );

  // Plans: bakery (two buildings) in two editions, mill (one building), market for managed lands.
  const bakery = (revision: number) => ({
    family: 'bakery',
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [
      { name: 'oven', image: `bakery/oven:${revision}`, cpu: 256, memory: 512, essential: true },
      { name: 'shop', image: `bakery/shop:${revision}`, cpu: 128, memory: 256, essential: false },
    ],
  });
  await ok(page, { action: 'ecs:RegisterTaskDefinition', input: bakery(1) });
  await ok(page, { action: 'ecs:RegisterTaskDefinition', input: bakery(2) });
  await ok(page, {
    action: 'ecs:RegisterTaskDefinition',
    input: {
      family: 'mill',
      containerDefinitions: [
        { name: 'wheel', image: 'mill/wheel:1', cpu: 512, memory: 1024, essential: true },
      ],
    },
  });
  await ok(page, {
    action: 'ecs:RegisterTaskDefinition',
    input: {
      family: 'market',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [
        { name: 'stall', image: 'market/stall:1', essential: true },
        { name: 'till', image: 'market/till:1', essential: false },
        { name: 'sign', image: 'market/sign:1', essential: false },
      ],
    },
  });

  // A decree keeps three bakeries (edition 2) standing, spread over the zones.
  await ok(page, {
    action: 'ecs:CreateService',
    input: {
      cluster: 'Royaume',
      serviceName: 'bakeries',
      taskDefinition: 'bakery:2',
      desiredCount: 3,
      launchType: 'EC2',
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
    },
  });
  await ok(page, {
    action: 'ecs:RunTask',
    input: { cluster: 'Royaume', taskDefinition: 'bakery:1', count: 2, launchType: 'EC2' },
  });
  await ok(page, { action: 'ecs:RunTask', input: { cluster: 'Royaume', taskDefinition: 'mill', count: 3 } });
  const subnets = (await ok(page, { action: 'ec2:DescribeSubnets', input: {} })).Subnets as {
    SubnetId: string;
    AvailabilityZone: string;
  }[];
  const subnetOf = (zone: string) => subnets.find((s) => s.AvailabilityZone === zone)?.SubnetId as string;
  await ok(page, {
    action: 'ecs:RunTask',
    input: {
      cluster: 'Royaume',
      taskDefinition: 'market',
      count: 2,
      launchType: 'FARGATE',
      networkConfiguration: {
        awsvpcConfiguration: { subnets: [subnetOf('za-southwest-1a'), subnetOf('za-southwest-1c')] },
      },
    },
  });
  await advanceUntil(
    page,
    `(sim) => sim.tasks.values().filter((t) => t.lastStatus === 'RUNNING').length >= 10`,
    null,
  );

  // A draining castle in 1b, a silent lord in 1c, and one development still rising.
  const b2arn = await containerInstanceOf(page, b2);
  await ok(page, {
    action: 'ecs:UpdateContainerInstancesState',
    input: { cluster: 'Royaume', containerInstances: [b2arn], status: 'DRAINING' },
  });
  await ok(page, { action: 'sim:DisconnectAgent', input: { instanceId: c2 } });
  await ok(page, {
    action: 'ecs:RunTask',
    input: { cluster: 'Royaume', taskDefinition: 'bakery:1', count: 1 },
  });
  // A territory still being surveyed.
  const a3 = await launch(page, ecsAmi, 't3.small', 'a', true);

  await waitSettled(page);
  let snap = await snapshot(page);
  const territory = (id: string) => snap.territories.find((t) => t.id === id);
  expect(territory(a1)?.castle).toBe('ACTIVE');
  expect(territory(a2)?.castle).toBeNull();
  expect(territory(a2)?.state).toBe('running');
  expect(territory(a3)?.state).toBe('pending');
  expect(territory(b2)?.castle).toBe('DRAINING');
  expect(territory(c2)?.castle).toBe('ACTIVE:disconnected');
  const plans = new Set(snap.developments.map((d) => d.plan));
  expect([...plans].sort()).toEqual(['bakery:1', 'bakery:2', 'market:1', 'mill:1']);
  const market = snap.developments.filter((d) => d.plan === 'market:1');
  expect(market).toHaveLength(2);
  for (const m of market) {
    // Managed developments stand in the managed strip, on no territory.
    expect(
      snap.territories.some(
        (t) =>
          m.bounds.x >= t.bounds.x &&
          m.bounds.x < t.bounds.x + t.bounds.w &&
          m.bounds.y >= t.bounds.y &&
          m.bounds.y < t.bounds.y + t.bounds.h,
      ),
    ).toBe(false);
  }
  expect(snap.developments.some((d) => d.status === 'PENDING' || d.status === 'PROVISIONING')).toBe(true);
  await worldShot(page, 'gallery-1-kingdom');

  // Zone 1c goes dark: its territories stop, its castles fall silent, the portal is cracked.
  await ok(page, { action: 'sim:FailAvailabilityZone', input: { availabilityZone: 'za-southwest-1c' } });
  await advanceUntil(page, `(sim, id) => sim.instances.get(id)?.state === 'stopped'`, c1);
  await waitSettled(page);
  snap = await snapshot(page);
  expect(snap.zones.find((z) => z.name === 'za-southwest-1c')?.impaired).toBe(true);
  expect(snap.territories.find((t) => t.id === c1)?.state).toBe('stopped');
  await worldShot(page, 'gallery-2-zone-dark');

  expect(problems).toEqual([]);
});
