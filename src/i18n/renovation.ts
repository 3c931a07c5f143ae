/**
 * Renovations and spells in words: the kinds of renovation, ECS's lifecycle stages and CodeDeploy's
 * lifecycle events in story words (AWS mode keeps AWS's own names), what a watchtower watches in a
 * few words ("5xx > 1% for 2 of 2 minutes"), and the why cards of the horn of rollback, built from the
 * rollback events' data and the alarm's configuration and StateReason:
 *
 *   "Watchtower mill-5xx: 5xx > 1% for 2 of 2 minutes at step 3 of 10 — travelers returned to
 *    edition 1"
 *   "Alarm mill-5xx in ALARM (2 of 2 datapoints > 1.0) during PRODUCTION_TRAFFIC_SHIFT step 3/10:
 *    rolled back to mill:1"
 *
 * Pure data and functions: no DOM, no store.
 */
import type { HookVerdict } from '../model/index.ts';
import type { WhyCard } from './explain.ts';
import { hookVerdictWords } from './hook-words.ts';
import { byMode, type NameMode } from './lexicon.ts';
import { parsePlan } from './names.ts';
import { pct } from './percent.ts';

export type RenovationKind = 'rolling' | 'blueGreen' | 'canary' | 'linear' | 'allAtOnce';

export const KIND_WORDS: Record<RenovationKind, [nozama: string, aws: string]> = {
  rolling: ['rolling renovation', 'rolling update (ROLLING)'],
  blueGreen: ['road swap (blue/green)', 'blue/green (BLUE_GREEN)'],
  canary: ['canary renovation', 'canary (CANARY)'],
  linear: ['linear renovation', 'linear (LINEAR)'],
  allAtOnce: ['all at once', 'all at once'],
};

/**
 * ECS's lifecycle stages
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html) in story
 * words.
 */
const STAGE_STORY: Record<string, string> = {
  RECONCILE_SERVICE: 'settling older editions first',
  PRE_SCALE_UP: 'about to raise the new edition',
  SCALE_UP: 'raising the new edition beside the old (no travelers yet)',
  POST_SCALE_UP: 'the new edition stands',
  TEST_TRAFFIC_SHIFT: 'testers walk through the test door to the new edition',
  POST_TEST_TRAFFIC_SHIFT: 'testers are through',
  PRE_PRODUCTION_TRAFFIC_SHIFT: 'about to move travelers',
  PRODUCTION_TRAFFIC_SHIFT: 'moving travelers to the new edition',
  POST_PRODUCTION_TRAFFIC_SHIFT: 'every traveler is on the new edition',
  BAKE_TIME: 'baking: both editions stand while the watchtowers watch',
  CLEAN_UP: 'tearing down the old edition',
};

/**
 * CodeDeploy's lifecycle events
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html) and
 * its waits, in story words.
 */
const EVENT_STORY: Record<string, string> = {
  BeforeInstall: 'before raising the replacement',
  Install: 'raising the replacement edition on the second road',
  AfterInstall: 'the replacement stands',
  AllowTestTraffic: 'testers walk through the test door',
  AfterAllowTestTraffic: 'testers are through',
  BeforeAllowTraffic: 'about to move travelers',
  AllowTraffic: 'moving travelers to the replacement',
  AfterAllowTraffic: 'every traveler is on the replacement',
  Ready: 'waiting for your word to move travelers',
  TerminationWait: 'the old edition still stands, in case you need it back',
};

export function stageWords(stage: string, mode: NameMode): string {
  return byMode(mode, STAGE_STORY[stage] ?? stage, stage);
}

/** Lambda deployments move casts of a spell, not travelers. */
const LAMBDA_EVENT_STORY: Record<string, string> = {
  BeforeAllowTraffic: 'about to move casts',
  AllowTraffic: 'moving casts to the new edition',
  AfterAllowTraffic: 'every cast goes to the new edition',
};

export function lifecycleWords(event: string, mode: NameMode, lambda = false): string {
  const story = (lambda ? LAMBDA_EVENT_STORY[event] : undefined) ?? EVENT_STORY[event] ?? event;
  return byMode(mode, story, event);
}

/** A duration in simulated seconds as a countdown: "4:05", "0:09", "1:02:03". */
export function countdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

export { pct };

// ---------------------------------------------------------------------------------------------
// Watchtowers in a few words

