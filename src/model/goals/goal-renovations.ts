/**
 * The traffic trajectory goals of goals.ts, folded one simulated second at a time beside the tracker:
 *
 * - listenerForwardedOnce: at some moment the listener on a port forwarded a weight to a target group
 *   (a blue/green swap that may since have been swapped back);
 * - revisionShareHeld: the share of travelers answered by one task definition revision stayed within
 *   a band for long enough (a canary at 10% for five minutes);
 * - trafficOffWithin: after the first alarm went to ALARM, the revision's share fell to zero within a
 *   delay (the horn of rollback).
 *
 * Also the newest service deployment's status (serviceDeploymentStatus) and a listener's forward share,
 * which goal-state.ts's state goals use.
 *
 * Sources: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html
 * (weighted forward actions, listener default actions),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-linear.html (production traffic
 * shifted by weights; a rollback is an instant shift back),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html (alarms).
 * Simplifications: a share is measured on the requests that arrived, all sources together (the running totals
 * per revision and the load balancers' own 5xx), over the last SHARE_WINDOW seconds, so that a slow trickle
 * of travelers (a fraction of a request a second) still reads as its weight; a second without any request
 * extends no band and breaks none.
 */

import type { Service, ServiceDeploymentRecord, SimState } from '../sim/types.ts';
import type { GoalMissing } from './goal-missing.ts';
import type { GoalCheck } from './goals.ts';

/** Seconds over which a revision's share of the travelers is measured. */
export const SHARE_WINDOW = 10;

export interface GoalMark {
  /**
   * When the goal's moment happened: the first second the forward was seen, or the first second of the
   * revision's silence after the alarm (counted only when within the allowed delay).
   */
  at: number | null;
  /** Consecutive seconds the share has been inside the band, and the longest such run. */
  run: number;
  best: number;
  /** Cumulative [revision requests, all requests] of the last SHARE_WINDOW + 1 seconds, oldest first. */
  samples: [number, number][];
  /** The share (percent) over the last window; null while no traveler arrived in it. */
  share: number | null;
}

export type ShareCheck = Extract<
  GoalCheck,
  { kind: 'listenerForwardedOnce' | 'revisionShareHeld' | 'trafficOffWithin' }
>;

export function isShareCheck(c: GoalCheck): c is ShareCheck {
  return (
    c.kind === 'listenerForwardedOnce' || c.kind === 'revisionShareHeld' || c.kind === 'trafficOffWithin'
  );
}

export const emptyMark = (): GoalMark => ({ at: null, run: 0, best: 0, samples: [], share: null });

/** Requests answered by `family:revision` since the world began (every region). */
export function revisionRequests(s: SimState, family: string, revision: number): number {
  const suffix = `:task-definition/${family}:${revision}`;
  let n = 0;
  for (const [key, t] of Object.entries(s.traffic.totals)) if (key.endsWith(suffix)) n += t.requests;
  return n;
}

/** Percent of a target group in the default action of the listener on a port (any load balancer). */
export function portShare(s: SimState, port: number, targetGroup: string): number {
  const tg = Object.values(s.elb.targetGroups).find((g) => g.TargetGroupName === targetGroup);
  if (!tg) return 0;
  let best = 0;
  for (const l of Object.values(s.elb.listeners))
    if (l.Port === port) best = Math.max(best, forwardShare(l.DefaultActions, tg.TargetGroupArn));
  return best;
}

/**
 * Folds one second into a share goal's mark. `allRequests` is the tracker's running total of requests
 * (tasks, Lambda versions and load balancer 5xx); `alarmAt` the first second an alarm was in ALARM.
 */
export function foldMark(
  m: GoalMark,
  c: ShareCheck,
  s: SimState,
  allRequests: number,
  alarmAt: number | null,
): GoalMark {
  if (c.kind === 'listenerForwardedOnce') {
    if (m.at !== null) return m;
    return portShare(s, c.port, c.targetGroup) === (c.weight ?? 100) ? { ...m, at: s.now } : m;
  }
  const samples = [...m.samples, [revisionRequests(s, c.family, c.revision), allRequests]] as [
    number,
    number,
  ][];
  if (samples.length > SHARE_WINDOW + 1) samples.shift();
  const first = samples[0] as [number, number];
  const last = samples[samples.length - 1] as [number, number];
  const all = last[1] - first[1];
  const share = all > 0 ? (100 * (last[0] - first[0])) / all : null;
  const full = samples.length === SHARE_WINDOW + 1;
  if (c.kind === 'revisionShareHeld') {
    let run = m.run;
    if (full && share !== null) run = share >= c.min && share <= c.max ? run + 1 : 0;
    return { ...m, samples, share, run, best: Math.max(m.best, run) };
  }
  // trafficOffWithin: a whole window that ends after the alarm carried travelers, none to the revision.
  if (m.at !== null || alarmAt === null || !full || share !== 0 || s.now < alarmAt)
    return { ...m, samples, share };
  const at = Math.max(alarmAt, s.now - SHARE_WINDOW + 1);
  return { ...m, samples, share, at: at - alarmAt <= c.seconds ? at : null };
}

