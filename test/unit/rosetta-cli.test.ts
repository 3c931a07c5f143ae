/**
 * Rosetta's CLI lines (src/cli/cli.ts): table-driven expectations, the calls that show and
 * recreate a selected thing, and THE REAL CLI CHECK: bash reads every line into its words, and Debian's
 * AWS CLI v2 (/usr/bin/aws's entry point, kept running so that awscli is imported once per worker)
 * runs them against a closed port. A valid command fails only on connecting; with --debug the CLI also
 * logs the request it would have sent, which is compared with the call's input member by member (ECS,
 * SSM, CodeDeploy: the JSON body; EC2, ELBv2, CloudWatch: the query parameters; Lambda: the path,
 * query string, headers and body, placed by the CLI's own REST model). Lambda zips are written to a
 * directory of their own for `fileb://`. Deliberately wrong lines must fail on their parameters
 * instead, which proves the check can fail; so must the lines for members newer than 2.9.19 (January
 * 2023), whose exact text is pinned in a table instead.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CliFile,
  cliFiles,
  cliLines,
  cliNote,
  createCallFor,
  deploymentCalls,
  describeCallFor,
  EMPTY_ZIP_BASE64,
  type RosettaSelection,
  toCli,
} from '../../src/cli/index.ts';
import { subnetIdFor, supportedActions } from '../../src/model/index.ts';
import { encodeBase64 } from '../../src/model/sim/base64.ts';
import type { Call, LoadBalancer, SimState, TargetGroup } from '../../src/model/sim/types.ts';
import type { Selection } from '../../src/store/create-game-store.ts';
import { AWS, CLI_ENV, type Outcome, startDriver, stopDrivers } from '../support/aws-cli.ts';
import { ECS_AMI_PARAM, jsonCopy, World } from '../support/world.ts';

const ENDPOINT = ['--endpoint-url', 'http://127.0.0.1:9', '--debug'];
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

// The load-balancing, Lambda and CodeDeploy world of issue 4.
const ACCOUNT = '123456789012';
const ELB_PREFIX = `arn:aws:elasticloadbalancing:za-southwest-1:${ACCOUNT}`;
const ALB_ARN = `${ELB_PREFIX}:loadbalancer/app/nozama-alb/50dc6c495c0c9188`;
const TG_BLUE = `${ELB_PREFIX}:targetgroup/blue/73e2d6bc24d8a067`;
const TG_GREEN = `${ELB_PREFIX}:targetgroup/green/a1b2c3d4e5f60718`;
const LISTENER_ARN = `${ELB_PREFIX}:listener/app/nozama-alb/50dc6c495c0c9188/f2f7dc8efc522ab2`;
const TEST_LISTENER_ARN = `${ELB_PREFIX}:listener/app/nozama-alb/50dc6c495c0c9188/0467ef3c8400ae65`;
const RULE_ARN = `${ELB_PREFIX}:listener-rule/app/nozama-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`;
const SG_ALB = 'sg-0a1b2c3d4e5f60718';
const LAMBDA_ROLE = `arn:aws:iam::${ACCOUNT}:role/spell-role`;
const ECS_CD_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsCodeDeployRole`;
const ALARM_ARN = `arn:aws:cloudwatch:za-southwest-1:${ACCOUNT}:alarm:portal-5xx`;
/** A real zip archive (index.mjs): the CLI checks that --zip-file is one. */
const ZIP =
  'UEsDBBQAAAAAAAAAIVxwRQaeOgAAADoAAAAJAAAAaW5kZXgubWpzZXhwb3J0IGNvbnN0IGhhbmRsZXIgPSBhc3luYyAoKSA9PiAoeyBzdGF0dXNDb2RlOiAyMDAgfSk7ClBLAQIUAxQAAAAAAAAAIVxwRQaeOgAAADoAAAAJAAAAAAAAAAAAAACAAQAAAABpbmRleC5tanNQSwUGAAAAAAEAAQA3AAAAYQAAAAAA';

const TARGET_GROUP_PAIR = {
  targetGroups: [{ name: 'blue' }, { name: 'green' }],
  prodTrafficRoute: { listenerArns: [LISTENER_ARN] },
  testTrafficRoute: { listenerArns: [TEST_LISTENER_ARN] },
};
const APPSPEC = JSON.stringify({
  version: 0.0,
  Resources: [
    {
      TargetService: {
        Type: 'AWS::ECS::Service',
        Properties: {
          TaskDefinition: `arn:aws:ecs:za-southwest-1:${ACCOUNT}:task-definition/web:3`,
          LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 },
        },
      },
    },
  ],
});

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
  {
    name: 'elbv2: lists of strings and a scalar scheme',
    call: {
      action: 'elbv2:CreateLoadBalancer',
      input: {
        Name: 'nozama-alb',
        Subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
        SecurityGroups: [SG_ALB],
        Scheme: 'internet-facing',
        Type: 'application',
      },
    },
    cli: `aws elbv2 create-load-balancer --name nozama-alb --subnets subnet-0a1b2c3d subnet-4e5f6a7b --security-groups ${SG_ALB} --scheme internet-facing --type application`,
  },
  {
    name: 'elbv2: a target group with its health check and the matcher in shorthand',
    call: {
      action: 'elbv2:CreateTargetGroup',
      input: {
        Name: 'blue',
        Protocol: 'HTTP',
        Port: 80,
        VpcId: 'vpc-0123456789abcdef0',
        TargetType: 'ip',
        HealthCheckPath: '/health',
        HealthCheckIntervalSeconds: 10,
        HealthCheckTimeoutSeconds: 5,
        HealthyThresholdCount: 2,
        UnhealthyThresholdCount: 2,
        Matcher: { HttpCode: '200' },
      },
    },
    cli: 'aws elbv2 create-target-group --name blue --protocol HTTP --port 80 --vpc-id vpc-0123456789abcdef0 --target-type ip --health-check-path /health --health-check-interval-seconds 10 --health-check-timeout-seconds 5 --healthy-threshold-count 2 --unhealthy-threshold-count 2 --matcher HttpCode=200',
  },
  {
    name: 'elbv2: target group attributes in shorthand',
    call: {
      action: 'elbv2:ModifyTargetGroupAttributes',
      input: {
        TargetGroupArn: TG_BLUE,
        Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
      },
    },
    cli: `aws elbv2 modify-target-group-attributes --target-group-arn ${TG_BLUE} --attributes Key=deregistration_delay.timeout_seconds,Value=30`,
  },
  {
    name: 'elbv2: a plain forward is shorthand',
    call: {
      action: 'elbv2:CreateListener',
      input: {
        LoadBalancerArn: ALB_ARN,
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: TG_BLUE }],
      },
    },
    cli: `aws elbv2 create-listener --load-balancer-arn ${ALB_ARN} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=${TG_BLUE}`,
  },
  {
    name: 'elbv2: weighted target groups (ForwardConfig) are JSON',
    call: {
      action: 'elbv2:ModifyListener',
      input: {
        ListenerArn: LISTENER_ARN,
        DefaultActions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: TG_BLUE, Weight: 90 },
                { TargetGroupArn: TG_GREEN, Weight: 10 },
              ],
            },
          },
        ],
      },
    },
    cli: `aws elbv2 modify-listener --listener-arn ${LISTENER_ARN} --default-actions '[{"Type":"forward","ForwardConfig":{"TargetGroups":[{"TargetGroupArn":"${TG_BLUE}","Weight":90},{"TargetGroupArn":"${TG_GREEN}","Weight":10}]}}]'`,
  },
  {
    name: 'cloudwatch: an alarm on a metric, the threshold a decimal',
    call: {
      action: 'cloudwatch:PutMetricAlarm',
      input: {
        AlarmName: 'spell-errors',
        MetricName: 'Errors',
        Namespace: 'AWS/Lambda',
        Statistic: 'Sum',
        Dimensions: [{ Name: 'FunctionName', Value: 'spell' }],
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 0.5,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      },
    },
    cli: 'aws cloudwatch put-metric-alarm --alarm-name spell-errors --metric-name Errors --namespace AWS/Lambda --statistic Sum --dimensions Name=FunctionName,Value=spell --period 60 --evaluation-periods 1 --threshold 0.5 --comparison-operator GreaterThanThreshold --treat-missing-data notBreaching',
  },
  {
    name: 'cloudwatch: epoch seconds are written in ISO 8601',
    call: {
      action: 'cloudwatch:GetMetricStatistics',
      input: {
        Namespace: 'AWS/ApplicationELB',
        MetricName: 'HTTPCode_Target_5XX_Count',
        Dimensions: [{ Name: 'LoadBalancer', Value: 'app/nozama-alb/50dc6c495c0c9188' }],
        StartTime: 1767225600,
        EndTime: 1767229200,
        Period: 60,
        Statistics: ['Sum'],
      },
    },
    cli: 'aws cloudwatch get-metric-statistics --namespace AWS/ApplicationELB --metric-name HTTPCode_Target_5XX_Count --dimensions Name=LoadBalancer,Value=app/nozama-alb/50dc6c495c0c9188 --start-time 2026-01-01T00:00:00Z --end-time 2026-01-01T01:00:00Z --period 60 --statistics Sum',
  },
  {
    name: 'lambda: the code is a zip file read with fileb://',
    call: {
      action: 'lambda:CreateFunction',
      input: {
        FunctionName: 'spell',
        Runtime: 'nodejs20.x',
        Role: LAMBDA_ROLE,
        Handler: 'index.handler',
        Code: { ZipFile: ZIP },
      },
    },
    cli: `aws lambda create-function --function-name spell --runtime nodejs20.x --role ${LAMBDA_ROLE} --handler index.handler --zip-file fileb://function.zip`,
  },
  {
    name: 'lambda: alias weights in the map shorthand',
    call: {
      action: 'lambda:UpdateAlias',
      input: {
        FunctionName: 'spell',
        Name: 'live',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } },
      },
    },
    cli: 'aws lambda update-alias --function-name spell --name live --routing-config AdditionalVersionWeights={"2"=0.1}',
  },
  {
    name: 'lambda: finishing a shift empties the weights',
    call: {
      action: 'lambda:UpdateAlias',
      input: {
        FunctionName: 'spell',
        Name: 'live',
        FunctionVersion: '2',
        RoutingConfig: { AdditionalVersionWeights: {} },
      },
    },
    cli: 'aws lambda update-alias --function-name spell --name live --function-version 2 --routing-config AdditionalVersionWeights={}',
  },
  {
    name: 'lambda: invoke sends the payload raw and names the outfile',
    call: {
      action: 'lambda:Invoke',
      input: { FunctionName: 'spell', Qualifier: 'live', Payload: '{"traveler":"Ana"}' },
    },
    cli: `aws lambda invoke --function-name spell --qualifier live --cli-binary-format raw-in-base64-out --payload '{"traveler":"Ana"}' response.json`,
  },
  {
    name: "codedeploy: the CLI's service is deploy",
    call: {
      action: 'codedeploy:CreateApplication',
      input: { applicationName: 'portal', computePlatform: 'ECS' },
    },
    cli: 'aws deploy create-application --application-name portal --compute-platform ECS',
  },
  {
    name: 'codedeploy: a boolean flag',
    call: {
      action: 'codedeploy:StopDeployment',
      input: { deploymentId: 'd-A1B2C3D4E', autoRollbackEnabled: true },
    },
    cli: 'aws deploy stop-deployment --deployment-id d-A1B2C3D4E --auto-rollback-enabled',
  },
  {
    name: 'a new sim action is a comment too',
    call: { action: 'sim:SetTraffic', input: {} },
    cli: '# sim:SetTraffic is not an AWS API: it is the world outside AWS (clients send a steady stream of requests to a load balancer listener or a Lambda function alias).',
  },
];

