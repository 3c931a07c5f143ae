/**
 * Scripted events: the disasters a level plays on its own (see ScriptedEvent in types.ts). Pure: the
 * store keeps which events have fired (their indices) and asks, after each observed tick, which are due.
 */
import type { Call, Tracker } from '../model/index.ts';
import type { ScriptedEvent } from './types.ts';

function anchor(e: ScriptedEvent, t: ScriptClock): number | null {
  if (e.after === 'start') return t.startedAt;
  if (e.after === 'zoneFailed') return t.zoneFailedAt;
  if (e.after === 'scalingPolicy') return t.scalingPolicyAt ?? null;
  return e.service === undefined ? null : (t.services[e.service]?.newDeploymentAt ?? null);
}

/** The clock a scripted event is timed on: a level's goal tracker, or free play's start and now. */
export type ScriptClock = Pick<
  Tracker,
  'startedAt' | 'now' | 'zoneFailedAt' | 'scalingPolicyAt' | 'services'
>;

/** The events due now and not fired yet: their calls, and `fired` with them added (null: none due). */
export function takeDueEvents(
  script: readonly ScriptedEvent[] | undefined,
  clock: ScriptClock,
  fired: readonly number[],
): { fired: number[]; calls: Call[] } | null {
  const due = dueScriptedEvents({ script }, clock, fired);
  if (due.length === 0) return null;
  const calls = due.map((i) => script?.[i]?.call).filter((c): c is Call => c !== undefined);
  return { fired: [...fired, ...due], calls };
}

/** Indices of the level's scripted events that are due now and have not fired yet. */
export function dueScriptedEvents(
  level: { readonly script?: readonly ScriptedEvent[] | undefined },
  tracker: ScriptClock,
  fired: readonly number[],
): number[] {
  const due: number[] = [];
  (level.script ?? []).forEach((e, i) => {
    if (fired.includes(i)) return;
    const at = anchor(e, tracker);
    if (at !== null && tracker.now >= at + e.delaySeconds) due.push(i);
  });
  return due;
}
