/**
 * Printables for a classroom: a level's handout (its brief, its goals in story and AWS words, and the
 * debrief with the AWS CLI lines, their ids those of the level's reference run) and a one-page cheat
 * sheet (Nozama word -> AWS term -> what it is, from the lexicon's plain-words glossary). On screen a
 * picker and a Print button; printing shows the sheet only (printables.css).
 */
import { glossaryFor, LEXICON } from '../../i18n/lexicon.ts';
import { type Level, resolveTextAfter } from '../../levels/index.ts';
import { runLevel } from '../../session/index.ts';
import { button, h, setCli, uid } from '../dom.ts';

export interface PrintablesOptions {
  levels: readonly Level[];
  /** What to show first: a level id, or 'sheet' for the cheat sheet. */
  initial: string;
  /** Called with the choice, so the address can follow it (a bookmark reprints the same page). */
  onChoice?(choice: string): void;
}

export function handout(level: Level): HTMLElement {
  const sim = runLevel(level).session.sim;
  return h(
    'article',
    { class: 'sheet handout', 'data-role': 'handout', 'data-level': level.id },
    h('p', { class: 'sheet-kicker' }, `Nozama · Chapter ${level.chapter} · Level ${level.number}`),
    h('h2', {}, level.title),
    h('p', { class: 'sheet-concept' }, level.concept),
    h('h3', {}, 'The brief'),
    ...level.brief.map((p) => h('p', {}, p)),
    h('h3', {}, 'Goals'),
    h(
      'ol',
      { class: 'sheet-goals' },
      ...level.goals.map((g) =>
        h('li', {}, h('span', {}, g.text), h('span', { class: 'sheet-aws' }, ` — ${g.aws}`)),
      ),
    ),
    h('h3', {}, 'Debrief: what it was, in AWS'),
    ...level.debrief.text.map((p) => h('p', {}, resolveTextAfter(p, sim))),
    h('h3', {}, 'The same with the AWS CLI'),
    ...level.debrief.cli.map((line) => {
      const pre = h('pre', { class: 'sheet-cli' });
      setCli(pre, resolveTextAfter(line, sim));
      return pre;
    }),
    h('p', { class: 'sheet-foot' }, 'Ids are those of the level’s reference run; yours will differ.'),
  );
}

export function cheatSheet(): HTMLElement {
  const lines = glossaryFor(
    '',
    LEXICON.map((e) => e.key),
  );
  return h(
    'article',
    { class: 'sheet cheat-sheet', 'data-role': 'cheat-sheet' },
    h('p', { class: 'sheet-kicker' }, 'Nozama · cheat sheet'),
    h('h2', {}, 'Nozama’s words and what they are in AWS'),
    h(
      'table',
      { class: 'sheet-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Nozama'),
          h('th', { scope: 'col' }, 'AWS'),
          h('th', { scope: 'col' }, 'What it is'),
        ),
      ),
      h(
        'tbody',
        {},
        ...lines.map((l) =>
          h('tr', {}, h('th', { scope: 'row' }, l.nozama), h('td', {}, l.aws), h('td', {}, l.plain)),
        ),
      ),
    ),
  );
}

export function bindPrintables(root: HTMLElement, options: PrintablesOptions): () => void {
  const select = h(
    'select',
    { id: uid('printable'), 'data-role': 'printable-choice' },
    h('option', { value: 'sheet' }, 'Cheat sheet (one page)'),
    ...options.levels.map((l) => h('option', { value: l.id }, `Handout: level ${l.number}, ${l.title}`)),
  );
  const print = button('Print', { class: 'button button-primary' });
  const slot = h('div', { class: 'sheet-slot' });
  const render = () => {
    const level = options.levels.find((l) => l.id === select.value);
    slot.replaceChildren(level ? handout(level) : cheatSheet());
  };
  select.value = options.levels.some((l) => l.id === options.initial) ? options.initial : 'sheet';
  select.addEventListener('change', () => {
    render();
    options.onChoice?.(select.value);
  });
  print.addEventListener('click', () => window.print());
  root.replaceChildren(
    h('p', { class: 'no-print' }, h('label', { for: select.id }, 'Print '), select, ' ', print),
    slot,
  );
  render();
  return () => root.replaceChildren();
}