describe('toCli', () => {
  it.each(EXPECTED)('$name', ({ call, cli }) => {
    expect(toCli(call)).toBe(cli);
  });

  it('gives every sim action a comment line', () => {
    for (const action of supportedActions().filter((a) => a.startsWith('sim:'))) {
      const line = toCli({ action, input: {} });
      expect(line).toMatch(new RegExp(`^# ${action} is not an AWS API: it is [^(]+ \\(.+\\)\\.$`));
      expect(line).not.toContain('something that happens');
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
  tags: [{ key: 'team', value: 'masons + co' }],
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
    tags: [{ key: 'realm', value: 'Nozama: the south' }],
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
  const containerInstanceArn = w.state.instances.get(instanceId)!.containerInstanceArn!;
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
        ImageId: sim.instances.get(B.instanceId)!.imageId,
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
    const fargate = sim.tasks.get(B.fargateTaskArn)!;
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
      input: { clusterName: 'Royaume', tags: [{ key: 'realm', value: 'Nozama: the south' }] },
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
    for (const inst of sim.instances.values()) make(sel('instance', inst.instanceId));
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
      s.instances
        .values()
        .map((i) => [i.region, i.imageId, i.instanceType, i.availabilityZone, i.userData, i.tags]);
    expect(inst(now)).toEqual(inst(sim));
    for (const arn of [B.webArn, B.apiArn]) {
      expect(strip(now.taskDefinitions[arn]!, ['registeredAt'])).toEqual(
        strip(sim.taskDefinitions[arn]!, ['registeredAt']),
      );
    }
    const svc = (s: typeof sim) =>
      s.services
        .values()
        .map((x) =>
          strip(x, ['deployments', 'events', 'createdAt', 'sched', 'serviceDeployments', 'serviceRevisions']),
        );
    expect(svc(now)).toEqual(svc(sim));
    const standalone = now.tasks.values().find((t) => t.serviceName === null)!;
    expect([standalone.group, standalone.startedBy, standalone.tags]).toEqual([
      'batch:nightly',
      'chronicle',
      [{ key: 'purpose', value: 'night watch' }],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// 2b. Load balancing, alarms, Lambda and CodeDeploy things (from state objects)

const NE_ALB_ARN =
  'arn:aws:elasticloadbalancing:za-northeast-1:123456789012:loadbalancer/app/north/0f1e2d3c4b5a6978';
const HEALTH = {
  HealthCheckProtocol: 'HTTP',
  HealthCheckPort: 'traffic-port',
  HealthCheckEnabled: true,
  HealthCheckIntervalSeconds: 10,
  HealthCheckTimeoutSeconds: 5,
  HealthyThresholdCount: 2,
  UnhealthyThresholdCount: 3,
  HealthCheckPath: '/health',
  Matcher: { HttpCode: '200' },
} as const;

function loadBalancer(
  arn: string,
  name: string,
  region: string,
  scheme: LoadBalancer['Scheme'],
): LoadBalancer {
  return {
    LoadBalancerArn: arn,
    LoadBalancerName: name,
    DNSName: `${name}-1234567890.${region}.elb.amazonaws.com`,
    CanonicalHostedZoneId: 'Z2P70J7EXAMPLE',
    CreatedTime: 1767225600,
    Scheme: scheme,
    VpcId: 'vpc-0123456789abcdef0',
    State: { Code: 'active' },
    Type: 'application',
    AvailabilityZones: [
      { ZoneName: `${region}a`, SubnetId: 'subnet-0a1b2c3d' },
      { ZoneName: `${region}b`, SubnetId: 'subnet-4e5f6a7b' },
    ],
    SecurityGroups: scheme === 'internal' ? [] : [SG_ALB],
    IpAddressType: 'ipv4',
    region,
    activeAt: 1767225660,
  };
}

function targetGroup(arn: string, name: string, port: number): TargetGroup {
  return {
    ...HEALTH,
    TargetGroupArn: arn,
    TargetGroupName: name,
    Protocol: 'HTTP',
    Port: port,
    VpcId: 'vpc-0123456789abcdef0',
    TargetType: 'ip',
    ProtocolVersion: 'HTTP1',
    IpAddressType: 'ipv4',
    LoadBalancerArns: [ALB_ARN],
    region: 'za-southwest-1',
    attributes: { 'deregistration_delay.timeout_seconds': '30' },
    targets: {},
  };
}

const SPELL_ARN = `arn:aws:lambda:za-southwest-1:${ACCOUNT}:function:spell`;
const LAMBDA_CONFIG = {
  Runtime: 'nodejs20.x',
  Role: LAMBDA_ROLE,
  Handler: 'index.handler',
  CodeSha256: 'pVdmvrcuWLpwQGJmfJpvpdD7JJ5ayxOTIXUsAMq+3cU=',
  CodeSize: 310,
  Description: '',
  Timeout: 3,
  MemorySize: 128,
  LastModified: 1767225600,
  RevisionId: '0f6c4d8e-2b1a-4c3d-9e8f-7a6b5c4d3e2f',
};

function resourceWorld(): SimState {
  const r = jsonCopy(sim);
  const blue = targetGroup(TG_BLUE, 'blue', 80);
  const green: TargetGroup = {
    ...targetGroup(TG_GREEN, 'green', 8080),
    HealthCheckProtocol: 'HTTPS',
    HealthCheckPort: '8443',
    HealthCheckEnabled: false,
    Matcher: { HttpCode: '200-299' },
  };
  const forward = { Type: 'forward', TargetGroupArn: TG_BLUE } as const;
  r.elb = {
    ...r.elb,
    loadBalancers: {
      [ALB_ARN]: loadBalancer(ALB_ARN, 'nozama-alb', 'za-southwest-1', 'internet-facing'),
      [NE_ALB_ARN]: loadBalancer(NE_ALB_ARN, 'north', 'za-northeast-1', 'internal'),
    },
    targetGroups: { [TG_BLUE]: blue, [TG_GREEN]: green },
    listeners: {
      [LISTENER_ARN]: {
        ListenerArn: LISTENER_ARN,
        LoadBalancerArn: ALB_ARN,
        Port: 80,
        Protocol: 'HTTP',
        DefaultActions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: TG_BLUE, Weight: 90 },
                { TargetGroupArn: TG_GREEN, Weight: 10 },
              ],
              TargetGroupStickinessConfig: { Enabled: false },
            },
          },
        ],
        region: 'za-southwest-1',
      },
      [TEST_LISTENER_ARN]: {
        ListenerArn: TEST_LISTENER_ARN,
        LoadBalancerArn: ALB_ARN,
        Port: 8080,
        Protocol: 'HTTP',
        // As ELB echoes a plain forward: with a one-group ForwardConfig.
        DefaultActions: [
          {
            ...forward,
            ForwardConfig: {
              TargetGroups: [{ TargetGroupArn: TG_BLUE, Weight: 1 }],
              TargetGroupStickinessConfig: { Enabled: false },
            },
          },
        ],
        region: 'za-southwest-1',
      },
    },
    rules: {
      [RULE_ARN]: {
        RuleArn: RULE_ARN,
        listenerArn: LISTENER_ARN,
        Priority: '10',
        Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }],
        Actions: [{ Type: 'forward', TargetGroupArn: TG_GREEN }],
        IsDefault: false,
      },
    },
  };
  r.cloudwatch = {
    ...r.cloudwatch,
    alarms: {
      'portal-5xx': {
        AlarmName: 'portal-5xx',
        AlarmArn: ALARM_ARN,
        AlarmDescription: 'Errors at the portal',
        ActionsEnabled: true,
        AlarmActions: [],
        OKActions: [],
        InsufficientDataActions: [],
        StateValue: 'OK',
        StateReason: 'Threshold Crossed',
        StateUpdatedTimestamp: 1767225600,
        AlarmConfigurationUpdatedTimestamp: 1767225600,
        MetricName: 'HTTPCode_Target_5XX_Count',
        Namespace: 'AWS/ApplicationELB',
        Statistic: 'Sum',
        Dimensions: [{ Name: 'TargetGroup', Value: 'targetgroup/green/a1b2c3d4e5f60718' }],
        Period: 60,
        EvaluationPeriods: 2,
        DatapointsToAlarm: 2,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        region: 'za-southwest-1',
        nextEvalAt: 1767225660,
      },
    },
  };
  const version = (v: string) => ({
    ...LAMBDA_CONFIG,
    Version: v,
    FunctionArn: `${SPELL_ARN}:${v}`,
    fingerprint: v,
  });
  r.lambda = {
    ...r.lambda,
    functions: {
      'za-southwest-1:spell': {
        ...LAMBDA_CONFIG,
        Description: "The king's light",
        Timeout: 30,
        FunctionName: 'spell',
        FunctionArn: SPELL_ARN,
        PackageType: 'Zip',
        region: 'za-southwest-1',
        versions: { '1': version('1'), '2': version('2') },
        aliases: {
          live: {
            AliasArn: `${SPELL_ARN}:live`,
            Name: 'live',
            FunctionVersion: '1',
            Description: 'what travelers get',
            RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } },
            RevisionId: '1a2b3c4d-0000-4000-8000-000000000001',
          },
          stable: {
            AliasArn: `${SPELL_ARN}:stable`,
            Name: 'stable',
            FunctionVersion: '1',
            Description: '',
            RoutingConfig: { AdditionalVersionWeights: {} },
            RevisionId: '1a2b3c4d-0000-4000-8000-000000000002',
          },
        },
        nextVersion: 3,
      },
    },
  } as SimState['lambda'];
  const group = {
    applicationName: 'portal',
    deploymentGroupId: 'a1b2c3d4-0000-4000-8000-000000000001',
    deploymentGroupName: 'portal-bg',
    deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
    serviceRoleArn: ECS_CD_ROLE,
    computePlatform: 'ECS',
    ecsServices: [{ serviceName: 'portal', clusterName: 'Royaume' }],
    loadBalancerInfo: { targetGroupPairInfoList: [TARGET_GROUP_PAIR] },
    blueGreenDeploymentConfiguration: {
      terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 },
      deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 },
    },
    autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
    alarmConfiguration: { enabled: false, ignorePollAlarmFailure: false, alarms: [] },
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    region: 'za-southwest-1',
  };
  const revision = { revisionType: 'AppSpecContent', appSpecContent: { content: APPSPEC } };
  // CodeDeploy's state is read as plain API-shaped objects: only the members the requests use matter.
  (r as unknown as { codedeploy: Record<string, Record<string, unknown>> }).codedeploy = {
    applications: {
      'za-southwest-1:portal': {
        applicationId: 'a1b2c3d4-0000-4000-8000-0000000000aa',
        applicationName: 'portal',
        createTime: 1767225600,
        linkedToGitHub: false,
        computePlatform: 'ECS',
        region: 'za-southwest-1',
      },
    },
    deploymentGroups: { 'za-southwest-1:portal:portal-bg': group },
    deploymentConfigs: {
      'za-southwest-1:Nozama.Linear20PercentEvery2Minutes': {
        deploymentConfigId: 'a1b2c3d4-0000-4000-8000-0000000000cc',
        deploymentConfigName: 'Nozama.Linear20PercentEvery2Minutes',
        createTime: 1767225600,
        computePlatform: 'ECS',
        trafficRoutingConfig: {
          type: 'TimeBasedLinear',
          timeBasedLinear: { linearPercentage: 20, linearInterval: 2 },
        },
        region: 'za-southwest-1',
      },
    },
    deployments: {
      'd-A1B2C3D4E': {
        deploymentId: 'd-A1B2C3D4E',
        region: 'za-southwest-1',
        applicationName: 'portal',
        deploymentGroupName: 'portal-bg',
        deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
        computePlatform: 'ECS',
        status: 'InProgress',
        creator: 'user',
        description: 'Release 3',
        revision,
        createTime: 1767225600,
        autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
        lifecycleEvents: [],
        phase: 0,
      },
      'd-F5G6H7I8J': {
        deploymentId: 'd-F5G6H7I8J',
        region: 'za-southwest-1',
        applicationName: 'portal',
        deploymentGroupName: 'portal-bg',
        deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
        computePlatform: 'ECS',
        status: 'Created',
        creator: 'user',
        revision,
        createTime: 1767225700,
        autoRollbackConfiguration: { enabled: false, events: [] },
      },
    },
  };
  return r;
}

