/**
 * Reference pictures of the canvas. Screenshots at fixed seeds go to
 * test-results/screenshots/scene-*.png and are compared with the reviewed references in
 * test/e2e/references/scene-*.png (a tolerant pixel comparison: at most 2% of the pixels may differ
 * noticeably). To make them deterministic the canvas is pinned to 960x600, the clock is paused,
 * reduced motion is emulated (no tween in flight) and the pointer is parked where it hovers nothing.
 * A missing reference is written from the run (and the test says so); UPDATE_SCENE_REFERENCES=1
 * rewrites them all after a deliberate change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { canvasToPage, frames, SCREENSHOTS, waitBridge } from './helpers.ts';

const REFERENCES = 'test/e2e/references';
export const CANVAS = { width: 960, height: 600 };
/** A pixel differs when one of its channels is off by more than this. */
const CHANNEL_TOLERANCE = 40;
const MAX_DIFF_RATIO = 0.02;

/** Opens the game at a place, with the canvas pinned to 960x600 above the panels and the clock paused. */
export async function openPinned(
  page: Page,
  place: string,
  motion: 'reduce' | 'no-preference' = 'reduce',
): Promise<void> {
  await page.emulateMedia({ reducedMotion: motion });
  await page.goto(`/?seed=1&place=${place}`);
  await waitBridge(page);
  await page.evaluate(() => window.__nozama?.store.getState().setPaused(true));
  // The canvas above the panels at a fixed size: the pictures do not depend on the DOM's layout.
  // Set through the CSSOM: the page's Content-Security-Policy refuses an injected <style> (style-src 'self').
  await page.evaluate(
    ({ w, h }) => {
      const canvas = document.querySelector<HTMLElement>('#world-canvas');
      const pinned = {
        position: 'fixed',
        left: '0',
        top: '0',
        width: `${w}px`,
        height: `${h}px`,
        'z-index': '2147483647',
      };
      for (const [name, value] of Object.entries(pinned)) canvas?.style.setProperty(name, value, 'important');
    },
    { w: CANVAS.width, h: CANVAS.height },
  );
  await page.waitForFunction(
    ({ w, h }) => {
      const game = window.__nozama?.game;
      return game !== undefined && game.scale.width === w && game.scale.height === h;
    },
    { w: CANVAS.width, h: CANVAS.height },
  );
}

/**
 * Saves the canvas as test-results/screenshots/scene-<name>.png and compares it with
 * test/e2e/references/scene-<name>.png.
 */
export async function matchesReference(page: Page, name: string): Promise<void> {
  // Park the pointer on the canvas's top left corner (nothing is there to hover).
  const park = await canvasToPage(page, 2, 2);
  await page.mouse.move(park.x, park.y);
  await frames(page, 3);
  const box = await page.locator('#world-canvas canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const shot = await page.screenshot({
    path: `${SCREENSHOTS}/scene-${name}.png`,
    clip: { x: box.x, y: box.y, width: box.width, height: box.height },
  });
  const refPath = `${REFERENCES}/scene-${name}.png`;
  if (process.env.UPDATE_SCENE_REFERENCES === '1' || !existsSync(refPath)) {
    mkdirSync(REFERENCES, { recursive: true });
    writeFileSync(refPath, shot);
    test.info().annotations.push({ type: 'reference written', description: refPath });
    return;
  }
  const diff = await page.evaluate(
    async ({ a, b, tolerance }) => {
      const decode = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([decode(a), decode(b)]);
      if (x.width !== y.width || x.height !== y.height)
        return { ratio: 1, size: `${x.width}x${x.height} vs ${y.width}x${y.height}` };
      let differing = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const d = Math.max(
          Math.abs((x.data[i] as number) - (y.data[i] as number)),
          Math.abs((x.data[i + 1] as number) - (y.data[i + 1] as number)),
          Math.abs((x.data[i + 2] as number) - (y.data[i + 2] as number)),
        );
        if (d > tolerance) differing++;
      }
      return { ratio: differing / (x.width * x.height), size: `${x.width}x${x.height}` };
    },
    { a: shot.toString('base64'), b: readFileSync(refPath).toString('base64'), tolerance: CHANNEL_TOLERANCE },
  );
  expect(
    diff.ratio,
    `scene-${name}.png differs from its reference in ${(diff.ratio * 100).toFixed(2)}% of its pixels (${diff.size})`,
  ).toBeLessThanOrEqual(MAX_DIFF_RATIO);
}
