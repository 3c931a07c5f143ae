/**
 * The level runner: plays a level's scenario and a list of steps (its reference solution, its wrong
 * one, any other) through the session's own dispatch and advance, so a test in Node gets exactly the
 * verdict the game gives (LevelState.done, latched the moment every goal is met). Also plays "show
 * me" to its end, the way a player watching it would see it.
 */
import { resolveCall } from '../levels/refs.ts';
import type { Level, SolutionStep } from '../levels/types.ts';
import type { AwsError, Call } from '../model/index.ts';
import { advance, dispatch, showMe, startLevel } from './session.ts';
import type { CallRecord, Session } from './types.ts';
import { elapsedOf } from './world.ts';

export interface LevelRun {
  session: Session;
  /** Every call played (setup, steps, scripted events, "show me"), with its answer, in order. */
  calls: CallRecord[];
  /** The calls that failed, with the error. */
  errors: { call: Call; error: AwsError; by: CallRecord['by'] }[];
}

function finish(session: Session, calls: CallRecord[]): LevelRun {
  const errors = calls.flatMap((c) =>
    'error' in c.response ? [{ call: c.call, error: c.response.error, by: c.by }] : [],
  );
  return { session, calls, errors };
}

/** Plays `steps` (by default the level's reference solution) as a player would, call by call. */
export function runLevel(level: Level, steps: readonly SolutionStep[] = level.solution): LevelRun {
  const start = startLevel(level);
  let session = start.session;
  const calls = [...start.calls];
  for (const s of steps) {
    const o = 'call' in s ? dispatch(session, resolveCall(s.call, session.sim)) : advance(session, s.advance);
    session = o.session;
    calls.push(...o.calls);
  }
  return finish(session, calls);
}

/** Starts the level, presses "show me", and lets the clock run to the second the playback ends. */
export function watchShowMe(level: Level): LevelRun {
  const start = startLevel(level);
  const shown = showMe(start.session);
  if (!shown) return finish(start.session, start.calls);
  let session = shown.session;
  const calls = [...start.calls, ...shown.calls];
  for (let demo = session.level?.demo; demo; demo = session.level?.demo) {
    const o = advance(session, Math.max(1, demo.waitUntil - elapsedOf(session.sim)));
    session = o.session;
    calls.push(...o.calls);
  }
  return finish(session, calls);
}
