import { describe, expect, it } from 'vitest';
import { type Candidate, type PlacementRequest, placeTasks } from '../../src/model/ecs/placement.ts';

function cand(id: string, az: string, cpu = 2048, memory = 4000, extra: Partial<Candidate> = {}): Candidate {
  return {
    containerInstanceArn: `arn:ci/${id}`,
    ec2InstanceId: `i-${id}`,
    availabilityZone: az,
    status: 'ACTIVE',
    agentConnected: true,
    agentVersion: '1.101.0',
    registeredAt: 0,
    attributes: { 'ecs.availability-zone': az, 'ecs.instance-type': 't3.medium' },
    remainingCpu: cpu,
    remainingMemory: memory,
    usedPorts: [],
    usedPortsUdp: [],
    usedEnis: 0,
    maxEnis: 3,
    runningTasksCount: 0,
    groups: {},
    ...extra,
  };
}

function req(extra: Partial<PlacementRequest> = {}): PlacementRequest {
  return {
    group: 'service:mill',
    cpu: 256,
    memory: 512,
    hostPorts: [],
    hostPortsUdp: [],
    usesEni: false,
    strategies: [],
    constraints: [],
    ...extra,
  };
}

const seq = (...xs: number[]) => {
  let i = 0;
  return () => xs[i++ % xs.length] as number;
};

describe('filters, in order: resources, then constraints', () => {
  it.each([
    ['CPU', cand('x', 'a', 100), 'CPU'],
    ['memory', cand('x', 'a', 2048, 100), 'MEMORY'],
    ['a port held by another task', cand('x', 'a', 2048, 4000, { usedPorts: [80] }), 'PORTS'],
    ['a disconnected agent', cand('x', 'a', 2048, 4000, { agentConnected: false }), 'AGENT'],
    ['a DRAINING instance', cand('x', 'a', 2048, 4000, { status: 'DRAINING' }), 'INACTIVE'],
    ['distinctInstance', cand('x', 'a', 2048, 4000, { groups: { 'service:mill': 1 } }), 'distinctInstance'],
    ['memberOf', cand('x', 'a'), 'memberOf'],
  ])('rejects an instance for %s', (_label, c, reason) => {
    const r = req({
      hostPorts: [80],
      constraints: [
        { type: 'distinctInstance' },
        ...(reason === 'memberOf'
          ? [{ type: 'memberOf' as const, expression: 'attribute:ecs.instance-type == r5.*' }]
          : []),
      ],
    });
    const out = placeTasks([c], r, 1, seq(0), { trace: true });
    expect(out.placed).toEqual([]);
    expect(out.failure?.closest?.reason).toBe(reason);
    // Each rejection carries the facts the filter saw: what was left, and what got in the way.
    expect(out.failure?.rejected).toEqual([
      {
        containerInstanceArn: c.containerInstanceArn,
        reason,
        remainingCpu: c.remainingCpu,
        remainingMemory: c.remainingMemory,
        ...(reason === 'PORTS' ? { takenPorts: [80] } : {}),
        ...(reason === 'memberOf' ? { failedExpressions: ['attribute:ecs.instance-type == r5.*'] } : {}),
      },
    ]);
    expect(out.failure?.needs).toEqual({ cpu: r.cpu, memory: r.memory, hostPorts: [80] });
  });

  it('reports the closest match: the instance that got furthest through the filters', () => {
    const out = placeTasks([cand('cpu', 'a', 10), cand('mem', 'b', 2048, 10)], req(), 1, seq(0));
    expect(out.failure?.closest).toMatchObject({ containerInstanceArn: 'arn:ci/mem', reason: 'MEMORY' });
  });

  it('an ENI-hungry awsvpc task needs a free ENI beside the primary one', () => {
    const out = placeTasks(
      [cand('x', 'a', 2048, 4000, { usedEnis: 2, maxEnis: 3 })],
      req({ usesEni: true }),
      1,
      seq(0),
    );
    expect(out.failure?.closest?.reason).toBe('ENI');
  });
});

