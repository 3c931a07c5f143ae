/**
 * The class board's view: a text area for progress codes (one a line), a table of students x levels
 * with stars whose column headings sort it (aria-sort says how), the lines that were not codes with
 * their reasons, and a CSV download made in the page (a Blob: nothing leaves the machine).
 */
import {
  type Board,
  boardCsv,
  readBoard,
  type SortDirection,
  type SortKey,
  sortRows,
} from '../../classroom/index.ts';
import type { Level } from '../../levels/index.ts';
import { button, h, setText, uid } from '../dom.ts';

export interface BoardViewOptions {
  levels: readonly Level[];
}

const sameKey = (a: SortKey, b: SortKey) =>
  typeof a === 'object' && typeof b === 'object' ? a.level === b.level : a === b;

export function bindBoardView(root: HTMLElement, options: BoardViewOptions): () => void {
  const title = (id: string) => {
    const l = options.levels.find((x) => x.id === id);
    return l ? `${l.number}. ${l.title}` : id;
  };
  const input = h('textarea', {
    id: uid('codes'),
    class: 'board-input',
    rows: 8,
    spellcheck: 'false',
    'data-role': 'board-input',
  });
  const show = button('Show the board', { class: 'button button-primary', 'data-role': 'board-show' });
  const csv = h(
    'a',
    { class: 'button', 'data-role': 'board-csv', download: 'nozama-class-board.csv' },
    'Download CSV',
  );
  csv.hidden = true;
  const status = h('p', { role: 'status', 'data-role': 'board-status' });
  const table = h('table', { class: 'board-table', 'data-role': 'board-table' });
  const bad = h('ul', { class: 'board-bad', 'data-role': 'board-bad' });
  const badHeading = h('h2', {}, 'Lines that are not progress codes');
  badHeading.hidden = true;
  root.replaceChildren(
    h('label', { for: input.id }, 'Progress codes, one a line'),
    input,
    h('p', { class: 'row-buttons' }, show, ' ', csv),
    status,
    h('div', { class: 'board-scroll' }, table),
    badHeading,
    bad,
  );

  let board: Board = { rows: [], bad: [], levels: [] };
  let sort: { key: SortKey; direction: SortDirection } = { key: 'name', direction: 'ascending' };
  let csvUrl: string | null = null;

  const header = (label: string, key: SortKey) => {
    const on = sameKey(sort.key, key);
    const b = h(
      'button',
      { type: 'button', 'data-sort': typeof key === 'object' ? key.level : key },
      label,
      on ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : '',
    );
    b.addEventListener('click', () => {
      sort = {
        key,
        direction:
          on && sort.direction === 'ascending'
            ? 'descending'
            : on
              ? 'ascending'
              : key === 'name'
                ? 'ascending'
                : 'descending',
      };
      render();
    });
    return h('th', { scope: 'col', 'aria-sort': on ? sort.direction : 'none' }, b);
  };

  const render = () => {
    const rows = sortRows(board.rows, sort.key, sort.direction);
    table.replaceChildren(
      h('caption', { class: 'visually-hidden' }, 'Students and the stars of each level they finished'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          header('Student', 'name'),
          ...board.levels.map((id) => header(title(id), { level: id })),
          header('Levels done', 'done'),
          header('Stars', 'totalStars'),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, r.name),
            ...board.levels.map((id) => {
              const n = r.stars[id];
              return n === undefined
                ? h('td', { 'aria-label': 'not finished' }, '—')
                : h(
                    'td',
                    { class: 'stars-cell', 'aria-label': `${n} of 3 stars`, 'data-stars': n },
                    '★'.repeat(n) + '☆'.repeat(3 - n),
                  );
            }),
            h('td', {}, String(r.done)),
            h('td', {}, String(r.totalStars)),
          ),
        ),
      ),
    );
    table.hidden = rows.length === 0;
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    csvUrl = rows.length
      ? URL.createObjectURL(new Blob([boardCsv(board, rows, title)], { type: 'text/csv' }))
      : null;
    csv.hidden = csvUrl === null;
    if (csvUrl) csv.setAttribute('href', csvUrl);
  };

  const onShow = () => {
    board = readBoard(input.value);
    bad.replaceChildren(...board.bad.map((b) => h('li', {}, `Line ${b.line} (${b.text}): ${b.reason}`)));
    badHeading.hidden = board.bad.length === 0;
    setText(
      status,
      `${board.rows.length} student${board.rows.length === 1 ? '' : 's'}` +
        (board.bad.length
          ? `; ${board.bad.length} line${board.bad.length === 1 ? '' : 's'} not read (listed below).`
          : '.'),
    );
    render();
  };
  show.addEventListener('click', onShow);
  render();
  return () => {
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    root.replaceChildren();
  };
}
