/**
 * Services: CreateService, UpdateService, DeleteService, DescribeServices, ListServices.
 * The scheduler that keeps them at their desired count lives in service-scheduler.ts.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html (desiredCount
 * changes do not start a deployment; a new task definition, forceNewDeployment, network or placement changes
 * do; DRAINING then INACTIVE on delete),
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html (deployment
 * configuration defaults 100/200, deployments PRIMARY/ACTIVE with rolloutState),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html (the default placement for
 * services spreads across zones),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/track-service-rebalancing.html
 * (availabilityZoneRebalancing defaults). Deployments themselves (circuit breaker, alarms, native strategies)
 * live in ecs-deployments.ts; the describe shape in ecs-service-describe.ts; the deployment configuration in
 * ecs-deployment-config.ts. UpdateService accepts loadBalancers changes (a new deployment; an empty list
 * removes them: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/update-service-parameters.html). A
 * capacityProviderStrategy (capacity-strategy.ts) replaces the launch type; changing it starts a new
 * deployment. Simplification: service discovery and the EXTERNAL controller are not modelled (a clear error says so);
 * CODE_DEPLOY services get their task sets from task-sets.ts.
 */
import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError, invalidParameter } from '../sim/errors.ts';
import type { Cluster, Service, TaskDefinition } from '../sim/types.ts';
import { resolveStrategy, strategyLaunchType } from './capacity-strategy.ts';
import { paginate, readTags, requireCluster, str, strList } from './ecs-common.ts';
import { readDeploymentConfiguration, strategyOf } from './ecs-deployment-config.ts';
import { newDeployment, startDeployment } from './ecs-deployments.ts';
import { readConstraints, readStrategies } from './ecs-placement-input.ts';
import { serviceDeploymentHandlers } from './ecs-service-deployments.ts';
import { describeService } from './ecs-service-describe.ts';
import { resolveTaskDefinition } from './ecs-task-definitions.ts';
import { checkLaunch, readAwsVpc, readLaunchType } from './ecs-tasks.ts';
import { readServiceLoadBalancers } from './elb-ecs.ts';
import { initialTaskSet } from './task-sets.ts';

export { newDeployment } from './ecs-deployments.ts';
export { describeService, serviceCounts } from './ecs-service-describe.ts';

const SERVICE_NAME = /^[A-Za-z0-9_-]{1,255}$/;

export function serviceArnFor(ctx: Ctx, cluster: Cluster, name: string): string {
  return ctx.arn('ecs', `service/${cluster.clusterName}/${name}`);
}

export function findService(ctx: Ctx, cluster: Cluster, ref: string): Service | undefined {
  const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
  return ctx.s.services.get(serviceArnFor(ctx, cluster, name));
}

function requireService(ctx: Ctx, cluster: Cluster, input: Input): Service {
  const ref = str(input.service);
  if (!ref) throw invalidParameter('Service can not be blank.');
  const svc = findService(ctx, cluster, ref);
  if (!svc || svc.status === 'INACTIVE') throw new ApiError('ServiceNotFoundException', 'Service not found.');
  return svc;
}

