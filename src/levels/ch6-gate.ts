/** Chapter 6, The gate: an Application Load Balancer, a target group with health checks, a listener. */
import { defaultVpcId } from '../model/index.ts';
import { createCluster, createService, REGION, registerMill, runInstances, subnets } from './calls.ts';
import type { Level } from './types.ts';

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
const TRAVELERS = {
  action: 'sim:SetTraffic',
  input: { ListenerArn: '@listener/gate/80', RequestsPerSecond: 20 },
};

export const theGate: Level = {
  id: 'the-gate',
  number: 13,
  chapter: 6,
  title: 'The gate',
  concept: 'Application Load Balancer, target group, health checks, listener',
  brief: [
    'Travelers want to visit the mills of Royaume, but they do not know which territory holds which mill.',
    'Build a city gate with a main door on port 80 and a road named mill-road behind it; let a herald visit each mill before travelers are sent there. Then proclaim a decree of three mills whose developments join the road as they rise, and open the door to travelers.',
    'In plain words: the gate is one address for all travelers, spread over the portals; a door is the port it listens on; a road is the list of mills a door sends travelers to; the herald is a check that calls each mill and only lets travelers reach those that answer. The Rosetta switch (AWS) shows their real names. The test door (8080) the gate form offers is not needed yet: you may untick it.',
  ],
  scenario: {
    seed: 113,
    setup: [createCluster(), runInstances('a'), runInstances('b'), runInstances('c'), registerMill()],
    settle: 25,
    place: 'kingdom',
  },
  allowed: ['gate', 'decree', 'traffic'],
  goals: [
    {
      id: 'healthy',
      text: 'Three mills stand on the road, and the herald finds them well',
      aws: 'Target group mill-road has 3 healthy targets',
      check: { kind: 'targetsHealthy', targetGroup: 'mill-road', count: 3 },
    },
    {
      id: 'door',
      text: 'The main door sends every traveler down the road',
      aws: 'The listener on port 80 forwards 100% to mill-road',
      check: { kind: 'listenerForwards', port: 80, targetGroup: 'mill-road' },
    },
    {
      id: 'served',
      text: 'A thousand travelers reach a mill',
      aws: '1,000 requests answered without error',
      check: { kind: 'requestsServed', atLeast: 1000 },
    },
    {
      id: 'no-errors',
      text: 'No traveler is turned away',
      aws: 'Fewer than 1 failed request (5xx)',
      check: { kind: 'failedRequestsBelow', max: 1 },
    },
  ],
  hints: [
    'The Build the gate form does it all in one go: name the road behind the main door mill-road (it offers gate-blue), keep the three portals ticked and the herald asking at /. It lays the road (a target group on port 80 with a health check on /), raises the gate across the portals and hangs its main door (a listener on port 80 that forwards to the road).',
    'In the decree form, pick the road under Behind the gate (road mill-road); the building (web) and its door (80) then fill in. Each development is registered on the road as it rises, on the port the steward gave it.',
    'Open the door to travelers (Travelers and curses: the main door, 20 a second) only once the chronicle says the herald found the three mills healthy: a road with no healthy mill turns travelers away.',
  ],
  solution: [
    { call: ROAD },
    { call: GATE },
    { call: MAIN_DOOR },
    {
      call: createService('mill', 'mill', 3, {
        loadBalancers: [{ targetGroupArn: '@tg/mill-road/1', containerName: 'web', containerPort: 80 }],
        healthCheckGracePeriodSeconds: 30,
      }),
    },
    { advance: 60 },
    { call: TRAVELERS },
    { advance: 90 },
  ],
  wrongSolution: [
    { call: ROAD },
    { call: GATE },
    { call: MAIN_DOOR },
    { call: createService('mill', 'mill', 3), note: 'The decree does not name the road.' },
    { advance: 60 },
    { call: TRAVELERS },
    { advance: 90 },
  ],
  debrief: {
    text: [
      'The city gate is an Application Load Balancer spanning subnets in several Availability Zones. A door is a listener (protocol and port); its default action forwards to a target group, the road.',
      'A service with loadBalancers registers each task with the target group as it starts, on the host port the task was given (dynamic ports in bridge mode), and deregisters it when it stops. The herald is the health check: a target receives traffic only once it passes HealthyThresholdCount checks in a row.',
      'The service counts a task as healthy only when its target is healthy; healthCheckGracePeriodSeconds keeps the scheduler from stopping a slow starter too early.',
    ],
    cli: [
      'aws elbv2 create-target-group --name mill-road --protocol HTTP --port 80 --vpc-id vpc-96645c6f --target-type instance --health-check-path /',
      'aws elbv2 create-load-balancer --name gate --subnets subnet-259af1c8b32f5e443 subnet-b8314429c535336a9 subnet-4ecab86ed92f57442',
      'aws elbv2 create-listener --load-balancer-arn @lb/gate/1 --protocol HTTP --port 80 --default-actions \'[{"Type":"forward","TargetGroupArn":"@tg/mill-road/1"}]\'',
      'aws ecs create-service --cluster Royaume --service-name mill --task-definition mill --desired-count 3 --load-balancers \'[{"targetGroupArn":"@tg/mill-road/1","containerName":"web","containerPort":80}]\' --health-check-grace-period-seconds 30',
      '# sim:SetTraffic is not an AWS API: it is the world outside AWS (clients send a steady stream of requests to a load balancer listener or a Lambda function alias).',
    ],
  },
  stars: { thriftGold: 37, safetyFailedRequests: 0, safetySecondsBelowDesired: 30 },
};
