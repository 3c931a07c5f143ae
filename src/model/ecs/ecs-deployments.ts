/**
 * Deployments of services under the ECS controller: starting one (UpdateService, CreateService), the
 * deployment circuit breaker, CloudWatch-alarm failure detection with bake time, rollback to the last
 * deployment that completed, and, every tick, the ECS-native strategies' state machines
 * (ecs-deployment-strategies.ts). Runs after alarms are evaluated and before the scheduler.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Deployment.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html (Deployment fields,
 * rolloutState, "A FAILED deployment launches no new tasks"),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html (circuit
 * breaker: threshold ceil(0.5 x desired) in [3, 200]; stage 1 counts tasks that fail to reach RUNNING, stage
 * 2 counts health-check failures once one task is RUNNING; failedTasks resets to zero on the first RUNNING
 * task and, with resetOnHealthyTask (default true), whenever a task of the deployment becomes healthy;
 * rollback to "the last deployment that completed successfully"; alarms,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html: FAILED when an
 * alarm goes to ALARM, one already in ALARM at the start is ignored for that deployment, COMPLETED only after
 * steady state and the bake time),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html (events). Event
 * texts as ECS writes them: "(service S) (deployment D) deployment failed: tasks failed to start.", "...
 * deployment failed: alarm detected.", "(service S) rolling back to deployment D."; rolloutStateReason "ECS
 * deployment circuit breaker: tasks failed to start.". [conflict] circuit-breaker minimum: 3 (current API),
 * not 10 (2023 guide). [inference] the alarms' rolloutStateReason wording; the rolling bake time, which ECS
 * computes from the alarms' configuration, is taken as the longest Period x EvaluationPeriods among them.
 * Stage 2 counts a task that reached RUNNING and then stopped because an essential container exited or it
 * failed ELB/container health checks; scale-in, user stops and host loss are not failures.
 */
import type { Ctx } from '../sim/ctx.ts';
import { own } from '../sim/records.ts';
import type {
  HookExecution,
  NativeDeploymentState,
  Service,
  ServiceDeployment,
  ServiceDeploymentRecord,
  Task,
} from '../sim/types.ts';
import { circuitBreakerThreshold, strategyOf } from './ecs-deployment-config.ts';
import {
  advanceNative,
  newNativeState,
  rollBackNative,
  settleNativeRollback,
} from './ecs-deployment-strategies.ts';
import {
  addServiceRevision,
  keepRecords,
  lastCompleted,
  newServiceDeploymentArn,
  openRecord,
  patchRecord,
  revisionOf,
} from './ecs-service-deployments.ts';
import { setRuleWeights } from './ecs-traffic-shift.ts';
import { addServiceEvent } from './service-events.ts';

/** ECS deployment ids look like ecs-svc/ followed by 19 digits. */
function deploymentId(ctx: Ctx): string {
  let d = String(1 + ctx.randomInt(8));
  while (d.length < 19) d += String(ctx.randomInt(10));
  return `ecs-svc/${d}`;
}

