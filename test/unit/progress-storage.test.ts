import { describe, expect, it } from 'vitest';
import { createGameStore } from '../../src/store/create-game-store.ts';
import { freshProgress, PROGRESS_SCHEMA, type Progress, parseProgress } from '../../src/store/progress.ts';
import {
  KEPT_ASIDE_SLOTS,
  loadProgress,
  memoryStorage,
  PROGRESS_KEY,
  type ProgressStorage,
  saveProgress,
} from '../../src/store/progress-storage.ts';

const sample = (): Progress => ({
  schema: PROGRESS_SCHEMA,
  levels: { arrival: { done: true, stars: 3, bestGold: 12 } },
  sandboxUnlocked: true,
  lastLevel: 'arrival',
});

const v1Text = JSON.stringify({
  schema: 1,
  levels: { arrival: { done: true, stars: ['completion', 'thrift'], gold: 12 } },
});

const quotaError = () =>
  Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

/** A storage that holds what it was given and refuses every new write, as a full quota does. */
function fullStorage(initial: Record<string, string>) {
  const store = memoryStorage(initial);
  return {
    ...store,
    setItem: () => {
      throw quotaError();
    },
  };
}

const keptAside = (i: number) => `${PROGRESS_KEY}.kept-aside.${i}`;

describe('progress storage: reading', () => {
  it('the first visit has no save: fresh progress, no notice, firstVisit, writable', () => {
    expect(loadProgress(memoryStorage())).toEqual({
      progress: freshProgress(),
      firstVisit: true,
      notice: null,
      writable: true,
    });
  });

  it('no storage offered (tests, embeds): fresh progress, nothing written, no notice', () => {
    expect(loadProgress(null)).toMatchObject({ notice: null, writable: false });
  });

  it('save then load returns the same progress', () => {
    const storage = memoryStorage();
    expect(saveProgress(storage, sample())).toBe(true);
    expect(loadProgress(storage)).toEqual({
      progress: sample(),
      firstVisit: false,
      notice: null,
      writable: true,
    });
  });

  it('a storage that refuses to be read is told once, plainly, and progress lives in memory', () => {
    const refusing: ProgressStorage = {
      getItem: () => {
        throw Object.assign(new Error('denied'), { name: 'SecurityError' });
      },
      setItem: () => {
        throw new Error('never called');
      },
    };
    const loaded = loadProgress(refusing);
    expect(loaded.progress).toEqual(freshProgress());
    expect(loaded.writable).toBe(false);
    expect(loaded.notice?.tone).toBe('warn');
    expect(loaded.notice?.text).toContain('does not let Nozama keep progress');
    expect(loaded.notice?.text).toContain('memory only');
  });
});

