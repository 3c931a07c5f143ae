/**
 * A level being played: the goal tracker folded once per simulated second, the goals' progress, the
 * stars once every goal is met, the hints revealed so far, and the "show me" playback of the level's
 * reference solution. Pure functions over plain data; the session (session.ts) calls them as the world
 * moves, for the game, the level tests and "show me" alike.
 */

import { takeDueEvents } from '../levels/script.ts';
import type { Level, SolutionStep } from '../levels/types.ts';
import type { Call, SimState } from '../model/index.ts';
import {
  createTracker,
  evaluateGoals,
  type GoalProgress,
  observeTick,
  type Stars,
  starsFor,
  type Tracker,
} from '../model/index.ts';

/** The "show me" playback: the next solution step, and the second (since world start) it waits for. */
export interface DemoState {
  step: number;
  /** Elapsed seconds of the world before which the next step is not played (an `advance` step). */
  waitUntil: number;
}

export interface LevelState {
  id: string;
  def: Level;
  tracker: Tracker;
  progress: GoalProgress[];
  /** Every goal was met at some moment since the level (re)started. Stays true until a reset. */
  done: boolean;
  /** The stars earned at the moment of completion; null until then. */
  stars: Stars | null;
  /** How many hints the player has revealed (they stay revealed across a reset). */
  hintsShown: number;
  /** Epoch seconds of the simulation when the level (re)started: the tracker's start. */
  startedAt: number;
  /** The reference solution playing, or null. */
  demo: DemoState | null;
  /** The player watched "show me" in this run: completion is shown but earns no stars. */
  assisted: boolean;
  /** Indices of the level's scripted events already played (see src/levels/script.ts). */
  fired: number[];
}

/** A fresh session on the level's starting world. */
export function beginLevel(def: Level, sim: SimState, hintsShown = 0): LevelState {
  const tracker = createTracker(sim);
  return {
    id: def.id,
    def,
    tracker,
    progress: evaluateGoals(def.goals, sim, tracker),
    done: false,
    stars: null,
    hintsShown,
    startedAt: sim.now,
    demo: null,
    assisted: false,
    fired: [],
  };
}

/**
 * The one definition of "level done": every goal of the level is met at the same moment. The session
 * checks it after every call and every simulated second, and latches it (LevelState.done): a level
 * once done stays done until it is restarted, whatever the world does next.
 */
export function allGoalsMet(progress: readonly GoalProgress[]): boolean {
  return progress.length > 0 && progress.every((p) => p.done);
}

/** The goals' progress now; marks completion (with its stars) the first time every goal is met. */
export function evaluateLevel(level: LevelState, sim: SimState, tracker = level.tracker): LevelState {
  const progress = evaluateGoals(level.def.goals, sim, tracker);
  if (level.done || !allGoalsMet(progress)) return { ...level, tracker, progress };
  return { ...level, tracker, progress, done: true, stars: starsFor(level.def.stars, tracker, true) };
}

/** Folds one simulated second (call after the model's tick) and re-evaluates. */
export function tickLevel(level: LevelState, sim: SimState): LevelState {
  return evaluateLevel(level, sim, observeTick(level.tracker, sim, level.def.goals));
}

/** The scripted events due now (not fired yet), marked fired; the caller plays their calls. */
export function dueEvents(level: LevelState): { level: LevelState; calls: Call[] } {
  const due = takeDueEvents(level.def.script, level.tracker, level.fired);
  return due ? { level: { ...level, fired: due.fired }, calls: due.calls } : { level, calls: [] };
}

export function revealHint(level: LevelState): LevelState {
  return level.hintsShown >= level.def.hints.length ? level : { ...level, hintsShown: level.hintsShown + 1 };
}

export type DemoAction =
  | { kind: 'call'; step: Extract<SolutionStep, { call: unknown }> }
  | { kind: 'wait' }
  | { kind: 'end' };

/**
 * What the playback does next at `elapsed` seconds: play a call, wait for the clock, or end. An
 * `advance` step turns into a wait until that many seconds have passed on the clock (the player
 * watches them pass at the speed they chose).
 */
export function nextDemoAction(
  steps: readonly SolutionStep[],
  demo: DemoState,
  elapsed: number,
): { action: DemoAction; demo: DemoState } {
  if (elapsed < demo.waitUntil) return { action: { kind: 'wait' }, demo };
  const step = steps[demo.step];
  if (!step) return { action: { kind: 'end' }, demo };
  if ('advance' in step) {
    return { action: { kind: 'wait' }, demo: { step: demo.step + 1, waitUntil: elapsed + step.advance } };
  }
  return { action: { kind: 'call', step }, demo: { step: demo.step + 1, waitUntil: elapsed } };
}
