/**
 * The model's derived indexes (see record-index.ts for how they are kept and why they are not in
 * state), and the questions the hot paths ask them. Each answer lists entities in the record's order.
 *
 * - tasks by container instance: the tasks not STOPPED on an instance (bound host ports, what a
 *   placement candidate holds), so a task's start costs the same whatever the world's size;
 * - tasks by service: the live tasks of each service (the scheduler's one list per service), and
 *   those whose desiredStatus is RUNNING (DescribeServices' counts);
 * - tasks and instances with a timer: what the per-second lifecycles must look at (nothing, in a
 *   steady world);
 * - container instances by cluster: the placement candidates.
 */

import { type GroupOf, RecordIndex } from './record-index.ts';
import { SharedRecord } from './shared-record.ts';
import type { ContainerInstance, Ec2Instance, SimState, Task } from './types.ts';

/** The collections that carry indexes (Ctx tells them about every write). */
export type IndexedCollection = 'tasks' | 'instances' | 'containerInstances';

const TIMER = 'timer';

/** Live tasks by service, as the service scheduler counts them (orphans of a forced deregistration do not count). */
export function serviceKey(clusterArn: string, serviceName: string): string {
  return `${clusterArn}|${serviceName}`;
}

/** A task of an Auto Scaling group capacity provider waiting in PROVISIONING for an instance: still live. */
const awaitingCapacity = (t: Task): boolean =>
  t.capacityProviderName !== undefined && t.lastStatus === 'PROVISIONING';

const TASK_GROUPS: Record<string, GroupOf<Task>> = {
  byInstance: (t) =>
    t.lastStatus !== 'STOPPED' && t.containerInstanceArn !== null ? t.containerInstanceArn : null,
  byService: (t) =>
    t.serviceName === null ||
    t.desiredStatus === 'STOPPED' ||
    (t.launchType === 'EC2' && t.containerInstanceArn === null && !awaitingCapacity(t))
      ? null
      : serviceKey(t.clusterArn, t.serviceName),
  // DescribeServices counts a service's tasks whose desiredStatus is RUNNING (orphans included).
  desiredRunningByService: (t) =>
    t.serviceName !== null && t.desiredStatus === 'RUNNING' ? serviceKey(t.clusterArn, t.serviceName) : null,
  // tickTasks acts on a task when its next transition is due, and removes a STOPPED one after an hour.
  timer: (t) => (t.lastStatus === 'STOPPED' || t.nextTransitionAt !== null ? TIMER : null),
};
const INSTANCE_GROUPS: Record<string, GroupOf<Ec2Instance>> = {
  // tickInstances acts on an instance when its state timer or its agent's registration is due.
  timer: (i) => (i.stateUntil !== null || i.agentRegisterAt !== null ? TIMER : null),
};
const CONTAINER_INSTANCE_GROUPS: Record<string, GroupOf<ContainerInstance>> = {
  byCluster: (ci) => ci.clusterArn,
};

const GROUPINGS: Record<IndexedCollection, Readonly<Record<string, GroupOf<never>>>> = {
  tasks: TASK_GROUPS,
  instances: INSTANCE_GROUPS,
  containerInstances: CONTAINER_INSTANCE_GROUPS,
};

const cache = new WeakMap<object, RecordIndex<unknown>>();

/** The index of one of the state's indexed records, built on first use. */
function indexOf<E>(coll: IndexedCollection, record: SharedRecord<E>): RecordIndex<E> {
  let idx = cache.get(record) as RecordIndex<E> | undefined;
  if (!idx) {
    idx = RecordIndex.build(record, GROUPINGS[coll] as Record<string, GroupOf<E>>);
    cache.set(record, idx as RecordIndex<unknown>);
  }
  return idx;
}

/**
 * Each version of a big record knows the version it was made from and the writes made to it since
 * (each key with its entity before the write), so a view derived from one version (the placement
 * candidates, ecs-placement-input.ts) can be brought up to date by replaying those writes instead of
 * being rebuilt. Versions are numbered here, outside the state (a cache, like the indexes).
 */
interface Lineage {
  id: number;
  /** The version it was made from (0: none known), and how many writes that one had then. */
  parent: number;
  parentWrites: number;
  writes: { key: string; before: unknown }[];
}
const lineage = new WeakMap<object, Lineage>();
let lastVersion = 0;

function lineageOf(record: object): Lineage {
  let l = lineage.get(record);
  if (!l) {
    l = { id: ++lastVersion, parent: 0, parentWrites: 0, writes: [] };
    lineage.set(record, l);
  }
  return l;
}

