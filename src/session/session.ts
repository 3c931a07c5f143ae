/**
 * The session's moves: pure functions from a Session to the next (see types.ts), the rules every
 * surface shares. What a call logs (a write that succeeded; never a read or a refused call), how undo
 * and redo move the undo position, how time passes in a level (one simulated second at a time, the
 * goal tracker folded after each, the level's scripted events played when due, "show me" playing the
 * reference solution through the same clock), and when a level is done (level-run.ts, allGoalsMet).
 */
import { resolveCall } from '../levels/refs.ts';
import { takeDueEvents } from '../levels/script.ts';
import type { Level, ScriptedEvent } from '../levels/types.ts';
import type { Call, CallResponse, ResponseOf, SimEvent, TypedCall } from '../model/index.ts';
import { actionAccess, advance as advanceSim, step } from '../model/index.ts';
import {
  beginLevel,
  dueEvents,
  evaluateLevel,
  type LevelState,
  nextDemoAction,
  revealHint,
  tickLevel,
} from './level-run.ts';
import type { CallRecord, CallSource, FreePlayScript, Outcome, Session, SessionOrigin } from './types.ts';
import { buildOrigin, elapsedOf, replayLevel, replayWorld } from './world.ts';

/**
 * A session at the start of its origin's world: nothing to undo, nothing to redo; free play's
 * scripted events (if any) start again from the world's start.
 */
function atStart(
  origin: SessionOrigin,
  level: LevelState | null,
  events: readonly ScriptedEvent[] = [],
): Session {
  const session: Session = { origin, sim: origin.start, log: origin.setup, redo: [], past: [], level };
  if (level || events.length === 0) return session;
  return { ...session, script: { events: [...events], startedAt: origin.start.now, fired: [] } };
}

/**
 * Free play (the sandbox): a world of the seed and region, built by the setup calls if any; `script`
 * is what the world does on its own (a sandbox class's storms), each event at its second after the start.
 */
export function createSession(
  options: {
    seed?: number;
    region?: string | undefined;
    setup?: readonly Call[];
    script?: readonly ScriptedEvent[];
  } = {},
): Outcome {
  const { origin, calls } = buildOrigin(options.seed ?? 1, options.region, options.setup ?? []);
  return { session: atStart(origin, null, options.script), events: origin.opening, calls };
}

/** Free play's scripted events due now (not played yet), marked played; the caller plays their calls. */
function dueFreePlay(script: FreePlayScript, now: number): { script: FreePlayScript; calls: Call[] } {
  const clock = { startedAt: script.startedAt, now, zoneFailedAt: null, services: {} };
  const due = takeDueEvents(script.events, clock, script.fired);
  return due ? { script: { ...script, fired: due.fired }, calls: due.calls } : { script, calls: [] };
}

/** A level's starting world (its scenario) with a fresh level run; hints already revealed stay revealed. */
export function startLevel(def: Level, hintsShown = 0): Outcome {
  const { seed, region, setup, settle } = def.scenario;
  const { origin, calls } = buildOrigin(seed, region, setup, settle);
  return {
    session: atStart(origin, beginLevel(def, origin.start, hintsShown)),
    events: origin.opening,
    calls,
  };
}

/**
 * A read call (the ACTIONS table's reads: Describe*, List*, Get*, BatchGet*...) against the world now;
 * a write is refused. The answer is typed by the action (`ResponseOf`) when the call names it literally.
 */
export function query<S extends string>(session: Session, call: TypedCall<S>): ResponseOf<S> {
  return queryCall(session, call as Call) as ResponseOf<S>;
}

function queryCall(session: Session, call: Call): CallResponse {
  if (actionAccess(call.action) === 'write') {
    return {
      error: {
        name: 'ValidationException',
        message: `${call.action} changes the world: dispatch it instead.`,
      },
    };
  }
  return step(session.sim, call).response;
}

