/**
 * The side panels' buttons in the top bar (Build, Inspector): one button per panel, two layouts.
 *
 * - A wide game docks both panels beside the canvas; the button folds its panel away and back
 *   (`data-folded` on the panel, aria-expanded on the button), and the canvas takes the freed width
 *   (Phaser's Scale RESIZE follows its parent, see create-game.ts).
 * - A narrow game (a tablet, a phone, a split projector window, a small embed) shows the panels as
 *   sheets over the canvas; the button opens one (`data-open`), Escape or the button closes it and
 *   focus goes back to the button.
 *
 * CSS decides which layout is on (the container query in styles.css sets `--layout` on `.app`); this
 * reads it, so the threshold lives in one place. Everything is looked up inside `root`, and Escape is
 * heard on `root` only: two games on one page never touch each other's panels. `reveal(panel)` unfolds
 * a folded panel on a wide game (the Inspector on a selection) and does nothing on a narrow one, where
 * a sheet would hide the canvas the player just clicked.
 */
export type PanelLayout = 'wide' | 'narrow';

export interface Drawers {
  /** Unfolds the panel with this id (wide layout only). */
  reveal(panelId: string): void;
  destroy(): void;
}

export function layoutOf(root: HTMLElement): PanelLayout {
  const app = root.querySelector<HTMLElement>('.app') ?? root;
  return getComputedStyle(app).getPropertyValue('--layout').trim() === 'narrow' ? 'narrow' : 'wide';
}

export function bindDrawers(root: HTMLElement): Drawers {
  const toggles = [...root.querySelectorAll<HTMLButtonElement>('button[data-drawer]')];
  const panelOf = (b: HTMLButtonElement) =>
    root.querySelector<HTMLElement>(`#${CSS.escape(b.getAttribute('aria-controls') ?? '')}`);
  /** Is the panel on screen in the current layout? */
  const shown = (panel: HTMLElement | null, layout: PanelLayout) =>
    layout === 'wide' ? panel?.dataset.folded !== 'true' : panel?.dataset.open === 'true';
  const sync = () => {
    const layout = layoutOf(root);
    for (const b of toggles) b.setAttribute('aria-expanded', String(shown(panelOf(b), layout)));
  };
  const setShown = (b: HTMLButtonElement, on: boolean) => {
    const panel = panelOf(b);
    if (!panel) return;
    if (layoutOf(root) === 'wide') panel.dataset.folded = String(!on);
    else panel.dataset.open = String(on);
    b.setAttribute('aria-expanded', String(on));
  };
  const onClick = (e: Event) => {
    const b = e.currentTarget as HTMLButtonElement;
    const open = b.getAttribute('aria-expanded') !== 'true';
    // Sheets cover each other: one at a time. Docked panels fold independently.
    if (layoutOf(root) === 'narrow') for (const other of toggles) if (other !== b) setShown(other, false);
    setShown(b, open);
    if (open && layoutOf(root) === 'narrow')
      panelOf(b)?.querySelector<HTMLElement>('h2, summary, button, input, select')?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || layoutOf(root) !== 'narrow') return;
    for (const b of toggles) {
      const panel = panelOf(b);
      if (
        b.getAttribute('aria-expanded') === 'true' &&
        e.target instanceof Node &&
        panel?.contains(e.target)
      ) {
        setShown(b, false);
        b.focus();
      }
    }
  };
  for (const b of toggles) {
    const panel = panelOf(b);
    if (panel) {
      panel.dataset.open = 'false';
      panel.dataset.folded = 'false';
    }
    b.addEventListener('click', onClick);
  }
  sync();
  // Crossing the threshold switches which attribute the button speaks for.
  const observer = new ResizeObserver(sync);
  observer.observe(root);
  root.addEventListener('keydown', onKey);
  return {
    reveal(panelId) {
      if (layoutOf(root) !== 'wide') return;
      const b = toggles.find((t) => t.getAttribute('aria-controls') === panelId);
      if (b && b.getAttribute('aria-expanded') !== 'true') setShown(b, true);
    },
    destroy() {
      observer.disconnect();
      for (const b of toggles) b.removeEventListener('click', onClick);
      root.removeEventListener('keydown', onKey);
    },
  };
}
