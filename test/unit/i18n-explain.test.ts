import { describe, expect, it } from 'vitest';
import { explainPlacement, explainPlacementFailure, strategyLabel } from '../../src/i18n/explain.ts';
import { shortInstanceId, territoryName } from '../../src/i18n/names.ts';
import type { PlacementTrace } from '../../src/model/ecs/placement.ts';
import type { ContainerInstance } from '../../src/model/sim/types.ts';
import { kingdom, REGION, type World } from '../support/world.ts';

/** Container instances by territory name ("1b-1"). */
function castles(w: World): Record<string, ContainerInstance> {
  return Object.fromEntries(
    w.containerInstances().map((ci) => [territoryName(w.state, ci.ec2InstanceId), ci]),
  );
}

/** Runs a call and returns the traces of the tasks it placed, in order. */
function traces(w: World, action: string, input: Record<string, unknown>): PlacementTrace[] {
  const from = w.events.length;
  w.ok(action, { cluster: 'Royaume', ...input });
  return w.events
    .slice(from)
    .filter((e) => e.type === 'task/placed')
    .map((e) => e.data.trace as PlacementTrace);
}

function chosenName(w: World, trace: PlacementTrace): string {
  const c = trace.candidates.find((x) => x.chosen);
  if (!c) throw new Error('no chosen candidate');
  return territoryName(w.state, c.ec2InstanceId);
}

const ZONE_SPREAD = { type: 'spread', field: 'attribute:ecs.availability-zone' };
const MEMORY_BINPACK = { type: 'binpack', field: 'memory' };

/** Three t3.medium (2048 CPU, 3992 MiB): 1b-1 holds a 3500 MiB task, 1a-1's agent is disconnected. */
function crowded() {
  const w = kingdom(['a', 'b', 'c'], 't3.medium', 3);
  const c = castles(w);
  const hog = w.registerWeb('hog', 3500, 128);
  w.ok('ecs:StartTask', {
    cluster: 'Royaume',
    taskDefinition: hog,
    containerInstances: [c['1b-1']!.containerInstanceArn],
  });
  w.ok('sim:DisconnectAgent', { instanceId: c['1a-1']!.ec2InstanceId });
  w.tick(10);
  return { w, c };
}

