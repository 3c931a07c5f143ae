/**
 * Container start order (`dependsOn`), as the ECS agent resolves it when a task starts: a container starts
 * only once each container it depends on has reached its condition: START (started), COMPLETE (ran and
 * exited), SUCCESS (exited 0), HEALTHY (passed its health check; checked only at start). A dependency that can
 * never be met (a SUCCESS dependency that exited non-zero, a HEALTHY one that stopped or turned UNHEALTHY, or one
 * that did not get there within its own `startTimeout`, counted from its start) stops the dependant with exit
 * code 143 and CannotStartContainerError; an essential container stopped so stops its task. The task is
 * RUNNING once every container has started (or already exited).
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html
 * (conditions), https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
 * (startTimeout: "If a startTimeout value is specified for containerB and it doesn't reach the desired status
 * within that time then containerA gives up and not start. This results in the task transitioning to a
 * STOPPED state."), the agent's terminal dependency errors (aws/amazon-ecs-agent#3218: exit code 143,
 * "CannotStartContainerError: dependency graph: failed to resolve container ordering dependency ...").
 * Simplification: a container others wait on to COMPLETE or SUCCEED runs for TIMING.completingContainerRun
 * and exits 0 (or as its image's crash fault says): the model has no program to run to completion.
 * [inference] a HEALTHY dependency that turns UNHEALTHY is never met (the agent gives up on it).
 */
import { own } from '../sim/records.ts';
import { TIMING } from '../sim/timing.ts';
import type { SimState, TaskContainer, TaskDefinition } from '../sim/types.ts';
import { armHealthCheck, healthCheckOf } from './container-health.ts';

export type DependencyCondition = 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY';

export interface ContainerDependency {
  containerName: string;
  condition: DependencyCondition;
}

/** A container's dependsOn as registered. */
export function dependsOnOf(td: TaskDefinition | undefined, name: string): ContainerDependency[] {
  const cd = td?.containerDefinitions.find((c) => c.name === name);
  const raw = Array.isArray(cd?.dependsOn) ? (cd.dependsOn as Record<string, unknown>[]) : [];
  return raw.map((d) => ({
    containerName: String(d.containerName),
    condition: String(d.condition) as DependencyCondition,
  }));
}

function startTimeoutOf(td: TaskDefinition | undefined, name: string): number | undefined {
  const v = td?.containerDefinitions.find((c) => c.name === name)?.startTimeout;
  return typeof v === 'number' ? v : undefined;
}

/** Whether some container waits for this one to COMPLETE or SUCCEED: it runs to completion. */
export function runsToCompletion(td: TaskDefinition | undefined, name: string): boolean {
  return (td?.containerDefinitions ?? []).some((cd) =>
    dependsOnOf(td, cd.name).some(
      (d) => d.containerName === name && (d.condition === 'COMPLETE' || d.condition === 'SUCCESS'),
    ),
  );
}

export type DependencyState = 'met' | 'waiting' | 'never' | 'timedOut';

/** What one dependency says now. */
export function dependencyState(
  dep: TaskContainer | undefined,
  condition: DependencyCondition,
  startTimeout: number | undefined,
  now: number,
): DependencyState {
  if (!dep) return 'never';
  const ran = dep.startedAt !== undefined;
  const exited = dep.lastStatus === 'STOPPED';
  let state: DependencyState;
  switch (condition) {
    case 'START':
      state = ran ? 'met' : exited ? 'never' : 'waiting';
      break;
    case 'COMPLETE':
      state = exited ? (ran ? 'met' : 'never') : 'waiting';
      break;
    case 'SUCCESS':
      state = exited ? (ran && dep.exitCode === 0 ? 'met' : 'never') : 'waiting';
      break;
    case 'HEALTHY':
      state =
        dep.healthStatus === 'HEALTHY' && !exited
          ? 'met'
          : exited || dep.healthStatus === 'UNHEALTHY'
            ? 'never'
            : 'waiting';
      break;
    default:
      state = 'never';
  }
  if (
    state === 'waiting' &&
    ran &&
    startTimeout !== undefined &&
    now >= (dep.startedAt ?? now) + startTimeout
  )
    return 'timedOut';
  return state;
}

/** Why a container has not started (yet, or ever): the first dependency that holds it. */
export interface Holdup {
  containerName: string;
  dependency: ContainerDependency;
  state: Exclude<DependencyState, 'met'>;
}

