/**
 * The words of renovations and the horn of rollback (src/i18n/renovation.ts, renovation-facts.ts,
 * chronicle-renovation.ts): what a watchtower watches in a few words, the why cards for ECS (native
 * and rolling), CodeDeploy and the seed's Lambda shift in Nozama, AWS and both modes, and the same
 * cards built from real rollbacks of the model.
 */
import { describe, expect, it } from 'vitest';
import { chronicleLine } from '../../src/i18n/chronicle.ts';
import {
  type AlarmLike,
  alarmFacts,
  alarmRule,
  alarmRuleAws,
  aliasRollbackCard,
  codeDeployRollbackCard,
  countdown,
  type EcsRollbackFacts,
  ecsRollbackCard,
  lifecycleWords,
  stageWords,
} from '../../src/i18n/renovation.ts';
import { aliasRollbackFacts, ecsRollbackFacts } from '../../src/i18n/renovation-facts.ts';
import type { SimEventOf } from '../../src/model/index.ts';
import { spell } from '../support/codedeploy.ts';
import { nativeWorld } from '../support/deployments.ts';
import { registerWebWithPort } from '../support/elb.ts';
import { World } from '../support/world.ts';

const ratio: AlarmLike = {
  AlarmName: 'mill-5xx',
  Metrics: [
    { Id: 'ratio', Expression: '100 * FILL(errors, 0) / requests', ReturnData: true },
    {
      Id: 'errors',
      MetricStat: { Metric: { MetricName: 'HTTPCode_Target_5XX_Count' }, Period: 60, Stat: 'Sum' },
    },
    { Id: 'requests', MetricStat: { Metric: { MetricName: 'RequestCount' }, Period: 60, Stat: 'Sum' } },
  ],
  EvaluationPeriods: 2,
  DatapointsToAlarm: 2,
  Threshold: 1,
  ComparisonOperator: 'GreaterThanThreshold',
};

describe('a watchtower in a few words', () => {
  it.each<[string, AlarmLike, string | null, string, string]>([
    ['metric math share', ratio, null, '5xx > 1% for 2 of 2 minutes', '(2 of 2 datapoints > 1.0)'],
    [
      '5xx count, five-minute looks',
      {
        AlarmName: 'gate-5xx',
        MetricName: 'HTTPCode_Target_5XX_Count',
        Period: 300,
        EvaluationPeriods: 3,
        DatapointsToAlarm: 1,
        Threshold: 10,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      },
      null,
      '5xx ≥ 10 for 1 of 3 5-minute looks',
      '(1 of 3 datapoints ≥ 10.0)',
    ],
    [
      'Lambda errors, one minute',
      {
        AlarmName: 'spell-errors',
        MetricName: 'Errors',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      },
      null,
      'Errors > 0 for 1 of 1 minute',
      '(1 of 1 datapoints > 0.0)',
    ],
    [
      'N of M read from the StateReason when given',
      { ...ratio, DatapointsToAlarm: 3, EvaluationPeriods: 5 },
      'Threshold Crossed: 4 out of the last 5 datapoints [2.0 (01/01/26 00:05:00)] were greater than the threshold (1.0)',
      '5xx > 1% for 4 of 5 minutes',
      '(4 of 5 datapoints > 1.0)',
    ],
  ])('%s', (_name, alarm, reason, story, aws) => {
    const f = alarmFacts(alarm, reason);
    expect(alarmRule(f)).toBe(story);
    expect(alarmRuleAws(f)).toBe(aws);
    expect(f.reason).toBe(reason);
  });
});

const native: EcsRollbackFacts = {
  service: 'mill',
  trigger: 'mill-5xx',
  detail: 'ECS deployment alarm detected: mill-5xx in ALARM state.',
  stage: 'PRODUCTION_TRAFFIC_SHIFT',
  step: 3,
  steps: 10,
  weightPercent: 30,
  backTo: 'arn:aws:ecs:za-southwest-1:123456789012:task-definition/mill:1',
  failed: 'arn:aws:ecs:za-southwest-1:123456789012:task-definition/mill:2',
  alarm: { ...alarmFacts(ratio, 'Threshold Crossed: 2 out of the last 2 datapoints [...]') },
};

