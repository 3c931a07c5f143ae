/**
 * The working copy a step or an advance writes to. The input state is never mutated: the draft is
 * a shallow copy whose collections are copied on first write (the big ones, shared-record.ts, copy
 * only the parts a call writes), and entities are replaced, not edited. Old states therefore stay
 * valid (undo, replay and the view's change detection rely on it).
 */
import { copyForWrite, indexesWritten } from './indexes.ts';
import { nextRng } from './prng.ts';
import { own, setOwn } from './records.ts';
import type { SharedRecord } from './shared-record.ts';
import { adoptJson } from './state-json.ts';
import type {
  Cluster,
  ContainerInstance,
  Ec2Instance,
  Service,
  SimEvent,
  SimEventData,
  SimEventType,
  SimState,
  Slice,
  Task,
  TaskDefinition,
} from './types.ts';

interface Entities {
  instances: Ec2Instance;
  clusters: Cluster;
  containerInstances: ContainerInstance;
  taskDefinitions: TaskDefinition;
  tasks: Task;
  services: Service;
}
type Collection = keyof Entities;
type EntityOf<C extends Collection> = Entities[C];
/** The collections kept as shared records; the others are small plain records. */
const SHARED: ReadonlySet<Collection> = new Set(['instances', 'containerInstances', 'tasks', 'services']);

export class Ctx {
  readonly s: SimState;
  readonly events: SimEvent[] = [];
  private readonly copied = new Set<string>();
  /** The parts of shared records this call made and may write (shared-record.ts). */
  private readonly owned = new Set<object>();
  /** Whether anything was written: a call that wrote nothing hands back the very state it got. */
  dirty = false;

  constructor(
    base: SimState,
    /** The region a call is addressed to. */
    public region: string,
  ) {
    this.s = { ...adoptJson(base) };
  }

  get now(): number {
    return this.s.now;
  }

  /** An entity of a collection, whichever kind of record holds it. */
  get<C extends Collection>(coll: C, key: string): EntityOf<C> | undefined {
    const record = this.s[coll];
    return (
      SHARED.has(coll)
        ? (record as SharedRecord<EntityOf<C>>).get(key)
        : own(record as Record<string, EntityOf<C>>, key)
    ) as EntityOf<C> | undefined;
  }

  put<C extends Collection>(coll: C, key: string, entity: EntityOf<C>): EntityOf<C> {
    this.dirty = true;
    if (SHARED.has(coll)) {
      const record = this.writableShared(coll);
      const before = record.get(key);
      record.set(this.owned, key, entity);
      indexesWritten(record, key, before, entity);
    } else setOwn(this.writable(coll), key, entity);
    return entity;
  }

  /** Replace an entity with a copy carrying the given changes. */
  patch<C extends Collection>(coll: C, key: string, changes: Partial<EntityOf<C>>): EntityOf<C> {
    const cur = this.get(coll, key);
    if (!cur) throw new Error(`no ${coll} ${key}`);
    return this.put(coll, key, { ...cur, ...changes } as EntityOf<C>);
  }

  remove(coll: Collection, key: string): void {
    this.dirty = true;
    if (SHARED.has(coll)) {
      const record = this.writableShared(coll);
      const before = record.get(key);
      record.delete(this.owned, key);
      indexesWritten(record, key, before, undefined);
    } else delete this.writable(coll)[key];
  }

  setMap<K extends 'impairedZones' | 'imageBehaviors' | 'healthCheckFaults' | 'zoneLaunches'>(
    coll: K,
    key: string,
    value: SimState[K][string] | null,
  ): void {
    this.dirty = true;
    if (!this.copied.has(coll)) {
      (this.s as unknown as Record<string, unknown>)[coll] = { ...this.s[coll] };
      this.copied.add(coll);
    }
    const m = this.s[coll] as Record<string, unknown>;
    if (value === null) delete m[key];
    else setOwn(m, key, value);
  }

  /**
   * Writes an entity into a collection inside a slice (state.elb.targetGroups, state.lambda.functions...).
   * The slice and the collection are copied on first write, like the top-level collections.
   */
  putIn<S extends Slice, K extends keyof SimState[S]>(
    slice: S,
    coll: K,
    key: string,
    entity: SimState[S][K] extends Record<string, infer E> ? E : never,
  ): typeof entity {
    setOwn(this.writableIn(slice, coll), key, entity);
    return entity;
  }

