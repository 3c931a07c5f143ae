/**
 * What happened since a level began, folded one simulated second at a time: the gold spent (EC2
 * instance-hours and Fargate vCPU- and GB-hours at prices in proportion to AWS's on-demand prices),
 * the requests that failed, the seconds a service spent below its desired count, the windows of
 * the trajectory goals ("never fewer than 2 healthy tasks since the zone failed") and the marks of the
 * traffic goals (goal-renovations.ts: a swap seen once, a canary share held, traffic off after an alarm).
 *
 * Source: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html (a task
 * counts as healthy once RUNNING and past its health checks, or 40 s after RUNNING without any; behind a load
 * balancer, once its targets are healthy: 7), 10 (Fargate bills vCPU and memory per second while the task
 * runs). Simplifications: EC2 bills every second an instance is `running` (AWS bills per second with a
 * one-minute minimum, which a level never notices); Fargate bills from the image pull (PENDING) until
 * STOPPED, per second, without the one-minute minimum. Gold = US dollars x GOLD_PER_USD.
 *
 * The tracker is plain JSON and holds no reference to the state; `observeTick` returns a new one and
 * only looks at what the given goals need beyond the always-kept totals, so it stays cheap per tick.
 */
import { FARGATE_PRICES } from '../ec2/catalog.ts';
import { priceIn } from '../ec2/offerings.ts';
import { isTaskHealthyForService } from '../ecs/elb-ecs.ts';
import { Ctx } from '../sim/ctx.ts';
import type { SimState } from '../sim/types.ts';
import { emptyMark, foldMark, type GoalMark, isShareCheck } from './goal-renovations.ts';
import type { GoalCheck, WindowStart } from './goals.ts';

/** 1 US dollar of AWS on-demand price is 1,000 gold: a t3.medium hour costs 41.6 gold. */
export const GOLD_PER_USD = 1000;

export interface ServiceTrack {
  desired: number;
  running: number;
  healthy: number;
  /** The service has had its desired count running since the desired count last changed. */
  reachedDesired: boolean;
  /** The PRIMARY deployment's id, to notice a new deployment (an UpdateService). */
  primaryId: string;
  primaryRevision: string;
  /** First time a deployment started after the level began. */
  newDeploymentAt: number | null;
  /** First time the service lost a running task without its desired count going down. */
  lostAt: number | null;
  /** First time it was back at its desired count after that loss. */
  recoveredAt: number | null;
}

export interface GoalWindow {
  openedAt: number | null;
  /** Lowest value seen while the window was open. */
  min: number | null;
  violatedAt: number | null;
}

export interface Tracker {
  startedAt: number;
  now: number;
  /** Seconds each instance type spent running, summed over instances, by region (prices differ). */
  instanceSeconds: Record<string, Record<string, number>>;
  fargateVcpuSeconds: number;
  fargateGbSeconds: number;
  requestsAtStart: number;
  errorsAtStart: number;
  requests: number;
  errors: number;
  /** Service-seconds below the desired count, counted once a service had reached it. */
  secondsBelowDesired: number;
  services: Record<string, ServiceTrack>;
  zoneFailedAt: number | null;
  drainingAt: number | null;
  /** First second an alarm was in ALARM during the level. */
  alarmAt: number | null;
  /** First second a scaling policy existed during the level (absent until then). */
  scalingPolicyAt?: number;
  windows: Record<string, GoalWindow>;
  /** The traffic goals' marks by goal id (goal-renovations.ts); absent until such a goal is observed. */
  marks?: Record<string, GoalMark>;
}

/** A goal as the tracker and the evaluator see it (levels' GoalSpec is a superset). */
export interface GoalRef {
  id: string;
  check: GoalCheck;
}

const ELB_5XX = 'AWS/ApplicationELB|HTTPCode_ELB_5XX_Count|';

/**
 * Requests and failures so far: those that reached a task or a Lambda version (the model's running
 * totals), plus the load balancers' own 5xx (no healthy target), read from their CloudWatch series.
 */
function trafficTotals(s: SimState): { requests: number; errors: number } {
  let requests = 0;
  let errors = 0;
  for (const t of Object.values(s.traffic.totals)) {
    requests += t.requests;
    errors += t.errors;
  }
  if (Object.keys(s.elb.loadBalancers).length > 0) {
    for (const [key, series] of Object.entries(s.cloudwatch.metrics)) {
      if (!key.startsWith(ELB_5XX) || series.Dimensions.length !== 1) continue;
      for (const p of series.points) {
        requests += p.sum;
        errors += p.sum;
      }
    }
  }
  return { requests, errors };
}

