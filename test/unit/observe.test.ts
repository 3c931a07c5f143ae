/** observe(): the per-tick snapshot trajectory goals fold (services, listeners, totals, alarms). */
import { describe, expect, it } from 'vitest';
import { observe, serviceKey } from '../../src/model/sim/observe.ts';
import { addListener, addLoadBalancer, addTarget, addTargetGroup } from '../support/traffic-world.ts';
import { kingdom, World } from '../support/world.ts';

describe('observe', () => {
  it('counts desired, running and healthy tasks per service and per revision', () => {
    const w = kingdom(['a', 'b']);
    const td = w.registerWeb('web');
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: td,
      desiredCount: 2,
    });
    w.tick(5);
    const early = observe(w.state);
    const key = serviceKey(
      w.state.clusters[Object.keys(w.state.clusters)[0] as string]?.clusterArn as string,
      'mill',
    );
    expect(early.services[key]).toMatchObject({ serviceName: 'mill', desired: 2 });
    expect(early.services[key]?.healthy).toBe(0);
    w.tick(120);
    const o = observe(w.state);
    expect(o.services[key]).toMatchObject({
      desired: 2,
      running: 2,
      healthy: 2,
      byRevision: { [td]: { running: 2, healthy: 2 } },
    });
    expect(o.now).toBe(w.state.now);
  });

  it('reports set weights in percent and the shares of the last closed minute', () => {
    const w = new World();
    const lb = addLoadBalancer(w);
    const blue = addTargetGroup(w, 'blue', lb);
    const green = addTargetGroup(w, 'green', lb);
    addTarget(w, blue, 'i-1');
    addTarget(w, green, 'i-2');
    const l = addListener(w, lb, [
      [blue, 3],
      [green, 1],
    ]);
    expect(observe(w.state).listeners[l]).toEqual({
      weights: { [blue]: 75, [green]: 25 },
      actual: null,
      lastWindow: null,
    });
    w.ok('sim:SetTraffic', { ListenerArn: l, RequestsPerSecond: 4 });
    w.tick(120);
    const o = observe(w.state).listeners[l];
    expect(o?.actual).toEqual({ [blue]: 0.75, [green]: 0.25 });
    expect(o?.lastWindow).toEqual({ t: w.state.now - 60, requests: 240, errors: 0, elb5xx: 0 });
  });

  it('carries totals and alarm states, and writes nothing', () => {
    const w = new World();
    w.ok('cloudwatch:PutMetricAlarm', {
      AlarmName: 'x',
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    const before = JSON.stringify(w.state);
    const o = observe(w.state);
    expect(o.alarms).toEqual({ x: 'INSUFFICIENT_DATA' });
    expect(o.totals).toEqual({});
    expect(JSON.stringify(w.state)).toBe(before);
  });
});
