/**
 * Why cards: the steward's placement decisions in plain words, built from the model's placement trace
 * (every candidate's rejection or scores, the spread counts, the final tie) and from placement
 * failures (a service's `service/placementFailed` event, RunTask's `failures`).
 *
 * Nozama mode tells it with territories, portals and granaries; AWS mode uses ECS's words (reason
 * codes, strategy syntax, instance ids); 'both' tells the story with the AWS names in brackets.
 * Sentences are short: a projector reads them from the back of the room.
 */

import type {
  CandidateTrace,
  PlacementFailure,
  PlacementStrategy,
  PlacementTrace,
  Rejection,
  SimState,
  TaskDefinition,
} from '../model/index.ts';
import { FAILURE_REASON, taskRequirements } from '../model/index.ts';
import { capitalize, type NameMode } from './lexicon.ts';
import {
  arnId,
  castleName,
  parsePlan,
  planName,
  shortInstanceId,
  territoryName,
  zoneCodeOf,
} from './names.ts';

export interface WhyCard {
  headline: string;
  reasons: string[];
}

/** Beyond this many rejected candidates, rejections are grouped by reason. */
const MAX_LISTED = 5;
/** Names listed in one grouped line before "and N more". */
const MAX_NAMES = 4;
const ZONE_FIELD = 'attribute:ecs.availability-zone';

/** The reason code ECS reports for a rejection (RunTask's failures[].reason). */
export function rejectionCode(r: Rejection): string {
  if (r === 'distinctInstance' || r === 'memberOf') return r;
  return FAILURE_REASON[r] ?? r;
}

const REJECTIONS = new Set<string>([
  'INACTIVE',
  'AGENT',
  'CPU',
  'MEMORY',
  'PORTS',
  'ENI',
  'distinctInstance',
  'memberOf',
]);

