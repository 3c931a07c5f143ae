/**
 * The CodeDeploy engine: each tick, every running deployment takes its next lifecycle step
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-steps-ecs.html,
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html). ECS:
 * BeforeInstall, Install (replacement task set, waits until it runs healthy), AfterInstall, AllowTestTraffic,
 * AfterAllowTestTraffic, [Ready wait when the group's deploymentReadyOption says STOP_DEPLOYMENT],
 * BeforeAllowTraffic, AllowTraffic (production shifted per the config), AfterAllowTraffic, the termination
 * wait, then Succeeded with the original task set deleted. Lambda: BeforeAllowTraffic, AllowTraffic (alias
 * weights), AfterAllowTraffic, Succeeded. A hook named in the AppSpec waits for
 * PutLifecycleEventHookExecutionStatus, failing after one hour; without one the event is Skipped. An alarm of
 * the group in ALARM stops the deployment; failures, alarm stops and StopDeployment roll back when the
 * rollback configuration says so; the rollback is a deployment of its own (creator codeDeployRollback).
 * Rollback is impossible at BeforeInstall. Simplification: the rollback deployment completes at once (traffic
 * back in one step).
 */

import type { Ctx } from '../sim/ctx.ts';
import type { AutoRollbackEvent, CdDeployment, CdDeploymentGroup, CdLifecycleEvent } from '../sim/types.ts';
import { newDeploymentId, noteOnGroup, TERMINAL } from './codedeploy-common.ts';
import {
  drainTaskSet,
  installReplacement,
  promoteReplacement,
  replacementReady,
  resolveEcs,
  rollbackEcs,
  routeAlias,
  routeListeners,
} from './codedeploy-targets.ts';

/** Hooks must answer within an hour (CD-UG:reference-appspec-file-structure-hooks). */
export const HOOK_TIMEOUT = 3600;
/** How long Install waits for the replacement task set to run healthy before the deployment fails. */
export const INSTALL_TIMEOUT = 3600;
export const HOOK_EVENTS = new Set([
  'BeforeInstall',
  'AfterInstall',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
]);

export interface Outcome {
  status: 'Failed' | 'Stopped';
  code: string;
  message: string;
  trigger: AutoRollbackEvent;
  /** Overrides the group's rollback configuration (StopDeployment's autoRollbackEnabled). */
  rollback?: boolean;
  alarmName?: string;
}

const groupOf = (ctx: Ctx, d: CdDeployment) =>
  ctx.s.codedeploy.deploymentGroups[`${d.region}:${d.applicationName}:${d.deploymentGroupName}`];

function save(ctx: Ctx, d: CdDeployment): CdDeployment {
  return ctx.putIn('codedeploy', 'deployments', d.deploymentId, d);
}

function setEvent(ctx: Ctx, d: CdDeployment, i: number, changes: Partial<CdLifecycleEvent>): CdDeployment {
  const ev = d.lifecycleEvents[i] as CdLifecycleEvent;
  const next = { ...ev, ...changes };
  if (changes.status && changes.status !== ev.status)
    ctx.emit(
      'codedeploy/lifecycle',
      { deploymentId: d.deploymentId, event: ev.lifecycleEventName, status: changes.status },
      d.region,
    );
  return { ...d, lifecycleEvents: d.lifecycleEvents.map((e, k) => (k === i ? next : e)) };
}

function succeed(ctx: Ctx, d0: CdDeployment): CdDeployment {
  const d = save(ctx, { ...d0, status: 'Succeeded', completeTime: ctx.now, wait: null });
  noteOnGroup(ctx, d);
  ctx.emit(
    'codedeploy/succeeded',
    {
      deploymentId: d.deploymentId,
      applicationName: d.applicationName,
      deploymentGroupName: d.deploymentGroupName,
    },
    d.region,
  );
  return d;
}

