/**
 * A per-scene cursor over the store's sequenced event stream (DESIGN.md section 5). One-off
 * animations (a portal collapsing) are played from the events, not from state changes, so nothing is
 * lost when several ticks pass in one frame. A scene starts at the current end of the stream (it does
 * not replay what happened before it was shown), and skips ahead when the world is replaced (undo,
 * reset, load bump store.generation): those events belong to a world that is gone.
 *
 * The cursor remembers the last event it handed out, not only its sequence number: after an undo
 * the simulation's counter is rewound, so the next events reuse lower numbers than the stream has
 * already shown. The stream only grows at its end (older events fall off its start), so what follows
 * the remembered event is new; when that event has fallen off (hundreds of events in one frame) the
 * sequence numbers decide.
 */
import type { SimEvent } from '../model/index.ts';
import type { GameStore, GameStoreState } from '../store/create-game-store.ts';

export class EventCursor {
  private seq = 0;
  private generation = 0;
  private stream: GameStoreState['events'] | null = null;
  private last: SimEvent | null = null;

  constructor(private readonly store: GameStore) {
    this.mark(store.getState());
  }

  /** The events since the last call (oldest first); [] when there are none or the world was replaced. */
  take(): SimEvent[] {
    const s = this.store.getState();
    if (s.generation !== this.generation) {
      this.mark(s);
      return [];
    }
    if (s.events === this.stream) return [];
    const recent = s.events.recent;
    let fresh: SimEvent[];
    if (this.last === null) {
      // The stream was empty when last seen: everything in it is new.
      fresh = recent.slice();
    } else {
      const i = recent.lastIndexOf(this.last);
      fresh = i >= 0 ? recent.slice(i + 1) : recent.filter((e) => e.seq > this.seq);
    }
    this.mark(s);
    return fresh;
  }

  private mark(s: GameStoreState): void {
    this.generation = s.generation;
    this.stream = s.events;
    this.seq = s.events.seq;
    this.last = s.events.recent.at(-1) ?? null;
  }
}
