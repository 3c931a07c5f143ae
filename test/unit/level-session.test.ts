import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/levels/index.ts';
import type { Level } from '../../src/levels/types.ts';
import { createTracker, observeTick } from '../../src/model/goals/goals.ts';
import { advance as advanceSim } from '../../src/model/index.ts';
import { nextDemoAction } from '../../src/session/index.ts';
import { createGameStore, type GameStore } from '../../src/store/create-game-store.ts';
import { parseProgress } from '../../src/store/progress.ts';
import { memoryStorage, PROGRESS_KEY } from '../../src/store/progress-storage.ts';
import { fixtureLevel } from '../support/fixture-level.ts';

const PLAN = fixtureLevel().solution[0] as { call: { action: string; input: Record<string, unknown> } };
const DECREE = fixtureLevel().solution[2] as { call: { action: string; input: Record<string, unknown> } };

function started(level: Level = fixtureLevel(), storage = memoryStorage()): GameStore {
  const store = createGameStore({ progressStorage: storage });
  store.getState().startLevel(level);
  return store;
}

/** Advances one second at a time until the level is done (at most `limit` seconds). */
function advanceUntilDone(store: GameStore, limit = 300): number {
  let n = 0;
  while (!store.getState().level?.done && n < limit) {
    store.getState().advance(1);
    n++;
  }
  return n;
}

function playSolution(store: GameStore): void {
  store.getState().dispatch(PLAN.call);
  store.getState().advance(3);
  store.getState().dispatch(DECREE.call);
  advanceUntilDone(store);
}

describe('starting a level', () => {
  it('builds the world from the scenario: setup calls at second 0, then the settle seconds', () => {
    const store = started();
    const s = store.getState();
    expect(s.sim.seed).toBe(5);
    expect(s.sim.now - s.sim.startedAt).toBe(60);
    expect(s.log.map((l) => [l.t, l.call.action])).toEqual([
      [0, 'ecs:CreateCluster'],
      [0, 'ec2:RunInstances'],
      [0, 'ec2:RunInstances'],
    ]);
    expect(s.sim.containerInstances.values().filter((ci) => ci.status === 'ACTIVE')).toHaveLength(2);
    expect(s.level).toMatchObject({
      id: 'fixture-mill',
      done: false,
      stars: null,
      hintsShown: 0,
      demo: null,
    });
    expect(s.level?.startedAt).toBe(s.sim.now);
    expect(s.level?.progress.map((p) => [p.id, p.done, p.have, p.need])).toEqual([
      ['plan', false, 0, 1],
      ['decree', false, 0, 2],
    ]);
    expect(s.ui.place).toEqual({ scene: 'kingdom', zone: null });
    // The setup's events open the chronicle, numbered after everything before.
    const seqs = s.events.recent.map((e) => e.seq);
    expect(seqs.length).toBeGreaterThan(0);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe((seqs[i - 1] as number) + 1);
    expect(s.events.seq).toBe(seqs.at(-1));
    expect(s.progress.lastLevel).toBe('fixture-mill');
  });

  it('undo cannot take back the setup', () => {
    const store = started();
    expect(store.getState().undo()).toBe(false);
    expect(store.getState().log).toHaveLength(3);
  });
});

describe('the tracker', () => {
  it('is folded once per simulated second, exactly as observeTick one second at a time', () => {
    const store = started();
    const level = fixtureLevel();
    let sim = store.getState().sim;
    let tracker = createTracker(sim);
    store.getState().advance(7);
    store.getState().advance(5);
    for (let i = 0; i < 12; i++) {
      sim = advanceSim(sim, 1).state;
      tracker = observeTick(tracker, sim, level.goals);
    }
    const live = store.getState().level?.tracker;
    expect(live).toEqual(tracker);
    expect(live?.now).toBe(store.getState().sim.now);
    // Two t3.medium territories, 12 seconds each.
    expect(live?.instanceSeconds['za-southwest-1']?.['t3.medium']).toBe(24);
  });

  it('a dispatch re-evaluates the goals at once (no second passes)', () => {
    const store = started();
    const now = store.getState().sim.now;
    store.getState().dispatch(PLAN.call);
    const s = store.getState();
    expect(s.sim.now).toBe(now);
    expect(s.level?.progress[0]).toMatchObject({ id: 'plan', done: true, have: 1, need: 1 });
    expect(s.level?.progress[1]?.done).toBe(false);
  });
});

