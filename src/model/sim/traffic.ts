/**
 * Travelers and injected faults: what happens outside AWS's API, as sim: actions
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html).
 *
 * sim:SetTraffic {ListenerArn | FunctionName (+ Qualifier, default $LATEST), RequestsPerSecond}
 *   starts, changes or (0) stops a steady flow of requests. Fractional rates are fine.
 * sim:SetBehavior {TaskDefinition | Image | FunctionName + Version, ErrorRate 0..1, LatencyMs,
 *   Clear} makes a revision, an image or a Lambda version fail a share of its requests and answer
 *   with a given median latency; Clear (or ErrorRate 0 with LatencyMs 20) restores health.
 *
 * tickTraffic runs every simulated second: each source's requests are routed (traffic-listener.ts,
 * traffic-lambda.ts) and metrics written; per revision / version the counts go to running totals
 * and one-minute windows; when a minute ends each source reports it once ('traffic/window').
 * No per-request events, and no work at all when there is no traffic. Errors are
 * InvalidParameterException, like the other sim: actions.
 */

import { WINDOW } from '../cloudwatch/metrics.ts';
import { resolveTaskDefinition } from '../ecs/ecs-task-definitions.ts';
import { findFunction, tickLambdaSource } from '../lambda/traffic-lambda.ts';
import type { Handler, Input } from './api-types.ts';
import { HEALTHY_BEHAVIOR } from './behavior.ts';
import type { Ctx } from './ctx.ts';
import { ApiError, invalidParameter } from './errors.ts';
import { own } from './records.ts';
import { closeWindows, flushAcc, newAcc } from './traffic-acc.ts';
import { publishHostCounts, tickListenerSource } from './traffic-listener.ts';
import type { Behavior, TrafficSource } from './types.ts';

/** Highest accepted RequestsPerSecond (a busy shop, still cheap to simulate: work is per target). */
export const MAX_REQUESTS_PER_SECOND = 100000;
export const MAX_LATENCY_MS = 900000;

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function numberIn(input: Input, name: string, min: number, max: number, dflt?: number): number {
  const v = input[name];
  if (v === undefined && dflt !== undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw invalidParameter(`${name} must be a number between ${min} and ${max}; got ${JSON.stringify(v)}.`);
  }
  return v;
}

function lambdaRef(ctx: Ctx, input: Input, member: 'Qualifier' | 'Version') {
  const fn = findFunction(ctx.s, ctx.region, input.FunctionName as string);
  if (!fn) throw invalidParameter(`Function not found: ${String(input.FunctionName)} in ${ctx.region}.`);
  const q = input[member] ?? '$LATEST';
  if (!isStr(q)) throw invalidParameter(`${member} must be a string.`);
  const known =
    q === '$LATEST' || own(fn.versions, q) !== undefined || (member === 'Qualifier' && own(fn.aliases, q));
  if (!known) {
    throw invalidParameter(
      `${member} '${q}' is not ${member === 'Qualifier' ? 'an alias or a published version' : 'a published version'} of ${fn.FunctionName}.`,
    );
  }
  return { fn, q };
}

const setTraffic: Handler = (ctx, input) => {
  const byListener = input.ListenerArn !== undefined;
  const byFunction = input.FunctionName !== undefined;
  if (byListener === byFunction) {
    throw invalidParameter('Specify either ListenerArn, or FunctionName (and optionally Qualifier).');
  }
  const rps = numberIn(input, 'RequestsPerSecond', 0, MAX_REQUESTS_PER_SECOND);
  let key: string;
  let source: TrafficSource;
  let out: Record<string, unknown>;
  if (byListener) {
    const arn = input.ListenerArn;
    const l = isStr(arn) ? ctx.s.elb.listeners[arn] : undefined;
    if (!l || l.region !== ctx.region) throw invalidParameter(`Listener '${String(arn)}' not found.`);
    key = l.ListenerArn;
    source = { target: { kind: 'listener', listenerArn: key }, requestsPerSecond: rps };
    out = { ListenerArn: key };
  } else {
    const { fn, q } = lambdaRef(ctx, input, 'Qualifier');
    key = `lambda:${fn.FunctionArn}:${q}`;
    source = {
      target: { kind: 'lambda', functionName: fn.FunctionArn, qualifier: q },
      requestsPerSecond: rps,
    };
    out = { FunctionName: fn.FunctionName, Qualifier: q };
  }
  if (rps === 0) {
    if (own(ctx.s.traffic.sources, key)) ctx.removeIn('traffic', 'sources', key);
  } else ctx.putIn('traffic', 'sources', key, source);
  ctx.emit('traffic/changed', { source: key, requestsPerSecond: rps });
  return { Source: { Key: key, ...out, RequestsPerSecond: rps } };
};

