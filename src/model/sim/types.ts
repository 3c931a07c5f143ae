/**
 * The simulation state and the call envelope.
 *
 * State is plain JSON (no classes, Maps or functions) so it survives JSON.parse(JSON.stringify())
 * unchanged. Collections are records keyed by ARN or id; entities are never mutated in place:
 * every change replaces the entity (see tx.ts), so an old state is never touched by a step.
 *
 * Timestamps inside state are integer simulated seconds since the Unix epoch. ECS speaks the AWS
 * JSON protocol, which carries timestamps as epoch seconds, so ECS responses return them as numbers.
 * EC2 and SSM speak XML/query protocols whose timestamps are ISO 8601 strings; their responses
 * return ISO strings (what the CLI prints).
 */

import type { AppAutoScalingState } from '../appautoscaling/aas-types.ts';
import type { CapacityProviderStrategyItem, CapacityState } from '../autoscaling/autoscaling-types.ts';
import type { CloudWatchState, TrafficState } from '../cloudwatch/cloudwatch-types.ts';
import type { CodeDeployState } from '../codedeploy/codedeploy-types.ts';
import type { ElbState } from '../elbv2/elbv2-types.ts';
import type { LambdaState } from '../lambda/lambda-types.ts';
import type { SimEvent } from './events.ts';
import type { SharedRecord } from './shared-record.ts';

export type * from '../appautoscaling/aas-types.ts';
export type * from '../autoscaling/autoscaling-types.ts';
export type * from '../cloudwatch/cloudwatch-types.ts';
export type * from '../codedeploy/codedeploy-types.ts';
export type * from '../elbv2/elbv2-types.ts';
export type * from '../lambda/lambda-types.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A call: an AWS API action, namespaced by service, with the real request shape. */
export interface Call {
  action: string;
  input?: Record<string, unknown> | undefined;
  /** Regional calls go to this region, else to the region the simulation was created in. */
  region?: string | undefined;
}

export interface AwsError {
  name: string;
  message: string;
}

export type CallResponse = { output: Record<string, unknown> } | { error: AwsError };

export type {
  AliasDeploymentEnd,
  AliasRoutingWhy,
  SimEvent,
  SimEventData,
  SimEventDataMap,
  SimEventOf,
  SimEventType,
  TargetEventData,
} from './events.ts';

export interface StepResult {
  state: SimState;
  events: SimEvent[];
  response: CallResponse;
}

export interface AdvanceResult {
  state: SimState;
  events: SimEvent[];
}

// ---------------------------------------------------------------------------------------------
// EC2

export type InstanceStateName =
  | 'pending'
  | 'running'
  | 'shutting-down'
  | 'terminated'
  | 'stopping'
  | 'stopped';

export interface Ec2Instance {
  instanceId: string;
  reservationId: string;
  amiLaunchIndex: number;
  /** 1 for the first instance ever launched in its zone, 2 for the next...: stable, never reused. */
  zoneOrdinal: number;
  region: string;
  imageId: string;
  instanceType: string;
  availabilityZone: string;
  subnetId: string;
  vpcId: string;
  privateIpAddress: string;
  state: InstanceStateName;
  /** When the current state ends (pending -> running, shutting-down -> terminated). */
  stateUntil: number | null;
  stateReason: { code: string; message: string } | null;
  stateTransitionReason: string;
  launchTime: number;
  userData: string | null;
  /** ECS_CLUSTER read from the user data, when the AMI carries the agent. */
  ecsCluster: string | null;
  /** ECS_INSTANCE_ATTRIBUTES read from the user data (applied at first registration only). */
  ecsInstanceAttributes: Record<string, string>;
  hasAgent: boolean;
  /** Agent's own view: false while disconnected by a fault. */
  agentHealthy: boolean;
  /** The container instance ARN once registered. */
  containerInstanceArn: string | null;
  /** When the agent will try to register (after the instance reaches running). */
  agentRegisterAt: number | null;
  tags: { Key: string; Value: string }[];
  /** The EC2 Auto Scaling group that launched it (its key in state.capacity.groups), if any. */
  autoScalingGroup?: string;
  /** Instance scale-in protection (the group's NewInstancesProtectedFromScaleIn, then ECS's). */
  protectedFromScaleIn?: boolean;
}

