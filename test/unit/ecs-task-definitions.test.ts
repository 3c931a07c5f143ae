import { describe, expect, it } from 'vitest';
import {
  describeTaskDefinition,
  parseTaskCpu,
  parseTaskMemory,
  resolveTaskDefinition,
  taskDefinitionHandlers,
  taskRequirements,
} from '../../src/model/ecs/ecs-task-definitions.ts';
import { createSim } from '../../src/model/index.ts';
import type { Input } from '../../src/model/sim/api-types.ts';
import { Ctx } from '../../src/model/sim/ctx.ts';
import { ApiError } from '../../src/model/sim/errors.ts';
import type { SimState, TaskDefinition } from '../../src/model/sim/types.ts';

const REGION = 'za-southwest-1';
const ACCOUNT = '123456789012';
const arnOf = (fam: string, rev: number, region = REGION) =>
  `arn:aws:ecs:${region}:${ACCOUNT}:task-definition/${fam}:${rev}`;

function fresh(): SimState {
  return createSim({ seed: 1, region: REGION, accountId: ACCOUNT });
}

type Action = 'Register' | 'Deregister' | 'Describe' | 'List' | 'ListFamilies';
const ACTIONS: Record<Action, string> = {
  Register: 'ecs:RegisterTaskDefinition',
  Deregister: 'ecs:DeregisterTaskDefinition',
  Describe: 'ecs:DescribeTaskDefinition',
  List: 'ecs:ListTaskDefinitions',
  ListFamilies: 'ecs:ListTaskDefinitionFamilies',
};

/** Calls a handler on a draft of `s`; returns the new state and the output (throws ApiError). */
function call(s: SimState, action: Action, input: Input, region = REGION) {
  const ctx = new Ctx(s, region);
  const handler = taskDefinitionHandlers[ACTIONS[action]];
  if (!handler) throw new Error(`no handler ${action}`);
  const out = handler(ctx, input) as Record<string, any>;
  return { s: ctx.s, out, events: ctx.events };
}

function failure(s: SimState, action: Action, input: Input): { code: string; message: string } {
  try {
    call(s, action, input);
  } catch (e) {
    if (e instanceof ApiError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an ApiError');
}

/** Registers each input in turn and returns the final state. */
function withDefs(...inputs: Input[]): SimState {
  let s = fresh();
  for (const i of inputs) s = call(s, 'Register', i).s;
  return s;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

const clone = <T>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

// The example of `aws ecs register-task-definition` in the AWS CLI reference / ECS-DG.
const HELLO_WORLD = {
  family: 'hello_world',
  containerDefinitions: [
    {
      name: 'wordpress',
      links: ['mysql'],
      image: 'wordpress',
      essential: true,
      portMappings: [{ containerPort: 80, hostPort: 80 }],
      memory: 500,
      cpu: 10,
    },
    {
      environment: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'password' }],
      name: 'mysql',
      image: 'mysql',
      cpu: 10,
      memory: 500,
      essential: true,
    },
  ],
};

// The Fargate web server example of the ECS developer guide (example task definitions).
const FARGATE_WEB = {
  containerDefinitions: [
    {
      command: [
        '/bin/sh -c "echo \'<html> <head> <title>Amazon ECS Sample App</title> </head><body><h1>Amazon ECS Sample App</h1></body></html>\' >  /usr/local/apache2/htdocs/index.html && httpd-foreground"',
      ],
      entryPoint: ['sh', '-c'],
      essential: true,
      image: 'public.ecr.aws/docker/library/httpd:2.4',
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '/ecs/fargate-task-definition',
          'awslogs-region': 'us-east-1',
          'awslogs-stream-prefix': 'ecs',
        },
      },
      name: 'sample-fargate-app',
      portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }],
    },
  ],
  cpu: '256',
  executionRoleArn: 'arn:aws:iam::012345678910:role/ecsTaskExecutionRole',
  family: 'fargate-task-definition',
  memory: '512',
  networkMode: 'awsvpc',
  runtimePlatform: { operatingSystemFamily: 'LINUX' },
  requiresCompatibilities: ['FARGATE'],
};

const app = (extra: Record<string, unknown> = {}) => ({ name: 'app', image: 'nginx', memory: 128, ...extra });
const base = (extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}): Input => ({
  family: 'web',
  containerDefinitions: [app(container)],
  ...extra,
});
const fargate = (cpu: string, memory: string, extra: Record<string, unknown> = {}): Input => ({
  family: 'svc',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu,
  memory,
  containerDefinitions: [{ name: 'app', image: 'nginx' }],
  ...extra,
});

