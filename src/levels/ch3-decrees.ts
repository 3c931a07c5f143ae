/** Chapter 3, Decrees: zones, services that replace lost tasks, spreading across zones and instances. */
import { createCluster, createService, registerMill, runInstances } from './calls.ts';
import type { Level } from './types.ts';

export const morePortals: Level = {
  id: 'more-portals',
  number: 5,
  chapter: 3,
  title: 'More portals',
  concept: 'Multiple Availability Zones',
  brief: [
    'Royaume holds one territory, beyond portal 1a. If that zone is ever cut off, the whole kingdom goes with it.',
    'Erect territories beyond the other two portals, so that Royaume has land in all three zones.',
  ],
  scenario: { seed: 105, setup: [createCluster(), runInstances('a')], settle: 25, place: 'kingdom' },
  allowed: ['territory'],
  goals: [
    {
      id: 'three-zones',
      text: 'Royaume holds territories beyond three portals',
      aws: 'Cluster Royaume has ACTIVE container instances in 3 Availability Zones',
      check: { kind: 'instancesJoined', cluster: 'Royaume', atLeast: 3, zones: 3 },
    },
  ],
  hints: [
    'Each territory is erected beyond one portal: pick the portal in the territory form.',
    'Erect one in 1b and one in 1c. Two more in 1a would not help: they share the fate of their zone.',
  ],
  solution: [{ call: runInstances('b') }, { call: runInstances('c') }, { advance: 25 }],
  wrongSolution: [
    { call: runInstances('a', { count: 2 }), note: 'Two more in the same zone.' },
    { advance: 25 },
  ],
  debrief: {
    text: [
      'Each Availability Zone is isolated from the others: its own power, cooling and network. Instances spread over several zones survive the loss of one.',
      'An ECS cluster is regional: its container instances may live in any zone of the Region, and the agent records the zone as the attribute ecs.availability-zone.',
    ],
    cli: [
      "aws ec2 run-instances --image-id ami-03d5588e6a6f36620 --instance-type t3.medium --count 1 --placement AvailabilityZone=za-southwest-1b --user-data '#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n'",
      "aws ec2 run-instances --image-id ami-03d5588e6a6f36620 --instance-type t3.medium --count 1 --placement AvailabilityZone=za-southwest-1c --user-data '#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n'",
    ],
  },
  stars: { thriftGold: 32, safetyFailedRequests: 0, safetySecondsBelowDesired: 0 },
};

export const decreeOfOne: Level = {
  id: 'decree-of-one',
  number: 6,
  chapter: 3,
  title: 'A decree of one',
  concept: 'Service, desiredCount',
  brief: [
    'A development raised by hand stands alone: if it burns, nobody rebuilds it.',
    'Proclaim a decree: "one mill shall always stand in Royaume". Then set fire to the mill (Disasters) and watch the steward rebuild it.',
  ],
  scenario: {
    seed: 106,
    setup: [createCluster(), runInstances('a'), runInstances('b'), registerMill()],
    settle: 25,
    place: 'kingdom',
  },
  allowed: ['decree', 'disasters'],
  goals: [
    {
      id: 'decree',
      text: 'The decree mill keeps one development standing',
      aws: 'Service mill has 1 RUNNING task (desiredCount 1)',
      check: { kind: 'serviceRunning', service: 'mill', count: 1 },
    },
    {
      id: 'rebuilt',
      text: 'A mill burned and the steward rebuilt it',
      aws: 'A task of service mill stopped and the scheduler started a replacement',
      check: { kind: 'serviceRecovered', service: 'mill' },
    },
  ],
  hints: [
    'Open the decree form: name it mill, choose the plan mill, and ask for 1 development.',
    'Once the mill is RUNNING, open Disasters and set fire to its building (a container crash).',
    'An essential building that falls takes its development down; the decree notices one missing and raises another.',
  ],
  solution: [
    { call: createService('mill', 'mill', 1) },
    { advance: 30 },
    {
      call: { action: 'sim:CrashContainer', input: { cluster: 'Royaume', task: '@task/service:mill/1' } },
      note: 'Fire in the mill.',
    },
    { advance: 40 },
  ],
  wrongSolution: [
    {
      call: { action: 'ecs:RunTask', input: { cluster: 'Royaume', taskDefinition: 'mill' } },
      note: 'By hand.',
    },
    { advance: 30 },
    { call: { action: 'sim:CrashContainer', input: { cluster: 'Royaume', task: '@task/family:mill/1' } } },
    { advance: 40 },
  ],
  debrief: {
    text: [
      'A decree is an ECS service: it keeps desiredCount tasks of a task definition running. When a task stops (its essential container exited, its instance was lost), the service scheduler starts a replacement.',
      'A task started with RunTask has no such guardian: it stays STOPPED. The service records what it does as service events ("has started 1 tasks").',
    ],
    cli: [
      'aws ecs create-service --cluster Royaume --service-name mill --task-definition mill --desired-count 1',
      '# sim:CrashContainer is not an AWS API: it is what AWS does on its own (a container crashes).',
    ],
  },
  stars: { thriftGold: 23, safetyFailedRequests: 0, safetySecondsBelowDesired: 30 },
};

