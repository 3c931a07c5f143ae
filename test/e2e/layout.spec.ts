/**
 * The laptop and projector sizes a player brings (1280x800, the most common laptop, 1366x768,
 * 1440x900, 1920x1080): for every level of the campaign and free play, every Build section the level
 * allows is opened as a player opens it, and after each the page needs no scrolling
 * (document.scrollingElement.scrollHeight <= innerHeight), the section just opened shows its top, and
 * no labelled text in the panels or the top bar is cut off (scrollWidth > clientWidth). A selection
 * brings the Inspector into view. At 1280x800 the panels fold to give the canvas their width (Phaser
 * follows its parent), and the Chronicle grows and reads in time order. Screenshots of each size are
 * saved for review (test-results/screenshots/layout-*.png).
 */
import { expect, type Page } from '@playwright/test';
import { LEVELS } from '../../src/levels/index.ts';
import { measureFit } from './fit.ts';
import { advanceUntil, openGame, openLevel, SCREENSHOTS, test, waitBridge } from './helpers.ts';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

/** Opens each visible Build section in turn and checks the page after each. */
async function openEverySection(page: Page, where: string): Promise<void> {
  const summaries = page.locator('#build-panel details.build-section:not([hidden]) > summary');
  const count = await summaries.count();
  for (let i = 0; i < count; i++) {
    const summary = summaries.nth(i);
    const details = summary.locator('..');
    if ((await details.getAttribute('open')) === null) await summary.click();
    await expect(details).toHaveAttribute('open', '');
    // The section just opened shows its top inside the panel (its toggle event, which scrolls it
    // there, comes a task after the click).
    const top = () =>
      details.evaluate((el) => {
        const panel = el.closest('.panel') as HTMLElement;
        return el.getBoundingClientRect().top - panel.getBoundingClientRect().top;
      });
    await expect.poll(top, { message: `${where}: section ${i} opens at its top` }).toBeGreaterThanOrEqual(-1);
    const f = await measureFit(page);
    const name = await details.getAttribute('data-section');
    expect(f.scrollHeight, `${where} ${name}: the page does not scroll`).toBeLessThanOrEqual(f.innerHeight);
    expect(f.cut, `${where} ${name}: nothing cut off`).toEqual([]);
  }
}