const { alarm: _alarm, ...withoutAlarm } = native;

describe('the horn of rollback: ECS', () => {
  it.each<[string, EcsRollbackFacts, string, string]>([
    [
      'an alarm during a linear shift',
      native,
      'Watchtower mill-5xx: 5xx > 1% for 2 of 2 minutes at step 3 of 10 — travelers returned to edition 1',
      'Alarm mill-5xx in ALARM (2 of 2 datapoints > 1.0) during PRODUCTION_TRAFFIC_SHIFT step 3/10: rolled back to mill:1',
    ],
    [
      'an alarm while baking',
      { ...native, stage: 'BAKE_TIME', step: 10 },
      'Watchtower mill-5xx: 5xx > 1% for 2 of 2 minutes while baking, every traveler on the new edition — travelers returned to edition 1',
      'Alarm mill-5xx in ALARM (2 of 2 datapoints > 1.0) during BAKE_TIME: rolled back to mill:1',
    ],
    [
      'an alarm before any production shift',
      { ...native, stage: 'SCALE_UP', step: 0 },
      'Watchtower mill-5xx: 5xx > 1% for 2 of 2 minutes before any traveler moved — travelers returned to edition 1',
      'Alarm mill-5xx in ALARM (2 of 2 datapoints > 1.0) during SCALE_UP: rolled back to mill:1',
    ],
    [
      'the circuit breaker of a rolling update',
      {
        service: 'mill',
        trigger: 'circuitBreaker',
        detail: 'ECS deployment circuit breaker: tasks failed to start.',
        backTo: 'mill:4',
      },
      "The steward's circuit breaker: new developments kept failing during the rolling renovation — the decree returned to edition 4",
      'Deployment circuit breaker: tasks failed to start during the rolling deployment: rolled back to mill:4',
    ],
    [
      'StopServiceDeployment',
      { ...withoutAlarm, trigger: 'StopServiceDeployment', step: 2 },
      'You sounded the horn yourself at step 2 of 10 — travelers returned to edition 1',
      'StopServiceDeployment (stopType ROLLBACK) during PRODUCTION_TRAFFIC_SHIFT step 2/10: rolled back to mill:1',
    ],
  ])('%s', (_name, facts, story, aws) => {
    expect(ecsRollbackCard(facts, 'nozama').headline).toBe(story);
    expect(ecsRollbackCard(facts, 'aws').headline).toBe(aws);
    const both = ecsRollbackCard(facts, 'both');
    expect(both.headline).toBe(story);
    expect(both.reasons[0]).toBe(aws);
  });

  it('AWS reasons carry rolloutStateReason and the alarm StateReason; story reasons say what to do', () => {
    expect(ecsRollbackCard(native, 'aws').reasons).toEqual([
      native.detail,
      'Threshold Crossed: 2 out of the last 2 datapoints [...]',
    ]);
    const story = ecsRollbackCard(native, 'nozama').reasons.join(' ');
    expect(story).toContain('edition 2 is torn down');
    expect(story).toContain('lift its curse');
  });
});

