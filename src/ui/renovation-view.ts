/**
 * What the live renovation status shows, computed from the world (no DOM): for the chosen decree's
 * newest renovation, ECS-native or CodeDeploy, the step list (set weight beside the share travelers
 * actually took since the step was applied), the stage in story words (AWS's stage names in AWS
 * mode), the timers in simulated seconds, the counts of a rolling renovation (healthy against the
 * minimum, and the lowest seen), the watchtowers, the promote and abort calls, and the horn of
 * rollback's why card.
 */
import type { WhyCard } from '../i18n/explain.ts';
import { hookFunctionName, hookVerdictWords } from '../i18n/hook-words.ts';
import { byMode, type NameMode } from '../i18n/lexicon.ts';
import { planName } from '../i18n/names.ts';
import {
  codeDeployRollbackCard,
  countdown,
  ecsRollbackCard,
  KIND_WORDS,
  lifecycleWords,
  stageWords,
} from '../i18n/renovation.ts';
import { codeDeployRollbackFacts, ecsRollbackFacts } from '../i18n/renovation-facts.ts';
import type {
  Call,
  CdDeployment,
  MetricAlarm,
  NativeDeploymentState,
  Service,
  ServiceDeploymentRecord,
  SimEvent,
  SimEventOf,
  SimState,
} from '../model/index.ts';
import { observe, serviceKey } from '../model/index.ts';
import { isOpen, latestCdDeployment, latestRecord, listenerOfRule } from './forms/renovation-things.ts';

export interface StepRow {
  k: number;
  set: number;
  /** Percent of travelers measured on the new edition since the step was applied (null: not yet). */
  actual: number | null;
  state: 'done' | 'now' | 'next' | 'back';
}

export type StatusTone = 'ok' | 'warn' | 'error' | 'info';

export interface StatusView {
  id: string;
  headline: string;
  state: { tone: StatusTone; text: string };
  stage: string | null;
  timers: string[];
  steps: StepRow[];
  counts: string[];
  towers: { name: string; state: MetricAlarm['StateValue'] }[];
  horn: WhyCard | null;
  abort: Call | null;
  promote: Call | null;
  promoteHint: string;
  /** The lifecycle hooks run so far (ECS-native), oldest first. */
  hooks: HookRow[];
}

/** One run of a gatekeeper spell (lifecycle hook) at a stage, with its casts and verdicts. */
export interface HookRow {
  key: string;
  spell: string;
  /** The stage in the mode's words, with the step for PRODUCTION_TRAFFIC_SHIFT. */
  stage: string;
  invocations: number;
  verdicts: string;
  state: 'waiting' | 'passed' | 'failed';
}

/** The hook runs of a native deployment, in the mode's words. */
export function hookRows(n: NativeDeploymentState, mode: NameMode): HookRow[] {
  return (n.hooks ?? []).map((r) => ({
    key: r.hookId,
    spell: hookFunctionName(r.hookTargetArn),
    stage: `${stageWords(r.lifecycleStage, mode)}${r.step > 0 ? byMode(mode, ` (step ${r.step})`, ` step ${r.step}`) : ''}`,
    invocations: r.invocations,
    verdicts: r.verdicts.map((v) => hookVerdictWords(v, mode)).join(', '),
    state: r.status === 'SUCCEEDED' ? 'passed' : r.status === 'FAILED' ? 'failed' : 'waiting',
  }));
}

/** Actual share per step, remembered while the page lives (keyed by renovation id and step). */
export type ActualMemo = Map<string, number>;

/** A step's state: done, now (in force), to come, or where the horn sounded. */
export function stepState(k: number, current: number, live: boolean, rolledBack: boolean): StepRow['state'] {
  if (k < current) return 'done';
  if (k > current) return 'next';
  return live ? 'now' : rolledBack ? 'back' : 'done';
}

