/**
 * The front door (src/model/requests): every request is checked against its service's published shape
 * before a handler runs and answered in that service's words; the world never keeps the caller's
 * objects; names are data. Cases from issue 10 (hostile requests that used to throw or to brick a world).
 */
import { describe, expect, it } from 'vitest';
import { advance, requestShape, step, supportedActions } from '../../src/model/index.ts';
import { jsonProblem } from '../property/request-check.ts';
import { lambdaApp, lambdaAppSpec, ROLE, spell, zip } from '../support/codedeploy.ts';
import { alb } from '../support/elb.ts';
import { kingdom, World } from '../support/world.ts';

/** Calls and expects a refusal that leaves the state as it was. */
function refused(w: World, action: string, input: Record<string, unknown>) {
  const before = w.state;
  const r = step(before, { action, input });
  if (!('error' in r.response)) throw new Error(`${action} was accepted`);
  expect(r.state).toBe(before);
  expect(r.events).toEqual([]);
  return r.response.error;
}

describe('each protocol answers a value of the wrong type the way its service does', () => {
  it.each([
    // JSON protocols fail while reading the body
    [
      'ecs:CreateCluster',
      { clusterName: ['a'] },
      'SerializationException',
      'Start of list found where not expected',
    ],
    [
      'ecs:CreateService',
      { serviceName: 'x', desiredCount: '2' },
      'SerializationException',
      'STRING_VALUE can not be converted to an Integer',
    ],
    [
      'ecs:CreateCluster',
      { clusterName: { toString: 1 } },
      'SerializationException',
      'Start of structure or map found where not expected.',
    ],
    [
      'lambda:GetFunction',
      { FunctionName: 7 },
      'SerializationException',
      'NUMBER_VALUE can not be converted to a String',
    ],
    [
      'codedeploy:CreateApplication',
      { applicationName: true },
      'SerializationException',
      'TRUE_VALUE can not be converted to a String',
    ],
    // query protocols read text: a broken value is a ValidationError
    [
      'cloudwatch:DescribeAlarms',
      { AlarmNames: [{ toString: 1 }] },
      'ValidationError',
      "1 validation error detected: Value '{toString=1}' at 'alarmNames.1.member' failed to satisfy constraint: Member must be a String",
    ],
    [
      'elbv2:DescribeTargetGroups',
      { PageSize: 'many' },
      'ValidationError',
      "1 validation error detected: Value 'many' at 'pageSize' failed to satisfy constraint: Member must be an Integer",
    ],
    // EC2
    [
      'ec2:RunInstances',
      { ImageId: 'ami-1', MinCount: 1, MaxCount: 1, TagSpecifications: [null] },
      'InvalidParameterValue',
      "Invalid value 'null' for TagSpecifications.1.",
    ],
    [
      'ec2:DescribeInstances',
      { MaxResults: Number.NaN },
      'InvalidParameterValue',
      "Invalid value 'NaN' for MaxResults.",
    ],
  ])('%s %j -> %s', (action, input, name, message) => {
    const e = refused(new World(), action, input);
    expect(e).toEqual({ name, message });
  });

  it('a deeply nested value is refused without walking it (no stack overflow)', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100000; i++) deep = [deep];
    const e = refused(new World(), 'cloudwatch:PutMetricAlarm', { AlarmName: deep });
    expect(e.name).toBe('ValidationError');
    expect(e.message.length).toBeLessThan(400);
  });

  it('Infinity, NaN and numbers a Java int cannot hold are refused', () => {
    const w = kingdom(['a']);
    w.ok('ecs:RegisterTaskDefinition', {
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }],
    });
    for (const desiredCount of [Number.POSITIVE_INFINITY, Number.NaN, 2 ** 31, 1.5])
      expect(
        refused(w, 'ecs:CreateService', { serviceName: 's', taskDefinition: 'web', desiredCount }).name,
      ).toBe('SerializationException');
  });
});

