/**
 * The ECS cluster query language used by `memberOf` placement constraints: `subject operator [argument]`
 * conditions joined with and/or/not and parentheses (source:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html). Choices where
 * AWS's page is silent, and simplifications:
 * - Precedence: `not`/`!` binds tightest, then `and`/`&&`, then `or`/`||`. The keywords and the word
 *   operators (equals, not_in…) are case-insensitive; subjects and values are case-sensitive.
 * - Each subject only takes the operators AWS lists for it; `task:group` takes the ones `ec2InstanceId`
 *   takes, and `exists`/`not_exists` only apply to `attribute:<name>`, which takes every operator.
 * - `*` in an ==, !=, in or not_in argument of a string subject (attribute, ec2InstanceId, task:group)
 *   is a wildcard for any run of characters, so `attribute:ecs.instance-type == t2.*` matches t2.small.
 * - `=~`/`!~` must match the whole value; JavaScript RegExp syntax stands in for Java's (same basics).
 * - A negative operator is exactly the negation of its positive form: a missing attribute makes ==, in,
 *   =~ and ordered comparisons false and !=, not_in, !~ true; `task:group != x` means no task on the
 *   instance is in group x (== means at least one is).
 * - registeredAt arguments are UTC unless they carry Z/±HH:MM; a bare date is midnight UTC. agentVersion
 *   compares dotted numbers (1.14 == 1.14.0). Ordered attribute comparisons are numeric when both sides
 *   are numbers, else by UTF-16 code unit.
 * - Values are bare words or quoted with ' or " (no escapes); only quoted values may hold spaces or
 *   parentheses. Error positions are 1-based character columns.
 */

// biome-ignore format: compact union
export type QueryOperator =
  | 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'exists' | 'notExists' | 'in' | 'notIn' | 'matches' | 'notMatches';

/** `attribute:<name>` or one of the built-in subjects, spelled as in the expression. */
// biome-ignore format: compact union
export type QuerySubjectKey =
  | 'agentConnected' | 'agentVersion' | 'ec2InstanceId' | 'registeredAt' | 'runningTasksCount' | 'task:group'
  | `attribute:${string}`;

export type QueryAst =
  | { kind: 'compare'; subject: QuerySubjectKey; operator: QueryOperator; values: readonly string[] }
  | { kind: 'not'; operand: QueryAst }
  | { kind: 'and' | 'or'; left: QueryAst; right: QueryAst };

export interface QuerySubject {
  attributes: Record<string, string>;
  agentConnected: boolean;
  agentVersion: string;
  ec2InstanceId: string;
  registeredAt: number;
  runningTasksCount: number;
  taskGroups: readonly string[];
}

export const MAX_QUERY_LENGTH = 2000;
const MAX_DEPTH = 100; // keeps recursion shallow; AWS documents no nesting limit

// biome-ignore format: operator spellings grouped by meaning
const OPERATORS = new Map<string, QueryOperator>([
  ['==', 'eq'], ['equals', 'eq'], ['!=', 'ne'], ['not_equals', 'ne'],
  ['>', 'gt'], ['greater_than', 'gt'], ['>=', 'ge'], ['greater_than_equal', 'ge'],
  ['<', 'lt'], ['less_than', 'lt'], ['<=', 'le'], ['less_than_equal', 'le'],
  ['exists', 'exists'], ['!exists', 'notExists'], ['not_exists', 'notExists'],
  ['in', 'in'], ['!in', 'notIn'], ['not_in', 'notIn'],
  ['=~', 'matches'], ['matches', 'matches'], ['!~', 'notMatches'], ['not_matches', 'notMatches'],
]);
const SYMBOL_OPERATORS = ['!exists', '!in', '==', '!=', '>=', '<=', '=~', '!~', '>', '<'];
// biome-ignore format: compact table
const SHOWN: Record<QueryOperator, string> = {
  eq: '==', ne: '!=', gt: '>', ge: '>=', lt: '<', le: '<=', exists: 'exists', notExists: '!exists',
  in: 'in', notIn: '!in', matches: '=~', notMatches: '!~',
};
const STRING_OPS: readonly QueryOperator[] = ['eq', 'ne', 'in', 'notIn', 'matches', 'notMatches'];
const ORDERED_OPS: readonly QueryOperator[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const ALL_OPS = [...OPERATORS.values()].filter((op, i, all) => all.indexOf(op) === i);
// biome-ignore format: compact list
const BUILT_IN_SUBJECTS: readonly QuerySubjectKey[] = [
  'agentConnected', 'agentVersion', 'ec2InstanceId', 'registeredAt', 'runningTasksCount', 'task:group',
];
const SUBJECT_LIST =
  'agentConnected, agentVersion, attribute:<name>, ec2InstanceId, registeredAt, runningTasksCount or task:group';

const SUBJECT_RE = /[\w.\-/\\:@]+/y;
const WORD_RE = /[A-Za-z_]+/y;
const BARE_VALUE_RE = /(?:[^\s()&|]|&(?!&)|\|(?!\|))+/y;
const LIST_ITEM_RE = /[^\s,[\]()]+/y;
const VERSION_RE = /^\d+(\.\d+)*$/;
const NUMBER_RE = /^-?\d+(\.\d+)?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?)?$/;

