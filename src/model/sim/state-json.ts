/**
 * A state that went through JSON (a test's copy, a world kept as text) holds its big collections as
 * the plain records they serialise to: `adoptJson` gives the same state with them as shared records
 * again (shared-record.ts). A state the model made is returned as it is.
 */
import { SharedRecord } from './shared-record.ts';
import type { SimState } from './types.ts';

const SHARED = ['instances', 'containerInstances', 'tasks', 'services'] as const;

export function adoptJson(s: SimState): SimState {
  if (SHARED.every((k) => s[k] instanceof SharedRecord)) return s;
  const out = { ...s };
  for (const k of SHARED) {
    const v = s[k] as unknown;
    if (!(v instanceof SharedRecord))
      (out as Record<string, unknown>)[k] = SharedRecord.fromJson(v as Record<string, never>);
  }
  return out;
}
