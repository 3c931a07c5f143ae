/**
 * THE CONSOLE AGAINST THE REAL CLI. A corpus of lines (valid ones printed by Rosetta's writer from
 * inputs generated over every action's shape, and malformed ones: an unknown option, a required option
 * left out, a word where a number goes, broken shorthand or JSON, an option without its value) is read
 * by Debian's AWS CLI 2.9.19 and by the console's parser. Both must accept and refuse the same lines
 * (with the same exit code), and where both accept, the request must be identical: the CLI runs at a
 * dead --endpoint-url, and the request it was about to send (path, query string, body) is recorded and
 * compared with what the CLI's own botocore serializer makes of the console's call. Members newer than
 * the CLI's models (test/fixtures/cli-newer-members.txt) are kept out, and the list is checked to be
 * exactly what those models lack.
 */
import { execFile, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFiles, shellQuote, toCli } from '../../src/cli/index.ts';
import { operationOf, parseCommand, splitWords } from '../../src/cli/parse/index.ts';
import { type Call, requestShape, type Shape, supportedActions } from '../../src/model/index.ts';
import { namePool, shapeArb } from '../property/request-arbitraries.ts';
import { richWorld } from '../property/request-world.ts';
import { AWS, CLI_ENV, PYTHON } from '../support/aws-cli.ts';

const MISSING = `${AWS} is missing: the console's differential test needs Debian's AWS CLI v2: apt-get install -y awscli`;
const CONNECT_FAILURE = 'Could not connect to the endpoint URL';
const DATA = '/usr/lib/python3/dist-packages/awscli/botocore/data';

// --- What the CLI's models lack -------------------------------------------------------------------

interface CliShape {
  type: string;
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  value?: { shape: string };
  required?: string[];
}
/** The top-level members the CLI's model requires. */
function requiredOf(action: string): string[] {
  const [service, op] = action.split(':') as [string, string];
  const theirs = cliModel(service);
  const input = theirs.operations[op]?.input?.shape;
  return input ? (theirs.shapes[input]?.required ?? []) : [];
}

interface CliModel {
  operations: Record<string, { input?: { shape: string } }>;
  shapes: Record<string, CliShape>;
}
const models = new Map<string, CliModel>();
function cliModel(service: string): CliModel {
  let m = models.get(service);
  if (!m) {
    const dir = join(DATA, service);
    const version = readdirSync(dir).sort().at(-1) as string;
    m = JSON.parse(readFileSync(join(dir, version, 'service-2.json'), 'utf8')) as CliModel;
    models.set(service, m);
  }
  return m;
}

/** Every member path of our shape table the CLI's model lacks, as `action path` lines. */
function newerMembers(): string[] {
  const out: string[] = [];
  for (const action of supportedActions()) {
    const [service, op] = action.split(':') as [string, string];
    if (service === 'sim') continue;
    const theirs = cliModel(service);
    const o = theirs.operations[op];
    if (!o) {
      out.push(`${action} (the whole operation)`);
      continue;
    }
    const ours = requestShape(action);
    if (!ours?.shape) continue;
    const walk = (our: string, their: string | undefined, path: string, seen: readonly string[]): void => {
      if (seen.includes(our)) return;
      const s = ours.service.shapes[our] as Shape;
      const t = their ? theirs.shapes[their] : undefined;
      if (s.type === 'structure') {
        for (const [k, m] of Object.entries(s.members)) {
          const tm = t?.members?.[k];
          if (!tm) out.push(`${action} ${path}${k}`);
          else walk(m.shape, tm.shape, `${path}${k}.`, [...seen, our]);
        }
      } else if (s.type === 'list') walk(s.member, t?.member?.shape, path, [...seen, our]);
      else if (s.type === 'map') walk(s.value, t?.value?.shape, path, [...seen, our]);
    };
    walk(ours.shape, o.input?.shape, '', []);
    const theirRequired = requiredOf(action);
    const ourRequired =
      (ours.service.shapes[ours.shape] as Extract<Shape, { type: 'structure' }>).required ?? [];
    const onlyTheirs = theirRequired.filter((r) => !ourRequired.includes(r));
    const onlyOurs = ourRequired.filter((r) => !theirRequired.includes(r));
    if (onlyTheirs.length > 0)
      out.push(`${action} (required by the CLI's model, optional now: ${onlyTheirs.join(', ')})`);
    if (onlyOurs.length > 0)
      out.push(`${action} (required now, optional in the CLI's model: ${onlyOurs.join(', ')})`);
  }
  return out.sort();
}

