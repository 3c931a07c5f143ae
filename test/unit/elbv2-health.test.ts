import { describe, expect, it } from 'vitest';
import { alb, createTargetGroup, health, states } from '../support/elb.ts';
import { kingdom } from '../support/world.ts';

/** A world with an ALB, one instance target registered in blue (health checked every `interval` s). */
function oneTarget(groupInput: Record<string, unknown> = {}, delay?: number) {
  const w = kingdom(['a']);
  const a = alb(w, { groupInput, ...(delay !== undefined ? { deregistrationDelay: delay } : {}) });
  const id = w.state.instances.keys()[0] as string;
  w.ok('elbv2:RegisterTargets', { TargetGroupArn: a.blue, Targets: [{ Id: id }] });
  return { w, a, id };
}

/** Every instance answers with this behaviour (a plain instance target is keyed by its id). */
function behave(w: ReturnType<typeof kingdom>, key: string, errorRate: number, latencyMs = 20) {
  w.state = {
    ...w.state,
    traffic: {
      ...w.state.traffic,
      behaviors: { ...w.state.traffic.behaviors, [key]: { errorRate, latencyMs } },
    },
  };
}

describe('target health', () => {
  it('initial (registration in progress) -> healthy after ONE passed check, soon after registration', () => {
    const { w, a } = oneTarget();
    expect(health(w, a.blue)[0].TargetHealth).toEqual({
      State: 'initial',
      Reason: 'Elb.RegistrationInProgress',
      Description: 'Target registration is in progress',
    });
    w.tick(4);
    expect(states(w, a.blue)).toEqual(['initial']);
    w.tick(1);
    expect(health(w, a.blue)[0].TargetHealth).toEqual({ State: 'healthy' });
    expect(w.events.filter((e) => e.type === 'target/healthy')).toHaveLength(1);
  });

  it.each([
    [1, 20, 'Target.ResponseCodeMismatch', 'Health checks failed with these codes: [500]'],
    [0, 5000, 'Target.Timeout', 'Request timed out'],
  ])(
    'errorRate %d latency %d: unhealthy after UnhealthyThresholdCount (2) failed checks: %s',
    (rate, latency, reason, text) => {
      const { w, a, id } = oneTarget();
      behave(w, id, rate, latency);
      w.tick(5);
      expect(health(w, a.blue)[0].TargetHealth).toEqual({
        State: 'initial',
        Reason: 'Elb.InitialHealthChecking',
        Description: 'Initial health checks in progress',
      });
      w.tick(29);
      expect(states(w, a.blue)).toEqual(['initial']);
      w.tick(1);
      expect(health(w, a.blue)[0].TargetHealth).toEqual({
        State: 'unhealthy',
        Reason: reason,
        Description: text,
      });
    },
  );

  it('healthy -> unhealthy after 2 consecutive failures, back to healthy after HealthyThresholdCount passes', () => {
    const { w, a, id } = oneTarget({ HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 3 });
    w.tick(5);
    expect(states(w, a.blue)).toEqual(['healthy']);
    behave(w, id, 1);
    w.tick(10);
    expect(states(w, a.blue)).toEqual(['healthy']);
    w.tick(10);
    expect(states(w, a.blue)).toEqual(['unhealthy']);
    behave(w, id, 0);
    w.tick(20);
    expect(states(w, a.blue)).toEqual(['unhealthy']);
    w.tick(10);
    expect(states(w, a.blue)).toEqual(['healthy']);
  });

  it('a partial errorRate draws with the seeded PRNG: same seed, same history', () => {
    const run = () => {
      const { w, a, id } = oneTarget({ HealthCheckIntervalSeconds: 6, HealthyThresholdCount: 2 });
      behave(w, id, 0.5);
      const seen: string[] = [];
      for (let i = 0; i < 30; i++) {
        w.tick(6);
        seen.push(states(w, a.blue)[0] as string);
      }
      return seen;
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it('DeregisterTargets drains for the delay, then the target is gone', () => {
    const { w, a, id } = oneTarget({}, 20);
    w.tick(5);
    w.ok('elbv2:DeregisterTargets', { TargetGroupArn: a.blue, Targets: [{ Id: id }] });
    expect(health(w, a.blue)[0].TargetHealth).toEqual({
      State: 'draining',
      Reason: 'Target.DeregistrationInProgress',
      Description: 'Target deregistration is in progress',
    });
    w.tick(19);
    expect(states(w, a.blue)).toEqual(['draining']);
    w.tick(1);
    expect(states(w, a.blue)).toEqual([]);
    expect(w.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['target/draining', 'target/deregistered']),
    );
  });

  it('targets of a group no listener uses are unused (Target.NotInUse) until one does', () => {
    const w = kingdom(['a']);
    const a = alb(w);
    const tg = createTargetGroup(w, 'spare');
    const id = w.state.instances.keys()[0] as string;
    w.ok('elbv2:RegisterTargets', { TargetGroupArn: tg, Targets: [{ Id: id }] });
    w.tick(60);
    expect(health(w, tg)[0].TargetHealth).toMatchObject({ State: 'unused', Reason: 'Target.NotInUse' });
    w.ok('elbv2:ModifyListener', {
      ListenerArn: a.listener8080,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }],
    });
    expect(health(w, tg)[0].TargetHealth).toMatchObject({
      State: 'initial',
      Reason: 'Elb.RegistrationInProgress',
    });
    w.tick(2);
    expect(states(w, tg)).toEqual(['healthy']);
  });

  it('DescribeTargetHealth shapes: HealthCheckPort, Target.AvailabilityZone, unregistered targets', () => {
    const { w, a, id } = oneTarget();
    const d = health(w, a.blue)[0];
    expect(d.Target).toEqual({ Id: id, Port: 80, AvailabilityZone: 'za-southwest-1a' });
    expect(d.HealthCheckPort).toBe('80');
    const other = w.ok('elbv2:DescribeTargetHealth', {
      TargetGroupArn: a.blue,
      Targets: [{ Id: id, Port: 81 }],
    });
    expect(other.TargetHealthDescriptions[0].TargetHealth).toEqual({
      State: 'unused',
      Reason: 'Target.NotRegistered',
      Description: 'Target is not registered to the target group',
    });
    expect(w.err('elbv2:RegisterTargets', { TargetGroupArn: a.blue, Targets: [{ Id: 'i-nope' }] }).name).toBe(
      'InvalidTarget',
    );
  });

  it('a terminated instance target is removed', () => {
    const { w, a, id } = oneTarget();
    w.tick(5);
    w.ok('ec2:TerminateInstances', { InstanceIds: [id] });
    w.tick(1);
    expect(states(w, a.blue)).toEqual([]);
  });
});
