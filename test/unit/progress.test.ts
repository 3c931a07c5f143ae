import { describe, expect, it } from 'vitest';
import {
  EXPORT_PREFIX,
  exportProgress,
  freshProgress,
  importProgress,
  levelStatus,
  mergeProgress,
  PROGRESS_SCHEMA,
  type Progress,
  parseProgress,
  recordCompletion,
  serializeProgress,
} from '../../src/store/progress.ts';

const sample = (): Progress => ({
  schema: PROGRESS_SCHEMA,
  levels: {
    arrival: { done: true, stars: 3, bestGold: 12 },
    'first-territory': { done: true, stars: 1, bestGold: 40 },
    'second-try': { done: false, stars: 0, bestGold: null },
  },
  sandboxUnlocked: true,
  lastLevel: 'first-territory',
});

describe('progress: parse and serialize', () => {
  it('reads back exactly what it wrote', () => {
    const p = sample();
    const r = parseProgress(serializeProgress(p));
    expect(r).toEqual({ ok: true, progress: p, migratedFrom: null });
  });

  it.each([
    ['not JSON', '{"schema":2,', 'not valid JSON'],
    ['no schema', '{"levels":{}}', 'no schema'],
    ['an array', '[1,2]', 'no schema'],
    ['a schema of 0', '{"schema":0,"levels":{}}', 'no schema'],
    [
      'stars out of range',
      '{"schema":2,"levels":{"a":{"done":true,"stars":4,"bestGold":1}},"sandboxUnlocked":true}',
      'level record',
    ],
    [
      'a level without done',
      '{"schema":2,"levels":{"a":{"stars":1,"bestGold":1}},"sandboxUnlocked":true}',
      'level record',
    ],
    ['levels not a record', '{"schema":2,"levels":[],"sandboxUnlocked":true}', 'level record'],
  ])('refuses %s as corrupt', (_name, text, words) => {
    const r = parseProgress(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('corrupt');
      expect(r.message).toContain(words);
    }
  });

  it('refuses a newer schema as newer, naming both schemas', () => {
    const r = parseProgress(JSON.stringify({ ...sample(), schema: PROGRESS_SCHEMA + 1 }));
    expect(r).toMatchObject({ ok: false, reason: 'newer' });
    if (!r.ok) expect(r.message).toContain(`schema ${PROGRESS_SCHEMA + 1}`);
  });
});

describe('progress: migration from schema 1', () => {
  const v1 = {
    schema: 1,
    levels: {
      arrival: { done: true, stars: ['completion', 'thrift', 'safety'], gold: 12 },
      'first-territory': { done: true, stars: ['completion'], gold: 40 },
      later: { done: false, stars: [], gold: null },
    },
  };

  it('turns star lists into counts and gold into bestGold', () => {
    const r = parseProgress(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    expect(r.progress).toEqual({
      schema: 2,
      levels: {
        arrival: { done: true, stars: 3, bestGold: 12 },
        'first-territory': { done: true, stars: 1, bestGold: 40 },
        later: { done: false, stars: 0, bestGold: null },
      },
      sandboxUnlocked: true,
      lastLevel: null,
    });
  });

  it('a damaged schema 1 save is still refused after migrating', () => {
    const bad = { schema: 1, levels: { a: { done: 'yes', stars: ['x'], gold: 1 } } };
    expect(parseProgress(JSON.stringify(bad))).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});

describe('progress: completion, export and import', () => {
  it('keeps the best stars and the least gold', () => {
    let p = freshProgress();
    p = recordCompletion(p, 'a', 2, 50);
    p = recordCompletion(p, 'a', 1, 30);
    expect(p.levels.a).toEqual({ done: true, stars: 2, bestGold: 30 });
    p = recordCompletion(p, 'a', 3, 70);
    expect(p.levels.a).toEqual({ done: true, stars: 3, bestGold: 30 });
  });

  it('export then import is a round trip, with blanks and line breaks around it', () => {
    const text = exportProgress(sample());
    expect(text.startsWith(EXPORT_PREFIX)).toBe(true);
    expect(importProgress(`\n  ${text}  \n`)).toEqual({ ok: true, progress: sample(), migratedFrom: null });
    expect(importProgress(serializeProgress(sample()))).toMatchObject({ ok: true, progress: sample() });
  });

  it('import refuses empty, damaged and newer texts', () => {
    expect(importProgress('   ')).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(importProgress(`${EXPORT_PREFIX}{oops`)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(importProgress(`${EXPORT_PREFIX}{"schema":99}`)).toMatchObject({ ok: false, reason: 'newer' });
  });

  it('merging keeps the best of both machines', () => {
    const here = sample();
    const there: Progress = {
      ...freshProgress(),
      levels: {
        arrival: { done: true, stars: 2, bestGold: 9 },
        'second-try': { done: true, stars: 2, bestGold: 55 },
        other: { done: true, stars: 1, bestGold: 5 },
      },
    };
    const m = mergeProgress(here, there);
    expect(m.levels).toEqual({
      arrival: { done: true, stars: 3, bestGold: 9 },
      'first-territory': { done: true, stars: 1, bestGold: 40 },
      'second-try': { done: true, stars: 2, bestGold: 55 },
      other: { done: true, stars: 1, bestGold: 5 },
    });
    expect(m.lastLevel).toBe('first-territory');
  });
});

describe('progress: which levels are open', () => {
  const levels = [
    { id: 'c', number: 3 },
    { id: 'a', number: 1 },
    { id: 'b', number: 2 },
  ];
  it.each([
    ['nothing done', {}, null, ['open', 'locked', 'locked']],
    ['the first done', { a: { done: true, stars: 1, bestGold: 1 } }, null, ['done', 'open', 'locked']],
    ['a later one started by link', {}, 'c', ['open', 'locked', 'open']],
    [
      'a record without done',
      { a: { done: false, stars: 0, bestGold: null } },
      null,
      ['open', 'locked', 'locked'],
    ],
  ] as const)('%s', (_name, recs, last, want) => {
    const p: Progress = { ...freshProgress(), levels: { ...recs }, lastLevel: last };
    expect(['a', 'b', 'c'].map((id) => levelStatus(levels, p, id))).toEqual(want);
  });
});
