/**
 * Loads the world's code when a game is mounted: the renderer is chosen first (renderer-choice.ts),
 * then the Phaser build for it (Canvas-only or full, build/phaser-build.ts) and the scenes are fetched at
 * once; the scenes, which extend that Phaser's classes, run when it has loaded (build/phaser-facade.js).
 * None of it is in the page's first script: the frame, the panels and the campaign map show while
 * Phaser downloads.
 *
 * One Phaser serves the whole page: the first game's build stays. A later game that asks for WebGL on a
 * page already running the Canvas-only build draws with Canvas, and its canvas says why.
 */
import type Phaser from 'phaser';
import type { CreateGameOptions, PhaserConstants } from './create-game.ts';
import {
  chooseRenderer,
  fitToBuild,
  probeWebGL,
  type RendererChoice,
  type RendererDecision,
} from './renderer-choice.ts';

let phaserBuild: Promise<RendererDecision['renderer']> | null = null;

/**
 * One import each, in a table: written as two returns of one function, the minifier folds them into
 * one expression and Vite's preloading then fetches both builds.
 */
const BUILDS: Record<RendererDecision['renderer'], () => Promise<unknown>> = {
  canvas: () => import('nozama:phaser/canvas'),
  webgl: () => import('nozama:phaser/webgl'),
};

/** The Phaser build for `renderer`, loaded once a page; resolves to the build the page has. */
function loadPhaser(renderer: RendererDecision['renderer']): Promise<RendererDecision['renderer']> {
  phaserBuild ??= BUILDS[renderer]().then(() => renderer);
  return phaserBuild;
}

export interface LoadedGame {
  game: Phaser.Game;
  /** Phaser's renderer constants and version (for the test bridge). */
  phaser: PhaserConstants;
}

/** The WebGL probe's answer per document: a probe makes (and drops) a WebGL context, once is enough. */
const probes = new WeakMap<Document, string | null>();

function decide(renderer: RendererChoice, doc: Document): RendererDecision {
  return chooseRenderer(renderer, () => {
    if (!probes.has(doc)) probes.set(doc, probeWebGL(doc));
    return probes.get(doc) ?? null;
  });
}

/**
 * Starts fetching the world's code for `renderer` before the page has mounted anything (the full game's
 * entry, src/app/main.ts): a mount later finds it on its way or loaded.
 */
export function preloadWorld(renderer: RendererChoice, doc: Document): void {
  // A failure is the mount's to report (it awaits the same promises); nothing to say twice here.
  loadPhaser(decide(renderer, doc).renderer).catch(() => undefined);
  import('./create-game.ts').catch(() => undefined);
}

/**
 * Chooses the renderer and starts fetching Phaser and the scenes at once (a mount calls it first, so
 * the files download while the page builds its panels); `build` makes the game when they have loaded.
 */
export function loadGame(
  parent: HTMLElement,
  renderer: RendererChoice = 'auto',
): { build(options: Omit<CreateGameOptions, 'decision' | 'parent'>): Promise<LoadedGame> } {
  const wanted = decide(renderer, parent.ownerDocument);
  const code = Promise.all([loadPhaser(wanted.renderer), import('./create-game.ts')]);
  return {
    async build(options) {
      const [build, { createGame, phaserConstants }] = await code;
      return {
        game: createGame({ ...options, parent, decision: fitToBuild(wanted, build) }),
        phaser: phaserConstants(),
      };
    },
  };
}
