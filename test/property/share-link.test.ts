/**
 * Share links as properties: any world (random calls and faults, valid and invalid, with time passing
 * between them) -> link -> the same world; and mutated links (characters dropped, changed, inserted,
 * cut short) are each either refused with a message, leaving the world on screen untouched, or opened,
 * never a crash. `npm run fuzz:links` runs the mutation fuzz 100,000 times and prints its counts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionAccess } from '../../src/model/index.ts';
import { createGameStore, type LoggedCall } from '../../src/store/create-game-store.ts';
import { openLink } from '../../src/store/open-link.ts';
import { encodeLink, type LinkWorld, linkWorldOf } from '../../src/store/share-link.ts';
import { fuzzLinks } from '../support/link-fuzz.ts';
import { buildKingdom } from '../support/link-world.ts';
import { Driver, REGION, runScenario, runs, scenarioArb } from './arbitraries.ts';

describe('share links (properties)', () => {
  it('any world -> link -> the same world', () => {
    fc.assert(
      fc.property(scenarioArb({ maxOps: 25 }), (sc) => {
        // The log a player's store would keep: every call that changed the world, with its second.
        const calls: LoggedCall[] = [];
        const d = new Driver(sc.seed, {
          after: (tr) => {
            if (tr.kind !== 'step' || 'error' in tr.result.response) return;
            if (actionAccess(tr.call.action) !== 'write') return;
            calls.push({ t: tr.prev.now - tr.prev.startedAt, call: tr.call });
          },
        });
        runScenario(d, sc);
        const world: LinkWorld = {
          level: null,
          seed: sc.seed,
          region: REGION,
          view: REGION,
          elapsed: d.state.now - d.state.startedAt,
          calls,
        };
        const store = createGameStore({ seed: 1 });
        const r = openLink(store, `#${encodeLink(world)}`);
        expect(r.ok ? 'opened' : r.message).toBe('opened');
        expect(store.getState().sim).toEqual(d.state);
        // And back out again: the opened world's own link is the same link.
        expect(encodeLink(linkWorldOf(store.getState().save(), null, store.getState().ui.region))).toBe(
          encodeLink(world),
        );
      }),
      { numRuns: runs(25) },
    );
  });

  it('mutated links are refused with a message or opened, never a crash, never a changed world', () => {
    const source = createGameStore({ seed: 42 });
    buildKingdom(source);
    const link = `#${encodeLink(linkWorldOf(source.getState().save(), null, source.getState().ui.region))}`;
    const counts = fuzzLinks(link, runs(1_500), 2026);
    expect(counts.crashed).toEqual([]);
    expect(counts.changedOnRefusal).toEqual([]);
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.refused + counts.opened).toBe(runs(1_500));
  });
});
