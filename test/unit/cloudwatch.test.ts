/**
 * CloudWatch API: alarms, their evaluation (M of N, missing data, history), metric reads
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html).
 */
import { describe, expect, it } from 'vitest';
import { addFunction } from '../support/traffic-world.ts';
import { World } from '../support/world.ts';

const FN_ERRORS = {
  Namespace: 'AWS/Lambda',
  MetricName: 'Errors',
  Dimensions: [
    { Name: 'FunctionName', Value: 'orders' },
    { Name: 'Resource', Value: 'orders:live' },
    { Name: 'ExecutedVersion', Value: '2' },
  ],
};

/** A Lambda alias at 10 invocations/s, all on version 2 (errorRate given), from 2026-01-01T00:00:00Z. */
function lambdaWorld(errorRate: number) {
  const w = new World();
  addFunction(w, 'orders', 2, { name: 'live', version: '1', weights: { '2': 1 } });
  if (errorRate > 0) w.ok('sim:SetBehavior', { FunctionName: 'orders', Version: '2', ErrorRate: errorRate });
  w.ok('sim:SetTraffic', { FunctionName: 'orders', Qualifier: 'live', RequestsPerSecond: 10 });
  return w;
}

const alarm = (extra: Record<string, unknown> = {}) => ({
  AlarmName: 'orders-v2-errors',
  ...FN_ERRORS,
  Statistic: 'Sum',
  Period: 60,
  EvaluationPeriods: 2,
  DatapointsToAlarm: 2,
  Threshold: 1,
  ComparisonOperator: 'GreaterThanThreshold',
  ...extra,
});

const state = (w: World, name = 'orders-v2-errors') => w.state.cloudwatch.alarms[name];

describe('PutMetricAlarm validation', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['no AlarmName', { AlarmName: undefined }, 'ValidationError', /Value null at 'alarmName'/],
    ['no EvaluationPeriods', { EvaluationPeriods: undefined }, 'ValidationError', /'evaluationPeriods'/],
    ['bad operator', { ComparisonOperator: 'Bigger' }, 'ValidationError', /enum value set/],
    [
      'both statistics',
      { ExtendedStatistic: 'p99' },
      'InvalidParameterCombination',
      /Statistic or ExtendedStatistic/,
    ],
    [
      'no statistic',
      { Statistic: undefined },
      'InvalidParameterCombination',
      /Statistic or ExtendedStatistic/,
    ],
    [
      'bad percentile',
      { Statistic: undefined, ExtendedStatistic: 'p999' },
      'InvalidParameterValue',
      /percentile/,
    ],
    ['M > N', { DatapointsToAlarm: 3 }, 'ValidationError', /DatapointsToAlarm must be less than or equal/],
    ['period 45', { Period: 45 }, 'InvalidParameterValue', /10, 30, or a multiple of 60/],
    ['over a day', { Period: 3600, EvaluationPeriods: 25, DatapointsToAlarm: 1 }, 'ValidationError', /86400/],
    ['no threshold', { Threshold: undefined }, 'MissingParameter', /Threshold/],
    ['bad treat', { TreatMissingData: 'zero' }, 'ValidationError', /treatMissingData/],
    ['metric and metrics', { Metrics: [] }, 'InvalidParameterCombination', /mutually exclusive/],
  ];
  it.each(cases)('%s', (_label, extra, code, message) => {
    const w = new World();
    const input: Record<string, unknown> = alarm(extra);
    for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k];
    const before = w.state;
    const e = w.err('cloudwatch:PutMetricAlarm', input);
    expect([e.name, e.message]).toEqual([code, expect.stringMatching(message)]);
    expect(w.state).toBe(before);
  });

  const mathCases: [string, unknown[], string, RegExp][] = [
    [
      'two returning',
      [
        { Id: 'm1', MetricStat: { Metric: FN_ERRORS, Period: 60, Stat: 'Sum' } },
        { Id: 'e1', Expression: 'm1*2' },
      ],
      'ValidationError',
      /exactly one element of the metrics list should return data/,
    ],
    [
      'unknown id',
      [
        { Id: 'm1', MetricStat: { Metric: FN_ERRORS, Period: 60, Stat: 'Sum' }, ReturnData: false },
        { Id: 'e1', Expression: '100*(m1/m2)' },
      ],
      'InvalidParameterValue',
      /Unknown metric id 'm2'/,
    ],
    [
      'bad expression',
      [
        { Id: 'm1', MetricStat: { Metric: FN_ERRORS, Period: 60, Stat: 'Sum' }, ReturnData: false },
        { Id: 'e1', Expression: '100*(m1' },
      ],
      'ValidationError',
      /Error in expression/,
    ],
    [
      'bad id',
      [{ Id: 'M1', MetricStat: { Metric: FN_ERRORS, Period: 60, Stat: 'Sum' } }],
      'ValidationError',
      /lowercase/,
    ],
  ];
  it.each(mathCases)('metrics: %s', (_label, metrics, code, message) => {
    const w = new World();
    const e = w.err('cloudwatch:PutMetricAlarm', {
      AlarmName: 'math',
      Metrics: metrics,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect([e.name, e.message]).toEqual([code, expect.stringMatching(message)]);
  });
});

