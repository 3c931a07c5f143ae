/**
 * Plays a level the way the store does: the scenario's setup calls, the settle time, then a list of
 * steps (the reference solution or any other), one tick at a time with the goal tracker observing
 * every simulated second and the level's scripted events fired when due. Used by "show me" checks,
 * the level tests and benchmarks; pure.
 */

import type { AwsError, Call, SimState } from '../model/index.ts';
import {
  advance,
  createSim,
  createTracker,
  evaluateGoals,
  type GoalProgress,
  observeTick,
  step,
  type Tracker,
} from '../model/index.ts';
import { resolveCall } from './refs.ts';
import { dueScriptedEvents } from './script.ts';
import type { Level, SolutionStep } from './types.ts';

export interface Replay {
  state: SimState;
  tracker: Tracker;
  progress: GoalProgress[];
  /** Every failed call, setup and steps alike, with the call as played. */
  errors: { call: Call; error: AwsError; phase: 'setup' | 'steps' | 'script' }[];
  /** The calls as played (references resolved), in order. */
  played: Call[];
}

/** The world a level starts in: setup calls played, then `settle` seconds. */
export function startLevel(level: Level): { state: SimState; errors: Replay['errors'] } {
  let state = createSim({
    seed: level.scenario.seed,
    ...(level.scenario.region ? { region: level.scenario.region } : {}),
  });
  const errors: Replay['errors'] = [];
  for (const c of level.scenario.setup) {
    const call = resolveCall(c, state);
    const r = step(state, call);
    if ('error' in r.response) errors.push({ call, error: r.response.error, phase: 'setup' });
    state = r.state;
  }
  state = advance(state, level.scenario.settle ?? 0).state;
  return { state, errors };
}

export function replayLevel(level: Level, steps: SolutionStep[] = level.solution): Replay {
  const start = startLevel(level);
  let state = start.state;
  const errors = start.errors;
  const played: Call[] = [];
  let tracker = createTracker(state);
  const fired: number[] = [];
  const play = (c: Call, phase: 'steps' | 'script') => {
    const call = resolveCall(c, state);
    played.push(call);
    const r = step(state, call);
    if ('error' in r.response) errors.push({ call, error: r.response.error, phase });
    state = r.state;
  };
  for (const s of steps) {
    if ('call' in s) {
      play(s.call, 'steps');
      continue;
    }
    for (let i = 0; i < s.advance; i++) {
      state = advance(state, 1).state;
      tracker = observeTick(tracker, state, level.goals);
      for (const idx of dueScriptedEvents(level, tracker, fired)) {
        fired.push(idx);
        const e = level.script?.[idx];
        if (e) play(e.call, 'script');
      }
    }
  }
  return { state, tracker, progress: evaluateGoals(level.goals, state, tracker), errors, played };
}
