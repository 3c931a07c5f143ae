/**
 * Lifecycle hooks of ECS-native BLUE_GREEN, LINEAR and CANARY deployments: at each lifecycle stage a hook
 * names, ECS invokes the hook's Lambda function with the stage's payload and waits for its answer before
 * the deployment leaves the stage. SUCCEEDED goes on; FAILED rolls back to the previous revision;
 * IN_PROGRESS invokes the function again after callBackDelay (default 30 s); a function error, or an answer
 * without a valid hookStatus, rolls back. At PRODUCTION_TRAFFIC_SHIFT a linear or canary deployment runs the
 * hook at every shift step. Several hooks at one stage must all succeed. Every invocation counts in the
 * function's AWS/Lambda Invocations and Errors, as Invoke does.
 *
 * Payload (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html,
 * "Lifecycle payloads"): executionDetails { serviceArn, targetServiceRevisionArn, testTrafficWeights,
 * productionTrafficWeights (service revision ARN -> percent) }, with the invocation's executionId,
 * lifecycleStage, resourceArn (the service deployment) and the hook's hookDetails (as AWS's sample hooks read
 * it: https://github.com/aws-samples/sample-amazon-ecs-blue-green-deployment-patterns,
 * ecs-bluegreen-lifecycle-hooks/src). Answers:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/lambda-lifecycle-hooks.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentLifecycleHook.html. The function's
 * answer is the rule the player attached to it (lambda/hook-rules.ts); its errors are sim:SetBehavior's on the
 * invoked version. The service event "deployment failed: hook execution failure(s) detected." is ECS's
 * (https://github.com/aws/containers-roadmap/issues/2664); [inference] the rolloutStateReason and rollback
 * reason wording. Simplifications: no PAUSE hooks, no hook timeout (a Lambda hook answers at once), no
 * throttling (the model has no concurrency limits), hookDetails returned by IN_PROGRESS are not passed back,
 * and the hooks are not run again during a rollback.
 */

import { DEFAULT_CALLBACK_DELAY_SECONDS } from '../lambda/hook-rules.ts';
import { findFunction, LATEST, parseFunctionRef, pickAliasVersion } from '../lambda/lambda-common.ts';
import { recordInvocation } from '../lambda/lambda-metrics.ts';
import { behaviorForLambdaVersion } from '../sim/behavior.ts';
import type { Ctx } from '../sim/ctx.ts';
import { own } from '../sim/records.ts';
import type {
  DeploymentLifecycleHook,
  HookExecution,
  HookRule,
  HookVerdict,
  LambdaFunction,
  NativeDeploymentState,
  Service,
  ServiceDeploymentRecord,
} from '../sim/types.ts';

/** What the stage's hooks say: go on, wait, or the run that failed. */
export type HookGate = { kind: 'proceed' } | { kind: 'wait' } | { kind: 'failed'; run: HookExecution };

const isLambdaHook = (h: DeploymentLifecycleHook): boolean =>
  h.targetType === undefined || h.targetType === 'AWS_LAMBDA';

/** The production step a stage's runs belong to: each shift step has its own. */
const stepOf = (n: NativeDeploymentState): number => (n.stage === 'PRODUCTION_TRAFFIC_SHIFT' ? n.step : 0);

/** The function a hook names: region from its ARN (else the service's), name and qualifier. */
function hookFunction(
  ctx: Ctx,
  svc: Service,
  arn: string,
): { fn: LambdaFunction | undefined; qualifier: string | undefined } {
  const region = arn.startsWith('arn:') ? (arn.split(':')[3] ?? svc.region) : svc.region;
  const { name, qualifier } = parseFunctionRef(arn);
  return { fn: findFunction(ctx.s, region, name), qualifier };
}

