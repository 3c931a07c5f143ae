/**
 * Walks a request against its shape the way AWS's front ends do before any handler runs, and builds
 * the copy the handler gets: only the members the shape knows, fresh objects (the caller's are never
 * kept), map keys written as own data (records.ts) so a name such as `__proto__` stays a key.
 *
 * Order follows the services: a value of the wrong type stops the request first (the JSON protocols
 * fail while deserialising: SerializationException); then every missing required member and every
 * broken constraint (enum, length, range, pattern) is collected in document order, as the "N
 * validation errors detected" messages list them. null counts as absent (Coral's JSON treats it so).
 * On the query protocols (ELBv2, CloudWatch, EC2) every value travels as text, so a number given for a
 * string member, or "42" / "true" for a number or boolean member, is accepted and converted as the
 * service would read it. Patterns are anchored: Coral matches the whole value.
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/CommonErrors.html,
 * https://docs.aws.amazon.com/lambda/latest/api/CommonErrors.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/CommonErrors.html,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html,
 * https://smithy.io/2.0/spec/constraint-traits.html (length, range, pattern, enum).
 */
import { setOwn } from '../sim/records.ts';
import type { Protocol, ServiceShapes, Shape } from './shape-types.ts';

/** One step of a member's path: a member name, or a 1-based list position. */
export type PathStep = string | number;

export type Problem =
  | { kind: 'type'; path: PathStep[]; expected: Shape['type'] | 'document'; value: unknown }
  | { kind: 'required'; path: PathStep[] }
  | { kind: 'constraint'; path: PathStep[]; value: unknown; rule: string };

export interface WalkResult {
  value: unknown;
  problems: Problem[];
}

const INT32 = 2 ** 31;

/**
 * A timestamp given as text: epoch seconds, or an ISO 8601 date and time (the forms AWS's SDKs and the
 * CLI accept: https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters-types.html#parameter-type-timestamp).
 */
const TIMESTAMP_TEXT =
  /^(?:-?\d+(?:\.\d+)?|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/;
export const TIMESTAMP_RULE = 'Member must be a timestamp (ISO 8601 or epoch seconds)';
const patterns = new Map<string, RegExp>();

function patternOf(p: string): RegExp {
  let re = patterns.get(p);
  if (!re) {
    re = new RegExp(`^(?:${p})$`, 'u');
    patterns.set(p, re);
  }
  return re;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A query-protocol scalar as the service reads it from text, or undefined when it cannot. */
function fromText(v: unknown, type: Shape['type']): unknown {
  if (type === 'timestamp') return v;
  if (type === 'string' || type === 'blob') {
    return typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'boolean' ? String(v) : v;
  }
  if (type === 'boolean') return v === 'true' ? true : v === 'false' ? false : v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v.trim())) return Number(v);
  return v;
}

class Walker {
  readonly problems: Problem[] = [];
  private typeError = false;

  constructor(
    private readonly service: ServiceShapes,
    private readonly textual: boolean,
  ) {}

  get failedOnType(): boolean {
    return this.typeError;
  }

  walk(shapeName: string, raw: unknown, path: PathStep[]): unknown {
    const shape = this.service.shapes[shapeName];
    if (!shape) return undefined;
    const v = this.textual ? fromText(raw, shape.type) : raw;
    switch (shape.type) {
      case 'structure':
        return this.structure(shape, v, path);
      case 'list':
        return this.list(shape, v, path);
      case 'map':
        return this.map(shape, v, path);
      case 'string':
        return this.string(shape, v, path);
      case 'blob':
        return typeof v === 'string' ? this.length(shape, v, v.length, path) : this.wrongType(shape, v, path);
      case 'boolean':
        return typeof v === 'boolean' ? v : this.wrongType(shape, v, path);
      case 'timestamp':
        if (typeof v === 'number' && Number.isFinite(v)) return v;
        if (typeof v !== 'string') return this.wrongType(shape, v, path);
        if (!TIMESTAMP_TEXT.test(v.trim()))
          this.problems.push({ kind: 'constraint', path, value: v, rule: TIMESTAMP_RULE });
        return v;
      default:
        return this.number(shape, v, path);
    }
  }

  private wrongType(shape: Shape, value: unknown, path: PathStep[]): undefined {
    if (!this.typeError) this.problems.unshift({ kind: 'type', path, expected: shape.type, value });
    this.typeError = true;
    return undefined;
  }

  private broken(path: PathStep[], value: unknown, rule: string): void {
    this.problems.push({ kind: 'constraint', path, value, rule });
  }