// ---------------------------------------------------------------------------------------------
// ECS

export type ClusterStatus = 'ACTIVE' | 'PROVISIONING' | 'DEPROVISIONING' | 'FAILED' | 'INACTIVE';

export interface Cluster {
  clusterArn: string;
  clusterName: string;
  region: string;
  status: ClusterStatus;
  createdAt: number;
  tags: { key: string; value: string }[];
  settings: { name: string; value: string }[];
}

export type ContainerInstanceStatus =
  | 'REGISTERING'
  | 'REGISTRATION_FAILED'
  | 'ACTIVE'
  | 'DRAINING'
  | 'DEREGISTERING'
  | 'INACTIVE';

export interface ContainerInstance {
  containerInstanceArn: string;
  region: string;
  clusterArn: string;
  ec2InstanceId: string;
  status: ContainerInstanceStatus;
  statusReason: string | null;
  agentConnected: boolean;
  registeredAt: number;
  agentVersion: string;
  registeredCpu: number;
  registeredMemory: number;
  /** Ports the agent reserves (ECS_RESERVED_PORTS). */
  reservedPorts: number[];
  /** Remaining resources: registered minus what non-STOPPED tasks placed here hold. */
  remainingCpu: number;
  remainingMemory: number;
  /** Host ports held by tasks (static mappings), sorted. */
  usedPorts: number[];
  usedPortsUdp: number[];
  /** ENIs held by awsvpc tasks. */
  usedEnis: number;
  /** Every attribute, built-in (ecs.*) and custom, as name -> value ('' for no value). */
  attributes: Record<string, string>;
  version: number;
}

export type NetworkMode = 'bridge' | 'host' | 'awsvpc' | 'none';
export type Compatibility = 'EC2' | 'FARGATE' | 'EXTERNAL' | 'MANAGED_INSTANCES';

export interface PortMapping {
  containerPort?: number;
  hostPort?: number;
  protocol?: 'tcp' | 'udp';
  name?: string;
  appProtocol?: string;
  containerPortRange?: string;
}

/** A container definition as registered: the request shape, normalised the way ECS echoes it. */
export type ContainerDefinition = {
  name: string;
  image: string;
  cpu: number;
  memory?: number;
  memoryReservation?: number;
  portMappings: PortMapping[];
  essential: boolean;
  environment: { name: string; value: string }[];
  mountPoints: unknown[];
  volumesFrom: unknown[];
} & Record<string, unknown>;

export type TaskDefinitionStatus = 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS';

export interface TaskDefinition {
  taskDefinitionArn: string;
  region: string;
  family: string;
  revision: number;
  status: TaskDefinitionStatus;
  containerDefinitions: ContainerDefinition[];
  networkMode: NetworkMode;
  requiresCompatibilities: Compatibility[];
  compatibilities: Compatibility[];
  /** Task-level cpu and memory as registered (strings, as ECS returns them), if any. */
  cpu?: string;
  memory?: string;
  placementConstraints: { type: 'memberOf'; expression: string }[];
  requiresAttributes: { name: string }[];
  volumes: unknown[];
  registeredAt: number;
  deregisteredAt?: number;
  /** Members of the request that the model keeps but does not interpret, echoed back. */
  extra: Record<string, unknown>;
  tags: { key: string; value: string }[];
}

export type TaskStatus =
  | 'PROVISIONING'
  | 'PENDING'
  | 'ACTIVATING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'DEPROVISIONING'
  | 'STOPPED';

export type TaskStopCode =
  | 'TaskFailedToStart'
  | 'EssentialContainerExited'
  | 'UserInitiated'
  | 'ServiceSchedulerInitiated'
  | 'SpotInterruption'
  | 'TerminationNotice'
  | 'InfrastructureHealth';

