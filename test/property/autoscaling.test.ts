/**
 * Properties of Application Auto Scaling for ECS services
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html):
 * whatever the travelers do (any schedule of rates), whatever the range, target and cooldowns, every
 * scaling activity and the service's desired count stay within the scalable target's min and max; a
 * policy never scales out twice within its ScaleOutCooldown, never scales in within ScaleInCooldown of
 * its previous activity, never scales in with DisableScaleIn; and the same calls give the same world.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alb, registerWebWithPort } from '../support/elb.ts';
import { kingdom, World } from '../support/world.ts';
import { runs } from './arbitraries.ts';

const REF = {
  ServiceNamespace: 'ecs',
  ResourceId: 'service/Royaume/mill',
  ScalableDimension: 'ecs:service:DesiredCount',
};

/** A mill of 2 tasks behind a load balancer on three m5.large, built once. */
const base = (() => {
  const w = kingdom(['a', 'b', 'c'], 'm5.large');
  const a = alb(w, { waitActive: true });
  w.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: registerWebWithPort(w),
    desiredCount: 2,
    loadBalancers: [{ targetGroupArn: a.blue, containerName: 'web', containerPort: 80 }],
  });
  w.tick(90);
  return { state: w.state, listener: a.listener80 };
})();

const scenario = fc
  .record({
    min: fc.integer({ min: 0, max: 5 }),
    extra: fc.integer({ min: 0, max: 7 }),
    target: fc.integer({ min: 10, max: 90 }),
    metric: fc.constantFrom('ECSServiceAverageCPUUtilization', 'ECSServiceAverageMemoryUtilization'),
    outCooldown: fc.integer({ min: 0, max: 400 }),
    inCooldown: fc.integer({ min: 0, max: 400 }),
    disableScaleIn: fc.boolean(),
    schedule: fc.array(
      fc.record({ rps: fc.integer({ min: 0, max: 400 }), seconds: fc.integer({ min: 60, max: 900 }) }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map((s) => ({ ...s, max: s.min + s.extra }));

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function play(sc: Scenario) {
  const w = new World();
  w.state = base.state;
  w.ok('application-autoscaling:RegisterScalableTarget', {
    ...REF,
    MinCapacity: sc.min,
    MaxCapacity: sc.max,
  });
  w.ok('application-autoscaling:PutScalingPolicy', {
    ...REF,
    PolicyName: 'follow',
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: sc.target,
      PredefinedMetricSpecification: { PredefinedMetricType: sc.metric },
      ScaleOutCooldown: sc.outCooldown,
      ScaleInCooldown: sc.inCooldown,
      DisableScaleIn: sc.disableScaleIn,
    },
  });
  const desired: number[] = [w.service('mill').desiredCount];
  for (const step of sc.schedule) {
    w.ok('sim:SetTraffic', { ListenerArn: base.listener, RequestsPerSecond: step.rps });
    for (let t = 0; t < step.seconds; t += 60) {
      w.tick(Math.min(60, step.seconds - t));
      desired.push(w.service('mill').desiredCount);
    }
  }
  return { w, desired };
}

describe('Application Auto Scaling', () => {
  it('keeps the desired count within min and max, and respects cooldowns and DisableScaleIn', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const { w, desired } = play(sc);
        for (const d of desired) {
          expect(d).toBeGreaterThanOrEqual(sc.min);
          expect(d).toBeLessThanOrEqual(sc.max);
        }
        const acts = w.events
          .filter((e) => e.type === 'scaling/activity')
          .map((e) => e.data as { from: number; to: number; why: unknown });
        const times = w.state.appAutoScaling.activities
          .filter((a) => a.why !== null)
          .map((a) => ({
            t: a.StartTime,
            out: (a.why as { to: number; from: number }).to > (a.why as { from: number }).from,
          }))
          .reverse();
        for (const a of acts) {
          expect(a.to).toBeGreaterThanOrEqual(sc.min);
          expect(a.to).toBeLessThanOrEqual(sc.max);
        }
        let lastOut: number | null = null;
        let lastAny: number | null = null;
        for (const a of times) {
          if (a.out) {
            if (lastOut !== null) expect(a.t - lastOut).toBeGreaterThanOrEqual(sc.outCooldown);
            lastOut = a.t;
          } else {
            expect(sc.disableScaleIn).toBe(false);
            if (lastAny !== null) expect(a.t - lastAny).toBeGreaterThanOrEqual(sc.inCooldown);
          }
          lastAny = a.t;
        }
      }),
      { numRuns: runs(12), seed: 17 },
    );
  });

  it('the same calls give the same world', () => {
    const sc: Scenario = {
      min: 1,
      extra: 5,
      max: 6,
      target: 40,
      metric: 'ECSServiceAverageCPUUtilization',
      outCooldown: 60,
      inCooldown: 60,
      disableScaleIn: false,
      schedule: [
        { rps: 300, seconds: 600 },
        { rps: 5, seconds: 1200 },
      ],
    };
    const a = play(sc);
    const b = play(sc);
    expect(JSON.stringify(b.w.state)).toBe(JSON.stringify(a.w.state));
    expect(a.w.state.appAutoScaling.activities.length).toBeGreaterThanOrEqual(2);
  });
});
