/**
 * Every event the model writes, as data: a row per event name (past tense, `kind/what`), and the
 * events as a union discriminated by `type`. The events the view reads field by field carry their
 * exact data shape; the others carry plain JSON data for the chronicle. `Ctx.emit` accepts only a
 * name of this table with that name's data, so a misspelt event or a missing field fails to compile.
 */

import type { ScalingWhy } from '../appautoscaling/aas-types.ts';
import type { PlacementFailure, PlacementTrace } from '../ecs/placement.ts';
import type { HookRule } from '../lambda/lambda-types.ts';
import type { DeploymentLifecycleStage, HookVerdict, ServiceDeploymentRecord } from './types.ts';

export const SIM_EVENT_TYPES = [
  'agent/connected',
  'agent/disconnected',
  'agent/registrationFailed',
  'alarm/stateChanged',
  'alias/created',
  'alias/deleted',
  'alias/deploymentRolledBack',
  'alias/deploymentStarted',
  'alias/deploymentSucceeded',
  'alias/weightsChanged',
  'autoScalingGroup/activity',
  'autoScalingGroup/created',
  'autoScalingGroup/deleted',
  'autoScalingGroup/updated',
  'behavior/changed',
  'capacityProvider/created',
  'capacityProvider/deleted',
  'capacityProvider/scaled',
  'capacityProvider/updated',
  'cluster/capacityProvidersSet',
  'cluster/created',
  'cluster/deleted',
  'codedeploy/applicationCreated',
  'codedeploy/continued',
  'codedeploy/created',
  'codedeploy/deploymentGroupCreated',
  'codedeploy/failed',
  'codedeploy/hookInvoked',
  'codedeploy/lifecycle',
  'codedeploy/rolledBack',
  'codedeploy/started',
  'codedeploy/stopped',
  'codedeploy/succeeded',
  'codedeploy/trafficShifted',
  'container/exited',
  'container/healthChanged',
  'container/started',
  'containerInstance/activated',
  'containerInstance/attributeSet',
  'containerInstance/deregistered',
  'containerInstance/draining',
  'containerInstance/registered',
  'deployment/completed',
  'deployment/failed',
  'deployment/hookInvoked',
  'deployment/rolledBack',
  'deployment/stageChanged',
  'deployment/stopRequested',
  'deployment/trafficShifted',
  'healthCheck/resultSet',
  'image/behaviorSet',
  'instance/launched',
  'instance/running',
  'instance/stopped',
  'instance/terminated',
  'instance/terminating',
  'lambda/codeUpdated',
  'lambda/configurationUpdated',
  'lambda/functionCreated',
  'lambda/functionDeleted',
  'lambda/hookRuleSet',
  'lambda/invoked',
  'lambda/versionPublished',
  'launchTemplate/created',
  'listener/created',
  'listener/deleted',
  'listener/modified',
  'loadBalancer/active',
  'loadBalancer/created',
  'loadBalancer/deleted',
  'rule/created',
  'rule/deleted',
  'rule/modified',
  'scaling/activity',
  'scaling/policyDeleted',
  'scaling/policyPut',
  'scaling/targetDeregistered',
  'scaling/targetRegistered',
  'service/created',
  'service/deleted',
  'service/event',
  'service/inactive',
  'service/placementFailed',
  'service/updated',
  'target/deregistered',
  'target/draining',
  'target/healthy',
  'target/registered',
  'target/unhealthy',
  'targetGroup/created',
  'targetGroup/deleted',
  'task/awaitingCapacity',
  'task/failedHealthChecks',
  'task/pending',
  'task/placed',
  'task/running',
  'task/spotInterrupted',
  'task/stopRequested',
  'task/stopped',
  'task/stopping',
  'taskDefinition/deregistered',
  'taskDefinition/registered',
  'taskSet/created',
  'taskSet/deleted',
  'traffic/changed',
  'traffic/window',
  'zone/failed',
  'zone/restored',
] as const;

export type SimEventType = (typeof SIM_EVENT_TYPES)[number];

