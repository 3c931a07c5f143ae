/**
 * The characters of class and progress codes, and their check character.
 *
 * Alphabet: Crockford's Base32 (https://www.crockford.com/base32.html): digits and capital letters
 * without I, L, O and U, so nothing reads as something else. Reading is forgiving the way Crockford
 * describes: lower case is accepted, I and L read as 1, O reads as 0, and hyphens and spaces
 * (the groups the game prints for readability) are ignored.
 *
 * Check character: the Damm algorithm over a quasigroup of order 32, x * y = 2x + y in GF(32)
 * (the field built on the primitive polynomial x^5 + x^2 + 1). Because 2 is neither 0 nor 1 in the
 * field, the quasigroup is totally anti-symmetric, so a single changed character and any swap of
 * two neighbouring different characters always change the result (Damm 2004; the property tests
 * check both exhaustively for sample codes). A check catches typos; it proves nothing about who
 * made a code.
 */

export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const VALUE: Record<string, number> = {};
for (let i = 0; i < ALPHABET.length; i++) {
  const ch = ALPHABET[i] as string;
  VALUE[ch] = i;
  VALUE[ch.toLowerCase()] = i;
}
for (const [alias, ch] of [
  ['I', '1'],
  ['i', '1'],
  ['L', '1'],
  ['l', '1'],
  ['O', '0'],
  ['o', '0'],
] as const)
  VALUE[alias] = VALUE[ch] as number;

/** Doubling in GF(32) with the reduction polynomial x^5 + x^2 + 1 (0b100101). */
function times2(x: number): number {
  const y = x << 1;
  return y & 32 ? y ^ 0b100101 : y;
}

/** Damm's running value after the given symbols (0-31 each). */
function dammInterim(values: readonly number[]): number {
  let interim = 0;
  for (const v of values) interim = times2(interim) ^ v;
  return interim;
}

/** The check symbol that brings the running value back to 0. */
export function checkSymbol(values: readonly number[]): number {
  return times2(dammInterim(values));
}

/** True when the symbols end with a correct check symbol. */
export function checkPasses(values: readonly number[]): boolean {
  return values.length > 0 && dammInterim(values) === 0;
}

export type ReadSymbols = { ok: true; values: number[] } | { ok: false; badChar: string };

/** Reads typed text into symbols (forgiving as above), or names the first character that is not one. */
export function readSymbols(text: string): ReadSymbols {
  const values: number[] = [];
  for (const ch of text) {
    if (ch === '-' || ch === ' ' || ch === '\t') continue;
    const v = VALUE[ch];
    if (v === undefined) return { ok: false, badChar: ch };
    values.push(v);
  }
  return { ok: true, values };
}

/** Symbols as text in groups of four joined by hyphens ("C1K9-2QWE-..."), easy to read aloud. */
export function writeSymbols(values: readonly number[]): string {
  const chars = values.map((v) => ALPHABET[v] as string).join('');
  return chars.match(/.{1,4}/g)?.join('-') ?? '';
}
