/**
 * The game ships Phaser built from its sources with only what the scenes use (build/). A game
 * object factory missing from that entry is `undefined` at run time, so this test reads the game's
 * sources for every `add.X(` / `make.X(` and checks the entry registers X; and the compile-time flags
 * are replaced as whole `typeof FLAG` expressions, the way Phaser's own webpack configs do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHASER_BUILD_FLAGS, PHASER_FLAGS, replacePhaserFlags } from '../../build/phaser-build.ts';

const root = join(import.meta.dirname, '..', '..');
const entry = readFileSync(join(root, 'build/phaser-custom.js'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

/** Every `add.X(` and `make.X(` in src/game, chains over several lines included. */
function factoriesUsed(): Set<string> {
  const used = new Set<string>();
  for (const file of sources(join(root, 'src/game'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\b(add|make)\s*\.\s*(\w+)\s*\(/g))
      used.add(`${m[1]}.${m[2]}`);
  }
  return used;
}

const FILE_OF: Record<string, string> = { add: 'Factory', make: 'Creator' };

describe('the custom Phaser entry', () => {
  it('registers every game object factory and creator the scenes call', () => {
    const used = factoriesUsed();
    expect(used.has('add.graphics')).toBe(true);
    for (const call of used) {
      const [kind, name] = call.split('.') as [string, string];
      const cls = name.charAt(0).toUpperCase() + name.slice(1);
      expect(entry, `${call} needs ${cls}${FILE_OF[kind]}.js in build/phaser-custom.js`).toContain(
        `/${cls}${FILE_OF[kind]}.js'`,
      );
    }
  });

  it('enters the renderer modules first (their require cycle only resolves from the index)', () => {
    const firstImport = entry.match(/^import .*$/m)?.[0];
    expect(firstImport).toBe("import 'phaser-src/renderer/index.js';");
  });

  it('replaces typeof FLAG as a whole expression and leaves other typeof tests alone', () => {
    const code = [
      'if (typeof WEBGL_RENDERER) { a(); }',
      'if (typeof CANVAS_RENDERER && typeof FEATURE_SOUND) { b(); }',
      "if (typeof WEBGL_DEBUG) { require('phaser3spectorjs'); }",
      "if (typeof window !== 'undefined') { c(); }",
      'var typeof_WEBGL_RENDERERS = 1;',
    ].join('\n');
    expect(replacePhaserFlags(code)).toBe(
      [
        'if (true) { a(); }',
        'if (true && false) { b(); }',
        "if (false) { require('phaser3spectorjs'); }",
        "if (typeof window !== 'undefined') { c(); }",
        'var typeof_WEBGL_RENDERERS = 1;',
      ].join('\n'),
    );
    expect(PHASER_FLAGS.CANVAS_RENDERER && PHASER_FLAGS.WEBGL_RENDERER).toBe(true);
  });

  it('builds a Canvas-only Phaser that differs from the full one in WebGL alone', () => {
    const code = 'if (typeof WEBGL_RENDERER && typeof CANVAS_RENDERER) { both(); }';
    expect(replacePhaserFlags(code, 'canvas')).toBe('if (false && true) { both(); }');
    expect(replacePhaserFlags(code, 'webgl')).toBe('if (true && true) { both(); }');
    const differing = Object.keys(PHASER_FLAGS).filter(
      (flag) => PHASER_BUILD_FLAGS.canvas[flag] !== PHASER_BUILD_FLAGS.webgl[flag],
    );
    expect(differing).toEqual(['WEBGL_RENDERER']);
  });
});