function hasAny(record: object): boolean {
  for (const _ in record) return true;
  return false;
}

function anyDraining(s: SimState): boolean {
  for (const ci of s.containerInstances.values()) if (ci.status === 'DRAINING') return true;
  return false;
}

export function createTracker(s: SimState): Tracker {
  const totals = trafficTotals(s);
  const tracker: Tracker = {
    startedAt: s.now,
    now: s.now,
    instanceSeconds: {},
    fargateVcpuSeconds: 0,
    fargateGbSeconds: 0,
    requestsAtStart: totals.requests,
    errorsAtStart: totals.errors,
    requests: totals.requests,
    errors: totals.errors,
    secondsBelowDesired: 0,
    services: {},
    zoneFailedAt: null,
    drainingAt: null,
    alarmAt: null,
    windows: {},
  };
  // The services the level starts with are the baseline: their deployments are not "new".
  return { ...tracker, services: serviceTracks(s, {}, s.now, false) };
}

interface Counts {
  running: number;
  healthy: number;
}

function countTasks(s: SimState): { byService: Record<string, Counts>; vcpu: number; gb: number } {
  const byService: Record<string, Counts> = {};
  let vcpu = 0;
  let gb = 0;
  // Healthy as the scheduler counts it: behind a load balancer, only once its targets pass checks.
  const ctx = new Ctx(s, s.defaultRegion);
  for (const t of s.tasks.values()) {
    if (t.lastStatus === 'STOPPED') continue;
    if (t.launchType === 'FARGATE' && t.lastStatus !== 'PROVISIONING') {
      vcpu += t.cpu / 1024;
      gb += t.memory / 1024;
    }
    if (t.serviceName === null || t.desiredStatus !== 'RUNNING' || t.lastStatus !== 'RUNNING') continue;
    const c = byService[t.serviceName] ?? { running: 0, healthy: 0 };
    byService[t.serviceName] = {
      running: c.running + 1,
      healthy: c.healthy + (isTaskHealthyForService(ctx, t) ? 1 : 0),
    };
  }
  return { byService, vcpu, gb };
}

function serviceTracks(
  s: SimState,
  prev: Record<string, ServiceTrack>,
  now: number,
  started: boolean,
  counts: Record<string, Counts> = countTasks(s).byService,
): Record<string, ServiceTrack> {
  const out: Record<string, ServiceTrack> = {};
  for (const svc of s.services.values()) {
    if (svc.status !== 'ACTIVE') continue;
    const c = counts[svc.serviceName] ?? { running: 0, healthy: 0 };
    const primary = svc.deployments.find((d) => d.status === 'PRIMARY');
    const primaryId = primary?.id ?? svc.taskSets.find((ts) => ts.status === 'PRIMARY')?.id ?? '';
    const before = prev[svc.serviceName];
    const desired = svc.desiredCount;
    const reachedBefore = before !== undefined && before.desired === desired && before.reachedDesired;
    // A loss: fewer running than a second ago and below the desired count (a scale-in or the stop
    // that follows a rebalancing or a rolling replacement never goes below it).
    const lost = before !== undefined && started && c.running < before.running && c.running < desired;
    const lostAt = before?.lostAt ?? (lost ? now : null);
    out[svc.serviceName] = {
      desired,
      running: c.running,
      healthy: c.healthy,
      reachedDesired: reachedBefore || c.running >= desired,
      primaryId,
      primaryRevision: primary?.taskDefinition ?? svc.taskDefinition,
      newDeploymentAt:
        before?.newDeploymentAt ??
        (started && before !== undefined && before.primaryId !== primaryId ? now : null),
      lostAt,
      recoveredAt: before?.recoveredAt ?? (lostAt !== null && !lost && c.running >= desired ? now : null),
    };
  }
  return out;
}

function windowStartOpen(
  t: Tracker,
  since: WindowStart,
  service: string,
  value: number,
  need: number,
): boolean {
  switch (since) {
    case 'start':
      return true;
    case 'reached':
      return value >= need;
    case 'zoneFailed':
      return t.zoneFailedAt !== null;
    case 'draining':
      return t.drainingAt !== null;
    case 'newDeployment':
      return (t.services[service]?.newDeploymentAt ?? null) !== null;
  }
}

