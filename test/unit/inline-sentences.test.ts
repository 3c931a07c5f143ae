/**
 * Every sentence the player reads lives in the message catalog (src/i18n/messages/en): this test fails
 * when a file of the view (src/ui, src/i18n, src/game, src/embed, src/app; src/ui/forms is left to its
 * own pass) holds more English built inline than it did. The baseline counts what is still to move,
 * per file; it may only shrink (lower it when a file's sentences move to the catalog), and a new file
 * starts at none. What is not a sentence (CLI lines, class lists) is the scanner's short reviewed list
 * (test/support/inline-sentences.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineSentences } from '../support/inline-sentences.ts';
import BASELINE from './inline-sentences.baseline.json' with { type: 'json' };

const ROOTS = ['src/ui', 'src/i18n', 'src/game', 'src/embed', 'src/app'];
const SKIPPED = ['src/ui/forms', 'src/i18n/messages'];

function files(dir: string): string[] {
  if (SKIPPED.includes(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function counts(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const file of ROOTS.flatMap(files).sort()) {
    const found = inlineSentences(readFileSync(file, 'utf8')).length;
    if (found > 0) out[file] = found;
  }
  return out;
}

describe('inline sentences', () => {
  it('finds a sentence, and passes over comments, class lists, CLI lines and regexes', () => {
    const source = [
      '// The herald found it failing',
      "const a = 'The herald found it failing';",
      `const b = \`\${who} is lost to a disaster\`;`,
      "h('div', { class: 'panel open wide' });",
      "const c = 'aws ecs describe-services --cluster x';",
      "const d = /it's a regex with words/.test(x);",
      "const e = 'no castle';",
      "const f = 'kingdom-map';",
    ].join('\n');
    expect(inlineSentences(source)).toEqual([
      { line: 2, text: 'The herald found it failing' },
      { line: 3, text: '{} is lost to a disaster' },
      { line: 7, text: 'no castle' },
    ]);
  });

  it('no file of the view holds more inline English than its baseline; new files hold none', () => {
    const now = counts();
    const baseline: Record<string, number> = BASELINE;
    const grown = Object.entries(now)
      .filter(([file, n]) => n > (baseline[file] ?? 0))
      .map(
        ([file, n]) => `${file}: ${n} inline sentences (baseline ${baseline[file] ?? 0}): use the catalog`,
      );
    expect(grown).toEqual([]);
    const shrunk = Object.entries(baseline)
      .filter(([file, n]) => (now[file] ?? 0) < n)
      .map(([file, n]) => `${file}: ${now[file] ?? 0} (baseline ${n}): lower the baseline`);
    expect(shrunk).toEqual([]);
  });
});
