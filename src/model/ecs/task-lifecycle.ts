/**
 * The task lifecycle, advanced every simulated second: PROVISIONING -> PENDING -> RUNNING, and on
 * stop RUNNING -> STOPPING -> (DEPROVISIONING for awsvpc) -> STOPPED, when resources are released.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Task.html (states, timestamps, stopCode and
 * stoppedReason texts: "Essential container in task exited", CannotPullContainerError for images that cannot
 * start), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html (an
 * essential container that stops stops its task; a non-essential one does not). Simplification:
 * ACTIVATING/DEACTIVATING are skipped (they matter only for multi-target-group services); a STOPPED task is
 * kept for an hour, then disappears from Describe/List as in ECS. A task asked to stop while its
 * load-balancer targets drain stays RUNNING (desiredStatus STOPPED) until the last deregistration delay is
 * over (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-connection-draining.html);
 * a lost host skips the wait.
 */
import type { Ctx } from '../sim/ctx.ts';
import { tasksOnInstance, tasksWithTimers } from '../sim/indexes.ts';
import { own } from '../sim/records.ts';
import { TIMING } from '../sim/timing.ts';
import type { ImageBehavior, Task, TaskContainer } from '../sim/types.ts';
import { checksEssentialHealth, taskHealthOf } from './container-health.ts';
import { nextDependencyDeadline, startReady } from './container-order.ts';
import { drainingUntil } from './elb-task-targets.ts';
import { type ContainerStep, minTime, nextContainerTimer, stepContainerTimers } from './task-containers.ts';

const DYNAMIC_PORT_BASE = 49153;

function behaviorOf(ctx: Ctx, image: string): ImageBehavior | undefined {
  return own(ctx.s.imageBehaviors, image);
}

/** Host ports in use on a task's instance: the agent's, the static ones held, and those bound by live tasks. */
export function boundPorts(ctx: Ctx, t: Pick<Task, 'containerInstanceArn' | 'taskArn'>): Set<number> {
  const ci = t.containerInstanceArn ? ctx.s.containerInstances.get(t.containerInstanceArn) : undefined;
  const taken = new Set<number>([...(ci?.reservedPorts ?? []), ...(ci?.usedPorts ?? [])]);
  if (!ci) return taken;
  for (const other of tasksOnInstance(ctx.s, ci.containerInstanceArn)) {
    if (other.taskArn === t.taskArn) continue;
    for (const c of other.containers) for (const b of c.networkBindings) taken.add(b.hostPort);
  }
  return taken;
}

/** Host port bindings made when the containers start. */
function bindings(ctx: Ctx, t: Task): TaskContainer[] {
  const td = ctx.s.taskDefinitions[t.taskDefinitionArn];
  if (!td) return t.containers;
  // Dynamic ports: the lowest free ones of the ephemeral range on this instance, as Docker picks them.
  const taken = boundPorts(ctx, t);
  let dynamic = DYNAMIC_PORT_BASE;
  const nextFree = (): number => {
    while (taken.has(dynamic)) dynamic++;
    taken.add(dynamic);
    return dynamic;
  };
  return t.containers.map((c) => {
    const cd = td.containerDefinitions.find((d) => d.name === c.name);
    const networkBindings = (cd?.portMappings ?? [])
      .filter((pm) => pm.containerPort !== undefined)
      .map((pm) => {
        const containerPort = pm.containerPort as number;
        const hostPort =
          td.networkMode === 'bridge'
            ? pm.hostPort && pm.hostPort > 0
              ? pm.hostPort
              : nextFree()
            : containerPort;
        return { bindIP: '0.0.0.0', containerPort, hostPort, protocol: pm.protocol ?? 'tcp' };
      });
    return { ...c, networkBindings: td.networkMode === 'awsvpc' ? [] : networkBindings };
  });
}