/** Folds one simulated second into the tracker. Call once per tick, after the tick. */
export function observeTick(tracker: Tracker, s: SimState, goals: readonly GoalRef[] = []): Tracker {
  const instanceSeconds = { ...tracker.instanceSeconds };
  const copied = new Set<string>();
  for (const i of s.instances.values()) {
    if (i.state !== 'running') continue;
    if (!copied.has(i.region)) {
      copied.add(i.region);
      instanceSeconds[i.region] = { ...instanceSeconds[i.region] };
    }
    const region = instanceSeconds[i.region] as Record<string, number>;
    region[i.instanceType] = (region[i.instanceType] ?? 0) + 1;
  }
  const { byService, vcpu, gb } = countTasks(s);
  const services = serviceTracks(s, tracker.services, s.now, true, byService);
  let below = 0;
  for (const t of Object.values(services)) if (t.reachedDesired && t.running < t.desired) below++;
  const totals = trafficTotals(s);
  const impaired = Object.keys(s.impairedZones).length > 0;
  let alarm = tracker.alarmAt;
  if (alarm === null) {
    for (const a of Object.values(s.cloudwatch.alarms)) if (a.StateValue === 'ALARM') alarm = s.now;
  }
  const next: Tracker = {
    ...tracker,
    now: s.now,
    instanceSeconds,
    fargateVcpuSeconds: tracker.fargateVcpuSeconds + vcpu,
    fargateGbSeconds: tracker.fargateGbSeconds + gb,
    requests: totals.requests,
    errors: totals.errors,
    secondsBelowDesired: tracker.secondsBelowDesired + below,
    services,
    zoneFailedAt: tracker.zoneFailedAt ?? (impaired ? s.now : null),
    drainingAt: tracker.drainingAt ?? (anyDraining(s) ? s.now : null),
    alarmAt: alarm,
  };
  let windows = tracker.windows;
  for (const g of goals) {
    if (g.check.kind !== 'neverBelowHealthy') continue;
    const { service, atLeast, since } = g.check;
    const value = services[service]?.healthy ?? 0;
    const w = windows[g.id] ?? { openedAt: null, min: null, violatedAt: null };
    const open = w.openedAt !== null || windowStartOpen(next, since, service, value, atLeast);
    if (!open) continue;
    const min = w.min === null ? value : Math.min(w.min, value);
    windows = {
      ...windows,
      [g.id]: {
        openedAt: w.openedAt ?? s.now,
        min,
        violatedAt: w.violatedAt ?? (value < atLeast ? s.now : null),
      },
    };
  }
  let marks = tracker.marks;
  for (const g of goals) {
    if (!isShareCheck(g.check)) continue;
    const m = foldMark(marks?.[g.id] ?? emptyMark(), g.check, s, totals.requests, next.alarmAt);
    if (m !== marks?.[g.id]) marks = { ...marks, [g.id]: m };
  }
  if (tracker.scalingPolicyAt === undefined && hasAny(s.appAutoScaling.policies))
    next.scalingPolicyAt = s.now;
  const withMarks = marks === undefined || marks === tracker.marks ? next : { ...next, marks };
  return windows === tracker.windows ? withMarks : { ...withMarks, windows };
}

/** Gold spent since the level began, to one decimal. */
export function goldSpent(tracker: Tracker): number {
  let usd = 0;
  for (const [region, types] of Object.entries(tracker.instanceSeconds)) {
    for (const [type, seconds] of Object.entries(types)) usd += (priceIn(region, type) * seconds) / 3600;
  }
  usd += (FARGATE_PRICES.perVcpuHour * tracker.fargateVcpuSeconds) / 3600;
  usd += (FARGATE_PRICES.perGbHour * tracker.fargateGbSeconds) / 3600;
  return Math.round(usd * GOLD_PER_USD * 10) / 10;
}

/** Requests that failed (5xx) since the level began. */
export function failedRequests(tracker: Tracker): number {
  return tracker.errors - tracker.errorsAtStart;
}

export interface StarRules {
  thriftGold: number;
  safetyFailedRequests: number;
  safetySecondsBelowDesired: number;
}

export interface Stars {
  /** 0 until every goal is met; then 1, plus one for thrift and one for safety. */
  count: number;
  complete: boolean;
  thrift: boolean;
  safety: boolean;
  gold: number;
  failedRequests: number;
  secondsBelowDesired: number;
}

export function starsFor(rules: StarRules, tracker: Tracker, allDone: boolean): Stars {
  const gold = goldSpent(tracker);
  const failed = failedRequests(tracker);
  const thrift = gold <= rules.thriftGold;
  const safety =
    failed <= rules.safetyFailedRequests && tracker.secondsBelowDesired <= rules.safetySecondsBelowDesired;
  return {
    count: allDone ? 1 + (thrift ? 1 : 0) + (safety ? 1 : 0) : 0,
    complete: allDone,
    thrift,
    safety,
    gold,
    failedRequests: failed,
    secondsBelowDesired: tracker.secondsBelowDesired,
  };
}
