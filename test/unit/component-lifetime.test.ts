/**
 * A component's lifetime (src/ui/component.ts) lets go of everything on destroy: store subscriptions,
 * frame-batched renders (a pending frame is cancelled) and its children's destroys, newest first.
 * Animation frames are stubbed with a queue the test flushes by hand.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGameStore } from '../../src/store/create-game-store.ts';
import { lifetime } from '../../src/ui/component.ts';

let frames: Map<number, FrameRequestCallback>;
let next = 0;
const flush = () => {
  const due = [...frames.values()];
  frames.clear();
  for (const f of due) f(0);
};

beforeEach(() => {
  frames = new Map();
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => {
    next += 1;
    frames.set(next, f);
    return next;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});
afterEach(() => vi.unstubAllGlobals());

describe('lifetime', () => {
  it('renders once per frame while alive, never after destroy', () => {
    const store = createGameStore({ seed: 1 });
    const life = lifetime(store);
    const seen: string[] = [];
    life.subscribe(
      (s) => s.ui.names,
      (names) => seen.push(`names:${names}`),
    );
    let renders = 0;
    life.live([(s) => s.ui.names, (s) => s.clock.speed], () => {
      renders += 1;
    });
    store.getState().setNames('aws');
    store.getState().setSpeed(4);
    flush();
    expect(renders).toBe(1);
    expect(seen).toEqual(['names:aws']);

    store.getState().setNames('both');
    expect(frames.size).toBe(1);
    life.destroy();
    expect(frames.size).toBe(0);
    flush();
    store.getState().setNames('nozama');
    store.getState().setSpeed(16);
    flush();
    expect(renders).toBe(1);
    expect(seen).toEqual(['names:aws', 'names:both']);
  });

  it('releases what it owns, newest first, and only once', () => {
    const life = lifetime(createGameStore({ seed: 1 }));
    const order: string[] = [];
    life.own(() => order.push('child a'));
    life.own(() => order.push('child b'));
    life.destroy();
    life.destroy();
    expect(order).toEqual(['child b', 'child a']);
  });
});
