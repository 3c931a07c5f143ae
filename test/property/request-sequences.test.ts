/**
 * 1,000 seeded sequences of calls (valid and broken, on every action), faults and time from the rich
 * world, with the request checks after every call and the resource invariant after every step
 * (request-sequences.ts). `npm run fuzz` runs 10,000.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from './arbitraries.ts';
import { newTally } from './request-check.ts';
import { runSequence, sequenceArb } from './request-sequences.ts';
import { richWorld } from './request-world.ts';

describe('hostile sequences of calls, faults and time', () => {
  it('never throw, never change the world on a refusal, and always leave a world that moves', () => {
    const world = richWorld();
    const tally = newTally();
    fc.assert(
      fc.property(sequenceArb(world), (seq) => {
        runSequence(world, seq, tally);
      }),
      { numRuns: runs(1000), seed: 20261207 },
    );
    // The run reached real work: some calls were accepted and time moved.
    expect(tally.accepted).toBeGreaterThan(100);
    expect(tally.advances).toBeGreaterThan(1000);
    // About 10 s of CPU alone; the whole suite shares 2 loaded cores, hence the room.
  }, 180_000);
});
