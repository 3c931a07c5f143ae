/**
 * The goal engine on its own: gold at AWS's price proportions, stars, the tracker's trajectory windows,
 * references to minted ids, scripted events, and goals whose models the campaign does not replay here
 * (target health, listener weights, alias routing) on hand-built state.
 */
import { describe, expect, it } from 'vitest';
import { dueScriptedEvents, resolveCall, resolveText } from '../../src/levels/index.ts';
import {
  createTracker,
  evaluateGoals,
  type GoalCheck,
  goldSpent,
  observeTick,
  starsFor,
  type Tracker,
} from '../../src/model/goals/goals.ts';
import { advance, createSim } from '../../src/model/index.ts';
import type { SimState } from '../../src/model/sim/types.ts';
import { kingdom, type World } from '../support/world.ts';

const goal = (check: GoalCheck, id = 'g') => ({ id, check });

/** Advances a world one second at a time, folding each second into the tracker. */
function play(
  w: World,
  tracker: Tracker,
  seconds: number,
  goals: { id: string; check: GoalCheck }[],
): Tracker {
  let t = tracker;
  for (let i = 0; i < seconds; i++) {
    w.state = advance(w.state, 1).state;
    t = observeTick(t, w.state, goals);
  }
  return t;
}

function millWorld(desired = 3): World {
  const w = kingdom(['a', 'b', 'c']);
  w.registerWeb('mill');
  w.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: 'mill',
    desiredCount: desired,
  });
  w.tick(60);
  return w;
}

describe('gold', () => {
  it.each([
    ['one t3.medium hour', { 'za-southwest-1': { 't3.medium': 3600 } }, 0, 0, 41.6],
    ['two m5.large half-hours', { 'za-southwest-1': { 'm5.large': 3600 } }, 0, 0, 96],
    ['one m5.large hour in za-northeast-1 (x1.29)', { 'za-northeast-1': { 'm5.large': 3600 } }, 0, 0, 123.8],
    ['one Fargate vCPU-hour and one GB-hour', {}, 3600, 3600, 44.9],
    ['nothing', {}, 0, 0, 0],
  ])('%s', (_name, instanceSeconds, vcpu, gb, gold) => {
    const t = {
      ...createTracker(createSim()),
      instanceSeconds,
      fargateVcpuSeconds: vcpu,
      fargateGbSeconds: gb,
    };
    expect(goldSpent(t)).toBe(gold);
  });

  it('counts running instances each observed second', () => {
    const w = kingdom(['a', 'b']);
    const t = play(w, createTracker(w.state), 90, []);
    expect(t.instanceSeconds).toEqual({ 'za-southwest-1': { 't3.medium': 180 } });
    expect(goldSpent(t)).toBe(Math.round(((0.0416 * 180) / 3600) * 1000 * 10) / 10);
  });
});

describe('stars', () => {
  const rules = { thriftGold: 10, safetyFailedRequests: 5, safetySecondsBelowDesired: 30 };
  const base = createTracker(createSim());
  it.each([
    ['not done', {}, false, 0],
    ['done, thrifty and safe', {}, true, 3],
    ['done, spendthrift', { instanceSeconds: { 'za-southwest-1': { 'm5.2xlarge': 3600 } } }, true, 2],
    ['done, unsafe', { secondsBelowDesired: 31 }, true, 2],
    ['done, failed requests', { errors: 6 }, true, 2],
    ['done, neither', { errors: 6, instanceSeconds: { 'za-southwest-1': { 'm5.2xlarge': 3600 } } }, true, 1],
  ])('%s', (_name, changes, done, count) => {
    expect(starsFor(rules, { ...base, ...changes }, done).count).toBe(count);
  });
});

