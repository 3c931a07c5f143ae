/**
 * The game boots on the renderer fast on this machine (Canvas: headless Chromium draws WebGL in software,
 * SwiftShader), draws the three portals of za-southwest-1, and the page stays clean; `?renderer=webgl`
 * still gets WebGL.
 */
import { expect, type Page, test } from '@playwright/test';
import type { KingdomScene } from '../../src/game/KingdomScene.ts';
import { axeSerious, canvasBox, openGame, snapshot, watchPage, worldShot } from './helpers.ts';

/** The renderer Phaser runs (from its type) and what the canvas says was chosen and why. */
function rendererOf(page: Page) {
  return page.evaluate(() => {
    const b = window.__nozama;
    if (!b) throw new Error('no test bridge');
    const canvas = b.game.canvas as HTMLCanvasElement;
    const type = b.game.renderer.type;
    return {
      phaser: type === b.phaser.CANVAS ? 'canvas' : type === b.phaser.WEBGL ? 'webgl' : `type ${type}`,
      version: b.phaser.VERSION,
      renderer: canvas.dataset.renderer,
      rendererReason: canvas.dataset.rendererReason,
    };
  });
}

test('the game boots on Canvas where WebGL is software, draws the zones, with no console errors and no third-party requests', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  await openGame(page);

  await expect(page).toHaveTitle('Nozama — learn Amazon ECS by building kingdoms');
  const renderer = await rendererOf(page);
  expect(renderer.phaser, `Phaser ${renderer.version} uses Canvas`).toBe('canvas');
  expect(renderer.renderer).toBe('canvas');
  expect(renderer.rendererReason).toMatch(
    /^WebGL is drawn in software \(.*SwiftShader.*\): Canvas is faster here$/,
  );

  const canvas = page.locator('#world-canvas canvas');
  await expect(canvas).toBeVisible();
  const box = await canvasBox(page);
  expect(box.w).toBeGreaterThan(600);
  expect(box.h).toBeGreaterThan(400);

  const snap = await snapshot(page);
  expect(snap.zones.map((z) => z.name)).toEqual(['za-southwest-1a', 'za-southwest-1b', 'za-southwest-1c']);
  // Zones side by side, left to right, inside the canvas.
  const [a, b, c] = snap.zones.map((z) => z.bounds);
  expect(a && b && c).toBeTruthy();
  if (a && b && c) {
    expect(a.x + a.w).toBeLessThanOrEqual(b.x);
    expect(b.x + b.w).toBeLessThanOrEqual(c.x);
    expect(c.x + c.w).toBeLessThanOrEqual(box.w);
  }
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Nozama');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('za-southwest-1');
  await expect(page.getByRole('timer')).toHaveText(/^\d\d:\d\d:\d\d$/);

  await worldShot(page, 'boot');
  expect(problems).toEqual([]);
});

test('?renderer=webgl forces WebGL (through SwiftShader here), and the kingdom draws on it', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  await openGame(page, '?renderer=webgl');
  const renderer = await rendererOf(page);
  expect(renderer.phaser).toBe('webgl');
  expect(renderer).toMatchObject({ renderer: 'webgl', rendererReason: 'asked for (?renderer=webgl)' });
  const snap = await snapshot(page);
  expect(snap.zones.map((z) => z.name)).toEqual(['za-southwest-1a', 'za-southwest-1b', 'za-southwest-1c']);
  await worldShot(page, 'boot-webgl');
  expect(problems).toEqual([]);
});

test('the canvas follows the window size', async ({ page }) => {
  await openGame(page);
  await page.setViewportSize({ width: 900, height: 640 });
  await page.waitForFunction(() => {
    const c = document.querySelector('#world-canvas canvas') as HTMLCanvasElement | null;
    return c !== null && c.width <= 900 && c.width > 800;
  });
  const snap = await snapshot(page);
  const box = await canvasBox(page);
  for (const z of snap.zones) expect(z.bounds.x + z.bounds.w).toBeLessThanOrEqual(box.w);
  await worldShot(page, 'boot-900x640');
});

test('destroying the game unsubscribes the scene from the store and removes the canvas', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  await openGame(page);
  expect(
    await page.evaluate(
      () => (window.__nozama?.game.scene.getScene('kingdom') as KingdomScene | undefined)?.subscriptionCount,
    ),
  ).toBeGreaterThan(0);
  await page.evaluate(() => {
    const bridge = window.__nozama;
    if (!bridge) throw new Error('no test bridge');
    const scene = bridge.game.scene.getScene('kingdom') as KingdomScene;
    (window as unknown as { keptScene: KingdomScene }).keptScene = scene;
    bridge.game.destroy(true);
  });
  await expect(page.locator('#world-canvas canvas')).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { keptScene: KingdomScene }).keptScene.subscriptionCount),
  ).toBe(0);
  // The store lives on without the view.
  await page.evaluate(() => {
    const s = window.__nozama?.store.getState();
    s?.dispatch({ action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } });
    s?.advance(5);
  });
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Royaume');
  expect(problems).toEqual([]);
});

test('the DOM panels have no serious or critical accessibility violations', async ({ page }) => {
  await openGame(page);
  expect(await axeSerious(page)).toEqual([]);
});
