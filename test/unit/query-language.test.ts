import { describe, expect, it } from 'vitest';
import {
  evaluateQuery,
  parseQuery,
  type QueryAst,
  type QuerySubject,
} from '../../src/model/ecs/query-language.ts';

const FEB_13_2018 = 1518480000; // 2018-02-13T00:00:00Z

const BASE: QuerySubject = {
  attributes: {
    'ecs.availability-zone': 'us-east-1a',
    'ecs.instance-type': 't2.small',
    stack: 'prod',
    gpu: '',
    cores: '4',
  },
  agentConnected: true,
  agentVersion: '1.101.0',
  ec2InstanceId: 'i-abcd1234',
  registeredAt: FEB_13_2018 - 3600, // 2018-02-12T23:00:00Z
  runningTasksCount: 1,
  taskGroups: ['service:production', 'family:blog'],
};

const attrs = (extra: Record<string, string>): Partial<QuerySubject> => ({
  attributes: { ...BASE.attributes, ...extra },
});

function parse(expression: string): QueryAst {
  const result = parseQuery(expression);
  if ('error' in result) throw new Error(`unexpected parse error: ${result.error}`);
  return result.ast;
}

function run(expression: string, overrides: Partial<QuerySubject> = {}): boolean {
  return evaluateQuery(parse(expression), { ...BASE, ...overrides });
}

describe('parseQuery + evaluateQuery: the examples from the AWS documentation', () => {
  it.each<[string, Partial<QuerySubject>, boolean]>([
    ['attribute:ecs.instance-type == t2.small', {}, true],
    ['attribute:ecs.instance-type == t2.small', attrs({ 'ecs.instance-type': 't3.micro' }), false],
    ['attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', {}, true],
    [
      'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
      attrs({ 'ecs.availability-zone': 'us-east-1c' }),
      false,
    ],
    [
      'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d',
      attrs({ 'ecs.instance-type': 'g2.2xlarge' }),
      true,
    ],
    ['attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d', {}, false],
    [
      'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d',
      attrs({ 'ecs.instance-type': 'g2.2xlarge', 'ecs.availability-zone': 'us-east-1d' }),
      false,
    ],
    ['task:group == service:production', {}, true],
    ['task:group == service:production', { taskGroups: [] }, false],
    ['not(task:group == database)', {}, true],
    ['not(task:group == database)', { taskGroups: ['family:web', 'database'] }, false],
    ['runningTasksCount == 1', {}, true],
    ['runningTasksCount == 1', { runningTasksCount: 2 }, false],
    ['agentVersion < 1.14.5', {}, false], // 1.101.0 is newer: versions compare by number, not as text
    ['agentVersion < 1.14.5', { agentVersion: '1.14.4' }, true],
    ['agentVersion < 1.14.5', { agentVersion: '1.9.0' }, true],
    ['registeredAt < 2018-02-13', {}, true],
    ['registeredAt < 2018-02-13', { registeredAt: FEB_13_2018 }, false],
    ["ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", {}, true],
    ["ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", { ec2InstanceId: 'i-0123456789abcdef0' }, false],
    ['attribute:stack exists', {}, true],
    ['attribute:stack exists', { attributes: {} }, false],
    ['attribute:stack == prod', {}, true],
    ['attribute:stack == prod', attrs({ stack: 'dev' }), false],
  ])('%s on %o is %s', (expression, overrides, expected) => {
    expect(run(expression, overrides)).toBe(expected);
  });
});

