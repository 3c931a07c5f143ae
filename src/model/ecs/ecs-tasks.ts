/**
 * Tasks: RunTask, StartTask, StopTask, DescribeTasks, ListTasks, and launching a task on a chosen
 * instance (or on Fargate) with its resources reserved.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Task.html (lifecycle states, desiredStatus,
 * stopCode, stoppedReason, groups, startedBy),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html (RunTask with no
 * strategy places randomly),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html (failures[] with
 * RESOURCE:*, AGENT, ...; RunTask count at most 10),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html (what a task
 * reserves). Simplification: no capacity providers, overrides are echoed but not applied, no ECS Exec.
 */

import { zoneOfSubnet } from '../ec2/catalog.ts';
import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError, invalidParameter } from '../sim/errors.ts';
import type {
  AwsVpcConfiguration,
  LaunchType,
  Service,
  Task,
  TaskDefinition,
  TaskStopCode,
} from '../sim/types.ts';
import { launchWithStrategy, resolveStrategy, strategyLaunchType } from './capacity-strategy.ts';
import {
  findContainerInstance,
  findTask,
  paginate,
  readTags,
  requireCluster,
  str,
  strList,
} from './ecs-common.ts';
import { candidatesOf, placementRequest, readConstraints, readStrategies } from './ecs-placement-input.ts';
import { resolveTaskDefinition } from './ecs-task-definitions.ts';
import { announceDraining, beginDraining, serviceOfTask } from './elb-ecs.ts';
import { placeTasks } from './placement.ts';
import { type LaunchParams, launchOnInstance, placeOnFargate, placeOnInstances } from './task-launch.ts';

export {
  createWaitingTask,
  type LaunchParams,
  launchOnFargate,
  launchOnInstance,
  placeOnFargate,
  placeOnInstances,
  placeWaitingTask,
  TRACE_LIMIT,
} from './task-launch.ts';

export const FAILURE_REASON: Record<string, string> = {
  CPU: 'RESOURCE:CPU',
  MEMORY: 'RESOURCE:MEMORY',
  PORTS: 'RESOURCE:PORTS',
  ENI: 'RESOURCE:ENI',
  AGENT: 'AGENT',
  INACTIVE: 'INACTIVE',
  distinctInstance: 'DistinctInstance placement constraint unsatisfied',
  memberOf: 'MemberOf placement constraint unsatisfied',
};

export function readAwsVpc(v: unknown, ctx: Ctx): { awsvpcConfiguration: AwsVpcConfiguration } | undefined {
  if (v === undefined) return undefined;
  const o = (v ?? {}) as Record<string, unknown>;
  const a = (o.awsvpcConfiguration ?? {}) as Record<string, unknown>;
  const subnets = strList(a.subnets);
  if (subnets.length === 0) throw invalidParameter('subnets can not be empty.');
  if (subnets.length > 16) throw invalidParameter('subnets can have at most 16 items.');
  for (const s of subnets) {
    if (!zoneOfSubnet(ctx.region, s))
      throw invalidParameter(
        `Error retrieving subnet information for [${s}]: The subnet ID '${s}' does not exist (ECS)`,
      );
  }
  const out: AwsVpcConfiguration = { subnets };
  const sgs = strList(a.securityGroups);
  if (sgs.length) out.securityGroups = sgs;
  if (a.assignPublicIp === 'ENABLED' || a.assignPublicIp === 'DISABLED')
    out.assignPublicIp = a.assignPublicIp;
  return { awsvpcConfiguration: out };
}

/** Checks launch type, network configuration and compatibility the way RunTask and CreateService do. */
export function checkLaunch(
  td: TaskDefinition,
  launchType: LaunchType,
  network: { awsvpcConfiguration: AwsVpcConfiguration } | undefined,
): void {
  if (!td.compatibilities.includes(launchType)) {
    throw new ApiError(
      'InvalidParameterException',
      `Task definition does not support launch_type ${launchType}.`,
    );
  }
  if (td.networkMode === 'awsvpc' && !network) {
    throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  }
  if (td.networkMode !== 'awsvpc' && network) {
    throw invalidParameter(
      'Network Configuration is not valid for the given networkMode of this task definition.',
    );
  }
}

export function readLaunchType(v: unknown): LaunchType {
  if (v === undefined || v === 'EC2') return 'EC2';
  if (v === 'FARGATE') return 'FARGATE';
  throw invalidParameter(`Launch type '${String(v)}' is not supported. Valid values are EC2 and FARGATE.`);
}

