/**
 * Container health checks (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html):
 * probes every interval, start period, retries, timeout, the task's health from its essential containers, a
 * service replacing an unhealthy task with ECS's texts, a task run on its own left running, and the
 * sim:SetHealthCheckResult fault.
 */
import { describe, expect, it } from 'vitest';
import { kingdom, type World } from '../support/world.ts';

const CHECK = ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'];

interface Hc {
  interval?: number;
  timeout?: number;
  retries?: number;
  startPeriod?: number;
}

function plan(w: World, hc: Hc | null, extra: Record<string, unknown>[] = [], family = 'web'): string {
  return w.ok('ecs:RegisterTaskDefinition', {
    family,
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx:1.27',
        cpu: 128,
        memory: 256,
        essential: true,
        ...(hc ? { healthCheck: { command: CHECK, ...hc } } : {}),
      },
      ...extra,
    ],
  }).taskDefinition.taskDefinitionArn;
}

function runTask(w: World, td: string): string {
  return w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td }).tasks[0].taskArn;
}

const describe1 = (w: World, arn: string) =>
  w.ok('ecs:DescribeTasks', { cluster: 'Royaume', tasks: [arn] }).tasks[0];

/** Ticks until the task is RUNNING; returns the second it started. */
function untilRunning(w: World, arn: string): number {
  for (let i = 0; i < 120 && w.state.tasks.get(arn)?.lastStatus !== 'RUNNING'; i++) w.tick(1);
  expect(w.state.tasks.get(arn)?.lastStatus).toBe('RUNNING');
  return w.state.now;
}

/** Ticks second by second until the container's health is `status`; returns seconds since `from`. */
function secondsUntil(w: World, arn: string, status: string, from: number, max = 600): number {
  for (let i = 0; i < max; i++) {
    if (w.state.tasks.get(arn)?.containers[0]?.healthStatus === status) return w.state.now - from;
    w.tick(1);
  }
  throw new Error(`never ${status}`);
}

const fail = (w: World, td: string, result = 'fail', containerName?: string) =>
  w.ok('sim:SetHealthCheckResult', {
    TaskDefinition: td,
    Result: result,
    ...(containerName ? { ContainerName: containerName } : {}),
  });

