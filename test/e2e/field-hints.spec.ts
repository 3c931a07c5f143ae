/**
 * Every field of every Build section has a one-line hint in plain words that ends with its AWS
 * parameter name (dom.ts `field`, src/ui/field-hints.ts): in free play with a kingdom, a gate, a
 * decree, travelers and a watchtower laid by the blueprints (so the forms show their fields), each
 * section is opened and each visible field's hint is read. A field with no sentence fails, named.
 */
import { expect, type Page } from '@playwright/test';
import { frames, layEveryBlueprint, openGame, test } from './helpers.ts';

interface Missing {
  section: string;
  label: string;
  why: string;
}

async function fieldsWithoutHint(page: Page): Promise<{ checked: number; missing: Missing[] }> {
  await frames(page, 2);
  return page.evaluate(() => {
    const missing: { section: string; label: string; why: string }[] = [];
    let checked = 0;
    for (const f of document.querySelectorAll<HTMLElement>('[data-role="build-panel"] .field')) {
      // A field is a label, its control and its hint (a bare slider beside two weights is not one).
      if (!f.checkVisibility() || !f.querySelector(':scope > label')) continue;
      checked++;
      const section = f.closest('[data-section]')?.getAttribute('data-section') ?? '?';
      const aws = f.querySelector(':scope > label [data-aws]')?.getAttribute('data-aws');
      const label = `${(f.querySelector('label')?.textContent ?? '').trim()} [${aws ?? '?'}]`;
      const hint = f.querySelector<HTMLElement>(':scope > .hint');
      const text = (hint?.querySelector('.hint-text')?.textContent ?? '').trim();
      const named = (hint?.querySelector('.hint-aws')?.textContent ?? '').trim();
      if (!hint || hint.hidden) missing.push({ section, label, why: 'no hint line' });
      else if (text.length < 12) missing.push({ section, label, why: `no plain sentence ("${text}")` });
      else if (!named) missing.push({ section, label, why: 'no AWS parameter name' });
    }
    return { checked, missing };
  });
}

test('every Build field has a plain hint with its AWS parameter name', async ({ page, problems }) => {
  test.setTimeout(120_000);
  await openGame(page, '?sandbox=1');
  await layEveryBlueprint(page);
  const all: Missing[] = [];
  let checked = 0;
  const sections = page.locator('[data-role="build-panel"] details.build-section:not([hidden])');
  const n = await sections.count();
  for (let i = 0; i < n; i++) {
    const s = sections.nth(i);
    if ((await s.getAttribute('open')) === null) await s.locator(':scope > summary').click();
    // Some fields show only in one state of their form: look at each.
    const variants: (() => Promise<void>)[] = [async () => {}];
    const id = await s.getAttribute('data-section');
    if (id === 'decree')
      variants.push(async () => {
        await s.getByLabel('Decree', { exact: true }).selectOption({ index: 1 });
      });
    if (id === 'renovation')
      for (const kind of ['rolling', 'canary', 'linear', 'blueGreen'])
        variants.push(async () => {
          await s.getByLabel('Kind of renovation').selectOption(kind);
        });
    for (const v of variants) {
      await v();
      const r = await fieldsWithoutHint(page);
      checked += r.checked;
      all.push(...r.missing);
    }
  }
  const unique = [...new Map(all.map((m) => [`${m.section}|${m.label}`, m])).values()];
  expect(checked).toBeGreaterThan(60);
  expect(unique.map((m) => `${m.section}: ${m.label} (${m.why})`)).toEqual([]);
  expect(problems).toEqual([]);
});
