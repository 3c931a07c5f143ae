/**
 * EC2 Auto Scaling's API: CreateAutoScalingGroup, UpdateAutoScalingGroup, SetDesiredCapacity,
 * SetInstanceProtection, DeleteAutoScalingGroup, DescribeAutoScalingGroups, DescribeScalingActivities. The
 * group's instances come and go in asg-engine.ts, one simulated second at a time.
 *
 * Sources: https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html (a launch
 * template, or a launch configuration, an instance or a mixed instances policy is required; zones come from
 * VPCZoneIdentifier's subnets or AvailabilityZones; DesiredCapacity defaults to MinSize),
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_SetDesiredCapacity.html,
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DeleteAutoScalingGroup.html (a group with
 * instances needs ForceDelete), https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_AutoScalingGroup.html,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-instance-protection.html. Auto
 * Scaling speaks the query protocol (XML): timestamps are ISO 8601 strings, errors are ValidationError,
 * AlreadyExists, ResourceInUse. Simplifications: launch templates only (no launch configurations or mixed
 * instances policies); no load balancer attachment, lifecycle hooks or warm pools.
 */
import { findAmi, subnetIdFor, zoneNames, zoneOfSubnet } from '../ec2/catalog.ts';
import { findLaunchTemplate, templateVersion } from '../ec2/launch-templates.ts';
import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import { own } from '../sim/records.ts';
import { asgTime, desiredChanged, groupInstances, groupKey } from './asg-engine.ts';
import type { AutoScalingGroup, ScalingActivity } from './autoscaling-types.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

const validation = (message: string) => new ApiError('ValidationError', message);

export function findGroup(ctx: Ctx, name: string): AutoScalingGroup | undefined {
  return own(ctx.s.capacity.groups, `${ctx.region}:${name}`);
}

function requireGroup(ctx: Ctx, input: Input): AutoScalingGroup {
  const name = str(input.AutoScalingGroupName) ?? '';
  const g = findGroup(ctx, name);
  if (!g) throw validation(`AutoScalingGroup name not found - AutoScalingGroup ${name} not found`);
  return g;
}

function checkBounds(min: number, max: number, desired: number): void {
  if (max < min) throw validation(`Max bound, ${max}, must be greater than or equal to min bound, ${min}`);
  if (desired < min || desired > max)
    throw validation(
      `Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`,
    );
}

/** The launch template reference, checked as Auto Scaling checks it ("a valid fully-formed launch template"). */
function readTemplate(ctx: Ctx, v: unknown): AutoScalingGroup['LaunchTemplate'] {
  const o = (v ?? {}) as Record<string, unknown>;
  const id = str(o.LaunchTemplateId);
  const name = str(o.LaunchTemplateName);
  if (id === undefined && name === undefined)
    throw validation(
      'You must specify either a launch template ID or a launch template name in the request.',
    );
  const t = findLaunchTemplate(ctx, { id, name });
  if (!t)
    throw validation(
      id !== undefined
        ? `You must use a valid fully-formed launch template. The specified launch template, with template ID ${id}, does not exist.`
        : `You must use a valid fully-formed launch template. The specified launch template, with template name ${name}, does not exist.`,
    );
  const version = str(o.Version) ?? '$Default';
  const ver = templateVersion(t, version);
  if (!ver)
    throw validation(
      `You must use a valid fully-formed launch template. The specified launch template version ${version} does not exist.`,
    );
  const image = ver.LaunchTemplateData.ImageId;
  if (image === undefined)
    throw validation('You must use a valid fully-formed launch template. The image id is missing.');
  if (!findAmi(ctx.region, image))
    throw validation(
      `You must use a valid fully-formed launch template. The image id '[${image}]' does not exist`,
    );
  return { LaunchTemplateId: t.LaunchTemplateId, LaunchTemplateName: t.LaunchTemplateName, Version: version };
}

