import { describe, expect, it } from 'vitest';
import {
  type ClassPlan,
  classLevel,
  classSandboxScript,
  cleanName,
  decodeClassCode,
  decodeProgressCode,
  encodeClassCode,
  encodeProgressCode,
  LEVEL_KEYS,
  planProblems,
  stormCall,
} from '../../src/classroom/index.ts';
import { LEVELS, levelById } from '../../src/levels/index.ts';
import { createGameStore } from '../../src/store/create-game-store.ts';

const STORMY: ClassPlan = {
  seed: 0,
  world: { kind: 'levels', levels: ['decree-of-six', 'portal-collapses'] },
  storms: [
    { at: 180, kind: 'zoneDown', zone: 'b' },
    { at: 300, kind: 'failingEdition', family: 'mill', revision: 2, errorPercent: 30 },
  ],
};

/** Re-seals a payload under another kind letter or version (the check character recomputed). */
function reseal(code: string, first: string, version: string): string {
  const ALPHA = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const body = [first, version, ...code.replaceAll('-', '').slice(2, -1)].map((c) => ALPHA.indexOf(c));
  let interim = 0;
  const times2 = (x: number) => ((x << 1) & 32 ? (x << 1) ^ 0b100101 : x << 1);
  for (const v of body) interim = times2(interim) ^ v;
  return [...body, times2(interim)].map((v) => ALPHA[v]).join('');
}

describe('class codes', () => {
  it('are short, grouped by four, in Crockford letters, and start with C and the version', () => {
    const code = encodeClassCode(STORMY);
    expect(code).toMatch(/^C1[0-9A-HJKMNP-TV-Z]{2}(-[0-9A-HJKMNP-TV-Z]{1,4})+$/);
    expect(code.replaceAll('-', '').length).toBeLessThanOrEqual(24);
    expect(
      encodeClassCode({ seed: 7, world: { kind: 'sandbox' }, storms: [] }).replaceAll('-', ''),
    ).toHaveLength(6);
  });

  it('read forgivingly: lower case, no hyphens, O for 0 and I or L for 1', () => {
    const code = encodeClassCode(STORMY);
    const sloppy = code.replaceAll('-', ' ').toLowerCase().replaceAll('0', 'o').replaceAll('1', 'l');
    expect(decodeClassCode(sloppy)).toEqual({ ok: true, plan: STORMY });
  });

  it('refuse a typo with a message saying so, and change nothing', () => {
    const code = encodeClassCode(STORMY).replaceAll('-', '');
    const typo = code.slice(0, 5) + (code[5] === 'X' ? 'Y' : 'X') + code.slice(6);
    expect(decodeClassCode(typo)).toEqual({
      ok: false,
      problem: 'typo',
      message: 'This class code has a typo (its check character does not match): compare it again.',
    });
  });

  it('say when a code comes from a newer version, or is a progress code, or uses a foreign letter', () => {
    const code = encodeClassCode(STORMY);
    const newer = decodeClassCode(reseal(code, 'C', '2'));
    expect(newer.ok === false && newer.problem).toBe('newer');
    expect(newer.ok === false && newer.message).toContain('newer version of Nozama (code version 2');
    const progress = decodeClassCode(reseal(code, 'P', '1'));
    expect(progress.ok === false && progress.message).toBe('This is a progress code, not a class code.');
    const foreign = decodeClassCode(`${code}U`);
    expect(foreign.ok === false && foreign.message).toContain('"U" is not in a class code');
    const empty = decodeClassCode('  ');
    expect(empty.ok === false && empty.problem).toBe('empty');
  });

  it('name a plan problem instead of encoding it', () => {
    const bad: ClassPlan = {
      seed: -1,
      world: { kind: 'levels', levels: [] },
      storms: [{ at: 10, kind: 'failingEdition', family: 'mill wheel', revision: 0, errorPercent: 0 }],
    };
    expect(planProblems(bad)).toEqual([
      'The seed must be a whole number from 0 to 4294967295.',
      'Pick at least one level, or the sandbox.',
      'Storm 1: a plan family is 1 to 40 letters, digits, hyphens or underscores.',
      'Storm 1: the edition is a whole number from 1 to 9999.',
      'Storm 1: the failing share is a whole percent from 1 to 100.',
    ]);
    expect(() => encodeClassCode(bad)).toThrow('Pick at least one level');
  });

  it('give every campaign level a key, keys never repeated', () => {
    for (const l of LEVELS) expect(LEVEL_KEYS).toContain(l.id);
    expect(new Set(LEVEL_KEYS).size).toBe(LEVEL_KEYS.length);
  });
});

