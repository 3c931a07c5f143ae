/** Worlds with a launch template, an Auto Scaling group and a capacity provider, built by real calls. */
import { encodeBase64 } from '../../src/model/sim/base64.ts';
import { REGION, type World } from './world.ts';

export const SUBNETS = ['a', 'b', 'c'];

export interface GroupOptions {
  min?: number;
  max?: number;
  desired?: number;
  protect?: boolean;
  instanceType?: string;
  cluster?: string;
}

/** Subnet ids of the region's zones, from DescribeSubnets. */
export function subnetIds(w: World, letters = SUBNETS): string[] {
  const out = w.ok('ec2:DescribeSubnets', {}).Subnets as { SubnetId: string; AvailabilityZone: string }[];
  return letters.map(
    (l) => (out.find((s) => s.AvailabilityZone === `${REGION}${l}`) as { SubnetId: string }).SubnetId,
  );
}

/** A launch template `lands` and a group `guild` over three zones (not yet a capacity provider). */
export function withGroup(w: World, o: GroupOptions = {}): void {
  const cluster = o.cluster ?? 'Royaume';
  w.ok('ecs:CreateCluster', { clusterName: cluster });
  w.ok('ec2:CreateLaunchTemplate', {
    LaunchTemplateName: 'lands',
    LaunchTemplateData: {
      ImageId: w.ami(true),
      InstanceType: o.instanceType ?? 't3.medium',
      IamInstanceProfile: { Name: 'ecsInstanceRole' },
      UserData: encodeBase64(`#!/bin/bash\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config\n`),
    },
  });
  w.ok('autoscaling:CreateAutoScalingGroup', {
    AutoScalingGroupName: 'guild',
    LaunchTemplate: { LaunchTemplateName: 'lands', Version: '$Latest' },
    MinSize: o.min ?? 0,
    MaxSize: o.max ?? 6,
    DesiredCapacity: o.desired ?? 0,
    VPCZoneIdentifier: subnetIds(w).join(','),
    NewInstancesProtectedFromScaleIn: o.protect ?? true,
  });
}

/** withGroup plus a managed capacity provider `surveyors` as the cluster's default strategy. */
export function withProvider(w: World, o: GroupOptions & { target?: number } = {}): void {
  withGroup(w, o);
  const arn = w.ok('autoscaling:DescribeAutoScalingGroups', { AutoScalingGroupNames: ['guild'] })
    .AutoScalingGroups[0].AutoScalingGroupARN as string;
  w.ok('ecs:CreateCapacityProvider', {
    name: 'surveyors',
    autoScalingGroupProvider: {
      autoScalingGroupArn: arn,
      managedScaling: { status: 'ENABLED', targetCapacity: o.target ?? 100 },
      managedTerminationProtection: o.protect === false ? 'DISABLED' : 'ENABLED',
    },
  });
  w.ok('ecs:PutClusterCapacityProviders', {
    cluster: o.cluster ?? 'Royaume',
    capacityProviders: ['surveyors'],
    defaultCapacityProviderStrategy: [{ capacityProvider: 'surveyors', weight: 1 }],
  });
}
