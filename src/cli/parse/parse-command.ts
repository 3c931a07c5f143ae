/**
 * An `aws ...` command's words -> the API call it makes, as AWS CLI v2 reads them (awscli
 * clidriver.py and argparse): global options anywhere on the line (unique prefixes accepted, as argparse
 * does), `aws <service> <operation>`, the operation's options by the shape table (commands.ts), each
 * value unpacked (unpack.ts), `--cli-input-json` merged under the options given, `--generate-cli-skeleton`,
 * and botocore's validation before anything is sent. What the CLI would refuse is refused with its words
 * and exit code; what a terminal has and this world does not (files, profiles, endpoints) says so.
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-options.html
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-skeleton.html
 */
import { type Call, decodeBase64, encodeBase64 } from '../../model/index.ts';
import { type Argument, cliCommands, findOperation, type Operation } from './commands.ts';
import { argparseError, type Failure, generalError, notHere, paramError, unknownOptions } from './errors.ts';
import { PyJsonError, pyJsonLoads } from './py-json.ts';
import { Float, isDict, PyConversionError, type PyValue, plain, setKey } from './py-values.ts';
import { skeleton } from './skeleton.ts';
import { parseTimestamp } from './timestamps.ts';
import { GeneralError, jsonValue, ParamError, unpackMember } from './unpack.ts';
import { validateParams } from './validate-params.ts';

export type OutputFormat = 'json' | 'text' | 'table';

export interface ParseOptions {
  /** Files a `fileb://` or `file://` value may name (path -> bytes as base64); none in the console. */
  readonly files?: Readonly<Record<string, string>>;
}

export type Parsed =
  | {
      readonly kind: 'call';
      readonly call: Call;
      readonly operation: Operation;
      readonly output: OutputFormat;
      readonly query: string | null;
    }
  | { readonly kind: 'print'; readonly stdout: string }
  | { readonly kind: 'help'; readonly service: string | null; readonly command: string | null }
  | Failure;

const GLOBAL_VALUES = [
  'region',
  'output',
  'query',
  'profile',
  'endpoint-url',
  'cli-binary-format',
  'color',
  'ca-bundle',
  'cli-read-timeout',
  'cli-connect-timeout',
];
const GLOBAL_FLAGS = [
  'debug',
  'no-verify-ssl',
  'no-paginate',
  'no-sign-request',
  'no-cli-pager',
  'cli-auto-prompt',
  'no-cli-auto-prompt',
  'version',
];
const GLOBALS = [...GLOBAL_VALUES, ...GLOBAL_FLAGS];
const OUTPUTS = ['json', 'text', 'table', 'yaml', 'yaml-stream'];
const PAGING = ['starting-token', 'page-size', 'max-items'];
const EXTRA = ['cli-input-json', 'cli-input-yaml', 'generate-cli-skeleton'];

/** argparse's test for a word that is a value although it starts with `-`. */
const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;
const looksLikeOption = (w: string): boolean =>
  w.startsWith('-') && w !== '-' && !NEGATIVE_NUMBER.test(w) && !(w.includes(' ') && !w.startsWith('--'));

/** Resolves `--name` (exact, or a unique prefix as argparse allows) among `names`. */
function resolve(word: string, names: readonly string[]): { name: string } | { ambiguous: string[] } | null {
  const bare = word.slice(2);
  if (names.includes(bare)) return { name: bare };
  const matches = names.filter((n) => n.startsWith(bare));
  if (matches.length === 1) return { name: matches[0] as string };
  if (matches.length > 1) return { ambiguous: matches };
  return null;
}

interface Globals {
  values: Map<string, string>;
  flags: Set<string>;
}

type Split = { globals: Globals; rest: string[] } | Failure;

