/**
 * The console's door, loaded with the page and kept tiny: the top bar's Console button, the backquote
 * key (anywhere in the game, never while the player types in a field; mount-keys.ts), and a form's "Open in
 * console" (an `nozama:open-console` event bubbling up to the root). The console itself and JMESPath
 * are loaded (a dynamic import) on the first open, so the first paint does not carry them.
 */
import type { GameStore } from '../store/create-game-store.ts';
import { onGameKey } from './mount-keys.ts';

export const OPEN_CONSOLE_EVENT = 'nozama:open-console';

/** Asks the game's console to open with this line typed in (from a form's CLI preview). */
export function requestConsole(from: Element, line: string): void {
  from.dispatchEvent(new CustomEvent(OPEN_CONSOLE_EVENT, { bubbles: true, detail: { line } }));
}

export interface ConsoleView {
  open(line?: string): void;
  close(): void;
  destroy(): void;
}

export function bindConsoleToggle(root: HTMLElement, store: GameStore): () => void {
  const button = root.querySelector<HTMLButtonElement>('[data-role="console-toggle"]');
  const host = root.querySelector<HTMLElement>('[data-role="console-panel"]');
  if (!button || !host) return () => {};
  let view: ConsoleView | null = null;
  let loading: Promise<ConsoleView> | null = null;
  let destroyed = false;
  const setExpanded = (open: boolean) => button.setAttribute('aria-expanded', String(open));

  const load = (): Promise<ConsoleView> => {
    loading ??= import('./console/console-panel.ts').then(({ createConsolePanel }) => {
      view = createConsolePanel(host, store, {
        onClose: () => {
          setExpanded(false);
          button.focus();
        },
      });
      return view;
    });
    return loading;
  };
  const open = async (line?: string) => {
    setExpanded(true);
    const v = await load();
    if (!destroyed) v.open(line);
  };
  const close = () => {
    view?.close();
    setExpanded(false);
  };

  const onClick = () => {
    if (button.getAttribute('aria-expanded') === 'true') close();
    else void open();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== '`') return;
    e.preventDefault();
    onClick();
  };
  const onRequest = (e: Event) => {
    const line = (e as CustomEvent<{ line?: unknown }>).detail?.line;
    void open(typeof line === 'string' ? line : undefined);
  };
  button.addEventListener('click', onClick);
  const offKey = onGameKey(root, onKey);
  root.addEventListener(OPEN_CONSOLE_EVENT, onRequest);
  return () => {
    destroyed = true;
    button.removeEventListener('click', onClick);
    offKey();
    root.removeEventListener(OPEN_CONSOLE_EVENT, onRequest);
    view?.destroy();
  };
}
