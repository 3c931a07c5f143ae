/**
 * Progress codes: a student's name and the levels they finished with their stars, as a short code to
 * copy at a debrief and paste on the teacher's class board. The check character catches typos; it
 * does not stop anyone from making up a code (there is no server to vouch for one, by design).
 *
 * Layout after the envelope (envelope.ts): the name (text), the mask of finished levels (varint), and
 * 2 bits of stars (0-3) for each finished level in key order.
 */
import { BitReader, BitWriter } from './bits.ts';
import { type CodeRefusal, openCode, refuse, sealCode } from './envelope.ts';
import { LEVEL_KEYS, levelMask, levelsOfMask } from './level-keys.ts';

export const PROGRESS_CODE_VERSION = 1;

/** Names are kept to letters, digits, spaces and hyphens (64 characters). */
export const NAME_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -';
export const NAME_MAX = 24;

export interface ProgressCard {
  name: string;
  /** Finished levels and their best stars (0-3), by level id. */
  stars: Record<string, number>;
}

/**
 * A name as codes carry it: accents dropped (José -> Jose), any other character outside the alphabet
 * becomes a hyphen, blanks collapsed, at most NAME_MAX characters.
 */
export function cleanName(name: string): string {
  const plain = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  let out = '';
  for (const ch of plain) out += NAME_ALPHABET.includes(ch) ? ch : /\s/.test(ch) ? ' ' : '-';
  return out.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX).trim();
}

/** The card as a code; throws when the name is empty once cleaned (ask for a name first). */
export function encodeProgressCode(card: ProgressCard): string {
  const name = cleanName(card.name);
  if (name === '') throw new Error('A progress code needs a name.');
  const ids = LEVEL_KEYS.filter((id) => card.stars[id] !== undefined);
  const w = new BitWriter().text(name, NAME_ALPHABET).varint(levelMask(ids));
  for (const id of ids) w.uint(Math.max(0, Math.min(3, Math.floor(card.stars[id] ?? 0))), 2);
  return sealCode('progress', PROGRESS_CODE_VERSION, w.symbols());
}

export type DecodedProgress = { ok: true; card: ProgressCard } | CodeRefusal;

export function decodeProgressCode(text: string): DecodedProgress {
  const opened = openCode(text, 'progress', PROGRESS_CODE_VERSION);
  if (!opened.ok) return opened;
  const r = new BitReader(opened.payload);
  const name = r.text(NAME_ALPHABET, NAME_MAX);
  const ids = levelsOfMask(r.varint());
  if (ids === null)
    return refuse(
      'newer',
      'This progress code names a level this version of Nozama does not have: reload the page to update the game.',
    );
  const stars: Record<string, number> = {};
  for (const id of ids) stars[id] = r.uint(2);
  if (r.overrun || !r.atEnd())
    return refuse('damaged', 'This progress code is damaged (its length is wrong).');
  if (name === '') return refuse('damaged', 'This progress code carries no name.');
  return { ok: true, card: { name, stars } };
}
