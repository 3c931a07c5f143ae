/**
 * Share links in the real page: "Copy link" puts the world into the URL and on the clipboard; that
 * URL opened in a fresh tab rebuilds the same world and the Chronicle marks where it began; a damaged
 * link opened over a world says what is wrong and leaves that world as it was.
 */
import { expect, type Page } from '@playwright/test';
import { AMI_PARAMETER, PLAN_CALL, territoryCall } from '../support/link-world.ts';
import { ok, openGame, SCREENSHOTS, test } from './helpers.ts';

async function buildWorld(page: Page): Promise<void> {
  await ok(page, { action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } });
  const ssm = await ok(page, { action: 'ssm:GetParameter', input: { Name: AMI_PARAMETER } });
  const ami = (ssm as { Parameter: { Value: string } }).Parameter.Value;
  for (const zone of ['a', 'b']) await ok(page, territoryCall(ami, zone));
  await ok(page, PLAN_CALL);
}

const logOf = (page: Page) =>
  page.evaluate(() => JSON.stringify(window.__nozama?.store.getState().log ?? null));

test('Copy link carries the world to a new tab; the Chronicle marks where it began', async ({
  page,
  context,
  problems,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openGame(page, '?sandbox=1');
  await buildWorld(page);
  const log = await logOf(page);

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('[data-role="link-message"]')).toHaveText('The link to this world is copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#world=2\./);
  expect(page.url()).toBe(link);

  const other = await context.newPage();
  await other.goto(link);
  // The bridge comes with the game, after the page: wait for it, then for the replayed world.
  await other.waitForFunction(() => (window.__nozama?.store.getState().origin ?? null) !== null);
  expect(await logOf(other)).toBe(log);
  const origin = other.locator('[data-role="chronicle-origin"]');
  await expect(origin).toContainText('The world from the link began here: 4 orders replayed.');
  await other.screenshot({ path: `${SCREENSHOTS}/share-link-opened-1280.png` });
  expect(problems).toEqual([]);
});

test('a damaged link says what is wrong and leaves the world on screen untouched', async ({
  page,
  problems,
}) => {
  await openGame(page, '?sandbox=1');
  await buildWorld(page);
  const log = await logOf(page);
  const before = await page.evaluate(() => window.__nozama?.store.getState().generation);

  await page.evaluate(() => {
    window.location.hash = 'world=1.N4IgNgpgbhYgXAOwK5jAGhAZwhAJggCwBMmA';
  });
  const message = page.locator('[data-role="link-message"]');
  await expect(message).toHaveText(/This link is damaged or cut short/);
  expect(await logOf(page)).toBe(log);
  expect(await page.evaluate(() => window.__nozama?.store.getState().generation)).toBe(before);

  await page.evaluate(() => {
    window.location.hash = 'world=9.abc';
  });
  await expect(message).toHaveText(/newer version of Nozama \(link format 9\)/);
  await page.screenshot({ path: `${SCREENSHOTS}/share-link-refused-1280.png` });
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.locator('[data-role="link-notice"]')).toBeHidden();
  expect(await logOf(page)).toBe(log);
  expect(problems).toEqual([]);
});

test('Embed this world gives the code for the world on screen (free play, phone width)', async ({
  page,
  problems,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openGame(page, '?sandbox=1');
  await buildWorld(page);
  // On a phone the top bar's tools are in its menu.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Embed this world' }).click();
  const code = page.getByRole('textbox', { name: 'Code to embed this world' });
  await expect(code).toBeVisible();
  const text = await code.inputValue();
  expect(text).toMatch(/<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/embed\.js"><\/script>/);
  expect(text).toMatch(/<nozama-demo world="world=2\.[^"]+" controls="play"><\/nozama-demo>/);
  expect(text).toMatch(/<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?world=world%3D2\./);
  await page.screenshot({ path: `${SCREENSHOTS}/share-embed-code-390.png` });
  expect(problems).toEqual([]);
});
