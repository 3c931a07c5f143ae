/**
 * Reading placement strategies and constraints from a request, and building the steward's candidates from the
 * state. Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html
 * (at most 5 strategies; binpack fields cpu|memory; spread on instanceId, host or an attribute; random
 * without field), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html
 * (distinctInstance takes no expression; memberOf needs one; at most 10 constraints counting the task
 * definition's).
 */
import { instanceTypeInfo } from '../ec2/catalog.ts';
import type { Ctx } from '../sim/ctx.ts';
import { invalidParameter } from '../sim/errors.ts';
import { containerInstancesOf, tasksOnInstance } from '../sim/indexes.ts';
import type {
  Cluster,
  ContainerInstance,
  PlacementConstraint,
  PlacementStrategy,
  Task,
  TaskDefinition,
} from '../sim/types.ts';
import { taskRequirements } from './ecs-task-definitions.ts';
import type { Candidate, PlacementRequest } from './placement.ts';
import { parseQuery } from './query-language.ts';

export function readStrategies(v: unknown): PlacementStrategy[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw invalidParameter('placementStrategy must be a list.');
  if (v.length > 5) throw invalidParameter('The number of placement strategies exceeds the limit of 5.');
  return v.map((raw) => {
    const o = (raw ?? {}) as Record<string, unknown>;
    const type = o.type;
    const field = typeof o.field === 'string' ? o.field : undefined;
    if (type === 'random') {
      if (field !== undefined) throw invalidParameter('The random placement strategy does not take a field.');
      return { type };
    }
    if (type === 'binpack') {
      const f = field?.toLowerCase();
      if (f !== 'cpu' && f !== 'memory') {
        throw invalidParameter(
          `Invalid placement strategy field '${field ?? ''}' for binpack. Valid values are cpu and memory.`,
        );
      }
      return { type, field: f };
    }
    if (type === 'spread') {
      if (!field) throw invalidParameter('The spread placement strategy requires a field.');
      const ok =
        field === 'instanceId' || field === 'host' || /^attribute:[A-Za-z0-9\-_/.]{1,128}$/.test(field);
      if (!ok) throw invalidParameter(`Invalid placement strategy field '${field}' for spread.`);
      return { type, field };
    }
    throw invalidParameter(
      `Invalid placement strategy type '${String(type)}'. Valid values are random, spread and binpack.`,
    );
  });
}

export function readConstraints(v: unknown, fromTaskDefinition = 0): PlacementConstraint[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw invalidParameter('placementConstraints must be a list.');
  if (v.length + fromTaskDefinition > 10) {
    throw invalidParameter(
      'The number of placement constraints exceeds the limit of 10, including those in the task definition.',
    );
  }
  return v.map((raw) => {
    const o = (raw ?? {}) as Record<string, unknown>;
    const expression = typeof o.expression === 'string' ? o.expression : undefined;
    if (o.type === 'distinctInstance') {
      if (expression !== undefined && expression !== '') {
        throw invalidParameter('The distinctInstance placement constraint does not take an expression.');
      }
      return { type: 'distinctInstance' };
    }
    if (o.type === 'memberOf') {
      if (!expression) throw invalidParameter('The memberOf placement constraint requires an expression.');
      const parsed = parseQuery(expression);
      if ('error' in parsed)
        throw invalidParameter(`Invalid placement constraint expression: ${parsed.error}`);
      return { type: 'memberOf', expression };
    }
    throw invalidParameter(
      `Invalid placement constraint type '${String(o.type)}'. Valid values are distinctInstance and memberOf.`,
    );
  });
}

export function placementRequest(
  td: TaskDefinition,
  group: string,
  strategies: PlacementStrategy[],
  constraints: PlacementConstraint[],
): PlacementRequest {
  const needs = taskRequirements(td);
  return {
    group,
    cpu: needs.cpu,
    memory: needs.memory,
    hostPorts: needs.hostPorts,
    hostPortsUdp: needs.hostPortsUdp,
    usesEni: needs.usesEni,
    strategies,
    constraints: [...td.placementConstraints, ...constraints],
  };
}

/**
 * A container instance as the steward sees it, cached per container instance object together with
 * the task objects it was built from: entities are replaced, never edited, so the same objects mean
 * the same candidate. The steward copies candidates before reserving (placement.ts) and every other
 * caller only reads them, so one call's candidates can be the next call's. Most instances do not
 * change between two calls; rebuilding all of them was most of a RunTask's cost at 5,000 instances.
 */
const candidates = new WeakMap<ContainerInstance, { tasks: Task[]; candidate: Candidate }>();

function sameTasks(a: Task[], b: Task[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function candidateOf(ctx: Ctx, ci: ContainerInstance): Candidate {
  const on = tasksOnInstance(ctx.s, ci.containerInstanceArn);
  const tasks = on.length ? on.filter((t) => t.clusterArn === ci.clusterArn) : on;
  const cached = candidates.get(ci);
  if (cached && sameTasks(cached.tasks, tasks)) return cached.candidate;
  const inst = ctx.s.instances.get(ci.ec2InstanceId);
  const c: Candidate = {
    containerInstanceArn: ci.containerInstanceArn,
    ec2InstanceId: ci.ec2InstanceId,
    availabilityZone: ci.attributes['ecs.availability-zone'] ?? '',
    status: ci.status,
    agentConnected: ci.agentConnected,
    agentVersion: ci.agentVersion,
    registeredAt: ci.registeredAt,
    attributes: ci.attributes,
    remainingCpu: ci.remainingCpu,
    remainingMemory: ci.remainingMemory,
    // The agent's reserved ports count as used
    // (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerInstance.html: they are in
    // remainingResources PORTS).
    usedPorts: [...ci.reservedPorts, ...ci.usedPorts],
    usedPortsUdp: ci.usedPortsUdp,
    usedEnis: ci.usedEnis,
    maxEnis: instanceTypeInfo(inst?.instanceType ?? '')?.maxEnis ?? 2,
    runningTasksCount: 0,
    groups: {},
  };
  for (const t of tasks) {
    if (t.desiredStatus === 'RUNNING') c.runningTasksCount += 1;
    // Ports Docker bound dynamically are busy too: a static mapping cannot take them.
    for (const k of t.containers)
      for (const b of k.networkBindings) if (!t.hostPorts.includes(b.hostPort)) c.usedPorts.push(b.hostPort);
    if (t.desiredStatus !== 'STOPPED') c.groups[t.group] = (c.groups[t.group] ?? 0) + 1;
  }
  candidates.set(ci, { tasks, candidate: c });
  return c;
}

/**
 * Every registered (not INACTIVE) container instance of the cluster, as the steward sees it. Visits
 * the cluster's instances and the tasks on each (sim/indexes.ts), never the whole world. Read only:
 * the candidates are shared between calls.
 */
export function candidatesOf(ctx: Ctx, cluster: Cluster): readonly Candidate[] {
  const out: Candidate[] = [];
  for (const ci of containerInstancesOf(ctx.s, cluster.clusterArn))
    if (ci.status !== 'INACTIVE') out.push(candidateOf(ctx, ci));
  return out;
}
