/**
 * Properties of ECS deployments
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html):
 * - native BLUE_GREEN / LINEAR / CANARY with an alarm at a random second: an alarm before CLEAN_UP
 *   always ends with 0% of production on the new revision, ROLLBACK_SUCCESSFUL, and only the previous
 *   revision running; a later alarm changes nothing; production weights always sum to 100% over blue
 *   and green, and green never gets production traffic before its tasks are all healthy;
 * - replays are identical: the same seed and calls give the same state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimState } from '../../src/model/sim/types.ts';
import { type NativeWorld, nativeWorld, quietAlarm, setAlarm } from '../support/deployments.ts';
import { registerWebWithPort } from '../support/elb.ts';
import { runs } from './arbitraries.ts';
import { must } from './invariants.ts';

const SERVICE = 'arn:aws:ecs:za-southwest-1:123456789012:service/Royaume/mill';

const strategyArb = fc.oneof(
  fc.record({ strategy: fc.constant('BLUE_GREEN'), bakeTimeInMinutes: fc.integer({ min: 0, max: 2 }) }),
  fc.record({
    strategy: fc.constant('LINEAR'),
    bakeTimeInMinutes: fc.integer({ min: 0, max: 2 }),
    linearConfiguration: fc.record({
      stepPercent: fc.constantFrom(20, 25, 33.3, 50),
      stepBakeTimeInMinutes: fc.integer({ min: 0, max: 1 }),
    }),
  }),
  fc.record({
    strategy: fc.constant('CANARY'),
    bakeTimeInMinutes: fc.integer({ min: 0, max: 2 }),
    canaryConfiguration: fc.record({
      canaryPercent: fc.constantFrom(0.5, 5, 10, 50),
      canaryBakeTimeInMinutes: fc.integer({ min: 0, max: 2 }),
    }),
  }),
);

const scenario = fc.record({
  seed: fc.integer({ min: 1, max: 1000 }),
  desired: fc.integer({ min: 1, max: 3 }),
  config: strategyArb,
  /** Seconds after the update when the alarm fires. */
  alarmAt: fc.integer({ min: 1, max: 420 }),
});

function greenShare(
  s: SimState,
  rule: string,
  blue: string,
  green: string,
): { green: number; total: number } {
  const fwd = s.elb.rules[rule]?.Actions.find((a) => a.Type === 'forward');
  const tgs = fwd?.ForwardConfig?.TargetGroups ?? [{ TargetGroupArn: fwd?.TargetGroupArn ?? '', Weight: 1 }];
  const total = tgs
    .filter((t) => t.TargetGroupArn === blue || t.TargetGroupArn === green)
    .reduce((a, t) => a + t.Weight, 0);
  const g = tgs.find((t) => t.TargetGroupArn === green)?.Weight ?? 0;
  return { green: total ? (100 * g) / total : 0, total };
}

/** Runs the scenario; returns the world and what was observed. */
function play(seed: number, desired: number, config: Record<string, unknown>, alarmAt: number) {
  const n: NativeWorld = nativeWorld(
    { ...config, alarms: { alarmNames: ['5xx'], enable: true, rollback: true } },
    desired,
    seed,
  );
  quietAlarm(n.w, '5xx');
  const td2 = registerWebWithPort(n.w, 'web', 'bridge', 'nginx:1.28');
  n.w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
  let stageAtAlarm = '';
  let statusAtAlarm = '';
  for (let t = 1; t <= 900; t++) {
    if (t === alarmAt) {
      const rec = n.w.state.services.get(SERVICE)?.serviceDeployments?.[0];
      stageAtAlarm = rec?.native?.stage ?? '';
      statusAtAlarm = rec?.status ?? '';
      setAlarm(n.w, '5xx', 'ALARM');
    }
    n.w.tick(1);
    const s = n.w.state;
    const share = greenShare(s, n.prodRule, n.blueTg, n.greenTg);
    must(share.total > 0, () => `production rule lost its blue/green weights at t=${t}`);
    const rec = s.services.get(SERVICE)?.serviceDeployments?.[0];
    if (rec?.native && share.green > 0 && rec.status === 'IN_PROGRESS') {
      const greenHealthyOrDone = [
        'PRODUCTION_TRAFFIC_SHIFT',
        'POST_PRODUCTION_TRAFFIC_SHIFT',
        'BAKE_TIME',
        'CLEAN_UP',
      ].includes(rec.native.stage);
      must(
        greenHealthyOrDone,
        () => `green got ${share.green}% of production during ${rec.native?.stage} (t=${t})`,
      );
    }
    if (
      t > alarmAt &&
      rec &&
      !['IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS'].includes(rec.status)
    )
      break;
  }
  // Let AZ rebalancing (which may start right after CLEAN_UP) settle before the end state is read.
  n.w.tick(180);
  return { n, td2, stageAtAlarm, statusAtAlarm };
}

describe('native deployments with an alarm at a random time', () => {
  it('an alarm before CLEAN_UP always ends at 0% on the new revision with the previous revision restored', () => {
    let rolledBack = 0;
    let finished = 0;
    fc.assert(
      fc.property(scenario, ({ seed, desired, config, alarmAt }) => {
        const { n, td2, stageAtAlarm, statusAtAlarm } = play(seed, desired, config, alarmAt);
        const s = n.w.state;
        const rec = s.services.get(SERVICE)?.serviceDeployments?.[0];
        const live = s.tasks
          .values()
          .filter((t) => t.serviceName === 'mill' && t.desiredStatus === 'RUNNING');
        const share = greenShare(s, n.prodRule, n.blueTg, n.greenTg);
        const where = () =>
          `alarm at +${alarmAt}s during ${stageAtAlarm || statusAtAlarm}; record ${rec?.status}; ${JSON.stringify(config)}`;
        if (statusAtAlarm === 'IN_PROGRESS' && stageAtAlarm !== 'CLEAN_UP') {
          rolledBack++;
          must(rec?.status === 'ROLLBACK_SUCCESSFUL', () => `no rollback: ${where()}`);
          must(share.green === 0, () => `${share.green}% still on green: ${where()}`);
          must(
            s.services.get(SERVICE)?.taskDefinition === n.td1,
            () => `service not back on the previous revision: ${where()}`,
          );
          must(
            live.length === desired && live.every((t) => t.taskDefinitionArn === n.td1),
            () => `tasks not restored: ${where()}`,
          );
        } else {
          finished++;
          must(rec?.status === 'SUCCESSFUL', () => `a late alarm changed the outcome: ${where()}`);
          must(share.green === 100, () => `production not on green after success: ${where()}`);
          must(
            live.length === desired && live.every((t) => t.taskDefinitionArn === td2),
            () => `tasks not all new: ${where()}`,
          );
        }
      }),
      { numRuns: runs(30) },
    );
    expect(rolledBack).toBeGreaterThan(5);
    expect(finished + rolledBack).toBe(runs(30));
  });

  it('replays are identical: the same seed and calls give the same state', () => {
    fc.assert(
      fc.property(scenario, ({ seed, desired, config, alarmAt }) => {
        const a = play(seed, desired, config, alarmAt).n.w.state;
        const b = play(seed, desired, config, alarmAt).n.w.state;
        must(JSON.stringify(a) === JSON.stringify(b), () => `two replays differ (seed ${seed})`);
      }),
      { numRuns: runs(8) },
    );
  });
});
