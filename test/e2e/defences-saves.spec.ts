/**
 * Saved progress in its corners, in the real browser's localStorage: each case ends with the stored
 * bytes exactly as they were (or kept aside before anything replaced them) and the player told, in
 * the banner over the page or on the campaign map; a damaged save can be downloaded. Storage refusal
 * and a full quota are made by an init script (localStorage throwing, setItem throwing); the bytes are
 * then read back from a second page of the same browser context, which has no such script.
 */
import { readFileSync } from 'node:fs';
import { type BrowserContext, expect, type Page } from '@playwright/test';
import { SCREENSHOTS, test, waitBridge } from './helpers.ts';

const KEY = 'nozama-progress';
const SLOTS = 20;
const VALID = JSON.stringify({
  schema: 2,
  levels: { arrival: { done: true, stars: 3, bestGold: 0 } },
  sandboxUnlocked: true,
  lastLevel: 'arrival',
});
const V1 = JSON.stringify({ schema: 1, levels: { arrival: { done: true, stars: ['completion'], gold: 0 } } });

/** A blank page of the game's origin (served by the test itself): storage without the game running. */
async function blankPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.route('**/blank.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
  );
  await page.goto('/blank.html');
  return page;
}

/** Empties the origin's storage and writes `entries` (from a page of the origin, before the game runs). */
async function seedStorage(context: BrowserContext, entries: Record<string, string>): Promise<void> {
  const page = await blankPage(context);
  await page.evaluate((e) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
  await page.close();
}

/** The whole storage, read from a fresh page of the context (no init script of the test page). */
async function storedEntries(context: BrowserContext): Promise<Record<string, string>> {
  const page = await blankPage(context);
  const all = await page.evaluate(() => ({ ...localStorage }));
  await page.close();
  return all;
}

async function openAt(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  await waitBridge(page);
}

const banner = (page: Page) => page.locator('.progress-banner');

/** Downloads the damaged save from the banner and returns its text. */
async function downloadDamaged(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner(page).getByRole('link', { name: 'Download the damaged save' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('nozama-progress-damaged.txt');
  return readFileSync(await download.path(), 'utf8');
}

/** The level opened from the address is playing (the game went on). */
async function levelPlaying(page: Page, id: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.__nozama?.store.getState().level?.id)).toBe(id);
  await expect(page.locator('[data-role="level-panel"]')).toBeVisible();
}

test('a damaged save too large to copy is left untouched, told, and offered for download', async ({
  page,
  context,
  problems,
}) => {
  // Fits the origin's quota (5M UTF-16 characters in Chromium) once, not twice.
  const size = 3_000_000;
  const saved = size + '{"schema":2,"levels":'.length;
  await seedStorage(context, {});
  const writer = await blankPage(context);
  await writer.evaluate((n) => {
    localStorage.setItem('nozama-progress', `{"schema":2,"levels":${'x'.repeat(n)}`);
  }, size);
  // A write of megabytes reaches the context's other pages a moment later (the writing page commits
  // it in the background; closed at once, it may never): keep it open until a fresh page reads it.
  const storedLength = async () => (await storedEntries(context))[KEY]?.length ?? 0;
  await expect.poll(storedLength).toBe(saved);
  await writer.close();
  // The browser's quota holds the save once, not twice: keeping it aside is impossible here.
  const probe = await blankPage(context);
  const copy = await probe.evaluate(() => {
    try {
      localStorage.setItem('copy', localStorage.getItem('nozama-progress') as string);
      return 'copied';
    } catch (e) {
      return (e as Error).name;
    }
  });
  expect(copy).toBe('QuotaExceededError');
  await expect.poll(storedLength).toBe(saved);
  await probe.close();

  await openAt(page, '?level=arrival');
  await expect(banner(page)).toContainText('damaged');
  await expect(banner(page)).toContainText('the browser’s storage is full');
  await expect(banner(page)).toContainText('will not save over it');
  await levelPlaying(page, 'arrival');
  await page.screenshot({ path: `${SCREENSHOTS}/defences-saves-too-large.png` });
  const text = await downloadDamaged(page);
  expect(text.length).toBe(size + '{"schema":2,"levels":'.length);
  expect(text).toBe(`{"schema":2,"levels":${'x'.repeat(size)}`);
  // Play on: the level's start and a finished run write nothing over the save.
  await page.getByRole('button', { name: 'Show me', exact: true }).click();
  await page.waitForFunction(() => window.__nozama?.store.getState().level?.done === true);
  const stored = await storedEntries(context);
  expect(Object.keys(stored)).toEqual([KEY]);
  expect(stored[KEY] === text).toBe(true);
  expect(problems).toEqual([]);
});

test('every kept-aside place taken: the damaged save is left untouched, told, offered for download', async ({
  page,
  context,
  problems,
}) => {
  const before: Record<string, string> = { [KEY]: '{"schema":2,"lev' };
  for (let i = 1; i <= SLOTS; i++) before[`${KEY}.kept-aside.${i}`] = `older save ${i}`;
  await seedStorage(context, before);
  await openAt(page, '?level=arrival');
  await expect(banner(page)).toContainText(`all ${SLOTS} kept-aside places are taken`);
  await expect(banner(page)).toContainText('memory only');
  await levelPlaying(page, 'arrival');
  expect(await downloadDamaged(page)).toBe('{"schema":2,"lev');
  // The campaign map says the same, and opening it (which remembers the visit) writes nothing.
  await page.getByRole('button', { name: 'Campaign', exact: true }).click();
  const map = page.getByRole('dialog', { name: 'The campaign of Nozama' });
  await expect(map.locator('.campaign-notice')).toContainText('kept-aside places are taken');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.keyboard.press('Escape');
  await expect(map).toBeHidden();
  await page.screenshot({ path: `${SCREENSHOTS}/defences-saves-slots-full-phone.png` });
  expect(await storedEntries(context)).toEqual(before);
  expect(problems).toEqual([]);
});

test('migrating a save keeps the old copy aside, byte for byte, and says where', async ({
  page,
  context,
  problems,
}) => {
  await seedStorage(context, { [KEY]: V1 });
  await openAt(page, '?campaign=1');
  const map = page.getByRole('dialog', { name: 'The campaign of Nozama' });
  await expect(map.locator('.campaign-notice')).toContainText('updated from an older save (schema 1)');
  await expect(map.locator('.campaign-notice')).toContainText(`kept aside under "${KEY}.kept-aside.1"`);
  await expect(map.locator('.level-card[data-level="arrival"]')).toHaveAttribute('data-status', 'done');
  await page.screenshot({ path: `${SCREENSHOTS}/defences-saves-migrated.png` });
  const stored = await storedEntries(context);
  expect(stored[`${KEY}.kept-aside.1`]).toBe(V1);
  expect(JSON.parse(stored[KEY] as string)).toMatchObject({
    schema: 2,
    levels: { arrival: { done: true, stars: 1 } },
  });
  expect(problems).toEqual([]);
});

test('a browser that refuses storage: told once, the level plays, the stored save is untouched', async ({
  page,
  context,
}) => {
  await seedStorage(context, { [KEY]: VALID });
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await openAt(page, '?level=arrival');
  await expect(banner(page)).toContainText('does not let Nozama keep progress');
  await expect(banner(page)).toHaveCount(1);
  await levelPlaying(page, 'arrival');
  await page.screenshot({ path: `${SCREENSHOTS}/defences-saves-refused.png` });
  await banner(page).getByRole('button', { name: 'Understood' }).click();
  await expect(banner(page)).toBeEmpty();
  await page.getByRole('button', { name: 'Show me', exact: true }).click();
  await page.waitForFunction(() => window.__nozama?.store.getState().level?.done === true);
  await expect(banner(page)).toBeEmpty();
  expect(await storedEntries(context)).toEqual({ [KEY]: VALID });
});

test('a full storage refusing a save mid-play: told once, play goes on, the stored save is untouched', async ({
  page,
  context,
}) => {
  await seedStorage(context, { [KEY]: VALID });
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openAt(page, '?sandbox=1');
  await expect(banner(page)).toContainText('refused to save your progress');
  await banner(page).getByRole('button', { name: 'Understood' }).click();
  await expect(banner(page)).toBeEmpty();
  // A level started from the map and finished: the refusal was told once, it is not told again.
  await page.getByRole('button', { name: 'Campaign', exact: true }).click();
  await page.locator('.level-card[data-level="arrival"]').click();
  await levelPlaying(page, 'arrival');
  await page.getByRole('button', { name: 'Show me', exact: true }).click();
  await page.waitForFunction(() => window.__nozama?.store.getState().level?.done === true);
  await expect(banner(page)).toBeEmpty();
  expect(await storedEntries(context)).toEqual({ [KEY]: VALID });
});
