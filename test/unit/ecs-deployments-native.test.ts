/**
 * ECS-native BLUE_GREEN, LINEAR and CANARY deployments
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-linear.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html): lifecycle
 * stages in order, production weights per step and bake times, blue kept until CLEAN_UP, target groups
 * alternating, rollback on an alarm or StopServiceDeployment (traffic back to blue at once), and the state
 * the view reads (plan, step, steps, nextStepAt, bakeEndsAt).
 */
import { describe, expect, it } from 'vitest';
import { nativePlan } from '../../src/model/ecs/ecs-deployment-strategies.ts';
import type { DeploymentConfiguration, ServiceDeploymentRecord } from '../../src/model/sim/types.ts';
import {
  messages,
  type NativeWorld,
  nativeWorld,
  quietAlarm,
  records,
  setAlarm,
} from '../support/deployments.ts';
import { registerWebWithPort } from '../support/elb.ts';

const weightsOf = (n: NativeWorld, rule: string) => {
  const fwd = n.w.state.elb.rules[rule]?.Actions.find((a) => a.Type === 'forward');
  const tgs = fwd?.ForwardConfig?.TargetGroups ?? [{ TargetGroupArn: fwd?.TargetGroupArn ?? '', Weight: 1 }];
  const w = (arn: string) => tgs.find((t) => t.TargetGroupArn === arn)?.Weight ?? 0;
  const total = tgs.reduce((a, t) => a + t.Weight, 0);
  return { blue: (100 * w(n.blueTg)) / total, green: (100 * w(n.greenTg)) / total };
};

const record = (n: NativeWorld): ServiceDeploymentRecord =>
  n.w.state.services.get('arn:aws:ecs:za-southwest-1:123456789012:service/Royaume/mill')
    ?.serviceDeployments?.[0] as ServiceDeploymentRecord;

function deploy(n: NativeWorld, image = 'nginx:1.28'): string {
  const td2 = registerWebWithPort(n.w, 'web', 'bridge', image);
  n.w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
  return td2;
}

/** Ticks until the record is finished (or the limit), logging the stage and production weight changes. */
function run(n: NativeWorld, limit = 3000) {
  const log: { t: number; stage: string; weight: number }[] = [];
  for (let t = 1; t <= limit; t++) {
    n.w.tick(1);
    const r = record(n);
    const stage = r.native?.stage ?? '';
    const weight = weightsOf(n, n.prodRule).green;
    const last = log.at(-1);
    if (!last || last.stage !== stage || last.weight !== weight) log.push({ t, stage, weight });
    if (!['IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS'].includes(r.status)) break;
  }
  return log;
}

// Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html,
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-linear.html
describe('nativePlan', () => {
  const dc = (o: Partial<DeploymentConfiguration>): DeploymentConfiguration => ({
    minimumHealthyPercent: 100,
    maximumPercent: 200,
    ...o,
  });
  it.each([
    [dc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 }), [100], 0],
    [
      dc({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 10 } }),
      [5, 100],
      600,
    ],
    [
      dc({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 100, canaryBakeTimeInMinutes: 10 } }),
      [100],
      600,
    ],
    [
      dc({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 1 } }),
      [25, 50, 75, 100],
      60,
    ],
    [
      dc({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 6 } }),
      [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
      360,
    ],
    [
      dc({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 33.3, stepBakeTimeInMinutes: 2 } }),
      [33.3, 66.6, 99.9, 100],
      120,
    ],
  ])('%j -> %j', (config, weights, bake) => {
    expect(nativePlan(config)).toEqual({ weights, stepBakeSeconds: bake });
  });

  it('LINEAR with 11%: 10 steps, so 9 step bakes (none after 100%)', () => {
    const { weights } = nativePlan(
      dc({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 11, stepBakeTimeInMinutes: 1 } }),
    );
    expect(weights).toHaveLength(10);
    expect(weights.length - 1).toBe(Math.floor(100 / 11));
  });
});

