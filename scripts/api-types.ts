/**
 * `npm run api-types`: regenerates src/model/requests/api-types.generated.ts, the TypeScript input and
 * output types of every action the model answers, from the same botocore service models as
 * `npm run shapes` (scripts/shapes.ts says which release and how to get it), plus the `sim:` actions'
 * hand-written input shapes (src/model/requests/sim-shapes.ts; their outputs are ours and untyped).
 *
 * Types follow AWS's shapes: a structure's members are optional unless the shape lists them as
 * required, enums are unions of their values, a timestamp is epoch seconds (a number) in the JSON
 * protocols and an ISO 8601 string in the query protocols (EC2, ELBv2, CloudWatch, Auto Scaling), as
 * the model writes them. Each type's name is the service's prefix and the shape's name
 * (`EcsCreateServiceRequest`), so the services' tables do not collide. CI never runs this: the
 * generated file is checked in.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Shape } from '../src/model/requests/shape-types.ts';
import { SIM_OPERATIONS, SIM_SHAPES } from '../src/model/requests/sim-shapes.ts';
import { HANDLERS } from '../src/model/sim/handlers.ts';
import { addLater, type BotoShape, dataDir, loadModel } from './botocore.ts';
import { SHAPE_ADDITIONS } from './shape-additions.ts';

const OUT = 'src/model/requests/api-types.generated.ts';

/** The model's service prefix -> botocore's service directory and the generated types' prefix. */
const SERVICES: Record<string, { boto: string; prefix: string }> = {
  'application-autoscaling': { boto: 'application-autoscaling', prefix: 'AppScaling' },
  autoscaling: { boto: 'autoscaling', prefix: 'AutoScaling' },
  cloudwatch: { boto: 'cloudwatch', prefix: 'CloudWatch' },
  codedeploy: { boto: 'codedeploy', prefix: 'CodeDeploy' },
  ec2: { boto: 'ec2', prefix: 'Ec2' },
  ecs: { boto: 'ecs', prefix: 'Ecs' },
  elbv2: { boto: 'elbv2', prefix: 'Elbv2' },
  lambda: { boto: 'lambda', prefix: 'Lambda' },
  ssm: { boto: 'ssm', prefix: 'Ssm' },
};

/** Services whose model writes timestamps as ISO 8601 text (the query protocols), not epoch seconds. */
const ISO_TIME = new Set(['autoscaling', 'cloudwatch', 'ec2', 'elbv2']);