const RW = resourceWorld();
const rsel = (kind: RosettaSelection['kind'], id: string) => ({ kind, id }) as RosettaSelection;

describe('the calls for load balancing, alarms, Lambda and CodeDeploy things', () => {
  it.each([
    ['loadBalancer', ALB_ARN, { action: 'elbv2:DescribeLoadBalancers', input: { Names: ['nozama-alb'] } }],
    [
      'loadBalancer',
      'nozama-alb',
      { action: 'elbv2:DescribeLoadBalancers', input: { Names: ['nozama-alb'] } },
    ],
    [
      'loadBalancer',
      'north',
      { action: 'elbv2:DescribeLoadBalancers', input: { Names: ['north'] }, region: 'za-northeast-1' },
    ],
    ['targetGroup', TG_GREEN, { action: 'elbv2:DescribeTargetGroups', input: { Names: ['green'] } }],
    ['targetGroup', 'blue', { action: 'elbv2:DescribeTargetGroups', input: { Names: ['blue'] } }],
    [
      'listener',
      LISTENER_ARN,
      { action: 'elbv2:DescribeListeners', input: { ListenerArns: [LISTENER_ARN] } },
    ],
    ['rule', RULE_ARN, { action: 'elbv2:DescribeRules', input: { RuleArns: [RULE_ARN] } }],
    ['alarm', 'portal-5xx', { action: 'cloudwatch:DescribeAlarms', input: { AlarmNames: ['portal-5xx'] } }],
    ['alarm', ALARM_ARN, { action: 'cloudwatch:DescribeAlarms', input: { AlarmNames: ['portal-5xx'] } }],
    [
      'lambdaAlias',
      'spell:live',
      { action: 'lambda:GetAlias', input: { FunctionName: 'spell', Name: 'live' } },
    ],
    [
      'lambdaAlias',
      `${SPELL_ARN}:stable`,
      { action: 'lambda:GetAlias', input: { FunctionName: 'spell', Name: 'stable' } },
    ],
    [
      'codeDeployApplication',
      'portal',
      { action: 'codedeploy:GetApplication', input: { applicationName: 'portal' } },
    ],
    [
      'deploymentGroup',
      'portal-bg',
      {
        action: 'codedeploy:GetDeploymentGroup',
        input: { applicationName: 'portal', deploymentGroupName: 'portal-bg' },
      },
    ],
    [
      'deploymentConfig',
      'Nozama.Linear20PercentEvery2Minutes',
      {
        action: 'codedeploy:GetDeploymentConfig',
        input: { deploymentConfigName: 'Nozama.Linear20PercentEvery2Minutes' },
      },
    ],
    [
      'deployment',
      'd-A1B2C3D4E',
      { action: 'codedeploy:GetDeployment', input: { deploymentId: 'd-A1B2C3D4E' } },
    ],
  ] as const)('describes a %s (%s)', (kind, id, expected) => {
    expect(describeCallFor(RW, rsel(kind, id))).toEqual(expected);
  });

  it('describes a Lambda function with the read call the model answers', () => {
    const call = describeCallFor(RW, rsel('lambdaFunction', SPELL_ARN));
    const expected = supportedActions().includes('lambda:GetFunction')
      ? 'lambda:GetFunction'
      : 'lambda:ListVersionsByFunction';
    expect(call).toEqual({ action: expected, input: { FunctionName: 'spell' } });
    expect(describeCallFor(RW, rsel('lambdaFunction', 'spell'))).toEqual(call);
  });

  it('gives null for what does not exist', () => {
    for (const kind of [
      'loadBalancer',
      'targetGroup',
      'listener',
      'rule',
      'alarm',
      'lambdaFunction',
      'lambdaAlias',
      'codeDeployApplication',
      'deploymentGroup',
      'deploymentConfig',
      'deployment',
    ] as const) {
      expect(describeCallFor(RW, rsel(kind, 'nowhere')), kind).toBeNull();
      expect(createCallFor(RW, rsel(kind, 'nowhere')), kind).toBeNull();
    }
  });

  it('recreates load balancers, target groups, listeners and rules as they are', () => {
    expect(createCallFor(RW, rsel('loadBalancer', ALB_ARN))).toEqual({
      action: 'elbv2:CreateLoadBalancer',
      input: {
        Name: 'nozama-alb',
        Subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
        SecurityGroups: [SG_ALB],
        Type: 'application',
      },
    });
    expect(createCallFor(RW, rsel('loadBalancer', NE_ALB_ARN))).toEqual({
      action: 'elbv2:CreateLoadBalancer',
      input: {
        Name: 'north',
        Subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
        Scheme: 'internal',
        Type: 'application',
      },
      region: 'za-northeast-1',
    });
    expect(createCallFor(RW, rsel('targetGroup', 'blue'))).toEqual({
      action: 'elbv2:CreateTargetGroup',
      input: {
        Name: 'blue',
        Protocol: 'HTTP',
        Port: 80,
        VpcId: 'vpc-0123456789abcdef0',
        TargetType: 'ip',
        HealthCheckPath: '/health',
        HealthCheckIntervalSeconds: 10,
        HealthCheckTimeoutSeconds: 5,
        HealthyThresholdCount: 2,
        UnhealthyThresholdCount: 3,
        Matcher: { HttpCode: '200' },
      },
    });
    expect(createCallFor(RW, rsel('targetGroup', 'green'))?.input).toMatchObject({
      HealthCheckProtocol: 'HTTPS',
      HealthCheckPort: '8443',
      HealthCheckEnabled: false,
      Matcher: { HttpCode: '200-299' },
    });
    expect(createCallFor(RW, rsel('listener', LISTENER_ARN))).toEqual({
      action: 'elbv2:CreateListener',
      input: {
        LoadBalancerArn: ALB_ARN,
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: TG_BLUE, Weight: 90 },
                { TargetGroupArn: TG_GREEN, Weight: 10 },
              ],
            },
          },
        ],
      },
    });
    // The one-group ForwardConfig ELB echoes is left out: the request says TargetGroupArn only.
    expect(toCli(createCallFor(RW, rsel('listener', TEST_LISTENER_ARN))!)).toBe(
      `aws elbv2 create-listener --load-balancer-arn ${ALB_ARN} --protocol HTTP --port 8080 --default-actions Type=forward,TargetGroupArn=${TG_BLUE}`,
    );
    expect(createCallFor(RW, rsel('rule', RULE_ARN))).toEqual({
      action: 'elbv2:CreateRule',
      input: {
        ListenerArn: LISTENER_ARN,
        Priority: 10,
        Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }],
        Actions: [{ Type: 'forward', TargetGroupArn: TG_GREEN }],
      },
    });
  });

  it('recreates an alarm, keeping a zero threshold and leaving out empty action lists', () => {
    expect(createCallFor(RW, rsel('alarm', 'portal-5xx'))).toEqual({
      action: 'cloudwatch:PutMetricAlarm',
      input: {
        AlarmName: 'portal-5xx',
        AlarmDescription: 'Errors at the portal',
        MetricName: 'HTTPCode_Target_5XX_Count',
        Namespace: 'AWS/ApplicationELB',
        Statistic: 'Sum',
        Dimensions: [{ Name: 'TargetGroup', Value: 'targetgroup/green/a1b2c3d4e5f60718' }],
        Period: 60,
        EvaluationPeriods: 2,
        DatapointsToAlarm: 2,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      },
    });
  });

  it('recreates a Lambda function (its zip is not kept: an empty archive stands in) and its aliases', () => {
    const fn = createCallFor(RW, rsel('lambdaFunction', 'spell'))!;
    expect(fn).toEqual({
      action: 'lambda:CreateFunction',
      input: {
        FunctionName: 'spell',
        Runtime: 'nodejs20.x',
        Role: LAMBDA_ROLE,
        Handler: 'index.handler',
        Code: { ZipFile: EMPTY_ZIP_BASE64 },
        Description: "The king's light",
        Timeout: 30,
      },
    });
    expect(cliFiles(fn)).toEqual([{ path: 'function.zip', base64: EMPTY_ZIP_BASE64 }]);
    expect(cliNote(fn)).toMatch(/^# function\.zip: /);
    expect(toCli(createCallFor(RW, rsel('lambdaAlias', 'spell:live'))!)).toBe(
      `aws lambda create-alias --function-name spell --name live --function-version 1 --description 'what travelers get' --routing-config AdditionalVersionWeights={"2"=0.1}`,
    );
    expect(createCallFor(RW, rsel('lambdaAlias', 'spell:stable'))?.input).toEqual({
      FunctionName: 'spell',
      Name: 'stable',
      FunctionVersion: '1',
    });
  });

  it('recreates CodeDeploy things from their API-shaped state, without what is off or inherited', () => {
    expect(createCallFor(RW, rsel('codeDeployApplication', 'portal'))).toEqual({
      action: 'codedeploy:CreateApplication',
      input: { applicationName: 'portal', computePlatform: 'ECS' },
    });
    expect(createCallFor(RW, rsel('deploymentGroup', 'portal-bg'))?.input).toEqual({
      applicationName: 'portal',
      deploymentGroupName: 'portal-bg',
      deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
      serviceRoleArn: ECS_CD_ROLE,
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      blueGreenDeploymentConfiguration: {
        terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 },
        deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 },
      },
      loadBalancerInfo: { targetGroupPairInfoList: [TARGET_GROUP_PAIR] },
      ecsServices: [{ serviceName: 'portal', clusterName: 'Royaume' }],
    });
    expect(createCallFor(RW, rsel('deploymentConfig', 'Nozama.Linear20PercentEvery2Minutes'))).toEqual({
      action: 'codedeploy:CreateDeploymentConfig',
      input: {
        deploymentConfigName: 'Nozama.Linear20PercentEvery2Minutes',
        computePlatform: 'ECS',
        trafficRoutingConfig: {
          type: 'TimeBasedLinear',
          timeBasedLinear: { linearPercentage: 20, linearInterval: 2 },
        },
      },
    });
    const revision = { revisionType: 'AppSpecContent', appSpecContent: { content: APPSPEC } };
    expect(createCallFor(RW, rsel('deployment', 'd-A1B2C3D4E'))).toEqual({
      action: 'codedeploy:CreateDeployment',
      input: {
        applicationName: 'portal',
        deploymentGroupName: 'portal-bg',
        revision,
        description: 'Release 3',
      },
    });
    // An override of the group's config stays; a rollback setting that is off and empty goes.
    expect(createCallFor(RW, rsel('deployment', 'd-F5G6H7I8J'))?.input).toEqual({
      applicationName: 'portal',
      deploymentGroupName: 'portal-bg',
      revision,
      deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
    });
    // Plain objects without a world: what the request takes is carried over as it is.
    const d = deploymentCalls({
      deploymentId: 'd-X',
      applicationName: 'a',
      deploymentGroupName: 'g',
      status: 'Failed',
    });
    expect(d).toEqual({
      create: {
        action: 'codedeploy:CreateDeployment',
        input: { applicationName: 'a', deploymentGroupName: 'g' },
      },
      describe: { action: 'codedeploy:GetDeployment', input: { deploymentId: 'd-X' } },
    });
  });

  it('recreates a CODE_DEPLOY service with its load balancers and controller', () => {
    const r = jsonCopy(sim);
    const gate = r.services.get(B.gateArn)!;
    Object.assign(gate, {
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: TG_BLUE, containerName: 'api', containerPort: 8080 }],
      deploymentConfiguration: { ...gate.deploymentConfiguration, strategy: 'ROLLING' },
    });
    expect(createCallFor(r, sel('service', B.gateArn))?.input).toMatchObject({
      loadBalancers: [{ targetGroupArn: TG_BLUE, containerName: 'api', containerPort: 8080 }],
      deploymentController: { type: 'CODE_DEPLOY' },
      deploymentConfiguration: {
        minimumHealthyPercent: 100,
        maximumPercent: 200,
        deploymentCircuitBreaker: { enable: true, rollback: true },
      },
    });
    expect(createCallFor(r, sel('service', B.gateArn))?.input?.deploymentConfiguration).not.toHaveProperty(
      'strategy',
    );
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
  {
    action: 'ec2:DescribeInstanceTypeOfferings',
    input: {
      LocationType: 'availability-zone',
      Filters: [{ Name: 'instance-type', Values: ['t3.*'] }],
      MaxResults: 20,
    },
    region: 'za-central-1',
  },
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
      tags: [{ key: 'owner', value: 'd-Artagnan @ Gascony' }],
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