describe('trajectory goals', () => {
  it('neverBelowHealthy records the lowest healthy count once its window opens', () => {
    const w = millWorld(3);
    const goals = [
      goal({ kind: 'neverBelowHealthy', service: 'mill', atLeast: 3, since: 'start' }, 'start'),
      goal({ kind: 'neverBelowHealthy', service: 'mill', atLeast: 3, since: 'draining' }, 'draining'),
    ];
    let t = play(w, createTracker(w.state), 5, goals);
    expect(evaluateGoals(goals, w.state, t).map((p) => p.done)).toEqual([true, false]);
    const task = w.running('mill')[0];
    w.ok('ecs:StopTask', { cluster: 'Royaume', task: task?.taskArn });
    t = play(w, t, 90, goals);
    const [start, draining] = evaluateGoals(goals, w.state, t);
    expect(start).toMatchObject({ done: false, have: 2, need: 3 });
    expect(start?.missing).toMatchObject({ kind: 'belowHealthy', healthy: 2 });
    expect(start?.unit).toBe('tasks');
    expect(draining).toMatchObject({
      done: false,
      missing: { kind: 'waiting', since: 'draining', healthy: 3 },
    });
  });

  it('serviceRecovered needs a loss below the desired count and the return to it', () => {
    const w = millWorld(2);
    const goals = [goal({ kind: 'serviceRecovered', service: 'mill' })];
    let t = play(w, createTracker(w.state), 5, goals);
    expect(evaluateGoals(goals, w.state, t)[0]?.done).toBe(false);
    w.ok('sim:CrashContainer', { cluster: 'Royaume', task: w.running('mill')[0]?.taskArn });
    t = play(w, t, 5, goals);
    expect(t.services.mill?.lostAt).not.toBeNull();
    expect(evaluateGoals(goals, w.state, t)[0]?.done).toBe(false);
    t = play(w, t, 40, goals);
    expect(evaluateGoals(goals, w.state, t)[0]?.done).toBe(true);
    expect(t.secondsBelowDesired).toBeGreaterThan(0);
  });

  it('failedRequestsBelow counts errors since the level began, not before', () => {
    const s0: SimState = createSim();
    const before = { ...s0, traffic: { ...s0.traffic, totals: { x: { requests: 100, errors: 40 } } } };
    const t0 = createTracker(before);
    const after = {
      ...before,
      now: before.now + 1,
      traffic: { ...before.traffic, totals: { x: { requests: 200, errors: 49 } } },
    };
    const goals = [goal({ kind: 'failedRequestsBelow', max: 10 })];
    const t1 = observeTick(t0, after, goals);
    expect(evaluateGoals(goals, after, t1)[0]).toMatchObject({ done: true, have: 9, need: 10 });
    const worse = { ...after, traffic: { ...after.traffic, totals: { x: { requests: 300, errors: 50 } } } };
    expect(evaluateGoals(goals, worse, observeTick(t1, worse, goals))[0]).toMatchObject({
      done: false,
      have: 10,
    });
  });
});

