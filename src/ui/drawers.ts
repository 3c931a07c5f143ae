/**
 * On a narrow game (a tablet, a phone, a split projector window, a small embed) the Build and
 * Inspector panels fold into drawers over the canvas; a button in the top bar opens each
 * (aria-expanded), Escape or the button closes it and focus goes back to the button. Wide games show
 * both panels and hide the buttons: CSS decides (the container query in styles.css), so the drawers
 * act only while their buttons are shown. Everything is looked up inside `root`, and Escape is heard
 * on `root` only: two games on one page never touch each other's drawers.
 */
export function bindDrawers(root: HTMLElement): () => void {
  const toggles = [...root.querySelectorAll<HTMLButtonElement>('button[data-drawer]')];
  const panelOf = (b: HTMLButtonElement) =>
    root.querySelector<HTMLElement>(`#${CSS.escape(b.getAttribute('aria-controls') ?? '')}`);
  const setOpen = (b: HTMLButtonElement, open: boolean) => {
    const panel = panelOf(b);
    b.setAttribute('aria-expanded', String(open));
    if (panel) panel.dataset.open = String(open);
  };
  const onClick = (e: Event) => {
    const b = e.currentTarget as HTMLButtonElement;
    const open = b.getAttribute('aria-expanded') !== 'true';
    for (const other of toggles) if (other !== b) setOpen(other, false);
    setOpen(b, open);
    if (open) panelOf(b)?.querySelector<HTMLElement>('h2, summary, button, input, select')?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    for (const b of toggles) {
      const panel = panelOf(b);
      const shown = b.getClientRects().length > 0;
      if (
        shown &&
        b.getAttribute('aria-expanded') === 'true' &&
        e.target instanceof Node &&
        panel?.contains(e.target)
      ) {
        setOpen(b, false);
        b.focus();
      }
    }
  };
  for (const b of toggles) {
    setOpen(b, false);
    b.addEventListener('click', onClick);
  }
  root.addEventListener('keydown', onKey);
  return () => {
    for (const b of toggles) b.removeEventListener('click', onClick);
    root.removeEventListener('keydown', onKey);
  };
}