describe('explainPlacement: the why card of one placement', () => {
  it('names the rejected territories with their reasons and numbers, and why the winner won', () => {
    const { w, c } = crowded();
    const [trace] = traces(w, 'ecs:RunTask', {
      taskDefinition: w.registerWeb('bakery', 1024, 256),
      placementStrategy: [ZONE_SPREAD, MEMORY_BINPACK],
    });
    expect(chosenName(w, trace!)).toBe('1c-1');
    const card = explainPlacement(trace!, w.state, 'nozama');
    expect(card.headline).toBe('The steward chose territory 1c-1 for plan bakery');
    expect(card.reasons).toEqual([
      "1a-1 rejected: its castle's lord is silent (agent disconnected)",
      '1b-1 rejected: not enough memory (492 MiB left, 1024 needed)',
      'Chose 1c-1: the portals were level, 0 each (spread on zone), then the fullest granary that still fits (binpack on memory: 2968 MiB left)',
    ]);

    const aws = explainPlacement(trace!, w.state, 'aws');
    const id = (name: string) => shortInstanceId(c[name]!.ec2InstanceId);
    expect(aws.headline).toBe(`Task of bakery placed on instance ${id('1c-1')} (1c-1)`);
    expect(aws.reasons).toEqual([
      `Instance ${id('1a-1')} (1a-1) rejected: AGENT — the container agent is disconnected`,
      `Instance ${id('1b-1')} (1b-1) rejected: RESOURCE:MEMORY — 492 MiB remaining, 1024 required`,
      `Chosen: ${id('1c-1')} (1c-1): spread(attribute:ecs.availability-zone): every zone had 0 of group family:bakery (1a:0 1b:0 1c:0); then binpack(memory): least remaining memory that fits (3992 MiB, 2968 after)`,
    ]);

    const both = explainPlacement(trace!, w.state, 'both');
    expect(both.headline).toBe(`The steward chose territory 1c-1 (${id('1c-1')}) for plan bakery`);
    expect(both.reasons[1]).toBe(
      `1b-1 (${id('1b-1')}) rejected: not enough memory (492 MiB left, 1024 needed) [RESOURCE:MEMORY]`,
    );
  });

  it('a service keeps the portals balanced: the spread counts per zone are told', () => {
    const w = kingdom(['a', 'b', 'c'], 't3.medium', 5);
    const td = w.registerWeb('mill', 512, 128);
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: td,
      desiredCount: 2,
    });
    w.tick(60);
    const [trace] = traces(w, 'ecs:UpdateService', { service: 'mill', desiredCount: 3 });
    expect(trace).toBeUndefined(); // the scheduler places on its next tick, not in the call
    const from = w.events.length;
    w.tick(1);
    const placed = w.events.slice(from).find((e) => e.type === 'task/placed')!;
    const t = placed.data.trace as PlacementTrace;
    const empty = ['a', 'b', 'c'].find((z) => (t.spreadCounts[0]![`${REGION}${z}`] ?? 0) === 0)!;
    expect(chosenName(w, t)).toBe(`1${empty}-1`);

    const card = explainPlacement(t, w.state, 'nozama');
    expect(card.headline).toBe(`The steward chose territory 1${empty}-1 for decree mill`);
    expect(card.reasons).toContain(
      `Chose 1${empty}-1: keeps the portals balanced 1/1/1 (spread on zone), then it held the fewest of this group: 0 (spread on territory)`,
    );
    // The two others fell out at the zone spread: their portals already had one.
    const others = ['a', 'b', 'c'].filter((z) => z !== empty).map((z) => `1${z}-1`);
    expect(card.reasons).toContain(
      `${others.join(' and ')} passed over: their portals already had more (spread on zone)`,
    );
    const counts = ['a', 'b', 'c'].map((z) => `1${z}:${z === empty ? 0 : 1}`).join(' ');
    const aws = explainPlacement(t, w.state, 'aws');
    expect(aws.headline).toContain('Task for service mill placed on instance');
    expect(aws.reasons.join('\n')).toContain(
      `spread(attribute:ecs.availability-zone): ${REGION}${empty} had 0 of group service:mill, the fewest (${counts})`,
    );
    expect(aws.reasons.join('\n')).toContain('Lost at spread(attribute:ecs.availability-zone):');
  });

  it('tells when the seeded tie-break drew lots among tied territories', () => {
    const w = kingdom(['a', 'b', 'c', 'a', 'b', 'c'], 't3.medium', 2);
    const td = w.registerWeb('mill', 256, 128);
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: td,
      desiredCount: 1,
    });
    const from = w.events.length;
    w.tick(1);
    const t = w.events.slice(from).find((e) => e.type === 'task/placed')!.data.trace as PlacementTrace;
    expect(t.tiedAtEnd).toBe(6);
    const card = explainPlacement(t, w.state, 'nozama');
    expect(card.reasons.at(-1)).toBe('6 territories were still tied; the steward drew lots (seeded)');
    expect(card.reasons).toContain(
      `Chose ${chosenName(w, t)}: the portals were level, 0 each (spread on zone), then every territory held 0 of this group (spread on territory)`,
    );
    expect(explainPlacement(t, w.state, 'aws').reasons.at(-1)).toBe(
      '6 candidates still tied: chosen by the seeded tie-break',
    );
  });

  it('RunTask without a strategy draws lots (random)', () => {
    const w = kingdom(['a', 'b', 'c'], 't3.medium', 4);
    const [t] = traces(w, 'ecs:RunTask', { taskDefinition: w.registerWeb() });
    const card = explainPlacement(t!, w.state, 'nozama');
    expect(card.headline).toBe(`The steward chose territory ${chosenName(w, t!)} for plan web`);
    expect(card.reasons).toEqual(['3 territories were still tied; the steward drew lots (random)']);
    expect(explainPlacement(t!, w.state, 'aws').reasons).toEqual([
      'Chosen at random among 3 candidates (random)',
    ]);
  });

  it('binpack on memory: the fullest that fits wins, the emptier ones are passed over', () => {
    const w = kingdom(['a', 'b', 'c'], 't3.medium', 6);
    const c = castles(w);
    w.ok('ecs:StartTask', {
      cluster: 'Royaume',
      taskDefinition: w.registerWeb('hog', 1000, 128),
      containerInstances: [c['1a-1']!.containerInstanceArn],
    });
    const [t] = traces(w, 'ecs:RunTask', {
      taskDefinition: w.registerWeb('bakery', 512, 128),
      placementStrategy: [MEMORY_BINPACK],
    });
    expect(chosenName(w, t!)).toBe('1a-1');
    const card = explainPlacement(t!, w.state, 'nozama');
    expect(card.reasons).toEqual([
      '1b-1 and 1c-1 passed over: emptier granaries (binpack on memory)',
      'Chose 1a-1: the fullest granary that still fits (binpack on memory: 2480 MiB left)',
    ]);
    expect(explainPlacement(t!, w.state, 'aws').reasons).toEqual([
      `Lost at binpack(memory): ${shortInstanceId(c['1b-1']!.ec2InstanceId)} (1b-1) and ${shortInstanceId(c['1c-1']!.ec2InstanceId)} (1c-1) (more memory remaining)`,
      `Chosen: ${shortInstanceId(c['1a-1']!.ec2InstanceId)} (1a-1): binpack(memory): least remaining memory that fits (2992 MiB, 2480 after)`,
    ]);
  });

  it('binpack on CPU, and a CPU rejection with its numbers', () => {
    const w = kingdom(['a', 'b'], 't3.medium', 6);
    const c = castles(w);
    w.ok('ecs:StartTask', {
      cluster: 'Royaume',
      taskDefinition: w.registerWeb('smith', 128, 1800),
      containerInstances: [c['1a-1']!.containerInstanceArn],
    });
    const [t] = traces(w, 'ecs:RunTask', {
      taskDefinition: w.registerWeb('forge', 128, 512),
      placementStrategy: [{ type: 'binpack', field: 'cpu' }],
    });
    const card = explainPlacement(t!, w.state, 'nozama');
    expect(card.reasons).toEqual([
      '1a-1 rejected: not enough CPU (248 units left, 512 needed)',
      'Chose 1b-1: the busiest workshop that still fits (binpack on CPU: 1536 CPU units left)',
    ]);
    expect(explainPlacement(t!, w.state, 'aws').reasons[0]).toBe(
      `Instance ${shortInstanceId(c['1a-1']!.ec2InstanceId)} (1a-1) rejected: RESOURCE:CPU — 248 CPU units remaining, 512 required`,
    );
  });

  it('spread on instanceId and on a custom attribute, with the counts per value', () => {
    const w = kingdom(['a', 'b', 'c'], 't3.medium', 8);
    const c = castles(w);
    const put = (name: string, value: string) =>
      w.ok('ecs:PutAttributes', {
        cluster: 'Royaume',
        attributes: [
          { name: 'stack', value, targetType: 'container-instance', targetId: c[name]!.containerInstanceArn },
        ],
      });
    put('1a-1', 'blue');
    put('1b-1', 'blue');
    put('1c-1', 'green');
    const td = w.registerWeb('bakery', 256, 128);
    const [t1, t2] = traces(w, 'ecs:RunTask', {
      taskDefinition: td,
      count: 2,
      placementStrategy: [{ type: 'spread', field: 'attribute:stack' }],
    });
    // First: both values level at 0; second: the other value had the fewest.
    const first = explainPlacement(t1!, w.state, 'nozama');
    expect(first.reasons.join('\n')).toContain('every stack was level, 0 each (spread on stack)');
    const second = explainPlacement(t2!, w.state, 'nozama');
    const firstValue = castles(w)[chosenName(w, t1!)]!.attributes.stack;
    const other = firstValue === 'blue' ? 'green' : 'blue';
    expect(second.reasons.join('\n')).toContain('keeps stack balanced 1/1 (spread on stack)');
    expect(explainPlacement(t2!, w.state, 'aws').reasons.join('\n')).toContain(
      `spread(attribute:stack): value ${other} had 0 of group family:bakery, the fewest (blue:${firstValue === 'blue' ? 1 : 0} green:${firstValue === 'green' ? 1 : 0})`,
    );

    const [t3] = traces(w, 'ecs:RunTask', {
      taskDefinition: td,
      placementStrategy: [{ type: 'spread', field: 'instanceId' }],
    });
    const card = explainPlacement(t3!, w.state, 'nozama');
    expect(card.reasons.join('\n')).toContain('it held the fewest of this group: 0 (spread on territory)');
    expect(card.reasons.join('\n')).toContain(
      'passed over: they already held more of this group (spread on territory)',
    );
  });

  it('explains every rejection: draining, ports, ENIs, distinctInstance, memberOf', () => {
    const w = kingdom(['a', 'b', 'c'], 't2.micro', 9);
    const c = castles(w);
    w.ok('ecs:UpdateContainerInstancesState', {
      cluster: 'Royaume',
      containerInstances: [c['1c-1']!.containerInstanceArn],
      status: 'DRAINING',
    });
    const gate = w.registerWeb('gate', 64, 64, { portMappings: [{ containerPort: 80, hostPort: 80 }] });
    w.ok('ecs:StartTask', {
      cluster: 'Royaume',
      taskDefinition: gate,
      containerInstances: [c['1a-1']!.containerInstanceArn],
    });
    w.tick(10);
    const [t] = traces(w, 'ecs:RunTask', { taskDefinition: gate });
    expect(chosenName(w, t!)).toBe('1b-1');
    const card = explainPlacement(t!, w.state, 'nozama');
    expect(card.reasons).toEqual([
      '1a-1 rejected: port 80 is already taken there',
      '1c-1 rejected: its castle is draining',
      'Chose 1b-1: the only territory where it fits',
    ]);
    const aws = explainPlacement(t!, w.state, 'aws').reasons;
    expect(aws[0]).toMatch(/\(1a-1\) rejected: RESOURCE:PORTS — host port 80 already in use$/);
    expect(aws[1]).toMatch(/\(1c-1\) rejected: INACTIVE — container instance is DRAINING$/);
    expect(aws[2]).toMatch(/^Chosen: i-.*\(1b-1\), the only instance that met every requirement$/);

    // distinctInstance: the second task of the batch may not join the first.
    const [d1, d2] = traces(w, 'ecs:RunTask', {
      taskDefinition: w.registerWeb('tower', 64, 64),
      count: 2,
      placementConstraints: [{ type: 'distinctInstance' }],
    });
    const firstHome = chosenName(w, d1!);
    expect(explainPlacement(d2!, w.state, 'nozama').reasons).toContain(
      `${firstHome} rejected: already holds one of this group (one per territory)`,
    );
    expect(explainPlacement(d2!, w.state, 'aws').reasons.join('\n')).toContain(
      `(${firstHome}) rejected: distinctInstance — already runs a task of group family:tower`,
    );

    // memberOf: only portal 1a is allowed.
    const expr = `attribute:ecs.availability-zone == ${REGION}a`;
    const [m] = traces(w, 'ecs:RunTask', {
      taskDefinition: w.registerWeb('keep', 64, 64),
      placementConstraints: [{ type: 'memberOf', expression: expr }],
    });
    const mc = explainPlacement(m!, w.state, 'nozama');
    expect(mc.headline).toBe('The steward chose territory 1a-1 for plan keep');
    expect(mc.reasons).toContain(`1b-1 rejected: fails the rule "${expr}"`);
    expect(explainPlacement(m!, w.state, 'aws').reasons.join('\n')).toContain(
      `(1b-1) rejected: memberOf(${expr}) — not satisfied`,
    );
  });

  it('tells what the steward saw at the placement (its trace), not what the world became since', () => {
    const w = kingdom(['a', 'b'], 't2.micro', 12);
    const c = castles(w);
    const mark = (name: string) =>
      w.ok('ecs:PutAttributes', {
        cluster: 'Royaume',
        attributes: [{ name: 'color', value: 'blue', targetId: c[name]!.containerInstanceArn }],
      });
    mark('1a-1');
    const zones = `attribute:ecs.availability-zone in [${REGION}a, ${REGION}b]`;
    const color = 'attribute:color == blue';
    const [t] = traces(w, 'ecs:RunTask', {
      taskDefinition: w.registerWeb('keep', 64, 64),
      placementConstraints: [
        { type: 'memberOf', expression: zones },
        { type: 'memberOf', expression: color },
      ],
    });
    expect(chosenName(w, t!)).toBe('1a-1');
    // 1b-1 is marked afterwards: it would now meet both rules, but it did not when the steward chose.
    mark('1b-1');
    expect(explainPlacement(t!, w.state, 'nozama').reasons).toContain(
      `1b-1 rejected: fails the rule "${color}"`,
    );
  });

  it('an awsvpc development needs a free network card (ENI)', () => {
    const w = kingdom(['a', 'b'], 't2.micro', 10);
    const c = castles(w);
    const td = w.ok('ecs:RegisterTaskDefinition', {
      family: 'vault',
      networkMode: 'awsvpc',
      containerDefinitions: [{ name: 'vault', image: 'vault:1', cpu: 64, memory: 64, essential: true }],
    }).taskDefinition.taskDefinitionArn;
    const net = {
      awsvpcConfiguration: { subnets: [w.state.instances.get(c['1a-1']!.ec2InstanceId)!.subnetId] },
    };
    w.ok('ecs:StartTask', {
      cluster: 'Royaume',
      taskDefinition: td,
      containerInstances: [c['1a-1']!.containerInstanceArn],
      networkConfiguration: net,
    });
    const [t] = traces(w, 'ecs:RunTask', { taskDefinition: td, networkConfiguration: net });
    expect(explainPlacement(t!, w.state, 'nozama').reasons[0]).toBe(
      '1a-1 rejected: no free network card for an awsvpc development',
    );
    expect(explainPlacement(t!, w.state, 'aws').reasons[0]).toMatch(
      /\(1a-1\) rejected: RESOURCE:ENI — no free elastic network interface for an awsvpc task$/,
    );
  });

  it('groups many rejections by reason, naming a few territories', () => {
    const w = kingdom(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b'], 't2.micro', 11);
    const expr = `attribute:ecs.availability-zone == ${REGION}c`;
    const [t] = traces(w, 'ecs:RunTask', {
      taskDefinition: w.registerWeb('keep', 64, 64),
      placementConstraints: [{ type: 'memberOf', expression: expr }],
    });
    const card = explainPlacement(t!, w.state, 'nozama');
    expect(card.reasons[0]).toBe(
      `6 territories rejected: fails the rule "${expr}" (1a-1, 1a-2, 1a-3, 1b-1 and 2 more)`,
    );
    expect(explainPlacement(t!, w.state, 'aws').reasons[0]).toBe(
      `6 instances rejected: memberOf(${expr}) — not satisfied (${['1a-1', '1a-2', '1a-3', '1b-1']
        .map((n) => `${shortInstanceId(castles(w)[n]!.ec2InstanceId)} (${n})`)
        .join(', ')} and 2 more)`,
    );
  });

  it('labels strategies in both vocabularies', () => {
    expect(strategyLabel({ type: 'spread', field: 'attribute:ecs.availability-zone' }, 'nozama')).toBe(
      'spread on zone',
    );
    expect(strategyLabel({ type: 'spread', field: 'instanceId' }, 'aws')).toBe('spread(instanceId)');
    expect(strategyLabel({ type: 'spread', field: 'host' }, 'nozama')).toBe('spread on territory');
    expect(strategyLabel({ type: 'binpack', field: 'cpu' }, 'both')).toBe('binpack on CPU, binpack(cpu)');
    expect(strategyLabel({ type: 'random' }, 'both')).toBe('random');
  });
});

