/**
 * Builds the Phaser game for one store. The canvas fills its parent and follows its size (Scale
 * RESIZE): layouts are recomputed from the canvas size, so they read the same on a laptop and on a
 * projector. The renderer is chosen by renderer-choice.ts before this module loads (load-game.ts): WebGL
 * on a real GPU, Canvas where WebGL is drawn in software or missing, or what `?renderer=` asks for; the
 * canvas element says which and why (`data-renderer`, `data-renderer-reason`).
 *
 * Scenes: Boot bakes the art, then the Director runs for the game's life (it drives simulated time
 * and shows the scene for store.ui.place): the Planet, a Region's portals, or the Kingdom with its
 * overlay. `place` opens the game there (otherwise the store's starting place stands).
 *
 * Keys are heard on `keyTarget` (the game's mount), never on the window: a key reaches this game only
 * while the focus is inside it, and clicking the world gives the canvas the focus.
 */
import Phaser from 'phaser';
import { T } from '../i18n/messages.ts';
import type { GameStore, ViewPlace } from '../store/create-game-store.ts';
import { BootScene } from './BootScene.ts';
import { DirectorScene } from './DirectorScene.ts';
import { KingdomHudScene } from './KingdomHudScene.ts';
import { KingdomScene } from './KingdomScene.ts';
import { followAnimationPace } from './motion.ts';
import { PlanetScene } from './PlanetScene.ts';
import { COLORS, hex } from './palette.ts';
import { RegionScene } from './RegionScene.ts';
import type { RendererDecision } from './renderer-choice.ts';

export { parseRenderer, type RendererChoice } from './renderer-choice.ts';

export interface CreateGameOptions {
  parent: HTMLElement;
  store: GameStore;
  /** The renderer chosen, and why (load-game.ts chooses it before it loads the Phaser build for it). */
  decision: RendererDecision;
  region?: string;
  /** Where to open (the page's `?place=`, read by src/app/query-options.ts); by default the store's place. */
  place?: ViewPlace;
  /** The element whose keydown events the scenes hear (the game's root); by default the parent. */
  keyTarget?: HTMLElement;
}

const RENDERER_TYPES: Record<RendererDecision['renderer'], number> = {
  webgl: Phaser.WEBGL,
  canvas: Phaser.CANVAS,
};

export interface PhaserConstants {
  WEBGL: number;
  CANVAS: number;
  VERSION: string;
}

/** The loaded Phaser's renderer constants and version (the page's first script cannot read Phaser). */
export function phaserConstants(): PhaserConstants {
  return { WEBGL: Phaser.WEBGL, CANVAS: Phaser.CANVAS, VERSION: Phaser.VERSION };
}

export const CANVAS_LABEL = T.t('canvas.label');

export function createGame(options: CreateGameOptions): Phaser.Game {
  const { parent, store } = options;
  if (options.place) store.getState().goTo(options.place);
  const choice = options.decision;
  const game = new Phaser.Game({
    type: RENDERER_TYPES[choice.renderer],
    parent,
    backgroundColor: hex(COLORS.sky),
    banner: false,
    audio: { noAudio: true },
    disableContextMenu: true,
    // Phaser's default calls window.focus() at boot and on every mousedown: inside an embed's iframe
    // that takes the host page's keyboard focus from wherever its reader had put it.
    autoFocus: false,
    // Two touch pointers: one finger pans and taps, two pinch (gestures.ts).
    input: { keyboard: { target: options.keyTarget ?? parent }, activePointers: 2 },
    scale: {
      mode: Phaser.Scale.RESIZE,
      width: Math.max(320, parent.clientWidth),
      height: Math.max(240, parent.clientHeight),
    },
    render: { antialias: true },
    scene: [
      new BootScene(),
      new DirectorScene(store),
      new PlanetScene(store),
      new RegionScene(store, options.region),
      new KingdomScene({ store, ...(options.region ? { region: options.region } : {}) }),
      new KingdomHudScene(),
    ],
  });
  // The canvas takes the keyboard when clicked or tabbed to (the scenes' keys act only then, or when
  // nothing else on the page has the focus).
  const label = () => {
    const canvas = game.canvas as HTMLCanvasElement | undefined;
    if (!canvas) return;
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-label', CANVAS_LABEL);
    // Phaser prevents the pointer's default action, focus included: give the canvas the keyboard.
    canvas.addEventListener('pointerdown', () => canvas.focus({ preventScroll: true }));
    canvas.dataset.renderer = choice.renderer;
    canvas.dataset.rendererReason = choice.reason;
  };
  if (game.canvas) label();
  else game.events.once(Phaser.Core.Events.READY, label);
  // After the scene manager has booted the scenes (its own READY listener comes first).
  game.events.once(Phaser.Core.Events.READY, () => {
    for (const scene of game.scene.getScenes(false)) followAnimationPace(scene);
  });
  // Scale RESIZE polls its parent's size twice a second; a panel folding away or the Chronicle
  // growing should resize the world in the same frame, so the parent's own size changes are heard.
  // The Scale Manager is refreshed here, not only marked dirty: its refresh reads the parent's bounds
  // once more at its end, so a parent that changed meanwhile (the top bar wrapping to a new row while
  // the game boots) was recorded as already seen, and the canvas kept its old height under the
  // Chronicle's bar.
  const follow = new ResizeObserver(() => {
    const scale = game.scale;
    if (!scale.canvas) return;
    scale.getParentBounds();
    if (scale.gameSize.width !== scale.parentSize.width || scale.gameSize.height !== scale.parentSize.height)
      scale.refresh();
  });
  follow.observe(parent);
  game.events.once(Phaser.Core.Events.DESTROY, () => follow.disconnect());
  return game;
}
