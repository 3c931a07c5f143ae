/**
 * Reads and validates a service's deploymentConfiguration (CreateService, UpdateService) the way
 * ECS does: minimum/maximum percent, the deployment circuit breaker, CloudWatch alarms, the
 * deployment strategy (ROLLING, BLUE_GREEN, LINEAR, CANARY) with its bake times, and lifecycle hooks.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html
 * (defaults and bounds),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html and
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html (circuit breaker,
 * alarms), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-linear.html
 * (strategies: linearConfiguration stepPercent 3.0-100.0 default 10, stepBakeTimeInMinutes 0-1440 default 6;
 * canaryConfiguration canaryPercent 0.1-100.0 default 5, canaryBakeTimeInMinutes 0-1440 default 10;
 * bakeTimeInMinutes 0-1440, required for BLUE_GREEN), ECS-API:DeploymentConfiguration. Lifecycle hooks are
 * invoked by deployment-hooks.ts; PAUSE hooks and the PRE_PRODUCTION_TRAFFIC_SHIFT stage are refused (the
 * model's stage machine does not enter it). An update merges into the existing configuration member by
 * member, as UpdateService does.
 */
import { invalidParameter } from '../sim/errors.ts';
import type {
  DeploymentConfiguration,
  DeploymentLifecycleHook,
  DeploymentLifecycleStage,
} from '../sim/types.ts';

const STRATEGIES = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'] as const;
/** The stages a lifecycle hook may name, in the order a deployment meets them. */
export const HOOK_STAGES: readonly DeploymentLifecycleStage[] = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
];

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function minutes(v: unknown, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 1440)
    throw invalidParameter(`${name} must be an integer between 0 and 1440.`);
  return n;
}

/** Percentages are doubles with one decimal (multiples of 0.1). */
function percent(v: unknown, name: string, min: number): number {
  const n = Number(v);
  if (typeof v !== 'number' || !Number.isFinite(n) || n < min || n > 100)
    throw invalidParameter(`${name} must be between ${min.toFixed(1)} and 100.0.`);
  if (Math.abs(n * 10 - Math.round(n * 10)) > 1e-9)
    throw invalidParameter(`${name} must be a multiple of 0.1.`);
  return Math.round(n * 10) / 10;
}

function readCircuitBreaker(v: unknown): DeploymentConfiguration['deploymentCircuitBreaker'] {
  const cb = obj(v);
  if (typeof cb.enable !== 'boolean' || typeof cb.rollback !== 'boolean') {
    throw invalidParameter('deploymentCircuitBreaker requires enable and rollback (booleans).');
  }
  const out: NonNullable<DeploymentConfiguration['deploymentCircuitBreaker']> = {
    enable: cb.enable,
    rollback: cb.rollback,
  };
  if (cb.resetOnHealthyTask !== undefined) {
    if (typeof cb.resetOnHealthyTask !== 'boolean')
      throw invalidParameter('resetOnHealthyTask must be a boolean.');
    out.resetOnHealthyTask = cb.resetOnHealthyTask;
  }
  if (cb.thresholdConfiguration !== undefined) {
    const t = obj(cb.thresholdConfiguration);
    if (t.type !== 'COUNT' && t.type !== 'BOUNDED_PERCENT' && t.type !== 'UNBOUNDED_PERCENT')
      throw invalidParameter(
        `Invalid thresholdConfiguration type '${String(t.type)}'. Valid values are COUNT, BOUNDED_PERCENT, UNBOUNDED_PERCENT.`,
      );
    const value = Number(t.value);
    if (!Number.isInteger(value) || value < 1)
      throw invalidParameter('thresholdConfiguration value must be a positive integer.');
    out.thresholdConfiguration = { type: t.type, value };
  }
  return out;
}

function readAlarms(v: unknown): DeploymentConfiguration['alarms'] {
  const a = obj(v);
  if (!Array.isArray(a.alarmNames) || a.alarmNames.some((n) => typeof n !== 'string' || n === ''))
    throw invalidParameter('alarms.alarmNames must be a list of CloudWatch alarm names.');
  if (typeof a.enable !== 'boolean' || typeof a.rollback !== 'boolean')
    throw invalidParameter('alarms requires enable and rollback (booleans).');
  if (a.alarmNames.length > 10) throw invalidParameter('alarms.alarmNames can have at most 10 items.');
  return { alarmNames: [...(a.alarmNames as string[])], enable: a.enable, rollback: a.rollback };
}

function readHooks(v: unknown): DeploymentLifecycleHook[] {
  if (!Array.isArray(v)) throw invalidParameter('lifecycleHooks must be a list.');
  return v.map((raw) => {
    const h = obj(raw);
    if (typeof h.hookTargetArn !== 'string' || !h.hookTargetArn)
      throw invalidParameter('A lifecycle hook requires a hookTargetArn.');
    const stages = h.lifecycleStages;
    if (!Array.isArray(stages) || stages.length === 0)
      throw invalidParameter('A lifecycle hook requires lifecycleStages.');
    for (const s of stages)
      if (!HOOK_STAGES.includes(s as DeploymentLifecycleStage))
        throw invalidParameter(`Invalid lifecycle stage '${String(s)}'.`);
    return { ...h, hookTargetArn: h.hookTargetArn, lifecycleStages: stages as DeploymentLifecycleStage[] };
  });
}