export function newDeployment(
  ctx: Ctx,
  svc: Pick<Service, 'taskDefinition' | 'desiredCount' | 'launchType' | 'networkConfiguration'>,
): ServiceDeployment {
  const id = deploymentId(ctx);
  const d: ServiceDeployment = {
    id,
    status: 'PRIMARY',
    taskDefinition: svc.taskDefinition,
    desiredCount: svc.desiredCount,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    launchType: svc.launchType,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment ${id} in progress.`,
    failedTasks: 0,
  };
  if (svc.networkConfiguration) d.networkConfiguration = svc.networkConfiguration;
  return d;
}

function alarmsInAlarm(ctx: Ctx, names: string[]): string[] {
  return names.filter((n) => own(ctx.s.cloudwatch.alarms, n)?.StateValue === 'ALARM');
}

/**
 * Starts a deployment of `next` (the service as it will be, deployments as they were). Returns the
 * service with the new PRIMARY deployment, its revision and its service-deployment record.
 */
export function startDeployment(ctx: Ctx, next: Service): Service {
  const dc = next.deploymentConfiguration;
  const open = openRecord(next);
  // Production stays with whatever served it: an interrupted native deployment's blue.
  const blueId = open?.native ? open.native.blueDeploymentId : (next.deployments[0]?.id ?? null);
  const blue = next.deployments.find((x) => x.id === blueId);
  const native = strategyOf(dc) !== 'ROLLING' && next.schedulingStrategy === 'REPLICA' && blue !== undefined;
  if (open?.native) {
    for (const r of open.native.routes) {
      setRuleWeights(ctx, r.productionListenerRule, r.blueTargetGroupArn, r.greenTargetGroupArn, 0);
      if (r.testListenerRule)
        setRuleWeights(ctx, r.testListenerRule, r.blueTargetGroupArn, r.greenTargetGroupArn, 0);
    }
  }
  const records = (next.serviceDeployments ?? []).map((r) =>
    r === open
      ? {
          ...r,
          status: 'STOPPED' as const,
          statusReason: 'Service deployment stopped because a new service deployment was started.',
          stoppedAt: ctx.now,
          finishedAt: ctx.now,
          updatedAt: ctx.now,
        }
      : r,
  );
  const d = newDeployment(ctx, next);
  const routes: NativeDeploymentState['routes'] = [];
  if (native) {
    const blueLbs = blue?.loadBalancers ?? next.loadBalancers;
    d.loadBalancers = next.loadBalancers.map((lb, i) => {
      const adv = lb.advancedConfiguration;
      if (!adv) return lb;
      const blueTg = blueLbs[i]?.targetGroupArn ?? lb.targetGroupArn;
      const greenTg = blueTg === lb.targetGroupArn ? adv.alternateTargetGroupArn : lb.targetGroupArn;
      routes.push({
        productionListenerRule: adv.productionListenerRule,
        ...(adv.testListenerRule ? { testListenerRule: adv.testListenerRule } : {}),
        blueTargetGroupArn: blueTg,
        greenTargetGroupArn: greenTg,
      });
      return { targetGroupArn: greenTg, containerName: lb.containerName, containerPort: lb.containerPort };
    });
    d.desiredCount = 0;
    d.held = true;
  } else {
    d.loadBalancers = next.loadBalancers.map((lb) => ({
      targetGroupArn: lb.targetGroupArn,
      containerName: lb.containerName,
      containerPort: lb.containerPort,
    }));
  }
  if (dc.alarms?.enable) d.alarmsIgnored = alarmsInAlarm(ctx, dc.alarms.alarmNames);
  const rev = addServiceRevision(ctx, next, d);
  d.serviceRevisionArn = rev.serviceRevisionArn;
  const old = next.deployments.map((o): ServiceDeployment => {
    if (!native) return { ...o, status: 'ACTIVE', updatedAt: ctx.now };
    return {
      ...o,
      status: 'ACTIVE',
      held: true,
      desiredCount: o.id === blueId ? next.desiredCount : 0,
      updatedAt: ctx.now,
    };
  });
  const cb = dc.deploymentCircuitBreaker;
  const rec: ServiceDeploymentRecord = {
    serviceDeploymentArn: newServiceDeploymentArn(ctx, next),
    deploymentId: d.id,
    createdAt: ctx.now,
    startedAt: ctx.now,
    updatedAt: ctx.now,
    status: 'IN_PROGRESS',
    targetServiceRevisionArn: rev.serviceRevisionArn,
    sourceServiceRevisionArns: next.deployments.flatMap((o) =>
      o.serviceRevisionArn ? [o.serviceRevisionArn] : [],
    ),
    deploymentConfiguration: dc,
    circuitBreaker: {
      status: cb?.enable ? 'MONITORING' : 'DISABLED',
      failureCount: 0,
      threshold: circuitBreakerThreshold(dc, next.desiredCount),
    },
    alarms: {
      status: dc.alarms?.enable ? 'MONITORING' : 'DISABLED',
      alarmNames: dc.alarms?.alarmNames ?? [],
      triggeredAlarmNames: [],
    },
  };
  if (native && blueId)
    rec.native = newNativeState(
      ctx,
      dc,
      blueId,
      d.id,
      routes,
      old.some((o) => o.id !== blueId),
    );
  return {
    ...next,
    taskDefinition: d.taskDefinition,
    deployments: [d, ...old],
    serviceDeployments: keepRecords([rec, ...records]),
    serviceRevisions: keepRecords([rev, ...(next.serviceRevisions ?? [])]),
  };
}

/** Rolling deployments with alarms bake this long after steady state before COMPLETED. */
export function rollingBakeSeconds(ctx: Ctx, svc: Service): number {
  const a = svc.deploymentConfiguration.alarms;
  if (!a?.enable) return 0;
  let bake = 0;
  for (const name of a.alarmNames) {
    const al = own(ctx.s.cloudwatch.alarms, name);
    if (al) bake = Math.max(bake, (al.Period ?? 60) * al.EvaluationPeriods);
  }
  return bake;
}

/** A rolling deployment reached COMPLETED (scheduler): close its record. */
export function onDeploymentCompleted(ctx: Ctx, svc: Service, d: ServiceDeployment): void {
  for (const r of svc.serviceDeployments ?? []) {
    const done =
      (r.status === 'IN_PROGRESS' && r.deploymentId === d.id) ||
      (r.status === 'ROLLBACK_IN_PROGRESS' && r.rollback?.deploymentId === d.id);
    if (!done) continue;
    const cur = ctx.s.services.get(svc.serviceArn) as Service;
    // A rollback's record keeps what the monitors said when the deployment failed.
    const monitors: Partial<ServiceDeploymentRecord> =
      r.status === 'IN_PROGRESS'
        ? {
            circuitBreaker: {
              ...r.circuitBreaker,
              status: r.circuitBreaker.status === 'DISABLED' ? 'DISABLED' : 'MONITORING_COMPLETE',
              failureCount: d.failedTasks,
            },
            alarms: {
              ...r.alarms,
              status: r.alarms.status === 'DISABLED' ? 'DISABLED' : 'MONITORING_COMPLETE',
            },
          }
        : {};
    patchRecord(ctx, cur, r.serviceDeploymentArn, {
      status: r.status === 'IN_PROGRESS' ? 'SUCCESSFUL' : 'ROLLBACK_SUCCESSFUL',
      finishedAt: ctx.now,
      ...monitors,
    });
    if (r.status === 'IN_PROGRESS')
      ctx.emit(
        'deployment/completed',
        {
          serviceName: svc.serviceName,
          deploymentId: d.id,
          strategy: 'ROLLING',
          serviceDeploymentArn: r.serviceDeploymentArn,
        },
        svc.region,
      );
  }
}

type Cause =
  | { kind: 'circuitBreaker' }
  | { kind: 'alarm'; names: string[] }
  | { kind: 'hook'; run: HookExecution };

const FAILED_BECAUSE: Record<Cause['kind'], string> = {
  circuitBreaker: 'tasks failed to start',
  alarm: 'alarm detected',
  hook: 'hook execution failure(s) detected',
};

/** rolloutStateReason and the record's statusReason. */
function reasonOf(cause: Cause): string {
  if (cause.kind === 'circuitBreaker') return 'ECS deployment circuit breaker: tasks failed to start.';
  if (cause.kind === 'alarm')
    return `ECS deployment alarm detected: ${cause.names.join(', ')} in ALARM state.`;
  return `ECS deployment lifecycle hook failure: ${cause.run.failure ?? 'hook execution failed.'}`;
}

function triggerOf(cause: Cause): string {
  if (cause.kind === 'circuitBreaker') return 'circuitBreaker';
  if (cause.kind === 'alarm') return cause.names[0] as string;
  return 'lifecycleHook';
}

/** The deployment failed (circuit breaker or alarm): FAILED, events, and a rollback if configured. */
function failDeployment(
  ctx: Ctx,
  svc0: Service,
  rec: ServiceDeploymentRecord,
  d: ServiceDeployment,
  cause: Cause,
): void {
  const dc = svc0.deploymentConfiguration;
  const reason = reasonOf(cause);
  let svc = ctx.patch('services', svc0.serviceArn, {
    deployments: svc0.deployments.map((x) =>
      x.id === d.id
        ? { ...x, rolloutState: 'FAILED' as const, rolloutStateReason: reason, updatedAt: ctx.now }
        : x,
    ),
  });
  svc = addServiceEvent(
    ctx,
    svc,
    `(service ${svc.serviceName}) (deployment ${d.id}) deployment failed: ${FAILED_BECAUSE[cause.kind]}.`,
  );
  const trigger = triggerOf(cause);
  ctx.emit(
    'deployment/failed',
    { serviceName: svc.serviceName, deploymentId: d.id, reason: trigger, detail: reason },
    svc.region,
  );
  const monitors: Partial<ServiceDeploymentRecord> = {
    circuitBreaker: {
      ...rec.circuitBreaker,
      status: cause.kind === 'circuitBreaker' ? 'TRIGGERED' : rec.circuitBreaker.status,
      failureCount: d.failedTasks,
    },
    alarms:
      cause.kind === 'alarm'
        ? { ...rec.alarms, status: 'TRIGGERED', triggeredAlarmNames: cause.names }
        : rec.alarms,
  };
  const wantsRollback =
    cause.kind === 'circuitBreaker'
      ? dc.deploymentCircuitBreaker?.rollback === true
      : cause.kind === 'alarm'
        ? dc.alarms?.rollback === true
        : true;
  const n = rec.native;
  const stage = n ? { atStage: n.stage, step: n.step, steps: n.steps } : {};
  const hook =
    cause.kind === 'hook'
      ? {
          hook: {
            hookTargetArn: cause.run.hookTargetArn,
            lifecycleStage: cause.run.lifecycleStage,
            verdict: cause.run.verdicts[cause.run.verdicts.length - 1] ?? 'FAILED',
            invocations: cause.run.invocations,
          },
        }
      : {};
  if (n?.blueDeploymentId) {
    const blue = svc.deployments.find((x) => x.id === n.blueDeploymentId);
    svc = patchRecord(ctx, svc, rec.serviceDeploymentArn, {
      ...monitors,
      status: 'ROLLBACK_REQUESTED',
      statusReason: reason,
      rollback: {
        reason,
        startedAt: ctx.now,
        serviceRevisionArn: blue?.serviceRevisionArn ?? '',
        deploymentId: n.blueDeploymentId,
        trigger,
        ...stage,
        ...hook,
      },
    });
    rollBackNative(ctx, svc, recOf(svc, rec), reason);
    return;
  }
  const back = lastCompleted(svc);
  if (wantsRollback && back && back.revision.serviceRevisionArn !== rec.targetServiceRevisionArn) {
    svc = patchRecord(ctx, svc, rec.serviceDeploymentArn, {
      ...monitors,
      status: 'ROLLBACK_REQUESTED',
      statusReason: reason,
      rollback: {
        reason,
        startedAt: ctx.now,
        serviceRevisionArn: back.revision.serviceRevisionArn,
        deploymentId: back.deploymentId,
        trigger,
      },
    });
    rollBackRolling(ctx, svc, recOf(svc, rec));
    return;
  }
  patchRecord(ctx, svc, rec.serviceDeploymentArn, {
    ...monitors,
    status: 'STOPPED',
    statusReason: reason,
    stoppedAt: ctx.now,
    finishedAt: ctx.now,
  });
}

const recOf = (svc: Service, rec: ServiceDeploymentRecord): ServiceDeploymentRecord =>
  (svc.serviceDeployments ?? []).find((r) => r.serviceDeploymentArn === rec.serviceDeploymentArn) ?? rec;

/** A rolling rollback: a new PRIMARY deployment of the last completed revision. */
function rollBackRolling(ctx: Ctx, svc0: Service, rec: ServiceDeploymentRecord): void {
  const rb = rec.rollback;
  const rev = rb ? revisionOf(svc0, rb.serviceRevisionArn) : undefined;
  if (!rb || !rev) return;
  const r = newDeployment(ctx, {
    taskDefinition: rev.taskDefinition,
    desiredCount: svc0.desiredCount,
    launchType: rev.launchType,
    ...(rev.networkConfiguration ? { networkConfiguration: rev.networkConfiguration } : {}),
  });
  r.serviceRevisionArn = rev.serviceRevisionArn;
  r.loadBalancers = rev.resolvedLoadBalancers;
  r.rolloutStateReason = `ECS deployment ${r.id} in progress. Rolling back to deployment ${rb.deploymentId}.`;
  const failed = svc0.deployments.find((x) => x.id === rec.deploymentId);
  let svc = ctx.patch('services', svc0.serviceArn, {
    taskDefinition: rev.taskDefinition,
    deployments: [
      r,
      ...svc0.deployments.map((x) =>
        x.id === rec.deploymentId && x.rolloutState === 'IN_PROGRESS'
          ? {
              ...x,
              status: 'ACTIVE' as const,
              rolloutState: 'FAILED' as const,
              rolloutStateReason: rec.statusReason ?? 'ECS deployment rolled back.',
              updatedAt: ctx.now,
            }
          : { ...x, status: 'ACTIVE' as const, updatedAt: ctx.now },
      ),
    ],
    // Like an update to a new task definition, a rollback ends the start-failure backoff.
    sched: {
      ...svc0.sched,
      consecutiveStartFailures: 0,
      throttledUntil: 0,
      throttleReported: false,
      steady: false,
    },
  });
  svc = patchRecord(ctx, svc, rec.serviceDeploymentArn, {
    status: 'ROLLBACK_IN_PROGRESS',
    rollback: { ...rb, deploymentId: r.id },
  });
  addServiceEvent(ctx, svc, `(service ${svc.serviceName}) rolling back to deployment ${rb.deploymentId}.`);
  ctx.emit(
    'deployment/rolledBack',
    {
      serviceName: svc.serviceName,
      reason: rb.trigger ?? 'unknown',
      detail: rb.reason,
      fromDeploymentId: failed?.id ?? rec.deploymentId,
      toDeploymentId: r.id,
      taskDefinition: rev.taskDefinition,
    },
    svc.region,
  );
}

const STAGE2 = /failed (ELB|container) health checks/;

/** Stage 2: tasks of a deployment that ran and then stopped for a health reason, this tick. */
function countRunFailures(ctx: Ctx): void {
  const events = ctx.events;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (!e || e.time !== ctx.now) break;
    if (e.type !== 'task/stopped' || e.data.failedToStart) continue;
    const t = ctx.s.tasks.get(e.data.taskArn as string) as Task | undefined;
    if (!t?.deploymentId || !t.serviceName || t.startedAt === undefined) continue;
    const failure = t.stopCode === 'EssentialContainerExited' || STAGE2.test(t.stoppedReason ?? '');
    if (!failure) continue;
    const svc = ctx.s.services
      .values()
      .find(
        (s) => s.clusterArn === t.clusterArn && s.serviceName === t.serviceName && s.status !== 'INACTIVE',
      );
    const d = svc?.deployments.find((x) => x.id === t.deploymentId);
    if (!svc || !d || d.rolloutState !== 'IN_PROGRESS') continue;
    ctx.patch('services', svc.serviceArn, {
      deployments: svc.deployments.map((x) => (x === d ? { ...x, failedTasks: x.failedTasks + 1 } : x)),
    });
  }
}

export function tickEcsDeployments(ctx: Ctx): void {
  countRunFailures(ctx);
  for (const svc0 of ctx.s.services.values()) {
    if (!svc0.serviceDeployments || svc0.deploymentController.type !== 'ECS' || svc0.status === 'INACTIVE')
      continue;
    const rec = openRecord(svc0);
    if (!rec) continue;
    const prev = ctx.region;
    ctx.region = svc0.region;
    stepRecord(ctx, svc0, rec);
    ctx.region = prev;
  }
}

function stepRecord(ctx: Ctx, svc: Service, rec: ServiceDeploymentRecord): void {
  if (rec.status === 'ROLLBACK_REQUESTED') {
    if (rec.native) rollBackNative(ctx, svc, rec, 'ECS deployment rolled back: stop requested.');
    else {
      const cur = ctx.patch('services', svc.serviceArn, {
        deployments: svc.deployments.map((x) =>
          x.id === rec.deploymentId && x.rolloutState === 'IN_PROGRESS'
            ? {
                ...x,
                rolloutState: 'FAILED' as const,
                rolloutStateReason: `ECS deployment ${x.id} stopped: rollback requested.`,
              }
            : x,
        ),
      });
      rollBackRolling(ctx, cur, recOf(cur, rec));
    }
    return;
  }
  if (rec.status === 'ROLLBACK_IN_PROGRESS') {
    if (rec.native) settleNativeRollback(ctx, svc, rec);
    return;
  }
  if (rec.status !== 'IN_PROGRESS') return;
  const d = svc.deployments.find((x) => x.id === rec.deploymentId);
  if (d?.rolloutState !== 'IN_PROGRESS') return;
  const dc = svc.deploymentConfiguration;
  if (dc.deploymentCircuitBreaker?.enable && d.failedTasks >= circuitBreakerThreshold(dc, svc.desiredCount)) {
    failDeployment(ctx, svc, rec, d, { kind: 'circuitBreaker' });
    return;
  }
  // Native deployments are watched through BAKE_TIME; CLEAN_UP is past the point of return.
  const watching = rec.native?.stage !== 'CLEAN_UP';
  if (dc.alarms?.enable && watching) {
    const firing = alarmsInAlarm(ctx, dc.alarms.alarmNames).filter(
      (n) => !(d.alarmsIgnored ?? []).includes(n),
    );
    if (firing.length) {
      failDeployment(ctx, svc, rec, d, { kind: 'alarm', names: firing });
      return;
    }
  }
  if (!rec.native) return;
  const failedHook = advanceNative(ctx, svc, rec);
  if (!failedHook) return;
  const cur = ctx.s.services.get(svc.serviceArn) as Service;
  const curD = cur.deployments.find((x) => x.id === rec.deploymentId) ?? d;
  failDeployment(ctx, cur, recOf(cur, rec), curD, { kind: 'hook', run: failedHook });
}
