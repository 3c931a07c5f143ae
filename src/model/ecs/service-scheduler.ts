/**
 * The service scheduler, run every simulated second for each service: keeps desiredCount tasks of
 * the PRIMARY deployment, replaces stopped tasks, rolls old deployments and tasks on DRAINING
 * instances within minimumHealthyPercent / maximumPercent, backs off when tasks fail to start, and
 * writes ECS's own event texts.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html (replacement),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-throttle-logic.html (throttling up to
 * 15 minutes; reset by a new task definition),
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html (maxTasks =
 * floor(desired x max%), minHealthy = ceil(desired x min%); a new task counts as healthy 40 s after RUNNING
 * without health checks; the deadlock event),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html (default placement: spread
 * across zones, then across instances; scale-in takes from the zone and instance with the most tasks),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html (event texts),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-draining.html (draining).
 * The rolling algorithm is an inference from
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html: start what the
 * maximum allows, stop stale tasks while the healthy count stays at or above the minimum.
 *
 * Healthy means isTaskHealthyForService (elb-ecs.ts): the target group's verdict for tasks behind a
 * load balancer, else the container health check (HEALTHY), else 40 s after RUNNING. A task whose container
 * health checks failed is replaced first (service-health.ts). Tasks carry their deployment's target groups from launch.
 * healthCheckGracePeriodSeconds keeps an UNHEALTHY task that has just started from being replaced.
 *
 * Draining tasks: a task the scheduler stops behind a load balancer gets desiredStatus STOPPED at
 * once and stays RUNNING while its targets drain (deregistration delay). The scheduler counts it in
 * neither bound: not in maxTasks (which counts desiredStatus RUNNING tasks, RUNNING or PENDING, per
 * the current docs; ARCHITECTURE.md's decision) and not as healthy (it takes no new requests). It
 * still holds its instance's CPU, memory and ports, which placement sees.
 *
 * A FAILED primary deployment (circuit breaker or alarm, without rollback) launches nothing and stops
 * nothing more. Services in an ECS-native blue/green, linear or canary deployment are reconciled per
 * revision by service-scheduler-held.ts; deployments themselves are run by ecs-deployments.ts.
 */
import type { Ctx } from '../sim/ctx.ts';
import { TIMING } from '../sim/timing.ts';
import type {
  Cluster,
  PlacementConstraint,
  Service,
  ServiceDeployment,
  Task,
  TaskDefinition,
} from '../sim/types.ts';
import { shortId } from './ecs-common.ts';
import { onDeploymentCompleted, rollingBakeSeconds } from './ecs-deployments.ts';
import { placeOnInstances, requestStop } from './ecs-tasks.ts';
import { isTaskHealthyForService } from './elb-ecs.ts';
import { addServiceEvent } from './service-events.ts';
import { replaceUnhealthyTasks } from './service-health.ts';
import { reconcileHeld } from './service-scheduler-held.ts';
import {
  chooseToStop,
  DEFAULT_SERVICE_STRATEGY,
  inGracePeriod,
  launch,
  launchParams,
  liveTasksOf,
  onDrainingInstance,
  placementFailureMessage,
  stampLoadBalancers,
  stopTasks,
} from './service-tasks.ts';
import { reconcileTaskSets } from './task-sets.ts';

/**
 * Circuit breaker, resetOnHealthyTask (default true): a task of the deploying revision that becomes healthy
 * resets its failedTasks
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html). The count of
 * healthy tasks is kept to see the rise.
 */
function noteHealthyTasks(ctx: Ctx, svc: Service, d: ServiceDeployment, live: Task[]): Service {
  const cb = svc.deploymentConfiguration.deploymentCircuitBreaker;
  if (d.rolloutState !== 'IN_PROGRESS' || !cb?.enable) return svc;
  const n = live.filter((t) => t.deploymentId === d.id && isTaskHealthyForService(ctx, t)).length;
  const prev = d.cbHealthy ?? 0;
  if (n === prev) return svc;
  const reset = n > prev && d.failedTasks > 0 && cb.resetOnHealthyTask !== false;
  return ctx.patch('services', svc.serviceArn, {
    deployments: svc.deployments.map((x) =>
      x.id === d.id ? { ...x, cbHealthy: n, ...(reset ? { failedTasks: 0 } : {}) } : x,
    ),
  });
}

