/**
 * Runs the calls read from brought JSON (read-aws-json.ts) one after the other, as a script with
 * `set -e` would: each through the same door as a typed line (runParsed: the level's rule, the store's
 * dispatch, the CLI's printing), stopping at the first refusal. An exported list names the ARNs its
 * things had where it was exported; the ARN this world mints for each replaces it in the calls after.
 * Pure.
 */
import type { Call } from '../../model/index.ts';
import { cliLines } from '../cli.ts';
import { type RunOptions, type RunResult, runParsed } from '../run/run-command.ts';
import type { BroughtStep } from './read-aws-json.ts';

export interface BroughtRun {
  /** The CLI line of the call as it was sent (ARNs replaced). */
  readonly line: string;
  readonly result: RunResult;
}

function replaceStrings(v: unknown, map: ReadonlyMap<string, string>): unknown {
  if (typeof v === 'string') return map.get(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => replaceStrings(x, map));
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(out, k, {
        value: replaceStrings(x, map),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return v;
}

/** The first string in an answer that is an ARN of the same kind as `arn` (its text up to the resource id). */
function mintedLike(arn: string, output: unknown): string | null {
  const m = /^(arn:[^:]+:[^:]+:)[^:]*:[^:]*:([a-z-]+[/:])/.exec(arn);
  if (!m) return null;
  const [, head, kind] = m as unknown as [string, string, string];
  const found = (v: unknown): string | null => {
    if (typeof v === 'string')
      return v.startsWith(head) &&
        v
          .slice(head.length)
          .replace(/^[^:]*:[^:]*:/, '')
          .startsWith(kind)
        ? v
        : null;
    if (Array.isArray(v)) {
      for (const x of v) {
        const f = found(x);
        if (f) return f;
      }
    } else if (typeof v === 'object' && v !== null) {
      for (const x of Object.values(v)) {
        const f = found(x);
        if (f) return f;
      }
    }
    return null;
  };
  return found(output);
}

export function runBrought(steps: readonly BroughtStep[], options: RunOptions): BroughtRun[] {
  const minted = new Map<string, string>();
  const out: BroughtRun[] = [];
  let answer: unknown = null;
  const dispatch = (call: Call) => {
    const r = options.dispatch(call);
    answer = 'output' in r ? r.output : null;
    return r;
  };
  for (const s of steps) {
    const input = replaceStrings(s.call.input ?? {}, minted) as Record<string, unknown>;
    const call: Call = { ...s.call, input };
    answer = null;
    const result = runParsed(
      { kind: 'call', call, operation: s.operation, output: 'json', query: null },
      [],
      { ...options, dispatch },
    );
    out.push({ line: cliLines(call), result });
    if (result.code !== 0) break;
    if (s.arn !== undefined) {
      const arn = mintedLike(s.arn, answer);
      if (arn !== null && arn !== s.arn) minted.set(s.arn, arn);
    }
  }
  return out;
}