/** Ends a deployment as Failed or Stopped, rolling back when configured (or asked) and possible. */
export function endDeployment(ctx: Ctx, d0: CdDeployment, o: Outcome): CdDeployment {
  let d = d0;
  const cur = d.lifecycleEvents[d.phase];
  if (cur && (cur.status === 'InProgress' || cur.status === 'Pending'))
    d = setEvent(ctx, d, d.phase, {
      status: cur.status === 'InProgress' ? 'Failed' : 'Skipped',
      endTime: ctx.now,
    });
  d = {
    ...d,
    lifecycleEvents: d.lifecycleEvents.map((e, k) =>
      k > d.phase && e.status === 'Pending' ? { ...e, status: 'Skipped' } : e,
    ),
  };
  const wanted =
    o.rollback ??
    (d.autoRollbackConfiguration.enabled && d.autoRollbackConfiguration.events.includes(o.trigger));
  const possible = d.ecs
    ? d.ecs.replacementTaskSetId !== null
    : d.lambda !== undefined && d.startTime !== undefined;
  d = {
    ...d,
    status: o.status,
    completeTime: ctx.now,
    wait: null,
    errorInformation: { code: o.code, message: o.message },
  };
  if (wanted && possible) d = rollBack(ctx, d, o);
  save(ctx, d);
  noteOnGroup(ctx, d);
  ctx.emit(
    o.status === 'Failed' ? 'codedeploy/failed' : 'codedeploy/stopped',
    { deploymentId: d.deploymentId, code: o.code, message: o.message },
    d.region,
  );
  return d;
}

function rollBack(ctx: Ctx, d: CdDeployment, o: Outcome): CdDeployment {
  if (d.ecs) rollbackEcs(ctx, d.ecs);
  else routeAlias(ctx, d, 0, { deploymentId: d.deploymentId, rollback: true });
  const id = newDeploymentId(ctx);
  const rb: CdDeployment = {
    ...d,
    deploymentId: id,
    creator: 'codeDeployRollback',
    status: 'Succeeded',
    createTime: ctx.now,
    startTime: ctx.now,
    completeTime: ctx.now,
    rollbackInfo: { rollbackTriggeringDeploymentId: d.deploymentId },
    lifecycleEvents: d.lifecycleEvents.map((e) => ({
      lifecycleEventName: e.lifecycleEventName,
      status: e.lifecycleEventName === 'AllowTraffic' ? 'Succeeded' : 'Skipped',
      startTime: ctx.now,
      endTime: ctx.now,
    })),
    phase: d.lifecycleEvents.length,
    traffic: { ...d.traffic, percent: 0, nextShiftAt: null },
    wait: null,
  };
  delete rb.errorInformation;
  delete rb.description;
  save(ctx, rb);
  ctx.emit(
    'codedeploy/rolledBack',
    {
      deploymentId: d.deploymentId,
      rollbackDeploymentId: id,
      reason: o.code,
      message: o.message,
      ...(o.alarmName ? { alarmName: o.alarmName } : {}),
      atPercent: d.traffic.percent,
      step: d.traffic.step,
      steps: d.traffic.steps,
    },
    d.region,
  );
  return {
    ...d,
    rollbackInfo: {
      rollbackDeploymentId: id,
      rollbackMessage: `Deployment ${d.deploymentId} was rolled back by deployment ${id}.`,
    },
    traffic: { ...d.traffic, percent: 0, nextShiftAt: null },
  };
}

function firingAlarm(ctx: Ctx, g: CdDeploymentGroup): string | null {
  if (!g.alarmConfiguration.enabled) return null;
  const alarms = Object.values(ctx.s.cloudwatch.alarms);
  for (const { name } of g.alarmConfiguration.alarms)
    if (alarms.some((a) => a.AlarmName === name && a.region === g.region && a.StateValue === 'ALARM'))
      return name;
  return null;
}

/** Applies the shifts that are due; returns the deployment with its traffic numbers updated. */
function shiftTraffic(ctx: Ctx, d: CdDeployment): CdDeployment {
  const start = d.traffic.startedAt ?? ctx.now;
  let { percent, step } = d.traffic;
  while (step < d.traffic.shifts.length && start + (d.traffic.shifts[step]?.at ?? 0) <= ctx.now) {
    percent = d.traffic.shifts[step]?.percent ?? 100;
    step++;
  }
  if (step === d.traffic.step) return d;
  const next = d.traffic.shifts[step];
  const traffic = { ...d.traffic, percent, step, nextShiftAt: next ? start + next.at : null };
  const why = {
    deploymentId: d.deploymentId,
    percent,
    step,
    steps: d.traffic.steps,
    nextShiftAt: traffic.nextShiftAt,
  };
  if (d.ecs) routeListeners(ctx, d.ecs, d.ecs.prodListenerArns, percent);
  else routeAlias(ctx, d, percent, why);
  ctx.emit('codedeploy/trafficShifted', why, d.region);
  return { ...d, traffic };
}

