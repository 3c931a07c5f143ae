/**
 * Reading and writing the player's progress in the browser's storage, so that nothing a player earned
 * is ever lost:
 *
 * - A save that cannot be read (damaged, or written by a newer version of the game) is kept aside
 *   under another key before anything is written; an older save is kept aside the same way before its
 *   migrated form replaces it.
 * - When it cannot be kept aside (the storage is full, or every kept-aside place is taken), the stored
 *   save is never written over: the game plays on with progress in memory, says so, and offers the
 *   stored text for download.
 * - A storage the browser refuses (a private window, a third-party frame, a full quota) is reported
 *   once, plainly, and the game still plays.
 *
 * Nothing here throws: every storage call is guarded. The storage is a tiny interface (localStorage in
 * the browser, memoryStorage in tests and embeds).
 */
import { freshProgress, type Progress, parseProgress, serializeProgress } from './progress.ts';

export const PROGRESS_KEY = 'nozama-progress';
/** How many unreadable or pre-migration saves are kept aside (`nozama-progress.kept-aside.1` ...). */
export const KEPT_ASIDE_SLOTS = 20;

/** The tiny part of the Web Storage API the game uses. */
export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A notice for the player about their progress. */
export interface ProgressNotice {
  tone: 'warn' | 'info';
  text: string;
  /** The stored text Nozama could not use, offered for download; null when there is none. */
  damaged: string | null;
}

export interface LoadedProgress {
  progress: Progress;
  /** True when no progress was stored: the player's first visit. */
  firstVisit: boolean;
  notice: ProgressNotice | null;
  /**
   * Whether progress may be written. False when the browser refused the storage, or when the stored
   * save could neither be used nor kept aside (it is never written over): progress lives in memory.
   */
  writable: boolean;
}

const IN_MEMORY =
  'Your progress on this visit lives in memory only: export it from the campaign map to keep it.';

export const STORAGE_REFUSED =
  'This browser does not let Nozama keep progress here (private windows and some embedded pages refuse it).';

export const SAVE_REFUSED = `The browser refused to save your progress (its storage is full or closed). ${IN_MEMORY}`;

const why = (e: unknown): string =>
  e instanceof Error && e.name === 'QuotaExceededError'
    ? 'the browser’s storage is full'
    : 'the browser refused to store it';

type KeptAside = { ok: true; key: string } | { ok: false; why: string };

/** Copies a stored text under a free kept-aside key (or finds it already kept there). */
function keepAside(storage: ProgressStorage, text: string): KeptAside {
  try {
    for (let i = 1; i <= KEPT_ASIDE_SLOTS; i++) {
      const key = `${PROGRESS_KEY}.kept-aside.${i}`;
      const there = storage.getItem(key);
      if (there === text) return { ok: true, key };
      if (there === null) {
        storage.setItem(key, text);
        return { ok: true, key };
      }
    }
  } catch (e) {
    return { ok: false, why: why(e) };
  }
  return { ok: false, why: `all ${KEPT_ASIDE_SLOTS} kept-aside places are taken` };
}

const untouched = (reason: string) =>
  `It could not be kept aside (${reason}), so Nozama leaves it untouched and will not save over it. ${IN_MEMORY}`;

/** Reads progress from storage (null: none offered, as in tests and embeds). Never throws. */
export function loadProgress(storage: ProgressStorage | null): LoadedProgress {
  const fresh = (notice: ProgressNotice | null, writable: boolean, firstVisit = true): LoadedProgress => ({
    progress: freshProgress(),
    firstVisit,
    notice,
    writable,
  });
  if (!storage) return fresh(null, false);
  let text: string | null;
  try {
    text = storage.getItem(PROGRESS_KEY);
  } catch {
    return fresh({ tone: 'warn', text: `${STORAGE_REFUSED} ${IN_MEMORY}`, damaged: null }, false);
  }
  if (text === null) return fresh(null, true);
  const parsed = parseProgress(text);
  if (parsed.ok && parsed.migratedFrom === null)
    return { progress: parsed.progress, firstVisit: false, notice: null, writable: true };
  if (parsed.ok) {
    const older = `Your progress was updated from an older save (schema ${parsed.migratedFrom}).`;
    const aside = keepAside(storage, text);
    if (!aside.ok)
      return {
        progress: parsed.progress,
        firstVisit: false,
        notice: { tone: 'warn', text: `${older} ${untouched(aside.why)}`, damaged: null },
        writable: false,
      };
    const saved = saveProgress(storage, parsed.progress);
    const note = `The old save was kept aside under "${aside.key}".`;
    return {
      progress: parsed.progress,
      firstVisit: false,
      notice: saved
        ? { tone: 'info', text: `${older} ${note}`, damaged: null }
        : { tone: 'warn', text: `${older} ${note} ${SAVE_REFUSED}`, damaged: null },
      writable: true,
    };
  }
  const aside = keepAside(storage, text);
  if (!aside.ok)
    return fresh(
      { tone: 'warn', text: `${parsed.message} ${untouched(aside.why)}`, damaged: text },
      false,
      false,
    );
  saveProgress(storage, freshProgress());
  return fresh(
    {
      tone: 'warn',
      text: `${parsed.message} It was kept aside under "${aside.key}" (nothing was deleted). You are playing with fresh progress.`,
      damaged: text,
    },
    true,
    false,
  );
}

/** Writes progress; returns false when the storage refused (the game goes on, unsaved). */
export function saveProgress(storage: ProgressStorage | null, p: Progress): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PROGRESS_KEY, serializeProgress(p));
    return true;
  } catch {
    return false;
  }
}

/** A storage kept in memory (embeds, tests, a browser that refuses localStorage). */
export function memoryStorage(initial: Record<string, string> = {}): ProgressStorage & {
  data: Record<string, string>;
} {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => (k in data ? (data[k] as string) : null),
    setItem: (k, v) => {
      data[k] = v;
    },
  };
}
