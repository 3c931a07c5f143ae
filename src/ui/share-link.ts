/**
 * Share links in the page: "Copy link" in the top bar puts the world on screen (its level or the
 * sandbox, seed, calls and their simulated times) into the page's URL fragment and on the clipboard;
 * where the browser refuses the clipboard the link is shown selected, to copy by hand. Opening a page
 * with `#world=...` (or changing the fragment) replays it; a refused link leaves the world as it was
 * and says why in a notice the player can dismiss. In free play, "Embed this world" gives the code that
 * puts the world on screen into a blog post (a script tag and an iframe).
 */
import type { GameStore } from '../store/create-game-store.ts';
import { embedSnippets } from '../store/embed-code.ts';
import { openLink } from '../store/open-link.ts';
import { encodeLink, linkPayload, linkUrl, linkWorldOf } from '../store/share-link.ts';
import { button, h, pick, setText, words } from './dom.ts';

export interface ShareLinkUi {
  /** Opens the world in a fragment (the page's own at start, a new one on hashchange). */
  open(fragment: string): boolean;
  destroy(): void;
}

/** The URL of the world on screen, on top of the page's address. */
export function currentLink(store: GameStore, pageUrl: string): string {
  const { level, ui } = store.getState();
  return linkUrl(pageUrl, linkWorldOf(store.getState().save(), level?.id ?? null, ui.region));
}

export function bindShareLink(root: HTMLElement, store: GameStore): ShareLinkUi {
  const tools = root.querySelector('.top-tools');
  const header = root.querySelector('.top-bar');
  if (!tools || !header) throw new Error('Nozama: the page has no top bar');
  const copy = button(words('Copy link', 'Copy link'), {
    class: 'time-button share-button',
    'data-role': 'copy-link',
    title: 'Copy a link to this world: whoever opens it sees the same world',
  });
  const embed = button(words('Embed this world', 'Embed this world'), {
    class: 'time-button share-button',
    'data-role': 'embed-world',
    title: 'The code that shows this world in a blog post',
  });
  tools.prepend(copy, embed);

  const message = h('p', { class: 'link-notice-text', 'data-role': 'link-message' });
  const field = h('input', {
    class: 'link-notice-field',
    type: 'text',
    readonly: true,
    'aria-label': 'Link to this world',
    'data-role': 'link-field',
  });
  field.hidden = true;
  const code = h('textarea', {
    class: 'link-notice-field',
    readonly: true,
    rows: 5,
    'aria-label': 'Code to embed this world',
    'data-role': 'embed-code',
  });
  code.hidden = true;
  const dismiss = button('Dismiss', { class: 'button', 'data-role': 'link-dismiss' });
  const notice = h(
    'div',
    { class: 'link-notice', role: 'status', 'data-role': 'link-notice' },
    message,
    field,
    code,
    dismiss,
  );
  notice.hidden = true;
  header.append(notice);

  const show = (text: string, tone: 'good' | 'bad', link?: string, snippet?: string) => {
    setText(message, text);
    notice.dataset.tone = tone;
    field.hidden = link === undefined;
    if (link !== undefined) field.value = link;
    code.hidden = snippet === undefined;
    if (snippet !== undefined) code.value = snippet;
    notice.hidden = false;
  };
  const onDismiss = () => {
    notice.hidden = true;
    copy.focus();
  };
  const view = root.ownerDocument.defaultView;
  const onCopy = async () => {
    if (!view) return;
    const link = currentLink(store, view.location.href);
    view.history.replaceState(null, '', link);
    const mode = store.getState().ui.names;
    try {
      await view.navigator.clipboard.writeText(link);
      show(pick('The link to this world is copied.', 'Link copied to the clipboard.', mode), 'good');
    } catch {
      show(pick('Copy this link to share the world:', 'Copy this link:', mode), 'good', link);
      field.focus();
      field.select();
    }
  };
  const onEmbed = () => {
    if (!view) return;
    const { level, ui } = store.getState();
    const world = linkWorldOf(store.getState().save(), level?.id ?? null, ui.region);
    const snippets = embedSnippets(new URL('./', view.location.href).toString(), {
      world: encodeLink(world),
      controls: 'play',
    });
    const mode = store.getState().ui.names;
    show(
      pick('Paste this into your page to show this world:', 'Embed code for this world:', mode),
      'good',
      undefined,
      `${snippets.script}\n\n${snippets.iframe}`,
    );
    code.focus();
    code.select();
  };
  const renderEmbed = () => {
    embed.hidden = store.getState().level !== null;
  };
  const offLevel = store.subscribe((s) => s.level?.id ?? null, renderEmbed);
  renderEmbed();
  copy.addEventListener('click', onCopy);
  embed.addEventListener('click', onEmbed);
  dismiss.addEventListener('click', onDismiss);

  const open = (fragment: string): boolean => {
    if (linkPayload(fragment) === null) return false;
    const r = openLink(store, fragment);
    if (r.ok) {
      notice.hidden = true;
      return true;
    }
    show(r.message, 'bad');
    return false;
  };
  const onHashChange = () => {
    if (view) open(view.location.hash);
  };
  view?.addEventListener('hashchange', onHashChange);

  return {
    open,
    destroy() {
      offLevel();
      copy.removeEventListener('click', onCopy);
      embed.removeEventListener('click', onEmbed);
      embed.remove();
      dismiss.removeEventListener('click', onDismiss);
      view?.removeEventListener('hashchange', onHashChange);
      copy.remove();
      notice.remove();
    },
  };
}