function reconcileReplica(ctx: Ctx, svc0: Service, cluster: Cluster, live: Task[]): void {
  let svc = svc0;
  const primary = svc.deployments[0];
  if (!primary) return;
  const td = ctx.s.taskDefinitions[primary.taskDefinition];
  if (!td) return;
  const desired = svc.status === 'ACTIVE' ? svc.desiredCount : 0;
  svc = noteHealthyTasks(ctx, svc, primary, live);
  // Native blue/green, linear and canary: every revision is held at its own count (both run).
  if (svc.deployments.some((d) => d.held)) {
    reconcileHeld(ctx, svc, cluster, live);
    finishDeployments(ctx, svc, desired, true, liveTasksOf(ctx, svc));
    return;
  }
  const stale = live.filter((t) => t.deploymentId !== primary.id || onDrainingInstance(ctx, t));
  const good = live.filter((t) => !stale.includes(t));
  const { minimumHealthyPercent, maximumPercent } = svc.deploymentConfiguration;
  const maxTasks = Math.floor((desired * maximumPercent) / 100);
  const minHealthy = Math.ceil((desired * minimumHealthyPercent) / 100);
  let acted = false;
  const healthy = (t: Task) => isTaskHealthyForService(ctx, t);
  // A FAILED deployment launches no new tasks and stops nothing of the revisions it was replacing.
  if (primary.rolloutState === 'FAILED') {
    finishDeployments(ctx, svc, desired, false, live);
    return;
  }

  // AZ rebalancing: the task started in the emptiest zone must be healthy before the excess goes.
  const rebalancer = svc.sched.rebalanceTask
    ? good.find((t) => t.taskArn === svc.sched.rebalanceTask)
    : undefined;
  if (svc.sched.rebalanceTask && !rebalancer) {
    svc = ctx.patch('services', svc.serviceArn, { sched: { ...svc.sched, rebalanceTask: null } });
  }

  // Scale in: more good tasks than desired.
  if (good.length > desired && !(rebalancer && !healthy(rebalancer))) {
    const pool = rebalancer ? good.filter((t) => t !== rebalancer) : good;
    const victims = chooseToStop(ctx, svc, pool, good.length - desired);
    if (rebalancer) {
      for (const t of victims)
        requestStop(ctx, t, 'ServiceSchedulerInitiated', 'Task stopped due to AZ rebalancing');
      const ids = victims.map((t) => `(task ${shortId(t.taskArn)})`).join(' ');
      svc = addServiceEvent(
        ctx,
        svc,
        `${svc.serviceName} has stopped ${victims.length} running tasks in Availability Zone ${victims[0]?.availabilityZone ?? ''} due to AZ rebalancing: ${ids}.`,
      );
      svc = ctx.patch('services', svc.serviceArn, { sched: { ...svc.sched, rebalanceTask: null } });
    } else svc = stopTasks(ctx, svc, victims, primary.id);
    acted = true;
  }

  // Start what the maximum allows (and the throttle permits).
  let active = Math.min(good.length, desired) + stale.length;
  const need = desired - Math.min(good.length, desired);
  const room = Math.max(0, maxTasks - active);
  const canStart = Math.min(need, room);
  if (canStart > 0 && ctx.now >= svc.sched.throttledUntil) {
    const { tasks, failure } = launch(ctx, svc, cluster, td, primary, canStart);
    if (tasks.length > 0) {
      const ids = tasks.map((t) => `(task ${shortId(t.taskArn)})`).join(' ');
      svc = addServiceEvent(
        ctx,
        svc,
        `(service ${svc.serviceName}) has started ${tasks.length} tasks: ${ids}.`,
      );
      svc = ctx.patch('services', svc.serviceArn, {
        sched: { ...svc.sched, lastPlacementFailure: null, steady: false },
      });
      active += tasks.length;
      acted = true;
    }
    if (failure && tasks.length < canStart) {
      const msg = placementFailureMessage(svc.serviceName, failure);
      const repeat =
        svc.sched.lastPlacementFailure === msg && ctx.now - svc.sched.lastPlacementFailureAt < 6 * 3600;
      if (!repeat) {
        svc = addServiceEvent(ctx, svc, msg);
        svc = ctx.patch('services', svc.serviceArn, {
          sched: { ...svc.sched, lastPlacementFailure: msg, lastPlacementFailureAt: ctx.now },
        });
        ctx.emit(
          'service/placementFailed',
          {
            serviceName: svc.serviceName,
            reason: failure.closest?.reason ?? 'NONE',
            needs: failure.needs,
            closest: failure.closest,
            rejected: failure.rejected,
          },
          svc.region,
        );
      }
    }
  } else if (canStart > 0 && !svc.sched.throttleReported) {
    svc = addServiceEvent(
      ctx,
      svc,
      `(service ${svc.serviceName}) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section.`,
    );
    svc = ctx.patch('services', svc.serviceArn, { sched: { ...svc.sched, throttleReported: true } });
  }

  // Stop stale tasks: the unhealthy ones freely, the healthy ones while the minimum holds.
  if (stale.length > 0) {
    const now = ctx.now;
    const healthyCount = live.filter(
      (t) => healthy(t) && !(good.length > desired && !stale.includes(t)),
    ).length;
    // Stale tasks that never came up (or failed their health checks) go at once; RUNNING ones,
    // even those too young to count as healthy yet, only within the minimum-healthy budget.
    const staleUnhealthy = stale.filter(
      (t) => t.lastStatus !== 'RUNNING' || (t.healthStatus === 'UNHEALTHY' && !inGracePeriod(svc, t, now)),
    );
    const staleHealthy = stale.filter((t) => !staleUnhealthy.includes(t));
    const budget = Math.max(0, healthyCount - minHealthy);
    const toStop = [
      ...staleUnhealthy,
      ...chooseToStop(ctx, svc, staleHealthy, Math.min(budget, staleHealthy.length)),
    ];
    if (toStop.length > 0) {
      svc = stopTasks(ctx, svc, toStop, primary.id);
      acted = true;
    } else if (canStart <= 0 && need > 0 && live.every(healthy)) {
      if (!svc.sched.deadlockReported) {
        svc = addServiceEvent(
          ctx,
          svc,
          `(service ${svc.serviceName}) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`,
        );
        svc = ctx.patch('services', svc.serviceArn, { sched: { ...svc.sched, deadlockReported: true } });
      }
    }
  }

  if (!acted && stale.length === 0 && good.length === desired && !svc.sched.rebalanceTask) {
    acted = rebalance(ctx, svc, cluster, td, primary, good, maxTasks);
  }
  finishDeployments(ctx, svc, desired, acted, acted ? liveTasksOf(ctx, svc) : live);
}

