/**
 * Chapter 11's capacity levels played through the Build panel's surveyors' guild section, as a player
 * would: level 22 charters a managed capacity provider and proclaims a decree whose developments wait
 * for the territories the guild erects; level 23 moves a decree to a mix of managed and Spot lands and
 * weathers the planet's reclamation. Time moves with the top bar's "+5s"; the test bridge is only read.
 */
import { expect, type Page, test } from '@playwright/test';
import { levelById } from '../../src/levels/index.ts';
import { buildSection, openLevel, SCREENSHOTS, stepUntil, watchPage } from './helpers.ts';

function level(id: string) {
  const l = levelById(id);
  if (!l) throw new Error(`no level ${id}`);
  return l;
}

async function finish(page: Page, id: string, limit: number): Promise<void> {
  const l = level(id);
  await stepUntil(page, '(sim, level) => level.done', limit);
  const panel = page.locator('[data-role="level-panel"]');
  await expect(panel.locator('.goals-summary')).toHaveText(
    `${l.goals.length} of ${l.goals.length} goals met`,
  );
  const debrief = page.getByRole('dialog', { name: `Level complete: ${l.title}` });
  await expect(debrief).toBeVisible();
  await expect(debrief.locator('.debrief-cli pre').first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/level-${l.number}-${id}-done.png` });
  expect(await page.evaluate(() => window.__nozama?.store.getState().level?.assisted)).toBe(false);
}

test('level 22 territories-by-themselves: the guild erects territories for waiting granaries', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  const l = level('territories-by-themselves');
  await openLevel(page, l.id, l.title);
  const capacity = await buildSection(page, 'capacity');
  const guild = capacity.locator('section.capacity-part', { hasText: "Surveyors' guild" });
  await guild.getByLabel('Name of the guild').fill('surveyors');
  await guild.getByLabel('Over the survey party').selectOption('guild');
  await expect(guild.getByLabel(/Foresight/)).toBeChecked();
  await expect(guild.getByLabel(/guild's seal/)).toBeChecked();
  await expect(guild.locator('.cli-preview')).toContainText('aws ecs create-capacity-provider');
  await expect(guild.locator('.cli-preview')).toContainText('"managedTerminationProtection":"ENABLED"');
  await guild.getByRole('button', { name: 'Charter the guild' }).click();
  await expect(guild.locator('.outcome-ok')).toContainText("surveyors' guild surveyors is chartered");

  const lands = capacity.locator('section.capacity-part', { hasText: "The kingdom's lands" });
  await lands.getByLabel('surveyors').check();
  await lands.getByLabel('Call on by default').selectOption('surveyors');
  await expect(lands.locator('.cli-preview')).toContainText('capacityProvider=surveyors,weight=1');
  await lands.getByRole('button', { name: 'Call on these lands' }).click();
  await expect(lands.locator('.outcome-ok')).toContainText('Royaume now calls on');

  const decree = await buildSection(page, 'decree');
  await decree.getByLabel('Name of the decree').fill('granary');
  await decree.getByLabel('Plan edition').selectOption('granary:1');
  await decree.getByLabel('Developments to keep standing').fill('4');
  await decree.getByLabel("the kingdom's default lands").check();
  await expect(decree.locator('.cli-preview')).not.toContainText('--launch-type');
  await decree.getByRole('button', { name: 'Proclaim the decree' }).click();
  await expect(decree.locator('.outcome-ok')).toContainText('granary');
  // The developments wait for room, the guild decides at the next minute, and the party erects.
  await stepUntil(page, '(sim) => Object.values(sim.capacity.groups)[0].DesiredCapacity >= 2', 90);
  const status = page.locator('details[data-section="capacity"] .capacity-status');
  await buildSection(page, 'capacity');
  await expect(status).toContainText('Survey party guild: keeps 2');
  await page.screenshot({ path: `${SCREENSHOTS}/capacity-guild-growing.png` });
  await finish(page, l.id, 300);
  expect(problems).toEqual([]);
});

test('level 23 cheap-mix: a base on managed lands keeps the mill up through a Spot reclamation', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  const l = level('cheap-mix');
  await openLevel(page, l.id, l.title);
  const capacity = await buildSection(page, 'capacity');
  const lands = capacity.locator('section.capacity-part', { hasText: "The kingdom's lands" });
  await lands.getByLabel('FARGATE', { exact: true }).check();
  await lands.getByLabel('FARGATE_SPOT', { exact: true }).check();
  await lands.getByRole('button', { name: 'Call on these lands' }).click();
  await expect(lands.locator('.outcome-ok')).toContainText('managed lands, Spot lands');

  const mixForm = capacity.locator('section.capacity-part', { hasText: 'Land mix of a decree' });
  await mixForm.getByLabel('Decree').selectOption('mill');
  await mixForm.locator('[name="mixBaseLand"]').selectOption('FARGATE');
  await mixForm.locator('[name="mixBase"]').fill('1');
  await mixForm.locator('[name="mixBaseWeight"]').fill('1');
  await mixForm.locator('[name="mixOtherLand"]').selectOption('FARGATE_SPOT');
  await mixForm.locator('[name="mixOtherWeight"]').fill('3');
  await expect(mixForm.locator('.cli-preview')).toContainText(
    '--capacity-provider-strategy capacityProvider=FARGATE,base=1,weight=1 capacityProvider=FARGATE_SPOT,weight=3',
  );
  await mixForm.getByRole('button', { name: 'Move to this mix' }).click();
  await expect(mixForm.locator('.outcome-ok')).toContainText('a renovation begins');
  // The planet reclaims the Spot lands: two minutes of warning, drawn and told.
  await stepUntil(
    page,
    "(sim) => sim.tasks.values().some((t) => t.stopCode === 'SpotInterruption' && t.lastStatus === 'RUNNING')",
    240,
  );
  await expect(page.locator('.chronicle-list')).toContainText('reclaims the Spot land');
  await page.screenshot({ path: `${SCREENSHOTS}/capacity-spot-reclaimed.png` });
  await finish(page, l.id, 300);
  expect(problems).toEqual([]);
});

test('the surveyors’ guild section fits a phone', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL as string);
  const l = level('territories-by-themselves');
  await openLevel(page, l.id, l.title);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  const capacity = await buildSection(page, 'capacity');
  const guild = capacity.locator('section.capacity-part', { hasText: "Surveyors' guild" });
  await guild.scrollIntoViewIfNeeded();
  await expect(guild.getByRole('button', { name: 'Charter the guild' })).toBeVisible();
  const box = await guild.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/capacity-phone.png` });
  expect(problems).toEqual([]);
});
