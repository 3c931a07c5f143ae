/**
 * Real AWS JSON in and out (issue 15): each accepted form read into its calls, the refusals in the
 * CLI's words (the same words the console gives `--cli-input-json`, which the differential test checks
 * against /usr/bin/aws), AWS's own answer from the model with nothing changed, and round trips: a plan,
 * a decree and a gate exported, brought into a fresh world, described the same.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAwsJson, runBrought, TASK_DEFINITION_READ_ONLY } from '../../src/cli/bring/index.ts';
import { exportFor } from '../../src/cli/index.ts';
import { parseCommand } from '../../src/cli/parse/index.ts';
import { runText } from '../../src/cli/run/index.ts';
import { levelById } from '../../src/levels/index.ts';
import type { Call, CallResponse } from '../../src/model/index.ts';
import { dispatch as dispatchCall, query, type Session, startLevel } from '../../src/session/index.ts';
import { AWS, CLI_ENV } from '../support/aws-cli.ts';

/** Debian's AWS CLI at a closed port: what it says to `--cli-input-json` (a valid input fails only on connecting). */
function realCli(command: string, inputJson: string): { code: number; stderr: string } {
  try {
    execFileSync(
      AWS,
      [...command.split(' '), '--endpoint-url', 'http://127.0.0.1:9', '--cli-input-json', inputJson],
      { env: CLI_ENV, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 },
    );
    return { code: 0, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stderr: Buffer };
    return { code: err.status, stderr: err.stderr.toString('utf8') };
  }
}

/** A level's starting world driven like the console drives the store. */
function world(levelId: string) {
  const def = levelById(levelId);
  if (!def) throw new Error(levelId);
  let session: Session = startLevel(def).session;
  const dispatch = (call: Call): CallResponse => {
    const o = dispatchCall(session, call);
    session = o.session;
    return o.calls[0]?.response ?? { error: { name: 'None', message: '' } };
  };
  const out = (line: string): string => {
    const [r] = runText(line, { dispatch });
    if (r?.result.code !== 0) throw new Error(`${line}\n${r?.result.stderr}`);
    return r.result.stdout;
  };
  const read = (call: Call) => {
    const r = query(session, call);
    if ('error' in r) throw new Error(r.error.message);
    return r.output as Record<string, unknown>;
  };
  return {
    dispatch,
    out,
    read,
    get session() {
      return session;
    },
  };
}

const bring = (text: string) => {
  const b = readAwsJson(text);
  if (!b.ok) throw new Error(b.failure.stderr);
  return b;
};

/** What the console says to the same text given as --cli-input-json. */
const cliSays = (command: string, text: string): string => {
  const p = parseCommand(['aws', ...command.split(' '), '--cli-input-json', text]);
  return p.kind === 'error' ? p.stderr : `accepted as ${p.kind}`;
};

const MILL = {
  family: 'mill',
  containerDefinitions: [{ name: 'web', image: 'nginx:1.28', cpu: 256, memory: 512, essential: true }],
};