export interface TaskContainer {
  containerArn: string;
  name: string;
  image: string;
  lastStatus: 'PENDING' | 'RUNNING' | 'STOPPED';
  exitCode?: number;
  reason?: string;
  essential: boolean;
  cpu: number;
  memory?: number;
  memoryReservation?: number;
  /** Host port bindings made at placement. */
  networkBindings: { bindIP: string; containerPort: number; hostPort: number; protocol: 'tcp' | 'udp' }[];
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  // The model's own bookkeeping (never in a response): container-health.ts and container-order.ts.
  /** When this container started (containers of one task start apart when they depend on each other). */
  startedAt?: number;
  /** When it exits on its own: a crashing image, or a container others wait on to COMPLETE. */
  exitAt?: number;
  exitWith?: number;
  /** When the next health-check result is due, and failures counted in a row outside the start period. */
  healthCheckAt?: number;
  healthFailures?: number;
  /** A probe that hangs started then; its failure is written when the timeout is over. */
  probeSince?: number;
  /** The last health-check result: for the why card. */
  lastProbe?: HealthProbe;
}

/** One health-check result as the agent saw it. */
export interface HealthProbe {
  at: number;
  ok: boolean;
  /** 'exit 0', 'exit 1', or 'timed out after 5 s'. */
  output: string;
  /** Whether a failure counted toward retries (false inside the start period). */
  counted: boolean;
}

/**
 * sim:SetHealthCheckResult: what a container's health-check command answers, for a revision (task
 * definition ARN, optionally one container) or an image. 'fail' exits 1; 'timeout' never answers.
 */
export interface HealthCheckFault {
  result: 'fail' | 'timeout';
  containerName?: string;
}

export type LaunchType = 'EC2' | 'FARGATE';

export interface Task {
  taskArn: string;
  region: string;
  clusterArn: string;
  taskDefinitionArn: string;
  containerInstanceArn: string | null;
  /** For the view and for fault handling: the EC2 instance (EC2 launch type) or null. */
  ec2InstanceId: string | null;
  availabilityZone: string;
  launchType: LaunchType;
  group: string;
  startedBy?: string;
  /** The service that owns the task (name), and the deployment id that started it. */
  serviceName: string | null;
  deploymentId: string | null;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'PENDING' | 'STOPPED';
  /** When the task moves to its next lifecycle state. */
  nextTransitionAt: number | null;
  cpu: number;
  memory: number;
  hostPorts: number[];
  hostPortsUdp: number[];
  usesEni: boolean;
  /** For awsvpc: the subnet and ENI address. */
  subnetId: string | null;
  privateIpv4Address: string | null;
  containers: TaskContainer[];
  createdAt: number;
  pullStartedAt?: number;
  pullStoppedAt?: number;
  startedAt?: number;
  connectivity?: 'CONNECTED' | 'DISCONNECTED';
  connectivityAt?: number;
  stoppingAt?: number;
  executionStoppedAt?: number;
  stoppedAt?: number;
  stopCode?: TaskStopCode;
  stoppedReason?: string;
  /** Whether the task failed before ever reaching RUNNING (counts toward throttling). */
  failedToStart: boolean;
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  version: number;
  tags: { key: string; value: string }[];
  /**
   * The target groups (with container name and port) this service task is registered with once
   * RUNNING. Set at launch by whoever launches it (the scheduler for the ECS controller: the service's
   * groups, or the deployment's group for blue/green; task sets for CODE_DEPLOY). Absent: no LB.
   */
  loadBalancers?: ServiceLoadBalancer[];
  /** The capacity provider that runs it (a capacity provider strategy chose it). */
  capacityProviderName?: string;
  /** FARGATE_SPOT: when the interruption's two-minute warning ends and the task is stopped. */
  spotInterruptionAt?: number;
}

export interface PlacementStrategy {
  type: 'random' | 'spread' | 'binpack';
  field?: string;
}

export interface PlacementConstraint {
  type: 'distinctInstance' | 'memberOf';
  expression?: string;
}

