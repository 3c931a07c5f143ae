/**
 * Scaling policies: PutScalingPolicy (create or update), DeleteScalingPolicy, DescribeScalingPolicies
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScalingPolicy.html).
 *
 * Target tracking with ECS's predefined metrics makes its own two CloudWatch alarms, named and shaped as
 * AWS makes them (https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html:
 * "DO NOT EDIT OR DELETE"): AlarmHigh, metric > target for 3 of 3 one-minute datapoints; AlarmLow,
 * metric < 90% of the target for 15 of 15 (not made when DisableScaleIn is true). Their actions name the
 * policy, so the scaler (aas-scaling.ts) runs it. Cooldowns default to 300 seconds
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-autoscaling-targettracking.html).
 * Step scaling runs from an alarm the player makes (PutMetricAlarm with the policy's ARN in AlarmActions).
 * Simplifications: customized metrics and predictive scaling are not modelled (ValidationException).
 */
import { alarmHandlers } from '../cloudwatch/cloudwatch-alarms-api.ts';
import type { Handler, Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { own } from '../sim/records.ts';
import type {
  PredefinedMetricType,
  ScalingPolicyRecord,
  StepAdjustment,
  StepScalingConfig,
  TargetTrackingConfig,
} from '../sim/types.ts';
import { byKey, DIMENSION, notFound, page, readTargetRef, requireTarget, validation } from './aas-common.ts';

export const DEFAULT_COOLDOWN = 300;
/** AlarmLow's threshold is this share of the target value. */
export const LOW_ALARM_SHARE = 0.9;
const HIGH_DATAPOINTS = 3;
const LOW_DATAPOINTS = 15;

const PREDEFINED: readonly PredefinedMetricType[] = [
  'ECSServiceAverageCPUUtilization',
  'ECSServiceAverageMemoryUtilization',
  'ALBRequestCountPerTarget',
];

/** The CloudWatch metric behind a predefined metric type, for this service. */
export function predefinedMetric(
  type: PredefinedMetricType,
  resourceId: string,
  resourceLabel: string | undefined,
): {
  Namespace: string;
  MetricName: string;
  Statistic: 'Average' | 'Sum';
  Dimensions: { Name: string; Value: string }[];
} {
  const [, cluster, service] = resourceId.split('/') as [string, string, string];
  if (type === 'ALBRequestCountPerTarget') {
    const label = resourceLabel ?? '';
    const at = label.indexOf('/targetgroup/');
    return {
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'RequestCountPerTarget',
      Statistic: 'Sum',
      Dimensions: [
        { Name: 'LoadBalancer', Value: label.slice(0, at) },
        { Name: 'TargetGroup', Value: label.slice(at + 1) },
      ],
    };
  }
  return {
    Namespace: 'AWS/ECS',
    MetricName: type === 'ECSServiceAverageCPUUtilization' ? 'CPUUtilization' : 'MemoryUtilization',
    Statistic: 'Average',
    Dimensions: [
      { Name: 'ClusterName', Value: cluster },
      { Name: 'ServiceName', Value: service },
    ],
  };
}

function policyArn(ctx: Ctx, resourceId: string, name: string): string {
  return `arn:aws:autoscaling:${ctx.region}:${ctx.s.accountId}:scalingPolicy:${ctx.uuid()}:resource/ecs/${resourceId}:policyName/${name}`;
}

function cooldown(v: unknown, name: string): number {
  if (v === undefined) return DEFAULT_COOLDOWN;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw validation(`${name} must be a non-negative integer.`);
  return v;
}

function readTargetTracking(input: Input): TargetTrackingConfig {
  const raw = input.TargetTrackingScalingPolicyConfiguration as Record<string, unknown> | undefined;
  if (!raw)
    throw validation(
      'TargetTrackingScalingPolicyConfiguration is required for a policy of type TargetTrackingScaling',
    );
  if (raw.CustomizedMetricSpecification !== undefined) {
    throw validation(
      'CustomizedMetricSpecification is not modelled by Nozama: use a PredefinedMetricSpecification',
    );
  }
  const spec = raw.PredefinedMetricSpecification as Record<string, unknown> | undefined;
  if (!spec)
    throw validation(
      'Either PredefinedMetricSpecification or CustomizedMetricSpecification must be specified',
    );
  const type = spec.PredefinedMetricType as PredefinedMetricType;
  if (!PREDEFINED.includes(type)) {
    throw validation(`Unsupported predefined metric type ${String(type)} for service namespace ecs`);
  }
  const label = spec.ResourceLabel;
  if (type === 'ALBRequestCountPerTarget') {
    if (typeof label !== 'string' || !/^app\/[^/]+\/[^/]+\/targetgroup\/[^/]+\/[^/]+$/.test(label)) {
      throw validation(
        'ResourceLabel must be specified for ALBRequestCountPerTarget, in the form app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>',
      );
    }
  } else if (label !== undefined) {
    throw validation(`ResourceLabel is only valid with the predefined metric type ALBRequestCountPerTarget`);
  }
  const target = raw.TargetValue;
  if (typeof target !== 'number' || !Number.isFinite(target) || target <= 0) {
    throw validation('TargetValue must be greater than 0');
  }
  return {
    TargetValue: target,
    PredefinedMetricSpecification: {
      PredefinedMetricType: type,
      ...(typeof label === 'string' ? { ResourceLabel: label } : {}),
    },
    ScaleOutCooldown: cooldown(raw.ScaleOutCooldown, 'ScaleOutCooldown'),
    ScaleInCooldown: cooldown(raw.ScaleInCooldown, 'ScaleInCooldown'),
    DisableScaleIn: raw.DisableScaleIn === true,
  };
}

function readStep(input: Input): StepScalingConfig {
  const raw = input.StepScalingPolicyConfiguration as Record<string, unknown> | undefined;
  if (!raw) throw validation('StepScalingPolicyConfiguration is required for a policy of type StepScaling');
  const steps = (raw.StepAdjustments ?? []) as StepAdjustment[];
  if (steps.length === 0) throw validation('StepAdjustments must be specified for a StepScaling policy');
  const type = (raw.AdjustmentType ?? 'ChangeInCapacity') as StepScalingConfig['AdjustmentType'];
  const sorted = [...steps].sort(
    (a, b) => (a.MetricIntervalLowerBound ?? -Infinity) - (b.MetricIntervalLowerBound ?? -Infinity),
  );
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i] as StepAdjustment;
    if (
      s.MetricIntervalLowerBound !== undefined &&
      s.MetricIntervalUpperBound !== undefined &&
      s.MetricIntervalLowerBound >= s.MetricIntervalUpperBound
    ) {
      throw validation('MetricIntervalLowerBound must be less than MetricIntervalUpperBound');
    }
    const next = sorted[i + 1];
    if (
      next &&
      (s.MetricIntervalUpperBound === undefined ||
        s.MetricIntervalUpperBound > (next.MetricIntervalLowerBound ?? -Infinity))
    ) {
      throw validation('Step adjustments must not overlap');
    }
  }
  if (raw.MinAdjustmentMagnitude !== undefined && type !== 'PercentChangeInCapacity') {
    throw validation(
      'MinAdjustmentMagnitude is only supported with the adjustment type PercentChangeInCapacity',
    );
  }
  return {
    AdjustmentType: type,
    StepAdjustments: steps.map((s) => ({ ...s })),
    ...(typeof raw.MinAdjustmentMagnitude === 'number'
      ? { MinAdjustmentMagnitude: raw.MinAdjustmentMagnitude }
      : {}),
    Cooldown: cooldown(raw.Cooldown, 'Cooldown'),
    MetricAggregationType: (raw.MetricAggregationType ??
      'Average') as StepScalingConfig['MetricAggregationType'],
  };
}