describe('BLUE_GREEN', () => {
  it('walks the lifecycle stages in order, shifts production at once, keeps blue until CLEAN_UP', () => {
    const n = nativeWorld({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 2 });
    const td2 = deploy(n);
    const blueTasks = n.w.running('mill').map((t) => t.taskArn);
    const start = n.w.state.now;
    const log = run(n);
    const stages = n.w.events.filter((e) => e.type === 'deployment/stageChanged').map((e) => e.data.stage);
    expect([...new Set(stages)]).toEqual([
      'SCALE_UP',
      'POST_SCALE_UP',
      'TEST_TRAFFIC_SHIFT',
      'POST_TEST_TRAFFIC_SHIFT',
      'PRODUCTION_TRAFFIC_SHIFT',
      'POST_PRODUCTION_TRAFFIC_SHIFT',
      'BAKE_TIME',
      'CLEAN_UP',
    ]);
    const shift = log.find((l) => l.weight > 0);
    expect(shift).toMatchObject({ stage: 'PRODUCTION_TRAFFIC_SHIFT', weight: 100 });
    const bake = log.find((l) => l.stage === 'BAKE_TIME') as { t: number };
    const clean = log.find((l) => l.stage === 'CLEAN_UP') as { t: number };
    expect(clean.t - bake.t).toBe(120);
    // Blue's tasks ran through the bake time and were stopped only at CLEAN_UP.
    const stopAsked = (n.w.events as { type: string; time: number; data: Record<string, unknown> }[])
      .filter((e) => e.type === 'task/stopRequested' && blueTasks.includes(e.data.taskArn as string))
      .map((e) => e.time);
    expect(stopAsked).toHaveLength(2);
    expect(Math.min(...stopAsked)).toBe(start + clean.t);
    expect(record(n).status).toBe('SUCCESSFUL');
    expect(weightsOf(n, n.testRule).green).toBe(100);
    expect(n.w.running('mill').every((t) => t.taskDefinitionArn === td2)).toBe(true);
    expect(n.w.running('mill').every((t) => t.loadBalancers?.[0]?.targetGroupArn === n.greenTg)).toBe(true);
    expect(n.w.service('mill').deployments).toHaveLength(1);
    expect(n.w.events.some((e) => e.type === 'deployment/completed')).toBe(true);
  });

  it('the next deployment swaps the roles of the two target groups', () => {
    const n = nativeWorld({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 });
    deploy(n, 'nginx:1.28');
    run(n);
    expect(record(n).native?.routes[0]).toMatchObject({
      blueTargetGroupArn: n.blueTg,
      greenTargetGroupArn: n.greenTg,
    });
    const td3 = deploy(n, 'nginx:1.29');
    expect(record(n).native?.routes[0]).toMatchObject({
      blueTargetGroupArn: n.greenTg,
      greenTargetGroupArn: n.blueTg,
    });
    run(n);
    expect(record(n).status).toBe('SUCCESSFUL');
    expect(weightsOf(n, n.prodRule)).toEqual({ blue: 100, green: 0 });
    expect(
      n.w
        .running('mill')
        .every((t) => t.taskDefinitionArn === td3 && t.loadBalancers?.[0]?.targetGroupArn === n.blueTg),
    ).toBe(true);
    const rev = n.w.ok('ecs:DescribeServiceRevisions', {
      serviceRevisionArns: [records(n.w)[0].targetServiceRevision.arn],
    }).serviceRevisions[0];
    expect(rev.resolvedConfiguration.loadBalancers[0]).toEqual({
      targetGroupArn: n.blueTg,
      productionListenerRule: n.prodRule,
    });
  });

  it('a blue task that dies during the deployment is replaced with the blue revision', () => {
    const n = nativeWorld({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 10 });
    deploy(n);
    n.w.tick(30);
    const victim = n.w.running('mill').find((t) => t.taskDefinitionArn === n.td1);
    n.w.ok('ecs:StopTask', { cluster: 'Royaume', task: victim?.taskArn });
    n.w.tick(40);
    expect(n.w.running('mill').filter((t) => t.taskDefinitionArn === n.td1)).toHaveLength(2);
    expect(record(n).native?.stage).toBe('BAKE_TIME');
  });
});

describe('LINEAR and CANARY', () => {
  it('LINEAR 25% every minute: 25, 50, 75, 100 a minute apart, no bake after 100%', () => {
    const n = nativeWorld({
      strategy: 'LINEAR',
      linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 1 },
      bakeTimeInMinutes: 0,
    });
    deploy(n);
    const log = run(n).filter((l) => l.stage === 'PRODUCTION_TRAFFIC_SHIFT');
    expect(log.map((l) => l.weight)).toEqual([25, 50, 75, 100]);
    expect(log.slice(1).map((l, i) => l.t - (log[i] as { t: number }).t)).toEqual([60, 60, 60]);
    const r = record(n);
    expect(r.native).toMatchObject({ step: 4, steps: 4, weightPercent: 100, nextStepAt: null });
    expect(r.native?.plan.every((p) => p.appliedAt !== null)).toBe(true);
  });

  it('exposes the current step, total steps and next step time while shifting', () => {
    const n = nativeWorld({
      strategy: 'LINEAR',
      linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 3 },
      bakeTimeInMinutes: 1,
    });
    deploy(n);
    for (let i = 0; i < 400 && record(n).native?.stage !== 'PRODUCTION_TRAFFIC_SHIFT'; i++) n.w.tick(1);
    const r = record(n);
    expect(r.native).toMatchObject({
      step: 1,
      steps: 2,
      weightPercent: 50,
      nextStepAt: n.w.state.now + 180,
      bakeEndsAt: null,
    });
    expect(r.native?.plan).toEqual([
      { weightPercent: 50, appliedAt: n.w.state.now },
      { weightPercent: 100, appliedAt: null },
    ]);
    const d = n.w.ok('ecs:DescribeServiceDeployments', { serviceDeploymentArns: [r.serviceDeploymentArn] })
      .serviceDeployments[0];
    expect(d).toMatchObject({
      lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT',
      targetServiceRevision: { requestedProductionTrafficWeight: 50, requestedTestTrafficWeight: 100 },
      sourceServiceRevisions: [{ requestedProductionTrafficWeight: 50, requestedTestTrafficWeight: 0 }],
    });
  });

  it('CANARY 10% for 2 minutes, then 100%', () => {
    const n = nativeWorld({
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 2 },
      bakeTimeInMinutes: 0,
    });
    deploy(n);
    const log = run(n).filter((l) => l.stage === 'PRODUCTION_TRAFFIC_SHIFT');
    expect(log.map((l) => l.weight)).toEqual([10, 100]);
    expect((log[1] as { t: number }).t - (log[0] as { t: number }).t).toBe(120);
  });

  it('a fractional canary percent is written as per-mille weights', () => {
    const n = nativeWorld({
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 2.5, canaryBakeTimeInMinutes: 5 },
      bakeTimeInMinutes: 0,
    });
    deploy(n);
    for (let i = 0; i < 400 && record(n).native?.stage !== 'PRODUCTION_TRAFFIC_SHIFT'; i++) n.w.tick(1);
    const tgs = n.w.state.elb.rules[n.prodRule]?.Actions[0]?.ForwardConfig?.TargetGroups;
    expect(tgs).toEqual([
      { TargetGroupArn: n.blueTg, Weight: 975 },
      { TargetGroupArn: n.greenTg, Weight: 25 },
    ]);
  });
});

