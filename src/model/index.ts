/**
 * The model's one public entry point.
 *
 * createSim(options) -> state; step(state, call) -> { state, events, response };
 * advance(state, seconds) -> { state, events }. Pure and deterministic: the same seed and calls give
 * the same state, and a failed call returns the state it was given, untouched.
 */

import { emptyAppAutoScalingState } from './appautoscaling/aas-types.ts';
import { emptyCapacityState } from './autoscaling/autoscaling-types.ts';
import { emptyCloudWatchState, emptyTrafficState } from './cloudwatch/cloudwatch-types.ts';
import { emptyCodeDeployState } from './codedeploy/codedeploy-types.ts';
import { DEFAULT_REGION, regionInfo } from './ec2/catalog.ts';
import { emptyElbState } from './elbv2/elbv2-types.ts';
import { emptyLambdaState } from './lambda/lambda-types.ts';
import { checkRequest, serviceOf } from './requests/check-request.ts';
import { internalFailure } from './requests/validate-errors.ts';
import { Ctx } from './sim/ctx.ts';
import { ApiError } from './sim/errors.ts';
import { HANDLERS } from './sim/handlers.ts';
import { seedRng } from './sim/prng.ts';
import { SharedRecord } from './sim/shared-record.ts';
import { tick } from './sim/tick.ts';
import type { AdvanceResult, AwsError, Call, CreateSimOptions, SimState, StepResult } from './sim/types.ts';

// What the layers above use: the model has one door (DESIGN.md section 2).
export { metricSum } from './cloudwatch/metrics.ts';
export { SAM_DEPLOYMENT_PREFERENCE_TYPES } from './codedeploy/codedeploy-configs.ts';
export type { AmiInfo } from './ec2/catalog.ts';
export * from './ec2/catalog.ts';
export { priceIn, zoneOffers, zonesOffering } from './ec2/offerings.ts';
export {
  HEALTH_CHECK_DEFAULTS,
  type HealthCheckConfig,
  healthCheckOf,
} from './ecs/container-health.ts';
export { type ContainerDependency, dependsOnOf, type Holdup, holdupOf } from './ecs/container-order.ts';
export { HOOK_STAGES } from './ecs/ecs-deployment-config.ts';
export { taskRequirements } from './ecs/ecs-task-definitions.ts';
export { FAILURE_REASON } from './ecs/ecs-tasks.ts';
export type { CandidateTrace, PlacementFailure, PlacementTrace, Rejection } from './ecs/placement.ts';
export { evaluateQuery, parseQuery } from './ecs/query-language.ts';
export { isFargateSize } from './ecs/task-definition-validate.ts';
export { forwardTuples, listenerShares, matchedActions, routableTargets } from './elbv2/elb-routing.ts';
export { TARGET_TEXT } from './elbv2/elbv2-common.ts';
export type { GoalMissing, GoalProgress, GoalUnit, Stars, Tracker } from './goals/goals.ts';
export { createTracker, evaluateGoals, observeTick, starsFor } from './goals/goals.ts';
export { requestShape } from './requests/check-request.ts';
export type * from './requests/shape-types.ts';
export { isInternalFailure } from './requests/validate-errors.ts';
export {
  ACTIONS,
  type ActionAccess,
  type ActionInput,
  type ActionName,
  type ActionOutput,
  type ActionTypes,
  actionAccess,
  type InputOf,
  isActionName,
  type ResponseOf,
  type TypedCall,
} from './sim/actions.ts';
export { decodeBase64, encodeBase64 } from './sim/base64.ts';
export { SIM_EVENT_TYPES } from './sim/events.ts';
export { observe, serviceKey } from './sim/observe.ts';
export type { SharedRecord } from './sim/shared-record.ts';
/** A state that went through JSON, ready for the model and the view again (shared-record.ts). */
export { adoptJson as simFromJson } from './sim/state-json.ts';
export { iso } from './sim/time.ts';
export { lbDimension, tgDimension } from './sim/traffic-listener.ts';
export type * from './sim/types.ts';

/** 2026-01-01T00:00:00Z */
export const DEFAULT_START_TIME = 1767225600;

export function createSim(options: CreateSimOptions = {}): SimState {
  const seed = (options.seed ?? 1) >>> 0;
  const region = options.region ?? DEFAULT_REGION;
  if (!regionInfo(region)) throw new Error(`Unknown region ${region}`);
  const start = options.startTime ?? DEFAULT_START_TIME;
  return {
    schema: 2,
    seed,
    rng: seedRng(seed),
    now: start,
    startedAt: start,
    defaultRegion: region,
    accountId: options.accountId ?? '123456789012',
    nextId: 1,
    nextEventSeq: 1,
    instances: SharedRecord.empty(),
    clusters: {},
    containerInstances: SharedRecord.empty(),
    taskDefinitions: {},
    tasks: SharedRecord.empty(),
    services: SharedRecord.empty(),
    impairedZones: {},
    imageBehaviors: {},
    healthCheckFaults: {},
    zoneLaunches: {},
    elb: emptyElbState(),
    traffic: emptyTrafficState(),
    cloudwatch: emptyCloudWatchState(),
    lambda: emptyLambdaState(),
    codedeploy: emptyCodeDeployState(),
    appAutoScaling: emptyAppAutoScalingState(),
    capacity: emptyCapacityState(),
  };
}

export function supportedActions(): string[] {
  return Object.keys(HANDLERS).sort();
}

export function step(state: SimState, call: Call): StepResult {
  const refuse = (error: AwsError): StepResult => ({ state, events: [], response: { error } });
  const action: unknown = call?.action;
  if (typeof action !== 'string') return refuse({ name: 'MissingAction', message: 'The action is missing.' });
  const region = call.region ?? state.defaultRegion;
  const handler = Object.hasOwn(HANDLERS, action) ? HANDLERS[action] : undefined;
  if (!handler) {
    const service = serviceOf(action);
    return refuse({
      name: 'UnknownOperationException',
      message: `The action ${action} is not valid for this web service${service ? ` (${service})` : ''}.`,
    });
  }
  if (typeof region !== 'string' || !regionInfo(region)) {
    return refuse({
      name: 'UnrecognizedClientException',
      message: `Could not connect to the endpoint URL: "https://${serviceOf(action)}.${String(region)}.amazonaws.com/"`,
    });
  }
  const checked = checkRequest(action, call.input ?? {});
  if ('error' in checked) return refuse(checked.error);
  const ctx = new Ctx(state, region);
  try {
    const output = handler(ctx, checked.input);
    if (checked.deferred) return refuse(checked.deferred);
    return { state: ctx.dirty ? ctx.s : state, events: ctx.events, response: { output } };
  } catch (e) {
    if (e instanceof ApiError) return refuse({ name: e.code, message: e.message });
    // A request the service would have refused for its shape never reaches its logic; anything else is
    // the model's own bug: answer as the service does on its side and keep the world as it was.
    return refuse(checked.deferred ?? internalFailure(serviceOf(action)));
  }
}

/** Moves simulated time forward by whole seconds, one tick per second. */
export function advance(state: SimState, seconds: number): AdvanceResult {
  const n = Math.max(0, Math.floor(seconds));
  if (n === 0) return { state, events: [] };
  const ctx = new Ctx(state, state.defaultRegion);
  for (let i = 0; i < n; i++) {
    ctx.s.now += 1;
    tick(ctx);
  }
  return { state: ctx.s, events: ctx.events };
}
