/**
 * Wires the campaign into the page: a "Campaign" button in the top bar, the map dialog, the level
 * panel at the top of the right column, and the debrief, all inside the game's root (the dialogs
 * too, so the game's scoped styles reach them). When asked (`address`, the full game's page), starting
 * a level or free play also writes the address (`?level=<id>` or `?sandbox=1`, replacing the entry,
 * never adding one) so a reload or a shared link opens the same level; an embedded game leaves the
 * host page's address alone.
 */

import { T } from '../../i18n/messages.ts';
import type { Chapter, Level } from '../../levels/types.ts';
import type { GameStore } from '../../store/create-game-store.ts';
import { h } from '../dom.ts';
import { createCampaignMap } from './campaign-map.ts';
import { createDebrief } from './debrief.ts';
import { bindLevelPanel } from './level-panel.ts';

export interface CampaignOptions {
  levels: readonly Level[];
  chapters: readonly Chapter[];
  /** Mirror the level or free play in the page's address (one game per page may). */
  address: boolean;
  /** Sections added to the map (joining a class, the progress code). */
  mapSections?: readonly HTMLElement[];
  /** A section added to the debrief (the progress code). */
  debriefSection?: HTMLElement;
}

export interface Campaign {
  openMap(messages?: readonly string[]): void;
  startLevel(level: Level): void;
  startSandbox(): void;
  destroy(): void;
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`Nozama: the page has no ${selector}`);
  return el;
}

/** The address with `?level=` or `?sandbox=1` set, the other and `?campaign` removed (the rest kept). */
export function campaignUrl(href: string, place: { level: string } | { sandbox: true }): string {
  const url = new URL(href);
  url.searchParams.delete('level');
  url.searchParams.delete('sandbox');
  url.searchParams.delete('campaign');
  if ('level' in place) url.searchParams.set('level', place.level);
  else url.searchParams.set('sandbox', '1');
  return url.toString();
}

export function bindCampaign(root: HTMLElement, store: GameStore, options: CampaignOptions): Campaign {
  const levels = [...options.levels].sort((a, b) => a.number - b.number);
  let focusFrame = 0;
  const setUrl = (place: { level: string } | { sandbox: true }) => {
    if (!options.address) return;
    try {
      window.history.replaceState(window.history.state, '', campaignUrl(window.location.href, place));
    } catch {
      // An embedding page may forbid history changes: the address is a convenience only.
    }
  };
  const focusPanel = () => {
    const heading = root.querySelector<HTMLElement>('[data-role="level-panel"] h2');
    heading?.setAttribute('tabindex', '-1');
    cancelAnimationFrame(focusFrame);
    focusFrame = requestAnimationFrame(() => heading?.focus());
  };
  const startLevel = (level: Level) => {
    store.getState().startLevel(level);
    setUrl({ level: level.id });
    focusPanel();
  };
  const startSandbox = () => {
    store.getState().startSandbox();
    setUrl({ sandbox: true });
    focusPanel();
  };

  const map = createCampaignMap(store, {
    levels: options.levels,
    chapters: options.chapters,
    onLevel: startLevel,
    onSandbox: startSandbox,
    ...(options.mapSections ? { sections: options.mapSections } : {}),
  });
  const debrief = createDebrief(store, {
    nextOf: (l) => levels[levels.findIndex((x) => x.id === l.id) + 1] ?? null,
    onNext: startLevel,
    onMap: () => map.open(),
    ...(options.debriefSection ? { section: options.debriefSection } : {}),
  });
  root.append(map.dialog, debrief.dialog);

  const campaignButton = h(
    'button',
    {
      type: 'button',
      class: 'time-button campaign-button',
      'data-role': 'campaign',
      'aria-haspopup': 'dialog',
    },
    T.t('frame.campaign'),
  );
  const onCampaign = () => map.open();
  campaignButton.addEventListener('click', onCampaign);
  required(root, '.top-tools').prepend(campaignButton);

  const inspector = required<HTMLElement>(root, '[data-role="inspector-panel"]');
  const slot = h('div', { class: 'level-slot', 'data-role': 'level' });
  inspector.prepend(slot);
  const offPanel = bindLevelPanel(slot, store, { onMap: () => map.open() });

  return {
    openMap: (messages?: readonly string[]) => map.open(messages),
    startLevel,
    startSandbox,
    destroy() {
      cancelAnimationFrame(focusFrame);
      offPanel();
      map.destroy();
      debrief.destroy();
      campaignButton.removeEventListener('click', onCampaign);
      campaignButton.remove();
      slot.remove();
    },
  };
}