function releaseResources(ctx: Ctx, t: Task): void {
  if (!t.containerInstanceArn) return;
  const ci = ctx.s.containerInstances.get(t.containerInstanceArn);
  if (!ci) return;
  const drop = (used: number[], gone: number[]) => {
    const out = used.slice();
    for (const p of gone) {
      const i = out.indexOf(p);
      if (i >= 0) out.splice(i, 1);
    }
    return out;
  };
  ctx.patch('containerInstances', ci.containerInstanceArn, {
    remainingCpu: ci.remainingCpu + t.cpu,
    remainingMemory: ci.remainingMemory + t.memory,
    usedPorts: drop(ci.usedPorts, t.hostPorts),
    usedPortsUdp: drop(ci.usedPortsUdp, t.hostPortsUdp),
    usedEnis: ci.usedEnis - (t.usesEni ? 1 : 0),
    version: ci.version + 1,
  });
}

/** Moves a task to STOPPED now: containers stopped, resources released, event written. */
export function markStopped(ctx: Ctx, t: Task, changes: Partial<Task> = {}): Task {
  const neverRan = t.startedAt === undefined;
  const stopped = ctx.patch('tasks', t.taskArn, {
    ...changes,
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    nextTransitionAt: null,
    stoppedAt: ctx.now,
    executionStoppedAt: t.executionStoppedAt ?? ctx.now,
    ...(t.stoppingAt === undefined && !neverRan ? { stoppingAt: ctx.now } : {}),
    containers: (changes.containers ?? t.containers).map((c) =>
      c.lastStatus === 'STOPPED'
        ? c
        : { ...c, lastStatus: 'STOPPED' as const, ...(neverRan ? {} : { exitCode: c.exitCode ?? 0 }) },
    ),
    version: t.version + 1,
  });
  releaseResources(ctx, stopped);
  ctx.emit('task/stopped', {
    taskArn: t.taskArn,
    group: t.group,
    serviceName: t.serviceName,
    ec2InstanceId: t.ec2InstanceId,
    availabilityZone: t.availabilityZone,
    stopCode: stopped.stopCode ?? null,
    stoppedReason: stopped.stoppedReason ?? null,
    failedToStart: stopped.failedToStart,
  });
  return stopped;
}

function stepStopping(ctx: Ctx, t: Task): void {
  switch (t.lastStatus) {
    case 'PROVISIONING':
    case 'PENDING':
    case 'ACTIVATING':
      markStopped(ctx, t);
      return;
    case 'RUNNING':
    case 'DEACTIVATING': {
      // Behind a load balancer the task keeps serving until its targets have drained
      // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-connection-draining.html).
      const until =
        t.taskArn && Object.keys(ctx.s.elb.targetGroups).length ? drainingUntil(ctx.s, t.taskArn) : 0;
      if (until > ctx.now) {
        ctx.patch('tasks', t.taskArn, { nextTransitionAt: until });
        return;
      }
      ctx.patch('tasks', t.taskArn, {
        lastStatus: 'STOPPING',
        stoppingAt: ctx.now,
        nextTransitionAt: ctx.now + TIMING.taskStop,
        version: t.version + 1,
      });
      ctx.emit('task/stopping', { taskArn: t.taskArn, serviceName: t.serviceName });
      return;
    }
    case 'STOPPING':
      if (t.usesEni) {
        ctx.patch('tasks', t.taskArn, {
          lastStatus: 'DEPROVISIONING',
          executionStoppedAt: ctx.now,
          nextTransitionAt: ctx.now + TIMING.eniAttach,
          containers: t.containers.map((c) =>
            c.lastStatus === 'STOPPED'
              ? c
              : { ...c, lastStatus: 'STOPPED' as const, exitCode: c.exitCode ?? 0 },
          ),
          version: t.version + 1,
        });
      } else markStopped(ctx, t);
      return;
    case 'DEPROVISIONING':
      markStopped(ctx, t);
      return;
    default:
      return;
  }
}

