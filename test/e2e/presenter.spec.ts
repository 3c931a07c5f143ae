/**
 * Presenter mode on a 1080p projector: the smallest text rendered anywhere on the page is measured
 * (every visible element holding text of its own), the kingdom is zoomed so the canvas labels grow
 * with the type, and the facilitator's keys work: ? shows the card, D collapses a portal, F folds the
 * side panels, P pauses. Screenshots at 1920x1080 are kept for a person to look at.
 */
import { expect, type Page } from '@playwright/test';
import type { KingdomScene } from '../../src/game/KingdomScene.ts';
import { SCREENSHOTS, test, waitBridge, waitScene } from './helpers.ts';

/** The smallest font size (px) of visible text on the page, and where it is. */
async function smallestText(page: Page): Promise<{ px: number; where: string }> {
  return page.evaluate(() => {
    let best = { px: Number.POSITIVE_INFINITY, where: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim()) continue;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // Visually hidden text (for screen readers: clipped to 1 px) and closed dialogs are not seen.
      if (r.width <= 1 || r.height <= 1 || style.visibility === 'hidden' || !el.checkVisibility()) continue;
      const px = Number.parseFloat(style.fontSize);
      if (px < best.px)
        best = {
          px,
          where: `${el.tagName.toLowerCase()}.${el.className}: ${n.textContent.trim().slice(0, 30)}`,
        };
    }
    return best;
  });
}

test('presenter mode at 1920x1080: text at least 24 px, a zoomed kingdom, the facilitator keys', async ({
  page,
  problems,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?level=portal-collapses');
  await waitBridge(page);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await waitScene(page);
  const normal = await smallestText(page);
  const zoomBefore = await page.evaluate(
    () => (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).cameraView().zoom,
  );
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.getByRole('button', { name: 'Presenter' })).toHaveAttribute('aria-pressed', 'true');
  // Type grows through a transition: wait until every text has settled at its presenter size.
  await expect.poll(async () => (await smallestText(page)).px).toBeGreaterThanOrEqual(24);
  const present = await smallestText(page);
  console.log(
    `smallest text at 1920x1080: normal ${normal.px}px (${normal.where}); presenter ${present.px}px (${present.where})`,
  );
  expect(present.px).toBeGreaterThanOrEqual(24);
  expect(normal.px).toBeLessThan(24);
  const zoomAfter = await page.evaluate(
    () => (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).cameraView().zoom,
  );
  // Zoomed in by 1.5x, as far as the camera's bounds allow (the rig clamps the zoom to the world).
  console.log(`kingdom zoom: ${zoomBefore} -> ${zoomAfter}`);
  expect(zoomAfter).toBeGreaterThan(zoomBefore * 1.05);
  const clock = await page
    .locator('[data-role="clock"]')
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(clock).toBeGreaterThanOrEqual(48);
  await page.locator('body').click({ position: { x: 5, y: 1075 } });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: `${SCREENSHOTS}/presenter-1-1080p.png` });

  // The facilitator's keys, heard while the focus is in the game (keys are bound to the mount).
  await page.getByRole('button', { name: 'Presenter' }).focus();
  await page.keyboard.press('?');
  const card = page.locator('[data-role="presenter-card"]');
  await expect(card).toBeVisible();
  await expect(card).toContainText('disaster: the next standing portal collapses');
  await page.screenshot({ path: `${SCREENSHOTS}/presenter-2-keys.png` });
  await page.keyboard.press('?');
  await expect(card).toBeHidden();
  await page.keyboard.press('d');
  await expect
    .poll(() => page.evaluate(() => Object.keys(window.__nozama!.store.getState().sim.impairedZones)))
    .toEqual(['za-southwest-1a']);
  await page.keyboard.press('f');
  await expect(page.locator('#build-panel')).toBeHidden();
  await expect(page.locator('#inspector-panel')).toBeHidden();
  await page.keyboard.press('p');
  await expect.poll(() => page.evaluate(() => window.__nozama!.store.getState().clock.paused)).toBe(false);
  await page.keyboard.press('p');
  await expect.poll(() => page.evaluate(() => window.__nozama!.store.getState().clock.paused)).toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/presenter-3-folded-disaster.png` });
  expect(problems).toEqual([]);
});

test('?present=1 starts in presenter mode', async ({ page }) => {
  await page.goto('/?present=1&sandbox=1');
  await waitBridge(page);
  await expect(page.getByRole('button', { name: 'Presenter' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.nozama')).toHaveClass(/present/);
  await page.getByRole('button', { name: 'Presenter' }).focus();
  await page.keyboard.press('?');
  await expect(page.locator('[data-role="presenter-card"]')).toBeVisible();
  await page.keyboard.press('?');
  // The scenes' animations run at half speed, also in a scene started after the switch.
  const paces = () =>
    page.evaluate(() =>
      window
        .__nozama!.game.scene.getScenes(true)
        .map((s) => `${s.sys.settings.key} ${s.tweens.timeScale} ${s.time.timeScale}`),
    );
  await waitScene(page, 'planet');
  expect(await paces()).toContain('planet 0.5 0.5');
  await page.evaluate(() => window.__nozama!.store.getState().goTo({ scene: 'kingdom', zone: null }));
  await waitScene(page, 'kingdom');
  expect(await paces()).toContain('kingdom 0.5 0.5');
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.getByRole('button', { name: 'Presenter' })).toHaveAttribute('aria-pressed', 'false');
  expect(await paces()).toContain('kingdom 1 1');
  // With the focus nowhere (the page's body), the facilitator's keys still reach the game.
  await page.getByRole('button', { name: 'Presenter' }).click();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await page.keyboard.press('?');
  await expect(page.locator('[data-role="presenter-card"]')).toBeVisible();
});
