/**
 * The full game's entry: one store, one Phaser game, the DOM panels, the campaign, and (when enabled)
 * the test bridge. The page's query parameters are read strictly by query-options.ts (`?seed`,
 * `?renderer`, `?place`, `?level`, `?sandbox`, `?campaign`, `?testBridge`); a value it cannot use is
 * named on the campaign map, in the same notice as an unknown level. Without any of them the map
 * greets a first visit (no saved progress) or a notice about the saved progress; test builds skip that
 * greeting unless `?campaign=1`, so browser tests start in the world. Progress is kept in localStorage
 * only (progress-storage.ts: never written over, a refusal told). Nothing here talks to a server, sets
 * a cookie or measures anyone.
 */
import '../ui/styles.css';
import { createGame } from '../game/create-game.ts';
import { CHAPTERS, LEVELS } from '../levels/index.ts';
import { createGameStore } from '../store/create-game-store.ts';
import type { ProgressStorage } from '../store/progress-storage.ts';
import { bindCampaign } from '../ui/campaign/bind-campaign.ts';
import { bindPanels } from '../ui/panels.ts';
import { bindProgressBanner } from '../ui/progress-notice.ts';
import { bindTopBar } from '../ui/top-bar.ts';
import { bindWorldSummary } from '../ui/world-summary.ts';
import { parseQueryOptions } from './query-options.ts';
import { installTestBridge, testBridgeEnabled } from './test-bridge.ts';

function element<T extends HTMLElement>(selector: string): T {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`Nozama: the page has no ${selector}`);
  return el;
}

/**
 * localStorage; where the browser refuses it (reading `window.localStorage` throws in a sandboxed or
 * third-party frame with storage blocked), a storage that refuses every call, so the store says so.
 */
function browserStorage(): ProgressStorage {
  try {
    return window.localStorage;
  } catch (refusal) {
    const refuse = (): never => {
      throw refusal;
    };
    return { getItem: refuse, setItem: refuse };
  }
}

const { options, problems } = parseQueryOptions(window.location.search);
const store = createGameStore({
  ...(options.seed === undefined ? {} : { seed: options.seed }),
  progressStorage: browserStorage(),
});
if (options.level) store.getState().startLevel(options.level);
else if (options.sandbox) store.getState().markVisited();
const game = createGame({
  parent: element('#world-canvas'),
  store,
  renderer: options.renderer ?? 'auto',
  ...(options.place ? { place: options.place } : {}),
});
bindTopBar(document, store);
bindWorldSummary(element('[data-role="world-summary"]'), store);
bindPanels(document, store);
bindProgressBanner(document, store);
const campaign = bindCampaign(document, store, { levels: LEVELS, chapters: CHAPTERS });
const greet = store.getState().firstVisit || store.getState().progressNotice !== null;
if (problems.length > 0) campaign.openMap(problems.map((p) => p.message));
else if (options.campaign || (!options.level && !options.sandbox && greet && !__NOZAMA_TEST_BRIDGE__))
  campaign.openMap();
if (testBridgeEnabled(options.testBridge)) installTestBridge(window, store, game);
