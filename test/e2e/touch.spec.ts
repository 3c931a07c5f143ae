/**
 * Touch on the canvas (issue 12), at a tablet's 1024x768 with touch emulation: two fingers pinch the
 * kingdom's zoom around the point between them, one finger pans it, a tap selects a territory and the
 * Inspector shows it, a finger that slides does not select, a double tap shows the whole kingdom
 * again; on the planet and a region a tap enters and a slide does not. Fingers are CDP touch events
 * (Input.dispatchTouchEvent); every wait is on the camera or the store read through the test bridge.
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { CameraView } from '../../src/game/camera-rig.ts';
import type { PlanetScene } from '../../src/game/PlanetScene.ts';
import {
  canvasBox,
  frames,
  kingdomPoint,
  openLevel,
  SCREENSHOTS,
  selection,
  snapshot,
  test,
  waitScene,
  waitSettled,
} from './helpers.ts';

test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

type Point = { x: number; y: number };

/** Fingers on the screen: each move is one touchMove with every finger's place. */
async function fingers(cdp: CDPSession, paths: Point[][], steps = 8): Promise<void> {
  const at = (t: number) =>
    paths.map((path, id) => {
      const from = path[0] as Point;
      const to = path[path.length - 1] as Point;
      return { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t, id };
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let i = 1; i <= steps; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i / steps) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function tapAt(cdp: CDPSession, p: Point): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ ...p, id: 0 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function camera(page: Page): Promise<CameraView> {
  await frames(page, 2);
  return (await snapshot(page)).camera;
}

test('two fingers pinch the zoom, one pans, a tap selects and the Inspector shows it, a double tap fits', async ({
  page,
  problems,
}) => {
  await openLevel(page, 'first-plan', 'The first plan');
  const cdp = await page.context().newCDPSession(page);
  const start = await camera(page);
  const territory = (await snapshot(page)).territories[0];
  expect(territory, 'the level starts with a territory in 1a').toBeTruthy();
  const t = territory as { id: string; bounds: { x: number; y: number; w: number; h: number } };
  const plotWorld = { x: t.bounds.x + t.bounds.w / 2, y: t.bounds.y + t.bounds.h * 0.8 };
  // The fingers meet over the middle of the world (near an edge the camera's bounds would move it).
  const centre = { x: start.centerX, y: start.centerY };
  const mid = await kingdomPoint(page, centre.x, centre.y);

  // Pinch apart: the zoom grows, about the point between the fingers.
  await fingers(cdp, [
    [
      { x: mid.x - 30, y: mid.y },
      { x: mid.x - 130, y: mid.y },
    ],
    [
      { x: mid.x + 30, y: mid.y },
      { x: mid.x + 130, y: mid.y },
    ],
  ]);
  await expect.poll(async () => (await camera(page)).zoom).toBeGreaterThan(start.zoom * 2);
  const pinched = await camera(page);
  // The world point that was between the fingers is still there (within a few pixels).
  const under = await kingdomPoint(page, centre.x, centre.y);
  expect(Math.abs(under.x - mid.x)).toBeLessThan(12);
  expect(Math.abs(under.y - mid.y)).toBeLessThan(12);
  expect(await selection(page), 'a pinch is not a tap').toBeNull();
  await page.screenshot({ path: `${SCREENSHOTS}/touch-1-pinched.png` });

  // One finger drags left and up: the view moves right and down over the world.
  await fingers(cdp, [
    [
      { x: mid.x + 40, y: mid.y + 30 },
      { x: mid.x - 20, y: mid.y - 10 },
    ],
  ]);
  await expect.poll(async () => (await camera(page)).centerX).toBeGreaterThan(pinched.centerX + 10);
  const panned = await camera(page);
  expect(panned.zoom).toBeCloseTo(pinched.zoom, 5);
  expect(panned.centerY).toBeGreaterThan(pinched.centerY);
  expect(await selection(page), 'a slide is not a tap').toBeNull();

  // A double tap shows the whole kingdom again.
  await tapAt(cdp, mid);
  await tapAt(cdp, mid);
  await expect.poll(async () => (await camera(page)).zoom).toBeCloseTo(start.minZoom, 5);

  // A tap on the territory selects it, and the Inspector shows it.
  await waitSettled(page);
  const plot = await kingdomPoint(page, plotWorld.x, plotWorld.y);
  await tapAt(cdp, plot);
  await expect.poll(() => selection(page)).toMatchObject({ kind: 'instance', id: t.id });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.locator('.selected-title')).toBeVisible();
  await expect(inspector.locator('.selected-title')).toContainText('1a-1');
  await page.screenshot({ path: `${SCREENSHOTS}/touch-2-tapped.png` });
  expect(problems).toEqual([]);
});

test('on the planet a slide enters nothing and a tap flies to the region; a tap steps through a portal', async ({
  page,
  problems,
}) => {
  await openLevel(page, 'arrival', 'Arrival');
  await waitScene(page, 'planet');
  const cdp = await page.context().newCDPSession(page);
  const box = await canvasBox(page);
  const place = await page.evaluate(() => {
    const scene = window.__nozama!.game.scene.getScene('planet') as PlanetScene;
    const p = scene.snapshot().places.find((x) => x.regionName === 'za-southwest-1');
    return p ? { x: p.x, y: p.y } : null;
  });
  expect(place).not.toBeNull();
  const p = { x: box.x + (place as Point).x, y: box.y + (place as Point).y };
  // A finger that starts on the region and slides away is a pan, not a tap.
  await fingers(cdp, [
    [
      { x: p.x, y: p.y },
      { x: p.x + 80, y: p.y - 40 },
    ],
  ]);
  await frames(page, 3);
  expect(await page.evaluate(() => window.__nozama?.store.getState().ui.place.scene)).toBe('planet');
  await tapAt(cdp, p);
  await expect
    .poll(() => page.evaluate(() => window.__nozama?.store.getState().ui.place.scene))
    .toBe('region');
  await waitScene(page, 'region');
  const portal = await page.evaluate(() => {
    const scene = window.__nozama!.game.scene.getScene('region') as unknown as {
      snapshot(): { portals: { zone: string; bounds: { x: number; y: number; w: number; h: number } }[] };
    };
    return scene.snapshot().portals[1] ?? null;
  });
  expect(portal).not.toBeNull();
  const b = (portal as { bounds: { x: number; y: number; w: number; h: number } }).bounds;
  await tapAt(cdp, { x: box.x + b.x + b.w / 2, y: box.y + b.y + b.h / 2 });
  await expect
    .poll(() => page.evaluate(() => window.__nozama?.store.getState().ui.place))
    .toEqual({ scene: 'kingdom', zone: (portal as { zone: string }).zone });
  expect(problems).toEqual([]);
});
