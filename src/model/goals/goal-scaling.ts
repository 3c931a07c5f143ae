/**
 * Goals about Application Auto Scaling, read from its state
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-auto-scaling.html): a scalable target
 * registered with a range, a policy of a kind, and the service grown by a policy under load and shrunk by
 * one after (its scaling activities, which carry why they happened).
 */
import type { PredefinedMetricType, SimState } from '../sim/types.ts';
import { atLeast, type Result } from './goal-state.ts';

export type ScalingGoalCheck =
  /** The service is a scalable target with MinCapacity >= minAtLeast and MaxCapacity >= maxAtLeast. */
  | { kind: 'scalableTarget'; service: string; minAtLeast: number; maxAtLeast: number }
  /** The service has a target-tracking policy on this predefined metric. */
  | { kind: 'targetTrackingPolicy'; service: string; metric: PredefinedMetricType }
  /** A scaling policy set the service's desired count to at least `atLeast`. */
  | { kind: 'serviceScaledOut'; service: string; atLeast: number }
  /** After growing, a scaling policy shrank the service again. */
  | { kind: 'serviceScaledIn'; service: string };

const SCALING_KINDS = new Set([
  'scalableTarget',
  'targetTrackingPolicy',
  'serviceScaledOut',
  'serviceScaledIn',
]);

export function isScalingCheck(c: { kind: string }): c is ScalingGoalCheck {
  return SCALING_KINDS.has(c.kind);
}

const ofService = (resourceId: string, service: string): boolean => resourceId.endsWith(`/${service}`);

/** The policy-made activities of a service, oldest first. */
function policyActivities(s: SimState, service: string) {
  return s.appAutoScaling.activities
    .filter((a) => a.why !== null && ofService(a.ResourceId, service))
    .reverse();
}

export function evaluateScaling(c: ScalingGoalCheck, s: SimState): Result {
  switch (c.kind) {
    case 'scalableTarget': {
      const t = Object.values(s.appAutoScaling.targets).find((x) => ofService(x.ResourceId, c.service));
      if (!t)
        return { done: false, have: 0, need: 1, missing: { kind: 'noScalableTarget', service: c.service } };
      const ok = t.MinCapacity >= c.minAtLeast && t.MaxCapacity >= c.maxAtLeast;
      return ok
        ? { done: true, have: 1, need: 1 }
        : {
            done: false,
            have: 0,
            need: 1,
            missing: {
              kind: 'scalableTargetRange',
              min: t.MinCapacity,
              max: t.MaxCapacity,
              minAtLeast: c.minAtLeast,
              maxAtLeast: c.maxAtLeast,
            },
          };
    }
    case 'targetTrackingPolicy': {
      const found = Object.values(s.appAutoScaling.policies).some(
        (p) =>
          ofService(p.ResourceId, c.service) &&
          p.TargetTrackingScalingPolicyConfiguration?.PredefinedMetricSpecification.PredefinedMetricType ===
            c.metric,
      );
      return found
        ? { done: true, have: 1, need: 1 }
        : { done: false, have: 0, need: 1, missing: { kind: 'noScalingPolicy', metric: c.metric } };
    }
    case 'serviceScaledOut': {
      let most = 0;
      for (const a of policyActivities(s, c.service))
        if (a.why && a.why.to > a.why.from) most = Math.max(most, a.why.to);
      return atLeast(most, c.atLeast, { kind: 'notScaledOut', desired: most, need: c.atLeast });
    }
    case 'serviceScaledIn': {
      let grew = false;
      for (const a of policyActivities(s, c.service)) {
        if (!a.why) continue;
        if (a.why.to > a.why.from) grew = true;
        else if (grew) return { done: true, have: 1, need: 1 };
      }
      return { done: false, have: 0, need: 1, missing: { kind: grew ? 'notScaledIn' : 'notScaledOutYet' } };
    }
  }
}