/** Zones from the subnets (VPCZoneIdentifier, comma-separated) or the AvailabilityZones list. */
function readZones(ctx: Ctx, input: Input): { zones: string[]; subnets: string } | null {
  const vpc = str(input.VPCZoneIdentifier);
  const azs = strList(input.AvailabilityZones);
  if (vpc !== undefined && vpc !== '') {
    const ids = vpc
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const zones: string[] = [];
    for (const id of ids) {
      const z = zoneOfSubnet(ctx.region, id);
      if (!z) throw validation(`The subnet ID '${id}' does not exist`);
      if (azs.length && !azs.includes(z))
        throw validation(`The subnet '${id}' is in ${z}, which is not among the given Availability Zones.`);
      if (!zones.includes(z)) zones.push(z);
    }
    return { zones, subnets: ids.join(',') };
  }
  if (azs.length) {
    for (const z of azs)
      if (!zoneNames(ctx.region).includes(z))
        throw validation(`The availability zone ${z} is not legally formatted`);
    return { zones: azs, subnets: azs.map((z) => subnetIdFor(z)).join(',') };
  }
  return null;
}

function createAutoScalingGroup(ctx: Ctx, input: Input) {
  const name = str(input.AutoScalingGroupName) ?? '';
  if (findGroup(ctx, name))
    throw new ApiError(
      'AlreadyExists',
      `AutoScalingGroup by this name already exists - A group with the name ${name} already exists`,
    );
  if (input.LaunchTemplate === undefined) {
    if (
      input.LaunchConfigurationName !== undefined ||
      input.MixedInstancesPolicy !== undefined ||
      input.InstanceId !== undefined
    )
      throw validation('Nozama models Auto Scaling groups with a launch template only; use LaunchTemplate.');
    throw validation(
      'Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.',
    );
  }
  const template = readTemplate(ctx, input.LaunchTemplate);
  const min = num(input.MinSize) ?? 0;
  const max = num(input.MaxSize) ?? 0;
  const desired = num(input.DesiredCapacity) ?? min;
  checkBounds(min, max, desired);
  const where = readZones(ctx, input);
  if (!where) throw validation('At least one Availability Zone or VPC Subnet is required.');
  const tags = Array.isArray(input.Tags)
    ? (input.Tags as Record<string, unknown>[]).map((t) => ({
        Key: String(t.Key ?? ''),
        Value: String(t.Value ?? ''),
        PropagateAtLaunch: t.PropagateAtLaunch === true,
      }))
    : [];
  const g: AutoScalingGroup = {
    AutoScalingGroupName: name,
    AutoScalingGroupARN: `arn:aws:autoscaling:${ctx.region}:${ctx.s.accountId}:autoScalingGroup:${ctx.uuid()}:autoScalingGroupName/${name}`,
    region: ctx.region,
    LaunchTemplate: template,
    MinSize: min,
    MaxSize: max,
    DesiredCapacity: 0,
    DefaultCooldown: num(input.DefaultCooldown) ?? 300,
    AvailabilityZones: where.zones,
    VPCZoneIdentifier: where.subnets,
    HealthCheckType: str(input.HealthCheckType) ?? 'EC2',
    HealthCheckGracePeriod: num(input.HealthCheckGracePeriod) ?? 0,
    CreatedTime: ctx.now,
    NewInstancesProtectedFromScaleIn: input.NewInstancesProtectedFromScaleIn === true,
    Tags: tags,
    lastChange: '',
    activities: [],
  };
  const withDesired = desiredChanged(ctx, g, desired, 'a user request created an AutoScalingGroup');
  ctx.putIn('capacity', 'groups', groupKey(g), withDesired);
  ctx.emit('autoScalingGroup/created', { name, desiredCapacity: desired, minSize: min, maxSize: max });
  return {};
}

