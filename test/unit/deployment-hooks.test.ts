/**
 * Lifecycle hooks of ECS-native deployments invoke their Lambda function
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/lambda-lifecycle-hooks.html): the stage waits for
 * the answer, SUCCEEDED goes on, FAILED / a function error / no hookStatus roll back, IN_PROGRESS is invoked
 * again after callBackDelay, PRODUCTION_TRAFFIC_SHIFT runs at every canary step, the payload carries
 * executionDetails, and every invocation counts in AWS/Lambda. The verdict is the rule sim:SetHookRule sets.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceDeploymentRecord } from '../../src/model/sim/types.ts';
import { messages, type NativeWorld, nativeWorld } from '../support/deployments.ts';
import { registerWebWithPort } from '../support/elb.ts';

const ROLE = 'arn:aws:iam::123456789012:role/hook';
const FN_ARN = 'arn:aws:lambda:za-southwest-1:123456789012:function:gatekeeper';
const SERVICE = 'arn:aws:ecs:za-southwest-1:123456789012:service/Royaume/mill';

type Stage = 'PRE_SCALE_UP' | 'POST_SCALE_UP' | 'POST_TEST_TRAFFIC_SHIFT' | 'PRODUCTION_TRAFFIC_SHIFT';

function hooked(stages: Stage[], rule: Record<string, unknown> | null, hookTargetArn = FN_ARN): NativeWorld {
  const n = nativeWorld({
    strategy: 'CANARY',
    bakeTimeInMinutes: 1,
    canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 },
    lifecycleHooks: [{ hookTargetArn, lifecycleStages: stages, hookDetails: { team: 'mill' } }],
  });
  n.w.ok('lambda:CreateFunction', {
    FunctionName: 'gatekeeper',
    Runtime: 'nodejs20.x',
    Role: ROLE,
    Handler: 'index.handler',
    Code: { ZipFile: btoa('hook') },
  });
  if (rule) n.w.ok('sim:SetHookRule', { FunctionName: 'gatekeeper', ...rule });
  return n;
}

const record = (n: NativeWorld): ServiceDeploymentRecord =>
  n.w.state.services.get(SERVICE)?.serviceDeployments?.[0] as ServiceDeploymentRecord;

function deployAndRun(n: NativeWorld, limit = 1500): string {
  const td2 = registerWebWithPort(n.w, 'web', 'bridge', 'nginx:1.28');
  n.w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
  for (let t = 0; t < limit; t++) {
    n.w.tick(1);
    if (!['IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS'].includes(record(n).status)) break;
  }
  return td2;
}

const hookEvents = (n: NativeWorld) =>
  n.w.events.filter((e) => e.type === 'deployment/hookInvoked').map((e) => e.data as Record<string, any>);

function lambdaSum(n: NativeWorld, metric: 'Invocations' | 'Errors'): number {
  const series = n.w.state.cloudwatch.metrics[`AWS/Lambda|${metric}|FunctionName=gatekeeper`];
  return (series?.points ?? []).reduce((a, p) => a + p.sum, 0);
}

function productionOnGreen(n: NativeWorld): number {
  const fwd = n.w.state.elb.rules[n.prodRule]?.Actions.find((a) => a.Type === 'forward');
  const tgs = fwd?.ForwardConfig?.TargetGroups ?? [];
  const total = tgs.reduce((a, t) => a + t.Weight, 0);
  return total === 0 ? 0 : (100 * (tgs.find((t) => t.TargetGroupArn === n.greenTg)?.Weight ?? 0)) / total;
}

describe('sim:SetHookRule', () => {
  it('keeps the rule on the function and answers its members; bad values change nothing', () => {
    const n = hooked(['PRE_SCALE_UP'], null);
    const out = n.w.ok('sim:SetHookRule', {
      FunctionName: FN_ARN,
      Rule: 'fail-if-5xx-above',
      ThresholdPercent: 2.5,
      WindowMinutes: 3,
    });
    expect(out.HookRule).toEqual({ Rule: 'fail-if-5xx-above', ThresholdPercent: 2.5, WindowMinutes: 3 });
    expect(n.w.state.lambda.functions['za-southwest-1:gatekeeper']?.hookRule).toEqual({
      kind: 'fail-if-5xx-above',
      thresholdPercent: 2.5,
      windowMinutes: 3,
    });
    const before = n.w.state;
    expect(n.w.err('sim:SetHookRule', { FunctionName: 'gatekeeper', Rule: 'maybe' }).name).toBe(
      'InvalidParameterException',
    );
    expect(
      n.w.err('sim:SetHookRule', { FunctionName: 'gatekeeper', Rule: 'fail-if-5xx-above', WindowMinutes: 0 })
        .message,
    ).toMatch(/WindowMinutes must be a whole number between 1 and 60/);
    expect(n.w.err('sim:SetHookRule', { FunctionName: 'nobody', Rule: 'fail' }).message).toMatch(
      /Function not found/,
    );
    expect(n.w.state).toBe(before);
    n.w.ok('sim:SetHookRule', { FunctionName: 'gatekeeper', Rule: 'none' });
    expect(n.w.state.lambda.functions['za-southwest-1:gatekeeper']?.hookRule).toBeUndefined();
    // The rule is the model's, not Lambda's: GetFunction does not show it.
    n.w.ok('sim:SetHookRule', { FunctionName: 'gatekeeper', Rule: 'fail' });
    expect(JSON.stringify(n.w.ok('lambda:GetFunction', { FunctionName: 'gatekeeper' }))).not.toMatch(/fail/);
  });
});

describe('lifecycle hooks', () => {
  it('a hook answering SUCCEEDED at every stage lets the canary finish; PRODUCTION_TRAFFIC_SHIFT runs per step', () => {
    const n = hooked(['PRE_SCALE_UP', 'POST_TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'], {
      Rule: 'succeed',
    });
    const td2 = deployAndRun(n);
    expect(record(n).status).toBe('SUCCESSFUL');
    const calls = hookEvents(n);
    expect(calls.map((c) => [c.lifecycleStage, c.step, c.verdict])).toEqual([
      ['PRE_SCALE_UP', 0, 'SUCCEEDED'],
      ['POST_TEST_TRAFFIC_SHIFT', 0, 'SUCCEEDED'],
      ['PRODUCTION_TRAFFIC_SHIFT', 1, 'SUCCEEDED'],
      ['PRODUCTION_TRAFFIC_SHIFT', 2, 'SUCCEEDED'],
    ]);
    expect(lambdaSum(n, 'Invocations')).toBe(4);
    expect(lambdaSum(n, 'Errors')).toBe(0);
    expect(n.w.running('mill').every((t) => t.taskDefinitionArn === td2)).toBe(true);
  });

  it('sends the stage payload: executionDetails with both revisions weights, ids and hookDetails', () => {
    const n = hooked(['POST_TEST_TRAFFIC_SHIFT'], { Rule: 'succeed' });
    deployAndRun(n);
    const rec = record(n);
    const payload = hookEvents(n)[0]?.payload;
    const blueRev = rec.sourceServiceRevisionArns[0] as string;
    expect(payload).toEqual({
      executionId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4/),
      lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
      resourceArn: rec.serviceDeploymentArn,
      executionDetails: {
        testTrafficWeights: { [blueRev]: 0, [rec.targetServiceRevisionArn]: 100 },
        productionTrafficWeights: { [blueRev]: 100, [rec.targetServiceRevisionArn]: 0 },
        serviceArn: SERVICE,
        targetServiceRevisionArn: rec.targetServiceRevisionArn,
      },
      hookDetails: { team: 'mill' },
    });
  });

  it('FAILED at POST_TEST_TRAFFIC_SHIFT rolls back: blue keeps production, the record and events say why', () => {
    const n = hooked(['POST_TEST_TRAFFIC_SHIFT'], { Rule: 'fail' });
    deployAndRun(n);
    const rec = record(n);
    expect(rec.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(rec.rollback).toMatchObject({
      trigger: 'lifecycleHook',
      atStage: 'POST_TEST_TRAFFIC_SHIFT',
      hook: { hookTargetArn: FN_ARN, lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', verdict: 'FAILED' },
    });
    expect(rec.rollback?.reason).toBe(
      'ECS deployment lifecycle hook failure: The lifecycle hook gatekeeper returned hookStatus FAILED at POST_TEST_TRAFFIC_SHIFT.',
    );
    expect(messages(n.w)).toContainEqual(
      expect.stringMatching(
        /\(service mill\) \(deployment ecs-svc\/\d+\) deployment failed: hook execution failure\(s\) detected\./,
      ),
    );
    expect(productionOnGreen(n)).toBe(0);
    expect(n.w.running('mill').every((t) => t.taskDefinitionArn === n.td1)).toBe(true);
    expect(n.w.events.find((e) => e.type === 'deployment/rolledBack')?.data).toMatchObject({
      reason: 'lifecycleHook',
      atStage: 'POST_TEST_TRAFFIC_SHIFT',
    });
    expect(lambdaSum(n, 'Invocations')).toBe(1);
  });

  it('IN_PROGRESS is invoked again after callBackDelay, and the stage waits for it', () => {
    const n = hooked(['POST_SCALE_UP'], {
      Rule: 'in-progress-then-succeed',
      InProgressInvocations: 2,
      CallBackDelaySeconds: 45,
    });
    deployAndRun(n);
    expect(record(n).status).toBe('SUCCESSFUL');
    const calls = n.w.events.filter((e) => e.type === 'deployment/hookInvoked') as unknown as {
      time: number;
      data: { verdict: string };
    }[];
    expect(calls.map((c) => c.data.verdict)).toEqual(['IN_PROGRESS', 'IN_PROGRESS', 'SUCCEEDED']);
    const times = calls.map((c) => c.time);
    expect([(times[1] ?? 0) - (times[0] ?? 0), (times[2] ?? 0) - (times[1] ?? 0)]).toEqual([45, 45]);
    const left = (
      n.w.events as unknown as { time: number; type: string; data: Record<string, unknown> }[]
    ).find((e) => e.type === 'deployment/stageChanged' && e.data.stage === 'TEST_TRAFFIC_SHIFT');
    expect(left?.time).toBeGreaterThanOrEqual(times[2] ?? Number.POSITIVE_INFINITY);
    expect(lambdaSum(n, 'Invocations')).toBe(3);
  });

  it('a function error rolls back and counts in Errors', () => {
    const n = hooked(['PRE_SCALE_UP'], { Rule: 'succeed' });
    n.w.ok('sim:SetBehavior', { FunctionName: 'gatekeeper', Version: '$LATEST', ErrorRate: 1 });
    deployAndRun(n);
    expect(record(n).status).toBe('ROLLBACK_SUCCESSFUL');
    expect(record(n).rollback?.hook?.verdict).toBe('FunctionError');
    expect(lambdaSum(n, 'Errors')).toBe(1);
  });

  it('a function without a rule returns no hookStatus, and a missing function is an error: both roll back', () => {
    const none = hooked(['PRE_SCALE_UP'], null);
    deployAndRun(none);
    expect(record(none).rollback?.hook?.verdict).toBe('NoHookStatus');
    expect(record(none).rollback?.reason).toMatch(/returned no valid hookStatus at PRE_SCALE_UP/);
    const missing = hooked(['PRE_SCALE_UP'], { Rule: 'succeed' }, `${FN_ARN.slice(0, -10)}nobody`);
    deployAndRun(missing);
    expect(record(missing).status).toBe('ROLLBACK_SUCCESSFUL');
    expect(record(missing).rollback?.reason).toMatch(/ResourceNotFoundException: Function not found/);
  });

  it('fail-if-5xx-above reads the new revision: faulty green fails the canary step, healthy green passes', () => {
    const play = (errorRate: number) => {
      const n = hooked(['PRODUCTION_TRAFFIC_SHIFT'], {
        Rule: 'fail-if-5xx-above',
        ThresholdPercent: 1,
        WindowMinutes: 1,
      });
      const listener80 = Object.values(n.w.state.elb.listeners).find((l) => l.Port === 80)?.ListenerArn;
      n.w.ok('sim:SetTraffic', { ListenerArn: listener80, RequestsPerSecond: 200 });
      n.w.ok('sim:SetBehavior', { Image: 'nginx:1.28', ErrorRate: errorRate });
      deployAndRun(n);
      return n;
    };
    const bad = play(0.5);
    expect(record(bad).status).toBe('ROLLBACK_SUCCESSFUL');
    expect(record(bad).rollback).toMatchObject({ atStage: 'PRODUCTION_TRAFFIC_SHIFT', step: 1 });
    const good = play(0);
    expect(record(good).status).toBe('SUCCESSFUL');
  });

  it('DescribeServiceDeployments lists the hook that is still running', () => {
    const n = hooked(['POST_SCALE_UP'], {
      Rule: 'in-progress-then-succeed',
      InProgressInvocations: 5,
      CallBackDelaySeconds: 60,
    });
    const td2 = registerWebWithPort(n.w, 'web', 'bridge', 'nginx:1.28');
    n.w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
    for (let t = 0; t < 600 && record(n).native?.stage !== 'POST_SCALE_UP'; t++) n.w.tick(1);
    n.w.tick(2);
    const described = n.w.ok('ecs:DescribeServiceDeployments', {
      serviceDeploymentArns: [record(n).serviceDeploymentArn],
    }).serviceDeployments[0];
    expect(described.lifecycleStage).toBe('POST_SCALE_UP');
    expect(described.lifecycleHookDetails).toEqual([
      { hookId: expect.any(String), targetType: 'AWS_LAMBDA', targetArn: FN_ARN, status: 'IN_PROGRESS' },
    ]);
  });
});
