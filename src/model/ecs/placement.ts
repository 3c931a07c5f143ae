/**
 * The royal steward: task placement for the EC2 launch type, as a pipeline that explains itself.
 *
 * Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html (order: resources
 * -> constraints -> strategies -> select; only ACTIVE,
 * agent-connected instances),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html (binpack: least
 * remaining of the field that still fits; spread: evenly across the field's values, counted per task group;
 * random; strategies are chained, each breaking the ties the previous one left),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html
 * (distinctInstance, memberOf),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html (failure reasons).
 * After the strategies, a seeded tie-break picks uniformly among the candidates still tied.
 *
 * Speed: feasibility is computed once per batch and then re-checked only for the instance that just
 * received a task (no other instance's resources, groups or attributes change). When the first
 * strategy is a spread, only the candidates of the least-loaded values are scanned.
 */

import type { PlacementConstraint, PlacementStrategy } from '../sim/types.ts';
import { prepare, prepareFresh } from './placement-prep.ts';
import { evaluateQuery, parseQuery, type QueryAst } from './query-language.ts';

export interface Candidate {
  containerInstanceArn: string;
  ec2InstanceId: string;
  availabilityZone: string;
  status: string;
  agentConnected: boolean;
  agentVersion: string;
  registeredAt: number;
  attributes: Record<string, string>;
  remainingCpu: number;
  remainingMemory: number;
  usedPorts: number[];
  usedPortsUdp: number[];
  usedEnis: number;
  maxEnis: number;
  runningTasksCount: number;
  /** Non-stopped tasks on the instance per task group. */
  groups: Record<string, number>;
}

export interface PlacementRequest {
  group: string;
  cpu: number;
  memory: number;
  hostPorts: number[];
  hostPortsUdp: number[];
  usesEni: boolean;
  strategies: PlacementStrategy[];
  constraints: PlacementConstraint[];
}

/** Why a candidate was set aside, in the order the filters run. */
export type Rejection =
  | 'AGENT'
  | 'INACTIVE'
  | 'CPU'
  | 'MEMORY'
  | 'PORTS'
  | 'ENI'
  | 'distinctInstance'
  | 'memberOf';

const STAGE: Record<Rejection, number> = {
  INACTIVE: 0,
  AGENT: 1,
  CPU: 2,
  MEMORY: 3,
  PORTS: 4,
  ENI: 5,
  distinctInstance: 6,
  memberOf: 7,
};

export interface CandidateTrace {
  containerInstanceArn: string;
  ec2InstanceId: string;
  availabilityZone: string;
  remainingCpu: number;
  remainingMemory: number;
  rejectedBy?: Rejection;
  /** With PORTS: the host ports the task needs that this instance already uses. */
  takenPorts?: number[];
  /** With memberOf: the expressions this instance does not satisfy. */
  failedExpressions?: string[];
  /** For each strategy in order, this candidate's score (lower wins) while it was still in the race. */
  scores?: number[];
  /** The strategy index at which it fell out of the race (a better score elsewhere). */
  lostAt?: number;
  chosen?: boolean;
}

export interface PlacementTrace {
  group: string;
  needs: { cpu: number; memory: number; hostPorts: number[] };
  strategies: PlacementStrategy[];
  constraints: PlacementConstraint[];
  candidates: CandidateTrace[];
  /** How many candidates were still tied when the seeded tie-break chose. */
  tiedAtEnd: number;
  chosen: string | null;
  /** For spread strategies: the task count per field value before this placement. */
  spreadCounts: Record<string, number>[];
}

/** The facts of one rejection, as the filter saw them: what was left, and what got in the way. */
export interface RejectionFacts {
  remainingCpu: number;
  remainingMemory: number;
  /** With PORTS: the host ports the task needs that this instance already uses. */
  takenPorts?: number[];
  /** With memberOf: the expressions this instance does not satisfy. */
  failedExpressions?: string[];
}

export interface PlacementFailure {
  /** What one task needed. */
  needs: { cpu: number; memory: number; hostPorts: number[] };
  /** The instance that got furthest through the filters, and why it failed. */
  closest: { containerInstanceArn: string; ec2InstanceId: string; reason: Rejection } | null;
  /** Every candidate with its rejection and its facts (RunTask reports these as failures). */
  rejected: ({ containerInstanceArn: string; reason: Rejection } & RejectionFacts)[];
}

