/**
 * Travelers through an Application Load Balancer listener
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html): each
 * second's requests are split across the forward action's target groups by weight, spread round robin over
 * each group's routable targets (healthy ones, or all unhealthy ones when none is healthy: fail-open), and
 * answered by the task behind each target as its revision's injected behaviour says. A group with no routable
 * target gets the load balancer's own 503. Metrics follow AWS/ApplicationELB: RequestCount counts only
 * requests that reached a target; HTTPCode_* counts are published only when non-zero ("no data for a metric,
 * the metric is not reported").
 *
 * Simplifications: a fixed-response or redirect default action answers every request itself (ELB
 * 2XX/3XX/4XX/5XX by its status code); latency is the behaviour's p50 with a p99 of P99_OVER_P50
 * times it; the average response time is taken as the p50.
 */

import { type Dimensions, putSample, putSampleKeyed, seriesKey } from '../cloudwatch/metrics.ts';
import { listenerShares, matchedActions, routableTargets } from '../elbv2/elb-routing.ts';
import { behaviorForTask, HEALTHY_BEHAVIOR } from './behavior.ts';
import type { Ctx } from './ctx.ts';
import { serviceKey } from './indexes.ts';
import { addRev, errCarryOf, sourceAcc, type TickAcc } from './traffic-acc.ts';
import {
  failures,
  mixPercentile,
  P99_OVER_P50,
  splitByShares,
  spreadEven,
  takeWhole,
} from './traffic-split.ts';
import type { Behavior, FlowCarry, Listener, Target, TargetGroup } from './types.ts';

const NS = 'AWS/ApplicationELB';
const METRICS = [
  'RequestCount',
  'HTTPCode_Target_2XX_Count',
  'HTTPCode_Target_5XX_Count',
  'HTTPCode_ELB_5XX_Count',
  'HTTPCode_ELB_503_Count',
  'TargetResponseTime',
  'RequestCountPerTarget',
] as const;
type MetricName = (typeof METRICS)[number];

/** The LoadBalancer dimension: the ARN's "app/name/id" suffix. */
export const lbDimension = (lbArn: string): string => lbArn.slice(lbArn.indexOf(':loadbalancer/') + 14);
/** The TargetGroup dimension: the ARN's "targetgroup/name/id" suffix. */
export const tgDimension = (tgArn: string): string => tgArn.slice(tgArn.lastIndexOf(':') + 1);

/*
 * Routing answers and series keys depend only on immutable records (a target group, a listener, the
 * rules), which are replaced, never edited, when anything changes: caching by object identity is
 * exact and keeps a busy second at a few lookups.
 */
interface Series {
  dims: Dimensions;
  keys: Record<MetricName, string>;
}
interface ListenerInfo {
  rules: object;
  shares: { targetGroupArn: string; share: number }[];
  lb: Series;
  groups: Map<string, Series>;
  /** RequestCountPerTarget is also published with the TargetGroup dimension alone. */
  perTarget: Map<string, Series>;
}
const targetsCache = new WeakMap<TargetGroup, Target[]>();
const listenerCache = new WeakMap<Listener, ListenerInfo>();

function series(dims: Dimensions): Series {
  const keys = {} as Record<MetricName, string>;
  for (const m of METRICS) keys[m] = seriesKey(NS, m, dims);
  return { dims, keys };
}

function routable(tg: TargetGroup): Target[] {
  let t = targetsCache.get(tg);
  if (!t) {
    t = routableTargets(tg);
    targetsCache.set(tg, t);
  }
  return t;
}

function infoOf(ctx: Ctx, l: Listener): ListenerInfo {
  const hit = listenerCache.get(l);
  if (hit && hit.rules === ctx.s.elb.rules) return hit;
  const lbDim = lbDimension(l.LoadBalancerArn);
  const shares = listenerShares(ctx.s, l.ListenerArn);
  const groups = new Map<string, Series>();
  const perTarget = new Map<string, Series>();
  for (const g of shares) {
    groups.set(g.targetGroupArn, series({ LoadBalancer: lbDim, TargetGroup: tgDimension(g.targetGroupArn) }));
    perTarget.set(g.targetGroupArn, series({ TargetGroup: tgDimension(g.targetGroupArn) }));
  }
  const info = { rules: ctx.s.elb.rules, shares, lb: series({ LoadBalancer: lbDim }), groups, perTarget };
  listenerCache.set(l, info);
  return info;
}

