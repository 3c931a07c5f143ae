/**
 * Load balancers over time, every simulated second: a provisioning load balancer becomes active;
 * ECS registers RUNNING service tasks; every target is health-checked every HealthCheckIntervalSeconds
 * (the first check soon after registration); draining targets are removed once the deregistration
 * delay is over; ECS stops service tasks whose targets turn unhealthy.
 *
 * Source:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html: a new
 * target is healthy after ONE passed check; a healthy one turns unhealthy after UnhealthyThresholdCount
 * consecutive failures, an unhealthy one healthy after HealthyThresholdCount consecutive passes; draining ->
 * unused (removed) after the delay; reason codes and descriptions from ELB-API:TargetHealth. Section 4: a
 * task whose host is lost stops at once and its targets go with it. A check passes when the backing answers
 * (ECS task RUNNING on a running instance in a zone that is up; a plain instance target: the instance
 * running) within the timeout (behaviour latencyMs below HealthCheckTimeoutSeconds) with a matching code
 * (fails with probability errorRate, drawn only when 0 < errorRate < 1). Simplification: the ECS agent being
 * disconnected does not stop containers from answering, so it does not fail checks.
 */

import { requestStop } from '../ecs/ecs-tasks.ts';
import { stopIfFailedElbChecks, tickEcsTargets } from '../ecs/elb-ecs.ts';
import { behaviorFor, behaviorForTask } from '../sim/behavior.ts';
import type { Ctx } from '../sim/ctx.ts';
import type { TargetEventData } from '../sim/events.ts';
import type { Behavior, SimState, Target, TargetGroup, Task } from '../sim/types.ts';
import { TARGET_TEXT } from './elbv2-common.ts';

type Probe = { ok: true } | { ok: false; reason: 'Target.Timeout' | 'Target.ResponseCodeMismatch' };

function hostUp(s: SimState, instanceId: string | null, zone: string): boolean {
  if (s.impairedZones[zone]) return false;
  if (instanceId === null) return true;
  return s.instances.get(instanceId)?.state === 'running';
}

/** The behaviour answering a target's health check, or null when nothing answers. */
function answering(s: SimState, tg: TargetGroup, t: Target): Behavior | null {
  if (t.taskArn) {
    const task = s.tasks.get(t.taskArn);
    if (task?.lastStatus !== 'RUNNING' || !hostUp(s, task.ec2InstanceId, task.availabilityZone)) return null;
    return behaviorForTask(s, task);
  }
  const serving = (task: Task) =>
    task.lastStatus === 'RUNNING' &&
    (tg.TargetType === 'ip'
      ? task.privateIpv4Address === t.Id
      : task.ec2InstanceId === t.Id &&
        task.containers.some((c) => c.networkBindings.some((b) => b.hostPort === t.Port)));
  const task = s.tasks.values().find(serving);
  if (task) return hostUp(s, task.ec2InstanceId, task.availabilityZone) ? behaviorForTask(s, task) : null;
  if (tg.TargetType === 'ip') return null;
  const inst = s.instances.get(t.Id);
  return inst && hostUp(s, t.Id, inst.availabilityZone) ? behaviorFor(s, t.Id) : null;
}

function probe(ctx: Ctx, tg: TargetGroup, t: Target): Probe {
  const b = answering(ctx.s, tg, t);
  if (!b || b.latencyMs >= tg.HealthCheckTimeoutSeconds * 1000)
    return { ok: false, reason: 'Target.Timeout' };
  if (b.errorRate >= 1 || (b.errorRate > 0 && ctx.random() < b.errorRate))
    return { ok: false, reason: 'Target.ResponseCodeMismatch' };
  return { ok: true };
}

/** Whether the task behind a target is gone for good: no task, or its host or zone lost. */
function backingLost(s: SimState, t: Target): boolean {
  if (!t.taskArn) {
    const inst = s.instances.get(t.Id);
    return inst !== undefined && (inst.state === 'terminated' || inst.state === 'shutting-down');
  }
  const task = s.tasks.get(t.taskArn);
  if (!task) return true;
  if (task.lastStatus !== 'STOPPED') return false;
  return !hostUp(s, task.ec2InstanceId, task.availabilityZone);
}

