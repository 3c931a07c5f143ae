/**
 * What a mounted game starts with, as a typed object: the full game's page, the classroom, an embed
 * and a share link all mount with these, never with query strings. The full game's page reads its
 * query parameters strictly (query-options.ts) and turns them into these.
 */
import type { RendererChoice } from '../game/create-game.ts';
import type { ViewPlace } from '../store/create-game-store.ts';
import type { ProgressStorage } from '../store/progress-storage.ts';

export interface MountOptions {
  /** The world's seed (default 1): the same seed and the same calls give the same world. */
  seed?: number;
  /** Where the view opens (default: the store's starting place). */
  place?: ViewPlace;
  /** The region the view opens in (default: the world's own); `place` is then one of its zones. */
  region?: string;
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
  /** What the page's address asked for and could not be used: named on the campaign map at start. */
  problems?: readonly string[];
  /** Show progress notices (a damaged or refused save) in a banner over the game as well as on the map. */
  banner?: boolean;
  /** Share links: "Copy link" and "Embed this world" in the top bar, and the page's `#world=` opened. */
  links?: boolean;
  /**
   * Classroom features: joining a class (`code`, the address's `?class=`; its levels carry the class's
   * seed and storms), progress codes at the debrief and on the map, and the presenter switch
   * (`present`: start in presenter mode).
   */
  classroom?: { code: string | null; present: boolean };
  /** Expose this game on the test bridge (`window.__nozama`, `window.__nozamaGames`). */
  testBridge?: boolean;
}