/**
 * AZ rebalancing
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/track-service-rebalancing.html): when a steady
 * service's tasks differ by two or more between the zones it can use, start one task in the emptiest zone;
 * once it is healthy, scale-in stops one from the fullest. Only with availabilityZoneRebalancing ENABLED, on
 * EC2, within maximumPercent.
 */
function rebalance(
  ctx: Ctx,
  svc: Service,
  cluster: Cluster,
  td: TaskDefinition,
  primary: ServiceDeployment,
  good: Task[],
  maxTasks: number,
): boolean {
  if (
    svc.availabilityZoneRebalancing !== 'ENABLED' ||
    svc.launchType !== 'EC2' ||
    svc.capacityProviderStrategy ||
    svc.status !== 'ACTIVE'
  )
    return false;
  if (good.length + 1 > maxTasks || !good.every((t) => isTaskHealthyForService(ctx, t))) return false;
  const open = new Set<string>();
  for (const ci of ctx.s.containerInstances.values()) {
    if (ci.clusterArn === cluster.clusterArn && ci.status === 'ACTIVE' && ci.agentConnected) {
      open.add(ci.attributes['ecs.availability-zone'] ?? '');
    }
  }
  if (open.size < 2) return false;
  const counts = new Map<string, number>([...open].map((z) => [z, 0]));
  for (const t of good) counts.set(t.availabilityZone, (counts.get(t.availabilityZone) ?? 0) + 1);
  const usable = [...open].map((z) => counts.get(z) ?? 0);
  const least = Math.min(...usable);
  const most = Math.max(...counts.values());
  if (most - least < 2) return false;
  const emptiest = [...open].filter((z) => (counts.get(z) ?? 0) === least).sort();
  const params = launchParams(svc, cluster, td, primary);
  const strategies = svc.placementStrategy.length ? svc.placementStrategy : DEFAULT_SERVICE_STRATEGY;
  const constraints: PlacementConstraint[] = [
    ...svc.placementConstraints,
    { type: 'memberOf', expression: `attribute:ecs.availability-zone in [${emptiest.join(', ')}]` },
  ];
  const tasks = stampLoadBalancers(
    ctx,
    svc,
    primary,
    placeOnInstances(ctx, params, strategies, constraints, 1).tasks,
  );
  const started = tasks[0];
  if (!started) return false;
  const spread = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([z, n]) => `${n} tasks in ${z}`);
  let cur = addServiceEvent(
    ctx,
    ctx.s.services.get(svc.serviceArn) as Service,
    `service (${svc.serviceName}) is not AZ balanced with ${spread.join(', ')}. AZ Rebalancing in progress.`,
  );
  cur = addServiceEvent(
    ctx,
    cur,
    `${svc.serviceName} has started 1 tasks in Availability Zone ${started.availabilityZone} to AZ Rebalance: (task ${shortId(started.taskArn)}).`,
  );
  ctx.patch('services', svc.serviceArn, {
    sched: { ...cur.sched, rebalanceTask: started.taskArn, steady: false },
  });
  return true;
}

