/**
 * How ECS-native blue/green, linear and canary deployments move traffic: by rewriting the forward action of
 * the service's production (and test) listener rules into weighted target groups, blue and green
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-linear.html: "Traffic is
 * shifted with ELB weighted target groups";
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html: weights
 * 0-999, split in proportion).
 *
 * Every rule, a listener's default rule included, is in state.elb.rules; elbv2.ts's setRuleActions
 * keeps a default rule and its listener's DefaultActions equal.
 * Weights: a whole percent p is written as (100 - p, p); a fractional one (LINEAR/CANARY percents
 * have one decimal) as per-mille (1000 - 10p, 10p), which stays within 0-999 strictly between 0 and
 * 100. Other actions of the rule (and the stickiness of its forward) are kept.
 */

import { setRuleActions } from '../elbv2/elbv2.ts';
import type { Ctx } from '../sim/ctx.ts';
import type { Action } from '../sim/types.ts';

export function weightsFor(greenPercent: number): { blue: number; green: number } {
  const p = Math.min(100, Math.max(0, greenPercent));
  if (Number.isInteger(p)) return { blue: 100 - p, green: p };
  const g = Math.round(p * 10);
  return { blue: 1000 - g, green: g };
}

function rewrite(actions: Action[], blueTg: string, greenTg: string, greenPercent: number): Action[] {
  const w = weightsFor(greenPercent);
  const fwd = actions.find((a) => a.Type === 'forward');
  const next: Action = {
    Type: 'forward',
    ForwardConfig: {
      TargetGroups: [
        { TargetGroupArn: blueTg, Weight: w.blue },
        { TargetGroupArn: greenTg, Weight: w.green },
      ],
      ...(fwd?.ForwardConfig?.TargetGroupStickinessConfig
        ? { TargetGroupStickinessConfig: fwd.ForwardConfig.TargetGroupStickinessConfig }
        : {}),
    },
  };
  if (fwd?.Order !== undefined) next.Order = fwd.Order;
  if (!fwd) return [...actions, next];
  return actions.map((a) => (a === fwd ? next : a));
}

/**
 * Points a listener rule at blue and green with the given share on green. Returns false when the rule
 * does not exist (nothing is written).
 */
export function setRuleWeights(
  ctx: Ctx,
  ruleArn: string,
  blueTg: string,
  greenTg: string,
  greenPercent: number,
): boolean {
  const rule = ctx.s.elb.rules[ruleArn];
  if (!rule) return false;
  setRuleActions(ctx, ruleArn, rewrite(rule.Actions, blueTg, greenTg, greenPercent));
  return true;
}
