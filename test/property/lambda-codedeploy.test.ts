/**
 * Properties of Lambda aliases and the deployments that shift them
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html,
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html): alias weights
 * always lie in [0, 1] with at most one additional version (never the primary); any alarm during a CodeDeploy
 * shift (with rollback on alarm) ends with 100% on the original version; the same seed and calls replay to
 * identical states and events.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAM_DEPLOYMENT_PREFERENCE_TYPES } from '../../src/model/codedeploy/codedeploy-configs.ts';
import type { SimState } from '../../src/model/sim/types.ts';
import { alias, deploy, deployment, lambdaApp, lambdaAppSpec, spell } from '../support/codedeploy.ts';
import { World } from '../support/world.ts';
import { runs } from './arbitraries.ts';

type Op =
  | { kind: 'route'; primary: string; weights: Record<string, number> }
  | { kind: 'start'; version: string; steps: number; interval: number }
  | { kind: 'fail'; version: string; rate: number }
  | { kind: 'traffic'; rps: number }
  | { kind: 'invoke' }
  | { kind: 'tick'; seconds: number };

const version = fc.constantFrom('1', '2', '3', '$LATEST', '9');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('route' as const),
    primary: version,
    weights: fc.dictionary(
      version,
      fc.oneof(fc.double({ min: -0.5, max: 1.5, noNaN: true }), fc.constantFrom(0, 1, 0.5)),
      { maxKeys: 2 },
    ),
  }),
  fc.record({
    kind: fc.constant('start' as const),
    version,
    steps: fc.integer({ min: 0, max: 12 }),
    interval: fc.integer({ min: 0, max: 90 }),
  }),
  fc.record({
    kind: fc.constant('fail' as const),
    version: fc.constantFrom('1', '2', '3'),
    rate: fc.constantFrom(0, 0.2, 1),
  }),
  fc.record({ kind: fc.constant('traffic' as const), rps: fc.constantFrom(0, 3, 20) }),
  fc.constant({ kind: 'invoke' as const }),
  fc.record({ kind: fc.constant('tick' as const), seconds: fc.integer({ min: 1, max: 120 }) }),
);

function apply(w: World, op: Op): void {
  switch (op.kind) {
    case 'route':
      w.call('lambda:UpdateAlias', {
        FunctionName: 'spell',
        Name: 'live',
        FunctionVersion: op.primary,
        RoutingConfig: { AdditionalVersionWeights: op.weights },
      });
      return;
    case 'start':
      w.call('sim:StartAliasDeployment', {
        'function-name': 'spell',
        'alias-name': 'live',
        'new-version': op.version,
        steps: op.steps,
        interval: op.interval,
        type: 'linear',
        'health-check': true,
      });
      return;
    case 'fail':
      if (op.version !== '$LATEST')
        w.call('sim:SetBehavior', { FunctionName: 'spell', Version: op.version, ErrorRate: op.rate });
      return;
    case 'traffic':
      w.call('sim:SetTraffic', { FunctionName: 'spell', Qualifier: 'live', RequestsPerSecond: op.rps });
      return;
    case 'invoke':
      w.call('lambda:Invoke', { FunctionName: 'spell', Qualifier: 'live' });
      return;
    case 'tick':
      w.tick(op.seconds);
  }
}

function checkAliases(s: SimState): void {
  for (const fn of Object.values(s.lambda.functions))
    for (const a of Object.values(fn.aliases)) {
      const weights = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {});
      expect(weights.length).toBeLessThanOrEqual(1);
      for (const [v, wt] of weights) {
        expect(wt).toBeGreaterThanOrEqual(0);
        expect(wt).toBeLessThanOrEqual(1);
        expect(v).toMatch(/^[0-9]+$/);
        expect(v).not.toBe(a.FunctionVersion);
        expect(fn.versions[v]).toBeDefined();
      }
      if (weights.length) expect(a.FunctionVersion).not.toBe('$LATEST');
    }
}

describe('Lambda alias properties', () => {
  it('alias weights stay in [0, 1] with at most one additional version', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(opArb, { maxLength: 25 }), (seed, ops) => {
        const w = new World(seed);
        spell(w, 3);
        for (const op of ops) {
          apply(w, op);
          checkAliases(w.state);
        }
      }),
      { numRuns: runs(40) },
    );
  });

  it('any alarm during a CodeDeploy shift ends with 100% on the original version', () => {
    const types = Object.keys(SAM_DEPLOYMENT_PREFERENCE_TYPES).filter((t) => t !== 'AllAtOnce');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom(...types),
        fc.integer({ min: 1, max: 1200 }),
        (seed, type, alarmAt) => {
          const w = new World(seed);
          spell(w, 2);
          lambdaApp(w, SAM_DEPLOYMENT_PREFERENCE_TYPES[type] as string, {
            alarmConfiguration: { enabled: true, alarms: [{ name: 'watch' }] },
            autoRollbackConfiguration: {
              enabled: true,
              events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST'],
            },
          });
          const id = deploy(w, lambdaAppSpec());
          w.tick(1 + alarmAt);
          // An alarm that breaches on missing data: it goes to ALARM at its first evaluation and stays.
          w.ok('cloudwatch:PutMetricAlarm', {
            AlarmName: 'watch',
            Namespace: 'AWS/Lambda',
            MetricName: 'Errors',
            Dimensions: [{ Name: 'FunctionName', Value: 'nobody' }],
            Statistic: 'Sum',
            Period: 60,
            EvaluationPeriods: 1,
            Threshold: 0,
            ComparisonOperator: 'GreaterThanThreshold',
            TreatMissingData: 'breaching',
          });
          w.tick(180);
          const alarm = Object.values(w.state.cloudwatch.alarms).find((a) => a.AlarmName === 'watch');
          expect(alarm?.StateValue).toBe('ALARM');
          const d = deployment(w, id);
          if (d.status === 'Succeeded') {
            // It finished before the alarm fired: nothing to roll back.
            expect(d.completeTime).toBeLessThanOrEqual(alarm?.StateUpdatedTimestamp ?? 0);
            return;
          }
          expect(d.status).toBe('Stopped');
          const a = alias(w);
          expect(a.FunctionVersion).toBe('1');
          expect(a.RoutingConfig).toBeUndefined();
        },
      ),
      { numRuns: runs(30) },
    );
  });

  it('replays are identical', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(opArb, { maxLength: 20 }), (seed, ops) => {
        const run = () => {
          const w = new World(seed);
          spell(w, 3);
          lambdaApp(w, 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute');
          deploy(w, lambdaAppSpec());
          for (const op of ops) apply(w, op);
          return JSON.stringify([w.state, w.events]);
        };
        expect(run()).toBe(run());
      }),
      { numRuns: runs(20) },
    );
  });
});
