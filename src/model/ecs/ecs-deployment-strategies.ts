/**
 * ECS-native BLUE_GREEN, LINEAR and CANARY deployments (deploymentController ECS, 2025): a state
 * machine per service deployment that walks ECS's lifecycle stages, one stage per simulated second
 * at least: RECONCILE_SERVICE (only while revisions other than blue still have tasks) ->
 * PRE_SCALE_UP -> SCALE_UP (green scaled to 100% on its own target group, no production traffic;
 * waits until every green task is healthy) -> POST_SCALE_UP -> TEST_TRAFFIC_SHIFT (test rule: green
 * 100%) -> POST_TEST_TRAFFIC_SHIFT -> PRODUCTION_TRAFFIC_SHIFT (BLUE_GREEN: 100% at once; LINEAR:
 * +stepPercent per step with stepBakeTimeInMinutes between steps, none after 100%; CANARY:
 * canaryPercent, canaryBakeTimeInMinutes, then 100%) -> POST_PRODUCTION_TRAFFIC_SHIFT -> BAKE_TIME
 * (bakeTimeInMinutes, both revisions running) -> CLEAN_UP (blue scaled to 0) -> SUCCESSFUL.
 * The next deployment swaps the roles of the two target groups.
 *
 * A rollback (alarm, circuit breaker, or StopServiceDeployment ROLLBACK) puts production and test traffic
 * back on blue at once (blue is still running,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-linear.html), scales green to
 * 0, and the service deployment goes ROLLBACK_REQUESTED -> ROLLBACK_IN_PROGRESS -> ROLLBACK_SUCCESSFUL once
 * green's tasks are gone.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-linear.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinearConfiguration.html (stages,
 * linear/canary settings, "not applied after reaching 100 percent", rollback is an instant shift back),
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html (weighted
 * forward), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html and
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html (alarms,
 * circuit breaker). Lifecycle hooks run at the stages they name (deployment-hooks.ts). Simplifications: the optional PRE_PRODUCTION_TRAFFIC_SHIFT hook stage is not entered; maximumPercent does not limit green's
 * scale up; a failed native deployment always shifts back to blue, even when the failing method's rollback
 * flag is false (blue is still running and serving; leaving traffic on a failed green is not modelled).
 */
import type { Ctx } from '../sim/ctx.ts';
import type {
  DeploymentConfiguration,
  DeploymentLifecycleStage,
  HookExecution,
  NativeDeploymentState,
  Service,
  ServiceDeployment,
  ServiceDeploymentRecord,
  Task,
  TrafficStep,
} from '../sim/types.ts';
import { runStageHooks } from './deployment-hooks.ts';
import { strategyOf } from './ecs-deployment-config.ts';
import { patchRecord } from './ecs-service-deployments.ts';
import { setRuleWeights } from './ecs-traffic-shift.ts';
import { isTaskHealthyForService } from './elb-ecs.ts';
import { addServiceEvent } from './service-events.ts';

const ORDER: DeploymentLifecycleStage[] = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
];
const at = (s: DeploymentLifecycleStage) => ORDER.indexOf(s);

/** The production steps of a strategy: weights on green after each step, and the bake between. */
export function nativePlan(dc: DeploymentConfiguration): { weights: number[]; stepBakeSeconds: number } {
  const strategy = strategyOf(dc);
  if (strategy === 'CANARY') {
    const c = dc.canaryConfiguration ?? { canaryPercent: 5, canaryBakeTimeInMinutes: 10 };
    return {
      weights: c.canaryPercent >= 100 ? [100] : [c.canaryPercent, 100],
      stepBakeSeconds: c.canaryBakeTimeInMinutes * 60,
    };
  }
  if (strategy === 'LINEAR') {
    const l = dc.linearConfiguration ?? { stepPercent: 10, stepBakeTimeInMinutes: 6 };
    const weights: number[] = [];
    for (let k = 1; Math.round(k * l.stepPercent * 10) < 1000; k++)
      weights.push(Math.round(k * l.stepPercent * 10) / 10);
    weights.push(100);
    return { weights, stepBakeSeconds: l.stepBakeTimeInMinutes * 60 };
  }
  return { weights: [100], stepBakeSeconds: 0 };
}

