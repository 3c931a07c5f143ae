/**
 * The first screen does not wait for Phaser (src/game/load-game.ts): the campaign map and the panels
 * show while the world's code downloads, and only the Phaser build the chosen renderer needs is fetched
 * (Canvas here, where WebGL is software; build/phaser-build.ts). The world's files are held back by the
 * test until the map has been seen, so the order is certain, not a race.
 */
import { expect } from '@playwright/test';
import { SCREENSHOTS, test, waitBridge } from './helpers.ts';

/** The world's code: Phaser's two builds and the scenes' chunk. */
const WORLD_FILE = /\/assets\/(phaser|_nozama-phaser|create-game)[^/]*\.js$/;

test('the campaign map shows before the world has loaded, and the world follows with the Canvas-only Phaser', async ({
  page,
  problems,
}) => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const held: string[] = [];
  await page.route(WORLD_FILE, async (route) => {
    held.push(new URL(route.request().url()).pathname);
    await released;
    await route.continue();
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?campaign=1');

  const map = page.getByRole('dialog', { name: 'The campaign of Nozama' });
  await expect(map).toBeVisible();
  await expect(map.getByRole('button', { name: /Arrival/ }).first()).toBeVisible();
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await expect(page.locator('canvas')).toHaveCount(0);
  expect(await page.evaluate(() => window.__nozama === undefined)).toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/first-paint-map-before-world.png` });

  release();
  await waitBridge(page);
  await expect(page.locator('canvas')).toHaveCount(1);
  const renderer = await page.evaluate(() => {
    const b = window.__nozama;
    return b?.game.renderer.type === b?.phaser.CANVAS ? 'canvas' : 'webgl';
  });
  expect(renderer).toBe('canvas');
  // The full build (with WebGL) was never asked for.
  expect(held.filter((p) => /\/phaser-(?!canvas-|slot-)[^/]*\.js$/.test(p))).toEqual([]);
  expect(held.some((p) => /\/phaser-canvas-[^/]*\.js$/.test(p))).toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/first-paint-world-loaded.png` });
  expect(problems).toEqual([]);
});
