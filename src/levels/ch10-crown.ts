/** Chapter 10, The crown: a multi-zone kingdom, a renovation, and a zone failure mid-way. No hints. */
import { createCluster, createService, failZone, registerMill, restoreZone, runInstances } from './calls.ts';
import type { Level } from './types.ts';

export const theCrown: Level = {
  id: 'the-crown',
  final: true,
  number: 19,
  chapter: 10,
  title: 'The crown',
  concept: 'Everything together: zones, spread, rolling updates, failure',
  brief: [
    'Royaume stands on two territories beyond a single portal, and six mills crowd them.',
    'The council asks three things: land beyond all three portals, the mills renovated to edition 2 (nginx:1.28), and never fewer than three healthy mills while you work.',
    'The astronomers warn that a portal will collapse soon after the renovation begins. No one will help you this time.',
  ],
  scenario: {
    seed: 119,
    setup: [
      createCluster(),
      runInstances('a', { count: 2 }),
      registerMill(),
      createService('mill', 'mill', 6),
    ],
    settle: 90,
    place: 'kingdom',
  },
  allowed: ['territory', 'plan', 'decree', 'drain', 'renovation', 'disasters'],
  script: [
    {
      after: 'newDeployment',
      service: 'mill',
      delaySeconds: 30,
      call: failZone('a'),
      note: 'Portal 1a collapses thirty seconds into the renovation.',
    },
    { after: 'zoneFailed', delaySeconds: 180, call: restoreZone('a'), note: 'Portal 1a opens again.' },
  ],
  goals: [
    {
      id: 'kingdom',
      text: 'Royaume holds at least six territories beyond three portals',
      aws: 'Cluster Royaume has at least 6 ACTIVE container instances in 3 Availability Zones',
      check: { kind: 'instancesJoined', cluster: 'Royaume', atLeast: 6, zones: 3 },
    },
    {
      id: 'edition',
      text: 'The decree runs edition 2, renovation complete',
      aws: 'Service mill: PRIMARY deployment on mill:2, rolloutState COMPLETED',
      check: { kind: 'deploymentCompleted', service: 'mill', revision: 2 },
    },
    {
      id: 'six',
      text: 'Six mills of edition 2 stand',
      aws: 'Service mill has 6 RUNNING tasks of mill:2',
      check: { kind: 'serviceRunning', service: 'mill', count: 6, revision: 2 },
    },
    {
      id: 'safe',
      text: 'Never fewer than three healthy mills',
      aws: 'Service mill never had fewer than 3 healthy tasks',
      check: { kind: 'neverBelowHealthy', service: 'mill', atLeast: 3, since: 'start' },
    },
  ],
  hints: [],
  solution: [
    { call: runInstances('b', { count: 2 }) },
    { call: runInstances('c', { count: 2 }) },
    { advance: 300, note: 'The steward rebalances the mills over the three portals.' },
    { call: registerMill('nginx:1.28') },
    {
      call: {
        action: 'ecs:UpdateService',
        input: { cluster: 'Royaume', service: 'mill', taskDefinition: 'mill:2' },
      },
    },
    { advance: 420 },
  ],
  wrongSolution: [
    { call: registerMill('nginx:1.28') },
    {
      call: {
        action: 'ecs:UpdateService',
        input: { cluster: 'Royaume', service: 'mill', taskDefinition: 'mill:2' },
      },
    },
    { advance: 420 },
  ],
  debrief: {
    text: [
      'You used the whole of ECS on EC2: instances in three Availability Zones joined to one cluster, a service that spreads its tasks over the zones (and rebalances them when a zone gains capacity), a rolling update bounded by minimumHealthyPercent and maximumPercent, and a scheduler that replaces what a zone failure takes.',
      'The order mattered: capacity in every zone first, then the tasks spread, then the renovation. A deployment that starts while every task sits in one zone has nothing to fall back on.',
    ],
    cli: [
      "aws ec2 run-instances --image-id ami-03d5588e6a6f36620 --instance-type t3.medium --count 2 --placement AvailabilityZone=za-southwest-1b --user-data '#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n'",
      "aws ec2 run-instances --image-id ami-03d5588e6a6f36620 --instance-type t3.medium --count 2 --placement AvailabilityZone=za-southwest-1c --user-data '#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n'",
      'aws ecs register-task-definition --family mill --container-definitions \'[{"name":"web","image":"nginx:1.28","cpu":256,"memory":512,"essential":true,"portMappings":[{"containerPort":80,"hostPort":0,"protocol":"tcp"}]}]\'',
      'aws ecs update-service --cluster Royaume --service mill --task-definition mill:2',
    ],
  },
  stars: { thriftGold: 108, safetyFailedRequests: 0, safetySecondsBelowDesired: 120 },
};
