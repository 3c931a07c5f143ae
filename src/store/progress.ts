/**
 * The player's campaign progress: which levels are done, their stars and the least gold spent. It is
 * the only thing the game persists (DESIGN.md section 4: never the simulation), in one storage key, with
 * a schema number and migrations from older schemas. Progress moves between machines as text
 * (export/import): no account, no cookie, no network.
 *
 * This module is pure (parse, migrate, serialize, merge); reading and writing the browser's storage is
 * progress-storage.ts.
 */

/** The schema this version writes. */
export const PROGRESS_SCHEMA = 2;
/** What an exported progress text starts with, so a pasted text is recognised. */
export const EXPORT_PREFIX = 'NOZAMA-PROGRESS ';

export interface LevelRecord {
  done: boolean;
  /** Best stars earned, 0-3 (completion, thrift, safety). */
  stars: number;
  /** Least gold spent in a completed run, or null when never completed. */
  bestGold: number | null;
}

export interface Progress {
  schema: typeof PROGRESS_SCHEMA;
  levels: Record<string, LevelRecord>;
  /** Free play (every panel, no goals). Open from the start: teachers and the curious need it. */
  sandboxUnlocked: boolean;
  /** The level the player was last in, to offer it again on the map. */
  lastLevel: string | null;
}

export function freshProgress(): Progress {
  return { schema: PROGRESS_SCHEMA, levels: {}, sandboxUnlocked: true, lastLevel: null };
}

export type ParseResult =
  | { ok: true; progress: Progress; migratedFrom: number | null }
  | { ok: false; reason: 'corrupt' | 'newer'; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Schema 1 (the first release) kept stars as the list of stars earned (`["completion", "thrift"]`)
 * and the gold as `gold`. Schema 2 keeps a count and names the gold `bestGold`.
 */
function migrateV1toV2(v1: Record<string, unknown>): Record<string, unknown> {
  const levels: Record<string, unknown> = {};
  const old = isRecord(v1.levels) ? v1.levels : {};
  for (const [id, rec] of Object.entries(old)) {
    if (!isRecord(rec)) {
      levels[id] = rec;
      continue;
    }
    const stars = Array.isArray(rec.stars) ? rec.stars.length : rec.stars;
    levels[id] = { done: rec.done, stars, bestGold: rec.gold ?? null };
  }
  return { schema: 2, levels, sandboxUnlocked: true, lastLevel: null };
}

/** Migrations by the schema they start from; each returns the next schema. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: migrateV1toV2,
};

/** Brings any known older schema up to the current one (the result is checked by validate). */
export function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  let v = raw;
  while (typeof v.schema === 'number' && v.schema < PROGRESS_SCHEMA) {
    const m = MIGRATIONS[v.schema];
    if (!m) break;
    v = m(v);
  }
  return v;
}

function validLevel(v: unknown): LevelRecord | null {
  if (!isRecord(v)) return null;
  const { done, stars, bestGold } = v;
  if (typeof done !== 'boolean') return null;
  if (typeof stars !== 'number' || !Number.isInteger(stars) || stars < 0 || stars > 3) return null;
  if (bestGold !== null && (typeof bestGold !== 'number' || !Number.isFinite(bestGold) || bestGold < 0))
    return null;
  return { done, stars, bestGold };
}

function validate(v: Record<string, unknown>): Progress | null {
  if (v.schema !== PROGRESS_SCHEMA || !isRecord(v.levels)) return null;
  const levels: Record<string, LevelRecord> = {};
  for (const [id, rec] of Object.entries(v.levels)) {
    const ok = validLevel(rec);
    if (!ok) return null;
    levels[id] = ok;
  }
  if (typeof v.sandboxUnlocked !== 'boolean') return null;
  const lastLevel = v.lastLevel === undefined ? null : v.lastLevel;
  if (lastLevel !== null && typeof lastLevel !== 'string') return null;
  return { schema: PROGRESS_SCHEMA, levels, sandboxUnlocked: v.sandboxUnlocked, lastLevel };
}

