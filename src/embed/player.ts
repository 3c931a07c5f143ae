/**
 * The embed's player, loaded only when a demo comes into view (or is clicked): a game made by
 * mountGame (src/app/mount-game.ts, as every game is) in the embed's shadow root, and a small bar of
 * controls. Nothing is saved, no storage or cookie is read, nothing leaves the page. It pauses its game loop while out of view or while the tab
 * is hidden, and reports what happens (ready, goal reached, rollback, error) to `onEvent`.
 */
import type Phaser from 'phaser';
import { mountGame } from '../app/mount-game.ts';
import { T } from '../i18n/messages.ts';
import type { GameStore, Speed } from '../store/create-game-store.ts';
import { startDemo } from '../store/demo-session.ts';
import { encodeLink, linkWorldOf } from '../store/share-link.ts';
import type { EmbedOptions } from './embed-options.ts';
import { titleOf } from './poster.ts';

export type EmbedEvent =
  | { event: 'ready' }
  | { event: 'goal'; level: string }
  | { event: 'rollback'; type: string }
  | { event: 'error'; message: string }
  | { event: 'state'; paused: boolean; speed: Speed; elapsed: number };

export interface Player {
  store: GameStore;
  game: Phaser.Game;
  play(): void;
  pause(): void;
  restart(): void;
  setSpeed(speed: Speed): void;
  step(seconds: number): void;
  /** In view and the tab shown: the game loop runs; otherwise it sleeps. */
  setVisible(visible: boolean): void;
  destroy(): void;
}

const ROLLBACKS = new Set(['deployment/rolledBack', 'codedeploy/rolledBack', 'alias/deploymentRolledBack']);
const SPEEDS: readonly Speed[] = [1, 4, 16];

function button(text: string, label: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  return b;
}

export async function mountPlayer(
  stage: HTMLElement,
  bar: HTMLElement,
  options: EmbedOptions,
  base: URL,
  /** False when the demo came into view with reduced motion asked for: nothing moves until Play. */
  startPlaying: boolean,
  onEvent: (e: EmbedEvent) => void,
): Promise<Player> {
  const pauseButton = button(T.t('embed.pause'), T.t('embed.pauseLabel'));
  const restartButton = button(T.t('embed.restart'), T.t('embed.restartLabel'));
  const speedButtons = SPEEDS.map((speed) =>
    button(T.t('embed.speed', { speed }), T.t('embed.speedLabel', { speed })),
  );
  const caption = document.createElement('p');
  caption.className = 'caption';
  caption.textContent = titleOf(options.source, options.words).caption;
  const open = document.createElement('a');
  if (options.controls !== 'none') {
    bar.append(pauseButton, restartButton, ...speedButtons);
    if (options.controls === 'full') {
      open.className = 'open';
      open.textContent = T.t('embed.open');
      open.target = '_blank';
      open.rel = 'noopener';
      bar.append(open);
    }
  }
  bar.append(caption);
  bar.hidden = false;

  // The bar is laid out first: the canvas takes the room left above it. The game is made the one way
  // every game is (mountGame), in a box of the embed's shadow root.
  const box = document.createElement('div');
  box.className = 'canvas-box';
  stage.append(box);
  const parts = mountGame(box, {
    demo: options.source,
    names: options.words,
    speed: options.speed,
    paused: !startPlaying,
  });
  const { store } = parts;
  for (const message of parts.problems) onEvent({ event: 'error', message });

  const report = () => {
    const { clock, sim } = store.getState();
    onEvent({ event: 'state', paused: clock.paused, speed: clock.speed, elapsed: sim.now - sim.startedAt });
  };
  const renderControls = () => {
    const { clock } = store.getState();
    pauseButton.textContent = T.t(clock.paused ? 'embed.play' : 'embed.pause');
    pauseButton.setAttribute('aria-label', T.t(clock.paused ? 'embed.playLabel' : 'embed.pauseLabel'));
    speedButtons.forEach((b, i) => {
      b.setAttribute('aria-pressed', String(SPEEDS[i] === clock.speed));
    });
  };
  pauseButton.addEventListener('click', () => store.getState().setPaused(!store.getState().clock.paused));
  speedButtons.forEach((b, i) => {
    const speed = SPEEDS[i];
    if (speed !== undefined) b.addEventListener('click', () => store.getState().setSpeed(speed));
  });
  const restart = () => {
    startDemo(store, options.source);
    store.getState().setNames(options.words);
  };
  restartButton.addEventListener('click', restart);
  const refreshLink = () => {
    const { level, ui } = store.getState();
    const world = linkWorldOf(store.getState().save(), level?.id ?? null, ui.region);
    open.href = new URL(`index.html#${encodeLink(world)}`, base).toString();
  };
  open.addEventListener('focus', refreshLink);
  open.addEventListener('pointerenter', refreshLink);
  refreshLink();
  // The world's code (Phaser and the scenes) loads after the page: the player plays once it has come.
  const game = await parts.ready;

  let goalSent = false;
  let eventCursor = store.getState().events.seq;
  const offs = [
    store.subscribe(
      (s) => s.clock,
      () => {
        renderControls();
        report();
      },
    ),
    store.subscribe(
      (s) => s.level?.done ?? false,
      (done) => {
        const level = store.getState().level;
        if (done && level && !goalSent) {
          goalSent = true;
          onEvent({ event: 'goal', level: level.id });
        }
      },
    ),
    store.subscribe(
      (s) => s.generation,
      () => {
        goalSent = false;
      },
    ),
    store.subscribe(
      (s) => s.events,
      (events) => {
        for (const e of events.recent) {
          if (e.seq > eventCursor && ROLLBACKS.has(e.type)) onEvent({ event: 'rollback', type: e.type });
        }
        eventCursor = events.seq;
      },
    ),
  ];
  renderControls();

  let visible = true;
  const applyVisibility = () => {
    const on = visible && document.visibilityState !== 'hidden';
    if (on) game.loop.wake();
    else game.loop.sleep();
  };
  document.addEventListener('visibilitychange', applyVisibility);
  game.events.once('ready', () => onEvent({ event: 'ready' }));

  return {
    store,
    game,
    play: () => store.getState().setPaused(false),
    pause: () => store.getState().setPaused(true),
    restart,
    setSpeed: (s) => store.getState().setSpeed(s),
    step(seconds) {
      store.getState().setPaused(true);
      store.getState().advance(Math.max(1, Math.min(600, Math.floor(seconds))));
      report();
    },
    setVisible(v) {
      visible = v;
      applyVisibility();
    },
    destroy() {
      for (const off of offs) off();
      document.removeEventListener('visibilitychange', applyVisibility);
      parts.destroy();
      box.remove();
      bar.replaceChildren();
    },
  };
}