/** Application Auto Scaling (JSON 1.1): the calls of issue 17's growth forms. */
const SCALE_REF = {
  ServiceNamespace: 'ecs',
  ResourceId: 'service/Royaume/mill',
  ScalableDimension: 'ecs:service:DesiredCount',
};
const CORPUS_AUTOSCALING: Call[] = [
  {
    action: 'application-autoscaling:RegisterScalableTarget',
    input: { ...SCALE_REF, MinCapacity: 2, MaxCapacity: 10 },
  },
  {
    action: 'application-autoscaling:RegisterScalableTarget',
    input: {
      ...SCALE_REF,
      MinCapacity: 0,
      SuspendedState: { DynamicScalingInSuspended: true, DynamicScalingOutSuspended: false },
    },
  },
  { action: 'application-autoscaling:DeregisterScalableTarget', input: SCALE_REF },
  {
    action: 'application-autoscaling:DescribeScalableTargets',
    input: { ServiceNamespace: 'ecs', ResourceIds: ['service/Royaume/mill', 'service/Royaume/gate'] },
  },
  {
    action: 'application-autoscaling:PutScalingPolicy',
    input: {
      ...SCALE_REF,
      PolicyName: 'cpu60',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 60,
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        ScaleOutCooldown: 60,
        ScaleInCooldown: 120,
        DisableScaleIn: false,
      },
    },
  },
  {
    action: 'application-autoscaling:PutScalingPolicy',
    input: {
      ...SCALE_REF,
      PolicyName: 'per-target',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 1000.5,
        PredefinedMetricSpecification: {
          PredefinedMetricType: 'ALBRequestCountPerTarget',
          ResourceLabel: 'app/nozama-alb/50dc6c495c0c9188/targetgroup/blue/73e2d6bc24d8a067',
        },
      },
    },
  },
  {
    action: 'application-autoscaling:PutScalingPolicy',
    input: {
      ...SCALE_REF,
      PolicyName: 'steps',
      PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: {
        AdjustmentType: 'ChangeInCapacity',
        Cooldown: 300,
        MetricAggregationType: 'Average',
        StepAdjustments: [
          { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
          { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 },
        ],
      },
    },
  },
  { action: 'application-autoscaling:DeleteScalingPolicy', input: { ...SCALE_REF, PolicyName: 'cpu60' } },
  {
    action: 'application-autoscaling:DescribeScalingPolicies',
    input: { ServiceNamespace: 'ecs', PolicyNames: ['cpu60'], ResourceId: 'service/Royaume/mill' },
  },
  {
    action: 'application-autoscaling:DescribeScalingActivities',
    input: { ...SCALE_REF, MaxResults: 10 },
  },
];