/**
 * Plays one call now. A write that succeeds is logged (undoable, clears redo) and the level's goals
 * are re-evaluated; a read or a refused call changes nothing but is answered. A call by the player
 * stops "show me" (its next step may no longer make sense); the level's own calls do not.
 */
export function dispatch(session: Session, call: Call, by: CallSource = 'player'): Outcome {
  const { sim, level } = session;
  const t = elapsedOf(sim);
  const r = step(sim, call);
  const record: CallRecord = { t, call, response: r.response, by };
  if ('error' in r.response || actionAccess(call.action) !== 'write') {
    return { session, events: [], calls: [record] };
  }
  let next = level ? evaluateLevel(level, r.state) : null;
  if (next?.demo && by === 'player') next = { ...next, demo: null };
  return {
    session: {
      ...session,
      sim: r.state,
      log: [...session.log, { t, call }],
      redo: [],
      past: [...session.past, { sim, level }],
      level: next,
    },
    events: r.events,
    calls: [record],
  };
}

/** Collects the outcomes of several moves into one. */
class Moves {
  events: SimEvent[] = [];
  calls: CallRecord[] = [];
  constructor(public session: Session) {}
  take(o: Outcome): Outcome {
    this.session = o.session;
    for (const e of o.events) this.events.push(e);
    for (const c of o.calls) this.calls.push(c);
    return o;
  }
  done(): Outcome {
    return { session: this.session, events: this.events, calls: this.calls };
  }
}

function withLevel(session: Session, level: LevelState): Session {
  return { ...session, level };
}

/**
 * Moves the world `n` seconds. In a level, one second at a time: the tracker folds each second, and a
 * scripted event (the level's own disaster) that falls due is played at that second and logged.
 */
