/**
 * State of EC2 launch templates, EC2 Auto Scaling groups and ECS capacity providers: the slice
 * `capacity` of the simulation state. Plain JSON, keyed as the APIs name things.
 *
 * Sources: https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_AutoScalingGroup.html,
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_Activity.html,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_LaunchTemplate.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProvider.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html.
 */

/** The members of a launch template version the model reads (the rest is echoed). */
export interface LaunchTemplateData {
  ImageId?: string;
  InstanceType?: string;
  /** Base64, as the API carries it. */
  UserData?: string;
  IamInstanceProfile?: { Arn?: string; Name?: string };
  [key: string]: unknown;
}

export interface LaunchTemplateVersion {
  VersionNumber: number;
  VersionDescription?: string;
  CreateTime: number;
  LaunchTemplateData: LaunchTemplateData;
}

export interface LaunchTemplate {
  LaunchTemplateId: string;
  LaunchTemplateName: string;
  region: string;
  CreateTime: number;
  DefaultVersionNumber: number;
  LatestVersionNumber: number;
  versions: LaunchTemplateVersion[];
}

/** ASG-API:Activity, kept newest first per group. */
export interface ScalingActivity {
  ActivityId: string;
  AutoScalingGroupName: string;
  Description: string;
  Cause: string;
  StartTime: number;
  EndTime?: number;
  StatusCode: 'InProgress' | 'Successful' | 'Failed' | 'Cancelled' | 'PendingSpotBidPlacement';
  Progress: number;
  /** The instance the activity launched or terminated (for the view). */
  instanceId?: string;
}

export interface AutoScalingGroup {
  AutoScalingGroupName: string;
  AutoScalingGroupARN: string;
  region: string;
  LaunchTemplate: { LaunchTemplateId: string; LaunchTemplateName: string; Version: string };
  MinSize: number;
  MaxSize: number;
  DesiredCapacity: number;
  DefaultCooldown: number;
  AvailabilityZones: string[];
  VPCZoneIdentifier: string;
  HealthCheckType: string;
  HealthCheckGracePeriod: number;
  CreatedTime: number;
  NewInstancesProtectedFromScaleIn: boolean;
  Tags: { Key: string; Value: string; PropagateAtLaunch: boolean }[];
  Status?: 'Delete in progress';
  /** What the last change of DesiredCapacity was (the next activity's Cause starts with it). */
  lastChange: string;
  activities: ScalingActivity[];
}

export interface ManagedScaling {
  status: 'ENABLED' | 'DISABLED';
  targetCapacity: number;
  minimumScalingStepSize: number;
  maximumScalingStepSize: number;
  instanceWarmupPeriod: number;
}

export interface CapacityProvider {
  capacityProviderArn: string;
  name: string;
  region: string;
  status: 'ACTIVE' | 'INACTIVE';
  updateStatus?: 'DELETE_IN_PROGRESS' | 'DELETE_COMPLETE' | 'DELETE_FAILED' | 'UPDATE_COMPLETE';
  autoScalingGroupProvider: {
    autoScalingGroupArn: string;
    managedScaling: ManagedScaling;
    managedTerminationProtection: 'ENABLED' | 'DISABLED';
    managedDraining: 'ENABLED' | 'DISABLED';
  };
  tags: { key: string; value: string }[];
  /** Managed scaling's bookkeeping: the consecutive minutes the reservation stayed under the target. */
  lowMinutes: number;
  /** The last CapacityProviderReservation published (percent), for the view. */
  reservation: number | null;
}

export interface CapacityProviderStrategyItem {
  capacityProvider: string;
  weight: number;
  base: number;
}

/** A cluster's capacity providers (PutClusterCapacityProviders). */
export interface ClusterCapacity {
  capacityProviders: string[];
  defaultCapacityProviderStrategy: CapacityProviderStrategyItem[];
}

export interface CapacityState {
  /** Keyed by LaunchTemplateId. */
  launchTemplates: Record<string, LaunchTemplate>;
  /** Keyed by `${region}:${AutoScalingGroupName}`. */
  groups: Record<string, AutoScalingGroup>;
  /** ASG capacity providers, keyed by `${region}:${name}` (FARGATE and FARGATE_SPOT are built in). */
  providers: Record<string, CapacityProvider>;
  /** Keyed by cluster ARN. */
  clusters: Record<string, ClusterCapacity>;
  /** Tasks in PROVISIONING waiting for an ASG provider's capacity: task ARN -> provider name. */
  waiting: Record<string, string>;
}

export function emptyCapacityState(): CapacityState {
  return { launchTemplates: {}, groups: {}, providers: {}, clusters: {}, waiting: {} };
}

/** The Fargate capacity providers every account has. */
export const FARGATE_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'] as const;

export function isFargateProvider(name: string): boolean {
  return name === 'FARGATE' || name === 'FARGATE_SPOT';
}
