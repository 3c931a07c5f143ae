/**
 * CloudWatch alarm API (query protocol): PutMetricAlarm (one metric with Statistic or ExtendedStatistic, or
 * Metrics: MetricStat queries and one returned expression), DescribeAlarms, DeleteAlarms, SetAlarmState,
 * DescribeAlarmHistory, EnableAlarmActions, DisableAlarmActions. Sources:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html,
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-steps-ecs.html,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html (alarms that stop
 * deployments). A new alarm starts in INSUFFICIENT_DATA ("Unchecked: Initial alarm creation"); an update
 * keeps its state. Responses carry ISO 8601 timestamps. Simplifications: alarm names are unique across
 * regions; actions are recorded, never executed; composite and anomaly-detection alarms are not modelled.
 */

import type { Handler } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import { own } from '../sim/records.ts';
import { iso } from '../sim/time.ts';
import type { MetricAlarm, MetricDataQuery } from '../sim/types.ts';
import { addHistory, alarmPeriod, nextBoundary } from './alarms.ts';
import { existing } from './cloudwatch-alarm-state.ts';
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
  stringList,
  validation,
} from './cloudwatch-input.ts';
import { validateQueries } from './metric-math.ts';

const OPERATORS = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
] as const;
const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
const STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;
const TREATMENTS = ['breaching', 'notBreaching', 'ignore', 'missing'] as const;
const PERCENTILE = /^p(\d{1,2}(\.\d{1,10})?|100)$/;

function checkPeriod(p: number, member: string) {
  if (p !== 10 && p !== 30 && p % 60 !== 0) {
    throw invalidValue(`The parameter ${member} must be 10, 30, or a multiple of 60.`);
  }
}

function readQueries(raw: unknown): MetricDataQuery[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 10) {
    throw validation('The Metrics list must have between 1 and 10 members for an alarm.');
  }
  const qs = raw as MetricDataQuery[];
  validateQueries(qs);
  const returning = qs.filter((q) => q.ReturnData !== false);
  if (returning.length !== 1) {
    throw validation('Invalid metrics list: exactly one element of the metrics list should return data.');
  }
  const periods = new Set(qs.flatMap((q) => (q.MetricStat ? [q.MetricStat.Period] : [])));
  if (periods.size !== 1)
    throw validation('Invalid metrics list: every MetricStat of an alarm must use the same Period.');
  for (const p of periods) checkPeriod(p, 'Metrics.MetricStat.Period');
  return qs.map((q) => JSON.parse(JSON.stringify(q)) as MetricDataQuery);
}