export interface PlacementOutcome {
  /** Candidate index per placed task, in order. */
  placed: number[];
  traces: PlacementTrace[];
  failure: PlacementFailure | null;
}

export interface CompiledConstraints {
  distinct: boolean;
  queries: QueryAst[];
  /** The memberOf expressions, in the order of `queries`. */
  expressions: string[];
}

export function compileConstraints(constraints: PlacementConstraint[]): CompiledConstraints {
  const queries: QueryAst[] = [];
  const expressions: string[] = [];
  let distinct = false;
  for (const c of constraints) {
    if (c.type === 'distinctInstance') distinct = true;
    else if (c.expression !== undefined) {
      const parsed = parseQuery(c.expression);
      if ('ast' in parsed) {
        queries.push(parsed.ast);
        expressions.push(c.expression);
      }
    }
  }
  return { distinct, queries, expressions };
}

function groupNames(c: Candidate): string[] {
  return Object.keys(c.groups).filter((g) => (c.groups[g] ?? 0) > 0);
}

/** What a memberOf expression sees of a candidate (the cluster query language's subject). */
export function querySubject(c: Candidate) {
  return {
    attributes: c.attributes,
    agentConnected: c.agentConnected,
    agentVersion: c.agentVersion,
    ec2InstanceId: c.ec2InstanceId,
    registeredAt: c.registeredAt,
    runningTasksCount: c.runningTasksCount,
    taskGroups: groupNames(c),
  };
}

/** Runs the filters on one candidate: the first that rejects it, or null if it can take the task. */
export function rejectionOf(
  c: Candidate,
  req: PlacementRequest,
  compiled: CompiledConstraints,
): Rejection | null {
  if (c.status !== 'ACTIVE') return 'INACTIVE';
  if (!c.agentConnected) return 'AGENT';
  if (c.remainingCpu < req.cpu) return 'CPU';
  if (c.remainingMemory < req.memory) return 'MEMORY';
  for (const p of req.hostPorts) if (c.usedPorts.includes(p)) return 'PORTS';
  for (const p of req.hostPortsUdp) if (c.usedPortsUdp.includes(p)) return 'PORTS';
  if (req.usesEni && c.usedEnis >= c.maxEnis - 1) return 'ENI';
  if (compiled.distinct && (c.groups[req.group] ?? 0) > 0) return 'distinctInstance';
  if (compiled.queries.length) {
    const subject = querySubject(c);
    for (const q of compiled.queries) if (!evaluateQuery(q, subject)) return 'memberOf';
  }
  return null;
}

/**
 * The facts behind a rejection, as the filter saw them at this placement (the why cards are built
 * from these, never by looking at the world again later). Only traced or failed placements ask.
 */
export function rejectionFacts(
  c: Candidate,
  req: PlacementRequest,
  compiled: CompiledConstraints,
  r: Rejection,
): RejectionFacts {
  const facts: RejectionFacts = { remainingCpu: c.remainingCpu, remainingMemory: c.remainingMemory };
  if (r === 'PORTS') {
    const taken = req.hostPorts.filter((p) => c.usedPorts.includes(p));
    for (const p of req.hostPortsUdp) if (c.usedPortsUdp.includes(p) && !taken.includes(p)) taken.push(p);
    facts.takenPorts = taken;
  } else if (r === 'memberOf') {
    const subject = querySubject(c);
    facts.failedExpressions = compiled.expressions.filter((_, k) => {
      const q = compiled.queries[k];
      return q !== undefined && !evaluateQuery(q, subject);
    });
  }
  return facts;
}

/** The value of a spread field on a candidate. */
export function spreadValue(c: Candidate, field: string): string {
  return spreadReader(field)(c);
}

/** Reads a spread field's value off candidates (the field parsed once, not per candidate). */
export function spreadReader(field: string): (c: Candidate) => string {
  if (field === 'instanceId' || field === 'host') return (c) => c.containerInstanceArn;
  if (field.startsWith('attribute:')) {
    const name = field.slice('attribute:'.length);
    return (c) => c.attributes[name] ?? '';
  }
  return () => '';
}