/** Whether `d` failed and the service is rolling back from it now. */
function rollingBackFrom(svc: Service, d: ServiceDeployment): boolean {
  return (
    d.rolloutState === 'FAILED' &&
    (svc.serviceDeployments ?? []).some(
      (r) =>
        r.deploymentId === d.id && (r.status === 'ROLLBACK_IN_PROGRESS' || r.status === 'ROLLBACK_REQUESTED'),
    )
  );
}

/** Old deployments without tasks go away; the primary completes at steady state. */
function finishDeployments(ctx: Ctx, svc0: Service, desired: number, acted: boolean, live: Task[]): void {
  let svc = ctx.s.services.get(svc0.serviceArn) as Service;
  const primary = svc.deployments[0] as ServiceDeployment;
  // A held revision (native strategies) stays listed while it should run, even with no task left.
  const running = svc.deployments.filter(
    (d, i) => i === 0 || live.some((t) => t.deploymentId === d.id) || (d.held && d.desiredCount > 0),
  );
  // A deployment the circuit breaker or an alarm failed stays listed, rolloutState FAILED, while the
  // rollback it started runs (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html):
  // it is shown, not waited for.
  const shown = svc.deployments.filter((d) => !running.includes(d) && rollingBackFrom(svc, d));
  const remaining = shown.length
    ? svc.deployments.filter((d) => running.includes(d) || shown.includes(d))
    : running;
  const primaryRunning = live.filter(
    (t) => t.deploymentId === primary.id && t.lastStatus === 'RUNNING' && !onDrainingInstance(ctx, t),
  ).length;
  const stable = running.length === 1 && primaryRunning === desired && live.length === desired;
  let deployments = remaining.length !== svc.deployments.length ? remaining : svc.deployments;
  const bake =
    stable && primary.rolloutState === 'IN_PROGRESS' && !primary.held ? rollingBakeSeconds(ctx, svc) : 0;
  if (bake > 0 && primary.bakeEndsAt === undefined) {
    // Alarms: steady state starts the bake time; COMPLETED waits for its end
    // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html).
    deployments = [{ ...primary, steadyAt: ctx.now, bakeEndsAt: ctx.now + bake }, ...deployments.slice(1)];
    svc = ctx.patch('services', svc.serviceArn, { deployments });
  } else if (
    stable &&
    primary.rolloutState === 'IN_PROGRESS' &&
    !primary.held &&
    (bake === 0 || ctx.now >= (primary.bakeEndsAt ?? 0))
  ) {
    deployments = [
      {
        ...primary,
        rolloutState: 'COMPLETED',
        rolloutStateReason: `ECS deployment ${primary.id} completed.`,
        updatedAt: ctx.now,
      },
      ...deployments.slice(1),
    ];
    svc = ctx.patch('services', svc.serviceArn, { deployments });
    svc = addServiceEvent(
      ctx,
      svc,
      `(service ${svc.serviceName}) (deployment ${primary.id}) deployment completed.`,
    );
    onDeploymentCompleted(ctx, svc, primary);
    svc = ctx.s.services.get(svc.serviceArn) as Service;
  } else if (deployments !== svc.deployments) {
    svc = ctx.patch('services', svc.serviceArn, { deployments });
  }
  if (svc.status === 'DRAINING') {
    if (
      ctx.s.tasks
        .values()
        .every(
          (t) =>
            t.serviceName !== svc.serviceName ||
            t.clusterArn !== svc.clusterArn ||
            t.desiredStatus === 'STOPPED',
        )
    ) {
      ctx.patch('services', svc.serviceArn, { status: 'INACTIVE' });
      ctx.emit('service/inactive', { serviceName: svc.serviceName }, svc.region);
    }
    return;
  }
  const steadyDue =
    stable &&
    !acted &&
    (!svc.sched.steady || ctx.now - svc.sched.lastSteadyEventAt >= TIMING.steadyStateRepeat);
  if (steadyDue && live.every((t) => t.lastStatus === 'RUNNING')) {
    svc = addServiceEvent(ctx, svc, `(service ${svc.serviceName}) has reached a steady state.`);
    // Steady state resolves earlier causes: their events may be written again if they recur.
    ctx.patch('services', svc.serviceArn, {
      sched: {
        ...svc.sched,
        steady: true,
        lastSteadyEventAt: ctx.now,
        deadlockReported: false,
        lastPlacementFailure: null,
      },
    });
  } else if (!stable && svc.sched.steady) {
    ctx.patch('services', svc.serviceArn, { sched: { ...svc.sched, steady: false } });
  }
}

