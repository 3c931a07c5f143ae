/**
 * Travelers: sim:SetTraffic / sim:SetBehavior, routing splits, failures, metrics and windows
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html).
 */
import { describe, expect, it } from 'vitest';
import { advance } from '../../src/model/index.ts';
import { failures, splitByShares, spreadEven, takeWhole } from '../../src/model/sim/traffic-split.ts';
import {
  addFunction,
  addListener,
  addLoadBalancer,
  addTarget,
  addTargetGroup,
  metricTotal,
  setAliasWeights,
  setTargetState,
  setWeights,
  type Weighted,
} from '../support/traffic-world.ts';
import { kingdom, World } from '../support/world.ts';

const LB_DIM = 'app/web/web0000000000';
const ELB = 'AWS/ApplicationELB';

function twoGroups(weights: [number, number], w = new World()) {
  const lb = addLoadBalancer(w);
  const blue = addTargetGroup(w, 'blue', lb);
  const green = addTargetGroup(w, 'green', lb);
  addTarget(w, blue, 'i-1');
  addTarget(w, blue, 'i-2');
  addTarget(w, green, 'i-3');
  const l = addListener(w, lb, [
    [blue, weights[0]],
    [green, weights[1]],
  ]);
  return { w, lb, blue, green, l };
}

const tgDim = (arn: string) => arn.slice(arn.lastIndexOf(':') + 1);

/** Requests that reached each group so far (open + closed windows of the source). */
function routed(w: World, l: string, tg: string): number {
  const cur = w.state.traffic.sourceCurrent[l]?.byGroup[tg] ?? 0;
  const closed = w
    .eventsOf('traffic/window')
    .filter((e) => e.data.source === l)
    .reduce((a, e) => a + (e.data.byGroup[tg] ?? 0), 0);
  return cur + closed;
}

describe('splits follow the weights exactly over time', () => {
  const cases: { weights: [number, number]; rps: number; seconds: number; expected: [number, number] }[] = [
    { weights: [90, 10], rps: 10, seconds: 100, expected: [900, 100] },
    { weights: [90, 10], rps: 1, seconds: 10, expected: [9, 1] },
    { weights: [1, 2], rps: 1, seconds: 300, expected: [100, 200] },
    { weights: [1, 2], rps: 7, seconds: 3, expected: [7, 14] },
    { weights: [0, 100], rps: 5, seconds: 120, expected: [0, 600] },
    { weights: [100, 0], rps: 2.5, seconds: 4, expected: [10, 0] },
  ];
  it.each(cases)(
    '$weights at $rps rps for $seconds s -> $expected',
    ({ weights, rps, seconds, expected }) => {
      const { w, blue, green, l } = twoGroups(weights);
      w.ok('sim:SetTraffic', { ListenerArn: l, RequestsPerSecond: rps });
      const share = weights[0] / (weights[0] + weights[1]);
      for (let t = 1; t <= seconds; t++) {
        w.tick(1);
        const b = routed(w, l, blue);
        const g = routed(w, l, green);
        expect(b + g).toBe(Math.floor(rps * t));
        expect(Math.abs(b - share * Math.floor(rps * t))).toBeLessThan(1);
      }
      expect([routed(w, l, blue), routed(w, l, green)]).toEqual(expected);
    },
  );

  it('changing weights mid-flow keeps every request and moves the split at once', () => {
    const { w, blue, green, l } = twoGroups([90, 10]);
    w.ok('sim:SetTraffic', { ListenerArn: l, RequestsPerSecond: 10 });
    w.tick(10);
    setWeights(w, l, [
      [blue, 0],
      [green, 1],
    ] as Weighted[]);
    w.tick(10);
    expect(routed(w, l, blue)).toBe(90);
    expect(routed(w, l, green)).toBe(110);
  });
});

