/**
 * A list of calls as a JSON file (written by ../export.ts, callListJson) read back: each entry is the
 * CLI command and the input it takes with `--cli-input-json`, the region when it is not the world's
 * own, and for a call that creates a thing named by an ARN, that ARN (`arn`). Pure.
 */
import { findOperation, type Operation } from '../parse/commands.ts';
import { type Failure, paramError } from '../parse/errors.ts';
import { PyJsonError, pyJsonLoads } from '../parse/py-json.ts';
import { isDict, type PyValue } from '../parse/py-values.ts';

export interface CallEntry {
  readonly operation: Operation;
  readonly input: { [key: string]: PyValue };
  readonly region?: string;
  readonly arn?: string;
}

const ENTRY_KEYS = ['command', 'input', 'region', 'arn'];

/** Reads an exported list back; an entry that is not a known command with an input is refused, by its index. */
export function readCallList(text: string): CallEntry[] | Failure {
  let loaded: PyValue;
  try {
    loaded = pyJsonLoads(text);
  } catch (e) {
    if (e instanceof PyJsonError) return paramError('Invalid JSON received.');
    throw e;
  }
  if (!Array.isArray(loaded)) return paramError('A list of calls is a JSON list.');
  const out: CallEntry[] = [];
  for (const [i, e] of loaded.entries()) {
    if (!isDict(e)) return paramError(`Entry ${i} is not an object with a command and an input.`);
    const unknown = Object.keys(e).filter((k) => !ENTRY_KEYS.includes(k));
    if (unknown.length > 0)
      return paramError(
        `Entry ${i}: unknown member "${unknown[0]}", must be one of: ${ENTRY_KEYS.join(', ')}`,
      );
    const words = typeof e.command === 'string' ? e.command.trim().split(/\s+/) : [];
    const op =
      words.length === 3 && words[0] === 'aws'
        ? findOperation(words[1] as string, words[2] as string)
        : undefined;
    if (!op)
      return paramError(`Entry ${i}: "${String(e.command)}" is not an aws command this world answers.`);
    const input = e.input ?? {};
    if (!isDict(input)) return paramError(`Entry ${i}: input must be an object.`);
    if (e.region !== undefined && typeof e.region !== 'string')
      return paramError(`Entry ${i}: region must be a string.`);
    if (e.arn !== undefined && typeof e.arn !== 'string')
      return paramError(`Entry ${i}: arn must be a string.`);
    out.push({
      operation: op,
      input,
      ...(typeof e.region === 'string' ? { region: e.region } : {}),
      ...(typeof e.arn === 'string' ? { arn: e.arn } : {}),
    });
  }
  if (out.length === 0) return paramError('The list holds no calls.');
  return out;
}