/** The percent (to 0.1) a key took of a source's newest window that started at `since` or later. */
export function measured(sim: SimState, source: string, key: string, since = 0): number | null {
  for (const w of [sim.traffic.sourceCurrent[source], sim.traffic.sourceLast[source]])
    if (w && w.t >= since && w.requests > 0)
      return Math.round(((w.byGroup[key] ?? 0) * 1000) / w.requests) / 10;
  return null;
}

/** The step list, measuring the step in force (while live) and remembering what each step took. */
export function stepRows(
  sim: SimState,
  memo: ActualMemo,
  id: string,
  plan: { set: number; appliedAt: number | null }[],
  current: number,
  source: string | undefined,
  key: string | undefined,
  live: boolean,
  rolledBack = false,
): StepRow[] {
  return plan.map((p, i) => {
    const k = i + 1;
    const memoKey = `${id}|${k}`;
    if (live && k === current && p.appliedAt !== null && source && key) {
      const m = measured(sim, source, key, p.appliedAt);
      if (m !== null) memo.set(memoKey, m);
    }
    return {
      k,
      set: p.set,
      actual: memo.get(memoKey) ?? null,
      state: stepState(k, current, live, rolledBack),
    };
  });
}

function towersOf(sim: SimState, names: string[]) {
  return names.map((name) => ({
    name,
    state: sim.cloudwatch.alarms[name]?.StateValue ?? ('INSUFFICIENT_DATA' as const),
  }));
}

function ecsKind(rec: ServiceDeploymentRecord): keyof typeof KIND_WORDS {
  const dc = rec.deploymentConfiguration;
  if (dc.strategy === 'LINEAR') return 'linear';
  if (dc.strategy === 'CANARY') return 'canary';
  if (dc.strategy === 'BLUE_GREEN') return dc.bakeTimeInMinutes ? 'blueGreen' : 'allAtOnce';
  return 'rolling';
}

const ECS_STATE: Record<string, [StatusTone, string, string]> = {
  PENDING: ['info', 'about to begin', 'PENDING'],
  IN_PROGRESS: ['info', 'under way', 'IN_PROGRESS'],
  SUCCESSFUL: ['ok', 'complete', 'SUCCESSFUL'],
  STOPPED: ['warn', 'stopped', 'STOPPED'],
  STOP_REQUESTED: ['warn', 'stopping', 'STOP_REQUESTED'],
  ROLLBACK_REQUESTED: ['error', 'horn sounded: rolling back', 'ROLLBACK_REQUESTED'],
  ROLLBACK_IN_PROGRESS: ['error', 'rolling back', 'ROLLBACK_IN_PROGRESS'],
  ROLLBACK_SUCCESSFUL: ['error', 'rolled back', 'ROLLBACK_SUCCESSFUL'],
  ROLLBACK_FAILED: ['error', 'rollback failed', 'ROLLBACK_FAILED'],
};

