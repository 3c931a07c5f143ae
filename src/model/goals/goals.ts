/**
 * Goals as data, evaluated against the simulated state (DESIGN.md section 6). State goals look at
 * the world now ("service web has 6 RUNNING tasks on 6 distinct container instances"); trajectory
 * goals look at what happened since the level began, folded tick by tick by goal-tracker.ts ("never
 * fewer than 4 healthy tasks since the Availability Zone failed", "fewer than 50 failed requests").
 *
 * Every goal reports progress (have / need and a short AWS-worded detail), not just pass or fail, so the
 * player sees what is still missing. Sources:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerInstance.html (registration, the
 * agent), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html (task
 * definitions), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html and
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html (placement, the
 * cluster query language), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html and
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html (services,
 * deployments, draining),
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html and
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html (target
 * health, listener weights),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-linear.html and
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html (blue/green,
 * canary and linear shifts, rollback on an alarm: goal-renovations.ts),
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html (Lambda alias weights).
 * Simplification: clusters, services and target groups are named, not ARNs, and looked up in every region (a
 * level plays in one region).
 */

import type { LaunchType, SimState } from '../sim/types.ts';
import { evaluateCapacityGoal } from './goal-capacity.ts';
import type { GoalMissing, GoalUnit } from './goal-missing.ts';
import { evaluateMark, isShareCheck } from './goal-renovations.ts';
import { evaluateScaling, isScalingCheck, type ScalingGoalCheck } from './goal-scaling.ts';
import { atLeast, evaluateState, type Result } from './goal-state.ts';
import type { GoalRef, Tracker } from './goal-tracker.ts';

export type { GoalMissing, GoalUnit } from './goal-missing.ts';
export * from './goal-tracker.ts';

/** When a trajectory window opens: at the level start, once the bound is first reached, or at an event. */
export type WindowStart = 'start' | 'reached' | 'zoneFailed' | 'draining' | 'newDeployment';

export type AmiKind = 'ecs-al2023' | 'al2023';

export type GoalCheck =
  // State goals
  | { kind: 'instanceInRegion'; region: string; zone?: string; atLeast?: number }
  | {
      kind: 'instancesJoined';
      cluster: string;
      atLeast: number;
      zones?: number;
      ami?: AmiKind;
      instanceType?: string;
    }
  | { kind: 'instanceNotJoined'; reason: 'noAgent'; atLeast?: number }
  | { kind: 'instancesAtMost'; cluster: string; max: number }
  | {
      kind: 'taskDefinition';
      family: string;
      containers?: number;
      minRevision?: number;
      fitsInstanceType?: string;
    }
  | {
      kind: 'tasksRunning';
      atLeast: number;
      family?: string;
      startedBy?: string;
      /** Only tasks no service owns (RunTask / StartTask). */
      standalone?: boolean;
      launchType?: LaunchType;
    }
  | {
      kind: 'serviceRunning';
      service: string;
      count: number;
      revision?: number;
      launchType?: LaunchType;
      /** Only the service of that name in this region (default: any region). */
      region?: string;
    }
  | { kind: 'serviceDistinctInstances'; service: string; count: number }
  | { kind: 'serviceZones'; service: string; zones: number; count?: number }
  | { kind: 'serviceMaxInstances'; service: string; count: number; maxInstances: number }
  | { kind: 'serviceOnMatching'; service: string; count: number; expression: string }
  | { kind: 'instanceDrained'; cluster: string; atLeast?: number }
  | { kind: 'deploymentCompleted'; service: string; revision: number }
  | { kind: 'targetsHealthy'; targetGroup: string; count: number }
  | { kind: 'listenerForwards'; port: number; targetGroup: string; weight?: number }
  | { kind: 'aliasRouting'; functionName: string; alias: string; version: string }
  | { kind: 'noInstances' }
  /** The cluster has a capacity provider with managed scaling and managed termination protection. */
  | { kind: 'managedCapacity'; cluster: string }
  /** Instances an Auto Scaling group launched are ACTIVE container instances of the cluster. */
  | { kind: 'groupInstancesJoined'; cluster: string; atLeast: number }
  /** The service has at least this many RUNNING tasks on the capacity provider. */
  | { kind: 'serviceOnProvider'; service: string; provider: string; atLeast: number }
  /** At least this many Fargate Spot tasks were interrupted (within the last hour). */
  | { kind: 'spotReclaimed'; atLeast: number }
  /** The latest alias deployment (the seed's linear shifter) of a version ended this way. */
  | {
      kind: 'aliasDeployment';
      functionName: string;
      alias: string;
      version: string;
      status: 'Succeeded' | 'Failed';
    }
  /** At least `count` healthy tasks (of a revision), and the desired count is exactly `count`. */
  | { kind: 'serviceHealthy'; service: string; count: number; revision?: number }
  /** The service's newest service deployment (DescribeServiceDeployments) has this status. */
  | {
      kind: 'serviceDeploymentStatus';
      service: string;
      status: 'SUCCESSFUL' | 'ROLLBACK_SUCCESSFUL' | 'STOPPED' | 'ROLLBACK_FAILED';
      /** The task definition revision the deployment deploys. */
      revision?: number;
    }
  // Trajectory goals
  | { kind: 'neverBelowHealthy'; service: string; atLeast: number; since: WindowStart }
  /** At some moment the listener on `port` forwarded `weight`% (default 100) to the target group. */
  | { kind: 'listenerForwardedOnce'; port: number; targetGroup: string; weight?: number }
  /**
   * The share (percent) of travelers answered by `family:revision` stayed within [min, max] for at
   * least `seconds` seconds in a row (measured over SHARE_WINDOW seconds, goal-renovations.ts).
   */
  | {
      kind: 'revisionShareHeld';
      family: string;
      revision: number;
      min: number;
      max: number;
      seconds: number;
    }
  /** After the first alarm went to ALARM, no traveler reached `family:revision` within `seconds`. */
  | { kind: 'trafficOffWithin'; family: string; revision: number; seconds: number }
  | { kind: 'failedRequestsBelow'; max: number }
  | { kind: 'requestsServed'; atLeast: number }
  | { kind: 'serviceRecovered'; service: string }
  | { kind: 'zoneFailed' }
  | { kind: 'drainingStarted' }
  // Application Auto Scaling (goal-scaling.ts)
  | ScalingGoalCheck;