describe('pure split arithmetic', () => {
  it('takeWhole turns fractional rates into exact integers over time', () => {
    let carry = 0;
    let total = 0;
    for (let i = 0; i < 30; i++) {
      const [n, c] = takeWhole(0.1, carry);
      carry = c;
      total += n;
    }
    expect(total).toBe(3);
  });
  it('splitByShares always returns n in total and never negative', () => {
    const [alloc] = splitByShares(1, [0.5, 0.5, 0], [-0.5, -0.5, 0.9]);
    expect(alloc.reduce((a, b) => a + b, 0)).toBe(1);
    expect(alloc.every((x) => x >= 0)).toBe(true);
  });
  it('spreadEven rotates the remainder over targets', () => {
    let offset = 0;
    const totals = [0, 0, 0];
    for (let i = 0; i < 3; i++) {
      const [counts, o] = spreadEven(1, 3, offset);
      offset = o;
      counts.forEach((c, j) => {
        totals[j] = (totals[j] as number) + c;
      });
    }
    expect(totals).toEqual([1, 1, 1]);
    expect(spreadEven(10, 3, 0)[0]).toEqual([4, 3, 3]);
    expect(spreadEven(10, 3, 1)[0]).toEqual([3, 4, 3]);
  });
  it('failures follow the rate with a carry', () => {
    let carry = 0;
    let failed = 0;
    for (let i = 0; i < 100; i++) {
      const [f, c] = failures(3, 0.1, carry);
      carry = c;
      failed += f;
    }
    expect(failed).toBe(30);
  });
});

describe('routable targets and the load balancer’s own answers', () => {
  it('fail-open: a group whose targets are all unhealthy still serves them', () => {
    const { w, blue, green, l } = twoGroups([50, 50]);
    setTargetState(w, blue, 'i-1', 'unhealthy');
    setTargetState(w, blue, 'i-2', 'unhealthy');
    w.ok('sim:SetTraffic', { ListenerArn: l, RequestsPerSecond: 4 });
    w.tick(30);
    expect(metricTotal(w, ELB, 'RequestCount', { LoadBalancer: LB_DIM, TargetGroup: tgDim(blue) })).toBe(60);
    expect(metricTotal(w, ELB, 'RequestCount', { LoadBalancer: LB_DIM, TargetGroup: tgDim(green) })).toBe(60);
    expect(metricTotal(w, ELB, 'HTTPCode_ELB_5XX_Count', { LoadBalancer: LB_DIM })).toBeNull();
  });

  it('no routable target: the load balancer answers 503 and RequestCount does not count them', () => {
    const { w, blue, green, l } = twoGroups([50, 50]);
    setTargetState(w, green, 'i-3', 'draining');
    w.ok('sim:SetTraffic', { ListenerArn: l, RequestsPerSecond: 4 });
    w.tick(30);
    expect(metricTotal(w, ELB, 'HTTPCode_ELB_5XX_Count', { LoadBalancer: LB_DIM })).toBe(60);
    expect(metricTotal(w, ELB, 'HTTPCode_ELB_503_Count', { LoadBalancer: LB_DIM })).toBe(60);
    expect(metricTotal(w, ELB, 'RequestCount', { LoadBalancer: LB_DIM })).toBe(60);
    expect(metricTotal(w, ELB, 'RequestCount', { LoadBalancer: LB_DIM, TargetGroup: tgDim(blue) })).toBe(60);
    expect(
      metricTotal(w, ELB, 'RequestCount', { LoadBalancer: LB_DIM, TargetGroup: tgDim(green) }),
    ).toBeNull();
    expect(w.state.traffic.sourceCurrent[l]).toMatchObject({ requests: 120, errors: 60, elb5xx: 60 });
  });

  it('with no sources the tick does no work and writes nothing', () => {
    const { w } = twoGroups([50, 50]);
    const before = w.state;
    const r = advance(before, 58);
    expect(r.state.traffic).toBe(before.traffic);
    expect(r.state.cloudwatch).toBe(before.cloudwatch);
  });

  it('publishes HealthyHostCount and UnHealthyHostCount once a minute', () => {
    const { w, blue } = twoGroups([50, 50]);
    setTargetState(w, blue, 'i-2', 'unhealthy');
    w.tick(120);
    const dims = { LoadBalancer: LB_DIM, TargetGroup: tgDim(blue) };
    const key = (m: string) => `${ELB}|${m}|LoadBalancer=${LB_DIM},TargetGroup=${tgDim(blue)}`;
    expect(w.state.cloudwatch.metrics[key('HealthyHostCount')]?.points.map((p) => p.sum)).toEqual([1, 1]);
    expect(metricTotal(w, ELB, 'UnHealthyHostCount', dims)).toBe(2);
  });
});

