/**
 * The class board: many progress codes pasted one a line become rows of students x levels with stars.
 * Blank lines are skipped; a line that is not a good code is listed with its reason and the good
 * lines are kept. A student who pasted twice (the same name, any case) gets one row with the best of
 * each level, as progress merges elsewhere in the game. Sorting and the CSV are pure too.
 */

import { LEVEL_KEYS } from './level-keys.ts';
import { decodeProgressCode } from './progress-code.ts';

export interface BoardRow {
  name: string;
  /** Finished levels and their stars, by level id. */
  stars: Record<string, number>;
  done: number;
  totalStars: number;
}

export interface BadLine {
  /** 1-based line number in the pasted text. */
  line: number;
  text: string;
  reason: string;
}

export interface Board {
  rows: BoardRow[];
  bad: BadLine[];
  /** Levels someone finished, in campaign key order: the table's columns. */
  levels: string[];
}

function row(name: string, stars: Record<string, number>): BoardRow {
  const values = Object.values(stars);
  return { name, stars, done: values.length, totalStars: values.reduce((a, b) => a + b, 0) };
}

export function readBoard(text: string): Board {
  const byName = new Map<string, BoardRow>();
  const bad: BadLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const r = decodeProgressCode(line);
    if (!r.ok) {
      bad.push({ line: i + 1, text: line, reason: r.message });
      return;
    }
    const key = r.card.name.toLowerCase();
    const old = byName.get(key);
    const stars = { ...(old?.stars ?? {}) };
    for (const [id, n] of Object.entries(r.card.stars)) stars[id] = Math.max(stars[id] ?? 0, n);
    byName.set(key, row(old?.name ?? r.card.name, stars));
  });
  const rows = [...byName.values()];
  const levels = LEVEL_KEYS.filter((id) => rows.some((r) => r.stars[id] !== undefined));
  return { rows: sortRows(rows, 'name', 'ascending'), bad, levels };
}

/** A column to sort by: the name, the counts, or a level's stars (unfinished below 0 stars). */
export type SortKey = 'name' | 'done' | 'totalStars' | { level: string };
export type SortDirection = 'ascending' | 'descending';

export function sortRows(rows: readonly BoardRow[], key: SortKey, direction: SortDirection): BoardRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const value = (r: BoardRow): number =>
    key === 'done'
      ? r.done
      : key === 'totalStars'
        ? r.totalStars
        : typeof key === 'object'
          ? (r.stars[key.level] ?? -1)
          : 0;
  const byName = (a: BoardRow, b: BoardRow) =>
    a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return [...rows].sort((a, b) =>
    key === 'name' ? sign * byName(a, b) : sign * (value(a) - value(b)) || byName(a, b),
  );
}

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * The board as CSV (RFC 4180, CRLF line ends): a header with the level titles, then a row per student
 * with each level's stars (empty when not finished), levels done and total stars.
 */
export function boardCsv(board: Board, rows: readonly BoardRow[], title: (id: string) => string): string {
  const head = ['Student', ...board.levels.map(title), 'Levels done', 'Stars'];
  const body = rows.map((r) => [
    r.name,
    ...board.levels.map((id) => (r.stars[id] === undefined ? '' : r.stars[id])),
    r.done,
    r.totalStars,
  ]);
  return [head, ...body].map((cells) => cells.map(field).join(',')).join('\r\n') + '\r\n';
}
