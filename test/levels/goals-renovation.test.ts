/**
 * The renovation goals of the goal engine (goal-renovations.ts and the state goals beside it), on worlds
 * built through the public API: a listener forward seen once, a revision's share of travelers held in
 * a band, traffic taken off a revision within a delay of the first alarm, the newest service
 * deployment's status, healthy tasks at the desired count; and the level references they use.
 */
import { describe, expect, it } from 'vitest';
import { resolveText } from '../../src/levels/index.ts';
import { SHARE_WINDOW } from '../../src/model/goals/goal-renovations.ts';
import {
  createTracker,
  evaluateGoals,
  type GoalCheck,
  observeTick,
  type Tracker,
} from '../../src/model/goals/goals.ts';
import { advance } from '../../src/model/index.ts';
import { nativeWorld, quietAlarm, setAlarm } from '../support/deployments.ts';
import { type Alb, alb, forward, registerWebWithPort, weighted } from '../support/elb.ts';
import { kingdom, type World } from '../support/world.ts';

type Goal = { id: string; check: GoalCheck };

function play(w: World, t: Tracker, seconds: number, goals: Goal[]): Tracker {
  let tracker = t;
  for (let i = 0; i < seconds; i++) {
    w.state = advance(w.state, 1).state;
    tracker = observeTick(tracker, w.state, goals);
  }
  return tracker;
}

/** Revision web:1 on target group web-blue, web:2 on web-green, both healthy; 20 travelers a second on 80. */
function twoTowns(rps = 20): { w: World; lb: Alb } {
  const w = kingdom(['a', 'b', 'c']);
  const lb = alb(w, {
    waitActive: true,
    groupInput: { HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 },
  });
  const td1 = registerWebWithPort(w, 'web', 'bridge', 'nginx:1.27');
  const td2 = registerWebWithPort(w, 'web', 'bridge', 'nginx:1.28');
  for (const [name, td, tg] of [
    ['blue', td1, lb.blue],
    ['green', td2, lb.green],
  ] as const)
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: name,
      taskDefinition: td,
      desiredCount: 2,
      loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 80 }],
    });
  w.tick(90);
  w.ok('sim:SetTraffic', { ListenerArn: lb.listener80, RequestsPerSecond: rps });
  return { w, lb };
}

const setWeights = (w: World, lb: Alb, green: number) =>
  w.ok('elbv2:ModifyListener', {
    ListenerArn: lb.listener80,
    DefaultActions: weighted([lb.blue, 100 - green], [lb.green, green]),
  });

describe('listenerForwardedOnce', () => {
  it('stays met after the forward it saw is undone, unlike listenerForwards', () => {
    const w = kingdom(['a']);
    const lb = alb(w);
    const goals: Goal[] = [
      { id: 'once', check: { kind: 'listenerForwardedOnce', port: 80, targetGroup: 'web-green' } },
      { id: 'now', check: { kind: 'listenerForwards', port: 80, targetGroup: 'web-green' } },
      {
        id: 'half',
        check: { kind: 'listenerForwardedOnce', port: 80, targetGroup: 'web-green', weight: 50 },
      },
    ];
    let t = play(w, createTracker(w.state), 2, goals);
    expect(evaluateGoals(goals, w.state, t)[0]).toMatchObject({
      done: false,
      missing: { kind: 'notForwardedYet', port: 80, percent: 100, targetGroup: 'web-green' },
    });
    w.ok('elbv2:ModifyListener', { ListenerArn: lb.listener80, DefaultActions: forward(lb.green) });
    t = play(w, t, 1, goals);
    const swappedAt = w.state.now;
    w.ok('elbv2:ModifyListener', { ListenerArn: lb.listener80, DefaultActions: forward(lb.blue) });
    t = play(w, t, 3, goals);
    expect(evaluateGoals(goals, w.state, t).map((p) => p.done)).toEqual([true, false, false]);
    expect(t.marks?.once?.at).toBe(swappedAt);
  });
});

