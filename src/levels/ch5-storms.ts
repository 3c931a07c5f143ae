/** Chapter 5, Storms and repairs: a zone failure, draining an instance, a rolling update. */
import {
  createCluster,
  createService,
  failZone,
  registerMill,
  runInstances,
  updateService,
} from './calls.ts';
import type { Level } from './types.ts';

const THREE_ZONES = [
  createCluster(),
  runInstances('a'),
  runInstances('b'),
  runInstances('c'),
  registerMill(),
];

export const portalCollapses: Level = {
  id: 'portal-collapses',
  number: 10,
  chapter: 5,
  title: 'A portal collapses',
  concept: 'Availability Zone failure, spread',
  brief: [
    'Storms gather over the portals. The astronomers say one of them will collapse, and they cannot say which.',
    'Proclaim a decree of six mills that can lose any one portal and still keep four standing. When the mills stand, close portal 1b yourself (Disasters) and see the decree hold.',
  ],
  scenario: {
    seed: 110,
    setup: [
      createCluster(),
      runInstances('a', { count: 2 }),
      runInstances('b', { count: 2 }),
      runInstances('c', { count: 2 }),
      registerMill(),
    ],
    settle: 25,
    place: 'kingdom',
  },
  allowed: ['decree', 'disasters'],
  goals: [
    {
      id: 'collapse',
      text: 'A portal has collapsed',
      aws: 'An Availability Zone failed',
      check: { kind: 'zoneFailed' },
    },
    {
      id: 'held',
      text: 'Never fewer than four healthy mills after the collapse',
      aws: 'Service mill never had fewer than 4 healthy tasks after the zone failure',
      check: { kind: 'neverBelowHealthy', service: 'mill', atLeast: 4, since: 'zoneFailed' },
    },
    {
      id: 'rebuilt',
      text: 'Six mills stand again beyond the surviving portals',
      aws: 'Service mill is back to 6 RUNNING tasks',
      check: { kind: 'serviceRunning', service: 'mill', count: 6 },
    },
  ],
  hints: [
    'The steward of a decree spreads developments over the portals by default: two per portal here.',
    'Wait until all six mills are RUNNING and have stood for a while (healthy) before closing a portal.',
    'A rule that ties the decree to one portal (memberOf on ecs.availability-zone) would lose everything with it.',
  ],
  solution: [
    { call: createService('mill', 'mill', 6) },
    { advance: 60 },
    { call: failZone('b'), note: 'Portal 1b collapses.' },
    { advance: 60 },
  ],
  wrongSolution: [
    {
      call: createService('mill', 'mill', 6, {
        placementConstraints: [
          { type: 'memberOf', expression: 'attribute:ecs.availability-zone == za-southwest-1b' },
        ],
      }),
    },
    { advance: 60 },
    { call: failZone('b') },
    { advance: 60 },
  ],
  debrief: {
    text: [
      'When an Availability Zone fails, its instances stop and the tasks on them stop with them. A service spread over three zones loses a third of its tasks; the scheduler then places replacements in the zones that remain, within their capacity.',
      'ECS spreads service tasks over attribute:ecs.availability-zone by default. Size each zone so that the others can absorb its share: that is the N+1 rule applied to zones.',
    ],
    cli: [
      'aws ecs create-service --cluster Royaume --service-name mill --task-definition mill --desired-count 6',
      '# sim:FailAvailabilityZone is not an AWS API: it is what AWS does on its own (an Availability Zone goes dark).',
    ],
  },
  stars: { thriftGold: 49, safetyFailedRequests: 0, safetySecondsBelowDesired: 60 },
};

