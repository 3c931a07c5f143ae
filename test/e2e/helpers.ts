/**
 * Shared steps for the browser tests. Everything waits on state read through the test bridge
 * (window.__nozama) or on animation frames, never on wall-clock sleeps.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type {} from '../../src/app/test-bridge.ts';
import type { KingdomScene, KingdomSnapshot } from '../../src/game/KingdomScene.ts';
import type { Call, CallResponse } from '../../src/model/sim/types.ts';
import type { Selection } from '../../src/store/create-game-store.ts';

export const SCREENSHOTS = 'test-results/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

export const ECS_AMI_PARAMETER = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Playwright's test with a `problems` fixture: the page is watched (watchPage) from before the test
 * starts; a test asserts `expect(problems).toEqual([])` where it wants the page clean.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: async ({ page, baseURL }, use) => {
    await use(watchPage(page, baseURL as string));
  },
});

/** Console errors, page errors, failed or 4xx/5xx requests, and requests that leave the page's origin. */
export function watchPage(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) =>
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`),
  );
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`third-party request: ${url}`);
    }
  });
  return problems;
}

/** Waits until the page's test bridge is there (the game has booted). */
export async function waitBridge(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__nozama !== undefined);
}

/** Opens the game, goes to the kingdom (wherever the game opens) and waits until it has drawn and settled. */
export async function openGame(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await waitBridge(page);
  await page.evaluate(() => {
    const s = window.__nozama?.store.getState();
    if (s && s.ui.place.scene !== 'kingdom') s.goTo({ scene: 'kingdom', zone: null });
  });
  await page.waitForFunction(() => {
    const scene = window.__nozama?.game.scene.getScene('kingdom') as KingdomScene | null | undefined;
    return scene?.sys.isActive() === true && scene.snapshot().zones.length > 0;
  });
  await waitSettled(page);
}

/** Waits until the view matches the model and no animation is playing. */
export async function waitSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const scene = window.__nozama?.game.scene.getScene('kingdom') as KingdomScene | null | undefined;
    return scene?.isSettled() === true;
  });
  // Two more frames so the settled picture has been presented.
  await frames(page, 2);
}

export async function frames(page: Page, n: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );
}

/**
 * Presses a key for the canvas and waits two frames: Phaser queues DOM key events and handles them in
 * its next step, so a state read straight after the press can come before it.
 */
export async function pressForCanvas(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await frames(page, 2);
}

export async function snapshot(page: Page): Promise<KingdomSnapshot> {
  return page.evaluate(() => {
    const bridge = window.__nozama;
    if (!bridge) throw new Error('no test bridge');
    return (bridge.game.scene.getScene('kingdom') as KingdomScene).snapshot();
  });
}

/** Dispatches a call through the store and returns its response. */
export async function call(page: Page, c: Call): Promise<CallResponse> {
  return page.evaluate((x) => {
    const bridge = window.__nozama;
    if (!bridge) throw new Error('no test bridge');
    return bridge.store.getState().dispatch(x);
  }, c);
}

/** Dispatches a call that must succeed, and returns its output. */
export async function ok(page: Page, c: Call): Promise<Record<string, unknown>> {
  const r = await call(page, c);
  if ('error' in r) throw new Error(`${c.action} failed: ${r.error.name}: ${r.error.message}`);
  return r.output;
}

export async function setClock(
  page: Page,
  clock: { paused?: boolean; speed?: 1 | 4 | 16 | 64 },
): Promise<void> {
  await page.evaluate((c) => {
    const s = window.__nozama?.store.getState();
    if (!s) throw new Error('no test bridge');
    if (c.speed !== undefined) s.setSpeed(c.speed);
    if (c.paused !== undefined) s.setPaused(c.paused);
  }, clock);
}

/** The canvas's box on the page. */
export async function canvasBox(page: Page): Promise<Rect> {
  const box = await page.locator('#world-canvas canvas').boundingBox();
  expect(box).not.toBeNull();
  const b = box as { x: number; y: number; width: number; height: number };
  return { x: b.x, y: b.y, w: b.width, h: b.height };
}

/**
 * A screenshot of one zone's portal as far as the canvas shows it (a zone that runs past the canvas's
 * edge, or under the Chronicle's bar, is cut there: the panels' text changes), saved under
 * test-results/screenshots.
 */
export async function zoneShot(page: Page, zone: string, name?: string): Promise<Buffer> {
  const snap = await snapshot(page);
  const z = snap.zones.find((x) => x.name === zone);
  expect(z, `zone ${zone} is drawn`).toBeTruthy();
  const c = await canvasBox(page);
  const b = (z as { bounds: Rect }).bounds;
  const x = c.x + Math.max(0, b.x);
  const y = c.y + Math.max(0, b.y);
  const right = c.x + Math.min(c.w, b.x + b.w);
  // The Chronicle's bar may lie over the canvas's foot: its lines are not the zone's.
  const chronicle = await page.locator('#chronicle').boundingBox();
  const visibleBottom = chronicle && chronicle.y > y ? Math.min(c.y + c.h, chronicle.y) : c.y + c.h;
  const bottom = Math.min(visibleBottom, c.y + b.y + b.h);
  const clip = { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
  return page.screenshot({ clip, ...(name ? { path: `${SCREENSHOTS}/${name}.png` } : {}) });
}

export async function worldShot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: false });
}

export function userData(cluster: string): string {
  return Buffer.from(`#!/bin/bash\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config`).toString('base64');
}