describe('completion', () => {
  it('records the stars in progress the moment every goal is met', () => {
    const storage = memoryStorage();
    const store = started(fixtureLevel(), storage);
    playSolution(store);
    const s = store.getState();
    expect(s.level?.done).toBe(true);
    expect(s.level?.progress.every((p) => p.done)).toBe(true);
    expect(s.level?.stars).toMatchObject({ count: 3, complete: true, thrift: true, safety: true });
    expect(s.level?.stars?.gold).toBeGreaterThan(0);
    expect(s.progress.levels['fixture-mill']).toEqual({
      done: true,
      stars: 3,
      bestGold: s.level?.stars?.gold,
    });
    const saved = parseProgress(storage.data[PROGRESS_KEY] as string);
    expect(saved.ok && saved.progress.levels['fixture-mill']?.stars).toBe(3);
    // A new game on the same storage finds it.
    expect(
      createGameStore({ progressStorage: storage }).getState().progress.levels['fixture-mill']?.done,
    ).toBe(true);
  });

  it('a thrift threshold that is missed costs the thrift star', () => {
    const store = started(
      fixtureLevel({ stars: { thriftGold: 0, safetyFailedRequests: 0, safetySecondsBelowDesired: 0 } }),
    );
    playSolution(store);
    expect(store.getState().level?.stars).toMatchObject({ count: 2, thrift: false, safety: true });
    expect(store.getState().progress.levels['fixture-mill']?.stars).toBe(2);
  });

  it('stays done once reached, even if the world later changes', () => {
    const store = started();
    playSolution(store);
    store.getState().dispatch({
      action: 'ecs:UpdateService',
      input: { cluster: 'Royaume', service: 'mill', desiredCount: 0 },
    });
    store.getState().advance(30);
    const level = store.getState().level;
    expect(level?.done).toBe(true);
    expect(level?.progress[1]?.done).toBe(false);
  });
});

describe('reset, undo and load keep the session coherent', () => {
  it('reset restarts the level: its starting world, a fresh tracker, the hints kept', () => {
    const store = started();
    const start = store.getState().sim;
    store.getState().showHint();
    playSolution(store);
    const gen = store.getState().generation;
    store.getState().reset();
    const s = store.getState();
    expect(s.sim).toBe(start);
    expect(s.log).toHaveLength(3);
    expect(s.generation).toBe(gen + 1);
    expect(s.level).toMatchObject({ done: false, stars: null, hintsShown: 1, startedAt: start.now });
    expect(s.level?.tracker).toEqual(createTracker(start));
    expect(s.level?.progress.every((p) => !p.done)).toBe(true);
    // The completion recorded before the reset stays in progress.
    expect(s.progress.levels['fixture-mill']?.done).toBe(true);
  });

  it('undo brings back the session as it was before the call; redo re-evaluates', () => {
    const store = started();
    store.getState().advance(4);
    const beforeCall = store.getState().level;
    store.getState().dispatch(PLAN.call);
    store.getState().advance(10);
    expect(store.getState().level?.progress[0]?.done).toBe(true);
    expect(store.getState().undo()).toBe(true);
    const s = store.getState();
    expect(s.level?.tracker).toEqual(beforeCall?.tracker);
    expect(s.level?.progress).toEqual(beforeCall?.progress);
    expect(s.level?.tracker.now).toBe(s.sim.now);
    expect(store.getState().redo()).toBe(true);
    expect(store.getState().level?.progress[0]?.done).toBe(true);
  });

  it('a saved world loaded into the level rebuilds the same tracker as live play', () => {
    const a = started();
    a.getState().dispatch(PLAN.call);
    a.getState().advance(3);
    a.getState().dispatch(DECREE.call);
    a.getState().advance(20);
    const saved = JSON.parse(JSON.stringify(a.getState().save()));
    const b = started();
    expect(b.getState().load(saved)).toEqual({ ok: true });
    expect(b.getState().level?.tracker).toEqual(a.getState().level?.tracker);
    expect(b.getState().level?.progress).toEqual(a.getState().level?.progress);
    // And undo after a load (no kept states) replays to the same session as a live undo.
    expect(b.getState().undo()).toBe(true);
    expect(a.getState().undo()).toBe(true);
    expect(b.getState().level?.tracker).toEqual(a.getState().level?.tracker);
    expect(JSON.stringify(b.getState().sim)).toBe(JSON.stringify(a.getState().sim));
  });

  it('a saved world from another level setup is refused in a level', () => {
    const store = started();
    const saved = { ...store.getState().save(), calls: [] };
    const r = store.getState().load(saved);
    expect(r.ok).toBe(false);
  });
});

