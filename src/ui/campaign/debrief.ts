/**
 * The debrief: a dialog that opens when every goal of the level is met. The stars with the numbers
 * behind them (gold spent, failed requests, seconds a decree was short), the story mapped to AWS, the
 * real CLI lines with copy buttons, then "Next level" and "Map". After "Show me" it says the level
 * was watched, not played, and offers to play it.
 */

import { cliLines } from '../../cli/index.ts';
import { T } from '../../i18n/messages.ts';
import { resolveTextAfter } from '../../levels/refs.ts';
import type { Level } from '../../levels/types.ts';
import type { Stars } from '../../model/index.ts';
import type { GameStore, LevelState } from '../../store/create-game-store.ts';
import { button, copyButton, h, setCli, setText, uid } from '../dom.ts';
import { mark, starRow } from './stars.ts';

export interface DebriefOptions {
  /** The level after this one, if any. */
  nextOf(level: Level): Level | null;
  onNext(level: Level): void;
  onMap(): void;
  /** A section shown under the CLI lines (the progress code for the teacher). */
  section?: HTMLElement;
}

function starLine(met: boolean, name: string, numbers: string) {
  return h(
    'li',
    { class: `star-line ${met ? 'star-line-on' : 'star-line-off'}` },
    mark(met, T.t('debrief.earned'), T.t('debrief.missed')),
    h('span', { class: 'star-icon', 'aria-hidden': 'true' }, met ? '★' : '☆'),
    h('strong', {}, name),
    h('span', { class: 'star-numbers' }, numbers),
  );
}

export interface Debrief {
  dialog: HTMLDialogElement;
  open(level: LevelState): void;
  destroy(): void;
}

export function createDebrief(store: GameStore, options: DebriefOptions): Debrief {
  const titleId = uid('debrief-title');
  const title = h('h2', { id: titleId, class: 'debrief-title' });
  const body = h('div', { class: 'debrief-body' });
  const copyStatus = h('p', { class: 'copy-status', role: 'status' });
  const next = button(T.t('debrief.next'), { class: 'button button-primary debrief-next' });
  const replay = button(T.t('debrief.replay'), { class: 'button debrief-replay' });
  const map = button(T.t('debrief.map'), { class: 'button' });
  const stay = button(T.t('debrief.stay'), { class: 'button button-quiet' });
  const dialog = h(
    'dialog',
    { class: 'debrief-dialog', 'aria-labelledby': titleId, 'data-role': 'debrief' },
    title,
    body,
    copyStatus,
    h('div', { class: 'debrief-actions' }, next, replay, map, stay),
  );
  let nextLevel: Level | null = null;

  const open = (level: LevelState) => {
    const stars: Stars | null = level.stars;
    const def = level.def;
    const rules = def.stars;
    nextLevel = options.nextOf(def);
    setText(title, T.t(level.assisted ? 'debrief.watched' : 'debrief.complete', { title: def.title }));
    const starsBlock = stars
      ? h(
          'section',
          { class: 'debrief-stars', 'aria-label': T.t('debrief.stars') },
          level.assisted
            ? h('p', { class: 'hint' }, T.t('debrief.watchedNoStars'))
            : starRow(stars.count, 'stars-large'),
          h(
            'ul',
            { class: 'star-lines' },
            starLine(stars.complete, T.t('debrief.completion'), T.t('debrief.completionNumbers')),
            starLine(
              stars.thrift,
              T.t('debrief.thrift'),
              T.t('debrief.thriftNumbers', { gold: stars.gold, most: rules.thriftGold }),
            ),
            starLine(
              stars.safety,
              T.t('debrief.safety'),
              T.t('debrief.safetyNumbers', {
                failed: stars.failedRequests,
                mostFailed: rules.safetyFailedRequests,
                count: stars.secondsBelowDesired,
                mostSeconds: rules.safetySecondsBelowDesired,
              }),
            ),
          ),
          h('p', { class: 'hint star-words' }, T.t('debrief.starWords')),
        )
      : null;
    // The player's own calls since the level began, as the CLI would send them: the debrief names
    // the portal, the names and the sizes the player chose (level 1 played through 1a says 1a). The
    // level's reference lines (their @refs resolved to this world's real ids) stand in when the
    // player made none; sim: calls are the world outside AWS, not CLI commands.
    const { sim, log, setupCount } = store.getState();
    const own = log
      .slice(setupCount)
      .map((e) => e.call)
      .filter((c) => !c.action.startsWith('sim:'));
    const lines = own.length
      ? own.map((c) => cliLines(c))
      : def.debrief.cli.map((line) => resolveTextAfter(line, sim));
    const cli = h(
      'ol',
      { class: 'debrief-cli' },
      ...lines.map((line, i) => {
        const pre = h('pre', { class: 'cli', tabindex: 0 });
        setCli(pre, line);
        return h(
          'li',
          { class: 'debrief-cli-line' },
          pre,
          copyButton(line, T.t('debrief.copyLine', { number: i + 1 }), copyStatus),
        );
      }),
    );
    body.replaceChildren(
      ...[
        starsBlock,
        h('h3', {}, T.t('debrief.inAws')),
        ...def.debrief.text.map((p) => h('p', {}, resolveTextAfter(p, sim))),
        lines.length ? h('h3', {}, T.t('debrief.withCli')) : null,
        lines.length ? cli : null,
        options.section ?? null,
      ].filter((x): x is HTMLElement => x !== null),
    );
    setText(copyStatus, '');
    next.hidden = nextLevel === null || level.assisted;
    replay.hidden = !level.assisted;
    if (!dialog.open) dialog.showModal();
    // The focus goes to the way on, but the dialog opens at its top: the stars and the story first.
    (next.hidden ? (replay.hidden ? map : replay) : next).focus({ preventScroll: true });
    dialog.scrollTop = 0;
  };

  next.addEventListener('click', () => {
    dialog.close();
    if (nextLevel) options.onNext(nextLevel);
  });
  replay.addEventListener('click', () => {
    dialog.close();
    store.getState().reset();
  });
  map.addEventListener('click', () => {
    dialog.close();
    options.onMap();
  });
  stay.addEventListener('click', () => dialog.close());

  // Open when the level just became done (not when a done level is merely re-rendered).
  const off = store.subscribe(
    (s) => (s.level?.done ? `${s.level.id}@${s.level.startedAt}` : null),
    (key) => {
      const level = store.getState().level;
      if (key && level) open(level);
    },
  );
  return {
    dialog,
    open,
    destroy() {
      off();
      dialog.remove();
    },
  };
}
