/**
 * The top bar: breadcrumb (Nozama > region > kingdom, in the Rosetta mode's words), the simulated
 * clock, and the time controls (Pause/Play, step +5s, 1x, 4x, 16x). The markup is made by shell.ts (real
 * buttons, reachable by keyboard); this binds it to a store: it reads the clock and the kingdom, and
 * dispatches setPaused / setSpeed. Its words come from the message catalog (src/i18n/messages).
 */

import { T } from '../i18n/messages.ts';
import type { GameStore, NameMode, Speed } from '../store/create-game-store.ts';
import { formatElapsed } from './format.ts';

const SPEEDS: readonly Speed[] = [1, 4, 16];

function isSpeed(n: number): n is Speed {
  return (SPEEDS as readonly number[]).includes(n);
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`Nozama: the page has no ${selector}`);
  return el;
}

/** The kingdom shown in the breadcrumb: the first ACTIVE cluster of the region, oldest first. */
export const STEP_SECONDS = 5;

export function kingdomName(store: GameStore): string {
  const { sim, ui } = store.getState();
  const clusters = Object.values(sim.clusters)
    .filter((c) => c.region === ui.region && c.status === 'ACTIVE')
    .sort((a, b) => a.createdAt - b.createdAt || a.clusterArn.localeCompare(b.clusterArn));
  return clusters[0]?.clusterName ?? '';
}

/** The breadcrumb's words in a name mode: planet, region and kingdom. */
export function breadcrumbWords(kingdom: string, region: string, mode: NameMode) {
  return {
    planet: T.inMode('frame.planet', mode),
    region,
    kingdom: kingdom
      ? mode === 'both'
        ? T.t('frame.kingdomBoth', { name: kingdom })
        : T.inMode('frame.kingdom', mode, { name: kingdom })
      : T.inMode('frame.noKingdom', mode),
  };
}

export function bindTopBar(root: ParentNode, store: GameStore): () => void {
  const planet = required<HTMLElement>(root, '[data-role="planet"]');
  const region = required<HTMLElement>(root, '[data-role="region"]');
  const kingdom = required<HTMLElement>(root, '[data-role="kingdom"]');
  const clock = required<HTMLElement>(root, '[data-role="clock"]');
  const pause = required<HTMLButtonElement>(root, '[data-role="pause"]');
  const pauseLabel = required<HTMLElement>(root, '[data-role="pause-label"]');
  const stepButton = required<HTMLButtonElement>(root, '[data-role="step"]');
  const speedButtons = [...root.querySelectorAll<HTMLButtonElement>('button[data-speed]')];

  const renderClock = () => {
    const { sim } = store.getState();
    const text = formatElapsed(sim.now - sim.startedAt);
    if (clock.textContent !== text) clock.textContent = text;
  };
  const renderControls = () => {
    const { paused, speed } = store.getState().clock;
    pauseLabel.textContent = T.t(paused ? 'frame.play' : 'frame.pause');
    pause.classList.toggle('is-paused', paused);
    for (const b of speedButtons) b.setAttribute('aria-pressed', String(Number(b.dataset.speed) === speed));
  };
  const renderKingdom = () => {
    const { ui } = store.getState();
    const w = breadcrumbWords(kingdomName(store), ui.region, ui.names);
    planet.textContent = w.planet;
    region.textContent = w.region;
    kingdom.textContent = w.kingdom;
  };

  const onPause = () => store.getState().setPaused(!store.getState().clock.paused);
  const onSpeed = (e: Event) => {
    const n = Number((e.currentTarget as HTMLButtonElement).dataset.speed);
    if (isSpeed(n)) store.getState().setSpeed(n);
  };
  /** Step: pause, then move the world a few simulated seconds, to watch a change unfold. */
  const onStep = () => {
    store.getState().setPaused(true);
    store.getState().advance(STEP_SECONDS);
  };
  pause.addEventListener('click', onPause);
  stepButton.addEventListener('click', onStep);
  for (const b of speedButtons) b.addEventListener('click', onSpeed);

  const unsubscribers = [
    store.subscribe((s) => s.sim.now, renderClock),
    store.subscribe((s) => s.clock, renderControls),
    store.subscribe((s) => s.sim.clusters, renderKingdom),
    store.subscribe((s) => s.ui.names, renderKingdom),
    store.subscribe((s) => s.ui.region, renderKingdom),
  ];
  renderClock();
  renderControls();
  renderKingdom();

  return () => {
    for (const off of unsubscribers) off();
    pause.removeEventListener('click', onPause);
    stepButton.removeEventListener('click', onStep);
    for (const b of speedButtons) b.removeEventListener('click', onSpeed);
  };
}
