/**
 * Requests generated from the model's own shape table (what AWS publishes, plus the sim: shapes):
 * valid ones, whose strings are mostly names and ARNs that exist in the world so calls go deep, and
 * hostile ones, a valid request with one value broken (wrong type, null in a list, NaN, Infinity, a
 * huge number, a long string, a deeply nested value, a missing required member, a special name such
 * as __proto__). Used by the CI properties and by `npm run fuzz`.
 */
import fc from 'fast-check';
import { requestShape, type ServiceShapes, type Shape, type SimState } from '../../src/model/index.ts';

/** Names the language treats specially: the model must keep them as plain data. */
export const SPECIAL_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

/** Strings in the world (names, ids, ARNs), so generated requests refer to things that exist. */
export function namePool(s: SimState): string[] {
  const out = new Set<string>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || out.size > 400) return;
    if (typeof v === 'string') {
      if (v.length > 0 && v.length <= 200 && !/\s/.test(v)) out.add(v);
    } else if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k.length <= 200) out.add(k);
        visit(x, depth + 1);
      }
    }
  };
  visit({ ...s, cloudwatch: s.cloudwatch.alarms, traffic: null }, 0);
  return [...out].sort();
}

const hex = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));

function stringArb(shape: Extract<Shape, { type: 'string' }>, pool: string[]): fc.Arbitrary<string> {
  if (shape.enum) return fc.constantFrom(...shape.enum);
  const min = shape.min ?? 0;
  const max = Math.min(shape.max ?? 40, 40);
  const random = fc.string({ minLength: Math.min(min, max), maxLength: Math.max(Math.min(min, max), max) });
  const ours = pool.length > 0 ? fc.constantFrom(...pool) : random;
  return fc.oneof(
    { weight: 6, arbitrary: ours },
    { weight: 2, arbitrary: hex },
    { weight: 1, arbitrary: random },
    { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_NAMES) },
  );
}

function numberArb(
  shape: Extract<Shape, { type: 'integer' | 'long' | 'double' | 'float' }>,
): fc.Arbitrary<number> {
  const lo = shape.min ?? 0;
  const hi = Math.max(lo, Math.min(shape.max ?? lo + 600, lo + 100000));
  if (shape.type === 'double' || shape.type === 'float')
    return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(fc.integer({ min: lo, max: Math.min(hi, lo + 10) }), fc.integer({ min: lo, max: hi }));
}

/** A valid value of `name` in `service` (within its constraints, except that patterns are not followed). */
export function shapeArb(
  service: ServiceShapes,
  name: string,
  pool: string[],
  now: number,
  depth = 0,
): fc.Arbitrary<unknown> {
  const shape = service.shapes[name];
  if (!shape) return fc.constant(undefined);
  const sub = (n: string) => shapeArb(service, n, pool, now, depth + 1);
  switch (shape.type) {
    case 'structure': {
      const required = shape.required ?? [];
      const optional = Object.keys(shape.members).filter((m) => !required.includes(m));
      return fc
        .subarray(optional, { maxLength: Math.min(optional.length, depth > 3 ? 0 : depth > 1 ? 2 : 5) })
        .chain((chosen) =>
          fc.record(
            Object.fromEntries(
              [...required, ...chosen].map((m) => [m, sub(shape.members[m]?.shape ?? '')] as const),
            ),
          ),
        );
    }
    case 'list': {
      const min = shape.min ?? 0;
      return fc.array(sub(shape.member), {
        minLength: min,
        maxLength: Math.max(min, Math.min(shape.max ?? 3, 3)),
      });
    }
    case 'map':
      return fc
        .array(fc.tuple(sub(shape.key), sub(shape.value)), { maxLength: 2 })
        .map((entries) => Object.fromEntries(entries.map(([k, v]) => [String(k), v])));
    case 'string':
      return stringArb(shape, pool);
    case 'boolean':
      return fc.boolean();
    case 'timestamp':
      return fc.integer({ min: now - 7200, max: now + 600 });
    case 'blob':
      return fc.base64String({ maxLength: 64 });
    default:
      return numberArb(shape);
  }
}

function deep(levels: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Values no shape accepts where they are put, or accepts only to test its limits. */
export const HOSTILE: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    { toString: 1 },
    [null],
    null,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    2 ** 53,
    1.5,
    '',
    'x'.repeat(5000),
    true,
    [],
    {},
    [[[]]],
    '__proto__',
    'constructor',
    JSON.parse('{"__proto__": {"polluted": true}}'),
  ),
  fc.integer({ min: 10, max: 3000 }).map(deep),
  fc.anything({ maxDepth: 3 }),
);

export type Path = (string | number)[];

/** Every path to a value inside `v` (object members and list positions). */
export function pathsOf(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (path.length > 0) out.push(path);
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) pathsOf(v[i], [...path, i], out);
  else if (v && typeof v === 'object')
    for (const k of Object.keys(v)) pathsOf((v as never)[k], [...path, k], out);
  return out;
}

/** A copy of `root` with the value at `path` replaced by `value` (or removed). */
export function setAt(root: unknown, path: Path, value: unknown, remove: boolean): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (remove && !Array.isArray(at)) delete at[last];
  else Object.defineProperty(at, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A valid request with one thing broken: a value replaced by a hostile one, or a member removed. */
export function mutate(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), HOSTILE, fc.boolean(), fc.constantFrom(...SPECIAL_NAMES))
    .map(([v, pick, hostile, remove, special]) => {
      const paths = pathsOf(v);
      if (paths.length === 0 || pick % 7 === 0) return setAt(v, [special], hostile, false);
      return setAt(v, paths[pick % paths.length] as Path, hostile, remove);
    });
}

/** Valid and broken requests for one action. */
export function requestArb(action: string, pool: string[], now: number): fc.Arbitrary<unknown> {
  const found = requestShape(action);
  if (!found || found.shape === null) return fc.constant({});
  const valid = shapeArb(found.service, found.shape, pool, now);
  return fc.oneof(valid, mutate(valid));
}
