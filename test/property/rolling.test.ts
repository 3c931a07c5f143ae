/**
 * Property 6 (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html): a
 * rolling update stays within its deployment configuration.
 *
 * A service of 1-8 tasks with random minimumHealthyPercent (0-100) and maximumPercent (100-200)
 * reaches steady state on ample capacity; then UpdateService moves it to a new task definition
 * revision. At every simulated second until it is done, the service's live tasks (desiredStatus
 * RUNNING, lastStatus not STOPPED) never exceed floor(desired x max / 100), and its healthy tasks
 * (RUNNING for at least 40 s, desiredStatus RUNNING) never drop below ceil(desired x min / 100).
 * No faults. When the bounds leave room to move (a surge above desired, or a stop below it), the
 * deployment completes: desired tasks of the new revision, one deployment, COMPLETED.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimState, Task } from '../../src/model/sim/types.ts';
import { CLUSTER, Driver, deploymentBoundsArb, runs, TASK_DEFS, TD_PEBBLE } from './arbitraries.ts';
import { must } from './invariants.ts';

const HEALTHY_AFTER = 40;

const serviceTasks = (s: SimState, name: string): Task[] =>
  s.tasks.values().filter((t) => t.serviceName === name);

const live = (ts: Task[]) => ts.filter((t) => t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED');
const healthy = (ts: Task[], now: number) =>
  ts.filter(
    (t) =>
      t.desiredStatus === 'RUNNING' &&
      t.lastStatus === 'RUNNING' &&
      t.startedAt !== undefined &&
      now - t.startedAt >= HEALTHY_AFTER,
  );

const scenario = fc.record({
  seed: fc.integer({ min: 1, max: 0x7fffffff }),
  desired: fc.integer({ min: 1, max: 8 }),
  bounds: deploymentBoundsArb,
  spread: fc.boolean(),
  /** Seconds between reaching steady state and the update. */
  wait: fc.integer({ min: 0, max: 30 }),
});

/** A steady `mill` of `desired` pebble tasks on six t3.medium over three zones (ample capacity). */
function steadyMill(
  seed: number,
  desired: number,
  min: number,
  max: number,
  spread: boolean,
  extra: Record<string, unknown> = {},
): Driver {
  const d = new Driver(seed);
  d.setup([0, 1, 2, 0, 1, 2].map((zone) => ({ zone, type: 't3.medium' })));
  d.ok('ecs:CreateService', {
    cluster: CLUSTER,
    serviceName: 'mill',
    taskDefinition: (TASK_DEFS[TD_PEBBLE] as { family: string }).family,
    desiredCount: desired,
    deploymentConfiguration: { minimumHealthyPercent: min, maximumPercent: max, ...extra },
    ...(spread ? {} : { placementStrategy: [{ type: 'binpack', field: 'memory' }] }),
  });
  for (let t = 0; t < 180; t++) {
    d.advance(1);
    const ts = serviceTasks(d.state, 'mill');
    if (healthy(ts, d.state.now).length === desired && live(ts).length === desired) return d;
  }
  throw new Error(`mill never reached steady state (desired ${desired})`);
}

