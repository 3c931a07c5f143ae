/**
 * What an invocation writes to CloudWatch: AWS/Lambda Invocations and Errors, with the dimensions Lambda
 * publishes (FunctionName; Resource for a qualified call; ExecutedVersion for an alias). Shared by Invoke and
 * by ECS's lifecycle hooks, which invoke functions too.
 * Source: https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html.
 */
import { putSample } from '../cloudwatch/metrics.ts';
import type { Ctx } from '../sim/ctx.ts';
import type { LambdaFunction } from './lambda-types.ts';

export function recordInvocation(
  ctx: Ctx,
  fn: LambdaFunction,
  qualifier: string | undefined,
  executedVersion: string | undefined,
  failed: boolean,
): void {
  const dimsList: Record<string, string>[] = [{ FunctionName: fn.FunctionName }];
  if (qualifier !== undefined) {
    const resource = `${fn.FunctionName}:${qualifier}`;
    dimsList.push({ FunctionName: fn.FunctionName, Resource: resource });
    if (executedVersion !== undefined)
      dimsList.push({ FunctionName: fn.FunctionName, Resource: resource, ExecutedVersion: executedVersion });
  }
  const e = failed ? 1 : 0;
  for (const dims of dimsList) {
    putSample(ctx, 'AWS/Lambda', 'Invocations', dims, { sum: 1, count: 1, min: 1, max: 1 });
    putSample(ctx, 'AWS/Lambda', 'Errors', dims, { sum: e, count: 1, min: e, max: e });
  }
}
