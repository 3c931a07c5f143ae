/**
 * On a narrow screen (a tablet, a phone, a split projector window) the Build and Inspector panels
 * fold into drawers over the canvas; a button in the top bar opens each (aria-expanded), Escape or
 * the button closes it and focus goes back to the button. Wide screens show both panels and hide the
 * buttons: CSS decides (the media query in styles.css), this only keeps the state.
 */
const NARROW = '(max-width: 900px)';

export function bindDrawers(root: ParentNode): () => void {
  const toggles = [...root.querySelectorAll<HTMLButtonElement>('button[data-drawer]')];
  const panelOf = (b: HTMLButtonElement) => document.getElementById(b.getAttribute('aria-controls') ?? '');
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
    if (e.key !== 'Escape' || !window.matchMedia(NARROW).matches) return;
    for (const b of toggles) {
      const panel = panelOf(b);
      if (b.getAttribute('aria-expanded') === 'true' && panel?.contains(document.activeElement)) {
        setOpen(b, false);
        b.focus();
      }
    }
  };
  for (const b of toggles) {
    setOpen(b, false);
    b.addEventListener('click', onClick);
  }
  document.addEventListener('keydown', onKey);
  return () => {
    for (const b of toggles) b.removeEventListener('click', onClick);
    document.removeEventListener('keydown', onKey);
  };
}
