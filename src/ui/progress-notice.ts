/**
 * What the game tells the player about their saved progress (a damaged save kept aside or left
 * untouched, a migration, a storage that refuses): the notice's words, a link to download the stored
 * text Nozama could not use (so the player can keep or repair it), and "Understood". The same view is
 * shown on the campaign map and in a banner over the page, so a notice that arrives mid-play (a full
 * storage refusing a save) is seen without opening the map.
 */
import type { GameStore } from '../store/create-game-store.ts';
import type { ProgressNotice } from '../store/progress-storage.ts';
import { button, h, noticeLine } from './dom.ts';

export const DAMAGED_FILE_NAME = 'nozama-progress-damaged.txt';

export interface ProgressNoticeView {
  root: HTMLElement;
  destroy(): void;
}

/** A live view of the store's progress notice (empty while there is none). */
export function progressNoticeView(store: GameStore, className: string): ProgressNoticeView {
  const root = h('div', { class: className, role: 'status', 'data-role': 'progress-notice' });
  let url: string | null = null;
  const forget = () => {
    if (url) URL.revokeObjectURL(url);
    url = null;
  };
  const render = (notice: ProgressNotice | null) => {
    forget();
    if (!notice) {
      root.replaceChildren();
      return;
    }
    const dismiss = button('Understood', { class: 'button button-small' });
    dismiss.addEventListener('click', () => store.getState().dismissProgressNotice());
    let download: HTMLAnchorElement | null = null;
    if (notice.damaged !== null) {
      url = URL.createObjectURL(new Blob([notice.damaged], { type: 'text/plain' }));
      download = h(
        'a',
        { class: 'button button-small', href: url, download: DAMAGED_FILE_NAME },
        'Download the damaged save',
      );
    }
    root.replaceChildren(noticeLine(notice.tone, notice.text), ...(download ? [download] : []), dismiss);
  };
  const off = store.subscribe((s) => s.progressNotice, render);
  render(store.getState().progressNotice);
  return {
    root,
    destroy() {
      off();
      forget();
      root.remove();
    },
  };
}

/** The banner over the game, hanging under its top bar: the same notice, seen mid-play. */
export function bindProgressBanner(root: HTMLElement, store: GameStore): () => void {
  const view = progressNoticeView(store, 'progress-banner');
  (root.querySelector('.top-bar') ?? root).append(view.root);
  return view.destroy;
}
