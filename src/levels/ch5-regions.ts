/**
 * Chapter 5, Storms and repairs, its last level: a kingdom in two regions. A portal collapse takes one
 * zone; a region's outage takes all of them, and only a kingdom in another region keeps serving.
 * Clusters, task definitions and services are regional (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/clusters.html):
 * the second region needs its own cluster, its own plan and its own decree.
 */
import type { Call } from '../model/index.ts';
import { createCluster, createService, failZone, registerMill, runInstances } from './calls.ts';
import type { Level } from './types.ts';

const NE = 'za-northeast-1';
const inNE = (call: Call): Call => ({ ...call, region: NE });
const HOME = [
  createCluster(),
  runInstances('a'),
  runInstances('b'),
  runInstances('c'),
  registerMill(),
  createService('mill', 'mill', 3),
];
const darkHome = [failZone('a'), failZone('b'), failZone('c')];

export const twoRegions: Level = {
  id: 'two-regions',
  number: 13,
  chapter: 5,
  title: 'A kingdom in two regions',
  concept: 'Regions: a cluster per region, one region failing',
  brief: [
    'The astronomers fear a storm that darkens every portal of SW Nozama at once. Spreading over portals will not help: they all fall together.',
    'Fly to NE Nozama (the planet), found the kingdom Royaume there with two territories, draft the mill plan and proclaim a decree of two mills. Then fly home and close the three portals of SW Nozama (Disasters): the mills of NE must still stand.',
  ],
  scenario: { seed: 113, setup: HOME, settle: 90, place: 'planet' },
  allowed: ['territory', 'plan', 'decree', 'disasters'],
  firstPanel: 'territory',
  goals: [
    {
      id: 'north',
      text: 'Two territories stand in NE Nozama',
      aws: 'Two instances running in za-northeast-1',
      check: { kind: 'instanceInRegion', region: NE, atLeast: 2 },
    },
    {
      id: 'collapse',
      text: 'A portal of SW Nozama has collapsed',
      aws: 'An Availability Zone failed',
      check: { kind: 'zoneFailed' },
    },
    {
      id: 'serving',
      text: 'Two mills stand in NE Nozama',
      aws: 'Service mill in za-northeast-1 has 2 RUNNING tasks',
      check: { kind: 'serviceRunning', service: 'mill', count: 2, region: NE },
    },
  ],
  hints: [
    'On the planet, click NE Nozama: every order you give there carries --region za-northeast-1.',
    'A kingdom, a plan and a decree belong to one region: NE needs its own Royaume, its own mill plan and its own decree.',
    'Erect two territories beyond two different portals of NE (their lords join Royaume of NE), then draft the mill and proclaim a decree of two.',
    'Back on the planet, fly to SW Nozama and close portals 1a, 1b and 1c in Disasters.',
  ],
  solution: [
    { call: inNE(createCluster()) },
    { call: runInstances('a', { region: NE }) },
    { call: runInstances('b', { region: NE }) },
    { call: inNE(registerMill()) },
    { call: inNE(createService('mill', 'mill', 2)) },
    { advance: 90 },
    ...darkHome.map((call) => ({ call })),
    { advance: 60 },
  ],
  wrongSolution: [
    { call: runInstances('a', { count: 2 }), note: 'More territories at home: the same region.' },
    {
      call: { action: 'ecs:UpdateService', input: { cluster: 'Royaume', service: 'mill', desiredCount: 5 } },
    },
    { advance: 90 },
    ...darkHome.map((call) => ({ call })),
    { advance: 60 },
  ],
  debrief: {
    text: [
      'A Region is a separate geographic area with its own Availability Zones; an ECS cluster, its task definitions and its services live in one Region, and an instance registers only with a cluster of its own Region.',
      'Zones protect against one data centre failing; a second Region protects against a whole Region failing. Each Region has its own AMI ids (read them from SSM there), its own instance types per zone and its own prices: aws ec2 describe-instance-type-offerings --location-type availability-zone --region za-northeast-1.',
    ],
    cli: [
      'aws ecs create-cluster --cluster-name Royaume --region za-northeast-1',
      'aws ecs create-service --cluster Royaume --service-name mill --task-definition mill --desired-count 2 --region za-northeast-1',
    ],
  },
  stars: { thriftGold: 60, safetyFailedRequests: 0, safetySecondsBelowDesired: 90 },
};
