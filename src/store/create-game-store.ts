/**
 * One store per mounted game (two embeds on a page share nothing): the simulation state, the log of
 * calls that rebuilds it (seed + calls replays to the same world), a sequenced event stream, and the
 * clock the view drives.
 */
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore, type Mutate, type StoreApi } from 'zustand/vanilla';
import { resolveCall } from '../levels/refs.ts';
import type { Level } from '../levels/types.ts';
import type { Call, CallResponse, SimEvent, SimState } from '../model/index.ts';
import { advance as advanceSim, createSim, isReadOnlyAction, step } from '../model/index.ts';
import {
  beginLevel,
  dueEvents,
  evaluateLevel,
  type LevelState,
  nextDemoAction,
  revealHint,
  tickLevel,
} from './level-session.ts';
import {
  exportProgress,
  importProgress,
  loadProgress,
  mergeProgress,
  type Progress,
  type ProgressNotice,
  type ProgressStorage,
  recordCompletion,
  saveProgress,
} from './progress.ts';

export type { LevelState } from './level-session.ts';

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
  | { kind: 'zone'; id: string }
  /** ids: LoadBalancerArn, ListenerArn, TargetGroupArn, AlarmName, FunctionName, `function:alias`. */
  | { kind: 'loadBalancer'; id: string }
  | { kind: 'listener'; id: string }
  | { kind: 'targetGroup'; id: string }
  | { kind: 'alarm'; id: string }
  | { kind: 'lambdaFunction'; id: string }
  | { kind: 'lambdaAlias'; id: string };

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
  /** How many calls at the start of the log built the scenario: they cannot be undone. */
  setupCount: number;
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

  /** The level being played, or null in free play (the sandbox). */
  level: LevelState | null;
  /** The player's campaign progress (persisted through the store's ProgressStorage, if any). */
  progress: Progress;
  /** Something to tell the player about their progress (a damaged save kept aside, a migration). */
  progressNotice: ProgressNotice | null;
  /** No progress was stored when the game opened: the campaign map greets the player. */
  firstVisit: boolean;
  /** Builds the level's starting world from its scenario and starts its session (a new world). */
  startLevel(level: Level): void;
  /** Free play: a new empty world (the given seed, else the store's first), every panel, no goals. */
  startSandbox(seed?: number): void;
  /** Reveals the next hint of the level; false when there is none left. */
  showHint(): boolean;
  /** Restarts the level and plays its reference solution through the clock; stoppable. */
  showMe(): boolean;
  stopShowMe(): void;
  /** Progress as text, to carry to another machine. */
  exportProgress(): string;
  /** Merges an exported text into this machine's progress; a bad text changes nothing. */
  importProgress(text: string): { ok: true } | { ok: false; message: string };
  dismissProgressNotice(): void;
  /** Remembers that the player has seen the campaign map (no longer a first visit). */
  markVisited(): void;
}

