/**
 * Property 2 (DESIGN.md 7): placement constraints always hold
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html). For every
 * task placed by RunTask or by a service scheduler during random call-and-fault sequences: the instance was
 * ACTIVE, agent-connected and running; every memberOf expression in force (task definition's and request's or
 * service's: zone `in [...]`, `instance-type ==`, a custom attribute set by PutAttributes) holds for it; and
 * with distinctInstance no other live task of its group was on that instance at the moment of placement.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, Driver, runScenario, runs, scenarioArb } from './arbitraries.ts';
import { checkPlacements, type PlacementCheckStats } from './invariants.ts';

describe('placement constraints', () => {
  it('memberOf and distinctInstance hold for every placement, on ACTIVE connected instances only', () => {
    const stats: PlacementCheckStats = { placements: 0, distinct: 0, memberOf: 0 };
    fc.assert(
      fc.property(scenarioArb({ weights: { ...DEFAULT_WEIGHTS, tasks: 8, services: 6 } }), (sc) => {
        const d = new Driver(sc.seed, { after: (tr) => checkPlacements(tr, stats) });
        runScenario(d, sc);
      }),
      { numRuns: runs(100) },
    );
    // The property must have exercised what it claims to check.
    expect(stats.distinct).toBeGreaterThan(50);
    expect(stats.memberOf).toBeGreaterThan(50);
  });
});