describe('hints', () => {
  it('are revealed one at a time, and no further than there are', () => {
    const store = started();
    expect([1, 2, 3, 4].map(() => store.getState().showHint())).toEqual([true, true, true, false]);
    expect(store.getState().level?.hintsShown).toBe(3);
  });

  it('free play has no level and no hints', () => {
    const store = started();
    store.getState().startSandbox(9);
    expect(store.getState().level).toBeNull();
    expect(store.getState().showHint()).toBe(false);
    expect(store.getState().sim.seed).toBe(9);
    expect(store.getState().log).toEqual([]);
  });
});

describe('show me', () => {
  it('plays the reference solution through the clock from the level start and reaches every goal', () => {
    const store = started();
    store.getState().dispatch(PLAN.call);
    store.getState().advance(50);
    store.getState().setPaused(true);
    expect(store.getState().showMe()).toBe(true);
    let s = store.getState();
    expect(s.clock.paused).toBe(false);
    // Restarted, then the first call played at once; the second waits for 3 seconds of the clock.
    expect(s.log.slice(3).map((l) => [l.t, l.call.action])).toEqual([[60, 'ecs:RegisterTaskDefinition']]);
    expect(s.level?.demo).toEqual({ step: 2, waitUntil: 63 });
    store.getState().advance(2);
    expect(store.getState().log).toHaveLength(4);
    store.getState().advance(1);
    expect(
      store
        .getState()
        .log.slice(4)
        .map((l) => [l.t, l.call.action]),
    ).toEqual([[63, 'ecs:CreateService']]);
    // The clock plays the rest, in whatever steps the frames give.
    for (let i = 0; i < 20 && store.getState().level?.demo; i++) store.getState().advance(4);
    s = store.getState();
    expect(s.level?.demo).toBeNull();
    expect(s.level?.done).toBe(true);
    expect(s.level?.progress.every((p) => p.done)).toBe(true);
    // Watched, not played: no stars recorded.
    expect(s.level?.assisted).toBe(true);
    expect(s.progress.levels['fixture-mill']).toBeUndefined();
  });

  it('can be stopped, and the player taking over stops it too', () => {
    const store = started();
    store.getState().showMe();
    store.getState().stopShowMe();
    store.getState().advance(10);
    expect(store.getState().log.map((l) => l.call.action)).not.toContain('ecs:CreateService');

    store.getState().showMe();
    store.getState().dispatch({ action: 'ecs:RegisterTaskDefinition', input: PLAN.call.input });
    expect(store.getState().level?.demo).toBeNull();
    store.getState().advance(10);
    expect(store.getState().log.map((l) => l.call.action)).not.toContain('ecs:CreateService');
  });

  it('a reset after watching earns stars again when the player plays it', () => {
    const store = started();
    store.getState().showMe();
    advanceUntilDone(store);
    store.getState().reset();
    expect(store.getState().level?.assisted).toBe(false);
    playSolution(store);
    expect(store.getState().progress.levels['fixture-mill']?.stars).toBe(3);
  });

  it('a level without a solution has nothing to show', () => {
    const store = started(fixtureLevel({ solution: [] }));
    expect(store.getState().showMe()).toBe(false);
  });

  it('nextDemoAction: a wait until the clock reaches the advance, then the next call, then the end', () => {
    const steps = fixtureLevel().solution;
    let demo = { step: 0, waitUntil: 10 };
    expect(nextDemoAction(steps, demo, 9).action.kind).toBe('wait');
    let r = nextDemoAction(steps, demo, 10);
    expect(r.action.kind).toBe('call');
    demo = r.demo;
    r = nextDemoAction(steps, demo, 10);
    expect(r).toEqual({ action: { kind: 'wait' }, demo: { step: 2, waitUntil: 13 } });
    expect(nextDemoAction(steps, { step: 4, waitUntil: 0 }, 100).action.kind).toBe('end');
  });
});