/** What a goal's have and need count (instancesJoined counts zones when it asks for zones). */
function goalUnit(c: GoalCheck): GoalUnit {
  switch (c.kind) {
    case 'instancesJoined':
      return c.zones === undefined ? 'instances' : 'zones';
    case 'instanceInRegion':
    case 'instanceNotJoined':
    case 'instancesAtMost':
    case 'serviceDistinctInstances':
    case 'instanceDrained':
    case 'noInstances':
    case 'groupInstancesJoined':
      return 'instances';
    case 'serviceZones':
      return 'zones';
    case 'tasksRunning':
    case 'serviceRunning':
    case 'serviceMaxInstances':
    case 'serviceOnMatching':
    case 'serviceHealthy':
    case 'neverBelowHealthy':
    case 'serviceOnProvider':
    case 'spotReclaimed':
      return 'tasks';
    case 'targetsHealthy':
      return 'targets';
    case 'listenerForwards':
      return 'percent';
    case 'revisionShareHeld':
      return 'seconds';
    case 'failedRequestsBelow':
    case 'requestsServed':
      return 'requests';
    case 'serviceScaledOut':
      return 'tasks';
    default:
      return 'steps';
  }
}

export interface GoalProgress {
  id: string;
  done: boolean;
  have: number;
  need: number;
  /** What have and need count. */
  unit: GoalUnit;
  /** What is still missing, or what broke the goal, as typed parts the view words (never a sentence). */
  missing?: GoalMissing;
}

function evaluateTrajectory(id: string, c: GoalCheck, s: SimState, t: Tracker): Result {
  if (isShareCheck(c)) return evaluateMark(c, t.marks?.[id], t.alarmAt);
  if (isScalingCheck(c)) return evaluateScaling(c, s);
  switch (c.kind) {
    case 'neverBelowHealthy': {
      const w = t.windows[id];
      const now = t.services[c.service]?.healthy ?? 0;
      if (!w || w.openedAt === null) {
        const missing: GoalMissing = { kind: 'waiting', since: c.since, healthy: c.atLeast };
        return { done: false, have: now, need: c.atLeast, missing };
      }
      if (w.violatedAt !== null)
        return {
          done: false,
          have: w.min ?? 0,
          need: c.atLeast,
          missing: { kind: 'belowHealthy', healthy: w.min ?? 0, atSecond: w.violatedAt - t.startedAt },
        };
      return { done: true, have: w.min ?? now, need: c.atLeast };
    }
    case 'failedRequestsBelow': {
      const failed = t.errors - t.errorsAtStart;
      const done = failed < c.max;
      return done
        ? { done, have: failed, need: c.max }
        : { done, have: failed, need: c.max, missing: { kind: 'requestsFailed', failed } };
    }
    case 'requestsServed': {
      const served = t.requests - t.requestsAtStart - (t.errors - t.errorsAtStart);
      return atLeast(served, c.atLeast, { kind: 'requestsServed', served });
    }
    case 'serviceRecovered': {
      const tr = t.services[c.service];
      if (tr?.recoveredAt != null) return { done: true, have: 1, need: 1 };
      const missing: GoalMissing =
        tr?.lostAt != null
          ? { kind: 'serviceShort', running: tr.running, desired: tr.desired }
          : { kind: 'noTaskStopped' };
      return { done: false, have: 0, need: 1, missing };
    }
    case 'zoneFailed':
      return t.zoneFailedAt !== null
        ? { done: true, have: 1, need: 1 }
        : { done: false, have: 0, need: 1, missing: { kind: 'noZoneFailed' } };
    case 'drainingStarted':
      return t.drainingAt !== null
        ? { done: true, have: 1, need: 1 }
        : { done: false, have: 0, need: 1, missing: { kind: 'noneSetDraining' } };
    default:
      return evaluateState(c, s) ?? { done: false, have: 0, need: 1, missing: { kind: 'unknownGoal' } };
  }
}

/** Progress of every goal, in the order given. */
export function evaluateGoals(goals: readonly GoalRef[], s: SimState, tracker: Tracker): GoalProgress[] {
  return goals.map((g) => ({
    id: g.id,
    unit: goalUnit(g.check),
    ...(evaluateState(g.check, s) ??
      evaluateCapacityGoal(g.check, s) ??
      evaluateTrajectory(g.id, g.check, s, tracker)),
  }));
}
