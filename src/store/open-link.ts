/**
 * Opening a share link: the world is replayed through the model first, on the side, and only a world
 * whose every call the model accepts (as it did when the world was made: the log holds only calls that
 * changed the world) replaces the one on screen. A refused link changes nothing and says why.
 */
import { levelById } from '../levels/index.ts';
import { type Call, createSim, advance as simAdvance, step } from '../model/index.ts';
import { createGameStore, type GameStore, type SavedWorld } from './create-game-store.ts';
import { decodeLink, type LinkWorld } from './share-link.ts';

export type LinkOpen = { ok: true; world: LinkWorld } | { ok: false; message: string };

function clockText(seconds: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

function describeCall(call: Call, index: number, total: number, t: number): string {
  return `call ${index + 1} of ${total} (${call.action} at ${clockText(t)})`;
}

/**
 * Replays a link's world through the model alone and returns the first refusal in words, or null when
 * every call was accepted. Never throws: a call the model cannot even read is a refusal too.
 */
export function refusedCall(world: LinkWorld): string | null {
  let sim = createSim({ seed: world.seed, region: world.region });
  const { calls } = world;
  for (let i = 0; i < calls.length; i++) {
    const { t, call } = calls[i] as LinkWorld['calls'][number];
    try {
      const dt = t - (sim.now - sim.startedAt);
      if (dt > 0) sim = simAdvance(sim, dt).state;
      const r = step(sim, call);
      if ('error' in r.response) {
        const { name, message } = r.response.error;
        return `The simulation refused ${describeCall(call, i, calls.length, t)}: ${name}: ${message}`;
      }
      sim = r.state;
    } catch (e) {
      return `The simulation could not run ${describeCall(call, i, calls.length, t)}: ${(e as Error).message}`;
    }
  }
  return null;
}

function savedOf(world: LinkWorld): SavedWorld {
  return {
    format: 'nozama-world',
    version: 1,
    seed: world.seed,
    region: world.region,
    elapsed: world.elapsed,
    calls: world.calls,
  };
}

/** Starts the link's level (or the sandbox with its seed) in `store` and loads its calls. */
function applyTo(store: GameStore, world: LinkWorld): { ok: true } | { ok: false; message: string } {
  const level = world.level === null ? undefined : levelById(world.level);
  if (level) store.getState().startLevel(level);
  else store.getState().startSandbox(world.seed, world.region);
  return store.getState().load(savedOf(world));
}

/** Checks a link world without touching any store on screen; the message says what is wrong. */
export function checkLinkWorld(world: LinkWorld): { ok: true } | { ok: false; message: string } {
  if (world.level !== null && !levelById(world.level)) {
    return {
      ok: false,
      message: `This link names a level this version of Nozama does not have ("${world.level}").`,
    };
  }
  const refused = refusedCall(world);
  if (refused) return { ok: false, message: `This link's world cannot be rebuilt. ${refused}.` };
  // A rehearsal in a store of its own: the level's setup and the seed must match, as a load demands.
  const rehearsal = applyTo(createGameStore({ seed: world.seed, region: world.region }), world);
  if (!rehearsal.ok)
    return { ok: false, message: `This link's world cannot be rebuilt: ${rehearsal.message}` };
  return { ok: true };
}

/** Opens a world in `store` (a decoded link); on refusal the world on screen is untouched. */
export function openLinkWorld(store: GameStore, world: LinkWorld): LinkOpen {
  const checked = checkLinkWorld(world);
  if (!checked.ok) return checked;
  const applied = applyTo(store, world);
  if (!applied.ok) return applied;
  // The link opens where its maker was looking (format 2); a format 1 link, in the world's own region.
  if (world.view !== undefined && world.view !== store.getState().sim.defaultRegion)
    store.getState().visit(world.view);
  if (world.level === null) store.getState().goTo({ scene: 'kingdom', zone: null });
  return { ok: true, world };
}

/** Reads and opens the world in a URL fragment (`#world=1.xxxx`). */
export function openLink(store: GameStore, fragment: string): LinkOpen {
  const read = decodeLink(fragment);
  if (!read.ok) return read;
  return openLinkWorld(store, read.world);
}
