/**
 * The state's big collections (tasks, container instances, instances, services): a record keyed by ARN
 * or id with structural sharing, so a call that writes ten tasks copies ten tasks' worth of the
 * structure, not the 5,000 others (copying the whole record on a call's first write was a third of a
 * RunTask at 5,000 instances).
 *
 * It reads like the record it replaces: `get(key)`, `has(key)`, `values()`, `keys()`, `entries()`,
 * `size`, in the record's order (insertion order; a key written again keeps its place, a key deleted
 * and added again goes last), and `JSON.stringify` writes exactly the object the plain record was
 * (`toJSON`), so saves, share links, hashes and AWS-shaped reads see no difference. `fromJson` turns
 * a plain record back into one (a state that went through JSON).
 *
 * Inside: entities sit in fixed-size chunks by ordinal (their place in the record's order), and a
 * sharded hash map (sharded-map.ts) finds a key's ordinal. A version is written only by the call
 * that made it: writers pass the set of objects their call owns, and a chunk or shard not in it is
 * copied before it is written. A deleted key leaves a hole; when holes outnumber the entries the
 * chunks are rebuilt (renumbered in order), which costs one pass per as many deletions.
 */
import { setOwn } from './records.ts';
import { ShardedMap } from './sharded-map.ts';

const BITS = 5;
const CHUNK = 1 << BITS;
const MASK = CHUNK - 1;

interface Chunk<E> {
  keys: (string | undefined)[];
  vals: (E | undefined)[];
}

export class SharedRecord<E> {
  private constructor(
    private chunks: Chunk<E>[],
    private slots: ShardedMap<number>,
    private count: number,
    private next: number,
  ) {}

  static empty<E>(): SharedRecord<E> {
    return new SharedRecord<E>([], ShardedMap.empty(), 0, 0);
  }

  /** A record built from a plain one (in its order). */
  static fromJson<E>(plain: Readonly<Record<string, E>>): SharedRecord<E> {
    const owned = new Set<object>();
    const r = SharedRecord.edit(SharedRecord.empty<E>(), owned);
    for (const key in plain) if (Object.hasOwn(plain, key)) r.set(owned, key, plain[key] as E);
    return r;
  }

  /** A new version of `base` that the call owning `owned` may write (it shares everything until written). */
  static edit<E>(base: SharedRecord<E>, owned: Set<object>): SharedRecord<E> {
    const r = new SharedRecord<E>(
      base.chunks.slice(),
      ShardedMap.edit(base.slots, owned),
      base.count,
      base.next,
    );
    owned.add(r);
    return r;
  }

  get size(): number {
    return this.count;
  }

  get(key: string): E | undefined {
    const at = this.slots.get(key);
    return at === undefined ? undefined : (this.chunks[at >> BITS] as Chunk<E>).vals[at & MASK];
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  /** A key's place in the record's order (comparable between keys of this version only). */
  ordinalOf(key: string): number | undefined {
    return this.slots.get(key);
  }

  values(): E[] {
    const out: E[] = [];
    for (const c of this.chunks)
      for (let i = 0; i < CHUNK; i++) if (c.keys[i] !== undefined) out.push(c.vals[i] as E);
    return out;
  }

  keys(): string[] {
    const out: string[] = [];
    for (const c of this.chunks)
      for (let i = 0; i < CHUNK; i++) {
        const k = c.keys[i];
        if (k !== undefined) out.push(k);
      }
    return out;
  }

  entries(): [string, E][] {
    const out: [string, E][] = [];
    for (const c of this.chunks)
      for (let i = 0; i < CHUNK; i++) {
        const k = c.keys[i];
        if (k !== undefined) out.push([k, c.vals[i] as E]);
      }
    return out;
  }

  /** The plain record it stands for (what JSON.stringify writes). */
  toJSON(): Record<string, E> {
    const out: Record<string, E> = {};
    for (const c of this.chunks)
      for (let i = 0; i < CHUNK; i++) {
        const k = c.keys[i];
        if (k !== undefined) setOwn(out, k, c.vals[i] as E);
      }
    return out;
  }

  /** Writes `key` (a version made by `edit` with the same `owned`). */
  set(owned: Set<object>, key: string, value: E): void {
    if (!owned.has(this)) throw new Error('SharedRecord: this version belongs to another call');
    let at = this.slots.get(key);
    if (at === undefined) {
      at = this.next++;
      this.slots.set(owned, key, at);
      this.count++;
    }
    const c = this.writableChunk(owned, at >> BITS);
    c.keys[at & MASK] = key;
    c.vals[at & MASK] = value;
  }

  delete(owned: Set<object>, key: string): void {
    if (!owned.has(this)) throw new Error('SharedRecord: this version belongs to another call');
    const at = this.slots.get(key);
    if (at === undefined) return;
    this.slots.delete(owned, key);
    this.count--;
    const c = this.writableChunk(owned, at >> BITS);
    c.keys[at & MASK] = undefined;
    c.vals[at & MASK] = undefined;
    if (this.next - this.count > Math.max(this.count, CHUNK * 2)) this.compact(owned);
  }

  private writableChunk(owned: Set<object>, n: number): Chunk<E> {
    const c = this.chunks[n];
    if (c && owned.has(c)) return c;
    const mine: Chunk<E> = c
      ? { keys: c.keys.slice(), vals: c.vals.slice() }
      : { keys: new Array(CHUNK).fill(undefined), vals: new Array(CHUNK).fill(undefined) };
    owned.add(mine);
    this.chunks[n] = mine;
    return mine;
  }

  /** Renumbers the entries in order without holes. */
  private compact(owned: Set<object>): void {
    const entries = this.entries();
    this.chunks = [];
    this.slots = ShardedMap.edit(ShardedMap.empty<number>(), owned);
    this.count = 0;
    this.next = 0;
    for (const [k, v] of entries) this.set(owned, k, v);
  }
}