/** The data of every event, by type: the view narrows an event by `type` and reads its fields typed. */
export interface SimEventDataMap {
  'task/placed': {
    taskArn: string;
    cluster: string;
    group: string;
    taskDefinitionArn: string;
    launchType: string;
    containerInstanceArn: string | null;
    ec2InstanceId: string | null;
    availabilityZone: string;
    serviceName: string | null;
    /** Every candidate's rejection or scores (clusters up to 200 instances). */
    trace?: PlacementTrace;
  };
  'service/placementFailed': {
    serviceName: string;
    reason: string;
    needs: PlacementFailure['needs'];
    closest: PlacementFailure['closest'];
    rejected: PlacementFailure['rejected'];
  };
  'service/event': { serviceName: string; serviceArn: string; message: string };
  'alarm/stateChanged': { alarmName: string; from: string; to: string; reason: string; at: number };
  'scaling/activity': {
    resourceId: string;
    serviceName: string;
    from: number;
    to: number;
    cause: string;
    why: ScalingWhy | null;
  };
  'zone/failed': { availabilityZone: string };
  'zone/restored': { availabilityZone: string };
  'autoScalingGroup/activity': {
    group: string;
    kind: 'launch' | 'terminate';
    instanceId: string;
    availabilityZone: string;
    description: string;
  };
  'capacityProvider/scaled': {
    capacityProvider: string;
    group: string;
    from: number;
    to: number;
    reservation: number;
    targetCapacity: number;
  };
  'task/awaitingCapacity': { taskArn: string; capacityProvider: string; serviceName: string | null };
  'task/spotInterrupted': { taskArn: string; serviceName: string | null; stopsAt: number };

