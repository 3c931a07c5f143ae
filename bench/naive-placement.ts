/**
 * The naive reference for the placement benchmark: the straightforward way to place tasks, with no
 * bookkeeping carried from one task to the next.
 *
 * For every task it scans every instance: checks status, agent, CPU, memory, host ports, ENIs and
 * distinctInstance; computes each strategy's score (binpack: the remaining cpu or memory; spread: the
 * task count of the group on the candidate's field value, recomputed for this task by scanning every
 * instance's group counts for that value, once per distinct value per task); and keeps the
 * lexicographic minimum, breaking the final tie with the seeded `random`. A `random` strategy ends the
 * decisive strategies (the tie-break does its job). memberOf is not supported (it throws).
 *
 * It shares only the Candidate/PlacementRequest types with src/model/placement.ts.
 */
import type { Candidate, PlacementRequest } from '../src/model/ecs/placement.ts';

function spreadValueOf(c: Candidate, field: string): string {
  if (field === 'instanceId' || field === 'host') return c.containerInstanceArn;
  if (field.startsWith('attribute:')) return c.attributes[field.slice('attribute:'.length)] ?? '';
  return '';
}

function fits(c: Candidate, req: PlacementRequest, distinct: boolean): boolean {
  if (c.status !== 'ACTIVE' || !c.agentConnected) return false;
  if (c.remainingCpu < req.cpu || c.remainingMemory < req.memory) return false;
  for (const p of req.hostPorts) if (c.usedPorts.includes(p)) return false;
  for (const p of req.hostPortsUdp) if (c.usedPortsUdp.includes(p)) return false;
  if (req.usesEni && c.usedEnis >= c.maxEnis - 1) return false;
  if (distinct && (c.groups[req.group] ?? 0) > 0) return false;
  return true;
}

/** Places up to `count` tasks; returns the candidate index of each placed task, in order. */
export function naivePlaceTasks(
  input: Candidate[],
  req: PlacementRequest,
  count: number,
  random: () => number,
): number[] {
  const cands = input.map((c) => ({ ...c, groups: { ...c.groups } }));
  let distinct = false;
  for (const k of req.constraints) {
    if (k.type === 'distinctInstance') distinct = true;
    else throw new Error('naivePlaceTasks: memberOf is not supported by the reference');
  }
  const randomAt = req.strategies.findIndex((s) => s.type === 'random');
  const strategies = randomAt === -1 ? req.strategies : req.strategies.slice(0, randomAt);
  const placed: number[] = [];

  for (let t = 0; t < count; t++) {
    // Spread counts for this task: value -> tasks of the group, each value found by a full scan.
    const spreadCache: Map<string, number>[] = strategies.map(() => new Map());
    const spreadCount = (k: number, field: string, value: string): number => {
      const cache = spreadCache[k] as Map<string, number>;
      let n = cache.get(value);
      if (n === undefined) {
        n = 0;
        for (const o of cands) if (spreadValueOf(o, field) === value) n += o.groups[req.group] ?? 0;
        cache.set(value, n);
      }
      return n;
    };

    let best: number[] | null = null;
    let tied: number[] = [];
    for (let i = 0; i < cands.length; i++) {
      const c = cands[i] as Candidate;
      if (!fits(c, req, distinct)) continue;
      const scores: number[] = [];
      for (let k = 0; k < strategies.length; k++) {
        const s = strategies[k];
        if (s === undefined) continue;
        if (s.type === 'binpack') scores.push(s.field === 'cpu' ? c.remainingCpu : c.remainingMemory);
        else if (s.type === 'spread') {
          const field = s.field ?? 'instanceId';
          scores.push(spreadCount(k, field, spreadValueOf(c, field)));
        }
      }
      let cmp = 0;
      if (best !== null) {
        for (let k = 0; k < scores.length && cmp === 0; k++)
          cmp = (scores[k] as number) - (best[k] as number);
      }
      if (best === null || cmp < 0) {
        best = scores;
        tied = [i];
      } else if (cmp === 0) tied.push(i);
    }
    if (tied.length === 0) break;
    const pick = tied[Math.floor(random() * tied.length)] as number;
    const c = cands[pick] as Candidate;
    c.remainingCpu -= req.cpu;
    c.remainingMemory -= req.memory;
    if (req.hostPorts.length) c.usedPorts = c.usedPorts.concat(req.hostPorts);
    if (req.hostPortsUdp.length) c.usedPortsUdp = c.usedPortsUdp.concat(req.hostPortsUdp);
    if (req.usesEni) c.usedEnis += 1;
    c.runningTasksCount += 1;
    c.groups[req.group] = (c.groups[req.group] ?? 0) + 1;
    placed.push(pick);
  }
  return placed;
}
