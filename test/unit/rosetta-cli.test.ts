/**
 * Rosetta's CLI lines (src/ui/rosetta/cli.ts): table-driven expectations, the calls that show and
 * recreate a selected thing, and THE REAL CLI CHECK: every line is run by Debian's AWS CLI v2
 * (/usr/bin/aws) against a closed port. A valid command fails only on connecting; with --debug the CLI
 * also logs the request it would have sent, which is compared with the call's input member by member
 * (ECS and SSM: the JSON body; EC2: the query parameters). Deliberately wrong lines must fail on their
 * parameters instead, which proves the check can fail.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../src/model/base64.ts';
import { subnetIdFor, supportedActions } from '../../src/model/index.ts';
import type { Call } from '../../src/model/types.ts';
import type { Selection } from '../../src/store/create-game-store.ts';
import { cliLines, createCallFor, describeCallFor, toCli } from '../../src/ui/rosetta/cli.ts';
import { ECS_AMI_PARAM, World } from '../support/world.ts';

const AWS = '/usr/bin/aws';
const ENDPOINT = '--endpoint-url http://127.0.0.1:9';
const CONNECT_FAILURE = 'Could not connect to the endpoint URL';
const MISSING_CLI = `${AWS} is missing: the real CLI check needs Debian's AWS CLI v2: apt-get install -y awscli`;

const CI_ARN =
  'arn:aws:ecs:za-southwest-1:123456789012:container-instance/Royaume/0f6c4d8e2b1a4c3d9e8f7a6b5c4d3e2f';
const TASK_ID = '4b1e6a0c9d8f47e2a3b5c6d7e8f90a1b';
const SCRIPT = [
  '#!/bin/bash',
  "cat <<'EOF' >> /etc/ecs/ecs.config",
  'ECS_CLUSTER=Royaume',
  'ECS_INSTANCE_ATTRIBUTES={"stack":"prod","tier":"gold \\"ore\\""}',
  'EOF',
  'echo "it\'s $HOME and `date`" > /tmp/hello  # a comment, 100% plain',
  '',
].join('\n');

// ---------------------------------------------------------------------------------------------
// 1. Expected strings

const EXPECTED: { name: string; call: Call; cli: string }[] = [
  {
    name: 'the brief example',
    call: {
      action: 'ecs:CreateService',
      input: {
        cluster: 'Royaume',
        serviceName: 'mill',
        taskDefinition: 'web:2',
        desiredCount: 6,
        placementConstraints: [{ type: 'distinctInstance' }],
      },
      region: 'za-southwest-1',
    },
    cli: 'aws ecs create-service --cluster Royaume --service-name mill --task-definition web:2 --desired-count 6 --placement-constraints type=distinctInstance --region za-southwest-1',
  },
  {
    name: 'run-instances: --count, a shorthand structure, user data as the script',
    call: {
      action: 'ec2:RunInstances',
      input: {
        ImageId: 'ami-0123456789abcdef0',
        InstanceType: 't3.medium',
        MinCount: 1,
        MaxCount: 1,
        Placement: { AvailabilityZone: 'za-southwest-1a' },
        UserData: encodeBase64('#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n'),
      },
    },
    cli: "aws ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.medium --count 1 --placement AvailabilityZone=za-southwest-1a --user-data '#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n'",
  },
  {
    name: 'run-instances: a range of counts, tags in JSON, the renamed negative flag',
    call: {
      action: 'ec2:RunInstances',
      input: {
        ImageId: 'ami-0123456789abcdef0',
        MinCount: 2,
        MaxCount: 5,
        DisableApiTermination: false,
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: "Tour d'Argent" }] }],
      },
    },
    cli: `aws ec2 run-instances --image-id ami-0123456789abcdef0 --count 2:5 --enable-api-termination --tag-specifications '[{"ResourceType":"instance","Tags":[{"Key":"Name","Value":"Tour d'\\''Argent"}]}]'`,
  },
  {
    name: 'a list of strings',
    call: {
      action: 'ec2:TerminateInstances',
      input: { InstanceIds: ['i-0123456789abcdef0', 'i-0fedcba9876543210'] },
    },
    cli: 'aws ec2 terminate-instances --instance-ids i-0123456789abcdef0 i-0fedcba9876543210',
  },
  {
    name: 'filters in shorthand, with a list value',
    call: {
      action: 'ec2:DescribeInstances',
      input: { Filters: [{ Name: 'instance-state-name', Values: ['running', 'pending'] }], MaxResults: 5 },
    },
    cli: 'aws ec2 describe-instances --filters Name=instance-state-name,Values=running,pending --max-results 5',
  },
  {
    name: 'describe-clusters with include',
    call: { action: 'ecs:DescribeClusters', input: { clusters: ['Royaume'], include: ['SETTINGS', 'TAGS'] } },
    cli: 'aws ecs describe-clusters --clusters Royaume --include SETTINGS TAGS',
  },
  {
    name: 'a boolean flag',
    call: { action: 'ecs:DeleteService', input: { cluster: 'Royaume', service: 'mill', force: true } },
    cli: 'aws ecs delete-service --cluster Royaume --service mill --force',
  },
  {
    name: 'a false boolean flag',
    call: { action: 'ecs:DeregisterContainerInstance', input: { containerInstance: 'abc', force: false } },
    cli: 'aws ecs deregister-container-instance --container-instance abc --no-force',
  },
  {
    name: 'update-service flags, the ECS renamed negative, a list of structures in shorthand',
    call: {
      action: 'ecs:UpdateService',
      input: {
        cluster: 'Royaume',
        service: 'mill',
        forceNewDeployment: true,
        enableExecuteCommand: false,
        enableECSManagedTags: false,
        placementStrategy: [
          { type: 'spread', field: 'attribute:ecs.availability-zone' },
          { type: 'binpack', field: 'memory' },
        ],
      },
    },
    cli: 'aws ecs update-service --cluster Royaume --service mill --force-new-deployment --disable-execute-command --no-enable-ecs-managed-tags --placement-strategy type=spread,field=attribute:ecs.availability-zone type=binpack,field=memory',
  },
  {
    name: 'nested structures in JSON; empty lists as JSON',
    call: {
      action: 'ecs:UpdateService',
      input: {
        service: 'gate',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'ENABLED' } },
        placementConstraints: [],
      },
    },
    cli: `aws ecs update-service --service gate --network-configuration '{"awsvpcConfiguration":{"subnets":["subnet-1"],"assignPublicIp":"ENABLED"}}' --placement-constraints '[]'`,
  },
  {
    name: 'a memberOf expression is JSON (spaces, brackets)',
    call: {
      action: 'ecs:RunTask',
      input: {
        taskDefinition: 'web',
        count: 3,
        placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }],
      },
    },
    cli: `aws ecs run-task --task-definition web --count 3 --placement-constraints '[{"type":"memberOf","expression":"attribute:ecs.instance-type =~ t3.*"}]'`,
  },
  {
    name: 'a string that starts with a dash and holds a quote',
    call: { action: 'ecs:StopTask', input: { task: TASK_ID, reason: "-- on the king's order" } },
    cli: `aws ecs stop-task --task ${TASK_ID} --reason='-- on the king'\\''s order'`,
  },
  {
    name: 'ssm get-parameter',
    call: { action: 'ssm:GetParameter', input: { Name: ECS_AMI_PARAM } },
    cli: `aws ssm get-parameter --name ${ECS_AMI_PARAM}`,
  },
  {
    name: 'another region',
    call: {
      action: 'ec2:DescribeAvailabilityZones',
      input: { ZoneNames: ['za-northeast-1a'] },
      region: 'za-northeast-1',
    },
    cli: 'aws ec2 describe-availability-zones --zone-names za-northeast-1a --region za-northeast-1',
  },
  {
    name: 'tags whose values hold spaces are JSON',
    call: {
      action: 'ecs:CreateCluster',
      input: { clusterName: 'Royaume', tags: [{ key: 'realm', value: 'Nozama Sud' }] },
    },
    cli: `aws ecs create-cluster --cluster-name Royaume --tags '[{"key":"realm","value":"Nozama Sud"}]'`,
  },
  {
    name: 'no input',
    call: { action: 'ecs:ListClusters' },
    cli: 'aws ecs list-clusters',
  },
  {
    name: 'a sim action is a comment',
    call: { action: 'sim:FailAvailabilityZone', input: { availabilityZone: 'za-southwest-1b' } },
    cli: '# sim:FailAvailabilityZone is not an AWS API: it is what AWS does on its own (an Availability Zone goes dark).',
  },
];

describe('toCli', () => {
  it.each(EXPECTED)('$name', ({ call, cli }) => {
    expect(toCli(call)).toBe(cli);
  });

  it('gives every sim action a comment line', () => {
    for (const action of supportedActions().filter((a) => a.startsWith('sim:'))) {
      const line = toCli({ action, input: {} });
      expect(line).toMatch(
        new RegExp(`^# ${action} is not an AWS API: it is what AWS does on its own \\(.+\\)\\.$`),
      );
      expect(line).not.toContain('something happens');
    }
  });
});

describe('cliLines', () => {
  it('puts one parameter per line, joined by continuations', () => {
    expect(cliLines(EXPECTED[0]!.call)).toBe(
      [
        'aws ecs create-service \\',
        '  --cluster Royaume \\',
        '  --service-name mill \\',
        '  --task-definition web:2 \\',
        '  --desired-count 6 \\',
        '  --placement-constraints type=distinctInstance \\',
        '  --region za-southwest-1',
      ].join('\n'),
    );
  });

  it('is the bare command when there is no parameter, and the comment for a sim action', () => {
    expect(cliLines({ action: 'ecs:ListClusters', input: {} })).toBe('aws ecs list-clusters');
    expect(cliLines({ action: 'sim:LoseInstance' })).toBe(toCli({ action: 'sim:LoseInstance' }));
  });
});

// ---------------------------------------------------------------------------------------------
// 2. The calls for a selected thing

interface Built {
  w: World;
  clusterArn: string;
  instanceId: string;
  otherRegionInstanceId: string;
  containerInstanceArn: string;
  webArn: string;
  apiArn: string;
  millArn: string;
  gateArn: string;
  standaloneTaskArn: string;
  serviceTaskArn: string;
  fargateTaskArn: string;
}

const SG = 'sg-0123456789abcdef0';
const WEB_PLAN = {
  family: 'web',
  taskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
  containerDefinitions: [
    {
      name: 'web',
      image: 'nginx:1.27',
      cpu: 128,
      memory: 256,
      portMappings: [{ containerPort: 80 }],
      environment: [
        { name: 'GREETING', value: 'Bonjour, "Nozama"! It\'s $5 & `free` \\ é ☀' },
        { name: 'JSON', value: '{"a":[1,2],"b":"c\\nd"}' },
      ],
      command: ['sh', '-c', "echo 'hello world' && nginx -g 'daemon off;'"],
      healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 30 },
      dockerLabels: { 'com.nozama.kingdom': 'Royaume', note: "l'or" },
    },
    { name: 'sidecar', image: 'busybox', memoryReservation: 32, essential: false },
  ],
  placementConstraints: [
    { type: 'memberOf', expression: 'attribute:ecs.availability-zone in [za-southwest-1a, za-southwest-1b]' },
  ],
  requiresCompatibilities: ['EC2'],
  tags: [{ key: 'team', value: 'masons & co' }],
};
const API_PLAN = {
  family: 'api',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    { name: 'api', image: 'public.ecr.aws/nozama/api:1', portMappings: [{ containerPort: 8080 }] },
  ],
  runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
};

function build(): Built {
  const w = new World(7);
  const clusterArn = w.ok('ecs:CreateCluster', {
    clusterName: 'Royaume',
    tags: [{ key: 'realm', value: "Nozama's south" }],
  }).cluster.clusterArn as string;
  const run = (zone: string) =>
    w.ok('ec2:RunInstances', {
      ImageId: w.ami(true),
      InstanceType: 't3.medium',
      MinCount: 1,
      MaxCount: 1,
      Placement: { AvailabilityZone: zone },
      UserData: encodeBase64(SCRIPT),
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: "Tour d'Argent" }] }],
    }).Instances[0].InstanceId as string;
  const instanceId = run('za-southwest-1a');
  run('za-southwest-1b');
  // Another region: its own AMI id.
  const ssm = w.call('ssm:GetParameter', { Name: ECS_AMI_PARAM }, 'za-northeast-1');
  if ('error' in ssm) throw new Error(ssm.error.message);
  const otherAmi = (ssm.output.Parameter as { Value: string }).Value;
  const other = w.call(
    'ec2:RunInstances',
    { ImageId: otherAmi, InstanceType: 't3.small', MinCount: 1, MaxCount: 1 },
    'za-northeast-1',
  );
  if ('error' in other) throw new Error(other.error.message);
  const otherRegionInstanceId = (other.output.Instances as { InstanceId: string }[])[0]!.InstanceId;
  w.tick(25);
  const containerInstanceArn = w.state.instances[instanceId]!.containerInstanceArn!;
  const webArn = w.ok('ecs:RegisterTaskDefinition', structuredClone(WEB_PLAN)).taskDefinition
    .taskDefinitionArn;
  const apiArn = w.ok('ecs:RegisterTaskDefinition', structuredClone(API_PLAN)).taskDefinition
    .taskDefinitionArn;
  const millArn = w.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: 'web:1',
    desiredCount: 2,
    placementConstraints: [{ type: 'distinctInstance' }],
    placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
    deploymentConfiguration: { maximumPercent: 150, minimumHealthyPercent: 50 },
    healthCheckGracePeriodSeconds: 30,
    propagateTags: 'SERVICE',
  }).service.serviceArn;
  const gateArn = w.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'gate',
    taskDefinition: 'api',
    desiredCount: 1,
    launchType: 'FARGATE',
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: [subnetIdFor('za-southwest-1a'), subnetIdFor('za-southwest-1b')],
        securityGroups: [SG],
        assignPublicIp: 'ENABLED',
      },
    },
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
  }).service.serviceArn;
  const standaloneTaskArn = w.ok('ecs:RunTask', {
    cluster: 'Royaume',
    taskDefinition: 'web:1',
    group: 'batch:nightly',
    startedBy: 'chronicle',
    tags: [{ key: 'purpose', value: 'night watch' }],
  }).tasks[0].taskArn;
  w.tick(5);
  const serviceTaskArn = w.tasks((t) => t.serviceName === 'mill')[0]!.taskArn;
  const fargateTaskArn = w.tasks((t) => t.serviceName === 'gate')[0]!.taskArn;
  return {
    w,
    clusterArn,
    instanceId,
    otherRegionInstanceId,
    containerInstanceArn,
    webArn,
    apiArn,
    millArn,
    gateArn,
    standaloneTaskArn,
    serviceTaskArn,
    fargateTaskArn,
  };
}

const B = build();
const sim = B.w.state;
const shortId = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
const sel = (kind: Selection['kind'], id: string) => ({ kind, id }) as Selection;

describe('describeCallFor', () => {
  it('names each kind of thing the way its Describe call takes it', () => {
    expect(describeCallFor(sim, sel('instance', B.instanceId))).toEqual({
      action: 'ec2:DescribeInstances',
      input: { InstanceIds: [B.instanceId] },
    });
    expect(describeCallFor(sim, sel('containerInstance', B.containerInstanceArn))).toEqual({
      action: 'ecs:DescribeContainerInstances',
      input: { cluster: 'Royaume', containerInstances: [shortId(B.containerInstanceArn)] },
    });
    expect(describeCallFor(sim, sel('task', B.standaloneTaskArn))).toEqual({
      action: 'ecs:DescribeTasks',
      input: { cluster: 'Royaume', tasks: [shortId(B.standaloneTaskArn)] },
    });
    expect(describeCallFor(sim, sel('service', B.millArn))).toEqual({
      action: 'ecs:DescribeServices',
      input: { cluster: 'Royaume', services: ['mill'] },
    });
    expect(describeCallFor(sim, sel('taskDefinition', B.webArn))).toEqual({
      action: 'ecs:DescribeTaskDefinition',
      input: { taskDefinition: 'web:1' },
    });
    expect(describeCallFor(sim, sel('cluster', B.clusterArn))).toEqual({
      action: 'ecs:DescribeClusters',
      input: { clusters: ['Royaume'], include: ['SETTINGS', 'TAGS'] },
    });
    expect(describeCallFor(sim, sel('zone', 'za-southwest-1b'))).toEqual({
      action: 'ec2:DescribeAvailabilityZones',
      input: { ZoneNames: ['za-southwest-1b'] },
    });
  });

  it('adds the region only when the thing lives outside the default region', () => {
    expect(describeCallFor(sim, sel('instance', B.otherRegionInstanceId))).toEqual({
      action: 'ec2:DescribeInstances',
      input: { InstanceIds: [B.otherRegionInstanceId] },
      region: 'za-northeast-1',
    });
    expect(describeCallFor(sim, sel('zone', 'za-northeast-1c'))?.region).toBe('za-northeast-1');
  });

  it('also finds things by name or short id, and gives null for what does not exist', () => {
    expect(describeCallFor(sim, sel('cluster', 'Royaume'))?.action).toBe('ecs:DescribeClusters');
    expect(describeCallFor(sim, sel('taskDefinition', 'api:1'))?.input).toEqual({ taskDefinition: 'api:1' });
    expect(describeCallFor(sim, sel('task', shortId(B.fargateTaskArn)))?.action).toBe('ecs:DescribeTasks');
    expect(describeCallFor(sim, sel('service', 'nowhere'))).toBeNull();
    expect(describeCallFor(sim, sel('zone', 'za-southwest-1z'))).toBeNull();
    expect(createCallFor(sim, sel('instance', 'i-00000000000000000'))).toBeNull();
  });

  it('each describe call succeeds in the model and returns the selected thing', () => {
    const cases: [Selection, (out: Record<string, any>) => unknown][] = [
      [sel('instance', B.instanceId), (o) => o.Reservations[0].Instances[0].InstanceId],
      [sel('containerInstance', B.containerInstanceArn), (o) => o.containerInstances[0].containerInstanceArn],
      [sel('task', B.serviceTaskArn), (o) => o.tasks[0].taskArn],
      [sel('service', B.gateArn), (o) => o.services[0].serviceArn],
      [sel('taskDefinition', B.apiArn), (o) => o.taskDefinition.taskDefinitionArn],
      [sel('cluster', B.clusterArn), (o) => o.clusters[0].clusterArn],
      [sel('zone', 'za-southwest-1c'), (o) => o.AvailabilityZones[0].ZoneName],
      [sel('instance', B.otherRegionInstanceId), (o) => o.Reservations[0].Instances[0].InstanceId],
    ];
    for (const [s, pick] of cases) {
      const call = describeCallFor(sim, s)!;
      const r = B.w.call(call.action, call.input, call.region);
      if ('error' in r) throw new Error(`${call.action}: ${r.error.message}`);
      expect(pick(r.output)).toBe(s.id);
    }
  });
});

describe('createCallFor', () => {
  it('gives the RunInstances of an instance and of a container instance', () => {
    const expected = {
      action: 'ec2:RunInstances',
      input: {
        ImageId: sim.instances[B.instanceId]!.imageId,
        InstanceType: 't3.medium',
        MinCount: 1,
        MaxCount: 1,
        Placement: { AvailabilityZone: 'za-southwest-1a' },
        UserData: encodeBase64(SCRIPT),
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: "Tour d'Argent" }] }],
      },
    };
    expect(createCallFor(sim, sel('instance', B.instanceId))).toEqual(expected);
    expect(createCallFor(sim, sel('containerInstance', B.containerInstanceArn))).toEqual(expected);
    expect(createCallFor(sim, sel('instance', B.otherRegionInstanceId))).toMatchObject({
      region: 'za-northeast-1',
      input: {
        InstanceType: 't3.small',
        Placement: { AvailabilityZone: expect.stringMatching(/^za-northeast-1/) },
      },
    });
    expect(toCli(createCallFor(sim, sel('instance', B.instanceId))!)).toContain(
      `--user-data '#!/bin/bash\ncat <<'\\''EOF'\\''`,
    );
  });

  it('gives the services, plans, task and cluster without empty defaults', () => {
    expect(createCallFor(sim, sel('service', B.millArn))).toEqual({
      action: 'ecs:CreateService',
      input: {
        cluster: 'Royaume',
        serviceName: 'mill',
        taskDefinition: 'web:1',
        desiredCount: 2,
        launchType: 'EC2',
        deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 150 },
        placementConstraints: [{ type: 'distinctInstance' }],
        placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
        healthCheckGracePeriodSeconds: 30,
        propagateTags: 'SERVICE',
      },
    });
    expect(createCallFor(sim, sel('service', B.gateArn))).toEqual({
      action: 'ecs:CreateService',
      input: {
        cluster: 'Royaume',
        serviceName: 'gate',
        taskDefinition: 'api:1',
        desiredCount: 1,
        launchType: 'FARGATE',
        deploymentConfiguration: {
          minimumHealthyPercent: 100,
          maximumPercent: 200,
          deploymentCircuitBreaker: { enable: true, rollback: true },
        },
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: [subnetIdFor('za-southwest-1a'), subnetIdFor('za-southwest-1b')],
            securityGroups: [SG],
            assignPublicIp: 'ENABLED',
          },
        },
      },
    });
    const api = createCallFor(sim, sel('taskDefinition', B.apiArn))!;
    expect(api.input).toEqual({
      family: 'api',
      executionRoleArn: API_PLAN.executionRoleArn,
      networkMode: 'awsvpc',
      containerDefinitions: [
        {
          name: 'api',
          image: 'public.ecr.aws/nozama/api:1',
          cpu: 0,
          portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
          essential: true,
        },
      ],
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      runtimePlatform: API_PLAN.runtimePlatform,
    });
    expect(createCallFor(sim, sel('task', B.standaloneTaskArn))).toEqual({
      action: 'ecs:RunTask',
      input: {
        cluster: 'Royaume',
        taskDefinition: 'web:1',
        launchType: 'EC2',
        group: 'batch:nightly',
        startedBy: 'chronicle',
        tags: [{ key: 'purpose', value: 'night watch' }],
      },
    });
    // A service's task: a similar standalone task (the service's group and startedBy are its own).
    expect(createCallFor(sim, sel('task', B.serviceTaskArn))).toEqual({
      action: 'ecs:RunTask',
      input: { cluster: 'Royaume', taskDefinition: 'web:1', launchType: 'EC2' },
    });
    const fargate = sim.tasks[B.fargateTaskArn]!;
    expect(createCallFor(sim, sel('task', B.fargateTaskArn))?.input).toEqual({
      cluster: 'Royaume',
      taskDefinition: 'api:1',
      launchType: 'FARGATE',
      networkConfiguration: {
        awsvpcConfiguration: { subnets: [fargate.subnetId], securityGroups: [SG], assignPublicIp: 'ENABLED' },
      },
    });
    expect(createCallFor(sim, sel('cluster', B.clusterArn))).toEqual({
      action: 'ecs:CreateCluster',
      input: { clusterName: 'Royaume', tags: [{ key: 'realm', value: "Nozama's south" }] },
    });
    expect(createCallFor(sim, sel('zone', 'za-southwest-1a'))).toBeNull();
  });

  it('rebuilds the same world in a fresh simulation', () => {
    const fresh = new World(99);
    const make = (s: Selection) => {
      const call = createCallFor(sim, s)!;
      const r = fresh.call(call.action, call.input, call.region);
      if ('error' in r) throw new Error(`${call.action}: ${r.error.name}: ${r.error.message}`);
      return r.output;
    };
    make(sel('cluster', B.clusterArn));
    for (const inst of Object.values(sim.instances)) make(sel('instance', inst.instanceId));
    fresh.tick(25);
    make(sel('taskDefinition', B.webArn));
    make(sel('taskDefinition', B.apiArn));
    make(sel('service', B.millArn));
    make(sel('service', B.gateArn));
    make(sel('task', B.standaloneTaskArn));
    fresh.tick(5);
    const strip = <T extends object>(o: T, keys: string[]) =>
      Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
    const now = fresh.state;
    expect(Object.values(now.clusters).map((c) => strip(c, ['createdAt']))).toEqual(
      Object.values(sim.clusters).map((c) => strip(c, ['createdAt'])),
    );
    const inst = (s: typeof sim) =>
      Object.values(s.instances).map((i) => [
        i.region,
        i.imageId,
        i.instanceType,
        i.availabilityZone,
        i.userData,
        i.tags,
      ]);
    expect(inst(now)).toEqual(inst(sim));
    for (const arn of [B.webArn, B.apiArn]) {
      expect(strip(now.taskDefinitions[arn]!, ['registeredAt'])).toEqual(
        strip(sim.taskDefinitions[arn]!, ['registeredAt']),
      );
    }
    const svc = (s: typeof sim) =>
      Object.values(s.services).map((x) => strip(x, ['deployments', 'events', 'createdAt', 'sched']));
    expect(svc(now)).toEqual(svc(sim));
    const standalone = Object.values(now.tasks).find((t) => t.serviceName === null)!;
    expect([standalone.group, standalone.startedBy, standalone.tags]).toEqual([
      'batch:nightly',
      'chronicle',
      [{ key: 'purpose', value: 'night watch' }],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. The real CLI check

const u = (script: string) => encodeBase64(script);

/** Valid requests covering every AWS action the model answers, with the awkward values a player may type. */
const CORPUS: Call[] = [
  {
    action: 'ec2:DescribeRegions',
    input: { Filters: [{ Name: 'region-name', Values: ['za-*'] }], AllRegions: false },
  },
  {
    action: 'ec2:DescribeAvailabilityZones',
    input: { Filters: [{ Name: 'state', Values: ['available', 'impaired'] }] },
    region: 'za-central-1',
  },
  {
    action: 'ec2:DescribeImages',
    input: {
      Owners: ['amazon'],
      Filters: [{ Name: 'name', Values: ['al2023-ami-ecs-hvm-* (x86_64)?'] }],
      IncludeDeprecated: true,
    },
  },
  { action: 'ec2:DescribeInstanceTypes', input: { InstanceTypes: ['t3.medium', 'm5.large'] } },
  { action: 'ec2:DescribeVpcs', input: { Filters: [{ Name: 'is-default', Values: ['true'] }] } },
  {
    action: 'ec2:DescribeSubnets',
    input: {
      Filters: [
        { Name: 'availability-zone', Values: ['za-southwest-1a'] },
        { Name: 'default-for-az', Values: ['true'] },
      ],
    },
  },
  {
    action: 'ec2:RunInstances',
    input: {
      ImageId: 'ami-0123456789abcdef0',
      InstanceType: 't3.medium',
      MinCount: 1,
      MaxCount: 1,
      Placement: { AvailabilityZone: 'za-southwest-1a' },
      UserData: u(SCRIPT),
      TagSpecifications: [
        {
          ResourceType: 'instance',
          Tags: [
            { Key: 'Name', Value: "Tour d'Argent" },
            { Key: 'ville', Value: 'Été ☀' },
          ],
        },
      ],
    },
  },
  {
    action: 'ec2:RunInstances',
    input: {
      ImageId: 'ami-0123456789abcdef0',
      InstanceType: 'm5.large',
      MinCount: 2,
      MaxCount: 3,
      SubnetId: 'subnet-0123456789abcdef0',
      UserData: u(
        '#!/bin/bash\nset -e\nprintf "%s\\n" \'single\' "double" \\\nfor x in a b; do echo "$x!"; done\n',
      ),
      DryRun: true,
    },
  },
  {
    action: 'ec2:TerminateInstances',
    input: { InstanceIds: ['i-0123456789abcdef0', 'i-0fedcba9876543210'] },
  },
  {
    action: 'ec2:DescribeInstances',
    input: {
      Filters: [
        { Name: 'tag:Name', Values: ["Tour d'Argent"] },
        { Name: 'instance-state-name', Values: ['running', 'pending'] },
      ],
      MaxResults: 5,
    },
  },
  {
    action: 'ssm:GetParameter',
    input: { Name: ECS_AMI_PARAM, WithDecryption: false },
    region: 'za-northeast-1',
  },
  {
    action: 'ecs:CreateCluster',
    input: {
      clusterName: 'Royaume',
      tags: [{ key: 'realm', value: 'Nozama Sud' }],
      settings: [{ name: 'containerInsights', value: 'enabled' }],
    },
  },
  { action: 'ecs:DeleteCluster', input: { cluster: 'Royaume' } },
  { action: 'ecs:ListClusters', input: { maxResults: 10, nextToken: 'nzm-10' } },
  {
    action: 'ecs:DescribeClusters',
    input: { clusters: ['Royaume', 'default'], include: ['SETTINGS', 'TAGS'] },
  },
  { action: 'ecs:DescribeContainerInstances', input: { cluster: 'Royaume', containerInstances: [CI_ARN] } },
  {
    action: 'ecs:ListContainerInstances',
    input: {
      cluster: 'Royaume',
      filter: 'attribute:ecs.availability-zone == za-southwest-1a',
      status: 'ACTIVE',
    },
  },
  {
    action: 'ecs:DeregisterContainerInstance',
    input: { cluster: 'Royaume', containerInstance: CI_ARN, force: true },
  },
  {
    action: 'ecs:UpdateContainerInstancesState',
    input: { cluster: 'Royaume', containerInstances: ['0f6c4d8e', '1a2b3c4d'], status: 'DRAINING' },
  },
  {
    action: 'ecs:PutAttributes',
    input: {
      cluster: 'Royaume',
      attributes: [
        { name: 'stack', value: 'prod', targetType: 'container-instance', targetId: CI_ARN },
        { name: 'motto', value: 'Fortune favours the bold, "always"', targetId: CI_ARN },
      ],
    },
  },
  {
    action: 'ecs:DeleteAttributes',
    input: { cluster: 'Royaume', attributes: [{ name: 'stack', targetId: CI_ARN }] },
  },
  {
    action: 'ecs:ListAttributes',
    input: {
      cluster: 'Royaume',
      targetType: 'container-instance',
      attributeName: 'stack',
      attributeValue: 'prod',
    },
  },
  {
    action: 'ecs:RegisterTaskDefinition',
    input: {
      ...structuredClone(WEB_PLAN),
      networkMode: 'bridge',
      cpu: '256',
      memory: '1024',
      volumes: [{ name: 'data', host: { sourcePath: '/srv/data' } }],
      pidMode: 'task',
    },
  },
  { action: 'ecs:DeregisterTaskDefinition', input: { taskDefinition: 'web:1' } },
  { action: 'ecs:DescribeTaskDefinition', input: { taskDefinition: 'web', include: ['TAGS'] } },
  { action: 'ecs:ListTaskDefinitions', input: { familyPrefix: 'web', status: 'INACTIVE', sort: 'DESC' } },
  { action: 'ecs:ListTaskDefinitionFamilies', input: { familyPrefix: 'w', status: 'ALL' } },
  {
    action: 'ecs:RunTask',
    input: {
      cluster: 'Royaume',
      taskDefinition: 'web:2',
      count: 3,
      launchType: 'EC2',
      group: 'batch:nightly',
      startedBy: 'chronicle',
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }],
      overrides: {
        containerOverrides: [
          {
            name: 'web',
            command: ['sh', '-c', "echo 'hello world' > /tmp/x; cat /tmp/x"],
            environment: [{ name: 'GREETING', value: 'Bonjour, "Nozama"!\n\tsecond line \\ $HOME' }],
          },
        ],
      },
      enableECSManagedTags: true,
      propagateTags: 'TASK_DEFINITION',
      tags: [{ key: 'purpose', value: 'night watch' }],
    },
  },
  {
    action: 'ecs:RunTask',
    input: {
      cluster: 'Royaume',
      taskDefinition: 'api:1',
      launchType: 'FARGATE',
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
          securityGroups: [SG],
          assignPublicIp: 'DISABLED',
        },
      },
      enableExecuteCommand: false,
    },
  },
  {
    action: 'ecs:StartTask',
    input: {
      cluster: 'Royaume',
      taskDefinition: 'web:2',
      containerInstances: ['0f6c4d8e', CI_ARN],
      startedBy: 'the steward',
      group: 'family:web',
    },
  },
  {
    action: 'ecs:StopTask',
    input: { cluster: 'Royaume', task: TASK_ID, reason: "-- by the king's order: no appeal" },
  },
  { action: 'ecs:DescribeTasks', input: { cluster: 'Royaume', tasks: [TASK_ID], include: ['TAGS'] } },
  {
    action: 'ecs:ListTasks',
    input: {
      cluster: 'Royaume',
      serviceName: 'mill',
      desiredStatus: 'STOPPED',
      launchType: 'EC2',
      maxResults: 100,
    },
  },
  EXPECTED[0]!.call,
  {
    action: 'ecs:CreateService',
    input: {
      cluster: 'Royaume',
      serviceName: 'ramparts',
      taskDefinition: 'web:2',
      desiredCount: 3,
      launchType: 'EC2',
      schedulingStrategy: 'REPLICA',
      deploymentConfiguration: {
        maximumPercent: 150,
        minimumHealthyPercent: 50,
        deploymentCircuitBreaker: { enable: true, rollback: true },
      },
      placementStrategy: [{ type: 'spread', field: 'instanceId' }],
      healthCheckGracePeriodSeconds: 30,
      enableECSManagedTags: false,
      propagateTags: 'SERVICE',
      tags: [{ key: 'owner', value: "d'Artagnan" }],
    },
  },
  {
    action: 'ecs:UpdateService',
    input: {
      cluster: 'Royaume',
      service: 'mill',
      desiredCount: 0,
      taskDefinition: 'web:3',
      forceNewDeployment: true,
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
    },
  },
  {
    action: 'ecs:UpdateService',
    input: { service: 'mill', forceNewDeployment: false, placementStrategy: [], placementConstraints: [] },
  },
  { action: 'ecs:DeleteService', input: { cluster: 'Royaume', service: 'mill', force: true } },
  {
    action: 'ecs:DescribeServices',
    input: { cluster: 'Royaume', services: ['mill', 'gate'], include: ['TAGS'] },
  },
  {
    action: 'ecs:ListServices',
    input: { cluster: 'Royaume', launchType: 'FARGATE', schedulingStrategy: 'REPLICA' },
  },
];

