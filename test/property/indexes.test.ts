/**
 * The derived indexes (src/model/sim/indexes.ts) always agree with a from-scratch recomputation:
 * before every step or advance every index of the incoming state is built (so Ctx must carry it
 * through the call by cloning and updating), and after it the carried indexes of the new state must
 * list exactly the keys, in exactly the order, that a fresh build from the new state (or from its
 * JSON round trip) lists. The old state's indexes must still match the old state (undo reads them).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexSnapshot } from '../../src/model/sim/indexes.ts';
import { adoptJson } from '../../src/model/sim/state-json.ts';
import type { SimState } from '../../src/model/sim/types.ts';
import { Driver, runScenario, runs, scenarioArb } from './arbitraries.ts';
import { must } from './invariants.ts';

const roundTrip = (s: SimState): SimState => adoptJson(JSON.parse(JSON.stringify(s)) as SimState);

describe('indexes', () => {
  it('agree with a recomputation after every call and every second, and old states keep theirs', () => {
    let transitions = 0;
    let indexedTasks = 0;
    fc.assert(
      fc.property(scenarioArb(), (sc) => {
        let before = '';
        const d = new Driver(
          sc.seed,
          {
            before: (s) => {
              before = JSON.stringify(indexSnapshot(s, false));
            },
            after: (tr) => {
              transitions++;
              const next = tr.result.state;
              const carried = JSON.stringify(indexSnapshot(next, false));
              must(
                carried === JSON.stringify(indexSnapshot(next, true)),
                () => 'an index drifted from the state',
              );
              must(
                carried === JSON.stringify(indexSnapshot(roundTrip(next), false)),
                () => 'an index differs from the one of the JSON round trip',
              );
              must(
                JSON.stringify(indexSnapshot(tr.prev, false)) === before,
                () => 'the old state lost its index',
              );
              indexedTasks += Object.keys(indexSnapshot(next, false)['tasks.byInstance'] ?? {}).length;
            },
          },
          7,
        );
        runScenario(d, sc);
      }),
      { numRuns: runs(25) },
    );
    expect(transitions).toBeGreaterThan(300);
    // The scenarios did put tasks on instances (the property is not vacuous).
    expect(indexedTasks).toBeGreaterThan(100);
  });
});
