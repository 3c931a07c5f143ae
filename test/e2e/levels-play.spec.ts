/**
 * Levels of the campaign played to the end as a player would: the level opened from its link, every
 * order given through the Build panel's forms (clicks and typing), time moved with the top bar's
 * "+5s" button, until the goal checklist is all met and the debrief opens. The test bridge is only
 * read, to know when to act next. The level's reference solution (src/levels) says which calls a
 * player must make; here they are made through the forms, never dispatched.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { levelById } from '../../src/levels/index.ts';
import { buildSection, openLevel, SCREENSHOTS, stepUntil, watchPage } from './helpers.ts';

const Z = (letter: string) => `za-southwest-1${letter}`;

function level(id: string) {
  const l = levelById(id);
  if (!l) throw new Error(`no level ${id}`);
  return l;
}

const nn = (n: number) => String(n).padStart(2, '0');

/** Moves time until every goal is met, then checks the checklist and the debrief. */
async function finish(page: Page, id: string, limit: number): Promise<void> {
  const l = level(id);
  await stepUntil(page, '(sim, level) => level.done', limit);
  const panel = page.locator('[data-role="level-panel"]');
  await expect(panel.locator('.goals-summary')).toHaveText(
    `${l.goals.length} of ${l.goals.length} goals met`,
  );
  await expect(panel.locator('.goal[data-done="true"]')).toHaveCount(l.goals.length);
  const debrief = page.getByRole('dialog', { name: `Level complete: ${l.title}` });
  await expect(debrief).toBeVisible();
  await expect(debrief.getByRole('img', { name: /of 3 stars/ })).toBeVisible();
  await expect(debrief.locator('.debrief-cli pre').first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/level-${nn(l.number)}-${id}-done.png` });
  // Earned, not watched.
  expect(await page.evaluate(() => window.__nozama?.store.getState().level?.assisted)).toBe(false);
}

/** Picks the option whose words match (the words, not the AMI id, are what a player reads). */
async function chooseOption(select: Locator, words: RegExp): Promise<void> {
  const value = await select.locator('option', { hasText: words }).getAttribute('value');
  expect(value, `an option matching ${words}`).toBeTruthy();
  await select.selectOption(value as string);
}

test('level 02 first-territory: a royal territory joins Royaume, a bare one never does', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  const l = level('first-territory');
  expect(l.number).toBe(2);
  await openLevel(page, l.id, l.title);
  const territory = await buildSection(page, 'territory');
  await expect(territory.getByLabel('Kingdom to join')).toHaveValue('Royaume');
  await territory.getByLabel('Portal', { exact: true }).selectOption(Z('a'));
  await chooseOption(territory.getByLabel('Land charter'), /^royal charter/);
  await territory.getByRole('button', { name: 'Erect the territory' }).click();
  await expect(territory.locator('.call-result .outcome-ok')).toContainText('1a');
  await territory.getByLabel('Portal', { exact: true }).selectOption(Z('b'));
  await chooseOption(territory.getByLabel('Land charter'), /^bare charter/);
  await territory.getByRole('button', { name: 'Erect the territory' }).click();
  await expect(territory.locator('.call-result .outcome-ok')).toContainText('1b');
  await finish(page, l.id, 120);
  expect(problems).toEqual([]);
});

test('level 06 decree-of-one: a decree of one mill, a fire, the steward rebuilds it', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  const l = level('decree-of-one');
  await openLevel(page, l.id, l.title);
  const decree = await buildSection(page, 'decree');
  await decree.getByLabel('Name of the decree').fill('mill');
  await decree.getByLabel('Plan edition').selectOption('mill:1');
  await decree.getByLabel('Developments to keep standing').fill('1');
  await decree.getByRole('button', { name: 'Proclaim the decree' }).click();
  await expect(decree.locator('.outcome-ok')).toContainText('Decree mill proclaimed');
  await stepUntil(page, '(sim, level) => level.tracker.services.mill?.running === 1', 120);

  const disasters = await buildSection(page, 'disasters');
  const fire = disasters.locator('.disaster', { hasText: 'A building catches fire' });
  await expect(fire.getByLabel('Development')).not.toHaveValue('');
  await fire.getByLabel('Building').selectOption('web');
  await fire.getByRole('button', { name: 'Set it on fire' }).click();
  await expect(fire.locator('.outcome-warn')).toContainText('the development falls');
  await finish(page, l.id, 180);
  expect(problems).toEqual([]);
});

test('level 07 decree-of-six: six mills spread over zones and territories, one per territory', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  const l = level('decree-of-six');
  expect(l.number).toBe(7);
  await openLevel(page, l.id, l.title);
  const decree = await buildSection(page, 'decree');
  await decree.getByLabel('Name of the decree').fill('mill');
  await decree.getByLabel('Plan edition').selectOption('mill:1');
  await decree.getByLabel('Developments to keep standing').fill('6');
  await decree.getByRole('button', { name: 'Add a preference' }).click();
  await decree.getByLabel('Strategy 1 kind').selectOption('spread');
  await decree.getByLabel('Strategy 1 field').selectOption('attribute:ecs.availability-zone');
  await decree.getByRole('button', { name: 'Add a preference' }).click();
  await decree.getByLabel('Strategy 2 kind').selectOption('spread');
  await decree.getByLabel('Strategy 2 field').selectOption('instanceId');
  await decree.getByLabel('One development per territory').check();
  const preview = decree.locator('.cli-preview');
  await expect(preview).toContainText('--desired-count 6');
  await expect(preview).toContainText('type=distinctInstance');
  await decree.getByRole('button', { name: 'Proclaim the decree' }).click();
  await expect(decree.locator('.outcome-ok')).toContainText('Decree mill proclaimed');
  await finish(page, l.id, 180);
  expect(problems).toEqual([]);
});

test('level 10 portal-collapses: six mills hold four when portal 1b collapses, then stand again', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  const l = level('portal-collapses');
  expect(l.number).toBe(10);
  await openLevel(page, l.id, l.title);
  const decree = await buildSection(page, 'decree');
  await decree.getByLabel('Name of the decree').fill('mill');
  await decree.getByLabel('Plan edition').selectOption('mill:1');
  await decree.getByLabel('Developments to keep standing').fill('6');
  await decree.getByRole('button', { name: 'Proclaim the decree' }).click();
  await expect(decree.locator('.outcome-ok')).toContainText('Decree mill proclaimed');
  // The six must stand and be healthy (40 s after RUNNING with no health check) before the storm.
  await stepUntil(page, '(sim, level) => level.tracker.services.mill?.healthy === 6', 180);

  const disasters = await buildSection(page, 'disasters');
  const portal = disasters.locator('.disaster', { hasText: 'A portal collapses' });
  await portal.getByLabel('Portal', { exact: true }).selectOption(Z('b'));
  await portal.getByRole('button', { name: 'Collapse the portal' }).click();
  await expect(portal.locator('.outcome-warn')).toContainText('collapsed');
  await finish(page, l.id, 240);
  expect(problems).toEqual([]);
});

test('level 12 rolling-renovation: edition 2 drafted, the decree renovated with 100%/200%', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  const l = level('rolling-renovation');
  expect(l.number).toBe(12);
  await openLevel(page, l.id, l.title);
  const plan = await buildSection(page, 'plan');
  await plan.getByLabel('Existing plan editions').selectOption('mill:1');
  await plan.getByRole('button', { name: 'Start a new edition from it' }).click();
  await expect(plan.getByLabel('Plan name')).toHaveValue('mill');
  await expect(plan.getByLabel('Building 1 design (image)')).toHaveValue('nginx:1.27');
  await plan.getByLabel('Building 1 design (image)').fill('nginx:1.28');
  await plan.getByRole('button', { name: 'Draft the plan' }).click();
  await expect(plan.locator('.outcome-ok')).toContainText('drafted');

  const reno = await buildSection(page, 'renovation');
  await reno.getByLabel('Decree', { exact: true }).selectOption({ label: 'decree mill' });
  await reno.getByLabel('New plan edition').selectOption('mill:2');
  await reno.getByLabel('Kind of renovation').selectOption('rolling');
  await reno.getByLabel('Keep at least (%)').fill('100');
  await reno.getByLabel('Raise up to (%)').fill('200');
  const preview = reno.locator('.call-list-figure');
  await expect(preview).toContainText('--task-definition mill:2');
  await expect(preview).toContainText('"minimumHealthyPercent":100');
  await reno.getByRole('button', { name: 'Renovate' }).click();
  await expect(preview.locator('.outcome-ok')).toBeVisible();
  await finish(page, l.id, 300);
  expect(problems).toEqual([]);
});

test('level 17 the-watchtower: a linear shift of a flawed edition is rolled back by the alarm', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  const l = level('the-watchtower');
  expect(l.number).toBe(17);
  await openLevel(page, l.id, l.title);
  const tower = await buildSection(page, 'watchtower');
  await tower.getByLabel('Name of the watchtower').fill('mill-5xx');
  await tower.getByLabel('It watches').selectOption('count');
  await tower.getByLabel('Gate', { exact: true }).selectOption({ index: 0 });
  await tower.getByLabel('Road', { exact: true }).selectOption('');
  // At least 5 failed requests in one minute: "above 4".
  await tower.getByLabel('Lights its beacon above').fill('4');
  await tower.getByLabel('Each look lasts').selectOption('60');
  await tower.getByLabel('Bad looks needed (N)').fill('1');
  await tower.getByLabel('Out of the last (M)').fill('1');
  await tower.getByLabel('A minute without travelers counts as').selectOption('notBreaching');
  await tower.getByRole('button', { name: 'Raise the watchtower' }).click();
  await expect(tower.locator('.outcome-ok')).toContainText('Watchtower mill-5xx stands');

  const reno = await buildSection(page, 'renovation');
  await reno.getByLabel('Decree', { exact: true }).selectOption({ label: 'decree mill' });
  await reno.getByLabel('New plan edition').selectOption('mill:2');
  await reno.getByLabel('Kind of renovation').selectOption('linear');
  await reno.getByLabel('Each step moves (%)').fill('10');
  await reno.getByLabel('Wait between steps (min)').fill('1');
  await reno.getByLabel('Bake after the full shift (min)').fill('1');
  await reno.getByRole('checkbox', { name: 'mill-5xx' }).check();
  await reno.getByRole('checkbox', { name: 'A lit beacon sounds the horn of rollback' }).check();
  const preview = reno.locator('.call-list-figure');
  await expect(preview).toContainText('"linearConfiguration":{"stepPercent":10,"stepBakeTimeInMinutes":1}');
  await expect(preview).toContainText('"alarms":{"alarmNames":["mill-5xx"],"enable":true,"rollback":true}');
  await reno.getByRole('button', { name: 'Renovate' }).click();
  await expect(preview.locator('.outcome-ok')).toBeVisible();
  await finish(page, l.id, 600);
  expect(problems).toEqual([]);
});

test('level 19 managed-lands: a Fargate plan and a decree of three markets over three subnets', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  const l = level('managed-lands');
  await openLevel(page, l.id, l.title);
  const plan = await buildSection(page, 'plan');
  await plan.getByLabel('Plan name').fill('market');
  await plan.getByLabel('Building 1 name').fill('web');
  await plan.getByLabel('Building 1 design (image)').fill('nginx:1.27');
  await plan.getByRole('button', { name: 'Add a door (port)' }).click();
  await plan.getByLabel('Building 1 container port').fill('80');
  await plan.getByLabel('Roads (network mode)').selectOption('awsvpc');
  await plan.getByRole('radio', { name: 'managed lands' }).check();
  await plan.getByLabel('Size on managed lands: CPU').selectOption('256');
  await plan.getByLabel('Size on managed lands: memory').selectOption('512');
  await plan.getByRole('button', { name: 'Draft the plan' }).click();
  await expect(plan.locator('.call-result .outcome-ok')).toContainText('drafted');

  const decree = await buildSection(page, 'decree');
  await decree.getByLabel('Name of the decree').fill('market');
  await decree.getByLabel('Plan edition').selectOption('market:1');
  await decree.getByLabel('Developments to keep standing').fill('3');
  await decree.getByRole('radio', { name: 'managed lands' }).check();
  const subnets = decree.getByRole('checkbox', { name: /^subnet-/ });
  await expect(subnets).toHaveCount(3);
  for (const box of await subnets.all()) await box.check();
  await expect(decree.locator('.cli-preview')).toContainText('--launch-type FARGATE');
  await decree.getByRole('button', { name: 'Proclaim the decree' }).click();
  await expect(decree.locator('.call-result .outcome-ok')).toContainText('Decree market proclaimed');
  await finish(page, l.id, 180);
  expect(problems).toEqual([]);
});

test('level 08 pack-tightly: six bakeries binpacked on two territories, the empty ones released', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  const l = level('pack-tightly');
  expect(l.number).toBe(8);
  await openLevel(page, l.id, l.title);
  const decree = await buildSection(page, 'decree');
  await decree.getByLabel('Name of the decree').fill('bakery');
  await decree.getByLabel('Plan edition').selectOption('bakery:1');
  await decree.getByLabel('Developments to keep standing').fill('6');
  await decree.getByRole('button', { name: 'Add a preference' }).click();
  await decree.getByLabel('Strategy 1 kind').selectOption('binpack');
  await decree.getByLabel('Strategy 1 field').selectOption('memory');
  await expect(decree.locator('.cli-preview')).toContainText('type=binpack,field=memory');
  await decree.getByRole('button', { name: 'Proclaim the decree' }).click();
  await expect(decree.locator('.call-result .outcome-ok')).toContainText('Decree bakery proclaimed');
  await stepUntil(page, '(sim, level) => level.tracker.services.bakery?.running === 6', 120);

  const territory = await buildSection(page, 'territory');
  await territory.getByRole('button', { name: 'Release a territory' }).click();
  const release = territory.locator('.release-part');
  await expect(release.getByRole('checkbox')).toHaveCount(4);
  // A territory with bakeries on it: the form warns before anything is lost.
  const busy = release.getByRole('checkbox', { name: /· 3 developments$/ }).first();
  await busy.check();
  await expect(release.locator('.release-warning')).toContainText('lost with the land');
  await page.screenshot({ path: `${SCREENSHOTS}/level-08-release-warning.png` });
  await busy.uncheck();
  await expect(release.locator('.release-warning')).toBeHidden();
  const idle = release.getByRole('checkbox', { name: /· 0 developments$/ });
  await expect(idle).toHaveCount(2);
  for (const box of await idle.all()) await box.check();
  const cli = release.locator('.cli-preview pre');
  await expect(cli).toContainText('aws ec2 terminate-instances');
  await expect(cli).toContainText(/--instance-ids i-[0-9a-f]{17} i-[0-9a-f]{17}$/);
  await page.screenshot({ path: `${SCREENSHOTS}/level-08-release-form.png` });
  await release.getByRole('button', { name: 'Release the territories' }).click();
  await expect(release.locator('.call-result .outcome-ok')).toContainText('released');
  await expect(release.locator('.call-result .outcome-detail').first()).toContainText(
    'running → shutting-down',
  );
  await finish(page, l.id, 120);
  expect(problems).toEqual([]);
});

test('level 11 repairs: territory 1b-1 drained, its mill raised elsewhere first', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  const l = level('repairs');
  expect(l.number).toBe(11);
  await openLevel(page, l.id, l.title);
  const drain = await buildSection(page, 'drain');
  await chooseOption(drain.getByLabel('Territory', { exact: true }), /^1b-1 · open · 1 development$/);
  await expect(drain.getByLabel('Set the castle to')).toHaveValue('DRAINING');
  const cli = drain.locator('.cli-preview pre');
  await expect(cli).toContainText('aws ecs update-container-instances-state');
  await expect(cli).toContainText('--cluster Royaume');
  await expect(cli).toContainText(/--container-instances [0-9a-f]{32}/);
  await expect(cli).toContainText('--status DRAINING');
  await drain.getByRole('button', { name: 'Begin repairs (drain)' }).click();
  await expect(drain.locator('.call-result .outcome-ok')).toContainText('Repairs begin on 1b-1');
  await expect(drain.locator('.call-result .outcome-detail')).toContainText('status DRAINING');
  // The drained castle is now offered the way back.
  await expect(drain.getByLabel('Set the castle to')).toHaveValue('ACTIVE');
  await expect(drain.getByRole('button', { name: 'End repairs (reopen)' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/level-11-drain-form.png` });
  await finish(page, l.id, 240);
  expect(problems).toEqual([]);
});