export interface AwsVpcConfiguration {
  subnets: string[];
  securityGroups?: string[];
  assignPublicIp?: 'ENABLED' | 'DISABLED';
}

export type DeploymentStrategy = 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';

/**
 * ServiceDeployment lifecycleStage
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeployment.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html).
 */
export type DeploymentLifecycleStage =
  | 'RECONCILE_SERVICE'
  | 'PRE_SCALE_UP'
  | 'SCALE_UP'
  | 'POST_SCALE_UP'
  | 'TEST_TRAFFIC_SHIFT'
  | 'POST_TEST_TRAFFIC_SHIFT'
  | 'PRE_PRODUCTION_TRAFFIC_SHIFT'
  | 'PRODUCTION_TRAFFIC_SHIFT'
  | 'POST_PRODUCTION_TRAFFIC_SHIFT'
  | 'BAKE_TIME'
  | 'CLEAN_UP';

/** ECS-API:DeploymentLifecycleHook: AWS_LAMBDA hooks are invoked (ecs/deployment-hooks.ts). */
export interface DeploymentLifecycleHook {
  hookTargetArn: string;
  roleArn?: string;
  lifecycleStages: DeploymentLifecycleStage[];
  hookDetails?: unknown;
  [key: string]: unknown;
}

/** ECS-API:DeploymentCircuitBreaker (resetOnHealthyTask and thresholdConfiguration: 2026 API). */
export interface DeploymentCircuitBreakerConfig {
  enable: boolean;
  rollback: boolean;
  resetOnHealthyTask?: boolean;
  thresholdConfiguration?: { type: 'COUNT' | 'BOUNDED_PERCENT' | 'UNBOUNDED_PERCENT'; value: number };
}

export interface DeploymentConfiguration {
  minimumHealthyPercent: number;
  maximumPercent: number;
  deploymentCircuitBreaker?: DeploymentCircuitBreakerConfig;
  /** ECS-API:DeploymentAlarms. */
  alarms?: { alarmNames: string[]; enable: boolean; rollback: boolean };
  /** Absent means ROLLING. */
  strategy?: DeploymentStrategy;
  bakeTimeInMinutes?: number;
  linearConfiguration?: { stepPercent: number; stepBakeTimeInMinutes: number };
  canaryConfiguration?: { canaryPercent: number; canaryBakeTimeInMinutes: number };
  lifecycleHooks?: DeploymentLifecycleHook[];
  [key: string]: unknown;
}

/** An entry of Service.deployments (ECS-API:Deployment). */
export interface ServiceDeployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  createdAt: number;
  updatedAt: number;
  launchType: LaunchType;
  networkConfiguration?: { awsvpcConfiguration: AwsVpcConfiguration };
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
  failedTasks: number;
  /** The service revision this deployment runs (DescribeServiceRevisions). */
  serviceRevisionArn?: string;
  /**
   * The target groups this deployment's tasks register with (resolved: for ECS-native blue/green the
   * green revision uses the group that is not serving production). Absent: the service's own.
   */
  loadBalancers?: ServiceLoadBalancer[];
  /** Circuit breaker bookkeeping: 1 until a task of this deployment reaches RUNNING, then 2. */
  cbStage?: 1 | 2;
  /** Tasks of this deployment counted healthy at the last tick (an increase resets failedTasks). */
  cbHealthy?: number;
  /** Alarms already in ALARM when the deployment started: ignored for this deployment. */
  alarmsIgnored?: string[];
  /** Rolling + alarms: when the deployment first reached steady state (its bake time starts). */
  steadyAt?: number;
  /** Rolling + alarms: COMPLETED is written at this time if nothing went wrong. */
  bakeEndsAt?: number;
  /**
   * Native strategies: the scheduler keeps exactly desiredCount tasks of this deployment (blue and
   * green both live until CLEAN_UP) instead of rolling it.
   */
  held?: boolean;
}

