/**
 * Classroom workshops in the browser: a teacher makes a class code on the Class page; two separate
 * browser contexts (two students' machines) join it, reach an identical world (a SHA-256 of the
 * simulation state) at the same simulated second, and the storm strikes both at 3:00; a mistyped
 * code is refused with a message. The class board turns pasted progress codes into the right table
 * and CSV, listing bad lines; a student copies a progress code from the debrief. Waits are on the page
 * or the store, never on sleeps.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { decodeProgressCode, encodeProgressCode } from '../../src/classroom/index.ts';
import { axeSerious, SCREENSHOTS, test, waitBridge, watchPage } from './helpers.ts';

/** The simulation's state hashed in the page (SHA-256 of its JSON), and the game clock. */
async function worldAt(page: Page): Promise<{ hash: string; clock: number; zoneDown: boolean }> {
  return page.evaluate(async () => {
    const { sim } = window.__nozama!.store.getState();
    const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(sim)));
    const hash = [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
    return { hash, clock: sim.now - sim.startedAt, zoneDown: sim.impairedZones['za-southwest-1b'] === true };
  });
}

/** Pauses the game's clock and moves the world to `second` on the game clock. */
async function advanceTo(page: Page, second: number): Promise<void> {
  await page.evaluate((t) => {
    const s = window.__nozama!.store.getState();
    s.setPaused(true);
    s.advance(t - (s.sim.now - s.sim.startedAt));
  }, second);
}

test('a class code: two students join, reach the identical world, and the storm strikes both', async ({
  page,
  browser,
  baseURL,
  problems,
}) => {
  test.setTimeout(120_000);
  await page.goto('/class.html');
  const form = page.locator('[data-role="class-form"]');
  await form.locator('input[data-level="arrival"]').uncheck();
  await form.locator('input[data-level="decree-of-six"]').check();
  await page.getByRole('button', { name: 'Add a storm' }).click();
  const storm = page.locator('[data-role="storm"]').first();
  await storm.getByLabel('At (simulated m:ss)').fill('3:00');
  await storm.getByLabel('What happens').selectOption('zoneDown');
  await storm.getByLabel('Portal').selectOption('b');
  const summary = page.locator('[data-role="class-summary"]');
  await expect(summary).toContainText('at 00:03:00, portal 1b collapses');
  const code = (await page.locator('[data-role="class-code"]').textContent()) ?? '';
  expect(code).toMatch(/^C1[0-9A-Z-]+$/);
  const link = await page.locator('[data-role="class-link"]').getAttribute('href');
  expect(link).toBe(`${baseURL}/index.html?class=${code}`);
  await page.screenshot({ path: `${SCREENSHOTS}/classroom-1-class-page.png`, fullPage: true });
  expect(await axeSerious(page)).toEqual([]);

  // A bad storm time is listed instead of a code.
  await storm.getByLabel('At (simulated m:ss)').fill('3 o clock');
  await expect(page.locator('[data-role="class-problems"]')).toContainText('"3 o clock" is not a time');
  await expect(page.locator('[data-role="class-code"]')).toHaveText('—');
  await storm.getByLabel('At (simulated m:ss)').fill('3:00');
  await expect(page.locator('[data-role="class-code"]')).toHaveText(code);

  // Two students on two machines: separate contexts share no storage.
  const students = await Promise.all([browser.newContext(), browser.newContext()]);
  const pages = await Promise.all(students.map((c) => c.newPage()));
  const studentProblems = pages.map((p) => watchPage(p, baseURL as string));
  for (const p of pages) {
    await p.goto('/?campaign=1');
    await waitBridge(p);
    const join = p.locator('form[aria-label="Join a class"]');
    // A typo is refused with a message and changes nothing.
    const plain = code.replaceAll('-', '');
    const typo = plain.slice(0, 6) + (plain[6] === 'X' ? 'Y' : 'X') + plain.slice(7);
    await join.getByLabel('Class code from your teacher').fill(typo);
    await join.getByRole('button', { name: 'Join' }).click();
    await expect(join.locator('[data-role="join-status"]')).toHaveText(
      'Not joined: This class code has a typo (its check character does not match): compare it again.',
    );
    await expect(p).toHaveURL(/campaign=1$/);
    await join.getByLabel('Class code from your teacher').fill(code.toLowerCase());
    await join.getByRole('button', { name: 'Join' }).click();
    await expect(p).toHaveURL(new RegExp(`class=${code}`));
    await waitBridge(p);
    await expect
      .poll(() => p.evaluate(() => window.__nozama?.store.getState().level?.id))
      .toBe('decree-of-six');
  }

  for (const p of pages) await advanceTo(p, 179);
  const before = await Promise.all(pages.map(worldAt));
  expect(before[0]).toEqual({ ...before[1], clock: 179, zoneDown: false });
  for (const p of pages) await advanceTo(p, 180);
  const after = await Promise.all(pages.map(worldAt));
  expect(after[0]).toEqual({ ...after[1], clock: 180, zoneDown: true });
  expect(after[0]?.hash).not.toBe(before[0]?.hash);
  const chronicle = pages[0]!.locator('[data-role="chronicle"]');
  await expect(chronicle).toContainText(/portal 1b/i);
  await pages[0]!.screenshot({ path: `${SCREENSHOTS}/classroom-2-storm.png` });
  for (const c of students) await c.close();
  expect(studentProblems.flat()).toEqual([]);
  expect(problems).toEqual([]);
});

