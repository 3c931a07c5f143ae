/**
 * Application Auto Scaling's API table (JSON 1.1, target prefix AnyScaleFrontendService) and
 * DescribeScalingActivities
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DescribeScalingActivities.html):
 * newest first, filtered by resource id and dimension. StartTime and EndTime are epoch seconds, as the
 * JSON protocol carries them.
 */
import type { Handler } from '../sim/api-types.ts';
import type { ScalingActivityRecord } from '../sim/types.ts';
import { page } from './aas-common.ts';
import { policyHandlers } from './aas-policies.ts';
import { targetHandlers } from './aas-targets.ts';

export function describeActivity(a: ScalingActivityRecord): Record<string, unknown> {
  const { region: _r, why: _w, ...rest } = a;
  return rest;
}

const describeScalingActivities: Handler = (ctx, input) => {
  if (input.ServiceNamespace !== 'ecs') return { ScalingActivities: [] };
  const list = ctx.s.appAutoScaling.activities.filter(
    (a) =>
      a.region === ctx.region &&
      (input.ResourceId === undefined || input.ResourceId === a.ResourceId) &&
      (input.ScalableDimension === undefined || input.ScalableDimension === a.ScalableDimension),
  );
  const p = page(list, input);
  return {
    ScalingActivities: p.items.map(describeActivity),
    ...(p.NextToken ? { NextToken: p.NextToken } : {}),
  };
};

export const appAutoScalingHandlers: Record<string, Handler> = {
  ...targetHandlers,
  ...policyHandlers,
  'application-autoscaling:DescribeScalingActivities': describeScalingActivities,
};