describe('RegisterTaskDefinition accepts the documented requests unchanged', () => {
  it('registers the hello_world example (bridge, links, two containers)', () => {
    const input = deepFreeze(clone(HELLO_WORLD));
    const { s, out, events } = call(fresh(), 'Register', input);
    const td = out.taskDefinition;
    expect(td.taskDefinitionArn).toBe(arnOf('hello_world', 1));
    expect(td).toMatchObject({
      family: 'hello_world',
      revision: 1,
      status: 'ACTIVE',
      networkMode: 'bridge',
      compatibilities: ['EC2'],
      registeredAt: 1767225600,
      volumes: [],
      placementConstraints: [],
      registeredBy: `arn:aws:iam::${ACCOUNT}:root`,
    });
    expect(td.requiresCompatibilities).toBeUndefined();
    expect(td.cpu).toBeUndefined();
    expect(td.requiresAttributes).toContainEqual({
      name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18',
    });
    expect(td.containerDefinitions).toEqual([
      {
        name: 'wordpress',
        image: 'wordpress',
        cpu: 10,
        memory: 500,
        portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }],
        essential: true,
        environment: [],
        mountPoints: [],
        volumesFrom: [],
        links: ['mysql'],
      },
      {
        name: 'mysql',
        image: 'mysql',
        cpu: 10,
        memory: 500,
        portMappings: [],
        essential: true,
        environment: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'password' }],
        mountPoints: [],
        volumesFrom: [],
      },
    ]);
    expect(out.tags).toEqual([]);
    expect(s.taskDefinitions[arnOf('hello_world', 1)]?.region).toBe(REGION);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'taskDefinition/registered',
        data: expect.objectContaining({ revision: 1 }),
      }),
    ]);
  });

  it('registers the Fargate example and echoes the members it does not interpret', () => {
    const { out } = call(fresh(), 'Register', deepFreeze(clone(FARGATE_WEB)));
    const td = out.taskDefinition;
    expect(td).toMatchObject({
      family: 'fargate-task-definition',
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      requiresCompatibilities: ['FARGATE'],
      compatibilities: ['EC2', 'FARGATE'],
      executionRoleArn: FARGATE_WEB.executionRoleArn,
      runtimePlatform: { operatingSystemFamily: 'LINUX' },
    });
    const c = td.containerDefinitions[0];
    expect(c).toMatchObject({
      name: 'sample-fargate-app',
      cpu: 0,
      essential: true,
      entryPoint: ['sh', '-c'],
      command: FARGATE_WEB.containerDefinitions[0]?.command,
      logConfiguration: FARGATE_WEB.containerDefinitions[0]?.logConfiguration,
      portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }],
    });
    expect(c.memory).toBeUndefined();
    const attrs = td.requiresAttributes.map((a: { name: string }) => a.name);
    expect(attrs).toEqual(
      expect.arrayContaining([
        'ecs.capability.task-eni',
        'com.amazonaws.ecs.capability.logging-driver.awslogs',
        'ecs.capability.execution-role-awslogs',
      ]),
    );
  });

  it('keeps other valid AWS members (healthCheck, dependsOn, volumes, taskRoleArn) and echoes them', () => {
    const input = {
      family: 'full',
      taskRoleArn: 'arn:aws:iam::123456789012:role/app',
      volumes: [{ name: 'data', host: { sourcePath: '/data' } }],
      containerDefinitions: [
        {
          name: 'app',
          image: 'nginx:1.27',
          memoryReservation: 64,
          healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 30 },
          dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }],
          mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }],
          dockerLabels: { team: 'blue' },
        },
        { name: 'init', image: 'busybox', essential: false, memory: 16, command: ['true'] },
      ],
    };
    const { s } = call(fresh(), 'Register', input);
    const { out } = call(s, 'Describe', { taskDefinition: 'full' });
    const td = out.taskDefinition;
    expect(td.taskRoleArn).toBe(input.taskRoleArn);
    expect(td.volumes).toEqual(input.volumes);
    expect(td.containerDefinitions[0]).toMatchObject({
      healthCheck: input.containerDefinitions[0]?.healthCheck,
      dependsOn: input.containerDefinitions[0]?.dependsOn,
      mountPoints: input.containerDefinitions[0]?.mountPoints,
      dockerLabels: { team: 'blue' },
      memoryReservation: 64,
    });
    expect(td.containerDefinitions[1]).toMatchObject({ essential: false, command: ['true'] });
    const attrs = td.requiresAttributes.map((a: { name: string }) => a.name);
    expect(attrs).toEqual(
      expect.arrayContaining([
        'com.amazonaws.ecs.capability.task-iam-role',
        'ecs.capability.container-health-check',
        'ecs.capability.container-ordering',
        'com.amazonaws.ecs.capability.docker-remote-api.1.21',
      ]),
    );
  });

  it('stores a copy: later changes to the request object do not reach the state', () => {
    const input = clone(HELLO_WORLD);
    const { s } = call(fresh(), 'Register', input);
    (input.containerDefinitions[0] as { links: string[] }).links.push('redis');
    (input.containerDefinitions[1] as { environment: { value: string }[] }).environment.forEach((e) => {
      e.value = 'changed';
    });
    const td = s.taskDefinitions[arnOf('hello_world', 1)];
    expect(td?.containerDefinitions[0]?.links).toEqual(['mysql']);
    expect(td?.containerDefinitions[1]?.environment).toEqual([
      { name: 'MYSQL_ROOT_PASSWORD', value: 'password' },
    ]);
  });

  it('ignores members that are not part of the request (e.g. pasted from a Describe)', () => {
    const { out } = call(fresh(), 'Register', base({ revision: 9, status: 'INACTIVE', registeredAt: 1 }));
    expect(out.taskDefinition).toMatchObject({ revision: 1, status: 'ACTIVE', registeredAt: 1767225600 });
  });
});

