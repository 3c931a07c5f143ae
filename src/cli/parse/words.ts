/**
 * What bash makes of a console input before `aws` sees it: words split on blanks, '...' taken as is,
 * "..." with \\ \" \$ \` escapes, a backslash quoting the next character, a backslash-newline joining
 * lines (the continuations Rosetta's multi-line lines use), `#` at a word's start beginning a comment,
 * and an unquoted newline ending a command. No expansions ($VAR, globs, pipes): the console says so
 * rather than guess. A paste of several lines is several commands.
 * https://www.gnu.org/software/bash/manual/html_node/Quoting.html
 */

export type Words = { ok: true; commands: string[][] } | { ok: false; message: string };

const BLANK = /[ \t\r]/;
/** Characters bash would give a meaning the console does not model (outside quotes). */
const UNSUPPORTED: Record<string, string> = {
  '|': 'pipes',
  ';': 'command lists',
  '&': 'background jobs and lists',
  '<': 'redirections',
  '>': 'redirections',
  '`': 'command substitution',
  $: 'variables and substitutions',
};

export function splitWords(text: string): Words {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\n') {
      endCommand();
      i++;
    } else if (BLANK.test(c)) {
      endWord();
      i++;
    } else if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined) {
        i++;
      } else if (next === '\n') {
        i += 2;
      } else if (next === '\r' && text[i + 2] === '\n') {
        i += 3;
      } else {
        word += next;
        inWord = true;
        i += 2;
      }
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { ok: false, message: "unexpected end of input while looking for matching `'`" };
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      inWord = true;
      for (;;) {
        const d = text[i];
        if (d === undefined)
          return { ok: false, message: 'unexpected end of input while looking for matching `"`' };
        if (d === '"') {
          i++;
          break;
        }
        if (d === '\\') {
          const e = text[i + 1];
          if (e === '\n') {
            i += 2;
            continue;
          }
          if (e === '\\' || e === '"' || e === '$' || e === '`') {
            word += e;
            i += 2;
            continue;
          }
        } else if (d === '$' || d === '`') {
          const what = UNSUPPORTED[d] as string;
          return { ok: false, message: `${what} ("${d}") are not available here: quote the text with '...'` };
        }
        word += d;
        i++;
      }
    } else if (c === '#' && !inWord) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c in UNSUPPORTED) {
      const what = UNSUPPORTED[c] as string;
      return { ok: false, message: `${what} ("${c}") are not available here: quote the text with '...'` };
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  endCommand();
  return { ok: true, commands };
}
