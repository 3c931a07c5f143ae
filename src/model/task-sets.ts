/**
 * Task sets for services whose deployments CodeDeploy controls (deploymentController CODE_DEPLOY):
 * ECS-API:TaskSet, ecs-rules.md 8.1. The scheduler keeps each task set at computedDesiredCount
 * (ceil(desiredCount x scale%)). Stub: filled in by the CodeDeploy work.
 */
import type { Ctx } from './ctx.ts';
import type { Cluster, Service, Task, TaskSet } from './types.ts';

export function initialTaskSet(ctx: Ctx, svc: Service): TaskSet {
  const id = `ecs-svc/${String(ctx.serial()).padStart(19, '9')}`;
  return {
    id,
    taskSetArn: ctx.arn('ecs', `task-set/${svc.clusterArn.split('/').pop()}/${svc.serviceName}/${id}`),
    serviceArn: svc.serviceArn,
    clusterArn: svc.clusterArn,
    status: 'PRIMARY',
    taskDefinition: svc.taskDefinition,
    computedDesiredCount: svc.desiredCount,
    scale: { value: 100, unit: 'PERCENT' },
    stabilityStatus: 'STABILIZING',
    stabilityStatusAt: ctx.now,
    launchType: svc.launchType,
    loadBalancers: svc.loadBalancers,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    ...(svc.networkConfiguration ? { networkConfiguration: svc.networkConfiguration } : {}),
  };
}

export function describeTaskSet(_ctx: Ctx, _svc: Service, ts: TaskSet): Record<string, unknown> {
  const { ...out } = ts;
  return out as unknown as Record<string, unknown>;
}

/** Keeps every task set of a CODE_DEPLOY service at its computed desired count. */
export function reconcileTaskSets(_ctx: Ctx, _svc: Service, _cluster: Cluster, _live: Task[]): void {}
