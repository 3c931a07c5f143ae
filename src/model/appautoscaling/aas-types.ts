/**
 * Application Auto Scaling for ECS services: scalable targets, scaling policies and scaling activities
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/Welcome.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-auto-scaling.html). State keeps the
 * API's own members (epoch seconds: the service speaks JSON 1.1) plus the bookkeeping the scaler needs.
 */

export interface ScalableTargetRecord {
  ServiceNamespace: 'ecs';
  ResourceId: string;
  ScalableDimension: 'ecs:service:DesiredCount';
  MinCapacity: number;
  MaxCapacity: number;
  RoleARN: string;
  CreationTime: number;
  SuspendedState: {
    DynamicScalingInSuspended: boolean;
    DynamicScalingOutSuspended: boolean;
    ScheduledScalingSuspended: boolean;
  };
  ScalableTargetARN: string;
  region: string;
}

export interface StepAdjustment {
  MetricIntervalLowerBound?: number;
  MetricIntervalUpperBound?: number;
  ScalingAdjustment: number;
}

export interface StepScalingConfig {
  AdjustmentType: 'ChangeInCapacity' | 'PercentChangeInCapacity' | 'ExactCapacity';
  StepAdjustments: StepAdjustment[];
  MinAdjustmentMagnitude?: number;
  Cooldown: number;
  MetricAggregationType: 'Average' | 'Minimum' | 'Maximum';
}

export type PredefinedMetricType =
  | 'ECSServiceAverageCPUUtilization'
  | 'ECSServiceAverageMemoryUtilization'
  | 'ALBRequestCountPerTarget';

export interface TargetTrackingConfig {
  TargetValue: number;
  PredefinedMetricSpecification: { PredefinedMetricType: PredefinedMetricType; ResourceLabel?: string };
  ScaleOutCooldown: number;
  ScaleInCooldown: number;
  DisableScaleIn: boolean;
}

export interface ScalingPolicyRecord {
  PolicyARN: string;
  PolicyName: string;
  ServiceNamespace: 'ecs';
  ResourceId: string;
  ScalableDimension: 'ecs:service:DesiredCount';
  PolicyType: 'StepScaling' | 'TargetTrackingScaling';
  StepScalingPolicyConfiguration?: StepScalingConfig;
  TargetTrackingScalingPolicyConfiguration?: TargetTrackingConfig;
  /** The alarms target tracking made for itself (step scaling: none; its alarm is the player's). */
  Alarms: { AlarmName: string; AlarmARN: string }[];
  CreationTime: number;
  region: string;
  /** When this policy last scaled out / in (cooldowns). */
  lastScaleOutAt: number | null;
  lastScaleInAt: number | null;
}

/** Why a scaling activity happened, as data the view words ("CPU 82% above the 60% target: +2"). */
export interface ScalingWhy {
  policyName: string;
  policyType: ScalingPolicyRecord['PolicyType'];
  alarmName: string;
  /** The metric and its value that breached (the alarm's last datapoint), and the target or threshold. */
  metric: string;
  value: number;
  target: number;
  from: number;
  to: number;
}

export interface ScalingActivityRecord {
  ActivityId: string;
  ServiceNamespace: 'ecs';
  ResourceId: string;
  ScalableDimension: 'ecs:service:DesiredCount';
  Description: string;
  Cause: string;
  StartTime: number;
  EndTime: number;
  StatusCode: 'Successful';
  StatusMessage: string;
  region: string;
  why: ScalingWhy | null;
}

export interface AppAutoScalingState {
  /** Keyed by `${region}|${ResourceId}`. */
  targets: Record<string, ScalableTargetRecord>;
  /** Keyed by PolicyARN. */
  policies: Record<string, ScalingPolicyRecord>;
  /** Newest first, bounded (AWS keeps six weeks). */
  activities: ScalingActivityRecord[];
}

export function emptyAppAutoScalingState(): AppAutoScalingState {
  return { targets: {}, policies: {}, activities: [] };
}