/**
 * Advances simulated time one second at a time until `predicate(sim, arg)` holds (at most `limit`
 * seconds): tests wait on the world's state, never on the wall clock.
 */
export async function advanceUntil(
  page: Page,
  predicate: string,
  arg: unknown = null,
  limit = 900,
): Promise<void> {
  await page.evaluate(
    ({ source, value, max }) => {
      const store = window.__nozama?.store;
      if (!store) throw new Error('no test bridge');
      const holds = new Function('sim', 'value', `return (${source})(sim, value);`);
      for (let i = 0; i < max && holds(store.getState().sim, value) !== true; i++)
        store.getState().advance(1);
      if (holds(store.getState().sim, value) !== true) throw new Error(`not reached in ${max} s: ${source}`);
    },
    { source: predicate, value: arg, max: limit },
  );
}

/**
 * Waits (while the page runs) until `predicate`, the source of a function `(sim, value) => boolean`,
 * holds for the store's world. The source is compiled once inside the test's own evaluate, which the
 * page's Content-Security-Policy allows; a `new Function` inside the polling callback would be code
 * compiled by the page itself, which the policy (no 'unsafe-eval') refuses.
 */
export async function waitForSim(
  page: Page,
  predicate: string,
  arg: unknown = null,
  options: { timeout?: number; polling?: number } = {},
): Promise<void> {
  await page.evaluate((source) => {
    (window as unknown as { __simPredicate: unknown }).__simPredicate = new Function(
      'sim',
      'value',
      `return (${source})(sim, value);`,
    );
  }, predicate);
  await page.waitForFunction(
    (value) => {
      const s = window.__nozama?.store.getState();
      const holds = (window as unknown as { __simPredicate: (sim: unknown, v: unknown) => unknown })
        .__simPredicate;
      return s !== undefined && holds(s.sim, value) === true;
    },
    arg,
    options,
  );
}

/**
 * Opens a campaign level by its link (`?level=<id>`) and waits until its panel shows its title and
 * the scene its scenario starts in is drawn and settled; the clock is paused with the top bar's
 * button so nothing moves under the test.
 */
export async function openLevel(page: Page, id: string, title: string): Promise<void> {
  await page.goto(`/?level=${id}`);
  await waitBridge(page);
  await expect(page.locator('[data-role="level-panel"]').getByRole('heading', { name: title })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__nozama?.store.getState().level?.id)).toBe(id);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await waitScene(page);
}

/**
 * Waits until a scene (by default the one the store's place shows) is active and, for the scenes
 * that animate, settled; then three frames so the picture has been presented.
 */
export async function waitScene(page: Page, key?: 'planet' | 'region' | 'kingdom'): Promise<void> {
  await page.waitForFunction((k) => {
    const bridge = window.__nozama;
    if (!bridge) return false;
    const scene = bridge.game.scene.getScene(k ?? bridge.store.getState().ui.place.scene) as unknown as
      | { sys: { isActive(): boolean }; isSettled?: () => boolean }
      | null
      | undefined;
    return scene?.sys.isActive() === true && (scene.isSettled ? scene.isSettled() : true);
  }, key);
  await frames(page, 3);
}