class ParseError {
  constructor(readonly message: string) {}
}

interface Token {
  text: string;
  at: number;
}

class Parser {
  pos = 0;
  depth = 0;
  constructor(private readonly src: string) {}

  skipSpaces(): void {
    while (/\s/.test(this.src.charAt(this.pos))) this.pos++;
  }

  /** Throws `<what> at position N, found "<next word>"` (nothing is found at the end). */
  fail(what: string, at = this.pos): never {
    const next = /^\S{1,20}/.exec(this.src.slice(at))?.[0];
    throw new ParseError(`${what} at position ${at + 1}${next === undefined ? '' : `, found "${next}"`}`);
  }

  unclosed(bracket: '(' | '[', open: number): never {
    const close = bracket === '(' ? '")"' : '"," or "]"';
    if (this.pos < this.src.length)
      this.fail(`Expected ${close} (for the "${bracket}" at position ${open + 1})`);
    throw new ParseError(`The "${bracket}" at position ${open + 1} is never closed`);
  }

  peek(re: RegExp): string {
    re.lastIndex = this.pos;
    return re.exec(this.src)?.[0] ?? '';
  }

  keyword(word: string): boolean {
    const w = this.peek(WORD_RE);
    if (w.toLowerCase() !== word || /[\w.\-/\\:@]/.test(this.src.charAt(this.pos + w.length))) return false;
    this.pos += w.length;
    return true;
  }

  /** `or` operands are `and` chains, whose operands are unary: `and` binds tighter. */
  parseOr(kind: 'or' | 'and' = 'or'): QueryAst {
    const operand = (): QueryAst => (kind === 'or' ? this.parseOr('and') : this.parseUnary());
    let left = operand();
    for (;;) {
      this.skipSpaces();
      if (this.src.startsWith(kind === 'or' ? '||' : '&&', this.pos)) this.pos += 2;
      else if (!this.keyword(kind)) return left;
      left = { kind, left, right: operand() };
    }
  }

  parseUnary(): QueryAst {
    this.skipSpaces();
    const open = this.pos;
    const bang = this.src.charAt(open) === '!';
    if (!bang && !this.keyword('not') && this.src.charAt(open) !== '(') return this.parseCondition();
    if (++this.depth > MAX_DEPTH) {
      throw new ParseError(`More than ${MAX_DEPTH} nested "(" or "not" at position ${open + 1}`);
    }
    let ast: QueryAst;
    if (this.src.charAt(open) === '(') {
      this.pos++;
      ast = this.parseOr();
      this.skipSpaces();
      if (this.src.charAt(this.pos) !== ')') this.unclosed('(', open);
      this.pos++;
    } else {
      if (bang) this.pos++;
      ast = { kind: 'not', operand: this.parseUnary() };
    }
    this.depth--;
    return ast;
  }

  parseCondition(): QueryAst {
    const start = this.pos;
    const raw = this.peek(SUBJECT_RE);
    if (raw === '') this.fail('Expected a condition like "attribute:ecs.instance-type == t2.small"');
    const subject = toSubject(raw);
    if (raw === 'attribute:') this.fail('Expected an attribute name after "attribute:"', start + raw.length);
    if (subject === undefined) {
      const lower = raw.toLowerCase();
      const close = lower.startsWith('attribute:')
        ? `attribute:${raw.slice(10)}`
        : BUILT_IN_SUBJECTS.find((s) => s.toLowerCase() === lower);
      const hint = close === undefined ? '' : ` (did you mean "${close}"?)`;
      throw new ParseError(`Unknown subject "${raw}" at position ${start + 1}${hint}. Use ${SUBJECT_LIST}`);
    }
    this.pos += raw.length;
    this.skipSpaces();
    const op = this.parseOperator();
    if (op === undefined) {
      const single = this.src.charAt(this.pos) === '=' && !/[=~]/.test(this.src.charAt(this.pos + 1));
      this.fail(`Expected an operator after "${raw}"${single ? ' (use "==" to test equality)' : ''}`);
    }
    const allowed = allowedOperators(subject);
    if (!allowed.includes(op.operator)) {
      const list = allowed.map((o) => SHOWN[o]).join(', ');
      throw new ParseError(
        `The operator "${op.text}" at position ${op.at + 1} can't be used with ${raw}; use one of ${list}`,
      );
    }
    let values: Token[] = [];
    if (op.operator === 'in' || op.operator === 'notIn') values = this.parseList(op.text);
    else if (op.operator !== 'exists' && op.operator !== 'notExists')
      values = [this.parseValue(op.text, BARE_VALUE_RE)];
    for (const v of values) checkValue(subject, op.operator, v);
    const keepCase =
      subject !== 'agentConnected' || op.operator === 'matches' || op.operator === 'notMatches';
    const texts = values.map((v) => (keepCase ? v.text : v.text.toLowerCase()));
    return { kind: 'compare', subject, operator: op.operator, values: texts };
  }

