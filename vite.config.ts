/**
 * One config for Vite (dev, build, preview) and Vitest.
 *
 * The test bridge (`window.__nozama`, see src/app/test-bridge.ts) is decided at build time from the
 * mode: `vite build --mode test` (what `npm run test:e2e` builds) compiles it in, switched on; a normal
 * build keeps it behind the query flag `?testBridge=1`, so a player's page exposes nothing unless asked.
 * The flag is `__NOZAMA_TEST_BRIDGE__`, true exactly when the mode (import.meta.env.MODE) is 'test'.
 * Test builds also build the pages the browser tests need besides the game's own (test/pages: two
 * games mounted on one page, one of them in a shadow root); a normal build has index.html only.
 */
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './build/content-security-policy.ts';
import { phaserFromSource } from './build/phaser-build.ts';

/**
 * Offline and installable (classrooms with bad Wi-Fi): Workbox, through vite-plugin-pwa, precaches
 * every file of the build, so after one visit the game, the Class page and the class board all load
 * with no network. The worker is registered by the game, the Class page, the board and the printables
 * (src/app/offline.ts: a module, no inline script, so the page's Content-Security-Policy allows it). A new version waits until every tab of
 * the old one is closed (registerType 'prompt' with no prompt shown): a page is never reloaded under a
 * player, and progress lives in localStorage, which the worker never touches. Query strings (?class=,
 * ?level=) are read by the page's script, so they are ignored when matching the precache.
 */
const offline = VitePWA({
  registerType: 'prompt',
  // Registered by the pages that work offline (src/app/offline.ts), not injected into every page: the
  // embed's iframe page, the gallery and the test-only pages register no worker.
  injectRegister: false,
  includeAssets: ['icons/nozama.svg'],
  manifest: {
    name: 'Nozama: learn Amazon ECS by building kingdoms',
    short_name: 'Nozama',
    description:
      'A browser game that teaches Amazon ECS. Every action is a real AWS API call on a simulation.',
    start_url: './index.html',
    scope: './',
    display: 'standalone',
    background_color: '#14213d',
    theme_color: '#14213d',
    icons: [{ src: 'icons/nozama.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
    // Phaser's chunk is about 1.4 MB: above Workbox's 2 MiB default it would silently stay online-only.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    ignoreURLParametersMatching: [/.*/],
    cleanupOutdatedCaches: true,
  },
});

export default defineConfig(({ mode }) => ({
  // Relative asset URLs: the build works from any path (a school's intranet folder, a blog's subpath).
  base: './',
  // The same Content-Security-Policy in every page the build emits (build/content-security-policy.ts);
  // Phaser built from its sources with only what the game uses (build/phaser-build.ts); the offline
  // service worker.
  plugins: [contentSecurityPolicy(), phaserFromSource(), offline],
  define: {
    __NOZAMA_TEST_BRIDGE__: JSON.stringify(mode === 'test'),
  },
  build: {
    target: 'es2022',
    // Phaser lives in its own long-cached chunk (about 0.9 MB raw built from its sources), so the
    // warning limit is raised above it.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // The game, the gallery, the iframe page and embed.js (a fixed name at the root, for blog posts),
      // the Class page, the class board and the printables: pages in the same static dist/; test builds
      // add the pages only the browser tests use (test/pages).
      input: {
        index: 'index.html',
        gallery: 'gallery.html',
        'embed-page': 'embed.html',
        embed: 'src/embed/embed.ts',
        class: 'class.html',
        board: 'board.html',
        printables: 'printables.html',
        ...(mode === 'test' ? { 'two-games': 'test/pages/two-games.html' } : {}),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'embed' ? 'embed.js' : 'assets/[name]-[hash].js'),
        codeSplitting: {
          // Phaser's two builds (build/phaser-build.ts): the Canvas-only one's modules carry
          // `?phaser=canvas`; a page loads one of the two chunks.
          groups: [
            { name: 'phaser-canvas', test: /\?phaser=canvas$/ },
            { name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]|[\\/]build[\\/]phaser-custom/ },
          ],
        },
      },
    },
  },
  preview: {
    strictPort: true,
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts', 'test/levels/**/*.test.ts'],
    environment: 'node',
    // toEqual compares the state's shared records by content (test/support/equality.ts).
    setupFiles: ['test/support/equality.ts'],
    // Property tests run hundreds of simulated worlds; on a shared 2-core machine they need room.
    testTimeout: 60_000,
  },
}));
