/**
 * A test page (built only by `vite build --mode test`): two games mounted on one page, the first in
 * the page itself, the second inside a shadow root, both on the test bridge (`window.__nozamaGames`).
 * `window.__nozamaPage.destroy(i)` destroys one of them, for the test that the other still runs.
 */
import { type MountedGame, mount } from '../../src/app/mount.ts';

declare global {
  interface Window {
    __nozamaPage?: { destroy(index: number): void };
  }
}

function slot(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the test page has no #${id}`);
  return el;
}

const host = slot('game-b');
const shadow = host.attachShadow({ mode: 'open' });
const inner = document.createElement('div');
inner.style.height = '100%';
shadow.append(inner);

const games: MountedGame[] = [
  mount(slot('game-a'), { seed: 7, sandbox: true, testBridge: true }),
  mount(inner, { seed: 7, sandbox: true, testBridge: true }),
];
window.__nozamaPage = { destroy: (index) => games[index]?.destroy() };