export interface AlarmLike {
  AlarmName: string;
  MetricName?: string;
  Metrics?: unknown[];
  Period?: number;
  EvaluationPeriods: number;
  DatapointsToAlarm?: number;
  Threshold?: number;
  ComparisonOperator: string;
  StateReason?: string;
}

export interface AlarmFacts {
  name: string;
  /** What it watches, short: "5xx", "Errors", "RequestCount". */
  metric: string;
  /** "%" for a share (metric math over 100), else "". */
  unit: string;
  op: string;
  threshold: number;
  /** N of M: datapoints that breached, out of the last M. */
  n: number;
  m: number;
  periodSeconds: number;
  /** The alarm's StateReason when it fired (AWS's words), if known. */
  reason: string | null;
}

const OPS: Record<string, string> = {
  GreaterThanThreshold: '>',
  GreaterThanOrEqualToThreshold: '≥',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '≤',
};

const SHORT_METRIC: Record<string, string> = {
  HTTPCode_Target_5XX_Count: '5xx',
  HTTPCode_ELB_5XX_Count: 'gate 5xx',
  HTTPCode_ELB_503_Count: '503',
  RequestCount: 'requests',
  TargetResponseTime: 'response time',
  UnHealthyHostCount: 'unhealthy targets',
  Errors: 'Errors',
  Invocations: 'Invocations',
  Duration: 'Duration',
};

type Stat = { Expression?: string; MetricStat?: { Metric?: { MetricName?: string }; Period?: number } };

export function alarmFacts(a: AlarmLike, reason?: string | null): AlarmFacts {
  const queries = (a.Metrics ?? []) as Stat[];
  const expr = queries.find((q) => typeof q.Expression === 'string')?.Expression ?? '';
  const names = queries.map((q) => q.MetricStat?.Metric?.MetricName).filter((x): x is string => !!x);
  let metric = SHORT_METRIC[a.MetricName ?? ''] ?? a.MetricName ?? 'metric';
  let unit = '';
  if (expr) {
    const watched = names.find((x) => x !== 'RequestCount' && x !== 'Invocations') ?? names[0] ?? '';
    metric = SHORT_METRIC[watched] ?? (watched || 'metric math');
    unit = /\b100\s*\*/.test(expr) ? '%' : '';
  }
  // Only the reason it fired with says how many datapoints breached; the current one may be later.
  const nm = /(\d+) out of the last (\d+) datapoints/.exec(reason ?? '');
  const n = nm ? Number(nm[1]) : (a.DatapointsToAlarm ?? a.EvaluationPeriods);
  const m = nm ? Number(nm[2]) : a.EvaluationPeriods;
  const period = a.Period ?? queries.find((q) => q.MetricStat?.Period)?.MetricStat?.Period ?? 60;
  return {
    name: a.AlarmName,
    metric,
    unit,
    op: OPS[a.ComparisonOperator] ?? a.ComparisonOperator,
    threshold: a.Threshold ?? 0,
    n,
    m,
    periodSeconds: period,
    reason: reason ?? null,
  };
}

/** "for 2 of 2 minutes", "for 1 of 3 five-minute looks" (looks of `period` seconds). */
function periodWords(f: AlarmFacts): string {
  if (f.periodSeconds === 60) return `for ${f.n} of ${f.m} ${f.m === 1 ? 'minute' : 'minutes'}`;
  const mins = f.periodSeconds / 60;
  const look = Number.isInteger(mins) ? `${mins}-minute` : `${f.periodSeconds}-second`;
  return `for ${f.n} of ${f.m} ${look} ${f.m === 1 ? 'look' : 'looks'}`;
}

/** "5xx > 1% for 2 of 2 minutes". */
export function alarmRule(f: AlarmFacts): string {
  return `${f.metric} ${f.op} ${pct(f.threshold)}${f.unit} ${periodWords(f)}`;
}

/** CloudWatch writes thresholds with at least one decimal: 1 -> "1.0". */
function awsThreshold(t: number): string {
  return Number.isInteger(t) ? t.toFixed(1) : String(t);
}

/** "(2 of 2 datapoints > 1.0)". */
export function alarmRuleAws(f: AlarmFacts): string {
  return `(${f.n} of ${f.m} datapoints ${f.op} ${awsThreshold(f.threshold)})`;
}

// ---------------------------------------------------------------------------------------------
// The horn of rollback