/** The ECS payload of one invocation. */
export function hookPayload(
  svc: Service,
  rec: ServiceDeploymentRecord,
  n: NativeDeploymentState,
  run: HookExecution,
  hook: DeploymentLifecycleHook,
): Record<string, unknown> {
  const blue = svc.deployments.find((d) => d.id === n.blueDeploymentId)?.serviceRevisionArn;
  const green = rec.targetServiceRevisionArn;
  const weights = (greenPercent: number): Record<string, number> => ({
    ...(blue ? { [blue]: 100 - greenPercent } : {}),
    [green]: greenPercent,
  });
  const payload: Record<string, unknown> = {
    executionId: run.hookId,
    lifecycleStage: run.lifecycleStage,
    resourceArn: rec.serviceDeploymentArn,
    executionDetails: {
      testTrafficWeights: weights(n.testWeightPercent),
      productionTrafficWeights: weights(n.weightPercent),
      serviceArn: svc.serviceArn,
      targetServiceRevisionArn: green,
    },
  };
  if (hook.hookDetails !== undefined) payload.hookDetails = hook.hookDetails;
  return payload;
}

/** The target revision's share of failed requests over the last `minutes`, percent (no requests: 0). */
function fiveXxPercent(ctx: Ctx, taskDefinitionArn: string, minutes: number): number {
  const from = ctx.now - minutes * 60;
  let requests = 0;
  let errors = 0;
  const windows = [
    ...(own(ctx.s.traffic.windows, taskDefinitionArn) ?? []),
    ...(own(ctx.s.traffic.current, taskDefinitionArn) ? [ctx.s.traffic.current[taskDefinitionArn]] : []),
  ];
  for (const w of windows) {
    if (!w || w.t + 60 <= from) continue;
    requests += w.requests;
    errors += w.errors;
  }
  return requests === 0 ? 0 : (errors / requests) * 100;
}

/** What the rule answers to this invocation. */
function ruleVerdict(
  ctx: Ctx,
  rule: HookRule | undefined,
  run: HookExecution,
  targetTaskDefinition: string,
): { verdict: HookVerdict; callBackDelay?: number } {
  if (!rule) return { verdict: 'NoHookStatus' };
  switch (rule.kind) {
    case 'succeed':
      return { verdict: 'SUCCEEDED' };
    case 'fail':
      return { verdict: 'FAILED' };
    case 'fail-if-5xx-above':
      return {
        verdict:
          fiveXxPercent(ctx, targetTaskDefinition, rule.windowMinutes) > rule.thresholdPercent
            ? 'FAILED'
            : 'SUCCEEDED',
      };
    case 'in-progress-then-succeed':
      return run.invocations < rule.invocations
        ? { verdict: 'IN_PROGRESS', callBackDelay: rule.callBackDelaySeconds }
        : { verdict: 'SUCCEEDED' };
  }
}

function failureWords(fnName: string, stage: string, verdict: HookVerdict, error?: string): string {
  if (verdict === 'FAILED') return `The lifecycle hook ${fnName} returned hookStatus FAILED at ${stage}.`;
  if (verdict === 'NoHookStatus')
    return `The lifecycle hook ${fnName} returned no valid hookStatus at ${stage}.`;
  return `The lifecycle hook ${fnName} failed at ${stage}: ${error ?? 'the function returned an error.'}`;
}

