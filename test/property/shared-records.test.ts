/**
 * The state's shared records (src/model/sim/shared-record.ts) change nothing a player or a save can
 * see: a record behaves as a plain object under any sequence of writes and deletions (order included,
 * across compactions), old versions keep their entries, and after any sequence of calls and seconds
 * the world equals, as JSON, the same step taken from the JSON round trip of the world before it (records
 * rebuilt without history or sharing). The placement candidates brought up to date call by call
 * (ecs-placement-input.ts) equal the ones built from scratch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatesFromScratch, candidatesOf } from '../../src/model/ecs/ecs-placement-input.ts';
import { advance, step } from '../../src/model/index.ts';
import { Ctx } from '../../src/model/sim/ctx.ts';
import { SharedRecord } from '../../src/model/sim/shared-record.ts';
import type { SimState } from '../../src/model/sim/types.ts';
import { jsonCopy } from '../support/world.ts';
import { Driver, runScenario, runs, scenarioArb } from './arbitraries.ts';
import { must } from './invariants.ts';

type Op = { key: string; value: number } | { key: string; remove: true } | { fork: true };
const keyArb = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'a', 'b'),
  fc.integer({ min: 0, max: 150 }).map((n) => `arn:aws:ecs:za-southwest-1:123456789012:task/k/${n}`),
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ key: keyArb, value: fc.integer() }) },
  { weight: 4, arbitrary: fc.record({ key: keyArb, remove: fc.constant(true as const) }) },
  { weight: 1, arbitrary: fc.constant({ fork: true as const }) },
);

describe('shared records', () => {
  it('behave as a plain record under any writes and deletions, and old versions keep theirs', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 600 }), (ops) => {
        let owned = new Set<object>();
        let rec = SharedRecord.edit(SharedRecord.empty<number>(), owned);
        let model = new Map<string, number>();
        const kept: [SharedRecord<number>, [string, number][]][] = [];
        for (const op of ops) {
          if ('fork' in op) {
            kept.push([rec, [...model]]);
            owned = new Set();
            rec = SharedRecord.edit(rec, owned);
            model = new Map(model);
          } else if ('remove' in op) {
            rec.delete(owned, op.key);
            model.delete(op.key);
          } else {
            rec.set(owned, op.key, op.value);
            model.set(op.key, op.value);
          }
        }
        kept.push([rec, [...model]]);
        for (const [r, entries] of kept) {
          expect(r.entries()).toEqual(entries);
          expect(r.size).toBe(entries.length);
          for (const [k, v] of entries) expect(r.get(k)).toBe(v);
          expect(r.has('missing')).toBe(false);
          expect(JSON.stringify(r)).toBe(JSON.stringify(Object.fromEntries(entries)));
          expect(JSON.stringify(SharedRecord.fromJson(JSON.parse(JSON.stringify(r))))).toBe(
            JSON.stringify(r),
          );
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('refuse a write to a version another call made', () => {
    const owned = new Set<object>();
    const rec = SharedRecord.edit(SharedRecord.empty<number>(), owned);
    rec.set(owned, 'a', 1);
    expect(() => rec.set(new Set(), 'a', 2)).toThrow(/another call/);
    expect(rec.get('a')).toBe(1);
  });

  it('leave every world as JSON equal to the same step from its JSON round trip; candidates agree', () => {
    let transitions = 0;
    let candidatesSeen = 0;
    fc.assert(
      fc.property(scenarioArb(), (sc) => {
        let before = '';
        const d = new Driver(
          sc.seed,
          {
            before: (s) => {
              before = JSON.stringify(s);
            },
            after: (tr) => {
              transitions++;
              // First the candidates carried from the call (before another world's call moves the cache).
              const next = tr.result.state;
              const ctx = new Ctx(next, next.defaultRegion);
              for (const cluster of Object.values(next.clusters)) {
                const carried = candidatesOf(ctx, cluster);
                candidatesSeen += carried.length;
                must(
                  JSON.stringify(carried) === JSON.stringify(candidatesFromScratch(ctx, cluster)),
                  () => `the candidates of ${cluster.clusterName} drifted`,
                );
              }
              const fresh: SimState = jsonCopy(tr.prev);
              const again = tr.kind === 'step' ? step(fresh, tr.call) : advance(fresh, tr.seconds);
              must(
                JSON.stringify(again.state) === JSON.stringify(tr.result.state),
                () => 'a world differs from the one built without sharing',
              );
              must(
                JSON.stringify(again.events) === JSON.stringify(tr.result.events),
                () => 'events differ without sharing',
              );
              if (tr.kind === 'step' && 'response' in again)
                must(
                  JSON.stringify(again.response) === JSON.stringify(tr.result.response),
                  () => 'a response differs without sharing',
                );
              must(JSON.stringify(tr.prev) === before, () => 'the old world changed');
            },
          },
          7,
        );
        runScenario(d, sc);
      }),
      { numRuns: runs(20) },
    );
    expect(transitions).toBeGreaterThan(300);
    expect(candidatesSeen).toBeGreaterThan(100);
  });
});