export function newNativeState(
  ctx: Ctx,
  dc: DeploymentConfiguration,
  blueDeploymentId: string,
  greenDeploymentId: string,
  routes: NativeDeploymentState['routes'],
  reconcile: boolean,
): NativeDeploymentState {
  const { weights, stepBakeSeconds } = nativePlan(dc);
  const plan: TrafficStep[] = weights.map((weightPercent) => ({ weightPercent, appliedAt: null }));
  return {
    strategy: strategyOf(dc) as NativeDeploymentState['strategy'],
    blueDeploymentId,
    greenDeploymentId,
    routes,
    stage: reconcile ? 'RECONCILE_SERVICE' : 'PRE_SCALE_UP',
    stageStartedAt: ctx.now,
    weightPercent: 0,
    testWeightPercent: 0,
    step: 0,
    steps: plan.length,
    plan,
    stepBakeSeconds,
    nextStepAt: null,
    bakeEndsAt: null,
  };
}

function liveOf(ctx: Ctx, svc: Service, deploymentId: string | null): Task[] {
  if (deploymentId === null) return [];
  return ctx.s.tasks
    .values()
    .filter(
      (t) =>
        t.deploymentId === deploymentId &&
        t.serviceName === svc.serviceName &&
        t.clusterArn === svc.clusterArn &&
        t.desiredStatus !== 'STOPPED',
    );
}

/** Writes the weights on every route's production or test rule and says so. */
function shift(
  ctx: Ctx,
  svc: Service,
  n: NativeDeploymentState,
  kind: 'production' | 'test',
  percent: number,
): void {
  const rules: string[] = [];
  for (const r of n.routes) {
    const rule = kind === 'production' ? r.productionListenerRule : r.testListenerRule;
    if (rule && setRuleWeights(ctx, rule, r.blueTargetGroupArn, r.greenTargetGroupArn, percent))
      rules.push(rule);
  }
  ctx.emit(
    'deployment/trafficShifted',
    { serviceName: svc.serviceName, kind, weightPercent: percent, listenerRules: rules },
    svc.region,
  );
}

function save(
  ctx: Ctx,
  svc: Service,
  rec: ServiceDeploymentRecord,
  n: NativeDeploymentState,
  extra: Partial<ServiceDeploymentRecord> = {},
): Service {
  return patchRecord(ctx, svc, rec.serviceDeploymentArn, { native: n, ...extra });
}

function enter(
  ctx: Ctx,
  svc: Service,
  n: NativeDeploymentState,
  stage: DeploymentLifecycleStage,
): NativeDeploymentState {
  const next = { ...n, stage, stageStartedAt: ctx.now };
  ctx.emit(
    'deployment/stageChanged',
    { serviceName: svc.serviceName, stage, weightPercent: n.weightPercent, step: n.step, steps: n.steps },
    svc.region,
  );
  return next;
}

/** Keeps blue, green and any leftover revision at the counts the current stage calls for. */
function syncCounts(ctx: Ctx, svc: Service, n: NativeDeploymentState, rollingBack: boolean): Service {
  const want = (d: ServiceDeployment): number => {
    if (d.id === n.blueDeploymentId)
      return rollingBack || at(n.stage) < at('CLEAN_UP') ? svc.desiredCount : 0;
    if (d.id === n.greenDeploymentId)
      return !rollingBack && at(n.stage) >= at('SCALE_UP') ? svc.desiredCount : 0;
    return 0;
  };
  if (svc.deployments.every((d) => d.desiredCount === want(d) && d.held)) return svc;
  return ctx.patch('services', svc.serviceArn, {
    deployments: svc.deployments.map((d) =>
      d.desiredCount === want(d) && d.held
        ? d
        : { ...d, desiredCount: want(d), held: true, updatedAt: ctx.now },
    ),
  });
}

/**
 * One tick of an IN_PROGRESS native deployment. The stage's lifecycle hooks (deployment-hooks.ts) are run
 * first: the stage is left only once they all succeeded. Returns the hook run that failed, if one did (the
 * caller fails the deployment).
 */
