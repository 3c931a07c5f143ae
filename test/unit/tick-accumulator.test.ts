import { describe, expect, it } from 'vitest';
import { MAX_SECONDS_PER_FRAME, TickAccumulator } from '../../src/game/tick-accumulator.ts';

describe('the fixed-step clock', () => {
  it.each([1, 4, 16])('at %ix, 60 frames of 1/60 s make %i simulated seconds', (speed) => {
    const acc = new TickAccumulator();
    let total = 0;
    for (let i = 0; i < 60; i++) total += acc.take(1000 / 60, { speed, paused: false });
    expect(Math.abs(total - speed)).toBeLessThanOrEqual(1);
  });

  it('keeps the fraction for the next frame and gives whole seconds only', () => {
    const acc = new TickAccumulator();
    expect(acc.take(600, { speed: 1, paused: false })).toBe(0);
    expect(acc.take(600, { speed: 1, paused: false })).toBe(1);
    expect(acc.take(800, { speed: 1, paused: false })).toBe(1);
  });

  it('gives nothing while paused and forgets the fraction', () => {
    const acc = new TickAccumulator();
    acc.take(900, { speed: 1, paused: false });
    expect(acc.take(5000, { speed: 16, paused: true })).toBe(0);
    expect(acc.take(200, { speed: 1, paused: false })).toBe(0);
  });

  it('caps a long frame instead of replaying it', () => {
    const acc = new TickAccumulator();
    expect(acc.take(60_000, { speed: 64, paused: false })).toBe(MAX_SECONDS_PER_FRAME);
  });
});