describe('a container health check, probed every interval from the container start', () => {
  it('a passing command: UNKNOWN until the first probe (one interval), then HEALTHY; the task follows', () => {
    const w = kingdom();
    const arn = runTask(w, plan(w, { interval: 10 }));
    const start = untilRunning(w, arn);
    expect(describe1(w, arn)).toMatchObject({
      healthStatus: 'UNKNOWN',
      containers: [{ healthStatus: 'UNKNOWN' }],
    });
    expect(secondsUntil(w, arn, 'HEALTHY', start)).toBe(10);
    expect(describe1(w, arn)).toMatchObject({
      healthStatus: 'HEALTHY',
      containers: [{ healthStatus: 'HEALTHY' }],
    });
  });

  it.each([
    ['defaults (30 s, 3 retries)', {}, 90],
    ['interval 10, retries 2', { interval: 10, retries: 2 }, 20],
    [
      'interval 10, retries 2, startPeriod 45: failures inside it do not count',
      { interval: 10, retries: 2, startPeriod: 45 },
      60,
    ],
    ['interval 5, retries 1', { interval: 5, retries: 1 }, 5],
  ])('a failing command (exit 1), %s: UNHEALTHY after %j at +%i s', (_name, hc, after) => {
    const w = kingdom();
    const td = plan(w, hc);
    fail(w, td);
    const arn = runTask(w, td);
    const start = untilRunning(w, arn);
    expect(secondsUntil(w, arn, 'UNHEALTHY', start)).toBe(after);
    // A task run on its own keeps running whatever its health.
    w.tick(120);
    expect(describe1(w, arn)).toMatchObject({ lastStatus: 'RUNNING', healthStatus: 'UNHEALTHY' });
  });

  it('a command that hangs fails only when its timeout is over', () => {
    const w = kingdom();
    const td = plan(w, { interval: 30, timeout: 5, retries: 3 });
    fail(w, td, 'timeout');
    const arn = runTask(w, td);
    const start = untilRunning(w, arn);
    // Probes begin at 30, 65, 100; each fails 5 s later.
    expect(secondsUntil(w, arn, 'UNHEALTHY', start)).toBe(105);
    expect(w.state.tasks.get(arn)?.containers[0]?.lastProbe).toMatchObject({
      ok: false,
      output: 'timed out after 5 s',
    });
  });

  it('a success inside the start period makes it healthy; later failures count at once', () => {
    const w = kingdom();
    const td = plan(w, { interval: 10, retries: 2, startPeriod: 100 });
    const arn = runTask(w, td);
    const start = untilRunning(w, arn);
    expect(secondsUntil(w, arn, 'HEALTHY', start)).toBe(10);
    fail(w, td);
    expect(secondsUntil(w, arn, 'UNHEALTHY', start)).toBe(30);
  });

  it('an UNHEALTHY container turns HEALTHY again when its command passes', () => {
    const w = kingdom();
    const td = plan(w, { interval: 10, retries: 1 });
    fail(w, td);
    const arn = runTask(w, td);
    const start = untilRunning(w, arn);
    expect(secondsUntil(w, arn, 'UNHEALTHY', start)).toBe(10);
    w.ok('sim:SetHealthCheckResult', { TaskDefinition: td, Result: 'pass' });
    expect(secondsUntil(w, arn, 'HEALTHY', start)).toBe(20);
  });

  it('a disconnected agent keeps the last status (it is not made UNHEALTHY)', () => {
    const w = kingdom(['a']);
    const td = plan(w, { interval: 10, retries: 1 });
    const arn = runTask(w, td);
    const start = untilRunning(w, arn);
    expect(secondsUntil(w, arn, 'HEALTHY', start)).toBe(10);
    w.ok('sim:DisconnectAgent', { instanceId: w.state.tasks.get(arn)?.ec2InstanceId });
    fail(w, td);
    w.tick(60);
    expect(w.state.tasks.get(arn)?.containers[0]?.healthStatus).toBe('HEALTHY');
    w.ok('sim:ReconnectAgent', { instanceId: w.state.tasks.get(arn)?.ec2InstanceId });
    w.tick(10);
    expect(w.state.tasks.get(arn)?.containers[0]?.healthStatus).toBe('UNHEALTHY');
  });
});

describe("the task's health comes from its essential containers", () => {
  const sidecar = (hc: boolean, essential: boolean) => ({
    name: 'sidecar',
    image: 'envoy:1',
    cpu: 64,
    memory: 128,
    essential,
    ...(hc ? { healthCheck: { command: ['CMD', 'true'], interval: 10, retries: 1 } } : {}),
  });

  it.each([
    ['web HEALTHY, sidecar without a check (essential): UNKNOWN', false, true, null, 'UNKNOWN'],
    ['web HEALTHY, sidecar without a check (not essential): HEALTHY', false, false, null, 'HEALTHY'],
    ['web HEALTHY, sidecar UNHEALTHY but not essential: HEALTHY', true, false, 'sidecar', 'HEALTHY'],
    ['web HEALTHY, sidecar UNHEALTHY and essential: UNHEALTHY', true, true, 'sidecar', 'UNHEALTHY'],
    ['web UNHEALTHY, sidecar HEALTHY (essential): UNHEALTHY', true, true, 'web', 'UNHEALTHY'],
  ] as const)('%s', (_name, hc, essential, failing, expected) => {
    const w = kingdom();
    const td = plan(w, { interval: 10, retries: 1 }, [sidecar(hc, essential)]);
    if (failing) fail(w, td, 'fail', failing);
    const arn = runTask(w, td);
    untilRunning(w, arn);
    w.tick(15);
    expect(describe1(w, arn).healthStatus).toBe(expected);
  });
});