  private length<T>(shape: { min?: number; max?: number }, v: T, n: number, path: PathStep[]): T {
    if (shape.max !== undefined && n > shape.max)
      this.broken(path, v, `Member must have length less than or equal to ${shape.max}`);
    if (shape.min !== undefined && n < shape.min)
      this.broken(path, v, `Member must have length greater than or equal to ${shape.min}`);
    return v;
  }

  private structure(shape: Extract<Shape, { type: 'structure' }>, v: unknown, path: PathStep[]): unknown {
    // A document is any JSON value; the handler gets a copy of it, never the caller's object.
    if (shape.document) {
      const text = JSON.stringify(v);
      return text === undefined ? this.wrongType(shape, v, path) : (JSON.parse(text) as unknown);
    }
    if (!isPlainObject(v)) return this.wrongType(shape, v, path);
    const out: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(shape.members)) {
      if (!Object.hasOwn(v, name)) continue;
      const given = v[name];
      if (given === undefined || given === null) continue;
      const copy = this.walk(member.shape, given, [...path, name]);
      if (this.typeError) return undefined;
      if (copy !== undefined) out[name] = copy;
    }
    for (const name of shape.required ?? []) {
      if (out[name] === undefined) this.problems.push({ kind: 'required', path: [...path, name] });
    }
    return out;
  }

  private list(shape: Extract<Shape, { type: 'list' }>, v: unknown, path: PathStep[]): unknown {
    if (!Array.isArray(v)) return this.wrongType(shape, v, path);
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      // A null inside a list is a value of the wrong type, not an absent member.
      const copy =
        item === null || item === undefined
          ? this.wrongType(this.service.shapes[shape.member] ?? shape, item, [...path, i + 1])
          : this.walk(shape.member, item, [...path, i + 1]);
      if (this.typeError) return undefined;
      out.push(copy);
    }
    return this.length(shape, out, out.length, path);
  }

  private map(shape: Extract<Shape, { type: 'map' }>, v: unknown, path: PathStep[]): unknown {
    if (!isPlainObject(v)) return this.wrongType(shape, v, path);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      const k = this.walk(shape.key, key, [...path, key]);
      const item = v[key];
      const copy =
        item === null || item === undefined
          ? this.wrongType(this.service.shapes[shape.value] ?? shape, item, [...path, key])
          : this.walk(shape.value, item, [...path, key]);
      if (this.typeError) return undefined;
      setOwn(out, String(k), copy);
    }
    return this.length(shape, out, Object.keys(out).length, path);
  }

  private string(shape: Extract<Shape, { type: 'string' }>, v: unknown, path: PathStep[]): unknown {
    if (typeof v !== 'string') return this.wrongType(shape, v, path);
    if (shape.enum && !shape.enum.includes(v)) {
      this.broken(path, v, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      return v;
    }
    this.length(shape, v, [...v].length, path);
    if (shape.pattern !== undefined && !patternOf(shape.pattern).test(v))
      this.broken(path, v, `Member must satisfy regular expression pattern: ${shape.pattern}`);
    return v;
  }

  private number(
    shape: Extract<Shape, { type: 'integer' | 'long' | 'double' | 'float' }>,
    v: unknown,
    path: PathStep[],
  ): unknown {
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.wrongType(shape, v, path);
    if (shape.type === 'integer' && (!Number.isInteger(v) || v < -INT32 || v >= INT32))
      return this.wrongType(shape, v, path);
    if (shape.type === 'long' && !Number.isSafeInteger(v)) return this.wrongType(shape, v, path);
    // Java prints a double with its decimal point (1.0), which is how the messages show bounds and values.
    const java = (n: number) =>
      shape.type !== 'double' && shape.type !== 'float'
        ? String(n)
        : Number.isInteger(n)
          ? n.toFixed(1)
          : String(n);
    if (shape.max !== undefined && v > shape.max)
      this.broken(path, java(v), `Member must have value less than or equal to ${java(shape.max)}`);
    if (shape.min !== undefined && v < shape.min)
      this.broken(path, java(v), `Member must have value greater than or equal to ${java(shape.min)}`);
    return v;
  }
}

/** Checks `input` against the service's shape `shapeName`; the copy is meaningful only without problems. */
export function walkRequest(service: ServiceShapes, shapeName: string, input: unknown): WalkResult {
  const textual: boolean = (['query', 'ec2'] satisfies Protocol[] as Protocol[]).includes(service.protocol);
  const w = new Walker(service, textual);
  const value = w.walk(shapeName, input, []);
  return { value, problems: w.failedOnType ? w.problems.slice(0, 1) : w.problems };
}