function createService(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const name = str(input.serviceName);
  if (!name) throw invalidParameter('Service name can not be blank.');
  if (!SERVICE_NAME.test(name)) {
    throw invalidParameter(
      'Service name contains invalid characters. Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.',
    );
  }
  const existing = findService(ctx, cluster, name);
  if (existing && existing.status !== 'INACTIVE')
    throw invalidParameter('Creation of service was not idempotent.');
  const controller = ((input.deploymentController ?? {}) as Record<string, unknown>).type ?? 'ECS';
  if (controller !== 'ECS' && controller !== 'CODE_DEPLOY')
    throw invalidParameter(
      `The ${String(controller)} deployment controller is not modelled in Nozama yet; use ECS or CODE_DEPLOY.`,
    );
  const scheduling = str(input.schedulingStrategy) ?? 'REPLICA';
  if (scheduling !== 'REPLICA' && scheduling !== 'DAEMON')
    throw invalidParameter(`Invalid schedulingStrategy '${scheduling}'.`);
  const ref = str(input.taskDefinition);
  if (!ref) throw invalidParameter('TaskDefinition can not be blank.');
  const td = resolveTaskDefinition(ctx.s, ctx.region, ref, 'run');
  const capacity = resolveStrategy(ctx, cluster, input.capacityProviderStrategy, input.launchType);
  if (capacity && controller !== 'ECS')
    throw invalidParameter('Capacity provider strategies require the ECS deployment controller in Nozama.');
  if (capacity && scheduling === 'DAEMON')
    throw invalidParameter(
      'Capacity provider strategies are not supported for the DAEMON scheduling strategy.',
    );
  const launchType = capacity ? strategyLaunchType(capacity) : readLaunchType(input.launchType);
  if (scheduling === 'DAEMON' && launchType === 'FARGATE')
    throw invalidParameter('The DAEMON scheduling strategy does not support the FARGATE launch type.');
  let desiredCount = 0;
  if (scheduling === 'REPLICA') {
    if (input.desiredCount === undefined)
      throw invalidParameter(
        'The desired count must be specified for a service with the REPLICA scheduling strategy.',
      );
    desiredCount = Number(input.desiredCount);
    if (!Number.isInteger(desiredCount) || desiredCount < 0 || desiredCount > 5000)
      throw invalidParameter('desiredCount must be between 0 and 5000.');
  } else if (input.desiredCount !== undefined) {
    throw invalidParameter('The DAEMON scheduling strategy does not support a desiredCount.');
  }
  const strategies = readStrategies(input.placementStrategy);
  const constraints = readConstraints(input.placementConstraints, td.placementConstraints.length);
  if (launchType === 'FARGATE' && (strategies.length || constraints.length)) {
    throw invalidParameter(
      'Task placement strategies and constraints are not supported for the FARGATE launch type.',
    );
  }
  if (scheduling === 'DAEMON' && strategies.length)
    throw invalidParameter('Placement strategies are not supported for DAEMON services.');
  const network = readAwsVpc(input.networkConfiguration, ctx);
  checkLaunch(td, launchType, network);
  const loadBalancers = readServiceLoadBalancers(ctx, input.loadBalancers, td);
  const daemon = scheduling === 'DAEMON';
  const deploymentConfiguration = readDeploymentConfiguration(
    input.deploymentConfiguration,
    {
      minimumHealthyPercent: daemon ? 0 : 100,
      maximumPercent: daemon ? 100 : 200,
      deploymentCircuitBreaker: { enable: false, rollback: false },
    },
    daemon,
  );
  if (
    controller !== 'ECS' &&
    (deploymentConfiguration.alarms || strategyOf(deploymentConfiguration) !== 'ROLLING')
  )
    throw invalidParameter(
      'Deployment alarms and deployment strategies require the ECS deployment controller.',
    );
  const grace = input.healthCheckGracePeriodSeconds;
  if (
    grace !== undefined &&
    (!Number.isInteger(grace) || (grace as number) < 0 || (grace as number) > 2147483647)
  ) {
    throw invalidParameter('healthCheckGracePeriodSeconds must be a non-negative integer.');
  }
  const rebalancing = str(input.availabilityZoneRebalancing);
  if (rebalancing !== undefined && rebalancing !== 'ENABLED' && rebalancing !== 'DISABLED') {
    throw invalidParameter(`Invalid availabilityZoneRebalancing '${rebalancing}'.`);
  }
  const usesBinpack = strategies.some((s) => s.type === 'binpack');
  const svc: Service = {
    serviceArn: serviceArnFor(ctx, cluster, name),
    serviceName: name,
    region: ctx.region,
    clusterArn: cluster.clusterArn,
    status: 'ACTIVE',
    desiredCount,
    launchType,
    taskDefinition: td.taskDefinitionArn,
    schedulingStrategy: scheduling,
    deploymentConfiguration,
    placementStrategy: strategies,
    placementConstraints: constraints,
    deployments: [],
    events: [],
    createdAt: ctx.now,
    createdBy: `arn:aws:iam::${ctx.s.accountId}:root`,
    enableECSManagedTags: input.enableECSManagedTags === true,
    propagateTags:
      input.propagateTags === 'TASK_DEFINITION' || input.propagateTags === 'SERVICE'
        ? input.propagateTags
        : 'NONE',
    availabilityZoneRebalancing:
      (rebalancing as 'ENABLED' | 'DISABLED' | undefined) ?? (usesBinpack || daemon ? 'DISABLED' : 'ENABLED'),
    tags: readTags(input.tags),
    loadBalancers,
    deploymentController: { type: controller },
    taskSets: [],
    sched: {
      consecutiveStartFailures: 0,
      throttledUntil: 0,
      lastPlacementFailure: null,
      lastPlacementFailureAt: 0,
      steady: false,
      lastSteadyEventAt: 0,
      deadlockReported: false,
      throttleReported: false,
      rebalanceTask: null,
    },
  };
  if (network) svc.networkConfiguration = network;
  if (capacity) svc.capacityProviderStrategy = capacity;
  if (grace !== undefined) svc.healthCheckGracePeriodSeconds = grace as number;
  if (controller === 'CODE_DEPLOY') svc.taskSets = [initialTaskSet(ctx, svc)];
  ctx.put('services', svc.serviceArn, controller === 'CODE_DEPLOY' ? svc : startDeployment(ctx, svc));
  ctx.emit('service/created', {
    serviceArn: svc.serviceArn,
    serviceName: name,
    cluster: cluster.clusterName,
    desiredCount,
  });
  return { service: describeService(ctx, ctx.s.services.get(svc.serviceArn) as Service) };
}

