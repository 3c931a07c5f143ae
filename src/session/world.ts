/**
 * Building and rebuilding worlds: a session's origin (a seed, a region, setup calls with a level's
 * `@refs` resolved as each is played, then settle seconds), and the replay of a log of calls from it,
 * with time advanced between the calls as it passed. Pure.
 */
import { resolveCall } from '../levels/refs.ts';
import type { Call, SimEvent, SimState } from '../model/index.ts';
import { advance, createSim, simFromJson, step } from '../model/index.ts';
import { beginLevel, dueEvents, evaluateLevel, type LevelState, tickLevel } from './level-run.ts';
import type { CallRecord, LoggedCall, SessionOrigin } from './types.ts';

/** Seconds since the start of the world. */
export function elapsedOf(sim: SimState): number {
  return sim.now - sim.startedAt;
}

/**
 * Builds a starting world: the setup calls at second 0 (references resolved against the world as each
 * is played, and logged resolved, so the log replays alone), then `settle` seconds. Returns the origin
 * and every setup call with its answer (a level test wants to see a failed setup call).
 */
export function buildOrigin(
  seed: number,
  region: string | undefined,
  setup: readonly Call[],
  settle = 0,
): { origin: SessionOrigin; calls: CallRecord[] } {
  let sim = createSim({ seed, ...(region ? { region } : {}) });
  const logged: LoggedCall[] = [];
  const calls: CallRecord[] = [];
  const opening: SimEvent[] = [];
  for (const c of setup) {
    const call = resolveCall(c, sim);
    const r = step(sim, call);
    sim = r.state;
    opening.push(...r.events);
    logged.push({ t: 0, call });
    calls.push({ t: 0, call, response: r.response, by: 'setup' });
  }
  const rest = Math.max(0, Math.floor(settle));
  if (rest > 0) {
    const r = advance(sim, rest);
    sim = r.state;
    opening.push(...r.events);
  }
  return { origin: { seed, region: sim.defaultRegion, setup: logged, start: sim, opening }, calls };
}

/** Rebuilds a world from its seed and calls, advancing time between them as it passed. */
export function replayWorld(seed: number, region: string, calls: readonly LoggedCall[], elapsed: number) {
  let sim = createSim({ seed, region });
  const events: SimEvent[] = [];
  const until = (t: number) => {
    const dt = t - elapsedOf(sim);
    if (dt <= 0) return;
    const r = advance(sim, dt);
    sim = r.state;
    events.push(...r.events);
  };
  for (const { t, call } of calls) {
    until(t);
    const r = step(sim, call);
    sim = r.state;
    events.push(...r.events);
  }
  until(elapsed);
  return { sim, events };
}

/**
 * Rebuilds a level over the player's calls from the level's starting world, folding the tracker once
 * per simulated second as live play does (for load, and for undo when no checkpoint was kept).
 * Scripted events that fell due are in the log already: they are marked played, not played twice.
 */
export function replayLevel(
  level: LevelState,
  start: SimState,
  calls: readonly LoggedCall[],
  elapsed: number,
): { sim: SimState; level: LevelState } {
  let sim = simFromJson(start);
  let lv: LevelState = { ...beginLevel(level.def, sim, level.hintsShown), assisted: level.assisted };
  const until = (t: number) => {
    while (elapsedOf(sim) < t) {
      sim = advance(sim, 1).state;
      lv = dueEvents(tickLevel(lv, sim)).level;
    }
  };
  for (const { t, call } of calls) {
    until(t);
    sim = step(sim, call).state;
    lv = evaluateLevel(lv, sim);
  }
  until(elapsed);
  return { sim, level: lv };
}
