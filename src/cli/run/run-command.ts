/**
 * One console line, run as the CLI runs it: parsed (../parse), `--query` compiled before anything is
 * sent (a bad expression is refused like the CLI's argparse type check), the call handed to the game's
 * dispatch (the same door the forms use), and the answer printed as the CLI prints it: a service error
 * as "An error occurred (Code) when calling the Op operation: message" (exit 254), a success through
 * the JMESPath query and the output format (exit 0).
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-filter.html
 */
import { compile, TreeInterpreter } from '@jmespath-community/jmespath';
import type { Call, CallResponse } from '../../model/index.ts';
import { formatJson } from '../output/json-output.ts';
import { formatTable } from '../output/table-output.ts';
import { formatText } from '../output/text-output.ts';
import { cliTimestamps } from '../output/timestamps.ts';
import {
  clientError,
  type Failure,
  GENERAL_ERROR,
  PARAM_ERROR,
  type Parsed,
  type ParseOptions,
  parseCommand,
  splitWords,
} from '../parse/index.ts';
import { helpText } from './help.ts';

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
  /** The call that reached the world, if one did. */
  readonly call: Call | null;
}

export interface RunOptions extends ParseOptions {
  /** Sends the call into the world: the store's dispatch. */
  readonly dispatch: (call: Call) => CallResponse;
  /**
   * Says why this world will not take the call now (a level that does not offer it), or null: the
   * reason is printed instead of sending it, with the exit code of what the console cannot do (252).
   */
  readonly refuse?: (call: Call) => string | null;
  /** Columns of the terminal the table is fitted to (the CLI's default when not a terminal: 80). */
  readonly width?: number;
}

const failed = (f: Failure): RunResult => ({ stdout: '', stderr: f.stderr, code: f.code, call: null });

type Query = { search(data: unknown): unknown } | null;

function compileQuery(expression: string | null): Query | Failure {
  if (expression === null) return null;
  try {
    const ast = compile(expression);
    return { search: (data: unknown) => TreeInterpreter.search(ast, data as never) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      kind: 'error',
      code: PARAM_ERROR,
      stderr: `\nBad value for --query ${expression}: Invalid jmespath expression: ${why}\n"${expression}"\n`,
    };
  }
}

export function runCommand(argv: readonly string[], options: RunOptions): RunResult {
  const parsed = parseCommand(argv, options);
  if (parsed.kind === 'error') return failed(parsed);
  if (parsed.kind === 'print') return { stdout: parsed.stdout, stderr: '', code: 0, call: null };
  if (parsed.kind === 'help')
    return { stdout: helpText(parsed.service, parsed.command), stderr: '', code: 0, call: null };
  return runParsed(parsed, argv, options);
}

/** A parsed call sent into the world and its answer printed as the CLI prints it. */
export function runParsed(
  parsed: Extract<Parsed, { kind: 'call' }>,
  argv: readonly string[],
  options: RunOptions,
): RunResult {
  const query = compileQuery(parsed.query);
  if (query !== null && 'kind' in query) return failed(query);
  const refusal = options.refuse?.(parsed.call) ?? null;
  if (refusal !== null) return { stdout: '', stderr: `\n${refusal}\n`, code: PARAM_ERROR, call: null };
  const response = options.dispatch(parsed.call);
  if ('error' in response) {
    return {
      ...failed(clientError(response.error.name, parsed.operation.operation, response.error.message)),
      call: parsed.call,
    };
  }
  let output: unknown = cliTimestamps(parsed.call.action.split(':')[0] ?? '', response.output);
  let note = '';
  if (parsed.operation.outfile && typeof (output as Record<string, unknown>).Payload === 'string') {
    // lambda invoke writes the payload to its outfile and prints the rest (awscli customizations/awslambda.py).
    const { Payload, ...rest } = output as Record<string, unknown>;
    output = rest;
    note = `(${argv.find((w, i) => i > 2 && !w.startsWith('-') && !argv[i - 1]?.startsWith('--')) ?? 'outfile'} would hold: ${String(Payload)})\n`;
  }
  try {
    if (query) output = query.search(output);
  } catch (e) {
    return {
      stdout: '',
      stderr: `\n${e instanceof Error ? e.message : String(e)}\n`,
      code: GENERAL_ERROR,
      call: parsed.call,
    };
  }
  const text =
    parsed.output === 'text'
      ? formatText(output)
      : parsed.output === 'table'
        ? formatTable(parsed.operation.operation, output, options.width ?? 80)
        : formatJson(output);
  return { stdout: text, stderr: note, code: 0, call: parsed.call };
}

/** A console input (typed or pasted, several lines, continuations): each command's words and its result. */
export function runText(
  text: string,
  options: RunOptions,
): { words: readonly string[] | null; result: RunResult }[] {
  const words = splitWords(text);
  if (!words.ok)
    return [{ words: null, result: { stdout: '', stderr: `bash: ${words.message}\n`, code: 2, call: null } }];
  return words.commands.map((argv) => ({ words: argv, result: runCommand(argv, options) }));
}
