/**
 * CloudWatch alarm evaluation
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html; deployments
 * roll back on alarms:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html). Each alarm is
 * evaluated at its period boundaries on the last EvaluationPeriods complete periods: ALARM when at least
 * DatapointsToAlarm of them breach the threshold; OK when enough do not that ALARM is impossible; missing
 * periods follow TreatMissingData (breaching / notBreaching count as such; missing and ignore drop them:
 * nothing at all gives INSUFFICIENT_DATA for missing and keeps the state for ignore). StateReason texts
 * follow CloudWatch's ("Threshold Crossed: 2 out of the last 2 datapoints [...] were greater than the
 * threshold (1.0) (minimum 2 datapoints for OK -> ALARM transition)."). Every transition writes a history
 * item and the event 'alarm/stateChanged'. Deployments read state.cloudwatch.alarms[name].StateValue after
 * tickAlarms in the same tick.
 *
 * Simplification: CloudWatch looks back a little further than N periods when data is missing; here
 * the range is exactly N periods, and an undecided range keeps the current state.
 */

import type { Ctx } from '../sim/ctx.ts';
import { civilFromDays } from '../sim/time.ts';
import type { MetricAlarm, MetricDataQuery } from '../sim/types.ts';
import { isoPlus } from './cloudwatch-input.ts';
import { evaluateQueries } from './metric-math.ts';
import { periodValues } from './metrics.ts';

export type AlarmState = MetricAlarm['StateValue'];

/** Newest-first history items kept (CloudWatch keeps two weeks; a bounded list is enough here). */
export const HISTORY_KEPT = 500;

const OP_WORDS: Record<MetricAlarm['ComparisonOperator'], string> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

/** Java's Double.toString for everyday values: 1 -> "1.0", 0.25 -> "0.25". */
export function javaDouble(v: number): string {
  return Number.isInteger(v) ? `${v}.0` : String(v);
}