function updateService(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const svc = requireService(ctx, cluster, input);
  if (svc.status !== 'ACTIVE') throw new ApiError('ServiceNotActiveException', 'Service was not ACTIVE.');
  const daemon = svc.schedulingStrategy === 'DAEMON';
  const changes: Partial<Service> = {};
  let redeploy = input.forceNewDeployment === true;
  if (input.desiredCount !== undefined) {
    if (daemon) throw invalidParameter('The DAEMON scheduling strategy does not support a desiredCount.');
    const n = Number(input.desiredCount);
    if (!Number.isInteger(n) || n < 0 || n > 5000)
      throw invalidParameter('desiredCount must be between 0 and 5000.');
    changes.desiredCount = n;
  }
  let td: TaskDefinition | undefined;
  const ref = str(input.taskDefinition);
  if (svc.deploymentController.type === 'CODE_DEPLOY') {
    // ECS-API:UpdateService: with CODE_DEPLOY only desiredCount, deploymentConfiguration, the grace
    // period and a few settings may change; a new task definition is CodeDeploy's job.
    if (ref !== undefined && ref !== svc.taskDefinition)
      throw invalidParameter(
        'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
      );
    for (const k of [
      'loadBalancers',
      'serviceRegistries',
      'networkConfiguration',
      'placementStrategy',
      'placementConstraints',
    ])
      if (input[k] !== undefined)
        throw invalidParameter(
          `Unable to update ${k} on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.`,
        );
    if (input.forceNewDeployment === true)
      throw invalidParameter(
        'Unable to force a new deployment on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
      );
  }
  if (ref !== undefined) {
    td = resolveTaskDefinition(ctx.s, ctx.region, ref, 'run');
    if (td.taskDefinitionArn !== svc.taskDefinition) {
      changes.taskDefinition = td.taskDefinitionArn;
      redeploy = true;
    }
  }
  if (input.deploymentConfiguration !== undefined) {
    changes.deploymentConfiguration = readDeploymentConfiguration(
      input.deploymentConfiguration,
      svc.deploymentConfiguration,
      daemon,
    );
  }
  if (input.placementStrategy !== undefined) {
    if (svc.launchType === 'FARGATE')
      throw invalidParameter(
        'Task placement strategies and constraints are not supported for the FARGATE launch type.',
      );
    changes.placementStrategy = readStrategies(input.placementStrategy);
    redeploy = true;
  }
  const tdNow = td ?? resolveTaskDefinition(ctx.s, ctx.region, svc.taskDefinition, 'describe');
  if (input.placementConstraints !== undefined) {
    if (svc.launchType === 'FARGATE')
      throw invalidParameter(
        'Task placement strategies and constraints are not supported for the FARGATE launch type.',
      );
    changes.placementConstraints = readConstraints(
      input.placementConstraints,
      tdNow.placementConstraints.length,
    );
    redeploy = true;
  }
  if (input.networkConfiguration !== undefined) {
    const network = readAwsVpc(input.networkConfiguration, ctx);
    if (network) changes.networkConfiguration = network;
    redeploy = true;
  }
  if (input.capacityProviderStrategy !== undefined) {
    if (svc.deploymentController.type !== 'ECS')
      throw invalidParameter('Capacity provider strategies require the ECS deployment controller in Nozama.');
    const cluster2 = ctx.s.clusters[svc.clusterArn] ?? cluster;
    const capacity = resolveStrategy(ctx, cluster2, input.capacityProviderStrategy, undefined);
    if (capacity) {
      changes.capacityProviderStrategy = capacity;
      changes.launchType = strategyLaunchType(capacity);
      redeploy = true;
    }
  }
  const network = changes.networkConfiguration ?? svc.networkConfiguration;
  checkLaunch(tdNow, changes.launchType ?? svc.launchType, network);
  if (input.loadBalancers !== undefined) {
    // ECS-API:UpdateService: on a rolling-update service target groups may be added, changed or
    // removed (an empty list); the change starts a new deployment whose tasks use the new entries.
    changes.loadBalancers = readServiceLoadBalancers(ctx, input.loadBalancers, tdNow);
    redeploy = true;
  }
  if (input.serviceRegistries !== undefined) {
    // Cloud Map is not modelled: removing the registries (an empty list) is what a service here can do.
    if (!Array.isArray(input.serviceRegistries) || input.serviceRegistries.length > 0)
      throw invalidParameter(
        'Service discovery (serviceRegistries, AWS Cloud Map) is not modelled in Nozama; only an empty list is accepted.',
      );
    redeploy = true;
  }
  const dc = changes.deploymentConfiguration ?? svc.deploymentConfiguration;
  if (svc.deploymentController.type !== 'ECS' && (dc.alarms || strategyOf(dc) !== 'ROLLING'))
    throw invalidParameter(
      'Deployment alarms and deployment strategies require the ECS deployment controller.',
    );
  if (input.healthCheckGracePeriodSeconds !== undefined) {
    const g = Number(input.healthCheckGracePeriodSeconds);
    if (!Number.isInteger(g) || g < 0)
      throw invalidParameter('healthCheckGracePeriodSeconds must be a non-negative integer.');
    changes.healthCheckGracePeriodSeconds = g;
  }
  const rebalancing = str(input.availabilityZoneRebalancing);
  if (rebalancing !== undefined) {
    if (rebalancing !== 'ENABLED' && rebalancing !== 'DISABLED')
      throw invalidParameter(`Invalid availabilityZoneRebalancing '${rebalancing}'.`);
    changes.availabilityZoneRebalancing = rebalancing;
  }
  let updated: Service = { ...svc, ...changes };
  if (redeploy) {
    const old = svc.deployments.map((o) => ({ ...o, status: 'ACTIVE' as const, updatedAt: ctx.now }));
    updated = {
      ...(svc.deploymentController.type === 'ECS'
        ? startDeployment(ctx, updated)
        : { ...updated, deployments: [newDeployment(ctx, updated), ...old] }),
      // A new task definition ends the start-failure backoff at once
      // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-throttle-logic.html).
      sched: {
        ...svc.sched,
        consecutiveStartFailures: 0,
        throttledUntil: 0,
        throttleReported: false,
        steady: false,
        deadlockReported: false,
      },
    };
  } else if (changes.desiredCount !== undefined) {
    updated = withDesiredCount(ctx, updated, changes.desiredCount);
  }
  ctx.put('services', svc.serviceArn, updated);
  ctx.emit('service/updated', {
    serviceArn: svc.serviceArn,
    serviceName: svc.serviceName,
    newDeployment: redeploy,
    desiredCount: updated.desiredCount,
  });
  return { service: describeService(ctx, updated) };
}