/** The main parser's pass: global options out of the line, wherever they are. */
function splitGlobals(words: readonly string[]): Split {
  const globals: Globals = { values: new Map(), flags: new Set() };
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (!word.startsWith('--') || word === '--') {
      rest.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const opt = eq > 0 ? word.slice(0, eq) : word;
    const found = resolve(opt, GLOBALS);
    if (found === null) {
      rest.push(word);
      continue;
    }
    if ('ambiguous' in found) {
      return argparseError(
        `ambiguous option: ${opt} could match ${found.ambiguous.map((n) => `--${n}`).join(', ')}`,
      );
    }
    const name = found.name;
    if (GLOBAL_FLAGS.includes(name)) {
      if (eq > 0)
        return argparseError(`argument --${name}: ignored explicit argument '${word.slice(eq + 1)}'`);
      globals.flags.add(name);
      continue;
    }
    let value: string;
    if (eq > 0) value = word.slice(eq + 1);
    else {
      const next = words[i + 1];
      if (next === undefined || looksLikeOption(next))
        return argparseError(`argument --${name}: expected one argument`);
      value = next;
      i++;
    }
    if (name === 'output' && !OUTPUTS.includes(value)) {
      return argparseError(
        `argument --output: Invalid choice, valid choices are:\n\njson | text\ntable | yaml\nyaml-stream`,
      );
    }
    globals.values.set(name, value);
  }
  return { globals, rest };
}

function globalRefusal(g: Globals): Failure | null {
  if (g.values.has('profile'))
    return notHere(`--profile ${g.values.get('profile')}: profiles are credentials on your own computer`);
  if (g.values.has('endpoint-url')) return notHere('--endpoint-url: this world has one endpoint');
  for (const f of ['debug', 'version', 'cli-auto-prompt', 'no-sign-request', 'no-verify-ssl']) {
    if (g.flags.has(f)) return notHere(`--${f}`);
  }
  for (const v of ['ca-bundle', 'cli-read-timeout', 'cli-connect-timeout', 'color']) {
    if (g.values.has(v)) return notHere(`--${v}`);
  }
  const output = g.values.get('output');
  if (output === 'yaml' || output === 'yaml-stream')
    return notHere(`--output ${output}: json, text and table are`);
  const format = g.values.get('cli-binary-format');
  if (format !== undefined && format !== 'base64' && format !== 'raw-in-base64-out') {
    return argparseError(
      `argument --cli-binary-format: Invalid choice, valid choices are:\n\nbase64 | raw-in-base64-out`,
    );
  }
  return null;
}

const FILE_PREFIX = /^(fileb?):\/\//;

/** A `file://` or `fileb://` value: its text or bytes from the given files, or a plain refusal. */
function paramFile(
  value: string,
  cliName: string,
  files: ParseOptions['files'],
): { value: string; bytes?: string } | Failure {
  const m = FILE_PREFIX.exec(value);
  if (!m) return { value };
  const path = value.slice(m[0].length);
  const base64 = files && Object.hasOwn(files, path) ? files[path] : undefined;
  if (base64 === undefined) return notHere(`${cliName} ${value}: the console reads no files`);
  if (m[1] === 'fileb') return { value: base64, bytes: base64 };
  return { value: decodeBase64(base64) ?? '' };
}

interface OpWords {
  /** Argument name -> the words given (the last occurrence wins, as argparse stores). */
  given: Map<string, string | string[] | boolean>;
  order: string[];
  extras: string[];
  unknown: string[];
}

function operationWords(op: Operation, words: readonly string[], noPaginate: boolean): OpWords | Failure {
  const names = [...op.args.keys(), ...EXTRA, ...PAGING.filter((p) => !op.args.has(p))];
  const given = new Map<string, string | string[] | boolean>();
  const order: string[] = [];
  const extras: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (!looksLikeOption(word)) {
      extras.push(word);
      continue;
    }
    if (word === '--') {
      extras.push(...words.slice(i + 1));
      break;
    }
    const eq = word.indexOf('=');
    const opt = eq > 0 ? word.slice(0, eq) : word;
    const found = opt.startsWith('--') ? resolve(opt, names) : null;
    if (found === null) {
      unknown.push(word);
      continue;
    }
    if ('ambiguous' in found) {
      return argparseError(
        `ambiguous option: ${opt} could match ${found.ambiguous.map((n) => `--${n}`).join(', ')}`,
      );
    }
    const name = found.name;
    if (PAGING.includes(name) && (!op.shadowed.has(name) || !noPaginate)) {
      return notHere(
        `--${name}: the console answers every call in one page; give the API's own paging members and --no-paginate`,
      );
    }
    const arg = op.args.get(name);
    const isFlag = arg?.kind.type === 'flag';
    const isList = arg?.kind.type === 'member' && arg.kind.list;
    if (isFlag) {
      if (eq > 0)
        return argparseError(`argument --${name}: ignored explicit argument '${word.slice(eq + 1)}'`);
      given.set(name, true);
      order.push(name);
      continue;
    }
    if (name === 'generate-cli-skeleton') {
      let value = 'input';
      if (eq > 0) value = word.slice(eq + 1);
      else if (words[i + 1] !== undefined && !looksLikeOption(words[i + 1] as string)) {
        value = words[i + 1] as string;
        i++;
      }
      given.set(name, value);
      order.push(name);
      continue;
    }
    if (isList) {
      const values: string[] = eq > 0 ? [word.slice(eq + 1)] : [];
      if (eq < 0) {
        while (i + 1 < words.length && !looksLikeOption(words[i + 1] as string)) {
          values.push(words[i + 1] as string);
          i++;
        }
      }
      given.set(name, values);
      order.push(name);
      continue;
    }
    let value: string;
    if (eq > 0) value = word.slice(eq + 1);
    else {
      const next = words[i + 1];
      if (next === undefined || looksLikeOption(next))
        return argparseError(`argument --${name}: expected one argument`);
      value = next;
      i++;
    }
    // A member shadowed by a paging option keeps that option's argparse type (awscli paginate.py PageArgument).
    if (op.shadowed.has(name) && !/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(value)) {
      return argparseError(`argument --${name}: invalid int value: '${value}'`);
    }
    given.set(name, value);
    order.push(name);
  }
  return { given, order, extras, unknown };
}

