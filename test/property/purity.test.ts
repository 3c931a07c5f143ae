/**
 * Property 4 (DESIGN.md 3): step and advance are pure. Every state is deep-frozen before it is handed
 * to step or advance; a write into it would throw (ES modules run in strict mode), and a state that
 * was handed in must still print the same afterwards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Driver, runScenario, runs, scenarioArb } from './arbitraries.ts';
import { deepFreeze, must } from './invariants.ts';

describe('purity', () => {
  it('never mutates the state it is given', () => {
    let transitions = 0;
    fc.assert(
      fc.property(scenarioArb(), (sc) => {
        let before = '';
        const d = new Driver(sc.seed, {
          before: (s) => {
            deepFreeze(s);
            before = JSON.stringify(s);
          },
          after: (tr) => {
            transitions++;
            must(JSON.stringify(tr.prev) === before, () => 'the input state changed');
          },
        });
        runScenario(d, sc);
      }),
      { numRuns: runs(60) },
    );
    expect(transitions).toBeGreaterThan(1000);
  });
});
