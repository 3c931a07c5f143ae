/** Chapter 9, Managed lands: the same decree on Fargate (awsvpc, task-level CPU and memory, subnets). */
import { createCluster, createService, registerTaskDefinition, runInstances, subnets } from './calls.ts';
import type { Level } from './types.ts';

const FARGATE_MARKET = {
  action: 'ecs:RegisterTaskDefinition',
  input: {
    family: 'market',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx:1.27',
        essential: true,
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
      },
    ],
  },
};

export const managedLands: Level = {
  id: 'managed-lands',
  number: 18,
  chapter: 9,
  title: 'Managed lands',
  concept: 'Fargate: awsvpc, task CPU and memory, no instances',
  brief: [
    'Beyond the portals lie the managed lands: the crown tends the ground itself, and you pay only for the developments that stand on it.',
    'Proclaim a decree of three markets on the managed lands, one beyond each portal, without erecting a single territory.',
  ],
  scenario: { seed: 118, setup: [createCluster()], place: 'kingdom' },
  allowed: ['plan', 'decree'],
  goals: [
    {
      id: 'three',
      text: 'Three markets stand on the managed lands',
      aws: 'Service market has 3 RUNNING tasks with launch type FARGATE',
      check: { kind: 'serviceRunning', service: 'market', count: 3, launchType: 'FARGATE' },
    },
    {
      id: 'zones',
      text: 'The markets stand beyond three portals',
      aws: 'The tasks of service market run in 3 Availability Zones',
      check: { kind: 'serviceZones', service: 'market', zones: 3, count: 3 },
    },
    {
      id: 'no-land',
      text: 'No territory to tend',
      aws: 'No EC2 instance is running',
      check: { kind: 'noInstances' },
    },
  ],
  hints: [
    'A plan for the managed lands must say so (compatibility FARGATE), give each development its own road (network mode awsvpc), and name its size for the whole development: 256 CPU units and 512 MiB.',
    'The decree names the launch type FARGATE and the subnets, one per portal, where the developments may stand.',
    'Give all three subnets: the steward spreads Fargate developments over the zones of the subnets given.',
  ],
  solution: [
    { call: FARGATE_MARKET },
    {
      call: createService('market', 'market', 3, {
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: subnets(), assignPublicIp: 'ENABLED' } },
      }),
    },
    { advance: 60 },
  ],
  wrongSolution: [
    { call: runInstances('a') },
    {
      call: registerTaskDefinition('market', [
        { name: 'web', image: 'nginx:1.27', cpu: 256, memory: 512, port: 80 },
      ]),
    },
    { advance: 25 },
    { call: createService('market', 'market', 3) },
    { advance: 60 },
  ],
  debrief: {
    text: [
      'Fargate runs tasks without container instances: AWS provides the capacity. A Fargate task definition sets requiresCompatibilities FARGATE, networkMode awsvpc (each task gets its own elastic network interface and IP address) and task-level cpu and memory from the supported combinations (256 CPU units with 512 MiB to 2 GiB, and so on).',
      'A Fargate service names its subnets; ECS spreads the tasks over their Availability Zones. You pay per vCPU-second and GB-second while each task runs, and there are no instances, AMIs or agents to patch. Placement strategies and constraints do not apply.',
    ],
    cli: [
      'aws ecs register-task-definition --family market --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --container-definitions \'[{"name":"web","image":"nginx:1.27","essential":true,"portMappings":[{"containerPort":80,"protocol":"tcp"}]}]\'',
      'aws ecs create-service --cluster Royaume --service-name market --task-definition market --desired-count 3 --launch-type FARGATE --network-configuration \'{"awsvpcConfiguration":{"subnets":["subnet-259af1c8b32f5e443","subnet-b8314429c535336a9","subnet-4ecab86ed92f57442"],"assignPublicIp":"ENABLED"}}\'',
    ],
  },
  stars: { thriftGold: 10, safetyFailedRequests: 0, safetySecondsBelowDesired: 30 },
};
