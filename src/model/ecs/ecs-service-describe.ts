/**
 * The DescribeServices shape of a service (ECS-API:Service): counts per deployment, the deployments list (ECS
 * controller) or task sets (CODE_DEPLOY), and the 2024+ members currentServiceDeployment and
 * currentServiceRevisions. Sources:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Deployment.html (deployments with
 * runningCount/pendingCount/failedTasks/rolloutState),
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskSet.html (task sets),
 * ECS-API:ServiceCurrentRevisionSummary.
 */
import type { Ctx } from '../sim/ctx.ts';
import { desiredRunningTasksOfServiceKey, serviceKey } from '../sim/indexes.ts';
import type { Service } from '../sim/types.ts';
import { openRecord } from './ecs-service-deployments.ts';
import { describeTaskSet } from './task-sets.ts';

/** Counts of a service's (or a deployment's) tasks: running and pending, as DescribeServices reports. */
export function serviceCounts(
  ctx: Ctx,
  svc: Service,
  deploymentId?: string,
): { running: number; pending: number } {
  let running = 0;
  let pending = 0;
  for (const t of desiredRunningTasksOfServiceKey(ctx.s, serviceKey(svc.clusterArn, svc.serviceName))) {
    if (deploymentId !== undefined && t.deploymentId !== deploymentId) continue;
    if (t.lastStatus === 'RUNNING') running++;
    else if (t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING' || t.lastStatus === 'ACTIVATING')
      pending++;
  }
  return { running, pending };
}

export function describeService(ctx: Ctx, svc: Service, withTags = false): Record<string, unknown> {
  const counts = serviceCounts(ctx, svc);
  const out: Record<string, unknown> = {
    serviceArn: svc.serviceArn,
    serviceName: svc.serviceName,
    clusterArn: svc.clusterArn,
    loadBalancers: svc.loadBalancers,
    serviceRegistries: [],
    status: svc.status,
    desiredCount: svc.desiredCount,
    runningCount: counts.running,
    pendingCount: counts.pending,
    launchType: svc.launchType,
    taskDefinition: svc.taskDefinition,
    deploymentConfiguration: svc.deploymentConfiguration,
    deployments: svc.deployments.map((d) => {
      const c = serviceCounts(ctx, svc, d.id);
      const o: Record<string, unknown> = {
        id: d.id,
        status: d.status,
        taskDefinition: d.taskDefinition,
        desiredCount: d.desiredCount,
        pendingCount: c.pending,
        runningCount: c.running,
        failedTasks: d.failedTasks,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
        launchType: d.launchType,
        rolloutState: d.rolloutState,
        rolloutStateReason: d.rolloutStateReason,
      };
      if (d.launchType === 'FARGATE') o.platformVersion = '1.4.0';
      if (d.networkConfiguration) o.networkConfiguration = d.networkConfiguration;
      return o;
    }),
    events: svc.events,
    createdAt: svc.createdAt,
    placementConstraints: svc.placementConstraints,
    placementStrategy: svc.placementStrategy,
    schedulingStrategy: svc.schedulingStrategy,
    deploymentController: svc.deploymentController,
    createdBy: svc.createdBy,
    enableECSManagedTags: svc.enableECSManagedTags,
    propagateTags: svc.propagateTags,
    enableExecuteCommand: false,
    availabilityZoneRebalancing: svc.availabilityZoneRebalancing,
  };
  if (svc.launchType === 'FARGATE') out.platformVersion = 'LATEST';
  if (svc.capacityProviderStrategy) {
    // A service on a capacity provider strategy reports the strategy, not a launch type.
    delete out.launchType;
    out.capacityProviderStrategy = svc.capacityProviderStrategy;
    for (const d of out.deployments as Record<string, unknown>[]) {
      delete d.launchType;
      d.capacityProviderStrategy = svc.capacityProviderStrategy;
    }
  }
  if (svc.networkConfiguration) out.networkConfiguration = svc.networkConfiguration;
  // ECS-API:CreateService: with a load balancer and no grace period given, "the default value of 0 is used".
  if (svc.healthCheckGracePeriodSeconds !== undefined)
    out.healthCheckGracePeriodSeconds = svc.healthCheckGracePeriodSeconds;
  else if (svc.loadBalancers.length > 0) out.healthCheckGracePeriodSeconds = 0;
  if (svc.deploymentController.type === 'CODE_DEPLOY') {
    // ECS-API:CreateServiceResponse: taskSets are returned, "however the deployments parameter will be
    // an empty list".
    out.taskSets = svc.taskSets.map((ts) => describeTaskSet(ctx, svc, ts));
    out.deployments = [];
  }
  const current = openRecord(svc) ?? svc.serviceDeployments?.[0];
  if (current && svc.deploymentController.type === 'ECS') {
    out.currentServiceDeployment = current.serviceDeploymentArn;
    out.currentServiceRevisions = svc.deployments
      .filter((d) => d.serviceRevisionArn !== undefined)
      .map((d) => {
        const c = serviceCounts(ctx, svc, d.id);
        return {
          arn: d.serviceRevisionArn,
          requestedTaskCount: d.desiredCount,
          runningTaskCount: c.running,
          pendingTaskCount: c.pending,
        };
      });
  }
  if (withTags) out.tags = svc.tags;
  return out;
}