export interface GameStoreOptions {
  seed?: number;
  region?: string;
  /** Calls that build the starting world (a level's scenario); they are part of the log. */
  setup?: Call[];
  /** Where progress is kept (localStorage in the game); none: progress lives in memory only. */
  progressStorage?: ProgressStorage | null;
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

interface WorldStart {
  seed: number;
  region: string;
  /** The calls that built the starting world (logged at second 0, not undoable). */
  setupLog: LoggedCall[];
  start: { sim: SimState; events: SimEvent[] };
}

/**
 * Builds a starting world: the setup calls at second 0 (a level's references resolved against the
 * world as each is played, and logged resolved, so the log replays alone), then `settle` seconds.
 */
function buildWorld(seed: number, region: string | undefined, setup: Call[], settle = 0): WorldStart {
  let sim = createSim({ seed, ...(region ? { region } : {}) });
  const setupLog: LoggedCall[] = [];
  const events: SimEvent[] = [];
  for (const c of setup) {
    const call = resolveCall(c, sim);
    const r = step(sim, call);
    sim = r.state;
    events.push(...r.events);
    setupLog.push({ t: 0, call });
  }
  const rest = Math.max(0, Math.floor(settle));
  if (rest > 0) {
    const r = advanceSim(sim, rest);
    sim = r.state;
    events.push(...r.events);
  }
  return { seed, region: sim.defaultRegion, setupLog, start: { sim, events } };
}

/**
 * Rebuilds a level session over the player's calls from the level's starting world, folding the
 * tracker once per simulated second as live play does (for load, and undo when no state was kept).
 */
function replayLevel(level: LevelState, startSim: SimState, calls: LoggedCall[], elapsed: number) {
  let sim = startSim;
  let lv = { ...beginLevel(level.def, sim, level.hintsShown), assisted: level.assisted };
  const until = (t: number) => {
    while (elapsedOf(sim) < t) {
      sim = advanceSim(sim, 1).state;
      // Scripted events that fell due are in the log already: mark them played, do not play them twice.
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

const placeOf = (place: Level['scenario']['place']): ViewPlace =>
  place === 'planet'
    ? { scene: 'planet' }
    : place === 'region'
      ? { scene: 'region' }
      : { scene: 'kingdom', zone: null };

export function createGameStore(options: GameStoreOptions = {}): GameStore {
  const firstSeed = options.seed ?? 1;
  let world = buildWorld(firstSeed, options.region, options.setup ?? []);
  const storage = options.progressStorage ?? null;
  const loaded = loadProgress(storage);
  /** States before each logged call, for instant undo (states are immutable, so this is cheap). */
  let before: SimState[] = [];
  /** The level session before each logged call, kept beside `before` (same length while a level runs). */
  let levelBefore: (LevelState | null)[] = [];
  let apiSeq = 0;
  /** The stream's own numbering: it only grows, even when undo or load rewinds the world's counter. */
  let eventSeq = world.start.events.length;
  /** True while "show me" dispatches a solution call (the player's own calls stop the playback). */
  let demoDispatching = false;
  /** True while a level's scripted event is dispatched (it does not stop "show me" either). */
  let scriptDispatching = false;

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
      const persist = (progress: Progress) => {
        saveProgress(storage, progress);
        return progress;
      };
      /** The progress after a level session moved: a first completion (not watched) is recorded. */
      const progressAfter = (prev: LevelState | null, next: LevelState | null): Progress => {
        const { progress } = get();
        if (!next?.done || prev?.done || !next.stars || next.assisted) return progress;
        return persist(recordCompletion(progress, next.id, next.stars.count, next.stars.gold));
      };
      /**
       * Replaces the world (a level start, free play, a reset): a new generation, nothing to undo. The
       * events of the starting world's setup are the chronicle's first lines (a kingdom founded...).
       */
      const replaceWorld = (level: LevelState | null, extra: Partial<GameStoreState> = {}) => {
        before = [];
        levelBefore = [];
        const opening = world.start.events.slice(-RECENT_EVENTS).map((e) => ({ ...e, seq: ++eventSeq }));
        set({
          sim: world.start.sim,
          log: world.setupLog,
          setupCount: world.setupLog.length,
          redoStack: [],
          events: { seq: eventSeq, recent: opening },
          api: [],
          generation: get().generation + 1,
          level,
          ...extra,
        });
      };
      /**
       * Moves the world `n` seconds, folding the level's tracker once per second; a scripted event
       * (a level's own disaster) that falls due is dispatched at that second, and logged like any call.
       */
      const advanceTracked = (n: number) => {
        const prev = get().level;
        if (!prev) {
          const r = advanceSim(get().sim, n);
          set({ sim: r.state, events: pushEvents(r.events) });
          return;
        }
        let sim = get().sim;
        let level = prev;
        let events: SimEvent[] = [];
        const commit = () => {
          set({ sim, events: pushEvents(events), level, progress: progressAfter(get().level, level) });
          events = [];
        };
        for (let i = 0; i < n; i++) {
          const r = advanceSim(sim, 1);
          sim = r.state;
          for (const e of r.events) events.push(e);
          const due = dueEvents(tickLevel(level, sim));
          level = due.level;
          if (due.calls.length === 0) continue;
          commit();
          scriptDispatching = true;
          try {
            for (const call of due.calls) get().dispatch(resolveCall(call, get().sim));
          } finally {
            scriptDispatching = false;
          }
          sim = get().sim;
          level = get().level ?? level;
        }
        commit();
      };
      const setDemo = (demo: LevelState['demo']) => {
        const level = get().level;
        if (level) set({ level: { ...level, demo } });
      };
      /** Plays the solution's calls that are due now; stops at a wait or at the end. */
      const runDemo = () => {
        for (let guard = 0; guard < 10_000; guard++) {
          const level = get().level;
          if (!level?.demo) return;
          const elapsed = elapsedOf(get().sim);
          const { action, demo } = nextDemoAction(level.def.solution, level.demo, elapsed);
          if (action.kind === 'end') return setDemo(null);
          setDemo(demo);
          if (action.kind === 'wait') {
            if (elapsed < demo.waitUntil) return;
            continue;
          }
          demoDispatching = true;
          let response: CallResponse;
          try {
            response = get().dispatch(resolveCall(action.step.call, get().sim));
          } finally {
            demoDispatching = false;
          }
          if ('error' in response) return setDemo(null);
        }
      };

      return {
        sim: world.start.sim,
        log: world.setupLog,
        setupCount: world.setupLog.length,
        redoStack: [],
        events: {
          seq: eventSeq,
          recent: world.start.events.map((e, i) => ({ ...e, seq: i + 1 })).slice(-RECENT_EVENTS),
        },
        api: [],
        clock: { speed: 1, paused: false },
        // A new player lands on the planet, as the game's story begins.
        ui: { place: { scene: 'planet' }, selection: null, names: 'nozama', cluster: 'Royaume' },
        generation: 0,
        level: null,
        progress: loaded.progress,
        progressNotice: loaded.notice,
        firstVisit: loaded.firstVisit,

        dispatch(call) {
          const { sim, level } = get();
          const t = elapsedOf(sim);
          const r = step(sim, call);
          const response = r.response;
          const changes = !('error' in response) && !isReadOnlyAction(call.action);
          if (changes) {
            before.push(sim);
            levelBefore.push(level);
            let next = level ? evaluateLevel(level, r.state) : null;
            if (next?.demo && !demoDispatching && !scriptDispatching) next = { ...next, demo: null };
            set({
              sim: r.state,
              log: get().log.concat({ t, call }),
              redoStack: [],
              events: pushEvents(r.events),
              api: record(call, response, t),
              level: next,
              progress: progressAfter(level, next),
            });
          } else {
            set({ api: record(call, response, t) });
          }
          return response;
        },

        advance(seconds) {
          let left = Math.floor(seconds);
          while (left > 0) {
            const demo = get().level?.demo;
            // With "show me" playing, stop at the second its next step is due.
            const chunk = demo ? Math.max(1, Math.min(left, demo.waitUntil - elapsedOf(get().sim))) : left;
            advanceTracked(chunk);
            left -= chunk;
            if (get().level?.demo) runDemo();
          }
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
          const { log, level } = get();
          if (log.length <= world.setupLog.length) return false;
          const last = log[log.length - 1] as LoggedCall;
          let sim = before.pop();
          let restored = levelBefore.pop() ?? null;
          if (!sim) {
            if (level) {
              const calls = log.slice(world.setupLog.length, -1);
              const rebuilt = replayLevel(level, world.start.sim, calls, last.t);
              sim = rebuilt.sim;
              restored = rebuilt.level;
            } else {
              sim = replay(world.seed, world.region, log.slice(0, -1), last.t).sim;
            }
          }
          // Hints stay revealed; an undo stops "show me" (its next step may no longer make sense).
          const nextLevel =
            level && restored
              ? { ...restored, hintsShown: level.hintsShown, assisted: level.assisted, demo: null }
              : null;
          set({
            sim,
            log: log.slice(0, -1),
            redoStack: get().redoStack.concat(last),
            generation: get().generation + 1,
            level: nextLevel,
          });
          return true;
        },

        redo() {
          const { redoStack, sim, log, level } = get();
          const next = redoStack[redoStack.length - 1];
          if (!next) return false;
          const t = Math.max(next.t, elapsedOf(sim));
          const r = step(sim, next.call);
          if ('error' in r.response) {
            set({ redoStack: redoStack.slice(0, -1) });
            return false;
          }
          before.push(sim);
          levelBefore.push(level);
          const nextLevel = level ? evaluateLevel({ ...level, demo: null }, r.state) : null;
          set({
            sim: r.state,
            log: log.concat({ t, call: next.call }),
            redoStack: redoStack.slice(0, -1),
            events: pushEvents(r.events),
            level: nextLevel,
            progress: progressAfter(level, nextLevel),
          });
          return true;
        },

        reset() {
          const level = get().level;
          // In a level, a reset restarts it: its starting world, a fresh tracker, hints kept.
          replaceWorld(level ? beginLevel(level.def, world.start.sim, level.hintsShown) : null);
        },

        save() {
          const { sim, log } = get();
          return {
            format: 'nozama-world',
            version: 1,
            seed: world.seed,
            region: world.region,
            elapsed: elapsedOf(sim),
            calls: log,
          };
        },

        load(saved) {
          const v = validateSavedWorld(saved);
          if (typeof v === 'string') return { ok: false, message: v };
          if (v.seed !== world.seed || v.region !== world.region) {
            return {
              ok: false,
              message: 'This saved world belongs to another scenario (seed or region differ).',
            };
          }
          const level = get().level;
          let sim: SimState;
          let nextLevel: LevelState | null = null;
          try {
            if (level) {
              const setupLength = world.setupLog.length;
              const sameSetup =
                JSON.stringify(v.calls.slice(0, setupLength)) === JSON.stringify(world.setupLog);
              if (!sameSetup)
                return {
                  ok: false,
                  message: 'This saved world was not made in this level (its setup differs).',
                };
              const rebuilt = replayLevel(level, world.start.sim, v.calls.slice(setupLength), v.elapsed);
              sim = rebuilt.sim;
              nextLevel = rebuilt.level;
            } else {
              sim = replay(v.seed, v.region, v.calls, v.elapsed).sim;
            }
          } catch (e) {
            return { ok: false, message: `The saved world could not be rebuilt: ${(e as Error).message}` };
          }
          before = [];
          levelBefore = [];
          set({
            sim,
            log: v.calls,
            redoStack: [],
            events: { seq: get().events.seq, recent: [] },
            api: [],
            generation: get().generation + 1,
            level: nextLevel,
            progress: progressAfter(level, nextLevel),
          });
          return { ok: true };
        },

        startLevel(def) {
          const { seed, region, setup, settle, place } = def.scenario;
          world = buildWorld(seed, region, setup, settle);
          const progress = persist({ ...get().progress, lastLevel: def.id });
          replaceWorld(beginLevel(def, world.start.sim), {
            progress,
            firstVisit: false,
            ui: { ...get().ui, place: placeOf(place), selection: null },
          });
        },

        startSandbox(seed) {
          world = buildWorld(seed ?? firstSeed, options.region, []);
          replaceWorld(null, { firstVisit: false, ui: { ...get().ui, selection: null } });
        },

        showHint() {
          const level = get().level;
          if (!level) return false;
          const next = revealHint(level);
          if (next === level) return false;
          set({ level: next });
          return true;
        },

        showMe() {
          const level = get().level;
          if (!level || level.def.solution.length === 0) return false;
          const fresh = beginLevel(level.def, world.start.sim, level.hintsShown);
          replaceWorld({
            ...fresh,
            assisted: true,
            demo: { step: 0, waitUntil: elapsedOf(world.start.sim) },
          });
          set({ clock: { ...get().clock, paused: false } });
          runDemo();
          return true;
        },

        stopShowMe() {
          setDemo(null);
        },

        exportProgress() {
          return exportProgress(get().progress);
        },

        importProgress(text) {
          const r = importProgress(text);
          if (!r.ok) return { ok: false, message: r.message };
          set({ progress: persist(mergeProgress(get().progress, r.progress)), progressNotice: null });
          return { ok: true };
        },

        dismissProgressNotice() {
          set({ progressNotice: null });
        },

        markVisited() {
          set({ firstVisit: false, progress: persist(get().progress) });
        },
      };
    }),
  );
}
