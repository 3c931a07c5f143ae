/**
 * One store per mounted game (two embeds on a page share nothing): a thin zustand wrapper around a
 * Session (src/session: the world, its call log, undo and redo, the level and "show me", all pure),
 * plus what only the page needs: the numbered event stream the views read, the calls the Rosetta
 * panel lists, the clock's speed, the view state, and the player's progress. Every rule of the
 * session lives in src/session; the store applies the session's functions and notifies.
 */
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore, type Mutate, type StoreApi } from 'zustand/vanilla';
import type { AwsThing } from '../cli/index.ts';
import type { Level, ScriptedEvent } from '../levels/types.ts';
import {
  type Call,
  type CallResponse,
  type ResponseOf,
  regionInfo,
  type SimEvent,
  type SimState,
  type TypedCall,
} from '../model/index.ts';
import {
  advance as advanceSession,
  type CallRecord,
  createSession,
  dispatch as dispatchCall,
  type LevelState,
  type LoggedCall,
  load as loadSaved,
  type Outcome,
  query as queryWorld,
  redo as redoCall,
  reset as resetSession,
  type SavedWorld,
  type Session,
  save as saveWorld,
  showHint as showHintIn,
  showMe as showMeIn,
  startLevel as startLevelSession,
  stopShowMe as stopShowMeIn,
  undo as undoCall,
} from '../session/index.ts';
import {
  exportProgress,
  importProgress,
  mergeProgress,
  type Progress,
  recordCompletion,
} from './progress.ts';
import {
  loadProgress,
  type ProgressNotice,
  type ProgressStorage,
  SAVE_REFUSED,
  saveProgress,
} from './progress-storage.ts';
import { inViewRegion } from './view-region.ts';

export type { LevelState, LoggedCall, SavedWorld } from '../session/index.ts';
export { validateSavedWorld } from '../session/index.ts';