  parseOperator(): { operator: QueryOperator; text: string; at: number } | undefined {
    const at = this.pos;
    const isWordEnd = (i: number): boolean => !/\w/.test(this.src.charAt(i));
    let text = SYMBOL_OPERATORS.find(
      (s) => this.src.startsWith(s, at) && (!/[a-z]$/.test(s) || isWordEnd(at + s.length)),
    );
    if (text === undefined) {
      const word = this.peek(WORD_RE);
      if (word === '' || !isWordEnd(at + word.length)) return undefined;
      text = word;
    }
    const operator = OPERATORS.get(text.toLowerCase());
    if (operator === undefined) return undefined;
    this.pos += text.length;
    return { operator, text, at };
  }

  parseValue(after: string, bare: RegExp): Token {
    this.skipSpaces();
    const at = this.pos;
    const quote = this.src.charAt(at);
    if (quote === "'" || quote === '"') {
      const end = this.src.indexOf(quote, at + 1);
      if (end < 0) throw new ParseError(`The quote at position ${at + 1} is never closed`);
      this.pos = end + 1;
      return { text: this.src.slice(at + 1, end), at };
    }
    const text = this.peek(bare);
    if (text === '') this.fail(`Expected a value after "${after}"`);
    this.pos += text.length;
    return { text, at };
  }

  parseList(after: string): Token[] {
    this.skipSpaces();
    const open = this.pos;
    if (this.src.charAt(open) !== '[') this.fail(`Expected a list like [a, b] after "${after}"`);
    this.pos++;
    const items: Token[] = [];
    for (;;) {
      this.skipSpaces();
      if (items.length === 0 && this.src.charAt(this.pos) === ']') {
        throw new ParseError(`The list at position ${open + 1} is empty`);
      }
      items.push(this.parseValue(items.length === 0 ? '[' : ',', LIST_ITEM_RE));
      this.skipSpaces();
      const c = this.src.charAt(this.pos);
      if (c !== ',' && c !== ']') this.unclosed('[', open);
      this.pos++;
      if (c === ']') return items;
    }
  }
}

function toSubject(raw: string): QuerySubjectKey | undefined {
  if (raw.startsWith('attribute:') && raw.length > 10) return raw as `attribute:${string}`;
  return BUILT_IN_SUBJECTS.find((s) => s === raw);
}

function allowedOperators(subject: QuerySubjectKey): readonly QueryOperator[] {
  if (subject.startsWith('attribute:')) return ALL_OPS;
  const stringLike = subject === 'agentConnected' || subject === 'ec2InstanceId' || subject === 'task:group';
  return stringLike ? STRING_OPS : ORDERED_OPS;
}

// biome-ignore format: compact table
const VALUE_RULES: Partial<Record<QuerySubjectKey, [(text: string) => boolean, string]>> = {
  agentConnected: [(t) => /^(true|false)$/i.test(t), 'must be true or false for agentConnected'],
  agentVersion: [(t) => VERSION_RE.test(t), 'is not an agent version like 1.14.5'],
  registeredAt: [(t) => parseDate(t) !== undefined, 'is not a date like 2018-02-13 or 2018-02-13T10:00:00Z'],
  runningTasksCount: [(t) => /^\d+$/.test(t), 'is not a whole number of tasks'],
};

function checkValue(subject: QuerySubjectKey, operator: QueryOperator, v: Token): void {
  const regex = operator === 'matches' || operator === 'notMatches';
  const [valid, problem] = regex
    ? [(t: string) => compileRegex(t) !== undefined, 'is not a valid regular expression']
    : (VALUE_RULES[subject] ?? [() => true, '']);
  if (!valid(v.text)) throw new ParseError(`"${v.text}" at position ${v.at + 1} ${problem}`);
}

/** Parses an expression; never throws. */
export function parseQuery(expression: string): { ast: QueryAst } | { error: string } {
  const length = expression.length;
  if (length > MAX_QUERY_LENGTH)
    return { error: `The expression is ${length} characters long; the limit is ${MAX_QUERY_LENGTH}` };
  if (expression.trim() === '') return { error: 'The expression is empty' };
  const parser = new Parser(expression);
  try {
    const ast = parser.parseOr();
    parser.skipSpaces();
    if (parser.pos < expression.length) parser.fail('Expected "and", "or" or the end of the expression');
    return { ast };
  } catch (e) {
    if (e instanceof ParseError) return { error: e.message };
    throw e;
  }
}

