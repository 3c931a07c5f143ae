/**
 * An EC2 Auto Scaling group over time: every second it compares its desired capacity with its instances and
 * launches (into the zone with the fewest of its instances) or terminates (from the zone with the most, never
 * an instance protected from scale in), replaces instances that stopped, and writes a scaling activity with
 * Auto Scaling's own texts for each launch and termination.
 *
 * Sources: https://docs.aws.amazon.com/autoscaling/ec2/userguide/auto-scaling-benefits.html (zone balancing),
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-termination-policies.html (the default
 * termination policy: the zone with the most instances first),
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-instance-protection.html (protected
 * instances are not terminated on scale in; the desired capacity still goes down),
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html (an instance that
 * is not running is replaced), https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_Activity.html.
 * Simplifications: among the zone's unprotected instances the oldest goes first (AWS then looks at the launch
 * template and the billing hour); no warm pools, lifecycle hooks or Spot instances.
 */
import { findAmi, zoneNames } from '../ec2/catalog.ts';
import { launchInstances, terminateInstance } from '../ec2/ec2.ts';
import { findLaunchTemplate, templateVersion } from '../ec2/launch-templates.ts';
import { decodeBase64 } from '../sim/base64.ts';
import type { Ctx } from '../sim/ctx.ts';
import { iso } from '../sim/time.ts';
import type { Ec2Instance } from '../sim/types.ts';
import type { AutoScalingGroup, ScalingActivity } from './autoscaling-types.ts';

/** Activities kept per group (DescribeScalingActivities shows the newest). */
const ACTIVITY_LIMIT = 50;

/** Auto Scaling writes its times like 2026-01-01T00:00:00Z. */
export const asgTime = (t: number): string => iso(t).replace('.000Z', 'Z');

export const groupKey = (g: AutoScalingGroup): string => `${g.region}:${g.AutoScalingGroupName}`;

/** The group's instances that are not yet terminated, in launch order. */
export function groupInstances(ctx: Ctx, g: AutoScalingGroup): Ec2Instance[] {
  const key = groupKey(g);
  return ctx.s.instances
    .values()
    .filter((i) => i.autoScalingGroup === key && i.state !== 'terminated')
    .sort((a, b) => a.launchTime - b.launchTime || (a.instanceId < b.instanceId ? -1 : 1));
}

/** Instances that count toward the desired capacity: pending or running. */
export function inService(ctx: Ctx, g: AutoScalingGroup): Ec2Instance[] {
  return groupInstances(ctx, g).filter((i) => i.state === 'pending' || i.state === 'running');
}

/** The text that opens the next activity's Cause, e.g. "At ... a user request explicitly set ...". */
export function desiredChanged(ctx: Ctx, g: AutoScalingGroup, to: number, why: string): AutoScalingGroup {
  const from = g.DesiredCapacity;
  const lastChange =
    from === to
      ? g.lastChange
      : `At ${asgTime(ctx.now)} ${why} changing the desired capacity from ${from} to ${to}.`;
  return { ...g, DesiredCapacity: to, lastChange };
}

function addActivity(
  ctx: Ctx,
  g: AutoScalingGroup,
  a: Omit<ScalingActivity, 'ActivityId' | 'AutoScalingGroupName'>,
) {
  const activity: ScalingActivity = {
    ActivityId: ctx.uuid(),
    AutoScalingGroupName: g.AutoScalingGroupName,
    ...a,
  };
  const cur = ctx.s.capacity.groups[groupKey(g)] ?? g;
  const next = { ...cur, activities: [activity, ...cur.activities].slice(0, ACTIVITY_LIMIT) };
  ctx.putIn('capacity', 'groups', groupKey(g), next);
  return next;
}

function launchOne(ctx: Ctx, g: AutoScalingGroup, zone: string, from: number, to: number): void {
  const t = findLaunchTemplate(ctx, { id: g.LaunchTemplate.LaunchTemplateId });
  const v = t ? templateVersion(t, g.LaunchTemplate.Version) : undefined;
  const data = v?.LaunchTemplateData ?? {};
  const imageId = data.ImageId;
  const ami = imageId ? findAmi(ctx.region, imageId) : undefined;
  if (!ami || !imageId) return;
  const userData = data.UserData !== undefined ? decodeBase64(data.UserData) : null;
  const tags = [
    ...g.Tags.filter((x) => x.PropagateAtLaunch).map((x) => ({ Key: x.Key, Value: x.Value })),
    { Key: 'aws:autoscaling:groupName', Value: g.AutoScalingGroupName },
  ];
  const [inst] = launchInstances(ctx, {
    imageId,
    instanceType: data.InstanceType ?? 'm1.small',
    zone,
    userData,
    tags,
    count: 1,
    hasAgent: ami.hasAgent,
    autoScalingGroup: groupKey(g),
    protectedFromScaleIn: g.NewInstancesProtectedFromScaleIn,
  });
  if (!inst) return;
  const description = `Launching a new EC2 instance: ${inst.instanceId}`;
  addActivity(ctx, g, {
    Description: description,
    Cause: `${g.lastChange}  At ${asgTime(ctx.now)} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${from} to ${to}.`,
    StartTime: ctx.now,
    EndTime: ctx.now,
    StatusCode: 'Successful',
    Progress: 100,
    instanceId: inst.instanceId,
  });
  ctx.emit('autoScalingGroup/activity', {
    group: g.AutoScalingGroupName,
    kind: 'launch',
    instanceId: inst.instanceId,
    availabilityZone: zone,
    description,
  });
}

