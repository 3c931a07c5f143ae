/**
 * The Class page's form: a teacher picks campaign levels or a sandbox world, a seed, and an optional
 * storm schedule, and gets a class code and a link that opens the game on it. Every change re-makes
 * the code at once; a plan that cannot be a code lists what is wrong instead (nothing is sent
 * anywhere: the code is the whole plan).
 */
import { type ClassPlan, encodeClassCode, planProblems, type Storm } from '../../classroom/index.ts';
import type { Chapter, Level } from '../../levels/index.ts';
import { button, copyButton, field, h, numberInput, setText, uid } from '../dom.ts';
import { parseElapsed } from '../format.ts';
import { stormWords } from './storm-words.ts';

export interface ClassFormOptions {
  levels: readonly Level[];
  chapters: readonly Chapter[];
  /** The game's address; the link adds `?class=<code>`. */
  gameUrl: URL;
  /** The seed a new sandbox class starts with (the page picks one at random). */
  initialSeed: number;
}

const ZONES = ['a', 'b', 'c'];

interface StormRow {
  root: HTMLElement;
  read(): Storm | string;
}

function stormRow(index: number, onChange: () => void, onRemove: (row: StormRow) => void): StormRow {
  const at = h('input', { type: 'text', value: '3:00', inputmode: 'numeric', size: 8, class: 'storm-at' });
  const kind = h(
    'select',
    { class: 'storm-kind' },
    h('option', { value: 'zoneDown' }, 'a portal collapses (zone outage)'),
    h('option', { value: 'zoneUp' }, 'a portal opens again (zone recovers)'),
    h('option', { value: 'failingEdition' }, 'an edition starts failing (error rate)'),
  );
  const zone = h(
    'select',
    { class: 'storm-zone' },
    ...ZONES.map((z) => h('option', { value: z }, `portal 1${z}`)),
  );
  const family = h('input', { type: 'text', value: 'mill', size: 10, class: 'storm-family' });
  const revision = numberInput({ value: 2, min: 1, max: 9999, class: 'storm-revision' });
  const percent = numberInput({ value: 30, min: 1, max: 100, class: 'storm-percent' });
  const zoneField = field('Portal', zone);
  const editionFields = h(
    'div',
    { class: 'storm-edition' },
    field('Plan (family)', family).root,
    field('Edition', revision).root,
    field('Failing %', percent).root,
  );
  const remove = button('Remove', { class: 'button button-small' });
  const root = h(
    'li',
    { class: 'storm-row', 'data-role': 'storm' },
    h('span', { class: 'storm-number' }, `Storm ${index}`),
    field('At (simulated m:ss)', at).root,
    field('What happens', kind).root,
    zoneField.root,
    editionFields,
    remove,
  );
  const sync = () => {
    const edition = kind.value === 'failingEdition';
    zoneField.root.hidden = edition;
    editionFields.hidden = !edition;
  };
  const row: StormRow = {
    root,
    read() {
      const seconds = parseElapsed(at.value);
      if (seconds === null) return `"${at.value}" is not a time: write minutes and seconds, like 3:00.`;
      if (kind.value === 'failingEdition')
        return {
          at: seconds,
          kind: 'failingEdition',
          family: family.value.trim(),
          revision: Number(revision.value),
          errorPercent: Number(percent.value),
        };
      return { at: seconds, kind: kind.value === 'zoneUp' ? 'zoneUp' : 'zoneDown', zone: zone.value };
    },
  };
  root.addEventListener('input', () => {
    sync();
    onChange();
  });
  root.addEventListener('change', () => {
    sync();
    onChange();
  });
  remove.addEventListener('click', () => onRemove(row));
  sync();
  return row;
}