function runTask(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const ref = str(input.taskDefinition);
  if (!ref) throw invalidParameter('TaskDefinition can not be blank.');
  const td = resolveTaskDefinition(ctx.s, ctx.region, ref, 'run');
  const count = input.count === undefined ? 1 : Number(input.count);
  if (!Number.isInteger(count) || count < 1 || count > 10)
    throw invalidParameter('Count must be between 1 and 10.');
  const capacity = resolveStrategy(ctx, cluster, input.capacityProviderStrategy, input.launchType);
  const launchType = capacity ? strategyLaunchType(capacity) : readLaunchType(input.launchType);
  const strategies = readStrategies(input.placementStrategy);
  const constraints = readConstraints(input.placementConstraints, td.placementConstraints.length);
  const network = readAwsVpc(input.networkConfiguration, ctx);
  checkLaunch(td, launchType, network);
  const group = str(input.group) ?? `family:${td.family}`;
  if (group.length > 255) throw invalidParameter('Group name can not be longer than 255 characters.');
  const params: LaunchParams = { cluster, td, launchType, group, tags: readTags(input.tags) };
  const startedBy = str(input.startedBy);
  if (startedBy !== undefined) params.startedBy = startedBy;

  if (capacity) {
    if (launchType === 'FARGATE' && (strategies.length || constraints.length))
      throw invalidParameter(
        'Task placement strategies and constraints are not supported for the FARGATE launch type.',
      );
    const { tasks, failure } = launchWithStrategy(
      ctx,
      params,
      {
        strategy: capacity,
        existing: {},
        subnets: network?.awsvpcConfiguration.subnets ?? [],
        strategies: strategies.length ? strategies : [{ type: 'random' }],
        constraints,
      },
      count,
    );
    const failures: { arn?: string; reason: string; detail?: string }[] = [];
    if (tasks.length < count) {
      if (failure?.rejected.length)
        for (const r of failure.rejected)
          failures.push({ arn: r.containerInstanceArn, reason: FAILURE_REASON[r.reason] ?? r.reason });
      else
        failures.push({ reason: 'RESOURCE:CPU', detail: 'No container instances in the capacity provider.' });
    }
    return { tasks: tasks.map((t) => describeTask(ctx.s.tasks.get(t.taskArn) as Task)), failures };
  }

  if (launchType === 'FARGATE') {
    if (strategies.length || constraints.length) {
      throw invalidParameter(
        'Task placement strategies and constraints are not supported for the FARGATE launch type.',
      );
    }
    const tasks = placeOnFargate(ctx, params, network?.awsvpcConfiguration.subnets ?? [], count);
    const failures = Array.from({ length: count - tasks.length }, () => ({
      reason: 'RESOURCE:FARGATE',
      detail: 'No Fargate capacity in the selected subnets.',
    }));
    return { tasks: tasks.map((t) => describeTask(ctx.s.tasks.get(t.taskArn) as Task)), failures };
  }
  // The candidates are every registered (not INACTIVE) container instance of the cluster.
  if (candidatesOf(ctx, cluster).length === 0)
    throw invalidParameter('No Container Instances were found in your cluster.');
  // RunTask with no strategy places randomly
  // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html).
  const { tasks, failure } = placeOnInstances(
    ctx,
    params,
    strategies.length ? strategies : [{ type: 'random' }],
    constraints,
    count,
  );
  const failures = [];
  if (failure && tasks.length < count) {
    for (const r of failure.rejected)
      failures.push({ arn: r.containerInstanceArn, reason: FAILURE_REASON[r.reason] ?? r.reason });
  }
  return { tasks: tasks.map((t) => describeTask(ctx.s.tasks.get(t.taskArn) as Task)), failures };
}

function startTask(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const ref = str(input.taskDefinition);
  if (!ref) throw invalidParameter('TaskDefinition can not be blank.');
  const td = resolveTaskDefinition(ctx.s, ctx.region, ref, 'run');
  const targets = strList(input.containerInstances);
  if (targets.length < 1 || targets.length > 10)
    throw invalidParameter('containerInstances must contain between 1 and 10 items.');
  const network = readAwsVpc(input.networkConfiguration, ctx);
  checkLaunch(td, 'EC2', network);
  const group = str(input.group) ?? `family:${td.family}`;
  const params: LaunchParams = { cluster, td, launchType: 'EC2', group, tags: readTags(input.tags) };
  const startedBy = str(input.startedBy);
  if (startedBy !== undefined) params.startedBy = startedBy;
  const tasks: Task[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const target of targets) {
    const ci = findContainerInstance(ctx, cluster, target);
    if (!ci) {
      failures.push({ arn: target, reason: 'MISSING' });
      continue;
    }
    // StartTask names its instance: only resources, ports and the task definition's constraints apply.
    const cands = candidatesOf(ctx, cluster).filter(
      (c) => c.containerInstanceArn === ci.containerInstanceArn,
    );
    const req = placementRequest(td, group, [], []);
    const outcome = placeTasks(cands, req, 1, () => 0, { trace: false });
    const cand = cands[outcome.placed[0] ?? -1];
    if (cand) tasks.push(launchOnInstance(ctx, params, cand));
    else {
      const r = outcome.failure?.rejected[0]?.reason ?? 'INACTIVE';
      failures.push({ arn: ci.containerInstanceArn, reason: FAILURE_REASON[r] ?? r });
    }
  }
  return { tasks: tasks.map((t) => describeTask(ctx.s.tasks.get(t.taskArn) as Task)), failures };
}

