/**
 * Derived indexes over the state's big records (tasks, instances, container instances), so that the
 * hot paths (a task's start, the placement candidates, the per-second lifecycles, the scheduler)
 * visit only the entities that concern them instead of the whole world.
 *
 * Why here and not in state: the state stays exactly the JSON it was (no new members, nothing for a
 * save, a share link or AWS-shaped reads to carry), and an index can never disagree with a saved
 * world because it is derived from it. An index is cached per record object in a WeakMap (pure and
 * invisible to JSON; it dies with its record). Ctx keeps it up to date: when a call first copies a
 * record it clones the old record's index for the copy, and every put or remove updates the clone.
 * A record seen for the first time (a loaded save, a JSON round trip) gets its index built once.
 *
 * Order: a group lists its keys in the record's own order (insertion order, which a JSON round trip
 * keeps), so code that walks a group behaves exactly as code that walked the whole record and
 * skipped what did not belong. Each key gets an ordinal (its position in the record); a group
 * appended in ordinal order stays sorted, any other insertion marks it for one sort on the next read.
 */

/** Which group of an index an entity belongs to (null: none). */
export type GroupOf<E> = (entity: E) => string | null;

interface Group {
  keys: Set<string>;
  /** Highest ordinal in `keys` (to tell an append from an insertion). */
  last: number;
  sorted: boolean;
}

export class RecordIndex<E> {
  private constructor(
    private readonly groupOf: GroupOf<E>,
    private readonly ordinals: Map<string, number>,
    private nextOrdinal: number,
    private readonly groups: Map<string, Group>,
    /** Groups this index owns (the others are shared with the index it was cloned from). */
    private readonly owned: Set<Group>,
  ) {}

  static build<E>(record: Record<string, E>, groupOf: GroupOf<E>): RecordIndex<E> {
    const idx = new RecordIndex(groupOf, new Map(), 0, new Map(), new Set());
    for (const key in record) idx.update(key, undefined, record[key]);
    return idx;
  }

  /** A copy for a new record; groups are shared until written (copy on write). */
  clone(): RecordIndex<E> {
    return new RecordIndex(
      this.groupOf,
      new Map(this.ordinals),
      this.nextOrdinal,
      new Map(this.groups),
      new Set(),
    );
  }

  /** Follows one write of the record: `before` and `after` are the entity before and after (undefined: absent). */
  update(key: string, before: E | undefined, after: E | undefined): void {
    if (after === undefined) this.ordinals.delete(key);
    else if (before === undefined) this.ordinals.set(key, this.nextOrdinal++);
    const from = before === undefined ? null : this.groupOf(before);
    const to = after === undefined ? null : this.groupOf(after);
    if (from === to) return;
    if (from !== null) this.writable(from).keys.delete(key);
    if (to !== null) {
      const g = this.writable(to);
      const ord = this.ordinals.get(key) ?? 0;
      if (ord < g.last) g.sorted = false;
      else g.last = ord;
      g.keys.add(key);
    }
  }

  /** The keys of a group, in the record's order. */
  keysOf(group: string): ReadonlySet<string> {
    const g = this.groups.get(group);
    if (!g) return EMPTY;
    if (!g.sorted) {
      const w = this.writable(group);
      const ord = (k: string): number => this.ordinals.get(k) ?? 0;
      const keys = [...w.keys].sort((a, b) => ord(a) - ord(b));
      w.keys = new Set(keys);
      w.sorted = true;
      return w.keys;
    }
    return g.keys;
  }

  /** Every non-empty group's name. */
  groupNames(): string[] {
    const out: string[] = [];
    for (const [name, g] of this.groups) if (g.keys.size) out.push(name);
    return out;
  }

  private writable(group: string): Group {
    const g = this.groups.get(group);
    if (g && this.owned.has(g)) return g;
    const mine: Group = g
      ? { keys: new Set(g.keys), last: g.last, sorted: g.sorted }
      : { keys: new Set(), last: -1, sorted: true };
    this.groups.set(group, mine);
    this.owned.add(mine);
    return mine;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
