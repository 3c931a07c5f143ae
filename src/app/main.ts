/**
 * The full game's entry: one store, one Phaser game, the DOM panels, and (when enabled) the test
 * bridge. Query parameters: `?seed=N` (the world's seed, default 1), `?renderer=canvas|webgl`,
 * `?testBridge=1`. Nothing here talks to a server, sets a cookie or measures anyone.
 */
import '../ui/styles.css';
import { createGame, parseRenderer } from '../game/create-game.ts';
import { createGameStore } from '../store/create-game-store.ts';
import { bindPanels } from '../ui/panels.ts';
import { bindTopBar } from '../ui/top-bar.ts';
import { bindWorldSummary } from '../ui/world-summary.ts';
import { installTestBridge, testBridgeEnabled } from './test-bridge.ts';

function parseSeed(value: string | null): number {
  if (value === null || value.trim() === '') return 1;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? n : 1;
}

function element<T extends HTMLElement>(selector: string): T {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`Nozama: the page has no ${selector}`);
  return el;
}

const params = new URLSearchParams(window.location.search);
const store = createGameStore({ seed: parseSeed(params.get('seed')) });
const game = createGame({
  parent: element('#world-canvas'),
  store,
  renderer: parseRenderer(params.get('renderer')),
});
bindTopBar(document, store);
bindWorldSummary(element('[data-role="world-summary"]'), store);
bindPanels(document, store);
if (testBridgeEnabled(window.location.search)) installTestBridge(window, store, game);
