import { describe, expect, it } from 'vitest';
import { parseQueryOptions } from '../../src/app/query-options.ts';

describe('query options: good values', () => {
  it('no parameters: defaults, no problems', () => {
    expect(parseQueryOptions('')).toEqual({
      options: { sandbox: false, campaign: false, present: false, testBridge: false },
      problems: [],
    });
  });

  it('reads every parameter it knows', () => {
    const { options, problems } = parseQueryOptions(
      '?seed=4294967295&renderer=canvas&place=za-southwest-1b&level=canary&sandbox=0&campaign=1&present=1&class=ABC-123&testBridge=1',
    );
    expect(problems).toEqual([]);
    expect(options).toMatchObject({
      seed: 4294967295,
      renderer: 'canvas',
      place: { scene: 'kingdom', zone: 'za-southwest-1b' },
      sandbox: false,
      campaign: true,
      present: true,
      classCode: 'ABC-123',
      testBridge: true,
    });
    expect(options.level?.id).toBe('canary');
  });

  it.each([
    ['planet', { scene: 'planet' }],
    ['region', { scene: 'region' }],
    ['kingdom', { scene: 'kingdom', zone: null }],
  ])('?place=%s', (value, place) => {
    expect(parseQueryOptions(`?place=${value}`).options.place).toEqual(place);
  });

  it('leaves parameters it does not read alone (a blog may add its own)', () => {
    expect(parseQueryOptions('?utm_source=blog&seed=7')).toMatchObject({
      options: { seed: 7 },
      problems: [],
    });
  });
});

describe('query options: every value it cannot use is named', () => {
  it.each([
    ['seed', '0x10'],
    ['seed', 'NaN'],
    ['seed', '1e3'],
    ['seed', '-1'],
    ['seed', '1.5'],
    ['seed', ' 7'],
    ['seed', ''],
    ['seed', '4294967296'],
    ['seed', '99999999999'],
    ['renderer', 'gpu'],
    ['renderer', 'WEBGL'],
    ['place', 'mars'],
    ['place', 'za-northeast-1z'],
    ['sandbox', 'yes'],
    ['campaign', 'true'],
    ['testBridge', ''],
    ['present', 'yes'],
  ])('?%s=%s', (param, value) => {
    const { options, problems } = parseQueryOptions(`?${param}=${encodeURIComponent(value)}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ param, value });
    expect(problems[0]?.message).toContain(`?${param}=${value}`);
    expect(options).toEqual({ sandbox: false, campaign: false, present: false, testBridge: false });
  });

  it('an unknown level is a problem with the words the map always used', () => {
    const { options, problems } = parseQueryOptions('?level=no-such-level');
    expect(options.level).toBeUndefined();
    expect(problems).toEqual([
      {
        param: 'level',
        value: 'no-such-level',
        message: 'There is no level "no-such-level": pick one here.',
      },
    ]);
  });

  it('a parameter given twice is named and not used', () => {
    const { options, problems } = parseQueryOptions('?seed=1&seed=2');
    expect(options.seed).toBeUndefined();
    expect(problems[0]?.message).toContain('given 2 times');
  });

  it('a class code given twice is named and not used (its own checks are class-session.ts’s)', () => {
    const { options, problems } = parseQueryOptions('?class=AAA&class=BBB');
    expect(options.classCode).toBeUndefined();
    expect(problems).toMatchObject([{ param: 'class', value: 'AAA' }]);
  });

  it('several problems are all named, in a stable order', () => {
    const { problems } = parseQueryOptions('?renderer=x&seed=y&level=z&place=w');
    expect(problems.map((p) => p.param)).toEqual(['level', 'seed', 'renderer', 'place']);
  });

  it('a zone of another region is a place in that region', () => {
    const { options, problems } = parseQueryOptions('?place=za-northeast-1a');
    expect(problems).toEqual([]);
    expect(options.place).toEqual({ scene: 'kingdom', zone: 'za-northeast-1a' });
    expect(options.region).toBe('za-northeast-1');
    const home = parseQueryOptions('?place=za-southwest-1b').options;
    expect(home.place).toEqual({ scene: 'kingdom', zone: 'za-southwest-1b' });
    expect(home.region).toBeUndefined();
  });

  it('a zone of the level’s region is a place; the message lists the zones it could be', () => {
    const { problems } = parseQueryOptions('?place=za-southwest-1z');
    expect(problems[0]?.message).toContain('za-southwest-1a, za-southwest-1b, za-southwest-1c');
  });
});