describe('a service replaces a task whose essential container is UNHEALTHY', () => {
  function service(w: World, td: string, extra: Record<string, unknown> = {}) {
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: td,
      desiredCount: 1,
      ...extra,
    });
  }
  const messages = (w: World) =>
    w.service('mill').events.map((e: { message: string }) => e.message) as string[];

  it("stops it with ECS's texts and starts another", () => {
    const w = kingdom();
    const td = plan(w, { interval: 10, retries: 2 });
    fail(w, td);
    service(w, td);
    w.tick(8);
    const first = w.running('mill')[0]?.taskArn as string;
    expect(first).toBeDefined();
    w.tick(25);
    const stopped = describe1(w, first);
    expect(stopped).toMatchObject({
      desiredStatus: 'STOPPED',
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Task failed container health checks',
      healthStatus: 'UNHEALTHY',
    });
    const id = first.slice(first.lastIndexOf('/') + 1);
    expect(messages(w)).toContain(`(service mill) (task ${id}) failed container health checks.`);
    expect(w.liveTasks('mill').filter((t) => t.taskArn !== first)).toHaveLength(1);
    const failed = w.events.find((e) => e.type === 'task/failedHealthChecks');
    expect(failed?.data).toMatchObject({
      taskArn: first,
      containerName: 'web',
      command: CHECK,
      output: 'exit 1',
    });
  });

  it('healthCheckGracePeriodSeconds holds the replacement until it is over', () => {
    const w = kingdom();
    const td = plan(w, { interval: 5, retries: 1 });
    fail(w, td);
    service(w, td, { healthCheckGracePeriodSeconds: 60 });
    w.tick(8);
    const first = w.running('mill')[0]?.taskArn as string;
    const start = w.state.tasks.get(first)?.startedAt as number;
    while (w.state.tasks.get(first)?.desiredStatus === 'RUNNING' && w.state.now - start < 200) w.tick(1);
    expect(w.state.now - start).toBe(60);
  });

  it('counts toward the circuit breaker (stage 2) and rolls back', () => {
    const w = kingdom();
    const good = plan(w, { interval: 5, retries: 1 });
    service(w, good, {
      desiredCount: 2,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    w.tick(90);
    const bad = plan(w, { interval: 5, retries: 1 });
    fail(w, bad);
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: bad });
    w.tick(400);
    expect(w.events.some((e) => e.type === 'deployment/rolledBack')).toBe(true);
    expect(w.service('mill').taskDefinition).toBe(good);
  });
});

describe('sim:SetHealthCheckResult', () => {
  it.each([
    [{ Result: 'fail' }, 'Specify exactly one of TaskDefinition or Image.'],
    [
      { TaskDefinition: 'web:1', Image: 'nginx:1.27', Result: 'fail' },
      'Specify exactly one of TaskDefinition or Image.',
    ],
    [{ TaskDefinition: 'nope:1', Result: 'fail' }, "TaskDefinition 'nope:1' not found."],
    [
      { TaskDefinition: 'web:1', ContainerName: 'db', Result: 'fail' },
      'The container db does not exist in the task definition.',
    ],
    [
      { Image: 'nginx:1.27', ContainerName: 'web', Result: 'fail' },
      'ContainerName goes with TaskDefinition, not Image.',
    ],
  ])('%j is refused: %s', (input, message) => {
    const w = kingdom([]);
    plan(w, { interval: 10 });
    const before = w.state;
    expect(w.err('sim:SetHealthCheckResult', input)).toEqual({ name: 'InvalidParameterException', message });
    expect(w.state).toBe(before);
  });

  it('by image: every container of that image fails, whatever the revision', () => {
    const w = kingdom();
    const td = plan(w, { interval: 10, retries: 1 });
    expect(w.ok('sim:SetHealthCheckResult', { Image: 'nginx:1.27', Result: 'fail' })).toEqual({
      Image: 'nginx:1.27',
      Result: 'fail',
    });
    const arn = runTask(w, td);
    const start = untilRunning(w, arn);
    expect(secondsUntil(w, arn, 'UNHEALTHY', start)).toBe(10);
  });
});