describe('state goals on hand-built load balancer and Lambda state', () => {
  const s0 = createSim();
  const tgArn = 'arn:aws:elasticloadbalancing:za-southwest-1:123456789012:targetgroup/blue/1';
  const target = (state: 'healthy' | 'initial') => ({
    Id: '10.0.0.1',
    Port: 80,
    AvailabilityZone: 'za-southwest-1a',
    state,
    reason: null,
    description: null,
    streak: 0,
    nextCheckAt: 0,
    registeredAt: 0,
    drainUntil: null,
    taskArn: null,
  });
  const s = {
    ...s0,
    elb: {
      ...s0.elb,
      targetGroups: {
        [tgArn]: {
          TargetGroupArn: tgArn,
          TargetGroupName: 'blue',
          targets: { a: target('healthy'), b: target('initial') },
        },
      },
      listeners: {
        l: {
          ListenerArn: 'l',
          LoadBalancerArn: 'lb',
          Port: 80,
          Protocol: 'HTTP',
          region: 'za-southwest-1',
          DefaultActions: [
            {
              Type: 'forward',
              ForwardConfig: {
                TargetGroups: [
                  { TargetGroupArn: tgArn, Weight: 90 },
                  { TargetGroupArn: 'green', Weight: 10 },
                ],
              },
            },
          ],
        },
      },
    },
    lambda: {
      ...s0.lambda,
      functions: {
        f: {
          FunctionName: 'spell',
          aliases: {
            live: {
              Name: 'live',
              FunctionVersion: '1',
              RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } },
            },
          },
        },
      },
    },
  } as unknown as SimState;
  const t = createTracker(s);
  it.each([
    ['targetsHealthy 1', { kind: 'targetsHealthy', targetGroup: 'blue', count: 1 }, true, 1],
    ['targetsHealthy 2', { kind: 'targetsHealthy', targetGroup: 'blue', count: 2 }, false, 1],
    ['listener 100%', { kind: 'listenerForwards', port: 80, targetGroup: 'blue' }, false, 90],
    ['listener 90%', { kind: 'listenerForwards', port: 80, targetGroup: 'blue', weight: 90 }, true, 90],
    [
      'alias mid-shift',
      { kind: 'aliasRouting', functionName: 'spell', alias: 'live', version: '1' },
      false,
      0,
    ],
    ['no instances', { kind: 'noInstances' }, true, 0],
  ] as const)('%s', (_name, check, done, have) => {
    expect(evaluateGoals([goal(check as GoalCheck)], s, t)[0]).toMatchObject({ done, have });
  });
});

describe('references and scripted events', () => {
  it('resolves minted ids at the moment a step is played, and leaves unknown ones as written', () => {
    const w = millWorld(1);
    const inst = w.state.instances.values().find((i) => i.availabilityZone === 'za-southwest-1b');
    const ciId = inst?.containerInstanceArn?.split('/').pop();
    expect(resolveText('@instance/za-southwest-1b/1', w.state)).toBe(inst?.instanceId);
    expect(resolveText('x @ci/za-southwest-1b/1 y', w.state)).toBe(`x ${ciId} y`);
    expect(resolveText('@instance/za-southwest-1b/2', w.state)).toBe('@instance/za-southwest-1b/2');
    const task = w.running('mill')[0];
    const call = resolveCall(
      { action: 'sim:CrashContainer', input: { task: '@task/service:mill/1', n: 3 } },
      w.state,
    );
    expect(call.input).toEqual({ task: task?.taskArn.split('/').pop(), n: 3 });
    const idle = resolveText('@idle-instance/Royaume/1 @idle-instance/Royaume/2', w.state).split(' ');
    expect(idle).toHaveLength(2);
    expect(idle).not.toContain(task?.ec2InstanceId);
  });

  it('fires a scripted event once its anchor happened and its delay passed, never twice', () => {
    const crash = { action: 'sim:FailAvailabilityZone', input: { availabilityZone: 'za-southwest-1a' } };
    const level = {
      script: [
        { after: 'start' as const, delaySeconds: 10, call: crash },
        { after: 'newDeployment' as const, service: 'mill', delaySeconds: 5, call: crash },
      ],
    };
    const w = millWorld(1);
    let t = play(w, createTracker(w.state), 9, []);
    expect(dueScriptedEvents(level, t, [])).toEqual([]);
    t = play(w, t, 1, []);
    expect(dueScriptedEvents(level, t, [])).toEqual([0]);
    expect(dueScriptedEvents(level, t, [0])).toEqual([]);
    w.registerWeb('mill', 300);
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: 'mill:2' });
    t = play(w, t, 1, []);
    // The tracker sees the new deployment at the first tick after the call: the delay counts from there.
    const anchor = t.services.mill?.newDeploymentAt;
    expect(anchor).toBe(t.now);
    t = play(w, t, 4, []);
    expect(dueScriptedEvents(level, t, [0])).toEqual([]);
    t = play(w, t, 1, []);
    expect(dueScriptedEvents(level, t, [0])).toEqual([1]);
  });
});
