/**
 * Chapter 7, Renovations: a blue/green swap of the gate's doors by hand (two services, two target groups, two
 * listeners: the pattern of https://github.com/awslabs/ecs-blue-green-deployment), an ECS-native canary
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html), and a linear
 * shift that a CloudWatch alarm rolls back
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-linear.html).
 */

import type { Call } from '../model/index.ts';
import { defaultVpcId } from '../model/index.ts';
import {
  createCluster,
  createService,
  REGION,
  registerMill,
  runInstances,
  subnets,
  updateService,
} from './calls.ts';
import type { Level, ScriptedEvent } from './types.ts';

/** A road whose herald calls every 10 s and trusts a mill after two good visits. */
const road = (name: string): Call => ({
  action: 'elbv2:CreateTargetGroup',
  input: {
    Name: name,
    Protocol: 'HTTP',
    Port: 80,
    VpcId: defaultVpcId(REGION),
    TargetType: 'instance',
    HealthCheckPath: '/',
    HealthCheckIntervalSeconds: 10,
    HealthyThresholdCount: 2,
  },
});

const GATE: Call = { action: 'elbv2:CreateLoadBalancer', input: { Name: 'gate', Subnets: subnets() } };

const door = (port: number, targetGroup: string): Call => ({
  action: 'elbv2:CreateListener',
  input: {
    LoadBalancerArn: '@lb/gate/1',
    Protocol: 'HTTP',
    Port: port,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: `@tg/${targetGroup}/1` }],
  },
});

const pointDoor = (port: number, targetGroup: string): Call => ({
  action: 'elbv2:ModifyListener',
  input: {
    ListenerArn: `@listener/gate/${port}`,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: `@tg/${targetGroup}/1` }],
  },
});

const travelers = (port: number, rps: number): Call => ({
  action: 'sim:SetTraffic',
  input: { ListenerArn: `@listener/gate/${port}`, RequestsPerSecond: rps },
});

const onRoad = (targetGroup: string) => ({
  targetGroupArn: `@tg/${targetGroup}/1`,
  containerName: 'web',
  containerPort: 80,
});

const THREE_ZONES: Call[] = [
  createCluster(),
  runInstances('a'),
  runInstances('b'),
  runInstances('c'),
  registerMill(),
];

/**
 * The kingdom of the canary and the watchtower: mill on road mill-blue behind the main door, road
 * mill-green behind the test door, and the decree wired for ECS-native shifts (advancedConfiguration).
 */
const NATIVE_KINGDOM: Call[] = [
  ...THREE_ZONES,
  road('mill-blue'),
  road('mill-green'),
  GATE,
  door(80, 'mill-blue'),
  door(8080, 'mill-green'),
  createService('mill', 'mill:1', 3, {
    loadBalancers: [
      {
        ...onRoad('mill-blue'),
        advancedConfiguration: {
          alternateTargetGroupArn: '@tg/mill-green/1',
          productionListenerRule: '@rule/gate/80',
          testListenerRule: '@rule/gate/8080',
          roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers',
        },
      },
    ],
    healthCheckGracePeriodSeconds: 30,
  }),
];

/**
 * Travelers start once the player arrives, not during the settle: the mills are healthy by then, so
 * the chronicle does not open on travelers turned away while the kingdom was still being built.
 */
const TRAVELERS_ARRIVE: ScriptedEvent = {
  after: 'start',
  delaySeconds: 0,
  call: travelers(80, 20),
  note: 'Twenty travelers a second start passing the main door.',
};

const MILL_2_CLI =
  'aws ecs register-task-definition --family mill --container-definitions \'[{"name":"web","image":"nginx:1.28","cpu":256,"memory":512,"essential":true,"portMappings":[{"containerPort":80,"hostPort":0,"protocol":"tcp"}]}]\'';

