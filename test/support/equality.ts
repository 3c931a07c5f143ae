/**
 * Vitest setup: `toEqual` compares a shared record (the state's big collections,
 * src/model/sim/shared-record.ts) by the plain record it stands for, so a state equals its JSON round
 * trip and two states equal each other when their records hold the same entries, whatever history
 * shaped their insides.
 */
import { expect } from 'vitest';
import { SharedRecord } from '../../src/model/sim/shared-record.ts';

expect.addEqualityTesters([
  function sharedRecordsByContent(a: unknown, b: unknown, testers) {
    const sa = a instanceof SharedRecord;
    const sb = b instanceof SharedRecord;
    if (!sa && !sb) return undefined;
    return this.equals(sa ? a.toJSON() : a, sb ? b.toJSON() : b, testers);
  },
]);
