/**
 * Seeded randomness. The simulation never calls Math.random: every draw comes from sfc32, whose
 * four words live in the state, so the same seed and calls give the same world.
 */

export type RngState = [number, number, number, number];

/** Expands a 32-bit seed into sfc32's state with splitmix32, then warms it up. */
export function seedRng(seed: number): RngState {
  let x = seed >>> 0;
  const next = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let st: RngState = [next(), next(), next(), next()];
  for (let i = 0; i < 12; i++) st = nextRng(st)[1];
  return st;
}

/** One sfc32 draw: returns [a uint32, the next state]. */
export function nextRng(st: RngState): [number, RngState] {
  let [a, b, c, d] = st;
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) >>> 0;
  return [t, [a >>> 0, b, c, d]];
}
