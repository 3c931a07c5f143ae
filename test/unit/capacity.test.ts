/**
 * Launch templates, EC2 Auto Scaling groups, ECS capacity providers with managed scaling and managed
 * termination protection, FARGATE/FARGATE_SPOT strategies and the Spot interruption. Sources are cited in
 * the model's headers (src/model/autoscaling, src/model/ecs/capacity-*.ts, managed-scaling.ts,
 * src/model/sim/spot-faults.ts).
 */
import { describe, expect, it } from 'vitest';
import { splitByStrategy } from '../../src/model/ecs/capacity-strategy.ts';
import { subnetIds, withGroup, withProvider } from '../support/capacity-world.ts';
import { World } from '../support/world.ts';

const groupOf = (w: World) =>
  w.ok('autoscaling:DescribeAutoScalingGroups', { AutoScalingGroupNames: ['guild'] }).AutoScalingGroups[0];

describe('launch templates', () => {
  it('creates, versions and describes a template; a bad AMI is a Warning, not a refusal', () => {
    const w = new World();
    const made = w.ok('ec2:CreateLaunchTemplate', {
      LaunchTemplateName: 'lands',
      LaunchTemplateData: { ImageId: 'ami-0000000000000000f', InstanceType: 't3.medium' },
    });
    expect(made.LaunchTemplate.LatestVersionNumber).toBe(1);
    expect(made.Warning.Errors[0].Code).toBe('InvalidAmiID.NotFound');
    const v2 = w.ok('ec2:CreateLaunchTemplateVersion', {
      LaunchTemplateName: 'lands',
      SourceVersion: '1',
      LaunchTemplateData: { ImageId: w.ami(true) },
    });
    expect(v2.LaunchTemplateVersion.VersionNumber).toBe(2);
    expect(v2.LaunchTemplateVersion.LaunchTemplateData.InstanceType).toBe('t3.medium');
    expect(v2.Warning).toBeUndefined();
    expect(
      w.err('ec2:CreateLaunchTemplate', { LaunchTemplateName: 'lands', LaunchTemplateData: {} }).name,
    ).toBe('InvalidLaunchTemplateName.AlreadyExistsException');
    const d = w.ok('ec2:DescribeLaunchTemplates', { LaunchTemplateNames: ['lands'] });
    expect(d.LaunchTemplates[0]).toMatchObject({ DefaultVersionNumber: 1, LatestVersionNumber: 2 });
    expect(typeof d.LaunchTemplates[0].CreateTime).toBe('string');
  });
});

describe('EC2 Auto Scaling groups', () => {
  it('launches its desired capacity balanced over its zones, and the instances join the cluster', () => {
    const w = new World();
    withGroup(w, { desired: 3 });
    w.tick(30);
    const g = groupOf(w);
    expect(g.Instances).toHaveLength(3);
    expect(new Set(g.Instances.map((i: { AvailabilityZone: string }) => i.AvailabilityZone)).size).toBe(3);
    expect(g.Instances.every((i: { LifecycleState: string }) => i.LifecycleState === 'InService')).toBe(true);
    expect(w.containerInstances()).toHaveLength(3);
    const acts = w.ok('autoscaling:DescribeScalingActivities', { AutoScalingGroupName: 'guild' }).Activities;
    expect(acts).toHaveLength(3);
    expect(acts[0].Description).toMatch(/^Launching a new EC2 instance: i-[0-9a-f]{17}$/);
    expect(acts[0].Cause).toContain(
      'a user request created an AutoScalingGroup changing the desired capacity from 0 to 3.',
    );
    expect(acts[0].Cause).toContain(
      'an instance was started in response to a difference between desired and actual capacity',
    );
  });

  it('refuses bounds that do not hold, with Auto Scaling words', () => {
    const w = new World();
    withGroup(w);
    expect(
      w.err('autoscaling:SetDesiredCapacity', { AutoScalingGroupName: 'guild', DesiredCapacity: 9 }),
    ).toEqual({
      name: 'ValidationError',
      message: 'New SetDesiredCapacity value 9 is above max value 6 for the AutoScalingGroup.',
    });
    expect(
      w.err('autoscaling:UpdateAutoScalingGroup', { AutoScalingGroupName: 'guild', MinSize: 7 }).message,
    ).toBe('Max bound, 6, must be greater than or equal to min bound, 7');
    expect(
      w.err('autoscaling:SetDesiredCapacity', { AutoScalingGroupName: 'nope', DesiredCapacity: 1 }).name,
    ).toBe('ValidationError');
    expect(
      w.err('autoscaling:CreateAutoScalingGroup', {
        AutoScalingGroupName: 'g2',
        MinSize: 0,
        MaxSize: 1,
        AvailabilityZones: ['za-southwest-1a'],
      }).message,
    ).toBe(
      'Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.',
    );
  });

  it('never terminates a protected instance; the desired capacity still goes down', () => {
    const w = new World();
    withGroup(w, { desired: 2, protect: true });
    w.tick(30);
    w.ok('autoscaling:SetDesiredCapacity', { AutoScalingGroupName: 'guild', DesiredCapacity: 0 });
    w.tick(5);
    expect(groupOf(w).DesiredCapacity).toBe(0);
    expect(groupOf(w).Instances).toHaveLength(2);
    const ids = groupOf(w).Instances.map((i: { InstanceId: string }) => i.InstanceId);
    w.ok('autoscaling:SetInstanceProtection', {
      AutoScalingGroupName: 'guild',
      InstanceIds: ids,
      ProtectedFromScaleIn: false,
    });
    w.tick(30);
    expect(groupOf(w).Instances).toHaveLength(0);
    const acts = w.ok('autoscaling:DescribeScalingActivities', { AutoScalingGroupName: 'guild' }).Activities;
    expect(acts[0].Description).toMatch(/^Terminating EC2 instance: i-/);
    expect(acts[0].Cause).toContain('was selected for termination.');
  });

  it('replaces an instance lost in a zone outage in another zone', () => {
    const w = new World();
    withGroup(w, { desired: 3, protect: false });
    w.tick(30);
    w.ok('sim:FailAvailabilityZone', { availabilityZone: 'za-southwest-1a' });
    w.tick(40);
    const g = groupOf(w);
    const live = g.Instances.filter((i: { LifecycleState: string }) => i.LifecycleState === 'InService');
    expect(live).toHaveLength(3);
    expect(live.some((i: { AvailabilityZone: string }) => i.AvailabilityZone === 'za-southwest-1a')).toBe(
      false,
    );
  });
});

