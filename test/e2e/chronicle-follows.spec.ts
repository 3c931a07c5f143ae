/**
 * The Chronicle reads in time order and follows its newest line (issue 12): a free-play world that
 * starts with no lines, then gets more than the strip shows, must show the newest at the foot, not
 * stay on its oldest (a hidden list cannot scroll, and once shown it kept its first lines in view).
 */
import { expect } from '@playwright/test';
import { openGame, test } from './helpers.ts';

test('the Chronicle follows its newest line from an empty free play, and stays where a reader scrolled', async ({
  page,
  problems,
}) => {
  await openGame(page, '?sandbox=1');
  const list = page.locator('.chronicle-list');
  await expect(list).toBeHidden();
  await page.evaluate(() => {
    const s = window.__nozama?.store.getState();
    if (!s) throw new Error('no bridge');
    s.dispatch({ action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } });
    for (let i = 1; i <= 12; i++)
      s.dispatch({
        action: 'ecs:RegisterTaskDefinition',
        input: {
          family: `plan${i}`,
          containerDefinitions: [{ name: 'web', image: 'nginx:1.27', cpu: 128, memory: 128 }],
        },
      });
  });
  await expect(list.locator('li').last()).toContainText('plan12');
  const atFoot = () =>
    list.evaluate(
      (el) => el.scrollHeight > el.clientHeight && el.scrollTop + el.clientHeight >= el.scrollHeight - 8,
    );
  await expect.poll(atFoot).toBe(true);
  await expect(list.locator('li').last()).toBeInViewport();

  // A reader who scrolled up to the oldest line keeps it while new lines arrive.
  await list.evaluate((el) => {
    el.scrollTop = 0;
  });
  await page.evaluate(() =>
    window.__nozama?.store.getState().dispatch({
      action: 'ecs:RegisterTaskDefinition',
      input: {
        family: 'plan13',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27', cpu: 128, memory: 128 }],
      },
    }),
  );
  await expect(list.locator('li').last()).toContainText('plan13');
  expect(await list.evaluate((el) => el.scrollTop)).toBe(0);
  expect(problems).toEqual([]);
});