describe('the forms brought in', () => {
  it('describe-task-definition output: the read-only members dropped and named, the plan registered', () => {
    const w = world('rolling-renovation');
    const described = w.out('aws ecs describe-task-definition --task-definition mill:1 --include TAGS');
    expect(described).toContain('"registeredAt"');
    const b = bring(described);
    expect(b.form).toBe('describe-task-definition');
    const present = TASK_DEFINITION_READ_ONLY.filter((k) =>
      Object.hasOwn(JSON.parse(described).taskDefinition, k),
    );
    expect(present.length).toBeGreaterThanOrEqual(5);
    expect(b.dropped).toEqual(expect.arrayContaining(present.map((k) => `taskDefinition.${k}`)));
    expect(b.steps.map((s) => s.call.action)).toEqual(['ecs:RegisterTaskDefinition']);
    const [run] = runBrought(b.steps, { dispatch: w.dispatch });
    expect(run?.result.code).toBe(0);
    expect(run?.line).toMatch(/^aws ecs register-task-definition \\\n/);
    expect(run?.line).toContain('  --family mill');
    const one = w.read({ action: 'ecs:DescribeTaskDefinition', input: { taskDefinition: 'mill:1' } });
    const two = w.read({ action: 'ecs:DescribeTaskDefinition', input: { taskDefinition: 'mill:2' } });
    const def = (o: Record<string, unknown>) => {
      const { taskDefinitionArn, revision, registeredAt, ...rest } = o.taskDefinition as Record<
        string,
        unknown
      >;
      return rest;
    };
    expect(def(two)).toEqual(def(one));
  });

  it('register-task-definition input, create-service input, create-rule input, describe-rules output', () => {
    expect(bring(JSON.stringify(MILL)).form).toBe('register-task-definition');
    const svc = bring(
      JSON.stringify({ cluster: 'Royaume', serviceName: 'web', taskDefinition: 'mill:1', desiredCount: 2 }),
    );
    expect(svc.form).toBe('create-service');
    expect(svc.steps[0]?.call).toEqual({
      action: 'ecs:CreateService',
      input: { cluster: 'Royaume', serviceName: 'web', taskDefinition: 'mill:1', desiredCount: 2 },
    });

    const w = world('blue-green');
    const lb = w.read({ action: 'elbv2:DescribeLoadBalancers', input: { Names: ['gate'] } }) as {
      LoadBalancers: { LoadBalancerArn: string }[];
    };
    const listeners = w.read({
      action: 'elbv2:DescribeListeners',
      input: { LoadBalancerArn: lb.LoadBalancers[0]?.LoadBalancerArn },
    }) as { Listeners: { ListenerArn: string; DefaultActions: { TargetGroupArn: string }[] }[] };
    const listener = listeners.Listeners[0];
    if (!listener) throw new Error('no listener');
    const tg = listener.DefaultActions[0]?.TargetGroupArn;
    const rule = {
      ListenerArn: listener.ListenerArn,
      Priority: 10,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/green/*'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: tg }],
    };
    const r = bring(JSON.stringify(rule));
    expect(r.form).toBe('create-rule');
    expect(runBrought(r.steps, { dispatch: w.dispatch })[0]?.result.code).toBe(0);

    // describe-rules output: the default rule left out and said so, the listener read from each ARN.
    const described = w.out(`aws elbv2 describe-rules --listener-arn ${listener.ListenerArn}`);
    const rules = bring(described);
    expect(rules.form).toBe('describe-rules');
    expect(rules.dropped).toContain("Rules[1] (the listener's default rule: modify-listener sets it)");
    expect(rules.dropped).toContain('Rules[0].RuleArn');
    expect(rules.steps.map((s) => s.call.input)).toEqual([
      expect.objectContaining({ ListenerArn: listener.ListenerArn, Priority: 10 }),
    ]);
    // The same rule again: ELB's own answer, in the CLI's words.
    const [again] = runBrought(rules.steps, { dispatch: w.dispatch });
    expect(again?.result.code).toBe(254);
    expect(again?.result.stderr).toMatch(
      /An error occurred \(PriorityInUse\) when calling the CreateRule operation: /,
    );
  });
});

describe('as AWS gives it', () => {
  it('a describe-task-definition file from AWS: every read-only member dropped, the rest what the real CLI accepts', () => {
    const text = readFileSync('test/fixtures/aws-json/describe-task-definition-mill.json', 'utf8');
    const b = bring(text);
    expect(b.dropped).toEqual([
      ...TASK_DEFINITION_READ_ONLY.filter((k) => k !== 'deregisteredAt').map((k) => `taskDefinition.${k}`),
      'tags (empty)',
    ]);
    const input = b.steps[0]?.call.input ?? {};
    expect(Object.keys(input).sort()).toEqual([
      'containerDefinitions',
      'family',
      'networkMode',
      'placementConstraints',
      'volumes',
    ]);
    const cli = realCli('ecs register-task-definition', JSON.stringify(input));
    expect(cli.stderr).toContain('Could not connect to the endpoint URL');
  });

  it('an unknown member: the real CLI refuses it with the same words and exit code', () => {
    const text = JSON.stringify({ ...MILL, storeys: 3 });
    const b = readAwsJson(text);
    const cli = realCli('ecs register-task-definition', text);
    expect(cli.code).toBe(252);
    // The member list after "must be one of" is the CLI's model's (2.9.19 lacks enableFaultInjection).
    const head = (s: string) => s.slice(0, s.indexOf('must be one of'));
    expect(!b.ok && head(b.failure.stderr)).toBe(head(cli.stderr));
  });
});

describe('refusals, in the words the CLI gives --cli-input-json', () => {
  const cases: [string, string, RegExp][] = [
    [
      'an unknown member',
      JSON.stringify({ ...MILL, storeys: 3 }),
      /^\nParameter validation failed:\nUnknown parameter in input: "storeys", must be one of: family, taskRoleArn, /,
    ],
    [
      'a wrong type',
      JSON.stringify({ ...MILL, cpu: 256 }),
      /Invalid type for parameter cpu, value: 256, type: <class 'int'>, valid types: <class 'str'>/,
    ],
    [
      'a missing required member',
      JSON.stringify({ family: 'mill' }),
      /Missing required parameter in input: "containerDefinitions"/,
    ],
    [
      'malformed JSON',
      '{"family": "mill",',
      /^\nError parsing parameter 'cli-input-json': Invalid JSON received.\n$/,
    ],
  ];
  it.each(cases)('%s', (_, text, words) => {
    const b = readAwsJson(text);
    expect(b.ok).toBe(false);
    if (b.ok) return;
    expect(b.failure.code).toBe(252);
    expect(b.failure.stderr).toMatch(words);
    expect(b.failure.stderr).toBe(cliSays('ecs register-task-definition', text));
  });

  it('an unknown member inside a described definition is refused, the read-only ones are not', () => {
    const b = readAwsJson(JSON.stringify({ taskDefinition: { ...MILL, revision: 4, colour: 'blue' } }));
    expect(!b.ok && b.failure.stderr).toMatch(/Unknown parameter in input: "colour"/);
  });

  it('JSON of no known form says which forms are read', () => {
    const b = readAwsJson('{"clusters": []}');
    expect(!b.ok && b.failure.stderr).toMatch(/describe-task-definition output/);
  });

  it("the model's own answer, and nothing changes", () => {
    const w = world('rolling-renovation');
    const eleven = {
      family: 'crowd',
      containerDefinitions: Array.from({ length: 11 }, (_, i) => ({
        name: `b${i}`,
        image: 'nginx',
        memory: 64,
      })),
    };
    const before = w.session.sim;
    const [run] = runBrought(bring(JSON.stringify(eleven)).steps, { dispatch: w.dispatch });
    expect(run?.result.stderr).toBe(
      '\nAn error occurred (ClientException) when calling the RegisterTaskDefinition operation: Too many containers.\n',
    );
    expect(run?.result.code).toBe(254);
    expect(w.session.sim).toBe(before);
  });

  it("a level's rule refuses before anything is sent", () => {
    const w = world('rolling-renovation');
    const before = w.session.sim;
    const [run] = runBrought(bring(JSON.stringify(MILL)).steps, {
      dispatch: w.dispatch,
      refuse: () => 'not in this level',
    });
    expect(run?.result).toMatchObject({ code: 252, stderr: '\nnot in this level\n', call: null });
    expect(w.session.sim).toBe(before);
  });
});

describe('out and back in: export, bring into a fresh world, describe the same', () => {
  it('a plan and a decree', () => {
    const a = world('rolling-renovation');
    a.out(`aws ecs register-task-definition --cli-input-json '${JSON.stringify(MILL)}'`);
    const sim = a.session.sim;
    const td = Object.values(sim.taskDefinitions).find((t) => t.family === 'mill' && t.revision === 2);
    const svc = sim.services.values().find((s) => s.serviceName === 'mill');
    if (!td || !svc) throw new Error('missing');
    const plan = exportFor(sim, { kind: 'taskDefinition', id: td.taskDefinitionArn });
    const decree = exportFor(sim, { kind: 'service', id: svc.serviceArn });
    expect(plan?.fileName).toBe('mill-2.json');
    expect(decree?.fileName).toBe('mill.json');

    const b = world('rolling-renovation');
    // The fresh world has mill:1 only; the decree is brought in under another name.
    const exportedService = JSON.parse(decree?.text ?? '{}');
    for (const [text, code] of [
      [plan?.text ?? '', 0],
      [JSON.stringify({ ...exportedService, serviceName: 'mill-copy' }), 0],
    ] as const) {
      const runs = runBrought(bring(text).steps, { dispatch: b.dispatch });
      expect(runs.map((r) => r.result.code)).toEqual([code]);
    }
    const definition = (w: typeof a, ref: string) => {
      const o = w.read({ action: 'ecs:DescribeTaskDefinition', input: { taskDefinition: ref } });
      const { registeredAt, ...rest } = o.taskDefinition as Record<string, unknown>;
      return rest;
    };
    expect(definition(b, 'mill:2')).toEqual(definition(a, 'mill:2'));
    const services = (w: typeof a, name: string) =>
      (
        w.read({ action: 'ecs:DescribeServices', input: { cluster: 'Royaume', services: [name] } }) as {
          services: Record<string, unknown>[];
        }
      ).services[0];
    const keep = (s: Record<string, unknown> | undefined) => ({
      taskDefinition: s?.taskDefinition,
      desiredCount: s?.desiredCount,
      deploymentConfiguration: s?.deploymentConfiguration,
      placementStrategy: s?.placementStrategy,
      placementConstraints: s?.placementConstraints,
      launchType: s?.launchType,
    });
    expect(keep(services(b, 'mill-copy'))).toEqual(keep(services(a, 'mill')));
  });

  it('a gate: load balancer, target groups, listeners and rules, with the new ARNs carried through', () => {
    const a = world('blue-green');
    const lbArn = Object.keys(a.session.sim.elb.loadBalancers)[0] ?? '';
    const listenerArn = Object.values(a.session.sim.elb.listeners)[0]?.ListenerArn ?? '';
    const tgArn = Object.keys(a.session.sim.elb.targetGroups)[0] ?? '';
    a.out(
      `aws elbv2 create-rule --listener-arn ${listenerArn} --priority 5 --conditions Field=path-pattern,Values=/a/* --actions Type=forward,TargetGroupArn=${tgArn}`,
    );
    const gate = exportFor(a.session.sim, { kind: 'loadBalancer', id: lbArn });
    if (!gate) throw new Error('no export');
    expect(gate.calls).toBe(4);
    const list = JSON.parse(gate.text) as { command: string }[];
    expect(list.map((e) => e.command)).toEqual([
      'aws elbv2 create-load-balancer',
      'aws elbv2 create-target-group',
      'aws elbv2 create-listener',
      'aws elbv2 create-rule',
    ]);

    // A fresh world without a gate: the calls rebuild it, each later call naming the ARNs just minted.
    const b = world('rolling-renovation');
    const runs = runBrought(bring(gate.text).steps, { dispatch: b.dispatch });
    expect(runs.map((r) => r.result.code)).toEqual([0, 0, 0, 0]);
    const shape = (w: typeof a) => {
      const elb = w.session.sim.elb;
      return {
        lbs: Object.values(elb.loadBalancers).map((l) => [l.LoadBalancerName, l.Type, l.Scheme]),
        listeners: Object.values(elb.listeners).map((l) => [
          l.Port,
          l.DefaultActions.map((x) => elb.targetGroups[x.TargetGroupArn ?? '']?.TargetGroupName),
        ]),
        rules: Object.values(elb.rules)
          .filter((r) => !r.IsDefault)
          .map((r) => [
            r.Priority,
            r.Conditions,
            r.Actions.map((x) => elb.targetGroups[x.TargetGroupArn ?? '']?.TargetGroupName),
          ]),
      };
    };
    expect(shape(b)).toEqual(shape(a));
  });
});
