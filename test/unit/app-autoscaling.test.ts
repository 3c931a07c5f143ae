/**
 * Application Auto Scaling for ECS services and the load behind it: travelers cost the service's tasks
 * CPU and memory (AWS/ECS CPUUtilization), target tracking makes its AlarmHigh/AlarmLow, grows the service
 * under load and shrinks it after, within min and max, with AWS's activity texts; step scaling on the
 * player's own alarm; the API's validation and not-found answers.
 */
import { describe, expect, it } from 'vitest';
import { CPU_UNITS_PER_RPS, IDLE_CPU_SHARE, taskUse } from '../../src/model/ecs/service-load.ts';
import { metricSum } from '../../src/model/index.ts';
import { alb, registerWebWithPort } from '../support/elb.ts';
import { kingdom, type World } from '../support/world.ts';

const RID = 'service/Royaume/mill';
const NS = { ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount', ResourceId: RID };

function mill(desiredCount = 2) {
  const w = kingdom(['a', 'b', 'c'], 'm5.large');
  const a = alb(w, { waitActive: true });
  w.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: registerWebWithPort(w),
    desiredCount,
    loadBalancers: [{ targetGroupArn: a.blue, containerName: 'web', containerPort: 80 }],
  });
  w.tick(90);
  return { w, a };
}

const traffic = (w: World, listener: string, rps: number) =>
  w.ok('sim:SetTraffic', { ListenerArn: listener, RequestsPerSecond: rps });

function cpu(w: World, from: number, to: number): number | null {
  return metricSum(
    w.state,
    'AWS/ECS',
    'CPUUtilization',
    { ClusterName: 'Royaume', ServiceName: 'mill' },
    from,
    to,
  );
}

const trackCpu = (w: World, extra: Record<string, unknown> = {}) =>
  w.ok('application-autoscaling:PutScalingPolicy', {
    ...NS,
    PolicyName: 'cpu60',
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: 60,
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      ScaleOutCooldown: 60,
      ScaleInCooldown: 60,
      ...extra,
    },
  });

describe('service load', () => {
  it('a task idles at 5% of its CPU and adds CPU_UNITS_PER_RPS per request a second, up to its reservation', () => {
    expect(taskUse({ cpu: 256, memory: 512 }, 0).cpuUsed).toBe(256 * IDLE_CPU_SHARE);
    expect(taskUse({ cpu: 256, memory: 512 }, 10).cpuUsed).toBe(
      256 * IDLE_CPU_SHARE + 10 * CPU_UNITS_PER_RPS,
    );
    expect(taskUse({ cpu: 256, memory: 512 }, 1000).cpuUsed).toBe(256);
  });

  it('CPUUtilization of a service rises with its travelers and RequestCountPerTarget counts per target', () => {
    const { w, a } = mill(2);
    const t0 = Math.floor(w.state.now / 60) * 60;
    w.tick(120);
    const idle = cpu(w, t0 + 60, t0 + 120);
    expect(idle).toBe(5);
    traffic(w, a.listener80, 20);
    const t1 = Math.floor(w.state.now / 60) * 60 + 60;
    w.tick(180);
    // 20 requests a second over 2 tasks of 128 units: (6.4 + 10 x 4) / 128 = 36.25%.
    expect(cpu(w, t1, t1 + 60)).toBe(36.25);
    const tg = a.blue.slice(a.blue.lastIndexOf(':') + 1);
    expect(
      metricSum(w.state, 'AWS/ApplicationELB', 'RequestCountPerTarget', { TargetGroup: tg }, t1, t1 + 60),
    ).toBe(600);
    expect(
      metricSum(w.state, 'AWS/ECS', 'CPUUtilization', { ClusterName: 'Royaume' }, t1, t1 + 60),
    ).toBeGreaterThan(0);
  });
});

