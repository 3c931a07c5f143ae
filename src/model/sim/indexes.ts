/**
 * The model's derived indexes (see record-index.ts for how they are kept and why they are not in
 * state), and the questions the hot paths ask them. Each answer lists entities in the record's order.
 *
 * - tasks by container instance: the tasks not STOPPED on an instance (bound host ports, what a
 *   placement candidate holds), so a task's start costs the same whatever the world's size;
 * - tasks by service: the live tasks of each service (the scheduler's one list per service);
 * - tasks and instances with a timer: what the per-second lifecycles must look at (nothing, in a
 *   steady world);
 * - container instances by cluster: the placement candidates.
 */
import { type GroupOf, RecordIndex } from './record-index.ts';
import type { ContainerInstance, Ec2Instance, SimState, Task } from './types.ts';

/** The collections that carry indexes (Ctx tells them about every write). */
export type IndexedCollection = 'tasks' | 'instances' | 'containerInstances';

const TIMER = 'timer';

/** Live tasks by service, as the service scheduler counts them (orphans of a forced deregistration do not count). */
export function serviceKey(clusterArn: string, serviceName: string): string {
  return `${clusterArn}|${serviceName}`;
}

const TASK_GROUPS: Record<string, GroupOf<Task>> = {
  byInstance: (t) =>
    t.lastStatus !== 'STOPPED' && t.containerInstanceArn !== null ? t.containerInstanceArn : null,
  byService: (t) =>
    t.serviceName === null ||
    t.desiredStatus === 'STOPPED' ||
    (t.launchType === 'EC2' && t.containerInstanceArn === null)
      ? null
      : serviceKey(t.clusterArn, t.serviceName),
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

const DEFS: Record<IndexedCollection, Record<string, GroupOf<never>>> = {
  tasks: TASK_GROUPS,
  instances: INSTANCE_GROUPS,
  containerInstances: CONTAINER_INSTANCE_GROUPS,
};

type Indexes = Map<string, RecordIndex<unknown>>;
const cache = new WeakMap<object, Indexes>();

function indexOf<E>(coll: IndexedCollection, record: Record<string, E>, name: string): RecordIndex<E> {
  let all = cache.get(record);
  if (!all) {
    all = new Map();
    cache.set(record, all);
  }
  let idx = all.get(name) as RecordIndex<E> | undefined;
  if (!idx) {
    idx = RecordIndex.build(record, DEFS[coll][name] as GroupOf<E>);
    all.set(name, idx as RecordIndex<unknown>);
  }
  return idx;
}

/** Ctx copied `from` into `to` before writing it: `to` starts with clones of `from`'s indexes. */
export function indexesCopied(from: object, to: object): void {
  const all = cache.get(from);
  if (!all) return;
  const mine: Indexes = new Map();
  for (const [name, idx] of all) mine.set(name, idx.clone());
  cache.set(to, mine);
}

/** Ctx wrote `key` of `record` (already holding `after`; undefined: removed). */
export function indexesWritten(record: object, key: string, before: unknown, after: unknown): void {
  const all = cache.get(record);
  if (!all) return;
  for (const idx of all.values()) idx.update(key, before, after);
}

function entities<E>(record: Record<string, E>, keys: ReadonlySet<string>): E[] {
  const out: E[] = [];
  for (const k of keys) {
    const e = record[k];
    if (e !== undefined) out.push(e);
  }
  return out;
}

/** Tasks not STOPPED on a container instance. */
export function tasksOnInstance(s: SimState, containerInstanceArn: string): Task[] {
  return entities(s.tasks, indexOf('tasks', s.tasks, 'byInstance').keysOf(containerInstanceArn));
}

/** Live tasks of a service (desiredStatus not STOPPED, not orphaned). */
export function liveTasksOfServiceKey(s: SimState, key: string): Task[] {
  return entities(s.tasks, indexOf('tasks', s.tasks, 'byService').keysOf(key));
}

/** Tasks whose lifecycle has a timer (nextTransitionAt set, or STOPPED and waiting to be forgotten). */
export function tasksWithTimers(s: SimState): Task[] {
  return entities(s.tasks, indexOf('tasks', s.tasks, TIMER).keysOf(TIMER));
}

/** Instances whose state timer or agent registration is set. */
export function instancesWithTimers(s: SimState): Ec2Instance[] {
  return entities(s.instances, indexOf('instances', s.instances, TIMER).keysOf(TIMER));
}

/** Container instances of a cluster (every status). */
export function containerInstancesOf(s: SimState, clusterArn: string): ContainerInstance[] {
  return entities(
    s.containerInstances,
    indexOf('containerInstances', s.containerInstances, 'byCluster').keysOf(clusterArn),
  );
}

/** Every index of the state rebuilt from scratch, as group -> keys (for the property test). */
export function indexSnapshot(s: SimState, fresh: boolean): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const coll of Object.keys(DEFS) as IndexedCollection[]) {
    const record = s[coll] as Record<string, unknown>;
    for (const name of Object.keys(DEFS[coll])) {
      const idx = fresh
        ? RecordIndex.build(record, DEFS[coll][name] as GroupOf<unknown>)
        : indexOf(coll, record, name);
      const groups: Record<string, string[]> = {};
      for (const g of idx.groupNames().sort()) groups[g] = [...idx.keysOf(g)];
      out[`${coll}.${name}`] = groups;
    }
  }
  return out;
}