/** Load balancing, CloudWatch, Lambda, CodeDeploy and the ECS members CLI 2.9.19 knows. */
const CORPUS_ISSUE4: Call[] = [
  // --- elbv2 (query protocol)
  ...EXPECTED.filter((e) => e.call.action.startsWith('elbv2:')).map((e) => e.call),
  {
    action: 'elbv2:CreateLoadBalancer',
    input: {
      Name: 'inner-alb',
      Subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b', 'subnet-8c9d0e1f'],
      Scheme: 'internal',
      Tags: [{ Key: 'realm', Value: 'Nozama Sud' }],
    },
    region: 'za-northeast-1',
  },
  {
    action: 'elbv2:CreateTargetGroup',
    input: {
      Name: 'green',
      Protocol: 'HTTP',
      Port: 8080,
      VpcId: 'vpc-0123456789abcdef0',
      TargetType: 'instance',
      HealthCheckEnabled: true,
      HealthCheckProtocol: 'HTTP',
      HealthCheckPort: 'traffic-port',
      HealthCheckPath: '/',
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 6,
      HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 2,
      Matcher: { HttpCode: '200-299' },
    },
  },
  {
    action: 'elbv2:ModifyTargetGroup',
    input: {
      TargetGroupArn: TG_GREEN,
      HealthCheckPath: '/ready?deep=1',
      HealthCheckIntervalSeconds: 5,
      HealthCheckTimeoutSeconds: 2,
      HealthyThresholdCount: 3,
      UnhealthyThresholdCount: 10,
      Matcher: { HttpCode: '200,204' },
      HealthCheckEnabled: false,
    },
  },
  {
    action: 'elbv2:ModifyTargetGroupAttributes',
    input: {
      TargetGroupArn: TG_GREEN,
      Attributes: [
        { Key: 'deregistration_delay.timeout_seconds', Value: '0' },
        { Key: 'stickiness.enabled', Value: 'true' },
        { Key: 'load_balancing.algorithm.type', Value: 'least_outstanding_requests' },
      ],
    },
  },
  { action: 'elbv2:DescribeTargetGroupAttributes', input: { TargetGroupArn: TG_BLUE } },
  {
    action: 'elbv2:CreateListener',
    input: {
      LoadBalancerArn: ALB_ARN,
      Protocol: 'HTTP',
      Port: 8080,
      DefaultActions: [
        {
          Type: 'forward',
          ForwardConfig: {
            TargetGroups: [
              { TargetGroupArn: TG_BLUE, Weight: 1 },
              { TargetGroupArn: TG_GREEN, Weight: 0 },
            ],
            TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 300 },
          },
        },
      ],
    },
  },
  {
    action: 'elbv2:ModifyListener',
    input: {
      ListenerArn: TEST_LISTENER_ARN,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: TG_GREEN }],
    },
  },
  {
    action: 'elbv2:CreateRule',
    input: {
      ListenerArn: LISTENER_ARN,
      Priority: 10,
      Conditions: [
        { Field: 'path-pattern', Values: ['/api/*'] },
        { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Canary', Values: ['yes'] } },
      ],
      Actions: [{ Type: 'forward', TargetGroupArn: TG_GREEN }],
    },
  },
  {
    action: 'elbv2:CreateRule',
    input: {
      ListenerArn: LISTENER_ARN,
      Priority: 20,
      Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['shop.nozama.example'] } }],
      Actions: [
        {
          Type: 'fixed-response',
          FixedResponseConfig: {
            StatusCode: '503',
            ContentType: 'text/plain',
            MessageBody: "Closed: the king's feast",
          },
        },
      ],
    },
  },
  {
    action: 'elbv2:ModifyRule',
    input: {
      RuleArn: RULE_ARN,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/v2/*', '/beta'] } }],
      Actions: [
        {
          Type: 'forward',
          ForwardConfig: {
            TargetGroups: [
              { TargetGroupArn: TG_BLUE, Weight: 50 },
              { TargetGroupArn: TG_GREEN, Weight: 50 },
            ],
          },
        },
      ],
    },
  },
  { action: 'elbv2:SetRulePriorities', input: { RulePriorities: [{ RuleArn: RULE_ARN, Priority: 5 }] } },
  { action: 'elbv2:DeleteRule', input: { RuleArn: RULE_ARN } },
  {
    action: 'elbv2:RegisterTargets',
    input: {
      TargetGroupArn: TG_BLUE,
      Targets: [
        { Id: '10.0.1.12', Port: 80 },
        { Id: '10.0.2.34', Port: 80, AvailabilityZone: 'za-southwest-1b' },
      ],
    },
  },
  {
    action: 'elbv2:RegisterTargets',
    input: { TargetGroupArn: TG_GREEN, Targets: [{ Id: 'i-0123456789abcdef0' }] },
  },
  {
    action: 'elbv2:DeregisterTargets',
    input: { TargetGroupArn: TG_BLUE, Targets: [{ Id: '10.0.1.12', Port: 80 }] },
  },
  { action: 'elbv2:DescribeTargetHealth', input: { TargetGroupArn: TG_BLUE } },
  {
    action: 'elbv2:DescribeTargetHealth',
    input: { TargetGroupArn: TG_BLUE, Targets: [{ Id: '10.0.2.34', Port: 80 }] },
  },
  { action: 'elbv2:DescribeLoadBalancers', input: { Names: ['nozama-alb', 'inner-alb'] } },
  {
    action: 'elbv2:DescribeLoadBalancers',
    input: { LoadBalancerArns: [ALB_ARN], PageSize: 10, Marker: 'nzm-1' },
  },
  { action: 'elbv2:DescribeListeners', input: { LoadBalancerArn: ALB_ARN } },
  { action: 'elbv2:DescribeListeners', input: { ListenerArns: [LISTENER_ARN, TEST_LISTENER_ARN] } },
  { action: 'elbv2:DescribeRules', input: { ListenerArn: LISTENER_ARN } },
  { action: 'elbv2:DescribeRules', input: { RuleArns: [RULE_ARN] } },
  { action: 'elbv2:DescribeTargetGroups', input: { Names: ['blue', 'green'] } },
  { action: 'elbv2:DescribeTargetGroups', input: { LoadBalancerArn: ALB_ARN } },
  { action: 'elbv2:DescribeTargetGroups', input: { TargetGroupArns: [TG_BLUE] } },
  { action: 'elbv2:DeleteListener', input: { ListenerArn: TEST_LISTENER_ARN } },
  { action: 'elbv2:DeleteTargetGroup', input: { TargetGroupArn: TG_GREEN } },
  { action: 'elbv2:DeleteLoadBalancer', input: { LoadBalancerArn: ALB_ARN } },
  // --- cloudwatch (query protocol)
  ...EXPECTED.filter((e) => e.call.action.startsWith('cloudwatch:')).map((e) => e.call),
  {
    action: 'cloudwatch:PutMetricAlarm',
    input: {
      AlarmName: 'portal-5xx',
      AlarmDescription: "Errors at the portal: roll the king's release back",
      ActionsEnabled: false,
      AlarmActions: [`arn:aws:sns:za-southwest-1:${ACCOUNT}:heralds`],
      OKActions: [],
      MetricName: 'HTTPCode_Target_5XX_Count',
      Namespace: 'AWS/ApplicationELB',
      Statistic: 'Sum',
      Dimensions: [
        { Name: 'LoadBalancer', Value: 'app/nozama-alb/50dc6c495c0c9188' },
        { Name: 'TargetGroup', Value: 'targetgroup/green/a1b2c3d4e5f60718' },
      ],
      Period: 60,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'missing',
    },
  },
  {
    action: 'cloudwatch:PutMetricAlarm',
    input: {
      AlarmName: 'portal-error-rate',
      EvaluationPeriods: 2,
      Threshold: 1.5,
      ComparisonOperator: 'GreaterThanThreshold',
      Metrics: [
        {
          Id: 'errors',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/ApplicationELB',
              MetricName: 'HTTPCode_Target_5XX_Count',
              Dimensions: [{ Name: 'LoadBalancer', Value: 'app/nozama-alb/50dc6c495c0c9188' }],
            },
            Period: 60,
            Stat: 'Sum',
          },
          ReturnData: false,
        },
        {
          Id: 'requests',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/ApplicationELB',
              MetricName: 'RequestCount',
              Dimensions: [{ Name: 'LoadBalancer', Value: 'app/nozama-alb/50dc6c495c0c9188' }],
            },
            Period: 60,
            Stat: 'Sum',
          },
          ReturnData: false,
        },
        { Id: 'rate', Expression: '100 * errors / requests', Label: 'Error rate (%)', ReturnData: true },
      ],
    },
  },
  {
    action: 'cloudwatch:PutMetricAlarm',
    input: {
      AlarmName: 'portal-p99',
      MetricName: 'TargetResponseTime',
      Namespace: 'AWS/ApplicationELB',
      ExtendedStatistic: 'p99',
      Dimensions: [{ Name: 'LoadBalancer', Value: 'app/nozama-alb/50dc6c495c0c9188' }],
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 0.25,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'ignore',
    },
  },
  { action: 'cloudwatch:DescribeAlarms', input: { AlarmNames: ['portal-5xx', 'spell-errors'] } },
  {
    action: 'cloudwatch:DescribeAlarms',
    input: { AlarmNamePrefix: 'portal-', StateValue: 'ALARM', AlarmTypes: ['MetricAlarm'], MaxRecords: 50 },
  },
  { action: 'cloudwatch:DeleteAlarms', input: { AlarmNames: ['portal-p99'] } },
  {
    action: 'cloudwatch:SetAlarmState',
    input: {
      AlarmName: 'portal-5xx',
      StateValue: 'ALARM',
      StateReason: 'Testing the rollback: "fire drill"',
      StateReasonData: '{"version":"1.0","drill":true}',
    },
  },
  {
    action: 'cloudwatch:GetMetricStatistics',
    input: {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [
        { Name: 'FunctionName', Value: 'spell' },
        { Name: 'Resource', Value: 'spell:live' },
        { Name: 'ExecutedVersion', Value: '2' },
      ],
      StartTime: 1767225600,
      EndTime: 1767225660,
      Period: 60,
      Statistics: ['Sum', 'SampleCount'],
      ExtendedStatistics: ['p99'],
      Unit: 'Count',
    },
  },
  {
    action: 'cloudwatch:GetMetricStatistics',
    input: {
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'RequestCount',
      StartTime: '2026-01-01T00:00:00Z',
      EndTime: '2026-01-01T00:05:00Z',
      Period: 300,
      Statistics: ['Sum'],
    },
  },
  {
    action: 'cloudwatch:GetMetricData',
    input: {
      MetricDataQueries: [
        {
          Id: 'latency',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/ApplicationELB',
              MetricName: 'TargetResponseTime',
              Dimensions: [{ Name: 'LoadBalancer', Value: 'app/nozama-alb/50dc6c495c0c9188' }],
            },
            Period: 60,
            Stat: 'p99',
          },
        },
        { Id: 'scaled', Expression: 'latency * 1000', Label: 'ms' },
      ],
      StartTime: 1767225600,
      EndTime: 1767229200,
      ScanBy: 'TimestampDescending',
      MaxDatapoints: 100,
    },
  },
  {
    action: 'cloudwatch:DescribeAlarmHistory',
    input: {
      AlarmName: 'portal-5xx',
      HistoryItemType: 'StateUpdate',
      StartDate: 1767225600,
      EndDate: 1767312000,
      MaxRecords: 10,
      ScanBy: 'TimestampAscending',
    },
  },
  { action: 'cloudwatch:DisableAlarmActions', input: { AlarmNames: ['portal-5xx'] } },
  { action: 'cloudwatch:EnableAlarmActions', input: { AlarmNames: ['portal-5xx', 'portal-p99'] } },
  {
    action: 'cloudwatch:ListMetrics',
    input: {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: 'spell' }, { Name: 'ExecutedVersion' }],
      RecentlyActive: 'PT3H',
    },
  },
  { action: 'cloudwatch:ListMetrics', input: { Namespace: 'AWS/ApplicationELB', NextToken: 'nzm-4' } },
  // --- lambda (REST JSON)
  ...EXPECTED.filter((e) => e.call.action.startsWith('lambda:')).map((e) => e.call),
  {
    action: 'lambda:CreateFunction',
    input: {
      FunctionName: 'spell-of-light',
      Runtime: 'python3.12',
      Role: LAMBDA_ROLE,
      Handler: 'app.handler',
      Code: { ZipFile: ZIP },
      Description: 'The king\'s light: "lumière"',
      Timeout: 30,
      MemorySize: 256,
      Publish: true,
      Environment: { Variables: { GREETING: 'Bonjour, Nozama!', LEVEL: 'info' } },
      Tags: { realm: 'Nozama Sud' },
    },
    region: 'za-northeast-1',
  },
  { action: 'lambda:UpdateFunctionCode', input: { FunctionName: 'spell', ZipFile: ZIP, Publish: true } },
  {
    action: 'lambda:UpdateFunctionConfiguration',
    input: { FunctionName: 'spell', Timeout: 10, MemorySize: 256, Description: 'the oracle, patient' },
  },
  {
    action: 'lambda:UpdateFunctionCode',
    input: { FunctionName: 'spell', S3Bucket: 'spells', S3Key: 'spell-v3.zip' },
  },
  { action: 'lambda:PublishVersion', input: { FunctionName: 'spell', Description: 'v2: faster "light"' } },
  {
    action: 'lambda:PublishVersion',
    input: { FunctionName: `arn:aws:lambda:za-southwest-1:${ACCOUNT}:function:spell` },
  },
  {
    action: 'lambda:CreateAlias',
    input: { FunctionName: 'spell', Name: 'live', FunctionVersion: '1', Description: 'what travelers get' },
  },
  {
    action: 'lambda:CreateAlias',
    input: {
      FunctionName: 'spell',
      Name: 'canary',
      FunctionVersion: '1',
      RoutingConfig: { AdditionalVersionWeights: { '2': 0.05 } },
    },
  },
  {
    action: 'lambda:UpdateAlias',
    input: {
      FunctionName: 'spell',
      Name: 'live',
      FunctionVersion: '3',
      RevisionId: 'a1b2c3d4-5678-90ab-cdef-1234567890ab',
    },
  },
  { action: 'lambda:GetAlias', input: { FunctionName: 'spell', Name: 'live' } },
  { action: 'lambda:ListAliases', input: { FunctionName: 'spell', FunctionVersion: '2', MaxItems: 5 } },
  { action: 'lambda:DeleteAlias', input: { FunctionName: 'spell', Name: 'canary' } },
  {
    action: 'lambda:Invoke',
    input: {
      FunctionName: `arn:aws:lambda:za-southwest-1:${ACCOUNT}:function:spell`,
      InvocationType: 'Event',
      LogType: 'None',
      Payload: '{"msg":"it\'s a \\"test\\"","n":[1,2]}',
    },
  },
  { action: 'lambda:Invoke', input: { FunctionName: 'spell:live', InvocationType: 'DryRun' } },
  { action: 'lambda:ListVersionsByFunction', input: { FunctionName: 'spell' } },
  {
    action: 'lambda:ListVersionsByFunction',
    input: { FunctionName: 'spell', Marker: 'nzm-2', MaxItems: 50 },
  },
  { action: 'lambda:GetFunction', input: { FunctionName: 'spell', Qualifier: 'live' } },
  { action: 'lambda:GetFunctionConfiguration', input: { FunctionName: 'spell', Qualifier: '2' } },
  { action: 'lambda:ListFunctions', input: { MaxItems: 10 } },
  { action: 'lambda:DeleteFunction', input: { FunctionName: 'spell', Qualifier: '1' } },
  // --- codedeploy (JSON 1.1; the CLI's service is `deploy`)
  ...EXPECTED.filter((e) => e.call.action.startsWith('codedeploy:')).map((e) => e.call),
  {
    action: 'codedeploy:CreateApplication',
    input: {
      applicationName: 'spells',
      computePlatform: 'Lambda',
      tags: [{ Key: 'realm', Value: 'Nozama Sud' }],
    },
  },
  {
    action: 'codedeploy:CreateDeploymentGroup',
    input: {
      applicationName: 'portal',
      deploymentGroupName: 'portal-bg',
      deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
      serviceRoleArn: ECS_CD_ROLE,
      ecsServices: [{ serviceName: 'portal', clusterName: 'Royaume' }],
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      blueGreenDeploymentConfiguration: {
        terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 },
        deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 30 },
      },
      loadBalancerInfo: { targetGroupPairInfoList: [TARGET_GROUP_PAIR] },
      autoRollbackConfiguration: {
        enabled: true,
        events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'],
      },
      alarmConfiguration: { enabled: true, ignorePollAlarmFailure: false, alarms: [{ name: 'portal-5xx' }] },
    },
  },
  {
    action: 'codedeploy:CreateDeploymentGroup',
    input: {
      applicationName: 'spells',
      deploymentGroupName: 'spell-live',
      serviceRoleArn: `arn:aws:iam::${ACCOUNT}:role/codedeploy-lambda`,
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    },
  },
  {
    action: 'codedeploy:CreateDeploymentConfig',
    input: {
      deploymentConfigName: 'Nozama.Linear20PercentEvery2Minutes',
      computePlatform: 'ECS',
      trafficRoutingConfig: {
        type: 'TimeBasedLinear',
        timeBasedLinear: { linearPercentage: 20, linearInterval: 2 },
      },
    },
  },
  {
    action: 'codedeploy:CreateDeploymentConfig',
    input: {
      deploymentConfigName: 'Nozama.Canary5Percent10Minutes',
      computePlatform: 'Lambda',
      trafficRoutingConfig: {
        type: 'TimeBasedCanary',
        timeBasedCanary: { canaryPercentage: 5, canaryInterval: 10 },
      },
    },
  },
  {
    action: 'codedeploy:CreateDeployment',
    input: {
      applicationName: 'portal',
      deploymentGroupName: 'portal-bg',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: APPSPEC } },
      description: "Release 3: the king's new gate",
    },
  },
  {
    action: 'codedeploy:CreateDeployment',
    input: {
      applicationName: 'spells',
      deploymentGroupName: 'spell-live',
      deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      revision: {
        revisionType: 'AppSpecContent',
        appSpecContent: {
          content:
            'version: 0.0\nResources:\n  - spell:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: spell\n        Alias: live\n        CurrentVersion: "1"\n        TargetVersion: "2"\n',
        },
      },
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_STOP_ON_REQUEST'] },
    },
  },
  { action: 'codedeploy:GetDeployment', input: { deploymentId: 'd-A1B2C3D4E' } },
  { action: 'codedeploy:StopDeployment', input: { deploymentId: 'd-A1B2C3D4E', autoRollbackEnabled: false } },
  {
    action: 'codedeploy:ContinueDeployment',
    input: { deploymentId: 'd-A1B2C3D4E', deploymentWaitType: 'READY_WAIT' },
  },
  {
    action: 'codedeploy:ContinueDeployment',
    input: { deploymentId: 'd-A1B2C3D4E', deploymentWaitType: 'TERMINATION_WAIT' },
  },
  { action: 'codedeploy:GetApplication', input: { applicationName: 'portal' } },
  { action: 'codedeploy:ListApplications', input: { nextToken: 'nzm-3' } },
  { action: 'codedeploy:DeleteApplication', input: { applicationName: 'spells' } },
  {
    action: 'codedeploy:GetDeploymentGroup',
    input: { applicationName: 'portal', deploymentGroupName: 'portal-bg' },
  },
  { action: 'codedeploy:ListDeploymentGroups', input: { applicationName: 'portal' } },
  {
    action: 'codedeploy:UpdateDeploymentGroup',
    input: {
      applicationName: 'portal',
      currentDeploymentGroupName: 'portal-bg',
      deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
      alarmConfiguration: { enabled: false, alarms: [] },
    },
  },
  {
    action: 'codedeploy:DeleteDeploymentGroup',
    input: { applicationName: 'portal', deploymentGroupName: 'portal-bg' },
  },
  {
    action: 'codedeploy:ListDeployments',
    input: {
      applicationName: 'portal',
      deploymentGroupName: 'portal-bg',
      includeOnlyStatuses: ['InProgress', 'Ready'],
    },
  },
  {
    action: 'codedeploy:GetDeploymentConfig',
    input: { deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce' },
  },
  { action: 'codedeploy:ListDeploymentConfigs', input: {} },
  {
    action: 'codedeploy:DeleteDeploymentConfig',
    input: { deploymentConfigName: 'Nozama.Linear20PercentEvery2Minutes' },
  },
  { action: 'codedeploy:ListDeploymentTargets', input: { deploymentId: 'd-A1B2C3D4E' } },
  {
    action: 'codedeploy:ListDeploymentTargets',
    input: { deploymentId: 'd-A1B2C3D4E', targetFilters: { TargetStatus: ['InProgress', 'Failed'] } },
  },
  {
    action: 'codedeploy:GetDeploymentTarget',
    input: { deploymentId: 'd-A1B2C3D4E', targetId: 'Royaume:portal' },
  },
  { action: 'codedeploy:BatchGetDeployments', input: { deploymentIds: ['d-A1B2C3D4E', 'd-F5G6H7I8J'] } },
  { action: 'codedeploy:BatchGetApplications', input: { applicationNames: ['portal', 'spells'] } },
  {
    action: 'codedeploy:BatchGetDeploymentGroups',
    input: { applicationName: 'portal', deploymentGroupNames: ['portal-bg'] },
  },
  {
    action: 'codedeploy:BatchGetDeploymentTargets',
    input: { deploymentId: 'd-A1B2C3D4E', targetIds: ['Royaume:portal'] },
  },
  {
    action: 'codedeploy:PutLifecycleEventHookExecutionStatus',
    input: {
      deploymentId: 'd-A1B2C3D4E',
      lifecycleEventHookExecutionId: 'eyJlbmNyeXB0ZWREYXRhIjoi',
      status: 'Succeeded',
    },
  },
  // --- ECS members CLI 2.9.19 knows: load balancers, the CODE_DEPLOY controller, alarms, task sets
  {
    action: 'ecs:CreateService',
    input: {
      cluster: 'Royaume',
      serviceName: 'portal',
      taskDefinition: 'web:3',
      desiredCount: 4,
      launchType: 'FARGATE',
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: TG_BLUE, containerName: 'web', containerPort: 80 }],
      networkConfiguration: {
        awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], assignPublicIp: 'ENABLED' },
      },
      healthCheckGracePeriodSeconds: 60,
    },
  },
  {
    action: 'ecs:CreateService',
    input: {
      cluster: 'Royaume',
      serviceName: 'gate',
      taskDefinition: 'web:3',
      desiredCount: 2,
      deploymentController: { type: 'ECS' },
      deploymentConfiguration: {
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        alarms: { alarmNames: ['portal-5xx', 'portal-p99'], enable: true, rollback: true },
      },
      loadBalancers: [
        { targetGroupArn: TG_BLUE, containerName: 'web', containerPort: 80 },
        { targetGroupArn: TG_GREEN, containerName: 'web', containerPort: 8080 },
      ],
    },
  },
  {
    action: 'ecs:UpdateService',
    input: {
      cluster: 'Royaume',
      service: 'gate',
      deploymentConfiguration: { alarms: { alarmNames: [], enable: false, rollback: false } },
      loadBalancers: [{ targetGroupArn: TG_GREEN, containerName: 'web', containerPort: 80 }],
    },
  },
  { action: 'ecs:DescribeTaskSets', input: { cluster: 'Royaume', service: 'portal' } },
  {
    action: 'ecs:DescribeTaskSets',
    input: {
      cluster: 'Royaume',
      service: 'portal',
      taskSets: ['ecs-svc/1234567890123456789'],
      include: ['TAGS'],
    },
  },
  ...CORPUS_AUTOSCALING,
];

// Newer than the installed CLI (2.9.19, January 2023): exact lines as the current CLI takes them.

const DEPLOYMENT_ARN = `arn:aws:ecs:za-southwest-1:${ACCOUNT}:service-deployment/Royaume/portal/r9i43YFjvgF_xlg7m2eJ1r`;
const REVISION_ARN = `arn:aws:ecs:za-southwest-1:${ACCOUNT}:service-revision/Royaume/portal/1485800978477494678`;
const PROD_RULE = `${ELB_PREFIX}:listener-rule/app/nozama-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/0a1b2c3d4e5f6a7b`;
const ECS_INFRA_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRoleForLoadBalancers`;

/**
 * ECS-native blue/green, linear and canary (2025), service deployments (Nov 2024) and UpdateService's
 * deploymentController: 2.9.19 refuses these (checked below), so the lines are pinned here.
 */
/** Issue 17: launch templates, Auto Scaling groups, capacity providers and their strategies. */
const ASG_ARN =
  'arn:aws:autoscaling:za-southwest-1:123456789012:autoScalingGroup:0f6c4d8e-2b1a-4c3d-9e8f-7a6b5c4d3e2f:autoScalingGroupName/guild';
const CORPUS_ISSUE17: Call[] = [
  {
    action: 'ec2:CreateLaunchTemplate',
    input: {
      LaunchTemplateName: 'lands',
      VersionDescription: 'royal charter',
      LaunchTemplateData: {
        ImageId: 'ami-0a1b2c3d4e5f60718',
        InstanceType: 't3.medium',
        IamInstanceProfile: { Name: 'ecsInstanceRole' },
        UserData: u('#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n'),
      },
    },
  },
  {
    action: 'ec2:CreateLaunchTemplateVersion',
    input: {
      LaunchTemplateName: 'lands',
      SourceVersion: '1',
      LaunchTemplateData: { InstanceType: 'm5.large' },
    },
  },
  { action: 'ec2:DescribeLaunchTemplates', input: { LaunchTemplateNames: ['lands'] } },
  {
    action: 'ec2:DescribeLaunchTemplateVersions',
    input: { LaunchTemplateName: 'lands', Versions: ['$Latest', '1'] },
  },
  {
    action: 'autoscaling:CreateAutoScalingGroup',
    input: {
      AutoScalingGroupName: 'guild',
      LaunchTemplate: { LaunchTemplateName: 'lands', Version: '$Latest' },
      MinSize: 0,
      MaxSize: 6,
      DesiredCapacity: 1,
      VPCZoneIdentifier: 'subnet-0a1b2c3d4e5f60718,subnet-0f1e2d3c4b5a69788',
      NewInstancesProtectedFromScaleIn: true,
      Tags: [{ Key: 'kingdom', Value: 'Royaume', PropagateAtLaunch: true }],
    },
  },
  {
    action: 'autoscaling:UpdateAutoScalingGroup',
    input: { AutoScalingGroupName: 'guild', MinSize: 1, MaxSize: 4, AvailabilityZones: ['za-southwest-1a'] },
  },
  {
    action: 'autoscaling:SetDesiredCapacity',
    input: { AutoScalingGroupName: 'guild', DesiredCapacity: 2, HonorCooldown: false },
  },
  {
    action: 'autoscaling:SetInstanceProtection',
    input: {
      AutoScalingGroupName: 'guild',
      InstanceIds: ['i-0123456789abcdef0'],
      ProtectedFromScaleIn: false,
    },
  },
  {
    action: 'autoscaling:DeleteAutoScalingGroup',
    input: { AutoScalingGroupName: 'guild', ForceDelete: true },
  },
  { action: 'autoscaling:DescribeAutoScalingGroups', input: { AutoScalingGroupNames: ['guild'] } },
  {
    action: 'autoscaling:DescribeScalingActivities',
    input: { AutoScalingGroupName: 'guild', MaxRecords: 20 },
  },
  {
    action: 'ecs:CreateCapacityProvider',
    input: {
      name: 'surveyors',
      autoScalingGroupProvider: {
        autoScalingGroupArn: ASG_ARN,
        managedScaling: {
          status: 'ENABLED',
          targetCapacity: 100,
          minimumScalingStepSize: 1,
          maximumScalingStepSize: 3,
          instanceWarmupPeriod: 60,
        },
        managedTerminationProtection: 'ENABLED',
      },
    },
  },
  {
    action: 'ecs:UpdateCapacityProvider',
    input: {
      name: 'surveyors',
      autoScalingGroupProvider: { managedScaling: { status: 'ENABLED', targetCapacity: 80 } },
    },
  },
  { action: 'ecs:DeleteCapacityProvider', input: { capacityProvider: 'surveyors' } },
  {
    action: 'ecs:DescribeCapacityProviders',
    input: { capacityProviders: ['surveyors', 'FARGATE_SPOT'], include: ['TAGS'] },
  },
  {
    action: 'ecs:PutClusterCapacityProviders',
    input: {
      cluster: 'Royaume',
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3 },
      ],
    },
  },
  {
    action: 'ecs:RunTask',
    input: {
      cluster: 'Royaume',
      taskDefinition: 'web:1',
      count: 2,
      capacityProviderStrategy: [{ capacityProvider: 'surveyors', weight: 1 }],
    },
  },
  {
    action: 'ecs:CreateService',
    input: {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: 'mill:1',
      desiredCount: 4,
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3 },
      ],
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'] } },
    },
  },
];

