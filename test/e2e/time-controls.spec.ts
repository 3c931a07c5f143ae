/** The time controls: Pause stops the simulated clock, Play resumes it, 4x runs it faster. */
import { expect, type Page, test } from '@playwright/test';
import { frames, openGame } from './helpers.ts';

async function simNow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const s = window.__nozama?.store.getState();
    if (!s) throw new Error('no test bridge');
    return s.sim.now - s.sim.startedAt;
  });
}

/**
 * Simulated seconds per second of the game's own frame time, measured in the page over `simSeconds`
 * of simulated time. The frame deltas are the ones Phaser hands the director (its 'poststep' event, after the scenes ran), not
 * the wall clock, so a loaded machine that drops or stretches frames does not skew the rate.
 */
async function rate(page: Page, simSeconds: number): Promise<number> {
  return page.evaluate(
    (span) =>
      new Promise<number>((resolve) => {
        const bridge = window.__nozama;
        if (!bridge) throw new Error('no test bridge');
        const { store, game } = bridge;
        const t0 = store.getState().sim.now;
        let frameMs = 0;
        const onStep = (_time: number, delta: number) => {
          frameMs += delta;
          const dt = store.getState().sim.now - t0;
          if (dt >= span) {
            game.events.off('poststep', onStep);
            resolve(dt / (frameMs / 1000));
          }
        };
        game.events.on('poststep', onStep);
      }),
    simSeconds,
  );
}

test('Pause stops the clock, Play resumes it, 4x speeds it up', async ({ page }) => {
  await openGame(page);
  const clockText = page.getByRole('timer', { name: 'Simulated time elapsed' });

  // The clock runs at 1x from the start.
  const start = await simNow(page);
  await page.waitForFunction((t) => {
    const s = window.__nozama?.store.getState();
    return s !== undefined && s.sim.now - s.sim.startedAt >= t + 1;
  }, start);
  await expect(page.getByRole('button', { name: '1x' })).toHaveAttribute('aria-pressed', 'true');

  // Pause: the store's clock is paused, time stands still for many frames, the text does not move.
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await page.evaluate(() => window.__nozama?.store.getState().clock.paused)).toBe(true);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const frozen = await simNow(page);
  const frozenText = await clockText.textContent();
  await frames(page, 60);
  expect(await simNow(page)).toBe(frozen);
  await expect(clockText).toHaveText(frozenText ?? '');

  // Play resumes.
  await page.getByRole('button', { name: 'Play' }).click();
  expect(await page.evaluate(() => window.__nozama?.store.getState().clock.paused)).toBe(false);
  await page.waitForFunction((t) => {
    const s = window.__nozama?.store.getState();
    return s !== undefined && s.sim.now - s.sim.startedAt > t;
  }, frozen);
  const atOne = await rate(page, 3);

  // 4x: the store says so, the button says so, and the clock runs about four times faster.
  await page.getByRole('button', { name: '4x' }).click();
  expect(await page.evaluate(() => window.__nozama?.store.getState().clock.speed)).toBe(4);
  await expect(page.getByRole('button', { name: '4x' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: '1x' })).toHaveAttribute('aria-pressed', 'false');
  const atFour = await rate(page, 12);
  // Measured against the game's frame time, back to back: 4x runs about four times as fast as 1x
  // (whole seconds and the carried fraction make it approximate; the exact arithmetic is
  // unit-tested in tick-accumulator).
  expect(atOne).toBeGreaterThan(0);
  expect(atFour / atOne).toBeGreaterThan(2.5);
  expect(atFour / atOne).toBeLessThan(6);

  // The displayed text follows the store.
  await page.getByRole('button', { name: 'Pause' }).click();
  const shown = await clockText.textContent();
  const now = await simNow(page);
  const hh = String(Math.floor(now / 3600)).padStart(2, '0');
  const mm = String(Math.floor((now % 3600) / 60)).padStart(2, '0');
  const ss = String(now % 60).padStart(2, '0');
  expect(shown).toBe(`${hh}:${mm}:${ss}`);
});

test('the time controls work from the keyboard', async ({ page }) => {
  await openGame(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
  await page.keyboard.press('Space');
  expect(await page.evaluate(() => window.__nozama?.store.getState().clock.paused)).toBe(true);
  await expect(page.getByRole('button', { name: 'Play' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '16x' })).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => window.__nozama?.store.getState().clock.speed)).toBe(16);
  await expect(page.getByRole('button', { name: '16x' })).toHaveAttribute('aria-pressed', 'true');
});

test('Step pauses and moves the world five simulated seconds', async ({ page }) => {
  await openGame(page);
  const before = await page.evaluate(() => window.__nozama!.store.getState().sim.now);
  await page.getByRole('button', { name: '+5s: step the world 5 seconds forward' }).click();
  const after = await page.evaluate(() => window.__nozama!.store.getState());
  expect(after.clock.paused).toBe(true);
  expect(after.sim.now - before).toBeGreaterThanOrEqual(5);
  const now = after.sim.now;
  await page.getByRole('button', { name: '+5s: step the world 5 seconds forward' }).click();
  expect(await page.evaluate(() => window.__nozama!.store.getState().sim.now)).toBe(now + 5);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});
