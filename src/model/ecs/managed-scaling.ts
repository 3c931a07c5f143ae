/**
 * What ECS does for an Auto Scaling group capacity provider over time: it places the tasks that waited in
 * PROVISIONING as soon as the group's instances can take them; it keeps instance scale-in protection on
 * every instance that runs tasks (managed termination protection); and once a minute it publishes
 * CapacityProviderReservation and moves the group's desired capacity toward the target (managed scaling).
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html
 * (CapacityProviderReservation = instances needed / running instances x 100 in AWS/ECS/ManagedScaling; 200
 * when no instance runs and tasks wait, 100 when none runs and none waits; scale out when above
 * targetCapacity, scale in after 15 minutes below it),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-termination-protection.html (an
 * instance running tasks is protected from scale in), https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html
 * (minimumScalingStepSize and maximumScalingStepSize bound each scale out).
 * Simplifications: the instances needed for waiting tasks are estimated from their total CPU and memory
 * against the launch template's instance type (at least the minimum step, at most the maximum step); no
 * new scale out while an instance of the group is still booting or its agent has not registered (ECS's
 * warm-up); the target tracking alarms ECS creates are not listed in CloudWatch.
 */
import { desiredChanged, groupKey, inService } from '../autoscaling/asg-engine.ts';
import type { AutoScalingGroup, CapacityProvider } from '../autoscaling/autoscaling-types.ts';
import { putSample } from '../cloudwatch/metrics.ts';
import { instanceTypeInfo, registeredCpu, registeredMemory } from '../ec2/catalog.ts';
import { findLaunchTemplate, templateVersion } from '../ec2/launch-templates.ts';
import type { Ctx } from '../sim/ctx.ts';
import { tasksOnInstance } from '../sim/indexes.ts';
import type { Task } from '../sim/types.ts';
import { candidatesOf, placementRequest } from './ecs-placement-input.ts';
import { placeTasks } from './placement.ts';
import { DEFAULT_SERVICE_STRATEGY } from './service-tasks.ts';
import { placeWaitingTask, TRACE_LIMIT } from './task-launch.ts';

/** Minutes under the target before a scale in (the low alarm's 15 datapoints). */
export const SCALE_IN_MINUTES = 15;

export function groupOfProvider(ctx: Ctx, p: CapacityProvider): AutoScalingGroup | undefined {
  const arn = p.autoScalingGroupProvider.autoScalingGroupArn;
  return Object.values(ctx.s.capacity.groups).find((g) => g.AutoScalingGroupARN === arn);
}

function providerByName(ctx: Ctx, region: string, name: string): CapacityProvider | undefined {
  return ctx.s.capacity.providers[`${region}:${name}`];
}

/** Tasks waiting for this provider, oldest first. */
function waitingTasks(ctx: Ctx, name: string): Task[] {
  const out: Task[] = [];
  for (const [arn, p] of Object.entries(ctx.s.capacity.waiting)) {
    const t = ctx.s.tasks.get(arn);
    if (p === name && t) out.push(t);
  }
  return out;
}

/** Places the waiting tasks that now fit; forgets the ones that were stopped while waiting. */
function placeWaiting(ctx: Ctx): void {
  for (const [arn, name] of Object.entries(ctx.s.capacity.waiting)) {
    const t = ctx.s.tasks.get(arn);
    if (!t || t.desiredStatus === 'STOPPED' || t.containerInstanceArn !== null) {
      ctx.removeIn('capacity', 'waiting', arn);
      continue;
    }
    const cluster = ctx.s.clusters[t.clusterArn];
    const td = ctx.s.taskDefinitions[t.taskDefinitionArn];
    const provider = providerByName(ctx, t.region, name);
    const group = provider ? groupOfProvider(ctx, provider) : undefined;
    if (!cluster || !td || !group) continue;
    const key = groupKey(group);
    const cands = candidatesOf(ctx, cluster).filter(
      (c) => ctx.s.instances.get(c.ec2InstanceId)?.autoScalingGroup === key,
    );
    if (cands.length === 0) continue;
    const svc = t.serviceName
      ? ctx.s.services.get(ctx.arn('ecs', `service/${cluster.clusterName}/${t.serviceName}`))
      : undefined;
    const strategies = svc
      ? svc.placementStrategy.length
        ? svc.placementStrategy
        : DEFAULT_SERVICE_STRATEGY
      : [{ type: 'random' as const }];
    const req = placementRequest(td, t.group, strategies, svc?.placementConstraints ?? []);
    const out = placeTasks(cands, req, 1, () => ctx.random(), { trace: cands.length <= TRACE_LIMIT });
    const i = out.placed[0];
    if (i === undefined) continue;
    const prev = ctx.region;
    ctx.region = t.region;
    placeWaitingTask(ctx, t, cands[i] as (typeof cands)[number], out.traces[0]);
    ctx.region = prev;
  }
}

/** Managed termination protection: instances with tasks are protected; empty ones only when a scale in waits. */
function protectInstances(ctx: Ctx, p: CapacityProvider, g: AutoScalingGroup): void {
  if (p.autoScalingGroupProvider.managedTerminationProtection !== 'ENABLED') return;
  const live = inService(ctx, g);
  let surplus = live.length - g.DesiredCapacity;
  for (const inst of live) {
    const busy =
      inst.state !== 'running' ||
      inst.containerInstanceArn === null ||
      tasksOnInstance(ctx.s, inst.containerInstanceArn).length > 0;
    let want = true;
    if (!busy && surplus > 0) {
      want = false;
      surplus--;
    }
    if (inst.protectedFromScaleIn !== want)
      ctx.patch('instances', inst.instanceId, { protectedFromScaleIn: want });
  }
}

