/**
 * One tick's traffic bookkeeping: counts per revision / Lambda version and per source, the sources' carries,
 * folded into state once at the end of the tick (totals, the open one-minute windows). Also closes the
 * windows when a minute ends and publishes the per-minute 'traffic/window' event. Sources:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html; simplification: windows keep
 * the worst p50/p99 of their seconds.
 */
import type { Ctx } from './ctx.ts';
import type { FlowCarry, SourceWindow, TrafficWindow } from './types.ts';

/** How many closed one-minute windows are kept per revision / version (one hour). */
export const TRAFFIC_WINDOWS_KEPT = 60;

export interface TickAcc {
  /** Start of the current one-minute window. */
  wt: number;
  revs: Map<string, TrafficWindow>;
  sources: Map<string, SourceWindow>;
  flows: Map<string, FlowCarry>;
  errCarry: Map<string, number>;
  /** Requests served per ECS service key this second (the load its tasks carry). */
  services: Map<string, number>;
}

export function newAcc(wt: number): TickAcc {
  return {
    wt,
    revs: new Map(),
    sources: new Map(),
    flows: new Map(),
    errCarry: new Map(),
    services: new Map(),
  };
}

export function errCarryOf(ctx: Ctx, acc: TickAcc, key: string): number {
  return acc.errCarry.get(key) ?? ctx.s.traffic.carry[key] ?? 0;
}

export function addRev(
  acc: TickAcc,
  key: string,
  requests: number,
  errors: number,
  p50: number,
  p99: number,
) {
  const cur = acc.revs.get(key);
  if (!cur) acc.revs.set(key, { t: acc.wt, requests, errors, p50, p99 });
  else {
    cur.requests += requests;
    cur.errors += errors;
    if (p50 > cur.p50) cur.p50 = p50;
    if (p99 > cur.p99) cur.p99 = p99;
  }
}

export function sourceAcc(acc: TickAcc, key: string): SourceWindow {
  let w = acc.sources.get(key);
  if (!w) {
    w = { t: acc.wt, requests: 0, errors: 0, elb5xx: 0, byGroup: {} };
    acc.sources.set(key, w);
  }
  return w;
}

/** Writes the tick's counts into state: carries, totals, open windows. */
export function flushAcc(ctx: Ctx, acc: TickAcc): void {
  const tr = ctx.s.traffic;
  for (const [k, v] of acc.flows) ctx.putIn('traffic', 'flows', k, v);
  for (const [k, v] of acc.errCarry) ctx.putIn('traffic', 'carry', k, v);
  for (const [k, n] of acc.services)
    ctx.putIn('traffic', 'serviceRequests', k, (tr.serviceRequests[k] ?? 0) + n);
  for (const [k, w] of acc.revs) {
    if (w.requests === 0) continue;
    const tot = tr.totals[k];
    ctx.putIn('traffic', 'totals', k, {
      requests: (tot?.requests ?? 0) + w.requests,
      errors: (tot?.errors ?? 0) + w.errors,
    });
    const cur = tr.current[k];
    ctx.putIn(
      'traffic',
      'current',
      k,
      cur
        ? {
            t: cur.t,
            requests: cur.requests + w.requests,
            errors: cur.errors + w.errors,
            p50: Math.max(cur.p50, w.p50),
            p99: Math.max(cur.p99, w.p99),
          }
        : w,
    );
  }
  for (const [k, w] of acc.sources) {
    const cur = tr.sourceCurrent[k];
    if (!cur) {
      ctx.putIn('traffic', 'sourceCurrent', k, w);
      continue;
    }
    const byGroup = { ...cur.byGroup };
    for (const g in w.byGroup) byGroup[g] = (byGroup[g] ?? 0) + (w.byGroup[g] as number);
    ctx.putIn('traffic', 'sourceCurrent', k, {
      t: cur.t,
      requests: cur.requests + w.requests,
      errors: cur.errors + w.errors,
      elb5xx: cur.elb5xx + w.elb5xx,
      byGroup,
    });
  }
}

/** Closes the open windows (a minute ended): keeps them, and reports each source's minute once. */
export function closeWindows(ctx: Ctx): void {
  const tr = ctx.s.traffic;
  for (const [k, w] of Object.entries(tr.current)) {
    const list = tr.windows[k] ?? [];
    const next =
      list.length >= TRAFFIC_WINDOWS_KEPT ? list.slice(list.length - TRAFFIC_WINDOWS_KEPT + 1) : list.slice();
    next.push(w);
    ctx.putIn('traffic', 'windows', k, next);
  }
  for (const [k, w] of Object.entries(tr.sourceCurrent)) {
    ctx.putIn('traffic', 'sourceLast', k, w);
    ctx.emit('traffic/window', { source: k, ...w, byGroup: { ...w.byGroup } });
  }
  ctx.setIn('traffic', 'current', {});
  ctx.setIn('traffic', 'sourceCurrent', {});
}
