/**
 * sim:SetHookRule: what a Lambda function answers when ECS invokes it as a deployment lifecycle hook. The
 * model runs no code, so the function's logic is a rule, kept as data on the function: always SUCCEEDED,
 * always FAILED, FAILED when the target revision's 5xx share over the last N minutes is above X%, or
 * IN_PROGRESS (with a callBackDelay) for N invocations, then SUCCEEDED. Rule `none` removes it: the function
 * then returns no hookStatus, which ECS treats as a failure.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/lambda-lifecycle-hooks.html
 * (hookStatus SUCCEEDED / FAILED / IN_PROGRESS, callBackDelay default 30 s, no valid hookStatus rolls back).
 * Bounds are ours (a player's rule, not an AWS parameter): threshold 0-100 %, window 1-60 minutes,
 * 1-100 invocations, callBackDelay 1-3600 s.
 */
import type { Handler, Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { invalidParameter } from '../sim/errors.ts';
import { findFunction, parseFunctionRef } from './lambda-common.ts';
import type { HookRule, LambdaFunction } from './lambda-types.ts';

export const HOOK_RULE_KINDS = [
  'succeed',
  'fail',
  'fail-if-5xx-above',
  'in-progress-then-succeed',
  'none',
] as const;

/** ECS's default wait before invoking an IN_PROGRESS hook again. */
export const DEFAULT_CALLBACK_DELAY_SECONDS = 30;

function numberIn(
  input: Input,
  name: string,
  min: number,
  max: number,
  dflt: number,
  whole: boolean,
): number {
  const v = input[name];
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (whole && !Number.isInteger(v)))
    throw invalidParameter(
      `${name} must be ${whole ? 'a whole number' : 'a number'} between ${min} and ${max}; got ${JSON.stringify(v)}.`,
    );
  return v;
}

function readRule(input: Input): HookRule | null {
  const kind = input.Rule;
  switch (kind) {
    case 'succeed':
      return { kind };
    case 'fail':
      return { kind };
    case 'fail-if-5xx-above':
      return {
        kind,
        thresholdPercent: numberIn(input, 'ThresholdPercent', 0, 100, 1, false),
        windowMinutes: numberIn(input, 'WindowMinutes', 1, 60, 5, true),
      };
    case 'in-progress-then-succeed':
      return {
        kind,
        invocations: numberIn(input, 'InProgressInvocations', 1, 100, 2, true),
        callBackDelaySeconds: numberIn(
          input,
          'CallBackDelaySeconds',
          1,
          3600,
          DEFAULT_CALLBACK_DELAY_SECONDS,
          true,
        ),
      };
    case 'none':
      return null;
    default:
      throw invalidParameter(
        `Rule must be one of ${HOOK_RULE_KINDS.join(', ')}; got ${JSON.stringify(kind)}.`,
      );
  }
}

/** The rule's members as the response (and the Inspector) show them. */
export function describeHookRule(rule: HookRule): Record<string, unknown> {
  switch (rule.kind) {
    case 'fail-if-5xx-above':
      return { Rule: rule.kind, ThresholdPercent: rule.thresholdPercent, WindowMinutes: rule.windowMinutes };
    case 'in-progress-then-succeed':
      return {
        Rule: rule.kind,
        InProgressInvocations: rule.invocations,
        CallBackDelaySeconds: rule.callBackDelaySeconds,
      };
    default:
      return { Rule: rule.kind };
  }
}

const setHookRule: Handler = (ctx: Ctx, input: Input) => {
  const ref = typeof input.FunctionName === 'string' ? input.FunctionName : '';
  const fn = findFunction(ctx.s, ctx.region, parseFunctionRef(ref).name);
  if (!fn) throw invalidParameter(`Function not found: ${ref} in ${ctx.region}.`);
  const rule = readRule(input);
  const { hookRule: _old, ...rest } = fn;
  const next: LambdaFunction = rule ? { ...rest, hookRule: rule } : rest;
  ctx.putIn('lambda', 'functions', `${fn.region}:${fn.FunctionName}`, next);
  ctx.emit(
    'lambda/hookRuleSet',
    { functionName: fn.FunctionName, rule: rule ?? { kind: 'none' } },
    fn.region,
  );
  return {
    FunctionName: fn.FunctionName,
    FunctionArn: fn.FunctionArn,
    HookRule: rule ? describeHookRule(rule) : { Rule: 'none' },
  };
};

export const hookRuleHandlers: Record<string, Handler> = { 'sim:SetHookRule': setHookRule };
