/**
 * Launching tasks: on a chosen instance (taking its resources), on Fargate (spread over the subnets'
 * zones), through the steward (placeOnInstances), or waiting in PROVISIONING for an Auto Scaling group
 * capacity provider's new instances. Sources:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html (what a task
 * reserves), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html (tasks
 * wait in PROVISIONING for capacity).
 */
import { zoneOfSubnet } from '../ec2/catalog.ts';
import type { Ctx } from '../sim/ctx.ts';
import { TIMING } from '../sim/timing.ts';
import type {
  Cluster,
  LaunchType,
  PlacementConstraint,
  PlacementStrategy,
  ServiceLoadBalancer,
  Task,
  TaskDefinition,
} from '../sim/types.ts';
import { candidatesOf, placementRequest } from './ecs-placement-input.ts';
import { type Candidate, type PlacementFailure, type PlacementTrace, placeTasks } from './placement.ts';

/** Traces are kept for small clusters only: they explain every candidate, which costs O(instances). */
export const TRACE_LIMIT = 200;

export interface LaunchParams {
  cluster: Cluster;
  td: TaskDefinition;
  launchType: LaunchType;
  group: string;
  startedBy?: string;
  serviceName?: string;
  deploymentId?: string;
  tags?: { key: string; value: string }[];
  /** The target groups the task is registered with once RUNNING (service tasks behind a load balancer). */
  loadBalancers?: ServiceLoadBalancer[];
  /** The capacity provider a capacity provider strategy chose for it. */
  capacityProviderName?: string;
}

/** Where a task lands: its instance, zone, subnet and what it holds there. */
interface TaskWhere {
  containerInstanceArn: string | null;
  ec2InstanceId: string | null;
  availabilityZone: string;
  subnetId: string | null;
  hostPorts: number[];
  hostPortsUdp: number[];
  usesEni: boolean;
  cpu: number;
  memory: number;
  trace: PlacementTrace | undefined;
}

/** Takes a task's resources on a candidate's container instance; returns where the task now is. */
function reserveOn(
  ctx: Ctx,
  td: TaskDefinition,
  group: string,
  cand: Candidate,
  trace?: PlacementTrace,
): TaskWhere {
  const needs = placementRequest(td, group, [], []);
  const ci = ctx.s.containerInstances.get(cand.containerInstanceArn);
  if (!ci) throw new Error('candidate without container instance');
  ctx.patch('containerInstances', ci.containerInstanceArn, {
    remainingCpu: ci.remainingCpu - needs.cpu,
    remainingMemory: ci.remainingMemory - needs.memory,
    usedPorts: [...ci.usedPorts, ...needs.hostPorts].sort((a, b) => a - b),
    usedPortsUdp: [...ci.usedPortsUdp, ...needs.hostPortsUdp].sort((a, b) => a - b),
    usedEnis: ci.usedEnis + (needs.usesEni ? 1 : 0),
    version: ci.version + 1,
  });
  const inst = ctx.s.instances.get(ci.ec2InstanceId);
  return {
    containerInstanceArn: ci.containerInstanceArn,
    ec2InstanceId: ci.ec2InstanceId,
    availabilityZone: cand.availabilityZone,
    subnetId: needs.usesEni ? (inst?.subnetId ?? null) : null,
    hostPorts: needs.hostPorts,
    hostPortsUdp: needs.hostPortsUdp,
    usesEni: needs.usesEni,
    cpu: needs.cpu,
    memory: needs.memory,
    trace,
  };
}

function placedEvent(ctx: Ctx, task: Task, clusterName: string, where: TaskWhere): void {
  ctx.emit('task/placed', {
    taskArn: task.taskArn,
    cluster: clusterName,
    group: task.group,
    taskDefinitionArn: task.taskDefinitionArn,
    launchType: task.launchType,
    containerInstanceArn: where.containerInstanceArn,
    ec2InstanceId: where.ec2InstanceId,
    availabilityZone: where.availabilityZone,
    serviceName: task.serviceName,
    ...(where.trace ? { trace: where.trace } : {}),
  });
}