export function bindClassForm(root: HTMLElement, options: ClassFormOptions): () => void {
  const worldName = uid('world');
  const radio = (value: string, label: string, checked: boolean) =>
    h(
      'label',
      { class: 'choice' },
      h('input', { type: 'radio', name: worldName, value, checked, 'data-role': `world-${value}` }),
      ` ${label}`,
    );
  const worldSet = h(
    'fieldset',
    { class: 'class-section' },
    h('legend', {}, '1. The world'),
    radio('levels', 'Campaign levels', true),
    radio('sandbox', 'A sandbox world (free play, every panel open)', false),
  );
  const levelBoxes = options.levels.map((l) =>
    h('input', { type: 'checkbox', value: l.id, 'data-level': l.id, checked: l.number === 1 }),
  );
  const levelSet = h(
    'fieldset',
    { class: 'class-section class-levels' },
    h('legend', {}, '2. Levels the class plays'),
    ...options.chapters.map((ch) =>
      h(
        'div',
        { class: 'class-chapter' },
        h('p', { class: 'class-chapter-title' }, `Chapter ${ch.number}: ${ch.title}`),
        ...options.levels
          .filter((l) => l.chapter === ch.number)
          .map((l) =>
            h(
              'label',
              { class: 'choice' },
              levelBoxes[options.levels.indexOf(l)],
              ` ${l.number}. ${l.title} `,
              h('span', { class: 'hint' }, `(${l.concept})`),
            ),
          ),
      ),
    ),
  );
  const seed = numberInput({ value: 0, min: 0, max: 4294967295, 'data-role': 'seed' });
  const seedField = field('Seed', seed);
  const seedSet = h('fieldset', { class: 'class-section' }, h('legend', {}, '3. The seed'), seedField.root);

  const stormList = h('ol', { class: 'storm-list' });
  const addStorm = button('Add a storm', { class: 'button', 'data-role': 'add-storm' });
  const stormSet = h(
    'fieldset',
    { class: 'class-section' },
    h('legend', {}, '4. Storms (optional)'),
    h(
      'p',
      { class: 'hint' },
      'Things the world does on its own at a simulated time on the game clock, the same moment in every student’s world. A failing edition must exist by then (students draft it), or the storm passes harmlessly for everyone.',
    ),
    stormList,
    addStorm,
  );

  const codeOut = h('output', { class: 'class-code', 'data-role': 'class-code' });
  const linkOut = h('a', { class: 'class-link', 'data-role': 'class-link', href: '#' });
  const summary = h('ul', { class: 'class-summary', 'data-role': 'class-summary' });
  const problems = h('ul', { class: 'class-problems', 'data-role': 'class-problems', role: 'alert' });
  const copyStatus = h('p', { class: 'copy-status', role: 'status' });
  let code = '';
  const result = h(
    'section',
    { class: 'class-section class-result', 'aria-label': 'The class code' },
    h('h2', {}, 'The class code'),
    h(
      'p',
      {},
      codeOut,
      ' ',
      copyButton(() => code, 'Copy the class code', copyStatus),
    ),
    h(
      'p',
      {},
      'Link: ',
      linkOut,
      ' ',
      copyButton(() => linkOut.href, 'Copy the link', copyStatus),
    ),
    copyStatus,
    summary,
    problems,
    h(
      'p',
      { class: 'hint' },
      'Students type the code in the game (Campaign, then “Join a class”) or open the link. Everyone starts the identical world and meets the storms at the same simulated time. No server is involved: the code is the whole plan.',
    ),
  );

  let rows: StormRow[] = [];
  const renumber = () => {
    rows.forEach((r, i) => {
      setText(r.root.querySelector('.storm-number') as HTMLElement, `Storm ${i + 1}`);
    });
  };
  const render = () => {
    const sandbox =
      root.querySelector<HTMLInputElement>(`input[name="${worldName}"]:checked`)?.value === 'sandbox';
    levelSet.hidden = sandbox;
    seedField.hint.hidden = false;
    setText(
      seedField.hint,
      sandbox
        ? 'The same seed and the same calls give the same world.'
        : '0 keeps each level’s own seed (recommended); another number changes the worlds the levels start from.',
    );
    const storms = rows.map((r) => r.read());
    const bad = storms.filter((s): s is string => typeof s === 'string');
    const plan: ClassPlan = {
      seed: Number(seed.value.trim() === '' ? Number.NaN : seed.value),
      world: sandbox
        ? { kind: 'sandbox' }
        : { kind: 'levels', levels: levelBoxes.filter((b) => b.checked).map((b) => b.value) },
      storms: storms.filter((s): s is Storm => typeof s !== 'string'),
    };
    const all = [...bad, ...planProblems(plan)];
    problems.replaceChildren(...all.map((p) => h('li', {}, p)));
    if (all.length > 0) {
      code = '';
      setText(codeOut, '—');
      linkOut.removeAttribute('href');
      setText(linkOut, 'fix the plan first');
      summary.replaceChildren();
      return;
    }
    code = encodeClassCode(plan);
    setText(codeOut, code);
    const url = new URL(options.gameUrl);
    url.searchParams.set('class', code);
    linkOut.href = url.toString();
    setText(linkOut, url.toString());
    const titles = options.levels.filter(
      (l) => plan.world.kind === 'levels' && plan.world.levels.includes(l.id),
    );
    summary.replaceChildren(
      h(
        'li',
        {},
        sandbox
          ? `A sandbox world, seed ${plan.seed}`
          : `Levels: ${titles.map((l) => `${l.number}. ${l.title}`).join(', ')}`,
      ),
      ...[...plan.storms]
        .sort((a, b) => a.at - b.at)
        .map((s) => {
          const w = stormWords(s);
          return h('li', {}, `${w.nozama} (${w.aws})`);
        }),
    );
  };
  const onAdd = () => {
    const row = stormRow(rows.length + 1, render, (r) => {
      rows = rows.filter((x) => x !== r);
      r.root.remove();
      renumber();
      render();
    });
    rows.push(row);
    stormList.append(row.root);
    render();
    row.root.querySelector<HTMLInputElement>('.storm-at')?.focus();
  };
  addStorm.addEventListener('click', onAdd);
  // A sandbox needs a seed of its own; levels keep theirs (0) unless the teacher chose another.
  worldSet.addEventListener('change', (e) => {
    const value = (e.target as HTMLInputElement).value;
    if (value === 'sandbox' && seed.value === '0') seed.value = String(options.initialSeed);
    if (value === 'levels' && seed.value === String(options.initialSeed)) seed.value = '0';
  });
  const form = h(
    'form',
    { class: 'class-form', 'data-role': 'class-form' },
    worldSet,
    levelSet,
    seedSet,
    stormSet,
  );
  form.addEventListener('input', render);
  form.addEventListener('change', render);
  form.addEventListener('submit', (e) => e.preventDefault());
  root.replaceChildren(form, result);
  render();
  return () => root.replaceChildren();
}