/** ECS's service load balancer entry (the request shape, echoed back). */
export interface ServiceLoadBalancer {
  targetGroupArn: string;
  containerName: string;
  containerPort: number;
  /** ECS-native blue/green, linear and canary (2025): the alternate group and the listener rules. */
  advancedConfiguration?: {
    alternateTargetGroupArn: string;
    productionListenerRule: string;
    testListenerRule?: string;
    roleArn?: string;
  };
}

/** A task set (deploymentController CODE_DEPLOY or EXTERNAL): ECS-API:TaskSet. */
export interface TaskSet {
  id: string;
  taskSetArn: string;
  serviceArn: string;
  clusterArn: string;
  /** CodeDeploy's deployment id for task sets it created. */
  startedBy?: string;
  externalId?: string;
  status: 'PRIMARY' | 'ACTIVE' | 'DRAINING';
  taskDefinition: string;
  computedDesiredCount: number;
  scale: { value: number; unit: 'PERCENT' };
  stabilityStatus: 'STEADY_STATE' | 'STABILIZING';
  stabilityStatusAt: number;
  launchType: LaunchType;
  networkConfiguration?: { awsvpcConfiguration: AwsVpcConfiguration };
  loadBalancers: ServiceLoadBalancer[];
  createdAt: number;
  updatedAt: number;
}

export interface ServiceEvent {
  id: string;
  createdAt: number;
  message: string;
}

