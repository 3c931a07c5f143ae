/**
 * Every level of the campaign opens from its link (?level=<id>): its panel shows its title, chapter,
 * number and goals, the Build panel shows exactly the sections the level allows, the scene its
 * scenario starts in is drawn and settled, and nothing is logged as an error. A screenshot of each
 * level's start is saved as test-results/screenshots/level-<nn>-<id>.png for review.
 */
import { expect, test } from '@playwright/test';
import { LEVELS } from '../../src/levels/index.ts';
import { openLevel, SCREENSHOTS, watchPage } from './helpers.ts';

const SECTIONS = [
  'territory',
  'plan',
  'develop',
  'decree',
  'drain',
  'gate',
  'traffic',
  'watchtower',
  'renovation',
  'spells',
  'disasters',
];

for (const level of LEVELS) {
  const nn = String(level.number).padStart(2, '0');
  test(`level ${nn} ${level.id} loads and renders without errors`, async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL as string);
    await openLevel(page, level.id, level.title);
    const panel = page.locator('[data-role="level-panel"]');
    await expect(panel.locator('.level-kicker')).toHaveText(
      `Chapter ${level.chapter} · Level ${level.number}`,
    );
    await expect(panel.locator('.goal')).toHaveCount(level.goals.length);
    // Some goals hold from the start (no failed request yet); the level as a whole is not done.
    await expect(panel.locator('.goal[data-done="false"]')).not.toHaveCount(0);
    expect(await page.evaluate(() => window.__nozama?.store.getState().level?.done)).toBe(false);
    // The scenario's own calls cannot be undone: Undo waits for the player's first order.
    const logged = await page.evaluate(() => {
      const s = window.__nozama?.store.getState();
      return { log: s?.log.length ?? 0, setup: s?.setupCount ?? -1 };
    });
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    if (logged.log === logged.setup) await expect(undo).toBeDisabled();
    else await expect(undo).toBeEnabled();
    for (const id of SECTIONS) {
      const section = page.locator(`details[data-section="${id}"]`);
      if (level.allowed.includes(id as (typeof level.allowed)[number])) await expect(section).toBeVisible();
      else await expect(section).toBeHidden();
    }
    expect(await page.evaluate(() => window.__nozama?.store.getState().ui.place.scene)).toBe(
      level.scenario.place ?? 'kingdom',
    );
    await page.locator('#inspector-panel').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/level-${nn}-${level.id}.png` });
    expect(problems).toEqual([]);
  });
}