export interface MarkResult {
  done: boolean;
  have: number;
  need: number;
  missing?: GoalMissing;
}

/** A share (a percentage, or null before any request) rounded to a tenth, as the goal reports it. */
const percentOf = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** Progress of a share goal from its mark and the first alarm. */
export function evaluateMark(c: ShareCheck, m: GoalMark | undefined, alarmAt: number | null): MarkResult {
  const mark = m ?? emptyMark();
  switch (c.kind) {
    case 'listenerForwardedOnce': {
      if (mark.at !== null) return { done: true, have: 1, need: 1 };
      const w = c.weight ?? 100;
      return {
        done: false,
        have: 0,
        need: 1,
        missing: { kind: 'notForwardedYet', port: c.port, percent: w, targetGroup: c.targetGroup },
      };
    }
    case 'revisionShareHeld': {
      const done = mark.best >= c.seconds;
      if (done) return { done, have: mark.best, need: c.seconds };
      return {
        done,
        have: mark.best,
        need: c.seconds,
        missing: {
          kind: 'shareHeld',
          family: c.family,
          revision: c.revision,
          share: percentOf(mark.share),
          min: c.min,
          max: c.max,
          held: mark.best,
          seconds: c.seconds,
        },
      };
    }
    case 'trafficOffWithin': {
      if (mark.at !== null) return { done: true, have: 1, need: 1 };
      const missing: GoalMissing =
        alarmAt === null
          ? { kind: 'noAlarmYet' }
          : mark.share === 0
            ? { kind: 'trafficOffLate', family: c.family, revision: c.revision, seconds: c.seconds }
            : { kind: 'trafficStill', family: c.family, revision: c.revision, share: percentOf(mark.share) };
      return { done: false, have: 0, need: 1, missing };
    }
  }
}

/** Percent of a listener's default forward going to a target group. */
export function forwardShare(
  actions: SimState['elb']['listeners'][string]['DefaultActions'],
  tgArn: string,
): number {
  const forward = actions.find((a) => a.Type === 'forward');
  if (!forward) return 0;
  const groups = forward.ForwardConfig?.TargetGroups;
  if (!groups || groups.length === 0) return forward.TargetGroupArn === tgArn ? 100 : 0;
  const total = groups.reduce((a, g) => a + g.Weight, 0);
  const mine = groups.find((g) => g.TargetGroupArn === tgArn)?.Weight ?? 0;
  return total === 0 ? 0 : Math.round((mine * 100) / total);
}

const revisionOf = (arn: string): number => Number(arn.slice(arn.lastIndexOf(':') + 1));

/**
 * Progress of serviceDeploymentStatus: the newest service deployment record
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeployment.html).
 */
export function deploymentStatus(
  svc: Service,
  c: Extract<GoalCheck, { kind: 'serviceDeploymentStatus' }>,
): MarkResult {
  const last = (svc.serviceDeployments ?? []).reduce<ServiceDeploymentRecord | undefined>(
    (a, r) => (!a || r.createdAt > a.createdAt ? r : a),
    undefined,
  );
  const target = last
    ? (svc.serviceRevisions ?? []).find((x) => x.serviceRevisionArn === last.targetServiceRevisionArn)
    : undefined;
  const revision = target ? revisionOf(target.taskDefinition) : undefined;
  if (last?.status === c.status && (c.revision === undefined || revision === c.revision))
    return { done: true, have: 1, need: 1 };
  const missing: GoalMissing = last
    ? { kind: 'serviceDeployment', revision: revision ?? null, status: last.status }
    : { kind: 'noServiceDeployment', service: svc.serviceName };
  return { done: false, have: 0, need: 1, missing };
}
