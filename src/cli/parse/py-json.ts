/**
 * Python's json.loads as the CLI calls it: the same values (floats kept apart from integers, NaN and
 * Infinity accepted, the last of duplicate keys winning) and the same error words
 * ("Expecting value: line 1 column 1 (char 0)"), which the CLI prints after "Invalid JSON: ".
 */
import { Float, type PyValue, setKey } from './py-values.ts';

export class PyJsonError extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const WS = /[ \t\n\r]*/y;

export function pyJsonLoads(text: string): PyValue {
  let i = 0;
  const where = (at: number): string => {
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const col = at - (before.lastIndexOf('\n') + 1) + 1;
    return `line ${line} column ${col} (char ${at})`;
  };
  const fail = (msg: string, at: number): never => {
    throw new PyJsonError(`${msg}: ${where(at)}`);
  };
  const ws = () => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  const str = (): string => {
    const start = i;
    i++;
    let out = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) return fail('Unterminated string starting at', start);
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e === 'u') {
          return fail('Invalid \\uXXXX escape', i + 1);
        } else if (e === undefined) {
          return fail('Unterminated string starting at', start);
        } else {
          return fail('Invalid \\escape', i);
        }
      } else if (c < ' ') {
        return fail('Invalid control character at', i);
      } else {
        out += c;
        i++;
      }
    }
  };
  const value = (): PyValue => {
    const c = text[i];
    if (c === '"') return str();
    if (c === '{') {
      i++;
      const obj: Record<string, PyValue> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        if (text[i] !== '"') return fail('Expecting property name enclosed in double quotes', i);
        const key = str();
        ws();
        if (text[i] !== ':') return fail("Expecting ':' delimiter", i);
        i++;
        ws();
        setKey(obj, key, value());
        ws();
        if (text[i] === '}') {
          i++;
          return obj;
        }
        if (text[i] !== ',') return fail("Expecting ',' delimiter", i);
        i++;
        ws();
      }
    }
    if (c === '[') {
      i++;
      const arr: PyValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ']') {
          i++;
          return arr;
        }
        if (text[i] !== ',') return fail("Expecting ',' delimiter", i);
        i++;
        ws();
      }
    }
    for (const [word, v] of [
      ['null', null],
      ['true', true],
      ['false', false],
      ['NaN', new Float(Number.NaN)],
      ['Infinity', new Float(Infinity)],
      ['-Infinity', new Float(-Infinity)],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) {
      i += m[0].length;
      return m[1] !== undefined || m[2] !== undefined ? new Float(Number(m[0])) : Number(m[0]);
    }
    return fail('Expecting value', i);
  };
  ws();
  const v = value();
  ws();
  if (i !== text.length) fail('Extra data', i);
  return v;
}