/** DAEMON: one task on every ACTIVE instance that meets the constraints; none on DRAINING ones. */
function reconcileDaemon(ctx: Ctx, svc: Service, cluster: Cluster, live: Task[]): void {
  const primary = svc.deployments[0];
  const td = primary ? ctx.s.taskDefinitions[primary.taskDefinition] : undefined;
  if (!primary || !td) return;
  const onHost = new Set(live.map((t) => t.containerInstanceArn));
  const draining = live.filter((t) => onDrainingInstance(ctx, t) || svc.status !== 'ACTIVE');
  let current = svc;
  if (draining.length) current = stopTasks(ctx, current, draining, primary.id);
  if (svc.status !== 'ACTIVE') {
    finishDeployments(ctx, current, 0, draining.length > 0, liveTasksOf(ctx, current));
    return;
  }
  let started = 0;
  const eligible = ctx.s.containerInstances
    .values()
    .filter((ci) => ci.clusterArn === cluster.clusterArn && ci.status === 'ACTIVE' && ci.agentConnected);
  for (const ci of eligible) {
    if (onHost.has(ci.containerInstanceArn)) continue;
    const { tasks } = placeOnInstances(
      ctx,
      launchParams(svc, cluster, td, primary),
      [],
      [...svc.placementConstraints, { type: 'memberOf', expression: `ec2InstanceId == ${ci.ec2InstanceId}` }],
      1,
    );
    started += stampLoadBalancers(ctx, svc, primary, tasks).length;
  }
  const now = liveTasksOf(ctx, current);
  const desired = now.length;
  if (desired !== current.desiredCount)
    current = ctx.patch('services', svc.serviceArn, { desiredCount: desired });
  if (started)
    current = addServiceEvent(ctx, current, `(service ${svc.serviceName}) has started ${started} tasks.`);
  finishDeployments(ctx, current, desired, started > 0 || draining.length > 0, now);
}

