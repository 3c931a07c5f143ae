/**
 * The debrief names the player's own things (issue 12): level 1 played through portal 1a shows the
 * RunInstances the player made, in 1a, never the reference solution's 1b.
 */
import { expect } from '@playwright/test';
import { openLevel, SCREENSHOTS, test } from './helpers.ts';

test('the debrief shows the calls the player made, with the portal the player chose', async ({
  page,
  problems,
}) => {
  await openLevel(page, 'arrival', 'Arrival');
  const territory = page.locator('details[data-section="territory"]');
  await territory.locator('select[name="zone"]').selectOption('za-southwest-1a');
  await territory.getByRole('button', { name: 'Erect the territory' }).click();
  const debrief = page.getByRole('dialog', { name: 'Level complete: Arrival' });
  await expect(debrief).toBeVisible();
  const cli = debrief.locator('.debrief-cli');
  await expect(cli).toContainText('aws ec2 run-instances');
  await expect(cli).toContainText('za-southwest-1a');
  await expect(cli).not.toContainText('za-southwest-1b');
  await page.screenshot({ path: `${SCREENSHOTS}/debrief-own-calls.png` });
  expect(problems).toEqual([]);
});
