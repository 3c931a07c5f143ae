/**
 * What class and progress codes share: a kind letter (C or P), a version symbol, the payload, and a
 * Damm check character (code-alphabet.ts). Opening a code checks, in this order, that every character
 * is one codes use, that the check character matches (a typo otherwise), the kind, and the version
 * (a newer game's code says so instead of being misread).
 */
import { checkPasses, checkSymbol, readSymbols, writeSymbols } from './code-alphabet.ts';

export type CodeKind = 'class' | 'progress';

/** The first character of each kind: C for class, P for progress (their values in the alphabet). */
const KIND_SYMBOL: Record<CodeKind, number> = { class: 12, progress: 22 };

export type CodeProblem = 'empty' | 'badChar' | 'typo' | 'wrongKind' | 'newer' | 'damaged';

export type Opened = { ok: true; version: number; payload: number[] } | CodeRefusal;

export interface CodeRefusal {
  ok: false;
  problem: CodeProblem;
  /** Says what is wrong in words a student or teacher can act on. */
  message: string;
}

const NAME: Record<CodeKind, string> = { class: 'class code', progress: 'progress code' };

export function refuse(problem: CodeProblem, message: string): CodeRefusal {
  return { ok: false, problem, message };
}

export function sealCode(kind: CodeKind, version: number, payload: readonly number[]): string {
  const values = [KIND_SYMBOL[kind], version, ...payload];
  return writeSymbols([...values, checkSymbol(values)]);
}

export function openCode(text: string, kind: CodeKind, currentVersion: number): Opened {
  const name = NAME[kind];
  const read = readSymbols(text.trim());
  if (!read.ok)
    return refuse(
      'badChar',
      `"${read.badChar}" is not in a ${name}: codes use digits and the letters A-Z except I, L, O and U.`,
    );
  const values = read.values;
  if (values.length === 0) return refuse('empty', `Type or paste a ${name}.`);
  if (values.length < 4 || !checkPasses(values))
    return refuse('typo', `This ${name} has a typo (its check character does not match): compare it again.`);
  const [kindSymbol, version] = values as [number, number];
  if (kindSymbol !== KIND_SYMBOL[kind]) {
    const other = (Object.keys(KIND_SYMBOL) as CodeKind[]).find((k) => KIND_SYMBOL[k] === kindSymbol);
    return refuse('wrongKind', other ? `This is a ${NAME[other]}, not a ${name}.` : `This is not a ${name}.`);
  }
  if (version > currentVersion)
    return refuse(
      'newer',
      `This ${name} was made by a newer version of Nozama (code version ${version}; this game reads up to ${currentVersion}). Reload the page to update the game.`,
    );
  if (version < 1) return refuse('damaged', `This ${name} is damaged (it has no version).`);
  return { ok: true, version, payload: values.slice(2, -1) };
}
