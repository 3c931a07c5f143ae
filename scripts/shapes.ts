/**
 * `npm run shapes`: regenerates src/model/requests/shapes.generated.ts, the request shapes of every
 * action the model answers, from AWS's published service models (botocore's data/<service>/<version>/
 * service-2.json[.gz]).
 *
 * The source: botocore 1.43.11 (it knows the 2025 ECS members: deploymentConfiguration.strategy,
 * lifecycleHooks, BLUE_GREEN...). Get it with
 *   pip download --no-deps botocore==1.43.11 && unzip botocore-1.43.11-*.whl 'botocore/data/*'
 * and point BOTOCORE_DATA at the unpacked botocore/data, or leave BOTOCORE_DATA unset to use the
 * botocore that `python3 -c 'import botocore'` finds. Debian's awscli package (2.9.19) ships an older
 * copy at /usr/lib/python3/dist-packages/awscli/botocore/data that lacks those ECS members.
 *
 * The actions come from the model's handler table (src/model/sim/handlers.ts), so a new handler gets
 * its shape on the next run; `sim:` actions are ours and their shapes are written by hand
 * (src/model/requests/sim-shapes.ts). Only shapes reachable from the inputs are kept, without their
 * documentation. CI never runs this: the generated table is checked in.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Member, Protocol, ServiceShapes, Shape } from '../src/model/requests/shape-types.ts';
import { HANDLERS } from '../src/model/sim/handlers.ts';
import { addLater, type BotoModel, type BotoShape, dataDir, loadModel } from './botocore.ts';
import { SHAPE_ADDITIONS } from './shape-additions.ts';

const OUT = 'src/model/requests/shapes.generated.ts';

/** The model's service prefix -> botocore's service directory. */
const BOTOCORE_NAME: Record<string, string> = {
  'application-autoscaling': 'application-autoscaling',
  autoscaling: 'autoscaling',
  ec2: 'ec2',
  ecs: 'ecs',
  elbv2: 'elbv2',
  cloudwatch: 'cloudwatch',
  codedeploy: 'codedeploy',
  lambda: 'lambda',
  ssm: 'ssm',
};

/**
 * CloudWatch's newest model lists smithy-rpc-v2-cbor first, but it is awsQueryCompatible: its errors
 * keep the query codes (ValidationError, MissingParameter), which is what the model answers.
 */
const PROTOCOL_OVERRIDE: Record<string, Protocol> = { cloudwatch: 'query' };

/** A Java pattern that JavaScript can run with the `u` flag, or undefined (the check is then left out). */
function jsPattern(p: string): string | undefined {
  try {
    new RegExp(`^(?:${p})$`, 'u');
    return p;
  } catch {
    return undefined;
  }
}

function convert(s: BotoShape, dropped: string[], name: string): Shape {
  const bounds = {
    ...(s.min !== undefined ? { min: s.min } : {}),
    ...(s.max !== undefined ? { max: s.max } : {}),
  };
  switch (s.type) {
    case 'structure': {
      const members: Record<string, Member> = {};
      for (const [m, v] of Object.entries(s.members ?? {})) {
        const loc = v.location;
        members[m] =
          loc === 'uri' || loc === 'querystring' || loc === 'header' || loc === 'headers'
            ? { shape: v.shape, location: loc }
            : { shape: v.shape };
      }
      return {
        type: 'structure',
        members,
        ...(s.required?.length ? { required: s.required } : {}),
        ...(s.document ? { document: true as const } : {}),
      };
    }
    case 'list':
      return { type: 'list', member: s.member?.shape ?? 'String', ...bounds };
    case 'map':
      return { type: 'map', key: s.key?.shape ?? 'String', value: s.value?.shape ?? 'String', ...bounds };
    case 'string': {
      const pattern = s.pattern === undefined ? undefined : jsPattern(s.pattern);
      if (s.pattern !== undefined && pattern === undefined) dropped.push(name);
      return {
        type: 'string',
        ...(s.enum ? { enum: s.enum } : {}),
        ...(pattern !== undefined ? { pattern } : {}),
        ...bounds,
      };
    }
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return { type: s.type, ...bounds };
    case 'boolean':
    case 'timestamp':
      return { type: s.type };
    case 'blob':
      return { type: 'blob', ...bounds };
    default:
      throw new Error(`shape ${name}: type ${s.type} is not handled`);
  }
}

function reachable(model: BotoModel, roots: string[], dropped: string[]): Record<string, Shape> {
  const out: Record<string, Shape> = {};
  const todo = [...roots];
  while (todo.length > 0) {
    const name = todo.pop() as string;
    if (out[name]) continue;
    const s = model.shapes[name];
    if (!s) throw new Error(`shape ${name} missing from the model`);
    const shape = convert(s, dropped, name);
    out[name] = shape;
    if (shape.type === 'structure') todo.push(...Object.values(shape.members).map((m) => m.shape));
    else if (shape.type === 'list') todo.push(shape.member);
    else if (shape.type === 'map') todo.push(shape.key, shape.value);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function main(): void {
  const root = dataDir();
  const actions = Object.keys(HANDLERS)
    .filter((a) => !a.startsWith('sim:'))
    .sort();
  const byService = new Map<string, string[]>();
  for (const a of actions) {
    const [svc, op] = a.split(':') as [string, string];
    byService.set(svc, [...(byService.get(svc) ?? []), op]);
  }
  const services: Record<string, ServiceShapes> = {};
  const operations: Record<string, string | null> = {};
  const dropped: string[] = [];
  for (const [svc, ops] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
    const boto = BOTOCORE_NAME[svc];
    if (!boto) throw new Error(`no botocore model is known for the service prefix '${svc}'`);
    const { model, source } = loadModel(root, boto);
    addLater(model, SHAPE_ADDITIONS[svc]);
    const roots: string[] = [];
    for (const op of ops) {
      const def = model.operations[op];
      if (!def) throw new Error(`${svc}:${op} is not an operation of ${source}`);
      operations[`${svc}:${op}`] = def.input?.shape ?? null;
      if (def.input) roots.push(def.input.shape);
    }
    const protocol = PROTOCOL_OVERRIDE[svc] ?? (model.metadata.protocol as Protocol);
    services[svc] = { source, protocol, shapes: reachable(model, roots, dropped) };
  }
  const text = `/**
 * Generated by \`npm run shapes\` (scripts/shapes.ts) from botocore's service models: do not edit.
 * The request shapes of every AWS action the model answers (see shape-types.ts for the form).
 */
import type { ShapeTable } from './shape-types.ts';

export const AWS_SHAPES: ShapeTable = ${JSON.stringify({ services, operations })};
`;
  writeFileSync(OUT, text);
  execFileSync('npx', ['biome', 'format', '--write', OUT], { stdio: 'inherit' });
  const count = Object.values(services).reduce((n, s) => n + Object.keys(s.shapes).length, 0);
  console.log(
    `${OUT}: ${Object.keys(operations).length} actions, ${count} shapes from ${root}` +
      (dropped.length ? `; patterns JavaScript cannot run, left out: ${dropped.join(', ')}` : ''),
  );
}

main();
