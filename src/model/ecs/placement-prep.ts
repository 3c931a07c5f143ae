/**
 * The steward's first pass over the candidates (placement.ts): each candidate's rejection, the task
 * counts per spread value, and the feasible candidates per value of the first spread, kept between
 * calls. A candidate list that ecs-placement-input.ts derived from the last one by replacing a few
 * candidates gets the last list's pass patched at those candidates instead of a new pass over all of
 * them, so a RunTask of ten tasks at 5,000 instances pays for the instances that changed since the
 * last call. The patched pass is exactly the one a fresh pass makes (the property test in
 * test/property/shared-records.test.ts compares worlds built with and without it): same rejections,
 * same counts, same feasible lists in the same order.
 */
import type { Candidate, CompiledConstraints, PlacementRequest, Rejection } from './placement.ts';

export interface Prep {
  rejection: (Rejection | null)[];
  /** Per strategy: for a spread, the group's task count per field value (else empty). */
  counts: Map<string, number>[];
  /** With a spread first: the feasible candidates' indices per value, lists in order of their first index. */
  feasibleLists: Map<string, number[]>;
  /** Without: every feasible candidate's index. */
  allFeasible: number[];
}

type Reader = ((c: Candidate) => string) | null;
type RejectionOf = (c: Candidate, req: PlacementRequest, compiled: CompiledConstraints) => Rejection | null;

/** The passes made over a candidate list, by request. */
const preps = new WeakMap<readonly Candidate[], Map<string, Prep>>();
/** A list made from another by replacing candidates: the other's passes, and the candidates replaced. */
const derived = new WeakMap<
  readonly Candidate[],
  { fromPreps: Map<string, Prep>; replaced: ReadonlyMap<number, Candidate> }
>();

function prepsOf(list: readonly Candidate[]): Map<string, Prep> {
  let m = preps.get(list);
  if (!m) {
    m = new Map();
    preps.set(list, m);
  }
  return m;
}

/** `list` is `from` with the candidates at the keys of `replaced` (their old values) replaced. */
export function noteDerived(
  list: readonly Candidate[],
  from: readonly Candidate[],
  replaced: ReadonlyMap<number, Candidate>,
): void {
  derived.set(list, { fromPreps: prepsOf(from), replaced });
}

/** The first pass made afresh: as it is for traced placements (they explain every candidate anyway), kept by the carried path. */
export function prepareFresh(
  cands: readonly Candidate[],
  req: PlacementRequest,
  compiled: CompiledConstraints,
  readers: readonly Reader[],
  rejectionOf: RejectionOf,
): Prep {
  const n = cands.length;
  const counts = readers.map(() => new Map<string, number>());
  const firstReader = readers[0] ?? null;
  const feasibleLists = new Map<string, number[]>();
  const allFeasible: number[] = [];
  const rejection: (Rejection | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = cands[i] as Candidate;
    const r = rejectionOf(c, req, compiled);
    rejection[i] = r;
    const inGroup = c.groups[req.group] ?? 0;
    for (let k = 0; k < readers.length; k++) {
      const read = readers[k];
      if (!read) continue;
      const m = counts[k] as Map<string, number>;
      const v = read(c);
      m.set(v, (m.get(v) ?? 0) + inGroup);
    }
    if (r !== null) continue;
    if (firstReader === null) {
      allFeasible.push(i);
      continue;
    }
    const v = firstReader(c);
    const list = feasibleLists.get(v);
    if (list) list.push(i);
    else feasibleLists.set(v, [i]);
  }
  return { rejection, counts, feasibleLists, allFeasible };
}

/** Index of the first element of a sorted list not below `x`. */
function lowerBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function patch(
  base: Prep,
  cands: readonly Candidate[],
  replaced: ReadonlyMap<number, Candidate>,
  req: PlacementRequest,
  compiled: CompiledConstraints,
  readers: readonly Reader[],
  rejectionOf: RejectionOf,
): Prep {
  const rejection = base.rejection.slice();
  const counts = base.counts.map((m, k) => (readers[k] ? new Map(m) : m));
  const firstReader = readers[0] ?? null;
  const feasibleLists = new Map(base.feasibleLists);
  let allFeasible = base.allFeasible;
  const copied = new Set<number[]>();
  let reorder = false;
  const listFor = (v: string | null): number[] => {
    if (v === null) {
      if (!copied.has(allFeasible)) {
        allFeasible = allFeasible.slice();
        copied.add(allFeasible);
      }
      return allFeasible;
    }
    const cur = feasibleLists.get(v);
    if (cur && copied.has(cur)) return cur;
    const mine = cur ? cur.slice() : [];
    if (!cur || cur.length === 0) reorder = true;
    copied.add(mine);
    feasibleLists.set(v, mine);
    return mine;
  };
  for (const [i, old] of replaced) {
    const c = cands[i] as Candidate;
    const oldIn = old.groups[req.group] ?? 0;
    const newIn = c.groups[req.group] ?? 0;
    for (let k = 0; k < readers.length; k++) {
      const read = readers[k];
      if (!read) continue;
      const m = counts[k] as Map<string, number>;
      const was = read(old);
      m.set(was, (m.get(was) ?? 0) - oldIn);
      const is = read(c);
      m.set(is, (m.get(is) ?? 0) + newIn);
    }
    if (rejection[i] === null) {
      const list = listFor(firstReader ? firstReader(old) : null);
      const at = lowerBound(list, i);
      if (list[at] === i) list.splice(at, 1);
      if (at === 0 && firstReader) reorder = true;
    }
    const r = rejectionOf(c, req, compiled);
    rejection[i] = r;
    if (r === null) {
      const list = listFor(firstReader ? firstReader(c) : null);
      const at = lowerBound(list, i);
      list.splice(at, 0, i);
      if (at === 0) reorder = true;
    }
  }
  // As a fresh pass: a value with a task count of zero stays (every candidate's value is counted),
  // but the feasible lists hold non-empty lists only, in order of their first index.
  const lists = reorder
    ? new Map(
        [...feasibleLists]
          .filter(([, l]) => l.length > 0)
          .sort(([, a], [, b]) => (a[0] as number) - (b[0] as number)),
      )
    : feasibleLists;
  return { rejection, counts, feasibleLists: lists, allFeasible };
}

/**
 * The first pass over `cands` for `req`, as a working copy placement may edit: its maps are its own,
 * its arrays (the rejections and the feasible lists) must be copied before they are edited.
 */
export function prepare(
  cands: readonly Candidate[],
  req: PlacementRequest,
  compiled: CompiledConstraints,
  readers: readonly Reader[],
  rejectionOf: RejectionOf,
): Prep {
  const key = JSON.stringify(req);
  const mine = prepsOf(cands);
  let p = mine.get(key);
  if (!p) {
    const d = derived.get(cands);
    const base = d?.fromPreps.get(key);
    p =
      d && base
        ? patch(base, cands, d.replaced, req, compiled, readers, rejectionOf)
        : prepareFresh(cands, req, compiled, readers, rejectionOf);
    mine.set(key, p);
  }
  return {
    rejection: p.rejection,
    counts: p.counts.map((m) => new Map(m)),
    feasibleLists: new Map(p.feasibleLists),
    allFeasible: p.allFeasible,
  };
}
