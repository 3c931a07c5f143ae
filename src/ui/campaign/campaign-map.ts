/**
 * The campaign map: a modal dialog listing the chapters and their levels (open, locked or done, with
 * their stars), free play (the sandbox: every panel, no goals), any notice about the saved progress,
 * and moving progress between machines as text (export, import). Levels are buttons: Tab and Enter
 * play the whole map; a locked level says why instead of opening.
 */
import { type MessageId, T } from '../../i18n/messages.ts';
import type { Chapter, Level } from '../../levels/types.ts';
import type { GameStore } from '../../store/create-game-store.ts';
import { type LevelStatus, levelStatus } from '../../store/progress.ts';
import { button, h, noticeLine, setText, svg, uid } from '../dom.ts';
import { progressNoticeView } from '../progress-notice.ts';
import { starRow } from './stars.ts';

export interface CampaignMapOptions {
  levels: readonly Level[];
  chapters: readonly Chapter[];
  /** The player picked a level (the map closes itself first). */
  onLevel(level: Level): void;
  onSandbox(): void;
  /** More sections shown above the progress transfer (joining a class, the progress code). */
  sections?: readonly HTMLElement[];
}

export interface CampaignMap {
  dialog: HTMLDialogElement;
  /** Opens the map; `messages` are shown under it (the address's problems: an unknown level, a bad seed). */
  open(messages?: readonly string[]): void;
  close(): void;
  destroy(): void;
}

const STATUS_WORD: Record<LevelStatus, MessageId> = {
  done: 'campaign.done',
  open: 'campaign.open',
  locked: 'campaign.locked',
};
const STATUS_ICON: Record<Exclude<LevelStatus, 'locked'>, string> = { done: '✔', open: '▶' };

/** A padlock drawn in SVG (the lock emoji is missing from many school machines' fonts). */
function lockIcon(): SVGSVGElement {
  return svg(
    'svg',
    { viewBox: '0 0 16 16', class: 'icon lock-icon', 'aria-hidden': 'true', focusable: 'false' },
    svg('path', {
      d: 'M4.5 7V5a3.5 3.5 0 0 1 7 0v2',
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': '2',
    }),
    svg('rect', { x: '2.5', y: '7', width: '11', height: '8', rx: '1.5', fill: 'currentColor' }),
  );
}

