/**
 * Issue 3's story, played as a newcomer would from the first screen: the planet, the region, portal
 * 1b; a kingdom of nine territories over three portals raised through the forms; a decree of six with
 * one development per territory; portal 1b collapses and the decree heals in the other portals; the
 * steward's why card for a replacement names the dark portal's territories; Rosetta shows AWS's words.
 */
import { expect, test } from '@playwright/test';
import type { PlanetScene } from '../../src/game/PlanetScene.ts';
import type { RegionScene } from '../../src/game/RegionScene.ts';
import { advanceUntil, buildSection, clickCanvas, SCREENSHOTS, waitBridge, watchPage } from './helpers.ts';

const Z = (letter: string) => `za-southwest-1${letter}`;

const RUNNING_KEEP = `(sim) => sim.tasks.values().filter((t) => t.serviceName === 'keep' && t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING')`;

test('planet -> region -> portal 1b; build, decree of six, a portal collapses, the decree heals elsewhere', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const problems = watchPage(page, baseURL as string);
  await page.goto('/?seed=11');
  await waitBridge(page);
  await page.getByRole('button', { name: 'Pause' }).click();

  // The first screen is the planet; SW Nozama is the place to jump to.
  await page.waitForFunction(() => window.__nozama?.game.scene.isActive('planet') === true);
  expect(await page.evaluate(() => window.__nozama?.store.getState().ui.place)).toEqual({ scene: 'planet' });
  const sw = await page.evaluate(() =>
    (window.__nozama!.game.scene.getScene('planet') as PlanetScene).snapshot().places.find((p) => p.open),
  );
  if (!sw) throw new Error('no open region on the planet');
  await clickCanvas(page, sw.x, sw.y);
  await page.waitForFunction(() => window.__nozama?.game.scene.isActive('region') === true);
  const portals = await page.evaluate(() =>
    (window.__nozama!.game.scene.getScene('region') as RegionScene).snapshot().portals.map((p) => p.bounds),
  );
  const b = portals[1];
  if (!b) throw new Error('no portal 1b');
  await clickCanvas(page, b.x + b.w / 2, b.y + b.h * 0.6);
  await page.waitForFunction(
    () =>
      JSON.stringify(window.__nozama?.store.getState().ui.place) ===
      '{"scene":"kingdom","zone":"za-southwest-1b"}',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/story-1-portal-1b.png` });

  // Found the kingdom and erect three territories in each portal.
  const territory = await buildSection(page, 'territory');
  await territory.getByRole('button', { name: 'Found the kingdom Royaume' }).click();
  for (const letter of ['a', 'b', 'c']) {
    await territory.getByLabel('Portal', { exact: true }).selectOption(Z(letter));
    await territory.getByLabel('How many').fill('3');
    await expect(territory.locator('.cli-preview')).toContainText('--count 3');
    await territory.getByRole('button', { name: /Erect/ }).click();
    await expect(territory.getByRole('status')).toContainText(`1${letter}-3`);
  }
  await advanceUntil(
    page,
    `(sim) => sim.containerInstances.values().filter((ci) => ci.status === 'ACTIVE').length === 9`,
  );

  // A plan of one building, then a decree of six, one per territory.
  const plan = await buildSection(page, 'plan');
  await plan.getByLabel('Plan name').fill('keep');
  await plan.getByLabel('Building 1 name').fill('web');
  await plan.getByLabel('Building 1 design (image)').fill('public.ecr.aws/nginx/nginx:latest');
  await plan.getByLabel('Building 1 memory (MiB)').fill('512');
  await plan.getByRole('button', { name: 'Draft the plan' }).click();
  await expect(plan.getByRole('status')).toContainText('Plan keep, edition 1 drafted');
  const decree = await buildSection(page, 'decree');
  await decree.getByLabel('Name of the decree').fill('keep');
  await decree.getByLabel('Plan edition').selectOption('keep:1');
  await decree.getByLabel('Developments to keep standing').fill('6');
  await decree.getByLabel('One development per territory').check();
  await decree.getByRole('button', { name: 'Proclaim the decree' }).click();
  await expect(decree.getByRole('status')).toContainText('Decree keep proclaimed');
  await advanceUntil(page, `(sim) => (${RUNNING_KEEP})(sim).length === 6`);
  const before = await page.evaluate(
    (src) =>
      new Function('sim', `return (${src})(sim)`)(window.__nozama!.store.getState().sim) as {
        availabilityZone: string;
        containerInstanceArn: string;
      }[],
    RUNNING_KEEP,
  );
  expect(new Set(before.map((t) => t.containerInstanceArn)).size).toBe(6);
  expect(before.filter((t) => t.availabilityZone === Z('b'))).toHaveLength(2);
  await page.screenshot({ path: `${SCREENSHOTS}/story-2-decree.png` });

  // Portal 1b collapses: two developments are lost, the decree heals in 1a and 1c.
  const disasters = await buildSection(page, 'disasters');
  await disasters.getByLabel('Portal', { exact: true }).selectOption(Z('b'));
  await disasters.getByRole('button', { name: 'Collapse the portal' }).click();
  const chronicle = page.getByRole('region', { name: 'Chronicle' });
  await expect(chronicle.getByRole('list')).toContainText('Portal 1b collapsed!');
  await advanceUntil(
    page,
    `(sim) => { const k = (${RUNNING_KEEP})(sim); return k.length === 6 && k.every((t) => t.availabilityZone !== 'za-southwest-1b'); }`,
  );
  const after = await page.evaluate(
    (src) =>
      new Function('sim', `return (${src})(sim)`)(window.__nozama!.store.getState().sim) as {
        availabilityZone: string;
        containerInstanceArn: string;
        taskArn: string;
      }[],
    RUNNING_KEEP,
  );
  expect(new Set(after.map((t) => t.containerInstanceArn)).size).toBe(6);
  expect(after.filter((t) => t.availabilityZone === Z('a'))).toHaveLength(3);
  expect(after.filter((t) => t.availabilityZone === Z('c'))).toHaveLength(3);

  // The why card of a replacement: the steward passed over the dark portal's territories.
  const replacement = after.find(
    (t) => !before.some((x) => x.containerInstanceArn === t.containerInstanceArn),
  );
  if (!replacement) throw new Error('no replacement development');
  await page.evaluate(
    (arn) => window.__nozama!.store.getState().select({ kind: 'task', id: arn }),
    replacement.taskArn,
  );
  const why = page
    .getByRole('complementary', { name: 'Inspector' })
    .locator('.why-card:not(.buildings-card)');
  await expect(why).toContainText('The steward chose territory');
  await expect(why).toContainText('1b-');
  await page.screenshot({ path: `${SCREENSHOTS}/story-3-healed.png` });

  // Rosetta: the same card in AWS's words.
  await page.getByRole('radio', { name: 'AWS' }).check();
  await expect(why).toContainText('AGENT');
  await expect(why).toContainText('distinctInstance');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('cluster Royaume');
  await page.screenshot({ path: `${SCREENSHOTS}/story-4-aws.png` });
  expect(problems).toEqual([]);
});