function terminateOne(ctx: Ctx, g: AutoScalingGroup, inst: Ec2Instance, cause: string): void {
  terminateInstance(
    ctx,
    inst,
    {
      code: 'Client.UserInitiatedShutdown',
      message: 'Client.UserInitiatedShutdown: User initiated shutdown',
    },
    `User initiated (${iso(ctx.now).replace('T', ' ').replace('.000Z', ' GMT')})`,
  );
  const description = `Terminating EC2 instance: ${inst.instanceId}`;
  addActivity(ctx, g, {
    Description: description,
    Cause: cause,
    StartTime: ctx.now,
    EndTime: ctx.now,
    StatusCode: 'Successful',
    Progress: 100,
    instanceId: inst.instanceId,
  });
  ctx.emit('autoScalingGroup/activity', {
    group: g.AutoScalingGroupName,
    kind: 'terminate',
    instanceId: inst.instanceId,
    availabilityZone: inst.availabilityZone,
    description,
  });
}

/** The group's zones, in the region's order. */
export function groupZones(_ctx: Ctx, g: AutoScalingGroup): string[] {
  return zoneNames(g.region).filter((z) => g.AvailabilityZones.includes(z));
}

/** One second of one group. */
function reconcile(ctx: Ctx, g0: AutoScalingGroup): void {
  let g = g0;
  // Health: an instance that stopped (a zone outage, a lost host) is taken out and replaced.
  for (const inst of groupInstances(ctx, g)) {
    if (inst.state !== 'stopping' && inst.state !== 'stopped') continue;
    terminateOne(
      ctx,
      g,
      inst,
      `At ${asgTime(ctx.now)} an instance was taken out of service in response to an EC2 instance status check failure.`,
    );
    g = ctx.s.capacity.groups[groupKey(g)] ?? g;
  }
  if (g.Status === 'Delete in progress') {
    for (const inst of inService(ctx, g)) {
      terminateOne(ctx, g, inst, `At ${asgTime(ctx.now)} the group was deleted.`);
    }
    if (groupInstances(ctx, g).every((i) => i.state === 'terminated' || i.state === 'shutting-down'))
      ctx.removeIn('capacity', 'groups', groupKey(g));
    return;
  }
  const live = inService(ctx, g);
  let count = live.length;
  if (count < g.DesiredCapacity) {
    const open = groupZones(ctx, g).filter((z) => !ctx.s.impairedZones[z]);
    if (open.length === 0) return;
    const perZone = new Map(open.map((z) => [z, 0]));
    for (const i of live)
      if (perZone.has(i.availabilityZone))
        perZone.set(i.availabilityZone, (perZone.get(i.availabilityZone) ?? 0) + 1);
    const from = count;
    while (count < g.DesiredCapacity) {
      let zone = open[0] as string;
      for (const z of open) if ((perZone.get(z) ?? 0) < (perZone.get(zone) ?? 0)) zone = z;
      launchOne(ctx, g, zone, from, g.DesiredCapacity);
      g = ctx.s.capacity.groups[groupKey(g)] ?? g;
      perZone.set(zone, (perZone.get(zone) ?? 0) + 1);
      count++;
    }
    return;
  }
  if (count > g.DesiredCapacity) {
    const from = count;
    const pool = live.slice();
    while (count > g.DesiredCapacity) {
      const perZone = new Map<string, number>();
      for (const i of pool) perZone.set(i.availabilityZone, (perZone.get(i.availabilityZone) ?? 0) + 1);
      const free = pool.filter((i) => !i.protectedFromScaleIn);
      if (free.length === 0) return;
      const most = Math.max(...free.map((i) => perZone.get(i.availabilityZone) ?? 0));
      const victim = free.find((i) => (perZone.get(i.availabilityZone) ?? 0) === most) as Ec2Instance;
      terminateOne(
        ctx,
        g,
        victim,
        `${g.lastChange}  At ${asgTime(ctx.now)} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${from} to ${g.DesiredCapacity}.  At ${asgTime(ctx.now)} instance ${victim.instanceId} was selected for termination.`,
      );
      g = ctx.s.capacity.groups[groupKey(g)] ?? g;
      pool.splice(pool.indexOf(victim), 1);
      count--;
    }
  }
}

export function tickAutoScalingGroups(ctx: Ctx): void {
  const groups = ctx.s.capacity.groups;
  for (const key in groups) {
    const g = groups[key];
    if (!g) continue;
    const prev = ctx.region;
    ctx.region = g.region;
    reconcile(ctx, g);
    ctx.region = prev;
  }
}
