/**
 * Chapter one played the way a newcomer who has never heard of ECS plays it, through the real UI
 * only: the map opened by ?campaign=1, level 1 from the map, the region and a portal clicked on the
 * canvas (the Build panel's portal follows the click), the territory erected from the Build panel,
 * the debrief; then level 2 from the debrief's "Next level", a royal and a bare charter chosen in
 * the form's lists, the bare territory clicked on the map and read in the Inspector, and the debrief.
 * No test-bridge action is used: the bridge is only read, to find where to click on the canvas and
 * to wait. The clock runs at 16x, the speed a player picks with the top bar's button, and is paused
 * with the top bar's Pause while the newcomer looks at the bare territory.
 */
import { expect } from '@playwright/test';
import type { KingdomScene } from '../../src/game/KingdomScene.ts';
import type { PlanetScene } from '../../src/game/PlanetScene.ts';
import type { RegionScene } from '../../src/game/RegionScene.ts';
import { clickCanvas, openCampaignMap, SCREENSHOTS, test, waitScene } from './helpers.ts';

test('a newcomer plays chapter one through the UI alone, from the map to the last debrief', async ({
  page,
  problems,
}) => {
  test.setTimeout(120_000);
  // The map says what ECS is before anything else, and opens level 1.
  const map = await openCampaignMap(page);
  await expect(map).toContainText('Amazon ECS (Elastic Container Service) runs your programs');
  await expect(map).toContainText('royal steward (the ECS scheduler)');
  await map.getByRole('button', { name: /Level 1: Arrival/ }).click();
  await expect(map).toBeHidden();

  const panel = page.locator('[data-role="level-panel"]');
  const landed = panel.locator('.goal[data-goal="landed"]');
  await expect(panel.getByRole('heading', { name: 'Arrival' })).toBeVisible();
  await expect(landed).toHaveAttribute('data-done', 'false');
  // "Still missing" speaks the story's words in Nozama's mode.
  await expect(landed).toContainText('Still missing: No standing territory in za-southwest-1 yet.');
  await expect(panel).toContainText('You give orders in the Build panel on the left');
  // The glossary is open in chapter one and explains the words the level uses, plainly.
  const glossary = panel.locator('details.level-glossary');
  await expect(glossary).toHaveAttribute('open', '');
  await expect(glossary.locator('dt', { hasText: 'portal · Availability Zone' })).toBeVisible();
  await expect(glossary.locator('dt', { hasText: 'territory · EC2 instance' })).toBeVisible();
  await expect(glossary).toContainText('a virtual computer (a server) rented in the cloud');
  await page.screenshot({ path: `${SCREENSHOTS}/newcomer-1-level1.png` });

  // The first hint: where to click, and where orders are given.
  await panel.getByRole('button', { name: 'Show a hint (1 of 3)' }).click();
  await expect(panel.locator('.hint-item').first()).toContainText('Build panel on the left');

  // The player picks the 16x speed in the top bar, then clicks SW Nozama on the planet.
  await page.getByRole('button', { name: '16x' }).click();
  await waitScene(page, 'planet');
  const sw = await page.evaluate(() =>
    (window.__nozama!.game.scene.getScene('planet') as PlanetScene)
      .snapshot()
      .places.find((p) => p.regionName === 'za-southwest-1'),
  );
  if (!sw) throw new Error('SW Nozama is not on the planet');
  await clickCanvas(page, sw.x, sw.y);
  await waitScene(page, 'region');

  // Portal 1b on the canvas: the Build panel's Portal list follows the click.
  const portals = await page.evaluate(
    () => (window.__nozama!.game.scene.getScene('region') as RegionScene).snapshot().portals,
  );
  const b = portals.find((p) => p.code === '1b')?.bounds;
  if (!b) throw new Error('no portal 1b');
  await clickCanvas(page, b.x + b.w / 2, b.y + b.h * 0.6);
  await waitScene(page, 'kingdom');
  const territory = page.locator('details[data-section="territory"]');
  await expect(territory.locator('select[name="zone"]')).toHaveValue('za-southwest-1b');
  // The kingdom is not founded yet, and the form says a territory does not need it.
  await expect(territory).toContainText('erect territories first: their lords wait for it');
  // The lists show their choices whole or end in an ellipsis, never cut mid-word.
  await expect(territory.locator('select[name="charter"]')).toHaveCSS('text-overflow', 'ellipsis');
  await expect(territory.locator('select[name="charter"] option:checked')).toHaveText(
    'royal charter (castle)',
  );

  await territory.getByRole('button', { name: 'Erect the territory' }).click();
  await expect(territory.locator('.call-result')).toContainText('Territory 1b-1 surveyed.');
  await expect(landed).toHaveAttribute('data-done', 'true');
  await expect(panel.locator('.goals-summary')).toHaveText('1 of 1 goals met');

  const debrief1 = page.getByRole('dialog', { name: 'Level complete: Arrival' });
  await expect(debrief1).toBeVisible();
  await expect(debrief1).toContainText('A territory is an EC2 instance: a virtual computer');
  await expect(debrief1).toContainText('Gold is what your territories and developments cost');
  // It opens at its top: the stars are in view, the focus on the way on.
  await expect(debrief1.getByRole('img', { name: '3 of 3 stars' })).toBeInViewport();
  await expect(debrief1.getByRole('button', { name: 'Next level' })).toBeFocused();
  await page.screenshot({ path: `${SCREENSHOTS}/newcomer-2-debrief1.png` });
  await debrief1.getByRole('button', { name: 'Next level' }).click();

  // Level 2: the last order's outcome of level 1 is gone; both goals unmet, in story words.
  await expect(panel.getByRole('heading', { name: 'The first territory' })).toBeVisible();
  const joined = panel.locator('.goal[data-goal="joined"]');
  const bare = panel.locator('.goal[data-goal="bare"]');
  await expect(joined).toHaveAttribute('data-done', 'false');
  await expect(bare).toHaveAttribute('data-done', 'false');
  await expect(joined).toContainText('Still missing: 0 castles in Royaume.');
  await expect(bare).toContainText('without a lord (a bare charter)');
  await expect(territory.locator('.call-result')).toBeEmpty();
  await expect(territory).toContainText('Written in the territory’s letter');
  await expect(glossary.locator('dt', { hasText: 'lord · ECS container agent' })).toBeVisible();
  await expect(glossary.locator('dt', { hasText: 'royal steward · ECS scheduler' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/newcomer-3-level2.png` });

  // The royal charter (the form's default), the kingdom already written in the letter.
  await expect(territory.locator('input[name="kingdom"]')).toHaveValue('Royaume');
  await territory.getByRole('button', { name: 'Erect the territory' }).click();
  await expect(territory.locator('.call-result')).toContainText('The castle rises in a few seconds');
  await expect(joined).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
  await expect(bare).toHaveAttribute('data-done', 'false');
  await expect(panel.locator('.goals-summary')).toHaveText('1 of 2 goals met');

  // The bare charter, chosen by its label in the list; the clock paused (top bar) to look at it.
  await page.getByRole('button', { name: 'Pause' }).click();
  await territory.locator('select[name="charter"]').selectOption({ label: 'bare charter (no castle)' });
  await territory.getByRole('button', { name: 'Erect the territory' }).click();
  await expect(territory.locator('.call-result')).toContainText('will never join a kingdom');

  // The newcomer finds out why by clicking the new territory on the map: the Inspector says no castle.
  await waitScene(page, 'kingdom');
  const spot = await page.evaluate(() => {
    const scene = window.__nozama!.game.scene.getScene('kingdom') as KingdomScene;
    const t = scene.snapshot().territories.find((x) => x.castle === null);
    if (!t) return null;
    return scene.worldToScreen(t.bounds.x + t.bounds.w / 2, t.bounds.y + t.bounds.h / 2);
  });
  if (!spot) throw new Error('the bare territory is not drawn');
  await clickCanvas(page, spot.x, spot.y);
  await expect(page.locator('#inspector-panel')).toContainText('none (bare charter)');
  await expect(bare).toHaveAttribute('data-done', 'false');
  await page.getByRole('button', { name: 'Play' }).click();

  await expect(bare).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
  await expect(panel.locator('.goals-summary')).toHaveText('2 of 2 goals met');
  const debrief2 = page.getByRole('dialog', { name: 'Level complete: The first territory' });
  await expect(debrief2).toBeVisible();
  await expect(debrief2).toContainText('A kingdom is an ECS cluster');
  await expect(debrief2).toContainText('The letter is the user data');
  await expect(debrief2.getByRole('img', { name: '3 of 3 stars' })).toBeInViewport();
  await page.screenshot({ path: `${SCREENSHOTS}/newcomer-4-debrief2.png` });
  expect(problems).toEqual([]);
});