/** botocore's handlers that change a request before it is validated (run-instances' defaults). */
function beforeBuild(op: Operation, params: Record<string, PyValue>): void {
  if (op.action === 'ec2:RunInstances') {
    if (!Object.hasOwn(params, 'MaxCount')) params.MaxCount = 1;
    if (!Object.hasOwn(params, 'MinCount')) params.MinCount = 1;
  }
}

/** Base64 the way Python's b64decode reads it by default (characters outside the alphabet dropped). */
function lenientBase64(text: string): string | null {
  const kept = text.replace(/[^A-Za-z0-9+/=]/g, '');
  if (kept.length % 4 !== 0) return null;
  return kept;
}

/** Members whose blob the model holds as text (the event Lambda's Invoke sends); the rest stay base64. */
const TEXT_BLOBS = new Set(['lambda:Payload']);

type Converted = { ok: true; value: unknown } | Failure;

/** The validated request -> the model's input: Floats to numbers, timestamps to epoch seconds, blobs. */
function toModel(
  op: Operation,
  params: Record<string, PyValue>,
  raw: boolean,
  fromFiles: Set<string>,
): Converted {
  const shapes = op.shapes.shapes;
  const convert = (v: PyValue, shapeName: string, member: string): unknown => {
    const shape = shapes[shapeName];
    if (!shape) return plain(v);
    if (shape.type === 'timestamp') return parseTimestamp(v);
    if (shape.type === 'blob' && typeof v === 'string') {
      const service = op.action.split(':')[0];
      let base64: string;
      if (fromFiles.has(member)) base64 = v;
      else if (raw) base64 = encodeBase64(v);
      else {
        const b = lenientBase64(v);
        if (b === null) throw new GeneralError(`Invalid base64: "${v}"`);
        base64 = b;
      }
      return TEXT_BLOBS.has(`${service}:${member}`) ? (decodeBase64(base64) ?? '') : base64;
    }
    if (shape.type === 'structure' && isDict(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const m = shape.members[k];
        setKey(out, k, m ? convert(x, m.shape, k) : plain(x));
      }
      return out;
    }
    if (shape.type === 'list' && Array.isArray(v)) return v.map((x) => convert(x, shape.member, member));
    if (shape.type === 'map' && isDict(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) setKey(out, k, convert(x, shape.value, member));
      return out;
    }
    return plain(v);
  };
  try {
    return { ok: true, value: convert(params, op.inputShape as string, '') };
  } catch (e) {
    if (e instanceof GeneralError) return generalError(e.message);
    throw e;
  }
}