describe('revisionShareHeld', () => {
  const canary = (min: number, max: number, seconds: number): Goal => ({
    id: 'g',
    check: { kind: 'revisionShareHeld', family: 'web', revision: 2, min, max, seconds },
  });

  it.each([
    ['10% of 20 a second', 20, 10, 5, 15, true],
    ['10% of 1 a second (one request every 10 s)', 1, 10, 5, 15, true],
    ['30% is outside 5-15%', 20, 30, 5, 15, false],
    ['100% in a band of exactly 100', 20, 100, 100, 100, true],
  ])('%s', (_name, rps, green, min, max, done) => {
    const { w, lb } = twoTowns(rps);
    setWeights(w, lb, green);
    const goals = [canary(min, max, 60)];
    const t = play(w, createTracker(w.state), 60 + SHARE_WINDOW, goals);
    expect(evaluateGoals(goals, w.state, t)[0]?.done).toBe(done);
    expect(t.marks?.g?.share).toBeCloseTo(green, 5);
  });

  it('counts seconds in a row: leaving the band starts the count again', () => {
    const { w, lb } = twoTowns();
    setWeights(w, lb, 10);
    const goals = [canary(5, 15, 60)];
    let t = play(w, createTracker(w.state), 40 + SHARE_WINDOW, goals);
    expect(t.marks?.g?.best).toBe(40);
    setWeights(w, lb, 50);
    t = play(w, t, 30, goals);
    // The 10 s window still reads 14% one second after the change (9 x 10% + 50%), 18% the next.
    expect(t.marks?.g).toMatchObject({ best: 41, run: 0, share: 50 });
    setWeights(w, lb, 10);
    t = play(w, t, 40 + SHARE_WINDOW, goals);
    // Back in the band once 9 of the window's 10 seconds are at 10% again: 8 s after the change.
    const [p] = evaluateGoals(goals, w.state, t);
    expect(p).toMatchObject({ done: false, have: 42, need: 60 });
    expect(p?.missing).toEqual({
      kind: 'shareHeld',
      family: 'web',
      revision: 2,
      share: 10,
      min: 5,
      max: 15,
      held: 42,
      seconds: 60,
    });
    expect(p?.unit).toBe('seconds');
    t = play(w, t, 18, goals);
    expect(evaluateGoals(goals, w.state, t)[0]).toMatchObject({ done: true, have: 60 });
  });

  it('no traveler means no share: seconds without requests neither count nor break the run', () => {
    const { w, lb } = twoTowns();
    setWeights(w, lb, 10);
    const goals = [canary(5, 15, 30)];
    let t = play(w, createTracker(w.state), 20 + SHARE_WINDOW, goals);
    w.ok('sim:SetTraffic', { ListenerArn: lb.listener80, RequestsPerSecond: 0 });
    t = play(w, t, 30, goals);
    // The window still holds travelers for 9 more seconds (all at 10%); then it is empty.
    expect(t.marks?.g).toMatchObject({ share: null, run: 20 + SHARE_WINDOW - 1 });
    w.ok('sim:SetTraffic', { ListenerArn: lb.listener80, RequestsPerSecond: 20 });
    t = play(w, t, 10 + SHARE_WINDOW, goals);
    expect(evaluateGoals(goals, w.state, t)[0]?.done).toBe(true);
  });
});

describe('trafficOffWithin', () => {
  const off = (seconds: number): Goal => ({
    id: 'g',
    check: { kind: 'trafficOffWithin', family: 'web', revision: 2, seconds },
  });

  it('waits for an alarm before anything counts', () => {
    const { w, lb } = twoTowns();
    setWeights(w, lb, 0);
    const goals = [off(30)];
    const t = play(w, createTracker(w.state), 30, goals);
    expect(evaluateGoals(goals, w.state, t)[0]).toMatchObject({
      done: false,
      missing: { kind: 'noAlarmYet' },
    });
  });

  it.each([
    ['at once', 0, 30, true],
    ['after 25 s, allowed 30 s', 25, 30, true],
    ['after 45 s, allowed 30 s', 45, 30, false],
    ['never', null, 30, false],
  ])('traffic taken off the revision %s', (_name, delay, seconds, done) => {
    const { w, lb } = twoTowns();
    quietAlarm(w, 'horn');
    setWeights(w, lb, 20);
    const goals = [off(seconds)];
    let t = play(w, createTracker(w.state), 30, goals);
    setAlarm(w, 'horn', 'ALARM');
    t = play(w, t, 1, goals);
    const alarmAt = w.state.now;
    expect(t.alarmAt).toBe(alarmAt);
    if (delay !== null) {
      t = play(w, t, delay, goals);
      setWeights(w, lb, 0);
    }
    t = play(w, t, 60 + SHARE_WINDOW, goals);
    const [p] = evaluateGoals(goals, w.state, t);
    expect(p?.done).toBe(done);
    if (done) expect((t.marks?.g?.at ?? 0) - alarmAt).toBeLessThanOrEqual(delay === null ? 0 : delay + 1);
    else
      expect(p?.missing).toEqual(
        delay === null
          ? { kind: 'trafficStill', family: 'web', revision: 2, share: 20 }
          : { kind: 'trafficOffLate', family: 'web', revision: 2, seconds: 30 },
      );
  });
});

