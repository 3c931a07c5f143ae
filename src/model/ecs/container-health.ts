/**
 * Container health checks, as the ECS agent runs them: a container definition's `healthCheck` (command,
 * interval 5-300 s default 30, timeout 2-60 s default 5, retries 1-10 default 3, startPeriod 0-300 s default
 * off) is probed every interval from the container's start; a success makes it HEALTHY; failures in a row
 * outside the start period count toward retries, and at `retries` it is UNHEALTHY; once healthy, every failure
 * counts. The task's healthStatus comes from its essential containers (UNHEALTHY if any is, else UNKNOWN if
 * any is, else HEALTHY). A service replaces a task that turns UNHEALTHY once its grace period is over, with
 * ECS's texts: stoppedReason "Task failed container health checks" and the service event "(service S) (task T)
 * failed container health checks."; a task run on its own keeps running.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html (fields, ranges,
 * defaults, the task's status from its essential containers, services replace unhealthy tasks),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/healthcheck.html (start period, retries),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html (event text),
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
 * (healthCheckGracePeriodSeconds covers container health checks too).
 * What the command answers is the world's business: it passes unless a `sim:SetHealthCheckResult` fault makes
 * it exit 1 or hang past its timeout (for a revision, one of its containers, or an image). Simplification: the
 * first probe runs one interval after the container starts (Docker's start interval is not modelled). The
 * service's side (replacing an unhealthy task) is service-health.ts.
 */
import { own } from '../sim/records.ts';
import type {
  HealthCheckFault,
  HealthProbe,
  SimState,
  Task,
  TaskContainer,
  TaskDefinition,
} from '../sim/types.ts';

export interface HealthCheckConfig {
  command: string[];
  interval: number;
  timeout: number;
  retries: number;
  startPeriod: number;
}

export const HEALTH_CHECK_DEFAULTS = { interval: 30, timeout: 5, retries: 3, startPeriod: 0 } as const;

const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);

/** A container's health check as registered, with ECS's defaults; null when it has none. */
export function healthCheckOf(td: TaskDefinition | undefined, name: string): HealthCheckConfig | null {
  const cd = td?.containerDefinitions.find((c) => c.name === name);
  const hc = cd?.healthCheck as Record<string, unknown> | undefined;
  if (!hc || !Array.isArray(hc.command) || hc.command.length === 0) return null;
  return {
    command: hc.command.map(String),
    interval: num(hc.interval, HEALTH_CHECK_DEFAULTS.interval),
    timeout: num(hc.timeout, HEALTH_CHECK_DEFAULTS.timeout),
    retries: num(hc.retries, HEALTH_CHECK_DEFAULTS.retries),
    startPeriod: num(hc.startPeriod, HEALTH_CHECK_DEFAULTS.startPeriod),
  };
}

export const faultKeyOfRevision = (taskDefinitionArn: string) => `td:${taskDefinitionArn}`;
export const faultKeyOfImage = (image: string) => `image:${image}`;

/** The fault answering this container's health command, if any (its revision's first, then its image's). */
export function healthFaultFor(s: SimState, task: Task, c: TaskContainer): HealthCheckFault | undefined {
  const faults = s.healthCheckFaults;
  const byRevision = own(faults, faultKeyOfRevision(task.taskDefinitionArn));
  if (byRevision && (byRevision.containerName === undefined || byRevision.containerName === c.name))
    return byRevision;
  return own(faults, faultKeyOfImage(c.image));
}

/** A container just started: its first probe is due one interval later. */
export function armHealthCheck(c: TaskContainer, hc: HealthCheckConfig | null, now: number): TaskContainer {
  if (!hc) return c;
  return { ...c, healthStatus: 'UNKNOWN', healthCheckAt: now + hc.interval, healthFailures: 0 };
}

/** The probe result due now for a running container: its new health. */
export function probeContainer(
  s: SimState,
  task: Task,
  c: TaskContainer,
  hc: HealthCheckConfig,
  now: number,
): TaskContainer {
  const fault = healthFaultFor(s, task, c);
  if (fault?.result === 'timeout' && c.probeSince === undefined)
    return { ...c, probeSince: now, healthCheckAt: now + hc.timeout };
  const began = c.probeSince ?? now;
  const ok = c.probeSince === undefined && fault === undefined;
  const inStartPeriod = began < (c.startedAt ?? began) + hc.startPeriod;
  // A success inside the start period makes the container healthy; from then on every failure counts.
  const counted = !ok && (!inStartPeriod || c.healthStatus === 'HEALTHY');
  const failures = ok ? 0 : (c.healthFailures ?? 0) + (counted ? 1 : 0);
  const probe: HealthProbe = {
    at: now,
    ok,
    output: ok ? 'exit 0' : c.probeSince !== undefined ? `timed out after ${hc.timeout} s` : 'exit 1',
    counted,
  };
  const { probeSince: _done, ...rest } = c;
  return {
    ...rest,
    healthStatus: ok ? 'HEALTHY' : failures >= hc.retries ? 'UNHEALTHY' : c.healthStatus,
    healthFailures: failures,
    healthCheckAt: now + hc.interval,
    lastProbe: probe,
  };
}

/** The task's health from its essential containers (API_HealthCheck's priority order). */
export function taskHealthOf(containers: readonly TaskContainer[]): Task['healthStatus'] {
  const essential = containers.filter((c) => c.essential);
  if (essential.some((c) => c.healthStatus === 'UNHEALTHY')) return 'UNHEALTHY';
  if (essential.length === 0 || essential.some((c) => c.healthStatus === 'UNKNOWN')) return 'UNKNOWN';
  return 'HEALTHY';
}

/** Whether any essential container of the task has a health check (then HEALTHY is what counts). */
export function checksEssentialHealth(t: Task): boolean {
  return t.containers.some((c) => c.essential && c.healthCheckAt !== undefined);
}

/** The essential container whose check failed (for the stop reason's why card). */
export function failingContainer(t: Task): TaskContainer | undefined {
  return t.containers.find((c) => c.essential && c.healthStatus === 'UNHEALTHY');
}