/** Where a version of a record stands: its number and how many writes it has had. */
export interface VersionMark {
  id: number;
  writes: number;
}

export function versionMark(record: object): VersionMark {
  const l = lineageOf(record);
  return { id: l.id, writes: l.writes.length };
}

/**
 * The writes that lead from the version marked `since` to `record` (each key with its entity before
 * the write, oldest first), or null when `record` does not follow directly from it.
 */
export function writesSince(
  record: object,
  since: VersionMark,
): readonly { key: string; before: unknown }[] | null {
  const l = lineageOf(record);
  if (l.id === since.id) return since.writes <= l.writes.length ? l.writes.slice(since.writes) : null;
  if (l.parent === since.id && l.parentWrites === since.writes) return l.writes;
  return null;
}

/**
 * Ctx is about to write one of the state's big records: a new version of it that the call owning
 * `owned` may write, sharing everything with the old one until written, with a clone of its index
 * when it carries one.
 */
export function copyForWrite<E>(coll: string, record: SharedRecord<E>, owned: Set<object>): SharedRecord<E> {
  const out = SharedRecord.edit(record, owned);
  const from = lineageOf(record);
  lineage.set(out, { id: ++lastVersion, parent: from.id, parentWrites: from.writes.length, writes: [] });
  if (coll in GROUPINGS)
    cache.set(out, indexOf(coll as IndexedCollection, record).clone(out) as RecordIndex<unknown>);
  return out;
}

/** Ctx wrote `key` of `record` (already holding `after`; undefined: removed). */
export function indexesWritten(record: object, key: string, before: unknown, after: unknown): void {
  cache.get(record)?.update(key, before, after);
  lineage.get(record)?.writes.push({ key, before });
}

function entities<E>(record: SharedRecord<E>, keys: Iterable<string>): E[] {
  const out: E[] = [];
  for (const k of keys) {
    const e = record.get(k);
    if (e !== undefined) out.push(e);
  }
  return out;
}

/** Tasks not STOPPED on a container instance. */
export function tasksOnInstance(s: SimState, containerInstanceArn: string): Task[] {
  return entities(s.tasks, indexOf('tasks', s.tasks).keysOf('byInstance', containerInstanceArn));
}

/** Live tasks of a service (desiredStatus not STOPPED, not orphaned). */
export function liveTasksOfServiceKey(s: SimState, key: string): Task[] {
  return entities(s.tasks, indexOf('tasks', s.tasks).keysOf('byService', key));
}

/** Tasks of a service whose desiredStatus is RUNNING (whatever their host). */
export function desiredRunningTasksOfServiceKey(s: SimState, key: string): Task[] {
  return entities(s.tasks, indexOf('tasks', s.tasks).keysOf('desiredRunningByService', key));
}

/** Tasks whose lifecycle has a timer (nextTransitionAt set, or STOPPED and waiting to be forgotten). */
export function tasksWithTimers(s: SimState): Task[] {
  return entities(s.tasks, indexOf('tasks', s.tasks).keysOf(TIMER, TIMER));
}

/** Instances whose state timer or agent registration is set. */
export function instancesWithTimers(s: SimState): Ec2Instance[] {
  return entities(s.instances, indexOf('instances', s.instances).keysOf(TIMER, TIMER));
}

/** Container instances of a cluster (every status). */
export function containerInstancesOf(s: SimState, clusterArn: string): ContainerInstance[] {
  return entities(
    s.containerInstances,
    indexOf('containerInstances', s.containerInstances).keysOf('byCluster', clusterArn),
  );
}

/**
 * Every index of the state as grouping -> group -> keys, plus each record's key order: the carried
 * indexes, or (fresh) indexes built from scratch. For the property test.
 */
export function indexSnapshot(s: SimState, fresh: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const coll of Object.keys(GROUPINGS) as IndexedCollection[]) {
    const record = s[coll] as SharedRecord<unknown>;
    const idx = fresh
      ? RecordIndex.build(record, GROUPINGS[coll] as Record<string, GroupOf<unknown>>)
      : indexOf(coll, record);
    out[`${coll}.keys`] = record.keys();
    for (const name of Object.keys(GROUPINGS[coll])) {
      const groups: Record<string, string[]> = {};
      for (const g of idx.groupNames(name).sort()) groups[g] = [...idx.keysOf(name, g)];
      out[`${coll}.${name}`] = groups;
    }
  }
  return out;
}