/** The service with a new desired count on itself and its PRIMARY deployment; the scheduler wakes. */
function withDesiredCount(ctx: Ctx, svc: Service, desiredCount: number): Service {
  return {
    ...svc,
    desiredCount,
    deployments: svc.deployments.map((d) =>
      d.status === 'PRIMARY' ? { ...d, desiredCount, updatedAt: ctx.now } : d,
    ),
    sched: { ...svc.sched, steady: false },
  };
}

/**
 * Sets a service's desired count the way UpdateService does without a new deployment: what Application
 * Auto Scaling calls (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-auto-scaling.html).
 */
export function setServiceDesiredCount(ctx: Ctx, svc: Service, desiredCount: number): Service {
  const updated = withDesiredCount(ctx, svc, desiredCount);
  ctx.put('services', svc.serviceArn, updated);
  ctx.emit('service/updated', {
    serviceArn: svc.serviceArn,
    serviceName: svc.serviceName,
    newDeployment: false,
    desiredCount,
  });
  return updated;
}

function deleteService(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const svc = requireService(ctx, cluster, input);
  if (svc.status !== 'ACTIVE') throw new ApiError('ServiceNotActiveException', 'Service was not ACTIVE.');
  if (svc.desiredCount > 0 && svc.schedulingStrategy === 'REPLICA' && input.force !== true) {
    throw invalidParameter('The service cannot be stopped while it is scaled above 0.');
  }
  const updated = ctx.patch('services', svc.serviceArn, { status: 'DRAINING', desiredCount: 0 });
  ctx.emit('service/deleted', { serviceArn: svc.serviceArn, serviceName: svc.serviceName });
  return { service: describeService(ctx, updated) };
}

