/**
 * A player's bad order meets AWS's front door in the real UI: the spell form with a name AWS refuses
 * shows Lambda's ValidationException verbatim with a line in Nozama's words, and the world is as it
 * was; a hostile call through the store gets its service's answer and the game keeps running.
 */
import { expect, type Page } from '@playwright/test';
import { buildSection, call, openGame, SCREENSHOTS, setClock, test } from './helpers.ts';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/requests-${name}.png` });
}

test('a spell name AWS refuses is answered with its ValidationException and changes nothing', async ({
  page,
  problems,
}) => {
  await openGame(page);
  await setClock(page, { paused: true });
  const spells = await buildSection(page, 'spells');
  const create = spells.locator('details[data-spell-part="create"]');
  if ((await create.getAttribute('open')) === null) await create.locator(':scope > summary').click();
  const before = await page.evaluate(() => JSON.stringify(window.__nozama?.store.getState().sim));
  await create.getByLabel('Name of the spell').fill('my spell!');
  await create.getByRole('button', { name: 'Write the spell' }).click();
  const status = create.getByRole('status');
  await expect(status).toContainText('ValidationException');
  await expect(status).toContainText(
    "1 validation error detected: Value 'my spell!' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern",
  );
  await expect(status).toContainText('A name uses signs the royal scribes do not accept');
  expect(await page.evaluate(() => JSON.stringify(window.__nozama?.store.getState().sim))).toBe(before);
  await status.scrollIntoViewIfNeeded();
  await shot(page, 'refused-spell-1280');
  // On a phone the Build panel is a drawer: the refusal is still there when it opens.
  await page.setViewportSize({ width: 390, height: 844 });
  const build = page.getByRole('button', { name: 'Build', exact: true });
  if ((await build.getAttribute('aria-expanded')) === 'false') await build.click();
  await expect(status).toBeVisible();
  await status.scrollIntoViewIfNeeded();
  await shot(page, 'refused-spell-390');
  expect(problems).toEqual([]);
});

test('hostile calls through the store get their services’ answers and the world keeps moving', async ({
  page,
  problems,
}) => {
  await openGame(page);
  await setClock(page, { paused: true });
  const r = await call(page, { action: 'cloudwatch:PutMetricAlarm', input: { AlarmName: { toString: 1 } } });
  expect(r).toEqual({
    error: {
      name: 'ValidationError',
      message:
        "1 validation error detected: Value '{toString=1}' at 'alarmName' failed to satisfy constraint: Member must be a String",
    },
  });
  const bad = await call(page, { action: 'ecs:CreateCluster', input: { clusterName: ['a'] } });
  expect(bad).toMatchObject({ error: { name: 'SerializationException' } });
  const now = await page.evaluate(() => window.__nozama?.store.getState().sim.now ?? 0);
  await page.evaluate(() => window.__nozama?.store.getState().advance(30));
  expect(await page.evaluate(() => window.__nozama?.store.getState().sim.now)).toBe(now + 30);
  expect(problems).toEqual([]);
});