test('the class board: pasted codes give the right table, bad lines with reasons, and a CSV', async ({
  page,
  problems,
}) => {
  const ada = encodeProgressCode({ name: 'Ada', stars: { arrival: 3, 'first-territory': 2 } });
  const bo = encodeProgressCode({ name: 'Bo', stars: { arrival: 1, 'first-territory': 3, 'first-plan': 2 } });
  const typo = ada.slice(0, 3) + (ada[3] === 'Z' ? 'Y' : 'Z') + ada.slice(4);
  await page.goto('/board.html');
  await page.getByLabel('Progress codes, one a line').fill([ada, '', typo, bo, 'my code'].join('\n'));
  await page.getByRole('button', { name: 'Show the board' }).click();
  await expect(page.locator('[data-role="board-status"]')).toHaveText(
    '2 students; 2 lines not read (listed below).',
  );
  const table = page.locator('[data-role="board-table"]');
  const cells = () =>
    table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent)));
  expect(await cells()).toEqual([
    ['Ada', '★★★', '★★☆', '—', '2', '5'],
    ['Bo', '★☆☆', '★★★', '★★☆', '3', '6'],
  ]);
  const bad = page.locator('[data-role="board-bad"] li');
  await expect(bad).toHaveCount(2);
  await expect(bad.nth(0)).toContainText('Line 3');
  await expect(bad.nth(0)).toContainText('has a typo');
  await expect(bad.nth(1)).toContainText('Line 5');
  // Sorting by stars: the most first, and aria-sort says so.
  await table.getByRole('button', { name: 'Stars' }).click();
  await expect(table.locator('th[aria-sort="descending"]')).toContainText('Stars');
  expect((await cells()).map((r) => r[0])).toEqual(['Bo', 'Ada']);
  await page.screenshot({ path: `${SCREENSHOTS}/classroom-3-board.png`, fullPage: true });
  expect(await axeSerious(page)).toEqual([]);

  const download = page.waitForEvent('download');
  await page.locator('[data-role="board-csv"]').click();
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8')).toBe(
    'Student,1. Arrival,2. The first territory,3. The first plan,Levels done,Stars\r\n' +
      'Bo,1,3,2,3,6\r\nAda,3,2,,2,5\r\n',
  );
  expect(problems).toEqual([]);
});

test('a student copies a progress code from the debrief', async ({ page, problems }) => {
  await page.goto('/?level=arrival');
  await waitBridge(page);
  await page.evaluate(() => {
    const s = window.__nozama!.store.getState();
    s.setPaused(true);
    for (const step of s.level!.def.solution) {
      const st = window.__nozama!.store.getState();
      if ('call' in step) st.dispatch(step.call);
      else st.advance(step.advance);
    }
  });
  const debrief = page.locator('[data-role="debrief"]');
  await expect(debrief).toBeVisible();
  const box = debrief.getByRole('region', { name: 'Progress code for your teacher' });
  await expect(box.locator('[data-role="progress-code"]')).toHaveText('type your name first');
  await box.getByLabel('Your name').fill('Zoë Smith');
  const code = (await box.locator('[data-role="progress-code"]').textContent()) ?? '';
  const stars = await page.evaluate(() => window.__nozama!.store.getState().progress.levels.arrival?.stars);
  expect(decodeProgressCode(code)).toEqual({
    ok: true,
    card: { name: 'Zoe Smith', stars: { arrival: stars } },
  });
  await expect(box).toContainText('does not stop anyone from making up a code');
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/classroom-4-debrief-code.png` });
  expect(problems).toEqual([]);
});

test('on a phone (390x844) the Class page, the board and joining a class fit the width', async ({
  page,
  problems,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  await page.goto('/class.html');
  await page.getByRole('button', { name: 'Add a storm' }).click();
  await expect(page.locator('[data-role="class-code"]')).toHaveText(/^C1/);
  expect(await fits()).toBe(true);
  await page.locator('[data-role="storm"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/classroom-5-phone-class.png` });
  await page.goto('/board.html');
  await page
    .getByLabel('Progress codes, one a line')
    .fill(
      [
        encodeProgressCode({ name: 'Ada', stars: { arrival: 3, 'first-territory': 2, 'first-plan': 1 } }),
        encodeProgressCode({ name: 'Bo', stars: { arrival: 1 } }),
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Show the board' }).click();
  await expect(page.locator('[data-role="board-table"] tbody tr')).toHaveCount(2);
  expect(await fits()).toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/classroom-6-phone-board.png` });
  await page.goto('/?campaign=1');
  await waitBridge(page);
  const join = page.locator('form[aria-label="Join a class"]');
  await join.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/classroom-7-phone-join.png` });
  expect(problems).toEqual([]);
});