describe('strategies', () => {
  it('binpack on memory picks the instance with the least memory that still fits', () => {
    const cs = [cand('big', 'a', 2048, 4000), cand('small', 'a', 2048, 600), cand('tiny', 'a', 2048, 400)];
    const out = placeTasks(cs, req({ strategies: [{ type: 'binpack', field: 'memory' }] }), 1, seq(0));
    expect(out.placed).toEqual([1]);
  });

  it('binpack keeps filling the same instance while it fits', () => {
    const cs = [cand('one', 'a', 2048, 2000), cand('two', 'b', 2048, 2000)];
    const out = placeTasks(cs, req({ strategies: [{ type: 'binpack', field: 'memory' }] }), 3, seq(0));
    expect(new Set(out.placed.slice(0, 3)).size).toBeLessThanOrEqual(2);
    expect(out.placed[0]).toBe(out.placed[1]);
    expect(out.placed[1]).toBe(out.placed[2]);
  });

  it('spread on zone balances 2/2/2 across three zones', () => {
    const cs = ['a', 'a', 'b', 'b', 'c', 'c'].map((z, i) => cand(String(i), z));
    const out = placeTasks(
      cs,
      req({ strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] }),
      6,
      seq(0.9, 0.1, 0.5),
    );
    const zones = out.placed.map((i) => cs[i]!.availabilityZone);
    expect(['a', 'b', 'c'].map((z) => zones.filter((x) => x === z).length)).toEqual([2, 2, 2]);
  });

  it('spread counts the tasks already there, per group', () => {
    const cs = [
      cand('1', 'a', 2048, 4000, { groups: { 'service:mill': 2, 'service:other': 5 } }),
      cand('2', 'b', 2048, 4000, { groups: { 'service:other': 9 } }),
    ];
    const out = placeTasks(
      cs,
      req({ strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] }),
      2,
      seq(0),
    );
    expect(out.placed).toEqual([1, 1]);
  });

  it('chains: spread on zone first, then binpack on memory within the zone', () => {
    const cs = [
      cand('a-roomy', 'a', 2048, 3000),
      cand('a-tight', 'a', 2048, 900),
      cand('b-roomy', 'b', 2048, 3000),
      cand('b-tight', 'b', 2048, 700),
    ];
    const out = placeTasks(
      cs,
      req({
        strategies: [
          { type: 'spread', field: 'attribute:ecs.availability-zone' },
          { type: 'binpack', field: 'memory' },
        ],
      }),
      2,
      seq(0),
    );
    expect(out.placed.map((i) => cs[i]!.ec2InstanceId).sort()).toEqual(['i-a-tight', 'i-b-tight']);
  });

  it('spread on instanceId puts one task per instance before doubling up', () => {
    const cs = [cand('1', 'a'), cand('2', 'a'), cand('3', 'b')];
    const out = placeTasks(
      cs,
      req({ strategies: [{ type: 'spread', field: 'instanceId' }] }),
      3,
      seq(0.7, 0.2),
    );
    expect(new Set(out.placed).size).toBe(3);
  });

  it('random uses the seeded draw among the remaining ties', () => {
    const cs = [cand('1', 'a'), cand('2', 'b'), cand('3', 'c')];
    expect(placeTasks(cs, req({ strategies: [{ type: 'random' }] }), 1, seq(0)).placed).toEqual([0]);
    expect(placeTasks(cs, req({ strategies: [{ type: 'random' }] }), 1, seq(0.99)).placed).toEqual([2]);
  });

  it('distinctInstance places at most one task of the group per instance', () => {
    const cs = [cand('1', 'a'), cand('2', 'b')];
    const out = placeTasks(cs, req({ constraints: [{ type: 'distinctInstance' }] }), 3, seq(0));
    expect(out.placed.sort()).toEqual([0, 1]);
    expect(out.failure?.closest?.reason).toBe('distinctInstance');
  });

  it('memberOf narrows to matching instances', () => {
    const cs = [
      cand('1', 'a'),
      cand('2', 'b', 2048, 4000, {
        attributes: { 'ecs.availability-zone': 'b', 'ecs.instance-type': 'r5.large', granary: 'yes' },
      }),
    ];
    const out = placeTasks(
      cs,
      req({ constraints: [{ type: 'memberOf', expression: 'attribute:granary exists' }] }),
      2,
      seq(0),
    );
    expect(out.placed).toEqual([1, 1]);
  });

  it('does not touch the candidates it was given', () => {
    const cs = [cand('1', 'a')];
    placeTasks(cs, req(), 2, seq(0));
    expect(cs[0]!.remainingMemory).toBe(4000);
    expect(cs[0]!.groups).toEqual({});
  });
});

describe('the trace explains every candidate', () => {
  it('names the filter that rejected each loser and the scores of the others', () => {
    const cs = [
      cand('full', 'a', 2048, 100),
      cand('a1', 'a', 2048, 3000),
      cand('b1', 'b', 2048, 3000, { groups: { 'service:mill': 1 } }),
    ];
    const out = placeTasks(
      cs,
      req({ strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] }),
      1,
      seq(0),
      { trace: true },
    );
    const t = out.traces[0]!;
    expect(t.chosen).toBe('arn:ci/a1');
    expect(
      t.candidates.map((c) => [c.ec2InstanceId, c.rejectedBy ?? null, c.scores ?? null, c.chosen ?? false]),
    ).toEqual([
      ['i-full', 'MEMORY', null, false],
      ['i-a1', null, [0], true],
      ['i-b1', null, [1], false],
    ]);
    expect(t.candidates[2]!.lostAt).toBe(0);
    expect(t.spreadCounts[0]).toEqual({ a: 0, b: 1 });
  });
});