/** The sim: shapes, written in the house's form (shape-types.ts), in botocore's form. */
function botoForm(shapes: Readonly<Record<string, Shape>>): Record<string, BotoShape> {
  const out: Record<string, BotoShape> = {};
  for (const [name, s] of Object.entries(shapes)) {
    if (s.type === 'structure') {
      const members = Object.fromEntries(Object.entries(s.members).map(([m, v]) => [m, { shape: v.shape }]));
      out[name] = { type: s.type, members, ...(s.required ? { required: [...s.required] } : {}) };
    } else if (s.type === 'list') out[name] = { type: s.type, member: { shape: s.member } };
    else if (s.type === 'map') out[name] = { type: s.type, key: { shape: s.key }, value: { shape: s.value } };
    else if (s.type === 'string') out[name] = { type: s.type, ...(s.enum ? { enum: [...s.enum] } : {}) };
    else out[name] = { type: s.type };
  }
  return out;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const key = (name: string): string => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

/** Writes the types of one service's shapes reachable from `roots`. */
class Writer {
  readonly out: string[] = [];
  private readonly done = new Set<string>();

  constructor(
    private readonly shapes: Record<string, BotoShape>,
    private readonly prefix: string,
    private readonly isoTime: boolean,
  ) {}

  /** The type expression of a shape, queueing the named types it needs. */
  ref(name: string): string {
    const s = this.shapes[name];
    if (!s) throw new Error(`${this.prefix}: shape ${name} missing`);
    switch (s.type) {
      case 'structure':
        this.declare(name, s);
        return this.prefix + name;
      case 'list':
        return `readonly ${this.wrap(this.ref(s.member?.shape ?? 'String'))}[]`;
      case 'map':
        return `Record<string, ${this.ref(s.value?.shape ?? 'String')}>`;
      case 'string':
        return s.enum ? s.enum.map((v) => JSON.stringify(v)).join(' | ') : 'string';
      case 'integer':
      case 'long':
      case 'double':
      case 'float':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'timestamp':
        return this.isoTime ? 'string' : 'number';
      case 'blob':
        return 'string';
      default:
        throw new Error(`${this.prefix}: shape ${name} has type ${s.type}`);
    }
  }

  private wrap(t: string): string {
    return t.includes('|') || t.startsWith('readonly ') ? `(${t})` : t;
  }

  private declare(name: string, s: BotoShape): void {
    if (this.done.has(name)) return;
    this.done.add(name);
    const required = new Set(s.required ?? []);
    const lines = Object.entries(s.members ?? {}).map(
      ([m, v]) => `  ${key(m)}${required.has(m) ? '' : '?'}: ${this.ref(v.shape)};`,
    );
    this.out.push(
      lines.length === 0
        ? `export type ${this.prefix}${name} = Record<string, never>;`
        : `export interface ${this.prefix}${name} {\n${lines.join('\n')}\n}`,
    );
  }
}

function main(): void {
  const root = dataDir();
  const actions = Object.keys(HANDLERS).sort();
  const rows: string[] = [];
  const blocks: string[] = [];
  const sources: string[] = [];
  const byService = new Map<string, string[]>();
  for (const a of actions) {
    const [svc, op] = a.split(':') as [string, string];
    byService.set(svc, [...(byService.get(svc) ?? []), op]);
  }
  for (const [svc, ops] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
    if (svc === 'sim') {
      const w = new Writer(botoForm(SIM_SHAPES.shapes), 'Sim', false);
      for (const op of ops) {
        const input = SIM_OPERATIONS[`sim:${op}`];
        rows.push(
          `  'sim:${op}': { input: ${input ? w.ref(input) : 'Record<string, never>'}; output: SimOutput };`,
        );
      }
      blocks.push(w.out.sort().join('\n'));
      continue;
    }
    const service = SERVICES[svc];
    if (!service) throw new Error(`no botocore model is known for the service prefix '${svc}'`);
    const { model, source } = loadModel(root, service.boto);
    addLater(model, SHAPE_ADDITIONS[svc]);
    sources.push(source);
    const w = new Writer(model.shapes, service.prefix, ISO_TIME.has(svc));
    for (const op of ops) {
      const def = model.operations[op];
      if (!def) throw new Error(`${svc}:${op} is not an operation of ${source}`);
      const input = def.input ? w.ref(def.input.shape) : 'Record<string, never>';
      const output = def.output ? w.ref(def.output.shape) : 'Record<string, never>';
      rows.push(`  '${svc}:${op}': { input: ${input}; output: ${output} };`);
    }
    blocks.push(w.out.sort().join('\n'));
  }
  const text = `/**
 * Generated by \`npm run api-types\` (scripts/api-types.ts) from ${sources.join(', ')}
 * and src/model/requests/sim-shapes.ts: do not edit. Every action's input and output as AWS defines them.
 */

/** What a \`sim:\` action answers: ours, not AWS's. */
export type SimOutput = Record<string, unknown>;

/** Every action the model answers -> its input and output types. */
export interface ActionTypes {
${rows.join('\n')}
}

${blocks.join('\n\n')}
`;
  writeFileSync(OUT, text);
  execFileSync('npx', ['biome', 'format', '--write', OUT], { stdio: 'inherit' });
  console.log(`${OUT}: ${rows.length} actions, ${text.split('\n').length} lines before formatting`);
}

main();