/** What Rosetta shows for the built world (the shapes the corpus does not already have). */
const FROM_WORLD: Call[] = [
  createCallFor(sim, sel('instance', B.instanceId)),
  createCallFor(sim, sel('taskDefinition', B.webArn)),
  createCallFor(sim, sel('service', B.gateArn)),
].map((c) => c!);

interface Run {
  name: string;
  line: string;
  call?: Call;
}

const VALID: Run[] = [
  ...[...CORPUS, ...FROM_WORLD].map((call, i) => ({ name: `#${i} ${call.action}`, line: toCli(call), call })),
  ...[
    CORPUS.find((c) => c.action === 'ecs:RunTask')!,
    CORPUS.find((c) => c.action === 'ecs:RegisterTaskDefinition')!,
    FROM_WORLD[0]!,
  ].map((call) => ({
    name: `cliLines ${call.action}`,
    line: cliLines(call),
    call,
  })),
];

/** Wrong lines: each must fail on its parameters, never reach the network. */
const INVALID: Run[] = [
  // Not --service-nam: argparse takes an unambiguous prefix of a flag for the flag.
  {
    name: 'a misspelt flag',
    line: 'aws ecs create-service --cluster Royaume --servce-name mill --desired-count 1',
  },
  {
    name: 'run-instances has no --min-count',
    line: 'aws ec2 run-instances --image-id ami-0123456789abcdef0 --min-count 1 --max-count 1',
  },
  {
    name: 'an unknown member in JSON',
    line: `aws ecs register-task-definition --family web --container-definitions '[{"name":"web","imag":"nginx"}]'`,
  },
  {
    name: 'a made-up member through toCli',
    line: toCli({ action: 'ecs:ListTasks', input: { kingdom: 'Royaume' } }),
  },
];
const PARAMETER_ERROR =
  /Unknown options|invalid literal for int|Parameter validation failed|the following arguments are required|expected one argument/;

