/**
 * The facts of a rollback, read from a rollback event's data and the world it happened in: which
 * edition the travelers went back to, which alarm fired and what it said (its configuration, and its
 * StateReason when the event came with it). The chronicle and the renovation panel's why card both
 * read them, so the horn tells one story wherever it sounds.
 */
import type { HookVerdict, SimEvent, SimState } from '../model/index.ts';
import { hookFunctionName } from './hook-words.ts';
import {
  type AliasRollbackFacts,
  alarmFacts,
  type CodeDeployRollbackFacts,
  type EcsRollbackFacts,
} from './renovation.ts';

type Data = Record<string, unknown>;
const s = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * The live service of that name in the event's region (the events name services, not their ARNs; an
 * event without a region is the world's own region's).
 */
export function serviceByName(sim: SimState, name: string, region: string = sim.defaultRegion) {
  const all = sim.services.values().filter((x) => x.serviceName === name && x.region === region);
  return all.find((x) => x.status !== 'INACTIVE') ?? all[0];
}

/**
 * The reason an alarm gave when it last went to ALARM (at or before `at`): its StateUpdate history
 * item, else the alarm/stateChanged event among `events`. The alarm's StateReason now may already tell
 * a later story.
 */
export function firingReason(
  sim: SimState,
  name: string,
  events?: readonly SimEvent[],
  at?: number,
): string | null {
  for (const h of sim.cloudwatch.history) {
    if (h.AlarmName !== name || h.HistoryItemType !== 'StateUpdate' || !h.HistorySummary.endsWith('to ALARM'))
      continue;
    if (at !== undefined && h.Timestamp > at) continue;
    try {
      const reason = (JSON.parse(h.HistoryData ?? '{}') as { newState?: { stateReason?: unknown } }).newState
        ?.stateReason;
      if (typeof reason === 'string') return reason;
    } catch {
      // A history item without JSON data: look at the events instead.
    }
    break;
  }
  if (events)
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i] as SimEvent;
      if (at !== undefined && e.time > at) continue;
      if (e.type === 'alarm/stateChanged' && e.data.alarmName === name && e.data.to === 'ALARM')
        return s(e.data.reason) || null;
    }
  return null;
}

function alarmOf(sim: SimState, name: string, reason: string | null) {
  const a = sim.cloudwatch.alarms[name];
  return a ? alarmFacts(a, reason) : undefined;
}

/** Facts of an ECS deployment/rolledBack (rolling or native). */
export function ecsRollbackFacts(
  sim: SimState,
  d: Data,
  events?: readonly SimEvent[],
  at?: number,
  region?: string,
): EcsRollbackFacts {
  const svc = serviceByName(sim, s(d.serviceName), region);
  const dep = (id: unknown) => svc?.deployments.find((x) => x.id === id);
  const trigger = s(d.reason) || 'unknown';
  const backTo = s(d.taskDefinition) || dep(d.toDeploymentId)?.taskDefinition || svc?.taskDefinition || '';
  const f: EcsRollbackFacts = { service: s(d.serviceName), trigger, detail: s(d.detail), backTo };
  const failed = dep(d.fromDeploymentId)?.taskDefinition;
  if (failed) f.failed = failed;
  if (typeof d.atStage === 'string') f.stage = d.atStage;
  const step = num(d.step);
  const steps = num(d.steps);
  const w = num(d.weightPercent);
  if (step !== undefined) f.step = step;
  if (steps !== undefined) f.steps = steps;
  if (w !== undefined) f.weightPercent = w;
  const hook = d.hook as
    | { hookTargetArn?: unknown; lifecycleStage?: unknown; verdict?: unknown; invocations?: unknown }
    | undefined;
  if (hook && typeof hook.hookTargetArn === 'string')
    f.hook = {
      functionName: hookFunctionName(hook.hookTargetArn),
      stage: s(hook.lifecycleStage),
      verdict: (s(hook.verdict) || 'FAILED') as HookVerdict,
      invocations: num(hook.invocations) ?? 1,
    };
  const special = ['circuitBreaker', 'StopServiceDeployment', 'lifecycleHook', 'unknown'];
  if (!special.includes(trigger)) {
    const alarm = alarmOf(sim, trigger, firingReason(sim, trigger, events, at));
    if (alarm) f.alarm = alarm;
  }
  return f;
}

/** Facts of a codedeploy/rolledBack. */
export function codeDeployRollbackFacts(
  sim: SimState,
  d: Data,
  events?: readonly SimEvent[],
  at?: number,
): CodeDeployRollbackFacts {
  const dep = sim.codedeploy.deployments[s(d.deploymentId)];
  const platform = dep?.computePlatform === 'Lambda' ? 'Lambda' : 'ECS';
  const backTo =
    platform === 'Lambda' ? (dep?.lambda?.currentVersion ?? '') : (dep?.ecs?.originalTaskDefinition ?? '');
  const f: CodeDeployRollbackFacts = {
    code: s(d.reason),
    message: s(d.message),
    step: num(d.step) ?? 0,
    steps: num(d.steps) ?? 0,
    percent: num(d.atPercent) ?? 0,
    backTo,
    platform,
  };
  const name = s(d.alarmName);
  if (name) {
    const alarm = alarmOf(sim, name, firingReason(sim, name, events, at));
    if (alarm) f.alarm = alarm;
  }
  return f;
}

/** Facts of an alias/deploymentRolledBack (the seed's linear shift). */
export function aliasRollbackFacts(d: Data): AliasRollbackFacts {
  const w = d.window as { from?: number; to?: number } | undefined;
  return {
    functionName: s(d.functionName),
    alias: s(d.alias),
    oldVersion: s(d.oldVersion),
    newVersion: s(d.newVersion),
    step: num(d.step) ?? 0,
    steps: num(d.steps) ?? 0,
    weight: num(d.weight) ?? 0,
    errors: num(d.errors) ?? 0,
    windowSeconds: w && typeof w.from === 'number' && typeof w.to === 'number' ? w.to - w.from : 60,
  };
}
