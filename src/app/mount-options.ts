/**
 * What a mounted game starts with, as a typed object: the full game's page, the classroom, an embed
 * and a share link all mount with these, never with query strings. `optionsFromQuery` turns today's
 * query parameters (`?seed=`, `?place=`, `?renderer=`, `?level=`, `?sandbox=1`, `?campaign=1`) into
 * them for the full game's page; a stricter parser can feed the same type.
 */
import type { RendererChoice } from '../game/create-game.ts';
import { parsePlace } from '../game/places.ts';
import { DEFAULT_REGION } from '../model/index.ts';
import type { ViewPlace } from '../store/create-game-store.ts';
import type { ProgressStorage } from '../store/progress.ts';

export interface MountOptions {
  /** The world's seed (default 1): the same seed and the same calls give the same world. */
  seed?: number;
  /** Where the view opens (default: the store's starting place). */
  place?: ViewPlace;
  /** Phaser's renderer (default `auto`: WebGL when the browser has it). */
  renderer?: RendererChoice;
  /** A campaign level to open, by id; an unknown id opens the campaign map saying so. */
  level?: string;
  /** Free play: every panel open, no goals. */
  sandbox?: boolean;
  /** Open the campaign map at start. */
  campaign?: boolean;
  /** Open the campaign map on a first visit (no saved progress) or after a damaged save's notice. */
  greet?: boolean;
  /** Where player progress is kept (default: nowhere, it lives for the visit only). */
  progress?: ProgressStorage | null;
  /** Mirror the level or free play in the page's address (`?level=`, `?sandbox=1`): one game a page. */
  address?: boolean;
  /** Expose this game on the test bridge (`window.__nozama`, `window.__nozamaGames`). */
  testBridge?: boolean;
}

function seedOf(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? n : undefined;
}

function rendererOf(value: string | null): RendererChoice | undefined {
  return value === 'canvas' || value === 'webgl' ? value : undefined;
}

/** The options the page's query parameters ask for (only those present; the rest keep defaults). */
export function optionsFromQuery(search: string): MountOptions {
  const params = new URLSearchParams(search);
  const options: MountOptions = {};
  const seed = seedOf(params.get('seed'));
  if (seed !== undefined) options.seed = seed;
  const place = parsePlace(params.get('place'), DEFAULT_REGION);
  if (place) options.place = place;
  const renderer = rendererOf(params.get('renderer'));
  if (renderer) options.renderer = renderer;
  const level = params.get('level');
  if (level !== null) options.level = level;
  if (params.get('sandbox') === '1') options.sandbox = true;
  if (params.get('campaign') === '1') options.campaign = true;
  return options;
}