describe('capacity providers and managed scaling', () => {
  it('a task with no room waits in PROVISIONING, the group grows, and the task runs', () => {
    const w = new World();
    withProvider(w);
    const td = w.registerWeb('web', 512, 512);
    const out = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td, count: 2 });
    expect(out.tasks).toHaveLength(2);
    expect(out.tasks[0].lastStatus).toBe('PROVISIONING');
    expect(out.tasks[0].capacityProviderName).toBe('surveyors');
    expect(out.failures).toEqual([]);
    w.tick(61);
    expect(groupOf(w).DesiredCapacity).toBeGreaterThanOrEqual(1);
    const metric = w.ok('cloudwatch:GetMetricStatistics', {
      Namespace: 'AWS/ECS/ManagedScaling',
      MetricName: 'CapacityProviderReservation',
      Dimensions: [
        { Name: 'CapacityProviderName', Value: 'surveyors' },
        { Name: 'ClusterName', Value: 'Royaume' },
      ],
      StartTime: w.state.startedAt,
      EndTime: w.state.now + 60,
      Period: 60,
      Statistics: ['Maximum'],
    });
    expect(metric.Datapoints[0].Maximum).toBe(200);
    w.tick(60);
    expect(w.running()).toHaveLength(2);
    const ci = w.containerInstances()[0];
    expect(ci?.remainingCpu).toBeGreaterThanOrEqual(0);
  });

  it('scales in idle territories after 15 minutes below the target, never one with tasks', () => {
    const w = new World();
    withProvider(w, { desired: 3 });
    w.tick(40);
    const td = w.registerWeb('web', 512, 512);
    w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td, count: 1 });
    w.tick(60 * 18);
    const g = groupOf(w);
    expect(g.DesiredCapacity).toBe(1);
    expect(
      g.Instances.filter((i: { LifecycleState: string }) => i.LifecycleState === 'InService'),
    ).toHaveLength(1);
    expect(w.running()).toHaveLength(1);
    expect(g.Instances[0].ProtectedFromScaleIn).toBe(true);
  });

  it('refuses managed termination protection on a group without scale-in protection', () => {
    const w = new World();
    withGroup(w, { protect: false });
    const arn = groupOf(w).AutoScalingGroupARN;
    const e = w.err('ecs:CreateCapacityProvider', {
      name: 'surveyors',
      autoScalingGroupProvider: {
        autoScalingGroupArn: arn,
        managedScaling: { status: 'ENABLED' },
        managedTerminationProtection: 'ENABLED',
      },
    });
    expect(e.name).toBe('ClientException');
    expect(e.message).toContain('instance protection from scale in enabled');
  });

  it('describes providers and the cluster with its default strategy', () => {
    const w = new World();
    withProvider(w, { target: 80 });
    const d = w.ok('ecs:DescribeCapacityProviders', {});
    expect(d.capacityProviders.map((p: { name: string }) => p.name)).toEqual([
      'FARGATE',
      'FARGATE_SPOT',
      'surveyors',
    ]);
    expect(d.capacityProviders[2].autoScalingGroupProvider.managedScaling).toMatchObject({
      status: 'ENABLED',
      targetCapacity: 80,
      minimumScalingStepSize: 1,
      maximumScalingStepSize: 10000,
    });
    const c = w.ok('ecs:DescribeClusters', { clusters: ['Royaume'] }).clusters[0];
    expect(c.capacityProviders).toEqual(['surveyors']);
    expect(c.defaultCapacityProviderStrategy).toEqual([
      { capacityProvider: 'surveyors', weight: 1, base: 0 },
    ]);
    expect(w.err('ecs:DeleteCapacityProvider', { capacityProvider: 'surveyors' }).name).toBe(
      'ResourceInUseException',
    );
    expect(
      w.err('ecs:CreateCapacityProvider', {
        name: 'fargate-x',
        autoScalingGroupProvider: { autoScalingGroupArn: 'x' },
      }).name,
    ).toBe('InvalidParameterException');
  });

  it('refuses a launch type with a strategy, and a strategy naming a provider the cluster lacks', () => {
    const w = new World();
    withProvider(w);
    const td = w.registerWeb();
    expect(
      w.err('ecs:RunTask', {
        cluster: 'Royaume',
        taskDefinition: td,
        launchType: 'EC2',
        capacityProviderStrategy: [{ capacityProvider: 'surveyors', weight: 1 }],
      }).message,
    ).toBe(
      'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    );
    expect(
      w.err('ecs:RunTask', {
        cluster: 'Royaume',
        taskDefinition: td,
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
      }).message,
    ).toContain('not associated with the cluster');
  });
});