/** Parses one command's words (`aws` first) into the call it makes, or the CLI's refusal. */
export function parseCommand(argv: readonly string[], options: ParseOptions = {}): Parsed {
  if (argv[0] !== 'aws') {
    return {
      kind: 'error',
      code: 127,
      stderr: `${argv[0] ?? ''}: command not found (the console runs aws commands)\n`,
    };
  }
  const split = splitGlobals(argv.slice(1));
  if ('kind' in split) return split;
  const { globals, rest } = split;
  const [service, command, ...words] = rest;
  if (service === undefined) return argparseError('the following arguments are required: command');
  if (service === 'help') return { kind: 'help', service: null, command: null };
  const services = cliCommands();
  const ops = services.get(service);
  if (!ops) {
    if (service.startsWith('-')) return unknownOptions([service]);
    return argparseError(
      `argument command: Invalid choice, valid choices are:\n\n${[...services.keys()].join(' | ')}`,
    );
  }
  if (command === undefined) return argparseError('the following arguments are required: operation');
  if (command === 'help') return { kind: 'help', service, command: null };
  const op = findOperation(service, command);
  if (!op) {
    return argparseError(
      `argument operation: Invalid choice, valid choices are:\n\n${[...ops.keys()].join(' | ')}`,
    );
  }
  if (words.length > 0 && words[words.length - 1] === 'help' && words.length === 1) {
    return { kind: 'help', service, command };
  }
  const refusal = globalRefusal(globals);
  if (refusal) return refusal;
  const parsed = operationWords(op, words, globals.flags.has('no-paginate'));
  if ('kind' in parsed) return parsed;
  const { given, extras, unknown } = parsed;

  // argparse: required options (relaxed by --cli-input-json and --generate-cli-skeleton, when written in full).
  const skeletonValue = given.get('generate-cli-skeleton');
  const relaxed =
    words.includes('--cli-input-json') ||
    words.includes('--cli-input-yaml') ||
    (words.includes('--generate-cli-skeleton') && skeletonValue !== 'output');
  const missing: string[] = [];
  if (!relaxed) {
    for (const arg of op.args.values())
      if (arg.required && !given.has(arg.name)) missing.push(`--${arg.name}`);
  }
  let positionals = extras;
  if (op.outfile) {
    if (extras.length === 0) missing.push('outfile');
    positionals = extras.slice(1);
  }
  if (missing.length > 0) return argparseError(`the following arguments are required: ${missing.join(', ')}`);
  const leftOver = [...unknown, ...positionals];
  if (leftOver.length > 0) return unknownOptions(leftOver);

  if (given.has('cli-input-yaml')) return notHere('--cli-input-yaml: give the input as --cli-input-json');
  if (skeletonValue !== undefined) {
    if (skeletonValue === 'input')
      return { kind: 'print', stdout: `${JSON.stringify(skeleton(op), null, 4)}\n` };
    if (skeletonValue === 'output' || skeletonValue === 'yaml-input')
      return notHere(`--generate-cli-skeleton ${skeletonValue}`);
    return argparseError(
      `argument --generate-cli-skeleton: Invalid choice, valid choices are:\n\ninput | output\nyaml-input`,
    );
  }

  const params: Record<string, PyValue> = {};
  const fromFiles = new Set<string>();
  try {
    for (const arg of op.args.values()) {
      const value = given.get(arg.name);
      if (value === undefined) continue;
      const failure = addToParams(op, arg, value, params, options, fromFiles);
      if (failure) return failure;
    }
  } catch (e) {
    if (e instanceof ParamError) return paramError(e.message);
    if (e instanceof PyConversionError || e instanceof GeneralError) return generalError(e.message);
    throw e;
  }

  const inputJson = given.get('cli-input-json');
  if (typeof inputJson === 'string') {
    const file = paramFile(inputJson, '--cli-input-json', options.files);
    if ('kind' in file) return file;
    const loaded = loadInputJson(file.value);
    if ('kind' in loaded) return loaded;
    for (const [k, v] of Object.entries(loaded.input)) if (!Object.hasOwn(params, k)) setKey(params, k, v);
  }

  const raw = globals.values.get('cli-binary-format') === 'raw-in-base64-out';
  const built = buildCall(op, params, raw, fromFiles);
  if ('kind' in built) return built;
  const call = built.call;
  const region = globals.values.get('region');
  if (region !== undefined) call.region = region;
  const output = (globals.values.get('output') ?? 'json') as OutputFormat;
  return { kind: 'call', call, operation: op, output, query: globals.values.get('query') ?? null };
}

/**
 * A `--cli-input-json` text as the CLI reads it: Python's json.loads, then a map or the CLI's refusal
 * ("Invalid JSON received.", "Invalid type: expecting map").
 */
