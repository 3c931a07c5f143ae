/**
 * The full game's page: one mount filling the page, with the options its address asks for (see
 * mount-options.ts: `?seed=`, `?place=`, `?renderer=`, `?level=`, `?sandbox=1`, `?campaign=1`;
 * `?testBridge=1` exposes the test bridge in a normal build). Progress is kept in this browser's
 * localStorage, the address follows the level being played, and the campaign map greets a first visit
 * (no saved progress) or a damaged save's notice; test builds skip that greeting unless `?campaign=1`,
 * so browser tests start in the world.
 */
import './page.css';
import type { ProgressStorage } from '../store/progress.ts';
import { mount } from './mount.ts';
import { optionsFromQuery } from './mount-options.ts';
import { testBridgeEnabled } from './test-bridge.ts';

/** localStorage, or null where the browser refuses it (progress then lives for the visit only). */
function browserStorage(): ProgressStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const element = document.getElementById('nozama');
if (!element) throw new Error('Nozama: the page has no #nozama element to mount the game in');
mount(element, {
  ...optionsFromQuery(window.location.search),
  progress: browserStorage(),
  address: true,
  greet: !__NOZAMA_TEST_BRIDGE__,
  testBridge: testBridgeEnabled(window.location.search),
});