export function advanceNative(ctx: Ctx, svc0: Service, rec: ServiceDeploymentRecord): HookExecution | null {
  let n = rec.native as NativeDeploymentState;
  let svc = syncCounts(ctx, svc0, n, false);
  const start = n;
  const hooked = runStageHooks(ctx, svc, rec, n);
  n = hooked.n;
  if (hooked.gate.kind !== 'proceed') {
    if (n !== start) save(ctx, svc, rec, n);
    return hooked.gate.kind === 'failed' ? hooked.gate.run : null;
  }
  switch (n.stage) {
    case 'RECONCILE_SERVICE': {
      const others = svc.deployments.filter(
        (d) => d.id !== n.blueDeploymentId && d.id !== n.greenDeploymentId,
      );
      if (others.every((d) => liveOf(ctx, svc, d.id).length === 0)) n = enter(ctx, svc, n, 'PRE_SCALE_UP');
      break;
    }
    case 'PRE_SCALE_UP':
      n = enter(ctx, svc, n, 'SCALE_UP');
      svc = syncCounts(ctx, svc, n, false);
      break;
    case 'SCALE_UP': {
      const healthy = liveOf(ctx, svc, n.greenDeploymentId).filter((t) => isTaskHealthyForService(ctx, t));
      if (healthy.length >= svc.desiredCount) n = enter(ctx, svc, n, 'POST_SCALE_UP');
      break;
    }
    case 'POST_SCALE_UP':
      n = enter(ctx, svc, n, 'TEST_TRAFFIC_SHIFT');
      if (n.routes.some((r) => r.testListenerRule)) shift(ctx, svc, n, 'test', 100);
      n = { ...n, testWeightPercent: 100 };
      break;
    case 'TEST_TRAFFIC_SHIFT':
      n = enter(ctx, svc, n, 'POST_TEST_TRAFFIC_SHIFT');
      break;
    case 'POST_TEST_TRAFFIC_SHIFT':
    case 'PRE_PRODUCTION_TRAFFIC_SHIFT':
      n = enter(ctx, svc, n, 'PRODUCTION_TRAFFIC_SHIFT');
      n = applyStep(ctx, svc, n);
      break;
    case 'PRODUCTION_TRAFFIC_SHIFT':
      if (n.step >= n.steps) n = enter(ctx, svc, n, 'POST_PRODUCTION_TRAFFIC_SHIFT');
      else if (n.nextStepAt !== null && ctx.now >= n.nextStepAt) n = applyStep(ctx, svc, n);
      break;
    case 'POST_PRODUCTION_TRAFFIC_SHIFT': {
      const bake = (rec.deploymentConfiguration.bakeTimeInMinutes ?? 0) * 60;
      n = { ...enter(ctx, svc, n, 'BAKE_TIME'), bakeEndsAt: ctx.now + bake };
      break;
    }
    case 'BAKE_TIME':
      if (n.bakeEndsAt !== null && ctx.now >= n.bakeEndsAt) {
        n = enter(ctx, svc, n, 'CLEAN_UP');
        svc = syncCounts(ctx, svc, n, false);
      }
      break;
    case 'CLEAN_UP':
      if (liveOf(ctx, svc, n.blueDeploymentId).length === 0) {
        finishNative(ctx, svc, rec, n);
        return null;
      }
      break;
  }
  if (n !== start) save(ctx, svc, rec, n);
  return null;
}

function applyStep(ctx: Ctx, svc: Service, n: NativeDeploymentState): NativeDeploymentState {
  const stepNo = n.step + 1;
  const weight = n.plan[stepNo - 1]?.weightPercent ?? 100;
  shift(ctx, svc, n, 'production', weight);
  const plan = n.plan.map((p, i) => (i === stepNo - 1 ? { ...p, appliedAt: ctx.now } : p));
  const more = stepNo < n.steps;
  ctx.emit(
    'deployment/stageChanged',
    {
      serviceName: svc.serviceName,
      stage: 'PRODUCTION_TRAFFIC_SHIFT',
      weightPercent: weight,
      step: stepNo,
      steps: n.steps,
    },
    svc.region,
  );
  return {
    ...n,
    step: stepNo,
    weightPercent: weight,
    plan,
    nextStepAt: more ? ctx.now + n.stepBakeSeconds : null,
  };
}

