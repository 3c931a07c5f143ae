/**
 * A task's started containers over time: each one's own timers (its exit, when it has one; its next
 * health-check result), advanced when due, and the next time anything is due. The task lifecycle
 * (task-lifecycle.ts) applies what comes out. Sources: see container-health.ts and container-order.ts;
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html (a disconnected agent does
 * not turn a container UNHEALTHY: its last status stands until the agent reconnects and checks again).
 */
import type { SimState, Task, TaskContainer, TaskDefinition } from '../sim/types.ts';
import { healthCheckOf, probeContainer } from './container-health.ts';

export interface ContainerStep {
  containers: TaskContainer[];
  exited: { name: string; exitCode: number; essential: boolean }[];
  healthChanged: { name: string; from: TaskContainer['healthStatus']; to: TaskContainer['healthStatus'] }[];
}

function agentConnected(s: SimState, task: Task): boolean {
  const ci = task.containerInstanceArn ? s.containerInstances.get(task.containerInstanceArn) : undefined;
  return ci?.agentConnected ?? true;
}

/** Runs every started container's due timers: exits first, then health-check results. */
export function stepContainerTimers(
  s: SimState,
  task: Task,
  td: TaskDefinition | undefined,
  now: number,
): ContainerStep {
  const exited: ContainerStep['exited'] = [];
  const healthChanged: ContainerStep['healthChanged'] = [];
  const connected = agentConnected(s, task);
  const containers = task.containers.map((c): TaskContainer => {
    if (c.lastStatus !== 'RUNNING') return c;
    if (c.exitAt !== undefined && c.exitAt <= now) {
      const exitCode = c.exitWith ?? 0;
      exited.push({ name: c.name, exitCode, essential: c.essential });
      const { exitAt: _e, exitWith: _w, healthCheckAt: _h, probeSince: _p, ...rest } = c;
      return {
        ...rest,
        lastStatus: 'STOPPED',
        exitCode,
        ...(exitCode !== 0 ? { reason: `Exited (${exitCode})` } : {}),
      };
    }
    if (c.healthCheckAt === undefined || c.healthCheckAt > now) return c;
    const hc = healthCheckOf(td, c.name);
    if (!hc) return c;
    if (!connected) return { ...c, healthCheckAt: now + hc.interval };
    const next = probeContainer(s, task, c, hc, now);
    if (next.healthStatus !== c.healthStatus)
      healthChanged.push({ name: c.name, from: c.healthStatus, to: next.healthStatus });
    return next;
  });
  return { containers, exited, healthChanged };
}

/** The next time a started container has something due, or null. */
export function nextContainerTimer(containers: readonly TaskContainer[]): number | null {
  let next: number | null = null;
  for (const c of containers) {
    if (c.lastStatus !== 'RUNNING') continue;
    for (const at of [c.exitAt, c.healthCheckAt]) {
      if (at !== undefined && (next === null || at < next)) next = at;
    }
  }
  return next;
}

export function minTime(...times: (number | null)[]): number | null {
  let out: number | null = null;
  for (const t of times) if (t !== null && (out === null || t < out)) out = t;
  return out;
}