function stepRunning(ctx: Ctx, t: Task): void {
  switch (t.lastStatus) {
    case 'PROVISIONING': {
      ctx.patch('tasks', t.taskArn, {
        lastStatus: 'PENDING',
        pullStartedAt: ctx.now,
        nextTransitionAt: ctx.now + (t.launchType === 'FARGATE' ? TIMING.fargatePull : TIMING.taskPull),
        version: t.version + 1,
      });
      ctx.emit('task/pending', { taskArn: t.taskArn, serviceName: t.serviceName });
      return;
    }
    case 'PENDING':
    case 'ACTIVATING': {
      const broken = t.containers.find(
        (c) => c.essential && behaviorOf(ctx, c.image)?.mode === 'fail-to-start',
      );
      if (broken) {
        markStopped(ctx, t, {
          pullStoppedAt: ctx.now,
          stopCode: 'TaskFailedToStart',
          stoppedReason: `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${broken.image}: not found`,
          failedToStart: true,
          containers: t.containers.map((c) => ({
            ...c,
            lastStatus: 'STOPPED' as const,
            reason:
              c === broken
                ? 'CannotPullContainerError: failed to resolve ref: not found'
                : 'Essential container in task exited',
          })),
        });
        return;
      }
      startContainers(ctx, t);
      return;
    }
    case 'RUNNING': {
      const td = ctx.s.taskDefinitions[t.taskDefinitionArn];
      const step = stepContainerTimers(ctx.s, t, td, ctx.now);
      applyContainerStep(ctx, t, step, nextContainerTimer(step.containers));
      return;
    }
    default:
      return;
  }
}

/** Writes a container step: the containers, the task's health from them, the events, an essential exit. */
function applyContainerStep(ctx: Ctx, t: Task, step: ContainerStep, next: number | null): Task {
  const healthStatus = taskHealthOf(step.containers);
  const essentialExit = step.exited.some((x) => x.essential);
  const task = ctx.patch('tasks', t.taskArn, {
    containers: step.containers,
    healthStatus,
    nextTransitionAt: essentialExit ? ctx.now : next,
    version: t.version + 1,
    ...(essentialExit
      ? {
          desiredStatus: 'STOPPED' as const,
          stopCode: 'EssentialContainerExited' as const,
          stoppedReason: 'Essential container in task exited',
        }
      : {}),
  });
  emitContainerEvents(ctx, t, step);
  return task;
}

/** The step's container exits, then its health-check verdicts, as events. */
function emitContainerEvents(ctx: Ctx, t: Task, step: ContainerStep): void {
  emitExits(ctx, t, step.exited);
  for (const h of step.healthChanged)
    ctx.emit('container/healthChanged', {
      taskArn: t.taskArn,
      containerName: h.name,
      from: h.from,
      to: h.to,
      serviceName: t.serviceName,
      output: step.containers.find((c) => c.name === h.name)?.lastProbe?.output ?? null,
    });
}

function emitExits(ctx: Ctx, t: Task, exited: ContainerStep['exited']): void {
  for (const x of exited)
    ctx.emit('container/exited', {
      taskArn: t.taskArn,
      containerName: x.name,
      exitCode: x.exitCode,
      essential: x.essential,
      serviceName: t.serviceName,
    });
}

/**
 * The images are pulled: containers start in their dependsOn order (container-order.ts). The task is RUNNING
 * once none is left waiting; an essential container that can never start (or exits first) stops it.
 */