export const repairs: Level = {
  id: 'repairs',
  number: 11,
  chapter: 5,
  title: 'Repairs',
  concept: 'Container instance draining',
  brief: [
    'The castle of the territory beyond portal 1b needs new walls, and its lord must leave for a while.',
    'Empty that territory without ever having fewer than three mills standing: the decree must move its development elsewhere first.',
  ],
  scenario: {
    seed: 111,
    setup: [...THREE_ZONES, createService('mill', 'mill', 3)],
    settle: 90,
    place: 'kingdom',
  },
  allowed: ['drain', 'territory'],
  goals: [
    {
      id: 'drained',
      text: 'A territory is being repaired and holds no development',
      aws: 'A container instance is DRAINING and runs no task',
      check: { kind: 'instanceDrained', cluster: 'Royaume' },
    },
    {
      id: 'three',
      text: 'Three mills stand',
      aws: 'Service mill has 3 RUNNING tasks',
      check: { kind: 'serviceRunning', service: 'mill', count: 3 },
    },
    {
      id: 'safe',
      text: 'Never fewer than three healthy mills from the moment the repairs began',
      aws: 'Service mill never had fewer than 3 healthy tasks after the instance was set to DRAINING',
      check: { kind: 'neverBelowHealthy', service: 'mill', atLeast: 3, since: 'draining' },
    },
  ],
  hints: [
    'Releasing (tearing down) the territory would burn its mill with it. Ask the steward instead to drain it: that is what Repairs does.',
    'A draining territory accepts no new development; the decree raises a replacement elsewhere first, and only then takes the old one down.',
    'In Repairs, pick territory 1b-1 (the one beyond portal 1b) and begin repairs (status DRAINING).',
  ],
  solution: [
    {
      call: {
        action: 'ecs:UpdateContainerInstancesState',
        input: { cluster: 'Royaume', containerInstances: ['@ci/za-southwest-1b/1'], status: 'DRAINING' },
      },
    },
    { advance: 90 },
  ],
  wrongSolution: [
    { call: { action: 'ec2:TerminateInstances', input: { InstanceIds: ['@instance/za-southwest-1b/1'] } } },
    { advance: 90 },
  ],
  debrief: {
    text: [
      'Setting a container instance to DRAINING stops new tasks from being placed on it. Service tasks on it are replaced: the scheduler starts new tasks elsewhere (up to maximumPercent) and stops the old ones only while the service keeps minimumHealthyPercent of its tasks healthy.',
      'Tasks started with RunTask are not stopped by draining: you stop them yourself. When the instance runs no more tasks, it can be patched or terminated safely; set it back to ACTIVE to use it again.',
    ],
    cli: [
      'aws ecs update-container-instances-state --cluster Royaume --container-instances @ci/za-southwest-1b/1 --status DRAINING',
    ],
  },
  stars: { thriftGold: 35, safetyFailedRequests: 0, safetySecondsBelowDesired: 30 },
};

export const rollingRenovation: Level = {
  id: 'rolling-renovation',
  number: 12,
  chapter: 5,
  title: 'Rolling renovation',
  concept: 'Rolling update, minimumHealthyPercent and maximumPercent',
  brief: [
    'The millers have a better design: nginx:1.28. Draft edition 2 of the mill plan.',
    'Then renovate the decree to edition 2 without ever having fewer than three healthy mills: new mills must rise before old ones come down.',
  ],
  scenario: {
    seed: 112,
    setup: [...THREE_ZONES, createService('mill', 'mill', 3)],
    settle: 90,
    place: 'kingdom',
  },
  allowed: ['plan', 'decree', 'renovation'],
  goals: [
    {
      id: 'edition',
      text: 'The decree runs edition 2 of the mill, and the renovation is complete',
      aws: 'Service mill: PRIMARY deployment on mill:2, rolloutState COMPLETED',
      check: { kind: 'deploymentCompleted', service: 'mill', revision: 2 },
    },
    {
      id: 'safe',
      text: 'Never fewer than three healthy mills',
      aws: 'Service mill never had fewer than 3 healthy tasks',
      check: { kind: 'neverBelowHealthy', service: 'mill', atLeast: 3, since: 'start' },
    },
  ],
  hints: [
    'Register the mill plan again with the new design: the kingdom files it as edition 2.',
    'Update the decree to use mill:2. Keep the lower bound at 100%: the steward may then only take an old mill down once a new one is healthy.',
    'The upper bound (maximumPercent 200%) lets the steward raise up to three new mills beside the old ones.',
  ],
  solution: [
    { call: registerMill('nginx:1.28') },
    { call: updateService('mill', { taskDefinition: 'mill:2' }) },
    { advance: 150 },
  ],
  wrongSolution: [
    { call: registerMill('nginx:1.28') },
    {
      call: updateService('mill', {
        taskDefinition: 'mill:2',
        deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 },
      }),
      note: 'Tear everything down first.',
    },
    { advance: 150 },
  ],
  debrief: {
    text: [
      'A rolling update replaces the tasks of a service with tasks of a new task definition revision. minimumHealthyPercent is the floor of healthy tasks during the deployment (as a percentage of desiredCount, rounded up); maximumPercent the ceiling of running plus pending tasks (rounded down).',
      'With 100% and 200%, ECS starts new tasks first and stops old ones as new ones become healthy. With 0% it may stop everything at once: faster, but the service goes dark.',
    ],
    cli: [
      'aws ecs register-task-definition --family mill --container-definitions \'[{"name":"web","image":"nginx:1.28","cpu":256,"memory":512,"essential":true,"portMappings":[{"containerPort":80,"hostPort":0,"protocol":"tcp"}]}]\'',
      'aws ecs update-service --cluster Royaume --service mill --task-definition mill:2',
    ],
  },
  stars: { thriftGold: 37, safetyFailedRequests: 0, safetySecondsBelowDesired: 30 },
};
