/**
 * The share-link fuzz: mutates a good link (drop, change, insert or swap characters, cut it short,
 * repeat a piece, change the format) and opens each result in one store with a world on screen. Each
 * must be refused with a message, leaving that world untouched, or opened; nothing may throw. Seeded,
 * so a failure is reproducible. Used by the property test (a modest count) and `npm run fuzz:links`.
 */
import { createGameStore } from '../../src/store/create-game-store.ts';
import { openLink } from '../../src/store/open-link.ts';
import { buildKingdom } from './link-world.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$.=#%&';

export interface FuzzCounts {
  refused: number;
  opened: number;
  /** Refusals grouped by the message's first words. */
  reasons: Record<string, number>;
  crashed: string[];
  changedOnRefusal: string[];
}

/** mulberry32: a tiny seeded generator, so every run mutates the same way. */
function generator(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

export function mutate(link: string, pick: (n: number) => number): string {
  const at = pick(link.length);
  const char = ALPHABET[pick(ALPHABET.length)] ?? 'A';
  switch (pick(7)) {
    case 0:
      return link.slice(0, at) + link.slice(at + 1);
    case 1:
      return link.slice(0, at) + char + link.slice(at + 1);
    case 2:
      return link.slice(0, at) + char + link.slice(at);
    case 3:
      return link.slice(0, at);
    case 4: {
      const other = pick(link.length);
      const [i, j] = at < other ? [at, other] : [other, at];
      return link.slice(0, i) + (link[j] ?? '') + link.slice(i + 1, j) + (link[i] ?? '') + link.slice(j + 1);
    }
    case 5:
      return link.slice(0, at) + link.slice(at, at + 1 + pick(40)) + link.slice(at);
    default:
      return link.replace(/world=\d+/, `world=${pick(4)}`) + (pick(2) ? char : '');
  }
}

export function fuzzLinks(link: string, count: number, seed: number): FuzzCounts {
  const pick = generator(seed);
  const store = createGameStore({ seed: 7 });
  buildKingdom(store);
  const counts: FuzzCounts = { refused: 0, opened: 0, reasons: {}, crashed: [], changedOnRefusal: [] };
  for (let i = 0; i < count; i++) {
    // Mostly one mutation, sometimes several stacked.
    let bad = mutate(link, pick);
    for (let k = pick(4); k > 2; k--) bad = mutate(bad, pick);
    const before = store.getState();
    try {
      const r = openLink(store, bad);
      if (r.ok) {
        counts.opened++;
        continue;
      }
      counts.refused++;
      const reason = r.message.split(/[(:]/)[0]?.trim() ?? r.message;
      counts.reasons[reason] = (counts.reasons[reason] ?? 0) + 1;
      const after = store.getState();
      if (after.sim !== before.sim || after.log !== before.log || after.generation !== before.generation)
        counts.changedOnRefusal.push(bad);
    } catch (e) {
      counts.crashed.push(`${bad}: ${(e as Error).message}`);
    }
  }
  return counts;
}
