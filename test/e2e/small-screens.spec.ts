/**
 * A tablet (1024x768) and a phone held upright (390x844), both touched, never clicked: levels 1 to 3
 * (chapter one, Landfall, and the first plan that opens chapter two) played through the real panels
 * to each debrief, "Next level" leading on. After every action the page needs no scrolling (its
 * scroll size is the window's) and no labelled text is cut off (fit.ts, the checks of
 * layout.spec.ts). On the phone the panels are sheets opened from the bar at the foot, one at a time,
 * over a canvas that stays usable: a tap on a territory opens the Inspector's sheet on it; the top
 * bar's other tools are in its menu; the Chronicle opens as a sheet and closes. Screenshots are saved
 * for review (test-results/screenshots/small-*.png).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { levelById } from '../../src/levels/index.ts';
import { measureFit } from './fit.ts';
import { kingdomPoint, openLevel, SCREENSHOTS, snapshot, stepUntil, test, waitSettled } from './helpers.ts';

const SIZES = [
  { width: 1024, height: 768, narrow: false },
  { width: 390, height: 844, narrow: true },
] as const;

/** The page fits the screen: no scrolling either way, nothing cut off. */
async function fits(page: Page, where: string): Promise<void> {
  const f = await measureFit(page);
  expect(f.scrollHeight, `${where}: no vertical page scroll`).toBeLessThanOrEqual(f.innerHeight);
  expect(f.scrollWidth, `${where}: no sideways page scroll`).toBeLessThanOrEqual(f.innerWidth);
  expect(f.cut, `${where}: nothing cut off`).toEqual([]);
}