describe('progress storage: a save that cannot be read', () => {
  it('is kept aside (not deleted), reported with its text to download, and play goes on fresh', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: '{"schema":2,"lev' });
    const loaded = loadProgress(storage);
    expect(loaded.progress).toEqual(freshProgress());
    expect(loaded.firstVisit).toBe(false);
    expect(loaded.writable).toBe(true);
    expect(loaded.notice?.tone).toBe('warn');
    expect(loaded.notice?.text).toContain('damaged');
    expect(loaded.notice?.text).toContain(keptAside(1));
    expect(loaded.notice?.damaged).toBe('{"schema":2,"lev');
    expect(storage.data[keptAside(1)]).toBe('{"schema":2,"lev');
    expect(parseProgress(storage.data[PROGRESS_KEY] as string)).toMatchObject({ ok: true });
  });

  it('a newer save is kept aside too; a second bad save does not overwrite the first kept one', () => {
    const newer = JSON.stringify({ ...sample(), schema: 9 });
    const storage = memoryStorage({ [PROGRESS_KEY]: newer, [keptAside(1)]: 'older junk' });
    const loaded = loadProgress(storage);
    expect(loaded.notice?.text).toContain('newer version');
    expect(storage.data[keptAside(1)]).toBe('older junk');
    expect(storage.data[keptAside(2)]).toBe(newer);
  });

  it('the same damaged text already kept aside is not copied twice', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: 'junk', [keptAside(1)]: 'junk' });
    expect(loadProgress(storage).notice?.text).toContain(keptAside(1));
    expect(Object.keys(storage.data).sort()).toEqual([PROGRESS_KEY, keptAside(1)]);
  });

  it('too large to copy (quota): left untouched, never written over by the game, told, offered for download', () => {
    const damaged = `{"schema":2,${'x'.repeat(1000)}`;
    const storage = memoryStorage({ [PROGRESS_KEY]: damaged });
    const full = { ...storage, setItem: fullStorage({}).setItem };
    const loaded = loadProgress(full);
    expect(loaded.writable).toBe(false);
    expect(loaded.notice?.text).toContain('storage is full');
    expect(loaded.notice?.text).toContain('will not save over it');
    expect(loaded.notice?.damaged).toBe(damaged);
    // The game goes on: a level completed and the map visited write nothing over the damaged save.
    const real = memoryStorage({ [PROGRESS_KEY]: damaged });
    const blocked = { ...real, setItem: fullStorage({}).setItem };
    const game = createGameStore({ progressStorage: blocked });
    game.getState().markVisited();
    expect(real.data).toEqual({ [PROGRESS_KEY]: damaged });
  });

  it('every kept-aside place taken: left untouched and never written over, even when writes would succeed', () => {
    const slots = Object.fromEntries(
      Array.from({ length: KEPT_ASIDE_SLOTS }, (_, i) => [keptAside(i + 1), `old ${i + 1}`]),
    );
    const before = { ...slots, [PROGRESS_KEY]: 'not json' };
    const storage = memoryStorage(before);
    const game = createGameStore({ progressStorage: storage });
    const notice = game.getState().progressNotice;
    expect(notice?.text).toContain(`all ${KEPT_ASIDE_SLOTS} kept-aside places are taken`);
    expect(notice?.damaged).toBe('not json');
    game.getState().markVisited();
    game.getState().importProgress(`NOZAMA-PROGRESS ${JSON.stringify(sample())}`);
    expect(game.getState().progress.levels.arrival?.stars).toBe(3);
    expect(storage.data).toEqual(before);
  });
});

describe('progress storage: migration keeps the old copy', () => {
  it('the old save is kept aside before the migrated one replaces it, and the notice names where', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: v1Text });
    const loaded = loadProgress(storage);
    expect(loaded.notice?.tone).toBe('info');
    expect(loaded.notice?.text).toContain('schema 1');
    expect(loaded.notice?.text).toContain(keptAside(1));
    expect(storage.data[keptAside(1)]).toBe(v1Text);
    expect(JSON.parse(storage.data[PROGRESS_KEY] as string).schema).toBe(2);
    expect(loadProgress(storage).notice).toBeNull();
  });

  it('when the old copy cannot be kept, the old save stays as it was and the migrated progress plays in memory', () => {
    const storage = fullStorage({ [PROGRESS_KEY]: v1Text });
    const loaded = loadProgress(storage);
    expect(loaded.writable).toBe(false);
    expect(loaded.progress.levels.arrival).toEqual({ done: true, stars: 2, bestGold: 12 });
    expect(loaded.notice?.text).toContain('will not save over it');
    expect(storage.data).toEqual({ [PROGRESS_KEY]: v1Text });
  });
});

describe('progress storage: writing', () => {
  it('a refused write is told once, then the game stops trying and plays on', () => {
    let writes = 0;
    const storage: ProgressStorage = {
      getItem: () => null,
      setItem: () => {
        writes++;
        throw quotaError();
      },
    };
    const game = createGameStore({ progressStorage: storage });
    expect(game.getState().progressNotice).toBeNull();
    game.getState().markVisited();
    const notice = game.getState().progressNotice;
    expect(notice?.text).toContain('refused to save your progress');
    game.getState().dismissProgressNotice();
    game.getState().markVisited();
    expect(game.getState().progressNotice).toBeNull();
    expect(writes).toBe(1);
  });
});