/**
 * A task of an Auto Scaling group capacity provider with no room yet: it waits in PROVISIONING, holding
 * nothing, until the group's new instances can take it
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html).
 */
export function createWaitingTask(ctx: Ctx, p: LaunchParams): Task {
  const needs = placementRequest(p.td, p.group, [], []);
  const task = createTask(
    ctx,
    p,
    {
      containerInstanceArn: null,
      ec2InstanceId: null,
      availabilityZone: '',
      subnetId: null,
      hostPorts: [],
      hostPortsUdp: [],
      usesEni: needs.usesEni,
      cpu: needs.cpu,
      memory: needs.memory,
      trace: undefined,
    },
    true,
  );
  ctx.putIn('capacity', 'waiting', task.taskArn, p.capacityProviderName ?? '');
  ctx.emit('task/awaitingCapacity', {
    taskArn: task.taskArn,
    capacityProvider: p.capacityProviderName ?? '',
    serviceName: task.serviceName,
  });
  return task;
}

/** Places a task that waited for capacity on the instance the steward chose. */
export function placeWaitingTask(ctx: Ctx, task: Task, cand: Candidate, trace?: PlacementTrace): Task {
  const td = ctx.s.taskDefinitions[task.taskDefinitionArn];
  if (!td) throw new Error('waiting task without its task definition');
  const where = reserveOn(ctx, td, task.group, cand, trace);
  const placed = ctx.patch('tasks', task.taskArn, {
    containerInstanceArn: where.containerInstanceArn,
    ec2InstanceId: where.ec2InstanceId,
    availabilityZone: where.availabilityZone,
    subnetId: where.subnetId,
    hostPorts: where.hostPorts,
    hostPortsUdp: where.hostPortsUdp,
    nextTransitionAt: ctx.now + (td.networkMode === 'awsvpc' ? TIMING.eniAttach : 1),
    version: task.version + 1,
  });
  ctx.removeIn('capacity', 'waiting', task.taskArn);
  const cluster = ctx.s.clusters[task.clusterArn];
  placedEvent(ctx, placed, cluster?.clusterName ?? '', where);
  return placed;
}

/** Creates the task on a candidate's instance, taking its resources. */
export function launchOnInstance(ctx: Ctx, p: LaunchParams, cand: Candidate, trace?: PlacementTrace): Task {
  return createTask(ctx, p, reserveOn(ctx, p.td, p.group, cand, trace));
}

/** Creates a Fargate task in the given subnet. */
export function launchOnFargate(ctx: Ctx, p: LaunchParams, subnetId: string, zone: string): Task {
  const needs = placementRequest(p.td, p.group, [], []);
  return createTask(ctx, p, {
    containerInstanceArn: null,
    ec2InstanceId: null,
    availabilityZone: zone,
    subnetId,
    hostPorts: [],
    hostPortsUdp: [],
    usesEni: true,
    cpu: needs.cpu,
    memory: needs.memory,
    trace: undefined,
  });
}

