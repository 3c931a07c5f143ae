/**
 * Dropdowns never cut their choice short ("main d…", "test do…"): in free play with a gate, a decree,
 * travelers and a watchtower (laid by the blueprints), every Build section is opened at 1280x800 and
 * 1920x1080, and every option of every visible select must show whole when it is the one chosen
 * (styles.css lets the chosen option wrap inside the select where the browser allows it).
 */
import { expect, type Page } from '@playwright/test';
import { frames, layEveryBlueprint, openGame, SCREENSHOTS, test } from './helpers.ts';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/**
 * Every visible select's options that would not show whole when chosen. A styled select
 * (appearance: base-select) lays its chosen option out as text: each option is chosen in turn (the
 * value only, no event, put back before the page paints) and must show without overflow. A native
 * select draws its choice on one line and cuts it silently (its scrollWidth never tells): there each
 * option's text, measured in the select's font, must fit the room left of the arrow.
 */
async function cutOptions(page: Page): Promise<string[]> {
  await frames(page, 2);
  return page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    const cut: string[] = [];
    for (const sel of document.querySelectorAll<HTMLSelectElement>('.panel select')) {
      if (!sel.checkVisibility()) continue;
      const where = `${sel.closest('[data-section]')?.getAttribute('data-section') ?? sel.closest('[data-role]')?.getAttribute('data-role')} ${sel.name}`;
      const cs = getComputedStyle(sel);
      if (cs.appearance !== 'base-select') {
        ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const room =
          sel.clientWidth -
          Number.parseFloat(cs.paddingLeft) -
          Number.parseFloat(cs.paddingRight) -
          1.6 * Number.parseFloat(cs.fontSize);
        for (const o of sel.options) {
          const w = ctx.measureText(o.text).width;
          if (w > room + 0.5)
            cut.push(`${where}: "${o.text}" (${Math.round(w)} > ${Math.round(room)} px, native)`);
        }
        continue;
      }
      const chosen = sel.selectedIndex;
      for (let i = 0; i < sel.options.length; i++) {
        sel.selectedIndex = i;
        if (sel.scrollWidth > sel.clientWidth + 1 || sel.scrollHeight > sel.clientHeight + 1)
          cut.push(
            `${where}: "${sel.options[i]?.text}" (${sel.scrollWidth}x${sel.scrollHeight} in ${sel.clientWidth}x${sel.clientHeight})`,
          );
      }
      sel.selectedIndex = chosen;
    }
    return cut;
  });
}

for (const size of SIZES) {
  test(`at ${size.width}x${size.height} no dropdown option is cut short`, async ({ page, problems }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await openGame(page, '?sandbox=1');
    await layEveryBlueprint(page);
    const cut: string[] = [...(await cutOptions(page))];
    const sections = page.locator('[data-role="build-panel"] details.build-section:not([hidden])');
    const n = await sections.count();
    for (let i = 0; i < n; i++) {
      const s = sections.nth(i);
      if ((await s.getAttribute('open')) === null) await s.locator(':scope > summary').click();
      cut.push(...(await cutOptions(page)));
      const id = await s.getAttribute('data-section');
      if (id === 'territory')
        await s.screenshot({ path: `${SCREENSHOTS}/dropdowns-${id}-${size.width}.png` });
    }
    expect([...new Set(cut)]).toEqual([]);
    expect(problems).toEqual([]);
  });
}
