/**
 * The test bridge: `window.__nozama = { store, game, phaser }`, so browser tests wait on the model's
 * state instead of sleeping (DESIGN.md section 7). It is compiled in and on in test builds
 * (`vite build --mode test`, see vite.config.ts); in any other build it is off unless the page is
 * opened with `?testBridge=1`. It exposes nothing a player's browser console could not reach anyway.
 */
import Phaser from 'phaser';
import type { GameStore } from '../store/create-game-store.ts';

export interface NozamaBridge {
  store: GameStore;
  game: Phaser.Game;
  /** Phaser's renderer constants, to compare with game.renderer.type. */
  phaser: { WEBGL: number; CANVAS: number; VERSION: string };
}

declare global {
  interface Window {
    __nozama?: NozamaBridge;
  }
}

/** On in test builds; elsewhere when the page asked for it (`?testBridge=1`, see query-options.ts). */
export function testBridgeEnabled(asked: boolean): boolean {
  return __NOZAMA_TEST_BRIDGE__ || asked;
}

export function installTestBridge(target: Window, store: GameStore, game: Phaser.Game): void {
  target.__nozama = {
    store,
    game,
    phaser: { WEBGL: Phaser.WEBGL, CANVAS: Phaser.CANVAS, VERSION: Phaser.VERSION },
  };
}