export const blueGreen: Level = {
  id: 'blue-green',
  number: 14,
  chapter: 7,
  title: 'Blue and green',
  concept: 'Blue/green by hand: two services, two target groups, swapping two listeners',
  brief: [
    'Travelers stream through the main door of the gate (port 80) down the blue road to three mills of edition 1. The millers have drafted edition 2, and the council will not have the gate closed for a single moment.',
    'Build a green town beside the blue one: a green road named mill-green behind a test door on port 8080, and a decree of three mills of edition 2 on it. Send a few travelers through the test door to try it.',
    'Then swap the doors: the main door to the green road, the test door to the blue. When the council has seen green serve, swap them back. Not one traveler may be turned away.',
    'The goals marked done at the start (the main door on blue, no traveler turned away) must still hold at the end.',
  ],
  scenario: {
    seed: 114,
    setup: [
      ...THREE_ZONES,
      registerMill('nginx:1.28'),
      road('mill-blue'),
      GATE,
      door(80, 'mill-blue'),
      createService('mill-blue', 'mill:1', 3, {
        loadBalancers: [onRoad('mill-blue')],
        healthCheckGracePeriodSeconds: 30,
      }),
    ],
    settle: 120,
    place: 'kingdom',
  },
  script: [TRAVELERS_ARRIVE],
  allowed: ['gate', 'decree', 'traffic'],
  goals: [
    {
      id: 'green-healthy',
      text: 'Three green mills stand on the green road, and the herald finds them well',
      aws: 'Target group mill-green has 3 healthy targets',
      check: { kind: 'targetsHealthy', targetGroup: 'mill-green', count: 3 },
    },
    {
      id: 'green-served',
      text: 'The main door once sent every traveler down the green road',
      aws: 'At some moment the listener on port 80 forwarded 100% to mill-green',
      check: { kind: 'listenerForwardedOnce', port: 80, targetGroup: 'mill-green' },
    },
    {
      id: 'back-on-blue',
      text: 'At the end, the main door leads to the blue road again',
      aws: 'The listener on port 80 forwards 100% to mill-blue',
      check: { kind: 'listenerForwards', port: 80, targetGroup: 'mill-blue' },
    },
    {
      id: 'test-door',
      text: 'At the end, the test door leads to the green road',
      aws: 'The listener on port 8080 forwards 100% to mill-green',
      check: { kind: 'listenerForwards', port: 8080, targetGroup: 'mill-green' },
    },
    {
      id: 'no-errors',
      text: 'No traveler is turned away',
      aws: 'Fewer than 1 failed request (5xx)',
      check: { kind: 'failedRequestsBelow', max: 1 },
    },
  ],
  hints: [
    'The green town needs its own road (a target group mill-green, like mill-blue), its own door (a listener on port 8080 forwarding to mill-green) and its own decree (service mill-green of mill:2, 3 mills, on the road mill-green). In the Build the gate form, name the main road mill-blue and the test road mill-green: what already stands (the gate, mill-blue, the main door) is not built again.',
    'Wait until the herald finds the three green mills well before any door leads to them: a road with no healthy mill turns travelers away.',
    'A swap is two changes of door: the main door (port 80) now forwards to mill-green, the test door (8080) to mill-blue. The Swap the doors button under Build the gate makes both; press it again to swap back.',
  ],
  solution: [
    { call: road('mill-green') },
    { call: door(8080, 'mill-green'), note: 'The test door.' },
    {
      call: createService('mill-green', 'mill:2', 3, {
        loadBalancers: [onRoad('mill-green')],
        healthCheckGracePeriodSeconds: 30,
      }),
    },
    { advance: 90 },
    { call: travelers(8080, 5), note: 'A few travelers try the green town.' },
    { advance: 30 },
    { call: pointDoor(80, 'mill-green'), note: 'The swap: main door to green...' },
    { call: pointDoor(8080, 'mill-blue'), note: '...and test door to blue.' },
    { advance: 60 },
    { call: pointDoor(80, 'mill-blue'), note: 'And back.' },
    { call: pointDoor(8080, 'mill-green') },
    { advance: 30 },
  ],
  wrongSolution: [
    { call: road('mill-green') },
    { call: door(8080, 'mill-green') },
    {
      call: createService('mill-green', 'mill:2', 3, {
        loadBalancers: [onRoad('mill-green')],
        healthCheckGracePeriodSeconds: 30,
      }),
    },
    { advance: 90 },
    { call: pointDoor(80, 'mill-green'), note: 'Swap, and never swap back.' },
    { call: pointDoor(8080, 'mill-blue') },
    { advance: 90 },
  ],
  debrief: {
    text: [
      'Blue/green keeps two complete environments: the blue one serves production while the green one, with the new revision, is built and tested beside it. Here each is an ECS service with its own target group; the production listener (port 80) forwards to blue, a test listener (8080) to green.',
      'The switch is ModifyListener on both listeners: a listener change takes effect at once, and both target groups keep their healthy targets, so no request fails and nothing drains. Rolling back is the same swap the other way, as long as blue still runs: that is why blue is kept until green has proven itself.',
      'This is the pattern of awslabs/ecs-blue-green-deployment. CodeDeploy (deployment controller CODE_DEPLOY) and ECS-native BLUE_GREEN deployments automate it with two target groups and one service.',
    ],
    cli: [
      'aws elbv2 create-target-group --name mill-green --protocol HTTP --port 80 --vpc-id vpc-96645c6f --target-type instance --health-check-path / --health-check-interval-seconds 10 --healthy-threshold-count 2',
      'aws elbv2 create-listener --load-balancer-arn @lb/gate/1 --protocol HTTP --port 8080 --default-actions \'[{"Type":"forward","TargetGroupArn":"@tg/mill-green/1"}]\'',
      'aws ecs create-service --cluster Royaume --service-name mill-green --task-definition mill:2 --desired-count 3 --load-balancers \'[{"targetGroupArn":"@tg/mill-green/1","containerName":"web","containerPort":80}]\' --health-check-grace-period-seconds 30',
      'aws elbv2 modify-listener --listener-arn @listener/gate/80 --default-actions \'[{"Type":"forward","TargetGroupArn":"@tg/mill-green/1"}]\'',
      'aws elbv2 modify-listener --listener-arn @listener/gate/8080 --default-actions \'[{"Type":"forward","TargetGroupArn":"@tg/mill-blue/1"}]\'',
    ],
  },
  stars: { thriftGold: 9, safetyFailedRequests: 0, safetySecondsBelowDesired: 30 },
};