describe('evaluateQuery: operators per subject', () => {
  it.each<[string, Partial<QuerySubject>, boolean]>([
    // word forms and case-insensitive keywords
    ['attribute:ecs.instance-type equals t2.small', {}, true],
    ['attribute:ecs.instance-type EQUALS t2.small', {}, true],
    ['attribute:ecs.instance-type not_equals t2.small', {}, false],
    ['attribute:ecs.instance-type == T2.SMALL', {}, false], // values are case-sensitive
    // wildcards in ==, != and in
    ['attribute:ecs.instance-type == t2.*', {}, true],
    ['attribute:ecs.instance-type == t3.*', {}, false],
    ['attribute:ecs.instance-type == *.small', {}, true],
    ['attribute:ecs.instance-type == t2.', {}, false],
    ['attribute:ecs.instance-type == t2x*', {}, false], // the dot before * is literal
    ['attribute:ecs.instance-type != t2.*', {}, false],
    ['attribute:ecs.availability-zone in [eu-*, us-east-*]', {}, true],
    // regular expressions match the whole value
    ['attribute:ecs.instance-type =~ t2\\..*', {}, true],
    ['attribute:ecs.instance-type =~ t2', {}, false],
    ['attribute:ecs.instance-type !~ t2', {}, true],
    ["attribute:ecs.instance-type matches 't[23]\\.(small|micro)'", {}, true],
    ['attribute:ecs.instance-type not_matches t2|t2.small', {}, false],
    // missing attribute: ==, in, =~ and ordered comparisons are false; their negations true
    ['attribute:missing == x', {}, false],
    ['attribute:missing != x', {}, true],
    ['attribute:missing in [x]', {}, false],
    ['attribute:missing not_in [x]', {}, true],
    ['attribute:missing =~ .*', {}, false],
    ['attribute:missing !~ .*', {}, true],
    ['attribute:missing > 1', {}, false],
    ['attribute:missing <= 1', {}, false],
    ['attribute:missing not_exists', {}, true],
    ['attribute:missing !exists', {}, true],
    ['attribute:stack !exists', {}, false],
    ['attribute:constructor exists', {}, false],
    // attributes that exist without a value
    ['attribute:gpu exists', {}, true],
    ["attribute:gpu == ''", {}, true],
    ['attribute:gpu == ""', {}, true],
    ['attribute:gpu != prod', {}, true],
    // ordered attribute comparisons: numeric when both sides are numbers
    ['attribute:cores > 3', {}, true],
    ['attribute:cores >= 10', {}, false],
    ['attribute:cores less_than 4.5', {}, true],
    ['attribute:stack > alpha', {}, true],
    ['attribute:stack < alpha', {}, false],
    // task:group: == is "any task in the group", != is "no task in the group"
    ['task:group != service:production', {}, false],
    ['task:group != database', {}, true],
    ['task:group != database', { taskGroups: [] }, true],
    ['task:group in [family:*]', {}, true],
    ['task:group !in [family:*, database]', {}, false],
    ['task:group =~ service:.*', {}, true],
    ['task:group !~ service:.*', {}, false],
    ['task:group =~ .*', { taskGroups: [] }, false],
    // agentConnected
    ['agentConnected == true', {}, true],
    ['agentConnected == TRUE', {}, true],
    ['agentConnected == true', { agentConnected: false }, false],
    ['agentConnected != true', { agentConnected: false }, true],
    ['agentConnected in [false]', { agentConnected: false }, true],
    ['agentConnected =~ t.*', {}, true],
    // agentVersion
    ['agentVersion == 1.101', {}, true],
    ['agentVersion >= 1.101.0', {}, true],
    ['agentVersion > 1.101.0', {}, false],
    ['agentVersion <= 1.101.0', {}, true],
    ['agentVersion != 1.101.0', {}, false],
    ['agentVersion greater_than 1.20.3', {}, true],
    // registeredAt: dates and date-times are UTC unless they carry an offset
    ['registeredAt == 2018-02-12T23:00:00', {}, true],
    ['registeredAt == 2018-02-12T23:00:00Z', {}, true],
    ['registeredAt == 2018-02-13T00:00:00+01:00', {}, true],
    ['registeredAt == 2018-02-12T18:00:00-05:00', {}, true],
    ['registeredAt >= 2018-02-12', {}, true],
    ['registeredAt > 2018-02-13', {}, false],
    ['registeredAt < 2018-02-13T10:00:00', { registeredAt: FEB_13_2018 + 36000 - 1 }, true],
    ['registeredAt < 2018-02-13T10:00:00', { registeredAt: FEB_13_2018 + 36000 }, false],
    ['registeredAt == 1970-01-01', { registeredAt: 0 }, true],
    ['registeredAt == 1969-12-31T23:59:59', { registeredAt: -1 }, true],
    ['registeredAt == 2000-03-01', { registeredAt: 951868800 }, true],
    ['registeredAt == 2020-02-29T12:00:00', { registeredAt: 1582977600 }, true],
    ['registeredAt == 1600-03-01', { registeredAt: -11670912000 }, true],
    ['registeredAt == 2100-03-01', { registeredAt: 4107542400 }, true],
    // runningTasksCount
    ['runningTasksCount > 0', {}, true],
    ['runningTasksCount < 1', {}, false],
    ['runningTasksCount != 1', {}, false],
    ['runningTasksCount greater_than_equal 1', {}, true],
    ['runningTasksCount less_than_equal 0', {}, false],
    ['runningTasksCount == 10', { runningTasksCount: 10 }, true],
    // ec2InstanceId
    ['ec2InstanceId == i-abcd*', {}, true],
    ['ec2InstanceId =~ i-[0-9a-f]{8}', {}, true],
    ['ec2InstanceId !in [i-abcd1234]', {}, false],
    ['ec2InstanceId not_in [\'i-x\', "i-y"]', {}, true],
  ])('%s on %o is %s', (expression, overrides, expected) => {
    expect(run(expression, overrides)).toBe(expected);
  });
});

