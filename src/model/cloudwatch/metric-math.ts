/**
 * Metric math for alarms and GetMetricData: MetricStat queries and expressions over them with + - * /,
 * parentheses, unary minus, numbers, query ids, and FILL(series, value). Arithmetic on two series keeps the
 * timestamps both have; a division by zero drops the point (CloudWatch returns no value there). Source:
 * CloudWatch's metric math syntax,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html; alarms drive
 * rollbacks: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html.
 * Simplification: no other functions (METRICS(), SUM(), IF(), ...).
 */

import type { MetricDataQuery, SimState } from '../sim/types.ts';
import { invalidValue, readDimensions, validation } from './cloudwatch-input.ts';
import { periodValues } from './metrics.ts';

export type Series = Map<number, number>;
type Val = number | Series;

type Node =
  | { k: 'num'; v: number }
  | { k: 'id'; id: string }
  | { k: 'neg'; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'fill'; a: Node; v: number };

const ID = /^[a-z][a-zA-Z0-9_]*$/;

export function isQueryId(id: unknown): id is string {
  return typeof id === 'string' && ID.test(id) && id.length <= 255;
}

/** Parses an expression; throws ValidationError with the position of the first problem. */
export function parseExpression(src: string): Node {
  const toks = src.match(/\s*([A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[-+*/(),]|\S)/g) ?? [];
  const list = toks.map((t) => t.trim());
  let i = 0;
  const bad = (what: string): never => {
    throw validation(`Error in expression '${src}': ${what}`);
  };
  const peek = () => list[i];
  const next = () => list[i++];
  const factor = (): Node => {
    const t = next();
    if (t === undefined) return bad('Unexpected end of expression');
    if (t === '-') return { k: 'neg', a: factor() };
    if (t === '(') {
      const e = expr();
      if (next() !== ')') bad("Expected ')'");
      return e;
    }
    if (/^\d/.test(t)) return { k: 'num', v: Number(t) };
    if (t.toUpperCase() === 'FILL' && peek() === '(') {
      next();
      const a = expr();
      if (next() !== ',') bad("Expected ',' in FILL");
      const negative = peek() === '-';
      if (negative) next();
      const v = Number(next());
      if (!Number.isFinite(v)) bad('FILL needs a number');
      if (next() !== ')') bad("Expected ')'");
      return { k: 'fill', a, v: negative ? -v : v };
    }
    if (ID.test(t)) return { k: 'id', id: t };
    return bad(`Unexpected '${t}'`);
  };
  const term = (): Node => {
    let a = factor();
    while (peek() === '*' || peek() === '/') a = { k: 'bin', op: next() as string, a, b: factor() };
    return a;
  };
  const expr = (): Node => {
    let a = term();
    while (peek() === '+' || peek() === '-') a = { k: 'bin', op: next() as string, a, b: term() };
    return a;
  };
  const e = expr();
  if (i < list.length) bad(`Unexpected '${list[i]}'`);
  return e;
}

export function idsOf(n: Node, out: Set<string> = new Set()): Set<string> {
  if (n.k === 'id') out.add(n.id);
  else if (n.k === 'neg') idsOf(n.a, out);
  else if (n.k === 'fill') idsOf(n.a, out);
  else if (n.k === 'bin') {
    idsOf(n.a, out);
    idsOf(n.b, out);
  }
  return out;
}

function apply(op: string, x: number, y: number): number | null {
  if (op === '+') return x + y;
  if (op === '-') return x - y;
  if (op === '*') return x * y;
  return y === 0 ? null : x / y;
}

function binary(op: string, a: Val, b: Val): Val {
  if (typeof a === 'number' && typeof b === 'number') return apply(op, a, b) ?? Number.NaN;
  const out: Series = new Map();
  if (typeof a === 'number') {
    for (const [t, y] of b as Series) {
      const r = apply(op, a, y);
      if (r !== null) out.set(t, r);
    }
  } else if (typeof b === 'number') {
    for (const [t, x] of a) {
      const r = apply(op, x, b);
      if (r !== null) out.set(t, r);
    }
  } else {
    for (const [t, x] of a) {
      const y = b.get(t);
      if (y === undefined) continue;
      const r = apply(op, x, y);
      if (r !== null) out.set(t, r);
    }
  }
  return out;
}

function evalNode(n: Node, env: Map<string, Series>, periods: number[]): Val {
  switch (n.k) {
    case 'num':
      return n.v;
    case 'id':
      return env.get(n.id) ?? new Map();
    case 'neg':
      return binary('*', -1, evalNode(n.a, env, periods));
    case 'bin':
      return binary(n.op, evalNode(n.a, env, periods), evalNode(n.b, env, periods));
    case 'fill': {
      const a = evalNode(n.a, env, periods);
      if (typeof a === 'number') return a;
      const out: Series = new Map();
      for (const t of periods) out.set(t, a.get(t) ?? n.v);
      return out;
    }
  }
}

/** Checks a list of queries (ids, one of MetricStat / Expression each, references). */
export function validateQueries(queries: MetricDataQuery[]): void {
  const ids = new Set<string>();
  for (const q of queries) {
    if (!isQueryId(q.Id)) {
      throw validation(
        `Invalid metrics list: the Id '${String(q.Id)}' must start with a lowercase letter and contain only letters, numbers and underscores.`,
      );
    }
    if (ids.has(q.Id)) throw validation(`Invalid metrics list: the Id '${q.Id}' is used more than once.`);
    ids.add(q.Id);
    if ((q.MetricStat === undefined) === (q.Expression === undefined)) {
      throw validation(`Invalid metrics list: '${q.Id}' must have exactly one of MetricStat and Expression.`);
    }
    if (q.MetricStat) {
      const m = q.MetricStat.Metric;
      if (!m || typeof m.Namespace !== 'string' || typeof m.MetricName !== 'string') {
        throw validation(
          `Invalid metrics list: '${q.Id}' needs MetricStat.Metric with Namespace and MetricName.`,
        );
      }
      readDimensions(m.Dimensions, `${q.Id}.MetricStat.Metric.Dimensions`);
      if (typeof q.MetricStat.Period !== 'number' || q.MetricStat.Period < 1) {
        throw validation(`Invalid metrics list: '${q.Id}' needs a MetricStat.Period.`);
      }
      if (typeof q.MetricStat.Stat !== 'string')
        throw validation(`Invalid metrics list: '${q.Id}' needs a MetricStat.Stat.`);
    }
  }
  for (const q of queries) {
    if (q.Expression === undefined) continue;
    if (typeof q.Expression !== 'string')
      throw validation(`Invalid metrics list: '${q.Id}' Expression must be a string.`);
    for (const id of idsOf(parseExpression(q.Expression))) {
      if (!ids.has(id) || id === q.Id) throw invalidValue(`Unknown metric id '${id}' in expression ${q.Id}.`);
    }
  }
}

/**
 * Evaluates every query over periods [from, to) of `period` seconds (bucket starts aligned on
 * `origin`); returns each query's series by Id.
 */
export function evaluateQueries(
  s: SimState,
  queries: MetricDataQuery[],
  period: number,
  from: number,
  to: number,
  origin = 0,
): Map<string, Series> {
  const env = new Map<string, Series>();
  const periods: number[] = [];
  for (let t = origin + Math.ceil((from - origin) / period) * period; t < to; t += period) periods.push(t);
  for (const q of queries) {
    if (!q.MetricStat) continue;
    const m = q.MetricStat.Metric;
    const p = q.MetricStat.Period || period;
    env.set(
      q.Id,
      periodValues(
        s,
        m.Namespace,
        m.MetricName,
        readDimensions(m.Dimensions),
        q.MetricStat.Stat,
        p,
        from,
        to,
        origin,
      ),
    );
  }
  const pending = queries.filter((q) => q.Expression !== undefined);
  // Expressions may use other expressions: evaluate in dependency order (at most n rounds).
  for (let round = 0; pending.length && round <= queries.length; round++) {
    for (let i = pending.length - 1; i >= 0; i--) {
      const q = pending[i] as MetricDataQuery;
      const node = parseExpression(q.Expression as string);
      if ([...idsOf(node)].some((id) => !env.has(id))) continue;
      const v = evalNode(node, env, periods);
      env.set(q.Id, typeof v === 'number' ? new Map(periods.map((t) => [t, v])) : v);
      pending.splice(i, 1);
    }
  }
  return env;
}