export function loadInputJson(text: string): { input: Record<string, PyValue> } | Failure {
  let loaded: PyValue;
  try {
    loaded = pyJsonLoads(text);
  } catch (e) {
    if (e instanceof PyJsonError)
      return paramError("Error parsing parameter 'cli-input-json': Invalid JSON received.");
    throw e;
  }
  if (!isDict(loaded)) {
    const type = Array.isArray(loaded)
      ? 'list'
      : loaded === null
        ? 'NoneType'
        : typeof loaded === 'string'
          ? 'str'
          : loaded instanceof Float
            ? 'float'
            : typeof loaded === 'boolean'
              ? 'bool'
              : 'int';
    return paramError(
      `Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class '${type}'>`,
    );
  }
  return { input: loaded };
}

/**
 * The request the CLI builds from its parameters (options and `--cli-input-json` merged), checked by
 * botocore's validator before anything is sent, as the model's call. `params` is taken over.
 */
export function buildCall(
  op: Operation,
  params: Record<string, PyValue>,
  raw = false,
  fromFiles: Set<string> = new Set(),
): { call: Call } | Failure {
  beforeBuild(op, params);
  if (op.inputShape !== null) {
    const problems = validateParams(op.shapes, op.inputShape, params);
    if (problems.length > 0) return paramError(`Parameter validation failed:\n${problems.join('\n')}`);
  }
  if (op.action === 'ec2:RunInstances' && typeof params.UserData === 'string') {
    params.UserData = encodeBase64(params.UserData);
    fromFiles.add('UserData');
  }
  let input: unknown = {};
  if (op.inputShape !== null) {
    const converted = toModel(op, params, raw, fromFiles);
    if ('kind' in converted) return converted;
    input = converted.value;
  }
  return { call: { action: op.action, input: input as Record<string, unknown> } };
}

function addToParams(
  op: Operation,
  arg: Argument,
  value: string | string[] | boolean,
  params: Record<string, PyValue>,
  options: ParseOptions,
  fromFiles: Set<string>,
): Failure | null {
  const kind = arg.kind;
  const cliName = `--${arg.name}`;
  if (kind.type === 'flag') {
    params[kind.member] = kind.value;
    return null;
  }
  if (kind.type === 'count') {
    const text = value as string;
    const parts = text.includes(':') ? text.split(':') : [text, text];
    if (parts.length !== 2) return generalError("name 'ParamValidationError' is not defined");
    try {
      params.MinCount = pyIntStrict(parts[0] as string);
      params.MaxCount = pyIntStrict(parts[1] as string);
    } catch {
      return generalError("name 'ParamValidationError' is not defined");
    }
    return null;
  }
  if (kind.type === 'zip-file') {
    const file = paramFile(value as string, cliName, options.files);
    if ('kind' in file) return file;
    if (file.bytes === undefined)
      return paramError(`Error parsing parameter '${cliName}': Blob values must be a path to a file.`);
    // awscli customizations/awslambda.py: the file must be a zip archive (zipfile.is_zipfile).
    if (!isZip(file.bytes)) {
      return paramError(
        '--zip-file must be a zip file with the fileb:// prefix.\nExample usage:  --zip-file fileb://path/to/file.zip',
      );
    }
    if (kind.inCode) {
      const code = isDict(params.Code ?? null) ? (params.Code as Record<string, PyValue>) : {};
      code.ZipFile = file.bytes;
      params.Code = code;
      fromFiles.add('ZipFile');
    } else {
      params.ZipFile = file.bytes;
      fromFiles.add('ZipFile');
    }
    return null;
  }
  let words = value as string | string[];
  if (typeof words === 'string') {
    const file = paramFile(words, cliName, options.files);
    if ('kind' in file) return file;
    if (file.bytes !== undefined) fromFiles.add(kind.member);
    words = file.value;
  }
  params[kind.member] = unpackMember(op.shapes, kind.shape, cliName, words);
  return null;
}

function pyIntStrict(text: string): number {
  if (!/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(text)) throw new Error('not an int');
  return Number(text.trim().replaceAll('_', ''));
}

export { jsonValue };

/** zipfile.is_zipfile: an end-of-central-directory record ("PK\\x05\\x06") in the last 64 KiB. */
function isZip(base64: string): boolean {
  const bytes = decodeBase64Bytes(base64);
  const from = Math.max(0, bytes.length - 65557);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) return true;
  }
  return false;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeBase64Bytes(text: string): number[] {
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const c of text) {
    const v = B64.indexOf(c);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return out;
}
