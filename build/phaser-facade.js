/**
 * What the game's `import Phaser from 'phaser'` is in builds (build/phaser-build.ts): a live binding
 * to the Phaser build the page loaded, Canvas-only or full (src/game/load-game.ts loads one before it
 * imports the scenes, which extend `Phaser.Scene` when they are evaluated). The first build loaded
 * stays: the game objects of one page must come from one Phaser.
 */
let Phaser;

/** Called by the build's module when it loads; a second build loaded later changes nothing. */
export function installPhaser(build) {
  Phaser ??= build;
}

export { Phaser as default };