const NEWER: { name: string; call: Call; cli: string }[] = [
  {
    name: 'blue/green with a bake time (shorthand) and advancedConfiguration (JSON)',
    call: {
      action: 'ecs:CreateService',
      input: {
        cluster: 'Royaume',
        serviceName: 'portal',
        taskDefinition: 'web:3',
        desiredCount: 4,
        deploymentConfiguration: {
          maximumPercent: 200,
          minimumHealthyPercent: 100,
          strategy: 'BLUE_GREEN',
          bakeTimeInMinutes: 5,
        },
        loadBalancers: [
          {
            targetGroupArn: TG_BLUE,
            containerName: 'web',
            containerPort: 80,
            advancedConfiguration: {
              alternateTargetGroupArn: TG_GREEN,
              productionListenerRule: PROD_RULE,
              roleArn: ECS_INFRA_ROLE,
            },
          },
        ],
      },
    },
    cli: `aws ecs create-service --cluster Royaume --service-name portal --task-definition web:3 --desired-count 4 --deployment-configuration maximumPercent=200,minimumHealthyPercent=100,strategy=BLUE_GREEN,bakeTimeInMinutes=5 --load-balancers '[{"targetGroupArn":"${TG_BLUE}","containerName":"web","containerPort":80,"advancedConfiguration":{"alternateTargetGroupArn":"${TG_GREEN}","productionListenerRule":"${PROD_RULE}","roleArn":"${ECS_INFRA_ROLE}"}}]'`,
  },
  {
    name: 'linear steps',
    call: {
      action: 'ecs:UpdateService',
      input: {
        cluster: 'Royaume',
        service: 'portal',
        taskDefinition: 'web:4',
        deploymentConfiguration: {
          strategy: 'LINEAR',
          linearConfiguration: { stepPercent: 20.0, stepBakeTimeInMinutes: 2 },
          bakeTimeInMinutes: 10,
        },
      },
    },
    cli: `aws ecs update-service --cluster Royaume --service portal --task-definition web:4 --deployment-configuration '{"strategy":"LINEAR","linearConfiguration":{"stepPercent":20,"stepBakeTimeInMinutes":2},"bakeTimeInMinutes":10}'`,
  },
  {
    name: 'a canary with a decimal percent and alarms',
    call: {
      action: 'ecs:UpdateService',
      input: {
        service: 'portal',
        deploymentConfiguration: {
          strategy: 'CANARY',
          canaryConfiguration: { canaryPercent: 12.5, canaryBakeTimeInMinutes: 5 },
          bakeTimeInMinutes: 3,
          alarms: { alarmNames: ['portal-5xx'], enable: true, rollback: true },
        },
      },
    },
    cli: `aws ecs update-service --service portal --deployment-configuration '{"strategy":"CANARY","canaryConfiguration":{"canaryPercent":12.5,"canaryBakeTimeInMinutes":5},"bakeTimeInMinutes":3,"alarms":{"alarmNames":["portal-5xx"],"enable":true,"rollback":true}}'`,
  },
  {
    name: 'a pause hook',
    call: {
      action: 'ecs:UpdateService',
      input: {
        service: 'portal',
        deploymentConfiguration: {
          strategy: 'BLUE_GREEN',
          bakeTimeInMinutes: 0,
          lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }],
        },
      },
    },
    cli: `aws ecs update-service --service portal --deployment-configuration '{"strategy":"BLUE_GREEN","bakeTimeInMinutes":0,"lifecycleHooks":[{"targetType":"PAUSE","lifecycleStages":["POST_TEST_TRAFFIC_SHIFT"]}]}'`,
  },
  {
    name: "update-service's deploymentController",
    call: {
      action: 'ecs:UpdateService',
      input: { service: 'portal', deploymentController: { type: 'ECS' } },
    },
    cli: 'aws ecs update-service --service portal --deployment-controller type=ECS',
  },
  {
    name: 'list-service-deployments: a status list, the createdAt filter in ISO 8601',
    call: {
      action: 'ecs:ListServiceDeployments',
      input: {
        cluster: 'Royaume',
        service: 'portal',
        status: ['IN_PROGRESS', 'ROLLBACK_IN_PROGRESS'],
        createdAt: { after: 1767225600 },
        maxResults: 20,
      },
    },
    cli: 'aws ecs list-service-deployments --cluster Royaume --service portal --status IN_PROGRESS ROLLBACK_IN_PROGRESS --created-at after=2026-01-01T00:00:00Z --max-results 20',
  },
  {
    name: 'describe-service-deployments',
    call: { action: 'ecs:DescribeServiceDeployments', input: { serviceDeploymentArns: [DEPLOYMENT_ARN] } },
    cli: `aws ecs describe-service-deployments --service-deployment-arns ${DEPLOYMENT_ARN}`,
  },
  {
    name: 'stop-service-deployment',
    call: {
      action: 'ecs:StopServiceDeployment',
      input: { serviceDeploymentArn: DEPLOYMENT_ARN, stopType: 'ROLLBACK' },
    },
    cli: `aws ecs stop-service-deployment --service-deployment-arn ${DEPLOYMENT_ARN} --stop-type ROLLBACK`,
  },
  {
    name: 'describe-service-revisions',
    call: { action: 'ecs:DescribeServiceRevisions', input: { serviceRevisionArns: [REVISION_ARN] } },
    cli: `aws ecs describe-service-revisions --service-revision-arns ${REVISION_ARN}`,
  },
  {
    name: 'continue-service-deployment (a pause hook)',
    call: {
      action: 'ecs:ContinueServiceDeployment',
      input: { serviceDeploymentArn: DEPLOYMENT_ARN, hookId: 'hook-1', action: 'CONTINUE' },
    },
    cli: `aws ecs continue-service-deployment --service-deployment-arn ${DEPLOYMENT_ARN} --hook-id hook-1 --action CONTINUE`,
  },
];

