/**
 * A mouse wheel over a focused number field changes its value in Chromium, silently (a decree of 6
 * became 5 while the player scrolled the panel). In the game a wheel never changes a number: over a
 * focused number field it scrolls the panel under it instead, and the field keeps its value and the
 * focus. Typing and the arrow keys still change it. Heard on the game's root only.
 */
export function bindWheelGuard(root: HTMLElement): () => void {
  const onWheel = (e: WheelEvent) => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'number') return;
    if ((input.getRootNode() as Document | ShadowRoot).activeElement !== input) return;
    e.preventDefault();
    input.closest<HTMLElement>('.panel, .campaign-dialog, .debrief-dialog')?.scrollBy(0, e.deltaY);
  };
  root.addEventListener('wheel', onWheel, { passive: false });
  return () => root.removeEventListener('wheel', onWheel);
}
