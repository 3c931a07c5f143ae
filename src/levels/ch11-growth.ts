/**
 * Chapter 11, The kingdom grows: Application Auto Scaling. This file holds the chapter's levels in order;
 * level 20 is the decree that follows its travelers (target tracking on the service's CPU). The chapter's
 * next levels (capacity providers, Fargate Spot) join ALL_GROWTH_LEVELS.
 */
import { defaultVpcId } from '../model/index.ts';
import { createCluster, createService, REGION, registerMill, runInstances, subnets } from './calls.ts';
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
export const ALL_GROWTH_LEVELS: Level[] = [followsTravelers];