/** Tracks start failures for the backoff: a task that stopped before RUNNING counts; RUNNING resets. */
export function noteTaskOutcome(ctx: Ctx, t: Task, outcome: 'failedToStart' | 'running'): void {
  if (!t.serviceName) return;
  const svc = ctx.s.services
    .values()
    .find((s) => s.clusterArn === t.clusterArn && s.serviceName === t.serviceName && s.status !== 'INACTIVE');
  if (!svc) return;
  if (outcome === 'running') {
    // Circuit breaker: the first RUNNING task moves the deployment to stage 2 and resets its count.
    const d = svc.deployments.find((x) => x.id === t.deploymentId);
    if (d && d.cbStage !== 2) {
      ctx.patch('services', svc.serviceArn, {
        deployments: svc.deployments.map((x) =>
          x === d ? { ...x, cbStage: 2 as const, failedTasks: 0 } : x,
        ),
      });
    }
    const cur = ctx.s.services.get(svc.serviceArn) as Service;
    if (cur.sched.consecutiveStartFailures > 0 || cur.sched.throttleReported) {
      ctx.patch('services', svc.serviceArn, {
        sched: { ...cur.sched, consecutiveStartFailures: 0, throttledUntil: 0, throttleReported: false },
      });
    }
    return;
  }
  const n = svc.sched.consecutiveStartFailures + 1;
  const delay = n < 3 ? 0 : Math.min(TIMING.throttleMax, TIMING.throttleBase * 2 ** (n - 3));
  const deployments = svc.deployments.map((d) =>
    d.id === t.deploymentId ? { ...d, failedTasks: d.failedTasks + 1 } : d,
  );
  ctx.patch('services', svc.serviceArn, {
    deployments,
    sched: {
      ...svc.sched,
      consecutiveStartFailures: n,
      throttledUntil: ctx.now + delay,
      throttleReported: delay > 0 ? svc.sched.throttleReported : false,
    },
  });
}

export function tickServices(ctx: Ctx): void {
  const services = ctx.s.services.values();
  if (services.length === 0) return;
  for (const svc of services) {
    if (svc.status === 'INACTIVE') continue;
    const cluster = ctx.s.clusters[svc.clusterArn];
    if (!cluster) continue;
    const prev = ctx.region;
    ctx.region = svc.region;
    // Tasks whose container health checks failed are replaced first (service-health.ts).
    const live = replaceUnhealthyTasks(ctx, svc, liveTasksOf(ctx, svc));
    if (svc.deploymentController.type === 'CODE_DEPLOY') reconcileTaskSets(ctx, svc, cluster, live);
    else if (svc.schedulingStrategy === 'DAEMON') reconcileDaemon(ctx, svc, cluster, live);
    else reconcileReplica(ctx, svc, cluster, live);
    ctx.region = prev;
  }
}
