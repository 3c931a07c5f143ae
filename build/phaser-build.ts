/**
 * The Vite plugin that builds Phaser from its sources (build/phaser-custom.js) in `vite build`.
 *
 * - `import ... from 'phaser'` resolves to build/phaser-custom.js, and `phaser-src/...` to
 *   `node_modules/phaser/src/...` (Phaser's package `exports` only opens its prebuilt bundle).
 * - Phaser's sources test compile-time flags as `typeof CANVAS_RENDERER`, `typeof WEBGL_RENDERER`, ...
 *   (its webpack configs replace them with DefinePlugin, see node_modules/phaser/config/). Here they are
 *   replaced as whole expressions in Phaser's files, so the dead branches (sound, the WebGL debug hooks,
 *   the Facebook and 3D camera plugins) fall away: both renderers stay, sound goes (`audio.noAudio`).
 *
 * The dev server (`vite`, `npm start`) keeps Phaser's prebuilt bundle: the sources are CommonJS, which
 * only the production bundler turns into modules, and in development nothing is shipped anyway.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ENTRY = fileURLToPath(new URL('./phaser-custom.js', import.meta.url));
const PHASER_SRC = fileURLToPath(new URL('../node_modules/phaser/src/', import.meta.url));

/** What each compile-time flag of Phaser's sources is in the game's build. */
export const PHASER_FLAGS: Readonly<Record<string, boolean>> = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};

const FLAG = new RegExp(`typeof (${Object.keys(PHASER_FLAGS).join('|')})\\b`, 'g');

/** `typeof FLAG` -> its value (as the string webpack's DefinePlugin would put there). */
export function replacePhaserFlags(code: string): string {
  return code.replace(FLAG, (_, name: string) => JSON.stringify(PHASER_FLAGS[name]));
}

export function phaserFromSource(): Plugin {
  return {
    name: 'nozama:phaser-from-source',
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      if (source === 'phaser') return ENTRY;
      if (source.startsWith('phaser-src/')) return PHASER_SRC + source.slice('phaser-src/'.length);
      return null;
    },
    transform(code, id) {
      if (!id.startsWith(PHASER_SRC) || !code.includes('typeof ')) return null;
      return { code: replacePhaserFlags(code), map: null };
    },
  };
}
