/**
 * The gallery's demos: at least ten, ids unique, each naming a level that exists, and each one played
 * in a store of its own (as an embed plays it) reaches every goal of its level with no failed call.
 */
import { describe, expect, it } from 'vitest';
import { DEMOS, demoById } from '../../src/levels/gallery.ts';
import { levelById } from '../../src/levels/index.ts';
import { createGameStore } from '../../src/store/create-game-store.ts';
import { startDemo } from '../../src/store/demo-session.ts';

describe('the gallery', () => {
  it('has at least ten demos with unique ids, known levels and known comparisons', () => {
    expect(DEMOS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(DEMOS.map((d) => d.id)).size).toBe(DEMOS.length);
    for (const d of DEMOS) {
      expect(levelById(d.level), d.id).toBeDefined();
      if (d.compare) expect(demoById(d.compare), d.id).toBeDefined();
      expect(d.caption.length).toBeLessThan(110);
    }
  });

  it.each(DEMOS.map((d) => [d.id] as const))('demo %s plays to the end and reaches its goals', (id) => {
    const store = createGameStore({ seed: 1 });
    expect(startDemo(store, { kind: 'demo', id })).toEqual({ ok: true });
    for (let i = 0; i < 2_000 && store.getState().level?.demo; i++) store.getState().advance(10);
    const { level, api } = store.getState();
    expect(level?.demo).toBeNull();
    expect(api.filter((r) => 'error' in r.response).map((r) => r.call.action)).toEqual([]);
    expect(level?.done).toBe(true);
  });

  it('refuses an unknown demo, level or link with a message and keeps the world', () => {
    const store = createGameStore({ seed: 1 });
    const sim = store.getState().sim;
    expect(startDemo(store, { kind: 'demo', id: 'nope' })).toEqual({
      ok: false,
      message: 'There is no demo "nope" in the gallery.',
    });
    expect(startDemo(store, { kind: 'level', id: 'nope' })).toMatchObject({ ok: false });
    expect(startDemo(store, { kind: 'world', link: '#world=1.xyz' })).toMatchObject({ ok: false });
    expect(store.getState().sim).toBe(sim);
  });
});
