/**
 * `npm run fuzz`: the long fuzzing run. Every action gets an equal share of FUZZ_CALLS generated
 * requests (default 100,000) against the rich world, then FUZZ_SEQUENCES seeded sequences (default
 * 10,000) of calls, faults and time run with the checks after every step. Prints its counts; on a
 * failure prints the seed and the counterexample to keep as a regression test
 * (a case in test/unit/requests.test.ts, or a fixed seed in the CI properties) and exits 1.
 */
import fc from 'fast-check';
import { supportedActions } from '../../src/model/index.ts';
import { namePool, requestArb } from './request-arbitraries.ts';
import { checkedStep, newTally } from './request-check.ts';
import { runSequence, sequenceArb } from './request-sequences.ts';
import { richWorld } from './request-world.ts';

const calls = Number(process.env.FUZZ_CALLS ?? 100000);
const sequences = Number(process.env.FUZZ_SEQUENCES ?? 10000);
const seed = Number(process.env.FUZZ_SEED ?? 1);

const world = richWorld();
const pool = namePool(world);
const actions = supportedActions();
const tally = newTally();
const perAction = Math.max(1, Math.ceil(calls / actions.length));
let failed = false;
const t0 = process.hrtime.bigint();
for (const action of actions) {
  const out = fc.check(
    fc.property(requestArb(action, pool, world.now), (input) => {
      checkedStep(world, { action, input: input as Record<string, unknown> }, tally, 31);
    }),
    { numRuns: perAction, seed },
  );
  if (out.failed) {
    failed = true;
    console.log(
      `FAILED ${action} seed=${out.seed} path=${out.counterexamplePath}\n${fc.defaultReportMessage(out)}`,
    );
  }
}
const t1 = process.hrtime.bigint();
const seqTally = newTally();
const seqOut = fc.check(
  fc.property(sequenceArb(world), (seq) => {
    runSequence(world, seq, seqTally);
  }),
  { numRuns: sequences, seed },
);
if (seqOut.failed) {
  failed = true;
  console.log(
    `FAILED sequences seed=${seqOut.seed} path=${seqOut.counterexamplePath}\n${fc.defaultReportMessage(seqOut)}`,
  );
}
const t2 = process.hrtime.bigint();
const top = (r: Record<string, number>) =>
  Object.entries(r)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
console.log(
  `calls: ${tally.calls} over ${actions.length} actions (seed ${seed}), accepted ${tally.accepted}, advanced ${tally.advances}, ` +
    `refused ${tally.calls - tally.accepted} (${top(tally.refused)}) in ${Number(t1 - t0) / 1e9} s`,
);
console.log(
  `sequences: ${sequences}, steps ${seqTally.calls}, accepted ${seqTally.accepted}, advances ${seqTally.advances}, ` +
    `refused ${seqTally.calls - seqTally.accepted} in ${Number(t2 - t1) / 1e9} s`,
);
console.log(failed ? 'FAILED' : 'no failures');
process.exit(failed ? 1 : 0);