describe('injected behaviour on real tasks', () => {
  function withTasks() {
    const w = kingdom(['a']);
    const v1 = w.registerWeb('web');
    const v2 = w.registerWeb('web');
    const run = (td: string) =>
      w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td }).tasks[0].taskArn as string;
    const t1 = run(v1);
    const t2 = run(v2);
    w.tick(10);
    const lb = addLoadBalancer(w);
    const blue = addTargetGroup(w, 'blue', lb);
    const green = addTargetGroup(w, 'green', lb);
    addTarget(w, blue, 'i-blue', 'healthy', t1);
    addTarget(w, green, 'i-green', 'healthy', t2);
    const l = addListener(w, lb, [
      [blue, 50],
      [green, 50],
    ]);
    return { w, v1, v2, l, blue, green };
  }

  it('failures follow the error rate exactly, per revision, with totals and one-minute windows', () => {
    const { w, v1, v2, l, green } = withTasks();
    w.ok('sim:SetBehavior', { TaskDefinition: v2, ErrorRate: 0.1, LatencyMs: 200 });
    w.ok('sim:SetTraffic', { ListenerArn: l, RequestsPerSecond: 20 });
    const start = w.state.now;
    const toBoundary = 60 - (start % 60);
    w.tick(toBoundary + 120);
    const seconds = toBoundary + 120;
    expect(w.state.traffic.totals[v2]).toEqual({ requests: 10 * seconds, errors: seconds });
    expect(w.state.traffic.totals[v1]).toEqual({ requests: 10 * seconds, errors: 0 });
    const wins = w.state.traffic.windows[v2] ?? [];
    expect(wins.map((x) => x.requests)).toEqual([10 * (toBoundary - 1), 600, 600]);
    expect(wins[1]).toMatchObject({ errors: 60, p50: 200, p99: 600 });
    expect(w.state.traffic.current[v2]).toMatchObject({ requests: 10, errors: 1 });
    const dims = { LoadBalancer: LB_DIM, TargetGroup: tgDim(green) };
    expect(metricTotal(w, ELB, 'HTTPCode_Target_5XX_Count', dims)).toBe(seconds);
    expect(metricTotal(w, ELB, 'HTTPCode_Target_2XX_Count', dims)).toBe(9 * seconds);
    const windowEvents = w.events.filter((e) => e.type === 'traffic/window');
    expect(windowEvents).toHaveLength(3);
    expect(windowEvents[1]?.data).toMatchObject({ requests: 1200, errors: 60, elb5xx: 0 });
  });

  it('behaviour by image applies to every revision using it; Clear restores health', () => {
    const { w, v1, v2, l } = withTasks();
    w.ok('sim:SetBehavior', { Image: 'nginx:1.27', ErrorRate: 1 });
    w.ok('sim:SetTraffic', { ListenerArn: l, RequestsPerSecond: 2 });
    w.tick(10);
    expect(w.state.traffic.totals[v1]?.errors).toBe(10);
    expect(w.state.traffic.totals[v2]?.errors).toBe(10);
    w.ok('sim:SetBehavior', { Image: 'nginx:1.27', Clear: true });
    expect(w.state.traffic.behaviors).toEqual({});
    w.tick(10);
    expect(w.state.traffic.totals[v1]).toEqual({ requests: 20, errors: 10 });
  });

  it('TargetResponseTime carries p50 and p99 (3 x p50) in seconds', () => {
    const { w, v2, l, green } = withTasks();
    w.ok('sim:SetBehavior', { TaskDefinition: v2, LatencyMs: 500 });
    w.ok('sim:SetTraffic', { ListenerArn: l, RequestsPerSecond: 2 });
    w.tick(120);
    const out = w.ok('cloudwatch:GetMetricStatistics', {
      Namespace: ELB,
      MetricName: 'TargetResponseTime',
      Dimensions: [
        { Name: 'LoadBalancer', Value: LB_DIM },
        { Name: 'TargetGroup', Value: tgDim(green) },
      ],
      StartTime: w.state.now - 600,
      EndTime: w.state.now,
      Period: 60,
      ExtendedStatistics: ['p50', 'p99'],
    });
    expect(out.Datapoints.at(-1).ExtendedStatistics).toEqual({ p50: 0.5, p99: 1.5 });
    expect(out.Datapoints.at(-1).Unit).toBe('Seconds');
  });
});