describe('rolling update bounds', () => {
  it('live tasks <= floor(desired*max/100) and healthy >= ceil(desired*min/100) at every second', () => {
    let completed = 0;
    let deadlocked = 0;
    fc.assert(
      fc.property(scenario, ({ seed, desired, bounds: [min, max], spread, wait }) => {
        const d = steadyMill(seed, desired, min, max, spread);
        const pebble = TASK_DEFS[TD_PEBBLE] as { family: string };
        const maxTasks = Math.floor((desired * max) / 100);
        const minHealthy = Math.ceil((desired * min) / 100);
        d.advance(wait);

        const oldRevision = d.state.services.get(d.state.services.keys()[0] as string)?.taskDefinition;
        const next = d.ok('ecs:RegisterTaskDefinition', {
          ...pebble,
          containerDefinitions: [{ name: 'app', image: 'nginx:1.28', cpu: 64, memory: 64, essential: true }],
        }).taskDefinition.taskDefinitionArn as string;
        must(next !== oldRevision, () => 'the new revision is not new');
        d.ok('ecs:UpdateService', { cluster: CLUSTER, service: 'mill', taskDefinition: next });

        const canMove = maxTasks > desired || minHealthy < desired;
        for (let t = 1; t <= 400; t++) {
          d.advance(1);
          const ts = serviceTasks(d.state, 'mill');
          const l = live(ts).length;
          const h = healthy(ts, d.state.now).length;
          const at = () =>
            `t=${t}s after the update (desired ${desired}, min ${min}% -> ${minHealthy}, max ${max}% -> ${maxTasks}): ` +
            ts
              .filter((x) => x.lastStatus !== 'STOPPED')
              .map(
                (x) =>
                  `${x.taskDefinitionArn.endsWith(':1') ? 'old' : 'new'}:${x.lastStatus}/${x.desiredStatus}`,
              )
              .join(' ');
          must(l <= maxTasks, () => `${l} live tasks exceed ${maxTasks}; ${at()}`);
          must(h >= minHealthy, () => `${h} healthy tasks below ${minHealthy}; ${at()}`);
          const done =
            ts.filter(
              (x) =>
                x.taskDefinitionArn === next && x.lastStatus === 'RUNNING' && x.desiredStatus === 'RUNNING',
            ).length === desired && l === desired;
          if (done && t > HEALTHY_AFTER) break;
        }
        const svc = d.ok('ecs:DescribeServices', { cluster: CLUSTER, services: ['mill'] }).services[0];
        if (canMove) {
          completed++;
          must(
            svc.deployments.length === 1 &&
              svc.deployments[0].taskDefinition === next &&
              svc.deployments[0].runningCount === desired &&
              svc.deployments[0].rolloutState === 'COMPLETED',
            () => `the deployment did not complete: ${JSON.stringify(svc.deployments)}`,
          );
        } else {
          deadlocked++;
          // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html: neither
          // bound lets the deployment move; ECS says so in an event.
          must(
            svc.events.some((e: any) =>
              (e.message as string).startsWith(
                '(service mill) was unable to stop or start tasks during a deployment',
              ),
            ),
            () => `deadlocked deployment without its event (min ${min}, max ${max}, desired ${desired})`,
          );
        }
      }),
      { numRuns: runs(100) },
    );
    expect(completed).toBeGreaterThan(50);
    expect(deadlocked).toBeGreaterThan(0);
  });

  // Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-draining.html
  it('draining instances replaces their tasks within the same bounds', () => {
    let moved = 0;
    fc.assert(
      fc.property(
        scenario,
        fc.uniqueArray(fc.nat(5), { minLength: 1, maxLength: 3 }),
        ({ seed, desired, bounds: [min, max], spread, wait }, drained) => {
          const d = steadyMill(seed, desired, min, max, spread);
          d.advance(wait);
          const maxTasks = Math.floor((desired * max) / 100);
          const minHealthy = Math.ceil((desired * min) / 100);
          const arns = d.state.containerInstances
            .values()
            .map((ci) => ci.containerInstanceArn)
            .sort();
          const targets = drained.map((i) => arns[i] as string);
          d.ok('ecs:UpdateContainerInstancesState', {
            cluster: CLUSTER,
            containerInstances: targets,
            status: 'DRAINING',
          });
          const onDrained = (t: Task) => targets.includes(t.containerInstanceArn ?? '');
          const canMove = maxTasks > desired || minHealthy < desired;
          let done = false;
          for (let t = 1; t <= 400 && !done; t++) {
            d.advance(1);
            const ts = serviceTasks(d.state, 'mill');
            const l = live(ts);
            const h = healthy(ts, d.state.now).length;
            const at = () =>
              `t=${t}s after draining ${targets.length} (desired ${desired}, min ${min}% -> ${minHealthy}, max ${max}% -> ${maxTasks}): ` +
              l.map((x) => `${onDrained(x) ? 'drained' : 'ok'}:${x.lastStatus}`).join(' ');
            must(l.length <= maxTasks, () => `${l.length} live tasks exceed ${maxTasks}; ${at()}`);
            must(h >= minHealthy, () => `${h} healthy tasks below ${minHealthy}; ${at()}`);
            must(
              !ts.some((x) => onDrained(x) && x.startedAt === undefined && x.desiredStatus === 'RUNNING'),
              () => `a task was placed on, or left PENDING on, a DRAINING instance; ${at()}`,
            );
            done =
              ts.every((x) => !onDrained(x) || x.lastStatus === 'STOPPED') &&
              healthy(ts, d.state.now).length === desired;
          }
          if (canMove) {
            moved++;
            must(done, () => `draining never completed (desired ${desired}, min ${min}, max ${max})`);
          }
        },
      ),
      { numRuns: runs(60) },
    );
    expect(moved).toBeGreaterThan(20);
  });

  // Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html
  it('a failing revision under the circuit breaker stays within the bounds and ends as configured', () => {
    const outcomes = { rolledBack: 0, failed: 0, retrying: 0 };
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom('off', 'fail', 'rollback'),
        ({ seed, desired, bounds: [min, max], spread, wait }, breaker) => {
          const cb =
            breaker === 'off'
              ? {}
              : { deploymentCircuitBreaker: { enable: true, rollback: breaker === 'rollback' } };
          const d = steadyMill(seed, desired, min, max, spread, cb);
          d.advance(wait);
          const pebble = TASK_DEFS[TD_PEBBLE] as { family: string };
          const maxTasks = Math.floor((desired * max) / 100);
          const minHealthy = Math.ceil((desired * min) / 100);
          const old = d.state.services.get(d.state.services.keys()[0] as string)?.taskDefinition as string;
          d.ok('sim:SetImageBehavior', { image: 'pebble:broken', mode: 'fail-to-start' });
          const next = d.ok('ecs:RegisterTaskDefinition', {
            ...pebble,
            containerDefinitions: [
              { name: 'app', image: 'pebble:broken', cpu: 64, memory: 64, essential: true },
            ],
          }).taskDefinition.taskDefinitionArn as string;
          d.ok('ecs:UpdateService', { cluster: CLUSTER, service: 'mill', taskDefinition: next });
          for (let t = 1; t <= 600; t++) {
            d.advance(1);
            const ts = serviceTasks(d.state, 'mill');
            const l = live(ts).length;
            const h = healthy(ts, d.state.now).length;
            must(l <= maxTasks, () => `t=${t}: ${l} live tasks exceed ${maxTasks} (${breaker})`);
            // New tasks never become healthy, so no healthy task is stopped below the minimum.
            must(h >= minHealthy, () => `t=${t}: ${h} healthy tasks below ${minHealthy} (${breaker})`);
          }
          const svc = d.ok('ecs:DescribeServices', { cluster: CLUSTER, services: ['mill'] }).services[0];
          // Deadlocked bounds never launch a new task, so nothing can fail
          // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html).
          if (!(maxTasks > desired || minHealthy < desired)) return;
          if (breaker === 'rollback') {
            outcomes.rolledBack++;
            must(
              svc.taskDefinition === old &&
                svc.deployments.length === 1 &&
                svc.deployments[0].rolloutState === 'COMPLETED',
              () => `not rolled back: ${JSON.stringify(svc.deployments)}`,
            );
            must(
              healthy(serviceTasks(d.state, 'mill'), d.state.now).every((t) => t.taskDefinitionArn === old),
              () => 'a task of the failed revision is still running',
            );
          } else if (breaker === 'fail') {
            outcomes.failed++;
            must(
              svc.deployments[0].rolloutState === 'FAILED',
              () => `not FAILED: ${JSON.stringify(svc.deployments[0])}`,
            );
          } else {
            outcomes.retrying++;
            must(
              svc.deployments[0].rolloutState === 'IN_PROGRESS',
              () => 'the deployment ended without a breaker',
            );
          }
        },
      ),
      { numRuns: runs(45) },
    );
    expect(outcomes.rolledBack).toBeGreaterThan(0);
    expect(outcomes.failed).toBeGreaterThan(0);
  });
});
