/**
 * Where the Phaser build the page loaded is put (build/phaser-facade.js waits on it). The first build
 * installed stays: the game objects of one page must come from one Phaser.
 */
let install;

/** Resolves with the first Phaser build installed. */
export const installed = new Promise((resolve) => {
  install = resolve;
});

/** Called by a build's module when it loads; a second build loaded later changes nothing. */
export function installPhaser(build) {
  install(build);
}