function ecsView(
  sim: SimState,
  svc: Service,
  rec: ServiceDeploymentRecord,
  events: readonly SimEvent[],
  memo: ActualMemo,
  lowest: Map<string, number>,
  mode: NameMode,
): StatusView {
  const name = svc.serviceName;
  const kind = ecsKind(rec);
  const target =
    svc.serviceRevisions?.find((r) => r.serviceRevisionArn === rec.targetServiceRevisionArn)
      ?.taskDefinition ?? '';
  const source = rec.sourceServiceRevisionArns
    .map((a) => svc.serviceRevisions?.find((r) => r.serviceRevisionArn === a)?.taskDefinition)
    .find((x) => x && x !== target);
  const open = isOpen(rec);
  const [tone, story, aws] = ECS_STATE[rec.status] ?? ['info', rec.status, rec.status];
  const from = source ? planName(source, mode) : byMode(mode, 'nothing', 'none');
  const view: StatusView = {
    id: rec.serviceDeploymentArn,
    headline: `${byMode(mode, `Decree ${name}`, `Service ${name}`)}: ${byMode(mode, ...KIND_WORDS[kind])}, ${from} → ${planName(target, mode)}`,
    state: { tone, text: byMode(mode, story, aws) },
    stage: null,
    timers: [],
    steps: [],
    counts: [],
    towers: towersOf(sim, rec.alarms.status === 'DISABLED' ? [] : rec.alarms.alarmNames),
    horn: null,
    hooks: [],
    abort:
      open && (rec.status === 'IN_PROGRESS' || rec.status === 'PENDING')
        ? {
            action: 'ecs:StopServiceDeployment',
            input: { serviceDeploymentArn: rec.serviceDeploymentArn, stopType: 'ROLLBACK' },
          }
        : null,
    promote: null,
    promoteHint: byMode(
      mode,
      'The steward moves travelers on his own clock: there is nothing to promote by hand.',
      'ECS-native strategies shift on schedule; a PAUSE lifecycle hook (ContinueServiceDeployment) is not modelled.',
    ),
  };
  const n = rec.native;
  if (n) {
    view.hooks = hookRows(n, mode);
    // A renovation that is over has no stage any more: say how it ended, never the stage it was in.
    view.stage = open
      ? stageWords(n.stage, mode)
      : byMode(mode, `over (${story})`, `none: the deployment ended (${aws})`);
    const route = n.routes[0];
    const listener = route ? listenerOfRule(sim, route.productionListenerRule) : undefined;
    view.steps = stepRows(
      sim,
      memo,
      rec.serviceDeploymentArn,
      n.plan.map((p) => ({ set: p.weightPercent, appliedAt: p.appliedAt })),
      n.step,
      listener,
      route?.greenTargetGroupArn,
      open && rec.status === 'IN_PROGRESS',
      rec.rollback !== undefined,
    );
    if (open && n.nextStepAt !== null && n.nextStepAt > sim.now)
      view.timers.push(
        byMode(
          mode,
          `Next step in ${countdown(n.nextStepAt - sim.now)}`,
          `Next shift in ${countdown(n.nextStepAt - sim.now)} (stepBakeTime)`,
        ),
      );
    if (open && n.bakeEndsAt !== null && n.bakeEndsAt > sim.now)
      view.timers.push(
        byMode(
          mode,
          `Baking: ${countdown(n.bakeEndsAt - sim.now)} left`,
          `BAKE_TIME ends in ${countdown(n.bakeEndsAt - sim.now)}`,
        ),
      );
  } else if (!open && lowest.has(rec.serviceDeploymentArn)) {
    const min = Math.ceil((svc.desiredCount * rec.deploymentConfiguration.minimumHealthyPercent) / 100);
    const low = lowest.get(rec.serviceDeploymentArn) ?? 0;
    view.counts.push(
      byMode(
        mode,
        `Lowest healthy during the renovation: ${low} (it had to stay at least ${min})`,
        `Lowest healthy tasks during the deployment: ${low} (bound ${min})`,
      ),
    );
  } else if (open) {
    const min = Math.ceil((svc.desiredCount * rec.deploymentConfiguration.minimumHealthyPercent) / 100);
    const max = Math.floor((svc.desiredCount * rec.deploymentConfiguration.maximumPercent) / 100);
    const o = observe(sim).services[serviceKey(svc.clusterArn, name)];
    const healthy = o?.healthy ?? 0;
    const low = Math.min(lowest.get(rec.serviceDeploymentArn) ?? healthy, healthy);
    lowest.set(rec.serviceDeploymentArn, low);
    view.counts.push(
      byMode(
        mode,
        `Healthy developments now: ${healthy} (must stay at least ${min}; lowest seen ${low}); at most ${max} standing`,
        `Healthy tasks: ${healthy} (minimumHealthyPercent bound ${min}; lowest seen ${low}); maximumPercent bound ${max}`,
      ),
    );
    for (const [td, c] of Object.entries(o?.byRevision ?? {}))
      view.counts.push(
        byMode(
          mode,
          `${planName(td, mode)}: ${c.running} standing, ${c.healthy} healthy`,
          `${planName(td, mode)}: ${c.running} RUNNING, ${c.healthy} healthy`,
        ),
      );
  }
  if (rec.rollback) {
    const facts = ecsRollbackFacts(
      sim,
      {
        serviceName: name,
        reason: rec.rollback.trigger ?? 'unknown',
        detail: rec.rollback.reason,
        ...(rec.rollback.atStage
          ? { atStage: rec.rollback.atStage, step: rec.rollback.step, steps: rec.rollback.steps }
          : {}),
        toDeploymentId: rec.rollback.deploymentId,
        fromDeploymentId: rec.deploymentId,
        ...(rec.rollback.hook ? { hook: rec.rollback.hook } : {}),
      },
      events,
      rec.rollback.startedAt,
      svc.region,
    );
    if (!facts.backTo || facts.backTo === target) facts.backTo = source ?? facts.backTo;
    view.horn = ecsRollbackCard(facts, mode);
  }
  return view;
}

