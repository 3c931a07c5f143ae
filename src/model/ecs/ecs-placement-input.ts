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
import {
  containerInstancesOf,
  tasksOnInstance,
  type VersionMark,
  versionMark,
  writesSince,
} from '../sim/indexes.ts';
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
import { noteDerived } from './placement-prep.ts';
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

/** A cluster's candidates as last built, and the versions of the records they were built from. */
interface Built {
  containerInstances: VersionMark;
  tasks: VersionMark;
  list: readonly Candidate[];
  /** Where each container instance's candidate is in `list`. */
  at: ReadonlyMap<string, number>;
}
const built = new Map<string, Built>();

function buildAll(ctx: Ctx, cluster: Cluster): Built {
  const list: Candidate[] = [];
  const at = new Map<string, number>();
  for (const ci of containerInstancesOf(ctx.s, cluster.clusterArn))
    if (ci.status !== 'INACTIVE') {
      at.set(ci.containerInstanceArn, list.length);
      list.push(candidateOf(ctx, ci));
    }
  return {
    containerInstances: versionMark(ctx.s.containerInstances),
    tasks: versionMark(ctx.s.tasks),
    list,
    at,
  };
}

/**
 * The last build brought up to date by the writes made since (sim/indexes.ts keeps them): only the
 * candidates of the instances written, or holding a task that was written, are made again. Null when
 * the records do not follow from the last build, or a write changed which instances are candidates.
 */
function patched(ctx: Ctx, cluster: Cluster, last: Built): Built | null {
  const ciWrites = writesSince(ctx.s.containerInstances, last.containerInstances);
  const taskWrites = writesSince(ctx.s.tasks, last.tasks);
  if (ciWrites === null || taskWrites === null) return null;
  const touched = new Set<string>();
  for (const { key, before } of ciWrites) {
    const was = before as ContainerInstance | undefined;
    const now = ctx.s.containerInstances.get(key);
    const wasIn = was !== undefined && was.clusterArn === cluster.clusterArn && was.status !== 'INACTIVE';
    const isIn = now !== undefined && now.clusterArn === cluster.clusterArn && now.status !== 'INACTIVE';
    if (wasIn !== isIn) return null;
    if (isIn) touched.add(key);
  }
  for (const { key, before } of taskWrites) {
    const was = before as Task | undefined;
    const now = ctx.s.tasks.get(key);
    if (was?.containerInstanceArn) touched.add(was.containerInstanceArn);
    if (now?.containerInstanceArn) touched.add(now.containerInstanceArn);
  }
  // Copied when the first candidate changes (a call that wrote no instance of the cluster shares it).
  let list: Candidate[] | null = null;
  const replaced = new Map<number, Candidate>();
  for (const arn of touched) {
    const i = last.at.get(arn);
    const ci = ctx.s.containerInstances.get(arn);
    if (i === undefined || !ci) continue;
    const c = candidateOf(ctx, ci);
    if (c !== last.list[i]) {
      list ??= last.list.slice();
      replaced.set(i, last.list[i] as Candidate);
      list[i] = c;
    }
  }
  if (list) noteDerived(list, last.list, replaced);
  return {
    containerInstances: versionMark(ctx.s.containerInstances),
    tasks: versionMark(ctx.s.tasks),
    list: list ?? last.list,
    at: last.at,
  };
}

/**
 * Every registered (not INACTIVE) container instance of the cluster, as the steward sees it, in the
 * record's order. Built once from the cluster's instances and the tasks on each (sim/indexes.ts), then
 * brought up to date by the writes each call makes, so a call pays for what changed since the last
 * one, not for the cluster's size. Read only: the candidates are shared between calls.
 */
export function candidatesOf(ctx: Ctx, cluster: Cluster): readonly Candidate[] {
  const last = built.get(cluster.clusterArn);
  const next = (last && patched(ctx, cluster, last)) ?? buildAll(ctx, cluster);
  built.set(cluster.clusterArn, next);
  return next.list;
}

/** The candidates built from scratch, bypassing the last build (for the property test). */
export function candidatesFromScratch(ctx: Ctx, cluster: Cluster): readonly Candidate[] {
  return buildAll(ctx, cluster).list;
}
