/**
 * One store per mounted game (two embeds on a page share nothing): the simulation state, the log of
 * calls that rebuilds it (seed + calls replays to the same world), a sequenced event stream, and the
 * clock the view drives.
 */
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore, type Mutate, type StoreApi } from 'zustand/vanilla';
import { advance as advanceSim, createSim, isReadOnlyAction, step } from '../model/index.ts';
import type { Call, CallResponse, SimEvent, SimState } from '../model/types.ts';

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

export interface ApiRecord {
  seq: number;
  t: number;
  call: Call;
  response: CallResponse;
}

export type Speed = 1 | 4 | 16 | 64;

/** What the player is looking at: the planet, a region's portals, or the kingdom (optionally one zone). */
export type ViewPlace = { scene: 'planet' } | { scene: 'region' } | { scene: 'kingdom'; zone: string | null };

/** Something the player selected, by its AWS identity (the inspector shows its JSON and CLI). */
export type Selection =
  | { kind: 'instance'; id: string }
  | { kind: 'containerInstance'; id: string }
  | { kind: 'task'; id: string }
  | { kind: 'service'; id: string }
  | { kind: 'taskDefinition'; id: string }
  | { kind: 'cluster'; id: string }
  | { kind: 'zone'; id: string };

/** How names are shown: Nozama's story words, AWS's names, or both side by side. */
export type NameMode = 'nozama' | 'aws' | 'both';

export interface UiState {
  place: ViewPlace;
  selection: Selection | null;
  names: NameMode;
  /** The cluster the player works in (the kingdom). */
  cluster: string;
}

export interface GameStoreState {
  sim: SimState;
  log: LoggedCall[];
  /** Undone calls that redo can bring back, most recent last. */
  redoStack: LoggedCall[];
  events: { seq: number; recent: SimEvent[] };
  /** Every call the player made, read or write, with its response: what the Rosetta panel shows. */
  api: ApiRecord[];
  clock: { speed: Speed; paused: boolean };
  /** View state shared by the canvas and the panels (they meet only here). Not part of the world. */
  ui: UiState;
  /** Bumped when the world is replaced rather than moved forward (undo, reset, load): views resync. */
  generation: number;
  dispatch(call: Call): CallResponse;
  advance(seconds: number): void;
  setSpeed(speed: Speed): void;
  setPaused(paused: boolean): void;
  /** Runs a read call (Describe*, List*, Get*) against the current world without logging it. */
  query(call: Call): CallResponse;
  goTo(place: ViewPlace): void;
  select(selection: Selection | null): void;
  setNames(names: NameMode): void;
  undo(): boolean;
  redo(): boolean;
  reset(): void;
  save(): SavedWorld;
  /** Rebuilds a saved world; a malformed one is refused with a message and changes nothing. */
  load(saved: unknown): { ok: true } | { ok: false; message: string };
}

export interface GameStoreOptions {
  seed?: number;
  region?: string;
  /** Calls that build the starting world (a level's scenario); they are part of the log. */
  setup?: Call[];
}

/** The store with subscribeWithSelector: `subscribe(selector, listener)` is typed. */
export type GameStore = Mutate<StoreApi<GameStoreState>, [['zustand/subscribeWithSelector', never]]>;

const RECENT_EVENTS = 500;
const API_RECORDS = 200;

function elapsedOf(sim: SimState): number {
  return sim.now - sim.startedAt;
}