const CANARY = {
  strategy: 'CANARY',
  canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
  bakeTimeInMinutes: 1,
};

export const canary: Level = {
  id: 'canary',
  number: 15,
  chapter: 7,
  title: 'The canary',
  concept: 'ECS-native CANARY deployment: canaryPercent, canaryBakeTimeInMinutes, bake time',
  brief: [
    'The mill decree of Royaume now knows both roads: blue behind the main door, green behind the test door. Twenty travelers a second pass the main door.',
    'The millers want edition 2 of the mill (design nginx:1.28), but the council is wary. Draft edition 2 of the plan first (it is not drafted yet), then renovate the decree so that one traveler in ten visits the new mills for five minutes, and only then all of them. The steward moves the travelers himself.',
    'In plain words: a canary renovation sends a small share of travelers to the new edition and watches it for a while before sending everyone; the goals count that watch in seconds (280 of the 300).',
  ],
  scenario: { seed: 115, setup: NATIVE_KINGDOM, settle: 120, place: 'kingdom' },
  script: [TRAVELERS_ARRIVE],
  allowed: ['plan', 'decree', 'renovation', 'traffic'],
  goals: [
    {
      id: 'canary',
      text: 'One traveler in ten visited edition 2 for five minutes',
      aws: 'mill:2 answered 5-15% of requests for at least 280 s in a row',
      check: { kind: 'revisionShareHeld', family: 'mill', revision: 2, min: 5, max: 15, seconds: 280 },
    },
    {
      id: 'all',
      text: 'Then every traveler visited edition 2',
      aws: 'mill:2 answered 100% of requests for at least 30 s',
      check: { kind: 'revisionShareHeld', family: 'mill', revision: 2, min: 100, max: 100, seconds: 30 },
    },
    {
      id: 'succeeded',
      text: 'The renovation to edition 2 succeeded',
      aws: 'The latest service deployment of mill (to mill:2) is SUCCESSFUL',
      check: { kind: 'serviceDeploymentStatus', service: 'mill', status: 'SUCCESSFUL', revision: 2 },
    },
    {
      id: 'few-errors',
      text: 'No traveler is turned away',
      aws: 'Fewer than 1 failed request (5xx)',
      check: { kind: 'failedRequestsBelow', max: 1 },
    },
  ],
  hints: [
    'Draft edition 2 of the mill plan first: in Draft a plan, press Start a new edition from it, change the design to nginx:1.28 and draft.',
    'Renovate the decree to mill:2 with the canary strategy (deployment strategy CANARY): canary share 10% (canaryPercent), canary watch 5 minutes (canaryBakeTimeInMinutes; the form offers 2).',
    'The steward raises all the green mills first, tries them through the test door, then sends 10% of the main door to green, waits five minutes, and sends the rest. Let time pass: about eight minutes.',
  ],
  solution: [
    { call: registerMill('nginx:1.28') },
    { call: updateService('mill', { taskDefinition: 'mill:2', deploymentConfiguration: CANARY }) },
    { advance: 540 },
  ],
  wrongSolution: [
    { call: registerMill('nginx:1.28') },
    {
      call: updateService('mill', {
        taskDefinition: 'mill:2',
        deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 },
      }),
      note: 'All at once.',
    },
    { advance: 540 },
  ],
  debrief: {
    text: [
      'An ECS-native CANARY deployment (deploymentConfiguration.strategy CANARY) starts the new revision beside the old one behind the alternate target group, shifts canaryPercent of production traffic to it, waits canaryBakeTimeInMinutes, then shifts the rest; after bakeTimeInMinutes with both revisions running, the old one is scaled down.',
      'ECS moves traffic by rewriting the production listener rule into a weighted forward of the two target groups named in loadBalancers[].advancedConfiguration (alternateTargetGroupArn, productionListenerRule, testListenerRule). The next deployment swaps the roles of the two groups.',
      'CodeDeploy offers the same for a CODE_DEPLOY service with CodeDeployDefault.ECSCanary10Percent5Minutes.',
    ],
    cli: [
      MILL_2_CLI,
      'aws ecs update-service --cluster Royaume --service mill --task-definition mill:2 --deployment-configuration \'{"strategy":"CANARY","canaryConfiguration":{"canaryPercent":10,"canaryBakeTimeInMinutes":5},"bakeTimeInMinutes":1}\'',
    ],
  },
  stars: { thriftGold: 23, safetyFailedRequests: 0, safetySecondsBelowDesired: 30 },
};