/** The edition travelers went back to, from a task definition ARN or family:revision. */
function edition(td: string, mode: NameMode): string {
  const { family, revision } = parsePlan(td);
  return mode === 'aws' ? `${family}:${revision}` : `edition ${revision}`;
}

function card(mode: NameMode, nozama: WhyCard, aws: WhyCard): WhyCard {
  if (mode === 'nozama') return nozama;
  if (mode === 'aws') return aws;
  return { headline: nozama.headline, reasons: [aws.headline, ...nozama.reasons, ...aws.reasons] };
}

export interface EcsRollbackFacts {
  service: string;
  /** An alarm name, 'circuitBreaker', 'StopServiceDeployment' or 'unknown' (the event's reason). */
  trigger: string;
  /** ECS's rolloutStateReason. */
  detail: string;
  stage?: string;
  step?: number;
  steps?: number;
  /** Production weight on the new edition when it rolled back. */
  weightPercent?: number;
  /** The task definition travelers went back to. */
  backTo: string;
  /** The task definition that failed. */
  failed?: string;
  alarm?: AlarmFacts;
  /** A lifecycle hook that stopped it: its function, the stage and its last answer. */
  hook?: { functionName: string; stage: string; verdict: HookVerdict; invocations: number };
}

/** Where it was: " at step 3 of 10" / " during PRODUCTION_TRAFFIC_SHIFT step 3/10". */
function whereStory(f: { stage?: string; step?: number; steps?: number }): string {
  if (f.stage === 'BAKE_TIME') return ' while baking, every traveler on the new edition';
  if (f.step !== undefined && f.steps !== undefined && f.step > 0) return ` at step ${f.step} of ${f.steps}`;
  if (f.stage) return ' before any traveler moved';
  return ' during the rolling renovation';
}

function whereAws(f: { stage?: string; step?: number; steps?: number }): string {
  if (!f.stage) return ' during the rolling deployment';
  if (f.stage === 'PRODUCTION_TRAFFIC_SHIFT' && f.step !== undefined && f.steps !== undefined)
    return ` during ${f.stage} step ${f.step}/${f.steps}`;
  return ` during ${f.stage}`;
}

export function ecsRollbackCard(f: EcsRollbackFacts, mode: NameMode): WhyCard {
  const back = edition(f.backTo, 'nozama');
  const backAws = edition(f.backTo, 'aws');
  const native = f.stage !== undefined;
  const returned = native ? `travelers returned to ${back}` : `the decree returned to ${back}`;
  let story: string;
  let aws: string;
  if (f.alarm) {
    story = `Watchtower ${f.alarm.name}: ${alarmRule(f.alarm)}${whereStory(f)} — ${returned}`;
    aws = `Alarm ${f.alarm.name} in ALARM ${alarmRuleAws(f.alarm)}${whereAws(f)}: rolled back to ${backAws}`;
  } else if (f.trigger === 'circuitBreaker') {
    story = `The steward's circuit breaker: new developments kept failing${whereStory(f)} — ${returned}`;
    aws = `Deployment circuit breaker: tasks failed to start${whereAws(f)}: rolled back to ${backAws}`;
  } else if (f.hook) {
    const said = hookVerdictWords(f.hook.verdict, 'nozama');
    story = `Gatekeeper spell ${f.hook.functionName} answered “${said}” when ${stageWords(f.hook.stage, 'nozama')}${whereStory(f)} — ${returned}`;
    aws = `Lifecycle hook ${f.hook.functionName}: ${hookVerdictWords(f.hook.verdict, 'aws')}${whereAws(f)}: rolled back to ${backAws}`;
  } else if (f.trigger === 'StopServiceDeployment') {
    story = `You sounded the horn yourself${whereStory(f)} — ${returned}`;
    aws = `StopServiceDeployment (stopType ROLLBACK)${whereAws(f)}: rolled back to ${backAws}`;
  } else {
    story = `The renovation failed${whereStory(f)} — ${returned}`;
    aws = `${f.detail}${whereAws(f)}: rolled back to ${backAws}`;
  }
  const failed = f.failed ? edition(f.failed, 'nozama') : 'the new edition';
  const storyReasons = [
    native
      ? `Both editions were still standing, so the travelers went back at once; ${failed} is torn down.`
      : `The steward raises ${back} again and tears down the developments of ${failed}.`,
    f.hook
      ? `Mend the new edition, or change the verdict of spell ${f.hook.functionName}, then renovate again.`
      : 'Mend the new edition (lift its curse), then renovate again.',
  ];
  const awsReasons = [f.detail, ...(f.alarm?.reason ? [f.alarm.reason] : [])];
  return card(mode, { headline: story, reasons: storyReasons }, { headline: aws, reasons: awsReasons });
}