describe('progress codes', () => {
  it('round-trip a name and stars; unfinished levels stay out', () => {
    const card = { name: 'Ada Lovelace', stars: { arrival: 3, 'first-plan': 1, canary: 0 } };
    const code = encodeProgressCode(card);
    expect(code.startsWith('P1')).toBe(true);
    expect(decodeProgressCode(code)).toEqual({ ok: true, card });
  });

  it('keep names to letters, digits, spaces and hyphens', () => {
    expect(cleanName('  José   Müller ')).toBe('Jose Muller');
    expect(cleanName("Seán O'Brien")).toBe('Sean O-Brien');
    expect(cleanName('a'.repeat(40))).toHaveLength(24);
    expect(() => encodeProgressCode({ name: '!!', stars: {} })).not.toThrow();
    expect(() => encodeProgressCode({ name: '   ', stars: {} })).toThrow('needs a name');
  });

  it('refuse a class code pasted as a progress code', () => {
    const r = decodeProgressCode(encodeClassCode(STORMY));
    expect(r.ok === false && r.message).toBe('This is a class code, not a progress code.');
  });
});

describe('storms in the world', () => {
  it('become the sim: calls they stand for', () => {
    expect(stormCall({ at: 0, kind: 'zoneDown', zone: 'b' }, 'za-southwest-1')).toEqual({
      action: 'sim:FailAvailabilityZone',
      input: { availabilityZone: 'za-southwest-1b' },
    });
    expect(
      stormCall({ at: 0, kind: 'failingEdition', family: 'mill', revision: 2, errorPercent: 30 }, 'x'),
    ).toEqual({ action: 'sim:SetBehavior', input: { TaskDefinition: 'mill:2', ErrorRate: 0.3 } });
  });

  it('strike a class level at the planned second of the game clock, the same in two worlds', () => {
    const def = levelById('decree-of-six')!;
    const level = classLevel(def, { ...STORMY, storms: [{ at: 180, kind: 'zoneDown', zone: 'b' }] });
    expect(level.scenario.seed).toBe(def.scenario.seed);
    const worlds = [createGameStore(), createGameStore()];
    for (const w of worlds) w.getState().startLevel(level);
    const clock = (w: (typeof worlds)[0]) => w.getState().sim.now - w.getState().sim.startedAt;
    for (const w of worlds) {
      w.getState().advance(179 - clock(w));
      expect(w.getState().sim.impairedZones['za-southwest-1b']).toBeFalsy();
      w.getState().advance(1);
      expect(clock(w)).toBe(180);
      expect(w.getState().sim.impairedZones['za-southwest-1b']).toBe(true);
    }
    expect(JSON.stringify(worlds[0]!.getState().sim)).toBe(JSON.stringify(worlds[1]!.getState().sim));
  });

  it('strike a sandbox class at the planned second, once, the same in two worlds; a reset re-arms them', () => {
    const plan: ClassPlan = {
      seed: 42,
      world: { kind: 'sandbox' },
      storms: [
        { at: 60, kind: 'zoneDown', zone: 'b' },
        { at: 120, kind: 'zoneUp', zone: 'b' },
      ],
    };
    const worlds = [createGameStore(), createGameStore()];
    for (const w of worlds) w.getState().startSandbox(plan.seed, undefined, classSandboxScript(plan));
    const clock = (w: (typeof worlds)[0]) => w.getState().sim.now - w.getState().sim.startedAt;
    const down = (w: (typeof worlds)[0]) => w.getState().sim.impairedZones['za-southwest-1b'] === true;
    for (const w of worlds) {
      w.getState().advance(59 - clock(w));
      expect(down(w)).toBe(false);
      w.getState().advance(1);
      expect(clock(w)).toBe(60);
      expect(down(w)).toBe(true);
      // The storm is a call in the world's log, shown in Rosetta like a level's own disaster.
      expect(w.getState().api.at(-1)?.call.action).toBe('sim:FailAvailabilityZone');
      w.getState().advance(60);
      expect(down(w)).toBe(false);
    }
    expect(JSON.stringify(worlds[0]!.getState().sim)).toBe(JSON.stringify(worlds[1]!.getState().sim));
    // Undoing a storm's call does not bring the storm back: it plays once.
    const w = worlds[0]!;
    w.getState().undo();
    expect(down(w)).toBe(true);
    w.getState().advance(120);
    expect(down(w)).toBe(true);
    // A reset starts the world and its storms again.
    w.getState().reset();
    w.getState().advance(60);
    expect(down(w)).toBe(true);
  });

  it('use the plan seed when one is given', () => {
    const def = levelById('arrival')!;
    expect(classLevel(def, { ...STORMY, seed: 42 }).scenario.seed).toBe(42);
  });
});
