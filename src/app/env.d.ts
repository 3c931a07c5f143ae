/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** True in `vite build --mode test` builds (see vite.config.ts): the test bridge is compiled in. */
declare const __NOZAMA_TEST_BRIDGE__: boolean;

/**
 * Phaser's two builds (build/phaser-build.ts): importing one fills `import Phaser from 'phaser'`
 * (src/game/load-game.ts). Its default export is that Phaser.
 */
declare module 'nozama:phaser/canvas' {}
declare module 'nozama:phaser/webgl' {}
