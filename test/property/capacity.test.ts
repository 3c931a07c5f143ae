/**
 * Capacity invariants over random sequences of calls, faults and time (issue 17), checked after every call
 * and every simulated second:
 * - an Auto Scaling group never has more pending or running instances than its MaxSize
 *   (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_AutoScalingGroup.html);
 * - no container instance ever holds more CPU, memory or ports than it registered, while tasks wait in
 *   PROVISIONING for capacity (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html);
 * - with managed termination protection, the group never terminates an instance that runs tasks
 *   (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-termination-protection.html).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimState } from '../../src/model/index.ts';
import { withProvider } from '../support/capacity-world.ts';
import { World } from '../support/world.ts';
import { runs } from './arbitraries.ts';
import { checkResources } from './invariants.ts';

type Op =
  | { kind: 'runTask'; count: number; big: boolean }
  | { kind: 'service'; desired: number }
  | { kind: 'stopTask'; pick: number }
  | { kind: 'desired'; n: number }
  | { kind: 'loseInstance'; pick: number }
  | { kind: 'zone'; letter: 'a' | 'b' | 'c'; down: boolean }
  | { kind: 'wait'; seconds: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('runTask' as const),
    count: fc.integer({ min: 1, max: 6 }),
    big: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('service' as const), desired: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ kind: fc.constant('stopTask' as const), pick: fc.nat(50) }),
  fc.record({ kind: fc.constant('desired' as const), n: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('loseInstance' as const), pick: fc.nat(10) }),
  fc.record({
    kind: fc.constant('zone' as const),
    letter: fc.constantFrom('a', 'b', 'c'),
    down: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 400 }) }),
);

const MAX = 4;

function checkGroups(s: SimState): void {
  for (const g of Object.values(s.capacity.groups)) {
    const key = `${g.region}:${g.AutoScalingGroupName}`;
    const live = s.instances
      .values()
      .filter((i) => i.autoScalingGroup === key && (i.state === 'pending' || i.state === 'running'));
    expect(live.length).toBeLessThanOrEqual(g.MaxSize);
  }
}

/** Every instance the group scaled in (not a health replacement) ran no task in the state before. */
function checkProtection(before: SimState, w: World, from: number): void {
  for (const e of w.events.slice(from)) {
    if (e.type !== 'autoScalingGroup/activity' || e.data.kind !== 'terminate') continue;
    const id = e.data.instanceId as string;
    if (before.instances.get(id)?.state !== 'running') continue;
    const busy = before.tasks
      .values()
      .filter((t) => t.ec2InstanceId === id && t.desiredStatus === 'RUNNING' && t.lastStatus === 'RUNNING');
    expect(busy.map((t) => t.taskArn)).toEqual([]);
  }
}

function play(seed: number, ops: Op[]): number {
  const w = new World(seed);
  withProvider(w, { max: MAX, desired: 1 });
  const small = w.registerWeb('small', 512, 512);
  const big = w.registerWeb('big', 1536, 2048);
  let checks = 0;
  const check = (before: SimState, from: number) => {
    checkGroups(w.state);
    checkResources(w.state, { reservedToo: false });
    checkProtection(before, w, from);
    checks++;
  };
  const act = (f: () => void) => {
    const before = w.state;
    const from = w.events.length;
    f();
    check(before, from);
  };
  for (const op of ops) {
    switch (op.kind) {
      case 'runTask':
        act(() =>
          w.call('ecs:RunTask', {
            cluster: 'Royaume',
            taskDefinition: op.big ? big : small,
            count: op.count,
          }),
        );
        break;
      case 'service':
        act(() => {
          const exists = w.state.services.get(`arn:aws:ecs:za-southwest-1:123456789012:service/Royaume/keep`);
          if (exists)
            w.call('ecs:UpdateService', { cluster: 'Royaume', service: 'keep', desiredCount: op.desired });
          else
            w.call('ecs:CreateService', {
              cluster: 'Royaume',
              serviceName: 'keep',
              taskDefinition: small,
              desiredCount: op.desired,
            });
        });
        break;
      case 'stopTask': {
        const live = w.liveTasks();
        const t = live[op.pick % Math.max(1, live.length)];
        if (t) act(() => w.call('ecs:StopTask', { cluster: 'Royaume', task: t.taskArn }));
        break;
      }
      case 'desired':
        act(() =>
          w.call('autoscaling:SetDesiredCapacity', { AutoScalingGroupName: 'guild', DesiredCapacity: op.n }),
        );
        break;
      case 'loseInstance': {
        const running = w.state.instances.values().filter((i) => i.state === 'running');
        const i = running[op.pick % Math.max(1, running.length)];
        if (i) act(() => w.call('sim:LoseInstance', { instanceId: i.instanceId }));
        break;
      }
      case 'zone':
        act(() =>
          w.call(op.down ? 'sim:FailAvailabilityZone' : 'sim:RestoreAvailabilityZone', {
            availabilityZone: `za-southwest-1${op.letter}`,
          }),
        );
        break;
      case 'wait':
        for (let k = 0; k < op.seconds; k++) act(() => w.tick(1));
        break;
    }
  }
  return checks;
}

describe('capacity providers and Auto Scaling groups', () => {
  it('never exceed the group max, never overdraw an instance, never scale in an instance with tasks', () => {
    let checks = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.array(opArb, { minLength: 3, maxLength: 14 }),
        (seed, ops) => {
          checks += play(seed, [...ops, { kind: 'wait', seconds: 120 }]);
        },
      ),
      { numRuns: runs(25) },
    );
    expect(checks).toBeGreaterThan(1000);
  });

  it('a busy world scales out to its max, holds it, and scales back in to what the tasks need', () => {
    const w = new World(7);
    withProvider(w, { max: MAX });
    const td = w.registerWeb('big', 1536, 2048);
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'keep',
      taskDefinition: td,
      desiredCount: 8,
    });
    w.tick(600);
    const g = () => Object.values(w.state.capacity.groups)[0];
    expect(g()?.DesiredCapacity).toBe(MAX);
    expect(w.running('keep')).toHaveLength(MAX);
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'keep', desiredCount: 1 });
    w.tick(20 * 60);
    expect(g()?.DesiredCapacity).toBe(1);
    expect(w.running('keep')).toHaveLength(1);
  });
});
