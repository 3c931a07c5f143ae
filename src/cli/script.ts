/**
 * The calls a player made, as a bash script of AWS CLI v2 commands (the Chronicle as `aws` lines), for
 * download from the console. It is labelled as what it is: this world's names, ids, account and region
 * are in it, so it runs against real AWS only after the reader changes them; what AWS does on its own
 * (the `sim:` actions) stays a comment. Pure.
 */
import type { Call } from '../model/index.ts';
import { cliLines, cliNote } from './cli.ts';

const two = (n: number) => String(n).padStart(2, '0');
const clock = (s: number) =>
  `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;

export function chronicleScript(calls: readonly { t: number; call: Call }[], startedAt: number): string {
  const head = [
    '#!/bin/bash',
    '# The calls made in a Nozama world, as AWS CLI v2 commands, in order.',
    '# NOT READY TO RUN AS IT IS: every name, id and ARN below (AMIs, subnets, security groups, the',
    "# account 123456789012, the region za-southwest-1) belongs to the game's world. Change them to your",
    '# own, read every line, and run it in an account where these resources may be created (they cost money).',
    'set -euo pipefail',
    '',
  ];
  const body = calls.flatMap(({ t, call }) => {
    const note = cliNote(call);
    return [`# +${clock(Math.max(0, t - startedAt))}`, ...(note ? [note] : []), cliLines(call), ''];
  });
  return [...head, ...body].join('\n');
}