  'agent/connected': { containerInstanceArn: string; ec2InstanceId: string };
  'agent/disconnected': { containerInstanceArn: string; ec2InstanceId: string };
  'alias/created': { functionName: string; alias: string; functionVersion: string };
  'alias/deploymentRolledBack': AliasDeploymentEnd & { reason: string };
  'alias/deploymentStarted': {
    id: string;
    functionName: string;
    alias: string;
    steps: number;
    interval: number;
    weights: number[];
  };
  'alias/deploymentSucceeded': AliasDeploymentEnd;
  'alias/weightsChanged': {
    functionName: string;
    alias: string;
    functionVersion: string;
    weights: Record<string, number>;
  } & AliasRoutingWhy;
  'autoScalingGroup/created': { name: string; desiredCapacity: number; minSize: number; maxSize: number };
  'behavior/changed': { key: string; errorRate: number; latencyMs: number; cleared: boolean };
  'capacityProvider/created': { name: string; autoScalingGroup: string };
  'cluster/capacityProvidersSet': {
    cluster: string;
    capacityProviders: string[];
    defaultCapacityProviderStrategy: { capacityProvider: string; weight: number; base: number }[];
  };
  'cluster/created': { clusterArn: string; clusterName: string };
  'container/exited': {
    taskArn: string;
    containerName: string;
    exitCode: number;
    essential: boolean;
    serviceName: string | null;
  };
  'container/started': { taskArn: string; containerName: string; serviceName: string | null };
  'containerInstance/deregistered': { containerInstanceArn: string; ec2InstanceId: string; reason: string };
  'containerInstance/draining': { containerInstanceArn: string; ec2InstanceId: string };
  'containerInstance/registered': {
    containerInstanceArn: string;
    cluster: string;
    ec2InstanceId: string;
    availabilityZone: string;
    cpu: number;
    memory: number;
  };
  'deployment/completed': {
    serviceName: string;
    deploymentId: string;
    strategy: string;
    serviceDeploymentArn: string;
  };
  'deployment/failed': { serviceName: string; deploymentId: string; reason: string; detail: string };
  'deployment/rolledBack': {
    serviceName: string;
    reason: string;
    detail: string;
    fromDeploymentId: string | null;
    toDeploymentId: string | null;
    /** A rolling deployment's rollback: the task definition it went back to. */
    taskDefinition?: string;
    /** A linear or canary deployment's rollback: where the shift stood. */
    atStage?: string;
    /** A lifecycle hook's failure: which function, at which stage, and its last answer. */
    hook?: NonNullable<ServiceDeploymentRecord['rollback']>['hook'];
    step?: number;
    steps?: number;
    weightPercent?: number;
  };
  'deployment/stageChanged': {
    serviceName: string;
    stage: string;
    weightPercent: number;
    step: number;
    steps: number;
  };
  'deployment/trafficShifted': {
    serviceName: string;
    kind: string;
    weightPercent: number;
    listenerRules: string[];
  };
  'instance/launched': {
    instanceId: string;
    instanceType: string;
    availabilityZone: string;
    hasAgent: boolean;
    cluster: string | null;
  };
  'instance/running': { instanceId: string; availabilityZone: string; hasAgent: boolean };
  'instance/stopped': { instanceId: string; availabilityZone: string };
  'instance/terminated': { instanceId: string; availabilityZone: string };
  'instance/terminating': { instanceId: string; availabilityZone: string; reason: string };
  'lambda/codeUpdated': { functionName: string; codeSha256: string };
  'lambda/functionCreated': { functionName: string };
  'lambda/versionPublished': { functionName: string; version: string };
  'launchTemplate/created': { launchTemplateId: string; name: string; version: number };
  'listener/created': { listenerArn: string; loadBalancerArn: string; port: number };
  'listener/modified': { listenerArn: string };
  'loadBalancer/active': { loadBalancerArn: string };
  'loadBalancer/created': { loadBalancerArn: string; name: string };
  'rule/modified': { ruleArn: string; listenerArn: string };
  'scaling/policyPut': { resourceId: string; policyName: string; policyType: string };
  'scaling/targetRegistered': { resourceId: string; min: number; max: number; created: boolean };
  'service/created': { serviceArn: string; serviceName: string; cluster: string; desiredCount: number };
  'service/updated': {
    serviceArn: string;
    serviceName: string;
    newDeployment: boolean;
    desiredCount: number;
  };
  'target/deregistered': TargetEventData;
  'target/draining': TargetEventData & { until: number };
  'target/healthy': TargetEventData;
  'target/registered': TargetEventData;
  'target/unhealthy': TargetEventData & { reason: string };
  'targetGroup/created': { targetGroupArn: string; name: string };
  'task/pending': { taskArn: string; serviceName: string | null };
  'task/running': { taskArn: string; serviceName: string | null; ec2InstanceId: string | null };
  'task/stopRequested': { taskArn: string; stopCode: string; reason: string; serviceName: string | null };
  'task/stopped': {
    taskArn: string;
    group: string;
    serviceName: string | null;
    ec2InstanceId: string | null;
    availabilityZone: string;
    stopCode: string | null;
    stoppedReason: string | null;
    failedToStart: boolean;
  };
  'task/stopping': { taskArn: string; serviceName: string | null };
  'taskDefinition/registered': { taskDefinitionArn: string; family: string; revision: number };
  'traffic/changed': { source: string; requestsPerSecond: number };
  'agent/registrationFailed': { instanceId: string; cluster: string; reason: string };
  'alias/deleted': { functionName: string; alias: string };
  'autoScalingGroup/deleted': { name: string };
  'autoScalingGroup/updated': { name: string; desiredCapacity: number; minSize: number; maxSize: number };
  'capacityProvider/deleted': { name: string };
  'capacityProvider/updated': { name: string };
  'cluster/deleted': { clusterArn: string; clusterName: string };
  'codedeploy/applicationCreated': { applicationName: string; computePlatform: string };
  'codedeploy/continued': { deploymentId: string; deploymentWaitType: string };
  'codedeploy/created': {
    deploymentId: string;
    applicationName: string;
    deploymentGroupName: string;
    deploymentConfigName: string;
  };
  'codedeploy/deploymentGroupCreated': { applicationName: string; deploymentGroupName: string };
  'codedeploy/failed': { deploymentId: string; code: string; message: string };
  'codedeploy/hookInvoked': {
    deploymentId: string;
    event: string;
    functionName?: string | undefined;
    lifecycleEventHookExecutionId: string;
  };
  'codedeploy/lifecycle': { deploymentId: string; event: string; status: string };
  'codedeploy/rolledBack': {
    deploymentId: string;
    rollbackDeploymentId: string;
    reason: string;
    message: string;
    alarmName?: string;
    atPercent: number;
    step: number;
    steps: number;
  };
  'codedeploy/started': { deploymentId: string; computePlatform: string };
  'codedeploy/stopped': { deploymentId: string; code: string; message: string };
  'codedeploy/succeeded': { deploymentId: string; applicationName: string; deploymentGroupName: string };
  'codedeploy/trafficShifted': {
    deploymentId: string;
    percent: number;
    step: number;
    steps: number;
    nextShiftAt: number | null;
  };
  'container/healthChanged': {
    taskArn: string;
    containerName: string;
    from: string;
    to: string;
    serviceName: string | null;
    output: string | null;
  };
  'containerInstance/activated': { containerInstanceArn: string; ec2InstanceId: string };
  'containerInstance/attributeSet': { containerInstanceArn: string; name: string; value: string | null };
  'deployment/stopRequested': { serviceName: string; serviceDeploymentArn: string; stopType: string };
  'healthCheck/resultSet': {
    TaskDefinition?: string;
    ContainerName?: string;
    Image?: string;
    result: string;
  };
  'image/behaviorSet': { image: string; mode: string };
  'lambda/configurationUpdated': { functionName: string };
  'lambda/functionDeleted': { functionName: string };
  'lambda/invoked': {
    functionName: string;
    qualifier: string | null;
    executedVersion: string;
    failed: boolean;
  };
  'listener/deleted': { listenerArn: string; loadBalancerArn: string };
  'loadBalancer/deleted': { loadBalancerArn: string };
  'rule/created': { ruleArn: string; listenerArn: string; priority: number };
  'rule/deleted': { ruleArn: string; listenerArn: string };
  'scaling/policyDeleted': { resourceId: string; policyName: string };
  'scaling/targetDeregistered': { resourceId: string };
  'service/deleted': { serviceArn: string; serviceName: string };
  'service/inactive': { serviceName: string };
  'targetGroup/deleted': { targetGroupArn: string };
  'task/failedHealthChecks': {
    taskArn: string;
    serviceName: string;
    containerName: string | null;
    command: readonly string[];
    output: string | null;
  };
  'taskDefinition/deregistered': { taskDefinitionArn: string; family: string; revision: number };
  'taskSet/created': { serviceName: string; taskSetId: string; deploymentId: string };
  'taskSet/deleted': { serviceName: string; taskSetId: string };
  'deployment/hookInvoked': {
    serviceName: string;
    serviceDeploymentArn: string;
    hookId: string;
    functionName: string;
    hookTargetArn: string;
    lifecycleStage: DeploymentLifecycleStage;
    step: number;
    steps: number;
    invocation: number;
    verdict: HookVerdict;
    nextInvokeAt: number | null;
    /** What ECS sent the function (its documented payload). */
    payload: Record<string, unknown>;
  };
  'lambda/hookRuleSet': { functionName: string; rule: HookRule | { kind: 'none' } };
  'traffic/window': {
    source: string;
    t: number;
    requests: number;
    errors: number;
    elb5xx: number;
    /** Requests per target group ARN (or Lambda version) in the window. */
    byGroup: Record<string, number>;
  };
}