const CLI_ENV: NodeJS.ProcessEnv = {
  PATH: '/usr/bin:/bin',
  HOME: tmpdir(),
  LC_ALL: 'C.UTF-8',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_ACCESS_KEY_ID: 'a',
  AWS_SECRET_ACCESS_KEY: 'b',
  AWS_DEFAULT_REGION: 'za-southwest-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PAGER: '',
  AWS_RETRY_MODE: 'standard',
  AWS_MAX_ATTEMPTS: '1',
};

interface Outcome {
  code: number;
  stderr: string;
}

/** Runs a printed line with bash, the game's `aws` replaced by /usr/bin/aws (an older v1 may come first on PATH). */
function runLine(line: string): Promise<Outcome> {
  const script = `${line.replace(/^aws /, `${AWS} `)} ${ENDPOINT} --debug`;
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', script],
      { env: CLI_ENV, timeout: 30_000, maxBuffer: 16 << 20 },
      (error, _out, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stderr: String(stderr) });
      },
    );
  });
}

async function pool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return out;
}

// --- Reading the request the CLI logged with --debug ---------------------------------------------

/** Parses the Python literal at text[at] (dict, list, str, bytes, int, True/False/None). */
function pyLiteral(text: string, at: number): { value: unknown; end: number } {
  let i = at;
  const ws = () => {
    while (text[i] === ' ') i++;
  };
  ws();
  const c = text[i];
  if (c === '{' || c === '[') {
    const close = c === '{' ? '}' : ']';
    const obj: Record<string, unknown> = {};
    const arr: unknown[] = [];
    i++;
    ws();
    while (text[i] !== close) {
      const first = pyLiteral(text, i);
      i = first.end;
      ws();
      if (c === '{') {
        if (text[i] !== ':') throw new Error(`expected ':' at ${i}`);
        const second = pyLiteral(text, i + 1);
        obj[String(first.value)] = second.value;
        i = second.end;
      } else arr.push(first.value);
      ws();
      if (text[i] === ',') i++;
      ws();
    }
    return { value: c === '{' ? obj : arr, end: i + 1 };
  }
  const bytes = c === 'b';
  if (bytes) i++;
  const quote = text[i];
  if (quote === "'" || quote === '"') {
    const units: number[] = [];
    let s = '';
    const put = (code: number) => {
      if (bytes) units.push(code);
      else s += String.fromCodePoint(code);
    };
    i++;
    while (text[i] !== quote) {
      const ch = text[i] as string;
      if (ch === '\\') {
        const e = text[i + 1] as string;
        const simple: Record<string, number> = { n: 10, r: 13, t: 9, '\\': 92, "'": 39, '"': 34 };
        if (e in simple) {
          put(simple[e] as number);
          i += 2;
        } else {
          const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          put(Number.parseInt(text.slice(i + 2, i + 2 + len), 16));
          i += 2 + len;
        }
      } else {
        const cp = text.codePointAt(i) as number;
        if (bytes) units.push(...Buffer.from(String.fromCodePoint(cp), 'utf8'));
        else s += String.fromCodePoint(cp);
        i += cp > 0xffff ? 2 : 1;
      }
    }
    return { value: bytes ? Buffer.from(units).toString('utf8') : s, end: i + 1 };
  }
  const m = /^(-?\d+(?:\.\d+)?|True|False|None)/.exec(text.slice(i));
  if (!m) throw new Error(`cannot read a Python literal at: ${text.slice(i, i + 40)}`);
  const word = m[1] as string;
  const value = word === 'True' ? true : word === 'False' ? false : word === 'None' ? null : Number(word);
  return { value, end: i + word.length };
}

