/**
 * CloudWatch API (query protocol, PascalCase, ISO 8601 timestamps in responses): the metric reads
 * GetMetricStatistics, GetMetricData and ListMetrics here; the alarm actions in cloudwatch-alarms-api.ts.
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html (the metrics and alarms
 * deployments watch). Metrics are one-minute windows (metrics.ts); a Period shorter than 60 s returns the
 * minute windows that start inside it. Simplifications: Unit filters are accepted and ignored; ListMetrics
 * lists every series still retained (three hours), whatever RecentlyActive says.
 */
import type { Handler, Input } from '../sim/api-types.ts';
import { iso } from '../sim/time.ts';
import type { Datapoint, MetricDataQuery } from '../sim/types.ts';
import { alarmStateHandlers } from './cloudwatch-alarm-state.ts';
import { alarmHandlers } from './cloudwatch-alarms-api.ts';
import {
  dimensionList,
  enumMember,
  intMember,
  invalidCombination,
  invalidValue,
  missing,
  page,
  readDimensions,
  required,
  timeMember,
  validation,
} from './cloudwatch-input.ts';
import { evaluateQueries, validateQueries } from './metric-math.ts';
import { aggregate, seriesKey, statValue, WINDOW } from './metrics.ts';

const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
const PERCENTILE = /^p(\d{1,2}(\.\d{1,10})?|100)$/;
const MAX_DATAPOINTS = 1440;

/** The unit AWS publishes each metric with. */
export const METRIC_UNITS: Record<string, string> = {
  RequestCount: 'Count',
  HTTPCode_Target_2XX_Count: 'Count',
  HTTPCode_Target_5XX_Count: 'Count',
  HTTPCode_ELB_5XX_Count: 'Count',
  HTTPCode_ELB_503_Count: 'Count',
  HTTPCode_ELB_2XX_Count: 'Count',
  HTTPCode_ELB_3XX_Count: 'Count',
  HTTPCode_ELB_4XX_Count: 'Count',
  TargetResponseTime: 'Seconds',
  HealthyHostCount: 'Count',
  UnHealthyHostCount: 'Count',
  Invocations: 'Count',
  Errors: 'Count',
  Duration: 'Milliseconds',
};

function checkRange(start: number, end: number, period: number) {
  if (start >= end) throw invalidValue('The parameter StartTime must be less than the parameter EndTime.');
  const n = Math.ceil((end - start) / period);
  if (n > MAX_DATAPOINTS) {
    throw invalidCombination(
      `You have requested up to ${String(n).replace(/\B(?=(\d{3})+$)/g, ',')} datapoints, which exceeds the limit of 1,440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`,
    );
  }
}

function readPeriod(input: Input): number {
  const p = intMember(input, 'Period', 1);
  if (p === undefined) throw missing('Period');
  if (![1, 5, 10, 30].includes(p) && p % 60 !== 0)
    throw invalidValue('The parameter Period must be a multiple of 60.');
  return p;
}

const getMetricStatistics: Handler = (ctx, input) => {
  const ns = required(input, 'Namespace');
  const name = required(input, 'MetricName');
  if (typeof ns !== 'string' || typeof name !== 'string')
    throw validation('Namespace and MetricName must be strings.');
  const dims = readDimensions(input.Dimensions);
  const start = timeMember(input, 'StartTime');
  const end = timeMember(input, 'EndTime');
  const period = readPeriod(input);
  const stats = (input.Statistics ?? []) as unknown[];
  const ext = (input.ExtendedStatistics ?? []) as unknown[];
  if (!Array.isArray(stats) || !Array.isArray(ext))
    throw validation('Statistics and ExtendedStatistics must be lists.');
  if ((stats.length === 0) === (ext.length === 0)) {
    throw invalidCombination('Must specify either Statistics or ExtendedStatistics, but not both.');
  }
  stats.forEach((s, i) => {
    if (!STATISTICS.includes(s as never)) {
      throw invalidValue(
        `The parameter Statistics.member.${i + 1} must be a value in the set [ Average, Sum, SampleCount, Maximum, Minimum ].`,
      );
    }
  });
  ext.forEach((s, i) => {
    if (typeof s !== 'string' || !PERCENTILE.test(s)) {
      throw invalidValue(
        `The parameter ExtendedStatistics.member.${i + 1} must be a percentile such as p99.`,
      );
    }
  });
  checkRange(start, end, period);
  const series = ctx.s.cloudwatch.metrics[seriesKey(ns, name, dims)];
  const origin = Math.floor(start / WINDOW) * WINDOW;
  const buckets = new Map<number, Datapoint[]>();
  for (const p of series?.points ?? []) {
    if (p.t < origin || p.t >= end) continue;
    const b = origin + Math.floor((p.t - origin) / period) * period;
    const list = buckets.get(b);
    if (list) list.push(p);
    else buckets.set(b, [p]);
  }
  const unit = METRIC_UNITS[name] ?? 'None';
  const Datapoints = [...buckets.keys()]
    .sort((a, b) => a - b)
    .map((t) => {
      const d = aggregate(buckets.get(t) as Datapoint[]) as Datapoint;
      const out: Record<string, unknown> = { Timestamp: iso(t) };
      for (const s of stats) {
        const v = statValue(d, s as string);
        if (v !== null) out[s as string] = v;
      }
      if (ext.length) {
        const e: Record<string, number> = {};
        for (const s of ext) {
          const v = statValue(d, s as string);
          if (v !== null) e[s as string] = v;
        }
        out.ExtendedStatistics = e;
      }
      out.Unit = unit;
      return out;
    });
  return { Label: name, Datapoints };
};

