/**
 * The panels' buttons (Build, Inspector, and on a narrow game the level and the Chronicle): two
 * layouts.
 *
 * - A wide game docks the Build panel and the Inspector beside the canvas; the top bar's button folds
 *   its panel away and back (`data-folded` on the panel, aria-expanded on the button), and the canvas
 *   takes the freed width (Phaser's Scale RESIZE follows its parent, see create-game.ts). The level
 *   panel sits at the top of the Inspector's column, the Chronicle under everything.
 * - A narrow game (a tablet, a phone, a split projector window, a small embed) shows the panels as
 *   sheets over the canvas, one at a time: the Build panel, the level (its panel moves into a sheet of
 *   its own), the Inspector and the Chronicle, each opened by a button of the sheet bar at the foot
 *   (`data-open`); the button again, or Escape, closes it and focus goes back to the button. The top
 *   bar's other tools fold into a menu. A new selection opens the Inspector's sheet, and a level's
 *   start its level sheet (with the brief).
 *
 * CSS decides which layout is on (the container query in styles.css sets `--layout` on `.app`); this
 * reads it, so the threshold lives in one place. Everything is looked up inside `root`, and Escape is
 * heard on `root` only: two games on one page never touch each other's panels.
 */
export type PanelLayout = 'wide' | 'narrow';

export interface Drawers {
  /** Shows the panel with this id: unfolds it on a wide game, opens its sheet on a narrow one. */
  reveal(panelId: string): void;
  destroy(): void;
}

export function layoutOf(root: HTMLElement): PanelLayout {
  const app = root.querySelector<HTMLElement>('.app') ?? root;
  return getComputedStyle(app).getPropertyValue('--layout').trim() === 'narrow' ? 'narrow' : 'wide';
}

const byId = (root: HTMLElement, id: string | null): HTMLElement | null =>
  id ? root.querySelector<HTMLElement>(`#${CSS.escape(id)}`) : null;

export function bindDrawers(root: HTMLElement): Drawers {
  const toggles = () => [...root.querySelectorAll<HTMLButtonElement>('button[data-drawer]')];
  const panelOf = (b: HTMLButtonElement) => byId(root, b.getAttribute('aria-controls'));
  const panels = () => [...new Set(toggles().map(panelOf))].filter((p): p is HTMLElement => p !== null);
  const menuButton = root.querySelector<HTMLButtonElement>('[data-role="menu-toggle"]');
  const menu = menuButton ? byId(root, menuButton.getAttribute('aria-controls')) : null;
  const inspector = root.querySelector<HTMLElement>('[data-role="inspector-panel"]');
  const levelSheet = root.querySelector<HTMLElement>('[data-role="level-sheet"]');

  /** Is the panel on screen in the current layout? */
  const shown = (panel: HTMLElement | null, layout: PanelLayout) =>
    layout === 'wide' ? panel?.dataset.folded !== 'true' : panel?.dataset.open === 'true';
  const setShown = (panel: HTMLElement, on: boolean) => {
    if (layoutOf(root) === 'wide') panel.dataset.folded = String(!on);
    else panel.dataset.open = String(on);
    for (const b of toggles()) if (panelOf(b) === panel) b.setAttribute('aria-expanded', String(on));
  };
  const setMenu = (open: boolean) => {
    if (!menu || !menuButton) return;
    menu.dataset.open = String(open);
    menuButton.setAttribute('aria-expanded', String(open));
  };
  /** The level panel lives in the Inspector's column on a wide game, in its own sheet on a narrow one. */
  const placeLevel = (layout: PanelLayout) => {
    const slot = root.querySelector<HTMLElement>('.level-slot');
    if (!slot || !inspector || !levelSheet) return;
    const home = layout === 'narrow' ? levelSheet : inspector;
    if (slot.parentElement !== home) home.prepend(slot);
  };
  const sync = () => {
    const layout = layoutOf(root);
    placeLevel(layout);
    for (const b of toggles()) b.setAttribute('aria-expanded', String(shown(panelOf(b), layout)));
    if (layout === 'wide') setMenu(false);
  };
  const open = (panel: HTMLElement, focus: boolean) => {
    // Sheets cover each other: one at a time. Docked panels fold independently.
    if (layoutOf(root) === 'narrow') {
      placeLevel('narrow');
      for (const other of panels()) if (other !== panel) setShown(other, false);
      setMenu(false);
    }
    setShown(panel, true);
    if (focus && layoutOf(root) === 'narrow')
      panel.querySelector<HTMLElement>('h2, summary, button, input, select')?.focus({ preventScroll: true });
  };
  const onClick = (e: Event) => {
    const b = e.currentTarget as HTMLButtonElement;
    const panel = panelOf(b);
    if (!panel) return;
    if (b.getAttribute('aria-expanded') === 'true') setShown(panel, false);
    else open(panel, true);
  };
  const onMenu = () => setMenu(menuButton?.getAttribute('aria-expanded') !== 'true');
  // A tool chosen from the menu closes it (the Rosetta switch stays: its choice shows at once).
  const onMenuPick = (e: Event) => {
    if (e.target instanceof Element && e.target.closest('button')) setMenu(false);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || layoutOf(root) !== 'narrow' || !(e.target instanceof Node)) return;
    if (menu?.dataset.open === 'true' && (menu.contains(e.target) || e.target === menuButton)) {
      setMenu(false);
      menuButton?.focus();
      return;
    }
    for (const panel of panels()) {
      if (panel.dataset.open !== 'true' || !panel.contains(e.target)) continue;
      setShown(panel, false);
      const back = toggles().find((b) => panelOf(b) === panel && b.checkVisibility());
      back?.focus();
    }
  };
  for (const panel of panels()) {
    panel.dataset.open = 'false';
    panel.dataset.folded = 'false';
  }
  const buttons = toggles();
  for (const b of buttons) b.addEventListener('click', onClick);
  menuButton?.addEventListener('click', onMenu);
  menu?.addEventListener('click', onMenuPick);
  setMenu(false);
  sync();
  // Crossing the threshold switches which attribute the buttons speak for, and where the level sits.
  const observer = new ResizeObserver(sync);
  observer.observe(root);
  root.addEventListener('keydown', onKey);
  return {
    reveal(panelId) {
      const panel = byId(root, panelId);
      if (panel && !shown(panel, layoutOf(root))) open(panel, false);
    },
    destroy() {
      observer.disconnect();
      for (const b of buttons) b.removeEventListener('click', onClick);
      menuButton?.removeEventListener('click', onMenu);
      menu?.removeEventListener('click', onMenuPick);
      root.removeEventListener('keydown', onKey);
    },
  };
}