/** The body of the request the CLI was about to send. */
function loggedBody(stderr: string): unknown {
  const line = stderr.split('\n').find((l) => l.includes('Making request for OperationModel('));
  if (!line) throw new Error('the CLI logged no request');
  const at = line.indexOf("'body': ");
  return pyLiteral(line, at + 8).value;
}

/** EC2 query names of the list members the corpus uses (the model's locationName). */
const EC2_LIST_NAMES: Record<string, string> = {
  InstanceIds: 'InstanceId',
  ImageIds: 'ImageId',
  Owners: 'Owner',
  ZoneNames: 'ZoneName',
  RegionNames: 'RegionName',
  Filters: 'Filter',
  Values: 'Value',
  InstanceTypes: 'InstanceType',
  TagSpecifications: 'TagSpecification',
  Tags: 'Tag',
};

/** An EC2 request as the query protocol flattens it. */
function ec2Query(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) ec2Query(v, `${prefix}.${i + 1}`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      let name = k;
      if (Array.isArray(v)) {
        const listName = EC2_LIST_NAMES[k];
        if (!listName) throw new Error(`add the EC2 query name of ${k}`);
        name = listName;
      }
      ec2Query(v, prefix ? `${prefix}.${name}` : name, out);
    }
  } else out[prefix] = typeof value === 'boolean' ? String(value) : value;
  return out;
}

