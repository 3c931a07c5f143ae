/**
 * Traffic (travelers), metrics and CloudWatch alarms. Sources:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html. Traffic and
 * injected faults are sim: actions (what happens outside the API); metrics are kept in one-minute windows
 * like CloudWatch's standard resolution, and alarms are evaluated on them.
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
  Unit?: string;
  ThresholdMetricId?: string;
  /** Epoch seconds of the last change of StateValue (StateUpdatedTimestamp also moves on reason-only updates). */
  StateTransitionedTimestamp?: number;
  region: string;
  /** Next evaluation time. */
  nextEvalAt: number;
}

/** One entry of PutMetricAlarm's Metrics (a MetricDataQuery). */
export interface MetricDataQuery {
  Id: string;
  MetricStat?: {
    Metric: { Namespace: string; MetricName: string; Dimensions?: { Name: string; Value: string }[] };
    Period: number;
    Stat: string;
    Unit?: string;
  };
  Expression?: string;
  Label?: string;
  ReturnData?: boolean;
  Period?: number;
}

/** What a source carries from one second to the next (traffic-split.ts). */
export interface FlowCarry {
  /** Fraction of a request not yet sent. */
  rate: number;
  /** Per target group ARN (listener) or version (Lambda): share carried by the largest remainder split. */
  split: Record<string, number>;
  /** Per target group ARN: the round robin offset over its routable targets. */
  rr: Record<string, number>;
}

/** Counts of one minute of traffic for one revision (task definition ARN) or Lambda version. */
export interface TrafficWindow {
  /** Window start, epoch seconds, multiple of 60. */
  t: number;
  requests: number;
  errors: number;
  /** Latency percentiles in milliseconds (the worst second of the window). */
  p50: number;
  p99: number;
}

/** One minute of one traffic source: where its requests went. */
export interface SourceWindow {
  t: number;
  requests: number;
  /** Failed requests: target 5xx / Lambda errors, plus the load balancer's own 5xx. */
  errors: number;
  /** Requests the load balancer answered itself with a 503 (no routable target). */
  elb5xx: number;
  /** Requests per target group ARN (listener) or per executed version (Lambda). */
  byGroup: Record<string, number>;
}

export interface TrafficState {
  sources: Record<string, TrafficSource>;
  /** Faults by task definition ARN, image name, or `${functionArn}:${version}`. */
  behaviors: Record<string, Behavior>;
  /** Fractional failure carries per revision / version key, so failures follow the error rate exactly. */
  carry: Record<string, number>;
  /** Per source: the carries of its rate, its split across groups / versions, and its round robin. */
  flows: Record<string, FlowCarry>;
  /** Running totals since the world began, for trajectory goals: by revision / version key. */
  totals: Record<string, { requests: number; errors: number }>;
  /** Start of the open one-minute window (0 before any traffic). */
  windowT: number;
  /** The open window per revision / version key. */
  current: Record<string, TrafficWindow>;
  /** Closed windows per revision / version key, oldest first, the last TRAFFIC_WINDOWS_KEPT. */
  windows: Record<string, TrafficWindow[]>;
  /** The open window per source (keyed like sources). */
  sourceCurrent: Record<string, SourceWindow>;
  /** The last closed window per source. */
  sourceLast: Record<string, SourceWindow>;
  /**
   * Requests served by each ECS service's tasks since its load was last published (once a minute,
   * ecs/service-load.ts), keyed like the scheduler's service key (cluster ARN | service name).
   */
  serviceRequests: Record<string, number>;
}

export interface CloudWatchState {
  /** Keyed by `${Namespace}|${MetricName}|${dims}`. */
  metrics: Record<string, MetricSeries>;
  alarms: Record<string, MetricAlarm>;
  /** Alarm history, newest first (bounded). */
  history: {
    AlarmName: string;
    Timestamp: number;
    HistoryItemType: 'StateUpdate' | 'ConfigurationUpdate' | 'Action';
    HistorySummary: string;
    HistoryData?: string;
  }[];
}

export function emptyTrafficState(): TrafficState {
  return {
    sources: {},
    behaviors: {},
    carry: {},
    flows: {},
    totals: {},
    windowT: 0,
    current: {},
    windows: {},
    sourceCurrent: {},
    sourceLast: {},
    serviceRequests: {},
  };
}

export function emptyCloudWatchState(): CloudWatchState {
  return { metrics: {}, alarms: {}, history: [] };
}
