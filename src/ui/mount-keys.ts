/**
 * The game's own keys (G for the glossary, backquote for the console) work anywhere in the game, not
 * only while something in it has the focus: a click on a panel's text or on the page's background
 * leaves the focus on the document's body, where the game's root never hears the key. So a key
 * pressed with nothing focused goes to the game the player last pressed a pointer in (two games on one
 * page each keep their own keys), and never while the player types in a field.
 */

/** The game a key with nothing focused belongs to, per document: the last one pressed in. */
const lastPressed = new WeakMap<Document, HTMLElement>();

export function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement)
  );
}

/**
 * Calls `handler` for a plain key (no Ctrl, Meta or Alt) pressed inside `root` or with nothing
 * focused after the player last pressed in `root`, never while typing in a field. Returns the unbind.
 */
export function onGameKey(root: HTMLElement, handler: (e: KeyboardEvent) => void): () => void {
  const doc = root.ownerDocument;
  const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target);
  const onRootKey = (e: KeyboardEvent) => {
    if (plain(e)) handler(e);
  };
  const onPress = () => lastPressed.set(doc, root);
  // Before any press, the first game on the page hears them (the full game's page has one).
  if (!lastPressed.has(doc)) lastPressed.set(doc, root);
  const onDocumentKey = (e: KeyboardEvent) => {
    const nothingFocused = e.target === doc.body || e.target === doc.documentElement || e.target === doc;
    if (nothingFocused && lastPressed.get(doc) === root && plain(e)) handler(e);
  };
  root.addEventListener('keydown', onRootKey);
  root.addEventListener('pointerdown', onPress);
  doc.addEventListener('keydown', onDocumentKey);
  return () => {
    root.removeEventListener('keydown', onRootKey);
    root.removeEventListener('pointerdown', onPress);
    doc.removeEventListener('keydown', onDocumentKey);
    if (lastPressed.get(doc) === root) lastPressed.delete(doc);
  };
}
