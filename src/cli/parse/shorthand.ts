/**
 * The AWS CLI's shorthand syntax, as the CLI parses it (awscli/shorthand.py, ShorthandParser): purely
 * syntactic, `Key=Value,Key2=a,b,c`, explicit lists `[a,b]`, nested structures `{k=v}`, quoted values,
 * `\,` for a comma inside a value. The values are text; `shorthand-types.ts` then converts them with
 * the request shape as the CLI's BackCompatVisitor does.
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-shorthand.html
 */

import { setKey } from './py-values.ts';

export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

export class ShorthandError extends Error {}

// The CLI's character classes (Python regular expressions over code points).
const START_WORD = '!#-&(-+\\x2d-<>-Z\\x5c-z|-\\uffff';
const FIRST_FOLLOW = '\\s!#-&(-+\\x2d-\\x5c\\x5e-|~-\\uffff';
const SECOND_FOLLOW = '\\s!#-&(-+\\x2d-<>-\\uffff';
const FIRST_VALUE = new RegExp(`(?:\\\\,|[${START_WORD}])(?:\\\\,|[${FIRST_FOLLOW}])*`, 'y');
const SECOND_VALUE = new RegExp(`(?:\\\\,|[${START_WORD}])(?:\\\\,|[${SECOND_FOLLOW}])*`, 'y');
const SINGLE_QUOTED = /'(?:\\\\|\\'|[^'])*'/y;
const DOUBLE_QUOTED = /"(?:\\\\|\\"|[^"])*"/y;
const KEY_CHAR = /[A-Za-z0-9\-_.#/:]/;
const WHITESPACE = /\s/;

/** Python's str.rstrip(): trailing whitespace. */
const rstrip = (s: string): string => s.replace(/\s+$/, '');

class Parser {
  private i = 0;
  constructor(private readonly text: string) {}

  parse(): Record<string, ShorthandValue> {
    const params: Record<string, ShorthandValue> = {};
    const [key, value] = this.keyval();
    setKey(params, key, value);
    let last = this.i;
    while (this.i < this.text.length) {
      this.expect(',', true);
      const [k, v] = this.keyval();
      if (Object.hasOwn(params, k)) throw this.duplicate(k, last + 1);
      setKey(params, k, v);
      last = this.i;
    }
    return params;
  }

  private keyval(): [string, ShorthandValue] {
    const key = this.key();
    this.expect('=', true);
    return [key, this.values()];
  }

  private key(): string {
    const start = this.i;
    while (!this.eof() && KEY_CHAR.test(this.current())) this.i++;
    return this.text.slice(start, this.i);
  }

  private values(): ShorthandValue {
    if (this.eof()) return '';
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.csvValue();
  }

  private csvValue(): ShorthandValue {
    const first = this.firstValue();
    this.whitespace();
    if (this.eof() || this.text[this.i] !== ',') return first;
    this.expect(',', true);
    const list: string[] = [first];
    for (;;) {
      try {
        const current = this.secondValue();
        this.whitespace();
        if (this.eof()) {
          list.push(current);
          break;
        }
        this.expect(',', true);
        list.push(current);
      } catch (e) {
        if (!(e instanceof ShorthandError) || this.eof()) throw e;
        this.backtrackTo(',');
        break;
      }
    }
    return list.length === 1 ? first : list;
  }

  private value(): string {
    FIRST_VALUE.lastIndex = this.i;
    const m = FIRST_VALUE.exec(this.text);
    if (!m) return '';
    this.i += m[0].length;
    return rstrip(m[0].replaceAll('\\,', ','));
  }

  private explicitList(): ShorthandValue[] {
    this.expect('[', true);
    const values: ShorthandValue[] = [];
    while (this.current() !== ']') {
      values.push(this.explicitValues());
      this.whitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.whitespace();
      }
    }
    this.expect(']');
    return values;
  }

  private explicitValues(): ShorthandValue {
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.firstValue();
  }

  private hashLiteral(): Record<string, ShorthandValue> {
    this.expect('{', true);
    const out: Record<string, ShorthandValue> = {};
    while (this.current() !== '}') {
      const key = this.key();
      this.expect('=', true);
      const v = this.explicitValues();
      this.whitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.whitespace();
      }
      setKey(out, key, v);
    }
    this.expect('}');
    return out;
  }

  private firstValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return this.value();
  }

  private secondValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return rstrip(this.mustConsume(SECOND_VALUE, 'second').replaceAll('\\,', ','));
  }

  private quoted(regex: RegExp, quote: string): string {
    const name = quote === "'" ? 'singled quoted' : 'double quoted';
    return this.mustConsume(regex, name)
      .slice(1, -1)
      .replaceAll(`\\${quote}`, quote)
      .replaceAll('\\\\', '\\');
  }

  private mustConsume(regex: RegExp, name: string): string {
    regex.lastIndex = this.i;
    const m = regex.exec(this.text);
    if (m) {
      this.i += m[0].length;
      return m[0];
    }
    throw this.syntax(`<${name}>`, '<none>');
  }

  private expect(char: string, consumeWhitespace = false): void {
    if (consumeWhitespace) this.whitespace();
    if (this.i >= this.text.length) throw this.syntax(char, 'EOF');
    const actual = this.text[this.i] as string;
    if (actual !== char) throw this.syntax(char, actual);
    this.i++;
    if (consumeWhitespace) this.whitespace();
  }

  private current(): string {
    return this.text[this.i] ?? '';
  }

  private eof(): boolean {
    return this.i >= this.text.length;
  }

  private backtrackTo(char: string): void {
    while (this.i >= 0 && this.text[this.i] !== char) this.i--;
  }

  private whitespace(): void {
    while (!this.eof() && WHITESPACE.test(this.current())) this.i++;
  }

  /** The CLI's _error_location: the input with a caret under the index. */
  private location(index: number): string {
    const before = this.text.slice(0, index);
    let consumed = this.text;
    let remaining = '';
    let spaces = index;
    if (before.includes('\n')) spaces = index - before.lastIndexOf('\n') - 1;
    const after = this.text.slice(index);
    if (after.includes('\n')) {
      const next = index + after.indexOf('\n');
      consumed = this.text.slice(0, next);
      remaining = this.text.slice(next);
    }
    return `${consumed}\n${' '.repeat(spaces)}^${remaining}`;
  }

  private syntax(expected: string, actual: string): ShorthandError {
    return new ShorthandError(
      `Expected: '${expected}', received: '${actual}' for input:\n${this.location(this.i)}`,
    );
  }

  private duplicate(key: string, index: number): ShorthandError {
    return new ShorthandError(
      `Second instance of key "${key}" encountered for input:\n${this.location(index)}\nThis is often because there is a preceding "," instead of a space.`,
    );
  }
}

/** Parses one shorthand value; throws ShorthandError with the CLI's own words. */
export function parseShorthand(text: string): Record<string, ShorthandValue> {
  return new Parser(text).parse();
}
