/**
 * The console's parser is the CLI writer's inverse: for generated valid inputs of every AWS action the
 * model answers, the line Rosetta prints (src/cli toCli and its multi-line form), read back by the
 * console's word splitter and parser, is the very call (Lambda's zip given as the file the line names).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cliFiles, cliLines, EMPTY_ZIP_BASE64, toCli } from '../../src/cli/index.ts';
import { parseCommand, splitWords } from '../../src/cli/parse/index.ts';
import type { PyValue } from '../../src/cli/parse/py-values.ts';
import { validateParams } from '../../src/cli/parse/validate-params.ts';
import { type Call, encodeBase64, requestShape, supportedActions } from '../../src/model/index.ts';
import { namePool, shapeArb } from './request-arbitraries.ts';
import { richWorld } from './request-world.ts';

const world = richWorld();
const pool = namePool(world);
const ACTIONS = supportedActions().filter((a) => !a.startsWith('sim:'));

/** What a valid call's input holds where the writer and the CLI transform it (run-instances' user data is base64 of a script). */
function normalized(action: string, input: Record<string, unknown>): Record<string, unknown> {
  // The CLI reads --zip-file only when it is a zip archive.
  if (action === 'lambda:UpdateFunctionCode' && typeof input.ZipFile === 'string')
    return { ...input, ZipFile: EMPTY_ZIP_BASE64 };
  const code = input.Code as Record<string, unknown> | undefined;
  if (action === 'lambda:CreateFunction' && typeof code?.ZipFile === 'string') {
    return { ...input, Code: { ...code, ZipFile: EMPTY_ZIP_BASE64 } };
  }
  if (action === 'ec2:RunInstances' && typeof input.UserData === 'string') {
    return { ...input, UserData: encodeBase64(`#!/bin/bash\necho ${input.UserData.length}\n`) };
  }
  return input;
}

function parsedCall(line: string, call: Call): unknown {
  const words = splitWords(line);
  if (!words.ok) return words;
  expect(words.commands).toHaveLength(1);
  const files = Object.fromEntries(cliFiles(call).map((f) => [f.path, f.base64]));
  const parsed = parseCommand(words.commands[0] as string[], { files });
  return parsed.kind === 'call' ? parsed.call : parsed;
}

describe('parsing the printed CLI line gives the same call', () => {
  it('covers every AWS action the model answers', () => {
    expect(ACTIONS.length).toBeGreaterThan(80);
  });
  it.each(ACTIONS)('%s', (action) => {
    const found = requestShape(action);
    const arb = found?.shape ? shapeArb(found.service, found.shape, pool, world.now) : fc.constant({});
    fc.assert(
      fc.property(arb, fc.boolean(), (raw, multiLine) => {
        const input = normalized(action, raw as Record<string, unknown>);
        const call: Call = { action, input };
        const line = multiLine ? cliLines(call) : toCli(call);
        const got = parsedCall(line, call);
        // A generated value under a minimum the CLI checks (a 1-character S3 bucket) is refused as the CLI refuses it.
        const problems = found?.shape ? validateParams(found.service, found.shape, input as PyValue) : [];
        if (problems.length > 0) {
          expect(got, line).toEqual({
            kind: 'error',
            code: 252,
            stderr: `\nParameter validation failed:\n${problems.join('\n')}\n`,
          });
        } else expect(got, line).toEqual(call);
      }),
      { numRuns: 20, seed: 15 },
    );
  });
});