describe('alarm evaluation', () => {
  it('2 of 2 breaching datapoints: ALARM with CloudWatch’s reason, history and event', () => {
    const w = lambdaWorld(0.5);
    w.ok('cloudwatch:PutMetricAlarm', alarm());
    expect(state(w)).toMatchObject({
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: 'Unchecked: Initial alarm creation',
    });
    w.tick(60);
    expect(state(w)?.StateValue).toBe('INSUFFICIENT_DATA');
    w.tick(60);
    expect(state(w)?.StateValue).toBe('ALARM');
    expect(state(w)?.StateReason).toBe(
      'Threshold Crossed: 2 out of the last 2 datapoints [300.0 (01/01/26 00:01:00), 295.0 (01/01/26 00:00:00)] were greater than the threshold (1.0) (minimum 2 datapoints for OK -> ALARM transition).',
    );
    const ev = w.events.filter((e) => e.type === 'alarm/stateChanged');
    expect(ev.map((e) => e.data)).toEqual([
      {
        alarmName: 'orders-v2-errors',
        from: 'INSUFFICIENT_DATA',
        to: 'ALARM',
        reason: state(w)?.StateReason,
        at: 1767225720,
      },
    ]);
    const h = w.ok('cloudwatch:DescribeAlarmHistory', {
      AlarmName: 'orders-v2-errors',
      HistoryItemType: 'StateUpdate',
    });
    expect(h.AlarmHistoryItems).toEqual([
      {
        AlarmName: 'orders-v2-errors',
        AlarmType: 'MetricAlarm',
        Timestamp: '2026-01-01T00:02:00.000Z',
        HistoryItemType: 'StateUpdate',
        HistorySummary: 'Alarm updated from INSUFFICIENT_DATA to ALARM',
        HistoryData: expect.stringContaining('"newState":{"stateValue":"ALARM"'),
      },
    ]);
  });

  it('1 of 3 with DatapointsToAlarm 1 and a single period use the short reason forms', () => {
    const w = lambdaWorld(0.5);
    w.ok('cloudwatch:PutMetricAlarm', alarm({ EvaluationPeriods: 1, DatapointsToAlarm: 1, Threshold: 1000 }));
    w.tick(60);
    expect(state(w)).toMatchObject({
      StateValue: 'OK',
      StateReason:
        'Threshold Crossed: 1 datapoint [295.0 (01/01/26 00:00:00)] was not greater than the threshold (1000.0).',
    });
  });

  it('missing data: notBreaching goes OK, breaching goes ALARM, missing stays INSUFFICIENT_DATA, ignore keeps the state', () => {
    const expected: [string, string, string][] = [
      [
        'notBreaching',
        'OK',
        'Threshold Crossed: no datapoints were received for 2 periods and 2 missing datapoints were treated as [NonBreaching].',
      ],
      [
        'breaching',
        'ALARM',
        'Threshold Crossed: no datapoints were received for 2 periods and 2 missing datapoints were treated as [Breaching].',
      ],
      ['missing', 'INSUFFICIENT_DATA', 'Unchecked: Initial alarm creation'],
      ['ignore', 'INSUFFICIENT_DATA', 'Unchecked: Initial alarm creation'],
    ];
    for (const [treat, to, reason] of expected) {
      const w = new World();
      w.ok('cloudwatch:PutMetricAlarm', alarm({ TreatMissingData: treat }));
      w.tick(120);
      expect([treat, state(w)?.StateValue, state(w)?.StateReason]).toEqual([treat, to, reason]);
    }
  });

  it('ALARM -> OK once errors stop (Errors is published as 0), and back to INSUFFICIENT_DATA with no traffic', () => {
    const w = lambdaWorld(0.5);
    w.ok('cloudwatch:PutMetricAlarm', alarm());
    w.tick(120);
    expect(state(w)?.StateValue).toBe('ALARM');
    w.ok('sim:SetBehavior', { FunctionName: 'orders', Version: '2', Clear: true });
    w.tick(60);
    expect(state(w)?.StateValue).toBe('ALARM');
    w.tick(60);
    expect(state(w)?.StateValue).toBe('OK');
    expect(state(w)?.StateReason).toMatch(
      /^Threshold Crossed: 1 out of the last 2 datapoints \[0\.0 \(01\/01\/26 00:03:00\)\] was not greater than the threshold \(1\.0\) \(minimum 1 datapoint for ALARM -> OK transition\)\.$/,
    );
    w.ok('sim:SetTraffic', { FunctionName: 'orders', Qualifier: 'live', RequestsPerSecond: 0 });
    w.tick(180);
    expect(state(w)).toMatchObject({
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: 'Insufficient Data: 2 datapoints were unknown.',
    });
    const h = w.ok('cloudwatch:DescribeAlarmHistory', {
      AlarmName: 'orders-v2-errors',
      ScanBy: 'TimestampAscending',
    });
    expect(h.AlarmHistoryItems.map((i: { HistorySummary: string }) => i.HistorySummary)).toEqual([
      'Alarm "orders-v2-errors" created',
      'Alarm updated from INSUFFICIENT_DATA to ALARM',
      'Alarm updated from ALARM to OK',
      'Alarm updated from OK to INSUFFICIENT_DATA',
    ]);
  });

  it('an expression alarm 100*(m1/m2) on the error rate', () => {
    const w = lambdaWorld(0.25);
    const inv = { ...FN_ERRORS, MetricName: 'Invocations' };
    w.ok('cloudwatch:PutMetricAlarm', {
      AlarmName: 'error-rate',
      Metrics: [
        { Id: 'm1', MetricStat: { Metric: FN_ERRORS, Period: 60, Stat: 'Sum' }, ReturnData: false },
        { Id: 'm2', MetricStat: { Metric: inv, Period: 60, Stat: 'Sum' }, ReturnData: false },
        { Id: 'e1', Expression: '100*(m1/m2)', Label: 'Error rate' },
      ],
      EvaluationPeriods: 1,
      Threshold: 20,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    w.tick(60);
    expect(state(w, 'error-rate')).toMatchObject({
      StateValue: 'ALARM',
      // 147 errors of 590 invocations in the first (59-second) minute.
      StateReason: `Threshold Crossed: 1 datapoint [${(147 / 590) * 100} (01/01/26 00:00:00)] was greater than or equal to the threshold (20.0).`,
    });
    const d = w.ok('cloudwatch:DescribeAlarms', { AlarmNames: ['error-rate'] }).MetricAlarms[0];
    expect(d.Metrics[2]).toEqual({ Id: 'e1', Expression: '100*(m1/m2)', Label: 'Error rate' });
    expect(d.Dimensions).toEqual([]);
  });
});

describe('alarm API shapes', () => {
  function withAlarms() {
    const w = new World();
    w.ok('cloudwatch:PutMetricAlarm', alarm({ AlarmName: 'a-one' }));
    w.ok(
      'cloudwatch:PutMetricAlarm',
      alarm({ AlarmName: 'a-two', AlarmActions: ['arn:aws:sns:za-southwest-1:123456789012:ops'] }),
    );
    w.ok('cloudwatch:PutMetricAlarm', alarm({ AlarmName: 'b-three' }));
    w.ok('cloudwatch:SetAlarmState', { AlarmName: 'b-three', StateValue: 'ALARM', StateReason: 'testing' });
    return w;
  }

  it('DescribeAlarms returns MetricAlarms with ISO timestamps and no internal members, and filters', () => {
    const w = withAlarms();
    const out = w.ok('cloudwatch:DescribeAlarms', {});
    expect(out.CompositeAlarms).toEqual([]);
    expect(out.MetricAlarms.map((a: { AlarmName: string }) => a.AlarmName)).toEqual([
      'a-one',
      'a-two',
      'b-three',
    ]);
    const a = out.MetricAlarms[0];
    expect(a).toMatchObject({
      AlarmArn: 'arn:aws:cloudwatch:za-southwest-1:123456789012:alarm:a-one',
      ActionsEnabled: true,
      StateValue: 'INSUFFICIENT_DATA',
      StateUpdatedTimestamp: '2026-01-01T00:00:00.000Z',
      AlarmConfigurationUpdatedTimestamp: '2026-01-01T00:00:00.000Z',
      Namespace: 'AWS/Lambda',
      Statistic: 'Sum',
      Period: 60,
      Dimensions: [
        { Name: 'ExecutedVersion', Value: '2' },
        { Name: 'FunctionName', Value: 'orders' },
        { Name: 'Resource', Value: 'orders:live' },
      ],
    });
    expect(a).not.toHaveProperty('region');
    expect(a).not.toHaveProperty('nextEvalAt');
    const names = (input: Record<string, unknown>) =>
      w.ok('cloudwatch:DescribeAlarms', input).MetricAlarms.map((x: { AlarmName: string }) => x.AlarmName);
    expect(names({ AlarmNamePrefix: 'a-' })).toEqual(['a-one', 'a-two']);
    expect(names({ StateValue: 'ALARM' })).toEqual(['b-three']);
    expect(names({ AlarmNames: ['a-two', 'zzz'] })).toEqual(['a-two']);
    expect(names({ ActionPrefix: 'arn:aws:sns' })).toEqual(['a-two']);
    expect(names({ AlarmTypes: ['CompositeAlarm'] })).toEqual([]);
    const p1 = w.ok('cloudwatch:DescribeAlarms', { MaxRecords: 2 });
    expect(p1.NextToken).toBeDefined();
    expect(
      w.ok('cloudwatch:DescribeAlarms', { MaxRecords: 2, NextToken: p1.NextToken }).MetricAlarms,
    ).toHaveLength(1);
    expect(w.err('cloudwatch:DescribeAlarms', { AlarmNames: ['a'], AlarmNamePrefix: 'a' }).name).toBe(
      'InvalidParameterCombination',
    );
    expect(w.err('cloudwatch:DescribeAlarms', { StateValue: 'RED' }).name).toBe('ValidationError');
  });

  it('updating an alarm keeps its state; DescribeAlarms in another region sees nothing', () => {
    const w = withAlarms();
    w.ok('cloudwatch:PutMetricAlarm', alarm({ AlarmName: 'b-three', Threshold: 5 }));
    expect(state(w, 'b-three')).toMatchObject({ StateValue: 'ALARM', StateReason: 'testing', Threshold: 5 });
    const r = w.call('cloudwatch:DescribeAlarms', {}, 'za-northeast-1');
    expect('output' in r && r.output.MetricAlarms).toEqual([]);
  });

  it('SetAlarmState: event, history, InvalidFormat and ResourceNotFound', () => {
    const w = withAlarms();
    expect(w.events.filter((e) => e.type === 'alarm/stateChanged').map((e) => e.data.to)).toEqual(['ALARM']);
    expect(
      w.err('cloudwatch:SetAlarmState', { AlarmName: 'nope', StateValue: 'OK', StateReason: 'x' }).name,
    ).toBe('ResourceNotFound');
    expect(
      w.err('cloudwatch:SetAlarmState', {
        AlarmName: 'a-one',
        StateValue: 'OK',
        StateReason: 'x',
        StateReasonData: '{',
      }).name,
    ).toBe('InvalidFormat');
    expect(w.err('cloudwatch:SetAlarmState', { AlarmName: 'a-one', StateValue: 'OK' }).name).toBe(
      'ValidationError',
    );
  });

  it('DeleteAlarms deletes all or nothing; Enable/DisableAlarmActions toggle ActionsEnabled', () => {
    const w = withAlarms();
    const before = w.state;
    expect(w.err('cloudwatch:DeleteAlarms', { AlarmNames: ['a-one', 'ghost'] }).name).toBe(
      'ResourceNotFound',
    );
    expect(w.state).toBe(before);
    w.ok('cloudwatch:DisableAlarmActions', { AlarmNames: ['a-one'] });
    expect(state(w, 'a-one')?.ActionsEnabled).toBe(false);
    w.ok('cloudwatch:EnableAlarmActions', { AlarmNames: ['a-one'] });
    expect(state(w, 'a-one')?.ActionsEnabled).toBe(true);
    w.ok('cloudwatch:DeleteAlarms', { AlarmNames: ['a-one', 'a-two'] });
    expect(Object.keys(w.state.cloudwatch.alarms)).toEqual(['b-three']);
    const h = w.ok('cloudwatch:DescribeAlarmHistory', {
      AlarmName: 'a-one',
      HistoryItemType: 'ConfigurationUpdate',
    });
    expect(h.AlarmHistoryItems.map((i: { HistorySummary: string }) => i.HistorySummary)).toEqual([
      'Alarm "a-one" deleted',
      'Alarm "a-one" created',
    ]);
  });
});

describe('metric reads', () => {
  it('GetMetricStatistics: every statistic, ISO timestamps, Unit, and its validation', () => {
    const w = lambdaWorld(0.5);
    w.tick(180);
    const base = {
      ...FN_ERRORS,
      StartTime: '2026-01-01T00:00:00Z',
      EndTime: '2026-01-01T00:03:00Z',
      Period: 60,
    };
    const out = w.ok('cloudwatch:GetMetricStatistics', {
      ...base,
      Statistics: ['Sum', 'Average', 'SampleCount', 'Minimum', 'Maximum'],
    });
    expect(out.Label).toBe('Errors');
    expect(out.Datapoints).toEqual([
      {
        Timestamp: '2026-01-01T00:00:00.000Z',
        Sum: 295,
        Average: 5,
        SampleCount: 59,
        Minimum: 5,
        Maximum: 5,
        Unit: 'Count',
      },
      {
        Timestamp: '2026-01-01T00:01:00.000Z',
        Sum: 300,
        Average: 5,
        SampleCount: 60,
        Minimum: 5,
        Maximum: 5,
        Unit: 'Count',
      },
      {
        Timestamp: '2026-01-01T00:02:00.000Z',
        Sum: 300,
        Average: 5,
        SampleCount: 60,
        Minimum: 5,
        Maximum: 5,
        Unit: 'Count',
      },
    ]);
    const five = w.ok('cloudwatch:GetMetricStatistics', { ...base, Period: 300, Statistics: ['Sum'] });
    expect(five.Datapoints).toEqual([{ Timestamp: '2026-01-01T00:00:00.000Z', Sum: 895, Unit: 'Count' }]);
    const errs: [Record<string, unknown>, string][] = [
      [{ ...base }, 'InvalidParameterCombination'],
      [{ ...base, Statistics: ['Sum'], ExtendedStatistics: ['p99'] }, 'InvalidParameterCombination'],
      [{ ...base, Statistics: ['Median'] }, 'InvalidParameterValue'],
      [{ ...base, Statistics: ['Sum'], EndTime: '2025-12-31T00:00:00Z' }, 'InvalidParameterValue'],
      [{ ...base, Statistics: ['Sum'], StartTime: '2025-12-01T00:00:00Z' }, 'InvalidParameterCombination'],
      [{ ...base, Statistics: ['Sum'], Period: 45 }, 'InvalidParameterValue'],
      [{ ...base, Statistics: ['Sum'], StartTime: 'yesterday' }, 'InvalidParameterValue'],
      [{ ...base, Statistics: ['Sum'], MetricName: undefined }, 'ValidationError'],
    ];
    for (const [input, code] of errs)
      expect([input, w.err('cloudwatch:GetMetricStatistics', input).name]).toEqual([input, code]);
  });

  it('GetMetricData evaluates MetricStat and expressions, newest first by default', () => {
    const w = lambdaWorld(0.25);
    w.tick(120);
    const out = w.ok('cloudwatch:GetMetricData', {
      MetricDataQueries: [
        { Id: 'm1', MetricStat: { Metric: FN_ERRORS, Period: 60, Stat: 'Sum' }, ReturnData: false },
        {
          Id: 'm2',
          MetricStat: { Metric: { ...FN_ERRORS, MetricName: 'Invocations' }, Period: 60, Stat: 'Sum' },
        },
        { Id: 'e1', Expression: '100*(m1/m2)', Label: 'rate' },
      ],
      StartTime: '2026-01-01T00:00:00Z',
      EndTime: '2026-01-01T00:02:00Z',
    });
    expect(out.MetricDataResults).toEqual([
      {
        Id: 'm2',
        Label: 'Invocations',
        Timestamps: ['2026-01-01T00:01:00.000Z', '2026-01-01T00:00:00.000Z'],
        Values: [600, 590],
        StatusCode: 'Complete',
        Messages: [],
      },
      {
        Id: 'e1',
        Label: 'rate',
        Timestamps: ['2026-01-01T00:01:00.000Z', '2026-01-01T00:00:00.000Z'],
        Values: [25, expect.closeTo((147 / 590) * 100, 6)],
        StatusCode: 'Complete',
        Messages: [],
      },
    ]);
  });

  it('ListMetrics filters by namespace, name and dimensions', () => {
    const w = lambdaWorld(0);
    w.tick(5);
    const all = w.ok('cloudwatch:ListMetrics', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Invocations',
    }).Metrics;
    // {FunctionName}, {FunctionName, Resource}, and {.., ExecutedVersion: '2'} (version 1 gets no share).
    expect(all).toHaveLength(3);
    const byVersion = w.ok('cloudwatch:ListMetrics', {
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'ExecutedVersion', Value: '2' }],
    }).Metrics;
    expect(byVersion.map((m: { MetricName: string }) => m.MetricName)).toEqual([
      'Duration',
      'Errors',
      'Invocations',
    ]);
    expect(byVersion[0].Dimensions).toEqual([
      { Name: 'ExecutedVersion', Value: '2' },
      { Name: 'FunctionName', Value: 'orders' },
      { Name: 'Resource', Value: 'orders:live' },
    ]);
  });
});