describe('serviceDeploymentStatus and serviceHealthy (ECS-native deployments)', () => {
  const goals = (status: 'SUCCESSFUL' | 'ROLLBACK_SUCCESSFUL', revision: number): Goal[] => [
    { id: 'status', check: { kind: 'serviceDeploymentStatus', service: 'mill', status, revision: 2 } },
    { id: 'healthy', check: { kind: 'serviceHealthy', service: 'mill', count: 2, revision } },
  ];

  it('a canary that completes: SUCCESSFUL, two healthy tasks of revision 2', () => {
    const n = nativeWorld({
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 },
      bakeTimeInMinutes: 0,
    });
    const g = goals('SUCCESSFUL', 2);
    let t = createTracker(n.w.state);
    expect(evaluateGoals(g, n.w.state, t)[0]).toMatchObject({
      done: false,
      missing: { kind: 'serviceDeployment', revision: 1, status: 'SUCCESSFUL' },
    });
    const td2 = registerWebWithPort(n.w, 'web', 'bridge', 'nginx:1.28');
    n.w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
    t = play(n.w, t, 5, g);
    expect(evaluateGoals(g, n.w.state, t)[0]).toMatchObject({
      done: false,
      missing: { kind: 'serviceDeployment', revision: 2, status: 'IN_PROGRESS' },
    });
    t = play(n.w, t, 400, g);
    expect(evaluateGoals(g, n.w.state, t).map((p) => p.done)).toEqual([true, true]);
  });

  it('a linear shift stopped by an alarm: ROLLBACK_SUCCESSFUL, two healthy tasks of revision 1', () => {
    const n = nativeWorld({
      strategy: 'LINEAR',
      linearConfiguration: { stepPercent: 20, stepBakeTimeInMinutes: 1 },
      bakeTimeInMinutes: 1,
      alarms: { alarmNames: ['5xx'], enable: true, rollback: true },
    });
    quietAlarm(n.w, '5xx');
    const td2 = registerWebWithPort(n.w, 'web', 'bridge', 'nginx:1.28');
    n.w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
    const g = goals('ROLLBACK_SUCCESSFUL', 1);
    let t = play(n.w, createTracker(n.w.state), 120, g);
    expect(evaluateGoals(g, n.w.state, t)[1]).toMatchObject({ done: true, have: 2 });
    setAlarm(n.w, '5xx', 'ALARM');
    t = play(n.w, t, 90, g);
    expect(evaluateGoals(g, n.w.state, t).map((p) => p.done)).toEqual([true, true]);
    n.w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', desiredCount: 3 });
    expect(evaluateGoals(g, n.w.state, t)[1]).toMatchObject({
      done: false,
      missing: { kind: 'healthyTasks', healthy: 2, revision: 1, desired: 3 },
    });
  });
});

describe('level references for renovations', () => {
  it('@rule names a listener default rule; @lb-dim and @tg-dim the CloudWatch dimension values', () => {
    const w = kingdom(['a']);
    const lb = alb(w, { name: 'gate' });
    const text = resolveText('@rule/gate/8080 @lb-dim/gate/1 @tg-dim/gate-green/1 @rule/gate/81', w.state);
    const [rule, lbDim, tgDim, missing] = text.split(' ');
    expect(rule).toBe(lb.rule8080);
    expect(lbDim).toBe(lb.lbArn.split(':loadbalancer/')[1]);
    expect(lbDim).toMatch(/^app\/gate\/[0-9a-f]+$/);
    expect(tgDim).toBe(lb.green.slice(lb.green.lastIndexOf(':') + 1));
    expect(tgDim).toMatch(/^targetgroup\/gate-green\/[0-9a-f]+$/);
    expect(missing).toBe('@rule/gate/81');
  });
});