/** What the store has selected. */
export async function selection(page: Page): Promise<Selection | null> {
  return page.evaluate(() => window.__nozama?.store.getState().ui.selection ?? null);
}

/** A point of the canvas (in the canvas's own pixels), in page coordinates. */
export async function canvasToPage(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('#world-canvas canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  return { x: box.x + x, y: box.y + y };
}

/** Clicks a point of the canvas given in the canvas's own pixels, like a player. */
export async function clickCanvas(page: Page, x: number, y: number): Promise<void> {
  const p = await canvasToPage(page, x, y);
  await page.mouse.click(p.x, p.y);
}

/** A world point of the kingdom, in page coordinates (through the scene's camera). */
export async function kingdomPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    ([wx, wy]) =>
      (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).worldToScreen(
        wx as number,
        wy as number,
      ),
    [x, y],
  );
  return canvasToPage(page, p.x, p.y);
}

/** Clicks the centre of a rectangle of the kingdom's world, like a player. */
export async function clickWorld(page: Page, r: Rect): Promise<void> {
  const p = await kingdomPoint(page, r.x + r.w / 2, r.y + r.h / 2);
  await page.mouse.click(p.x, p.y);
}

/**
 * The serious and critical WCAG 2.1 A/AA violations axe finds on the page (or only in `include`,
 * or without `exclude`), one line each.
 */
export async function axeSerious(
  page: Page,
  scope: { include?: string; exclude?: string } = {},
): Promise<string[]> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (scope.include) axe = axe.include(scope.include);
  if (scope.exclude) axe = axe.exclude(scope.exclude);
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Opens the campaign's map (`?campaign=1`) and returns it once it is shown. */
export async function openCampaignMap(page: Page): Promise<Locator> {
  await page.goto('/?campaign=1');
  await waitBridge(page);
  const map = page.getByRole('dialog', { name: 'The campaign of Nozama' });
  await expect(map).toBeVisible();
  return map;
}

/**
 * Opens one Build panel section (a disclosure of an exclusive accordion) by its panel id, and
 * returns it; with `title`, its summary must say so before it is clicked open.
 */
export async function buildSection(page: Page, id: string, title?: string): Promise<Locator> {
  const s = page.locator(`details[data-section="${id}"]`);
  await expect(s).toBeVisible();
  if ((await s.getAttribute('open')) === null) {
    const summary = s.locator(':scope > summary');
    if (title !== undefined) await expect(summary).toContainText(title);
    await summary.click();
  }
  await expect(s).toHaveAttribute('open', '');
  return s;
}

/**
 * Presses the top bar's "+5s" (pause, then five simulated seconds) until `predicate(sim, level)`
 * holds, at most `limit` simulated seconds: time passes through the real control, never a sleep.
 */
export async function stepUntil(page: Page, predicate: string, limit = 600): Promise<void> {
  const holds = () =>
    page.evaluate((source) => {
      const s = window.__nozama?.store.getState();
      if (!s) throw new Error('no test bridge');
      return new Function('sim', 'level', `return (${source})(sim, level);`)(s.sim, s.level) === true;
    }, predicate);
  const step = page.getByRole('button', { name: /^\+5s/ });
  for (let t = 0; t <= limit; t += 5) {
    if (await holds()) return;
    await step.click();
  }
  throw new Error(`not reached in ${limit} simulated seconds: ${predicate}`);
}

/**
 * Lays free play's four blueprints in order (a gate with a decree, travelers, a cursed second edition,
 * a watchtower), letting the gate's decree finish its first deployment before the rest.
 */
export async function layEveryBlueprint(page: Page): Promise<void> {
  const blueprints = page.locator('[data-role="blueprints"]');
  for (const id of ['gate', 'travelers', 'cursedEdition', 'watchtower']) {
    await blueprints.getByLabel('Blueprint').selectOption(id);
    await blueprints.getByRole('button', { name: 'Lay it down' }).click();
    await expect(blueprints.locator('.guide-status')).toContainText('Blueprint laid down.');
    if (id === 'gate')
      await advanceUntil(
        page,
        `(sim) => sim.services.values().some((s) => s.deployments[0]?.rolloutState === 'COMPLETED')`,
      );
  }
}
