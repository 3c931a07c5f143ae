/**
 * CloudWatch alarm state and history calls (query protocol): SetAlarmState (the state holds until the next
 * evaluation), DescribeAlarmHistory (newest first by default; ISO timestamps), and EnableAlarmActions /
 * DisableAlarmActions (unknown names are ignored, as CloudWatch does). Sources:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html; alarms stop
 * deployments: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html,
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-steps-ecs.html. Simplification: actions
 * never execute.
 */

import type { Handler, Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import { own } from '../sim/records.ts';
import { iso } from '../sim/time.ts';
import type { MetricAlarm } from '../sim/types.ts';
import { setAlarmState } from './alarms.ts';
import {
  enumMember,
  invalidValue,
  page,
  parseTime,
  required,
  stringList,
  validation,
} from './cloudwatch-input.ts';

const STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;

/** An alarm of the call's region, or CloudWatch's ResourceNotFound. */
export function existing(ctx: Ctx, name: unknown): MetricAlarm {
  const a = typeof name === 'string' ? own(ctx.s.cloudwatch.alarms, name) : undefined;
  if (!a || a.region !== ctx.region)
    throw new ApiError('ResourceNotFound', `Alarm ${String(name)} does not exist.`);
  return a;
}

const setAlarmStateApi: Handler = (ctx, input) => {
  const a = existing(ctx, required(input, 'AlarmName'));
  const to = enumMember(input, 'StateValue', STATES) ?? (required(input, 'StateValue') as never);
  const reason = required(input, 'StateReason');
  if (typeof reason !== 'string' || reason.length > 1023) {
    throw validation('The parameter StateReason must be a string of at most 1023 characters.');
  }
  let data: string | undefined;
  if (input.StateReasonData !== undefined) {
    data = String(input.StateReasonData);
    try {
      JSON.parse(data);
    } catch {
      throw new ApiError('InvalidFormat', 'StateReasonData is not valid JSON.');
    }
  }
  if (a.StateValue === to) {
    ctx.putIn('cloudwatch', 'alarms', a.AlarmName, {
      ...a,
      StateReason: reason,
      StateUpdatedTimestamp: ctx.now,
      ...(data !== undefined ? { StateReasonData: data } : {}),
    });
  } else setAlarmState(ctx, a, to, reason, data);
  return {};
};

function readOptionalTime(input: Input, name: string): number | undefined {
  if (input[name] === undefined) return undefined;
  const t = parseTime(input[name]);
  if (t === null) throw invalidValue(`The parameter ${name} must be an ISO 8601 timestamp.`);
  return t;
}

const describeAlarmHistory: Handler = (ctx, input) => {
  const name = typeof input.AlarmName === 'string' ? input.AlarmName : undefined;
  const type = enumMember(input, 'HistoryItemType', [
    'ConfigurationUpdate',
    'StateUpdate',
    'Action',
  ] as const);
  const scan = enumMember(input, 'ScanBy', ['TimestampDescending', 'TimestampAscending'] as const);
  const start = readOptionalTime(input, 'StartDate');
  const end = readOptionalTime(input, 'EndDate');
  const items = ctx.s.cloudwatch.history.filter(
    (h) =>
      (name === undefined || h.AlarmName === name) &&
      (type === undefined || h.HistoryItemType === type) &&
      (start === undefined || h.Timestamp >= start) &&
      (end === undefined || h.Timestamp <= end),
  );
  if (scan === 'TimestampAscending') items.reverse();
  const p = page(items, input, 'MaxRecords', 100, 100);
  return {
    AlarmHistoryItems: p.items.map((h) => ({
      AlarmName: h.AlarmName,
      AlarmType: 'MetricAlarm',
      Timestamp: iso(h.Timestamp),
      HistoryItemType: h.HistoryItemType,
      HistorySummary: h.HistorySummary,
      ...(h.HistoryData !== undefined ? { HistoryData: h.HistoryData } : {}),
    })),
    ...(p.NextToken ? { NextToken: p.NextToken } : {}),
  };
};

function setActions(enabled: boolean): Handler {
  return (ctx, input) => {
    required(input, 'AlarmNames');
    for (const n of stringList(input, 'AlarmNames')) {
      const a = own(ctx.s.cloudwatch.alarms, n);
      if (a && a.region === ctx.region && a.ActionsEnabled !== enabled) {
        ctx.putIn('cloudwatch', 'alarms', n, { ...a, ActionsEnabled: enabled });
      }
    }
    return {};
  };
}

export const alarmStateHandlers: Record<string, Handler> = {
  'cloudwatch:SetAlarmState': setAlarmStateApi,
  'cloudwatch:DescribeAlarmHistory': describeAlarmHistory,
  'cloudwatch:EnableAlarmActions': setActions(true),
  'cloudwatch:DisableAlarmActions': setActions(false),
};