describe('FARGATE and FARGATE_SPOT', () => {
  it('splits by base then weight', () => {
    const strategy = [
      { capacityProvider: 'FARGATE', base: 2, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 3 },
    ];
    const split = splitByStrategy(strategy, {}, 10);
    expect(split.filter((p) => p === 'FARGATE')).toHaveLength(4);
    expect(split.filter((p) => p === 'FARGATE_SPOT')).toHaveLength(6);
    expect(split.slice(0, 2)).toEqual(['FARGATE', 'FARGATE']);
    expect(splitByStrategy(strategy, { FARGATE: 2, FARGATE_SPOT: 5 }, 1)).toEqual(['FARGATE']);
  });

  it('a service on FARGATE and FARGATE_SPOT survives a Spot interruption', () => {
    const w = new World();
    w.ok('ecs:CreateCluster', {
      clusterName: 'Royaume',
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [],
    });
    const td = w.ok('ecs:RegisterTaskDefinition', {
      family: 'mill',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'mill', image: 'nginx:1.27', essential: true }],
    }).taskDefinition.taskDefinitionArn;
    const svc = w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: td,
      desiredCount: 4,
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3 },
      ],
      networkConfiguration: { awsvpcConfiguration: { subnets: subnetIds(w) } },
    }).service;
    expect(svc.launchType).toBeUndefined();
    expect(svc.capacityProviderStrategy).toHaveLength(2);
    w.tick(60);
    const live = w.running('mill');
    expect(live).toHaveLength(4);
    expect(live.filter((t) => t.capacityProviderName === 'FARGATE_SPOT')).toHaveLength(3);
    w.ok('sim:InterruptSpotTasks', { cluster: 'Royaume', count: 1 });
    const warned = w.tasks((t) => t.stopCode === 'SpotInterruption');
    expect(warned).toHaveLength(1);
    expect(warned[0]?.lastStatus).toBe('RUNNING');
    expect(warned[0]?.stoppedReason).toBe('Your Spot Task was interrupted.');
    w.tick(100);
    expect(w.state.tasks.get(warned[0]?.taskArn ?? '')?.lastStatus).toBe('RUNNING');
    expect(w.running('mill')).toHaveLength(4);
    w.tick(40);
    const stopped = w.state.tasks.get(warned[0]?.taskArn ?? '');
    expect(stopped?.lastStatus).toBe('STOPPED');
    const d = w.ok('ecs:DescribeTasks', { cluster: 'Royaume', tasks: [stopped?.taskArn] }).tasks[0];
    expect(d).toMatchObject({
      stopCode: 'SpotInterruption',
      stoppedReason: 'Your Spot Task was interrupted.',
    });
    expect(d.capacityProviderName).toBe('FARGATE_SPOT');
    expect(w.running('mill')).toHaveLength(4);
  });
});
