/**
 * The page's address read strictly (src/app/query-options.ts): each query parameter the game reads,
 * given a value it cannot use, is named on screen in the same notice as an unknown level (the
 * campaign map's address notice), and the game starts on its defaults instead of a guess. A good
 * value is used as given.
 */
import { expect, type Page } from '@playwright/test';
import { SCREENSHOTS, test, waitBridge } from './helpers.ts';

const mapOf = (page: Page) => page.getByRole('dialog', { name: 'The campaign of Nozama' });
const seedOf = (page: Page) => page.evaluate(() => window.__nozama?.store.getState().save().seed);

const BAD = [
  ['level', 'no-such-level', 'There is no level "no-such-level"'],
  ['seed', '0x10', '“?seed=0x10” is not a seed'],
  ['renderer', 'gpu', '“?renderer=gpu” is not a renderer'],
  ['place', 'mars', '“?place=mars” is not a place'],
  ['sandbox', 'yes', '“?sandbox=yes” is not understood'],
  ['campaign', 'true', '“?campaign=true” is not understood'],
  ['testBridge', '2', '“?testBridge=2” is not understood'],
] as const;

test('every bad parameter is named in the map’s address notice, with the unknown level; defaults stand', async ({
  page,
  problems,
}) => {
  const query = BAD.map(([p, v]) => `${p}=${encodeURIComponent(v)}`).join('&');
  await page.goto(`/?${query}`);
  await waitBridge(page);
  const notice = mapOf(page).locator('[data-role="address-problems"]');
  await expect(mapOf(page)).toBeVisible();
  await expect(notice.locator('p')).toHaveCount(BAD.length);
  for (const [i, [, , words]] of BAD.entries()) await expect(notice.locator('p').nth(i)).toContainText(words);
  await expect(notice).toContainText('planet, region, kingdom or a zone of a region of Nozama');
  expect(await seedOf(page)).toBe(1);
  // No guess: ?renderer=gpu leaves Phaser's own choice (WebGL here), ?place=mars the starting place.
  const { renderer, place } = await page.evaluate(() => {
    const b = window.__nozama;
    // The automatic choice stands: Canvas, since this Chromium draws WebGL in software.
    return {
      renderer: b?.game.renderer.type === b?.phaser.CANVAS,
      place: b?.store.getState().ui.place.scene,
    };
  });
  expect(renderer).toBe(true);
  expect(place).toBe('planet');
  await page.screenshot({ path: `${SCREENSHOTS}/defences-address-problems.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(notice).toBeInViewport();
  await page.screenshot({ path: `${SCREENSHOTS}/defences-address-problems-phone.png` });
  expect(problems).toEqual([]);
});

for (const [query, words] of [
  ['seed=NaN', '“?seed=NaN” is not a seed'],
  ['seed=1e3', '“?seed=1e3” is not a seed'],
  ['seed=4294967296', '“?seed=4294967296” is not a seed'],
  ['seed=5&seed=6', '“?seed” is given 2 times (5, 6)'],
  ['level=canary&place=za-southwest-1z', '“?place=za-southwest-1z” is not a place'],
] as const) {
  test(`?${query} is named, not guessed`, async ({ page }) => {
    await page.goto(`/?${query}`);
    await waitBridge(page);
    await expect(mapOf(page).locator('[data-role="address-problems"]')).toContainText(words);
    if (query.startsWith('seed')) expect(await seedOf(page)).toBe(1);
  });
}

test('good values are used as given, and nothing is named', async ({ page, problems }) => {
  await page.goto('/?seed=42&place=kingdom&renderer=webgl');
  await waitBridge(page);
  expect(await seedOf(page)).toBe(42);
  expect(await page.evaluate(() => window.__nozama?.store.getState().ui.place.scene)).toBe('kingdom');
  await expect(mapOf(page)).toBeHidden();
  expect(problems).toEqual([]);
});
