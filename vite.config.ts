/**
 * One config for Vite (dev, build, preview) and Vitest.
 *
 * The test bridge (`window.__nozama`, see src/app/test-bridge.ts) is decided at build time from the
 * mode: `vite build --mode test` (what `npm run test:e2e` builds) compiles it in, switched on; a normal
 * build keeps it behind the query flag `?testBridge=1`, so a player's page exposes nothing unless asked.
 * The flag is `__NOZAMA_TEST_BRIDGE__`, true exactly when the mode (import.meta.env.MODE) is 'test'.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig(({ mode }) => ({
  // Relative asset URLs: the build works from any path (a school's intranet folder, a blog's subpath).
  base: './',
  define: {
    __NOZAMA_TEST_BRIDGE__: JSON.stringify(mode === 'test'),
  },
  build: {
    target: 'es2022',
    // Phaser alone is about 1.4 MB raw (its ESM entry is one prebuilt bundle that does not
    // tree-shake); it lives in its own long-cached chunk, so the warning limit is raised above it.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // The game, the gallery, the iframe page and embed.js (a fixed name at the root, for blog posts).
      input: {
        index: 'index.html',
        gallery: 'gallery.html',
        'embed-page': 'embed.html',
        embed: 'src/embed/embed.ts',
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'embed' ? 'embed.js' : 'assets/[name]-[hash].js'),
        codeSplitting: {
          groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ }],
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
    // Property tests run hundreds of simulated worlds; on a shared 2-core machine they need room.
    testTimeout: 60_000,
  },
}));
