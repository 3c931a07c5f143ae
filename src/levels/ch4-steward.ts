/** Chapter 4, The steward's rules: binpack to save money, memberOf with the cluster query language. */
import { createCluster, createService, registerTaskDefinition, runInstances } from './calls.ts';
import type { Level } from './types.ts';

const BAKERY = registerTaskDefinition('bakery', [
  { name: 'oven', image: 'nginx:1.27', cpu: 512, memory: 1024 },
]);
const LEDGER = registerTaskDefinition('ledger', [
  { name: 'ledger', image: 'postgres:17', cpu: 256, memory: 2048 },
]);
const GRANARY = { granary: 'true' };

export const packTightly: Level = {
  id: 'pack-tightly',
  number: 8,
  chapter: 4,
  title: 'Pack tightly to save gold',
  concept: 'Placement strategy binpack',
  brief: [
    'The treasurer is worried: four territories cost four times the upkeep of one, and they are half empty.',
    'Proclaim a decree of six bakeries on as few territories as possible, then give back the territories left empty.',
  ],
  scenario: {
    seed: 108,
    setup: [createCluster(), runInstances('a', { count: 2 }), runInstances('b'), runInstances('c'), BAKERY],
    settle: 25,
    place: 'kingdom',
  },
  allowed: ['decree', 'territory'],
  goals: [
    {
      id: 'packed',
      text: 'Six bakeries stand on at most two territories',
      aws: 'Service bakery has 6 RUNNING tasks on at most 2 container instances',
      check: { kind: 'serviceMaxInstances', service: 'bakery', count: 6, maxInstances: 2 },
    },
    {
      id: 'released',
      text: 'Royaume keeps at most two territories',
      aws: 'At most 2 EC2 instances run in cluster Royaume (the idle ones are terminated)',
      check: { kind: 'instancesAtMost', cluster: 'Royaume', max: 2 },
    },
  ],
  hints: [
    'A bakery needs 1024 MiB of granary; a homestead offers 3992 MiB, so three fit on one.',
    'Tell the steward to "pack tightly" (binpack on memory): each development goes to the fullest territory that still has room.',
    'When the six stand, open "Release a territory" in the territory section, tick the territories with 0 developments and release them (terminate the instances).',
  ],
  solution: [
    {
      call: createService('bakery', 'bakery', 6, {
        placementStrategy: [{ type: 'binpack', field: 'memory' }],
      }),
    },
    { advance: 30 },
    {
      call: {
        action: 'ec2:TerminateInstances',
        input: { InstanceIds: ['@idle-instance/Royaume/1', '@idle-instance/Royaume/2'] },
      },
      note: 'The two territories left empty.',
    },
    { advance: 20 },
  ],
  wrongSolution: [{ call: createService('bakery', 'bakery', 6) }, { advance: 30 }],
  debrief: {
    text: [
      'The binpack strategy places each task on the container instance with the least of the named resource (memory or cpu) left that still fits it, so tasks fill one instance before the next. The default for services, spread, does the opposite.',
      'Fewer instances cost less (EC2 bills per instance-hour), at the price of a larger blast radius: an instance lost takes three tasks with it. Services using binpack default to availabilityZoneRebalancing DISABLED.',
    ],
    cli: [
      'aws ecs create-service --cluster Royaume --service-name bakery --task-definition bakery --desired-count 6 --placement-strategy type=binpack,field=memory',
      'aws ec2 terminate-instances --instance-ids @idle-instance/Royaume/1 @idle-instance/Royaume/2',
    ],
  },
  stars: { thriftGold: 23, safetyFailedRequests: 0, safetySecondsBelowDesired: 30 },
};

export const onlyGranaries: Level = {
  id: 'only-granaries',
  number: 9,
  chapter: 4,
  title: 'Only on the granaries',
  concept: 'memberOf constraint, the cluster query language, custom attributes',
  brief: [
    'The royal ledgers are heavy with grain-counts: they must stand only on granary-rich land (the r5 kind), whose castles also bear the mark granary.',
    'Proclaim a decree of four ledgers, and give the steward a settlement rule so that none ever lands on a homestead.',
  ],
  scenario: {
    seed: 109,
    setup: [
      createCluster(),
      runInstances('a'),
      runInstances('b'),
      runInstances('a', { type: 'r5.large', attributes: GRANARY }),
      runInstances('b', { type: 'r5.large', attributes: GRANARY }),
      LEDGER,
    ],
    settle: 25,
    place: 'kingdom',
  },
  allowed: ['decree'],
  goals: [
    {
      id: 'four',
      text: 'Four ledgers stand',
      aws: 'Service ledger has 4 RUNNING tasks',
      check: { kind: 'serviceRunning', service: 'ledger', count: 4 },
    },
    {
      id: 'granaries',
      text: 'Every ledger stands on granary-rich land',
      aws: 'Every task of ledger runs on an instance matching attribute:ecs.instance-type =~ r5.*',
      check: {
        kind: 'serviceOnMatching',
        service: 'ledger',
        count: 4,
        expression: 'attribute:ecs.instance-type =~ r5.*',
      },
    },
  ],
  hints: [
    'A settlement rule "member of" takes an expression in the cluster query language: the territories where it is true are the only ones allowed.',
    'Every castle carries marks such as ecs.instance-type; the granary castles also carry the mark granary.',
    'Try attribute:ecs.instance-type =~ r5.* or attribute:granary == true.',
  ],
  solution: [
    {
      call: createService('ledger', 'ledger', 4, {
        placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ r5.*' }],
      }),
    },
    { advance: 30 },
  ],
  wrongSolution: [{ call: createService('ledger', 'ledger', 4) }, { advance: 30 }],
  debrief: {
    text: [
      'A memberOf placement constraint keeps only the container instances for which its cluster query language expression is true. Every instance has built-in attributes (ecs.instance-type, ecs.availability-zone, ecs.ami-id, ecs.os-type...) and may carry custom ones.',
      'Custom attributes come from ECS_INSTANCE_ATTRIBUTES in the agent configuration (user data) or from PutAttributes. The same expression works in ListContainerInstances --filter to see which instances match.',
    ],
    cli: [
      'aws ecs create-service --cluster Royaume --service-name ledger --task-definition ledger --desired-count 4 --placement-constraints \'[{"type":"memberOf","expression":"attribute:ecs.instance-type =~ r5.*"}]\'',
    ],
  },
  stars: { thriftGold: 87, safetyFailedRequests: 0, safetySecondsBelowDesired: 30 },
};