describe('explainPlacementFailure: why nothing could be placed', () => {
  it("explains a service's placementFailed event with the closest match and a fix", () => {
    const { w, c } = crowded();
    const big = w.registerWeb('giant', 4000, 128);
    const from = w.events.length;
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: big,
      desiredCount: 1,
    });
    w.tick(2);
    const ev = w.events.slice(from).find((e) => e.type === 'service/placementFailed')!;
    const card = explainPlacementFailure(ev.data, w.state, 'nozama');
    expect(card.headline).toBe('Decree mill: no territory can take a development of plan giant, edition 1');
    const closest = territoryName(w.state, (ev.data.closest as { ec2InstanceId: string }).ec2InstanceId);
    expect(card.reasons).toEqual([
      "1a-1 rejected: its castle's lord is silent (agent disconnected)",
      '1b-1 rejected: not enough memory (492 MiB left, 4000 needed)',
      '1c-1 rejected: not enough memory (3992 MiB left, 4000 needed)',
      `Closest: ${closest}, stopped only by: not enough memory`,
      'Fix: erect a bigger territory, or ask for less memory in the plan',
    ]);
    const aws = explainPlacementFailure(ev.data, w.state, 'aws');
    expect(aws.headline).toBe(
      '(service mill) was unable to place a task: no container instance met all of its requirements',
    );
    expect(aws.reasons[3]).toBe(
      `Closest match: container instance ${c[closest]!.containerInstanceArn.split('/').pop()!.slice(0, 8)}… (${closest}): RESOURCE:MEMORY — insufficient memory`,
    );
    expect(aws.reasons[4]).toBe(
      "Fix: add capacity (ec2:RunInstances), or lower the task definition's memory",
    );
  });

  it("explains RunTask's failures[] (reason codes read back), with the numbers of the plan", () => {
    const { w } = crowded();
    const big = w.registerWeb('giant', 4000, 128);
    const out = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: big });
    expect(out.failures.map((f: { reason: string }) => f.reason)).toEqual([
      'AGENT',
      'RESOURCE:MEMORY',
      'RESOURCE:MEMORY',
    ]);
    const card = explainPlacementFailure({ failures: out.failures, taskDefinition: big }, w.state, 'nozama');
    expect(card.headline).toBe('No territory can take a development of plan giant, edition 1');
    expect(card.reasons).toContain('1c-1 rejected: not enough memory (3992 MiB left, 4000 needed)');
    const aws = explainPlacementFailure(
      { failures: out.failures, taskDefinition: 'giant:1' },
      w.state,
      'aws',
    );
    expect(aws.headline).toBe('RunTask placed no task: no container instance met all of its requirements');
    expect(aws.reasons).toContainEqual(
      expect.stringMatching(/\(1c-1\) rejected: RESOURCE:MEMORY — 3992 MiB remaining, 4000 required$/),
    );
  });

  it('a kingdom without castles, and managed lands behind a collapsed portal', () => {
    const w = kingdom([], 't3.medium', 1);
    const from = w.events.length;
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: w.registerWeb(),
      desiredCount: 1,
    });
    w.tick(2);
    const ev = w.events.slice(from).find((e) => e.type === 'service/placementFailed')!;
    expect(explainPlacementFailure(ev.data, w.state, 'nozama')).toEqual({
      headline: 'Decree mill: the kingdom has no castle to build on',
      reasons: ['Fix: erect a territory with the royal charter that joins this kingdom'],
    });
    expect(explainPlacementFailure(ev.data, w.state, 'aws').headline).toBe(
      '(service mill): No Container Instances were found in your cluster',
    );

    const fargate = w.ok('ecs:RegisterTaskDefinition', {
      family: 'ferry',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'ferry', image: 'ferry:1', essential: true }],
    }).taskDefinition.taskDefinitionArn;
    w.ok('sim:FailAvailabilityZone', { availabilityZone: `${REGION}a` });
    const subnet = w
      .ok('ec2:DescribeSubnets', {})
      .Subnets.find((s: { AvailabilityZone: string }) => s.AvailabilityZone === `${REGION}a`).SubnetId;
    const out = w.ok('ecs:RunTask', {
      cluster: 'Royaume',
      taskDefinition: fargate,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: [subnet] } },
    });
    expect(out.failures[0].reason).toBe('RESOURCE:FARGATE');
    expect(explainPlacementFailure({ failures: out.failures }, w.state, 'nozama')).toEqual({
      headline: 'No managed land is open in the chosen portals',
      reasons: ['Fix: name subnets in open portals'],
    });
    expect(explainPlacementFailure({ failures: out.failures }, w.state, 'aws').headline).toBe(
      'RunTask: no Fargate capacity in the selected subnets',
    );
  });
});