describe('the horn of rollback: CodeDeploy and Lambda', () => {
  it.each<[string, Parameters<typeof codeDeployRollbackCard>[0], string, string]>([
    [
      'ECS canary stopped by an alarm',
      {
        code: 'ALARM_ACTIVE',
        message: 'One or more alarms have been activated',
        step: 1,
        steps: 2,
        percent: 10,
        backTo: 'mill:1',
        platform: 'ECS',
        alarm: alarmFacts(ratio),
      },
      'Watchtower mill-5xx: 5xx > 1% for 2 of 2 minutes at step 1 of 2 — travelers returned to edition 1',
      'Alarm mill-5xx in ALARM (2 of 2 datapoints > 1.0) during AllowTraffic step 1/2 (10%): CodeDeploy rolled back to mill:1',
    ],
    [
      'Lambda linear stopped by hand',
      {
        code: 'MANUAL_STOP',
        message: 'The deployment was stopped by a StopDeployment request.',
        step: 4,
        steps: 10,
        percent: 40,
        backTo: '1',
        platform: 'Lambda',
      },
      'You sounded the horn yourself at step 4 of 10 — incantation back to edition 1',
      'StopDeployment (autoRollbackEnabled) during AllowTraffic step 4/10 (40%): CodeDeploy rolled back to version 1',
    ],
  ])('%s', (_name, facts, story, aws) => {
    expect(codeDeployRollbackCard(facts, 'nozama').headline).toBe(story);
    expect(codeDeployRollbackCard(facts, 'aws').headline).toBe(aws);
  });

  it('the seed’s shift: errors in the health-check window at a step', () => {
    const f = {
      functionName: 'checkout',
      alias: 'live',
      oldVersion: '1',
      newVersion: '2',
      step: 4,
      steps: 10,
      weight: 0.4,
      errors: 3,
      windowSeconds: 60,
    };
    expect(aliasRollbackCard(f, 'nozama').headline).toBe(
      'Errors 3 in the last 60 s at step 4 of 10: incantation back to edition 1',
    );
    expect(aliasRollbackCard(f, 'aws').headline).toBe(
      'Health check failed, exiting: Errors Sum 3 over the last 60 s (ExecutedVersion 2) at step 4/10, weight 0.4: alias live back to version 1',
    );
    expect(aliasRollbackCard(f, 'nozama').reasons[0]).toContain('answered 40% of the casts');
  });
});

describe('stage words and timers', () => {
  it.each([
    ['PRODUCTION_TRAFFIC_SHIFT', 'moving travelers to the new edition'],
    ['BAKE_TIME', 'baking: both editions stand while the watchtowers watch'],
    ['CLEAN_UP', 'tearing down the old edition'],
  ])('%s', (stage, story) => {
    expect(stageWords(stage, 'nozama')).toBe(story);
    expect(stageWords(stage, 'aws')).toBe(stage);
    expect(stageWords(stage, 'both')).toBe(`${story} (${stage})`);
  });

  it('lifecycle events speak of casts for Lambda', () => {
    expect(lifecycleWords('AllowTraffic', 'nozama')).toBe('moving travelers to the replacement');
    expect(lifecycleWords('AllowTraffic', 'nozama', true)).toBe('moving casts to the new edition');
    expect(lifecycleWords('AllowTraffic', 'aws', true)).toBe('AllowTraffic');
  });

  it.each([
    [0, '0:00'],
    [9.2, '0:10'],
    [65, '1:05'],
    [3723, '1:02:03'],
    [-4, '0:00'],
  ])('countdown(%s) = %s', (s, text) => {
    expect(countdown(s)).toBe(text);
  });
});