export function holdupOf(
  td: TaskDefinition | undefined,
  containers: readonly TaskContainer[],
  name: string,
  now: number,
): Holdup | null {
  let waiting: Holdup | null = null;
  for (const d of dependsOnOf(td, name)) {
    const dep = containers.find((c) => c.name === d.containerName);
    // HEALTHY "requires that the dependent container has health checks configured": without one it never is.
    const state =
      d.condition === 'HEALTHY' && !healthCheckOf(td, d.containerName)
        ? 'never'
        : dependencyState(dep, d.condition, startTimeoutOf(td, d.containerName), now);
    if (state === 'met') continue;
    const h: Holdup = { containerName: name, dependency: d, state };
    if (state !== 'waiting') return h;
    waiting ??= h;
  }
  return waiting;
}

/** The agent's words for a dependant that can never start (aws/amazon-ecs-agent#3218). */
export function dependencyErrorReason(
  h: Holdup,
  dep: TaskContainer | undefined,
  self: TaskContainer,
): string {
  const depDesc = dep
    ? `${dep.name}(${dep.image}) (${dep.lastStatus}->${h.dependency.condition === 'HEALTHY' ? 'HEALTHY' : 'RUNNING'})${dep.exitCode !== undefined ? ` - Exit: ${dep.exitCode}` : ''}`
    : h.dependency.containerName;
  const why = h.state === 'timedOut' ? ' - start timeout' : '';
  return `CannotStartContainerError: dependency graph: failed to resolve container ordering dependency [${depDesc}${why}] for target [${self.name}(${self.image}) (NONE->RUNNING)]`;
}

/** A container starts now: its health check is armed, and its own exit scheduled when it has one. */
export function startContainer(
  s: SimState,
  td: TaskDefinition | undefined,
  c: TaskContainer,
  now: number,
): TaskContainer {
  const started: TaskContainer = armHealthCheck(
    { ...c, lastStatus: 'RUNNING', startedAt: now },
    healthCheckOf(td, c.name),
    now,
  );
  const crash = own(s.imageBehaviors, c.image);
  if (crash?.mode === 'crash')
    return {
      ...started,
      exitAt: now + Math.max(1, crash.crashAfterSeconds ?? 30),
      exitWith: crash.exitCode ?? 1,
    };
  if (runsToCompletion(td, c.name))
    return { ...started, exitAt: now + TIMING.completingContainerRun, exitWith: 0 };
  return started;
}

export interface StartPass {
  containers: TaskContainer[];
  /** Containers that started in this pass, in order. */
  started: string[];
  /** Containers stopped because a dependency can never be met. */
  refused: { name: string; reason: string }[];
}

/**
 * Starts every PENDING container whose dependencies are met (repeatedly: a START dependency lets its
 * dependants start the same second) and stops those whose dependencies never will be.
 */
export function startReady(
  s: SimState,
  td: TaskDefinition | undefined,
  containers0: readonly TaskContainer[],
  now: number,
): StartPass {
  let containers = containers0.slice();
  const started: string[] = [];
  const refused: StartPass['refused'] = [];
  for (let changed = true; changed; ) {
    changed = false;
    containers = containers.map((c) => {
      if (c.lastStatus !== 'PENDING') return c;
      const h = holdupOf(td, containers, c.name, now);
      if (h === null) {
        changed = true;
        started.push(c.name);
        return startContainer(s, td, c, now);
      }
      if (h.state === 'waiting') return c;
      changed = true;
      const reason = dependencyErrorReason(
        h,
        containers.find((x) => x.name === h.dependency.containerName),
        c,
      );
      refused.push({ name: c.name, reason });
      return { ...c, lastStatus: 'STOPPED' as const, exitCode: 143, reason };
    });
  }
  return { containers, started, refused };
}

/** When a waiting dependency may time out next (a timer for the task), or null. */
export function nextDependencyDeadline(
  td: TaskDefinition | undefined,
  containers: readonly TaskContainer[],
): number | null {
  let next: number | null = null;
  for (const c of containers) {
    if (c.lastStatus !== 'PENDING') continue;
    for (const d of dependsOnOf(td, c.name)) {
      const dep = containers.find((x) => x.name === d.containerName);
      const timeout = startTimeoutOf(td, d.containerName);
      if (dep?.startedAt === undefined || timeout === undefined) continue;
      const at = dep.startedAt + timeout;
      if (next === null || at < next) next = at;
    }
  }
  return next;
}
