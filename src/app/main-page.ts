/**
 * The full game's page: one mount filling the page, with the options its address asks for, read
 * strictly by query-options.ts (`?seed=`, `?place=`, `?renderer=`, `?level=`, `?sandbox=1`,
 * `?campaign=1`, `?class=`, `?present=1`; `?testBridge=1` exposes the test bridge in a normal build): a value it cannot use is
 * named on the campaign map, in the same notice as an unknown level. Progress is kept in this
 * browser's localStorage only (progress-storage.ts: never written over, a refusal told), the address
 * follows the level being played, and the campaign map greets a first visit (no saved progress) or a
 * notice about the saved progress; test builds skip that greeting unless `?campaign=1`, so browser
 * tests start in the world. Classrooms: `?class=<code>` joins a class (its levels carry the class's
 * seed and storms; see class-session.ts) and `?present=1` starts in presenter mode
 * (src/ui/classroom/presenter.ts). Nothing here talks to a server, sets a cookie or measures anyone.
 */
import './page.css';
import '../ui/classroom/classroom.css';
import type { ProgressStorage } from '../store/progress-storage.ts';
import { mount } from './mount.ts';
import { registerOffline } from './offline.ts';
import { parseQueryOptions } from './query-options.ts';
import { testBridgeEnabled } from './test-bridge.ts';

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

const element = document.getElementById('nozama');
if (!element) throw new Error('Nozama: the page has no #nozama element to mount the game in');
const { options, problems } = parseQueryOptions(window.location.search);
mount(element, {
  ...(options.seed === undefined ? {} : { seed: options.seed }),
  ...(options.renderer === undefined ? {} : { renderer: options.renderer }),
  ...(options.place === undefined ? {} : { place: options.place }),
  ...(options.region === undefined ? {} : { region: options.region }),
  ...(options.level === undefined ? {} : { level: options.level.id }),
  sandbox: options.sandbox,
  campaign: options.campaign,
  problems: problems.map((p) => p.message),
  progress: browserStorage(),
  address: true,
  banner: true,
  links: true,
  classroom: { code: options.classCode ?? null, present: options.present },
  greet: !__NOZAMA_TEST_BRIDGE__,
  testBridge: testBridgeEnabled(options.testBridge),
});

registerOffline();