function describeServices(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const refs = strList(input.services);
  if (refs.length === 0) throw invalidParameter('Services cannot be empty.');
  if (refs.length > 10) throw invalidParameter('Services cannot contain more than 10 items.');
  const withTags = strList(input.include).includes('TAGS');
  const services: Record<string, unknown>[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const ref of refs) {
    const svc = findService(ctx, cluster, ref);
    if (svc) services.push(describeService(ctx, svc, withTags));
    else
      failures.push({
        arn: ref.startsWith('arn:') ? ref : serviceArnFor(ctx, cluster, ref),
        reason: 'MISSING',
      });
  }
  return { services, failures };
}

function listServices(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const launchType = str(input.launchType);
  const scheduling = str(input.schedulingStrategy);
  const arns = ctx.s.services
    .values()
    .filter((s) => s.clusterArn === cluster.clusterArn && s.status === 'ACTIVE')
    .filter((s) => launchType === undefined || s.launchType === launchType)
    .filter((s) => scheduling === undefined || s.schedulingStrategy === scheduling)
    .map((s) => s.serviceArn)
    .sort();
  const { page, nextToken } = paginate(arns, input, 10);
  return nextToken ? { serviceArns: page, nextToken } : { serviceArns: page };
}

export const serviceHandlers = {
  ...serviceDeploymentHandlers,
  'ecs:CreateService': createService,
  'ecs:UpdateService': updateService,
  'ecs:DeleteService': deleteService,
  'ecs:DescribeServices': describeServices,
  'ecs:ListServices': listServices,
};
