/**
 * The campaign played as a newcomer would: the map (opened at start with ?campaign=1), level 1 from
 * the map, the level panel with its live checklist, a hint, the territory raised through the Build
 * panel (the only section the level allows), the debrief with its stars, a level reset, progress that
 * survives a reload, ?level= and ?sandbox=1 links; an accessibility scan of the map, the level panel
 * and the debrief. Waits are on the page or the store, never on sleeps.
 */
import { expect } from '@playwright/test';
import { axeSerious, openCampaignMap, SCREENSHOTS, test, waitBridge } from './helpers.ts';

test('the map, a level with its checklist, a hint, the debrief, a reset, progress after a reload', async ({
  page,
  problems,
}) => {
  test.setTimeout(120_000);
  // The map: chapters, level 1 open, level 2 locked, free play.
  const map = await openCampaignMap(page);
  await expect(map.getByRole('heading', { name: /Chapter 1: Landfall/ })).toBeVisible();
  const level1 = map.locator('.level-card[data-level="arrival"]');
  await expect(level1).toHaveAttribute('data-status', 'open');
  await expect(level1).toContainText('Open');
  await expect(map.locator('.level-card[data-level="first-territory"]')).toHaveAttribute(
    'data-status',
    'locked',
  );
  await expect(map.getByRole('button', { name: 'Free play (sandbox)' })).toBeVisible();
  await expect(level1).toBeFocused();
  await page.screenshot({ path: `${SCREENSHOTS}/campaign-1-map.png` });
  expect(await axeSerious(page, { include: '[data-role="campaign-map"]' })).toEqual([]);

  // A locked level says why, and stays closed.
  // (aria-disabled, not disabled: a keyboard still reaches it and hears why.)
  await map.locator('.level-card[data-level="first-territory"]').focus();
  await page.keyboard.press('Enter');
  await expect(map.getByText('is locked: finish level 1 first')).toBeVisible();

  // Level 1 from the map (keyboard: it has the focus).
  await level1.focus();
  await page.keyboard.press('Enter');
  await expect(map).toBeHidden();
  await expect(page).toHaveURL(/[?&]level=arrival/);
  const panel = page.locator('[data-role="level-panel"]');
  await expect(panel.getByRole('heading', { name: 'Arrival' })).toBeVisible();
  await expect(panel.locator('.goal[data-goal="landed"]')).toHaveAttribute('data-done', 'false');
  await expect(panel.locator('.goals-summary')).toHaveText('0 of 1 goals met');
  await expect(panel.locator('.goal[data-goal="landed"]')).toContainText('Not yet');
  // Only the level's sections are in the Build panel.
  await expect(page.locator('details[data-section="territory"]')).toBeVisible();
  await expect(page.locator('details[data-section="decree"]')).toBeHidden();
  await expect(page.locator('details[data-section="plan"]')).toBeHidden();

  // Pause the clock so nothing moves under the test; a hint, one at a time.
  await page.getByRole('button', { name: 'Pause' }).click();
  await panel.getByRole('button', { name: 'Show a hint (1 of 3)' }).click();
  await expect(panel.locator('.hint-item')).toHaveCount(1);
  await expect(panel.locator('.hint-item').first()).toContainText('Click the planet');
  await expect(panel.getByRole('button', { name: 'Show a hint (2 of 3)' })).toBeVisible();
  await page.locator('#inspector-panel').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/campaign-2-level-panel.png` });
  expect(await axeSerious(page, { include: '[data-role="level-panel"]' })).toEqual([]);

  // Rosetta: the goal in AWS words.
  await page.locator('label.rosetta-option', { hasText: 'AWS' }).click();
  await expect(panel.locator('.goal[data-goal="landed"]')).toContainText('An EC2 instance is running');
  await page.locator('label.rosetta-option', { hasText: 'Nozama' }).click();

  // Erect a territory through the Build panel: the checklist ticks and the debrief opens.
  const territory = page.locator('details[data-section="territory"]');
  await territory.getByRole('button', { name: 'Erect the territory' }).click();
  await expect(panel.locator('.goal[data-goal="landed"]')).toHaveAttribute('data-done', 'true');
  await expect(panel.locator('.goals-summary')).toHaveText('1 of 1 goals met');
  const debrief = page.getByRole('dialog', { name: 'Level complete: Arrival' });
  await expect(debrief).toBeVisible();
  await expect(debrief.getByRole('img', { name: '3 of 3 stars' })).toBeVisible();
  await expect(debrief).toContainText('gold spent (at most 11)');
  await expect(debrief).toContainText('0 failed requests');
  await expect(debrief.locator('.debrief-cli pre').first()).toContainText('aws ec2 run-instances');
  await expect(debrief.getByRole('button', { name: 'Copy command 1' })).toBeVisible();
  await expect(debrief.getByRole('button', { name: 'Next level' })).toBeFocused();
  await page.screenshot({ path: `${SCREENSHOTS}/campaign-3-debrief.png` });
  expect(await axeSerious(page, { include: '[data-role="debrief"]' })).toEqual([]);
  await debrief.getByRole('button', { name: 'Stay here' }).click();
  await expect(debrief).toBeHidden();

  // Reset the level: its starting world again (no territory), the hint stays revealed.
  await panel.getByRole('button', { name: 'Reset level' }).click();
  await panel.getByRole('button', { name: 'Yes, restart' }).click();
  await expect(panel.locator('.goal[data-goal="landed"]')).toHaveAttribute('data-done', 'false');
  expect(await page.evaluate(() => window.__nozama?.store.getState().sim.instances.size ?? 0)).toBe(0);
  await expect(panel.locator('.hint-item')).toHaveCount(1);

  // Progress survives a reload: level 1 done with its stars, level 2 open.
  await page.reload();
  await waitBridge(page);
  await expect(
    page.locator('[data-role="level-panel"]').getByRole('heading', { name: 'Arrival' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Campaign', exact: true }).click();
  await expect(map).toBeVisible();
  await expect(level1).toHaveAttribute('data-status', 'done');
  await expect(level1.getByRole('img', { name: '3 of 3 stars' })).toBeVisible();
  const level2 = map.locator('.level-card[data-level="first-territory"]');
  await expect(level2).toHaveAttribute('data-status', 'open');
  await page.screenshot({ path: `${SCREENSHOTS}/campaign-4-map-after.png` });

  // Level 2 from the map: a new world (Royaume founded by its setup), its own sections.
  await level2.click();
  await expect(
    page.locator('[data-role="level-panel"]').getByRole('heading', { name: 'The first territory' }),
  ).toBeVisible();
  expect(await page.evaluate(() => window.__nozama?.store.getState().level?.id)).toBe('first-territory');
  expect(problems).toEqual([]);
});

test('show me plays the solution on the clock and reaches the goals', async ({ page }) => {
  await page.goto('/?level=first-territory');
  await waitBridge(page);
  const panel = page.locator('[data-role="level-panel"]');
  await expect(panel.getByRole('heading', { name: 'The first territory' })).toBeVisible();
  await page.evaluate(() => window.__nozama?.store.getState().setSpeed(16));
  await panel.getByRole('button', { name: 'Show me' }).click();
  await expect(panel.getByRole('button', { name: 'Stop showing' })).toBeVisible();
  const debrief = page.getByRole('dialog', { name: 'Watched: The first territory' });
  await expect(debrief).toBeVisible({ timeout: 30_000 });
  await expect(debrief.getByRole('button', { name: 'Play it myself' })).toBeVisible();
  await debrief.getByRole('button', { name: 'Play it myself' }).click();
  await expect(panel.locator('.goal[data-done="true"]')).toHaveCount(0);
  // Watching earns nothing.
  expect(
    await page.evaluate(() => window.__nozama?.store.getState().progress.levels['first-territory']),
  ).toBe(undefined);
});

test('links: ?sandbox=1 is free play with every section; an unknown ?level= opens the map', async ({
  page,
}) => {
  await page.goto('/?sandbox=1');
  await waitBridge(page);
  await expect(
    page.locator('[data-role="level-panel"]').getByRole('heading', { name: 'Free play' }),
  ).toBeVisible();
  for (const id of ['territory', 'plan', 'develop', 'decree', 'disasters'])
    await expect(page.locator(`details[data-section="${id}"]`)).toBeVisible();
  await page.goto('/?level=no-such-level');
  await waitBridge(page);
  const map = page.getByRole('dialog', { name: 'The campaign of Nozama' });
  await expect(map).toBeVisible();
  await expect(map).toContainText('There is no level "no-such-level"');
});

test('on a narrow screen the level panel is a sheet of its own, open when the level starts', async ({
  page,
}) => {
  await page.setViewportSize({ width: 820, height: 700 });
  await page.goto('/?level=decree-of-one');
  await waitBridge(page);
  const panel = page.locator('[data-role="level-panel"]');
  const levelButton = page.getByRole('button', { name: 'Level', exact: true });
  await expect(panel.getByRole('heading', { name: 'A decree of one' })).toBeVisible();
  await expect(panel.locator('.goal')).not.toHaveCount(0);
  await expect(levelButton).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: `${SCREENSHOTS}/campaign-5-narrow.png` });
  expect(await axeSerious(page, { include: '[data-role="level-panel"]' })).toEqual([]);
  // The Inspector's sheet takes its place (one sheet at a time); the Level button brings it back.
  await page.getByRole('button', { name: 'Inspector', exact: true }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
  await levelButton.click();
  await expect(panel).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
  // Wide again, the level panel is back at the top of the Inspector's column.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.locator('[data-role="inspector-panel"] [data-role="level-panel"]')).toBeVisible();
  await expect(levelButton).toBeHidden();
});

test('a damaged save is kept aside and reported on the map; play goes on', async ({ page }) => {
  await page.goto('/?sandbox=1');
  await waitBridge(page);
  await page.evaluate(() => window.localStorage.setItem('nozama-progress', '{"schema":2,"lev'));
  await page.goto('/');
  await waitBridge(page);
  // The notice is on the map (a test build does not open the map by itself: open it).
  await page.getByRole('button', { name: 'Campaign', exact: true }).click();
  const map = page.getByRole('dialog', { name: 'The campaign of Nozama' });
  await expect(map.locator('.campaign-notice')).toContainText('damaged');
  await expect(map.locator('.campaign-notice')).toContainText('nozama-progress.kept-aside.1');
  expect(await page.evaluate(() => window.localStorage.getItem('nozama-progress.kept-aside.1'))).toBe(
    '{"schema":2,"lev',
  );
});
