/**
 * Each level's number inside class and progress codes. Append only: a code made today must name the
 * same levels next year, so a new level takes the next number and no number is ever reused (a test
 * checks that every campaign level has one).
 */
export const LEVEL_KEYS: readonly string[] = [
  'arrival',
  'first-territory',
  'first-plan',
  'first-development',
  'more-portals',
  'decree-of-one',
  'decree-of-six',
  'pack-tightly',
  'only-granaries',
  'portal-collapses',
  'repairs',
  'rolling-renovation',
  'the-gate',
  'blue-green',
  'canary',
  'the-watchtower',
  'spells',
  'managed-lands',
  'the-crown',
  'follows-travelers',
  'territories-by-themselves',
  'cheap-mix',
  'two-regions',
];

/** A set of levels as a bit mask over their keys (bit i is LEVEL_KEYS[i]); unknown ids are skipped. */
export function levelMask(ids: Iterable<string>): number {
  let mask = 0;
  for (const id of ids) {
    const k = LEVEL_KEYS.indexOf(id);
    if (k >= 0) mask += 2 ** k;
  }
  return mask;
}

/** The level ids a mask names, in key order; null when it names a key this version does not know. */
export function levelsOfMask(mask: number): string[] | null {
  const ids: string[] = [];
  let m = mask;
  for (let k = 0; m > 0; k++, m = Math.floor(m / 2)) {
    if (m % 2 === 0) continue;
    const id = LEVEL_KEYS[k];
    if (id === undefined) return null;
    ids.push(id);
  }
  return ids;
}
