/**
 * The session as data: one game session (a world, the calls that built it, the level being played)
 * as a plain JSON value, so it runs in Node, in a worker or behind any surface (the game's store, the
 * level tests, a console, an embed) without zustand or the page.
 */
import type { ScriptedEvent } from '../levels/types.ts';
import type { Call, CallResponse, SimEvent, SimState } from '../model/index.ts';
import type { LevelState } from './level-run.ts';

/** A call as logged: when it was made (seconds since the start of the world) and what it was. */
export interface LoggedCall {
  t: number;
  call: Call;
}

/** A save or a share link: a seed, a region and the calls. Nothing else is needed to rebuild the world. */
export interface SavedWorld {
  format: 'nozama-world';
  version: 1;
  seed: number;
  region: string;
  /** Seconds since the start of the world when saved. */
  elapsed: number;
  calls: LoggedCall[];
}

/** Where a world began: its seed and region, the setup calls (resolved) and the world they built. */
export interface SessionOrigin {
  seed: number;
  region: string;
  /** The calls that built the starting world, logged at second 0; they cannot be undone. */
  setup: LoggedCall[];
  /** The starting world: after the setup and the settle seconds. Reset and "show me" return here. */
  start: SimState;
  /** The events of building it: the chronicle's first lines after a start or a reset. */
  opening: SimEvent[];
}

/**
 * The world and the level before an undoable call: undo returns to it at once. A cache only: save
 * drops it, and undo rebuilds by replay from the origin when it is missing (after a load).
 */
export interface Checkpoint {
  sim: SimState;
  level: LevelState | null;
}

export interface Session {
  origin: SessionOrigin;
  /** The world now. */
  sim: SimState;
  /** The calls that changed the world, setup first: the world is `origin.seed` replayed through these. */
  log: LoggedCall[];
  /** Undone calls that redo can bring back, most recent last: with `log`, the undo position. */
  redo: LoggedCall[];
  /** One per undoable call in `log` (while kept): the state before it. */
  past: Checkpoint[];
  /** The level being played, or null in free play (the sandbox). */
  level: LevelState | null;
  /** Free play's own scripted events (a sandbox class's storms); absent when it has none. */
  script?: FreePlayScript;
}

/**
 * Scripted events of a free-play world (a sandbox class's storms), timed from the world's start like a
 * level's `after: 'start'` events. Each plays once: undoing its call does not bring it back.
 */
export interface FreePlayScript {
  events: ScriptedEvent[];
  /** Epoch seconds of the simulation when the world started: the events' anchor. */
  startedAt: number;
  /** Indices of the events already played. */
  fired: number[];
}

/** Who made a call: the player, the level's setup, a scripted event of the level, or "show me". */
export type CallSource = 'player' | 'setup' | 'script' | 'demo';

/** A call the session played, with its answer. */
export interface CallRecord {
  t: number;
  call: Call;
  response: CallResponse;
  by: CallSource;
}

/**
 * What a session function returns: the next session, the model events it produced (in order, not yet
 * numbered by any stream), and every call it played (the caller's and the ones the level made).
 */
export interface Outcome {
  session: Session;
  events: SimEvent[];
  calls: CallRecord[];
}
