/**
 * Properties of traffic routing
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html): over
 * any weights, the shares sum to 100% of the requests, no request is lost or duplicated across target groups
 * and targets, each group's count stays within one request of its weighted share, and a replay is identical.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance } from '../../src/model/index.ts';
import { clean, splitByShares, spreadEven } from '../../src/model/sim/traffic-split.ts';
import type { TargetHealthState } from '../../src/model/sim/types.ts';
import {
  addListener,
  addLoadBalancer,
  addTarget,
  addTargetGroup,
  metricTotal,
  type Weighted,
} from '../support/traffic-world.ts';
import { World } from '../support/world.ts';
import { runs } from './arbitraries.ts';

const STATES: TargetHealthState[] = ['healthy', 'unhealthy', 'initial', 'draining'];
const LB_DIM = 'app/web/web0000000000';

const scenario = fc.record({
  groups: fc.array(
    fc.record({
      weight: fc.integer({ min: 0, max: 999 }),
      targets: fc.array(fc.constantFrom(...STATES), { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  rps: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0.05, max: 150, noNaN: true })),
  seconds: fc.integer({ min: 1, max: 200 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(sc: Scenario) {
  const w = new World();
  const lb = addLoadBalancer(w);
  const tgs = sc.groups.map((g, i) => {
    const arn = addTargetGroup(w, `g${i}`, lb);
    g.targets.forEach((st, j) => {
      addTarget(w, arn, `i-${i}-${j}`, st);
    });
    return arn;
  });
  const l = addListener(
    w,
    lb,
    tgs.map((arn, i) => [arn, sc.groups[i]?.weight ?? 0] as Weighted),
  );
  w.ok('sim:SetTraffic', { ListenerArn: l, RequestsPerSecond: sc.rps });
  return { w, tgs, l };
}

function routedByGroup(w: World, l: string): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (byGroup: Record<string, number>) => {
    for (const [g, n] of Object.entries(byGroup)) out[g] = (out[g] ?? 0) + n;
  };
  for (const e of w.events)
    if (e.type === 'traffic/window' && e.data.source === l) add(e.data.byGroup as Record<string, number>);
  add(w.state.traffic.sourceCurrent[l]?.byGroup ?? {});
  return out;
}

describe('traffic properties', () => {
  it('shares sum to 100% of requests, follow the weights within one request, and nothing is lost or duplicated', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const { w, tgs, l } = build(sc);
        w.tick(sc.seconds);
        const total = Math.floor(clean(sc.rps * sc.seconds));
        const byGroup = routedByGroup(w, l);
        const weightSum = sc.groups.reduce((a, g) => a + g.weight, 0);
        const routedTotal = Object.values(byGroup).reduce((a, b) => a + b, 0);
        if (weightSum === 0) {
          expect(routedTotal).toBe(0);
          expect(
            metricTotal(w, 'AWS/ApplicationELB', 'HTTPCode_ELB_503_Count', { LoadBalancer: LB_DIM }) ?? 0,
          ).toBe(total);
          return;
        }
        expect(routedTotal).toBe(total);
        // Groups weighted alike are merged by listenerShares' caller only per ARN: each ARN is distinct here.
        tgs.forEach((arn, i) => {
          const share = (sc.groups[i]?.weight ?? 0) / weightSum;
          expect(Math.abs((byGroup[arn] ?? 0) - share * total)).toBeLessThan(1 + 1e-6);
        });
        const lbRequests =
          metricTotal(w, 'AWS/ApplicationELB', 'RequestCount', { LoadBalancer: LB_DIM }) ?? 0;
        const elb503 =
          metricTotal(w, 'AWS/ApplicationELB', 'HTTPCode_ELB_5XX_Count', { LoadBalancer: LB_DIM }) ?? 0;
        expect(lbRequests + elb503).toBe(total);
        const perGroup = tgs.reduce(
          (a, arn) =>
            a +
            (metricTotal(w, 'AWS/ApplicationELB', 'RequestCount', {
              LoadBalancer: LB_DIM,
              TargetGroup: arn.slice(arn.lastIndexOf(':') + 1),
            }) ?? 0),
          0,
        );
        expect(perGroup).toBe(lbRequests);
      }),
      { numRuns: runs(60) },
    );
  });

  it('splitByShares and spreadEven conserve every request', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10000 }),
        fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.double({ min: -0.99, max: 0.99, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 100 }),
        (n, weights, carries, k, offset) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const [alloc] = splitByShares(
            n,
            weights.map((x) => x / sum),
            carries.slice(0, weights.length),
          );
          expect(alloc.reduce((a, b) => a + b, 0)).toBe(n);
          expect(alloc.every((x) => x >= 0)).toBe(true);
          const [counts, next] = spreadEven(n, k, offset);
          expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
          expect(next).toBeGreaterThanOrEqual(0);
          expect(next).toBeLessThan(k);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('a replay is identical, and one long advance equals many one-second advances', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const a = build(sc).w;
        const b = build(sc).w;
        const one = advance(a.state, sc.seconds).state;
        let s = b.state;
        for (let i = 0; i < sc.seconds; i++) s = advance(s, 1).state;
        expect(JSON.stringify(s)).toBe(JSON.stringify(one));
        const again = advance(build(sc).w.state, sc.seconds).state;
        expect(again).toEqual(one);
      }),
      { numRuns: runs(25) },
    );
  });
});
