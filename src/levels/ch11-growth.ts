/**
 * Chapter 11, The kingdom grows: Application Auto Scaling. This file holds the chapter's levels in order:
 * the decree that follows its travelers (target tracking on the service's CPU); a kingdom that erects its
 * own territories (an Auto Scaling group capacity provider with managed scaling and managed termination
 * protection); a cheap mix of managed and Spot lands that survives a reclamation (a base on FARGATE, the
 * weight on FARGATE_SPOT, a scripted Spot interruption).
 */
import { defaultVpcId } from '../model/index.ts';
import {
  CLUSTER,
  createCluster,
  createService,
  ECS_AMI,
  ecsUserData,
  REGION,
  registerMill,
  runInstances,
  subnets,
  updateService,
} from './calls.ts';
import type { Level, ScriptedEvent } from './types.ts';

const RESOURCE = 'service/Royaume/mill';
const SCALE_REF = {
  ServiceNamespace: 'ecs',
  ResourceId: RESOURCE,
  ScalableDimension: 'ecs:service:DesiredCount',
};

const ROAD = {
  action: 'elbv2:CreateTargetGroup',
  input: {
    Name: 'mill-road',
    Protocol: 'HTTP',
    Port: 80,
    VpcId: defaultVpcId(REGION),
    TargetType: 'instance',
    HealthCheckPath: '/',
  },
};
const GATE = { action: 'elbv2:CreateLoadBalancer', input: { Name: 'gate', Subnets: subnets() } };
const MAIN_DOOR = {
  action: 'elbv2:CreateListener',
  input: {
    LoadBalancerArn: '@lb/gate/1',
    Protocol: 'HTTP',
    Port: 80,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: '@tg/mill-road/1' }],
  },
};
const travelers = (rps: number) => ({
  action: 'sim:SetTraffic',
  input: { ListenerArn: '@listener/gate/80', RequestsPerSecond: rps },
});

/**
 * Travelers at the gate: a steady few from the first second (on mills already healthy), then a market day
 * that begins once the decree has a growth rule, and ends.
 */
export const MARKET_DAY: ScriptedEvent[] = [
  { after: 'start', delaySeconds: 1, call: travelers(20), note: 'A quiet day: 20 travelers a second' },
  {
    after: 'scalingPolicy',
    delaySeconds: 30,
    call: travelers(180),
    note: 'Market day: 180 travelers a second',
  },
  {
    after: 'scalingPolicy',
    delaySeconds: 480,
    call: travelers(10),
    note: 'The market closes: 10 travelers a second',
  },
];

const REGISTER = {
  action: 'application-autoscaling:RegisterScalableTarget',
  input: { ...SCALE_REF, MinCapacity: 2, MaxCapacity: 8 },
};
const trackCpu = (disableScaleIn: boolean) => ({
  action: 'application-autoscaling:PutScalingPolicy',
  input: {
    ...SCALE_REF,
    PolicyName: 'mill-cpu50',
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: 50,
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      ScaleOutCooldown: 60,
      ScaleInCooldown: 60,
      ...(disableScaleIn ? { DisableScaleIn: true } : {}),
    },
  },
});