describe('normalisation', () => {
  it.each([
    [
      'bridge, hostPort omitted => dynamic 0',
      'bridge',
      { containerPort: 80 },
      { containerPort: 80, hostPort: 0, protocol: 'tcp' },
    ],
    [
      'bridge, static hostPort kept',
      'bridge',
      { containerPort: 80, hostPort: 8080 },
      { containerPort: 80, hostPort: 8080, protocol: 'tcp' },
    ],
    [
      'awsvpc, hostPort omitted => containerPort',
      'awsvpc',
      { containerPort: 80 },
      { containerPort: 80, hostPort: 80, protocol: 'tcp' },
    ],
    [
      'host, hostPort omitted => containerPort',
      'host',
      { containerPort: 53, protocol: 'udp' },
      { containerPort: 53, hostPort: 53, protocol: 'udp' },
    ],
    [
      'Service Connect name and appProtocol kept',
      'bridge',
      { containerPort: 80, name: 'web', appProtocol: 'http' },
      { containerPort: 80, hostPort: 0, protocol: 'tcp', name: 'web', appProtocol: 'http' },
    ],
  ])('%s', (_label, networkMode, mapping, expected) => {
    const { out } = call(fresh(), 'Register', base({ networkMode }, { portMappings: [mapping] }));
    expect(out.taskDefinition.containerDefinitions[0].portMappings).toEqual([expected]);
  });

  it('defaults cpu 0, essential true, environment/mountPoints/volumesFrom []', () => {
    const { out } = call(fresh(), 'Register', base());
    expect(out.taskDefinition.containerDefinitions[0]).toEqual({
      name: 'app',
      image: 'nginx',
      cpu: 0,
      memory: 128,
      portMappings: [],
      essential: true,
      environment: [],
      mountPoints: [],
      volumesFrom: [],
    });
  });

  it.each([
    ['1 vCPU', '2 GB', '1024', '2048'],
    ['0.5 vcpu', '1GB', '512', '1024'],
    ['.25 vCPU', '512', '256', '512'],
    ['1024', '0.5GB', '1024', '512'],
  ])('converts task cpu %s / memory %s to %s units / %s MiB', (cpu, memory, ecpu, emem) => {
    const { out } = call(fresh(), 'Register', base({ cpu, memory }));
    expect(out.taskDefinition).toMatchObject({ cpu: ecpu, memory: emem });
  });

  it('awsvpc with task cpu/memory and no requiresCompatibilities is EC2 and FARGATE compatible', () => {
    const { out } = call(fresh(), 'Register', base({ networkMode: 'awsvpc', cpu: '512', memory: '1024' }));
    expect(out.taskDefinition.compatibilities).toEqual(['EC2', 'FARGATE']);
    const bridge = call(fresh(), 'Register', base({ cpu: '512', memory: '1024' })).out;
    expect(bridge.taskDefinition.compatibilities).toEqual(['EC2']);
    const odd = call(fresh(), 'Register', base({ networkMode: 'awsvpc', cpu: '512', memory: '600' })).out;
    expect(odd.taskDefinition.compatibilities).toEqual(['EC2']);
  });

  it('accepts a container without memory when the task has task-level memory (EC2)', () => {
    const input = { family: 'web', memory: '512', containerDefinitions: [{ name: 'app', image: 'nginx' }] };
    expect(call(fresh(), 'Register', input).out.taskDefinition.memory).toBe('512');
  });

  it('accepts the same container port once per protocol (tcp and udp)', () => {
    const ports = [
      { containerPort: 53, hostPort: 53, protocol: 'tcp' },
      { containerPort: 53, hostPort: 53, protocol: 'udp' },
    ];
    const { out } = call(fresh(), 'Register', base({}, { portMappings: ports }));
    expect(out.taskDefinition.containerDefinitions[0].portMappings).toHaveLength(2);
  });

  it('returns the tags of the request', () => {
    const tags = [{ key: 'team', value: 'blue' }];
    expect(call(fresh(), 'Register', base({ tags })).out.tags).toEqual(tags);
  });
});

const CE = 'ClientException';
const IPE = 'InvalidParameterException';
const many = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `c${i}`, image: 'nginx', memory: 16 }));

