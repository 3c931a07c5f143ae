/**
 * Fuzzing every action through `step` with requests generated from the shape table: valid ones and
 * broken ones (request-arbitraries.ts). Properties (request-check.ts): step never throws nor fails
 * internally, a refused call returns the very state it got, an accepted one leaves plain JSON that
 * shares nothing with the request and that advance can move. Counts are modest for CI; `npm run fuzz`
 * runs the long version.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { supportedActions } from '../../src/model/index.ts';
import { runs } from './arbitraries.ts';
import { namePool, requestArb } from './request-arbitraries.ts';
import { checkedStep, newTally } from './request-check.ts';
import { richWorld } from './request-world.ts';

describe('every action answers any request the way AWS would, and never breaks the world', () => {
  const world = richWorld();
  const pool = namePool(world);
  it.each(supportedActions())('%s', (action) => {
    const tally = newTally();
    fc.assert(
      fc.property(requestArb(action, pool, world.now), (input) => {
        checkedStep(world, { action, input: input as Record<string, unknown> }, tally, 31);
      }),
      { numRuns: runs(12), seed: 20261207 },
    );
    expect(tally.calls).toBeGreaterThanOrEqual(12);
  });
});