describe('evaluateQuery: compound expressions', () => {
  it.each<[string, boolean]>([
    ['runningTasksCount == 1 or task:group == nope and agentConnected == false', true], // and binds tighter
    ['(runningTasksCount == 1 or task:group == nope) and agentConnected == false', false],
    ['task:group == nope || runningTasksCount == 1 && agentConnected == false', false],
    ['runningTasksCount == 1 AND agentConnected == true', true],
    ['runningTasksCount == 2 Or agentConnected == true', true],
    ['runningTasksCount==1&&agentConnected==true', true],
    ['attribute:ecs.instance-type==t2.small||runningTasksCount==9', true],
    ['!(runningTasksCount == 1)', false],
    ['! runningTasksCount == 1', false],
    ['not runningTasksCount == 1', false],
    ['NOT(runningTasksCount == 1)', false],
    ['not not runningTasksCount == 1', true],
    ['((runningTasksCount == 1))', true],
    ['not (task:group == database or task:group == cache) and attribute:stack exists', true],
    ['not !runningTasksCount == 1', true],
    ['!not runningTasksCount == 1', true],
    [`${'('.repeat(100)}runningTasksCount == 1${')'.repeat(100)}`, true],
    [`${'!'.repeat(99)}runningTasksCount == 1`, false],
  ])('%s is %s', (expression, expected) => {
    expect(run(expression)).toBe(expected);
  });
});

describe('parseQuery: abstract syntax tree', () => {
  it.each<[string, QueryAst]>([
    [
      'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
      {
        kind: 'compare',
        subject: 'attribute:ecs.availability-zone',
        operator: 'in',
        values: ['us-east-1a', 'us-east-1b'],
      },
    ],
    [
      "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']",
      { kind: 'compare', subject: 'ec2InstanceId', operator: 'in', values: ['i-abcd1234', 'i-wxyx7890'] },
    ],
    [
      'attribute:stack exists',
      { kind: 'compare', subject: 'attribute:stack', operator: 'exists', values: [] },
    ],
    [
      'agentConnected == TRUE',
      { kind: 'compare', subject: 'agentConnected', operator: 'eq', values: ['true'] },
    ],
    [
      'not(task:group == database)',
      {
        kind: 'not',
        operand: { kind: 'compare', subject: 'task:group', operator: 'eq', values: ['database'] },
      },
    ],
    [
      'runningTasksCount == 1 or runningTasksCount == 2 and runningTasksCount == 3',
      {
        kind: 'or',
        left: { kind: 'compare', subject: 'runningTasksCount', operator: 'eq', values: ['1'] },
        right: {
          kind: 'and',
          left: { kind: 'compare', subject: 'runningTasksCount', operator: 'eq', values: ['2'] },
          right: { kind: 'compare', subject: 'runningTasksCount', operator: 'eq', values: ['3'] },
        },
      },
    ],
  ])('%s', (expression, ast) => {
    expect(parseQuery(expression)).toEqual({ ast });
  });

  it.each<[string, string]>([
    ['runningTasksCount == 1', 'runningTasksCount equals 1'],
    ['runningTasksCount != 1', 'runningTasksCount not_equals 1'],
    ['runningTasksCount > 1', 'runningTasksCount greater_than 1'],
    ['runningTasksCount >= 1', 'runningTasksCount greater_than_equal 1'],
    ['runningTasksCount < 1', 'runningTasksCount less_than 1'],
    ['runningTasksCount <= 1', 'runningTasksCount less_than_equal 1'],
    ['attribute:a !exists', 'attribute:a not_exists'],
    ['attribute:a in [x]', 'attribute:a IN [x]'],
    ['attribute:a !in [x]', 'attribute:a not_in [x]'],
    ['attribute:a =~ x.*', 'attribute:a matches x.*'],
    ['attribute:a !~ x.*', 'attribute:a not_matches x.*'],
    ['attribute:a exists && attribute:b exists', 'attribute:a exists and attribute:b exists'],
    ['attribute:a exists || attribute:b exists', 'attribute:a exists or attribute:b exists'],
    ['!attribute:a exists', 'not attribute:a exists'],
  ])('%s is the same as %s', (symbols, words) => {
    expect(parseQuery(words)).toEqual(parseQuery(symbols));
  });

  it('produces plain JSON', () => {
    const ast = parse('not(task:group == database) and attribute:ecs.instance-type in [t2.*, "m5.large"]');
    expect(JSON.parse(JSON.stringify(ast))).toEqual(ast);
  });

  it('accepts exactly 2000 characters', () => {
    const expression = `attribute:${'a'.repeat(1983)} exists`;
    expect(expression).toHaveLength(2000);
    expect(parseQuery(expression)).toHaveProperty('ast');
  });
});

