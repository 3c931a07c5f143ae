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

import type { SharedRecord } from './shared-record.ts';
import { ShardedMap } from './sharded-map.ts';

/** Which group of an index an entity belongs to (null: none). */
export type GroupOf<E> = (entity: E) => string | null;

interface Group {
  keys: Set<string>;
  /** Highest ordinal in `keys` (to tell an append from an insertion). */
  last: number;
  sorted: boolean;
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
      if (from !== null) this.writable(name, from).keys.delete(key);
      if (to !== null) {
        const g = this.writable(name, to);
        const ord = this.record.ordinalOf(key) ?? 0;
        if (ord < g.last) g.sorted = false;
        else g.last = ord;
        g.keys.add(key);
      }
    }
  }

  /** The keys of a group, in the record's order. */
  keysOf(name: string, group: string): ReadonlySet<string> {
    const g = this.groups.get(name)?.get(group);
    if (!g) return EMPTY;
    if (g.sorted) return g.keys;
    const w = this.writable(name, group);
    const ord = (k: string): number => this.record.ordinalOf(k) ?? 0;
    w.keys = new Set([...w.keys].sort((a, b) => ord(a) - ord(b)));
    w.sorted = true;
    return w.keys;
  }

  /** The names of a grouping's non-empty groups. */
  groupNames(name: string): string[] {
    const out: string[] = [];
    for (const [group, g] of this.groups.get(name)?.entries() ?? []) if (g.keys.size) out.push(group);
    return out;
  }

  private writable(name: string, group: string): Group {
    const byGroup = this.groups.get(name) as ShardedMap<Group>;
    const g = byGroup.get(group);
    if (g && this.owned.has(g)) return g;
    const mine: Group = g
      ? { keys: new Set(g.keys), last: g.last, sorted: g.sorted }
      : { keys: new Set(), last: -1, sorted: true };
    byGroup.set(this.owned, group, mine);
    this.owned.add(mine);
    return mine;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
