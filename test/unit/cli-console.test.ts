/**
 * The console's parser, shorthand, errors and outputs (src/cli/parse, src/cli/output, src/cli/run),
 * table-driven from the AWS CLI's documented behaviour; the output formats are compared with the CLI's
 * own formatters (awscli.formatter) over the same responses.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chronicleScript } from '../../src/cli/index.ts';
import { formatJson } from '../../src/cli/output/json-output.ts';
import { formatTable } from '../../src/cli/output/table-output.ts';
import { formatText } from '../../src/cli/output/text-output.ts';
import { isoformat, TIMESTAMP_MEMBERS } from '../../src/cli/output/timestamps.ts';
import { parseCommand, splitWords } from '../../src/cli/parse/index.ts';
import { parseShorthand } from '../../src/cli/parse/shorthand.ts';
import { completions, runText } from '../../src/cli/run/index.ts';
import { type Call, createSim, type SimState, step, supportedActions } from '../../src/model/index.ts';
import { AWS } from '../support/aws-cli.ts';
import { cliFormat, type FormatJob } from '../support/cli-formatters.ts';

const CLI_DATA = '/usr/lib/python3/dist-packages/awscli/botocore/data';

const words = (line: string): string[] => {
  const w = splitWords(line);
  if (!w.ok) throw new Error(w.message);
  return w.commands[0] ?? [];
};
const parse = (line: string) => parseCommand(words(line));
const callOf = (line: string): Call => {
  const p = parse(line);
  if (p.kind !== 'call') throw new Error(`refused: ${line}\n${'stderr' in p ? p.stderr : p.kind}`);
  return p.call;
};

describe('bash words', () => {
  it.each([
    [
      "aws ecs list-clusters --query 'clusterArns[0]'",
      ['aws', 'ecs', 'list-clusters', '--query', 'clusterArns[0]'],
    ],
    ['aws ecs x --reason "a \\"b\\" c"', ['aws', 'ecs', 'x', '--reason', 'a "b" c']],
    ["aws ecs x --a 'it'\\''s'", ['aws', 'ecs', 'x', '--a', "it's"]],
    ['aws ecs x \\\n  --a b # a comment', ['aws', 'ecs', 'x', '--a', 'b']],
  ])('%s', (line, expected) => {
    expect(words(line)).toEqual(expected);
  });

  it('a paste of several lines is several commands; pipes and variables are refused', () => {
    const w = splitWords('aws ecs list-clusters\n\naws ecs list-services --cluster a\n');
    expect(w.ok && w.commands.length).toBe(2);
    expect(splitWords('aws ecs list-clusters | jq .').ok).toBe(false);
    expect(splitWords('aws ecs list-clusters --cluster $C').ok).toBe(false);
  });
});

describe('shorthand syntax (the CLI user guide)', () => {
  it.each([
    ['a=b', { a: 'b' }],
    ['a=b,c', { a: ['b', 'c'] }],
    ['a=b,c=d', { a: 'b', c: 'd' }],
    [
      'Name=instance-state-name,Values=running,pending',
      { Name: 'instance-state-name', Values: ['running', 'pending'] },
    ],
    ['a=[b,c],d={e=f,g=[h]}', { a: ['b', 'c'], d: { e: 'f', g: ['h'] } }],
    ['a=\'b,c\',d="e=f"', { a: 'b,c', d: 'e=f' }],
    ['a=b\\,c', { a: 'b,c' }],
    ['expression=attribute:ecs.instance-type =~ t3.*', { expression: 'attribute:ecs.instance-type =~ t3.*' }],
  ])('%s', (text, expected) => {
    expect(parseShorthand(text)).toEqual(expected);
  });
});

describe('options to a call', () => {
  it('the brief example: scalars, a list of structures in shorthand', () => {
    expect(
      callOf(
        'aws ecs create-service --cluster royaume --service-name web --task-definition web:1 --desired-count 6 --placement-constraints type=distinctInstance',
      ),
    ).toEqual({
      action: 'ecs:CreateService',
      input: {
        cluster: 'royaume',
        serviceName: 'web',
        taskDefinition: 'web:1',
        desiredCount: 6,
        placementConstraints: [{ type: 'distinctInstance' }],
      },
    });
  });

  it('nested shorthand converts by the shape; --no- booleans; --region; prefixes; --opt=value', () => {
    expect(
      callOf(
        "aws ecs update-service --service mill --desired 2 --deployment-configuration 'maximumPercent=150,deploymentCircuitBreaker={enable=true,rollback=false}' --no-force-new-deployment --region=za-northeast-1",
      ),
    ).toEqual({
      action: 'ecs:UpdateService',
      input: {
        service: 'mill',
        desiredCount: 2,
        deploymentConfiguration: {
          maximumPercent: 150,
          deploymentCircuitBreaker: { enable: true, rollback: false },
        },
        forceNewDeployment: false,
      },
      region: 'za-northeast-1',
    });
  });

  it('--cli-input-json gives what the options do not; options win', () => {
    expect(
      callOf(
        `aws ecs create-cluster --cli-input-json '{"clusterName":"a","tags":[{"key":"k","value":"v"}]}' --cluster-name b`,
      ),
    ).toEqual({ action: 'ecs:CreateCluster', input: { clusterName: 'b', tags: [{ key: 'k', value: 'v' }] } });
  });

  it('ec2 run-instances: --count, user data base64-encoded by the CLI, MinCount/MaxCount default 1', () => {
    expect(callOf("aws ec2 run-instances --image-id ami-1 --count 2:3 --user-data 'hi'")).toEqual({
      action: 'ec2:RunInstances',
      input: { ImageId: 'ami-1', UserData: 'aGk=', MinCount: 2, MaxCount: 3 },
    });
    expect(callOf('aws ec2 run-instances --image-id ami-1').input).toMatchObject({
      MinCount: 1,
      MaxCount: 1,
    });
  });

  it('timestamps are read as the CLI reads them and sent as epoch seconds', () => {
    const c = callOf(
      'aws cloudwatch get-metric-statistics --namespace AWS/ApplicationELB --metric-name RequestCount --start-time 2026-01-01T00:00:00Z --end-time 1767225660 --period 60 --statistics Sum',
    );
    expect(c.input).toMatchObject({ StartTime: 1767225600, EndTime: 1767225660 });
  });

  it('--generate-cli-skeleton prints the input with placeholders and sends nothing', () => {
    expect(parse('aws ecs delete-service --generate-cli-skeleton')).toEqual({
      kind: 'print',
      stdout: '{\n    "cluster": "",\n    "service": "",\n    "force": true\n}\n',
    });
  });
});

describe('refusals, worded and numbered as the CLI does', () => {
  const USAGE =
    '\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n';
  it.each([
    [
      'aws ecs create-service --desired-count 1',
      252,
      `${USAGE}aws: error: the following arguments are required: --service-name\n`,
    ],
    [
      'aws ecs create-service --service-name x --bogus 1 --zz',
      252,
      `${USAGE}Unknown options: --bogus, --zz, 1\n`,
    ],
    [
      'aws ecs create-cluster --cluster-name',
      252,
      `${USAGE}aws: error: argument --cluster-name: expected one argument\n`,
    ],
    [
      'aws ecs create-service --service-name x --placement-constraints type=a,,b',
      252,
      "\nError parsing parameter '--placement-constraints': Expected: '=', received: 'EOF' for input:\ntype=a,,b\n         ^\n",
    ],
    [
      "aws ecs create-service --service-name x --placement-constraints '[{'",
      252,
      "\nError parsing parameter '--placement-constraints': Invalid JSON: Expecting property name enclosed in double quotes: line 1 column 3 (char 2)\nJSON received: [{\n",
    ],
    [
      'aws ecs create-service --service-name x --placement-constraints typo=a',
      252,
      '\nParameter validation failed:\nUnknown parameter in placementConstraints[0]: "typo", must be one of: type, expression\n',
    ],
    [
      `aws ecs create-service --service-name x --cli-input-json '{"desiredCount":"a"}'`,
      252,
      "\nParameter validation failed:\nInvalid type for parameter desiredCount, value: a, type: <class 'str'>, valid types: <class 'int'>\n",
    ],
    [
      'aws ecs create-service --service-name x --desired-count 1.5',
      255,
      "\ninvalid literal for int() with base 10: '1.5'\n",
    ],
    [
      "aws ecs list-clusters --cli-input-json '{'",
      252,
      "\nError parsing parameter 'cli-input-json': Invalid JSON received.\n",
    ],
    [
      "aws ecs list-clusters --cli-input-json '[1]'",
      252,
      "\nError parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'list'>\n",
    ],
  ])('%s', (line, code, stderr) => {
    expect(parse(line)).toEqual({ kind: 'error', code, stderr });
  });

  it('files, profiles and yaml say plainly that they are not here', () => {
    for (const line of [
      'aws ecs list-clusters --profile prod',
      'aws ecs register-task-definition --cli-input-json file://td.json',
      'aws ecs list-clusters --output yaml',
    ]) {
      const p = parse(line);
      expect(p.kind === 'error' && p.stderr).toContain('not available here');
    }
  });
});

// A small world the console talks to through the model's step, as the store's dispatch does.
function console(): (text: string) => ReturnType<typeof runText> {
  let sim: SimState = createSim({ seed: 3 });
  const dispatch = (call: Call) => {
    const r = step(sim, call);
    sim = r.state;
    return r.response;
  };
  return (text) => runText(text, { dispatch });
}

describe('running lines against the world', () => {
  it('builds a cluster, answers with the JSON, applies --query, and prints a service error with 254', () => {
    const run = console();
    const [made] = run('aws ecs create-cluster --cluster-name royaume');
    expect(made?.result.code).toBe(0);
    expect(made?.result.stderr).toBe('');
    expect(made?.result.stdout).toMatch(/^\{\n {4}"cluster": \{\n {8}"clusterArn": "arn:aws:ecs:/);
    const [q] = run("aws ecs list-clusters --query 'clusterArns[0]' --output text");
    expect(q?.result.stdout).toBe('arn:aws:ecs:za-southwest-1:123456789012:cluster/royaume\n');
    const [bad] = run('aws ecs delete-cluster --cluster nowhere');
    expect(bad?.result).toMatchObject({ code: 254, stdout: '' });
    expect(bad?.result.stderr).toMatch(
      /^\nAn error occurred \(ClusterNotFoundException\) when calling the DeleteCluster operation: /,
    );
    const [badQuery] = run("aws ecs list-clusters --query '['");
    expect(badQuery?.result.code).toBe(252);
    expect(badQuery?.result.stderr).toContain('Bad value for --query [: Invalid jmespath expression');
  });

  it("help lists a command's options from the shape table", () => {
    const [h] = console()('aws ecs create-service help');
    expect(h?.result.stdout).toContain('--service-name <value>');
    expect(h?.result.stdout).toContain('[--placement-constraints <value>]');
    expect(h?.result.stdout).toContain('type=string,expression=string ...');
  });
});

describe('completion', () => {
  const world = {
    clusters: ['royaume'],
    services: ['mill'],
    taskDefinitions: ['web:1'],
    targetGroups: [],
    regions: ['za-southwest-1'],
  };
  it.each([
    ['aw', ['aws']],
    ['aws ec', ['ec2', 'ecs']],
    ['aws ecs create-s', ['create-service']],
    [
      'aws ecs create-service --servi',
      ['--service-connect-configuration', '--service-name', '--service-registries'],
    ],
    ['aws ecs create-service --cluster ', ['royaume']],
    ['aws ecs update-service --task-definition w', ['web:1']],
    ['aws ecs create-service --launch-type ', ['EC2', 'EXTERNAL', 'FARGATE', 'MANAGED_INSTANCES']],
  ])('%s', (text, items) => {
    expect(completions(text, world).items).toEqual(items);
  });
});

describe("outputs match the CLI's own formatters", () => {
  const RESPONSES: { title: string; data: unknown }[] = [
    {
      title: 'DescribeClusters',
      data: {
        clusters: [
          {
            clusterName: 'Royaume',
            status: 'ACTIVE',
            activeServicesCount: 1,
            tags: [],
            settings: [{ name: 'containerInsights', value: 'disabled' }],
          },
          {
            clusterName: 'Sud',
            status: 'INACTIVE',
            activeServicesCount: 0,
            tags: [{ key: 'realm', value: 'south' }],
          },
        ],
        failures: [],
      },
    },
    {
      title: 'ListClusters',
      data: { clusterArns: ['arn:aws:ecs:za-southwest-1:123456789012:cluster/royaume', 'arn:b'] },
    },
    {
      title: 'DescribeServices',
      data: [
        ['mill', 3, true],
        ['gate', 1, false],
      ],
    },
    { title: 'GetParameter', data: { Parameter: { Name: 'n', Value: 'ami-1', Version: 1, Selector: null } } },
    {
      title: 'DescribeTargetHealth',
      data: {
        TargetHealthDescriptions: [{ Target: { Id: 'i-1', Port: 80 }, TargetHealth: { State: 'healthy' } }],
      },
    },
    {
      title: 'DescribeTaskDefinition',
      data: {
        taskDefinition: {
          family: 'web',
          revision: 2,
          containerDefinitions: [
            {
              name: 'web',
              image: 'nginx',
              cpu: 256,
              memory: 512,
              portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
              essential: true,
            },
          ],
          requiresCompatibilities: ['EC2'],
        },
      },
    },
    { title: 'X', data: 'a plain string' },
    { title: 'X', data: {} },
  ];
  const jobs: FormatJob[] = RESPONSES.flatMap(({ title, data }) =>
    (['json', 'text', 'table'] as const).flatMap((format) =>
      [40, 80, 200].map((width) => ({ format, title, data, width })),
    ),
  );
  let expected: string[] = [];
  beforeAll(async () => {
    if (!existsSync(AWS)) throw new Error(`${AWS} is missing: apt-get install -y awscli`);
    expected = await cliFormat(jobs);
  });
  it.each(jobs.map((j, i) => ({ ...j, i })))(
    '$format $title at $width columns',
    ({ format, title, data, width, i }) => {
      const got =
        format === 'json'
          ? formatJson(data)
          : format === 'text'
            ? formatText(data)
            : formatTable(title, data, width);
      expect(got).toBe(expected[i]);
    },
  );
});

describe('timestamps are printed as the CLI prints them', () => {
  it('isoformat in UTC, with microseconds only when there are some', () => {
    expect(isoformat(1767225600)).toBe('2026-01-01T00:00:00+00:00');
    expect(isoformat(1767225600.5)).toBe('2026-01-01T00:00:00.500000+00:00');
    expect(isoformat(951782400)).toBe('2000-02-29T00:00:00+00:00');
  });

  it("names every response timestamp of the JSON services' actions, as the CLI's models do", () => {
    const found: Record<string, Set<string>> = {};
    for (const action of supportedActions()) {
      const [service, op] = action.split(':') as [string, string];
      if (service === 'sim') continue;
      const dir = join(CLI_DATA, service);
      const version = readdirSync(dir).sort().at(-1) as string;
      const model = JSON.parse(readFileSync(join(dir, version, 'service-2.json'), 'utf8')) as {
        metadata: { protocol: string };
        operations: Record<string, { output?: { shape: string } }>;
        shapes: Record<
          string,
          {
            type: string;
            members?: Record<string, { shape: string }>;
            member?: { shape: string };
            value?: { shape: string };
          }
        >;
      };
      const out = model.operations[op]?.output;
      if (!['json', 'rest-json'].includes(model.metadata.protocol) || !out) continue;
      const seen = new Set<string>();
      const walk = (name: string): void => {
        if (seen.has(name)) return;
        seen.add(name);
        const s = model.shapes[name];
        for (const [k, m] of Object.entries(s?.members ?? {})) {
          if (model.shapes[m.shape]?.type === 'timestamp') {
            const set = found[service] ?? new Set<string>();
            set.add(k);
            found[service] = set;
          }
          walk(m.shape);
        }
        if (s?.member) walk(s.member.shape);
        if (s?.value) walk(s.value.shape);
      };
      walk(out.shape);
    }
    expect(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, [...v].sort()]))).toEqual(
      TIMESTAMP_MEMBERS,
    );
  });

  it('a described cluster service shows its createdAt in ISO 8601', () => {
    const run = console();
    run('aws ecs create-cluster --cluster-name royaume');
    run(
      'aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=128',
    );
    const [made] = run(
      'aws ecs create-service --cluster royaume --service-name web --task-definition web --desired-count 0 --query service.createdAt --output text',
    );
    expect(made?.result.stderr).toBe('');
    expect(made?.result.stdout).toMatch(/^2026-01-01T00:00:00\+00:00\n$/);
  });
});

describe('the calls as a script', () => {
  it('is labelled as not ready to run, times each call, writes AWS lines and keeps sim: actions as comments', () => {
    const text = chronicleScript(
      [
        { t: 1767225605, call: { action: 'ecs:CreateCluster', input: { clusterName: 'royaume' } } },
        {
          t: 1767225665,
          call: { action: 'sim:FailAvailabilityZone', input: { availabilityZone: 'za-southwest-1b' } },
        },
      ],
      1767225600,
    );
    expect(text.split('\n').slice(0, 3)).toEqual([
      '#!/bin/bash',
      '# The calls made in a Nozama world, as AWS CLI v2 commands, in order.',
      '# NOT READY TO RUN AS IT IS: every name, id and ARN below (AMIs, subnets, security groups, the',
    ]);
    expect(text).toContain('# +00:00:05\naws ecs create-cluster \\\n  --cluster-name royaume\n');
    expect(text).toContain('# +00:01:05\n# sim:FailAvailabilityZone is not an AWS API');
  });
});