export function createCampaignMap(store: GameStore, options: CampaignMapOptions): CampaignMap {
  const titleId = uid('campaign-title');
  const close = button(T.t('campaign.close'), { class: 'button button-quiet campaign-close' });
  const notice = progressNoticeView(store, 'campaign-notice');
  // "Understood" empties the notice: focus moves on to the map's close button rather than the body.
  notice.root.addEventListener('click', (e) => {
    if (e.target instanceof HTMLButtonElement) close.focus();
  });
  /** What the page's address asked for and could not be used (an unknown level, a bad seed...). */
  const address = h('div', { class: 'campaign-address', role: 'status', 'data-role': 'address-problems' });
  const chapters = h('div', { class: 'campaign-chapters' });
  const status = h('p', { class: 'campaign-status', role: 'status' });
  const sandbox = button(T.t('campaign.freePlayButton'), { class: 'button campaign-sandbox' });

  const exportArea = h('textarea', {
    class: 'code-input progress-text',
    readonly: true,
    rows: 3,
    id: uid('export'),
    'aria-label': T.t('campaign.yourProgressLabel'),
  });
  const copy = button(T.t('campaign.copy'), { class: 'button button-small' });
  const importArea = h('textarea', {
    class: 'code-input progress-text',
    rows: 3,
    id: uid('import'),
    'aria-label': T.t('campaign.otherProgressLabel'),
  });
  const importButton = button(T.t('campaign.import'), { class: 'button button-small' });
  const transferStatus = h('p', { class: 'campaign-status', role: 'status' });
  const transfer = h(
    'details',
    { class: 'progress-transfer' },
    h('summary', { class: 'transfer-summary' }, T.t('campaign.transfer')),
    h('p', { class: 'hint' }, T.t('campaign.transferHint')),
    h('label', { for: exportArea.id, class: 'transfer-label' }, T.t('campaign.yourProgress')),
    exportArea,
    h('div', { class: 'row-buttons' }, copy),
    h('label', { for: importArea.id, class: 'transfer-label' }, T.t('campaign.otherProgress')),
    importArea,
    h('div', { class: 'row-buttons' }, importButton),
    transferStatus,
  );

  const dialog = h(
    'dialog',
    { class: 'campaign-dialog', 'aria-labelledby': titleId, 'data-role': 'campaign-map' },
    h(
      'div',
      { class: 'campaign-head' },
      h('h2', { id: titleId, class: 'campaign-title' }, T.t('campaign.title')),
      close,
    ),
    h('p', { class: 'campaign-intro' }, T.t('campaign.intro')),
    h('p', { class: 'campaign-intro' }, T.t('campaign.stars')),
    address,
    notice.root,
    chapters,
    h(
      'section',
      { class: 'campaign-free', 'aria-label': T.t('campaign.freePlay') },
      sandbox,
      h('p', { class: 'hint' }, T.t('campaign.freePlayHint')),
    ),
    ...(options.sections ?? []),
    transfer,
    status,
  );

  const sortedLevels = () => [...options.levels].sort((a, b) => a.number - b.number);

  const render = () => {
    const { progress, level: current } = store.getState();
    const levels = sortedLevels();
    const sections = [...options.chapters]
      .sort((a, b) => a.number - b.number)
      .map((ch) => {
        const mine = levels.filter((l) => l.chapter === ch.number);
        if (mine.length === 0) return null;
        const headingId = uid('chapter');
        return h(
          'section',
          { class: 'chapter', 'aria-labelledby': headingId },
          h(
            'h3',
            { id: headingId, class: 'chapter-title' },
            T.t('campaign.chapter', { number: ch.number, title: ch.title }),
          ),
          h('p', { class: 'chapter-blurb' }, ch.blurb),
          h(
            'ol',
            { class: 'level-list' },
            ...mine.map((l) => {
              const st = levelStatus(levels, progress, l.id);
              const rec = progress.levels[l.id];
              const isCurrent = current?.id === l.id;
              const card = h(
                'button',
                {
                  type: 'button',
                  class: `level-card level-card-${st}`,
                  'data-level': l.id,
                  'data-status': st,
                  'aria-disabled': st === 'locked' ? 'true' : null,
                  'aria-current': isCurrent ? 'true' : null,
                },
                h('span', { class: 'level-number', 'aria-hidden': 'true' }, String(l.number)),
                h(
                  'span',
                  { class: 'level-text' },
                  h(
                    'span',
                    { class: 'level-title' },
                    T.t('campaign.level', { number: l.number, title: l.title }),
                  ),
                  h('span', { class: 'level-concept' }, l.concept),
                ),
                h(
                  'span',
                  { class: 'level-state' },
                  h(
                    'span',
                    { class: 'level-status' },
                    st === 'locked' ? lockIcon() : STATUS_ICON[st],
                    ` ${T.t(STATUS_WORD[st])}${isCurrent ? ` · ${T.t('campaign.playing')}` : ''}`,
                  ),
                  rec?.done ? starRow(rec.stars) : null,
                ),
              );
              card.addEventListener('click', () => {
                if (levelStatus(sortedLevels(), store.getState().progress, l.id) === 'locked') {
                  const prev = levels[levels.indexOf(l) - 1];
                  setText(
                    status,
                    T.t('campaign.lockedWhy', { number: l.number, previous: prev?.number ?? 1 }),
                  );
                  return;
                }
                dialog.close();
                options.onLevel(l);
              });
              return h('li', {}, card);
            }),
          ),
        );
      });
    chapters.replaceChildren(...sections.filter((s): s is HTMLElement => s !== null));
    exportArea.value = store.getState().exportProgress();
  };

  const onCopy = () => {
    exportArea.select();
    const text = exportArea.value;
    if (!navigator.clipboard) {
      setText(transferStatus, T.t('campaign.copyByHand'));
      return;
    }
    navigator.clipboard.writeText(text).then(
      () => setText(transferStatus, T.t('campaign.copied')),
      () => setText(transferStatus, T.t('campaign.copyByHand')),
    );
  };
  const onImport = () => {
    const r = store.getState().importProgress(importArea.value);
    if (r.ok) {
      importArea.value = '';
      setText(transferStatus, T.t('campaign.imported'));
    } else setText(transferStatus, T.t('campaign.notImported', { reason: r.message }));
  };
  const onClose = () => dialog.close();
  const onSandbox = () => {
    dialog.close();
    options.onSandbox();
  };
  copy.addEventListener('click', onCopy);
  importButton.addEventListener('click', onImport);
  close.addEventListener('click', onClose);
  sandbox.addEventListener('click', onSandbox);

  const offs = [store.subscribe((s) => s.progress, render), store.subscribe((s) => s.level?.id, render)];
  render();

  return {
    dialog,
    open(messages = []) {
      render();
      address.replaceChildren(...messages.map((m) => noticeLine('warn', m)));
      setText(status, '');
      if (!dialog.open) dialog.showModal();
      const target =
        dialog.querySelector<HTMLElement>('.level-card[aria-current="true"]') ??
        dialog.querySelector<HTMLElement>('.level-card[data-status="open"]') ??
        close;
      target.focus();
      store.getState().markVisited();
    },
    close() {
      if (dialog.open) dialog.close();
    },
    destroy() {
      for (const off of offs) off();
      notice.destroy();
      dialog.remove();
    },
  };
}