/** A load balancer target's event: which target of which group, and the task behind it. */
export type TargetEventData = {
  targetGroupArn: string;
  targetId: string;
  port: number;
  taskArn: string | null;
};

/** Why a Lambda alias's weights changed: an UpdateAlias call, or a deployment's step, end or rollback. */
export type AliasRoutingWhy = {
  by?: 'UpdateAlias';
  deploymentId?: string;
  step?: number;
  steps?: number;
  weight?: number;
  checkAt?: number;
  percent?: number;
  nextShiftAt?: number | null;
  rollback?: boolean;
  finalized?: boolean;
};

/** How a Lambda alias's traffic shifting ended. */
export type AliasDeploymentEnd = {
  deploymentId: string;
  functionName: string;
  alias: string;
  oldVersion: string;
  newVersion: string;
  step: number;
  steps: number;
  weight?: number | undefined;
  errors: number | null;
  window: { from: number; to: number };
};

/** The data an event of type K carries. */
export type SimEventData<K extends SimEventType> = SimEventDataMap[K];

/** A model event: past tense, sequenced, discriminated by `type`; `data` is plain JSON. */
export type SimEvent = {
  [K in SimEventType]: { seq: number; time: number; type: K; region: string; data: SimEventData<K> };
}[SimEventType];

/** One event of a given type. */
export type SimEventOf<K extends SimEventType> = Extract<SimEvent, { type: K }>;