describe('scripted events', () => {
  const stormy = () =>
    fixtureLevel({
      script: [
        {
          after: 'start',
          delaySeconds: 5,
          call: { action: 'sim:FailAvailabilityZone', input: { availabilityZone: 'za-southwest-1b' } },
        },
      ],
    });

  it('fire once, at their second, logged like a call, whatever the frame steps', () => {
    const store = started(stormy());
    store.getState().advance(4);
    expect(store.getState().sim.impairedZones['za-southwest-1b']).toBeUndefined();
    store.getState().advance(10);
    const s = store.getState();
    expect(s.sim.impairedZones['za-southwest-1b']).toBeDefined();
    expect(s.log.slice(3).map((l) => [l.t, l.call.action])).toEqual([[65, 'sim:FailAvailabilityZone']]);
    expect(s.level?.fired).toEqual([0]);
    expect(s.level?.tracker.zoneFailedAt).not.toBeNull();
    store.getState().advance(30);
    expect(store.getState().log).toHaveLength(4);
  });

  it('a load rebuilds the session without playing them twice; a reset plays them again', () => {
    const a = started(stormy());
    a.getState().advance(20);
    const b = started(stormy());
    expect(b.getState().load(JSON.parse(JSON.stringify(a.getState().save())))).toEqual({ ok: true });
    expect(b.getState().level?.fired).toEqual([0]);
    expect(b.getState().level?.tracker).toEqual(a.getState().level?.tracker);
    b.getState().advance(10);
    expect(b.getState().log).toHaveLength(4);
    b.getState().reset();
    expect(b.getState().level?.fired).toEqual([]);
    b.getState().advance(6);
    expect(b.getState().log.map((l) => l.call.action)).toContain('sim:FailAvailabilityZone');
  });

  it('do not stop "show me"', () => {
    const store = started(stormy());
    store.getState().showMe();
    for (let i = 0; i < 40 && store.getState().level?.demo; i++) store.getState().advance(2);
    expect(store.getState().log.map((l) => l.call.action)).toEqual(
      expect.arrayContaining(['sim:FailAvailabilityZone', 'ecs:CreateService']),
    );
  });
});

describe('show me in the store reaches every goal of every campaign level', () => {
  it.each(LEVELS.map((l) => [l.id, l] as const))('%s', (_id, level) => {
    const store = createGameStore();
    store.getState().startLevel(level);
    expect(store.getState().showMe()).toBe(true);
    // Frames of 3 seconds, as the clock at 4x gives them.
    for (let i = 0; i < 2000 && store.getState().level?.demo; i++) store.getState().advance(3);
    const s = store.getState();
    expect(s.level?.demo).toBeNull();
    expect(s.level?.progress.filter((p) => !p.done)).toEqual([]);
    expect(s.level?.done).toBe(true);
  });
});