describe('why cards from real rollbacks', () => {
  it('a LINEAR renovation of a cursed edition: the watchtower rolls it back at the step it fired', () => {
    const n = nativeWorld(
      {
        strategy: 'LINEAR',
        linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 1 },
        alarms: { alarmNames: ['mill-5xx'], enable: true, rollback: true },
      },
      3,
    );
    const w = n.w;
    const lb = Object.keys(w.state.elb.loadBalancers)[0] as string;
    const l80 = Object.values(w.state.elb.listeners).find((l) => l.Port === 80)?.ListenerArn;
    w.ok('sim:SetTraffic', { ListenerArn: l80, RequestsPerSecond: 100 });
    const dims = [{ Name: 'LoadBalancer', Value: lb.slice(lb.indexOf('loadbalancer/') + 13) }];
    const stat = (Id: string, MetricName: string) => ({
      Id,
      MetricStat: {
        Metric: { Namespace: 'AWS/ApplicationELB', MetricName, Dimensions: dims },
        Period: 60,
        Stat: 'Sum',
      },
      ReturnData: false,
    });
    w.ok('cloudwatch:PutMetricAlarm', {
      AlarmName: 'mill-5xx',
      Metrics: [
        { Id: 'ratio', Expression: '100 * FILL(errors, 0) / requests', ReturnData: true },
        stat('errors', 'HTTPCode_Target_5XX_Count'),
        stat('requests', 'RequestCount'),
      ],
      EvaluationPeriods: 2,
      DatapointsToAlarm: 2,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
    });
    w.tick(180);
    const td2 = registerWebWithPort(w, 'web', 'bridge', 'nginx:1.28');
    w.ok('sim:SetBehavior', { TaskDefinition: td2, ErrorRate: 0.3 });
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
    const from = w.events.length;
    w.tick(400);
    const ev = w.events.slice(from).find((e) => e.type === 'deployment/rolledBack');
    expect(ev).toBeDefined();
    const e = ev as SimEventOf<'deployment/rolledBack'>;
    const step = e.data.step as number;
    expect(step).toBeGreaterThan(0);
    const facts = ecsRollbackFacts(
      w.state,
      e.data,
      undefined,
      w.state.services.values()[0]?.serviceDeployments?.[0]?.rollback?.startedAt,
    );
    expect(facts.alarm?.reason).toMatch(/^Threshold Crossed: 2 out of the last 2 datapoints/);
    expect(ecsRollbackCard(facts, 'nozama').headline).toBe(
      `Watchtower mill-5xx: 5xx > 1% for 2 of 2 minutes at step ${step} of 10 — travelers returned to edition 1`,
    );
    expect(ecsRollbackCard(facts, 'aws').headline).toBe(
      `Alarm mill-5xx in ALARM (2 of 2 datapoints > 1.0) during PRODUCTION_TRAFFIC_SHIFT step ${step}/10: rolled back to web:1`,
    );
    expect(chronicleLine(e, w.state, 'nozama')).toEqual({
      text: `Horn of rollback! Watchtower mill-5xx: 5xx > 1% for 2 of 2 minutes at step ${step} of 10 — travelers returned to edition 1`,
      tone: 'bad',
    });
    expect(chronicleLine(e, w.state, 'aws')?.text).toMatch(
      /^\(service mill\) rolling back to deployment ecs-svc\/\d{19}: Alarm mill-5xx/,
    );
  });

  it('the seed’s linear shift of a cursed spell edition: errors at the first health check', () => {
    const w = new World(3);
    spell(w, 2, 'checkout', 'live');
    w.ok('sim:SetTraffic', { FunctionName: 'checkout', Qualifier: 'live', RequestsPerSecond: 40 });
    w.ok('sim:SetBehavior', { FunctionName: 'checkout', Version: '2', ErrorRate: 0.3 });
    w.ok('sim:StartAliasDeployment', {
      'function-name': 'checkout',
      'alias-name': 'live',
      'new-version': '2',
      steps: 10,
      interval: 10,
      type: 'linear',
      'health-check': true,
    });
    w.tick(15);
    const e = w.eventsOf('alias/deploymentRolledBack')[0];
    if (!e) throw new Error('no alias/deploymentRolledBack');
    const data = e.data;
    const errors = data.errors ?? 0;
    expect(errors).toBeGreaterThan(0);
    const facts = aliasRollbackFacts(data);
    expect(facts).toMatchObject({
      step: 1,
      steps: 10,
      weight: 0.1,
      oldVersion: '1',
      newVersion: '2',
      windowSeconds: 60,
    });
    expect(aliasRollbackCard(facts, 'nozama').headline).toBe(
      `Errors ${errors} in the last 60 s at step 1 of 10: incantation back to edition 1`,
    );
  });
});