const setBehavior: Handler = (ctx, input) => {
  const given = ['TaskDefinition', 'Image', 'FunctionName'].filter((k) => input[k] !== undefined);
  if (given.length !== 1) {
    throw invalidParameter('Specify exactly one of TaskDefinition, Image, or FunctionName with Version.');
  }
  let key: string;
  let target: Record<string, unknown>;
  if (input.TaskDefinition !== undefined) {
    if (!isStr(input.TaskDefinition)) throw invalidParameter('TaskDefinition must be a string.');
    let arn: string;
    try {
      arn = resolveTaskDefinition(ctx.s, ctx.region, input.TaskDefinition, 'describe').taskDefinitionArn;
    } catch (e) {
      if (e instanceof ApiError)
        throw invalidParameter(`TaskDefinition '${input.TaskDefinition}' not found.`);
      throw e;
    }
    key = arn;
    target = { TaskDefinition: arn };
  } else if (input.Image !== undefined) {
    if (!isStr(input.Image)) throw invalidParameter('Image must be a non-empty string.');
    key = input.Image;
    target = { Image: key };
  } else {
    if (input.Version === undefined) throw invalidParameter('Version is required with FunctionName.');
    const { fn, q } = lambdaRef(ctx, input, 'Version');
    key = `${fn.FunctionArn}:${q}`;
    target = { FunctionName: fn.FunctionName, Version: q };
  }
  if (input.Clear !== undefined && typeof input.Clear !== 'boolean')
    throw invalidParameter('Clear must be a boolean.');
  const behavior: Behavior = input.Clear
    ? HEALTHY_BEHAVIOR
    : {
        errorRate: numberIn(input, 'ErrorRate', 0, 1, 0),
        latencyMs: numberIn(input, 'LatencyMs', 1, MAX_LATENCY_MS, HEALTHY_BEHAVIOR.latencyMs),
      };
  const healthy =
    behavior.errorRate === HEALTHY_BEHAVIOR.errorRate && behavior.latencyMs === HEALTHY_BEHAVIOR.latencyMs;
  if (healthy) {
    if (own(ctx.s.traffic.behaviors, key)) ctx.removeIn('traffic', 'behaviors', key);
  } else ctx.putIn('traffic', 'behaviors', key, behavior);
  ctx.emit('behavior/changed', { key, ...behavior, cleared: healthy });
  return { Behavior: { Key: key, ...target, ErrorRate: behavior.errorRate, LatencyMs: behavior.latencyMs } };
};

export const trafficHandlers: Record<string, Handler> = {
  'sim:SetTraffic': setTraffic,
  'sim:SetBehavior': setBehavior,
};

export function tickTraffic(ctx: Ctx): void {
  const tr = ctx.s.traffic;
  const hostCountsDue = ctx.now % WINDOW === WINDOW - 1;
  const anySource = Object.keys(tr.sources).length > 0;
  if (!anySource && tr.windowT === 0 && !hostCountsDue) return;
  if (hostCountsDue) publishHostCounts(ctx);
  if (!anySource && tr.windowT === 0) return;
  const wt = Math.floor(ctx.now / WINDOW) * WINDOW;
  if (tr.windowT !== wt) {
    closeWindows(ctx);
    ctx.setIn('traffic', 'windowT', anySource ? wt : 0);
  }
  if (!anySource) return;
  const acc = newAcc(wt);
  for (const [key, src] of Object.entries(tr.sources)) {
    if (src.target.kind === 'listener')
      tickListenerSource(ctx, acc, key, src.target.listenerArn, src.requestsPerSecond);
    else
      tickLambdaSource(ctx, acc, key, src.target.functionName, src.target.qualifier, src.requestsPerSecond);
  }
  flushAcc(ctx, acc);
}