const getMetricData: Handler = (ctx, input) => {
  const raw = required(input, 'MetricDataQueries');
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 500) {
    throw validation('The MetricDataQueries list must have between 1 and 500 members.');
  }
  const queries = raw as MetricDataQuery[];
  validateQueries(queries);
  const start = timeMember(input, 'StartTime');
  const end = timeMember(input, 'EndTime');
  const scan = enumMember(input, 'ScanBy', ['TimestampDescending', 'TimestampAscending'] as const);
  const periods = queries.map((q) => q.MetricStat?.Period ?? q.Period ?? 60);
  const period = Math.min(...periods);
  checkRange(start, end, period);
  const origin = Math.floor(start / WINDOW) * WINDOW;
  const env = evaluateQueries(ctx.s, queries, period, origin, end, origin);
  const MetricDataResults = queries
    .filter((q) => q.ReturnData !== false)
    .map((q) => {
      const entries = [...(env.get(q.Id) ?? new Map<number, number>()).entries()].sort((a, b) =>
        scan === 'TimestampAscending' ? a[0] - b[0] : b[0] - a[0],
      );
      return {
        Id: q.Id,
        Label: q.Label ?? q.MetricStat?.Metric.MetricName ?? q.Id,
        Timestamps: entries.map(([t]) => iso(t)),
        Values: entries.map(([, v]) => v),
        StatusCode: 'Complete',
        Messages: [],
      };
    });
  return { MetricDataResults, Messages: [] };
};

const listMetrics: Handler = (ctx, input) => {
  const ns = typeof input.Namespace === 'string' ? input.Namespace : undefined;
  const name = typeof input.MetricName === 'string' ? input.MetricName : undefined;
  const filters = (input.Dimensions ?? []) as { Name?: unknown; Value?: unknown }[];
  if (!Array.isArray(filters) || filters.some((f) => typeof f?.Name !== 'string')) {
    throw invalidValue('Each dimension filter needs a Name.');
  }
  const list = Object.values(ctx.s.cloudwatch.metrics)
    .filter(
      (m) =>
        (ns === undefined || m.Namespace === ns) &&
        (name === undefined || m.MetricName === name) &&
        filters.every((f) =>
          m.Dimensions.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value)),
        ),
    )
    .map((m) => ({
      Namespace: m.Namespace,
      MetricName: m.MetricName,
      Dimensions: dimensionList(Object.fromEntries(m.Dimensions.map((d) => [d.Name, d.Value]))),
    }))
    .sort((a, b) => {
      const ka = `${a.Namespace}|${a.MetricName}|${JSON.stringify(a.Dimensions)}`;
      const kb = `${b.Namespace}|${b.MetricName}|${JSON.stringify(b.Dimensions)}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  const p = page(list, input, 'MaxRecords', 500, 500);
  return { Metrics: p.items, ...(p.NextToken ? { NextToken: p.NextToken } : {}) };
};

export const cloudwatchHandlers: Record<string, Handler> = {
  ...alarmHandlers,
  ...alarmStateHandlers,
  'cloudwatch:GetMetricStatistics': getMetricStatistics,
  'cloudwatch:GetMetricData': getMetricData,
  'cloudwatch:ListMetrics': listMetrics,
};