/** Compares the logged request with the call's input. */
function expectSameRequest(call: Call, stderr: string): void {
  const body = loggedBody(stderr);
  const input = call.input ?? {};
  if (call.action.startsWith('ec2:')) {
    const { Action, Version, ClientToken, ...rest } = body as Record<string, unknown>;
    expect(Action).toBe(call.action.slice(4));
    if ('ClientToken' in input) rest.ClientToken = ClientToken;
    expect(rest).toEqual(ec2Query(input));
  } else {
    expect(JSON.parse(body as string)).toEqual(input);
  }
}

const cliInstalled = existsSync(AWS);
const results = new Map<string, Outcome>();

function outcomeOf(name: string): Outcome {
  if (!cliInstalled) throw new Error(MISSING_CLI);
  const r = results.get(name);
  if (!r) throw new Error(`no CLI run for ${name}`);
  return r;
}

describe('the real AWS CLI accepts every line', () => {
  beforeAll(async () => {
    if (!cliInstalled) return;
    const all = [...VALID, ...INVALID];
    const outcomes = await pool(all, Math.max(4, availableParallelism()), (r) => runLine(r.line));
    for (const [i, r] of all.entries()) results.set(r.name, outcomes[i] as Outcome);
  }, 120_000);

  it("is Debian's AWS CLI v2 at /usr/bin/aws", async () => {
    if (!cliInstalled) throw new Error(MISSING_CLI);
    const version = await new Promise<string>((resolve) =>
      execFile(AWS, ['--version'], { env: CLI_ENV }, (_e, out, err) => resolve(String(out) + String(err))),
    );
    expect(version).toMatch(/^aws-cli\/2\./);
  });

  it('covers every AWS action the model answers, with at least 30 calls', () => {
    const actions = new Set(VALID.map((r) => r.call?.action));
    const missing = supportedActions().filter((a) => !a.startsWith('sim:') && !actions.has(a));
    expect(missing).toEqual([]);
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(VALID)('$name', ({ name, line, call }) => {
    const r = outcomeOf(name);
    const tail = r.stderr.split('\n').slice(-3).join('\n');
    expect(r.stderr, `${line}\n${tail}`).toContain(CONNECT_FAILURE);
    if (call) expectSameRequest(call, r.stderr);
  });

  it.each(INVALID)('refuses $name', ({ name, line }) => {
    const r = outcomeOf(name);
    expect(r.code, line).not.toBe(0);
    expect(r.stderr, line).not.toContain(CONNECT_FAILURE);
    expect(r.stderr, line).toMatch(PARAMETER_ERROR);
  });
});
