/**
 * The game's side of a class code (`?class=<code>`): the campaign's levels as the class plays them
 * (its levels carry the storms, see src/classroom/class-levels.ts), where the game starts, and the
 * words for "you are in class ...". A code that cannot be read leaves the campaign as it is and
 * brings a message for the map.
 */
import { type ClassPlan, classLevel, decodeClassCode } from '../classroom/index.ts';
import type { Level } from '../levels/index.ts';

export interface ClassSession {
  plan: ClassPlan | null;
  code: string | null;
  /** The campaign's levels, the class's own ones carrying its seed and storms. */
  levels: Level[];
  /** The level a class of levels starts on (its first in campaign order). */
  first: Level | undefined;
  /** "levels 6 and 7" or "a sandbox world (seed 42)", for the map. */
  what: string;
  /** Why the code in the address was refused, or null. */
  refusal: string | null;
}

export function classSession(param: string | null, campaign: readonly Level[]): ClassSession {
  const none = { plan: null, code: null, levels: [...campaign], first: undefined, what: '' };
  if (param === null) return { ...none, refusal: null };
  const r = decodeClassCode(param);
  if (!r.ok) return { ...none, refusal: `The class code in the address was not joined: ${r.message}` };
  const plan = r.plan;
  const code = param.trim().toUpperCase();
  if (plan.world.kind === 'sandbox')
    return { ...none, plan, code, what: `a sandbox world (seed ${plan.seed})`, refusal: null };
  const ids = plan.world.levels;
  const levels = campaign.map((l) => (ids.includes(l.id) ? classLevel(l, plan) : l));
  const mine = levels.filter((l) => ids.includes(l.id));
  return {
    plan,
    code,
    levels,
    first: mine[0],
    what: `level${mine.length === 1 ? '' : 's'} ${mine.map((l) => l.number).join(', ')}`,
    refusal: null,
  };
}

/** The game's address on a class code: `?class=` set, any level or sandbox choice dropped. */
export function classUrl(href: string, code: string): string {
  const url = new URL(href);
  for (const k of ['level', 'sandbox', 'campaign']) url.searchParams.delete(k);
  url.searchParams.set('class', code);
  return url.toString();
}
