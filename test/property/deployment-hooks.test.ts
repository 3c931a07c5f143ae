/**
 * Property of ECS-native lifecycle hooks
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/lambda-lifecycle-hooks.html: "FAILED - Amazon
 * ECS rolls back the deployment to the last successful service revision"; a function error or no valid
 * hookStatus rolls back too): for any strategy, a hook that fails at any stage it may name before CLEAN_UP,
 * whatever other hooks succeed or take their time, ends with 100% of production on the previous revision,
 * the deployment ROLLBACK_SUCCESSFUL, and the previous revision's tasks intact (the very tasks that served
 * before the update, none replaced). RECONCILE_SERVICE is left out: a deployment from one steady revision
 * never enters it.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { SimState } from '../../src/model/sim/types.ts';
import { nativeWorld } from '../support/deployments.ts';
import { registerWebWithPort } from '../support/elb.ts';
import { runs } from './arbitraries.ts';
import { must } from './invariants.ts';

const SERVICE = 'arn:aws:ecs:za-southwest-1:123456789012:service/Royaume/mill';
const ROLE = 'arn:aws:iam::123456789012:role/hook';
const arnOf = (name: string) => `arn:aws:lambda:za-southwest-1:123456789012:function:${name}`;
const STAGES = [
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
] as const;

const strategyArb = fc.oneof(
  fc.record({ strategy: fc.constant('BLUE_GREEN'), bakeTimeInMinutes: fc.integer({ min: 0, max: 2 }) }),
  fc.record({
    strategy: fc.constant('LINEAR'),
    bakeTimeInMinutes: fc.integer({ min: 0, max: 2 }),
    linearConfiguration: fc.record({
      stepPercent: fc.constantFrom(25, 33.3, 50),
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

/** How the failing hook fails: FAILED, a function error, or no hookStatus at all. */
const failureArb = fc.constantFrom('FAILED', 'FunctionError', 'NoHookStatus');

/** A second hook that succeeds, at once or after IN_PROGRESS answers, at some stages. */
const helperArb = fc.option(
  fc.record({
    stages: fc.subarray([...STAGES], { minLength: 1 }),
    inProgress: fc.integer({ min: 0, max: 2 }),
    delay: fc.integer({ min: 1, max: 40 }),
  }),
  { nil: undefined },
);

const scenario = fc.record({
  seed: fc.integer({ min: 1, max: 1000 }),
  desired: fc.integer({ min: 1, max: 3 }),
  config: strategyArb,
  stage: fc.constantFrom(...STAGES),
  failure: failureArb,
  helper: helperArb,
});

function productionOnGreen(s: SimState, rule: string, blue: string, green: string): number {
  const fwd = s.elb.rules[rule]?.Actions.find((a) => a.Type === 'forward');
  const tgs = fwd?.ForwardConfig?.TargetGroups ?? [{ TargetGroupArn: fwd?.TargetGroupArn ?? '', Weight: 1 }];
  const total = tgs
    .filter((t) => t.TargetGroupArn === blue || t.TargetGroupArn === green)
    .reduce((a, t) => a + t.Weight, 0);
  return total ? (100 * (tgs.find((t) => t.TargetGroupArn === green)?.Weight ?? 0)) / total : 0;
}

function fn(n: ReturnType<typeof nativeWorld>, name: string): void {
  n.w.ok('lambda:CreateFunction', {
    FunctionName: name,
    Runtime: 'python3.12',
    Role: ROLE,
    Handler: 'app.handler',
    Code: { ZipFile: btoa(name) },
  });
}

describe('lifecycle hooks that fail', () => {
  it('a hook failing at any stage before CLEAN_UP leaves production and the tasks on the previous revision', () => {
    fc.assert(
      fc.property(scenario, ({ seed, desired, config, stage, failure, helper }) => {
        const hooks = [
          { hookTargetArn: arnOf('gate'), lifecycleStages: [stage] },
          ...(helper ? [{ hookTargetArn: arnOf('helper'), lifecycleStages: helper.stages }] : []),
        ];
        const n = nativeWorld({ ...config, lifecycleHooks: hooks }, desired, seed);
        fn(n, 'gate');
        if (failure === 'FAILED') n.w.ok('sim:SetHookRule', { FunctionName: 'gate', Rule: 'fail' });
        if (failure === 'FunctionError') {
          n.w.ok('sim:SetHookRule', { FunctionName: 'gate', Rule: 'succeed' });
          n.w.ok('sim:SetBehavior', { FunctionName: 'gate', Version: '$LATEST', ErrorRate: 1 });
        }
        if (helper) {
          fn(n, 'helper');
          n.w.ok('sim:SetHookRule', {
            FunctionName: 'helper',
            ...(helper.inProgress > 0
              ? {
                  Rule: 'in-progress-then-succeed',
                  InProgressInvocations: helper.inProgress,
                  CallBackDelaySeconds: helper.delay,
                }
              : { Rule: 'succeed' }),
          });
        }
        const blueTasks = n.w
          .running('mill')
          .map((t) => t.taskArn)
          .sort();
        const td2 = registerWebWithPort(n.w, 'web', 'bridge', 'nginx:1.28');
        n.w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
        let status = '';
        for (let t = 0; t < 1500; t++) {
          n.w.tick(1);
          status = n.w.state.services.get(SERVICE)?.serviceDeployments?.[0]?.status ?? '';
          if (!['IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS'].includes(status)) break;
        }
        const s = n.w.state;
        const rec = s.services.get(SERVICE)?.serviceDeployments?.[0];
        const where = () =>
          `${failure} at ${stage}; ${JSON.stringify(config)}; helper ${JSON.stringify(helper)}; record ${status}`;
        must(status === 'ROLLBACK_SUCCESSFUL', () => `no rollback: ${where()}`);
        must(rec?.rollback?.hook?.lifecycleStage === stage, () => `rollback names another stage: ${where()}`);
        must(
          productionOnGreen(s, n.prodRule, n.blueTg, n.greenTg) === 0,
          () => `production not all on the previous revision: ${where()}`,
        );
        const live = s.tasks
          .values()
          .filter((t) => t.serviceName === 'mill' && t.desiredStatus === 'RUNNING')
          .map((t) => t.taskArn)
          .sort();
        must(JSON.stringify(live) === JSON.stringify(blueTasks), () => `blue's tasks changed: ${where()}`);
        must(s.services.get(SERVICE)?.taskDefinition === n.td1, () => `service not on td1: ${where()}`);
      }),
      { numRuns: runs(40) },
    );
  });
});