export const followsTravelers: Level = {
  id: 'follows-travelers',
  number: 20,
  chapter: 11,
  title: 'The decree follows its travelers',
  concept: 'Application Auto Scaling: scalable target, target tracking on CPU, cooldowns',
  brief: [
    'Market day is coming to Royaume. Two mills stand behind the gate, and when the crowds arrive their builders will toil past what they can bear; when the market closes, six idle mills would cost gold for nothing.',
    "Give the decree mill growth bounds (never fewer than 2 mills, at most 8) and a growth rule that follows the builders' toil: keep it near half of what they can bear. The market opens soon after the rule is proclaimed.",
    'Watch the decree grow as the travelers rise and shrink after they leave. Speed time up: the steward waits for three minutes of toil above the aim before it grows, and fifteen below before it shrinks.',
  ],
  scenario: {
    seed: 120,
    setup: [
      createCluster(),
      runInstances('a'),
      runInstances('b'),
      runInstances('c'),
      registerMill(),
      ROAD,
      GATE,
      MAIN_DOOR,
      createService('mill', 'mill', 2, {
        loadBalancers: [{ targetGroupArn: '@tg/mill-road/1', containerName: 'web', containerPort: 80 }],
      }),
    ],
    settle: 120,
    place: 'kingdom',
  },
  allowed: ['growth', 'traffic'],
  goals: [
    {
      id: 'bounds',
      text: 'The decree has growth bounds: at least 2 mills, room for 6 or more',
      aws: 'Scalable target service/Royaume/mill with MinCapacity >= 2 and MaxCapacity >= 6',
      check: { kind: 'scalableTarget', service: 'mill', minAtLeast: 2, maxAtLeast: 6 },
    },
    {
      id: 'rule',
      text: "A growth rule follows the builders' toil",
      aws: 'A TargetTrackingScaling policy on ECSServiceAverageCPUUtilization',
      check: { kind: 'targetTrackingPolicy', service: 'mill', metric: 'ECSServiceAverageCPUUtilization' },
    },
    {
      id: 'grew',
      text: 'The decree grows to 5 mills or more under the crowds',
      aws: 'A scaling policy set the desired count of mill to 5 or more',
      check: { kind: 'serviceScaledOut', service: 'mill', atLeast: 5 },
    },
    {
      id: 'shrank',
      text: 'The decree shrinks again once the market closes',
      aws: 'After scaling out, a scaling policy scaled mill in',
      check: { kind: 'serviceScaledIn', service: 'mill' },
    },
  ],
  hints: [
    'Open the Growth section: set the bounds of the decree mill to 2 and 8 first (a scalable target), then proclaim a rule that follows its toil (target tracking on ECSServiceAverageCPUUtilization) with an aim of 50%.',
    'Leave "never shrink" (DisableScaleIn) unticked: a rule that may not shrink keeps every mill it built long after the market closes.',
    'Short rests (cooldowns of 60 seconds) let the decree grow again a minute after it grew; then speed time up and watch the banner over the decree say why it grew.',
  ],
  script: MARKET_DAY,
  solution: [{ call: REGISTER }, { call: trackCpu(false) }, { advance: 1800 }],
  wrongSolution: [{ call: REGISTER }, { call: trackCpu(true) }, { advance: 1800 }],
  debrief: {
    text: [
      "Application Auto Scaling changes an ECS service's desired count for you. The service becomes a scalable target (namespace ecs, resource service/<cluster>/<service>, dimension ecs:service:DesiredCount) with a minimum and a maximum that every scaling activity respects.",
      'A target tracking policy on ECSServiceAverageCPUUtilization creates two CloudWatch alarms itself: AlarmHigh (above the target for 3 one-minute datapoints) scales out in proportion to how far the metric is above the target; AlarmLow (below 90% of the target for 15 datapoints) scales in. Cooldowns space the activities; DisableScaleIn keeps the policy from ever scaling in. DescribeScalingActivities shows each change with its cause: "monitor alarm TargetTracking-...-AlarmHigh-... in state ALARM triggered policy mill-cpu50".',
      'The CPUUtilization of a service is the CPU its tasks use divided by the CPU they reserve: the requests each task serves are what make it rise.',
    ],
    cli: [
      'aws application-autoscaling register-scalable-target --service-namespace ecs --resource-id service/Royaume/mill --scalable-dimension ecs:service:DesiredCount --min-capacity 2 --max-capacity 8',
      'aws application-autoscaling put-scaling-policy --service-namespace ecs --resource-id service/Royaume/mill --scalable-dimension ecs:service:DesiredCount --policy-name mill-cpu50 --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration \'{"TargetValue":50,"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"},"ScaleOutCooldown":60,"ScaleInCooldown":60}\'',
    ],
  },
  stars: { thriftGold: 200, safetyFailedRequests: 0, safetySecondsBelowDesired: 600 },
};

/** The chapter's levels, in order. */

const SURVEY_ORDER = {
  action: 'ec2:CreateLaunchTemplate',
  input: {
    LaunchTemplateName: 'lands',
    LaunchTemplateData: {
      ImageId: ECS_AMI,
      InstanceType: 't3.medium',
      IamInstanceProfile: { Name: 'ecsInstanceRole' },
      UserData: ecsUserData(CLUSTER),
    },
  },
};

const SURVEY_PARTY = {
  action: 'autoscaling:CreateAutoScalingGroup',
  input: {
    AutoScalingGroupName: 'guild',
    LaunchTemplate: { LaunchTemplateName: 'lands', Version: '$Latest' },
    MinSize: 0,
    MaxSize: 4,
    DesiredCapacity: 0,
    VPCZoneIdentifier: subnets().join(','),
    NewInstancesProtectedFromScaleIn: true,
  },
};

const GRANARY = {
  action: 'ecs:RegisterTaskDefinition',
  input: {
    family: 'granary',
    containerDefinitions: [
      { name: 'granary', image: 'nginx:1.27', cpu: 1024, memory: 1024, essential: true },
    ],
  },
};

const guild = (status: 'ENABLED' | 'DISABLED') => ({
  action: 'ecs:CreateCapacityProvider',
  input: {
    name: 'surveyors',
    autoScalingGroupProvider: {
      autoScalingGroupArn: 'guild',
      managedScaling: { status, targetCapacity: 100 },
      managedTerminationProtection: status,
    },
  },
});