const putMetricAlarm: Handler = (ctx, input) => {
  const name = required(input, 'AlarmName');
  if (typeof name !== 'string' || name.length < 1 || name.length > 255) {
    throw validation('The parameter AlarmName must be between 1 and 255 characters.');
  }
  const evaluationPeriods =
    intMember(input, 'EvaluationPeriods', 1) ?? (required(input, 'EvaluationPeriods') as number);
  const op =
    enumMember(input, 'ComparisonOperator', OPERATORS) ?? (required(input, 'ComparisonOperator') as never);
  const datapoints = intMember(input, 'DatapointsToAlarm', 1);
  if (datapoints !== undefined && datapoints > evaluationPeriods) {
    throw validation('DatapointsToAlarm must be less than or equal to EvaluationPeriods.');
  }
  const treat = enumMember(input, 'TreatMissingData', TREATMENTS);
  if (input.Threshold === undefined) throw missing('Threshold');
  if (typeof input.Threshold !== 'number' || !Number.isFinite(input.Threshold)) {
    throw invalidValue('The parameter Threshold must be a number.');
  }
  const single = input.MetricName !== undefined || input.Namespace !== undefined;
  if (single && input.Metrics !== undefined) {
    throw invalidCombination('MetricName and Metrics are mutually exclusive: use one or the other.');
  }
  if (!single && input.Metrics === undefined) {
    throw invalidCombination('Either MetricName (with Namespace) or Metrics must be specified.');
  }
  const a: Partial<MetricAlarm> = {};
  let period: number;
  if (single) {
    if (typeof input.MetricName !== 'string' || !input.MetricName) throw missing('MetricName');
    if (typeof input.Namespace !== 'string' || !input.Namespace) throw missing('Namespace');
    const stat = enumMember(input, 'Statistic', STATISTICS);
    const ext = input.ExtendedStatistic;
    if ((stat === undefined) === (ext === undefined)) {
      throw invalidCombination('Exactly one of Statistic or ExtendedStatistic must be specified.');
    }
    if (ext !== undefined && (typeof ext !== 'string' || !PERCENTILE.test(ext))) {
      throw invalidValue('The parameter ExtendedStatistic must be a percentile such as p99 or p99.9.');
    }
    const given = intMember(input, 'Period', 1);
    if (given === undefined) throw missing('Period');
    period = given;
    checkPeriod(period, 'Period');
    a.MetricName = input.MetricName;
    a.Namespace = input.Namespace;
    if (stat) a.Statistic = stat;
    else a.ExtendedStatistic = ext as string;
    a.Period = period;
    a.Dimensions = dimensionList(readDimensions(input.Dimensions));
    if (typeof input.Unit === 'string') a.Unit = input.Unit;
  } else {
    for (const k of ['Statistic', 'ExtendedStatistic', 'Period', 'Dimensions']) {
      if (input[k] !== undefined) throw invalidCombination(`${k} cannot be used together with Metrics.`);
    }
    a.Metrics = readQueries(input.Metrics);
    a.Dimensions = [];
    period = alarmPeriod(a as MetricAlarm);
  }
  if (period * evaluationPeriods > 86400) {
    throw validation(
      'The evaluation period (Period x EvaluationPeriods) must not exceed 86400 seconds (one day).',
    );
  }
  const old = own(ctx.s.cloudwatch.alarms, name);
  if (old && old.region !== ctx.region) {
    throw invalidValue(
      `An alarm named ${name} already exists in ${old.region}; alarm names are unique in Nozama.`,
    );
  }
  const alarm: MetricAlarm = {
    AlarmName: name,
    AlarmArn: ctx.arn('cloudwatch', `alarm:${name}`),
    ...(typeof input.AlarmDescription === 'string' ? { AlarmDescription: input.AlarmDescription } : {}),
    ActionsEnabled: input.ActionsEnabled !== false,
    AlarmActions: stringList(input, 'AlarmActions'),
    OKActions: stringList(input, 'OKActions'),
    InsufficientDataActions: stringList(input, 'InsufficientDataActions'),
    StateValue: old?.StateValue ?? 'INSUFFICIENT_DATA',
    StateReason: old?.StateReason ?? 'Unchecked: Initial alarm creation',
    StateUpdatedTimestamp: old?.StateUpdatedTimestamp ?? ctx.now,
    StateTransitionedTimestamp: old?.StateTransitionedTimestamp ?? ctx.now,
    AlarmConfigurationUpdatedTimestamp: ctx.now,
    Dimensions: [],
    ...a,
    EvaluationPeriods: evaluationPeriods,
    ...(datapoints !== undefined ? { DatapointsToAlarm: datapoints } : {}),
    Threshold: input.Threshold,
    ComparisonOperator: op,
    ...(treat ? { TreatMissingData: treat } : {}),
    region: ctx.region,
    nextEvalAt: nextBoundary(ctx.now, period),
  };
  if (old?.StateReasonData !== undefined) alarm.StateReasonData = old.StateReasonData;
  ctx.putIn('cloudwatch', 'alarms', name, alarm);
  addHistory(ctx, name, 'ConfigurationUpdate', `Alarm "${name}" ${old ? 'updated' : 'created'}`, {
    version: '1.0',
    type: old ? 'Update' : 'Create',
    [old ? 'updatedAlarm' : 'createdAlarm']: describeAlarm(alarm),
  });
  return {};
};

