/**
 * What a CodeDeploy deployment does to its target
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-steps-ecs.html,
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html). ECS: a replacement
 * task set with the new task definition on the other target group of the pair; the test listener and then the
 * production listener forward to it (weighted forward actions, 0-100); on success the replacement becomes
 * PRIMARY and the original is deleted after the termination wait (DRAINING, then gone); a rollback sends all
 * traffic back to the original at once and deletes the replacement. Lambda: the alias's
 * AdditionalVersionWeights carry the shift; the end sets FunctionVersion to the target with weights {}; a
 * rollback sets the weights to {}. Simplification: the listener's default action and the rules that forward
 * to either group of the pair are rewritten; other actions (redirects, fixed responses) are left alone.
 */

import { isTaskHealthyForService } from '../ecs/elb-ecs.ts';
import { newTaskSet, patchTaskSet } from '../ecs/task-sets.ts';
import { forwardTuples } from '../elbv2/elb-routing.ts';
import { syncLoadBalancerArns } from '../elbv2/elbv2-common.ts';
import { functionKey, setAliasRouting } from '../lambda/lambda-common.ts';
import type { Ctx } from '../sim/ctx.ts';
import { own } from '../sim/records.ts';
import type { Action, CdDeployment, CdDeploymentGroup, CdEcsTarget, Service, TaskSet } from '../sim/types.ts';

const tgArnByName = (ctx: Ctx, region: string, name: string): string | undefined =>
  Object.values(ctx.s.elb.targetGroups).find((g) => g.TargetGroupName === name && g.region === region)
    ?.TargetGroupArn;

export function ecsService(ctx: Ctx, t: CdEcsTarget): Service | undefined {
  const svc = ctx.s.services.get(t.serviceArn);
  return svc && svc.status === 'ACTIVE' ? svc : undefined;
}

/** Fills in the original task set and which target group of the pair each side uses; an error text if it cannot. */
export function resolveEcs(ctx: Ctx, d: CdDeployment, g: CdDeploymentGroup): CdEcsTarget | string {
  const t = d.ecs as CdEcsTarget;
  const svc = ecsService(ctx, t);
  if (!svc) return `The ECS service ${t.serviceName} could not be found.`;
  const original = svc.taskSets.find((ts) => ts.status === 'PRIMARY');
  if (!original) return `The ECS service ${t.serviceName} has no PRIMARY task set.`;
  const pair = g.loadBalancerInfo.targetGroupPairInfoList[0];
  const arns = (pair?.targetGroups ?? []).map((tg) => tgArnByName(ctx, d.region, tg.name));
  if (arns.length !== 2 || arns.some((a) => !a)) return 'A target group of the pair no longer exists.';
  const [a, b] = arns as [string, string];
  const serving = original.loadBalancers[0]?.targetGroupArn;
  const [orig, repl] = serving === b ? [b, a] : [a, b];
  return {
    ...t,
    originalTaskSetId: original.id,
    originalTaskDefinition: original.taskDefinition,
    originalTargetGroupArn: orig,
    replacementTargetGroupArn: repl,
    prodListenerArns: pair?.prodTrafficRoute.listenerArns ?? [],
    testListenerArns: pair?.testTrafficRoute?.listenerArns ?? [],
  };
}

export function installReplacement(ctx: Ctx, d: CdDeployment): CdEcsTarget | null {
  const t = d.ecs as CdEcsTarget;
  const svc = ecsService(ctx, t);
  if (!svc || !t.replacementTargetGroupArn) return null;
  const ts = newTaskSet(ctx, svc, {
    taskDefinition: t.taskDefinition,
    loadBalancers: [
      {
        targetGroupArn: t.replacementTargetGroupArn,
        containerName: t.containerName,
        containerPort: t.containerPort,
      },
    ],
    status: 'ACTIVE',
    scale: 100,
    externalId: d.deploymentId,
  });
  ctx.patch('services', svc.serviceArn, {
    taskSets: [...svc.taskSets, ts],
    sched: { ...svc.sched, steady: false },
  });
  ctx.emit(
    'taskSet/created',
    { serviceName: svc.serviceName, taskSetId: ts.id, deploymentId: d.deploymentId },
    svc.region,
  );
  return { ...t, replacementTaskSetId: ts.id };
}

export function taskSetOf(ctx: Ctx, t: CdEcsTarget, id: string | null): TaskSet | undefined {
  return id ? ecsService(ctx, t)?.taskSets.find((ts) => ts.id === id) : undefined;
}

/** The replacement runs its computed count, every task RUNNING and healthy for the service. */
export function replacementReady(ctx: Ctx, t: CdEcsTarget): boolean {
  const ts = taskSetOf(ctx, t, t.replacementTaskSetId);
  if (!ts || ts.computedDesiredCount === 0) return ts !== undefined;
  const tasks = ctx.s.tasks.values().filter((x) => x.deploymentId === ts.id && x.desiredStatus === 'RUNNING');
  const ready = tasks.filter((x) => x.lastStatus === 'RUNNING' && isTaskHealthyForService(ctx, x));
  return ready.length >= ts.computedDesiredCount;
}