function count(ctx: Ctx, s: Series, name: MetricName, n: number) {
  if (n > 0) putSampleKeyed(ctx, s.keys[name], NS, name, s.dims, { sum: n, count: 1, min: n, max: n });
}

/**
 * RequestCountPerTarget: the group's requests divided by its routable targets, per second; its Sum over a
 * minute is the minute's requests per target (the statistic AWS documents for it).
 */
function perTargetCount(ctx: Ctx, info: ListenerInfo, arn: string, n: number, targets: number) {
  const v = n / targets;
  for (const s of [info.groups.get(arn), info.perTarget.get(arn)]) {
    if (s) count(ctx, s, 'RequestCountPerTarget', v);
  }
}

type Part = { count: number; p50: number; p99: number };

function latency(ctx: Ctx, s: Series, parts: Part[]) {
  let n = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const p of parts) {
    if (!p.count) continue;
    n += p.count;
    sum += (p.count * p.p50) / 1000;
    if (p.p50 / 1000 < min) min = p.p50 / 1000;
    if (p.p99 / 1000 > max) max = p.p99 / 1000;
  }
  if (n === 0) return;
  const p50 = (parts.length === 1 ? (parts[0] as Part).p50 : mixPercentile(parts, 0.5)) / 1000;
  const p99 = (parts.length === 1 ? (parts[0] as Part).p99 : mixPercentile(parts, 0.99)) / 1000;
  putSampleKeyed(ctx, s.keys.TargetResponseTime, NS, 'TargetResponseTime', s.dims, {
    sum,
    count: n,
    min,
    max,
    p50,
    p99,
  });
}

/** Serves one target group's share; returns the failures and latency parts, or null (no target: 503). */
function serveGroup(
  ctx: Ctx,
  acc: TickAcc,
  tg: TargetGroup,
  n: number,
  prevRr: number,
  rr: Record<string, number>,
) {
  const targets = routable(tg);
  if (targets.length === 0) return null;
  const [counts, offset] = spreadEven(n, targets.length, prevRr);
  rr[tg.TargetGroupArn] = offset;
  const byRev = new Map<string, { n: number; b: Behavior }>();
  for (let i = 0; i < targets.length; i++) {
    const c = counts[i] as number;
    if (!c) continue;
    const t = targets[i] as Target;
    const task = t.taskArn ? ctx.s.tasks.get(t.taskArn) : undefined;
    const key = task ? task.taskDefinitionArn : '';
    if (task?.serviceName) {
      const svc = serviceKey(task.clusterArn, task.serviceName);
      acc.services.set(svc, (acc.services.get(svc) ?? 0) + c);
    }
    const cur = byRev.get(key);
    if (cur) cur.n += c;
    else byRev.set(key, { n: c, b: task ? behaviorForTask(ctx.s, task) : HEALTHY_BEHAVIOR });
  }
  let failed = 0;
  const parts: Part[] = [];
  for (const [rev, { n: c, b }] of byRev) {
    let f = 0;
    if (b.errorRate > 0) {
      const [ff, carry] = failures(c, b.errorRate, errCarryOf(ctx, acc, rev));
      acc.errCarry.set(rev, carry);
      f = ff;
    }
    failed += f;
    const p99 = b.latencyMs * P99_OVER_P50;
    parts.push({ count: c, p50: b.latencyMs, p99 });
    if (rev) addRev(acc, rev, c, f, b.latencyMs, p99);
  }
  return { failed, parts, targets: targets.length };
}

function answerItself(ctx: Ctx, acc: TickAcc, src: string, l: Listener, n: number) {
  const a = matchedActions(ctx.s, l).find((x) => x.Type === 'fixed-response' || x.Type === 'redirect');
  const code = a?.Type === 'redirect' ? '3' : (a?.FixedResponseConfig?.StatusCode ?? '503').slice(0, 1);
  const lb = { LoadBalancer: lbDimension(l.LoadBalancerArn) };
  const one = { sum: n, count: 1, min: n, max: n };
  putSample(ctx, NS, `HTTPCode_ELB_${code}XX_Count`, lb, one);
  if (!a) putSample(ctx, NS, 'HTTPCode_ELB_503_Count', lb, one);
  const w = sourceAcc(acc, src);
  w.requests += n;
  if (code === '5') {
    w.errors += n;
    w.elb5xx += n;
  }
}

