/**
 * Container start order at run time (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html,
 * startTimeout in https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html):
 * START, COMPLETE, SUCCESS and HEALTHY hold a container until its dependency gets there; one that never will
 * stops it (exit 143, CannotStartContainerError), and an essential container stopped so stops its task.
 */
import { describe, expect, it } from 'vitest';
import { kingdom, type World } from '../support/world.ts';

type Def = Record<string, unknown>;

const box = (name: string, extra: Def = {}): Def => ({
  name,
  image: `${name}:1`,
  cpu: 64,
  memory: 128,
  essential: true,
  ...extra,
});

function run(w: World, containerDefinitions: Def[]): string {
  const td = w.ok('ecs:RegisterTaskDefinition', { family: 'order', containerDefinitions }).taskDefinition
    .taskDefinitionArn;
  return w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td }).tasks[0].taskArn;
}

/** When each container started, in seconds after the task's images were pulled (the first start). */
function starts(w: World, arn: string): Record<string, number> {
  const ev = w.eventsOf('container/started').filter((e) => e.data.taskArn === arn);
  const t0 = Math.min(...ev.map((e) => e.time));
  return Object.fromEntries(ev.map((e) => [e.data.containerName, e.time - t0]));
}

const describe1 = (w: World, arn: string) =>
  w.ok('ecs:DescribeTasks', { cluster: 'Royaume', tasks: [arn] }).tasks[0];