export interface WorldOrigin {
  elapsed: number;
  calls: number;
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
export type Selection = AwsThing;

/** How names are shown: Nozama's story words, AWS's names, or both side by side. */
export type NameMode = 'nozama' | 'aws' | 'both';

export interface UiState {
  place: ViewPlace;
  /**
   * The region the player is in: the scenes draw it and the forms' calls go to it. The world's own region
   * (sim.defaultRegion) until the player picks another on the planet; a new world starts in its own.
   */
  region: string;
  selection: Selection | null;
  names: NameMode;
  /** The cluster the player works in (the kingdom). */
  cluster: string;
}

export interface GameStoreState {
  /** The session the store wraps; the fields below up to `generation` are read from it. */
  session: Session;
  sim: SimState;
  log: LoggedCall[];
  /** How many calls at the start of the log built the scenario: they cannot be undone. */
  setupCount: number;
  /** Undone calls that redo can bring back, most recent last. */
  redoStack: LoggedCall[];
  events: { seq: number; recent: SimEvent[] };
  /** Every call the player made, read or write, with its response: what the Rosetta panel shows. */
  api: ApiRecord[];
  /** The number of the last call recorded in `api` (numbers only grow, across resets too). */
  apiSeq: number;
  clock: { speed: Speed; paused: boolean };
  /** View state shared by the canvas and the panels (they meet only here). Not part of the world. */
  ui: UiState;
  /** Bumped when the world is replaced rather than moved forward (undo, reset, load): views resync. */
  generation: number;
  /**
   * Where a loaded world (a save, a share link) began on this screen: the simulated second and how many
   * calls were replayed to reach it. Null for a world built here. The Chronicle marks it.
   */
  origin: WorldOrigin | null;
  /** Makes a call (to the player's region, ui.region, unless it names one) and logs it. */
  dispatch(call: Call): CallResponse;
  advance(seconds: number): void;
  setSpeed(speed: Speed): void;
  setPaused(paused: boolean): void;
  /** Runs a read call (the model's ACTIONS table) in the player's region without logging it; typed by its action. */
  query<S extends string>(call: TypedCall<S>): ResponseOf<S>;
  goTo(place: ViewPlace): void;
  /** Flies to a region of the planet: it becomes ui.region and the view shows its portals. */
  visit(region: string): void;
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
  /**
   * Free play: a new empty world (the given seed, else the store's first; the given region, else the
   * store's), every panel, no goals; `script`: what the world does on its own (a sandbox class's storms).
   */
  startSandbox(seed?: number, region?: string, script?: readonly ScriptedEvent[]): void;
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

const placeOf = (place: Level['scenario']['place']): ViewPlace =>
  place === 'planet'
    ? { scene: 'planet' }
    : place === 'region'
      ? { scene: 'region' }
      : { scene: 'kingdom', zone: null };

/** The store's fields read from the session (the rest of the store is the page's own). */
function fromSession(session: Session) {
  return {
    session,
    sim: session.sim,
    log: session.log,
    setupCount: session.origin.setup.length,
    redoStack: session.redo,
    level: session.level,
  };
}

/** Numbers fresh events after `seq`, keeping the last RECENT_EVENTS of `kept` and them. */
function numbered(kept: SimEvent[], seq: number, fresh: SimEvent[]) {
  if (fresh.length === 0) return { seq, recent: kept };
  const recent = kept.concat(fresh.map((e, i) => ({ ...e, seq: seq + i + 1 })));
  return {
    seq: seq + fresh.length,
    recent: recent.length > RECENT_EVENTS ? recent.slice(-RECENT_EVENTS) : recent,
  };
}

export function createGameStore(options: GameStoreOptions = {}): GameStore {
  const firstSeed = options.seed ?? 1;
  const opened = createSession({ seed: firstSeed, region: options.region, setup: options.setup ?? [] });
  const storage = options.progressStorage ?? null;
  const loaded = loadProgress(storage);
  /** False while the stored save must not be written over, or the storage refused: memory only. */
  let writable = loaded.writable;

  return createStore<GameStoreState>()(
    subscribeWithSelector((set, get) => {
      /** Saves when allowed; the first refusal is told once, then progress stays in memory. */
      const persist = (progress: Progress) => {
        if (writable && !saveProgress(storage, progress)) {
          writable = false;
          set({ progressNotice: { tone: 'warn', text: SAVE_REFUSED, damaged: null } });
        }
        return progress;
      };
      /** The progress after a level moved: a first completion (not watched) is recorded. */
      const progressAfter = (prev: LevelState | null, next: LevelState | null): Progress => {
        const { progress } = get();
        if (!next?.done || prev?.done || !next.stars || next.assisted) return progress;
        return persist(recordCompletion(progress, next.id, next.stars.count, next.stars.gold));
      };
      /** The calls the player and the level made, for the Rosetta panel (the setup's are not shown). */
      const recorded = (calls: CallRecord[], from: ApiRecord[]) => {
        let seq = get().apiSeq;
        const shown = calls.filter((c) => c.by !== 'setup');
        if (shown.length === 0) return { api: from, apiSeq: seq };
        const api = from.concat(shown.map(({ t, call, response }) => ({ seq: ++seq, t, call, response })));
        return { api: api.length > API_RECORDS ? api.slice(-API_RECORDS) : api, apiSeq: seq };
      };
      /** Applies a session move that carries the world forward: its events join the stream. */
      const apply = (o: Outcome) => {
        const s = get();
        set({
          ...fromSession(o.session),
          events: numbered(s.events.recent, s.events.seq, o.events),
          ...recorded(o.calls, s.api),
          progress: progressAfter(s.level, o.session.level),
        });
      };
      /**
       * Applies a session move that replaces the world (a level start, free play, a reset, "show me"):
       * a new generation; the stream restarts from the move's events (the starting world's first).
       */
      const replace = (o: Outcome, extra: Partial<GameStoreState> = {}) => {
        const s = get();
        set({
          ...fromSession(o.session),
          events: numbered([], s.events.seq, o.events),
          ...recorded(o.calls, []),
          generation: s.generation + 1,
          origin: null,
          ...extra,
          ui: { ...(extra.ui ?? s.ui), region: o.session.sim.defaultRegion },
        });
      };

      return {
        ...fromSession(opened.session),
        events: numbered([], 0, opened.events),
        api: [],
        apiSeq: 0,
        clock: { speed: 1, paused: false },
        // A new player lands on the planet, as the game's story begins.
        ui: {
          place: { scene: 'planet' },
          region: opened.session.sim.defaultRegion,
          selection: null,
          names: 'nozama',
          cluster: 'Royaume',
        },
        generation: 0,
        origin: null,
        progress: loaded.progress,
        progressNotice: loaded.notice,
        firstVisit: loaded.firstVisit,

        dispatch(call) {
          const o = dispatchCall(get().session, inViewRegion(get(), call));
          apply(o);
          return (o.calls[0] as CallRecord).response;
        },

        advance(seconds) {
          apply(advanceSession(get().session, seconds));
        },

        setSpeed(speed) {
          set({ clock: { ...get().clock, speed } });
        },

        query<S extends string>(call: TypedCall<S>): ResponseOf<S> {
          return queryWorld(get().session, inViewRegion(get(), call as Call)) as ResponseOf<S>;
        },

        goTo(place) {
          set({ ui: { ...get().ui, place } });
        },

        visit(region) {
          if (!regionInfo(region)) return;
          set({ ui: { ...get().ui, region, place: { scene: 'region' }, selection: null } });
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
          const session = undoCall(get().session);
          if (!session) return false;
          set({ ...fromSession(session), generation: get().generation + 1 });
          return true;
        },

        redo() {
          const o = redoCall(get().session);
          if (!o) return false;
          const applied = o.session.log.length > get().session.log.length;
          apply(o);
          return applied;
        },

        reset() {
          replace(resetSession(get().session));
        },

        save() {
          return saveWorld(get().session);
        },

        load(saved) {
          const s = get();
          const r = loadSaved(s.session, saved);
          if (!r.ok) return r;
          set({
            ...fromSession(r.session),
            events: { seq: s.events.seq, recent: [] },
            api: [],
            generation: s.generation + 1,
            ui: { ...s.ui, region: r.session.sim.defaultRegion },
            progress: progressAfter(s.level, r.session.level),
            origin: { elapsed: r.session.sim.now - r.session.sim.startedAt, calls: r.session.log.length },
          });
          return { ok: true };
        },

        startLevel(def) {
          const progress = persist({ ...get().progress, lastLevel: def.id });
          replace(startLevelSession(def), {
            progress,
            firstVisit: false,
            ui: { ...get().ui, place: placeOf(def.scenario.place), selection: null },
          });
        },

        startSandbox(seed, region, script) {
          const world = { seed: seed ?? firstSeed, region: region ?? options.region, script: script ?? [] };
          replace(createSession(world), {
            firstVisit: false,
            ui: { ...get().ui, selection: null },
          });
        },

        showHint() {
          const session = showHintIn(get().session);
          if (session === get().session) return false;
          set(fromSession(session));
          return true;
        },

        showMe() {
          const o = showMeIn(get().session);
          if (!o) return false;
          replace(o, { clock: { ...get().clock, paused: false } });
          return true;
        },

        stopShowMe() {
          set(fromSession(stopShowMeIn(get().session)));
        },

        exportProgress() {
          return exportProgress(get().progress);
        },

        importProgress(text) {
          const r = importProgress(text);
          if (!r.ok) return { ok: false, message: r.message };
          set({ progressNotice: null });
          set({ progress: persist(mergeProgress(get().progress, r.progress)) });
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
