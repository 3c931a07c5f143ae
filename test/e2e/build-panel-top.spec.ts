/**
 * A new world opens the Build panel at its top (issue 12): going from a level to free play must not
 * leave the panel scrolled to where the level's forms were (the newcomer found free play's Build panel
 * at its bottom, and level 2's mid-form).
 */
import { expect } from '@playwright/test';
import { openLevel, test } from './helpers.ts';

test('free play after a level opens the Build panel at its top', async ({ page, problems }) => {
  await openLevel(page, 'first-territory', 'The first territory');
  const panel = page.locator('.panel').filter({ has: page.locator('details[data-section]') });
  await panel.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect.poll(() => panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Campaign', exact: true }).click();
  await page.getByRole('button', { name: 'Free play (sandbox)' }).click();
  await expect
    .poll(() => page.evaluate(() => window.__nozama?.store.getState().level?.id ?? null))
    .toBe(null);
  await expect.poll(() => panel.evaluate((el) => el.scrollTop)).toBe(0);
  expect(problems).toEqual([]);
});