function forwardActions(orig: string, repl: string, percent: number): Action[] {
  if (percent <= 0)
    return [
      {
        Type: 'forward',
        TargetGroupArn: orig,
        ForwardConfig: { TargetGroups: [{ TargetGroupArn: orig, Weight: 1 }] },
      },
    ];
  if (percent >= 100)
    return [
      {
        Type: 'forward',
        TargetGroupArn: repl,
        ForwardConfig: { TargetGroups: [{ TargetGroupArn: repl, Weight: 1 }] },
      },
    ];
  return [
    {
      Type: 'forward',
      ForwardConfig: {
        TargetGroups: [
          { TargetGroupArn: orig, Weight: 100 - percent },
          { TargetGroupArn: repl, Weight: percent },
        ],
      },
    },
  ];
}

/** Points the listeners' forward actions (default and rules using the pair) at `percent` on the replacement. */
export function routeListeners(ctx: Ctx, t: CdEcsTarget, listenerArns: string[], percent: number): void {
  const orig = t.originalTargetGroupArn;
  const repl = t.replacementTargetGroupArn;
  if (!orig || !repl) return;
  const usesPair = (actions: Action[]) =>
    forwardTuples(actions).some((x) => x.TargetGroupArn === orig || x.TargetGroupArn === repl);
  const rewrite = (actions: Action[]) => [
    ...actions.filter((a) => a.Type !== 'forward'),
    ...forwardActions(orig, repl, percent).map((a) => {
      const order = actions.find((x) => x.Type === 'forward')?.Order;
      return order === undefined ? a : { ...a, Order: order };
    }),
  ];
  for (const arn of listenerArns) {
    const l = ctx.s.elb.listeners[arn];
    if (!l) continue;
    const defaults = usesPair(l.DefaultActions) || l.DefaultActions.length === 0;
    if (defaults) ctx.patchIn('elb', 'listeners', arn, { DefaultActions: rewrite(l.DefaultActions) });
    // The default rule is a rule too (DescribeRules lists it, and which groups are in use is read from rules).
    for (const r of Object.values(ctx.s.elb.rules))
      if (r.listenerArn === arn && (r.IsDefault ? defaults : usesPair(r.Actions)))
        ctx.patchIn('elb', 'rules', r.RuleArn, {
          Actions: r.IsDefault ? rewrite(l.DefaultActions) : rewrite(r.Actions),
        });
  }
  // A group a listener now forwards to is in use: its "unused" targets start their health checks.
  syncLoadBalancerArns(ctx);
}

/** End of AllowTraffic: the replacement serves production (PRIMARY); the original is ACTIVE. */
export function promoteReplacement(ctx: Ctx, t: CdEcsTarget): void {
  const svc = ecsService(ctx, t);
  if (!svc || !t.replacementTaskSetId) return;
  if (t.originalTaskSetId) patchTaskSet(ctx, svc.serviceArn, t.originalTaskSetId, { status: 'ACTIVE' });
  patchTaskSet(ctx, svc.serviceArn, t.replacementTaskSetId, { status: 'PRIMARY' });
  ctx.patch('services', svc.serviceArn, { taskDefinition: t.taskDefinition });
}

/** Deletes a task set the ECS way: DRAINING at scale 0; the scheduler removes it once its tasks stop. */
export function drainTaskSet(ctx: Ctx, t: CdEcsTarget, id: string | null): void {
  const svc = ecsService(ctx, t);
  if (!svc || !id || !svc.taskSets.some((ts) => ts.id === id)) return;
  patchTaskSet(ctx, svc.serviceArn, id, { status: 'DRAINING', scale: { value: 0, unit: 'PERCENT' } });
}

/** Rollback: all traffic back to the original at once, the original PRIMARY again, the replacement deleted. */
export function rollbackEcs(ctx: Ctx, t: CdEcsTarget): void {
  routeListeners(ctx, t, [...t.prodListenerArns, ...t.testListenerArns], 0);
  const svc = ecsService(ctx, t);
  if (!svc) return;
  if (t.originalTaskSetId && svc.taskSets.some((ts) => ts.id === t.originalTaskSetId)) {
    patchTaskSet(ctx, svc.serviceArn, t.originalTaskSetId, { status: 'PRIMARY' });
    if (t.originalTaskDefinition)
      ctx.patch('services', svc.serviceArn, { taskDefinition: t.originalTaskDefinition });
  }
  drainTaskSet(ctx, t, t.replacementTaskSetId);
}

/** Lambda: shifts the alias (percent on the target version), or finishes it at 100. */
export function routeAlias(
  ctx: Ctx,
  d: CdDeployment,
  percent: number,
  why: Record<string, unknown>,
): boolean {
  const l = d.lambda;
  const fn = l ? ctx.s.lambda.functions[functionKey(d.region, l.functionName)] : undefined;
  const alias = l && fn ? own(fn.aliases, l.alias) : undefined;
  if (!l || !fn || !alias) return false;
  if (percent >= 100) setAliasRouting(ctx, fn, alias, l.targetVersion, {}, why);
  else if (percent <= 0) setAliasRouting(ctx, fn, alias, l.currentVersion, {}, why);
  else setAliasRouting(ctx, fn, alias, l.currentVersion, { [l.targetVersion]: percent / 100 }, why);
  return true;
}