describe('toCli for members newer than the installed CLI', () => {
  it.each(NEWER)('$name', ({ call, cli }) => {
    expect(toCli(call)).toBe(cli);
  });
});

/** What Rosetta shows for the built world (the shapes the corpus does not already have). */
const FROM_WORLD: Call[] = [
  createCallFor(sim, sel('instance', B.instanceId)),
  createCallFor(sim, sel('taskDefinition', B.webArn)),
  createCallFor(sim, sel('service', B.gateArn)),
  ...(
    [
      ['loadBalancer', 'north'],
      ['targetGroup', 'green'],
      ['listener', LISTENER_ARN],
      ['rule', RULE_ARN],
      ['alarm', 'portal-5xx'],
      ['lambdaFunction', 'spell'],
      ['lambdaAlias', 'spell:live'],
      ['deploymentGroup', 'portal-bg'],
      ['deployment', 'd-F5G6H7I8J'],
    ] as const
  ).flatMap(([kind, id]) => [createCallFor(RW, rsel(kind, id)), describeCallFor(RW, rsel(kind, id))]),
].map((c) => c!);

interface Run {
  name: string;
  line: string;
  call?: Call;
}

const VALID: Run[] = [
  ...[...CORPUS, ...CORPUS_ISSUE4, ...CORPUS_ISSUE17, ...FROM_WORLD].map((call, i) => ({
    name: `#${i} ${call.action}`,
    line: toCli(call),
    call,
  })),
  ...[
    CORPUS.find((c) => c.action === 'ecs:RunTask')!,
    CORPUS.find((c) => c.action === 'ecs:RegisterTaskDefinition')!,
    FROM_WORLD[0]!,
    CORPUS_ISSUE4.find((c) => c.action === 'lambda:CreateFunction')!,
    CORPUS_ISSUE4.find((c) => c.action === 'codedeploy:CreateDeploymentGroup')!,
    CORPUS_ISSUE4.find((c) => c.action === 'lambda:Invoke')!,
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
  }, // The newer lines (section 4) are refused by 2.9.19: proof that they belong in the table.
  ...NEWER.map((n) => ({ name: `2.9.19 predates: ${n.name}`, line: n.cli })),
];
const PARAMETER_ERROR =
  /Unknown options|invalid literal for int|Parameter validation failed|the following arguments are required|expected one argument|Invalid choice/;

