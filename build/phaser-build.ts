/**
 * The Vite plugin that builds Phaser from its sources (build/phaser-custom.js), twice: a full build
 * (both renderers) and a Canvas-only one, and lets the page load the one its renderer needs.
 *
 * - The game's `import ... from 'phaser'` resolves to build/phaser-facade.js, which waits for the build
 *   the page loads (src/game/load-game.ts imports `nozama:phaser/canvas` or `nozama:phaser/webgl` and
 *   the scenes at once; the build puts itself in build/phaser-slot.js). A machine that draws with
 *   Canvas never downloads the WebGL renderer (about 56 KB gz of the 193).
 * - `phaser-src/...` resolves to `node_modules/phaser/src/...` (Phaser's package `exports` only opens its
 *   prebuilt bundle). The Canvas-only build's modules carry `?phaser=canvas` on their ids, so the same
 *   files are a second set of modules, in a chunk of their own (`phaser-canvas`, vite.config.ts).
 * - Phaser's sources test compile-time flags as `typeof CANVAS_RENDERER`, `typeof WEBGL_RENDERER`, ...
 *   (its webpack configs replace them with DefinePlugin, see node_modules/phaser/config/). Here they are
 *   replaced as whole expressions in Phaser's files, so the dead branches (sound, the WebGL debug hooks,
 *   the Facebook and 3D camera plugins, and WebGL itself in the Canvas-only build) fall away.
 *
 * The dev server (`vite`, `npm start`) keeps Phaser's prebuilt bundle: the sources are CommonJS, which
 * only the production bundler turns into modules; there both `nozama:phaser/*` are that bundle.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ENTRY = fileURLToPath(new URL('./phaser-custom.js', import.meta.url));
const FACADE = fileURLToPath(new URL('./phaser-facade.js', import.meta.url));
const SLOT = fileURLToPath(new URL('./phaser-slot.js', import.meta.url));
const PHASER_SRC = fileURLToPath(new URL('../node_modules/phaser/src/', import.meta.url));

/** The builds the page can load, by the renderer they are for. */
export type PhaserBuild = 'webgl' | 'canvas';

/** What each compile-time flag of Phaser's sources is in the full build. */
export const PHASER_FLAGS: Readonly<Record<string, boolean>> = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};

/** The flags of each build: the Canvas-only one drops WebGL. */
export const PHASER_BUILD_FLAGS: Readonly<Record<PhaserBuild, Readonly<Record<string, boolean>>>> = {
  webgl: PHASER_FLAGS,
  canvas: { ...PHASER_FLAGS, WEBGL_RENDERER: false },
};

/** The query that marks a module of the Canvas-only build. */
const CANVAS_QUERY = '?phaser=canvas';
const VIRTUAL = '\0nozama-phaser:';

const FLAG = new RegExp(`typeof (${Object.keys(PHASER_FLAGS).join('|')})\\b`, 'g');

/** `typeof FLAG` -> its value in `build` (as the string webpack's DefinePlugin would put there). */
export function replacePhaserFlags(code: string, build: PhaserBuild = 'webgl'): string {
  const flags = PHASER_BUILD_FLAGS[build];
  return code.replace(FLAG, (_, name: string) => JSON.stringify(flags[name]));
}

const isCanvasModule = (id: string): boolean => id.endsWith(CANVAS_QUERY);
const withoutQuery = (id: string): string => (isCanvasModule(id) ? id.slice(0, -CANVAS_QUERY.length) : id);

export function phaserFromSource(): Plugin {
  let building = false;
  return {
    name: 'nozama:phaser-from-source',
    enforce: 'pre',
    config(_, env) {
      building = env.command === 'build';
    },
    async resolveId(source, importer, extra) {
      if (source.startsWith('nozama:phaser/')) {
        const build = source.slice('nozama:phaser/'.length);
        if (build !== 'webgl' && build !== 'canvas') return null;
        return building ? VIRTUAL + build : `${VIRTUAL}dev`;
      }
      if (!building) return null;
      if (source === 'phaser') return FACADE;
      const canvas = importer !== undefined && isCanvasModule(importer);
      const suffix = canvas ? CANVAS_QUERY : '';
      if (source.startsWith('phaser-src/')) return PHASER_SRC + source.slice('phaser-src/'.length) + suffix;
      if (!canvas || !importer) return null;
      // A module of the Canvas-only build: what it requires (Phaser's files, eventemitter3) belongs to
      // that build too, so the two builds' chunks never import each other.
      // `kind` keeps require() on the package's CommonJS file (eventemitter3's `require` condition).
      const resolved = await this.resolve(source, withoutQuery(importer), {
        skipSelf: true,
        ...(extra.kind ? { kind: extra.kind } : {}),
      } as Parameters<typeof this.resolve>[2]);
      if (!resolved || resolved.external || resolved.id.startsWith('\0')) return resolved;
      return resolved.id + CANVAS_QUERY;
    },
    load(id) {
      if (id === `${VIRTUAL}dev`) return "export { default } from 'phaser';";
      if (id.startsWith(VIRTUAL)) {
        const build = id.slice(VIRTUAL.length);
        const entry = JSON.stringify(build === 'canvas' ? ENTRY + CANVAS_QUERY : ENTRY);
        return [
          `import Phaser from ${entry};`,
          `import { installPhaser } from ${JSON.stringify(SLOT)};`,
          'installPhaser(Phaser);',
          'export default Phaser;',
        ].join('\n');
      }
      if (isCanvasModule(id)) return { code: readFileSync(withoutQuery(id), 'utf8'), moduleType: 'js' };
      return null;
    },
    transform(code, id) {
      if (!withoutQuery(id).startsWith(PHASER_SRC) || !code.includes('typeof ')) return null;
      return { code: replacePhaserFlags(code, isCanvasModule(id) ? 'canvas' : 'webgl'), map: null };
    },
  };
}