describe('Lambda sources', () => {
  it('splits an alias by its weights and publishes Invocations, Errors (0 too) and Duration per executed version', () => {
    const w = new World();
    const fn = addFunction(w, 'orders', 2, { name: 'live', version: '1', weights: { '2': 0.1 } });
    w.ok('sim:SetBehavior', { FunctionName: 'orders', Version: '2', ErrorRate: 0.5 });
    w.ok('sim:SetTraffic', { FunctionName: 'orders', Qualifier: 'live', RequestsPerSecond: 10 });
    w.tick(100);
    expect(w.state.traffic.totals[`${fn}:1`]).toEqual({ requests: 900, errors: 0 });
    expect(w.state.traffic.totals[`${fn}:2`]).toEqual({ requests: 100, errors: 50 });
    const res = { FunctionName: 'orders', Resource: 'orders:live' };
    expect(metricTotal(w, 'AWS/Lambda', 'Errors', { ...res, ExecutedVersion: '2' })).toBe(50);
    expect(metricTotal(w, 'AWS/Lambda', 'Errors', { ...res, ExecutedVersion: '1' })).toBe(0);
    expect(metricTotal(w, 'AWS/Lambda', 'Invocations', res)).toBe(1000);
    expect(metricTotal(w, 'AWS/Lambda', 'Invocations', { FunctionName: 'orders' })).toBe(1000);
    setAliasWeights(w, 'orders', 'live', '2', {});
    w.tick(10);
    expect(w.state.traffic.totals[`${fn}:2`]).toEqual({ requests: 200, errors: 100 });
  });
});

describe('sim: validation', () => {
  const w = new World();
  const { l } = twoGroups([1, 1], w);
  addFunction(w, 'orders', 1);
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['sim:SetTraffic', { RequestsPerSecond: 1 }, /either ListenerArn, or FunctionName/],
    [
      'sim:SetTraffic',
      { ListenerArn: l, FunctionName: 'orders', RequestsPerSecond: 1 },
      /either ListenerArn/,
    ],
    ['sim:SetTraffic', { ListenerArn: `${l}x`, RequestsPerSecond: 1 }, /not found/],
    [
      'sim:SetTraffic',
      { ListenerArn: l, RequestsPerSecond: -1 },
      /RequestsPerSecond must be a number between 0/,
    ],
    ['sim:SetTraffic', { ListenerArn: l }, /RequestsPerSecond must be a number/],
    ['sim:SetTraffic', { FunctionName: 'nope', RequestsPerSecond: 1 }, /Function not found/],
    [
      'sim:SetTraffic',
      { FunctionName: 'orders', Qualifier: 'prod', RequestsPerSecond: 1 },
      /not an alias or a published version/,
    ],
    ['sim:SetBehavior', { ErrorRate: 0.5 }, /exactly one of TaskDefinition, Image, or FunctionName/],
    ['sim:SetBehavior', { Image: 'x', TaskDefinition: 'y' }, /exactly one of/],
    ['sim:SetBehavior', { TaskDefinition: 'ghost:1', ErrorRate: 0.5 }, /TaskDefinition 'ghost:1' not found/],
    ['sim:SetBehavior', { Image: 'nginx', ErrorRate: 1.5 }, /ErrorRate must be a number between 0 and 1/],
    ['sim:SetBehavior', { Image: 'nginx', LatencyMs: 0 }, /LatencyMs must be a number between 1/],
    ['sim:SetBehavior', { FunctionName: 'orders', ErrorRate: 1 }, /Version is required/],
    ['sim:SetBehavior', { FunctionName: 'orders', Version: '7', ErrorRate: 1 }, /not a published version/],
  ];
  it.each(cases)('%s %j -> InvalidParameterException', (action, input, message) => {
    const before = w.state;
    const e = w.err(action, input);
    expect(e.name).toBe('InvalidParameterException');
    expect(e.message).toMatch(message);
    expect(w.state).toBe(before);
  });

  it('RequestsPerSecond 0 stops a source', () => {
    w.ok('sim:SetTraffic', { ListenerArn: l, RequestsPerSecond: 3 });
    expect(Object.keys(w.state.traffic.sources)).toEqual([l]);
    const out = w.ok('sim:SetTraffic', { ListenerArn: l, RequestsPerSecond: 0 });
    expect(out.Source).toMatchObject({ ListenerArn: l, RequestsPerSecond: 0 });
    expect(w.state.traffic.sources).toEqual({});
  });
});
