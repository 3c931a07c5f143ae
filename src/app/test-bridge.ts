/**
 * The test bridge: `window.__nozama = { store, game, phaser }` for the page's first live game, and
 * `window.__nozamaGames`, every live game of the page in mount order, so browser tests wait on the
 * model's state instead of sleeping (DESIGN.md section 7) and can tell two games on one page apart.
 * It is compiled in and on in test builds (`vite build --mode test`, see vite.config.ts); in any other
 * build it is off unless the page is opened with `?testBridge=1`. It exposes nothing a player's browser
 * console could not reach anyway.
 */
import type Phaser from 'phaser';
import type { PhaserConstants } from '../game/create-game.ts';
import type { GameStore } from '../store/create-game-store.ts';

export interface NozamaBridge {
  store: GameStore;
  game: Phaser.Game;
  /** The game's root element (the `.nozama` element of its mount). */
  root: HTMLElement;
  /** Phaser's renderer constants, to compare with game.renderer.type. */
  phaser: PhaserConstants;
}

declare global {
  interface Window {
    __nozama?: NozamaBridge;
    __nozamaGames?: NozamaBridge[];
  }
}

/** On in test builds; elsewhere when the page asked for it (`?testBridge=1`, see query-options.ts). */
export function testBridgeEnabled(asked: boolean): boolean {
  return __NOZAMA_TEST_BRIDGE__ || asked;
}

/** Puts one game on the bridge; the function it returns takes it off again (on destroy). */
export function installTestBridge(target: Window, entry: NozamaBridge): () => void {
  const games = target.__nozamaGames ?? [];
  target.__nozamaGames = games;
  games.push(entry);
  target.__nozama ??= entry;
  return () => {
    const i = games.indexOf(entry);
    if (i >= 0) games.splice(i, 1);
    if (games[0]) target.__nozama = games[0];
    else delete target.__nozama;
  };
}
