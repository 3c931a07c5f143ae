/**
 * The full game's entry: one store, one Phaser game, the DOM panels, the campaign, and (when enabled)
 * the test bridge. Query parameters: `?seed=N` (the world's seed, default 1), `?renderer=canvas|webgl`,
 * `?testBridge=1`, `?level=<id>` (open a campaign level directly: teachers and tests), `?sandbox=1`
 * (free play: every panel, no goals), `?campaign=1` (open the campaign map at start). Without any of
 * them the map greets a first visit (no saved progress) or a damaged save's notice; test builds skip
 * that greeting unless `?campaign=1`, so browser tests start in the world. Progress is kept in
 * localStorage only. Nothing here talks to a server, sets a cookie or measures anyone.
 */
import '../ui/styles.css';
import { createGame, parseRenderer } from '../game/create-game.ts';
import { CHAPTERS, LEVELS, levelById } from '../levels/index.ts';
import { createGameStore } from '../store/create-game-store.ts';
import type { ProgressStorage } from '../store/progress.ts';
import { bindCampaign } from '../ui/campaign/bind-campaign.ts';
import { bindPanels } from '../ui/panels.ts';
import { bindShareLink } from '../ui/share-link.ts';
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

/** localStorage, or null where the browser refuses it (progress then lives for the visit only). */
function browserStorage(): ProgressStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const params = new URLSearchParams(window.location.search);
const seed = parseSeed(params.get('seed'));
const store = createGameStore({ seed, progressStorage: browserStorage() });
const levelParam = params.get('level');
const requested = levelParam === null ? undefined : levelById(levelParam);
const sandbox = params.get('sandbox') === '1';
if (requested) store.getState().startLevel(requested);
else if (sandbox) store.getState().markVisited();
const game = createGame({
  parent: element('#world-canvas'),
  store,
  renderer: parseRenderer(params.get('renderer')),
});
bindTopBar(document, store);
bindWorldSummary(element('[data-role="world-summary"]'), store);
bindPanels(document, store);
const campaign = bindCampaign(document, store, { levels: LEVELS, chapters: CHAPTERS });
// A share link (`#world=...`) opens its world over whatever the query asked for.
const fromLink = bindShareLink(document, store).open(window.location.hash);
if (fromLink) store.getState().markVisited();
const greet = store.getState().firstVisit || store.getState().progressNotice !== null;
if (levelParam !== null && !requested) campaign.openMap(`There is no level "${levelParam}": pick one here.`);
else if (
  params.get('campaign') === '1' ||
  (!requested && !sandbox && !fromLink && greet && !__NOZAMA_TEST_BRIDGE__)
)
  campaign.openMap();
if (testBridgeEnabled(window.location.search)) installTestBridge(window, store, game);
