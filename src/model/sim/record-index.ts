/**
 * Derived indexes over the state's big records (tasks, instances, container instances), so that the
 * hot paths (a task's start, the placement candidates, the per-second lifecycles, the scheduler)
 * visit only the entities that concern them instead of the whole world.
 *
 * Why here and not in state: the state stays exactly the JSON it was (no new members, nothing for a
 * save, a share link or AWS-shaped reads to carry), and an index can never disagree with a saved
 * world because it is derived from it. An index is cached per record object in a WeakMap (pure and
 * invisible to JSON; it dies with its record). Ctx keeps it up to date: when a call first writes a
 * record it makes a new version of it (shared-record.ts) with a clone of the old version's index, and
 * every put or remove updates the clone. A clone shares its groups with the index it came from until
 * it writes them (group maps are sharded, sharded-map.ts), so it costs what the call touches.
 * A record seen for the first time (a loaded save, a JSON round trip) gets its index built once.
 *
 * Order: a group lists its keys in the record's own order (insertion order, which a JSON round trip
 * keeps), so code that walks a group behaves exactly as code that walked the whole record and
 * skipped what did not belong. The record gives each key an ordinal (its place in the record); a
 * group appended in ordinal order stays sorted, any other insertion marks it for one sort on the next
 * read.
 */

import { ShardedMap } from './sharded-map.ts';
import { SharedRecord } from './shared-record.ts';

/** Which group of an index an entity belongs to (null: none). */
export type GroupOf<E> = (entity: E) => string | null;

/**
 * A group's keys: a Set while small; past BIG keys a shared record (key -> ordinal, shared-record.ts),
 * so that a call adding ten tasks to a group of thousands (the tasks with a timer, during a burst)
 * copies a few chunks of it, not the whole group.
 */
interface Group {
  small: Set<string> | null;
  big: SharedRecord<number> | null;
  /** Highest ordinal in the group (to tell an append from an insertion). */
  last: number;
  sorted: boolean;
}
const BIG = 256;

function sizeOf(g: Group): number {
  return g.small ? g.small.size : (g.big as SharedRecord<number>).size;
}

/** One record version's index: for each named grouping, its groups. */
export class RecordIndex<E> {
  private constructor(
    private readonly record: SharedRecord<E>,
    private readonly groupings: Readonly<Record<string, GroupOf<E>>>,
    private readonly groups: Map<string, ShardedMap<Group>>,
    /** The group maps and groups this index owns (the others are shared with the index it was cloned from). */
    private readonly owned: Set<object>,
  ) {}

  static build<E>(record: SharedRecord<E>, groupings: Readonly<Record<string, GroupOf<E>>>): RecordIndex<E> {
    const owned = new Set<object>();
    const groups = new Map(
      Object.keys(groupings).map((name) => [name, ShardedMap.edit(ShardedMap.empty<Group>(), owned)]),
    );
    const idx = new RecordIndex(record, groupings, groups, owned);
    for (const [key, e] of record.entries()) idx.update(key, undefined, e);
    return idx;
  }

  /** The index of a new version of the record; groups are shared until written (copy on write). */
  clone(record: SharedRecord<E>): RecordIndex<E> {
    const owned = new Set<object>();
    const groups = new Map<string, ShardedMap<Group>>();
    for (const [name, g] of this.groups) groups.set(name, ShardedMap.edit(g, owned));
    return new RecordIndex(record, this.groupings, groups, owned);
  }

  /** Follows one write of the record: `before` and `after` are the entity before and after (undefined: absent). */
  update(key: string, before: E | undefined, after: E | undefined): void {
    for (const name in this.groupings) {
      const groupOf = this.groupings[name] as GroupOf<E>;
      const from = before === undefined ? null : groupOf(before);
      const to = after === undefined ? null : groupOf(after);
      if (from === to) continue;
      if (from !== null) {
        const g = this.writable(name, from);
        if (g.small) g.small.delete(key);
        else g.big?.delete(this.owned, key);
      }
      if (to !== null) {
        const g = this.writable(name, to);
        const ord = this.record.ordinalOf(key) ?? 0;
        if (ord < g.last) g.sorted = false;
        else g.last = ord;
        if (g.big) g.big.set(this.owned, key, ord);
        else {
          const small = g.small as Set<string>;
          small.add(key);
          if (small.size > BIG) {
            const big = SharedRecord.edit(SharedRecord.empty<number>(), this.owned);
            for (const k of small) big.set(this.owned, k, this.record.ordinalOf(k) ?? 0);
            g.small = null;
            g.big = big;
          }
        }
      }
    }
  }

  /** The keys of a group, in the record's order. */
  keysOf(name: string, group: string): Iterable<string> {
    const g = this.groups.get(name)?.get(group);
    if (!g || sizeOf(g) === 0) return EMPTY;
    if (!g.sorted) {
      const w = this.writable(name, group);
      const ord = (k: string): number => this.record.ordinalOf(k) ?? 0;
      const keys = [...(w.small ?? (w.big as SharedRecord<number>).keys())].sort((a, b) => ord(a) - ord(b));
      if (w.small) w.small = new Set(keys);
      else {
        const big = SharedRecord.edit(SharedRecord.empty<number>(), this.owned);
        for (const k of keys) big.set(this.owned, k, ord(k));
        w.big = big;
      }
      w.sorted = true;
      return w.small ?? keys;
    }
    return g.small ?? (g.big as SharedRecord<number>).keys();
  }

  /** The names of a grouping's non-empty groups. */
  groupNames(name: string): string[] {
    const out: string[] = [];
    for (const [group, g] of this.groups.get(name)?.entries() ?? []) if (sizeOf(g)) out.push(group);
    return out;
  }

  private writable(name: string, group: string): Group {
    const byGroup = this.groups.get(name) as ShardedMap<Group>;
    const g = byGroup.get(group);
    if (g && this.owned.has(g)) return g;
    const mine: Group = g
      ? {
          small: g.small ? new Set(g.small) : null,
          big: g.big ? SharedRecord.edit(g.big, this.owned) : null,
          last: g.last,
          sorted: g.sorted,
        }
      : { small: new Set(), big: null, last: -1, sorted: true };
    byGroup.set(this.owned, group, mine);
    this.owned.add(mine);
    return mine;
  }
}

const EMPTY: readonly string[] = [];