describe('RegisterTaskDefinition refuses what ECS refuses', () => {
  const cases: [string, Input, string, string][] = [
    ['family missing', { containerDefinitions: [app()] }, CE, 'Family can not be blank.'],
    ['family empty', base({ family: '' }), CE, 'Family can not be blank.'],
    ['family with a dot', base({ family: 'my.app' }), CE, 'Family contains invalid characters.'],
    ['family with a space', base({ family: 'my app' }), CE, 'Family contains invalid characters.'],
    [
      'family of 256 characters',
      base({ family: 'a'.repeat(256) }),
      CE,
      'Family is too long: up to 255 letters, numbers, hyphens and underscores are allowed.',
    ],
    ['containerDefinitions missing', { family: 'web' }, CE, 'Container list cannot be empty.'],
    [
      'containerDefinitions empty',
      { family: 'web', containerDefinitions: [] },
      CE,
      'Container list cannot be empty.',
    ],
    ['11 containers', { family: 'web', containerDefinitions: many(11) }, CE, 'Too many containers.'],
    [
      'container name missing',
      { family: 'web', containerDefinitions: [{ image: 'nginx', memory: 64 }] },
      CE,
      'Container.name should not be null or empty.',
    ],
    [
      'container name with a space',
      base({}, { name: 'my app' }),
      CE,
      'Container.name contains invalid characters.',
    ],
    [
      'duplicate container names',
      { family: 'web', containerDefinitions: [app(), app()] },
      CE,
      'Container names must be unique within a Task Definition.',
    ],
    [
      'image missing',
      { family: 'web', containerDefinitions: [{ name: 'app', memory: 64 }] },
      CE,
      'Container.image should not be null or empty.',
    ],
    [
      'image with a space',
      base({}, { image: 'my image' }),
      CE,
      'Container.image contains invalid characters.',
    ],
    [
      'no essential container',
      base({}, { essential: false }),
      CE,
      "Task definition doesn't have any essential container.",
    ],
    [
      'EC2 without any memory',
      { family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx' }] },
      CE,
      "Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be specified.",
    ],
    [
      'memory equal to memoryReservation (docs: must be greater)',
      base({}, { memory: 256, memoryReservation: 256 }),
      CE,
      "Invalid setting for container 'app'. 'memory' must be greater than 'memoryReservation'.",
    ],
    [
      'memory below memoryReservation',
      base({}, { memory: 128, memoryReservation: 256 }),
      CE,
      "Invalid setting for container 'app'. 'memory' must be greater than 'memoryReservation'.",
    ],
    [
      'memory of 4 MiB',
      base({}, { memory: 4 }),
      CE,
      "Invalid 'memory' setting for container 'app'. The minimum is 6 MiB.",
    ],
    [
      'memoryReservation of 5 MiB',
      { family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', memoryReservation: 5 }] },
      CE,
      "Invalid 'memoryReservation' setting for container 'app'. The minimum is 6 MiB.",
    ],
    ['negative container cpu', base({}, { cpu: -1 }), CE, "Invalid 'cpu' setting for container 'app'."],
    [
      'unknown networkMode',
      base({ networkMode: 'nat' }),
      CE,
      "Invalid 'networkMode' setting 'nat'. Valid values are bridge, host, awsvpc and none.",
    ],
    [
      'unknown compatibility',
      base({ requiresCompatibilities: ['LAMBDA'] }),
      CE,
      "Invalid 'requiresCompatibilities' value 'LAMBDA'. Valid values are EC2, FARGATE, EXTERNAL and MANAGED_INSTANCES.",
    ],
    [
      'none with port mappings',
      base({ networkMode: 'none' }, { portMappings: [{ containerPort: 80 }] }),
      CE,
      'When networkMode=none, port mappings are not supported.',
    ],
    [
      'awsvpc with a different hostPort',
      base({ networkMode: 'awsvpc' }, { portMappings: [{ containerPort: 80, hostPort: 8080 }] }),
      CE,
      'When networkMode=awsvpc, the host ports and container ports in port mappings must match.',
    ],
    [
      'host with a different hostPort',
      base({ networkMode: 'host' }, { portMappings: [{ containerPort: 80, hostPort: 0 }] }),
      CE,
      'When networkMode=host, the host ports and container ports in port mappings must match.',
    ],
    [
      'the same containerPort and protocol twice',
      base(
        {},
        { portMappings: [{ containerPort: 80 }, { containerPort: 80, hostPort: 8080, protocol: 'tcp' }] },
      ),
      IPE,
      'Container port 80 is used in more than one port mapping for container app',
    ],
    [
      'the same static host port in two containers',
      {
        family: 'web',
        containerDefinitions: [
          app({ portMappings: [{ containerPort: 80, hostPort: 80 }] }),
          { name: 'side', image: 'envoy', memory: 64, portMappings: [{ containerPort: 8080, hostPort: 80 }] },
        ],
      },
      CE,
      "TCP host port '80' is mapped multiple times in task.",
    ],
    [
      'containerPort 0',
      base({}, { portMappings: [{ containerPort: 0 }] }),
      CE,
      "Invalid 'containerPort' setting for container 'app'.",
    ],
    [
      'containerPort missing',
      base({}, { portMappings: [{ hostPort: 80 }] }),
      CE,
      "Invalid 'containerPort' setting for container 'app'.",
    ],
    [
      'hostPort 70000',
      base({}, { portMappings: [{ containerPort: 80, hostPort: 70000 }] }),
      CE,
      "Invalid 'hostPort' setting for container 'app'.",
    ],
    [
      'protocol sctp',
      base({}, { portMappings: [{ containerPort: 80, protocol: 'sctp' }] }),
      CE,
      "Invalid 'protocol' setting for container 'app'.",
    ],
    [
      'Fargate in bridge mode',
      fargate('256', '512', { networkMode: 'bridge' }),
      CE,
      'Fargate only supports network mode ‘awsvpc’.',
    ],
    [
      'Fargate without networkMode',
      fargate('256', '512', { networkMode: undefined }),
      CE,
      'Fargate only supports network mode ‘awsvpc’.',
    ],
    [
      'Fargate without task cpu',
      fargate('256', '512', { cpu: undefined }),
      CE,
      "Fargate requires that 'cpu' be defined at the task level.",
    ],
    [
      'Fargate without task memory',
      fargate('256', '512', { memory: undefined }),
      CE,
      "Fargate requires that 'memory' be defined at the task level.",
    ],
    [
      'Fargate 256 CPU with 4 GB',
      fargate('256', '4096'),
      CE,
      'No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS documentation for the valid values.',
    ],
    [
      'Fargate with ipcMode',
      fargate('256', '512', { ipcMode: 'host' }),
      CE,
      'Tasks using the Fargate launch type do not support ipcMode.',
    ],
    ['task cpu not a number', base({ cpu: 'lots' }), CE, "Invalid 'cpu' setting for task."],
    ['task memory in TB', base({ memory: '2 TB' }), CE, "Invalid 'memory' setting for task."],
    ['EC2 task cpu below 128', base({ cpu: '64' }), CE, "Invalid 'cpu' setting for task."],
    ['EC2 task cpu above 192 vCPU', base({ cpu: '196609' }), CE, "Invalid 'cpu' setting for task."],
    [
      'containers cpu above the task cpu',
      {
        family: 'web',
        cpu: '256',
        containerDefinitions: [app({ cpu: 200 }), { name: 'b', image: 'x', memory: 64, cpu: 100 }],
      },
      CE,
      "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.",
    ],
    [
      'a container memory above the task memory',
      base({ memory: '512' }, { memory: 1024 }),
      CE,
      "The 'memory' setting for container 'app' is greater than for the task.",
    ],
    [
      'containers memory above the task memory',
      {
        family: 'web',
        memory: '512',
        containerDefinitions: [app({ memory: 300 }), { name: 'b', image: 'x', memory: 300 }],
      },
      CE,
      "The sum of all container 'memory' values cannot be greater than the value of the task 'memory'.",
    ],
    [
      'a distinctInstance constraint',
      base({ placementConstraints: [{ type: 'distinctInstance' }] }),
      CE,
      "constraint.type 'distinctInstance' is not supported.",
    ],
    [
      '11 placement constraints',
      base({
        placementConstraints: Array.from({ length: 11 }, () => ({
          type: 'memberOf',
          expression: 'attribute:a == b',
        })),
      }),
      CE,
      'Too many placement constraints: a task definition can have at most 10.',
    ],
    [
      'memberOf without expression',
      base({ placementConstraints: [{ type: 'memberOf' }] }),
      CE,
      'A memberOf constraint requires an expression.',
    ],
    [
      '51 tags',
      base({ tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' })) }),
      IPE,
      'The number of tags exceeds the limit of 50.',
    ],
    [
      'dependsOn SUCCESS on an essential container',
      {
        family: 'web',
        containerDefinitions: [
          app({ dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] }),
          { name: 'init', image: 'x', memory: 16 },
        ],
      },
      CE,
      'A dependency container with SUCCESS or COMPLETE condition cannot be an essential container',
    ],
  ];

  it.each(cases)('%s', (_label, input, code, message) => {
    const s = fresh();
    expect(failure(s, 'Register', input)).toEqual({ code, message });
    expect(s.taskDefinitions).toEqual({});
  });

  it('refuses a definition over 64 KiB with the actual length', () => {
    const input = base({}, { environment: [{ name: 'BIG', value: 'x'.repeat(70000) }] });
    const size = JSON.stringify(input).length;
    expect(failure(fresh(), 'Register', input)).toEqual({
      code: CE,
      message: `Actual length: '${size}'. Max allowed length is '65536' bytes.`,
    });
  });

  it('accepts 10 containers and refuses 11', () => {
    expect(
      call(fresh(), 'Register', { family: 'web', containerDefinitions: many(10) }).out.taskDefinition
        .containerDefinitions,
    ).toHaveLength(10);
    expect(failure(fresh(), 'Register', { family: 'web', containerDefinitions: many(11) })).toEqual({
      code: CE,
      message: 'Too many containers.',
    });
  });
});

// Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html
describe('Fargate sizes', () => {
  const VALID: [number, number[], number][] = [
    [256, [512, 1024, 2048], 2048],
    [512, [1024, 2048, 3072, 4096], 4096],
    [1024, [2048, 3072, 4096, 5120, 6144, 7168, 8192], 8192],
    [2048, Array.from({ length: 13 }, (_, i) => 4096 + i * 1024), 16384],
    [4096, Array.from({ length: 23 }, (_, i) => 8192 + i * 1024), 30720],
    [8192, Array.from({ length: 12 }, (_, i) => 16384 + i * 4096), 61440],
    [16384, Array.from({ length: 12 }, (_, i) => 32768 + i * 8192), 122880],
  ];
  it.each(VALID)('cpu %i accepts its memory values', (cpu, memories, max) => {
    expect(memories.at(-1)).toBe(max);
    for (const m of memories) {
      const { out } = call(fresh(), 'Register', fargate(String(cpu), String(m)));
      expect(out.taskDefinition.compatibilities).toContain('FARGATE');
    }
  });
  it.each([
    [256, 3072],
    [512, 512],
    [512, 5120],
    [1024, 1024],
    [2048, 17408],
    [4096, 31744],
    [8192, 18432],
    [16384, 36864],
    [128, 512],
    [32768, 65536],
  ])('cpu %i with %i MiB is refused', (cpu, memory) => {
    expect(failure(fresh(), 'Register', fargate(String(cpu), String(memory))).message).toBe(
      `No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory. See the Amazon ECS documentation for the valid values.`,
    );
  });
});

describe('revisions', () => {
  it('increment per family, count INACTIVE ones, and restart per region', () => {
    let s = withDefs(base(), base(), base(), base({ family: 'other' }));
    expect(Object.keys(s.taskDefinitions).sort()).toEqual([
      arnOf('other', 1),
      arnOf('web', 1),
      arnOf('web', 2),
      arnOf('web', 3),
    ]);
    s = call(s, 'Deregister', { taskDefinition: 'web:3' }).s;
    const { s: s2, out } = call(s, 'Register', base());
    expect(out.taskDefinition.revision).toBe(4);
    expect(out.taskDefinition.taskDefinitionArn).toBe(arnOf('web', 4));
    const elsewhere = call(s2, 'Register', base(), 'eu-west-1').out;
    expect(elsewhere.taskDefinition.taskDefinitionArn).toBe(arnOf('web', 1, 'eu-west-1'));
  });

  it('never mutates the state it was given', () => {
    const s = deepFreeze(withDefs(base()));
    const before = clone(s);
    const { s: after } = call(s, 'Register', base());
    call(after, 'Deregister', { taskDefinition: 'web:1' });
    expect(s).toEqual(before);
    expect(Object.keys(after.taskDefinitions)).toHaveLength(2);
  });
});

describe('DescribeTaskDefinition and resolveTaskDefinition', () => {
  const s0 = withDefs(base({ tags: [{ key: 'env', value: 'prod' }] }), base(), base());
  const s = call(s0, 'Deregister', { taskDefinition: 'web:3' }).s;

  it.each([
    ['web', 2],
    ['web:1', 1],
    ['web:3', 3],
    [arnOf('web', 1), 1],
    [`arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/web`, 2],
  ])('%s resolves to revision %i', (ref, revision) => {
    expect(call(s, 'Describe', { taskDefinition: ref }).out.taskDefinition.revision).toBe(revision);
  });

  it.each([['web:9'], ['nope'], ['nope:1'], [arnOf('web', 1, 'eu-west-1')], ['bad name']])(
    '%s is ClientException Unable to describe task definition.',
    (ref) => {
      expect(failure(s, 'Describe', { taskDefinition: ref })).toEqual({
        code: CE,
        message: 'Unable to describe task definition.',
      });
    },
  );

  it('requires taskDefinition', () => {
    expect(failure(s, 'Describe', {})).toEqual({ code: IPE, message: 'TaskDefinition can not be blank.' });
  });

  it('returns tags only when include has TAGS', () => {
    expect(call(s, 'Describe', { taskDefinition: 'web:1' }).out.tags).toEqual([]);
    expect(call(s, 'Describe', { taskDefinition: 'web:1', include: ['TAGS'] }).out.tags).toEqual([
      { key: 'env', value: 'prod' },
    ]);
  });

  it('resolves for RunTask/CreateService with their errors', () => {
    expect(resolveTaskDefinition(s, REGION, 'web', 'run').revision).toBe(2);
    const err = (ref: string) => {
      try {
        resolveTaskDefinition(s, REGION, ref, 'run');
      } catch (e) {
        return e instanceof ApiError ? [e.code, e.message] : e;
      }
      return null;
    };
    expect(err('web:3')).toEqual([IPE, 'TaskDefinition is inactive']);
    expect(err('web:7')).toEqual([IPE, 'TaskDefinition not found.']);
    expect(err('ghost')).toEqual([IPE, 'TaskDefinition not found.']);
    expect(resolveTaskDefinition(s, REGION, 'web:3', 'describe').status).toBe('INACTIVE');
  });

  it('describeTaskDefinition leaves out model-only fields', () => {
    const td = s.taskDefinitions[arnOf('web', 3)] as TaskDefinition;
    const d = describeTaskDefinition(td);
    expect(d).not.toHaveProperty('region');
    expect(d).not.toHaveProperty('extra');
    expect(d).not.toHaveProperty('tags');
    expect(d).toMatchObject({ status: 'INACTIVE', deregisteredAt: 1767225600 });
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});

describe('DeregisterTaskDefinition', () => {
  it('marks the revision INACTIVE with deregisteredAt, once', () => {
    const s = withDefs(base(), base());
    const later = { ...s, now: s.now + 90 };
    const { s: s2, out, events } = call(later, 'Deregister', { taskDefinition: arnOf('web', 2) });
    expect(out.taskDefinition).toMatchObject({ revision: 2, status: 'INACTIVE', deregisteredAt: 1767225690 });
    expect(s2.taskDefinitions[arnOf('web', 2)]?.status).toBe('INACTIVE');
    expect(s.taskDefinitions[arnOf('web', 2)]?.status).toBe('ACTIVE');
    expect(events[0]?.type).toBe('taskDefinition/deregistered');
    expect(failure(s2, 'Deregister', { taskDefinition: 'web:2' })).toEqual({
      code: CE,
      message: 'The specified task definition is already inactive.',
    });
  });

  it.each([
    [{}, IPE, 'TaskDefinition can not be blank.'],
    [
      { taskDefinition: 'web' },
      CE,
      'A revision must be specified: use family:revision or the full ARN of the task definition.',
    ],
    [{ taskDefinition: 'web:5' }, CE, 'Unable to describe task definition.'],
  ])('%j => %s', (input, code, message) => {
    expect(failure(withDefs(base()), 'Deregister', input)).toEqual({ code, message });
  });
});

describe('ListTaskDefinitions', () => {
  const s0 = withDefs(
    base({ family: 'b' }),
    base({ family: 'a' }),
    base({ family: 'b' }),
    base({ family: 'ab' }),
    base({ family: 'a' }),
  );
  const s = call(s0, 'Deregister', { taskDefinition: 'a:1' }).s;
  const list = (input: Input) => call(s, 'List', input).out;

  it('lists ACTIVE ARNs by family then revision (ASC), or reversed (DESC)', () => {
    expect(list({})).toEqual({
      taskDefinitionArns: [arnOf('a', 2), arnOf('ab', 1), arnOf('b', 1), arnOf('b', 2)],
    });
    expect(list({ sort: 'DESC' }).taskDefinitionArns).toEqual([
      arnOf('b', 2),
      arnOf('b', 1),
      arnOf('ab', 1),
      arnOf('a', 2),
    ]);
  });

  it('filters on the full family name and on status', () => {
    expect(list({ familyPrefix: 'a' }).taskDefinitionArns).toEqual([arnOf('a', 2)]);
    expect(list({ status: 'INACTIVE' }).taskDefinitionArns).toEqual([arnOf('a', 1)]);
    expect(list({ status: 'DELETE_IN_PROGRESS' }).taskDefinitionArns).toEqual([]);
  });

  it('paginates with maxResults and nextToken', () => {
    const p1 = list({ maxResults: 3 });
    expect(p1.taskDefinitionArns).toEqual([arnOf('a', 2), arnOf('ab', 1), arnOf('b', 1)]);
    expect(typeof p1.nextToken).toBe('string');
    const p2 = list({ maxResults: 3, nextToken: p1.nextToken });
    expect(p2).toEqual({ taskDefinitionArns: [arnOf('b', 2)] });
  });

  it('only lists the call region', () => {
    expect(call(s, 'List', {}, 'eu-west-1').out.taskDefinitionArns).toEqual([]);
  });

  it.each([
    [{ maxResults: 0 }, 'maxResults must be between 1 and 100.'],
    [{ maxResults: 101 }, 'maxResults must be between 1 and 100.'],
    [{ status: 'GONE' }, "Invalid status 'GONE'. Valid values are ACTIVE, INACTIVE and DELETE_IN_PROGRESS."],
    [{ sort: 'UP' }, "Invalid sort 'UP'. Valid values are ASC and DESC."],
    [{ nextToken: 'garbage' }, 'Invalid nextToken.'],
  ])('%j is refused', (input, message) => {
    expect(failure(s, 'List', input)).toEqual({ code: IPE, message });
  });
});

describe('ListTaskDefinitionFamilies', () => {
  const s0 = withDefs(
    base({ family: 'web' }),
    base({ family: 'worker' }),
    base({ family: 'api' }),
    base({ family: 'web' }),
  );
  const s = call(s0, 'Deregister', { taskDefinition: 'worker:1' }).s;
  const families = (input: Input) => call(s, 'ListFamilies', input).out;

  it.each([
    [{}, ['api', 'web', 'worker']],
    [{ status: 'ALL' }, ['api', 'web', 'worker']],
    [{ status: 'ACTIVE' }, ['api', 'web']],
    [{ status: 'INACTIVE' }, ['worker']],
    [{ familyPrefix: 'w' }, ['web', 'worker']],
    [{ familyPrefix: 'w', status: 'ACTIVE' }, ['web']],
  ])('%j => %j', (input, expected) => {
    expect(families(input)).toEqual({ families: expected });
  });

  it('paginates', () => {
    const p1 = families({ maxResults: 2 });
    expect(p1.families).toEqual(['api', 'web']);
    expect(families({ maxResults: 2, nextToken: p1.nextToken })).toEqual({ families: ['worker'] });
  });

  it('refuses an unknown status', () => {
    expect(failure(s, 'ListFamilies', { status: 'DELETE_IN_PROGRESS' }).code).toBe(IPE);
  });
});

describe('taskRequirements', () => {
  const reg = (input: Input) => {
    const { s, out } = call(fresh(), 'Register', input);
    return s.taskDefinitions[out.taskDefinition.taskDefinitionArn] as TaskDefinition;
  };

  it('bridge: sums of container cpu and memoryReservation-or-memory, static host ports only', () => {
    const td = reg({
      family: 'web',
      containerDefinitions: [
        app({
          cpu: 256,
          memory: 512,
          memoryReservation: 128,
          portMappings: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 443 }],
        }),
        {
          name: 'dns',
          image: 'coredns',
          cpu: 10,
          memory: 64,
          portMappings: [{ containerPort: 53, hostPort: 53, protocol: 'udp' }],
        },
      ],
    });
    expect(taskRequirements(td)).toEqual({
      cpu: 266,
      memory: 192,
      hostPorts: [8080],
      hostPortsUdp: [53],
      usesEni: false,
    });
  });

  it('host: every container port is a host port', () => {
    const td = reg(
      base({ networkMode: 'host' }, { portMappings: [{ containerPort: 9000 }, { containerPort: 80 }] }),
    );
    expect(taskRequirements(td)).toMatchObject({ hostPorts: [80, 9000], hostPortsUdp: [], usesEni: false });
  });

  it('awsvpc: an ENI and no host ports; task-level cpu and memory win', () => {
    const td = reg(
      base(
        { networkMode: 'awsvpc', cpu: '0.5 vCPU', memory: '1GB' },
        { cpu: 100, portMappings: [{ containerPort: 80 }] },
      ),
    );
    expect(taskRequirements(td)).toEqual({
      cpu: 512,
      memory: 1024,
      hostPorts: [],
      hostPortsUdp: [],
      usesEni: true,
    });
  });

  it('the hello_world example needs 20 units and 1000 MiB and host port 80', () => {
    expect(taskRequirements(reg(HELLO_WORLD))).toEqual({
      cpu: 20,
      memory: 1000,
      hostPorts: [80],
      hostPortsUdp: [],
      usesEni: false,
    });
  });
});

describe('parseTaskCpu / parseTaskMemory', () => {
  it.each([
    ['1024', 1024],
    ['1 vCPU', 1024],
    ['1vcpu', 1024],
    ['0.5 vcpu', 512],
    ['.25 vCPU', 256],
    ['4 VCPU', 4096],
    [' 256 ', 256],
    ['0', null],
    ['-1', null],
    ['1.5', null],
    ['0.3 vCPU', null],
    ['one', null],
    ['', null],
  ])('cpu %j => %s', (v, expected) => {
    expect(parseTaskCpu(v)).toBe(expected);
  });

  it.each([
    ['512', 512],
    ['2GB', 2048],
    ['2 GB', 2048],
    ['0.5gb', 512],
    ['1.5 GB', 1536],
    ['0', null],
    ['2 TB', null],
    ['2GiB', null],
    ['1.0001GB', null],
    ['x', null],
  ])('memory %j => %s', (v, expected) => {
    expect(parseTaskMemory(v)).toBe(expected);
  });
});