/** Instances needed for the waiting tasks, from their CPU and memory and the template's instance type. */
function neededFor(ctx: Ctx, p: CapacityProvider, g: AutoScalingGroup, waiting: Task[]): number {
  const ms = p.autoScalingGroupProvider.managedScaling;
  const t = findLaunchTemplate(ctx, { id: g.LaunchTemplate.LaunchTemplateId });
  const type = t ? templateVersion(t, g.LaunchTemplate.Version)?.LaunchTemplateData.InstanceType : undefined;
  const info = type ? instanceTypeInfo(type) : undefined;
  let n = 1;
  if (info) {
    const cpu = waiting.reduce((a, x) => a + x.cpu, 0);
    const mem = waiting.reduce((a, x) => a + x.memory, 0);
    n = Math.max(1, Math.ceil(cpu / registeredCpu(info)), Math.ceil(mem / registeredMemory(info)));
  }
  return Math.min(ms.maximumScalingStepSize, Math.max(ms.minimumScalingStepSize, n));
}

/** The CapacityProviderReservation of a provider now, with M and N. */
export function reservationOf(
  ctx: Ctx,
  p: CapacityProvider,
  g: AutoScalingGroup,
): { reservation: number; needed: number; running: number } {
  const running = inService(ctx, g).filter((i) => i.state === 'running');
  const busy = running.filter(
    (i) => i.containerInstanceArn !== null && tasksOnInstance(ctx.s, i.containerInstanceArn).length > 0,
  ).length;
  const waiting = waitingTasks(ctx, p.name);
  const needed = waiting.length > 0 ? running.length + neededFor(ctx, p, g, waiting) : busy;
  const n = running.length;
  const reservation = n === 0 ? (needed > 0 ? 200 : 100) : (needed / n) * 100;
  return { reservation, needed, running: n };
}

function scale(ctx: Ctx, p: CapacityProvider, g: AutoScalingGroup): void {
  const ms = p.autoScalingGroupProvider.managedScaling;
  const { reservation, needed } = reservationOf(ctx, p, g);
  const clusters = Object.entries(ctx.s.capacity.clusters).filter(([, c]) =>
    c.capacityProviders.includes(p.name),
  );
  for (const [arn] of clusters) {
    const c = ctx.s.clusters[arn];
    if (!c) continue;
    putSample(
      ctx,
      'AWS/ECS/ManagedScaling',
      'CapacityProviderReservation',
      { CapacityProviderName: p.name, ClusterName: c.clusterName },
      { sum: reservation, count: 1, min: reservation, max: reservation },
    );
  }
  const warming = inService(ctx, g).some((i) => i.state === 'pending' || i.containerInstanceArn === null);
  const target = ms.targetCapacity;
  const wanted = Math.min(g.MaxSize, Math.max(g.MinSize, Math.ceil((needed * 100) / target)));
  let lowMinutes = p.lowMinutes;
  let to = g.DesiredCapacity;
  if (reservation > target) {
    lowMinutes = 0;
    if (!warming && wanted > g.DesiredCapacity) to = wanted;
  } else if (reservation < target) {
    lowMinutes++;
    if (lowMinutes >= SCALE_IN_MINUTES && wanted < g.DesiredCapacity) {
      to = wanted;
      lowMinutes = 0;
    }
  } else lowMinutes = 0;
  ctx.putIn('capacity', 'providers', `${p.region}:${p.name}`, { ...p, lowMinutes, reservation });
  if (to === g.DesiredCapacity) return;
  const side = to > g.DesiredCapacity ? 'AlarmHigh' : 'AlarmLow';
  const alarm = `TargetTracking-${g.AutoScalingGroupName}-${side}`;
  const next = desiredChanged(
    ctx,
    g,
    to,
    `a monitor alarm ${alarm} in state ALARM triggered policy ECSManagedAutoScalingPolicy-${p.name}`,
  );
  ctx.putIn('capacity', 'groups', groupKey(g), next);
  ctx.emit('capacityProvider/scaled', {
    capacityProvider: p.name,
    group: g.AutoScalingGroupName,
    from: g.DesiredCapacity,
    to,
    reservation,
    targetCapacity: target,
  });
}

/** One second of ECS's side of every Auto Scaling group capacity provider. */
export function tickManagedScaling(ctx: Ctx): void {
  if (Object.keys(ctx.s.capacity.waiting).length > 0) placeWaiting(ctx);
  const minute = ctx.now % 60 === 0;
  for (const p of Object.values(ctx.s.capacity.providers)) {
    if (p.status !== 'ACTIVE') continue;
    const g = groupOfProvider(ctx, p);
    if (!g || g.Status) continue;
    const prev = ctx.region;
    ctx.region = p.region;
    protectInstances(ctx, p, g);
    if (minute && p.autoScalingGroupProvider.managedScaling.status === 'ENABLED') {
      const attached = Object.values(ctx.s.capacity.clusters).some((c) =>
        c.capacityProviders.includes(p.name),
      );
      if (attached) scale(ctx, p, g);
    }
    ctx.region = prev;
  }
}