/**
 * Asks tasks to stop: desiredStatus STOPPED now, the lifecycle tick walks them down. A RUNNING task behind a
 * load balancer first has its targets deregistered and stays RUNNING until they are unused
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-connection-draining.html); the
 * tasks of one service that begin draining together make one event, "has begun draining connections on N
 * tasks." (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html).
 */
export function requestStops(
  ctx: Ctx,
  tasks: readonly Task[],
  stopCode: TaskStopCode,
  reasonOf: (t: Task) => string,
): Task[] {
  const drained = new Map<string, { svc: Service; n: number }>();
  const out = tasks.map((task) => {
    if (task.desiredStatus === 'STOPPED') return task;
    const { until, draining } = beginDraining(ctx, task);
    const reason = reasonOf(task);
    const t = ctx.patch('tasks', task.taskArn, {
      desiredStatus: 'STOPPED',
      stopCode,
      stoppedReason: reason,
      nextTransitionAt: until,
      version: task.version + 1,
    });
    ctx.emit('task/stopRequested', {
      taskArn: task.taskArn,
      stopCode,
      reason,
      serviceName: task.serviceName,
    });
    const svc = draining ? serviceOfTask(ctx, task) : undefined;
    if (svc) {
      const cur = drained.get(svc.serviceArn);
      if (cur) cur.n++;
      else drained.set(svc.serviceArn, { svc, n: 1 });
    }
    return t;
  });
  for (const { svc, n } of drained.values()) announceDraining(ctx, svc, n);
  return out;
}

/** Asks one task to stop (requestStops). */
export function requestStop(ctx: Ctx, task: Task, stopCode: TaskStopCode, reason: string): Task {
  return requestStops(ctx, [task], stopCode, () => reason)[0] as Task;
}

function stopTask(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const ref = str(input.task);
  if (!ref) throw invalidParameter('Task can not be blank.');
  const task = findTask(ctx, cluster, ref);
  if (!task) throw invalidParameter('The referenced task was not found.');
  const reason = str(input.reason);
  if (reason !== undefined && reason.length > 255)
    throw invalidParameter('Reason can not be longer than 255 characters.');
  const t = requestStop(ctx, task, 'UserInitiated', reason ?? 'Task stopped by user');
  return { task: describeTask(t) };
}

function describeTasks(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const refs = strList(input.tasks);
  if (refs.length === 0) throw invalidParameter('Tasks cannot be empty.');
  if (refs.length > 100) throw invalidParameter('Tasks cannot contain more than 100 items.');
  const withTags = strList(input.include).includes('TAGS');
  const tasks: Record<string, unknown>[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const ref of refs) {
    const t = findTask(ctx, cluster, ref);
    if (t) tasks.push(describeTask(t, withTags));
    else
      failures.push({
        arn: ref.startsWith('arn:') ? ref : ctx.arn('ecs', `task/${cluster.clusterName}/${ref}`),
        reason: 'MISSING',
      });
  }
  return { tasks, failures };
}

