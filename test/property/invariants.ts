/**
 * The invariants the property tests assert, written against the state's shape and the model's
 * events only (no model internals), so they stand as an independent oracle.
 */
import type { SimEvent, SimState, Task } from '../../src/model/sim/types.ts';
import { AGENT_RESERVED_PORTS, memberOfOracle, type Transition } from './arbitraries.ts';

export class InvariantError extends Error {}

export function must(cond: unknown, message: () => string): asserts cond {
  if (!cond) throw new InvariantError(message());
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const sorted = (xs: number[]) => xs.slice().sort((a, b) => a - b);
const duplicates = (xs: number[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

/** Tasks that still hold resources on their container instance, grouped by it. */
function holdersByInstance(s: SimState): Map<string, Task[]> {
  const out = new Map<string, Task[]>();
  for (const t of s.tasks.values()) {
    if (t.lastStatus === 'STOPPED' || t.containerInstanceArn === null) continue;
    const list = out.get(t.containerInstanceArn);
    if (list) list.push(t);
    else out.set(t.containerInstanceArn, [t]);
  }
  return out;
}

/**
 * Property 1: every container instance's registered - remaining equals what its non-STOPPED tasks hold (cpu,
 * memory, static host ports per protocol), nothing is overdrawn, and no host port is held twice.
 * `reservedToo` also asks that no task holds a port the agent reserves
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerInstance.html).
 */
export function checkResources(s: SimState, options: { reservedToo: boolean }): void {
  const holders = holdersByInstance(s);
  for (const arn of holders.keys())
    must(s.containerInstances.get(arn), () => `tasks are placed on unknown container instance ${arn}`);
  for (const ci of s.containerInstances.values()) {
    const ts = holders.get(ci.containerInstanceArn) ?? [];
    const where = () =>
      `${ci.ec2InstanceId} (${ci.status}) at t=${s.now - s.startedAt}: tasks ${ts
        .map(
          (t) =>
            `${t.group}/${t.lastStatus}/${t.desiredStatus} cpu=${t.cpu} mem=${t.memory} ports=${t.hostPorts}`,
        )
        .join('; ')}`;
    const cpu = sum(ts.map((t) => t.cpu));
    const memory = sum(ts.map((t) => t.memory));
    must(
      ci.registeredCpu - ci.remainingCpu === cpu,
      () => `CPU: registered ${ci.registeredCpu} - remaining ${ci.remainingCpu} != held ${cpu} on ${where()}`,
    );
    must(
      ci.registeredMemory - ci.remainingMemory === memory,
      () =>
        `memory: registered ${ci.registeredMemory} - remaining ${ci.remainingMemory} != held ${memory} on ${where()}`,
    );
    must(ci.remainingCpu >= 0, () => `CPU overdrawn (${ci.remainingCpu}) on ${where()}`);
    must(ci.remainingMemory >= 0, () => `memory overdrawn (${ci.remainingMemory}) on ${where()}`);
    for (const [proto, used, held] of [
      ['tcp', ci.usedPorts, ts.flatMap((t) => t.hostPorts)],
      ['udp', ci.usedPortsUdp, ts.flatMap((t) => t.hostPortsUdp)],
    ] as const) {
      must(
        JSON.stringify(sorted(used)) === JSON.stringify(sorted(held)),
        () => `${proto} ports: instance says ${used} but its tasks hold ${held} on ${where()}`,
      );
      must(
        duplicates(held).length === 0,
        () => `${proto} host ports ${duplicates(held)} held twice on ${where()}`,
      );
      if (options.reservedToo && proto === 'tcp') {
        const clash = held.filter((p) => AGENT_RESERVED_PORTS.includes(p) || ci.reservedPorts.includes(p));
        must(
          clash.length === 0,
          () => `tcp ports ${clash} reserved by the agent were given to a task on ${where()}`,
        );
      }
    }
    checkBindings(ci.ec2InstanceId, ts, { ...options, origin: s.startedAt });
  }
}

/**
 * The host ports actually bound by running containers (static and dynamic, as DescribeTasks shows
 * them in networkBindings): no two on one instance share a port and protocol, and none is a port the
 * agent reserves. Docker never binds a host port twice.
 */
export function checkBindings(
  where: string,
  tasks: Task[],
  options: { reservedToo: boolean; origin: number },
): void {
  const bound = new Map<string, string>();
  for (const t of tasks) {
    const who = (c: { name: string }) =>
      `${t.group} ${t.taskArn.slice(-8)}/${c.name} (${t.lastStatus}, started t=${(t.startedAt ?? 0) - options.origin})`;
    for (const c of t.containers) {
      if (c.lastStatus === 'STOPPED') continue;
      for (const b of c.networkBindings) {
        const key = `${b.hostPort}/${b.protocol}`;
        const other = bound.get(key);
        must(
          other === undefined,
          () => `host port ${key} bound twice on ${where}: by ${other} and by ${who(c)}`,
        );
        bound.set(key, who(c));
        if (options.reservedToo)
          must(
            !AGENT_RESERVED_PORTS.includes(b.hostPort),
            () => `reserved port ${key} bound by ${t.group} on ${where}`,
          );
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Property 2: placements

/** Events after which a task no longer counts as live for placement (desiredStatus STOPPED). */
function killedTaskArn(e: SimEvent): string | null {
  if (e.type === 'task/stopRequested' || e.type === 'task/stopped') return e.data.taskArn as string;
  if (e.type === 'container/exited' && e.data.essential === true) return e.data.taskArn as string;
  return null;
}

export interface PlacementCheckStats {
  placements: number;
  distinct: number;
  memberOf: number;
}

/**
 * For every `task/placed` event of a step or advance: the instance chosen was ACTIVE, agent-connected
 * and running; every memberOf expression in force holds for it; and with distinctInstance, no other
 * task of the same group was live on that instance at the moment of placement (reconstructed from the
 * state before and the sequenced events).
 */
export function checkPlacements(tr: Transition, stats: PlacementCheckStats): void {
  const next = tr.result.state;
  const prev = tr.prev;
  const events = tr.result.events;
  const placedAt = new Map<string, number>();
  const killedAt = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'task/placed') placedAt.set(e.data.taskArn as string, e.seq);
    const k = killedTaskArn(e);
    if (k !== null && !killedAt.has(k)) killedAt.set(k, e.seq);
  }
  const liveAt = (t: Task, seq: number): boolean => {
    const before = prev.tasks.get(t.taskArn);
    const existed = before
      ? before.desiredStatus !== 'STOPPED' && before.lastStatus !== 'STOPPED'
      : (placedAt.get(t.taskArn) ?? Number.POSITIVE_INFINITY) < seq;
    return existed && (killedAt.get(t.taskArn) ?? Number.POSITIVE_INFINITY) > seq;
  };

  for (const e of events) {
    if (e.type !== 'task/placed' || e.data.containerInstanceArn === null) continue;
    stats.placements++;
    const arn = e.data.taskArn as string;
    const task = next.tasks.get(arn);
    must(task, () => `placed task ${arn} is missing from the state right after`);
    const ciArn = task.containerInstanceArn as string;
    const ci = next.containerInstances.get(ciArn);
    must(ci, () => `placed task ${arn} names unknown container instance ${ciArn}`);
    must(
      e.data.containerInstanceArn === ciArn,
      () => `task/placed names ${e.data.containerInstanceArn}, task says ${ciArn}`,
    );
    must(
      ci.status === 'ACTIVE' && ci.agentConnected,
      () =>
        `task ${task.group} placed on ${ci.ec2InstanceId} which is ${ci.status}, agentConnected=${ci.agentConnected}`,
    );
    const inst = next.instances.get(ci.ec2InstanceId);
    must(
      inst?.state === 'running',
      () => `task placed on EC2 instance ${ci.ec2InstanceId} in state ${inst?.state}`,
    );

    // The constraints in force for this placement.
    const td = next.taskDefinitions[task.taskDefinitionArn];
    must(td, () => `placed task has unknown task definition ${task.taskDefinitionArn}`);
    let requested: { type: string; expression?: string }[];
    if (tr.kind === 'step') {
      must(
        tr.call.action === 'ecs:RunTask' || tr.call.action === 'ecs:StartTask',
        () => `${tr.call.action} placed a task`,
      );
      if (tr.call.action === 'ecs:StartTask') continue; // StartTask names its instance
      requested = (tr.call.input?.placementConstraints as { type: string; expression?: string }[]) ?? [];
    } else {
      must(task.serviceName !== null, () => `a standalone task ${task.group} was placed during advance()`);
      const svc = next.services
        .values()
        .find((s) => s.serviceName === task.serviceName && s.clusterArn === task.clusterArn);
      must(svc, () => `service ${task.serviceName} of placed task is missing`);
      requested = svc.placementConstraints;
    }
    const constraints = [...td.placementConstraints, ...requested];

    for (const c of constraints) {
      if (c.type !== 'memberOf') continue;
      stats.memberOf++;
      const expr = memberOfOracle(c.expression as string);
      must(
        expr.holds(ci.attributes),
        () =>
          `memberOf(${expr.text}) violated: task ${task.group} placed on ${ci.ec2InstanceId} with attributes ${JSON.stringify(
            ci.attributes,
          )}`,
      );
    }
    if (constraints.some((c) => c.type === 'distinctInstance')) {
      stats.distinct++;
      const neighbours = next.tasks
        .values()
        .filter(
          (o) =>
            o.taskArn !== arn &&
            o.group === task.group &&
            o.containerInstanceArn === ciArn &&
            liveAt(o, e.seq),
        );
      must(
        neighbours.length === 0,
        () =>
          `distinctInstance violated: ${task.group} placed on ${ci.ec2InstanceId} next to ${neighbours
            .map((o) => `${o.taskArn.slice(-8)} (${o.lastStatus}/${o.desiredStatus})`)
            .join(', ')}`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Property 4

/** Recursively freezes a plain-JSON value. Frozen subtrees (shared with an earlier state) are skipped. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  return value;
}