function tick(m: Moves, n: number): void {
  const level = m.session.level;
  if (!level) {
    const script = m.session.script;
    if (!script || script.fired.length >= script.events.length) {
      const r = advanceSim(m.session.sim, n);
      m.take({ session: { ...m.session, sim: r.state }, events: r.events, calls: [] });
      return;
    }
    // Free play with events still to come: one second at a time, as a level's clock.
    for (let i = 0; i < n; i++) {
      const r = advanceSim(m.session.sim, 1);
      const due = dueFreePlay(m.session.script ?? script, r.state.now);
      m.take({ session: { ...m.session, sim: r.state, script: due.script }, events: r.events, calls: [] });
      for (const call of due.calls) m.take(dispatch(m.session, resolveCall(call, m.session.sim), 'script'));
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const r = advanceSim(m.session.sim, 1);
    const current = m.session.level ?? level;
    const due = dueEvents(tickLevel(current, r.state));
    m.take({ session: { ...m.session, sim: r.state, level: due.level }, events: r.events, calls: [] });
    for (const call of due.calls) m.take(dispatch(m.session, resolveCall(call, m.session.sim), 'script'));
  }
}

/** Plays the solution's steps that are due now; stops at a wait, at the end, or at a refused call. */
function playDemo(m: Moves): void {
  for (let guard = 0; guard < 10_000; guard++) {
    const level = m.session.level;
    if (!level?.demo) return;
    const elapsed = elapsedOf(m.session.sim);
    const { action, demo } = nextDemoAction(level.def.solution, level.demo, elapsed);
    if (action.kind === 'end') {
      m.session = withLevel(m.session, { ...level, demo: null });
      return;
    }
    m.session = withLevel(m.session, { ...level, demo });
    if (action.kind === 'wait') {
      if (elapsed < demo.waitUntil) return;
      continue;
    }
    const o = m.take(dispatch(m.session, resolveCall(action.step.call, m.session.sim), 'demo'));
    const answer = o.calls[0]?.response;
    if (answer && 'error' in answer) {
      const lv = m.session.level;
      if (lv) m.session = withLevel(m.session, { ...lv, demo: null });
      return;
    }
  }
}

/** Moves simulated time forward by whole seconds; with "show me" playing, its steps play when due. */
export function advance(session: Session, seconds: number): Outcome {
  const m = new Moves(session);
  let left = Math.floor(seconds);
  while (left > 0) {
    const demo = m.session.level?.demo;
    // With "show me" playing, stop at the second its next step is due.
    const chunk = demo ? Math.max(1, Math.min(left, demo.waitUntil - elapsedOf(m.session.sim))) : left;
    tick(m, chunk);
    left -= chunk;
    if (m.session.level?.demo) playDemo(m);
  }
  return m.done();
}

/** Takes back the last logged call (never the setup); null when there is nothing to undo. */
export function undo(session: Session): Session | null {
  const { log, level, origin } = session;
  if (log.length <= origin.setup.length) return null;
  const last = log[log.length - 1];
  if (!last) return null;
  const kept = session.past[session.past.length - 1];
  let restored: { sim: Session['sim']; level: LevelState | null };
  if (kept) restored = kept;
  else if (level) restored = replayLevel(level, origin.start, log.slice(origin.setup.length, -1), last.t);
  else restored = { sim: replayWorld(origin.seed, origin.region, log.slice(0, -1), last.t).sim, level: null };
  // Hints stay revealed; an undo stops "show me" (its next step may no longer make sense).
  const nextLevel =
    level && restored.level
      ? { ...restored.level, hintsShown: level.hintsShown, assisted: level.assisted, demo: null }
      : null;
  return {
    ...session,
    sim: restored.sim,
    log: log.slice(0, -1),
    redo: [...session.redo, last],
    past: session.past.slice(0, -1),
    level: nextLevel,
  };
}

/**
 * Plays the last undone call again, now (or at its own second if the clock went back). A call the
 * world now refuses is dropped from the redo list and nothing else changes: null then, and when there
 * is nothing to redo.
 */
export function redo(session: Session): Outcome | null {
  const { redo: stack, sim, level } = session;
  const next = stack[stack.length - 1];
  if (!next) return null;
  const t = Math.max(next.t, elapsedOf(sim));
  const r = step(sim, next.call);
  if ('error' in r.response)
    return { session: { ...session, redo: stack.slice(0, -1) }, events: [], calls: [] };
  const nextLevel = level ? evaluateLevel({ ...level, demo: null }, r.state) : null;
  return {
    session: {
      ...session,
      sim: r.state,
      log: [...session.log, { t, call: next.call }],
      redo: stack.slice(0, -1),
      past: [...session.past, { sim, level }],
      level: nextLevel,
    },
    events: r.events,
    calls: [],
  };
}

/** Back to the starting world; in a level, a fresh run of it with the hints kept. */
export function reset(session: Session): Outcome {
  const { origin, level } = session;
  const fresh = level ? beginLevel(level.def, origin.start, level.hintsShown) : null;
  return { session: atStart(origin, fresh, session.script?.events), events: origin.opening, calls: [] };
}

/** Reveals the level's next hint; the same session when there is none left (or no level). */
export function showHint(session: Session): Session {
  const { level } = session;
  if (!level) return session;
  const next = revealHint(level);
  return next === level ? session : withLevel(session, next);
}

/**
 * Restarts the level and plays its reference solution through the clock (the steps due at once play
 * now, the rest as `advance` reaches them). The run is marked assisted: it earns no stars. Null when
 * there is no level or no solution.
 */
export function showMe(session: Session): Outcome | null {
  const { origin, level } = session;
  if (!level || level.def.solution.length === 0) return null;
  const fresh = beginLevel(level.def, origin.start, level.hintsShown);
  const m = new Moves(
    atStart(origin, { ...fresh, assisted: true, demo: { step: 0, waitUntil: elapsedOf(origin.start) } }),
  );
  m.events = [...origin.opening];
  playDemo(m);
  return m.done();
}

/** Stops "show me" where it is; the world stays as the playback left it. */
export function stopShowMe(session: Session): Session {
  const { level } = session;
  return level?.demo ? withLevel(session, { ...level, demo: null }) : session;
}