describe('parseQuery: errors', () => {
  it.each<[string, string]>([
    [
      'attribute:ecs.instance-type',
      'Expected an operator after "attribute:ecs.instance-type" at position 28',
    ],
    [
      'attribute:ecs.instance-type t2.small',
      'Expected an operator after "attribute:ecs.instance-type" at position 29, found "t2.small"',
    ],
    [
      'attribute:stack = prod',
      'Expected an operator after "attribute:stack" (use "==" to test equality) at position 17, found "="',
    ],
    [
      'attribute:stack contains prod',
      'Expected an operator after "attribute:stack" at position 17, found "contains"',
    ],
    ['', 'The expression is empty'],
    ['   ', 'The expression is empty'],
    ['x'.repeat(2001), 'The expression is 2001 characters long; the limit is 2000'],
    [
      'instanceType == t2.small',
      'Unknown subject "instanceType" at position 1. Use agentConnected, agentVersion, attribute:<name>, ec2InstanceId, registeredAt, runningTasksCount or task:group',
    ],
    [
      'agentconnected == true',
      'Unknown subject "agentconnected" at position 1 (did you mean "agentConnected"?)',
    ],
    [
      'Attribute:stack exists',
      'Unknown subject "Attribute:stack" at position 1 (did you mean "attribute:stack"?)',
    ],
    ['attribute: == x', 'Expected an attribute name after "attribute:" at position 11'],
    [
      'ec2InstanceId > i-1',
      'The operator ">" at position 15 can\'t be used with ec2InstanceId; use one of ==, !=, in, !in, =~, !~',
    ],
    [
      'runningTasksCount in [1, 2]',
      'The operator "in" at position 19 can\'t be used with runningTasksCount; use one of ==, !=, >, >=, <, <=',
    ],
    ['agentVersion exists', 'The operator "exists" at position 14 can\'t be used with agentVersion'],
    ['task:group >= 1', 'The operator ">=" at position 12 can\'t be used with task:group'],
    ['runningTasksCount == one', '"one" at position 22 is not a whole number of tasks'],
    ['runningTasksCount == -1', '"-1" at position 22 is not a whole number of tasks'],
    ['agentVersion < latest', '"latest" at position 16 is not an agent version like 1.14.5'],
    ['registeredAt < 2018-02-30', '"2018-02-30" at position 16 is not a date like 2018-02-13'],
    ['registeredAt < 2019-02-29', 'is not a date'],
    ['registeredAt < 2018-13-01', 'is not a date'],
    ['registeredAt < 13/02/2018', 'is not a date'],
    ['registeredAt < 2018-02-13T25:00:00', 'is not a date'],
    ['registeredAt < 2018-02-13T10:00', 'is not a date'],
    ['registeredAt < 2018-02-13T10:00:00+24:00', 'is not a date'],
    ['agentConnected == yes', '"yes" at position 19 must be true or false for agentConnected'],
    ['attribute:x =~ [unclosed', '"[unclosed" at position 16 is not a valid regular expression'],
    ["attribute:x =~ 'a)|(b'", 'is not a valid regular expression'],
    ['attribute:x in a, b', 'Expected a list like [a, b] after "in" at position 16, found "a,"'],
    ['attribute:x in []', 'The list at position 16 is empty'],
    ['attribute:x in [a b]', 'Expected "," or "]" (for the "[" at position 16) at position 19, found "b]"'],
    ['attribute:x in [a,', 'Expected a value after "," at position 19'],
    ['attribute:x in [a', 'The "[" at position 16 is never closed'],
    ['attribute:x ==', 'Expected a value after "==" at position 15'],
    ['attribute:x == (a)', 'Expected a value after "==" at position 16, found "(a)"'],
    ["attribute:x == 'abc", 'The quote at position 16 is never closed'],
    ['(runningTasksCount == 1', 'The "(" at position 1 is never closed'],
    ['(runningTasksCount == 1 x)', 'Expected ")" (for the "(" at position 1) at position 25, found "x)"'],
    [
      'runningTasksCount == 1)',
      'Expected "and", "or" or the end of the expression at position 23, found ")"',
    ],
    [
      'runningTasksCount == 1 xor agentConnected == true',
      'Expected "and", "or" or the end of the expression',
    ],
    [
      'runningTasksCount == 1 and',
      'Expected a condition like "attribute:ecs.instance-type == t2.small" at position 27',
    ],
    ['not', 'Expected a condition like "attribute:ecs.instance-type == t2.small" at position 4'],
    [
      `${'('.repeat(101)}runningTasksCount == 1${')'.repeat(101)}`,
      'More than 100 nested "(" or "not" at position 101',
    ],
    [`${'not '.repeat(450)}runningTasksCount == 1`, 'More than 100 nested "(" or "not" at position 401'],
    ['()', 'Expected a condition like "attribute:ecs.instance-type == t2.small" at position 2, found ")"'],
  ])('%s', (expression, message) => {
    const result = parseQuery(expression);
    expect(result).toHaveProperty('error');
    expect('error' in result ? result.error : '').toContain(message);
  });
});

