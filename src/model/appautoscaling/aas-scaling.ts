/**
 * The scaler: what Application Auto Scaling does between calls. A CloudWatch alarm whose actions name a
 * scaling policy invokes it at every evaluation it spends in ALARM (alarm actions for Auto Scaling repeat
 * each period the alarm stays in ALARM:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-actions);
 * the policy computes a new desired count, kept within the target's min and max, and sets it on the ECS
 * service, recording a scaling activity with AWS's texts
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-scaling-activities.html:
 * "Setting desired count to 4.", "monitor alarm X in state ALARM triggered policy Y", "Successfully set desired
 * count to 4. Change successfully fulfilled by ecs.").
 *
 * Target tracking (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html):
 * desired = ceil(current x metric / target): out from AlarmHigh (at least +1), in from AlarmLow; after a
 * scale-out no further scale-out for ScaleOutCooldown, and no scale-in for ScaleInCooldown after any
 * activity of the policy. Step scaling (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-step-scaling-policies.html):
 * the step whose bounds (relative to the alarm's threshold) hold the breach gives the adjustment
 * (ChangeInCapacity, PercentChangeInCapacity with MinAdjustmentMagnitude, ExactCapacity); no activity of the
 * policy within its Cooldown.
 *
 * Simplifications: a scale-out during the scale-out cooldown is never made (AWS allows a larger one);
 * activities complete at once (Successful); changing min or max brings the desired count into the new
 * range with the cause "minimum capacity was set to N" / "maximum capacity was set to N" (our wording).
 */
import { alarmPeriod, alarmValues } from '../cloudwatch/alarms.ts';
import { setServiceDesiredCount } from '../ecs/ecs-services.ts';
import type { Ctx } from '../sim/ctx.ts';
import type {
  MetricAlarm,
  ScalableTargetRecord,
  ScalingActivityRecord,
  ScalingPolicyRecord,
  ScalingWhy,
  Service,
  StepScalingConfig,
} from '../sim/types.ts';
import { ACTIVITIES_KEPT, DIMENSION, serviceOfResource } from './aas-common.ts';

export const clamp = (n: number, t: Pick<ScalableTargetRecord, 'MinCapacity' | 'MaxCapacity'>): number =>
  Math.min(t.MaxCapacity, Math.max(t.MinCapacity, n));

function serviceOf(ctx: Ctx, t: ScalableTargetRecord): Service | undefined {
  const m = /^service\/([^/]+)\/([^/]+)$/.exec(t.ResourceId);
  if (!m) return undefined;
  const prev = ctx.region;
  ctx.region = t.region;
  const svc = serviceOfResource(ctx, m[1] as string, m[2] as string);
  ctx.region = prev;
  return svc;
}

/** Sets the desired count (already within range) and records the activity. */
export function scaleTo(
  ctx: Ctx,
  t: ScalableTargetRecord,
  svc: Service,
  to: number,
  cause: string,
  why: ScalingWhy | null,
): void {
  const from = svc.desiredCount;
  if (to === from) return;
  setServiceDesiredCount(ctx, svc, to);
  const activity: ScalingActivityRecord = {
    ActivityId: ctx.uuid(),
    ServiceNamespace: 'ecs',
    ResourceId: t.ResourceId,
    ScalableDimension: DIMENSION,
    Description: `Setting desired count to ${to}.`,
    Cause: cause,
    StartTime: ctx.now,
    EndTime: ctx.now,
    StatusCode: 'Successful',
    StatusMessage: `Successfully set desired count to ${to}. Change successfully fulfilled by ecs.`,
    region: t.region,
    why,
  };
  const list = ctx.s.appAutoScaling.activities;
  ctx.setIn('appAutoScaling', 'activities', [
    activity,
    ...(list.length >= ACTIVITIES_KEPT ? list.slice(0, ACTIVITIES_KEPT - 1) : list),
  ]);
  ctx.emit(
    'scaling/activity',
    {
      resourceId: t.ResourceId,
      serviceName: svc.serviceName,
      from,
      to,
      cause,
      why,
    },
    t.region,
  );
}

/** After min or max changed: the desired count brought into the range, as AWS does. */
export function enforceRange(ctx: Ctx, t: ScalableTargetRecord): void {
  const svc = serviceOf(ctx, t);
  if (!svc) return;
  const to = clamp(svc.desiredCount, t);
  if (to === svc.desiredCount) return;
  const cause =
    to > svc.desiredCount
      ? `minimum capacity was set to ${t.MinCapacity}`
      : `maximum capacity was set to ${t.MaxCapacity}`;
  scaleTo(ctx, t, svc, to, cause, null);
}

/** The alarm's value for the period that just ended (what it was evaluated on). */
function lastValue(ctx: Ctx, a: MetricAlarm): number | null {
  const period = alarmPeriod(a);
  const end = Math.floor(ctx.now / period) * period;
  return alarmValues(ctx, a, period, end - period, end).get(end - period) ?? null;
}

