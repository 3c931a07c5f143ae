/**
 * Seeded sequences of calls (any action, valid or broken), faults (sim: actions) and time, run from
 * the rich world with the request checks (request-check.ts) on every call and the model's resource
 * invariant (invariants.ts) after every step: whatever a hostile player does, the world keeps moving.
 */
import fc from 'fast-check';
import { advance, type SimState, supportedActions } from '../../src/model/index.ts';
import { checkResources, InvariantError, must } from './invariants.ts';
import { namePool, requestArb } from './request-arbitraries.ts';
import { checkedStep, jsonProblem, type Tally } from './request-check.ts';

export type SeqOp = { k: 'call'; action: string; input: unknown } | { k: 'advance'; seconds: number };

export function sequenceArb(world: SimState, maxLength = 10): fc.Arbitrary<SeqOp[]> {
  const pool = namePool(world);
  const actions = supportedActions();
  const faults = actions.filter((a) => a.startsWith('sim:'));
  const callOf = (list: string[]) =>
    fc
      .constantFrom(...list)
      .chain((action) =>
        requestArb(action, pool, world.now).map((input) => ({ k: 'call' as const, action, input })),
      );
  const op: fc.Arbitrary<SeqOp> = fc.oneof(
    { weight: 6, arbitrary: callOf(actions) },
    { weight: 2, arbitrary: callOf(faults) },
    {
      weight: 3,
      arbitrary: fc.integer({ min: 1, max: 180 }).map((seconds) => ({ k: 'advance' as const, seconds })),
    },
  );
  return fc.array(op, { minLength: 1, maxLength });
}

export function runSequence(world: SimState, seq: SeqOp[], tally: Tally): SimState {
  let s = world;
  for (const op of seq) {
    if (op.k === 'call')
      s = checkedStep(s, { action: op.action, input: op.input as Record<string, unknown> }, tally, 0);
    else {
      tally.advances++;
      try {
        s = advance(s, op.seconds).state;
      } catch (e) {
        throw new InvariantError(`advance(${op.seconds}) threw ${String(e)}`);
      }
      const p = jsonProblem(s);
      must(p === null, () => `advance(${op.seconds}): ${p}`);
    }
    checkResources(s, { reservedToo: false });
  }
  return s;
}