describe('required members, enums, lengths, ranges and patterns', () => {
  it('Lambda lists every broken constraint in one ValidationException', () => {
    const e = refused(new World(), 'lambda:CreateFunction', {
      FunctionName: 'bad name',
      Role: ROLE,
      Timeout: 0,
      Code: { ZipFile: zip('x') },
    });
    expect(e.name).toBe('ValidationException');
    expect(e.message).toMatch(
      /^2 validation errors detected: Value 'bad name' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: /,
    );
    expect(e.message).toContain(
      "; Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it('a missing required member: Value null ... Member must not be null (Lambda, SSM, query services)', () => {
    expect(refused(new World(), 'lambda:GetAlias', { FunctionName: 'spell' })).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    });
    expect(refused(new World(), 'elbv2:DescribeTargetHealth', {})).toEqual({
      name: 'ValidationError',
      message:
        "1 validation error detected: Value null at 'targetGroupArn' failed to satisfy constraint: Member must not be null",
    });
  });

  it('EC2 names the first missing parameter', () => {
    expect(refused(new World(), 'ec2:RunInstances', { MinCount: 1, MaxCount: 1 })).toEqual({
      name: 'MissingParameter',
      message: 'The request must contain the parameter ImageId',
    });
  });

  it('ECS answers a missing required member in its own words, and an enum it does not know', () => {
    const w = kingdom(['a']);
    expect(refused(w, 'ecs:CreateService', { cluster: 'Royaume', taskDefinition: 'web' })).toEqual({
      name: 'InvalidParameterException',
      message: 'Service name can not be blank.',
    });
    // ECS checks its enums itself: where the handler has words for it they stand...
    expect(refused(w, 'ecs:ListTasks', { cluster: 'Royaume', desiredStatus: 'SLEEPING' })).toEqual({
      name: 'InvalidParameterException',
      message: "Invalid desiredStatus 'SLEEPING'.",
    });
    // ...and where it has none, the generic answer does, before anything is written.
    expect(
      refused(w, 'ecs:DescribeServices', { cluster: 'Royaume', services: ['x'], include: ['EVERYTHING'] }),
    ).toEqual({
      name: 'InvalidParameterException',
      message:
        "1 validation error detected: Value 'EVERYTHING' at 'include.1.member' failed to satisfy constraint: Member must satisfy enum value set: [TAGS]",
    });
  });

  it('a query service converts text as it reads it: "30" is a number, 80 a string', () => {
    const w = new World();
    const r = w.call('cloudwatch:DescribeAlarms', { MaxRecords: '30' });
    expect('output' in r).toBe(true);
    expect(refused(w, 'cloudwatch:DescribeAlarms', { MaxRecords: '101' }).message).toContain(
      'Member must have value less than or equal to 100',
    );
  });

  it('members the shape does not know never reach the handler or the state', () => {
    const w = new World();
    w.ok('codedeploy:CreateApplication', {
      applicationName: 'spells',
      computePlatform: 'Lambda',
      secret: { a: 1 },
    });
    expect(JSON.stringify(w.state.codedeploy)).not.toContain('secret');
  });
});

describe('a bad call never bricks a world', () => {
  it('elbv2:CreateRule with malformed Conditions is refused and the world keeps moving', () => {
    const w = kingdom(['a', 'b']);
    const lb = alb(w, { waitActive: true });
    const listener = Object.keys(w.state.elb.listeners)[0] as string;
    for (const Conditions of [
      [null],
      [{ Field: 'path-pattern', Values: 'x' }],
      [{ PathPatternConfig: 5 }],
      'all',
    ])
      refused(w, 'elbv2:CreateRule', {
        ListenerArn: listener,
        Priority: 5,
        Conditions,
        Actions: [{ Type: 'forward', TargetGroupArn: lb.blue }],
      });
    expect(() => advance(w.state, 120)).not.toThrow();
  });
});

