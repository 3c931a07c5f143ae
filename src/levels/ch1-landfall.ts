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
    'Step through the portal of your choice and erect your first territory there: a piece of land, where your kingdom will later build.',
    'You give orders in the Build panel on the left; the map in the middle shows what they do, and the Chronicle at the bottom tells what happened.',
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
    'Click the planet’s region SW Nozama (za-southwest-1) to see its three portals. Orders are given in the Build panel on the left.',
    'Pick a portal: click 1a, 1b or 1c on the map, or choose it in the form’s Portal list. Any will do: they are equal, and isolated from each other.',
    'In the Build panel, keep the other choices (a homestead, the royal charter) and press “Erect the territory” at the bottom of the form. No kingdom is needed yet.',
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
      'Nozama is AWS (Amazon Web Services), Amazon’s cloud: computers and services rented by the second. Its regions are AWS Regions, independent copies of the cloud in different places. You pick the nearest one to keep your users close.',
      "A portal is an Availability Zone: one or more data centres with their own power and network, isolated from the Region's other zones. Zone names (za-southwest-1b) are per account; zone IDs (zasw1-az2) name the same physical zone for everyone.",
      'A territory is an EC2 instance: a virtual computer, launched into one zone with RunInstances (the CLI line below).',
      'Next, this computer joins Amazon ECS (Elastic Container Service), the service this game teaches: ECS runs your programs on a group of such computers and keeps them running.',
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
    'The kingdom of Royaume has been founded, but it has no land yet. A kingdom is the group of territories its steward may build on.',
    "Erect a territory with the royal charter: it comes with a castle already built, and the castle's lord swears fealty to the kingdom named in the territory's letter (the form's “Kingdom to join”).",
    'Then erect a second territory with a bare charter, and see whether it joins. Click it on the map to find out why: the Inspector on the right shows what it has.',
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
    'A territory joins the kingdom named in its letter: the Build panel’s “Kingdom to join”, already set to Royaume (it writes ECS_CLUSTER=Royaume into the user data).',
    'For the first territory keep “Land charter” on the royal charter (the ECS-optimized AMI): its castle has a lord, the ECS agent. It joins some seconds after it is surveyed: watch the Chronicle.',
    'For the second, choose the bare charter (plain Amazon Linux) in “Land charter” and erect again. Click it on the map: the Inspector shows it runs, with no castle.',
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
      'A kingdom is an ECS cluster: the group of computers Amazon ECS may run your programs on. A territory (an EC2 instance) becomes part of one only when a lord lives in its castle: the ECS container agent, a small program that registers the instance with the cluster as a container instance.',
      'A charter is an AMI (Amazon Machine Image), the disk a computer starts from. The royal charter is the ECS-optimized AMI: the agent is installed and starts at boot. A bare charter (plain Amazon Linux) has no agent, so the instance runs but ECS never hears of it.',
      'The letter is the user data, a script the instance runs at its first boot: here it writes ECS_CLUSTER into /etc/ecs/ecs.config, where the agent reads it. Without it, the agent joins the cluster named default, creating it if needed.',
    ],
    cli: [
      "aws ec2 run-instances --image-id ami-03d5588e6a6f36620 --instance-type t3.medium --count 1 --placement AvailabilityZone=za-southwest-1a --user-data '#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n'",
      "aws ec2 run-instances --image-id ami-8e2a6eb6d4822fc6e --instance-type t3.medium --count 1 --placement AvailabilityZone=za-southwest-1b --user-data '#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n'",
    ],
  },
  stars: { thriftGold: 22, safetyFailedRequests: 0, safetySecondsBelowDesired: 0 },
};