/** Invokes the run's function once and records the answer on the run. */
function invoke(
  ctx: Ctx,
  svc: Service,
  rec: ServiceDeploymentRecord,
  n: NativeDeploymentState,
  hook: DeploymentLifecycleHook,
  run0: HookExecution,
): HookExecution {
  const { fn, qualifier } = hookFunction(ctx, svc, hook.hookTargetArn);
  const green = svc.deployments.find((d) => d.id === n.greenDeploymentId);
  let verdict: HookVerdict;
  let callBackDelay: number | undefined;
  let error: string | undefined;
  const run = { ...run0, invocations: run0.invocations + 1 };
  if (!fn) {
    verdict = 'FunctionError';
    error = `ResourceNotFoundException: Function not found: ${hook.hookTargetArn}`;
  } else {
    const alias = qualifier !== undefined ? own(fn.aliases, qualifier) : undefined;
    const executed = alias ? pickAliasVersion(alias, ctx.random()) : (qualifier ?? LATEST);
    if (executed !== LATEST && !own(fn.versions, executed)) {
      verdict = 'FunctionError';
      error = `ResourceNotFoundException: Function not found: ${fn.FunctionArn}:${executed}`;
    } else {
      const behavior = behaviorForLambdaVersion(ctx.s, fn.FunctionArn, executed);
      const failed = behavior.errorRate > 0 && ctx.random() < behavior.errorRate;
      recordInvocation(ctx, fn, qualifier, alias ? executed : undefined, failed);
      if (failed) {
        verdict = 'FunctionError';
        error = `the function returned an error (Unhandled) in version ${executed}.`;
      } else {
        const answer = ruleVerdict(ctx, fn.hookRule, run0, green?.taskDefinition ?? '');
        verdict = answer.verdict;
        callBackDelay = answer.callBackDelay;
      }
    }
  }
  const fnName = fn?.FunctionName ?? parseFunctionRef(hook.hookTargetArn).name;
  const done: HookExecution = {
    ...run,
    verdicts: [...run.verdicts, verdict],
    status: verdict === 'SUCCEEDED' ? 'SUCCEEDED' : verdict === 'IN_PROGRESS' ? 'IN_PROGRESS' : 'FAILED',
    nextInvokeAt:
      verdict === 'IN_PROGRESS' ? ctx.now + (callBackDelay ?? DEFAULT_CALLBACK_DELAY_SECONDS) : null,
  };
  if (done.status === 'FAILED') done.failure = failureWords(fnName, run.lifecycleStage, verdict, error);
  ctx.emit(
    'deployment/hookInvoked',
    {
      serviceName: svc.serviceName,
      serviceDeploymentArn: rec.serviceDeploymentArn,
      hookId: run.hookId,
      functionName: fnName,
      hookTargetArn: hook.hookTargetArn,
      lifecycleStage: run.lifecycleStage,
      step: run.step,
      steps: n.steps,
      invocation: done.invocations,
      verdict,
      nextInvokeAt: done.nextInvokeAt,
      payload: hookPayload(svc, rec, n, run, hook),
    },
    svc.region,
  );
  return done;
}

/**
 * Runs the hooks of the stage the deployment is in: starts a run per hook on the first tick, invokes each
 * run that is due, and says whether the stage may be left. Returns the updated state with its runs.
 */
export function runStageHooks(
  ctx: Ctx,
  svc: Service,
  rec: ServiceDeploymentRecord,
  n0: NativeDeploymentState,
): { n: NativeDeploymentState; gate: HookGate } {
  const hooks = rec.deploymentConfiguration.lifecycleHooks ?? [];
  const step = stepOf(n0);
  let runs = n0.hooks ?? [];
  let changed = false;
  let failed: HookExecution | null = null;
  let waiting = false;
  for (const [hookIndex, hook] of hooks.entries()) {
    if (!isLambdaHook(hook) || !hook.lifecycleStages.includes(n0.stage)) continue;
    const i = runs.findIndex(
      (r) => r.hookIndex === hookIndex && r.lifecycleStage === n0.stage && r.step === step,
    );
    let run: HookExecution =
      runs[i] ??
      ({
        hookId: ctx.uuid(),
        hookIndex,
        hookTargetArn: hook.hookTargetArn,
        lifecycleStage: n0.stage,
        step,
        status: 'IN_PROGRESS',
        invocations: 0,
        verdicts: [],
        startedAt: ctx.now,
        nextInvokeAt: ctx.now,
      } satisfies HookExecution);
    if (run.status === 'IN_PROGRESS' && run.nextInvokeAt !== null && ctx.now >= run.nextInvokeAt) {
      run = invoke(ctx, svc, rec, n0, hook, run);
      runs = i < 0 ? [...runs, run] : runs.map((r, k) => (k === i ? run : r));
      changed = true;
    }
    if (run.status === 'FAILED') {
      failed = run;
      break;
    }
    if (run.status === 'IN_PROGRESS') waiting = true;
  }
  const n = changed ? { ...n0, hooks: runs } : n0;
  if (failed) return { n, gate: { kind: 'failed', run: failed } };
  return { n, gate: waiting ? { kind: 'wait' } : { kind: 'proceed' } };
}

/** DescribeServiceDeployments' lifecycleHookDetails: the runs still waiting on their function. */
export function lifecycleHookDetails(n: NativeDeploymentState): Record<string, unknown>[] {
  return (n.hooks ?? [])
    .filter((r) => r.status === 'IN_PROGRESS' && r.lifecycleStage === n.stage)
    .map((r) => ({
      hookId: r.hookId,
      targetType: 'AWS_LAMBDA',
      targetArn: r.hookTargetArn,
      status: r.status,
    }));
}