function updateAutoScalingGroup(ctx: Ctx, input: Input) {
  const g = requireGroup(ctx, input);
  if (g.Status) throw new ApiError('ScalingActivityInProgress', 'The group is being deleted.');
  const min = num(input.MinSize) ?? g.MinSize;
  const max = num(input.MaxSize) ?? g.MaxSize;
  // A new minimum or maximum pulls the desired capacity inside them when it is not given.
  const desired = num(input.DesiredCapacity) ?? Math.min(max, Math.max(min, g.DesiredCapacity));
  checkBounds(min, max, desired);
  let next: AutoScalingGroup = { ...g, MinSize: min, MaxSize: max };
  if (input.LaunchTemplate !== undefined) next.LaunchTemplate = readTemplate(ctx, input.LaunchTemplate);
  const where = readZones(ctx, input);
  if (where) next = { ...next, AvailabilityZones: where.zones, VPCZoneIdentifier: where.subnets };
  if (typeof input.NewInstancesProtectedFromScaleIn === 'boolean')
    next.NewInstancesProtectedFromScaleIn = input.NewInstancesProtectedFromScaleIn;
  const dc = num(input.DefaultCooldown);
  if (dc !== undefined) next.DefaultCooldown = dc;
  next = desiredChanged(
    ctx,
    next,
    desired,
    `a user request update of AutoScalingGroup constraints to min: ${min}, max: ${max}, desired: ${desired}`,
  );
  ctx.putIn('capacity', 'groups', groupKey(g), next);
  ctx.emit('autoScalingGroup/updated', {
    name: g.AutoScalingGroupName,
    desiredCapacity: desired,
    minSize: min,
    maxSize: max,
  });
  return {};
}

function setDesiredCapacity(ctx: Ctx, input: Input) {
  const g = requireGroup(ctx, input);
  const desired = num(input.DesiredCapacity) ?? g.DesiredCapacity;
  if (desired > g.MaxSize)
    throw validation(
      `New SetDesiredCapacity value ${desired} is above max value ${g.MaxSize} for the AutoScalingGroup.`,
    );
  if (desired < g.MinSize)
    throw validation(
      `New SetDesiredCapacity value ${desired} is below min value ${g.MinSize} for the AutoScalingGroup.`,
    );
  const next = desiredChanged(ctx, g, desired, 'a user request explicitly set group desired capacity');
  ctx.putIn('capacity', 'groups', groupKey(g), next);
  ctx.emit('autoScalingGroup/updated', {
    name: g.AutoScalingGroupName,
    desiredCapacity: desired,
    minSize: g.MinSize,
    maxSize: g.MaxSize,
  });
  return {};
}

function setInstanceProtection(ctx: Ctx, input: Input) {
  const g = requireGroup(ctx, input);
  const mine = new Set(groupInstances(ctx, g).map((i) => i.instanceId));
  for (const id of strList(input.InstanceIds)) {
    if (!mine.has(id))
      throw validation(`The instance ${id} is not part of Auto Scaling group ${g.AutoScalingGroupName}.`);
  }
  for (const id of strList(input.InstanceIds))
    ctx.patch('instances', id, { protectedFromScaleIn: input.ProtectedFromScaleIn === true });
  return {};
}

function deleteAutoScalingGroup(ctx: Ctx, input: Input) {
  const g = requireGroup(ctx, input);
  const live = groupInstances(ctx, g).filter((i) => i.state !== 'shutting-down');
  if (live.length > 0 && input.ForceDelete !== true)
    throw new ApiError(
      'ResourceInUse',
      'You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.',
    );
  const inUse = Object.values(ctx.s.capacity.providers).find(
    (p) => p.status === 'ACTIVE' && p.autoScalingGroupProvider.autoScalingGroupArn === g.AutoScalingGroupARN,
  );
  if (inUse)
    throw new ApiError(
      'ResourceInUse',
      `The Auto Scaling group is in use by the Amazon ECS capacity provider ${inUse.name}. Delete the capacity provider first.`,
    );
  if (live.length === 0) ctx.removeIn('capacity', 'groups', groupKey(g));
  else
    ctx.putIn('capacity', 'groups', groupKey(g), {
      ...g,
      Status: 'Delete in progress',
      DesiredCapacity: 0,
      MinSize: 0,
    });
  ctx.emit('autoScalingGroup/deleted', { name: g.AutoScalingGroupName });
  return {};
}

const LIFECYCLE: Record<string, string> = {
  pending: 'Pending',
  running: 'InService',
  'shutting-down': 'Terminating',
  stopping: 'InService',
  stopped: 'InService',
};