function createTask(ctx: Ctx, p: LaunchParams, where: TaskWhere, waiting = false): Task {
  const id = ctx.hex(32);
  const clusterName = p.cluster.clusterName;
  const taskArn = ctx.arn('ecs', `task/${clusterName}/${id}`);
  const fargate = p.launchType === 'FARGATE';
  const awsvpc = p.td.networkMode === 'awsvpc';
  const n = ctx.serial();
  const task: Task = {
    taskArn,
    region: ctx.region,
    clusterArn: p.cluster.clusterArn,
    taskDefinitionArn: p.td.taskDefinitionArn,
    containerInstanceArn: where.containerInstanceArn,
    ec2InstanceId: where.ec2InstanceId,
    availabilityZone: where.availabilityZone,
    launchType: p.launchType,
    group: p.group,
    serviceName: p.serviceName ?? null,
    deploymentId: p.deploymentId ?? null,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    nextTransitionAt: ctx.now + (fargate ? TIMING.fargateProvision : awsvpc ? TIMING.eniAttach : 1),
    cpu: where.cpu,
    memory: where.memory,
    hostPorts: where.hostPorts,
    hostPortsUdp: where.hostPortsUdp,
    usesEni: where.usesEni,
    subnetId: where.subnetId,
    privateIpv4Address: where.usesEni ? `172.31.${(n >> 8) % 250}.${(n % 250) + 4}` : null,
    containers: p.td.containerDefinitions.map((cd) => {
      const c: Task['containers'][number] = {
        containerArn: ctx.arn('ecs', `container/${clusterName}/${id}/${ctx.uuid()}`),
        name: cd.name,
        image: cd.image,
        lastStatus: 'PENDING',
        essential: cd.essential,
        cpu: cd.cpu,
        networkBindings: [],
        healthStatus: 'UNKNOWN',
      };
      if (cd.memory !== undefined) c.memory = cd.memory;
      if (cd.memoryReservation !== undefined) c.memoryReservation = cd.memoryReservation;
      return c;
    }),
    createdAt: ctx.now,
    failedToStart: false,
    healthStatus: 'UNKNOWN',
    version: 1,
    tags: p.tags ?? [],
  };
  if (p.startedBy !== undefined) task.startedBy = p.startedBy;
  if (p.loadBalancers?.length) task.loadBalancers = p.loadBalancers;
  if (p.capacityProviderName !== undefined) task.capacityProviderName = p.capacityProviderName;
  if (waiting) task.nextTransitionAt = null;
  ctx.put('tasks', taskArn, task);
  if (!waiting) placedEvent(ctx, task, clusterName, where);
  return task;
}

/** Picks Fargate subnets: spread across the zones of the given subnets (fewest tasks of the group). */
export function placeOnFargate(ctx: Ctx, p: LaunchParams, subnets: string[], count: number): Task[] {
  const open = subnets
    .map((s) => ({ subnetId: s, zone: zoneOfSubnet(ctx.region, s) ?? '' }))
    .filter((s) => s.zone && !ctx.s.impairedZones[s.zone]);
  const perZone = new Map<string, number>();
  for (const t of ctx.s.tasks.values()) {
    if (t.clusterArn === p.cluster.clusterArn && t.group === p.group && t.desiredStatus !== 'STOPPED') {
      perZone.set(t.availabilityZone, (perZone.get(t.availabilityZone) ?? 0) + 1);
    }
  }
  const out: Task[] = [];
  for (let i = 0; i < count && open.length > 0; i++) {
    const min = Math.min(...open.map((s) => perZone.get(s.zone) ?? 0));
    const best = open.filter((s) => (perZone.get(s.zone) ?? 0) === min);
    const pick = best[ctx.randomInt(best.length)] as (typeof open)[number];
    out.push(launchOnFargate(ctx, p, pick.subnetId, pick.zone));
    perZone.set(pick.zone, min + 1);
  }
  return out;
}

/** Places `count` tasks with the steward; returns the tasks made and the failure if some did not fit. */
export function placeOnInstances(
  ctx: Ctx,
  p: LaunchParams,
  strategies: PlacementStrategy[],
  constraints: PlacementConstraint[],
  count: number,
  only?: (c: Candidate) => boolean,
): { tasks: Task[]; failure: PlacementFailure | null } {
  const all = candidatesOf(ctx, p.cluster);
  const cands = only ? all.filter(only) : all;
  const req = placementRequest(p.td, p.group, strategies, constraints);
  const outcome = placeTasks(cands, req, count, () => ctx.random(), { trace: cands.length <= TRACE_LIMIT });
  const tasks = outcome.placed.map((i, k) =>
    launchOnInstance(ctx, p, cands[i] as Candidate, outcome.traces[k]),
  );
  return { tasks, failure: outcome.failure };
}