function startContainers(ctx: Ctx, t: Task): void {
  const td = ctx.s.taskDefinitions[t.taskDefinitionArn];
  const timers = stepContainerTimers(ctx.s, t, td, ctx.now);
  const pull = t.pullStoppedAt ?? ctx.now;
  const stopBeforeRunning = (containers: TaskContainer[]) =>
    markStopped(ctx, t, {
      pullStoppedAt: pull,
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      failedToStart: true,
      containers,
    });
  // An essential container that exits while others still wait stops the task: nothing more starts.
  if (timers.exited.some((x) => x.essential)) {
    emitContainerEvents(ctx, t, timers);
    stopBeforeRunning(timers.containers);
    return;
  }
  const pass = startReady(ctx.s, td, timers.containers, ctx.now);
  for (const name of pass.started)
    ctx.emit('container/started', { taskArn: t.taskArn, containerName: name, serviceName: t.serviceName });
  const refusedEssential = pass.refused.some((r) => t.containers.find((c) => c.name === r.name)?.essential);
  if (refusedEssential) {
    emitContainerEvents(ctx, t, timers);
    stopBeforeRunning(pass.containers);
    return;
  }
  const step: ContainerStep = { ...timers, containers: pass.containers };
  if (pass.containers.some((c) => c.lastStatus === 'PENDING')) {
    const pending = ctx.patch('tasks', t.taskArn, { pullStoppedAt: pull });
    applyContainerStep(
      ctx,
      pending,
      step,
      minTime(nextContainerTimer(pass.containers), nextDependencyDeadline(td, pass.containers)),
    );
    return;
  }
  const running = ctx.patch('tasks', t.taskArn, {
    lastStatus: 'RUNNING',
    pullStoppedAt: pull,
    startedAt: ctx.now,
    connectivity: 'CONNECTED',
    connectivityAt: ctx.now,
    containers: bindings(ctx, { ...t, containers: pass.containers }),
  });
  applyContainerStep(
    ctx,
    running,
    { ...step, containers: running.containers },
    nextContainerTimer(running.containers),
  );
  ctx.emit('task/running', {
    taskArn: t.taskArn,
    serviceName: t.serviceName,
    ec2InstanceId: t.ec2InstanceId,
  });
}

/** A container exits. An essential one stops its task; a non-essential one just stops. */
export function crashContainer(ctx: Ctx, t: Task, containerName: string, exitCode: number): Task {
  const containers = t.containers.map((c) =>
    c.name === containerName
      ? { ...c, lastStatus: 'STOPPED' as const, exitCode, reason: `Exited (${exitCode})` }
      : c,
  );
  const target = t.containers.find((c) => c.name === containerName);
  ctx.emit('container/exited', {
    taskArn: t.taskArn,
    containerName,
    exitCode,
    essential: target?.essential ?? false,
    serviceName: t.serviceName,
  });
  if (target?.essential) {
    return ctx.patch('tasks', t.taskArn, {
      containers,
      desiredStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      nextTransitionAt: ctx.now,
      version: t.version + 1,
    });
  }
  return ctx.patch('tasks', t.taskArn, { containers, version: t.version + 1 });
}

export function tickTasks(ctx: Ctx): void {
  // Only tasks with a timer can change this second (sim/indexes.ts): a steady world costs nothing here.
  for (const t of tasksWithTimers(ctx.s)) {
    if (t.lastStatus === 'STOPPED') {
      if (ctx.now - (t.stoppedAt ?? ctx.now) >= TIMING.stoppedTaskRetention) ctx.remove('tasks', t.taskArn);
      continue;
    }
    if (t.nextTransitionAt === null || t.nextTransitionAt > ctx.now) continue;
    if (t.desiredStatus === 'STOPPED') stepStopping(ctx, t);
    else stepRunning(ctx, t);
  }
}

/**
 * Whether a task counts as healthy for a service's minimumHealthyPercent
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html).
 */
export function isHealthy(t: Task, now: number): boolean {
  if (t.desiredStatus !== 'RUNNING' || t.lastStatus !== 'RUNNING' || t.startedAt === undefined) return false;
  if (t.healthStatus === 'UNHEALTHY') return false;
  if (t.healthStatus === 'HEALTHY') return true;
  // With a health check on an essential container, the scheduler waits for HEALTHY.
  if (checksEssentialHealth(t)) return false;
  return now - t.startedAt >= TIMING.healthyAfterRunning;
}
