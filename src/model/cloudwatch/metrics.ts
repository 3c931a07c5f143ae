/**
 * CloudWatch metrics in one-minute windows (standard resolution). Writers add samples; readers ask for a
 * statistic over a time range, the way GetMetricStatistics and alarms do. Series are keyed by namespace,
 * metric name and dimensions sorted by name. Windows older than RETENTION are dropped. Sources (the metrics
 * the load balancer and Lambda publish):
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html.
 *
 * Simplifications: percentiles are not computed from raw samples; each window keeps the worst p50 and
 * p99 it was given, and a statistic over several windows takes the worst too. Metrics are not
 * separated by region (the dimension values already name the resources).
 *
 * Speed: a draft (Ctx) writes the same series every simulated second. The first write in a draft
 * copies the series; later writes in the same draft extend that copy in place, which is safe because
 * nothing outside the draft can see it until the step or advance returns.
 */
import type { Ctx } from '../sim/ctx.ts';
import type { Datapoint, MetricSeries, SimState } from '../sim/types.ts';

export const WINDOW = 60;
/** Keep three hours of one-minute windows. */
export const RETENTION = 3 * 3600;

export type Dimensions = Record<string, string>;

export type StatName = 'SampleCount' | 'Average' | 'Sum' | 'Minimum' | 'Maximum';

/** Series objects created by a draft: only those may be edited in place by the same draft. */
const owned = new WeakMap<Ctx, WeakSet<MetricSeries>>();

export function seriesKey(namespace: string, metricName: string, dims: Dimensions): string {
  const d = Object.keys(dims)
    .sort()
    .map((k) => `${k}=${dims[k]}`)
    .join(',');
  return `${namespace}|${metricName}|${d}`;
}

function merge(last: Datapoint, sample: Omit<Datapoint, 't'>): Datapoint {
  const merged: Datapoint = {
    t: last.t,
    sum: last.sum + sample.sum,
    count: last.count + sample.count,
    min: Math.min(last.min, sample.min),
    max: Math.max(last.max, sample.max),
  };
  if (sample.p50 !== undefined || last.p50 !== undefined)
    merged.p50 = Math.max(last.p50 ?? 0, sample.p50 ?? 0);
  if (sample.p99 !== undefined || last.p99 !== undefined)
    merged.p99 = Math.max(last.p99 ?? 0, sample.p99 ?? 0);
  return merged;
}

/**
 * Adds `count` samples totalling `sum` (min/max per sample given) to the window holding `time`.
 * For latency-like series pass p50/p99 of the samples: the window keeps the worst seen.
 */
export function putSample(
  ctx: Ctx,
  namespace: string,
  metricName: string,
  dims: Dimensions,
  sample: Sample,
): void {
  putSampleKeyed(ctx, seriesKey(namespace, metricName, dims), namespace, metricName, dims, sample);
}

export type Sample = { sum: number; count: number; min: number; max: number; p50?: number; p99?: number };

/** putSample with the series key already computed (writers that publish every second cache it). */
export function putSampleKeyed(
  ctx: Ctx,
  key: string,
  namespace: string,
  metricName: string,
  dims: Dimensions,
  sample: Sample,
): void {
  const t = Math.floor(ctx.now / WINDOW) * WINDOW;
  const cur: MetricSeries | undefined = ctx.s.cloudwatch.metrics[key];
  let mine = owned.get(ctx);
  if (!mine) {
    mine = new WeakSet();
    owned.set(ctx, mine);
  }
  const inPlace = cur !== undefined && mine.has(cur);
  const series: MetricSeries = inPlace
    ? (cur as MetricSeries)
    : cur
      ? { ...cur, points: cur.points.slice() }
      : {
          Namespace: namespace,
          MetricName: metricName,
          Dimensions: Object.keys(dims)
            .sort()
            .map((Name) => ({ Name, Value: dims[Name] as string })),
          points: [],
        };
  const points = series.points;
  const last = points[points.length - 1];
  if (last && last.t === t) {
    points[points.length - 1] = merge(last, sample);
  } else {
    const p: Datapoint = { t, sum: sample.sum, count: sample.count, min: sample.min, max: sample.max };
    if (sample.p50 !== undefined) p.p50 = sample.p50;
    if (sample.p99 !== undefined) p.p99 = sample.p99;
    points.push(p);
    let drop = 0;
    while (drop < points.length && (points[drop] as Datapoint).t < t - RETENTION) drop++;
    if (drop) points.splice(0, drop);
  }
  if (!inPlace) {
    mine.add(series);
    ctx.putIn('cloudwatch', 'metrics', key, series);
  } else {
    ctx.dirty = true;
  }
}

/** Datapoints of a series whose window starts in [from, to). */
export function datapoints(
  s: SimState,
  namespace: string,
  metricName: string,
  dims: Dimensions,
  from: number,
  to: number,
): Datapoint[] {
  const series = s.cloudwatch.metrics[seriesKey(namespace, metricName, dims)];
  if (!series) return [];
  return series.points.filter((p) => p.t >= from && p.t < to);
}

/** Sum of a metric over windows starting in [from, to); null when there is no data (CloudWatch's "no datapoints"). */
export function metricSum(
  s: SimState,
  namespace: string,
  metricName: string,
  dims: Dimensions,
  from: number,
  to: number,
): number | null {
  const pts = datapoints(s, namespace, metricName, dims, from, to);
  if (pts.length === 0) return null;
  return pts.reduce((a, p) => a + p.sum, 0);
}

/** Folds the windows of one period into one datapoint (null when there are none). */
export function aggregate(points: Datapoint[]): Datapoint | null {
  const first = points[0];
  if (!first) return null;
  let acc: Datapoint = { ...first };
  for (let i = 1; i < points.length; i++) acc = merge(acc, points[i] as Datapoint);
  return acc;
}

/**
 * A statistic of a folded datapoint: Sum, Average, SampleCount, Minimum, Maximum, or an extended
 * statistic p50 / p99 (other percentiles fall back to the nearer of the two). Null when undefined.
 */
export function statValue(p: Datapoint, stat: string): number | null {
  switch (stat) {
    case 'Sum':
      return p.sum;
    case 'SampleCount':
      return p.count;
    case 'Average':
      return p.count > 0 ? p.sum / p.count : null;
    case 'Minimum':
      return p.min;
    case 'Maximum':
      return p.max;
  }
  const m = /^p(\d{1,2}(?:\.\d+)?|100)$/.exec(stat);
  if (!m) return null;
  const q = Number(m[1]);
  const v = q <= 75 ? p.p50 : p.p99;
  return v ?? null;
}

/**
 * The value of a statistic for each period of `period` seconds starting in [from, to), keyed by
 * period start (aligned on origin + multiples of the period). Periods without data are absent.
 */
export function periodValues(
  s: SimState,
  namespace: string,
  metricName: string,
  dims: Dimensions,
  stat: string,
  period: number,
  from: number,
  to: number,
  origin = 0,
): Map<number, number> {
  const out = new Map<number, number>();
  const series = s.cloudwatch.metrics[seriesKey(namespace, metricName, dims)];
  if (!series) return out;
  const byPeriod = new Map<number, Datapoint[]>();
  for (const p of series.points) {
    if (p.t < from || p.t >= to) continue;
    const start = origin + Math.floor((p.t - origin) / period) * period;
    const list = byPeriod.get(start);
    if (list) list.push(p);
    else byPeriod.set(start, [p]);
  }
  for (const [start, pts] of byPeriod) {
    const folded = aggregate(pts);
    const v = folded ? statValue(folded, stat) : null;
    if (v !== null) out.set(start, v);
  }
  return out;
}
