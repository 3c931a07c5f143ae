/**
 * What every call must satisfy, however hostile its request: `step` answers instead of throwing and
 * never with the service's internal failure (that is the model's own bug); a refused call hands back
 * the very state it got and no events; an accepted one leaves plain-JSON state that does not share
 * the caller's objects, and that `advance` can always move.
 */
import { advance, type Call, isInternalFailure, type SimState, step } from '../../src/model/index.ts';
import { SharedRecord } from '../../src/model/sim/shared-record.ts';
import { InvariantError, must } from './invariants.ts';

export interface Tally {
  calls: number;
  accepted: number;
  refused: Record<string, number>;
  advances: number;
}

export const newTally = (): Tally => ({ calls: 0, accepted: 0, refused: {}, advances: 0 });

/** Where a value stops being plain JSON (a NaN, an undefined in a list, a class, a polluted prototype). */
export function jsonProblem(v: unknown, path = '$'): string | null {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? null : `${path} is ${v}`;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = v[i] === undefined ? `${path}[${i}] is undefined` : jsonProblem(v[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  // The state's big collections: what they write to JSON must be JSON.
  if (v instanceof SharedRecord) return jsonProblem(v.toJSON(), path);
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return `${path} is not a plain object`;
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined) continue;
      const p = jsonProblem(x, `${path}.${k}`);
      if (p) return p;
    }
    return null;
  }
  return `${path} is a ${typeof v}`;
}

/** Overwrites every value inside a request, as a caller reusing its objects would. */
function poison(v: unknown, depth = 0): void {
  if (depth > 8 || !v || typeof v !== 'object') return;
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x && typeof x === 'object') poison(x, depth + 1);
    else (v as Record<string, unknown>)[k] = 'POISONED';
  }
}

const callText = (call: Call): string => `${call.action} ${JSON.stringify(call.input)?.slice(0, 600)}`;

/** Runs one call with every check; returns the state to go on from. */
export function checkedStep(state: SimState, call: Call, tally: Tally, advanceSeconds = 61): SimState {
  tally.calls++;
  const text = callText(call);
  let r: ReturnType<typeof step>;
  try {
    r = step(state, call);
  } catch (e) {
    throw new InvariantError(`step threw ${String(e)} on ${text}`);
  }
  if ('error' in r.response) {
    const { name, message } = r.response.error;
    tally.refused[name] = (tally.refused[name] ?? 0) + 1;
    must(!isInternalFailure(r.response.error), () => `internal failure ${name} on ${text}`);
    must(typeof message === 'string' && !message.includes('[object Object]'), () => `message ${message}`);
    must(r.state === state, () => `refused ${text} (${name}) but changed the state`);
    must(r.events.length === 0, () => `refused ${text} but emitted events`);
    return state;
  }
  tally.accepted++;
  const problem = jsonProblem(r.state);
  must(problem === null, () => `after ${text}: ${problem}`);
  const before = JSON.stringify(r.state);
  poison(call.input);
  must(JSON.stringify(r.state) === before, () => `the state shares the request's objects: ${text}`);
  if (advanceSeconds > 0) {
    tally.advances++;
    try {
      const moved = advance(r.state, advanceSeconds).state;
      const p = jsonProblem(moved);
      must(p === null, () => `advance after ${text}: ${p}`);
    } catch (e) {
      if (e instanceof InvariantError) throw e;
      throw new InvariantError(`advance threw ${String(e)} after ${text}`);
    }
  }
  return r.state;
}
