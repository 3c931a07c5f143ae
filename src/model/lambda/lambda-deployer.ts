/**
 * The seed's linear alias deployment function (https://github.com/awslabs/aws-lambda-deploy,
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html), modelled as the action
 * sim:StartAliasDeployment whose input is the seed's event exactly: {"function-name", "alias-name",
 * "new-version", "steps", "interval", "type": "linear", "health-check"}. Weights: delta = 1/steps,
 * cumulative, each round(x, 2) (Python's round: ties to even). Per weight: UpdateAlias with
 * AdditionalVersionWeights {new: w} (FunctionVersion unchanged), wait `interval` seconds, then the health
 * check: the Sum of AWS/Lambda Errors for {FunctionName, Resource=fn:alias, ExecutedVersion=new} over the
 * last 60 s; any error fails (no data passes). A failure sets the weights to {} and ends the deployment
 * ("Health check failed, exiting"); after the last weight passes, the alias's FunctionVersion becomes the new
 * version with weights {}. Simplification: the Step Functions variant's timing is used (no 300 s Lambda
 * timeout cutting a long run short).
 */

import { metricSum } from '../cloudwatch/metrics.ts';
import type { Handler, Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import { own } from '../sim/records.ts';
import type { LambdaDeployer, LambdaFunction } from '../sim/types.ts';
import {
  functionKey,
  LATEST,
  requireAlias,
  requireFunction,
  requireVersion,
  setAliasRouting,
} from './lambda-common.ts';

/** The health check looks at this many seconds before it runs (the seed: StartTime = now - 60 s). */
export const HEALTH_WINDOW = 60;
export const HEALTH_CHECK_FAILED = 'Health check failed, exiting';
/** Lambda's answer to an UpdateAlias that would route from $LATEST (the seed's call fails with it). */
const LATEST_ROUTING = '$LATEST is not supported for an alias pointing to more than 1 version';

/** Python's round(x, 2): correctly rounded, exact ties (odd multiples of 1/8) to even. */
export function pyRound2(x: number): number {
  const eighths = x * 8;
  if (Number.isInteger(eighths) && Math.abs(eighths) % 2 === 1) {
    const lo = Math.floor(x * 100);
    return (lo % 2 === 0 ? lo : lo + 1) / 100;
  }
  return Number(x.toFixed(2));
}

/** The seed's calculate_weights for type "linear". */
export function linearWeights(steps: number): number[] {
  const delta = 1 / steps;
  const out: number[] = [];
  let current = 0;
  for (let i = 0; i < steps; i++) {
    current += delta;
    out.push(pyRound2(current));
  }
  return out;
}

const bad = (m: string) => new ApiError('InvalidParameterValueException', m);

function startAliasDeployment(ctx: Ctx, input: Input) {
  const fn = requireFunction(ctx, input['function-name']);
  const aliasName = input['alias-name'];
  if (typeof aliasName !== 'string' || !aliasName) throw bad('alias-name is required.');
  const alias = requireAlias(fn, aliasName);
  const newVersion = input['new-version'];
  if (typeof newVersion !== 'string' || !/^[0-9]+$/.test(newVersion))
    throw bad('new-version must be a published version number such as "2".');
  requireVersion(fn, newVersion);
  if (alias.FunctionVersion === LATEST) throw bad(LATEST_ROUTING);
  if (newVersion === alias.FunctionVersion)
    throw bad(`Alias ${aliasName} already points to version ${newVersion}.`);
  const steps = input.steps;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > 100)
    throw bad('steps must be an integer between 1 and 100.');
  const interval = input.interval;
  if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 0 || interval > 86400)
    throw bad('interval must be a whole number of seconds between 0 and 86400.');
  if ((input.type ?? 'linear') !== 'linear')
    throw bad(`Unsupported type '${String(input.type)}': only "linear".`);
  const healthCheck = input['health-check'] ?? true;
  if (typeof healthCheck !== 'boolean') throw bad('health-check must be true or false.');
  const busy = Object.values(ctx.s.lambda.deployers).find(
    (d) => d.status === 'InProgress' && d.functionName === fn.FunctionName && d.aliasName === aliasName,
  );
  if (busy)
    throw new ApiError(
      'ResourceConflictException',
      `A deployment (${busy.id}) is already shifting ${alias.AliasArn}.`,
    );
  const id = `alias-deploy-${ctx.serial()}`;
  const weights = linearWeights(steps);
  const d: LambdaDeployer = {
    id,
    region: fn.region,
    functionName: fn.FunctionName,
    aliasName,
    oldVersion: alias.FunctionVersion,
    newVersion,
    steps,
    interval,
    healthCheck,
    weights,
    step: 0,
    status: 'InProgress',
    startedAt: ctx.now,
    checkAt: null,
    endedAt: null,
    lastErrors: null,
    lastWindow: null,
    reason: null,
  };
  ctx.putIn('lambda', 'deployers', id, applyStep(ctx, fn, d, 1));
  ctx.emit('alias/deploymentStarted', {
    id,
    functionName: fn.FunctionName,
    alias: aliasName,
    steps,
    interval,
    weights,
  });
  return { id, weights };
}