/** Removes a policy and the alarms it made for itself. */
export function deletePolicyRecord(ctx: Ctx, p: ScalingPolicyRecord): void {
  const names = p.Alarms.map((a) => a.AlarmName).filter((n) => own(ctx.s.cloudwatch.alarms, n));
  if (names.length > 0) alarmHandlers['cloudwatch:DeleteAlarms']?.(ctx, { AlarmNames: names });
  ctx.removeIn('appAutoScaling', 'policies', p.PolicyARN);
  ctx.emit('scaling/policyDeleted', { resourceId: p.ResourceId, policyName: p.PolicyName });
}

function makeAlarms(
  ctx: Ctx,
  arn: string,
  resourceId: string,
  cfg: TargetTrackingConfig,
  old: ScalingPolicyRecord | undefined,
) {
  const metric = predefinedMetric(
    cfg.PredefinedMetricSpecification.PredefinedMetricType,
    resourceId,
    cfg.PredefinedMetricSpecification.ResourceLabel,
  );
  const kinds: { kind: 'High' | 'Low'; threshold: number; op: string; n: number }[] = [
    { kind: 'High', threshold: cfg.TargetValue, op: 'GreaterThanThreshold', n: HIGH_DATAPOINTS },
  ];
  if (!cfg.DisableScaleIn) {
    kinds.push({
      kind: 'Low',
      threshold: Math.round(cfg.TargetValue * LOW_ALARM_SHARE * 1e6) / 1e6,
      op: 'LessThanThreshold',
      n: LOW_DATAPOINTS,
    });
  }
  const oldNames = old?.Alarms.map((a) => a.AlarmName) ?? [];
  const out: { AlarmName: string; AlarmARN: string }[] = [];
  for (const k of kinds) {
    const name =
      oldNames.find((n) => n.startsWith(`TargetTracking-${resourceId}-Alarm${k.kind}-`)) ??
      `TargetTracking-${resourceId}-Alarm${k.kind}-${ctx.uuid()}`;
    alarmHandlers['cloudwatch:PutMetricAlarm']?.(ctx, {
      AlarmName: name,
      AlarmDescription: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${arn}.`,
      ActionsEnabled: true,
      AlarmActions: [arn],
      ...metric,
      Period: 60,
      EvaluationPeriods: k.n,
      DatapointsToAlarm: k.n,
      Threshold: k.threshold,
      ComparisonOperator: k.op,
    });
    out.push({ AlarmName: name, AlarmARN: ctx.arn('cloudwatch', `alarm:${name}`) });
  }
  const stale = oldNames.filter(
    (n) => !out.some((a) => a.AlarmName === n) && own(ctx.s.cloudwatch.alarms, n),
  );
  if (stale.length > 0) alarmHandlers['cloudwatch:DeleteAlarms']?.(ctx, { AlarmNames: stale });
  return out;
}

const putScalingPolicy: Handler = (ctx, input) => {
  const ref = readTargetRef(input);
  requireTarget(ctx, ref.resourceId);
  const name = String(input.PolicyName);
  const type = (input.PolicyType ?? 'StepScaling') as string;
  if (type !== 'StepScaling' && type !== 'TargetTrackingScaling') {
    throw validation(`Unsupported policy type ${type} for service namespace ecs`);
  }
  const old = Object.values(ctx.s.appAutoScaling.policies).find(
    (p) => p.region === ctx.region && p.ResourceId === ref.resourceId && p.PolicyName === name,
  );
  if (old && old.PolicyType !== type) {
    throw validation(`Cannot change the policy type of the existing policy ${name}`);
  }
  const arn = old?.PolicyARN ?? policyArn(ctx, ref.resourceId, name);
  const base = {
    PolicyARN: arn,
    PolicyName: name,
    ServiceNamespace: 'ecs' as const,
    ResourceId: ref.resourceId,
    ScalableDimension: DIMENSION as typeof DIMENSION,
    CreationTime: old?.CreationTime ?? ctx.now,
    region: ctx.region,
    lastScaleOutAt: old?.lastScaleOutAt ?? null,
    lastScaleInAt: old?.lastScaleInAt ?? null,
  };
  let policy: ScalingPolicyRecord;
  if (type === 'TargetTrackingScaling') {
    const cfg = readTargetTracking(input);
    const alarms = makeAlarms(ctx, arn, ref.resourceId, cfg, old);
    policy = { ...base, PolicyType: type, TargetTrackingScalingPolicyConfiguration: cfg, Alarms: alarms };
  } else {
    policy = {
      ...base,
      PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: readStep(input),
      Alarms: [],
    };
  }
  ctx.putIn('appAutoScaling', 'policies', arn, policy);
  ctx.emit('scaling/policyPut', { resourceId: ref.resourceId, policyName: name, policyType: type });
  return type === 'TargetTrackingScaling' ? { PolicyARN: arn, Alarms: policy.Alarms } : { PolicyARN: arn };
};

const deleteScalingPolicy: Handler = (ctx, input) => {
  const ref = readTargetRef(input);
  const name = String(input.PolicyName);
  const p = Object.values(ctx.s.appAutoScaling.policies).find(
    (x) => x.region === ctx.region && x.ResourceId === ref.resourceId && x.PolicyName === name,
  );
  if (!p) {
    throw notFound(
      `No scaling policy found for service namespace: ecs, resource ID: ${ref.resourceId}, scalable dimension: ${DIMENSION}, policy name: ${name}`,
    );
  }
  deletePolicyRecord(ctx, p);
  return {};
};

export function describePolicy(p: ScalingPolicyRecord): Record<string, unknown> {
  const { region: _r, lastScaleInAt: _i, lastScaleOutAt: _o, ...rest } = p;
  return rest;
}

const describeScalingPolicies: Handler = (ctx, input) => {
  if (input.ServiceNamespace !== 'ecs') return { ScalingPolicies: [] };
  const names = Array.isArray(input.PolicyNames) ? (input.PolicyNames as string[]) : [];
  const list = Object.values(ctx.s.appAutoScaling.policies).filter(
    (p) =>
      p.region === ctx.region &&
      (names.length === 0 || names.includes(p.PolicyName)) &&
      (input.ResourceId === undefined || input.ResourceId === p.ResourceId) &&
      (input.ScalableDimension === undefined || input.ScalableDimension === p.ScalableDimension),
  );
  const pg = page(
    byKey(list, (p) => `${p.ResourceId}|${p.PolicyName}`),
    input,
  );
  return {
    ScalingPolicies: pg.items.map(describePolicy),
    ...(pg.NextToken ? { NextToken: pg.NextToken } : {}),
  };
};

export const policyHandlers: Record<string, Handler> = {
  'application-autoscaling:PutScalingPolicy': putScalingPolicy,
  'application-autoscaling:DeleteScalingPolicy': deleteScalingPolicy,
  'application-autoscaling:DescribeScalingPolicies': describeScalingPolicies,
};
