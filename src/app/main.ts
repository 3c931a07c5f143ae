/**
 * The full game's entry: one store, one Phaser game, the DOM panels, the campaign, and (when enabled)
 * the test bridge. The page's query parameters are read strictly by query-options.ts (`?seed`,
 * `?renderer`, `?place`, `?level`, `?sandbox`, `?campaign`, `?testBridge`); a value it cannot use is
 * named on the campaign map, in the same notice as an unknown level. Without any of them the map
 * greets a first visit (no saved progress) or a notice about the saved progress; test builds skip that
 * greeting unless `?campaign=1`, so browser tests start in the world. Progress is kept in localStorage
 * only (progress-storage.ts: never written over, a refusal told). Nothing here talks to a server, sets
 * a cookie or measures anyone. Classrooms: `?class=<code>` joins a class (its levels carry the class's
 * seed and storms; see class-session.ts) and `?present=1` starts in presenter mode
 * (src/ui/classroom/presenter.ts); both are read here, beside the strict options.
 */
import '../ui/styles.css';
import '../ui/classroom/classroom.css';
import '../ui/classroom/presenter.css';
import { createGame } from '../game/create-game.ts';
import type { KingdomScene } from '../game/KingdomScene.ts';
import { CHAPTERS, LEVELS } from '../levels/index.ts';
import { createGameStore } from '../store/create-game-store.ts';
import type { ProgressStorage } from '../store/progress-storage.ts';
import { bindCampaign } from '../ui/campaign/bind-campaign.ts';
import { createJoinClass } from '../ui/classroom/join-class.ts';
import { bindPresenter } from '../ui/classroom/presenter.ts';
import { createProgressCodeBox } from '../ui/classroom/progress-code-box.ts';
import { bindPanels } from '../ui/panels.ts';
import { bindProgressBanner } from '../ui/progress-notice.ts';
import { bindTopBar } from '../ui/top-bar.ts';
import { bindWorldSummary } from '../ui/world-summary.ts';
import { classSession, classUrl } from './class-session.ts';
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
const params = new URLSearchParams(window.location.search);
const classroom = classSession(params.get('class'), LEVELS);
// A level the address names is played as the class plays it (with its storms) when it is the class's.
const requested = options.level && classroom.levels.find((l) => l.id === options.level?.id);
if (requested) store.getState().startLevel(requested);
else if (classroom.first) store.getState().startLevel(classroom.first);
else if (classroom.plan?.world.kind === 'sandbox') store.getState().startSandbox(classroom.plan.seed);
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
const joinClass = createJoinClass({
  current: classroom.code ? { code: classroom.code, what: classroom.what } : null,
  onJoin: (code) => window.location.assign(classUrl(window.location.href, code)),
});
const mapCode = createProgressCodeBox(store, browserStorage());
const debriefCode = createProgressCodeBox(store, browserStorage());
const campaign = bindCampaign(document, store, {
  levels: classroom.levels,
  chapters: CHAPTERS,
  mapSections: [joinClass, mapCode.root],
  debriefSection: debriefCode.root,
});
// The canvas grows with the text: switching presenter mode on zooms the kingdom in by the ratio of
// presenter type to normal type (a kingdom that first shows in presenter mode starts at its own fit).
const PRESENTER_ZOOM = 1.5;
bindPresenter(document, store, {
  initial: params.get('present') === '1',
  onChange: (on) => {
    const kingdom = game.scene.getScene('kingdom') as KingdomScene | null;
    if (kingdom?.sys.isActive()) kingdom.zoomBy(on ? PRESENTER_ZOOM : 1 / PRESENTER_ZOOM);
  },
});
const greet = store.getState().firstVisit || store.getState().progressNotice !== null;
const notices = [...(classroom.refusal ? [classroom.refusal] : []), ...problems.map((p) => p.message)];
if (notices.length > 0) campaign.openMap(notices);
else if (
  options.campaign ||
  (!options.level && !options.sandbox && !classroom.plan && greet && !__NOZAMA_TEST_BRIDGE__)
)
  campaign.openMap();
if (testBridgeEnabled(options.testBridge)) installTestBridge(window, store, game);