/** Reads stored text: current schema, an older one (migrated), or a reason it cannot be used. */
export function parseProgress(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'corrupt', message: 'The saved progress is damaged (it is not valid JSON).' };
  }
  if (!isRecord(raw) || typeof raw.schema !== 'number' || !Number.isInteger(raw.schema) || raw.schema < 1)
    return { ok: false, reason: 'corrupt', message: 'The saved progress is damaged (it has no schema).' };
  if (raw.schema > PROGRESS_SCHEMA)
    return {
      ok: false,
      reason: 'newer',
      message: `The saved progress was written by a newer version of Nozama (schema ${raw.schema}; this version reads up to ${PROGRESS_SCHEMA}).`,
    };
  const from = raw.schema;
  const progress = validate(migrate(raw));
  if (!progress)
    return {
      ok: false,
      reason: 'corrupt',
      message: 'The saved progress is damaged (a level record is wrong).',
    };
  return { ok: true, progress, migratedFrom: from === PROGRESS_SCHEMA ? null : from };
}

export function serializeProgress(p: Progress): string {
  return JSON.stringify(p);
}

/** Records a completed run: done stays done, the best stars and the least gold are kept. */
export function recordCompletion(p: Progress, levelId: string, stars: number, gold: number): Progress {
  const old = p.levels[levelId];
  const rec: LevelRecord = {
    done: true,
    stars: Math.max(old?.stars ?? 0, stars),
    bestGold: old?.bestGold == null ? gold : Math.min(old.bestGold, gold),
  };
  return { ...p, levels: { ...p.levels, [levelId]: rec } };
}

/** Joins two progresses (this machine's and an imported one): the best of each level wins. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const levels: Record<string, LevelRecord> = { ...a.levels };
  for (const [id, rb] of Object.entries(b.levels)) {
    const ra = levels[id];
    if (!ra) {
      levels[id] = rb;
      continue;
    }
    const golds = [ra.bestGold, rb.bestGold].filter((g): g is number => g !== null);
    levels[id] = {
      done: ra.done || rb.done,
      stars: Math.max(ra.stars, rb.stars),
      bestGold: golds.length ? Math.min(...golds) : null,
    };
  }
  return {
    schema: PROGRESS_SCHEMA,
    levels,
    sandboxUnlocked: a.sandboxUnlocked || b.sandboxUnlocked,
    lastLevel: a.lastLevel ?? b.lastLevel,
  };
}

/** Progress as text to carry to another machine (copy, mail, a USB stick). */
export function exportProgress(p: Progress): string {
  return EXPORT_PREFIX + serializeProgress(p);
}

/** Reads an exported text (with or without its prefix, surrounding blanks allowed). */
export function importProgress(text: string): ParseResult {
  const t = text.trim();
  const body = t.startsWith(EXPORT_PREFIX.trim()) ? t.slice(EXPORT_PREFIX.trim().length).trim() : t;
  if (body === '')
    return { ok: false, reason: 'corrupt', message: 'There is nothing to import: paste an exported text.' };
  return parseProgress(body);
}

export type LevelStatus = 'done' | 'open' | 'locked';

/**
 * Where a level stands on the map: done, open, or locked. The campaign opens one level at a time (the
 * first, then each after a done one); a level already done or started stays open. `?level=` still
 * opens any level (teachers pace a class their own way).
 */
export function levelStatus(
  levels: readonly { id: string; number: number }[],
  progress: Progress,
  id: string,
): LevelStatus {
  if (progress.levels[id]?.done) return 'done';
  const sorted = [...levels].sort((a, b) => a.number - b.number);
  const i = sorted.findIndex((l) => l.id === id);
  if (i <= 0 || progress.lastLevel === id) return 'open';
  const prev = sorted[i - 1];
  return prev && progress.levels[prev.id]?.done ? 'open' : 'locked';
}
