/**
 * The session core (src/session) on its own, in Node, without zustand or the page: a session is plain
 * JSON, reads are answered and never logged (by the model's ACTIONS table, not by the name's prefix),
 * undo without kept checkpoints rebuilds the same world, and "show me" and the player's calls share
 * one definition of "level done".
 */
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/levels/index.ts';
import { ACTIONS, actionAccess, supportedActions } from '../../src/model/index.ts';
import {
  advance,
  createSession,
  dispatch,
  load,
  query,
  redo,
  runLevel,
  type Session,
  save,
  startLevel,
  undo,
} from '../../src/session/index.ts';
import { createGameStore } from '../../src/store/create-game-store.ts';
import { fixtureLevel } from '../support/fixture-level.ts';

const APP = {
  action: 'codedeploy:CreateApplication',
  input: { applicationName: 'mill', computePlatform: 'ECS' },
};
const BATCH_GET = { action: 'codedeploy:BatchGetApplications', input: { applicationNames: ['mill'] } };

function must<T>(v: T | null | undefined): T {
  if (v === null || v === undefined) throw new Error('expected a value');
  return v;
}

describe('the actions table', () => {
  it('has one row per action the model answers, no more and no less', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(supportedActions());
  });

  it('says read or write as data: BatchGet* are reads, Invoke and sim: actions are writes', () => {
    expect(actionAccess('codedeploy:BatchGetDeployments')).toBe('read');
    expect(actionAccess('codedeploy:BatchGetDeploymentGroups')).toBe('read');
    expect(actionAccess('ecs:DescribeServices')).toBe('read');
    expect(actionAccess('lambda:Invoke')).toBe('write');
    expect(actionAccess('sim:FailAvailabilityZone')).toBe('write');
    expect(actionAccess('ecs:LaunchRocket')).toBeNull();
  });

  it('every read leaves the world untouched, in a world where each level has been played', () => {
    for (const level of LEVELS) {
      const played = runLevel(level).session;
      for (const [action, spec] of Object.entries(ACTIONS)) {
        if (spec.access !== 'read') continue;
        const s = dispatch(played, { action, input: {} });
        expect(s.session.sim, `${level.id} ${action}`).toBe(played.sim);
        expect(s.events, action).toEqual([]);
      }
    }
  });
});

describe('typed calls', () => {
  const OFFERINGS = {
    action: 'ec2:DescribeInstanceTypeOfferings',
    input: { LocationType: 'availability-zone', Filters: [{ Name: 'instance-type', Values: ['m5.large'] }] },
  } as const;

  it('DescribeInstanceTypeOfferings is a read: answered by query, never logged, never undone', () => {
    expect(actionAccess(OFFERINGS.action)).toBe('read');
    const s = dispatch(createSession().session, APP).session;
    const r = query(s, OFFERINGS);
    if ('error' in r) throw new Error(r.error.message);
    // The output is typed by the action: no cast between the answer and its fields.
    const zones: (string | undefined)[] = (r.output.InstanceTypeOfferings ?? []).map((o) => o.Location);
    expect(zones.length).toBeGreaterThan(0);
    const read = dispatch(s, OFFERINGS);
    expect(read.session).toBe(s);
    expect(read.session.log).toEqual(s.log);
    expect(must(undo(read.session)).log).toHaveLength(s.log.length - 1);
  });

  it('every BatchGet is a read that query answers', () => {
    const batchGets = Object.keys(ACTIONS).filter((a) => a.startsWith('codedeploy:BatchGet'));
    expect(batchGets).toHaveLength(4);
    for (const action of batchGets) {
      expect(actionAccess(action), action).toBe('read');
      const r = query(createSession().session, { action, input: {} });
      expect(JSON.stringify(r), action).not.toContain('changes the world');
    }
  });

  it('a write is refused by query and changes nothing', () => {
    const s = createSession().session;
    expect(query(s, APP)).toEqual({
      error: {
        name: 'ValidationException',
        message: 'codedeploy:CreateApplication changes the world: dispatch it instead.',
      },
    });
  });
});