describe('rollback', () => {
  it('an alarm during the production shift puts all traffic back on blue at once and scales green down', () => {
    const n = nativeWorld({
      strategy: 'LINEAR',
      linearConfiguration: { stepPercent: 20, stepBakeTimeInMinutes: 1 },
      bakeTimeInMinutes: 5,
      alarms: { alarmNames: ['5xx'], enable: true, rollback: true },
    });
    quietAlarm(n.w, '5xx');
    deploy(n);
    for (let i = 0; i < 600 && (record(n).native?.step ?? 0) < 2; i++) n.w.tick(1);
    expect(weightsOf(n, n.prodRule).green).toBe(40);
    const greenId = record(n).deploymentId;
    setAlarm(n.w, '5xx', 'ALARM');
    n.w.tick(1);
    expect(weightsOf(n, n.prodRule)).toEqual({ blue: 100, green: 0 });
    expect(weightsOf(n, n.testRule).green).toBe(0);
    expect(record(n)).toMatchObject({
      status: 'ROLLBACK_IN_PROGRESS',
      rollback: { trigger: '5xx', atStage: 'PRODUCTION_TRAFFIC_SHIFT', step: 2, steps: 5 },
    });
    expect(n.w.events.find((e) => e.type === 'deployment/rolledBack')?.data).toMatchObject({
      serviceName: 'mill',
      reason: '5xx',
      atStage: 'PRODUCTION_TRAFFIC_SHIFT',
      step: 2,
      steps: 5,
    });
    expect(messages(n.w)).toContain(
      `(service mill) (deployment ${greenId}) deployment failed: alarm detected.`,
    );
    n.w.tick(60);
    expect(record(n).status).toBe('ROLLBACK_SUCCESSFUL');
    const s = n.w.service('mill');
    expect(s.taskDefinition).toBe(n.td1);
    expect(s.deployments).toHaveLength(1);
    expect(n.w.liveTasks('mill').every((t) => t.taskDefinitionArn === n.td1)).toBe(true);
    expect(n.w.liveTasks('mill')).toHaveLength(2);
  });

  it('StopServiceDeployment during BAKE_TIME: ROLLBACK_REQUESTED, then traffic back on blue', () => {
    const n = nativeWorld({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 10 });
    deploy(n);
    for (let i = 0; i < 400 && record(n).native?.stage !== 'BAKE_TIME'; i++) n.w.tick(1);
    expect(record(n).native?.bakeEndsAt).toBe(n.w.state.now + 600);
    expect(weightsOf(n, n.prodRule).green).toBe(100);
    n.w.ok('ecs:StopServiceDeployment', {
      serviceDeploymentArn: record(n).serviceDeploymentArn,
      stopType: 'ROLLBACK',
    });
    expect(record(n).status).toBe('ROLLBACK_REQUESTED');
    n.w.tick(1);
    expect(record(n).status).toBe('ROLLBACK_IN_PROGRESS');
    expect(weightsOf(n, n.prodRule).green).toBe(0);
    n.w.tick(60);
    expect(record(n)).toMatchObject({
      status: 'ROLLBACK_SUCCESSFUL',
      rollback: { atStage: 'BAKE_TIME', trigger: 'StopServiceDeployment' },
    });
    expect(n.w.service('mill').taskDefinition).toBe(n.td1);
  });
});