describe('RegisterScalableTarget and DescribeScalableTargets', () => {
  it('registers with the service-linked role and epoch-second CreationTime, and brings the desired count into range', () => {
    const { w } = mill(1);
    const out = w.ok('application-autoscaling:RegisterScalableTarget', {
      ...NS,
      MinCapacity: 2,
      MaxCapacity: 6,
    });
    expect(out.ScalableTargetARN).toMatch(
      /^arn:aws:application-autoscaling:za-southwest-1:123456789012:scalable-target\/[0-9a-f]{36}$/,
    );
    const t = w.ok('application-autoscaling:DescribeScalableTargets', { ServiceNamespace: 'ecs' })
      .ScalableTargets[0];
    expect(t).toMatchObject({ ResourceId: RID, MinCapacity: 2, MaxCapacity: 6, CreationTime: w.state.now });
    expect(t.RoleARN).toContain('AWSServiceRoleForApplicationAutoScaling_ECSService');
    expect(w.service('mill').desiredCount).toBe(2);
    const act = w.ok('application-autoscaling:DescribeScalingActivities', { ServiceNamespace: 'ecs' })
      .ScalingActivities[0];
    expect(act.Description).toBe('Setting desired count to 2.');
    expect(act.StatusMessage).toBe(
      'Successfully set desired count to 2. Change successfully fulfilled by ecs.',
    );
  });

  it.each([
    [
      'an unknown service',
      { ResourceId: 'service/Royaume/nope', MinCapacity: 1, MaxCapacity: 2 },
      'ValidationException',
      "ECS service doesn't exist: service/Royaume/nope",
    ],
    [
      'min above max',
      { MinCapacity: 5, MaxCapacity: 2 },
      'ValidationException',
      'Minimum capacity cannot be greater than maximum capacity',
    ],
    [
      'a new target without its range',
      {},
      'ValidationException',
      'MinCapacity and MaxCapacity are required for registering a new scalable target',
    ],
    [
      'another dimension',
      { ScalableDimension: 'dynamodb:table:ReadCapacityUnits', MinCapacity: 1, MaxCapacity: 2 },
      'ValidationException',
      /Value 'dynamodb:table:ReadCapacityUnits'|Unsupported/,
    ],
  ])('refuses %s and changes nothing', (_c, extra, name, message) => {
    const { w } = mill(1);
    const before = w.state;
    const e = w.err('application-autoscaling:RegisterScalableTarget', { ...NS, ...extra });
    expect(e.name).toBe(name);
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
    expect(w.state).toBe(before);
  });

  it('PutScalingPolicy without a target and deleting what is not there answer ObjectNotFoundException', () => {
    const { w } = mill(1);
    const e = trackCpuErr(w);
    expect(e).toEqual({
      name: 'ObjectNotFoundException',
      message: `No scalable target registered for service namespace: ecs, resource ID: ${RID}, scalable dimension: ecs:service:DesiredCount`,
    });
    expect(w.err('application-autoscaling:DeregisterScalableTarget', NS).name).toBe(
      'ObjectNotFoundException',
    );
  });
});

function trackCpuErr(w: World) {
  return w.err('application-autoscaling:PutScalingPolicy', {
    ...NS,
    PolicyName: 'cpu60',
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: 60,
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
    },
  });
}