function metricLabel(a: MetricAlarm): string {
  return a.MetricName ?? 'metric';
}

function stepAdjust(cfg: StepScalingConfig, current: number, breach: number): number | null {
  const step = cfg.StepAdjustments.find(
    (s) =>
      (s.MetricIntervalLowerBound === undefined || breach >= s.MetricIntervalLowerBound) &&
      (s.MetricIntervalUpperBound === undefined || breach < s.MetricIntervalUpperBound),
  );
  if (!step) return null;
  switch (cfg.AdjustmentType) {
    case 'ExactCapacity':
      return step.ScalingAdjustment;
    case 'ChangeInCapacity':
      return current + step.ScalingAdjustment;
    case 'PercentChangeInCapacity': {
      const raw = (current * step.ScalingAdjustment) / 100;
      let change = raw >= 0 ? Math.floor(raw) : Math.ceil(raw);
      if (change === 0 && step.ScalingAdjustment !== 0) change = step.ScalingAdjustment > 0 ? 1 : -1;
      const min = cfg.MinAdjustmentMagnitude;
      if (min !== undefined && Math.abs(change) < min) change = Math.sign(change) * min;
      return current + change;
    }
  }
}

/** Runs one policy for one alarm in ALARM; returns the policy with its cooldown marks. */
function invoke(ctx: Ctx, p: ScalingPolicyRecord, a: MetricAlarm): void {
  const t = ctx.s.appAutoScaling.targets[`${p.region}|${p.ResourceId}`];
  if (!t) return;
  const svc = serviceOf(ctx, t);
  if (!svc) return;
  const value = lastValue(ctx, a);
  if (value === null) return;
  const current = svc.desiredCount;
  let wanted: number | null = null;
  let target = a.Threshold ?? 0;
  if (p.PolicyType === 'TargetTrackingScaling') {
    const cfg = p.TargetTrackingScalingPolicyConfiguration;
    if (!cfg) return;
    target = cfg.TargetValue;
    const high = a.ComparisonOperator === 'GreaterThanThreshold';
    const ratio = Math.ceil((current * value) / cfg.TargetValue - 1e-9);
    if (high) {
      if (t.SuspendedState.DynamicScalingOutSuspended) return;
      if (p.lastScaleOutAt !== null && ctx.now - p.lastScaleOutAt < cfg.ScaleOutCooldown) return;
      wanted = Math.max(current + 1, ratio);
    } else {
      if (cfg.DisableScaleIn || t.SuspendedState.DynamicScalingInSuspended) return;
      const last = Math.max(p.lastScaleOutAt ?? -Infinity, p.lastScaleInAt ?? -Infinity);
      if (ctx.now - last < cfg.ScaleInCooldown) return;
      wanted = Math.min(current, ratio);
    }
  } else {
    const cfg = p.StepScalingPolicyConfiguration;
    if (!cfg) return;
    const last = Math.max(p.lastScaleOutAt ?? -Infinity, p.lastScaleInAt ?? -Infinity);
    if (ctx.now - last < cfg.Cooldown) return;
    wanted = stepAdjust(cfg, current, value - (a.Threshold ?? 0));
    if (wanted === null) return;
    if (wanted > current && t.SuspendedState.DynamicScalingOutSuspended) return;
    if (wanted < current && t.SuspendedState.DynamicScalingInSuspended) return;
  }
  const to = clamp(wanted, t);
  if (to === current) return;
  const why: ScalingWhy = {
    policyName: p.PolicyName,
    policyType: p.PolicyType,
    alarmName: a.AlarmName,
    metric: metricLabel(a),
    value,
    target,
    from: current,
    to,
  };
  scaleTo(
    ctx,
    t,
    svc,
    to,
    `monitor alarm ${a.AlarmName} in state ALARM triggered policy ${p.PolicyName}`,
    why,
  );
  ctx.putIn('appAutoScaling', 'policies', p.PolicyARN, {
    ...p,
    ...(to > current ? { lastScaleOutAt: ctx.now } : { lastScaleInAt: ctx.now }),
  });
}

/** Every second after the alarms: each alarm evaluated now and in ALARM invokes the policies it names. */
export function tickAppAutoScaling(ctx: Ctx): void {
  const policies = ctx.s.appAutoScaling.policies;
  let any = false;
  for (const _ in policies) {
    any = true;
    break;
  }
  if (!any) return;
  for (const a of Object.values(ctx.s.cloudwatch.alarms)) {
    if (a.StateValue !== 'ALARM' || !a.ActionsEnabled || ctx.now % alarmPeriod(a) !== 0) continue;
    for (const arn of a.AlarmActions) {
      const p = ctx.s.appAutoScaling.policies[arn];
      if (p && p.region === a.region) invoke(ctx, p, a);
    }
  }
}
