/**
 * Every status text fits its place in the three word sets (Nozama, AWS, both) at 1280x800 and
 * 1920x1080: the renovation status while the canary shifts and after the horn, the growth status, and
 * the level's goal checklist (scrollWidth <= clientWidth for each element, the pattern of
 * layout.spec.ts). The levels' own solutions ("Show me") make the moments; screenshots of each are
 * saved (test-results/screenshots/status-fit-*.png).
 */
import { expect, type Page } from '@playwright/test';
import { advanceUntil, frames, openLevel, SCREENSHOTS, test } from './helpers.ts';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

const MODES = [
  { radio: 'Nozama', mode: 'nozama' },
  { radio: 'AWS', mode: 'aws' },
  { radio: 'both', mode: 'both' },
] as const;

const STATUS = [
  '.renovation-status *',
  '.growth-status *',
  '.goal-list *',
  '.goals-summary',
  '.level-done',
].join(', ');

/** The status texts wider than their box, in every word set; a screenshot of each. */
async function overflowIn(page: Page, scroll: string, name: string): Promise<string[]> {
  const found: string[] = [];
  for (const m of MODES) {
    await page.getByRole('radio', { name: m.radio, exact: true }).check();
    await frames(page, 3);
    // A status redraws as the words change: scroll to it once its new element stands still.
    await expect(async () => {
      await page.locator(scroll).first().scrollIntoViewIfNeeded({ timeout: 2_000 });
    }).toPass();
    const cut = await page.evaluate(
      (selector) =>
        [...document.querySelectorAll<HTMLElement>(selector)]
          .filter(
            (el) =>
              !el.closest('.visually-hidden') && el.checkVisibility() && el.scrollWidth > el.clientWidth + 1,
          )
          .map((el) => `${el.className}: "${(el.textContent ?? '').trim().slice(0, 60)}"`),
      STATUS,
    );
    found.push(...cut.map((c) => `${m.mode}: ${c}`));
    await page.screenshot({ path: `${SCREENSHOTS}/status-fit-${name}-${m.mode}.png` });
  }
  await page.getByRole('radio', { name: 'Nozama', exact: true }).check();
  return found;
}

async function closeDialog(page: Page): Promise<void> {
  const dialog = page.locator('dialog[open]');
  if ((await dialog.count()) > 0) await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

for (const size of SIZES) {
  test(`at ${size.width}x${size.height} the renovation status and the goals fit in every word set`, async ({
    page,
    problems,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await openLevel(page, 'the-watchtower', 'The watchtower');
    await page.evaluate(() => window.__nozama?.store.getState().showMe());
    // Mid-shift: the first step of travelers on the new edition.
    await advanceUntil(
      page,
      `(sim) => sim.services.values().some((s) => (s.serviceDeployments?.[0]?.native?.step ?? 0) >= 1)`,
    );
    const reno = page.locator('details[data-section="renovation"]');
    if ((await reno.getAttribute('open')) === null) await reno.locator(':scope > summary').click();
    await expect(reno.locator('.renovation-status .renovation-stage')).toBeVisible();
    expect(await overflowIn(page, '.renovation-status', `shifting-${size.width}`)).toEqual([]);

    await page.evaluate(() => {
      const store = window.__nozama?.store;
      for (let i = 0; i < 120 && !store?.getState().level?.done; i++) store?.getState().advance(10);
    });
    await expect.poll(() => page.evaluate(() => window.__nozama?.store.getState().level?.done)).toBe(true);
    await closeDialog(page);
    if ((await reno.getAttribute('open')) === null) await reno.locator(':scope > summary').click();
    await expect(reno.locator('.renovation-status .renovation-stage')).toHaveText(
      'Stage: over (rolled back)',
    );
    expect(await overflowIn(page, '.renovation-status', `rolled-back-${size.width}`)).toEqual([]);
    expect(await overflowIn(page, '.goal-list', `goals-${size.width}`)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test(`at ${size.width}x${size.height} the growth status fits in every word set`, async ({
    page,
    problems,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await openLevel(page, 'follows-travelers', 'The decree follows its travelers');
    await page.evaluate(() => window.__nozama?.store.getState().showMe());
    await page.evaluate(() => {
      const store = window.__nozama?.store;
      for (let i = 0; i < 200 && !store?.getState().level?.done; i++) store?.getState().advance(10);
    });
    await expect.poll(() => page.evaluate(() => window.__nozama?.store.getState().level?.done)).toBe(true);
    await closeDialog(page);
    const growth = page.locator('details[data-section="growth"]');
    if ((await growth.getAttribute('open')) === null) await growth.locator(':scope > summary').click();
    await expect(growth.locator('.growth-status').first()).toBeVisible();
    expect(await overflowIn(page, '.growth-status', `growth-${size.width}`)).toEqual([]);
    expect(problems).toEqual([]);
  });
}
