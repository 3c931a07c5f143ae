/**
 * Saving and loading a session's world: a save (or a share link) is a seed, a region, the clock and
 * the logged calls; loading replays them from the session's own origin. A malformed save, or one made
 * in another scenario, is refused with a player-readable reason and changes nothing.
 */
import type { SimState } from '../model/index.ts';
import type { LevelState } from './level-run.ts';
import type { LoggedCall, SavedWorld, Session } from './types.ts';
import { elapsedOf, replayLevel, replayWorld } from './world.ts';

export function save(session: Session): SavedWorld {
  return {
    format: 'nozama-world',
    version: 1,
    seed: session.origin.seed,
    region: session.origin.region,
    elapsed: elapsedOf(session.sim),
    calls: session.log,
  };
}

function isLoggedCall(v: unknown): v is LoggedCall {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const call = o.call as Record<string, unknown> | undefined;
  return (
    typeof o.t === 'number' &&
    Number.isInteger(o.t) &&
    o.t >= 0 &&
    typeof call === 'object' &&
    call !== null &&
    typeof call.action === 'string' &&
    (call.input === undefined || (typeof call.input === 'object' && call.input !== null))
  );
}

/** Checks a saved world's shape; returns a player-readable reason when it is not one. */
export function validateSavedWorld(v: unknown): SavedWorld | string {
  if (typeof v !== 'object' || v === null) return 'This is not a saved Nozama world.';
  const o = v as Record<string, unknown>;
  if (o.format !== 'nozama-world') return 'This is not a saved Nozama world.';
  if (o.version !== 1)
    return `This world was saved by a newer version of Nozama (format ${String(o.version)}).`;
  if (typeof o.seed !== 'number' || !Number.isInteger(o.seed)) return 'The saved world has no valid seed.';
  if (typeof o.region !== 'string') return 'The saved world names no region.';
  if (typeof o.elapsed !== 'number' || o.elapsed < 0) return 'The saved world has no valid clock.';
  if (!Array.isArray(o.calls) || !o.calls.every(isLoggedCall))
    return 'The saved world has a damaged call list.';
  for (let i = 1; i < o.calls.length; i++) {
    if ((o.calls[i] as LoggedCall).t < (o.calls[i - 1] as LoggedCall).t)
      return 'The saved world has calls out of order.';
  }
  return o as unknown as SavedWorld;
}

/** Rebuilds a saved world in this session (its level, if one is played, rebuilt with it). */
export function load(
  session: Session,
  saved: unknown,
): { ok: true; session: Session } | { ok: false; message: string } {
  const v = validateSavedWorld(saved);
  if (typeof v === 'string') return { ok: false, message: v };
  const { origin, level } = session;
  if (v.seed !== origin.seed || v.region !== origin.region) {
    return { ok: false, message: 'This saved world belongs to another scenario (seed or region differ).' };
  }
  let sim: SimState;
  let nextLevel: LevelState | null = null;
  try {
    if (level) {
      const n = origin.setup.length;
      if (JSON.stringify(v.calls.slice(0, n)) !== JSON.stringify(origin.setup))
        return { ok: false, message: 'This saved world was not made in this level (its setup differs).' };
      const rebuilt = replayLevel(level, origin.start, v.calls.slice(n), v.elapsed);
      sim = rebuilt.sim;
      nextLevel = rebuilt.level;
    } else {
      sim = replayWorld(v.seed, v.region, v.calls, v.elapsed).sim;
    }
  } catch (e) {
    return { ok: false, message: `The saved world could not be rebuilt: ${(e as Error).message}` };
  }
  return { ok: true, session: { origin, sim, log: v.calls, redo: [], past: [], level: nextLevel } };
}
