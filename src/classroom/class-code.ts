/**
 * Class codes: what a teacher hands to a room so every student starts the identical world with no
 * server. A code names the levels (or a sandbox world), the seed, and an optional storm schedule: the
 * things the world will do on its own at given simulated times (a portal collapses, an edition starts
 * failing). Same seed, same scenario, same storms at the same simulated seconds: the same world.
 *
 * Layout after the envelope (envelope.ts): seed (varint), level mask (varint, 0 = sandbox), storm
 * count (varint), then per storm its second (varint), its kind (3 bits) and the kind's fields.
 */
import { BitReader, BitWriter } from './bits.ts';
import { type CodeRefusal, openCode, refuse, sealCode } from './envelope.ts';
import { LEVEL_KEYS, levelMask, levelsOfMask } from './level-keys.ts';

export const CLASS_CODE_VERSION = 1;

/** ECS task definition family names: letters, digits, hyphens and underscores (64 characters). */
export const FAMILY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const FAMILY_MAX = 40;
/** Zones are named by their letter after the region (za-southwest-1b): at most six per region. */
export const ZONE_LETTERS = 'abcdef';

/** Something the world does on its own `at` seconds after the level (or sandbox) starts. */
export type Storm =
  | { at: number; kind: 'zoneDown'; zone: string }
  | { at: number; kind: 'zoneUp'; zone: string }
  | { at: number; kind: 'failingEdition'; family: string; revision: number; errorPercent: number };

export type ClassWorld = { kind: 'levels'; levels: string[] } | { kind: 'sandbox' };

export interface ClassPlan {
  seed: number;
  world: ClassWorld;
  storms: Storm[];
}

const STORM_KINDS: Storm['kind'][] = ['zoneDown', 'zoneUp', 'failingEdition'];
/** The longest storm schedule a code carries (a class period is short). */
export const MAX_STORMS = 8;
/** Storms fall within the first simulated day. */
export const MAX_STORM_SECOND = 86_400;

/** What is wrong with a plan before it becomes a code (empty when it can be encoded). */
export function planProblems(plan: ClassPlan): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(plan.seed) || plan.seed < 0 || plan.seed > 0xffffffff)
    problems.push('The seed must be a whole number from 0 to 4294967295.');
  if (plan.world.kind === 'levels') {
    if (plan.world.levels.length === 0) problems.push('Pick at least one level, or the sandbox.');
    for (const id of plan.world.levels)
      if (!LEVEL_KEYS.includes(id)) problems.push(`There is no level "${id}".`);
  }
  if (plan.storms.length > MAX_STORMS) problems.push(`A class code carries at most ${MAX_STORMS} storms.`);
  plan.storms.forEach((s, i) => {
    const n = `Storm ${i + 1}`;
    if (!Number.isInteger(s.at) || s.at < 0 || s.at > MAX_STORM_SECOND)
      problems.push(`${n}: its time must be between 0:00 and 24:00:00 simulated.`);
    if (s.kind === 'failingEdition') {
      if (!/^[A-Za-z0-9_-]+$/.test(s.family) || s.family.length > FAMILY_MAX)
        problems.push(`${n}: a plan family is 1 to ${FAMILY_MAX} letters, digits, hyphens or underscores.`);
      if (!Number.isInteger(s.revision) || s.revision < 1 || s.revision > 9999)
        problems.push(`${n}: the edition is a whole number from 1 to 9999.`);
      if (!Number.isInteger(s.errorPercent) || s.errorPercent < 1 || s.errorPercent > 100)
        problems.push(`${n}: the failing share is a whole percent from 1 to 100.`);
    } else if (s.zone.length !== 1 || !ZONE_LETTERS.includes(s.zone)) {
      problems.push(`${n}: the portal is a letter from a to f.`);
    }
  });
  return problems;
}

/** The plan as a code; throws on a plan with problems (check planProblems first). */
export function encodeClassCode(plan: ClassPlan): string {
  const problems = planProblems(plan);
  if (problems.length > 0) throw new Error(problems.join(' '));
  const w = new BitWriter().varint(plan.seed);
  w.varint(plan.world.kind === 'sandbox' ? 0 : levelMask(plan.world.levels));
  w.varint(plan.storms.length);
  for (const s of plan.storms) {
    w.varint(s.at).uint(STORM_KINDS.indexOf(s.kind), 3);
    if (s.kind === 'failingEdition')
      w.text(s.family, FAMILY_ALPHABET).varint(s.revision).uint(s.errorPercent, 7);
    else w.uint(ZONE_LETTERS.indexOf(s.zone), 3);
  }
  return sealCode('class', CLASS_CODE_VERSION, w.symbols());
}

export type DecodedClass = { ok: true; plan: ClassPlan } | CodeRefusal;

export function decodeClassCode(text: string): DecodedClass {
  const opened = openCode(text, 'class', CLASS_CODE_VERSION);
  if (!opened.ok) return opened;
  const r = new BitReader(opened.payload);
  const seed = r.varint();
  const mask = r.varint();
  const count = r.varint();
  const storms: Storm[] = [];
  for (let i = 0; i < count && i <= MAX_STORMS && !r.overrun; i++) {
    const at = r.varint();
    const kind = STORM_KINDS[r.uint(3)];
    if (kind === 'failingEdition') {
      const family = r.text(FAMILY_ALPHABET, FAMILY_MAX);
      storms.push({ at, kind, family, revision: r.varint(), errorPercent: r.uint(7) });
    } else if (kind) storms.push({ at, kind, zone: ZONE_LETTERS[r.uint(3)] ?? '?' });
    else return refuse('damaged', 'This class code is damaged (it names a storm this game does not know).');
  }
  if (r.overrun || !r.atEnd()) return refuse('damaged', 'This class code is damaged (its length is wrong).');
  const levels = levelsOfMask(mask);
  if (levels === null)
    return refuse(
      'newer',
      'This class code names a level this version of Nozama does not have: reload the page to update the game.',
    );
  const plan: ClassPlan = {
    seed,
    world: mask === 0 ? { kind: 'sandbox' } : { kind: 'levels', levels },
    storms,
  };
  const problems = planProblems(plan);
  if (problems.length > 0) return refuse('damaged', `This class code is damaged: ${problems.join(' ')}`);
  return { ok: true, plan };
}