function binpackScore(c: Candidate, field: string | undefined): number {
  return field === 'cpu' ? c.remainingCpu : c.remainingMemory;
}

/** Takes the task's resources from the candidate (a copy the batch made when it chose the candidate). */
function reserve(c: Candidate, req: PlacementRequest): void {
  c.remainingCpu -= req.cpu;
  c.remainingMemory -= req.memory;
  if (req.hostPorts.length) c.usedPorts = c.usedPorts.concat(req.hostPorts);
  if (req.hostPortsUdp.length) c.usedPortsUdp = c.usedPortsUdp.concat(req.hostPortsUdp);
  if (req.usesEni) c.usedEnis += 1;
  c.runningTasksCount += 1;
  c.groups = { ...c.groups, [req.group]: (c.groups[req.group] ?? 0) + 1 };
}

/**
 * Places up to `count` tasks. The input is never written: a candidate is copied when it is chosen (a
 * copy of every candidate per call was a third of a RunTask at 5,000 instances); the caller applies
 * the outcome to its state.
 * `random` returns a uniform draw in [0, 1) from the simulation's seeded PRNG.
 */
export function placeTasks(
  input: readonly Candidate[],
  req: PlacementRequest,
  count: number,
  random: () => number,
  options: { trace: boolean } = { trace: false },
): PlacementOutcome {
  const cands = input.slice();
  /** 1 where cands[i] is this batch's own copy (made when first chosen). */
  const own = new Uint8Array(input.length);
  const compiled = compileConstraints(req.constraints);
  const strategies = req.strategies;
  // The first pass over the candidates (placement-prep.ts, kept between calls): each one's
  // rejection, per spread strategy the group's task count per field value, and the feasible
  // candidates in index order, per value of the first strategy when it is a spread (values in order
  // of their first candidate), else one list; kept up to date below as instances fill up. The lists
  // are shared with the kept pass: copied before they are edited.
  const spreadFields = strategies.map((s) => (s.type === 'spread' ? (s.field ?? 'instanceId') : null));
  const readers = spreadFields.map((field) => (field === null ? null : spreadReader(field)));
  const firstField = spreadFields[0] ?? null;
  const firstReader = readers[0] ?? null;
  const prep = options.trace
    ? prepareFresh(input, req, compiled, readers, rejectionOf)
    : prepare(input, req, compiled, readers, rejectionOf);
  const { counts, feasibleLists } = prep;
  const allFeasible = prep.allFeasible;
  /** Shared with the kept pass until an instance fills up (copied then). */
  let rejection = prep.rejection;
  let ownRejection = false;

  const placed: number[] = [];
  const traces: PlacementTrace[] = [];
  /** Applies a placement: the chosen instance's resources and groups change, so do the spread counts of its values. */
  const commit = (pick: number): void => {
    let chosen = cands[pick] as Candidate;
    if (!own[pick]) {
      chosen = { ...chosen };
      cands[pick] = chosen;
      own[pick] = 1;
    }
    for (let k = 0; k < strategies.length; k++) {
      const read = readers[k];
      if (!read) continue;
      const v = read(chosen);
      (counts[k] as Map<string, number>).set(v, ((counts[k] as Map<string, number>).get(v) ?? 0) + 1);
    }
    reserve(chosen, req);
    placed.push(pick);
    const again = rejectionOf(chosen, req, compiled);
    if (again !== null) {
      if (!ownRejection) {
        rejection = rejection.slice();
        ownRejection = true;
      }
      rejection[pick] = again;
      const list = firstReader !== null ? (feasibleLists.get(firstReader(chosen)) as number[]) : allFeasible;
      list.splice(list.indexOf(pick), 1);
    }
  };
  const score = (i: number, k: number): number => {
    const s = strategies[k] as PlacementStrategy;
    const c = cands[i] as Candidate;
    if (s.type === 'binpack') return binpackScore(c, s.field);
    if (s.type === 'spread')
      return (counts[k] as Map<string, number>).get((readers[k] as (c: Candidate) => string)(c)) ?? 0;
    return 0;
  };
  const randomAt = strategies.findIndex((s) => s.type === 'random');
  const decisive = randomAt === -1 ? strategies.length : randomAt;
  const firstCounts = counts[0] as Map<string, number>;

  // Fast path (no trace, first strategy a spread): the lexicographic minimum is taken per value of the
  // first spread and the values' results merged in order, which gives the same tied list as scanning
  // their concatenation. A value's result stays valid until one of its instances receives a task, as
  // long as the later strategies score an instance by itself alone (binpack, spread on instanceId/host).
  const perValue = (list: number[]): { vec: number[]; tied: number[] } => {
    let tied = list;
    const vec: number[] = [];
    for (let k = 1; k < decisive; k++) {
      const s = strategies[k] as PlacementStrategy;
      let best = Number.POSITIVE_INFINITY;
      const next: number[] = [];
      const cpu = s.field === 'cpu';
      for (const i of tied) {
        const c = cands[i] as Candidate;
        const x = s.type === 'binpack' ? (cpu ? c.remainingCpu : c.remainingMemory) : score(i, k);
        if (x < best) {
          best = x;
          next.length = 0;
          next.push(i);
        } else if (x === best) next.push(i);
      }
      vec.push(best);
      tied = next;
    }
    return { vec, tied };
  };
  const fast = !options.trace && firstField !== null;
  const cacheable =
    fast &&
    strategies
      .slice(1, decisive)
      .every(
        (s) =>
          s.type === 'binpack' || (s.type === 'spread' && (s.field === 'instanceId' || s.field === 'host')),
      );
  const cache = new Map<string, { vec: number[]; tied: number[] }>();

  for (let t = 0; t < count; t++) {
    if (fast) {
      let min = Number.POSITIVE_INFINITY;
      for (const [v, list] of feasibleLists)
        if (list.length > 0) min = Math.min(min, firstCounts.get(v) ?? 0);
      let bestVec: number[] | null = null;
      let tiedLists: number[][] = [];
      for (const [v, list] of feasibleLists) {
        if (list.length === 0 || (firstCounts.get(v) ?? 0) !== min) continue;
        let r = cacheable ? cache.get(v) : undefined;
        if (r === undefined) {
          r = perValue(list);
          if (cacheable) cache.set(v, r);
        }
        let cmp = 0;
        if (bestVec !== null)
          for (let k = 0; k < r.vec.length && cmp === 0; k++)
            cmp = (r.vec[k] as number) - (bestVec[k] as number);
        if (bestVec === null || cmp < 0) {
          bestVec = r.vec;
          tiedLists = [r.tied];
        } else if (cmp === 0) tiedLists.push(r.tied);
      }
      if (bestVec === null) return { placed, traces, failure: failureOf(cands, req, compiled, rejection) };
      let total = 0;
      for (const l of tiedLists) total += l.length;
      let at = Math.floor(random() * total);
      let pick = -1;
      for (const l of tiedLists) {
        if (at < l.length) {
          pick = l[at] as number;
          break;
        }
        at -= l.length;
      }
      cache.delete((firstReader as (c: Candidate) => string)(cands[pick] as Candidate));
      commit(pick);
      continue;
    }
    // The pool: every feasible candidate, or only those in the least-loaded values of the first spread.
    // Read-only: it may be one of the live lists.
    let pool: number[];
    if (firstField !== null) {
      let min = Number.POSITIVE_INFINITY;
      let ties = 0;
      let only: number[] = [];
      for (const [v, list] of feasibleLists) {
        if (list.length === 0) continue;
        const m = firstCounts.get(v) ?? 0;
        if (m < min) {
          min = m;
          ties = 1;
          only = list;
        } else if (m === min) ties++;
      }
      if (ties <= 1) pool = only;
      else {
        pool = [];
        for (const [v, list] of feasibleLists)
          if (list.length > 0 && (firstCounts.get(v) ?? 0) === min) for (const i of list) pool.push(i);
      }
    } else pool = allFeasible;
    if (pool.length === 0) {
      return { placed, traces, failure: failureOf(cands, req, compiled, rejection) };
    }

    // Lexicographic minimum over the decisive strategies; ties carried forward.
    let tied = pool;
    const lostAt = options.trace ? new Map<number, number>() : null;
    for (let k = firstField !== null ? 1 : 0; k < decisive; k++) {
      const s = strategies[k] as PlacementStrategy;
      let best = Number.POSITIVE_INFINITY;
      const next: number[] = [];
      if (lostAt === null && s.type === 'binpack') {
        // One pass, no closure: the common binpack stage.
        const cpu = s.field === 'cpu';
        for (const i of tied) {
          const c = cands[i] as Candidate;
          const x = cpu ? c.remainingCpu : c.remainingMemory;
          if (x < best) {
            best = x;
            next.length = 0;
            next.push(i);
          } else if (x === best) next.push(i);
        }
      } else {
        for (const i of tied) best = Math.min(best, score(i, k));
        for (const i of tied) {
          if (score(i, k) === best) next.push(i);
          else lostAt?.set(i, k);
        }
      }
      tied = next;
    }
    const pick = tied[Math.floor(random() * tied.length)] as number;

    if (options.trace)
      traces.push(
        traceOf(
          cands,
          req,
          compiled,
          rejection,
          pool,
          lostAt as Map<number, number>,
          tied.length,
          pick,
          counts,
          spreadFields,
          score,
        ),
      );

    commit(pick);
  }
  return { placed, traces, failure: null };
}

