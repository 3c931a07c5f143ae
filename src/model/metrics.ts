/**
 * CloudWatch metrics in one-minute windows (standard resolution). Writers add samples; readers ask for
 * a statistic over a time range, the way GetMetricStatistics and alarms do. Series are keyed by
 * namespace, metric name and dimensions sorted by name. Windows older than RETENTION are dropped.
 */
import type { Ctx } from './ctx.ts';
import type { Datapoint, MetricSeries, SimState } from './types.ts';

export const WINDOW = 60;
/** Keep three hours of one-minute windows. */
export const RETENTION = 3 * 3600;

export type Dimensions = Record<string, string>;

export function seriesKey(namespace: string, metricName: string, dims: Dimensions): string {
  const d = Object.keys(dims)
    .sort()
    .map((k) => `${k}=${dims[k]}`)
    .join(',');
  return `${namespace}|${metricName}|${d}`;
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
  sample: { sum: number; count: number; min: number; max: number; p50?: number; p99?: number },
): void {
  const key = seriesKey(namespace, metricName, dims);
  const t = Math.floor(ctx.now / WINDOW) * WINDOW;
  const cur: MetricSeries | undefined = ctx.s.cloudwatch.metrics[key];
  const points = cur ? cur.points.slice() : [];
  const last = points[points.length - 1];
  if (last && last.t === t) {
    const merged: Datapoint = {
      t,
      sum: last.sum + sample.sum,
      count: last.count + sample.count,
      min: Math.min(last.min, sample.min),
      max: Math.max(last.max, sample.max),
    };
    const p50 = Math.max(last.p50 ?? 0, sample.p50 ?? 0);
    const p99 = Math.max(last.p99 ?? 0, sample.p99 ?? 0);
    if (sample.p50 !== undefined || last.p50 !== undefined) merged.p50 = p50;
    if (sample.p99 !== undefined || last.p99 !== undefined) merged.p99 = p99;
    points[points.length - 1] = merged;
  } else {
    const p: Datapoint = { t, sum: sample.sum, count: sample.count, min: sample.min, max: sample.max };
    if (sample.p50 !== undefined) p.p50 = sample.p50;
    if (sample.p99 !== undefined) p.p99 = sample.p99;
    points.push(p);
  }
  while (points.length && (points[0] as Datapoint).t < t - RETENTION) points.shift();
  const Dimensions = Object.keys(dims)
    .sort()
    .map((Name) => ({ Name, Value: dims[Name] as string }));
  ctx.putIn('cloudwatch', 'metrics', key, {
    Namespace: namespace,
    MetricName: metricName,
    Dimensions,
    points,
  });
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