function cdStage(d: CdDeployment, mode: NameMode): string | null {
  if (d.status === 'Ready') return lifecycleWords('Ready', mode);
  if (d.wait?.kind === 'TERMINATION') return lifecycleWords('TerminationWait', mode);
  const ev = d.lifecycleEvents[d.phase];
  return ev ? lifecycleWords(ev.lifecycleEventName, mode) : null;
}

function cdView(
  sim: SimState,
  svc: Service,
  d: CdDeployment,
  events: readonly SimEvent[],
  memo: ActualMemo,
  mode: NameMode,
): StatusView {
  const terminal = cdTerminal(d);
  const rolledBack = d.rollbackInfo?.rollbackDeploymentId !== undefined;
  const tone: StatusTone =
    rolledBack || d.status === 'Failed'
      ? 'error'
      : d.status === 'Succeeded'
        ? 'ok'
        : d.status === 'Stopped' || d.status === 'Ready'
          ? 'warn'
          : 'info';
  const story: Record<string, string> = {
    Created: 'ordered',
    Queued: 'queued',
    InProgress: 'under way',
    Baking: 'baking',
    Succeeded: 'complete',
    Failed: 'failed',
    Stopped: 'stopped',
    Ready: 'waiting for your word',
  };
  const e = d.ecs;
  const t = d.traffic;
  const start = t.startedAt;
  const view: StatusView = {
    id: d.deploymentId,
    headline: `${byMode(mode, `Decree ${svc.serviceName}`, `Service ${svc.serviceName}`)}: ${d.deploymentConfigName} (${d.deploymentId}), ${e?.originalTaskDefinition ? planName(e.originalTaskDefinition, mode) : '…'} → ${e ? planName(e.taskDefinition, mode) : ''}`,
    state: {
      tone,
      text: byMode(
        mode,
        rolledBack ? 'rolled back' : (story[d.status] ?? d.status),
        rolledBack ? `${d.status} (rolled back)` : d.status,
      ),
    },
    stage: terminal ? null : cdStage(d, mode),
    timers: [],
    steps: stepRows(
      sim,
      memo,
      d.deploymentId,
      t.shifts.map((s) => ({ set: s.percent, appliedAt: start === null ? null : start + s.at })),
      t.step,
      e?.prodListenerArns[0],
      e?.replacementTargetGroupArn ?? undefined,
      !terminal,
      d.rollbackInfo?.rollbackDeploymentId !== undefined,
    ),
    counts: [],
    towers: [],
    horn: null,
    hooks: [],
    abort: terminal
      ? null
      : {
          action: 'codedeploy:StopDeployment',
          input: { deploymentId: d.deploymentId, autoRollbackEnabled: true },
        },
    promote:
      d.status === 'Ready'
        ? {
            action: 'codedeploy:ContinueDeployment',
            input: { deploymentId: d.deploymentId, deploymentWaitType: 'READY_WAIT' },
          }
        : d.wait?.kind === 'TERMINATION' && !terminal
          ? {
              action: 'codedeploy:ContinueDeployment',
              input: { deploymentId: d.deploymentId, deploymentWaitType: 'TERMINATION_WAIT' },
            }
          : null,
    promoteHint: byMode(
      mode,
      'Promote when the renovation waits for your word, or to tear the old edition down early.',
      'ContinueDeployment: READY_WAIT, or TERMINATION_WAIT to end the wait early.',
    ),
  };
  view.towers = cdTowers(sim, d);
  view.timers.push(...cdNextShift(sim, d, mode));
  if (!terminal && d.wait && d.wait.until > sim.now && d.wait.kind !== 'HOOK' && d.wait.kind !== 'INSTALL')
    view.timers.push(
      d.wait.kind === 'READY'
        ? byMode(
            mode,
            `Stops on its own in ${countdown(d.wait.until - sim.now)} without your word`,
            `Ready wait ends in ${countdown(d.wait.until - sim.now)}`,
          )
        : byMode(
            mode,
            `Old edition torn down in ${countdown(d.wait.until - sim.now)}`,
            `Termination wait ends in ${countdown(d.wait.until - sim.now)}`,
          ),
    );
  view.horn = cdHorn(sim, d, events, mode);
  return view;
}

