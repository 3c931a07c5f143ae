/**
 * Traffic (travelers), metrics and CloudWatch alarms. Source: ecs-rules.md sections 6.4, 7, 8, 9.
 * Traffic and injected faults are sim: actions (what happens outside the API); metrics are kept in
 * one-minute windows like CloudWatch's standard resolution, and alarms are evaluated on them.
 */

/** A fault injected into a revision (task definition ARN), an image, or a Lambda version. */
export interface Behavior {
  /** Share of requests that fail with a 5xx, 0..1. */
  errorRate: number;
  /** Median latency in milliseconds. */
  latencyMs: number;
}

export interface TrafficSource {
  /** What the travelers hit: a listener (ALB) or a Lambda alias/function qualifier ARN. */
  target:
    | { kind: 'listener'; listenerArn: string }
    | { kind: 'lambda'; functionName: string; qualifier: string };
  requestsPerSecond: number;
}

/** One metric series point: a one-minute window with enough to answer Sum/Average/percentiles. */
export interface Datapoint {
  /** Window start, epoch seconds, multiple of 60. */
  t: number;
  sum: number;
  count: number;
  min: number;
  max: number;
  /** For latency series: an approximate p50 and p99 of the window. */
  p50?: number;
  p99?: number;
}

export interface MetricSeries {
  Namespace: string;
  MetricName: string;
  /** Sorted by Name. */
  Dimensions: { Name: string; Value: string }[];
  /** Oldest first; windows older than the retention are dropped. */
  points: Datapoint[];
}

export interface MetricAlarm {
  AlarmName: string;
  AlarmArn: string;
  AlarmDescription?: string;
  ActionsEnabled: boolean;
  AlarmActions: string[];
  OKActions: string[];
  InsufficientDataActions: string[];
  StateValue: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  StateReason: string;
  StateReasonData?: string;
  /** Epoch seconds (CloudWatch's query protocol carries ISO strings in responses). */
  StateUpdatedTimestamp: number;
  AlarmConfigurationUpdatedTimestamp: number;
  MetricName?: string;
  Namespace?: string;
  Statistic?: 'SampleCount' | 'Average' | 'Sum' | 'Minimum' | 'Maximum';
  ExtendedStatistic?: string;
  Dimensions: { Name: string; Value: string }[];
  Metrics?: unknown[];
  Period?: number;
  EvaluationPeriods: number;
  DatapointsToAlarm?: number;
  Threshold?: number;
  ComparisonOperator:
    | 'GreaterThanOrEqualToThreshold'
    | 'GreaterThanThreshold'
    | 'LessThanThreshold'
    | 'LessThanOrEqualToThreshold';
  TreatMissingData?: 'breaching' | 'notBreaching' | 'ignore' | 'missing';
  region: string;
  /** Next evaluation time. */
  nextEvalAt: number;
}

export interface TrafficState {
  sources: Record<string, TrafficSource>;
  /** Faults by task definition ARN, image name, or `${functionArn}:${version}`. */
  behaviors: Record<string, Behavior>;
  /** Fractional carries so that integer request counts follow the rates exactly over time. */
  carry: Record<string, number>;
  /** Running totals since the world began, for trajectory goals: by revision / version key. */
  totals: Record<string, { requests: number; errors: number }>;
}

export interface CloudWatchState {
  /** Keyed by `${Namespace}|${MetricName}|${dims}`. */
  metrics: Record<string, MetricSeries>;
  alarms: Record<string, MetricAlarm>;
  /** Alarm history, newest first (bounded). */
  history: { AlarmName: string; Timestamp: number; HistoryItemType: 'StateUpdate'; HistorySummary: string }[];
}

export function emptyTrafficState(): TrafficState {
  return { sources: {}, behaviors: {}, carry: {}, totals: {} };
}

export function emptyCloudWatchState(): CloudWatchState {
  return { metrics: {}, alarms: {}, history: [] };
}