describe('target tracking', () => {
  it('makes AlarmHigh (3 of 3 above the target) and AlarmLow (15 of 15 below 90%), visible in DescribeAlarms', () => {
    const { w } = mill(2);
    w.ok('application-autoscaling:RegisterScalableTarget', { ...NS, MinCapacity: 2, MaxCapacity: 8 });
    const out = trackCpu(w);
    expect(out.PolicyARN).toMatch(
      /^arn:aws:autoscaling:za-southwest-1:123456789012:scalingPolicy:[0-9a-f-]{36}:resource\/ecs\/service\/Royaume\/mill:policyName\/cpu60$/,
    );
    expect(out.Alarms.map((a: { AlarmName: string }) => a.AlarmName)).toEqual([
      expect.stringMatching(/^TargetTracking-service\/Royaume\/mill-AlarmHigh-[0-9a-f-]{36}$/),
      expect.stringMatching(/^TargetTracking-service\/Royaume\/mill-AlarmLow-[0-9a-f-]{36}$/),
    ]);
    const alarms = w.ok('cloudwatch:DescribeAlarms', { AlarmNamePrefix: 'TargetTracking-' }).MetricAlarms;
    const high = alarms.find((a: { AlarmName: string }) => a.AlarmName.includes('AlarmHigh'));
    const low = alarms.find((a: { AlarmName: string }) => a.AlarmName.includes('AlarmLow'));
    expect(high).toMatchObject({
      MetricName: 'CPUUtilization',
      Namespace: 'AWS/ECS',
      Statistic: 'Average',
      Threshold: 60,
      EvaluationPeriods: 3,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [out.PolicyARN],
    });
    expect(low).toMatchObject({
      Threshold: 54,
      EvaluationPeriods: 15,
      ComparisonOperator: 'LessThanThreshold',
    });
    expect(high.AlarmDescription).toBe(
      `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${out.PolicyARN}.`,
    );
    const p = w.ok('application-autoscaling:DescribeScalingPolicies', { ServiceNamespace: 'ecs' })
      .ScalingPolicies[0];
    expect(p).toMatchObject({
      PolicyName: 'cpu60',
      PolicyType: 'TargetTrackingScaling',
      CreationTime: w.state.now,
    });
    expect(p.TargetTrackingScalingPolicyConfiguration).toMatchObject({
      TargetValue: 60,
      ScaleOutCooldown: 60,
      DisableScaleIn: false,
    });
  });

  it('grows the service under load and shrinks it after, within min and max, with AWS texts', () => {
    const { w, a } = mill(2);
    w.ok('application-autoscaling:RegisterScalableTarget', { ...NS, MinCapacity: 2, MaxCapacity: 6 });
    trackCpu(w);
    traffic(w, a.listener80, 60);
    w.tick(600);
    const grown = w.service('mill').desiredCount;
    expect(grown).toBeGreaterThan(2);
    expect(grown).toBeLessThanOrEqual(6);
    const acts = w.ok('application-autoscaling:DescribeScalingActivities', {
      ServiceNamespace: 'ecs',
      ResourceId: RID,
    }).ScalingActivities;
    const first = acts[acts.length - 1];
    expect(first.Cause).toMatch(
      /^monitor alarm TargetTracking-service\/Royaume\/mill-AlarmHigh-[0-9a-f-]{36} in state ALARM triggered policy cpu60$/,
    );
    expect(first.Description).toMatch(/^Setting desired count to \d+\.$/);
    expect(first.StatusCode).toBe('Successful');
    expect(typeof first.StartTime).toBe('number');
    traffic(w, a.listener80, 2);
    w.tick(1800);
    expect(w.service('mill').desiredCount).toBe(2);
    const last = w.ok('application-autoscaling:DescribeScalingActivities', { ServiceNamespace: 'ecs' })
      .ScalingActivities[0];
    expect(last.Cause).toContain('-AlarmLow-');
    const ev = w.events.filter((e) => e.type === 'scaling/activity');
    expect(ev[0]?.data.why).toMatchObject({ metric: 'CPUUtilization', target: 60, from: 2 });
  });

  it('DisableScaleIn makes no AlarmLow and never shrinks', () => {
    const { w, a } = mill(2);
    w.ok('application-autoscaling:RegisterScalableTarget', { ...NS, MinCapacity: 1, MaxCapacity: 5 });
    const out = trackCpu(w, { DisableScaleIn: true });
    expect(out.Alarms).toHaveLength(1);
    traffic(w, a.listener80, 60);
    w.tick(600);
    const grown = w.service('mill').desiredCount;
    traffic(w, a.listener80, 0);
    w.tick(1800);
    expect(w.service('mill').desiredCount).toBe(grown);
  });

  it('DeleteScalingPolicy removes its alarms; DeregisterScalableTarget removes its policies', () => {
    const { w } = mill(2);
    w.ok('application-autoscaling:RegisterScalableTarget', { ...NS, MinCapacity: 1, MaxCapacity: 5 });
    trackCpu(w);
    w.ok('application-autoscaling:DeleteScalingPolicy', { ...NS, PolicyName: 'cpu60' });
    expect(w.ok('cloudwatch:DescribeAlarms', {}).MetricAlarms).toHaveLength(0);
    trackCpu(w);
    w.ok('application-autoscaling:DeregisterScalableTarget', NS);
    expect(
      w.ok('application-autoscaling:DescribeScalingPolicies', { ServiceNamespace: 'ecs' }).ScalingPolicies,
    ).toHaveLength(0);
    expect(w.ok('cloudwatch:DescribeAlarms', {}).MetricAlarms).toHaveLength(0);
  });
});

describe('step scaling', () => {
  it('an alarm of the player runs the step whose bounds hold the breach, then waits its cooldown', () => {
    const { w, a } = mill(2);
    w.ok('application-autoscaling:RegisterScalableTarget', { ...NS, MinCapacity: 1, MaxCapacity: 10 });
    const { PolicyARN } = w.ok('application-autoscaling:PutScalingPolicy', {
      ...NS,
      PolicyName: 'steps',
      PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: {
        AdjustmentType: 'ChangeInCapacity',
        Cooldown: 300,
        StepAdjustments: [
          { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
          { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 },
        ],
      },
    });
    w.ok('cloudwatch:PutMetricAlarm', {
      AlarmName: 'mill-cpu-high',
      Namespace: 'AWS/ECS',
      MetricName: 'CPUUtilization',
      Dimensions: [
        { Name: 'ClusterName', Value: 'Royaume' },
        { Name: 'ServiceName', Value: 'mill' },
      ],
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 50,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [PolicyARN],
    });
    w.tick(60 - (w.state.now % 60));
    traffic(w, a.listener80, 70);
    w.tick(120);
    // 70 requests a second over 2 tasks saturates them (100%): 50 above the threshold, the +3 step.
    expect(w.service('mill').desiredCount).toBe(5);
    const act = w.ok('application-autoscaling:DescribeScalingActivities', { ServiceNamespace: 'ecs' })
      .ScalingActivities[0];
    expect(act.Cause).toBe('monitor alarm mill-cpu-high in state ALARM triggered policy steps');
    const at = w.state.now;
    w.tick(120);
    const acts = w.ok('application-autoscaling:DescribeScalingActivities', {
      ServiceNamespace: 'ecs',
    }).ScalingActivities;
    for (let i = 0; i + 1 < acts.length; i++)
      expect(acts[i].StartTime - acts[i + 1].StartTime).toBeGreaterThanOrEqual(300);
    expect(at).toBeGreaterThan(0);
  });
});