const EMPTY_FLOW: FlowCarry = { rate: 0, split: {}, rr: {} };

/** One second of one listener source. */
export function tickListenerSource(ctx: Ctx, acc: TickAcc, src: string, listenerArn: string, rps: number) {
  const l = ctx.s.elb.listeners[listenerArn];
  if (!l) return;
  const prev = ctx.s.traffic.flows[src] ?? EMPTY_FLOW;
  const [n, rate] = takeWhole(rps, prev.rate);
  if (n === 0) {
    acc.flows.set(src, { ...prev, rate });
    return;
  }
  const info = infoOf(ctx, l);
  const shares = info.shares;
  if (shares.length === 0) {
    acc.flows.set(src, { ...prev, rate });
    return answerItself(ctx, acc, src, l, n);
  }
  const weights = new Array<number>(shares.length);
  const carries = new Array<number>(shares.length);
  for (let i = 0; i < shares.length; i++) {
    const g = shares[i] as { targetGroupArn: string; share: number };
    weights[i] = g.share;
    carries[i] = prev.split[g.targetGroupArn] ?? 0;
  }
  const [alloc, nextCarries] = splitByShares(n, weights, carries);
  const split: Record<string, number> = {};
  const rr: Record<string, number> = { ...prev.rr };
  const w = sourceAcc(acc, src);
  const allParts: Part[] = [];
  let routed = 0;
  let failed = 0;
  let elb503 = 0;
  for (let i = 0; i < shares.length; i++) {
    const arn = (shares[i] as { targetGroupArn: string }).targetGroupArn;
    split[arn] = nextCarries[i] as number;
    const a = alloc[i] as number;
    w.byGroup[arn] = (w.byGroup[arn] ?? 0) + a;
    if (a === 0) continue;
    const tg = ctx.s.elb.targetGroups[arn];
    const served = tg ? serveGroup(ctx, acc, tg, a, prev.rr[arn] ?? 0, rr) : null;
    if (!served) {
      elb503 += a;
      continue;
    }
    const s = info.groups.get(arn) as Series;
    count(ctx, s, 'RequestCount', a);
    perTargetCount(ctx, info, arn, a, served.targets);
    count(ctx, s, 'HTTPCode_Target_2XX_Count', a - served.failed);
    count(ctx, s, 'HTTPCode_Target_5XX_Count', served.failed);
    latency(ctx, s, served.parts);
    for (const p of served.parts) allParts.push(p);
    routed += a;
    failed += served.failed;
  }
  acc.flows.set(src, { rate, split, rr });
  count(ctx, info.lb, 'RequestCount', routed);
  count(ctx, info.lb, 'HTTPCode_Target_2XX_Count', routed - failed);
  count(ctx, info.lb, 'HTTPCode_Target_5XX_Count', failed);
  count(ctx, info.lb, 'HTTPCode_ELB_5XX_Count', elb503);
  count(ctx, info.lb, 'HTTPCode_ELB_503_Count', elb503);
  latency(ctx, info.lb, allParts);
  w.requests += n;
  w.errors += failed + elb503;
  w.elb5xx += elb503;
}

/** HealthyHostCount / UnHealthyHostCount of every target group behind a load balancer, once a minute. */
export function publishHostCounts(ctx: Ctx): void {
  for (const tg of Object.values(ctx.s.elb.targetGroups)) {
    if (tg.LoadBalancerArns.length === 0) continue;
    let healthy = 0;
    let unhealthy = 0;
    for (const t of Object.values(tg.targets)) {
      if (t.state === 'healthy') healthy++;
      else if (t.state === 'unhealthy') unhealthy++;
    }
    for (const lbArn of tg.LoadBalancerArns) {
      const dims = { LoadBalancer: lbDimension(lbArn), TargetGroup: tgDimension(tg.TargetGroupArn) };
      putSample(ctx, NS, 'HealthyHostCount', dims, { sum: healthy, count: 1, min: healthy, max: healthy });
      putSample(ctx, NS, 'UnHealthyHostCount', dims, {
        sum: unhealthy,
        count: 1,
        min: unhealthy,
        max: unhealthy,
      });
    }
  }
}