export const decreeOfSix: Level = {
  id: 'decree-of-six',
  number: 7,
  chapter: 3,
  title: 'A decree of six',
  concept: 'Spread across zones, distinctInstance',
  brief: [
    'Royaume now holds six territories, two beyond each portal.',
    'Proclaim a decree of six mills, one per territory, so that no territory and no portal carries more than its share.',
  ],
  scenario: {
    seed: 107,
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
  allowed: ['decree'],
  goals: [
    {
      id: 'six',
      text: 'Six mills stand',
      aws: 'Service mill has 6 RUNNING tasks',
      check: { kind: 'serviceRunning', service: 'mill', count: 6 },
    },
    {
      id: 'zones',
      text: 'The mills stand beyond all three portals',
      aws: 'The tasks of service mill run in 3 Availability Zones',
      check: { kind: 'serviceZones', service: 'mill', zones: 3, count: 6 },
    },
    {
      id: 'distinct',
      text: 'No two mills share a territory',
      aws: 'The 6 tasks run on 6 distinct container instances',
      check: { kind: 'serviceDistinctInstances', service: 'mill', count: 6 },
    },
  ],
  hints: [
    'Without other orders, the steward of a decree spreads developments over the portals first, then over territories.',
    'To be sure no territory ever holds two, add the settlement rule "distinct territory" (distinctInstance).',
    'Avoid "pack tightly" (binpack) here: it fills one territory before starting the next.',
  ],
  solution: [
    {
      call: createService('mill', 'mill', 6, {
        placementStrategy: [
          { type: 'spread', field: 'attribute:ecs.availability-zone' },
          { type: 'spread', field: 'instanceId' },
        ],
        placementConstraints: [{ type: 'distinctInstance' }],
      }),
    },
    { advance: 40 },
  ],
  wrongSolution: [
    { call: createService('mill', 'mill', 6, { placementStrategy: [{ type: 'binpack', field: 'memory' }] }) },
    { advance: 40 },
  ],
  debrief: {
    text: [
      "A service's placement strategies run in order, each breaking the ties the previous one left: spread over attribute:ecs.availability-zone balances the zones, then spread over instanceId balances the instances.",
      'The distinctInstance constraint forbids two tasks of the service on one container instance; unlike a strategy, it is a hard rule, so a seventh task would fail to place here.',
    ],
    cli: [
      'aws ecs create-service --cluster Royaume --service-name mill --task-definition mill --desired-count 6 --placement-strategy type=spread,field=attribute:ecs.availability-zone type=spread,field=instanceId --placement-constraints type=distinctInstance',
    ],
  },
  stars: { thriftGold: 66, safetyFailedRequests: 0, safetySecondsBelowDesired: 30 },
};
