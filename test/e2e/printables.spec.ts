/**
 * Printables, printed to PDF by Chromium (page.pdf): the cheat sheet fits one A4 page; a level's
 * handout holds its brief, goals and debrief CLI lines with the reference run's real ids (no
 * unresolved @references). The PDFs are kept in test-results/screenshots for a person to look at.
 */
import { writeFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { SCREENSHOTS, test } from './helpers.ts';

/** Pages in a PDF Chromium wrote (its page objects). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('the cheat sheet prints on one page; a handout carries brief, goals and resolved CLI lines', async ({
  page,
  problems,
}) => {
  await page.goto('/printables.html');
  const sheet = page.locator('[data-role="cheat-sheet"]');
  await expect(sheet.locator('tbody tr').first()).toBeVisible();
  await expect(sheet).toContainText('architectural plan');
  await expect(sheet).toContainText('task definition');
  await page.emulateMedia({ media: 'print' });
  const cheat = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(`${SCREENSHOTS}/printables-cheat-sheet.pdf`, cheat);
  expect(pageCount(cheat)).toBe(1);
  await page.emulateMedia({ media: 'screen' });

  await page.getByLabel('Print').selectOption('decree-of-six');
  await expect(page).toHaveURL(/level=decree-of-six/);
  const handout = page.locator('[data-role="handout"]');
  await expect(handout.getByRole('heading', { name: 'A decree of six' })).toBeVisible();
  await expect(handout.locator('.sheet-goals li')).toHaveCount(3);
  const cli = await handout.locator('.sheet-cli').allTextContents();
  expect(cli.length).toBeGreaterThan(0);
  expect(cli.join('\n')).toContain('aws ecs create-service');
  expect(cli.join('\n')).not.toContain('@');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(`${SCREENSHOTS}/printables-handout-decree-of-six.pdf`, pdf);
  expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
  expect(pageCount(pdf)).toBeLessThanOrEqual(3);
  expect(problems).toEqual([]);
});