export interface CodeDeployRollbackFacts {
  /** CodeDeploy's error code: ALARM_ACTIVE, MANUAL_STOP, HOOK_EXECUTION_FAILURE, ... */
  code: string;
  message: string;
  step: number;
  steps: number;
  percent: number;
  /** ECS: the original task definition; Lambda: the alias's current version. */
  backTo: string;
  platform: 'ECS' | 'Lambda';
  alarm?: AlarmFacts;
}

export function codeDeployRollbackCard(f: CodeDeployRollbackFacts, mode: NameMode): WhyCard {
  const ecs = f.platform === 'ECS';
  const back = ecs ? edition(f.backTo, 'nozama') : `edition ${f.backTo}`;
  const backAws = ecs ? edition(f.backTo, 'aws') : `version ${f.backTo}`;
  const where = f.step > 0 ? ` at step ${f.step} of ${f.steps}` : ' before any traveler moved';
  const whereAwsText = ` during AllowTraffic step ${f.step}/${f.steps} (${pct(f.percent)}%)`;
  const returned = ecs ? `travelers returned to ${back}` : `incantation back to ${back}`;
  let story: string;
  let aws: string;
  if (f.alarm) {
    story = `Watchtower ${f.alarm.name}: ${alarmRule(f.alarm)}${where} — ${returned}`;
    aws = `Alarm ${f.alarm.name} in ALARM ${alarmRuleAws(f.alarm)}${whereAwsText}: CodeDeploy rolled back to ${backAws}`;
  } else if (f.code === 'MANUAL_STOP') {
    story = `You sounded the horn yourself${where} — ${returned}`;
    aws = `StopDeployment (autoRollbackEnabled)${whereAwsText}: CodeDeploy rolled back to ${backAws}`;
  } else {
    story = `The renovation failed (${f.code})${where} — ${returned}`;
    aws = `${f.code}${whereAwsText}: CodeDeploy rolled back to ${backAws}`;
  }
  const reasons = [
    'The old edition was still standing, so the travelers went back at once.',
    'Mend the new edition, then renovate again.',
  ];
  return card(
    mode,
    { headline: story, reasons },
    { headline: aws, reasons: [f.message, ...(f.alarm?.reason ? [f.alarm.reason] : [])] },
  );
}

export interface AliasRollbackFacts {
  functionName: string;
  alias: string;
  oldVersion: string;
  newVersion: string;
  step: number;
  steps: number;
  /** The weight on the new version at that step, 0..1. */
  weight: number;
  errors: number;
  windowSeconds: number;
}

/** The seed's linear shift rolled back: "Errors 3 in the last 60 s at step 4 of 10: incantation back to edition 1". */
export function aliasRollbackCard(f: AliasRollbackFacts, mode: NameMode): WhyCard {
  const story = `Errors ${f.errors} in the last ${f.windowSeconds} s at step ${f.step} of ${f.steps}: incantation back to edition ${f.oldVersion}`;
  const aws =
    `Health check failed, exiting: Errors Sum ${f.errors} over the last ${f.windowSeconds} s ` +
    `(ExecutedVersion ${f.newVersion}) at step ${f.step}/${f.steps}, weight ${f.weight}: ` +
    `alias ${f.alias} back to version ${f.oldVersion}`;
  return card(
    mode,
    {
      headline: story,
      reasons: [
        `Edition ${f.newVersion} of spell ${f.functionName} failed while it answered ${Math.round(f.weight * 100)}% of the casts; every cast goes to edition ${f.oldVersion} again.`,
        'Mend the edition (lift its curse), publish, and shift again.',
      ],
    },
    {
      headline: aws,
      reasons: [
        `UpdateAlias ${f.functionName}:${f.alias} RoutingConfig.AdditionalVersionWeights={} (FunctionVersion ${f.oldVersion} unchanged).`,
        `Health check: AWS/Lambda Errors, FunctionName=${f.functionName}, Resource=${f.functionName}:${f.alias}, ExecutedVersion=${f.newVersion}, Sum > 0 fails.`,
      ],
    },
  );
}
