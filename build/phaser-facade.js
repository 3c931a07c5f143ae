/**
 * What the game's `import Phaser from 'phaser'` is in builds (build/phaser-build.ts): the Phaser build
 * the page loaded, Canvas-only or full. Its evaluation waits (top-level await) until a build is
 * installed (build/phaser-slot.js), so src/game/load-game.ts fetches the build and the scenes at once,
 * and the scenes, which extend `Phaser.Scene` when evaluated, run after Phaser. Only the world's code,
 * loaded after the page, may import 'phaser' for its values: a module of the page's first script that
 * did would wait for a Phaser that nothing has asked for yet.
 */
import { installed } from './phaser-slot.js';

const Phaser = await installed;

export { Phaser as default };
