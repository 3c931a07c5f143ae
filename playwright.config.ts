/**
 * Browser tests: Playwright drives Debian's Chromium (never a downloaded browser) against the test
 * build served by `vite preview` (`npm run test:e2e` builds with `--mode test` first, which compiles
 * the test bridge in). Chromium is found at $CHROMIUM_PATH, else /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium-flags.ts';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `Chromium was not found at ${chromium}. The browser tests use Debian's Chromium: install it with ` +
      '`apt-get update && apt-get install -y chromium` (as root), or point CHROMIUM_PATH at a Chromium binary.',
  );
}

const port = Number(process.env.PORT || 4873);
const baseURL = `http://127.0.0.1:${port}`;
/** The demo blog of the embed tests: a second origin (test/e2e/blog/server.mjs). */
export const blogPort = Number(process.env.BLOG_PORT || port + 1000);

export default defineConfig({
  testDir: 'test/e2e',
  // Playwright empties its output folder on start: keep it apart from the reports in test-results/.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: `node node_modules/vite/bin/vite.js preview --strictPort --host 127.0.0.1 --port ${port}`,
      url: baseURL,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node test/e2e/blog/server.mjs ${blogPort} ${baseURL}`,
      url: `http://127.0.0.1:${blogPort}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
