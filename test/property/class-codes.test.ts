/**
 * Properties of class and progress codes: any plan or card round-trips through its code, and every
 * single-character typo and every swap of two neighbouring different characters is refused (the
 * Damm check character), exhaustively over each generated code's characters and the whole alphabet.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALPHABET,
  type ClassPlan,
  cleanName,
  decodeClassCode,
  decodeProgressCode,
  encodeClassCode,
  encodeProgressCode,
  FAMILY_ALPHABET,
  LEVEL_KEYS,
  MAX_STORM_SECOND,
  MAX_STORMS,
  NAME_ALPHABET,
  NAME_MAX,
  type ProgressCard,
  type Storm,
  ZONE_LETTERS,
} from '../../src/classroom/index.ts';
import { runs } from './arbitraries.ts';

const chars = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));

const zone = fc.constantFrom(...ZONE_LETTERS);
const at = fc.integer({ min: 0, max: MAX_STORM_SECOND });
const storm: fc.Arbitrary<Storm> = fc.oneof(
  fc.record({ at, kind: fc.constant('zoneDown' as const), zone }),
  fc.record({ at, kind: fc.constant('zoneUp' as const), zone }),
  fc.record({
    at,
    kind: fc.constant('failingEdition' as const),
    family: chars(FAMILY_ALPHABET, 1, 12),
    revision: fc.integer({ min: 1, max: 9999 }),
    errorPercent: fc.integer({ min: 1, max: 100 }),
  }),
);
const plan: fc.Arbitrary<ClassPlan> = fc.record({
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  world: fc.oneof(
    fc.constant({ kind: 'sandbox' as const }),
    fc.subarray([...LEVEL_KEYS], { minLength: 1 }).map((levels) => ({ kind: 'levels' as const, levels })),
  ),
  storms: fc.array(storm, { maxLength: MAX_STORMS }),
});
const card: fc.Arbitrary<ProgressCard> = fc.record({
  name: chars(NAME_ALPHABET, 1, NAME_MAX).filter((n) => cleanName(n) === n && n !== ''),
  stars: fc
    .subarray([...LEVEL_KEYS])
    .chain((ids) =>
      fc
        .array(fc.integer({ min: 0, max: 3 }), { minLength: ids.length, maxLength: ids.length })
        .map((s) => Object.fromEntries(ids.map((id, i) => [id, s[i] as number]))),
    ),
});

/** Every code one character away (each position, each other symbol) and every neighbour swap. */
function mistypings(code: string): string[] {
  const plain = code.replaceAll('-', '');
  const out: string[] = [];
  for (let i = 0; i < plain.length; i++) {
    for (const c of ALPHABET) if (c !== plain[i]) out.push(plain.slice(0, i) + c + plain.slice(i + 1));
    const a = plain[i];
    const b = plain[i + 1];
    if (b !== undefined && a !== b) out.push(plain.slice(0, i) + b + a + plain.slice(i + 2));
  }
  return out;
}

/** Each kind of code: values of it, its encoder, and its decoder's answer for a value. */
const KINDS = [
  {
    kind: 'class codes',
    values: plan as fc.Arbitrary<unknown>,
    encode: (v: unknown) => encodeClassCode(v as ClassPlan),
    decode: decodeClassCode,
    decoded: (v: unknown) => ({ ok: true, plan: v }),
  },
  {
    kind: 'progress codes',
    values: card as fc.Arbitrary<unknown>,
    encode: (v: unknown) => encodeProgressCode(v as ProgressCard),
    decode: decodeProgressCode,
    decoded: (v: unknown) => ({ ok: true, card: v }),
  },
];

describe.each(KINDS)('$kind', ({ values, encode, decode, decoded }) => {
  it('round-trip any value', () => {
    fc.assert(
      fc.property(values, (v) => {
        expect(decode(encode(v))).toEqual(decoded(v));
      }),
      { numRuns: runs(300) },
    );
  });

  it('refuse every single-character typo and every neighbour swap', () => {
    fc.assert(
      fc.property(values, (v) => {
        for (const typo of mistypings(encode(v))) expect(decode(typo).ok).toBe(false);
      }),
      { numRuns: runs(25) },
    );
  });
});