/** Succeeded, Failed or Stopped: no more shifts. */
export const cdTerminal = (d: CdDeployment) => ['Succeeded', 'Failed', 'Stopped'].includes(d.status);

/** The watchtowers of a CodeDeploy deployment's group (none when its alarms are off). */
export function cdTowers(sim: SimState, d: CdDeployment): StatusView['towers'] {
  const g = sim.codedeploy.deploymentGroups[`${d.region}:${d.applicationName}:${d.deploymentGroupName}`];
  return g?.alarmConfiguration.enabled
    ? towersOf(
        sim,
        g.alarmConfiguration.alarms.map((a) => a.name),
      )
    : [];
}

/** The countdown to a live CodeDeploy deployment's next traffic shift, if one is due. */
export function cdNextShift(sim: SimState, d: CdDeployment, mode: NameMode): string[] {
  const next = d.traffic.nextShiftAt;
  return !cdTerminal(d) && next !== null && next > sim.now
    ? [
        byMode(
          mode,
          `Next step in ${countdown(next - sim.now)}`,
          `Next shift in ${countdown(next - sim.now)}`,
        ),
      ]
    : [];
}

/** The horn of a rolled-back CodeDeploy deployment: its why card (null when it was not rolled back). */
export function cdHorn(
  sim: SimState,
  d: CdDeployment,
  events: readonly SimEvent[],
  mode: NameMode,
): WhyCard | null {
  if (!d.rollbackInfo?.rollbackDeploymentId) return null;
  const t = d.traffic;
  const ev = [...events]
    .reverse()
    .find(
      (x): x is SimEventOf<'codedeploy/rolledBack'> =>
        x.type === 'codedeploy/rolledBack' && x.data.deploymentId === d.deploymentId,
    );
  const data = ev?.data ?? {
    deploymentId: d.deploymentId,
    reason: d.errorInformation?.code ?? '',
    message: d.errorInformation?.message ?? '',
    step: t.step,
    steps: t.steps,
    atPercent: t.percent,
  };
  return codeDeployRollbackCard(codeDeployRollbackFacts(sim, data, events, ev?.time ?? d.completeTime), mode);
}

/** The status of a decree's newest renovation, or null when it was never renovated. */
export function renovationView(
  sim: SimState,
  serviceArn: string,
  events: readonly SimEvent[],
  memo: ActualMemo,
  lowest: Map<string, number>,
  mode: NameMode,
): StatusView | null {
  const svc = sim.services.get(serviceArn);
  if (!svc) return null;
  if (svc.deploymentController.type === 'CODE_DEPLOY') {
    const d = latestCdDeployment(sim, svc);
    return d ? cdView(sim, svc, d, events, memo, mode) : null;
  }
  const rec = latestRecord(svc);
  // The first record is the decree's proclamation, not a renovation.
  if (!rec || rec.sourceServiceRevisionArns.length === 0) return null;
  return ecsView(sim, svc, rec, events, memo, lowest, mode);
}