function finishNative(ctx: Ctx, svc0: Service, rec: ServiceDeploymentRecord, n: NativeDeploymentState): void {
  const green = svc0.deployments.find((d) => d.id === n.greenDeploymentId);
  let svc = ctx.patch('services', svc0.serviceArn, {
    deployments: svc0.deployments
      .filter((d) => d.id === n.greenDeploymentId)
      .map((d) => {
        const { held: _h, ...rest } = d;
        return {
          ...rest,
          status: 'PRIMARY' as const,
          rolloutState: 'COMPLETED' as const,
          rolloutStateReason: `ECS deployment ${d.id} completed.`,
          updatedAt: ctx.now,
        };
      }),
  });
  svc = patchRecord(ctx, svc, rec.serviceDeploymentArn, {
    native: { ...n, nextStepAt: null },
    status: 'SUCCESSFUL',
    finishedAt: ctx.now,
    circuitBreaker: {
      ...rec.circuitBreaker,
      status: rec.circuitBreaker.status === 'DISABLED' ? 'DISABLED' : 'MONITORING_COMPLETE',
      failureCount: green?.failedTasks ?? 0,
    },
    alarms: { ...rec.alarms, status: rec.alarms.status === 'DISABLED' ? 'DISABLED' : 'MONITORING_COMPLETE' },
  });
  addServiceEvent(
    ctx,
    svc,
    `(service ${svc.serviceName}) (deployment ${n.greenDeploymentId}) deployment completed.`,
  );
  ctx.emit(
    'deployment/completed',
    {
      serviceName: svc.serviceName,
      deploymentId: n.greenDeploymentId,
      strategy: n.strategy,
      serviceDeploymentArn: rec.serviceDeploymentArn,
    },
    svc.region,
  );
}

/** Carries out a requested rollback: traffic back to blue at once, green scaled to 0. */
export function rollBackNative(
  ctx: Ctx,
  svc0: Service,
  rec: ServiceDeploymentRecord,
  failureReason: string,
): void {
  const n0 = rec.native as NativeDeploymentState;
  const blue = svc0.deployments.find((d) => d.id === n0.blueDeploymentId);
  if (n0.weightPercent > 0 || n0.step > 0) shift(ctx, svc0, n0, 'production', 0);
  if (n0.testWeightPercent > 0) shift(ctx, svc0, n0, 'test', 0);
  const n: NativeDeploymentState = {
    ...n0,
    weightPercent: 0,
    testWeightPercent: 0,
    nextStepAt: null,
    bakeEndsAt: null,
  };
  const ordered = [
    ...svc0.deployments.filter((d) => d.id === n.blueDeploymentId),
    ...svc0.deployments.filter((d) => d.id !== n.blueDeploymentId),
  ].map((d): ServiceDeployment => {
    if (d.id === n.blueDeploymentId)
      return { ...d, status: 'PRIMARY', desiredCount: svc0.desiredCount, held: true, updatedAt: ctx.now };
    const failed =
      d.id === n.greenDeploymentId && d.rolloutState === 'IN_PROGRESS'
        ? { rolloutState: 'FAILED' as const, rolloutStateReason: failureReason }
        : {};
    return { ...d, ...failed, status: 'ACTIVE', desiredCount: 0, held: true, updatedAt: ctx.now };
  });
  let svc = ctx.patch('services', svc0.serviceArn, {
    deployments: ordered,
    ...(blue ? { taskDefinition: blue.taskDefinition } : {}),
  });
  svc = patchRecord(ctx, svc, rec.serviceDeploymentArn, { native: n, status: 'ROLLBACK_IN_PROGRESS' });
  svc = addServiceEvent(
    ctx,
    svc,
    `(service ${svc.serviceName}) rolling back to deployment ${n.blueDeploymentId}.`,
  );
  ctx.emit(
    'deployment/rolledBack',
    {
      serviceName: svc.serviceName,
      reason: rec.rollback?.trigger ?? 'unknown',
      detail: rec.rollback?.reason ?? failureReason,
      atStage: rec.rollback?.atStage ?? n0.stage,
      step: rec.rollback?.step ?? n0.step,
      steps: rec.rollback?.steps ?? n0.steps,
      weightPercent: n0.weightPercent,
      fromDeploymentId: n.greenDeploymentId,
      toDeploymentId: n.blueDeploymentId,
      ...(rec.rollback?.hook ? { hook: rec.rollback.hook } : {}),
    },
    svc.region,
  );
}

/** ROLLBACK_IN_PROGRESS ends when green has no task left. */
export function settleNativeRollback(ctx: Ctx, svc: Service, rec: ServiceDeploymentRecord): void {
  const n = rec.native as NativeDeploymentState;
  if (liveOf(ctx, svc, n.greenDeploymentId).length > 0) return;
  const next = ctx.patch('services', svc.serviceArn, {
    deployments: svc.deployments
      .filter((d) => d.id === n.blueDeploymentId)
      .map((d) => {
        const { held: _h, ...rest } = d;
        return { ...rest, desiredCount: svc.desiredCount, updatedAt: ctx.now };
      }),
  });
  patchRecord(ctx, next, rec.serviceDeploymentArn, { status: 'ROLLBACK_SUCCESSFUL', finishedAt: ctx.now });
}