/** One move of the state machine; returns the same object when the deployment has to wait. */
function advanceOnce(ctx: Ctx, d: CdDeployment, g: CdDeploymentGroup): CdDeployment {
  if (d.status === 'Ready') {
    if (d.wait && ctx.now >= d.wait.until)
      return endDeployment(ctx, d, {
        status: 'Stopped',
        code: 'TIMEOUT',
        message:
          'The deployment was not continued before the wait time of the deployment ready option ended.',
        trigger: 'DEPLOYMENT_STOP_ON_REQUEST',
      });
    return d;
  }
  const i = d.phase;
  const ev = d.lifecycleEvents[i];
  if (!ev) return finishUp(ctx, d, g);
  const name = ev.lifecycleEventName;
  if (ev.status === 'Succeeded' || ev.status === 'Skipped') return { ...d, phase: i + 1, wait: null };
  if (ev.status === 'Failed')
    return endDeployment(ctx, d, {
      status: 'Failed',
      code: 'HOOK_EXECUTION_FAILURE',
      message: `The ${name} lifecycle event hook ${ev.hookFunction ?? ''} reported Failed.`,
      trigger: 'DEPLOYMENT_FAILURE',
    });
  if (ev.status === 'Pending') {
    if (name === 'BeforeAllowTraffic' && d.ecs && !d.readyWaitDone) {
      const ready = g.blueGreenDeploymentConfiguration.deploymentReadyOption;
      if (ready.actionOnTimeout === 'STOP_DEPLOYMENT') {
        ctx.emit(
          'codedeploy/lifecycle',
          { deploymentId: d.deploymentId, event: 'Ready', status: 'Ready' },
          d.region,
        );
        return {
          ...d,
          status: 'Ready',
          wait: { kind: 'READY', until: ctx.now + ready.waitTimeInMinutes * 60 },
        };
      }
    }
    if (HOOK_EVENTS.has(name) && !ev.hookFunction)
      return setEvent(ctx, d, i, { status: 'Skipped', startTime: ctx.now, endTime: ctx.now });
    const started = setEvent(ctx, d, i, { status: 'InProgress', startTime: ctx.now });
    if (HOOK_EVENTS.has(name)) {
      const hookExecutionId = ctx.uuid();
      ctx.emit(
        'codedeploy/hookInvoked',
        {
          deploymentId: d.deploymentId,
          event: name,
          functionName: ev.hookFunction,
          lifecycleEventHookExecutionId: hookExecutionId,
        },
        d.region,
      );
      const s = setEvent(ctx, started, i, { hookExecutionId });
      return { ...s, wait: { kind: 'HOOK', until: ctx.now + HOOK_TIMEOUT } };
    }
    if (name === 'Install' && d.ecs) {
      const ecs = installReplacement(ctx, d);
      if (!ecs)
        return endDeployment(ctx, started, {
          status: 'Failed',
          code: 'ECS_UPDATE_ERROR',
          message: 'The replacement task set could not be created.',
          trigger: 'DEPLOYMENT_FAILURE',
        });
      return { ...started, ecs, wait: { kind: 'INSTALL', until: ctx.now + INSTALL_TIMEOUT } };
    }
    if (name === 'AllowTestTraffic' && d.ecs) {
      routeListeners(ctx, d.ecs, d.ecs.testListenerArns, 100);
      return setEvent(ctx, started, i, { status: 'Succeeded', endTime: ctx.now });
    }
    if (name === 'AllowTraffic') {
      const first = d.traffic.shifts[0];
      return shiftTraffic(ctx, {
        ...started,
        traffic: { ...d.traffic, startedAt: ctx.now, nextShiftAt: first ? ctx.now + first.at : null },
      });
    }
    return setEvent(ctx, started, i, { status: 'Succeeded', endTime: ctx.now });
  }
  // InProgress
  if (name === 'Install' && d.ecs) {
    if (replacementReady(ctx, d.ecs)) return setEvent(ctx, d, i, { status: 'Succeeded', endTime: ctx.now });
    if (d.wait && ctx.now >= d.wait.until)
      return endDeployment(ctx, d, {
        status: 'Failed',
        code: 'ECS_UPDATE_ERROR',
        message: 'The replacement task set did not reach a healthy state in time.',
        trigger: 'DEPLOYMENT_FAILURE',
      });
    return d;
  }
  if (name === 'AllowTraffic') {
    const s = shiftTraffic(ctx, d);
    if (s.traffic.percent < 100) return s;
    if (s.ecs) promoteReplacement(ctx, s.ecs);
    return setEvent(ctx, s, i, { status: 'Succeeded', endTime: ctx.now });
  }
  if (HOOK_EVENTS.has(name) && d.wait && ctx.now >= d.wait.until)
    return endDeployment(ctx, d, {
      status: 'Failed',
      code: 'TIMEOUT',
      message: `The ${name} lifecycle event hook ${ev.hookFunction ?? ''} did not report a status within one hour.`,
      trigger: 'DEPLOYMENT_FAILURE',
    });
  return d;
}