export function groupShape(ctx: Ctx, g: AutoScalingGroup): Record<string, unknown> {
  const out: Record<string, unknown> = {
    AutoScalingGroupName: g.AutoScalingGroupName,
    AutoScalingGroupARN: g.AutoScalingGroupARN,
    LaunchTemplate: g.LaunchTemplate,
    MinSize: g.MinSize,
    MaxSize: g.MaxSize,
    DesiredCapacity: g.DesiredCapacity,
    DefaultCooldown: g.DefaultCooldown,
    AvailabilityZones: g.AvailabilityZones,
    LoadBalancerNames: [],
    TargetGroupARNs: [],
    HealthCheckType: g.HealthCheckType,
    HealthCheckGracePeriod: g.HealthCheckGracePeriod,
    Instances: groupInstances(ctx, g).map((i) => ({
      InstanceId: i.instanceId,
      InstanceType: i.instanceType,
      AvailabilityZone: i.availabilityZone,
      LifecycleState: LIFECYCLE[i.state] ?? 'Terminated',
      HealthStatus: i.state === 'stopping' || i.state === 'stopped' ? 'Unhealthy' : 'Healthy',
      LaunchTemplate: g.LaunchTemplate,
      ProtectedFromScaleIn: i.protectedFromScaleIn === true,
    })),
    CreatedTime: asgTime(g.CreatedTime),
    SuspendedProcesses: [],
    VPCZoneIdentifier: g.VPCZoneIdentifier,
    EnabledMetrics: [],
    Tags: g.Tags.map((t) => ({
      ResourceId: g.AutoScalingGroupName,
      ResourceType: 'auto-scaling-group',
      Key: t.Key,
      Value: t.Value,
      PropagateAtLaunch: t.PropagateAtLaunch,
    })),
    TerminationPolicies: ['Default'],
    NewInstancesProtectedFromScaleIn: g.NewInstancesProtectedFromScaleIn,
    ServiceLinkedRoleARN: `arn:aws:iam::${ctx.s.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    CapacityRebalance: false,
  };
  if (g.Status) out.Status = g.Status;
  return out;
}

function describeAutoScalingGroups(ctx: Ctx, input: Input) {
  const names = strList(input.AutoScalingGroupNames);
  const groups = Object.values(ctx.s.capacity.groups).filter(
    (g) => g.region === ctx.region && (names.length === 0 || names.includes(g.AutoScalingGroupName)),
  );
  return { AutoScalingGroups: groups.map((g) => groupShape(ctx, g)) };
}

function activityShape(a: ScalingActivity, g: AutoScalingGroup) {
  const out: Record<string, unknown> = {
    ActivityId: a.ActivityId,
    AutoScalingGroupName: a.AutoScalingGroupName,
    Description: a.Description,
    Cause: a.Cause,
    StartTime: asgTime(a.StartTime),
    StatusCode: a.StatusCode,
    Progress: a.Progress,
    Details: JSON.stringify({ 'Subnet ID': g.VPCZoneIdentifier.split(',')[0] ?? '' }),
    AutoScalingGroupARN: g.AutoScalingGroupARN,
  };
  if (a.EndTime !== undefined) out.EndTime = asgTime(a.EndTime);
  return out;
}

function describeScalingActivities(ctx: Ctx, input: Input) {
  const name = str(input.AutoScalingGroupName);
  const ids = strList(input.ActivityIds);
  const groups = Object.values(ctx.s.capacity.groups).filter(
    (g) => g.region === ctx.region && (name === undefined || g.AutoScalingGroupName === name),
  );
  const all = groups
    .flatMap((g) => g.activities.map((a) => ({ a, g })))
    .filter(({ a }) => ids.length === 0 || ids.includes(a.ActivityId))
    .sort((x, y) => y.a.StartTime - x.a.StartTime);
  const max = num(input.MaxRecords) ?? 100;
  return { Activities: all.slice(0, max).map(({ a, g }) => activityShape(a, g)) };
}

export const autoScalingHandlers = {
  'autoscaling:CreateAutoScalingGroup': createAutoScalingGroup,
  'autoscaling:UpdateAutoScalingGroup': updateAutoScalingGroup,
  'autoscaling:SetDesiredCapacity': setDesiredCapacity,
  'autoscaling:SetInstanceProtection': setInstanceProtection,
  'autoscaling:DeleteAutoScalingGroup': deleteAutoScalingGroup,
  'autoscaling:DescribeAutoScalingGroups': describeAutoScalingGroups,
  'autoscaling:DescribeScalingActivities': describeScalingActivities,
};