export interface Service {
  serviceArn: string;
  serviceName: string;
  region: string;
  clusterArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  launchType: LaunchType;
  taskDefinition: string;
  schedulingStrategy: 'REPLICA' | 'DAEMON';
  deploymentConfiguration: DeploymentConfiguration;
  placementStrategy: PlacementStrategy[];
  placementConstraints: PlacementConstraint[];
  networkConfiguration?: { awsvpcConfiguration: AwsVpcConfiguration };
  deployments: ServiceDeployment[];
  events: ServiceEvent[];
  createdAt: number;
  createdBy: string;
  enableECSManagedTags: boolean;
  propagateTags: 'TASK_DEFINITION' | 'SERVICE' | 'NONE';
  healthCheckGracePeriodSeconds?: number;
  availabilityZoneRebalancing: 'ENABLED' | 'DISABLED';
  tags: { key: string; value: string }[];
  loadBalancers: ServiceLoadBalancer[];
  deploymentController: { type: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL' };
  /** CODE_DEPLOY services only: the task sets (tasks carry the task set id as deploymentId). */
  taskSets: TaskSet[];
  /** Scheduler bookkeeping (not part of the API shape). */
  sched: ServiceScheduler;
  /** ListServiceDeployments / DescribeServiceDeployments records, newest first (bounded). */
  serviceDeployments?: ServiceDeploymentRecord[];
  /** DescribeServiceRevisions records, newest first (bounded). */
  serviceRevisions?: ServiceRevisionRecord[];
  /** Set instead of a launch type: the capacity providers its tasks run on. */
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
}

/** ECS-API:ServiceDeploymentStatus. */
export type ServiceDeploymentStatus =
  | 'PENDING'
  | 'SUCCESSFUL'
  | 'STOPPED'
  | 'STOP_REQUESTED'
  | 'IN_PROGRESS'
  | 'ROLLBACK_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED';

/** One production traffic step of a native deployment, for the view's step list. */
export interface TrafficStep {
  /** Production weight on the green revision once this step is applied, percent. */
  weightPercent: number;
  /** When the step was applied (null: not yet). */
  appliedAt: number | null;
}

/**
 * The state machine of an ECS-native BLUE_GREEN, LINEAR or CANARY deployment
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-linear.html). Everything the
 * view needs to draw the step list, the timers and the why card is here.
 */
export interface NativeDeploymentState {
  strategy: 'BLUE_GREEN' | 'LINEAR' | 'CANARY';
  /** The deployment serving production when this one started (null: none). */
  blueDeploymentId: string | null;
  greenDeploymentId: string;
  /** Per service load balancer entry: the listener rules and which group plays which role. */
  routes: {
    productionListenerRule: string;
    testListenerRule?: string;
    blueTargetGroupArn: string;
    greenTargetGroupArn: string;
  }[];
  stage: DeploymentLifecycleStage;
  stageStartedAt: number;
  /** Production traffic on green as set on the listener rule, percent (0-100). */
  weightPercent: number;
  /** Test traffic on green as set on the test listener rule, percent. */
  testWeightPercent: number;
  /** Production shift steps applied so far, and in all. */
  step: number;
  steps: number;
  plan: TrafficStep[];
  /** Seconds to wait after each production step but the last. */
  stepBakeSeconds: number;
  /** When the next production step is due (during PRODUCTION_TRAFFIC_SHIFT), else null. */
  nextStepAt: number | null;
  /** End of BAKE_TIME (both revisions running after the full shift), else null. */
  bakeEndsAt: number | null;
  /** Every lifecycle hook run of this deployment, oldest first (absent: none yet). */
  hooks?: HookExecution[];
}

/** What a lifecycle hook's function answered to one invocation (or why it gave no answer). */
export type HookVerdict = 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS' | 'FunctionError' | 'NoHookStatus';

/**
 * One run of a lifecycle hook at a stage of an ECS-native deployment (for PRODUCTION_TRAFFIC_SHIFT, at one
 * shift step): the function is invoked until it answers SUCCEEDED or the run fails.
 */
export interface HookExecution {
  /** ECS's hook id (DeploymentLifecycleHookDetail.hookId) and the payload's executionId. */
  hookId: string;
  /** Index of the hook in the deployment's lifecycleHooks. */
  hookIndex: number;
  hookTargetArn: string;
  lifecycleStage: DeploymentLifecycleStage;
  /** The production shift step this run belongs to (0 outside PRODUCTION_TRAFFIC_SHIFT). */
  step: number;
  status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  invocations: number;
  /** The answers so far, oldest first. */
  verdicts: HookVerdict[];
  startedAt: number;
  /** When the function is invoked next (IN_PROGRESS: now + callBackDelay), null once settled. */
  nextInvokeAt: number | null;
  /** Why the run failed, in the words the record and the event carry. */
  failure?: string;
}

/** A service deployment (ECS-API:ServiceDeployment), kept on the service. */
export interface ServiceDeploymentRecord {
  serviceDeploymentArn: string;
  /** The Service.deployments entry this record deploys. */
  deploymentId: string;
  createdAt: number;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  stoppedAt?: number;
  status: ServiceDeploymentStatus;
  statusReason?: string;
  targetServiceRevisionArn: string;
  sourceServiceRevisionArns: string[];
  deploymentConfiguration: DeploymentConfiguration;
  rollback?: {
    reason: string;
    startedAt: number;
    serviceRevisionArn: string;
    /** The Service.deployments entry that carries the rollback (rolling: a new one). */
    deploymentId: string;
    /** What started it, short: an alarm name, 'circuitBreaker', 'lifecycleHook' or 'StopServiceDeployment'. */
    trigger?: string;
    /** A lifecycle hook's failure: which function, at which stage, and its last answer. */
    hook?: {
      hookTargetArn: string;
      lifecycleStage: DeploymentLifecycleStage;
      verdict: HookVerdict;
      invocations: number;
    };
    /** For the why card: where the deployment was when it rolled back. */
    atStage?: DeploymentLifecycleStage;
    step?: number;
    steps?: number;
  };
  circuitBreaker: {
    status: 'TRIGGERED' | 'MONITORING' | 'MONITORING_COMPLETE' | 'DISABLED';
    failureCount: number;
    threshold: number;
  };
  alarms: {
    status: 'TRIGGERED' | 'MONITORING' | 'MONITORING_COMPLETE' | 'DISABLED';
    alarmNames: string[];
    triggeredAlarmNames: string[];
  };
  /** ECS-native strategies only. */
  native?: NativeDeploymentState;
}

/** A service revision (ECS-API:ServiceRevision): what one deployment runs. */
export interface ServiceRevisionRecord {
  serviceRevisionArn: string;
  taskDefinition: string;
  launchType: LaunchType;
  /** As configured on the service (with advancedConfiguration). */
  loadBalancers: ServiceLoadBalancer[];
  /** The target groups this revision's tasks actually use (resolvedConfiguration). */
  resolvedLoadBalancers: ServiceLoadBalancer[];
  networkConfiguration?: { awsvpcConfiguration: AwsVpcConfiguration };
  createdAt: number;
}

export interface ServiceScheduler {
  /** Consecutive tasks that stopped before reaching RUNNING: drives the retry backoff. */
  consecutiveStartFailures: number;
  /** No new task is launched before this time (throttling). */
  throttledUntil: number;
  /** Message of the last placement failure, to suppress duplicates until resolved. */
  lastPlacementFailure: string | null;
  lastPlacementFailureAt: number;
  /** Whether the "steady state" event was already written for the current stable period. */
  steady: boolean;
  lastSteadyEventAt: number;
  /** The deadlock event was already written for the current deadlock. */
  deadlockReported: boolean;
  /** Throttle event written for the current throttle period. */
  throttleReported: boolean;
  /** The task started to even out the zones (AZ rebalancing), until the excess one is stopped. */
  rebalanceTask: string | null;
}

// ---------------------------------------------------------------------------------------------
// Faults and the world

export interface ImageBehavior {
  /** 'ok' runs; 'fail-to-start' never reaches RUNNING; 'crash' exits crashAfterSeconds after RUNNING. */
  mode: 'ok' | 'fail-to-start' | 'crash';
  crashAfterSeconds?: number;
  exitCode?: number;
}

export interface SimState {
  schema: 2;
  seed: number;
  /** PRNG state (sfc32, four 32-bit words). */
  rng: [number, number, number, number];
  /** Simulated time, integer epoch seconds. */
  now: number;
  startedAt: number;
  defaultRegion: string;
  accountId: string;
  /** Monotonic counter used to mint deterministic ids. */
  nextId: number;
  nextEventSeq: number;
  /**
   * The big collections are records with structural sharing (shared-record.ts): read them with
   * get/has/values/keys/entries/size; JSON.stringify writes them as the plain records they stand for.
   */
  instances: SharedRecord<Ec2Instance>;
  clusters: Record<string, Cluster>;
  containerInstances: SharedRecord<ContainerInstance>;
  taskDefinitions: Record<string, TaskDefinition>;
  tasks: SharedRecord<Task>;
  services: SharedRecord<Service>;
  /** Availability Zones that have gone dark (sim fault), by zone name. */
  impairedZones: Record<string, true>;
  imageBehaviors: Record<string, ImageBehavior>;
  /** Container health-check faults by `td:<task definition ARN>` or `image:<image>` (container-health.ts). */
  healthCheckFaults: Record<string, HealthCheckFault>;
  /** Instances ever launched per zone (mints zoneOrdinal). */
  zoneLaunches: Record<string, number>;
  /** Elastic Load Balancing v2: load balancers, listeners, rules, target groups (elbv2-types.ts). */
  elb: ElbState;
  /** Travelers and injected faults (cloudwatch-types.ts). */
  traffic: TrafficState;
  /** Metrics in one-minute windows and alarms. */
  cloudwatch: CloudWatchState;
  lambda: LambdaState;
  codedeploy: CodeDeployState;
  /** Application Auto Scaling: scalable targets, scaling policies, activities (aas-types.ts). */
  appAutoScaling: AppAutoScalingState;
  /** Launch templates, EC2 Auto Scaling groups and ECS capacity providers. */
  capacity: CapacityState;
}

/** Top-level members of SimState that hold records of records (see Ctx.putIn). */
export type Slice =
  | 'elb'
  | 'traffic'
  | 'cloudwatch'
  | 'lambda'
  | 'codedeploy'
  | 'appAutoScaling'
  | 'capacity';

export interface CreateSimOptions {
  seed?: number;
  region?: string;
  /** Epoch seconds of the simulated start (default 2026-01-01T00:00:00Z). */
  startTime?: number;
  accountId?: string;
}
