/**
 * AWS CodeDeploy for ECS blue/green and Lambda traffic shifting. Sources:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html,
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-steps-ecs.html,
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html. CodeDeploy speaks
 * JSON 1.1: timestamps are epoch seconds, member names camelCase as the API's. Internal bookkeeping for the
 * engine and the views sits beside the API members.
 */

export type ComputePlatform = 'Server' | 'Lambda' | 'ECS';

export type DeploymentStatus =
  | 'Created'
  | 'Queued'
  | 'InProgress'
  | 'Baking'
  | 'Succeeded'
  | 'Failed'
  | 'Stopped'
  | 'Ready';

export type LifecycleEventStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown';

export type AutoRollbackEvent =
  | 'DEPLOYMENT_FAILURE'
  | 'DEPLOYMENT_STOP_ON_ALARM'
  | 'DEPLOYMENT_STOP_ON_REQUEST';

export interface CdApplication {
  applicationId: string;
  applicationName: string;
  createTime: number;
  linkedToGitHub: boolean;
  computePlatform: ComputePlatform;
  region: string;
}

export interface TrafficRoutingConfig {
  type: 'TimeBasedCanary' | 'TimeBasedLinear' | 'AllAtOnce';
  timeBasedCanary?: { canaryPercentage: number; canaryInterval: number };
  timeBasedLinear?: { linearPercentage: number; linearInterval: number };
}

export interface CdDeploymentConfig {
  deploymentConfigId: string;
  deploymentConfigName: string;
  createTime: number;
  computePlatform: ComputePlatform;
  trafficRoutingConfig?: TrafficRoutingConfig;
  minimumHealthyHosts?: { type: 'HOST_COUNT' | 'FLEET_PERCENT'; value: number };
  region: string;
}

export interface AutoRollbackConfiguration {
  enabled: boolean;
  events: AutoRollbackEvent[];
}

export interface AlarmConfiguration {
  enabled: boolean;
  ignorePollAlarmFailure: boolean;
  alarms: { name: string }[];
}

export interface BlueGreenDeploymentConfiguration {
  terminateBlueInstancesOnDeploymentSuccess: {
    action: 'TERMINATE' | 'KEEP_ALIVE';
    terminationWaitTimeInMinutes: number;
  };
  deploymentReadyOption: {
    actionOnTimeout: 'CONTINUE_DEPLOYMENT' | 'STOP_DEPLOYMENT';
    waitTimeInMinutes: number;
  };
}

export interface TargetGroupPairInfo {
  targetGroups: { name: string }[];
  prodTrafficRoute: { listenerArns: string[] };
  testTrafficRoute?: { listenerArns: string[] };
}

export interface CdDeploymentGroup {
  applicationName: string;
  deploymentGroupId: string;
  deploymentGroupName: string;
  deploymentConfigName: string;
  serviceRoleArn: string;
  computePlatform: ComputePlatform;
  ecsServices: { serviceName: string; clusterName: string }[];
  loadBalancerInfo: { targetGroupPairInfoList: TargetGroupPairInfo[] };
  blueGreenDeploymentConfiguration: BlueGreenDeploymentConfiguration;
  autoRollbackConfiguration: AutoRollbackConfiguration;
  alarmConfiguration: AlarmConfiguration;
  deploymentStyle: {
    deploymentType: 'BLUE_GREEN' | 'IN_PLACE';
    deploymentOption: 'WITH_TRAFFIC_CONTROL' | 'WITHOUT_TRAFFIC_CONTROL';
  };
  lastAttemptedDeployment?: DeploymentSummary;
  lastSuccessfulDeployment?: DeploymentSummary;
  region: string;
}

export interface DeploymentSummary {
  deploymentId: string;
  status: DeploymentStatus;
  endTime?: number;
  createTime: number;
}

export interface CdLifecycleEvent {
  lifecycleEventName: string;
  status: LifecycleEventStatus;
  startTime?: number;
  endTime?: number;
  /** The Lambda function the AppSpec names for this hook, if any. */
  hookFunction?: string;
  /** Minted when the hook is invoked; PutLifecycleEventHookExecutionStatus answers with it. */
  hookExecutionId?: string;
  diagnostics?: { errorCode: string; scriptName: string; message: string; logTail: string };
}

/** Production traffic shifting: what the views show (step k of n, next shift time). */
export interface CdTraffic {
  /** Share of production traffic on the replacement (ECS) or the target version (Lambda), 0-100. */
  percent: number;
  /** Shifts done so far, and how many the config makes. */
  step: number;
  steps: number;
  /** The planned shifts: seconds after AllowTraffic starts, and the percent reached. */
  shifts: { at: number; percent: number }[];
  startedAt: number | null;
  nextShiftAt: number | null;
}

export interface CdEcsTarget {
  clusterName: string;
  clusterArn: string;
  serviceName: string;
  serviceArn: string;
  taskDefinition: string;
  containerName: string;
  containerPort: number;
  originalTaskSetId: string | null;
  originalTaskDefinition: string | null;
  replacementTaskSetId: string | null;
  originalTargetGroupArn: string | null;
  replacementTargetGroupArn: string | null;
  prodListenerArns: string[];
  testListenerArns: string[];
}

export interface CdLambdaTarget {
  functionName: string;
  alias: string;
  currentVersion: string;
  targetVersion: string;
}

export interface CdDeployment {
  deploymentId: string;
  region: string;
  applicationName: string;
  deploymentGroupName: string;
  deploymentConfigName: string;
  computePlatform: ComputePlatform;
  status: DeploymentStatus;
  creator: 'user' | 'codeDeployRollback';
  description?: string;
  revision: Record<string, unknown>;
  createTime: number;
  startTime?: number;
  completeTime?: number;
  errorInformation?: { code: string; message: string };
  rollbackInfo?: {
    rollbackDeploymentId?: string;
    rollbackTriggeringDeploymentId?: string;
    rollbackMessage?: string;
  };
  autoRollbackConfiguration: AutoRollbackConfiguration;
  /** Every lifecycle event in order; `phase` indexes the current one (= length when all are done). */
  lifecycleEvents: CdLifecycleEvent[];
  phase: number;
  traffic: CdTraffic;
  /** What the deployment is waiting for, and until when (the views' "wait ends at"). */
  wait: { kind: 'HOOK' | 'INSTALL' | 'READY' | 'TERMINATION'; until: number } | null;
  /** The Ready wait (deploymentReadyOption STOP_DEPLOYMENT) is behind us. */
  readyWaitDone: boolean;
  instanceTerminationWaitTimeStarted: boolean;
  ecs?: CdEcsTarget;
  lambda?: CdLambdaTarget;
}

export interface CodeDeployState {
  /** Keyed by `${region}:${applicationName}`. */
  applications: Record<string, CdApplication>;
  /** Keyed by `${region}:${applicationName}:${deploymentGroupName}`. */
  deploymentGroups: Record<string, CdDeploymentGroup>;
  /** Custom configs only (the predefined ones are constants), keyed by `${region}:${name}`. */
  deploymentConfigs: Record<string, CdDeploymentConfig>;
  /** Keyed by deployment id ("d-" and nine characters). */
  deployments: Record<string, CdDeployment>;
}

export function emptyCodeDeployState(): CodeDeployState {
  return { applications: {}, deploymentGroups: {}, deploymentConfigs: {}, deployments: {} };
}
