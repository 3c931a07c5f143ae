/**
 * Property 3 (DESIGN.md 3, 7): the same seed and the same calls (with the same advances between them)
 * give the same states, events and responses; every state is plain JSON (survives
 * JSON.parse(JSON.stringify(state)) deep-equal, its shared records standing for the plain records they
 * write); a failed call hands back the very state it was given
 * and writes no events; and a read-only call changes nothing.
 */
import { deepStrictEqual } from 'node:assert/strict';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionAccess, type SimState } from '../../src/model/index.ts';
import { SharedRecord } from '../../src/model/sim/shared-record.ts';
import { BOGUS, Driver, runScenario, runs, scenarioArb, type Transition } from './arbitraries.ts';
import { must } from './invariants.ts';

/** The state with each shared record replaced by the plain record it stands for (no JSON involved). */
function plainView(s: SimState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) out[k] = v instanceof SharedRecord ? v.toJSON() : v;
  return out;
}

/** One line per step or advance: what a replay must reproduce exactly. */
function fingerprint(tr: Transition): string {
  const head = tr.kind === 'step' ? JSON.stringify(tr.call) : `advance ${tr.seconds}`;
  const response = tr.kind === 'step' ? JSON.stringify(tr.result.response) : '';
  return `${head}\n${response}\n${JSON.stringify(tr.result.events)}\n${JSON.stringify(tr.result.state)}`;
}

describe('determinism', () => {
  it('same seed and calls give the same states, events and responses', () => {
    let failedCalls = 0;
    let readCalls = 0;
    fc.assert(
      fc.property(scenarioArb(), (sc) => {
        const first: string[] = [];
        const a = new Driver(sc.seed, {
          after: (tr) => {
            first.push(fingerprint(tr));
            const s = tr.result.state;
            deepStrictEqual(JSON.parse(JSON.stringify(s)), plainView(s), 'state is not plain JSON');
            if (tr.kind !== 'step') return;
            const call = tr.call;
            if (BOGUS.some((b) => b.input === call.input))
              must('error' in tr.result.response, () => `invalid call ${JSON.stringify(call)} succeeded`);
            if ('error' in tr.result.response) {
              failedCalls++;
              must(tr.result.state === tr.prev, () => `failed ${tr.call.action} returned a new state`);
              must(tr.result.events.length === 0, () => `failed ${tr.call.action} wrote events`);
            } else if (actionAccess(tr.call.action) === 'read') {
              readCalls++;
              must(tr.result.state === tr.prev, () => `read-only ${tr.call.action} returned a new state`);
              must(tr.result.events.length === 0, () => `read-only ${tr.call.action} wrote events`);
            }
          },
        });
        runScenario(a, sc);

        let i = 0;
        const b = new Driver(sc.seed, {
          after: (tr) => {
            const want = first[i];
            const got = fingerprint(tr);
            must(got === want, () => `replay diverged at transition ${i} (${got.split('\n')[0]})`);
            i++;
          },
        });
        runScenario(b, sc);
        expect(i).toBe(first.length);
      }),
      { numRuns: runs(60) },
    );
    expect(failedCalls).toBeGreaterThan(100);
    expect(readCalls).toBeGreaterThan(10);
  });

  it('different seeds give different worlds (the seed is really used)', () => {
    fc.assert(
      fc.property(scenarioArb({ maxOps: 10 }), fc.integer({ min: 1, max: 0x7fffffff }), (sc, other) => {
        fc.pre(other !== sc.seed);
        const a = new Driver(sc.seed);
        runScenario(a, sc);
        const b = new Driver(other);
        runScenario(b, { ...sc, seed: other });
        // Instance and task ids come from the seeded PRNG.
        expect(a.state.instances.keys().join()).not.toBe(b.state.instances.keys().join());
      }),
      { numRuns: runs(30) },
    );
  });
});