const LISTED = readFileSync(join(import.meta.dirname, '../fixtures/cli-newer-members.txt'), 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'));

/** Does the input name a member the CLI's model lacks? */
function usesNewer(action: string, input: unknown): boolean {
  const [service, op] = action.split(':') as [string, string];
  const theirs = cliModel(service);
  const start = theirs.operations[op]?.input?.shape;
  if (!start) return true;
  const walk = (v: unknown, shape: string | undefined): boolean => {
    const t = shape ? theirs.shapes[shape] : undefined;
    if (!t) return false;
    if (Array.isArray(v)) return t.type === 'list' && v.some((x) => walk(x, t.member?.shape));
    if (typeof v === 'object' && v !== null) {
      if (t.type === 'map') return Object.values(v).some((x) => walk(x, t.value?.shape));
      if (t.type !== 'structure') return false;
      return Object.entries(v).some(([k, x]) => !t.members?.[k] || walk(x, t.members[k]?.shape));
    }
    return false;
  };
  return walk(input, start);
}

// --- The corpus -------------------------------------------------------------------------------------

interface Line {
  name: string;
  line: string;
  call: Call | null;
}

const line = (words: string[]): string => words.map(shellQuote).join(' ');

function malformed(action: string, valid: string, k: number): Line[] {
  const w = splitWords(valid);
  if (!w.ok) return [];
  const words = w.commands[0] as string[];
  const op = operationOf(action);
  if (!op) return [];
  const options = words
    .map((x, i) => [x, i] as const)
    .filter(([x]) => x.startsWith('--') && op.args.has(x.slice(2).split('=')[0] ?? ''));
  const out: Line[] = [];
  const add = (what: string, ws: string[]) =>
    out.push({ name: `${action}: ${what}`, line: line(ws), call: null });
  add('an unknown option', [...words, '--no-such-option', String(k)]);
  const theirs = requiredOf(action);
  const required = options.find(([x]) => {
    const arg = op.args.get(x.slice(2));
    return arg?.required && arg.kind.type === 'member' && theirs.includes(arg.kind.member);
  });
  if (required) {
    const [, at] = required;
    let end = at + 1;
    while (end < words.length && !(words[end] as string).startsWith('--')) end++;
    add(`${required[0]} left out`, [...words.slice(0, at), ...words.slice(end)]);
  }
  for (const [opt, at] of options) {
    const arg = op.args.get(opt.slice(2));
    if (arg?.kind.type !== 'member') continue;
    const shape = op.shapes.shapes[arg.kind.shape] as Shape;
    const value = words[at + 1];
    if (value === undefined) continue;
    if (shape.type === 'integer' || shape.type === 'long' || shape.type === 'double') {
      add(`${opt} given a word`, [...words.slice(0, at + 1), 'many', ...words.slice(at + 2)]);
    } else if (shape.type === 'structure' || (shape.type === 'list' && !value.startsWith('-'))) {
      const broken = value.startsWith('[') || value.startsWith('{') ? value.slice(0, -1) : `${value},,`;
      if (shape.type === 'structure' || /[=[{]/.test(value))
        add(`${opt} broken`, [...words.slice(0, at + 1), broken, ...words.slice(at + 2)]);
    }
  }
  const last = options.at(-1);
  if (last && !last[0].includes('=') && op.args.get(last[0].slice(2))?.kind.type === 'member') {
    add(`${last[0]} without its value`, [...words.slice(0, last[1] + 1)]);
  }
  // One or two per action, rotating through the kinds, so every kind is in the corpus.
  return [out[k % out.length], k % 3 === 0 ? out[(k + 1) % out.length] : undefined].filter(
    (x, i, a): x is Line => !!x && a.indexOf(x) === i,
  );
}

function corpus(): Line[] {
  const world = richWorld();
  const pool = namePool(world);
  const out: Line[] = [];
  let seed = 1;
  for (const action of supportedActions()) {
    if (action.startsWith('sim:') || LISTED.includes(`${action} (the whole operation)`)) continue;
    const found = requestShape(action);
    const arb = found?.shape ? shapeArb(found.service, found.shape, pool, world.now) : fc.constant({});
    const samples = fc
      .sample(arb, { numRuns: 12, seed: seed++ })
      .filter((input) => !usesNewer(action, input))
      .filter((input) => requiredOf(action).every((r) => Object.hasOwn(input as object, r)))
      .slice(0, 2);
    for (const [i, input] of samples.entries()) {
      const call: Call = { action, input: input as Record<string, unknown> };
      out.push({ name: `${action} #${i + 1}`, line: toCli(call), call });
    }
    if (samples[0] !== undefined)
      out.push(...malformed(action, toCli({ action, input: samples[0] as Record<string, unknown> }), seed));
  }
  return out;
}

// --- The CLI, and the CLI's serializer over the console's calls -----------------------------------

/**
 * Per job: the CLI's own entry point runs the line (its stderr and exit code kept) while the request
 * it was about to send is recorded at botocore's Endpoint.make_request; then, for a call the console
 * made, the same botocore serializes it. Both requests come back normalized: path, query string, body
 * (JSON parsed, query form as a dict, a payload as text), without idempotency tokens the console left out.
 */
const DRIVER = `
import base64, io, json, logging, os, sys, urllib.parse
import awscli.clidriver, botocore.session
from botocore import endpoint as ep, loaders
# Each job builds a fresh driver and session (as /usr/bin/aws does); the models they read are the same
# files every time, so the loader's reads are kept for the whole run (most of a job's time otherwise).
cache = {}
def cached(name):
    original_method = getattr(loaders.Loader, name)
    def wrapper(self, *args, **kwargs):
        key = (name, args, tuple(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = original_method(self, *args, **kwargs)
        return cache[key]
    setattr(loaders.Loader, name, wrapper)
for method in ('list_available_services', 'load_service_model', 'load_data', 'load_data_with_path', 'determine_latest_version', 'list_api_versions'):
    cached(method)
recorded = {}
original = ep.Endpoint.make_request
def record(self, operation_model, request_dict):
    recorded['op'] = operation_model
    recorded['req'] = request_dict
    return original(self, operation_model, request_dict)
ep.Endpoint.make_request = record
session = botocore.session.get_session()
clients = {}
def client(service):
    if service not in clients:
        clients[service] = session.create_client(service, region_name='za-southwest-1',
            endpoint_url='http://127.0.0.1:9', aws_access_key_id='a', aws_secret_access_key='b')
    return clients[service]
def blobs(value, shape, service, name=''):
    if value is None: return value
    t = shape.type_name
    if t == 'structure' and isinstance(value, dict):
        return {k: blobs(v, shape.members[k], service, k) if k in shape.members else v for k, v in value.items()}
    if t == 'list' and isinstance(value, list): return [blobs(v, shape.member, service, name) for v in value]
    if t == 'map' and isinstance(value, dict): return {k: blobs(v, shape.value, service, name) for k, v in value.items()}
    if t == 'blob' and isinstance(value, str):
        return value.encode() if (service == 'lambda' and name == 'Payload') else base64.b64decode(value)
    return value
def normal(req, op, tokens):
    body = req.get('body')
    if isinstance(body, bytes): body = body.decode('utf-8', 'replace')
    if isinstance(body, str) and op.metadata['protocol'] in ('json', 'rest-json') and body and not op.input_shape.serialization.get('payload'):
        body = json.loads(body)
    if isinstance(body, dict):
        body = {k: v for k, v in body.items() if k not in tokens}
    return {'url_path': req.get('url_path'), 'query_string': req.get('query_string'), 'body': body}
out = sys.stdout
for raw in sys.stdin:
    job = json.loads(raw)
    os.chdir(job['cwd'])
    recorded.clear()
    err = io.StringIO()
    sys.stderr, sys.stdout = err, io.StringIO()
    try:
        code = awscli.clidriver.AWSCLIEntryPoint().main(job['argv'])
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    except BaseException as e:
        err.write(repr(e)); code = 255
    finally:
        sys.stderr, sys.stdout = sys.__stderr__, out
        for name in ('', 'botocore', 'awscli', 's3transfer', 'urllib3'):
            logging.getLogger(name).handlers.clear()
    result = {'code': code, 'stderr': err.getvalue()[-2000:], 'cli': None, 'mine': None}
    mine = job.get('mine')
    tokens = []
    if mine:
        try:
            c = client(mine['service'])
            op = c.meta.service_model.operation_model(mine['operation'])
            tokens = [n for n, s in op.input_shape.members.items() if s.metadata.get('idempotencyToken') and n not in mine['params']] if op.input_shape else []
            params = blobs(mine['params'], op.input_shape, mine['service']) if op.input_shape else {}
            result['mine'] = normal(c._serializer.serialize_to_request(params, op), op, tokens)
        except Exception as e:
            result['mine'] = {'error': repr(e)}
    if 'req' in recorded:
        result['cli'] = normal(recorded['req'], recorded['op'], tokens)
    out.write(json.dumps(result, default=repr) + '\\n')
    out.flush()
`;

interface Outcome {
  code: number;
  stderr: string;
  cli: unknown;
  mine: unknown;
}

function startDriver(): { run(job: object): Promise<Outcome>; stop(): void } {
  const py = spawn(PYTHON, ['-c', DRIVER], { env: CLI_ENV, stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: ((o: Outcome) => void)[] = [];
  createInterface({ input: py.stdout }).on('line', (l) => waiting.shift()?.(JSON.parse(l) as Outcome));
  return {
    run: (job) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        py.stdin.write(`${JSON.stringify(job)}\n`);
      }),
    stop: () => py.stdin.end(),
  };
}

/** The words bash makes of a line. */
function bashWords(lines: string[]): Promise<string[][]> {
  const script = `aws() { printf '%s\\0' "$@"; printf '\\1'; }\n${lines.join('\n')}\n`;
  return new Promise((resolve, reject) => {
    execFile('bash', ['-c', script], { env: CLI_ENV, maxBuffer: 64 << 20 }, (e, out) => {
      if (e) reject(e);
      const groups = String(out).split('\u0001').slice(0, -1);
      resolve(groups.map((g) => ['aws', ...g.split('\0').slice(0, -1)]));
    });
  });
}

// --- The test ---------------------------------------------------------------------------------------

const CORPUS = corpus();
const installed = existsSync(AWS);
const outcomes: Outcome[] = [];
let argvs: string[][] = [];
let workDir = '';

describe("the console reads lines as Debian's AWS CLI 2.9.19 does", () => {
  beforeAll(async () => {
    if (!installed) return;
    workDir = mkdtempSync(join(tmpdir(), 'console-diff-'));
    argvs = await bashWords(CORPUS.map((c) => c.line));
    const drivers = [startDriver(), startDriver()];
    const jobs = CORPUS.map((c, i) => ({ c, i }));
    await Promise.all(
      drivers.map(async (d) => {
        for (let job = jobs.shift(); job; job = jobs.shift()) {
          const { c, i } = job;
          const files = c.call ? cliFiles(c.call) : [];
          let cwd = workDir;
          if (files.length > 0) {
            cwd = join(workDir, `run-${i}`);
            mkdirSync(cwd);
            for (const f of files) writeFileSync(join(cwd, f.path), Buffer.from(f.base64, 'base64'));
          }
          const argv = argvs[i] as string[];
          const parsed = parseCommand(argv, {
            files: Object.fromEntries(files.map((f) => [f.path, f.base64])),
          });
          const mine =
            parsed.kind === 'call'
              ? {
                  service: parsed.call.action.split(':')[0],
                  operation: parsed.call.action.split(':')[1],
                  params: parsed.call.input ?? {},
                }
              : null;
          outcomes[i] = await d.run({
            argv: [...argv.slice(1), '--endpoint-url', 'http://127.0.0.1:9'],
            cwd,
            mine,
          });
        }
      }),
    );
    for (const d of drivers) d.stop();
  }, 300_000);

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('lists exactly the members newer than the CLI, and keeps them out of the corpus', () => {
    expect(LISTED).toEqual(newerMembers());
    for (const c of CORPUS) if (c.call) expect(usesNewer(c.call.action, c.call.input), c.line).toBe(false);
  });

  it('has at least 300 lines, valid and malformed', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    expect(CORPUS.filter((c) => c.call === null).length).toBeGreaterThanOrEqual(100);
  });

  it.each(CORPUS.map((c, i) => ({ ...c, i })))('$name', ({ line: text, i }) => {
    if (!installed) throw new Error(MISSING);
    const argv = argvs[i] as string[];
    const words = splitWords(text);
    expect(words.ok && words.commands[0], 'the console splits words as bash does').toEqual(argv);
    const o = outcomes[i] as Outcome;
    const cliAccepts = o.stderr.includes(CONNECT_FAILURE);
    const mineAccepts = parseCommand(argv, {
      files: Object.fromEntries(cliFiles(CORPUS[i]?.call ?? { action: 'x' }).map((f) => [f.path, f.base64])),
    });
    const detail = `${text}\nCLI (${o.code}): ${o.stderr
      .split('\n')
      .filter((l) => !l.includes(' - DEBUG - '))
      .slice(-6)
      .join(
        '\n',
      )}\nconsole: ${JSON.stringify(mineAccepts.kind === 'error' ? mineAccepts : mineAccepts.kind)}`;
    expect(mineAccepts.kind === 'call', detail).toBe(cliAccepts);
    if (cliAccepts) expect(o.mine, detail).toEqual(o.cli);
    else if (mineAccepts.kind === 'error') expect(mineAccepts.code, detail).toBe(o.code);
  });
});
