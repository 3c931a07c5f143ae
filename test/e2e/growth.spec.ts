/**
 * Level 21, the decree that follows its travelers, played through the Growth section of the Build panel:
 * the bounds and the target-tracking rule are given with the forms (their CLI previews read as the real
 * `aws application-autoscaling` lines), time is moved through the store until the market day has grown
 * the decree, the section then says why it grew, and after the market closes it shrinks and the debrief
 * opens. Screenshots at 1280x800 and on a phone (390x844).
 */
import { expect } from '@playwright/test';
import { levelById } from '../../src/levels/index.ts';
import { advanceUntil, buildSection, openLevel, SCREENSHOTS, stepUntil, test } from './helpers.ts';

const GREW = '(sim) => sim.appAutoScaling.activities.some((a) => a.why && a.why.to >= 5)';
const SHRANK = '(sim) => sim.appAutoScaling.activities.some((a) => a.why && a.why.to < a.why.from)';

test('level 21 follows-travelers: bounds and a CPU rule through the forms; the decree grows, says why, and shrinks', async ({
  page,
  problems,
}) => {
  test.setTimeout(180_000);
  const l = levelById('follows-travelers');
  if (!l) throw new Error('no level follows-travelers');
  expect(l.number).toBe(21);
  await openLevel(page, l.id, l.title);
  const growth = await buildSection(page, 'growth', 'Growth');
  const bounds = growth.locator('form.growth-bounds');
  await expect(growth.getByLabel('Decree', { exact: true })).toHaveValue('mill');
  await bounds.getByLabel('At least (developments)').fill('2');
  await bounds.getByLabel('At most (developments)').fill('8');
  await expect(bounds.locator('.cli')).toContainText('aws application-autoscaling register-scalable-target');
  await expect(bounds.locator('.cli')).toContainText('--resource-id service/Royaume/mill');
  await bounds.getByRole('button', { name: 'Set the growth bounds' }).click();
  await expect(bounds.locator('.call-result .outcome-ok')).toContainText('between 2 and 8');

  const rule = growth.locator('form.growth-rule-form');
  await rule.getByLabel('Rule name').fill('mill-cpu50');
  await rule.getByLabel('Follow').selectOption('ECSServiceAverageCPUUtilization');
  await rule.getByLabel('Aim').fill('50');
  await expect(rule.locator('.cli')).toContainText('aws application-autoscaling put-scaling-policy');
  await expect(rule.locator('.cli')).toContainText('--policy-type TargetTrackingScaling');
  await bounds.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/growth-form-1280.png` });
  await rule.getByRole('button', { name: 'Proclaim the growth rule' }).click();
  await expect(rule.locator('.call-result .outcome-ok')).toContainText('2 watchtowers');
  await expect(rule.locator('.call-result')).toContainText('TargetTracking-service/Royaume/mill-AlarmHigh-');
  const status = growth.locator('li[data-growth="mill"]');
  await expect(status).toContainText('bounds 2 to 8');
  await expect(status).toContainText("mill-cpu50: keep builders' toil near 50%");

  await advanceUntil(page, GREW, null, 900);
  const why = status.locator('.growth-why');
  await expect(why).toContainText(/^Builders' toil \d+(\.\d)?% above the 50% aim: \+\d+ developments?$/);
  await status.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/growth-grew-1280.png` });
  await page.getByRole('radio', { name: 'AWS' }).check();
  await expect(why).toContainText(/^CPU \d+(\.\d)?% above the 50% target: \+\d+$/);
  await page.getByRole('radio', { name: 'Nozama' }).check();

  await page.setViewportSize({ width: 390, height: 844 });
  const build = page.getByRole('button', { name: 'Build', exact: true });
  if ((await build.getAttribute('aria-expanded')) === 'false') await build.click();
  await expect(status).toBeVisible();
  await status.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/growth-grew-390.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  await advanceUntil(page, SHRANK, null, 2400);
  await expect(why).toContainText(/below the 50% aim: -\d+ developments?$/);
  await stepUntil(page, '(sim, level) => level.done', 120);
  const debrief = page.getByRole('dialog', { name: `Level complete: ${l.title}` });
  await expect(debrief).toBeVisible();
  await expect(debrief.locator('.debrief-cli pre').first()).toContainText('register-scalable-target');
  await page.screenshot({ path: `${SCREENSHOTS}/level-20-follows-travelers-done.png` });
  expect(await page.evaluate(() => window.__nozama?.store.getState().level?.assisted)).toBe(false);
  expect(problems).toEqual([]);
});