function failureOf(
  cands: Candidate[],
  req: PlacementRequest,
  compiled: CompiledConstraints,
  rejection: (Rejection | null)[],
): PlacementFailure {
  let closest: PlacementFailure['closest'] = null;
  let bestStage = -1;
  const rejected: PlacementFailure['rejected'] = [];
  cands.forEach((c, i) => {
    const r = rejection[i];
    if (!r) return;
    rejected.push({
      containerInstanceArn: c.containerInstanceArn,
      reason: r,
      ...rejectionFacts(c, req, compiled, r),
    });
    if (STAGE[r] > bestStage) {
      bestStage = STAGE[r];
      closest = { containerInstanceArn: c.containerInstanceArn, ec2InstanceId: c.ec2InstanceId, reason: r };
    }
  });
  return { needs: { cpu: req.cpu, memory: req.memory, hostPorts: req.hostPorts }, closest, rejected };
}

function traceOf(
  cands: Candidate[],
  req: PlacementRequest,
  compiled: CompiledConstraints,
  rejection: (Rejection | null)[],
  pool: number[],
  lostAt: Map<number, number>,
  tiedAtEnd: number,
  pick: number,
  counts: Map<string, number>[],
  spreadFields: (string | null)[],
  score: (i: number, k: number) => number,
): PlacementTrace {
  const inPool = new Set(pool);
  const candidates: CandidateTrace[] = cands.map((c, i) => {
    const t: CandidateTrace = {
      containerInstanceArn: c.containerInstanceArn,
      ec2InstanceId: c.ec2InstanceId,
      availabilityZone: c.availabilityZone,
      remainingCpu: c.remainingCpu,
      remainingMemory: c.remainingMemory,
    };
    const r = rejection[i];
    if (r) {
      t.rejectedBy = r;
      const facts = rejectionFacts(c, req, compiled, r);
      if (facts.takenPorts) t.takenPorts = facts.takenPorts;
      if (facts.failedExpressions) t.failedExpressions = facts.failedExpressions;
    } else {
      t.scores = req.strategies.map((_, k) => score(i, k));
      if (!inPool.has(i)) t.lostAt = 0;
      else if (lostAt.has(i)) t.lostAt = lostAt.get(i) as number;
      if (i === pick) t.chosen = true;
    }
    return t;
  });
  return {
    group: req.group,
    needs: { cpu: req.cpu, memory: req.memory, hostPorts: req.hostPorts },
    strategies: req.strategies,
    constraints: req.constraints,
    candidates,
    tiedAtEnd,
    chosen: cands[pick]?.containerInstanceArn ?? null,
    spreadCounts: counts.map((m, k) => (spreadFields[k] === null ? {} : Object.fromEntries(m))),
  };
}
