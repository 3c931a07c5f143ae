/**
 * Every event the model writes, as data: a row per event name (past tense, `kind/what`), and the
 * events as a union discriminated by `type`. The events the view reads field by field carry their
 * exact data shape; the others carry plain JSON data for the chronicle. `Ctx.emit` accepts only a
 * name of this table with that name's data, so a misspelt event or a missing field fails to compile.
 */

import type { ScalingWhy } from '../appautoscaling/aas-types.ts';
import type { PlacementFailure, PlacementTrace } from '../ecs/placement.ts';

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

/** The data of the events the view reads field by field (the why cards, the scenes, the panels). */
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
}

/** The data an event of type K carries. */
export type SimEventData<K extends SimEventType> = K extends keyof SimEventDataMap
  ? SimEventDataMap[K]
  : Record<string, unknown>;

/** A model event: past tense, sequenced, discriminated by `type`; `data` is plain JSON. */
export type SimEvent = {
  [K in SimEventType]: { seq: number; time: number; type: K; region: string; data: SimEventData<K> };
}[SimEventType];

/** One event of a given type. */
export type SimEventOf<K extends SimEventType> = Extract<SimEvent, { type: K }>;
