/**
 * The CLI is Python: what it prints about a value (str, repr, type names) and how it reads numbers
 * (int(), float()) decide its error messages and what it accepts. These helpers give the parser the
 * same words. A float is kept as `Float` until the request is built, because Python tells 1 from 1.0
 * (an integer member refuses 1.0) where JavaScript does not.
 */

export class Float {
  constructor(readonly value: number) {}
}

/** A value as the CLI holds it between parsing and validation. */
export type PyValue = string | number | boolean | null | Float | PyValue[] | { [key: string]: PyValue };

/** Python's ValueError/TypeError from int() or float(): the CLI lets them through as its general error (255). */
export class PyConversionError extends Error {}

const isDict = (v: PyValue): v is { [key: string]: PyValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Float);

function floatText(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  const s = String(n);
  return s.includes('e') ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s;
}

function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch < ' ' || ch === '\x7f') out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

/** Python's repr(). */
export function pyRepr(v: PyValue): string {
  if (typeof v === 'string') return reprString(v);
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (v instanceof Float) return floatText(v.value);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${reprString(k)}: ${pyRepr(x)}`)
    .join(', ')}}`;
}

/** Python's str(): a string is itself, everything else its repr. */
export const pyStr = (v: PyValue): string => (typeof v === 'string' ? v : pyRepr(v));

/** `<class 'str'>` and friends. */
export function pyType(v: PyValue): string {
  if (typeof v === 'string') return "<class 'str'>";
  if (v === null) return "<class 'NoneType'>";
  if (typeof v === 'boolean') return "<class 'bool'>";
  if (typeof v === 'number') return "<class 'int'>";
  if (v instanceof Float) return "<class 'float'>";
  if (Array.isArray(v)) return "<class 'list'>";
  return isDict(v) ? "<class 'dict'>" : "<class 'object'>";
}

const INT_TEXT = /^[+-]?\d+(?:_\d+)*$/;
const FLOAT_TEXT = /^[+-]?(?:(?:\d+(?:_\d+)*)?\.?\d+(?:_\d+)*|\d+(?:_\d+)*\.)(?:[eE][+-]?\d+(?:_\d+)*)?$/;
const SPECIAL_FLOAT = /^[+-]?(?:inf|infinity|nan)$/i;

function typeName(v: PyValue): string {
  return pyType(v).slice(8, -2);
}

/** Python's int(value): whitespace around, underscores between digits; anything else is refused. */
export function pyInt(v: PyValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Float) return Math.trunc(v.value);
  if (typeof v !== 'string') {
    throw new PyConversionError(
      `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`,
    );
  }
  const t = v.trim();
  if (!INT_TEXT.test(t))
    throw new PyConversionError(`invalid literal for int() with base 10: ${reprString(v)}`);
  return Number(t.replaceAll('_', ''));
}

/** Python's float(value). */
export function pyFloat(v: PyValue): Float {
  if (typeof v === 'number') return new Float(v);
  if (typeof v === 'boolean') return new Float(v ? 1 : 0);
  if (v instanceof Float) return v;
  if (typeof v !== 'string') {
    throw new PyConversionError(`float() argument must be a string or a real number, not '${typeName(v)}'`);
  }
  const t = v.trim();
  if (SPECIAL_FLOAT.test(t)) {
    const neg = t.startsWith('-');
    return new Float(/nan/i.test(t) ? Number.NaN : neg ? -Infinity : Infinity);
  }
  if (!FLOAT_TEXT.test(t)) throw new PyConversionError(`could not convert string to float: ${reprString(v)}`);
  return new Float(Number(t.replaceAll('_', '')));
}

/** The value as the request carries it: Floats become numbers. */
export function plain(v: PyValue): unknown {
  if (v instanceof Float) return v.value;
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setKey(out, k, plain(x));
    return out;
  }
  return v;
}

export { isDict };

/** Sets a key as plain data (`__proto__` included), as a Python dict would hold it. */
export function setKey<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