/** UpdateAlias with the k-th weight; the health check runs `interval` seconds later. */
function applyStep(ctx: Ctx, fn: LambdaFunction, d: LambdaDeployer, k: number): LambdaDeployer {
  const alias = own(fn.aliases, d.aliasName);
  const w = d.weights[k - 1] as number;
  if (alias)
    setAliasRouting(
      ctx,
      fn,
      alias,
      alias.FunctionVersion,
      { [d.newVersion]: w },
      {
        deploymentId: d.id,
        step: k,
        steps: d.steps,
        weight: w,
        checkAt: ctx.now + d.interval,
      },
    );
  return { ...d, step: k, checkAt: ctx.now + d.interval };
}

function finish(ctx: Ctx, d: LambdaDeployer, ok: boolean, reason: string | null): void {
  ctx.putIn('lambda', 'deployers', d.id, {
    ...d,
    status: ok ? 'Succeeded' : 'Failed',
    endedAt: ctx.now,
    checkAt: null,
    reason,
  });
}

function advanceDeployer(ctx: Ctx, d: LambdaDeployer): void {
  const fn = ctx.s.lambda.functions[functionKey(d.region, d.functionName)];
  const alias = fn ? own(fn.aliases, d.aliasName) : undefined;
  if (!fn || !alias || !fn.versions[d.newVersion]) {
    finish(
      ctx,
      d,
      false,
      `The alias ${d.functionName}:${d.aliasName} or version ${d.newVersion} no longer exists.`,
    );
    return;
  }
  // Someone moved the alias meanwhile: the seed's next UpdateAlias would be refused by Lambda.
  if (alias.FunctionVersion === LATEST || alias.FunctionVersion === d.newVersion) {
    finish(
      ctx,
      d,
      false,
      alias.FunctionVersion === LATEST
        ? LATEST_ROUTING
        : `Invalid function version ${d.newVersion}. Function version ${d.newVersion} is already included in routing configuration.`,
    );
    return;
  }
  const span = { from: ctx.now - HEALTH_WINDOW, to: ctx.now };
  const dims = {
    FunctionName: d.functionName,
    Resource: `${d.functionName}:${d.aliasName}`,
    ExecutedVersion: d.newVersion,
  };
  const errors = d.healthCheck ? metricSum(ctx.s, 'AWS/Lambda', 'Errors', dims, span.from, span.to) : null;
  const checked = { ...d, lastErrors: errors, lastWindow: span };
  const why = {
    deploymentId: d.id,
    functionName: d.functionName,
    alias: d.aliasName,
    oldVersion: d.oldVersion,
    newVersion: d.newVersion,
    step: d.step,
    steps: d.steps,
    weight: d.weights[d.step - 1],
    errors,
    window: span,
  };
  if (errors !== null && errors > 0) {
    setAliasRouting(ctx, fn, alias, alias.FunctionVersion, {}, { deploymentId: d.id, rollback: true });
    finish(ctx, checked, false, HEALTH_CHECK_FAILED);
    ctx.emit('alias/deploymentRolledBack', { ...why, reason: HEALTH_CHECK_FAILED }, d.region);
    return;
  }
  if (d.step >= d.steps) {
    setAliasRouting(ctx, fn, alias, d.newVersion, {}, { deploymentId: d.id, finalized: true });
    finish(ctx, checked, true, null);
    ctx.emit('alias/deploymentSucceeded', why, d.region);
    return;
  }
  ctx.putIn('lambda', 'deployers', d.id, applyStep(ctx, fn, checked, d.step + 1));
}

export function tickLambdaDeployers(ctx: Ctx): void {
  const all = ctx.s.lambda.deployers;
  for (const id in all) {
    const d = all[id] as LambdaDeployer;
    if (d.status !== 'InProgress' || d.checkAt === null || ctx.now < d.checkAt) continue;
    const prev = ctx.region;
    ctx.region = d.region;
    advanceDeployer(ctx, d);
    ctx.region = prev;
  }
}

export const aliasDeploymentHandlers: Record<string, Handler> = {
  'sim:StartAliasDeployment': startAliasDeployment,
};
