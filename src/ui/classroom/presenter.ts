/**
 * Presenter mode, for a projector at the front of a classroom (a switch in the top bar, or
 * `?present=1`): large type (body text at least 24 px), high contrast, a big clock, the Chronicle
 * enlarged, slower panel transitions and scene animations (mount-classroom.ts sets the scenes' pace),
 * side panels that fold away, and the facilitator's keys, listed on a "?" card. The keys act only in
 * presenter mode, while the focus is in the game or nowhere (the page's body), never while it is in a
 * text field; each presses the same button a player would, or makes the same call the Disasters form
 * makes.
 *
 * The canvas follows through `onChange` (the app zooms the kingdom so its labels grow with the text).
 */
import { zoneNames } from '../../model/index.ts';
import type { GameStore } from '../../store/create-game-store.ts';
import { button, h, uid } from '../dom.ts';

export interface PresenterOptions {
  /** Start in presenter mode (`?present=1`). */
  initial: boolean;
  /** Called after the mode changes (and once at the start when it starts on). */
  onChange?(on: boolean): void;
}

export interface Presenter {
  isOn(): boolean;
  set(on: boolean): void;
  destroy(): void;
}

export const PRESENTER_KEYS: readonly { key: string; does: string }[] = [
  { key: 'P', does: 'pause or play the clock' },
  { key: 'N', does: 'step: pause and move 5 simulated seconds' },
  { key: '1 · 2 · 3', does: 'speed 1x · 4x · 16x' },
  { key: 'D', does: 'disaster: the next standing portal collapses (sim:FailAvailabilityZone)' },
  { key: 'R', does: 'every dark portal opens again (sim:RestoreAvailabilityZone)' },
  { key: 'W', does: 'show the why card of the newest development (the steward’s reasons)' },
  { key: 'F', does: 'fold the side panels away, or bring them back' },
  { key: 'G', does: 'the glossary: every story word, its AWS name and a plain sentence' },
  { key: '?', does: 'show or hide this card' },
];

const typing = (el: Element | null) =>
  el instanceof HTMLInputElement ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLElement && el.isContentEditable);

export function bindPresenter(root: HTMLElement, store: GameStore, options: PresenterOptions): Presenter {
  // The game's root carries the modes (`.present`, `.panels-folded`); keys are heard on it.
  const toggle = button('Presenter', {
    class: 'time-button presenter-toggle',
    'aria-pressed': 'false',
    'data-role': 'presenter',
    title: 'Presenter mode: large type for a projector, and the facilitator’s keys (press ? for the list)',
  });
  const help = button('?', {
    class: 'time-button presenter-help',
    'aria-label': 'Facilitator keys',
    'aria-haspopup': 'dialog',
    'data-role': 'presenter-help',
  });
  const titleId = uid('keys-title');
  const close = button('Close', { class: 'button' });
  const card = h(
    'dialog',
    { class: 'presenter-card', 'aria-labelledby': titleId, 'data-role': 'presenter-card' },
    h('h2', { id: titleId }, 'Facilitator keys'),
    h('p', {}, 'In presenter mode, with the focus outside a text field:'),
    h(
      'dl',
      { class: 'presenter-keys' },
      ...PRESENTER_KEYS.flatMap((k) => [h('dt', {}, h('kbd', {}, k.key)), h('dd', {}, k.does)]),
    ),
    close,
  );
  root.querySelector('.top-tools')?.prepend(toggle, help);
  root.append(card);

  const fold = (folded: boolean) => root.classList.toggle('panels-folded', folded);
  const press = (selector: string) => root.querySelector<HTMLButtonElement>(selector)?.click();
  const region = () => store.getState().ui.region;
  const disaster = () => {
    const dark = store.getState().sim.impairedZones;
    const zone = zoneNames(region()).find((z) => !dark[z]);
    if (zone)
      store.getState().dispatch({ action: 'sim:FailAvailabilityZone', input: { availabilityZone: zone } });
  };
  const restore = () => {
    const dark = store.getState().sim.impairedZones;
    for (const zone of zoneNames(region()).filter((z) => dark[z]))
      store.getState().dispatch({ action: 'sim:RestoreAvailabilityZone', input: { availabilityZone: zone } });
  };
  const why = () => {
    const tasks = store
      .getState()
      .sim.tasks.values()
      .filter((t) => t.lastStatus !== 'STOPPED');
    const newest = tasks.sort((a, b) => b.createdAt - a.createdAt || (a.taskArn < b.taskArn ? 1 : -1))[0];
    if (!newest) return;
    store.getState().select({ kind: 'task', id: newest.taskArn });
    fold(false);
    requestAnimationFrame(() =>
      root.querySelector<HTMLElement>('.why-card:not(.buildings-card)')?.scrollIntoView({ block: 'center' }),
    );
  };
  const showCard = () => (card.open ? card.close() : card.showModal());
  const keys: Record<string, () => void> = {
    p: () => press('[data-role="pause"]'),
    n: () => press('[data-role="step"]'),
    '1': () => press('button[data-speed="1"]'),
    '2': () => press('button[data-speed="4"]'),
    '3': () => press('button[data-speed="16"]'),
    d: disaster,
    r: restore,
    w: why,
    f: () => fold(!root.classList.contains('panels-folded')),
    '?': showCard,
  };

  let on = false;
  const set = (next: boolean) => {
    on = next;
    root.classList.toggle('present', on);
    fold(on && root.classList.contains('panels-folded'));
    toggle.setAttribute('aria-pressed', String(on));
    help.hidden = !on;
    options.onChange?.(on);
  };
  const onKey = (e: KeyboardEvent) => {
    if (!on || e.ctrlKey || e.metaKey || e.altKey || typing(root.ownerDocument.activeElement)) return;
    const act = keys[e.key.toLowerCase()];
    if (!act || (card.open && e.key !== '?')) return;
    e.preventDefault();
    act();
  };
  // With nothing focused (the facilitator clicked the page's empty margin), the page's keys are the game's.
  const doc = root.ownerDocument;
  const onPageKey = (e: KeyboardEvent) => {
    if (doc.activeElement === null || doc.activeElement === doc.body) onKey(e);
  };
  const onToggle = () => set(!on);
  toggle.addEventListener('click', onToggle);
  help.addEventListener('click', showCard);
  close.addEventListener('click', () => card.close());
  root.addEventListener('keydown', onKey);
  doc.addEventListener('keydown', onPageKey);
  help.hidden = true;
  if (options.initial) set(true);
  return {
    isOn: () => on,
    set,
    destroy() {
      root.removeEventListener('keydown', onKey);
      doc.removeEventListener('keydown', onPageKey);
      toggle.remove();
      help.remove();
      card.remove();
      root.classList.remove('present', 'panels-folded');
    },
  };
}