const callOnGuild = {
  action: 'ecs:PutClusterCapacityProviders',
  input: {
    cluster: CLUSTER,
    capacityProviders: ['surveyors'],
    defaultCapacityProviderStrategy: [{ capacityProvider: 'surveyors', weight: 1 }],
  },
};

const granaryDecree = {
  action: 'ecs:CreateService',
  input: { cluster: CLUSTER, serviceName: 'granary', taskDefinition: 'granary', desiredCount: 4 },
};

export const territoriesByThemselves: Level = {
  id: 'territories-by-themselves',
  number: 21,
  chapter: 11,
  title: 'Territories by themselves',
  concept: 'Capacity providers: managed scaling and termination protection',
  brief: [
    'The granaries are coming, four of them, and each needs half a homestead. You have no territory at all, only a survey order and a survey party that waits to be told how many territories to keep.',
    "Charter the surveyors' guild over the survey party: when the steward finds no room, the guild erects territories by itself, and it never abandons one with a development standing on it. Then proclaim the decree of four granaries.",
  ],
  scenario: { seed: 121, setup: [createCluster(), SURVEY_ORDER, SURVEY_PARTY, GRANARY], place: 'kingdom' },
  allowed: ['capacity', 'decree'],
  firstPanel: 'capacity',
  goals: [
    {
      id: 'guild',
      text: "A surveyors' guild with foresight and its seal watches over Royaume",
      aws: 'Cluster Royaume has a capacity provider with managed scaling and managed termination protection',
      check: { kind: 'managedCapacity', cluster: CLUSTER },
    },
    {
      id: 'granaries',
      text: 'Four granaries stand',
      aws: 'Service granary has 4 RUNNING tasks',
      check: { kind: 'serviceRunning', service: 'granary', count: 4 },
    },
    {
      id: 'erected',
      text: 'Territories the guild erected joined the kingdom',
      aws: 'At least 2 instances launched by the Auto Scaling group are ACTIVE container instances of Royaume',
      check: { kind: 'groupInstancesJoined', cluster: CLUSTER, atLeast: 2 },
    },
  ],
  hints: [
    "Open the surveyors' guild form: name the guild, pick the survey party guild, and turn on its foresight (managed scaling, target 100%) and its seal (managed termination protection).",
    'Then tell the kingdom to call on the guild by default (PutClusterCapacityProviders with a default strategy of surveyors, weight 1).',
    'Proclaim the decree of four granaries without a launch type: the default strategy sends it to the guild. The developments wait in PROVISIONING until the new territories arrive, about a minute later.',
  ],
  solution: [{ call: guild('ENABLED') }, { call: callOnGuild }, { call: granaryDecree }, { advance: 150 }],
  wrongSolution: [
    { call: guild('DISABLED') },
    { call: callOnGuild },
    { call: granaryDecree },
    { advance: 150 },
  ],
  debrief: {
    text: [
      'An Auto Scaling group capacity provider ties an EC2 Auto Scaling group to ECS. With managed scaling on, ECS publishes CapacityProviderReservation (instances needed divided by instances running, in percent) in AWS/ECS/ManagedScaling and moves the group toward the targetCapacity you set: 100% means no idle instances, lower keeps spare room.',
      'Tasks that find no room wait in PROVISIONING instead of failing, and the group launches instances from its launch template (whose user data names the cluster). When instances sit empty, the reservation drops below the target and after about 15 minutes the group shrinks. Managed termination protection keeps scale-in protection on every instance running tasks, so the group only ever terminates empty ones.',
    ],
    cli: [
      `aws ecs create-capacity-provider --name surveyors --auto-scaling-group-provider '{"autoScalingGroupArn":"guild","managedScaling":{"status":"ENABLED","targetCapacity":100},"managedTerminationProtection":"ENABLED"}'`,
      'aws ecs put-cluster-capacity-providers --cluster Royaume --capacity-providers surveyors --default-capacity-provider-strategy capacityProvider=surveyors,weight=1',
      'aws ecs create-service --cluster Royaume --service-name granary --task-definition granary --desired-count 4',
    ],
  },
  stars: { thriftGold: 20, safetyFailedRequests: 0, safetySecondsBelowDesired: 300 },
};

const MILL_ON_MANAGED_LANDS = {
  action: 'ecs:RegisterTaskDefinition',
  input: {
    family: 'mill',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [
      {
        name: 'mill',
        image: 'nginx:1.27',
        essential: true,
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
      },
    ],
  },
};

const MILL_DECREE = {
  action: 'ecs:CreateService',
  input: {
    cluster: CLUSTER,
    serviceName: 'mill',
    taskDefinition: 'mill',
    desiredCount: 4,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: subnets(), assignPublicIp: 'ENABLED' } },
  },
};

const BOTH_LANDS = {
  action: 'ecs:PutClusterCapacityProviders',
  input: {
    cluster: CLUSTER,
    capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
    defaultCapacityProviderStrategy: [],
  },
};