/** After the last lifecycle event: ECS waits out the termination wait, then deletes the original. */
function finishUp(ctx: Ctx, d: CdDeployment, g: CdDeploymentGroup): CdDeployment {
  const t = d.ecs;
  if (!t) return succeed(ctx, d);
  const term = g.blueGreenDeploymentConfiguration.terminateBlueInstancesOnDeploymentSuccess;
  if (term.action === 'KEEP_ALIVE') return succeed(ctx, d);
  if (!d.instanceTerminationWaitTimeStarted) {
    ctx.emit(
      'codedeploy/lifecycle',
      { deploymentId: d.deploymentId, event: 'TerminationWait', status: 'InProgress' },
      d.region,
    );
    return {
      ...d,
      instanceTerminationWaitTimeStarted: true,
      wait: { kind: 'TERMINATION', until: ctx.now + term.terminationWaitTimeInMinutes * 60 },
    };
  }
  if (d.wait && ctx.now < d.wait.until) return d;
  drainTaskSet(ctx, t, t.originalTaskSetId);
  return succeed(ctx, d);
}

function begin(ctx: Ctx, d: CdDeployment, g: CdDeploymentGroup): CdDeployment {
  let next: CdDeployment = { ...d, status: 'InProgress', startTime: ctx.now };
  if (d.ecs) {
    const ecs = resolveEcs(ctx, d, g);
    if (typeof ecs === 'string')
      return endDeployment(ctx, next, {
        status: 'Failed',
        code: 'INVALID_ECS_SERVICE',
        message: ecs,
        trigger: 'DEPLOYMENT_FAILURE',
      });
    next = { ...next, ecs };
  }
  ctx.emit(
    'codedeploy/started',
    { deploymentId: d.deploymentId, computePlatform: d.computePlatform },
    d.region,
  );
  return next;
}

function stepDeployment(ctx: Ctx, d0: CdDeployment): void {
  const g = groupOf(ctx, d0);
  if (!g) {
    endDeployment(ctx, d0, {
      status: 'Failed',
      code: 'DEPLOYMENT_GROUP_MISSING',
      message: 'The deployment group was deleted.',
      trigger: 'DEPLOYMENT_FAILURE',
    });
    return;
  }
  let d = d0.status === 'Created' ? begin(ctx, d0, g) : d0;
  if (TERMINAL.has(d.status)) return;
  const alarm = firingAlarm(ctx, g);
  if (alarm) {
    endDeployment(ctx, d, {
      status: 'Stopped',
      code: 'ALARM_ACTIVE',
      message: `One or more alarms have been activated according to the Amazon CloudWatch metrics you selected, and the affected deployments have been stopped. Activated alarms: <${alarm}>`,
      trigger: 'DEPLOYMENT_STOP_ON_ALARM',
      alarmName: alarm,
    });
    return;
  }
  for (let guard = 0; guard < 40; guard++) {
    const next = advanceOnce(ctx, d, g);
    if (next === d) break;
    d = next;
    if (TERMINAL.has(d.status)) return;
  }
  if (d !== d0) save(ctx, d);
}

export function tickCodeDeploy(ctx: Ctx): void {
  const all = ctx.s.codedeploy.deployments;
  for (const id in all) {
    const d = all[id] as CdDeployment;
    if (TERMINAL.has(d.status)) continue;
    const prev = ctx.region;
    ctx.region = d.region;
    stepDeployment(ctx, d);
    ctx.region = prev;
  }
}