describe('a session', () => {
  it('is plain JSON: it survives JSON.parse(JSON.stringify()) unchanged, mid-level', () => {
    const played = runLevel(fixtureLevel(), fixtureLevel().solution.slice(0, 2)).session;
    expect(JSON.parse(JSON.stringify(played))).toEqual(played);
  });

  it('answers a read without logging it; a BatchGet is a read, not an undoable write', () => {
    let s = dispatch(createSession().session, APP).session;
    const logged = s.log.length;
    const read = dispatch(s, BATCH_GET);
    expect(read.session).toBe(s);
    expect(read.calls[0]?.response).toMatchObject({
      output: { applicationsInfo: [{ applicationName: 'mill' }] },
    });
    expect(query(s, BATCH_GET)).toEqual(read.calls[0]?.response);
    expect(query(s, APP)).toMatchObject({ error: { name: 'ValidationException' } });
    s = read.session;
    expect(s.log).toHaveLength(logged);
    // The one undoable call is the CreateApplication.
    const back = must(undo(s));
    expect(back.log).toHaveLength(logged - 1);
    expect(undo(back)).toBeNull();
  });

  it('undo without kept checkpoints (a session read back from JSON) rebuilds the same world and level', () => {
    const level = fixtureLevel();
    let s: Session = startLevel(level).session;
    s = dispatch(s, level.solution[0] && 'call' in level.solution[0] ? level.solution[0].call : APP).session;
    s = advance(s, 5).session;
    s = dispatch(s, APP).session;
    s = advance(s, 7).session;
    const kept = must(undo(s));
    const rebuilt = must(undo({ ...(JSON.parse(JSON.stringify(s)) as Session), past: [] }));
    expect(rebuilt.sim).toEqual(kept.sim);
    expect(rebuilt.level?.progress).toEqual(kept.level?.progress);
    expect(rebuilt.redo).toEqual(kept.redo);
    const again = must(redo(rebuilt));
    expect(again.session.log).toEqual(s.log);
  });

  it('saves as seed + calls and loads back to the same world; a foreign save changes nothing', () => {
    const level = fixtureLevel();
    const run = runLevel(level).session;
    const saved = save(run);
    const loaded = load(startLevel(level).session, JSON.parse(JSON.stringify(saved)));
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.session.sim).toEqual(run.sim);
    expect(loaded.session.level?.done).toBe(run.level?.done);
    const other = load(createSession({ seed: 99 }).session, saved);
    expect(other).toEqual({
      ok: false,
      message: 'This saved world belongs to another scenario (seed or region differ).',
    });
  });
});

describe('the store over the session', () => {
  it('logs no read: a BatchGet is answered, listed for Rosetta, and leaves nothing to undo', () => {
    const store = createGameStore();
    store.getState().dispatch(APP);
    const log = store.getState().log;
    const r = store.getState().dispatch(BATCH_GET);
    expect(r).toMatchObject({ output: { applicationsInfo: [{ applicationName: 'mill' }] } });
    expect(store.getState().log).toBe(log);
    expect(store.getState().api.map((a) => a.call.action)).toEqual([APP.action, BATCH_GET.action]);
    expect(store.getState().query(BATCH_GET)).toEqual(r);
    expect(store.getState().undo()).toBe(true);
    expect(store.getState().undo()).toBe(false);
  });

  it('gives the level the verdict the session runner gives', () => {
    const level = fixtureLevel();
    const store = createGameStore();
    store.getState().startLevel(level);
    for (const step of level.solution) {
      if ('call' in step) store.getState().dispatch(step.call);
      else store.getState().advance(step.advance);
    }
    const run = runLevel(level).session;
    expect(store.getState().level?.done).toBe(true);
    expect(store.getState().level?.progress).toEqual(run.level?.progress);
    expect(store.getState().sim).toEqual(run.sim);
  });
});
