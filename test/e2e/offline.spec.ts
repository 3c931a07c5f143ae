/**
 * Offline after one visit: the Workbox service worker precaches the whole build, so with the browser
 * context set offline the game reloads and plays, a class link opens its level, and the Class page and
 * the class board work. Progress saved before going offline is still there (the worker caches files
 * and never touches localStorage). The build ships a web app manifest so the game can be installed.
 */
import { expect } from '@playwright/test';
import { encodeProgressCode } from '../../src/classroom/index.ts';
import { SCREENSHOTS, test, waitBridge, waitScene } from './helpers.ts';

test('after one visit the game, a class link, the Class page and the board work offline', async ({
  page,
  context,
  problems,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?level=arrival');
  await waitBridge(page);
  // The worker is active once it has precached every file of the build.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toMatch(/\/$/);
  await page.evaluate(() =>
    window
      .__nozama!.store.getState()
      .importProgress(
        'NOZAMA-PROGRESS {"schema":2,"levels":{"arrival":{"done":true,"stars":2,"bestGold":0}},"sandboxUnlocked":true,"lastLevel":"arrival"}',
      ),
  );
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    return link ? ((await (await fetch(link.href)).json()) as { name: string; start_url: string }) : null;
  });
  expect(manifest?.start_url).toBe('./index.html');

  await context.setOffline(true);
  await page.reload();
  await waitBridge(page);
  await waitScene(page);
  expect(await page.evaluate(() => window.__nozama!.store.getState().progress.levels.arrival?.stars)).toBe(2);
  // It plays: the clock runs and a call changes the world.
  await page.evaluate(() => window.__nozama!.store.getState().advance(5));
  expect(await page.evaluate(() => window.__nozama!.game.renderer.type)).toBe(
    await page.evaluate(() => window.__nozama!.phaser.CANVAS),
  );
  await page.screenshot({ path: `${SCREENSHOTS}/offline-1-game.png` });

  await page.goto('/class.html');
  await expect(page.locator('[data-role="class-code"]')).toHaveText(/^C1/);
  const code = (await page.locator('[data-role="class-code"]').textContent()) ?? '';
  await page.goto(`/index.html?class=${code}`);
  await waitBridge(page);
  await expect.poll(() => page.evaluate(() => window.__nozama?.store.getState().level?.id)).toBe('arrival');

  await page.goto('/board.html');
  await page
    .getByLabel('Progress codes, one a line')
    .fill(encodeProgressCode({ name: 'Offline Olga', stars: { arrival: 3 } }));
  await page.getByRole('button', { name: 'Show the board' }).click();
  await expect(page.locator('[data-role="board-table"] tbody tr')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENSHOTS}/offline-2-board.png` });
  expect(problems).toEqual([]);
});