/** Reads a RunTask failure reason ("RESOURCE:MEMORY", "AGENT", ...) back into the steward's rejection. */
export function rejectionOfCode(code: string): Rejection | null {
  if (REJECTIONS.has(code)) return code as Rejection;
  for (const [r, text] of Object.entries(FAILURE_REASON)) if (text === code) return r as Rejection;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Naming inside sentences

/** A candidate in a sentence: "1b-2" (nozama), "i-0ab12c3d… (1b-2)" (aws), "1b-2 (i-0ab12c3d…)" (both). */
function who(sim: SimState, instanceId: string, mode: NameMode): string {
  const name = territoryName(sim, instanceId);
  const id = shortInstanceId(instanceId);
  if (mode === 'nozama' || name === id) return name;
  return mode === 'aws' ? `${id} (${name})` : `${name} (${id})`;
}

function instanceOfCastle(sim: SimState, containerInstanceArn: string): string | null {
  return sim.containerInstances.get(containerInstanceArn)?.ec2InstanceId ?? null;
}

/** Names a list, cut after MAX_NAMES: "1a-1, 1a-2, 1b-1 and 3 more". */
function nameList(names: string[]): string {
  if (names.length <= MAX_NAMES) return joinAnd(names);
  return `${names.slice(0, MAX_NAMES).join(', ')} and ${names.length - MAX_NAMES} more`;
}

/** Orders things by their territory name, numbers compared as numbers ("1a-2" before "1a-10"). */
function byTerritory<T>(sim: SimState, items: T[], instanceOf: (t: T) => string | null): T[] {
  const key = (t: T) => {
    const inst = instanceOf(t);
    return inst ? territoryName(sim, inst) : '';
  };
  return [...items].sort((a, b) => key(a).localeCompare(key(b), 'en', { numeric: true }));
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "decree mill" / "service mill" for a task group; "" when the group is a custom one. */
function groupSubject(group: string, mode: NameMode): string {
  if (group.startsWith('service:')) {
    const name = group.slice('service:'.length);
    return mode === 'aws'
      ? `service ${name}`
      : mode === 'both'
        ? `decree ${name} (service ${name})`
        : `decree ${name}`;
  }
  if (group.startsWith('family:')) {
    const family = group.slice('family:'.length);
    return mode === 'aws' ? `task family ${family}` : `plan ${family}`;
  }
  return mode === 'aws' ? `group ${group}` : `company ${group}`;
}

/** "for service mill", "of bakery", "of group blue" (AWS headlines). */
function awsTaskSubject(group: string): string {
  if (group.startsWith('service:')) return `for service ${group.slice('service:'.length)}`;
  if (group.startsWith('family:')) return `of ${group.slice('family:'.length)}`;
  return `of group ${group}`;
}

// ---------------------------------------------------------------------------------------------
// Rejections

interface RejectionFacts {
  reason: Rejection;
  containerInstanceArn: string;
  /** Remaining resources when the steward looked (the trace's numbers), else the current ones. */
  remainingCpu?: number | undefined;
  remainingMemory?: number | undefined;
  needs?: { cpu: number; memory: number; hostPorts: number[] } | undefined;
  group?: string | undefined;
  /** With PORTS: the ports the steward found taken (the model's trace or failure). */
  takenPorts?: number[] | undefined;
  /** With memberOf: the expressions the steward found unmet (the model's trace or failure). */
  failedExpressions?: string[] | undefined;
  /**
   * The rules asked for, named when the steward's own finding is not at hand (a RunTask response's
   * failures carry only AWS's reason codes).
   */
  constraints?: PlacementTrace['constraints'] | undefined;
}

/** Why one candidate was set aside, without its name: "not enough memory (512 MiB left, 1024 needed)". */
export function rejectionPhrase(
  sim: SimState,
  f: RejectionFacts,
  mode: NameMode,
  options: { numbers?: boolean } = {},
): string {
  const numbers = options.numbers !== false;
  const ci = sim.containerInstances.get(f.containerInstanceArn);
  const code = rejectionCode(f.reason);
  const aws = mode === 'aws';
  const tag = (text: string) => (mode === 'both' ? `${text} [${code}]` : text);
  switch (f.reason) {
    case 'INACTIVE': {
      const status = ci?.status ?? 'DRAINING';
      if (aws) return `INACTIVE — container instance is ${status}`;
      return tag(status === 'DRAINING' ? 'its castle is draining' : `its castle is ${status.toLowerCase()}`);
    }
    case 'AGENT':
      return aws
        ? 'AGENT — the container agent is disconnected'
        : tag("its castle's lord is silent (agent disconnected)");
    case 'CPU': {
      const left = f.remainingCpu ?? ci?.remainingCpu;
      const need = f.needs?.cpu;
      const detail = numbers && left !== undefined && need !== undefined;
      if (aws)
        return detail
          ? `RESOURCE:CPU — ${left} CPU units remaining, ${need} required`
          : 'RESOURCE:CPU — insufficient CPU units';
      return tag(detail ? `not enough CPU (${left} units left, ${need} needed)` : 'not enough CPU');
    }
    case 'MEMORY': {
      const left = f.remainingMemory ?? ci?.remainingMemory;
      const need = f.needs?.memory;
      const detail = numbers && left !== undefined && need !== undefined;
      if (aws)
        return detail
          ? `RESOURCE:MEMORY — ${left} MiB remaining, ${need} required`
          : 'RESOURCE:MEMORY — insufficient memory';
      return tag(detail ? `not enough memory (${left} MiB left, ${need} needed)` : 'not enough memory');
    }
    case 'PORTS': {
      const ports = numbers ? (f.takenPorts ?? f.needs?.hostPorts ?? []) : [];
      const list = joinAnd(ports.map(String));
      if (aws)
        return ports.length
          ? `RESOURCE:PORTS — host port ${list} already in use`
          : 'RESOURCE:PORTS — a required host port is already in use';
      return tag(
        ports.length ? `port ${list} is already taken there` : 'a port it needs is already taken there',
      );
    }
    case 'ENI':
      return aws
        ? 'RESOURCE:ENI — no free elastic network interface for an awsvpc task'
        : tag('no free network card for an awsvpc development');
    case 'distinctInstance':
      return aws
        ? `distinctInstance — already runs a task of ${f.group ? `group ${f.group}` : 'this group'}`
        : tag('already holds one of this group (one per territory)');
    case 'memberOf': {
      const exprs =
        f.failedExpressions ??
        (f.constraints ?? []).flatMap((c) =>
          c.type === 'memberOf' && c.expression !== undefined ? [c.expression] : [],
        );
      const shown = exprs.length ? exprs.map((e) => `"${e}"`).join(' and ') : '';
      if (aws)
        return shown ? `memberOf(${exprs.join(') memberOf(')}) — not satisfied` : 'memberOf — not satisfied';
      return tag(shown ? `fails the rule ${shown}` : 'fails a settlement rule');
    }
  }
}

function rejectionLines(sim: SimState, facts: RejectionFacts[], mode: NameMode): string[] {
  const nameOf = (f: RejectionFacts) => {
    const inst = instanceOfCastle(sim, f.containerInstanceArn);
    return inst ? who(sim, inst, mode) : castleName(sim, f.containerInstanceArn);
  };
  if (facts.length <= MAX_LISTED) {
    return facts.map((f) => {
      const name = nameOf(f);
      const head = mode === 'aws' ? `Instance ${name}` : name;
      return `${head} rejected: ${rejectionPhrase(sim, f, mode)}`;
    });
  }
  // Many: one line per reason, in the order the filters run.
  const order: Rejection[] = [
    'INACTIVE',
    'AGENT',
    'CPU',
    'MEMORY',
    'PORTS',
    'ENI',
    'distinctInstance',
    'memberOf',
  ];
  const lines: string[] = [];
  for (const r of order) {
    const group = facts.filter((f) => f.reason === r);
    if (group.length === 0) continue;
    const first = group[0] as RejectionFacts;
    // The grouped phrase keeps the numbers the members share (what was needed), not each one's remainder.
    const shared: RejectionFacts = { ...first, remainingCpu: undefined, remainingMemory: undefined };
    let phrase = rejectionPhrase(sim, shared, mode, { numbers: false });
    if ((r === 'CPU' || r === 'MEMORY') && first.needs) {
      const need = r === 'CPU' ? `${first.needs.cpu} CPU units` : `${first.needs.memory} MiB`;
      phrase += mode === 'aws' ? ` (${need} required)` : ` (${need} needed)`;
    }
    const names = nameList(
      byTerritory(sim, group, (f) => instanceOfCastle(sim, f.containerInstanceArn)).map(nameOf),
    );
    const noun =
      mode === 'aws'
        ? count(group.length, 'instance', 'instances')
        : count(group.length, 'territory', 'territories');
    lines.push(`${capitalize(noun)} rejected: ${phrase} (${names})`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Strategies

/** "spread on zone", "binpack on memory", "random" (nozama); "spread(attribute:ecs.availability-zone)" (aws). */
export function strategyLabel(s: PlacementStrategy, mode: NameMode): string {
  const aws =
    s.type === 'random'
      ? 'random'
      : `${s.type}(${s.field ?? (s.type === 'spread' ? 'instanceId' : 'memory')})`;
  if (mode === 'aws') return aws;
  let noz: string;
  if (s.type === 'random') noz = 'random';
  else if (s.type === 'binpack') noz = `binpack on ${s.field === 'cpu' ? 'CPU' : 'memory'}`;
  else if (s.field === ZONE_FIELD) noz = 'spread on zone';
  else if (s.field === undefined || s.field === 'instanceId' || s.field === 'host')
    noz = 'spread on territory';
  else noz = `spread on ${s.field.replace(/^attribute:/, '')}`;
  return mode === 'both' && noz !== aws ? `${noz}, ${aws}` : noz;
}

/** The value a spread strategy reads on a candidate (zone, container instance, or an attribute). */
function spreadValueOf(sim: SimState, c: CandidateTrace, field: string): string | undefined {
  if (field === 'instanceId' || field === 'host') return c.containerInstanceArn;
  if (field === ZONE_FIELD) return c.availabilityZone;
  const name = field.startsWith('attribute:') ? field.slice('attribute:'.length) : field;
  const attrs = sim.containerInstances.get(c.containerInstanceArn)?.attributes;
  return attrs ? (attrs[name] ?? '') : undefined;
}

function valueLabel(sim: SimState, field: string, value: string, mode: NameMode): string {
  if (field === ZONE_FIELD) return mode === 'aws' ? value : zoneCodeOf(value);
  if (field === 'instanceId' || field === 'host') {
    const inst = instanceOfCastle(sim, value);
    return inst ? territoryName(sim, inst) : arnId(value).slice(0, 8);
  }
  return value === '' ? '(none)' : value;
}

/** Counts per value, sorted by label: "1a 2 · 1b 2 · 1c 1" (nozama) or "1a:2 1b:2 1c:1" (aws). */
function countsText(
  sim: SimState,
  field: string,
  counts: Record<string, number>,
  mode: NameMode,
  extra?: string,
): { text: string; labels: string[]; before: number[]; after: number[] } {
  const entries = Object.entries(counts)
    .map(([v, n]) => ({ v, n, label: valueLabel(sim, field, v, 'nozama') }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true }));
  const text =
    mode === 'aws'
      ? entries.map((e) => `${e.label}:${e.n}`).join(' ')
      : entries.map((e) => `${e.label} ${e.n}`).join(' · ');
  return {
    text,
    labels: entries.map((e) => e.label),
    before: entries.map((e) => e.n),
    after: entries.map((e) => e.n + (e.v === extra ? 1 : 0)),
  };
}

/** What one strategy contributed to the choice, said of the chosen candidate. */
function strategyPart(
  sim: SimState,
  trace: PlacementTrace,
  k: number,
  chosen: CandidateTrace,
  mode: NameMode,
): string | null {
  const s = trace.strategies[k] as PlacementStrategy;
  const label = strategyLabel(s, mode);
  const score = chosen.scores?.[k];
  if (s.type === 'random') return null;
  if (s.type === 'binpack') {
    const cpu = s.field === 'cpu';
    const before = score ?? (cpu ? chosen.remainingCpu : chosen.remainingMemory);
    const after = before - (cpu ? trace.needs.cpu : trace.needs.memory);
    const unit = cpu ? 'CPU units' : 'MiB';
    if (mode === 'aws')
      return `${label}: least remaining ${cpu ? 'CPU' : 'memory'} that fits (${before} ${unit}, ${after} after)`;
    const what = cpu ? 'the busiest workshop that still fits' : 'the fullest granary that still fits';
    return `${what} (${label}: ${after} ${unit} left)`;
  }
  const field = s.field ?? 'instanceId';
  const counts = trace.spreadCounts[k] ?? {};
  const value = spreadValueOf(sim, chosen, field);
  const had = score ?? (value !== undefined ? (counts[value] ?? 0) : 0);
  const min = Math.min(...Object.values(counts), had);
  const ct = countsText(sim, field, counts, mode, value);
  const level = ct.before.length > 1 && ct.before.every((x) => x === ct.before[0]);
  const balanced = ct.after.length > 1 && ct.after.every((x) => x === ct.after[0]);
  const group = trace.group;
  if (field === 'instanceId' || field === 'host') {
    const name = who(sim, chosen.ec2InstanceId, mode === 'both' ? 'nozama' : mode);
    if (mode === 'aws')
      return level
        ? `${label}: every instance had ${had} of group ${group}`
        : `${label}: ${had} of group ${group} there, the fewest`;
    if (level) return `every territory held ${had} of this group (${label})`;
    return had === min
      ? `it held the fewest of this group: ${had} (${label})`
      : `${name} held the fewest of this group among those left: ${had} (${label})`;
  }
  const vlabel = value !== undefined ? valueLabel(sim, field, value, mode) : '?';
  if (field === ZONE_FIELD) {
    if (mode === 'aws')
      return level
        ? `${label}: every zone had ${had} of group ${group} (${ct.text})`
        : `${label}: ${vlabel} had ${had} of group ${group}, the fewest (${ct.text})`;
    if (balanced) return `keeps the portals balanced ${ct.after.join('/')} (${label})`;
    if (level) return `the portals were level, ${had} each (${label})`;
    return had === min
      ? `portal ${vlabel} had the fewest: ${ct.text} (${label})`
      : `portal ${vlabel} had the fewest among those with room: ${ct.text} (${label})`;
  }
  const attr = field.replace(/^attribute:/, '');
  if (mode === 'aws')
    return level
      ? `${label}: every value had ${had} of group ${group} (${ct.text})`
      : `${label}: value ${vlabel} had ${had} of group ${group}, the fewest (${ct.text})`;
  if (balanced) return `keeps ${attr} balanced ${ct.after.join('/')} (${label})`;
  if (level) return `every ${attr} was level, ${had} each (${label})`;
  return `its ${attr} "${vlabel}" had the fewest: ${ct.text} (${label})`;
}

/** Who fell out of the race at strategy k, and why. */
function lostLine(
  sim: SimState,
  trace: PlacementTrace,
  k: number,
  losers: CandidateTrace[],
  mode: NameMode,
): string {
  const s = trace.strategies[k] as PlacementStrategy;
  const label = strategyLabel(s, mode);
  const names = nameList(
    byTerritory(sim, losers, (c) => c.ec2InstanceId).map((c) => who(sim, c.ec2InstanceId, mode)),
  );
  if (mode === 'aws') {
    const why =
      s.type === 'binpack'
        ? `more ${s.field === 'cpu' ? 'CPU' : 'memory'} remaining`
        : 'more tasks of the group on their value';
    return `Lost at ${label}: ${names} (${why})`;
  }
  if (s.type === 'binpack') {
    const what = s.field === 'cpu' ? 'workshops' : 'granaries';
    return `${names} passed over: emptier ${what} (${label})`;
  }
  const field = s.field ?? 'instanceId';
  const where =
    field === ZONE_FIELD
      ? 'their portals already had more'
      : field === 'instanceId' || field === 'host'
        ? 'they already held more of this group'
        : `their ${field.replace(/^attribute:/, '')} already had more`;
  return `${names} passed over: ${where} (${label})`;
}

// ---------------------------------------------------------------------------------------------
// The why card of a placement

/**
 * Explains one placement from its trace (the `trace` of a 'task/placed' event): who was rejected and
 * why, who lost at which strategy, why the chosen territory won, and whether lots were drawn.
 */
export function explainPlacement(trace: PlacementTrace, sim: SimState, mode: NameMode = 'nozama'): WhyCard {
  const chosen = trace.candidates.find((c) => c.chosen) ?? null;
  const subject = groupSubject(trace.group, mode);
  if (!chosen) {
    return card(
      mode === 'aws'
        ? `No container instance for the task ${awsTaskSubject(trace.group)}`
        : `The steward found no territory for ${subject}`,
      rejectionLines(sim, rejectedFacts(trace), mode),
    );
  }
  const where = who(sim, chosen.ec2InstanceId, mode);
  const headline =
    mode === 'aws'
      ? `Task ${awsTaskSubject(trace.group)} placed on instance ${where}`
      : `The steward chose territory ${where} for ${subject}`;
  const reasons = rejectionLines(sim, rejectedFacts(trace), mode);

  const randomAt = trace.strategies.findIndex((s) => s.type === 'random');
  const decisive = randomAt === -1 ? trace.strategies.length : randomAt;
  for (let k = 0; k < decisive; k++) {
    const losers = trace.candidates.filter((c) => !c.rejectedBy && !c.chosen && c.lostAt === k);
    if (losers.length) reasons.push(lostLine(sim, trace, k, losers, mode));
  }

  const parts: string[] = [];
  for (let k = 0; k < decisive; k++) {
    const part = strategyPart(sim, trace, k, chosen, mode);
    if (part) parts.push(part);
  }
  const fitting = trace.candidates.filter((c) => !c.rejectedBy).length;
  const name = who(sim, chosen.ec2InstanceId, mode);
  if (mode === 'aws') {
    if (parts.length) reasons.push(`Chosen: ${name}: ${parts.join('; then ')}`);
    else if (fitting === 1) reasons.push(`Chosen: ${name}, the only instance that met every requirement`);
  } else if (parts.length) reasons.push(`chose ${name}: ${parts.join(', then ')}`);
  else if (fitting === 1) reasons.push(`chose ${name}: the only territory where it fits`);

  if (trace.tiedAtEnd > 1) {
    const n = trace.tiedAtEnd;
    if (randomAt !== -1)
      reasons.push(
        mode === 'aws'
          ? `Chosen at random among ${n} candidates (random)`
          : `${n} territories were still tied; the steward drew lots (${strategyLabel({ type: 'random' }, mode)})`,
      );
    else
      reasons.push(
        mode === 'aws'
          ? `${n} candidates still tied: chosen by the seeded tie-break`
          : `${n} territories were still tied; the steward drew lots (seeded)`,
      );
  } else if (randomAt !== -1 && fitting > 1 && parts.length === 0) {
    reasons.push(mode === 'aws' ? 'Chosen at random (random)' : 'the steward drew lots (random)');
  }
  return card(headline, reasons);
}

function card(headline: string, reasons: string[]): WhyCard {
  return { headline: capitalize(headline), reasons: reasons.map(capitalize) };
}

function rejectedFacts(trace: PlacementTrace): RejectionFacts[] {
  return trace.candidates
    .filter((c) => c.rejectedBy)
    .map((c) => ({
      reason: c.rejectedBy as Rejection,
      containerInstanceArn: c.containerInstanceArn,
      remainingCpu: c.remainingCpu,
      remainingMemory: c.remainingMemory,
      needs: trace.needs,
      group: trace.group,
      takenPorts: c.takenPorts,
      failedExpressions: c.failedExpressions,
    }));
}

// ---------------------------------------------------------------------------------------------
// The why card of a failure

/**
 * A placement failure: the data of a 'service/placementFailed' event ({ serviceName, closest,
 * rejected }), a PlacementFailure, or a RunTask/StartTask response's `failures` (optionally with the
 * task definition it tried, for the numbers).
 */
export interface PlacementFailureInput {
  serviceName?: string | null;
  /** What one task needed (a model failure carries it). */
  needs?: PlacementFailure['needs'];
  closest?: PlacementFailure['closest'];
  rejected?: PlacementFailure['rejected'];
  failures?: { arn?: string; reason: string; detail?: string }[];
  /** The task definition that did not fit (ARN or family:revision): gives what was needed. */
  taskDefinition?: string;
}

function findTaskDefinition(sim: SimState, ref: string): TaskDefinition | undefined {
  const direct = sim.taskDefinitions[ref];
  if (direct) return direct;
  const { family, revision } = parsePlan(ref);
  const hasRevision = ref.includes(':') && /:\d+$/.test(ref);
  let best: TaskDefinition | undefined;
  for (const td of Object.values(sim.taskDefinitions)) {
    if (td.family !== family) continue;
    if (hasRevision ? td.revision === revision : !best || td.revision > best.revision) best = td;
  }
  return best;
}

function needsOf(td: TaskDefinition | undefined): RejectionFacts['needs'] {
  if (!td) return undefined;
  const r = taskRequirements(td);
  return { cpu: r.cpu, memory: r.memory, hostPorts: r.hostPorts };
}

const FIX: Record<Rejection | 'NONE' | 'FARGATE', { nozama: string; aws: string }> = {
  NONE: {
    nozama: 'Fix: erect a territory with the royal charter that joins this kingdom',
    aws: 'Fix: launch an instance from the ECS-optimized AMI with ECS_CLUSTER set to this cluster',
  },
  INACTIVE: {
    nozama: 'Fix: open the castle again (ACTIVE), or erect another territory',
    aws: 'Fix: UpdateContainerInstancesState to ACTIVE, or add container instances',
  },
  AGENT: {
    nozama: 'Fix: wait for the lord to speak again, or erect another territory',
    aws: 'Fix: reconnect the agent, or add container instances',
  },
  CPU: {
    nozama: 'Fix: erect a bigger territory, or ask for less CPU in the plan',
    aws: "Fix: add capacity (ec2:RunInstances), or lower the task definition's cpu",
  },
  MEMORY: {
    nozama: 'Fix: erect a bigger territory, or ask for less memory in the plan',
    aws: "Fix: add capacity (ec2:RunInstances), or lower the task definition's memory",
  },
  PORTS: {
    nozama: 'Fix: a fixed port allows one per territory; erect more, or let the port be chosen (hostPort 0)',
    aws: 'Fix: use dynamic host ports (hostPort 0), or add container instances',
  },
  ENI: {
    nozama: 'Fix: erect a larger territory: it has more network cards',
    aws: 'Fix: use an instance type with more ENIs, or add container instances',
  },
  distinctInstance: {
    nozama: 'Fix: one per territory: erect more territories, or decree fewer developments',
    aws: 'Fix: add container instances, or lower desiredCount',
  },
  memberOf: {
    nozama: 'Fix: mark a castle so it matches the rule, or loosen the rule',
    aws: 'Fix: PutAttributes on a container instance, or change the memberOf expression',
  },
  FARGATE: {
    nozama: 'Fix: name subnets in open portals',
    aws: 'Fix: use subnets in Availability Zones that are available',
  },
};

function fixLine(key: keyof typeof FIX, mode: NameMode): string {
  const f = FIX[key];
  return mode === 'aws' ? f.aws : mode === 'both' ? `${f.nozama} [${f.aws.replace(/^Fix: /, '')}]` : f.nozama;
}

/** Explains why nothing could be placed: every rejected territory, the closest match, and a fix. */
export function explainPlacementFailure(
  data: PlacementFailureInput,
  sim: SimState,
  mode: NameMode = 'nozama',
): WhyCard {
  const serviceName = data.serviceName ?? null;
  const svc = serviceName
    ? sim.services.values().find((s) => s.serviceName === serviceName && s.status !== 'INACTIVE')
    : undefined;
  const tdRef = data.taskDefinition ?? svc?.deployments[0]?.taskDefinition ?? svc?.taskDefinition;
  const td = tdRef ? findTaskDefinition(sim, tdRef) : undefined;
  const needs = data.needs ?? needsOf(td);
  const group = serviceName ? `service:${serviceName}` : td ? `family:${td.family}` : undefined;
  const constraints = [...(td?.placementConstraints ?? []), ...(svc?.placementConstraints ?? [])];

  const facts: RejectionFacts[] = [];
  const other: string[] = [];
  let fargate = false;
  // The model's failure carries each rejection's facts as the steward saw them.
  for (const r of data.rejected ?? []) facts.push({ ...r, needs, group });
  for (const f of data.failures ?? []) {
    const reason = rejectionOfCode(f.reason);
    if (reason && f.arn) facts.push({ reason, containerInstanceArn: f.arn, needs, group, constraints });
    else if (f.reason === 'RESOURCE:FARGATE') fargate = true;
    else if (f.reason === 'MISSING')
      other.push(
        mode === 'aws'
          ? `MISSING: ${f.arn ?? 'container instance'} not found`
          : `${f.arn ? arnId(f.arn).slice(0, 8) : 'a castle'}: no such castle`,
      );
    else other.push(`${f.reason}${f.detail ? `: ${f.detail}` : ''}`);
  }

  const subject = serviceName
    ? mode === 'aws'
      ? `(service ${serviceName})`
      : mode === 'both'
        ? `Decree ${serviceName} (service ${serviceName})`
        : `Decree ${serviceName}`
    : '';
  const what = td ? (mode === 'aws' ? planName(td, 'aws') : `plan ${planName(td, 'nozama')}`) : '';

  if (fargate) {
    return card(
      mode === 'aws'
        ? `${subject || 'RunTask'}: no Fargate capacity in the selected subnets`
        : `${subject ? `${subject}: ` : ''}no managed land is open in the chosen portals`,
      [...other, fixLine('FARGATE', mode)],
    );
  }

  if (facts.length === 0) {
    const headline =
      mode === 'aws'
        ? `${subject || 'RunTask'}: No Container Instances were found in your cluster`
        : `${subject ? `${subject}: ` : ''}the kingdom has no castle to build on`;
    return card(headline, [...other, fixLine('NONE', mode)]);
  }

  const headline =
    mode === 'aws'
      ? `${subject || 'RunTask'}${subject ? ' was unable to place a task' : ' placed no task'}: no container instance met all of its requirements`
      : `${subject ? `${subject}: ` : ''}no territory can take ${what ? `a development of ${what}` : 'the development'}`;
  const reasons = rejectionLines(sim, facts, mode);
  reasons.push(...other);

  // The closest match: the service's, else the one that got furthest through the filters.
  const stage: Rejection[] = [
    'INACTIVE',
    'AGENT',
    'CPU',
    'MEMORY',
    'PORTS',
    'ENI',
    'distinctInstance',
    'memberOf',
  ];
  const closest =
    data.closest ??
    facts.reduce<RejectionFacts | null>(
      (best, f) => (best === null || stage.indexOf(f.reason) > stage.indexOf(best.reason) ? f : best),
      null,
    );
  if (closest && facts.length > 1) {
    const arn = closest.containerInstanceArn;
    const inst = instanceOfCastle(sim, arn);
    const name = inst ? who(sim, inst, mode) : castleName(sim, arn);
    const reason = closest.reason;
    const seen = facts.find((f) => f.containerInstanceArn === arn && f.reason === reason);
    const short = rejectionPhrase(
      sim,
      seen ?? { reason, containerInstanceArn: arn, needs, group, constraints },
      mode,
      { numbers: false },
    );
    reasons.push(
      mode === 'aws'
        ? `Closest match: container instance ${arnId(arn).slice(0, 8)}… (${territoryName(sim, inst ?? '')}): ${short}`
        : `Closest: ${name}, stopped only by: ${short}`,
    );
  }
  reasons.push(fixLine(closest?.reason ?? 'NONE', mode));
  return card(headline, reasons);
}
