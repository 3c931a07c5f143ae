/**
 * Invocations of a Lambda function through a qualifier
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html): an alias sends 1 -
 * sum(AdditionalVersionWeights) of its invocations to its FunctionVersion and each weight to the additional
 * version; a version or $LATEST gets them all. Each executed version answers as its injected behaviour says.
 * Metrics follow AWS/Lambda: Invocations, Errors (published as 0 too) and Duration (ms) with dimensions
 * {FunctionName}, {FunctionName, Resource} and, through an alias, {FunctionName, Resource, ExecutedVersion}.
 * Simplification: routing is the expected split made whole with carries, not a random draw.
 */

import { putSample } from '../cloudwatch/metrics.ts';
import { behaviorForLambdaVersion } from '../sim/behavior.ts';
import type { Ctx } from '../sim/ctx.ts';
import { own } from '../sim/records.ts';
import { addRev, errCarryOf, sourceAcc, type TickAcc } from '../sim/traffic-acc.ts';
import {
  clean,
  failures,
  mixPercentile,
  P99_OVER_P50,
  splitByShares,
  takeWhole,
} from '../sim/traffic-split.ts';
import type { LambdaFunction, SimState } from '../sim/types.ts';

const NS = 'AWS/Lambda';

/** A function by name or ARN in a region. */
export function findFunction(s: SimState, region: string, ref: string): LambdaFunction | undefined {
  const direct = s.lambda.functions[ref];
  if (direct && direct.region === region) return direct;
  return Object.values(s.lambda.functions).find(
    (f) => f.region === region && (f.FunctionName === ref || f.FunctionArn === ref),
  );
}

/** The versions a qualifier executes and their shares (summing to 1). */
export function qualifierShares(fn: LambdaFunction, qualifier: string): { version: string; share: number }[] {
  const alias = own(fn.aliases, qualifier);
  if (!alias) return [{ version: qualifier, share: 1 }];
  const extra = Object.entries(alias.RoutingConfig?.AdditionalVersionWeights ?? {});
  const rest = clean(1 - extra.reduce((a, [, w]) => a + w, 0));
  return [
    { version: alias.FunctionVersion, share: rest },
    ...extra.map(([version, share]) => ({ version, share })),
  ].filter((v) => v.share > 0);
}

type Part = { count: number; p50: number; p99: number };

function publish(ctx: Ctx, dims: Record<string, string>, n: number, errors: number, parts: Part[]) {
  putSample(ctx, NS, 'Invocations', dims, { sum: n, count: 1, min: n, max: n });
  putSample(ctx, NS, 'Errors', dims, { sum: errors, count: 1, min: errors, max: errors });
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const p of parts) {
    sum += p.count * p.p50;
    min = Math.min(min, p.p50);
    max = Math.max(max, p.p99);
  }
  putSample(ctx, NS, 'Duration', dims, {
    sum,
    count: n,
    min,
    max,
    p50: mixPercentile(parts, 0.5),
    p99: mixPercentile(parts, 0.99),
  });
}

/** One second of one Lambda source. */
export function tickLambdaSource(
  ctx: Ctx,
  acc: TickAcc,
  src: string,
  functionName: string,
  qualifier: string,
  rps: number,
): void {
  const fn =
    ctx.s.lambda.functions[functionName] ??
    Object.values(ctx.s.lambda.functions).find((f) => f.FunctionArn === functionName);
  if (!fn) return;
  const prev = ctx.s.traffic.flows[src] ?? { rate: 0, split: {}, rr: {} };
  const [n, rate] = takeWhole(rps, prev.rate);
  if (n === 0) {
    acc.flows.set(src, { ...prev, rate });
    return;
  }
  const shares = qualifierShares(fn, qualifier);
  const [alloc, carries] = splitByShares(
    n,
    shares.map((v) => v.share),
    shares.map((v) => prev.split[v.version] ?? 0),
  );
  const split: Record<string, number> = {};
  shares.forEach((v, i) => {
    split[v.version] = carries[i] as number;
  });
  acc.flows.set(src, { rate, split, rr: {} });
  const isAlias = own(fn.aliases, qualifier) !== undefined;
  const resource = `${fn.FunctionName}:${qualifier}`;
  const w = sourceAcc(acc, src);
  const all: Part[] = [];
  let errors = 0;
  shares.forEach((v, i) => {
    const c = alloc[i] as number;
    w.byGroup[v.version] = (w.byGroup[v.version] ?? 0) + c;
    if (c === 0) return;
    const b = behaviorForLambdaVersion(ctx.s, fn.FunctionArn, v.version);
    const key = `${fn.FunctionArn}:${v.version}`;
    let f = 0;
    if (b.errorRate > 0) {
      const [ff, carry] = failures(c, b.errorRate, errCarryOf(ctx, acc, key));
      acc.errCarry.set(key, carry);
      f = ff;
    }
    const part = { count: c, p50: b.latencyMs, p99: b.latencyMs * P99_OVER_P50 };
    all.push(part);
    errors += f;
    addRev(acc, key, c, f, part.p50, part.p99);
    if (isAlias)
      publish(ctx, { FunctionName: fn.FunctionName, Resource: resource, ExecutedVersion: v.version }, c, f, [
        part,
      ]);
  });
  if (qualifier !== '$LATEST')
    publish(ctx, { FunctionName: fn.FunctionName, Resource: resource }, n, errors, all);
  publish(ctx, { FunctionName: fn.FunctionName }, n, errors, all);
  w.requests += n;
  w.errors += errors;
}
