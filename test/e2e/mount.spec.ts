/**
 * Two games on one page share nothing (mount(), src/app/mount.ts). The test page
 * (test/pages/two-games.html, built only in test builds, under a strict Content-Security-Policy with
 * `style-src 'self'`) mounts game A in the page and game B inside a shadow root, both in free play
 * with the same seed. A is played through its own panels (found the
 * kingdom, erect a territory, switch Rosetta, keys on its canvas); B's store and B's DOM must be exactly
 * as they were. The host page's own element with the game's class names keeps its own look (the
 * styles are scoped), while B's styles work inside its shadow root. Then A is destroyed: its canvas,
 * frame and bridge entry are gone, and B still runs and is played through its panels. Every wait is
 * on a game's state through the test bridge (window.__nozamaGames), never on the clock.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { buildSection, SCREENSHOTS, test } from './helpers.ts';

const PAGE = '/test/pages/two-games.html';

/** Waits until game `i` of the page has booted and shows an active scene. */
async function waitGame(page: Page, i: number): Promise<void> {
  await page.waitForFunction((n) => {
    const g = window.__nozamaGames?.[n];
    if (!g) return false;
    const scene = g.game.scene.getScene(g.store.getState().ui.place.scene) as unknown as {
      sys: { isActive(): boolean };
    } | null;
    return scene?.sys.isActive() === true;
  }, i);
}

/** Game B's world and view state, and its frame's markup (the style element left out), as text. */
async function gameState(page: Page, i: number): Promise<{ store: string; dom: string }> {
  return page.evaluate((n) => {
    const g = window.__nozamaGames?.[n];
    if (!g) throw new Error(`no game ${n}`);
    const { sim, log, ui, level, clock } = g.store.getState();
    const frame = g.root.querySelector('.app');
    return { store: JSON.stringify({ sim, log, ui, level, clock }), dom: frame?.outerHTML ?? '' };
  }, i);
}

/** The Build section of one game (its frame), opened. */
function gameA(page: Page): Locator {
  return page.locator('#game-a');
}

test('two games on one page share nothing; destroying one leaves the other running', async ({
  page,
  problems,
}) => {
  test.setTimeout(120_000);
  await page.goto(PAGE);
  await page.waitForFunction(() => window.__nozamaGames?.length === 2);
  await waitGame(page, 0);
  await waitGame(page, 1);
  expect(await page.evaluate(() => window.__nozama === window.__nozamaGames?.[0])).toBe(true);

  const a = gameA(page);
  const b = page.locator('#game-b');
  // Both paused through their own Pause buttons, so nothing moves under the comparison.
  await a.getByRole('button', { name: 'Pause', exact: true }).click();
  await b.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.waitForFunction(() => window.__nozamaGames?.every((g) => g.store.getState().clock.paused));
  const before = await gameState(page, 1);

  // Ids are unique on the page: the first game keeps the plain ones, the second (in its own shadow
  // root) could, but its radio group and labels never mix with A's.
  expect(await a.locator('#build-panel').count()).toBe(1);

  // Play A through its panels: found the kingdom, erect a territory.
  const territory = a.locator('details[data-section="territory"]');
  await expect(territory).toHaveAttribute('open', '');
  await territory.getByRole('button', { name: 'Found the kingdom Royaume' }).click();
  await expect(territory.getByRole('status')).toContainText('The kingdom Royaume is founded.');
  await territory.getByRole('button', { name: 'Erect the territory' }).click();
  await expect(territory.getByRole('status')).toContainText('surveyed');
  // Rosetta to AWS words in A only.
  await a.getByRole('radio', { name: 'AWS' }).check();
  await expect(a.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('cluster Royaume');
  // A key on A's canvas moves A's view (Enter opens the focused place: the planet's region) and
  // nothing of B's.
  const placeBefore = await page.evaluate(() => window.__nozamaGames?.[0]?.store.getState().ui.place);
  await a.locator('canvas').focus();
  expect(placeBefore?.scene).toBe('planet');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => window.__nozamaGames?.[0]?.store.getState().ui.place))
    .not.toEqual(placeBefore);

  const playedA = await page.evaluate(() => {
    const s = window.__nozamaGames?.[0]?.store.getState();
    return { calls: s?.log.map((c) => c.call.action), names: s?.ui.names };
  });
  expect(playedA).toEqual({ calls: ['ecs:CreateCluster', 'ec2:RunInstances'], names: 'aws' });
  const after = await gameState(page, 1);
  expect(after.store).toBe(before.store);
  expect(after.dom).toBe(before.dom);
  await expect(b.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('kingdom yet');

  // Styles are scoped: the host page's paragraph that carries the game's class names keeps the page's
  // look, and B's top bar, inside its shadow root, has the game's.
  const looks = await page.evaluate(() => {
    const host = document.querySelector('[data-role="host-text"]') as HTMLElement;
    const shadowBar = document.querySelector('#game-b')?.shadowRoot?.querySelector('.top-bar') as HTMLElement;
    const style = (el: HTMLElement) => getComputedStyle(el);
    return {
      host: { border: style(host).borderBottomWidth, font: style(host).fontFamily },
      shadow: { border: style(shadowBar).borderBottomWidth, color: style(shadowBar).borderBottomColor },
    };
  });
  expect(looks.host.border).toBe('0px');
  expect(looks.host.font).toBe('serif');
  expect(looks.shadow).toEqual({ border: '3px', color: 'rgb(230, 159, 0)' });
  await page.screenshot({ path: `${SCREENSHOTS}/mount-two-games.png`, fullPage: true });

  // Destroy A: its frame, canvas and bridge entry go; B becomes the bridge's first game.
  await page.evaluate(() => window.__nozamaPage?.destroy(0));
  expect(await page.evaluate(() => window.__nozamaGames?.length)).toBe(1);
  await expect(a.locator('*')).toHaveCount(0);
  expect(await page.evaluate(() => window.__nozama?.root.getRootNode() instanceof ShadowRoot)).toBe(true);

  // B still runs: its clock moves when played, and its panels still make calls.
  const startedAt = await page.evaluate(() => window.__nozama?.store.getState().sim.now ?? 0);
  await b.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForFunction((t) => (window.__nozama?.store.getState().sim.now ?? 0) > t + 2, startedAt);
  const bTerritory = await buildSection(page, 'territory');
  await bTerritory.getByRole('button', { name: 'Found the kingdom Royaume' }).click();
  await expect(bTerritory.getByRole('status')).toContainText('The kingdom Royaume is founded.');
  expect(await page.evaluate(() => window.__nozama?.store.getState().log.map((c) => c.call.action))).toEqual([
    'ecs:CreateCluster',
  ]);
  await page.screenshot({ path: `${SCREENSHOTS}/mount-one-left.png`, fullPage: true });
  expect(problems).toEqual([]);
});
