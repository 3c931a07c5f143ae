/**
 * A hash map with structural sharing: its keys are spread over a fixed number of small shards (plain
 * `Map`s, by a hash of the key's tail), and a new version copies only the shards it writes. A version
 * is written only by the call that made it: writers pass the set of objects their call owns
 * (`owned`), and a shard or a version not in it is copied before it is written, never edited. Old
 * versions therefore stay valid (undo, the view's change detection).
 *
 * Iteration order is the shards' order, not insertion order: SharedRecord (shared-record.ts) keeps the
 * record's order itself and uses this only to find a key's slot; the indexes use it for their groups.
 */

/** Shards per map: a 5,000-key map copies about 40 keys per written shard. */
const SHARDS = 128;
const EMPTY: ReadonlyMap<string, never> = new Map<string, never>();

/**
 * The shard of a key: a hash of its length and its last three characters. ARNs and ids end in their
 * random hex part, so the tail spreads them; a longer hash costs more than the lookup it serves (every
 * read of the big records goes through here).
 */
export function shardOf(key: string): number {
  const n = key.length;
  const h = n * 961 + key.charCodeAt(n - 1) + key.charCodeAt(n - 2) * 7 + key.charCodeAt(n - 3) * 59;
  return (h ^ (h >>> 7)) & (SHARDS - 1);
}

export class ShardedMap<V> {
  private constructor(
    private readonly shards: ReadonlyMap<string, V>[],
    private count: number,
  ) {}

  static empty<V>(): ShardedMap<V> {
    return new ShardedMap<V>(new Array(SHARDS).fill(EMPTY), 0);
  }

  /** A new version of `base` that `owned`'s call may write (it shares every shard until written). */
  static edit<V>(base: ShardedMap<V>, owned: Set<object>): ShardedMap<V> {
    const m = new ShardedMap<V>(base.shards.slice(), base.count);
    owned.add(m);
    return m;
  }

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    return (this.shards[shardOf(key)] as ReadonlyMap<string, V>).get(key);
  }

  has(key: string): boolean {
    return (this.shards[shardOf(key)] as ReadonlyMap<string, V>).has(key);
  }

  set(owned: Set<object>, key: string, value: V): void {
    const shard = this.writable(owned, shardOf(key));
    if (!shard.has(key)) this.count++;
    shard.set(key, value);
  }

  delete(owned: Set<object>, key: string): void {
    const at = shardOf(key);
    if (!(this.shards[at] as ReadonlyMap<string, V>).has(key)) return;
    this.writable(owned, at).delete(key);
    this.count--;
  }

  /** Every entry, shard by shard. */
  *entries(): IterableIterator<[string, V]> {
    for (const shard of this.shards) yield* shard;
  }

  private writable(owned: Set<object>, at: number): Map<string, V> {
    if (!owned.has(this)) throw new Error('ShardedMap: this version belongs to another call');
    const shard = this.shards[at] as Map<string, V>;
    if (owned.has(shard)) return shard;
    const mine = new Map(shard);
    owned.add(mine);
    this.shards[at] = mine;
    return mine;
  }
}
