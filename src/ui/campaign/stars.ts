/**
 * Stars as shapes, never colour alone: a filled star for one earned, an outlined one for one missed,
 * and the count in words for screen readers ("2 of 3 stars").
 */
import { h } from '../dom.ts';

export function starRow(count: number, extraClass = ''): HTMLSpanElement {
  const n = Math.max(0, Math.min(3, Math.floor(count)));
  return h(
    'span',
    { class: `stars ${extraClass}`.trim(), role: 'img', 'aria-label': `${n} of 3 stars` },
    ...[0, 1, 2].map((i) =>
      h(
        'span',
        { class: i < n ? 'star star-on' : 'star star-off', 'aria-hidden': 'true' },
        i < n ? '★' : '☆',
      ),
    ),
  );
}

/** A tick or a cross with a word: a goal or a star met or not (shape and text, not colour). */
export function mark(met: boolean, metWord = 'Done', unmetWord = 'Not yet'): HTMLSpanElement {
  return h(
    'span',
    { class: met ? 'mark mark-on' : 'mark mark-off' },
    h('span', { class: 'mark-icon', 'aria-hidden': 'true' }, met ? '✔' : '○'),
    h('span', { class: 'visually-hidden' }, `${met ? metWord : unmetWord}: `),
  );
}
