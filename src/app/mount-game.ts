/**
 * The one way to make a game: a store of its own and a Phaser game drawing it into `parent`, started as
 * the options say, with its keys heard on `keyTarget` and, when asked, on the test bridge. The store is
 * made at once; the world's code (Phaser and the scenes, src/game/load-game.ts) starts downloading first
 * and the Phaser game is drawn when it has come: `ready` resolves with it. `mount()`
 * (mount.ts) builds the full game's frame around it; the blog embed's player (src/embed/player.ts)
 * puts it in its shadow root with a bar of its own. Kept apart from mount.ts so the embed's chunk
 * carries the store and the scenes, not the panels, the campaign and the classroom.
 */
import type Phaser from 'phaser';
import { loadGame } from '../game/load-game.ts';
import type { RendererChoice } from '../game/renderer-choice.ts';
import {
  createGameStore,
  type GameStore,
  type NameMode,
  type Speed,
  type ViewPlace,
} from '../store/create-game-store.ts';
import { type DemoSource, startDemo } from '../store/demo-session.ts';
import type { ProgressStorage } from '../store/progress-storage.ts';
import { installTestBridge } from './test-bridge.ts';

export interface GameOptions {
  /** The world's seed (default 1). */
  seed?: number;
  /** Where player progress is kept (default: nowhere). */
  progress?: ProgressStorage | null;
  /** What to play: a gallery demo (its solution playing), a level, a shared world or a sandbox. */
  demo?: DemoSource;
  /** Anything else to start with, on the store, before the game is drawn (mount's levels and classes). */
  start?: (store: GameStore) => void;
  /** The Rosetta words (default Nozama's). */
  names?: NameMode;
  speed?: Speed;
  /** Start with the clock stopped. */
  paused?: boolean;
  renderer?: RendererChoice;
  place?: ViewPlace;
  /** The element whose key presses the scenes hear (default: `parent`). */
  keyTarget?: HTMLElement;
  /** Put the game on the test bridge, with this root element. */
  testBridge?: { root: HTMLElement } | null;
}

export interface GameParts {
  store: GameStore;
  /** The Phaser game, once the world's code has loaded (null before, and after destroy). */
  readonly game: Phaser.Game | null;
  /** Resolves with the Phaser game when it is drawn; rejects if the world's code cannot load. */
  ready: Promise<Phaser.Game>;
  /** What could not be started as asked (an unknown demo, a refused link), for the caller to show. */
  problems: string[];
  /** Takes it off the test bridge and destroys the Phaser game. */
  destroy(): void;
}

export function mountGame(parent: HTMLElement, options: GameOptions = {}): GameParts {
  // The world's code downloads while the store starts and the caller builds its panels.
  const world = loadGame(parent, options.renderer ?? 'auto');
  const seed = options.seed ?? (options.demo?.kind === 'sandbox' ? options.demo.seed : 1);
  const store = createGameStore({ seed, progressStorage: options.progress ?? null });
  const problems: string[] = [];
  if (options.demo) {
    const started = startDemo(store, options.demo);
    if (!started.ok) problems.push(started.message);
  }
  options.start?.(store);
  const state = store.getState();
  if (options.names) state.setNames(options.names);
  if (options.speed) state.setSpeed(options.speed);
  if (options.paused !== undefined) state.setPaused(options.paused);
  if (options.place) state.goTo(options.place);

  let game: Phaser.Game | null = null;
  let destroyed = false;
  let offBridge: (() => void) | null = null;
  const ready = world.build({ store, keyTarget: options.keyTarget ?? parent }).then((loaded) => {
    if (destroyed) {
      loaded.game.destroy(true);
      return loaded.game;
    }
    game = loaded.game;
    if (options.testBridge)
      offBridge = installTestBridge(window, { store, root: options.testBridge.root, ...loaded });
    return loaded.game;
  });
  return {
    store,
    get game() {
      return game;
    },
    ready,
    problems,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      offBridge?.();
      game?.destroy(true);
      game = null;
    },
  };
}
