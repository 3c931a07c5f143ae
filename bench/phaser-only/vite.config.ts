/** Builds the Phaser-only reference page (bench/phaser-only) with Phaser's prebuilt bundle. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: { target: 'es2022', chunkSizeWarningLimit: 1600 },
});
