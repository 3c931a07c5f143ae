/**
 * Builds the Phaser game for one store. The canvas fills its parent and follows its size (Scale
 * RESIZE): layouts are recomputed from the canvas size, so they read the same on a laptop and on a
 * projector. The renderer is chosen by renderer-choice.ts: WebGL on a real GPU, Canvas where WebGL is
 * drawn in software or missing, or what `?renderer=` asks for; the canvas element says which and why
 * (`data-renderer`, `data-renderer-reason`).
 *
 * Scenes: Boot bakes the art, then the Director runs for the game's life (it drives simulated time
 * and shows the scene for store.ui.place): the Planet, a Region's portals, or the Kingdom with its
 * overlay. `?place=planet|region|kingdom|<zone name>` opens the game there (otherwise the store's
 * starting place stands).
 */
import Phaser from 'phaser';
import type { GameStore, ViewPlace } from '../store/create-game-store.ts';
import { BootScene } from './BootScene.ts';
import { DirectorScene } from './DirectorScene.ts';
import { KingdomHudScene } from './KingdomHudScene.ts';
import { KingdomScene } from './KingdomScene.ts';
import { PlanetScene } from './PlanetScene.ts';
import { COLORS, hex } from './palette.ts';
import { parsePlace } from './places.ts';
import { RegionScene } from './RegionScene.ts';
import { chooseRenderer, probeWebGL, type RendererChoice, type RendererDecision } from './renderer-choice.ts';

export { parseRenderer, type RendererChoice } from './renderer-choice.ts';

export interface CreateGameOptions {
  parent: HTMLElement;
  store: GameStore;
  renderer?: RendererChoice;
  region?: string;
  /** Where to open; by default `?place=` of the page's address, else the store's current place. */
  place?: ViewPlace;
}

const RENDERER_TYPES: Record<RendererDecision['renderer'], number> = {
  webgl: Phaser.WEBGL,
  canvas: Phaser.CANVAS,
};

export const CANVAS_LABEL =
  'The world of Nozama. Click a place to go there; arrow keys move, Enter opens, + and − zoom, 0 shows the whole kingdom, Escape goes back.';

export function createGame(options: CreateGameOptions): Phaser.Game {
  const { parent, store } = options;
  const region = options.region ?? store.getState().sim.defaultRegion;
  const place =
    options.place ?? (typeof window !== 'undefined' ? parsePlace(window.location.search, region) : null);
  if (place) store.getState().goTo(place);
  const choice = chooseRenderer(options.renderer ?? 'auto', () => probeWebGL(parent.ownerDocument));
  const game = new Phaser.Game({
    type: RENDERER_TYPES[choice.renderer],
    parent,
    backgroundColor: hex(COLORS.sky),
    banner: false,
    audio: { noAudio: true },
    disableContextMenu: true,
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
      new RegionScene(store, region),
      new KingdomScene({ store, region }),
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
    canvas.dataset.renderer = choice.renderer;
    canvas.dataset.rendererReason = choice.reason;
  };
  if (game.canvas) label();
  else game.events.once(Phaser.Core.Events.READY, label);
  return game;
}