  /** Replaces an entity inside a slice with a copy carrying the given changes. */
  patchIn<S extends Slice, K extends keyof SimState[S]>(
    slice: S,
    coll: K,
    key: string,
    changes: Partial<SimState[S][K] extends Record<string, infer E> ? E : never>,
  ): SimState[S][K] extends Record<string, infer E> ? E : never {
    const cur = (this.s[slice][coll] as Record<string, unknown>)[key];
    if (!cur) throw new Error(`no ${slice}.${String(coll)} ${key}`);
    const next = { ...(cur as object), ...changes } as SimState[S][K] extends Record<string, infer E>
      ? E
      : never;
    setOwn(this.writableIn(slice, coll), key, next);
    return next;
  }

  removeIn<S extends Slice>(slice: S, coll: keyof SimState[S], key: string): void {
    delete this.writableIn(slice, coll)[key];
  }

  /** Replaces a non-record member of a slice (an array such as cloudwatch.history). */
  setIn<S extends Slice, K extends keyof SimState[S]>(slice: S, member: K, value: SimState[S][K]): void {
    this.dirty = true;
    if (!this.copied.has(slice)) {
      (this.s as unknown as Record<string, unknown>)[slice] = { ...this.s[slice] };
      this.copied.add(slice);
    }
    (this.s[slice] as SimState[S])[member] = value;
    this.copied.add(`${slice}.${String(member)}`);
  }

  private writableIn<S extends Slice>(slice: S, coll: keyof SimState[S]): Record<string, unknown> {
    this.dirty = true;
    if (!this.copied.has(slice)) {
      (this.s as unknown as Record<string, unknown>)[slice] = { ...this.s[slice] };
      this.copied.add(slice);
    }
    const id = `${slice}.${String(coll)}`;
    const sl = this.s[slice] as unknown as Record<string, Record<string, unknown>>;
    if (!this.copied.has(id)) {
      sl[coll as string] = { ...sl[coll as string] };
      this.copied.add(id);
    }
    return sl[coll as string] as Record<string, unknown>;
  }

  private writable<C extends Collection>(coll: C): Record<string, EntityOf<C>> {
    if (!this.copied.has(coll)) {
      (this.s as unknown as Record<string, unknown>)[coll] = { ...(this.s[coll] as object) };
      this.copied.add(coll);
    }
    return this.s[coll] as unknown as Record<string, EntityOf<C>>;
  }

  private writableShared<C extends Collection>(coll: C): SharedRecord<EntityOf<C>> {
    if (!this.copied.has(coll)) {
      (this.s as unknown as Record<string, unknown>)[coll] = copyForWrite(
        coll,
        this.s[coll] as unknown as SharedRecord<EntityOf<C>>,
        this.owned,
      );
      this.copied.add(coll);
    }
    return this.s[coll] as unknown as SharedRecord<EntityOf<C>>;
  }

  emit<K extends SimEventType>(type: K, data: SimEventData<K>, region: string = this.region): void {
    this.dirty = true;
    this.events.push({ seq: this.s.nextEventSeq++, time: this.s.now, type, region, data } as SimEvent);
  }

  /** A uniform draw in [0, 1). */
  random(): number {
    const [u, next] = nextRng(this.s.rng);
    this.s.rng = next;
    this.dirty = true;
    return u / 4294967296;
  }

  /** A uniform integer in [0, n). */
  randomInt(n: number): number {
    return Math.floor(this.random() * n);
  }

  /** A fresh deterministic number for ids. */
  serial(): number {
    this.dirty = true;
    return this.s.nextId++;
  }

  /** A deterministic lowercase hex id of the given length, from the PRNG. */
  hex(digits: number): string {
    let out = '';
    while (out.length < digits) {
      const [u, next] = nextRng(this.s.rng);
      this.s.rng = next;
      this.dirty = true;
      out += u.toString(16).padStart(8, '0');
    }
    return out.slice(0, digits);
  }

  /** A UUID-shaped id (ECS event ids and deployment ids look like this). */
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  arn(service: string, resource: string, region: string = this.region): string {
    return `arn:aws:${service}:${region}:${this.s.accountId}:${resource}`;
  }
}