const WATCHTOWER: Call = {
  action: 'cloudwatch:PutMetricAlarm',
  input: {
    AlarmName: 'mill-5xx',
    Namespace: 'AWS/ApplicationELB',
    MetricName: 'HTTPCode_Target_5XX_Count',
    Dimensions: [{ Name: 'LoadBalancer', Value: '@lb-dim/gate/1' }],
    Statistic: 'Sum',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 5,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'notBreaching',
  },
};

const linear = (alarms: boolean) => ({
  taskDefinition: 'mill:2',
  deploymentConfiguration: {
    strategy: 'LINEAR',
    linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 1 },
    bakeTimeInMinutes: 1,
    ...(alarms ? { alarms: { alarmNames: ['mill-5xx'], enable: true, rollback: true } } : {}),
  },
});

export const watchtower: Level = {
  id: 'the-watchtower',
  number: 16,
  chapter: 7,
  title: 'The watchtower',
  concept: 'LINEAR deployment with a CloudWatch alarm that rolls back',
  brief: [
    'Edition 2 of the mill is drafted. What nobody knows yet: three visits in ten to its mills end badly.',
    'Renovate the decree a tenth of the travelers at a time, one step a minute, and first raise a watchtower over the gate that counts the travelers the mills turn away. When its beacon lights, the horn of rollback must sound: every traveler back to edition 1 at once.',
    'Fewer than fifty travelers may be turned away.',
    'In plain words: a watchtower is an alarm that looks at a count (here, failed travelers at the gate) once a minute and lights its beacon when the count goes too high; the horn of rollback sends the renovation back to the last edition. The goals marked done at the start must still hold at the end.',
  ],
  scenario: {
    seed: 116,
    setup: [
      ...NATIVE_KINGDOM,
      registerMill('nginx:1.28'),
      // The flaw nobody has seen yet: edition 2 fails three requests in ten.
      { action: 'sim:SetBehavior', input: { TaskDefinition: 'mill:2', ErrorRate: 0.3 } },
    ],
    settle: 120,
    place: 'kingdom',
  },
  script: [TRAVELERS_ARRIVE],
  allowed: ['decree', 'renovation', 'watchtower', 'traffic'],
  goals: [
    {
      id: 'horn',
      text: 'The horn of rollback sounded: the renovation to edition 2 was rolled back',
      aws: 'The latest service deployment of mill (to mill:2) is ROLLBACK_SUCCESSFUL',
      check: {
        kind: 'serviceDeploymentStatus',
        service: 'mill',
        status: 'ROLLBACK_SUCCESSFUL',
        revision: 2,
      },
    },
    {
      id: 'quick',
      text: 'Within a minute of the beacon lighting, no traveler reached edition 2 any more',
      aws: 'Within 60 s of the alarm going to ALARM, mill:2 stopped receiving requests',
      check: { kind: 'trafficOffWithin', family: 'mill', revision: 2, seconds: 60 },
    },
    {
      id: 'few-errors',
      text: 'Fewer than fifty travelers turned away',
      aws: 'Fewer than 50 failed requests (5xx)',
      check: { kind: 'failedRequestsBelow', max: 50 },
    },
    {
      id: 'old-door',
      text: 'The main door sends every traveler down the blue road, to edition 1',
      aws: 'The listener on port 80 forwards 100% to mill-blue',
      check: { kind: 'listenerForwards', port: 80, targetGroup: 'mill-blue' },
    },
    {
      id: 'healthy',
      text: 'Three healthy mills of edition 1 stand',
      aws: 'Service mill: 3 healthy tasks of mill:1, desiredCount 3',
      check: { kind: 'serviceHealthy', service: 'mill', count: 3, revision: 1 },
    },
  ],
  hints: [
    'Raise the watchtower first: an alarm on the gate metric HTTPCode_Target_5XX_Count (sum over one minute, at least 5) for the load balancer gate. Missing data means no errors: treat it as not breaching.',
    'Then renovate the decree to mill:2 with the linear strategy (LINEAR, stepPercent 10, stepBakeTimeInMinutes 1). Under Watchtowers that may roll it back, tick your watchtower (it is not ticked by itself) and keep the horn of rollback on: the order then names the alarm with rollback true.',
    'A rollback shifts every traveler back to the blue road at once: edition 1 never stopped running during the shift.',
  ],
  solution: [{ call: WATCHTOWER }, { call: updateService('mill', linear(true)) }, { advance: 360 }],
  wrongSolution: [
    { call: updateService('mill', linear(false)), note: 'No watchtower: the flaw reaches everyone.' },
    { advance: 900 },
  ],
  debrief: {
    text: [
      'A LINEAR deployment shifts stepPercent of production traffic to the new revision every stepBakeTimeInMinutes. The old revision keeps running until the end, so stopping is instant: all traffic goes back to the old target group.',
      'deploymentConfiguration.alarms names CloudWatch alarms ECS watches during the deployment; with rollback true, an alarm going to ALARM fails the deployment and rolls it back (service deployment status ROLLBACK_SUCCESSFUL). The Application Load Balancer publishes HTTPCode_Target_5XX_Count per load balancer (dimension LoadBalancer) only when it is not zero: TreatMissingData notBreaching reads a quiet minute as healthy.',
      'The smaller the steps and the shorter the alarm period, the fewer requests reach a bad revision before the horn sounds. CodeDeploy does the same with CodeDeployDefault.ECSLinear10PercentEvery1Minutes and an alarm in the deployment group.',
    ],
    cli: [
      'aws cloudwatch put-metric-alarm --alarm-name mill-5xx --namespace AWS/ApplicationELB --metric-name HTTPCode_Target_5XX_Count --dimensions \'[{"Name":"LoadBalancer","Value":"@lb-dim/gate/1"}]\' --statistic Sum --period 60 --evaluation-periods 1 --threshold 5 --comparison-operator GreaterThanOrEqualToThreshold --treat-missing-data notBreaching',
      'aws ecs update-service --cluster Royaume --service mill --task-definition mill:2 --deployment-configuration \'{"strategy":"LINEAR","linearConfiguration":{"stepPercent":10,"stepBakeTimeInMinutes":1},"bakeTimeInMinutes":1,"alarms":{"alarmNames":["mill-5xx"],"enable":true,"rollback":true}}\'',
    ],
  },
  stars: { thriftGold: 16, safetyFailedRequests: 30, safetySecondsBelowDesired: 30 },
};
