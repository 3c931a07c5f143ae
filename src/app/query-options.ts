/**
 * The page's address, read strictly: every query parameter the game reads is checked, a value it
 * cannot use is named in a problem for the player (shown in the same notice as an unknown level), and
 * nothing is guessed (`?seed=0x10` is not 16, `?seed=NaN` is not 1). The result is typed options a
 * mount can take, plus the problems to show.
 *
 * | parameter    | values                                                                  |
 * | ------------ | ----------------------------------------------------------------------- |
 * | `seed`       | a whole number 0-4294967295 in decimal digits                           |
 * | `renderer`   | `webgl` or `canvas`                                                     |
 * | `place`      | `planet`, `region`, `kingdom`, or a zone of any region (opens that region) |
 * | `level`      | a level id                                                              |
 * | `class`      | a class code (read here once; class-session.ts checks the code itself)  |
 * | `sandbox`, `campaign`, `present`, `testBridge` | `1` (on) or `0` (off)                 |
 *
 * Parameters the game does not read are left alone (a blog or a mail client may add its own).
 */
import type { RendererChoice } from '../game/create-game.ts';
import { placeFromParam } from '../game/places.ts';
import { levelById } from '../levels/index.ts';
import type { Level } from '../levels/types.ts';
import { DEFAULT_REGION, regionOfZone, zoneNames } from '../model/index.ts';
import type { ViewPlace } from '../store/create-game-store.ts';

export const QUERY_PARAMS = [
  'seed',
  'renderer',
  'place',
  'level',
  'sandbox',
  'campaign',
  'present',
  'class',
  'testBridge',
] as const;
export type QueryParam = (typeof QUERY_PARAMS)[number];

export interface QueryOptions {
  /** The world's seed; absent: the game's default. */
  seed?: number;
  renderer?: Exclude<RendererChoice, 'auto'>;
  /** Where the view opens; absent: where the game (or the level) starts. */
  place?: ViewPlace;
  /** The region the view opens in, when `place` is a zone of another region than the world's. */
  region?: string;
  level?: Level;
  sandbox: boolean;
  campaign: boolean;
  /** Presenter mode (src/ui/classroom/presenter.ts). */
  present: boolean;
  /** A class code as given; its own checks (and their words) are in class-session.ts. */
  classCode?: string;
  testBridge: boolean;
}

export interface QueryProblem {
  param: QueryParam;
  /** The value as given (the first one when the parameter was given more than once). */
  value: string;
  /** What is wrong and what the game does instead, in plain words. */
  message: string;
}

export interface ParsedQuery {
  options: QueryOptions;
  problems: QueryProblem[];
}

const MAX_SEED = 0xffffffff;
const FLAGS = ['sandbox', 'campaign', 'present', 'testBridge'] as const;

function parseSeed(value: string): number | null {
  if (!/^\d{1,10}$/.test(value)) return null;
  const n = Number(value);
  return n <= MAX_SEED ? n : null;
}

/** Reads `location.search` (with or without its `?`). */
export function parseQueryOptions(search: string): ParsedQuery {
  const params = new URLSearchParams(search);
  const options: QueryOptions = { sandbox: false, campaign: false, present: false, testBridge: false };
  const problems: QueryProblem[] = [];
  const problem = (param: QueryParam, value: string, message: string) =>
    problems.push({ param, value, message: `“?${param}=${value}” ${message}` });

  /** The parameter's single value; null when absent, or when repeated (that is a problem too). */
  const one = (param: QueryParam): string | null => {
    const all = params.getAll(param);
    if (all.length > 1)
      problems.push({
        param,
        value: all[0] as string,
        message: `“?${param}” is given ${all.length} times (${all.join(', ')}): give it once. It was not used.`,
      });
    return all.length === 1 ? (all[0] as string) : null;
  };

  const level = one('level');
  if (level !== null) {
    const found = levelById(level);
    if (found) options.level = found;
    else
      problems.push({
        param: 'level',
        value: level,
        message: `There is no level "${level}": pick one here.`,
      });
  }

  const seed = one('seed');
  if (seed !== null) {
    const n = parseSeed(seed);
    if (n === null)
      problem(
        'seed',
        seed,
        `is not a seed: a seed is a whole number from 0 to ${MAX_SEED} in digits. The default seed is used.`,
      );
    else options.seed = n;
  }

  const renderer = one('renderer');
  if (renderer !== null) {
    if (renderer === 'webgl' || renderer === 'canvas') options.renderer = renderer;
    else problem('renderer', renderer, 'is not a renderer: use webgl or canvas. Nozama picks one itself.');
  }

  const place = one('place');
  if (place !== null) {
    const region = options.level?.scenario.region ?? DEFAULT_REGION;
    const found = placeFromParam(place, region);
    // A zone of another region opens that region's kingdom view on the zone (the world is one planet).
    const elsewhere = found ? undefined : regionOfZone(place);
    if (found) options.place = found;
    else if (elsewhere) {
      options.place = { scene: 'kingdom', zone: place };
      options.region = elsewhere;
    } else
      problem(
        'place',
        place,
        `is not a place: use planet, region, kingdom or a zone of a region of Nozama (${region}: ${zoneNames(region).join(', ')}). The game opens where it starts.`,
      );
  }

  const classCode = one('class');
  if (classCode !== null) options.classCode = classCode;

  for (const flag of FLAGS) {
    const value = one(flag);
    if (value === '1') options[flag] = true;
    else if (value !== null && value !== '0')
      problem(flag, value, `is not understood: use ?${flag}=1, or leave it out.`);
  }
  return { options, problems };
}
