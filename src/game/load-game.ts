/**
 * Loads the world's code when a game is mounted: the renderer is chosen first (renderer-choice.ts),
 * then the Phaser build for it (Canvas-only or full, build/phaser-build.ts), then the scenes, which
 * extend that Phaser's classes. None of it is in the page's first script: the frame, the panels and the
 * campaign map show while Phaser downloads.
 *
 * One Phaser serves the whole page: the first game's build stays. A later game that asks for WebGL on a
 * page already running the Canvas-only build draws with Canvas, and its canvas says why.
 */
import type Phaser from 'phaser';
import type { CreateGameOptions } from './create-game.ts';
import { chooseRenderer, probeWebGL, type RendererChoice, type RendererDecision } from './renderer-choice.ts';

export type LoadGameOptions = Omit<CreateGameOptions, 'decision'> & { renderer?: RendererChoice };

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

/** The decision as the loaded build can honour it. */
export function fitToBuild(
  decision: RendererDecision,
  build: RendererDecision['renderer'],
): RendererDecision {
  if (decision.renderer === 'webgl' && build === 'canvas')
    return {
      renderer: 'canvas',
      reason: `${decision.reason}, but this page already runs Phaser's Canvas-only build`,
    };
  return decision;
}

/** Chooses the renderer, loads Phaser and the scenes, and builds the game. */
export async function loadGame(options: LoadGameOptions): Promise<Phaser.Game> {
  const { renderer, ...rest } = options;
  const wanted = chooseRenderer(renderer ?? 'auto', () => probeWebGL(options.parent.ownerDocument));
  const build = await loadPhaser(wanted.renderer);
  const { createGame } = await import('./create-game.ts');
  return createGame({ ...rest, decision: fitToBuild(wanted, build) });
}
