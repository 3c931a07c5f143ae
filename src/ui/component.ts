/**
 * The shape every panel part shares, and what it holds on to. A component is a root element, an
 * `update(mode)` that re-renders it in the Rosetta mode's words, and a `destroy()` that lets go of
 * everything it subscribed to or scheduled: a game removed from a page (mount's destroy) leaves no
 * store subscription, listener or pending frame behind, even if its store lives on.
 *
 * A component takes a `Lifetime` from `lifetime(store)`: its store subscriptions, its frame-batched
 * renders (`live`) and its children's destroys go there, and `destroy()` releases them all at once.
 */
import type { GameStore, GameStoreState, NameMode } from '../store/create-game-store.ts';
import { frameScheduler } from './dom.ts';

export interface Component {
  root: HTMLElement;
  update(mode: NameMode): void;
  destroy(): void;
}

export interface Lifetime {
  /** A store subscription (with a selector) released on destroy. */
  subscribe<U>(selector: (state: GameStoreState) => U, listener: (value: U, previous: U) => void): void;
  /**
   * Runs `render` at most once per animation frame after any of `selectors` changes; returns the
   * function that schedules it by hand.
   */
  live(selectors: readonly ((state: GameStoreState) => unknown)[], render: () => void): () => void;
  /** Anything else to release on destroy (a child component's destroy, a listener's removal). */
  own(release: () => void): void;
  /** Releases everything, newest first. Safe to call twice. */
  destroy(): void;
}

export function lifetime(store: GameStore): Lifetime {
  const releases: (() => void)[] = [];
  return {
    subscribe(selector, listener) {
      releases.push(store.subscribe(selector, listener));
    },
    live(selectors, render) {
      const scheduler = frameScheduler(render);
      releases.push(scheduler.cancel);
      for (const selector of selectors) releases.push(store.subscribe(selector, scheduler.schedule));
      return scheduler.schedule;
    },
    own(release) {
      releases.push(release);
    },
    destroy() {
      for (const release of releases.splice(0).reverse()) release();
    },
  };
}