describe('parseQuery + evaluateQuery: never throw', () => {
  // biome-ignore format: compact list
  const pieces = [
    'attribute:x', 'attribute:stack', 'task:group', 'agentVersion', 'registeredAt', 'runningTasksCount',
    'ec2InstanceId', 'agentConnected', '==', '!=', '>', '<=', 'in', '!in', 'exists', '!exists', '=~', '!~',
    '[', ']', ',', '(', ')', 'and', 'or', 'not', '!', '&&', '||', "'", '"', '1', '1.2.3', '2018-02-13',
    'true', 't2.*', '[a-', '*', 'prod', '\\', '',
  ];

  it('handles 2000 random token soups', () => {
    let seed = 12345;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let parsed = 0;
    for (let i = 0; i < 2000; i++) {
      const words = Array.from({ length: 1 + next(9) }, () => pieces[next(pieces.length)] ?? '');
      const expression = words.join(next(3) === 0 ? '' : ' ');
      const result = parseQuery(expression);
      if ('ast' in result) {
        parsed++;
        expect(typeof evaluateQuery(result.ast, BASE)).toBe('boolean');
      } else {
        expect(result.error.length).toBeGreaterThan(0);
      }
    }
    expect(parsed).toBeGreaterThan(0);
  });

  it('evaluates hand-built ASTs with odd values to false instead of throwing', () => {
    const odd: QueryAst[] = [
      { kind: 'compare', subject: 'registeredAt', operator: 'lt', values: ['yesterday'] },
      { kind: 'compare', subject: 'agentVersion', operator: 'gt', values: [] },
      { kind: 'compare', subject: 'attribute:stack', operator: 'matches', values: ['('] },
      { kind: 'compare', subject: 'runningTasksCount', operator: 'eq', values: ['x'] },
    ];
    for (const ast of odd) expect(evaluateQuery(ast, BASE)).toBe(false);
  });
});
