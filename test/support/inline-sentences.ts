/**
 * Finds the English sentences built inline in the view's source: string and template literals (their
 * `${...}` parts left out) holding two words of letters side by side, outside comments, class names and
 * the reviewed exceptions below. Used by test/unit/inline-sentences.test.ts to keep new ones out of
 * src/ui, src/i18n, src/game, src/embed and src/app: a sentence the player reads belongs in the message
 * catalog (src/i18n/messages/en).
 */

/** Reviewed exceptions: text that is AWS's or a program's, not a sentence to translate. */
export const NOT_SENTENCES: readonly RegExp[] = [
  /^aws [a-z0-9-]+ [a-z0-9-]+/, // an AWS CLI line: the CLI's own syntax
  /^(CMD|CMD-SHELL) /, // a container health check command
];

/** Small words that make lowercase words a phrase rather than a list of class names or keywords. */
const PHRASE_WORDS = /\b(the|a|an|is|are|was|of|to|in|on|no|not|and|or|for|with|from|its|it)\b/;

/**
 * Where a literal's context says it is not read as a sentence: a class list, a CSS value, a selector, a
 * programmer's error (`new Error(...)`: a bug report, not a player's message).
 */
const NOT_SENTENCE_CONTEXT =
  /(?:class|className|classList\.(?:add|remove|toggle)\(|querySelector(?:All)?\(|closest\(|font|fontFamily|style\.\w+\s*=|setProperty\([^,]*,|Error\()\s*:?\s*=?\s*$/;

export interface InlineSentence {
  line: number;
  text: string;
}

/** The literals of a TypeScript source, with the line each starts on (comments and regexes skipped). */
export function literals(source: string): { line: number; text: string; before: string }[] {
  const out: { line: number; text: string; before: string }[] = [];
  let i = 0;
  let line = 1;
  let last = ''; // the last significant character, to tell a regex from a division
  const n = source.length;
  while (i < n) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (c === '/' && next === '/') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let k = i; k < stop; k++) if (source[k] === '\n') line++;
      i = stop;
      continue;
    }
    if (
      c === '/' &&
      (last === '' ||
        '(,=:[!&|?{};+-*%<>~^'.includes(last) ||
        /return$/.test(source.slice(Math.max(0, i - 7), i).trim()))
    ) {
      // A regular expression literal.
      i++;
      let inClass = false;
      while (i < n && source[i] !== '\n') {
        const r = source[i];
        if (r === '\\') i += 2;
        else {
          if (r === '[') inClass = true;
          else if (r === ']') inClass = false;
          else if (r === '/' && !inClass) break;
          i++;
        }
      }
      i++;
      last = '/';
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      const start = i;
      const startLine = line;
      let text = '';
      i++;
      while (i < n && source[i] !== c) {
        const ch = source[i] as string;
        if (ch === '\\') {
          text += source[i + 1] ?? '';
          i += 2;
          continue;
        }
        if (ch === '\n') {
          if (c !== '`') break;
          line++;
        }
        if (c === '`' && ch === '$' && source[i + 1] === '{') {
          let depth = 1;
          i += 2;
          while (i < n && depth > 0) {
            if (source[i] === '{') depth++;
            else if (source[i] === '}') depth--;
            else if (source[i] === '\n') line++;
            i++;
          }
          text += ' {} ';
          continue;
        }
        text += ch;
        i++;
      }
      i++;
      out.push({ line: startLine, text, before: source.slice(Math.max(0, start - 40), start) });
      last = c;
      continue;
    }
    if (!/\s/.test(c)) last = c;
    i++;
  }
  return out;
}

/** The inline sentences of a source file. */
export function inlineSentences(source: string): InlineSentence[] {
  return literals(source)
    .filter(({ text, before }) => {
      const t = text.replace(/\s+/g, ' ').trim();
      if (!/[A-Za-z]{2,} [A-Za-z]{2,}/.test(t)) return false;
      if (NOT_SENTENCE_CONTEXT.test(before)) return false;
      // Lowercase words and hyphens alone read as class names or keywords unless a small word makes
      // them a phrase ("is ready", "no castle").
      if (/^[a-z-]+(?: [a-z-]+)*$/.test(t) && !PHRASE_WORDS.test(t)) return false;
      return !NOT_SENTENCES.some((re) => re.test(t));
    })
    .map(({ line, text }) => ({ line, text: text.replace(/\s+/g, ' ').trim() }));
}