const mix = (strategy: { capacityProvider: string; base?: number; weight: number }[]) =>
  updateService('mill', { capacityProviderStrategy: strategy, forceNewDeployment: true });

export const cheapMix: Level = {
  id: 'cheap-mix',
  number: 22,
  chapter: 11,
  title: 'A cheap mix',
  concept: 'FARGATE and FARGATE_SPOT: base and weight, and a Spot interruption',
  brief: [
    'Four mills stand on the managed lands, and the treasury groans. Spot lands cost a fraction, but the planet takes them back whenever it likes, with two minutes of warning.',
    'Move the mills to a mix: at least one always on the managed lands, and the rest mostly on Spot lands. Then weather a reclamation without the mill ever going dark.',
  ],
  scenario: {
    seed: 122,
    region: REGION,
    setup: [createCluster(), MILL_ON_MANAGED_LANDS, MILL_DECREE],
    settle: 90,
    place: 'kingdom',
  },
  allowed: ['capacity', 'decree'],
  firstPanel: 'capacity',
  script: [
    {
      after: 'newDeployment',
      service: 'mill',
      delaySeconds: 150,
      call: { action: 'sim:InterruptSpotTasks', input: { cluster: CLUSTER, count: 10 } },
      note: 'The planet reclaims every Spot land of the kingdom',
    },
  ],
  goals: [
    {
      id: 'base',
      text: 'At least one mill stands on the managed lands',
      aws: 'Service mill has at least 1 RUNNING task on capacity provider FARGATE',
      check: { kind: 'serviceOnProvider', service: 'mill', provider: 'FARGATE', atLeast: 1 },
    },
    {
      id: 'spot',
      text: 'Three mills stand on Spot lands',
      aws: 'Service mill has at least 3 RUNNING tasks on capacity provider FARGATE_SPOT',
      check: { kind: 'serviceOnProvider', service: 'mill', provider: 'FARGATE_SPOT', atLeast: 3 },
    },
    {
      id: 'reclaimed',
      text: 'The planet reclaimed Spot lands',
      aws: 'A FARGATE_SPOT task was stopped with stopCode SpotInterruption',
      check: { kind: 'spotReclaimed', atLeast: 1 },
    },
    {
      id: 'never-dark',
      text: 'The mill never went dark',
      aws: 'Service mill always had at least 1 healthy task',
      check: { kind: 'neverBelowHealthy', service: 'mill', atLeast: 1, since: 'reached' },
    },
    {
      id: 'four',
      text: 'Four mills stand again',
      aws: 'Service mill has 4 RUNNING tasks',
      check: { kind: 'serviceRunning', service: 'mill', count: 4 },
    },
  ],
  hints: [
    'First let the kingdom call on both lands: PutClusterCapacityProviders with FARGATE and FARGATE_SPOT.',
    'Then renovate the decree with a land mix instead of a launch type: FARGATE with base 1 (that one mill always stays on managed lands) and weight 1, FARGATE_SPOT with weight 3.',
    'A land mix change starts a new renovation (force a new deployment). When the planet reclaims the Spot lands, the mill on managed lands keeps serving while the steward raises replacements.',
  ],
  solution: [
    { call: BOTH_LANDS },
    {
      call: mix([
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3 },
      ]),
    },
    { advance: 300 },
  ],
  wrongSolution: [
    { call: BOTH_LANDS },
    { call: mix([{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]) },
    { advance: 300 },
  ],
  debrief: {
    text: [
      'FARGATE and FARGATE_SPOT are capacity providers every account has; a cluster uses them once PutClusterCapacityProviders associates them. A capacity provider strategy replaces the launch type: base is how many tasks, at a minimum, run on one provider (only one provider may have a base), and weight shares the rest: with FARGATE weight 1 and FARGATE_SPOT weight 3, three tasks in four go to Spot.',
      'When AWS needs Fargate Spot capacity back, each task gets a two-minute warning (a task state change with stopCode SpotInterruption and the stopped reason "Your Spot Task was interrupted.", and SIGTERM), then stops. The service scheduler starts replacements at once. The base on FARGATE is what keeps the service answering while every Spot task goes at the same moment.',
    ],
    cli: [
      "aws ecs put-cluster-capacity-providers --cluster Royaume --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy '[]'",
      'aws ecs update-service --cluster Royaume --service mill --capacity-provider-strategy capacityProvider=FARGATE,base=1,weight=1 capacityProvider=FARGATE_SPOT,weight=3 --force-new-deployment',
    ],
  },
  stars: { thriftGold: 10, safetyFailedRequests: 0, safetySecondsBelowDesired: 120 },
};

export const ALL_GROWTH_LEVELS: Level[] = [followsTravelers, territoriesByThemselves, cheapMix];
