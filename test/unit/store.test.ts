import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../src/model/sim/base64.ts';
import { createGameStore, type GameStore } from '../../src/store/create-game-store.ts';

const AMI = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';

function build(store: GameStore) {
  const s = store.getState();
  s.dispatch({ action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } });
  const ami = (s.dispatch({ action: 'ssm:GetParameter', input: { Name: AMI } }) as any).output.Parameter
    .Value;
  for (const z of ['a', 'b']) {
    store.getState().dispatch({
      action: 'ec2:RunInstances',
      input: {
        ImageId: ami,
        InstanceType: 't3.medium',
        MinCount: 1,
        MaxCount: 1,
        Placement: { AvailabilityZone: `za-southwest-1${z}` },
        UserData: encodeBase64('ECS_CLUSTER=Royaume'),
      },
    });
    store.getState().advance(7);
  }
  store.getState().advance(30);
  store.getState().dispatch({
    action: 'ecs:RegisterTaskDefinition',
    input: { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256 }] },
  });
  store.getState().dispatch({
    action: 'ecs:CreateService',
    input: { cluster: 'Royaume', serviceName: 'mill', taskDefinition: 'web', desiredCount: 3 },
  });
  store.getState().advance(45);
}

describe('the game store', () => {
  it('logs only calls that changed the world; the API record keeps every call', () => {
    const store = createGameStore({ seed: 7 });
    build(store);
    const st = store.getState();
    expect(st.log.map((l) => l.call.action)).toEqual([
      'ecs:CreateCluster',
      'ec2:RunInstances',
      'ec2:RunInstances',
      'ecs:RegisterTaskDefinition',
      'ecs:CreateService',
    ]);
    expect(st.api.map((a) => a.call.action)).toContain('ssm:GetParameter');
    expect(st.log.map((l) => l.t)).toEqual([0, 0, 7, 44, 44]);
  });

  it('a save (seed + calls) replays to the identical world', () => {
    const a = createGameStore({ seed: 7 });
    build(a);
    const saved = JSON.parse(JSON.stringify(a.getState().save()));
    const b = createGameStore({ seed: 7 });
    expect(b.getState().load(saved)).toEqual({ ok: true });
    expect(JSON.stringify(b.getState().sim)).toBe(JSON.stringify(a.getState().sim));
  });

  it('a malformed or foreign save is refused with a message and changes nothing', () => {
    const store = createGameStore({ seed: 7 });
    build(store);
    const before = store.getState().sim;
    const good = store.getState().save();
    const cases: unknown[] = [
      null,
      'garbage',
      { ...good, format: 'other' },
      { ...good, version: 99 },
      { ...good, calls: [{ t: 'x', call: {} }] },
      { ...good, calls: [...good.calls].reverse() },
      { ...good, seed: 8 },
    ];
    for (const c of cases) {
      const r = store.getState().load(c);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
      expect(store.getState().sim).toBe(before);
    }
  });

  it('undo returns to the world before the last call, and redo brings it back', () => {
    const store = createGameStore({ seed: 3 });
    build(store);
    const beforeScale = store.getState().sim;
    store.getState().dispatch({
      action: 'ecs:UpdateService',
      input: { cluster: 'Royaume', service: 'mill', desiredCount: 1 },
    });
    expect(store.getState().undo()).toBe(true);
    expect(store.getState().sim).toBe(beforeScale);
    expect(store.getState().redo()).toBe(true);
    expect(store.getState().sim.services.get(store.getState().sim.services.keys()[0]!)!.desiredCount).toBe(1);
    expect(store.getState().redo()).toBe(false);
  });

  it('two stores share nothing', () => {
    const a = createGameStore({ seed: 1 });
    const b = createGameStore({ seed: 1 });
    a.getState().dispatch({ action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } });
    expect(Object.keys(a.getState().sim.clusters)).toHaveLength(1);
    expect(Object.keys(b.getState().sim.clusters)).toHaveLength(0);
  });

  it('streams sequenced events and notifies selector subscribers', () => {
    const store = createGameStore({ seed: 2 });
    const seen: number[] = [];
    const unsub = store.subscribe(
      (s) => s.events.seq,
      (seq) => seen.push(seq),
    );
    build(store);
    unsub();
    expect(seen.length).toBeGreaterThan(3);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    const recent = store.getState().events.recent;
    for (let i = 1; i < recent.length; i++) expect(recent[i]!.seq).toBe(recent[i - 1]!.seq + 1);
  });

  it('speed and pause live in the clock', () => {
    const store = createGameStore();
    store.getState().setSpeed(16);
    store.getState().setPaused(true);
    expect(store.getState().clock).toEqual({ speed: 16, paused: true });
  });
});

describe('view state and unlogged reads', () => {
  it('query answers read calls without logging them, and refuses writes', () => {
    const store = createGameStore({ seed: 4 });
    const r = store.getState().query({ action: 'ec2:DescribeAvailabilityZones' }) as {
      output: { AvailabilityZones: unknown[] };
    };
    expect(r.output.AvailabilityZones).toHaveLength(3);
    expect(store.getState().api).toEqual([]);
    const before = store.getState().sim;
    const w = store.getState().query({ action: 'ecs:CreateCluster', input: { clusterName: 'x' } });
    expect('error' in w && w.error.name).toBe('ValidationException');
    expect(store.getState().sim).toBe(before);
  });

  it('place, selection and name mode are shared view state, outside the world', () => {
    const store = createGameStore({ seed: 4 });
    const sim = store.getState().sim;
    store.getState().goTo({ scene: 'kingdom', zone: 'za-southwest-1b' });
    store.getState().select({ kind: 'zone', id: 'za-southwest-1b' });
    store.getState().setNames('aws');
    expect(store.getState().ui).toMatchObject({
      place: { scene: 'kingdom', zone: 'za-southwest-1b' },
      selection: { kind: 'zone', id: 'za-southwest-1b' },
      names: 'aws',
    });
    expect(store.getState().sim).toBe(sim);
    expect(store.getState().save().calls).toEqual([]);
  });
});

describe('the event stream', () => {
  it('keeps growing across undo: views never see a sequence number twice', () => {
    const store = createGameStore({ seed: 5 });
    build(store);
    const before = store.getState().events.seq;
    store.getState().dispatch({
      action: 'ecs:UpdateService',
      input: { cluster: 'Royaume', service: 'mill', desiredCount: 1 },
    });
    store.getState().advance(10);
    const afterScale = store.getState().events.seq;
    expect(afterScale).toBeGreaterThan(before);
    store.getState().undo();
    store.getState().advance(10);
    store
      .getState()
      .dispatch({ action: 'sim:FailAvailabilityZone', input: { availabilityZone: 'za-southwest-1a' } });
    expect(store.getState().events.seq).toBeGreaterThan(afterScale);
    const seqs = store.getState().events.recent.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(store.getState().ui.place).toEqual({ scene: 'planet' });
  });
});