describe('the world keeps copies, never the caller objects', () => {
  it('CreateDeployment revision and the deployment group rollback configuration', () => {
    const w = new World();
    spell(w, 2);
    lambdaApp(w, 'CodeDeployDefault.LambdaAllAtOnce');
    const rollback = { enabled: true, events: ['DEPLOYMENT_FAILURE'] };
    w.ok('codedeploy:UpdateDeploymentGroup', {
      applicationName: 'spells',
      currentDeploymentGroupName: 'live',
      autoRollbackConfiguration: rollback,
    });
    const revision = lambdaAppSpec();
    w.ok('codedeploy:CreateDeployment', { applicationName: 'spells', deploymentGroupName: 'live', revision });
    const before = JSON.stringify(w.state);
    rollback.events.push('DEPLOYMENT_STOP_ON_ALARM');
    rollback.enabled = false;
    revision.appSpecContent.content = 'changed';
    expect(JSON.stringify(w.state)).toBe(before);
  });
});

describe('names are data', () => {
  it.each(['__proto__', 'constructor', 'toString'])(
    '%s works as a function, alias, alarm and image name',
    (n) => {
      const w = new World();
      expect(w.call('lambda:GetFunction', { FunctionName: n })).toMatchObject({
        error: { name: 'ResourceNotFoundException' },
      });
      spell(w, 1, n, n);
      expect(w.call('lambda:GetAlias', { FunctionName: n, Name: 'other' })).toMatchObject({
        error: { name: 'ResourceNotFoundException' },
      });
      expect(w.ok('lambda:GetAlias', { FunctionName: n, Name: n }).Name).toBe(n);
      expect(w.ok('cloudwatch:DescribeAlarms', { AlarmNames: [n] }).MetricAlarms).toEqual([]);
      w.ok('cloudwatch:PutMetricAlarm', {
        AlarmName: n,
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold',
      });
      expect(w.ok('cloudwatch:DescribeAlarms', { AlarmNames: [n] }).MetricAlarms).toHaveLength(1);
      w.ok('sim:SetImageBehavior', { image: n, mode: 'crash' });
      w.tick(120);
      expect(Object.keys(w.state.imageBehaviors)).toEqual([n]);
      expect(Object.keys(w.state.cloudwatch.alarms)).toEqual([n]);
      expect(Object.getPrototypeOf(w.state.imageBehaviors)).toBe(Object.prototype);
      expect(jsonProblem(w.state)).toBeNull();
      expect(JSON.parse(JSON.stringify(w.state)).imageBehaviors).toEqual(
        JSON.parse(`{"${n}":{"mode":"crash","crashAfterSeconds":30,"exitCode":1}}`),
      );
    },
  );

  it('a map member keeps __proto__ as a key', () => {
    const w = new World();
    const dockerLabels = JSON.parse('{"__proto__": "a", "b": "c"}');
    const out = w.ok('ecs:RegisterTaskDefinition', {
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128, dockerLabels }],
    });
    const labels = out.taskDefinition.containerDefinitions[0].dockerLabels;
    expect(Object.keys(labels)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(jsonProblem(w.state)).toBeNull();
  });
});

describe('step answers any call, however malformed', () => {
  it.each([
    [null, 'MissingAction'],
    [{ action: 5 }, 'MissingAction'],
    [{ action: 'ecs:Fly' }, 'UnknownOperationException'],
    [{ action: 'toString' }, 'UnknownOperationException'],
    [{ action: 'ecs:ListClusters', region: 5 }, 'UnrecognizedClientException'],
    [{ action: 'ecs:ListClusters', input: 'all' }, 'SerializationException'],
    [{ action: 'ecs:ListClusters', input: [1] }, 'SerializationException'],
  ])('%j -> %s', (call, name) => {
    const w = new World();
    const r = step(w.state, call as never);
    expect(r.state).toBe(w.state);
    expect(r.response).toMatchObject({ error: { name } });
  });
});

describe('the shape table', () => {
  it('has a shape for every action the model answers (regenerate with npm run shapes)', () => {
    expect(supportedActions().filter((a) => requestShape(a) === undefined)).toEqual([]);
  });
});