for (const size of SIZES) {
  test(`at ${size.width}x${size.height} no action of the campaign needs page scrolling or cuts text off`, async ({
    page,
    problems,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(size);
    for (const level of LEVELS) {
      await openLevel(page, level.id, level.title);
      await openEverySection(page, level.id);
    }
    await page.goto('/?sandbox=1');
    await waitBridge(page);
    await openEverySection(page, 'free play');
    await page.screenshot({ path: `${SCREENSHOTS}/layout-${size.width}x${size.height}.png` });
    expect(problems).toEqual([]);
  });
}

test('at 1280x800 the panels fold for the canvas, a selection opens the Inspector, the Chronicle grows in time order', async ({
  page,
  problems,
}) => {
  await openLevel(page, 'canary', 'The canary');
  const canvasWidth = () =>
    page.evaluate(() => ({
      box: document.querySelector('#world-canvas')?.getBoundingClientRect().width ?? 0,
      phaser: (window.__nozama?.game.canvas as HTMLCanvasElement | undefined)?.width ?? 0,
    }));
  const before = await canvasWidth();
  expect(before.box).toBeGreaterThan(1280 / 2);
  const build = page.getByRole('button', { name: 'Build', exact: true });
  const inspectorButton = page.getByRole('button', { name: 'Inspector', exact: true });
  await expect(build).toHaveAttribute('aria-expanded', 'true');
  await build.click();
  await expect(build).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('complementary', { name: 'Build' })).toBeHidden();
  await inspectorButton.click();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
  // The world takes the whole width, and Phaser's canvas follows its parent.
  await expect.poll(async () => (await canvasWidth()).phaser).toBe(1280);
  expect((await canvasWidth()).box).toBe(1280);
  await page.screenshot({ path: `${SCREENSHOTS}/layout-folded.png` });

  // Selecting a thing unfolds the Inspector and shows the selection's top (below the level's panel).
  await page.evaluate(() => {
    const s = window.__nozama!.store.getState();
    const service = s.sim.services.values()[0];
    if (service) s.select({ kind: 'service', id: service.serviceArn });
  });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toBeVisible();
  await expect(inspectorButton).toHaveAttribute('aria-expanded', 'true');
  await expect(inspector.locator('.selected-title')).toBeInViewport();
  await expect(inspector.locator('.selected-title')).toContainText('mill');
  await build.click();
  await expect(page.getByRole('complementary', { name: 'Build' })).toBeVisible();

  // The Chronicle reads in time order: the times never go down, the newest line is in view.
  const chronicle = page.getByRole('region', { name: 'Chronicle' });
  const times = await chronicle.locator('.chronicle-line time').allTextContents();
  expect(times.length).toBeGreaterThan(3);
  expect([...times].sort()).toEqual(times);
  await expect(chronicle.locator('.chronicle-line').last()).toBeInViewport();
  const height = async () => (await chronicle.boundingBox())?.height ?? 0;
  const short = await height();
  await chronicle.getByRole('button', { name: 'More lines' }).click();
  await expect(chronicle.getByRole('button', { name: 'Fewer lines' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  expect(await height()).toBeGreaterThan(short * 1.8);
  await expect(chronicle.locator('.chronicle-line').last()).toBeInViewport();
  const f = await measureFit(page);
  expect(f.scrollHeight).toBeLessThanOrEqual(f.innerHeight);
  await page.screenshot({ path: `${SCREENSHOTS}/layout-chronicle-grown.png` });
  expect(problems).toEqual([]);
});

test('free play opens with both panels docked and the Inspector in view', async ({ page }) => {
  await openGame(page, '?sandbox=1');
  const f = await measureFit(page);
  expect(f.scrollHeight).toBeLessThanOrEqual(f.innerHeight);
  await expect(page.getByRole('complementary', { name: 'Build' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
});

test('a renovation rolled back by the watchtower says it is over, fits its panel in both word sets, and counts above the decree say why', async ({
  page,
  problems,
}) => {
  await openLevel(page, 'the-watchtower', 'The watchtower');
  // "Show me" plays the level's solution; time is moved through the store.
  await page.evaluate(() => window.__nozama?.store.getState().showMe());
  await advanceUntil(
    page,
    `(sim) => sim.services.values().some((s) => {
      const live = sim.tasks.values().filter((t) => t.serviceName === s.serviceName && t.lastStatus === 'RUNNING').length;
      return live > s.desiredCount;
    })`,
  );
  await page.evaluate(() => {
    const s = window.__nozama!.store.getState();
    const service = s.sim.services.values()[0];
    if (service) s.select({ kind: 'service', id: service.serviceArn });
  });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.locator('.facts')).toContainText(/Why \d+, not 3/);
  await expect(inspector.locator('.facts')).toContainText('maximumPercent 200% of 3');
  await page.screenshot({ path: `${SCREENSHOTS}/layout-why-more.png` });

  await page.evaluate(() => {
    const store = window.__nozama!.store;
    for (let i = 0; i < 120 && !store.getState().level?.done; i++) store.getState().advance(10);
  });
  await expect.poll(() => page.evaluate(() => window.__nozama?.store.getState().level?.done)).toBe(true);
  // A watched solution may end in a dialog: close it to read the panel.
  const dialog = page.locator('dialog[open]');
  if ((await dialog.count()) > 0) await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  const reno = page.locator('details[data-section="renovation"]');
  await reno.locator('summary').click();
  const status = reno.locator('.renovation-status');
  await expect(status.locator('.renovation-stage')).toHaveText('Stage: over (rolled back)');
  await expect(status.locator('.renovation-stage')).not.toContainText('moving travelers');
  const overflowing = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.renovation-status *, .goal-text, .goal-missing, .facts *')]
        .filter(
          (el) =>
            !el.closest('.visually-hidden') && el.checkVisibility() && el.scrollWidth > el.clientWidth + 1,
        )
        .map((el) => el.textContent),
    );
  await status.scrollIntoViewIfNeeded();
  expect(await overflowing()).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOTS}/layout-rolled-back-nozama.png` });
  await page.getByRole('radio', { name: 'AWS' }).check();
  await expect(status.locator('.renovation-stage')).toHaveText(
    'Lifecycle stage: none: the deployment ended (ROLLBACK_SUCCESSFUL)',
  );
  expect(await overflowing()).toEqual([]);
  // A long AWS name breaks at its underscores, never inside a word.
  const state = status.locator('.renovation-state');
  await expect(state).toHaveText(/ROLLBACK_SUCCESSFUL/);
  await status.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/layout-rolled-back-aws.png` });
  expect(problems).toEqual([]);
});
