/**
 * Reading botocore's service models (data/<service>/<version>/service-2.json[.gz]) for the generators
 * `npm run shapes` (scripts/shapes.ts) and `npm run api-types` (scripts/api-types.ts): where the data
 * is, one service's newest model, and the members AWS added after that botocore release
 * (shape-additions.ts). scripts/shapes.ts says which release and how to get it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Additions } from './shape-additions.ts';

export interface BotoMember {
  shape: string;
  location?: string;
}
export interface BotoShape {
  type: string;
  members?: Record<string, BotoMember>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  /** A structure that carries any JSON value (Smithy's document type). */
  document?: boolean;
}
export interface BotoModel {
  metadata: { protocol: string; apiVersion: string };
  operations: Record<string, { input?: { shape: string }; output?: { shape: string } }>;
  shapes: Record<string, BotoShape>;
}

/** BOTOCORE_DATA, or the data folder of the botocore that `python3 -c 'import botocore'` finds. */
export function dataDir(): string {
  const env = process.env.BOTOCORE_DATA;
  if (env) return env;
  const found = execFileSync(
    'python3',
    ['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__))'],
    { encoding: 'utf8' },
  ).trim();
  return join(found, 'data');
}

/** A service's newest model under `root`, and its name for the generated files' headers. */
export function loadModel(root: string, service: string): { model: BotoModel; source: string } {
  const dir = join(root, service);
  const version = readdirSync(dir).sort().at(-1);
  if (!version) throw new Error(`no versions of ${service} under ${dir}`);
  const file = join(dir, version, 'service-2.json');
  const raw = existsSync(file) ? readFileSync(file) : gunzipSync(readFileSync(`${file}.gz`));
  return { model: JSON.parse(raw.toString('utf8')) as BotoModel, source: `botocore ${service} ${version}` };
}

/** Adds to the model what AWS published after this botocore release, unless the model has it. */
export function addLater(model: BotoModel, add: Additions | undefined): void {
  if (!add) return;
  for (const [name, shape] of Object.entries(add.shapes)) model.shapes[name] ??= shape as BotoShape;
  for (const [structure, members] of Object.entries(add.members)) {
    const s = model.shapes[structure];
    if (!s?.members) throw new Error(`addition to ${structure}: not a structure of the model`);
    for (const [name, member] of Object.entries(members)) s.members[name] ??= { shape: member.shape };
  }
}