/** Whether a container instance satisfies the expression. Never throws, even on a hand-built AST. */
export function evaluateQuery(ast: QueryAst, subject: QuerySubject): boolean {
  if (ast.kind === 'compare') return evaluateCondition(ast, subject);
  if (ast.kind === 'not') return !evaluateQuery(ast.operand, subject);
  const left = evaluateQuery(ast.left, subject);
  return ast.kind === 'and'
    ? left && evaluateQuery(ast.right, subject)
    : left || evaluateQuery(ast.right, subject);
}

// biome-ignore format: compact table
const POSITIVE: Partial<Record<QueryOperator, QueryOperator>> = { ne: 'eq', notIn: 'in', notMatches: 'matches', notExists: 'exists' };

function evaluateCondition(c: Extract<QueryAst, { kind: 'compare' }>, s: QuerySubject): boolean {
  const { subject: key, operator: op, values } = c;
  const positive = POSITIVE[op];
  if (positive !== undefined) return !evaluateCondition({ ...c, operator: positive }, s);
  if (key.startsWith('attribute:')) {
    const name = key.slice('attribute:'.length);
    if (!Object.hasOwn(s.attributes, name)) return false;
    return op === 'exists' || matchString(op, s.attributes[name] ?? '', values);
  }
  if (op === 'exists') return true;
  const arg = values[0] ?? '';
  if (key === 'task:group') return s.taskGroups.some((group) => matchString(op, group, values));
  if (key === 'ec2InstanceId') return matchString(op, s.ec2InstanceId, values);
  if (key === 'agentConnected') return matchString(op, String(s.agentConnected), values);
  if (key === 'agentVersion') return ordered(op, compareVersions(s.agentVersion, arg));
  const at = key === 'registeredAt' ? parseDate(arg) : undefined;
  if (at !== undefined) return ordered(op, Math.sign(s.registeredAt - at));
  return (
    key === 'runningTasksCount' &&
    /^\d+$/.test(arg) &&
    ordered(op, Math.sign(s.runningTasksCount - Number(arg)))
  );
}

function matchString(op: QueryOperator, actual: string, values: readonly string[]): boolean {
  const arg = values[0];
  if (arg === undefined) return false;
  if (op === 'eq') return wildcardMatch(arg, actual);
  if (op === 'in') return values.some((v) => wildcardMatch(v, actual));
  if (op === 'matches') return compileRegex(arg)?.test(actual) ?? false;
  const numeric = NUMBER_RE.test(actual) && NUMBER_RE.test(arg);
  const cmp = numeric ? Math.sign(Number(actual) - Number(arg)) : actual < arg ? -1 : actual > arg ? 1 : 0;
  return ordered(op, cmp);
}

// biome-ignore format: compact table
const ORDER_TESTS: Partial<Record<QueryOperator, (cmp: number) => boolean>> = {
  eq: (c) => c === 0, gt: (c) => c > 0, ge: (c) => c >= 0, lt: (c) => c < 0, le: (c) => c <= 0,
};

function ordered(op: QueryOperator, cmp: number | undefined): boolean {
  return cmp !== undefined && (ORDER_TESTS[op]?.(cmp) ?? false);
}

/** `*` matches any run of characters; everything else is literal. */
function wildcardMatch(pattern: string, actual: string): boolean {
  if (!pattern.includes('*')) return pattern === actual;
  const escaped = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[\\s\\S]*')}$`).test(actual);
}

function compileRegex(pattern: string): RegExp | undefined {
  try {
    new RegExp(pattern); // alone first, so `a)|(b` can't escape the whole-value anchors below
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return undefined;
  }
}

function compareVersions(a: string, b: string): number | undefined {
  if (!VERSION_RE.test(a) || !VERSION_RE.test(b)) return undefined;
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** Epoch seconds of `YYYY-MM-DD[THH:MM:SS[Z|±HH:MM]]` (UTC when no offset), or undefined if invalid. */
function parseDate(text: string): number | undefined {
  const m = DATE_RE.exec(text);
  if (m === null) return undefined;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((v) => Number(v ?? 0));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (monthDays === undefined || d < 1 || d > monthDays || h > 23 || mi > 59 || s > 59) return undefined;
  const zone = m[7] ?? 'Z';
  const offH = zone === 'Z' ? 0 : Number(zone.slice(1, 3));
  const offM = zone === 'Z' ? 0 : Number(zone.slice(4, 6));
  if (offH > 23 || offM > 59) return undefined;
  const offset = (zone.startsWith('-') ? -1 : 1) * (offH * 3600 + offM * 60);
  return daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offset;
}