/** The MetricAlarm shape of DescribeAlarms (ISO timestamps, internal members left out). */
export function describeAlarm(a: MetricAlarm): Record<string, unknown> {
  const {
    region: _r,
    nextEvalAt: _n,
    StateUpdatedTimestamp,
    AlarmConfigurationUpdatedTimestamp,
    StateTransitionedTimestamp,
    ...rest
  } = a;
  return {
    ...rest,
    AlarmConfigurationUpdatedTimestamp: iso(AlarmConfigurationUpdatedTimestamp),
    StateUpdatedTimestamp: iso(StateUpdatedTimestamp),
    ...(StateTransitionedTimestamp !== undefined
      ? { StateTransitionedTimestamp: iso(StateTransitionedTimestamp) }
      : {}),
  };
}

function alarmsInRegion(ctx: Ctx): MetricAlarm[] {
  return Object.values(ctx.s.cloudwatch.alarms)
    .filter((a) => a.region === ctx.region)
    .sort((x, y) => (x.AlarmName < y.AlarmName ? -1 : x.AlarmName > y.AlarmName ? 1 : 0));
}

const describeAlarms: Handler = (ctx, input) => {
  const names = stringList(input, 'AlarmNames');
  if (names.length > 100) throw validation('The AlarmNames list must have at most 100 members.');
  const prefix = input.AlarmNamePrefix;
  if (names.length && prefix !== undefined) {
    throw invalidCombination('AlarmNames and AlarmNamePrefix cannot be specified together.');
  }
  const state = enumMember(input, 'StateValue', STATES);
  const types = stringList(input, 'AlarmTypes');
  const actionPrefix = typeof input.ActionPrefix === 'string' ? input.ActionPrefix : undefined;
  const wantMetric = types.length === 0 || types.includes('MetricAlarm');
  const list = alarmsInRegion(ctx).filter(
    (a) =>
      wantMetric &&
      (names.length === 0 || names.includes(a.AlarmName)) &&
      (typeof prefix !== 'string' || a.AlarmName.startsWith(prefix)) &&
      (state === undefined || a.StateValue === state) &&
      (actionPrefix === undefined ||
        [...a.AlarmActions, ...a.OKActions, ...a.InsufficientDataActions].some((x) =>
          x.startsWith(actionPrefix),
        )),
  );
  const p = page(list, input, 'MaxRecords', 50, 100);
  return {
    MetricAlarms: p.items.map(describeAlarm),
    CompositeAlarms: [],
    ...(p.NextToken ? { NextToken: p.NextToken } : {}),
  };
};

const deleteAlarms: Handler = (ctx, input) => {
  required(input, 'AlarmNames');
  const names = stringList(input, 'AlarmNames');
  if (names.length > 100) throw validation('The AlarmNames list must have at most 100 members.');
  const missingNames = names.filter((n) => {
    const a = own(ctx.s.cloudwatch.alarms, n);
    return !a || a.region !== ctx.region;
  });
  if (missingNames.length) {
    throw new ApiError(
      'ResourceNotFound',
      `${missingNames.length} of ${names.length} alarms were not found: ${missingNames.join(', ')}. No alarms were deleted.`,
    );
  }
  for (const n of names) {
    const a = existing(ctx, n);
    ctx.removeIn('cloudwatch', 'alarms', n);
    addHistory(ctx, n, 'ConfigurationUpdate', `Alarm "${n}" deleted`, {
      version: '1.0',
      type: 'Delete',
      deletedAlarm: describeAlarm(a),
    });
  }
  return {};
};

export const alarmHandlers: Record<string, Handler> = {
  'cloudwatch:PutMetricAlarm': putMetricAlarm,
  'cloudwatch:DescribeAlarms': describeAlarms,
  'cloudwatch:DeleteAlarms': deleteAlarms,
};
