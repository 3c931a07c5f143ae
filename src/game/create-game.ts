/**
 * Builds the Phaser game for one store. The canvas fills its parent and follows its size (Scale
 * RESIZE): the layout is recomputed from the canvas size, so it reads the same on a laptop and on a
 * projector. WebGL by default; the Canvas renderer (deprecated in Phaser 4) can be asked for, for the
 * Canvas benchmark.
 */
import Phaser from 'phaser';
import type { GameStore } from '../store/create-game-store.ts';
import { BootScene } from './BootScene.ts';
import { KingdomScene } from './KingdomScene.ts';
import { COLORS, hex } from './palette.ts';

export type RendererChoice = 'auto' | 'webgl' | 'canvas';

export interface CreateGameOptions {
  parent: HTMLElement;
  store: GameStore;
  renderer?: RendererChoice;
  region?: string;
}

const RENDERER_TYPES: Record<RendererChoice, number> = {
  auto: Phaser.AUTO,
  webgl: Phaser.WEBGL,
  canvas: Phaser.CANVAS,
};

/** `?renderer=canvas` or `?renderer=webgl` (anything else: Phaser.AUTO, which picks WebGL when it can). */
export function parseRenderer(value: string | null): RendererChoice {
  return value === 'canvas' || value === 'webgl' ? value : 'auto';
}

export function createGame(options: CreateGameOptions): Phaser.Game {
  const { parent, store } = options;
  return new Phaser.Game({
    type: RENDERER_TYPES[options.renderer ?? 'auto'],
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
      new KingdomScene({ store, ...(options.region ? { region: options.region } : {}) }),
    ],
  });
}