/** The panel's button: in the top bar on a tablet, in the sheet bar on a phone (one is shown). */
function panelButton(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

/** Shows the Build panel (on a phone, its sheet) and opens one of its sections. */
async function buildSection(page: Page, narrow: boolean, id: string): Promise<Locator> {
  const build = page.getByRole('complementary', { name: 'Build' });
  if (narrow && !(await build.isVisible())) await panelButton(page, 'Build').tap();
  await expect(build).toBeVisible();
  const section = page.locator(`details[data-section="${id}"]`);
  if ((await section.getAttribute('open')) === null) await section.locator(':scope > summary').tap();
  await expect(section).toHaveAttribute('open', '');
  return section;
}

/** Waits for the level's debrief, checks the fit and takes its picture; returns the dialog. */
async function debriefOf(page: Page, id: string, tag: string): Promise<Locator> {
  const l = levelById(id);
  if (!l) throw new Error(`no level ${id}`);
  await stepUntil(page, '(sim, level) => level.done', 120);
  const debrief = page.getByRole('dialog', { name: `Level complete: ${l.title}` });
  await expect(debrief).toBeVisible();
  await expect(debrief.getByRole('img', { name: /of 3 stars/ })).toBeVisible();
  await fits(page, `${tag} ${id} debrief`);
  await page.screenshot({ path: `${SCREENSHOTS}/small-${tag}-${l.number}-${id}-debrief.png` });
  expect(await page.evaluate(() => window.__nozama?.store.getState().level?.assisted)).toBe(false);
  return debrief;
}

/** "Next level" from a debrief, and the next level's panel is there. */
async function nextLevel(page: Page, debrief: Locator, id: string): Promise<void> {
  const l = levelById(id);
  if (!l) throw new Error(`no level ${id}`);
  await debrief.getByRole('button', { name: 'Next level' }).tap();
  await expect(debrief).toBeHidden();
  await expect.poll(() => page.evaluate(() => window.__nozama?.store.getState().level?.id)).toBe(id);
  await expect(
    page.locator('[data-role="level-panel"]').getByRole('heading', { name: l.title }),
  ).toBeVisible();
}

for (const size of SIZES) {
  const tag = `${size.width}x${size.height}`;
  test.describe(tag, () => {
    test.use({ viewport: { width: size.width, height: size.height }, hasTouch: true });

    test(`at ${tag}, touched, levels 1 to 3 play to their debriefs without page scroll or cut-off text`, async ({
      page,
      problems,
    }) => {
      test.setTimeout(180_000);
      const Z = (letter: string) => `za-southwest-1${letter}`;

      // Level 1: a territory beyond a portal. The level's panel shows first (its sheet on a phone).
      await openLevel(page, 'arrival', 'Arrival');
      await fits(page, `${tag} arrival`);
      await page.screenshot({ path: `${SCREENSHOTS}/small-${tag}-1-arrival-brief.png` });
      let territory = await buildSection(page, size.narrow, 'territory');
      if (size.narrow) {
        // One sheet at a time: the level's sheet closed when the Build sheet opened.
        await expect(page.locator('[data-role="level-sheet"]')).toBeHidden();
        await expect(panelButton(page, 'Build')).toHaveAttribute('aria-expanded', 'true');
        await expect(panelButton(page, 'Level')).toHaveAttribute('aria-expanded', 'false');
      }
      await fits(page, `${tag} arrival build`);
      await page.screenshot({ path: `${SCREENSHOTS}/small-${tag}-1-arrival-build.png` });
      await territory.getByRole('button', { name: 'Erect the territory' }).tap();
      let debrief = await debriefOf(page, 'arrival', tag);
      await nextLevel(page, debrief, 'first-territory');

      // Level 2: a royal territory joins, a bare one never does.
      await fits(page, `${tag} first-territory`);
      territory = await buildSection(page, size.narrow, 'territory');
      await territory.getByLabel('Portal', { exact: true }).selectOption(Z('a'));
      await territory.getByRole('button', { name: 'Erect the territory' }).tap();
      await expect(territory.locator('.call-result .outcome-ok')).toContainText('1a');
      await territory.getByLabel('Portal', { exact: true }).selectOption(Z('b'));
      const charter = territory.getByLabel('Land charter');
      const bare = await charter.locator('option', { hasText: /^bare charter/ }).getAttribute('value');
      await charter.selectOption(bare as string);
      await territory.getByRole('button', { name: 'Erect the territory' }).tap();
      await expect(territory.locator('.call-result .outcome-ok')).toContainText('1b');
      await fits(page, `${tag} first-territory built`);
      await page.screenshot({ path: `${SCREENSHOTS}/small-${tag}-2-territories-build.png` });
      if (size.narrow) await panelButton(page, 'Build').tap();
      await expect
        .poll(async () => (await snapshot(page)).territories.length, { message: 'both territories drawn' })
        .toBe(2);
      await waitSettled(page);

      // A tap on the bare territory's plot selects it; the Inspector shows it (its sheet on a phone).
      const bareTerritory = (await snapshot(page)).territories.find((t) => t.name.startsWith('1b'));
      expect(bareTerritory).toBeTruthy();
      const b = (bareTerritory as { bounds: { x: number; y: number; w: number; h: number } }).bounds;
      const plot = await kingdomPoint(page, b.x + b.w / 2, b.y + b.h * 0.85);
      await page.touchscreen.tap(plot.x, plot.y);
      const inspector = page.getByRole('complementary', { name: 'Inspector' });
      await expect(inspector.locator('.selected-title')).toContainText('1b-1');
      await expect(inspector.locator('.selected-title')).toBeInViewport();
      await fits(page, `${tag} inspector`);
      await page.screenshot({ path: `${SCREENSHOTS}/small-${tag}-2-inspector.png` });
      if (size.narrow) {
        await expect(panelButton(page, 'Inspector')).toHaveAttribute('aria-expanded', 'true');
        // The Chronicle opens as a sheet with its lines in time order, and closes.
        await panelButton(page, 'Chronicle').tap();
        const chronicle = page.getByRole('region', { name: 'Chronicle' });
        await expect(chronicle.getByRole('button', { name: 'Undo' })).toBeVisible();
        await expect(inspector).toBeHidden();
        const times = await chronicle.locator('.chronicle-line time').allTextContents();
        expect(times.length).toBeGreaterThan(2);
        expect([...times].sort()).toEqual(times);
        await fits(page, `${tag} chronicle`);
        await page.screenshot({ path: `${SCREENSHOTS}/small-${tag}-2-chronicle.png` });
        await panelButton(page, 'Chronicle').tap();
        await expect(chronicle.getByRole('button', { name: 'Undo' })).toBeHidden();
        // The top bar's menu holds the other tools.
        const menu = page.getByRole('button', { name: 'Menu' });
        await menu.tap();
        await expect(page.getByRole('button', { name: 'Glossary' })).toBeVisible();
        await expect(page.getByRole('radio', { name: 'AWS' })).toBeVisible();
        await fits(page, `${tag} menu`);
        await page.screenshot({ path: `${SCREENSHOTS}/small-${tag}-2-menu.png` });
        await menu.tap();
        await expect(page.getByRole('button', { name: 'Glossary' })).toBeHidden();
      }
      debrief = await debriefOf(page, 'first-territory', tag);
      await nextLevel(page, debrief, 'first-plan');

      // Level 3: a plan of three buildings that fits on a homestead.
      const plan = await buildSection(page, size.narrow, 'plan');
      await plan.getByLabel('Plan name').fill('blog');
      const buildings: [string, string, string, string, boolean][] = [
        ['web', 'nginx:1.27', '256', '256', true],
        ['app', 'ghost:5', '512', '1024', true],
        ['cache', 'redis:7', '256', '512', false],
      ];
      for (const [i, [name, image, cpu, memory, essential]] of buildings.entries()) {
        const n = i + 1;
        if (n > 1) await plan.getByRole('button', { name: 'Add a building' }).tap();
        await plan.getByLabel(`Building ${n} name`).fill(name);
        await plan.getByLabel(`Building ${n} design (image)`).fill(image);
        await plan.getByLabel(`Building ${n} CPU units`).fill(cpu);
        await plan.getByLabel(`Building ${n} memory (MiB)`).fill(memory);
        await plan.getByLabel(`Building ${n} essential`).setChecked(essential);
      }
      await fits(page, `${tag} first-plan form`);
      await page.screenshot({ path: `${SCREENSHOTS}/small-${tag}-3-plan-form.png` });
      await plan.getByRole('button', { name: 'Draft the plan' }).tap();
      await expect(plan.getByRole('status')).toContainText('Plan blog, edition 1 drafted, with 3 buildings.');
      await debriefOf(page, 'first-plan', tag);
      expect(problems).toEqual([]);
    });
  });
}
