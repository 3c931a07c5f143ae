/**
 * Every level of the campaign: its data validates; its reference solution, played through the session
 * the game itself runs (src/session: setup, settle, then the steps with the goal tracker observing
 * each simulated second and the level's scripted events played when due), completes the level with no
 * failed call and earns its stars, and "show me" playing it through the clock gives the same verdict
 * and the same world; its deliberately wrong solution never completes the level; and each debrief CLI
 * line is exactly what Rosetta's CLI prints for a call of the solution.
 */
import { describe, expect, it } from 'vitest';
import { toCli } from '../../src/cli/index.ts';
import { CHAPTERS, LEVELS, validateCampaign, validateLevel } from '../../src/levels/index.ts';
import { goldSpent, starsFor } from '../../src/model/goals/goals.ts';
import { type LevelRun, runLevel, watchShowMe } from '../../src/session/index.ts';

describe('the campaign', () => {
  it('validates as a whole: ids unique, numbers 1..N, chapters known, hints except the final challenge', () => {
    expect(validateCampaign()).toEqual([]);
    expect(LEVELS.length).toBeGreaterThanOrEqual(14);
    expect(CHAPTERS.map((c) => c.number)).toEqual(CHAPTERS.map((_, i) => i + 1));
    expect(LEVELS.filter((l) => l.final).map((l) => [l.id, l.hints])).toEqual([['the-crown', []]]);
  });

  it('rejects broken level data with a reason', () => {
    const base = LEVELS[0];
    if (!base) throw new Error('no levels');
    const broken = {
      ...base,
      id: 'Bad Id',
      hints: ['only one'],
      goals: [...base.goals, ...base.goals],
      solution: [{ call: { action: 'ecs:LaunchRocket', input: {} } }],
      debrief: { text: [], cli: [] },
    };
    const errors = validateLevel(broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        "id 'Bad Id' must be lowercase words joined by -",
        '1 hints: give 2 to 4',
        `goal id '${base.goals[0]?.id}' is repeated`,
        'unknown action ecs:LaunchRocket',
        'debrief has no text',
        'debrief has no CLI lines',
      ]),
    );
    expect(validateCampaign([LEVELS[1], LEVELS[0]].filter((l) => l !== undefined))).toEqual(
      expect.arrayContaining([expect.stringContaining('has number 2, expected 1')]),
    );
  });
});

function levelOf(r: LevelRun) {
  const level = r.session.level;
  if (!level) throw new Error('the run has no level');
  return level;
}

describe.each(LEVELS.map((l) => [`${l.number} ${l.id}`, l] as const))('level %s', (_name, level) => {
  it('validates', () => {
    expect(validateLevel(level, { final: level.final === true })).toEqual([]);
  });

  it('the reference solution completes the level, with no failed call, and earns its stars', () => {
    const r = runLevel(level);
    expect(r.errors.map((e) => `${e.by} ${e.call.action}: ${e.error.message}`)).toEqual([]);
    const run = levelOf(r);
    expect(run.done).toBe(true);
    expect(run.progress.filter((p) => !p.done)).toEqual([]);
    expect(run.progress.map((p) => p.id)).toEqual(level.goals.map((g) => g.id));
    expect(run.stars).toMatchObject({ complete: true, count: 3, thrift: true, safety: true });
    const stars = starsFor(level.stars, run.tracker, true);
    expect(stars).toMatchObject({ complete: true, count: 3, thrift: true, safety: true });
    expect(stars.gold).toBe(goldSpent(run.tracker));
  });

  it('"show me" plays the reference solution to the same verdict and the same world', () => {
    const played = runLevel(level);
    const shown = watchShowMe(level);
    expect(shown.errors).toEqual([]);
    expect(levelOf(shown)).toMatchObject({ done: true, assisted: true, demo: null });
    expect(levelOf(shown).progress).toEqual(levelOf(played).progress);
    expect(shown.session.sim).toEqual(played.session.sim);
  });

  it('the wrong solution never completes the level and earns no star', () => {
    const r = runLevel(level, level.wrongSolution);
    const run = levelOf(r);
    expect(run.done).toBe(false);
    expect(run.stars).toBeNull();
    const missed = run.progress.filter((p) => !p.done);
    expect(missed.length).toBeGreaterThan(0);
    for (const p of missed) expect(p.missing?.kind, p.id).toBeDefined();
    expect(starsFor(level.stars, run.tracker, false).count).toBe(0);
  });

  it('every debrief CLI line is the CLI of a call in the solution', () => {
    const lines = level.solution.flatMap((s) => ('call' in s ? [toCli(s.call)] : []));
    for (const line of level.debrief.cli) expect(lines).toContain(line);
  });
});