describe('dependsOn orders container starts', () => {
  it('START: the dependant starts the same second as its dependency', () => {
    const w = kingdom();
    const arn = run(w, [
      box('web', { dependsOn: [{ containerName: 'log', condition: 'START' }] }),
      box('log'),
    ]);
    w.tick(20);
    expect(starts(w, arn)).toEqual({ log: 0, web: 0 });
    expect(describe1(w, arn).lastStatus).toBe('RUNNING');
  });

  it('COMPLETE: an init container runs and exits before the app starts; the task is PENDING meanwhile', () => {
    const w = kingdom();
    const arn = run(w, [
      box('migrate', { essential: false }),
      box('web', { dependsOn: [{ containerName: 'migrate', condition: 'COMPLETE' }] }),
    ]);
    for (let i = 0; i < 60 && !w.events.some((e) => e.type === 'container/started'); i++) w.tick(1);
    expect(describe1(w, arn)).toMatchObject({
      lastStatus: 'PENDING',
      containers: [
        { name: 'migrate', lastStatus: 'RUNNING' },
        { name: 'web', lastStatus: 'PENDING' },
      ],
    });
    w.tick(30);
    expect(starts(w, arn)).toEqual({ migrate: 0, web: 10 });
    expect(describe1(w, arn)).toMatchObject({
      lastStatus: 'RUNNING',
      containers: [
        { name: 'migrate', lastStatus: 'STOPPED', exitCode: 0 },
        { name: 'web', lastStatus: 'RUNNING' },
      ],
    });
  });

  it('SUCCESS with a dependency that exits 1: the app never starts (exit 143) and the task stops', () => {
    const w = kingdom();
    w.ok('sim:SetImageBehavior', { image: 'migrate:1', mode: 'crash', crashAfterSeconds: 4, exitCode: 1 });
    const arn = run(w, [
      box('migrate', { essential: false }),
      box('web', { dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] }),
    ]);
    w.tick(40);
    const t = describe1(w, arn);
    expect(t).toMatchObject({
      lastStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
    });
    expect(t.containers[1]).toMatchObject({ name: 'web', lastStatus: 'STOPPED', exitCode: 143 });
    expect(t.containers[1].reason).toMatch(
      /^CannotStartContainerError: dependency graph: failed to resolve container ordering dependency \[migrate\(migrate:1\) \(STOPPED->RUNNING\) - Exit: 1\] for target \[web\(web:1\)/,
    );
    expect(t.startedAt).toBeUndefined();
  });

  it('HEALTHY: the app waits for its dependency to pass its health check', () => {
    const w = kingdom();
    const arn = run(w, [
      box('db', { essential: false, healthCheck: { command: ['CMD', 'pg_isready'], interval: 15 } }),
      box('web', { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }),
    ]);
    w.tick(40);
    expect(starts(w, arn)).toEqual({ db: 0, web: 15 });
    expect(describe1(w, arn).lastStatus).toBe('RUNNING');
  });

  it('startTimeout: a dependency that does not get there in its startTimeout stops the dependant', () => {
    const w = kingdom();
    const arn = run(w, [
      box('db', {
        essential: false,
        startTimeout: 20,
        healthCheck: { command: ['CMD', 'pg_isready'], interval: 30 },
      }),
      box('web', { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }),
    ]);
    for (let i = 0; i < 60 && !w.events.some((e) => e.type === 'container/started'); i++) w.tick(1);
    const dbStart = w.state.now;
    while (w.state.tasks.get(arn)?.lastStatus !== 'STOPPED' && w.state.now - dbStart < 120) w.tick(1);
    expect(w.state.now - dbStart).toBe(20);
    expect(describe1(w, arn).containers[1].reason).toMatch(/start timeout\] for target \[web/);
  });

  it('HEALTHY on a container without a health check can never be met: the task stops', () => {
    const w = kingdom();
    const arn = run(w, [
      box('db', { essential: false }),
      box('web', { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }),
    ]);
    w.tick(30);
    expect(describe1(w, arn)).toMatchObject({
      lastStatus: 'STOPPED',
      stoppedReason: 'Essential container in task exited',
    });
  });

  it('an essential container that exits while another waits stops the task; the waiting one never starts (a property seed)', () => {
    const w = kingdom();
    w.ok('sim:SetImageBehavior', { image: 'c0:1', mode: 'crash', crashAfterSeconds: 9, exitCode: 0 });
    w.ok('sim:SetImageBehavior', { image: 'c1:1', mode: 'crash', crashAfterSeconds: 9, exitCode: 0 });
    const arn = run(w, [
      box('c0', { essential: false, image: 'c0:1' }),
      box('c1', { image: 'c1:1' }),
      box('c2', { image: 'c2:1', dependsOn: [{ containerName: 'c0', condition: 'COMPLETE' }] }),
    ]);
    w.tick(40);
    expect(Object.keys(starts(w, arn)).sort()).toEqual(['c0', 'c1']);
    expect(describe1(w, arn)).toMatchObject({
      lastStatus: 'STOPPED',
      stoppedReason: 'Essential container in task exited',
    });
    expect(w.events.filter((e) => e.type === 'container/exited' && e.data.taskArn === arn)).toHaveLength(2);
  });

  it('a health verdict in the second a waiting container times out is still told (a property seed)', () => {
    // c0 turns HEALTHY at its first probe (5 s), the second its startTimeout (5 s) ends: c1 (HEALTHY)
    // starts, c2 (COMPLETE) gives up and, being essential, stops the task. The verdict is an event too.
    const w = kingdom();
    const arn = run(w, [
      box('c0', { essential: false, healthCheck: { command: ['CMD', 'ok'], interval: 5 }, startTimeout: 5 }),
      box('c1', { dependsOn: [{ containerName: 'c0', condition: 'HEALTHY' }] }),
      box('c2', { dependsOn: [{ containerName: 'c0', condition: 'COMPLETE' }] }),
    ]);
    w.tick(60);
    expect(starts(w, arn)).toEqual({ c0: 0, c1: 5 });
    const healthy = w
      .eventsOf('container/healthChanged')
      .filter((e) => e.data.taskArn === arn && e.data.to === 'HEALTHY');
    expect(healthy.map((e) => e.data.containerName)).toEqual(['c0']);
    expect(describe1(w, arn).lastStatus).toBe('STOPPED');
  });

  it('a chain: migrate COMPLETE, then db HEALTHY, then web; a non-essential dependant does not stop the task', () => {
    const w = kingdom();
    w.ok('sim:SetImageBehavior', { image: 'probe:1', mode: 'crash', crashAfterSeconds: 2, exitCode: 2 });
    const arn = run(w, [
      box('migrate', { essential: false }),
      box('db', {
        dependsOn: [{ containerName: 'migrate', condition: 'COMPLETE' }],
        healthCheck: { command: ['CMD', 'pg_isready'], interval: 5 },
      }),
      box('web', { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }),
      box('probe', { essential: false }),
      box('reporter', { essential: false, dependsOn: [{ containerName: 'probe', condition: 'SUCCESS' }] }),
    ]);
    w.tick(60);
    expect(starts(w, arn)).toEqual({ migrate: 0, probe: 0, db: 10, web: 15 });
    const t = describe1(w, arn);
    expect(t.lastStatus).toBe('RUNNING');
    expect(t.containers.find((c: { name: string }) => c.name === 'reporter')).toMatchObject({
      lastStatus: 'STOPPED',
      exitCode: 143,
    });
  });
});
