/**
 * The campaign: chapters and levels, in order, and the checks every level's data must pass.
 * LEVELS and CHAPTERS are what the game shows; levels whose model is not ready stay out of LEVELS
 * (they are renumbered by position so numbers stay 1..N).
 */
import { supportedActions } from '../model/index.ts';
import { arrival, firstTerritory } from './ch1-landfall.ts';
import { firstDevelopment, firstPlan } from './ch2-plans.ts';
import { decreeOfOne, decreeOfSix, morePortals } from './ch3-decrees.ts';
import { onlyGranaries, packTightly } from './ch4-steward.ts';
import { twoRegions } from './ch5-regions.ts';
import { portalCollapses, repairs, rollingRenovation } from './ch5-storms.ts';
import { theGate } from './ch6-gate.ts';
import { blueGreen, canary, watchtower } from './ch7-renovations.ts';
import { spells } from './ch8-spells.ts';
import { managedLands } from './ch9-managed.ts';
import { theCrown } from './ch10-crown.ts';
import { ALL_GROWTH_LEVELS } from './ch11-growth.ts';
import { ALL_CHAPTERS } from './chapters.ts';
import { notOffered } from './panel-actions.ts';
import type { Chapter, Level, PanelId } from './types.ts';

export { notOffered, PANEL_ACTIONS, panelsFor } from './panel-actions.ts';
export { hasRef, resolveCall, resolveText, resolveTextAfter } from './refs.ts';
export { dueScriptedEvents } from './script.ts';
export type * from './types.ts';

const CAMPAIGN: Level[] = [
  arrival,
  firstTerritory,
  firstPlan,
  firstDevelopment,
  morePortals,
  decreeOfOne,
  decreeOfSix,
  packTightly,
  onlyGranaries,
  portalCollapses,
  repairs,
  rollingRenovation,
  twoRegions,
  theGate,
  blueGreen,
  canary,
  watchtower,
  spells,
  managedLands,
  theCrown,
  ...ALL_GROWTH_LEVELS,
];

const usedChapters = ALL_CHAPTERS.filter((c) => CAMPAIGN.some((l) => l.chapter === c.number));

/** Chapters that hold at least one level, numbered 1..N in order. */
export const CHAPTERS: Chapter[] = usedChapters.map((c, i) => ({ ...c, number: i + 1 }));

/** Every level, in campaign order, numbered 1..N; `chapter` refers to CHAPTERS' numbers. */
export const LEVELS: Level[] = CAMPAIGN.map((l, i) => ({
  ...l,
  number: i + 1,
  chapter: usedChapters.findIndex((c) => c.number === l.chapter) + 1,
}));

export function levelById(id: string): Level | undefined {
  return LEVELS.find((l) => l.id === id);
}

const PANELS: readonly PanelId[] = [
  'territory',
  'plan',
  'develop',
  'decree',
  'drain',
  'disasters',
  'gate',
  'traffic',
  'renovation',
  'watchtower',
  'spells',
  'growth',
  'capacity',
];

/**
 * What is wrong with a level's data (empty when valid). `final` marks the final challenge (the crown),
 * the only level allowed to give no hints.
 */
export function validateLevel(level: Level, options: { final?: boolean } = {}): string[] {
  const errors: string[] = [];
  const known = new Set(supportedActions());
  if (!/^[a-z0-9-]+$/.test(level.id)) errors.push(`id '${level.id}' must be lowercase words joined by -`);
  if (!level.title.trim()) errors.push('title is empty');
  if (level.brief.length === 0 || level.brief.some((p) => !p.trim())) errors.push('brief is empty');
  if (level.goals.length === 0) errors.push('no goals');
  const goalIds = new Set<string>();
  for (const g of level.goals) {
    if (goalIds.has(g.id)) errors.push(`goal id '${g.id}' is repeated`);
    goalIds.add(g.id);
    if (!g.text.trim() || !g.aws.trim()) errors.push(`goal '${g.id}' lacks its text`);
  }
  if (options.final) {
    if (level.hints.length !== 0) errors.push('the final challenge gives no hints');
  } else if (level.hints.length < 2 || level.hints.length > 4) {
    errors.push(`${level.hints.length} hints: give 2 to 4`);
  }
  for (const p of level.allowed) if (!PANELS.includes(p)) errors.push(`unknown panel '${p}'`);
  if (level.firstPanel !== undefined && !level.allowed.includes(level.firstPanel))
    errors.push(`first panel '${level.firstPanel}' is not allowed`);
  const calls = [
    ...level.scenario.setup,
    ...level.solution.flatMap((s) => ('call' in s ? [s.call] : [])),
    ...level.wrongSolution.flatMap((s) => ('call' in s ? [s.call] : [])),
    ...(level.script ?? []).map((e) => e.call),
  ];
  for (const c of calls) if (!known.has(c.action)) errors.push(`unknown action ${c.action}`);
  // The reference solution is what a player could do: the console and the forms offer it alike.
  for (const s of level.solution) {
    if ('call' in s && notOffered(level, s.call.action))
      errors.push(`the solution's ${s.call.action} is made by no section the level allows`);
  }
  for (const s of [...level.solution, ...level.wrongSolution]) {
    if ('advance' in s && (!Number.isInteger(s.advance) || s.advance < 1))
      errors.push('advance must be a positive whole number');
  }
  if (level.solution.length === 0) errors.push('no solution');
  if (level.wrongSolution.length === 0) errors.push('no wrong solution');
  if (level.debrief.text.length === 0) errors.push('debrief has no text');
  if (level.debrief.cli.length === 0) errors.push('debrief has no CLI lines');
  const { thriftGold, safetyFailedRequests, safetySecondsBelowDesired } = level.stars;
  if ([thriftGold, safetyFailedRequests, safetySecondsBelowDesired].some((n) => !(n >= 0)))
    errors.push('star thresholds must be non-negative numbers');
  return errors;
}

/** Checks the campaign as a whole: ids unique, numbers 1..N, chapters known, every level valid. */
export function validateCampaign(
  levels: readonly Level[] = LEVELS,
  chapters: readonly Chapter[] = CHAPTERS,
): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  levels.forEach((l, i) => {
    if (ids.has(l.id)) errors.push(`level id '${l.id}' is repeated`);
    ids.add(l.id);
    if (l.number !== i + 1) errors.push(`level ${l.id} has number ${l.number}, expected ${i + 1}`);
    if (!chapters.some((c) => c.number === l.chapter))
      errors.push(`level ${l.id}: unknown chapter ${l.chapter}`);
    const prev = levels[i - 1];
    if (prev && prev.chapter > l.chapter) errors.push(`level ${l.id}: chapters out of order`);
    for (const e of validateLevel(l, { final: l.final === true })) errors.push(`${l.id}: ${e}`);
  });
  if (levels.filter((l) => l.final).length > 1) errors.push('more than one final challenge');
  chapters.forEach((c, i) => {
    if (c.number !== i + 1) errors.push(`chapter ${c.title} has number ${c.number}, expected ${i + 1}`);
  });
  return errors;
}
