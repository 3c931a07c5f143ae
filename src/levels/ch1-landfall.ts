/** Chapter 1, Landfall: Regions and Availability Zones, EC2 instances, the ECS agent and clusters. */
import { BARE_AMI, createCluster, runInstances } from './calls.ts';
import type { Level } from './types.ts';

export const arrival: Level = {
  id: 'arrival',
  number: 1,
  chapter: 1,
  title: 'Arrival',
  concept: 'Regions and Availability Zones',
  brief: [
    'Your ship circles the golden planet Nozama. Below lie its regions, each a land of its own, far from the others.',
    'Land in the nearest region, SW Nozama (za-southwest-1). It has three portals, 1a, 1b and 1c: each opens onto an isolated zone, so a storm in one never reaches the others.',
    'Step through the portal of your choice and erect your first territory there.',
  ],
  scenario: { seed: 101, setup: [], place: 'planet' },
  allowed: ['territory'],
  goals: [
    {
      id: 'landed',
      text: 'A territory stands beyond a portal of SW Nozama',
      aws: 'An EC2 instance is running in an Availability Zone of za-southwest-1',
      check: { kind: 'instanceInRegion', region: 'za-southwest-1' },
    },
  ],
  hints: [
    'Click the planet, then the region SW Nozama (za-southwest-1).',
    'Pick a portal: 1a, 1b or 1c. Any of them will do: they are equal, and isolated from each other.',
    'In the Build panel, erect a territory. The size does not matter yet: a homestead (t3.medium) is fine.',
  ],
  solution: [
    { call: runInstances('b', { cluster: null }), note: 'One territory beyond portal 1b.' },
    { advance: 20 },
  ],
  wrongSolution: [
    { call: runInstances('a', { cluster: null, region: 'za-northeast-1' }), note: 'The far region.' },
    { advance: 20 },
  ],
  debrief: {
    text: [
      'Nozama is AWS; its regions are AWS Regions, independent copies of the cloud in different places. You pick the nearest one to keep your users close.',
      "A portal is an Availability Zone: one or more data centres with their own power and network, isolated from the Region's other zones. Zone names (za-southwest-1b) are per account; zone IDs (zasw1-az2) name the same physical zone for everyone.",
      'A territory is an EC2 instance, launched into one zone with RunInstances:',
    ],
    cli: [
      'aws ec2 run-instances --image-id ami-03d5588e6a6f36620 --instance-type t3.medium --count 1 --placement AvailabilityZone=za-southwest-1b',
    ],
  },
  stars: { thriftGold: 11, safetyFailedRequests: 0, safetySecondsBelowDesired: 0 },
};

export const firstTerritory: Level = {
  id: 'first-territory',
  number: 2,
  chapter: 1,
  title: 'The first territory',
  concept: 'EC2 instance, AMI, the ECS agent, clusters',
  brief: [
    'The kingdom of Royaume has been founded, but it has no land yet.',
    "Erect a territory with the royal charter: it comes with a castle already built, and the castle's lord swears fealty to the kingdom named in the territory's letter (its user data).",
    'Then erect a second territory with a bare charter, and see whether it joins. Find out why.',
  ],
  scenario: { seed: 102, setup: [createCluster()], place: 'kingdom' },
  allowed: ['territory'],
  goals: [
    {
      id: 'joined',
      text: 'A territory with the royal charter has joined Royaume',
      aws: 'An instance from the ECS-optimized AMI is an ACTIVE container instance of cluster Royaume',
      check: { kind: 'instancesJoined', cluster: 'Royaume', atLeast: 1, ami: 'ecs-al2023' },
    },
    {
      id: 'bare',
      text: 'A territory with a bare charter stands outside the kingdom: it has no castle',
      aws: 'An instance without the ECS agent runs but never registers as a container instance',
      check: { kind: 'instanceNotJoined', reason: 'noAgent' },
    },
  ],
  hints: [
    'A territory joins the kingdom named in its letter. Write Royaume in the letter (ECS_CLUSTER=Royaume).',
    'Choose the royal charter (the ECS-optimized AMI) for the first territory: its castle has a lord, the ECS agent.',
    'For the second, choose the bare charter (plain Amazon Linux). Open it in the inspector: it runs, yet no container instance appears.',
  ],
  solution: [
    { call: runInstances('a'), note: 'Royal charter, letter naming Royaume.' },
    { call: runInstances('b', { ami: BARE_AMI }), note: 'Bare charter, same letter.' },
    { advance: 30 },
  ],
  wrongSolution: [
    { call: runInstances('a', { cluster: null }), note: 'No letter: the lord joins the default kingdom.' },
    { advance: 30 },
  ],
  debrief: {
    text: [
      'A territory is an EC2 instance. It becomes part of a kingdom, an ECS cluster, only when a lord lives in its castle: the ECS container agent, which registers the instance as a container instance.',
      'The royal charter is the ECS-optimized AMI: the agent is installed and starts at boot. A bare charter (plain Amazon Linux) has no agent, so the instance runs but ECS never hears of it.',
      'The letter is the user data: the agent reads ECS_CLUSTER from /etc/ecs/ecs.config. Without it, the agent joins the cluster named default, creating it if needed.',
    ],
    cli: [
      "aws ec2 run-instances --image-id ami-03d5588e6a6f36620 --instance-type t3.medium --count 1 --placement AvailabilityZone=za-southwest-1a --user-data '#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n'",
      "aws ec2 run-instances --image-id ami-8e2a6eb6d4822fc6e --instance-type t3.medium --count 1 --placement AvailabilityZone=za-southwest-1b --user-data '#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n'",
    ],
  },
  stars: { thriftGold: 22, safetyFailedRequests: 0, safetySecondsBelowDesired: 0 },
};
