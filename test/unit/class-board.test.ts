import { describe, expect, it } from 'vitest';
import {
  boardCsv,
  encodeClassCode,
  encodeProgressCode,
  readBoard,
  sortRows,
} from '../../src/classroom/index.ts';

const ada = encodeProgressCode({ name: 'Ada', stars: { arrival: 3, 'first-territory': 2 } });
const bob = encodeProgressCode({ name: 'Bob, Jr', stars: { arrival: 1 } });
const adaLater = encodeProgressCode({ name: 'ada', stars: { arrival: 2, 'first-plan': 1 } });

describe('the class board', () => {
  it('keeps good lines, lists bad ones with their reason, and merges a student pasted twice', () => {
    const typo = ada.slice(0, 4) + (ada[4] === 'Z' ? 'Y' : 'Z') + ada.slice(5);
    const board = readBoard(
      `${ada}\n\n  ${bob}  \r\n${typo}\nUSB stick\n${adaLater}\n${encodeClassCode({ seed: 1, world: { kind: 'sandbox' }, storms: [] })}`,
    );
    expect(board.rows).toEqual([
      { name: 'Ada', stars: { arrival: 3, 'first-territory': 2, 'first-plan': 1 }, done: 3, totalStars: 6 },
      { name: 'Bob- Jr', stars: { arrival: 1 }, done: 1, totalStars: 1 },
    ]);
    expect(board.levels).toEqual(['arrival', 'first-territory', 'first-plan']);
    expect(board.bad.map((b) => [b.line, b.reason])).toEqual([
      [4, 'This progress code has a typo (its check character does not match): compare it again.'],
      [5, '"U" is not in a progress code: codes use digits and the letters A-Z except I, L, O and U.'],
      [7, 'This is a class code, not a progress code.'],
    ]);
  });

  it('sorts by name, counts or a level (unfinished last when descending)', () => {
    const carol = encodeProgressCode({ name: 'carol', stars: { 'first-plan': 3 } });
    const { rows } = readBoard([ada, bob, carol].join('\n'));
    expect(rows.map((r) => r.name)).toEqual(['Ada', 'Bob- Jr', 'carol']);
    expect(sortRows(rows, 'name', 'descending').map((r) => r.name)).toEqual(['carol', 'Bob- Jr', 'Ada']);
    expect(sortRows(rows, 'totalStars', 'descending').map((r) => r.name)).toEqual([
      'Ada',
      'carol',
      'Bob- Jr',
    ]);
    expect(sortRows(rows, { level: 'first-plan' }, 'descending').map((r) => r.name)).toEqual([
      'carol',
      'Ada',
      'Bob- Jr',
    ]);
    expect(sortRows(rows, 'done', 'ascending').map((r) => r.name)).toEqual(['Bob- Jr', 'carol', 'Ada']);
  });

  it('exports CSV with level titles, empty cells for unfinished levels, and quoted fields', () => {
    const board = readBoard(`${ada}\n${bob}`);
    const csv = boardCsv(board, board.rows, (id) => (id === 'arrival' ? 'Arrival, the first' : id));
    expect(csv).toBe(
      'Student,"Arrival, the first",first-territory,Levels done,Stars\r\nAda,3,2,2,5\r\nBob- Jr,1,,1,1\r\n',
    );
  });
});
