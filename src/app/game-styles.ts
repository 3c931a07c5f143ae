/**
 * Attaches the game's scoped style sheet (src/ui/styles.ts) to the document or shadow root a game is
 * mounted in, as one constructed style sheet (`adoptedStyleSheets`) shared by every game there: it
 * works in a page and in a shadow root alike, adds no `<style>` element (so a strict
 * Content-Security-Policy with `style-src 'self'` lets it through: the CSSOM is not inline markup),
 * and is taken off again when the last game of that root is destroyed.
 */
import { GAME_CSS } from '../ui/styles.ts';

let sheet: CSSStyleSheet | null = null;
/** How many live games use the sheet in each document or shadow root. */
const users = new WeakMap<Document | ShadowRoot, number>();

function gameSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(GAME_CSS);
  }
  return sheet;
}

/** Adopts the sheet in the root node of `element` (attached to its page); returns the detach. */
export function attachGameStyles(element: HTMLElement): () => void {
  const scope = element.getRootNode();
  if (!(scope instanceof Document || scope instanceof ShadowRoot))
    throw new Error('Nozama: mount the game in an element that is in a page or a shadow root');
  const css = gameSheet();
  const count = users.get(scope) ?? 0;
  if (count === 0 && !scope.adoptedStyleSheets.includes(css))
    scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, css];
  users.set(scope, count + 1);
  let attached = true;
  return () => {
    if (!attached) return;
    attached = false;
    const left = (users.get(scope) ?? 1) - 1;
    users.set(scope, left);
    if (left === 0) scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== css);
  };
}