function eventData(tg: TargetGroup, t: Target): TargetEventData {
  return { targetGroupArn: tg.TargetGroupArn, targetId: t.Id, port: t.Port, taskArn: t.taskArn };
}

/** One health check: the new target state, with events for transitions. */
function check(ctx: Ctx, tg: TargetGroup, t: Target): Target {
  const r = probe(ctx, tg, t);
  const streak = r.ok ? Math.max(0, t.streak) + 1 : Math.min(0, t.streak) - 1;
  const next: Target = { ...t, streak, nextCheckAt: ctx.now + tg.HealthCheckIntervalSeconds };
  const failed = (reason: string) => ({ reason, description: TARGET_TEXT[reason] ?? null });
  if (r.ok) {
    if (t.state === 'initial' || (t.state === 'unhealthy' && streak >= tg.HealthyThresholdCount)) {
      Object.assign(next, { state: 'healthy', reason: null, description: null });
      ctx.emit('target/healthy', eventData(tg, t));
    }
    return next;
  }
  if (t.state !== 'unhealthy' && -streak >= tg.UnhealthyThresholdCount) {
    Object.assign(next, { state: 'unhealthy' }, failed(r.reason));
    ctx.emit('target/unhealthy', { ...eventData(tg, t), reason: r.reason });
  } else if (t.state === 'unhealthy') Object.assign(next, failed(r.reason));
  else if (t.state === 'initial') Object.assign(next, failed('Elb.InitialHealthChecking'));
  return next;
}

function tickGroup(ctx: Ctx, tg: TargetGroup): void {
  let targets: Record<string, Target> | null = null;
  const inUse = tg.LoadBalancerArns.length > 0;
  for (const [key, t] of Object.entries(tg.targets)) {
    let updated: Target | null = t;
    if (backingLost(ctx.s, t) || (t.drainUntil !== null && ctx.now >= t.drainUntil)) updated = null;
    else if (t.drainUntil === null && t.taskArn && ctx.s.tasks.get(t.taskArn)?.desiredStatus === 'STOPPED') {
      // The task is going away on its own (its container exited): ECS deregisters its target.
      const delay = Number(tg.attributes['deregistration_delay.timeout_seconds'] ?? '300');
      if (delay <= 0 || !inUse) updated = null;
      else {
        updated = {
          ...t,
          state: 'draining',
          reason: 'Target.DeregistrationInProgress',
          description: TARGET_TEXT['Target.DeregistrationInProgress'] ?? null,
          drainUntil: ctx.now + delay,
        };
        ctx.emit('target/draining', { ...eventData(tg, t), until: ctx.now + delay });
      }
    } else if (inUse && t.drainUntil === null && ctx.now >= t.nextCheckAt) updated = check(ctx, tg, t);
    if (updated === t) continue;
    targets ??= { ...tg.targets };
    if (updated) targets[key] = updated;
    else {
      delete targets[key];
      ctx.emit('target/deregistered', eventData(tg, t));
    }
  }
  if (targets) ctx.patchIn('elb', 'targetGroups', tg.TargetGroupArn, { targets });
}

export function tickElb(ctx: Ctx): void {
  const elb = ctx.s.elb;
  for (const lb of Object.values(elb.loadBalancers)) {
    if (lb.State.Code === 'provisioning' && ctx.now >= lb.activeAt) {
      ctx.patchIn('elb', 'loadBalancers', lb.LoadBalancerArn, { State: { Code: 'active' } });
      ctx.emit('loadBalancer/active', { loadBalancerArn: lb.LoadBalancerArn }, lb.region);
    }
  }
  if (Object.keys(elb.targetGroups).length === 0) return;
  tickEcsTargets(ctx);
  for (const tg of Object.values(ctx.s.elb.targetGroups)) tickGroup(ctx, tg);
  for (const tg of Object.values(ctx.s.elb.targetGroups)) {
    for (const t of Object.values(tg.targets)) {
      if (t.state === 'unhealthy' && t.taskArn) stopIfFailedElbChecks(ctx, tg, t, requestStop);
    }
  }
}