function listTasks(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const desired = str(input.desiredStatus) ?? 'RUNNING';
  if (!['RUNNING', 'PENDING', 'STOPPED'].includes(desired))
    throw invalidParameter(`Invalid desiredStatus '${desired}'.`);
  const family = str(input.family);
  const startedBy = str(input.startedBy);
  const serviceName = str(input.serviceName);
  const launchType = str(input.launchType);
  let service: string | undefined;
  if (serviceName !== undefined) {
    const svc = ctx.s.services
      .values()
      .find(
        (s) =>
          s.clusterArn === cluster.clusterArn &&
          (s.serviceName === serviceName || s.serviceArn === serviceName),
      );
    if (!svc) throw new ApiError('ServiceNotFoundException', 'Service not found.');
    service = svc.serviceName;
  }
  let ciArn: string | undefined;
  const ciRef = str(input.containerInstance);
  if (ciRef !== undefined) {
    const ci = findContainerInstance(ctx, cluster, ciRef);
    if (!ci) throw invalidParameter('The referenced container instance was not found.');
    ciArn = ci.containerInstanceArn;
  }
  const arns = ctx.s.tasks
    .values()
    .filter((t) => t.clusterArn === cluster.clusterArn)
    .filter((t) =>
      desired === 'PENDING'
        ? t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING'
        : t.desiredStatus === desired,
    )
    .filter((t) => family === undefined || t.taskDefinitionArn.includes(`:task-definition/${family}:`))
    .filter((t) => startedBy === undefined || t.startedBy === startedBy)
    .filter((t) => service === undefined || t.serviceName === service)
    .filter((t) => launchType === undefined || t.launchType === launchType)
    .filter((t) => ciArn === undefined || t.containerInstanceArn === ciArn)
    .sort((a, b) => a.createdAt - b.createdAt || (a.taskArn < b.taskArn ? -1 : 1))
    .map((t) => t.taskArn);
  const { page, nextToken } = paginate(arns, input);
  return nextToken ? { taskArns: page, nextToken } : { taskArns: page };
}

/** A task as DescribeTasks returns it (epoch-second timestamps; cpu and memory as strings). */
export function describeTask(t: Task, withTags = false): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attachments: t.usesEni
      ? [
          {
            id: t.taskArn.slice(-32, -24) + '-eni',
            type: 'ElasticNetworkInterface',
            status:
              t.lastStatus === 'STOPPED'
                ? 'DELETED'
                : t.lastStatus === 'PROVISIONING'
                  ? 'PRECREATED'
                  : 'ATTACHED',
            details: [
              { name: 'subnetId', value: t.subnetId ?? '' },
              { name: 'privateIPv4Address', value: t.privateIpv4Address ?? '' },
            ],
          },
        ]
      : [],
    attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
    availabilityZone: t.availabilityZone,
    clusterArn: t.clusterArn,
    containers: t.containers.map((c) => {
      const o: Record<string, unknown> = {
        containerArn: c.containerArn,
        taskArn: t.taskArn,
        name: c.name,
        image: c.image,
        lastStatus: c.lastStatus,
        networkBindings: c.networkBindings,
        networkInterfaces:
          t.usesEni && t.privateIpv4Address
            ? [{ attachmentId: t.taskArn.slice(-32, -24) + '-eni', privateIpv4Address: t.privateIpv4Address }]
            : [],
        healthStatus: c.healthStatus,
        cpu: String(c.cpu),
      };
      if (c.exitCode !== undefined) o.exitCode = c.exitCode;
      if (c.reason !== undefined) o.reason = c.reason;
      if (c.memory !== undefined) o.memory = String(c.memory);
      if (c.memoryReservation !== undefined) o.memoryReservation = String(c.memoryReservation);
      return o;
    }),
    cpu: String(t.cpu),
    createdAt: t.createdAt,
    desiredStatus: t.desiredStatus,
    enableExecuteCommand: false,
    group: t.group,
    healthStatus: t.healthStatus,
    lastStatus: t.lastStatus,
    launchType: t.launchType,
    memory: String(t.memory),
    overrides: {
      containerOverrides: t.containers.map((c) => ({ name: c.name })),
      inferenceAcceleratorOverrides: [],
    },
    tags: withTags ? t.tags : [],
    taskArn: t.taskArn,
    taskDefinitionArn: t.taskDefinitionArn,
    version: t.version,
  };
  if (t.containerInstanceArn) out.containerInstanceArn = t.containerInstanceArn;
  if (t.capacityProviderName !== undefined) out.capacityProviderName = t.capacityProviderName;
  if (t.launchType === 'FARGATE') {
    out.platformVersion = '1.4.0';
    out.platformFamily = 'Linux';
    out.ephemeralStorage = { sizeInGiB: 20 };
  }
  const optional = [
    'startedBy',
    'pullStartedAt',
    'pullStoppedAt',
    'startedAt',
    'connectivity',
    'connectivityAt',
    'stoppingAt',
    'executionStoppedAt',
    'stoppedAt',
    'stopCode',
    'stoppedReason',
  ] as const;
  for (const k of optional) if (t[k] !== undefined) out[k] = t[k];
  return out;
}

export const taskHandlers = {
  'ecs:RunTask': runTask,
  'ecs:StartTask': startTask,
  'ecs:StopTask': stopTask,
  'ecs:DescribeTasks': describeTasks,
  'ecs:ListTasks': listTasks,
};