/** dd/MM/yy HH:mm:ss, the form of datapoint times in StateReason. */
export function reasonDate(t: number): string {
  const [y, m, d] = civilFromDays(Math.floor(t / 86400));
  const r = t - Math.floor(t / 86400) * 86400;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d)}/${p(m)}/${p(y % 100)} ${p(Math.floor(r / 3600))}:${p(Math.floor((r % 3600) / 60))}:${p(r % 60)}`;
}

export function breaches(op: MetricAlarm['ComparisonOperator'], v: number, threshold: number): boolean {
  switch (op) {
    case 'GreaterThanOrEqualToThreshold':
      return v >= threshold;
    case 'GreaterThanThreshold':
      return v > threshold;
    case 'LessThanThreshold':
      return v < threshold;
    case 'LessThanOrEqualToThreshold':
      return v <= threshold;
  }
}

/** The alarm's period (single metric, or the metric math queries' period). */
export function alarmPeriod(a: MetricAlarm): number {
  if (a.Period) return a.Period;
  const q = (a.Metrics as MetricDataQuery[] | undefined)?.find((m) => m.MetricStat);
  return q?.MetricStat?.Period ?? 60;
}

/** The values of the periods starting in [from, to), keyed by period start. */
export function alarmValues(
  ctx: Ctx,
  a: MetricAlarm,
  period: number,
  from: number,
  to: number,
): Map<number, number> {
  if (a.Metrics) {
    const queries = a.Metrics as MetricDataQuery[];
    const env = evaluateQueries(ctx.s, queries, period, from, to);
    const ret = queries.find((q) => q.ReturnData !== false) as MetricDataQuery;
    return env.get(ret.Id) ?? new Map();
  }
  const dims: Record<string, string> = {};
  for (const d of a.Dimensions) dims[d.Name] = d.Value;
  const stat = a.Statistic ?? a.ExtendedStatistic ?? 'Average';
  return periodValues(ctx.s, a.Namespace ?? '', a.MetricName ?? '', dims, stat, period, from, to);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Moves an alarm to a state (no-op when unchanged): history item, event, timestamps. */
export function setAlarmState(
  ctx: Ctx,
  a: MetricAlarm,
  to: AlarmState,
  reason: string,
  reasonData: string | undefined,
): void {
  if (a.StateValue === to) return;
  const from = a.StateValue;
  const next: MetricAlarm = {
    ...a,
    StateValue: to,
    StateReason: reason,
    StateUpdatedTimestamp: ctx.now,
    StateTransitionedTimestamp: ctx.now,
  };
  if (reasonData !== undefined) next.StateReasonData = reasonData;
  else delete next.StateReasonData;
  ctx.putIn('cloudwatch', 'alarms', a.AlarmName, next);
  const newState: Record<string, unknown> = { stateValue: to, stateReason: reason };
  if (reasonData !== undefined) newState.stateReasonData = JSON.parse(reasonData);
  addHistory(ctx, a.AlarmName, 'StateUpdate', `Alarm updated from ${from} to ${to}`, {
    version: '1.0',
    oldState: { stateValue: from, stateReason: a.StateReason },
    newState,
  });
  ctx.emit('alarm/stateChanged', { alarmName: a.AlarmName, from, to, reason, at: ctx.now }, a.region);
}

export function addHistory(
  ctx: Ctx,
  alarmName: string,
  type: 'StateUpdate' | 'ConfigurationUpdate' | 'Action',
  summary: string,
  data: Record<string, unknown>,
): void {
  const item = {
    AlarmName: alarmName,
    Timestamp: ctx.now,
    HistoryItemType: type,
    HistorySummary: summary,
    HistoryData: JSON.stringify(data),
  };
  const h = ctx.s.cloudwatch.history;
  ctx.setIn('cloudwatch', 'history', [
    item,
    ...(h.length >= HISTORY_KEPT ? h.slice(0, HISTORY_KEPT - 1) : h),
  ]);
}

/** Evaluates one alarm now on its last EvaluationPeriods complete periods. */
export function evaluateAlarm(ctx: Ctx, a: MetricAlarm): void {
  const period = alarmPeriod(a);
  const n = a.EvaluationPeriods;
  const m = a.DatapointsToAlarm ?? n;
  const end = Math.floor(ctx.now / period) * period;
  const values = alarmValues(ctx, a, period, end - n * period, end);
  const th = a.Threshold ?? 0;
  const treat = a.TreatMissingData ?? 'missing';
  const present: { t: number; v: number; breach: boolean }[] = [];
  let filled = 0;
  let filledBreach = 0;
  for (let k = 1; k <= n; k++) {
    const t = end - k * period;
    const v = values.get(t);
    if (v !== undefined) present.push({ t, v, breach: breaches(a.ComparisonOperator, v, th) });
    else if (treat === 'breaching' || treat === 'notBreaching') {
      filled++;
      if (treat === 'breaching') filledBreach++;
    }
  }
  const breaching = present.filter((p) => p.breach).length + filledBreach;
  const counted = present.length + filled;
  const notBreaching = counted - breaching;
  const op = OP_WORDS[a.ComparisonOperator];
  const list = (ps: typeof present) =>
    `[${ps.map((p) => `${javaDouble(p.v)} (${reasonDate(p.t)})`).join(', ')}]`;
  const data = JSON.stringify({
    version: '1.0',
    queryDate: isoPlus(ctx.now),
    startDate: isoPlus(end - n * period),
    ...(a.Statistic ? { statistic: a.Statistic } : {}),
    period,
    recentDatapoints: [...present].reverse().map((p) => p.v),
    threshold: th,
    evaluatedDatapoints: present.map((p) => ({ timestamp: isoPlus(p.t), value: p.v })),
  });
  const allFilled = present.length === 0 && filled > 0;
  const filledText = (kind: string) =>
    `Threshold Crossed: no datapoints were received for ${plural(n, 'period')} and ${plural(filled, 'missing datapoint')} ${filled === 1 ? 'was' : 'were'} treated as [${kind}].`;
  if (breaching >= m) {
    const shown = present.filter((p) => p.breach);
    const reason = allFilled
      ? filledText('Breaching')
      : n === 1
        ? `Threshold Crossed: 1 datapoint ${list(shown)} was ${op} the threshold (${javaDouble(th)}).`
        : `Threshold Crossed: ${breaching} out of the last ${n} datapoints ${list(shown)} ${breaching === 1 ? 'was' : 'were'} ${op} the threshold (${javaDouble(th)}) (minimum ${plural(m, 'datapoint')} for OK -> ALARM transition).`;
    setAlarmState(ctx, a, 'ALARM', reason, data);
  } else if (counted === 0) {
    if (treat === 'missing')
      setAlarmState(
        ctx,
        a,
        'INSUFFICIENT_DATA',
        `Insufficient Data: ${plural(n, 'datapoint')} ${n === 1 ? 'was' : 'were'} unknown.`,
        data,
      );
  } else if (notBreaching >= n - m + 1) {
    const shown = present.filter((p) => !p.breach);
    const reason = allFilled
      ? filledText('NonBreaching')
      : n === 1
        ? `Threshold Crossed: 1 datapoint ${list(shown)} was not ${op} the threshold (${javaDouble(th)}).`
        : `Threshold Crossed: ${notBreaching} out of the last ${n} datapoints ${list(shown)} ${notBreaching === 1 ? 'was' : 'were'} not ${op} the threshold (${javaDouble(th)}) (minimum ${plural(n - m + 1, 'datapoint')} for ALARM -> OK transition).`;
    setAlarmState(ctx, a, 'OK', reason, data);
  }
}

export function nextBoundary(now: number, period: number): number {
  return (Math.floor(now / period) + 1) * period;
}

export function tickAlarms(ctx: Ctx): void {
  const alarms = ctx.s.cloudwatch.alarms;
  for (const name in alarms) {
    const a = alarms[name] as MetricAlarm;
    if (a.nextEvalAt > ctx.now) continue;
    evaluateAlarm(ctx, a);
    const cur = ctx.s.cloudwatch.alarms[name] as MetricAlarm;
    ctx.putIn('cloudwatch', 'alarms', name, { ...cur, nextEvalAt: nextBoundary(ctx.now, alarmPeriod(cur)) });
  }
}