/** Where the lines run: each line that reads files (a Lambda zip) gets its own directory with them. */
let workDir = '';
let runs = 0;

function directoryWith(files: CliFile[]): string {
  if (files.length === 0) return workDir;
  const dir = join(workDir, `run-${runs++}`);
  mkdirSync(dir);
  for (const f of files) writeFileSync(join(dir, f.path), Buffer.from(f.base64, 'base64'));
  return dir;
}

/** The words bash makes of a printed line: `aws` is a function that prints its arguments. */
function argvOf(line: string): Promise<string[]> {
  const script = `aws() { printf '%s\\0' "$@"; }\n${line}`;
  return new Promise((resolve) => {
    execFile('bash', ['-c', script], { env: CLI_ENV, timeout: 10_000 }, (_e, out) => {
      const words = String(out).split('\0');
      resolve(words.slice(0, -1));
    });
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

/** One member of the request the CLI was about to send (url_path, query_string, headers, body). */
function logged(stderr: string, member: string): unknown {
  const line = stderr.split('\n').find((l) => l.includes('Making request for OperationModel('));
  if (!line) throw new Error('the CLI logged no request');
  const key = `'${member}': `;
  const at = line.indexOf(key);
  if (at < 0) throw new Error(`the logged request has no ${member}`);
  return pyLiteral(line, at + key.length).value;
}

const loggedBody = (stderr: string): unknown => logged(stderr, 'body');

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
  LaunchTemplateNames: 'LaunchTemplateName',
  LaunchTemplateIds: 'LaunchTemplateId',
  Versions: 'LaunchTemplateVersion',
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

/** An ELBv2 or CloudWatch request as their query protocol flattens it (lists: `Name.member.N`). */
function awsQuery(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) awsQuery(v, `${prefix}.member.${i + 1}`, out);
    // An empty list is sent as the bare name with an empty value.
    if (value.length === 0) out[prefix] = '';
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) awsQuery(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = typeof value === 'boolean' ? String(value) : value;
  return out;
}

/** CloudWatch's timestamp members, which the query protocol carries as ISO 8601. */
const CW_TIMESTAMPS = ['StartTime', 'EndTime', 'StartDate', 'EndDate'];

function isoInput(input: Record<string, unknown>): Record<string, unknown> {
  const out = { ...input };
  for (const k of CW_TIMESTAMPS) {
    const v = out[k];
    if (typeof v === 'number') out[k] = new Date(v * 1000).toISOString().replace('.000Z', 'Z');
  }
  return out;
}

/** The REST-JSON model of Lambda in the CLI itself: where each member goes (path, query, header, body). */
interface RestModel {
  operations: Record<string, { http: { requestUri: string }; input?: { shape: string } }>;
  shapes: Record<
    string,
    {
      type: string;
      payload?: string;
      members?: Record<string, { shape: string; location?: string; locationName?: string }>;
    }
  >;
}
const LAMBDA_MODEL = '/usr/lib/python3/dist-packages/awscli/botocore/data/lambda/2015-03-31/service-2.json';
let lambdaModel: RestModel | null = null;

/** Rebuilds a Lambda request's input from the URL path, query string, headers and body the CLI logged. */
function lambdaInput(operation: string, stderr: string): Record<string, unknown> {
  lambdaModel ??= JSON.parse(readFileSync(LAMBDA_MODEL, 'utf8')) as RestModel;
  const op = lambdaModel.operations[operation];
  if (!op?.input) throw new Error(`lambda ${operation} is not in the CLI's model`);
  const shape = lambdaModel.shapes[op.input.shape]!;
  const members = Object.entries(shape.members ?? {});
  const out: Record<string, unknown> = {};
  const names: string[] = [];
  const template = op.http.requestUri.split('?')[0]!.replace(/\{(\w+)\+?\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const path = new RegExp(`^${template}$`).exec(logged(stderr, 'url_path') as string);
  if (!path) throw new Error(`unexpected path for ${operation}`);
  for (const [i, name] of names.entries()) {
    const member = members.find(([, m]) => m.location === 'uri' && m.locationName === name)!;
    out[member[0]] = decodeURIComponent(path[i + 1]!);
  }
  const query = logged(stderr, 'query_string') as Record<string, string>;
  const headers = Object.fromEntries(
    Object.entries(logged(stderr, 'headers') as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
  );
  for (const [name, m] of members) {
    const typeOf = lambdaModel.shapes[m.shape]?.type;
    const raw =
      m.location === 'querystring'
        ? query[m.locationName!]
        : m.location === 'header'
          ? headers[m.locationName!.toLowerCase()]
          : undefined;
    if (raw !== undefined) out[name] = typeOf === 'integer' ? Number(raw) : raw;
  }
  const body = loggedBody(stderr) as string;
  if (shape.payload) {
    if (body !== '') out[shape.payload] = body;
  } else if (body !== '') Object.assign(out, JSON.parse(body));
  return out;
}

/** Compares the logged request with the call's input. */
function expectSameRequest(call: Call, stderr: string): void {
  const body = loggedBody(stderr);
  const input = call.input ?? {};
  const [service, operation] = call.action.split(':') as [string, string];
  if (service === 'ec2') {
    const { Action, Version, ClientToken, ...rest } = body as Record<string, unknown>;
    expect(Action).toBe(operation);
    if ('ClientToken' in input) rest.ClientToken = ClientToken;
    expect(rest).toEqual(ec2Query(input));
  } else if (service === 'elbv2' || service === 'cloudwatch' || service === 'autoscaling') {
    const { Action, Version, ...rest } = body as Record<string, unknown>;
    expect(Action).toBe(operation);
    expect(rest).toEqual(awsQuery(isoInput(input)));
  } else if (service === 'lambda') {
    expect(lambdaInput(operation, stderr)).toEqual(input);
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
    workDir = mkdtempSync(join(tmpdir(), 'rosetta-cli-'));
    const all = [...VALID, ...INVALID];
    const argvs = await pool(all, 8, (r) => argvOf(r.line));
    const runners = Array.from({ length: Math.max(2, availableParallelism()) }, startDriver);
    const jobs = all.map((r, i) => ({ r, i }));
    const outcomes: Outcome[] = [];
    await Promise.all(
      runners.map(async (run) => {
        for (let job = jobs.shift(); job; job = jobs.shift()) {
          const argv = argvs[job.i] as string[];
          const cwd = directoryWith(job.r.call ? cliFiles(job.r.call) : []);
          // An empty argv (bash could not read the line) is sent as it is: the CLI then fails.
          outcomes[job.i] = await run(argv.length > 0 ? [...argv, ...ENDPOINT] : [], cwd);
        }
      }),
    );
    for (const [i, r] of all.entries()) results.set(r.name, outcomes[i] as Outcome);
  }, 300_000);

  afterAll(() => {
    stopDrivers();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("is Debian's AWS CLI v2 at /usr/bin/aws", async () => {
    if (!cliInstalled) throw new Error(MISSING_CLI);
    const version = await new Promise<string>((resolve) =>
      execFile(AWS, ['--version'], { env: CLI_ENV }, (_e, out, err) => resolve(String(out) + String(err))),
    );
    expect(version).toMatch(/^aws-cli\/2\./);
  });

  it('covers every AWS action the model answers (newer ones in the table), with at least 30 calls', () => {
    const actions = new Set([...VALID.map((r) => r.call?.action), ...NEWER.map((n) => n.call.action)]);
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
