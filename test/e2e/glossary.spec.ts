/**
 * The glossary from everywhere (issue 12): the top bar's Glossary button and the key G open a dialog
 * with every story word, its AWS term and one plain sentence; the canvas's "?" card names the key; a
 * story word on its own in a form's label tells what it is on hover.
 */
import { expect } from '@playwright/test';
import { fullGlossary } from '../../src/i18n/lexicon.ts';
import { axeSerious, canvasBox, openGame, SCREENSHOTS, test } from './helpers.ts';

test('the glossary opens from the top bar and with G, and story words explain themselves on hover', async ({
  page,
  problems,
}) => {
  await openGame(page, '?sandbox=1');
  const glossary = page.getByRole('dialog', { name: 'Glossary: story words and AWS’s' });
  await page.getByRole('button', { name: 'Glossary' }).click();
  await expect(glossary).toBeVisible();
  const lines = fullGlossary();
  expect(lines.length).toBeGreaterThan(20);
  await expect(glossary.locator('dt')).toHaveCount(lines.length);
  await expect(glossary.locator('dt', { hasText: 'decree · service' })).toBeVisible();
  await expect(glossary).toContainText('watchtower');
  await expect(glossary).toContainText('CloudWatch alarm');
  expect(await axeSerious(page, { exclude: '#world-canvas' })).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOTS}/glossary-1280.png` });
  await page.keyboard.press('Escape');
  await expect(glossary).toBeHidden();

  // From the canvas: the key G, while the world has the focus.
  const box = await canvasBox(page);
  await page.mouse.click(box.x + box.w / 2, box.y + 20);
  await page.keyboard.press('g');
  await expect(glossary).toBeVisible();
  await page.keyboard.press('g');
  await expect(glossary).toBeHidden();

  // Typing a g in a field types it.
  const name = page.locator('details[data-section="decree"] input[name="serviceName"]');
  await page.locator('details[data-section="decree"] > summary').click();
  await name.fill('');
  await name.press('g');
  await expect(name).toHaveValue('g');
  await expect(glossary).toBeHidden();

  // A story word on its own says what it is on hover.
  const portal = page
    .locator('details[data-section="territory"] label', { hasText: /^Portal$/ })
    .locator('span');
  await expect(portal).toHaveAttribute('title', /portal = Availability Zone: /);
  expect(problems).toEqual([]);
});

test('G and the backquote work anywhere in the game, even with nothing focused, never while typing', async ({
  page,
  problems,
}) => {
  await openGame(page, '?sandbox=1');
  const glossary = page.getByRole('dialog', { name: 'Glossary: story words and AWS’s' });
  // A click on the Chronicle's plain text leaves the focus on the page's body.
  await page.locator('.chronicle-lines').click();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await page.keyboard.press('g');
  await expect(glossary).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(glossary).toBeHidden();
  await page.locator('.chronicle-lines').click();
  await page.keyboard.press('`');
  const consoleButton = page.locator('[data-role="console-toggle"]');
  await expect(consoleButton).toHaveAttribute('aria-expanded', 'true');
  // In the console's field the backquote and g are typed, not taken.
  const input = page.locator('[data-role="console-panel"] [data-role="console-input"]');
  await expect(input).toBeFocused();
  await page.keyboard.type('g`');
  await expect(input).toHaveValue(/g`$/);
  await expect(glossary).toBeHidden();
  expect(problems).toEqual([]);
});