export function readDeploymentConfiguration(
  v: unknown,
  base: DeploymentConfiguration,
  daemon: boolean,
): DeploymentConfiguration {
  if (v === undefined) return base;
  const o = obj(v);
  const out: DeploymentConfiguration = { ...base };
  if (o.minimumHealthyPercent !== undefined) {
    const n = Number(o.minimumHealthyPercent);
    if (!Number.isInteger(n) || n < 0 || n > 100)
      throw invalidParameter('minimumHealthyPercent must be between 0 and 100.');
    out.minimumHealthyPercent = n;
  }
  if (o.maximumPercent !== undefined) {
    const n = Number(o.maximumPercent);
    if (!Number.isInteger(n) || n < 100 || n > 200) {
      throw invalidParameter('maximumPercent must be between 100 and 200.');
    }
    if (daemon && n !== 100) throw invalidParameter('The maximumPercent for DAEMON services must be 100.');
    out.maximumPercent = n;
  }
  if (out.maximumPercent < out.minimumHealthyPercent) {
    throw invalidParameter('maximumPercent must be greater than or equal to minimumHealthyPercent.');
  }
  if (o.deploymentCircuitBreaker !== undefined) {
    const cb = readCircuitBreaker(o.deploymentCircuitBreaker);
    if (cb) out.deploymentCircuitBreaker = cb;
  }
  if (o.alarms !== undefined) {
    const a = readAlarms(o.alarms);
    if (a) out.alarms = a;
  }
  if (o.strategy !== undefined) {
    if (!STRATEGIES.includes(o.strategy as (typeof STRATEGIES)[number]))
      throw invalidParameter(
        `Invalid deployment strategy '${String(o.strategy)}'. Valid values are ROLLING, BLUE_GREEN, LINEAR, CANARY.`,
      );
    if (daemon && o.strategy !== 'ROLLING')
      throw invalidParameter('DAEMON services support only the ROLLING deployment strategy.');
    out.strategy = o.strategy as (typeof STRATEGIES)[number];
  }
  if (o.bakeTimeInMinutes !== undefined)
    out.bakeTimeInMinutes = minutes(o.bakeTimeInMinutes, 'bakeTimeInMinutes');
  if (o.linearConfiguration !== undefined) {
    const l = obj(o.linearConfiguration);
    out.linearConfiguration = {
      stepPercent: l.stepPercent === undefined ? 10 : percent(l.stepPercent, 'stepPercent', 3),
      stepBakeTimeInMinutes:
        l.stepBakeTimeInMinutes === undefined ? 6 : minutes(l.stepBakeTimeInMinutes, 'stepBakeTimeInMinutes'),
    };
  }
  if (o.canaryConfiguration !== undefined) {
    const c = obj(o.canaryConfiguration);
    out.canaryConfiguration = {
      canaryPercent: c.canaryPercent === undefined ? 5 : percent(c.canaryPercent, 'canaryPercent', 0.1),
      canaryBakeTimeInMinutes:
        c.canaryBakeTimeInMinutes === undefined
          ? 10
          : minutes(c.canaryBakeTimeInMinutes, 'canaryBakeTimeInMinutes'),
    };
  }
  if (o.lifecycleHooks !== undefined) out.lifecycleHooks = readHooks(o.lifecycleHooks);
  // The strategy's own settings take their documented defaults when left out.
  if (out.strategy === 'LINEAR' && !out.linearConfiguration)
    out.linearConfiguration = { stepPercent: 10, stepBakeTimeInMinutes: 6 };
  if (out.strategy === 'CANARY' && !out.canaryConfiguration)
    out.canaryConfiguration = { canaryPercent: 5, canaryBakeTimeInMinutes: 10 };
  if (out.strategy === 'BLUE_GREEN' && out.bakeTimeInMinutes === undefined)
    throw invalidParameter('bakeTimeInMinutes must be specified for the BLUE_GREEN deployment strategy.');
  return out;
}

/** The strategy in effect (absent means ROLLING). */
export function strategyOf(dc: DeploymentConfiguration): 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY' {
  return dc.strategy ?? 'ROLLING';
}

/**
 * The circuit breaker's threshold
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html): ceil(0.5 x
 * desired) clamped to [3, 200] by default. The 2023 guide used a minimum of 10; this model follows the
 * current API's 3.
 */
export function circuitBreakerThreshold(dc: DeploymentConfiguration, desired: number): number {
  const t = dc.deploymentCircuitBreaker?.thresholdConfiguration;
  if (t?.type === 'COUNT') return t.value;
  const pct = t?.value ?? 50;
  const raw = Math.ceil((desired * pct) / 100);
  if (t?.type === 'UNBOUNDED_PERCENT') return Math.max(1, raw);
  return Math.min(200, Math.max(CIRCUIT_BREAKER_MIN, raw));
}

/**
 * [conflict] https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html: 10
 * in the 2023 guide, 3 in the current API. The model uses 3.
 */
export const CIRCUIT_BREAKER_MIN = 3;