/** Rebuild a world from its seed and calls, advancing time between them as it passed. */
export function replay(seed: number, region: string, calls: LoggedCall[], elapsed: number) {
  let sim = createSim({ seed, region });
  const events: SimEvent[] = [];
  for (const { t, call } of calls) {
    const dt = t - elapsedOf(sim);
    if (dt > 0) {
      const r = advanceSim(sim, dt);
      sim = r.state;
      events.push(...r.events);
    }
    const r = step(sim, call);
    sim = r.state;
    events.push(...r.events);
  }
  const rest = elapsed - elapsedOf(sim);
  if (rest > 0) {
    const r = advanceSim(sim, rest);
    sim = r.state;
    events.push(...r.events);
  }
  return { sim, events };
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

export function createGameStore(options: GameStoreOptions = {}): GameStore {
  const seed = options.seed ?? 1;
  const initial = createSim({ seed, ...(options.region ? { region: options.region } : {}) });
  const region = initial.defaultRegion;
  const setupLog: LoggedCall[] = (options.setup ?? []).map((call) => ({ t: 0, call }));
  const start = replay(seed, region, setupLog, 0);
  /** States before each logged call, for instant undo (states are immutable, so this is cheap). */
  let before: SimState[] = [];
  let apiSeq = 0;
  /** The stream's own numbering: it only grows, even when undo or load rewinds the world's counter. */
  let eventSeq = start.events.length;

  return createStore<GameStoreState>()(
    subscribeWithSelector((set, get) => {
      const pushEvents = (fresh: SimEvent[]) => {
        if (fresh.length === 0) return get().events;
        const recent = get().events.recent.concat(fresh.map((e) => ({ ...e, seq: ++eventSeq })));
        return {
          seq: eventSeq,
          recent: recent.length > RECENT_EVENTS ? recent.slice(-RECENT_EVENTS) : recent,
        };
      };
      const record = (call: Call, response: CallResponse, t: number): ApiRecord[] => {
        const api = get().api.concat({ seq: ++apiSeq, t, call, response });
        return api.length > API_RECORDS ? api.slice(-API_RECORDS) : api;
      };

      return {
        sim: start.sim,
        log: setupLog,
        redoStack: [],
        events: {
          seq: eventSeq,
          recent: start.events.map((e, i) => ({ ...e, seq: i + 1 })).slice(-RECENT_EVENTS),
        },
        api: [],
        clock: { speed: 1, paused: false },
        // A new player lands on the planet, as the game's story begins.
        ui: { place: { scene: 'planet' }, selection: null, names: 'nozama', cluster: 'Royaume' },
        generation: 0,

        dispatch(call) {
          const { sim } = get();
          const t = elapsedOf(sim);
          const r = step(sim, call);
          const response = r.response;
          const changes = !('error' in response) && !isReadOnlyAction(call.action);
          if (changes) {
            before.push(sim);
            set({
              sim: r.state,
              log: get().log.concat({ t, call }),
              redoStack: [],
              events: pushEvents(r.events),
              api: record(call, response, t),
            });
          } else {
            set({ api: record(call, response, t) });
          }
          return response;
        },

        advance(seconds) {
          const whole = Math.floor(seconds);
          if (whole <= 0) return;
          const r = advanceSim(get().sim, whole);
          set({ sim: r.state, events: pushEvents(r.events) });
        },

        setSpeed(speed) {
          set({ clock: { ...get().clock, speed } });
        },

        query(call) {
          if (!isReadOnlyAction(call.action)) {
            return {
              error: {
                name: 'ValidationException',
                message: `${call.action} changes the world: dispatch it instead.`,
              },
            };
          }
          return step(get().sim, call).response;
        },

        goTo(place) {
          set({ ui: { ...get().ui, place } });
        },

        select(selection) {
          set({ ui: { ...get().ui, selection } });
        },

        setNames(names) {
          set({ ui: { ...get().ui, names } });
        },

        setPaused(paused) {
          set({ clock: { ...get().clock, paused } });
        },

        undo() {
          const { log } = get();
          if (log.length <= setupLog.length) return false;
          const last = log[log.length - 1] as LoggedCall;
          let sim = before.pop();
          if (!sim) {
            const rebuilt = replay(seed, region, log.slice(0, -1), last.t);
            sim = rebuilt.sim;
          }
          set({
            sim,
            log: log.slice(0, -1),
            redoStack: get().redoStack.concat(last),
            generation: get().generation + 1,
          });
          return true;
        },

        redo() {
          const { redoStack, sim, log } = get();
          const next = redoStack[redoStack.length - 1];
          if (!next) return false;
          const t = Math.max(next.t, elapsedOf(sim));
          const r = step(sim, next.call);
          if ('error' in r.response) {
            set({ redoStack: redoStack.slice(0, -1) });
            return false;
          }
          before.push(sim);
          set({
            sim: r.state,
            log: log.concat({ t, call: next.call }),
            redoStack: redoStack.slice(0, -1),
            events: pushEvents(r.events),
          });
          return true;
        },

        reset() {
          before = [];
          set({
            sim: start.sim,
            log: setupLog,
            redoStack: [],
            events: { seq: get().events.seq, recent: [] },
            api: [],
            generation: get().generation + 1,
          });
        },

        save() {
          const { sim, log } = get();
          return { format: 'nozama-world', version: 1, seed, region, elapsed: elapsedOf(sim), calls: log };
        },

        load(saved) {
          const v = validateSavedWorld(saved);
          if (typeof v === 'string') return { ok: false, message: v };
          if (v.seed !== seed || v.region !== region) {
            return {
              ok: false,
              message: 'This saved world belongs to another scenario (seed or region differ).',
            };
          }
          let rebuilt: ReturnType<typeof replay>;
          try {
            rebuilt = replay(v.seed, v.region, v.calls, v.elapsed);
          } catch (e) {
            return { ok: false, message: `The saved world could not be rebuilt: ${(e as Error).message}` };
          }
          before = [];
          set({
            sim: rebuilt.sim,
            log: v.calls,
            redoStack: [],
            events: { seq: get().events.seq, recent: [] },
            api: [],
            generation: get().generation + 1,
          });
          return { ok: true };
        },
      };
    }),
  );
}
