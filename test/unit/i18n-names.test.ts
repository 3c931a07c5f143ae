import { describe, expect, it } from 'vitest';
import { kingdomModel } from '../../src/game/kingdom-model.ts';
import {
  castleName,
  developmentName,
  displayName,
  parsePlan,
  planName,
  portalName,
  territoryName,
  territoryNames,
  zoneCode,
  zoneCodeOf,
} from '../../src/i18n/names.ts';
import { jsonCopy, kingdom, REGION, World } from '../support/world.ts';

function nameOf(w: World, id: string) {
  return territoryName(w.state, id);
}

describe('territory names: portal code and launch order in the zone', () => {
  it('numbers the instances of each zone in launch order, 1-based', () => {
    const w = new World(1);
    w.ok('ecs:CreateCluster', { clusterName: 'Royaume' });
    const [b1] = w.launch('b');
    w.tick(1);
    const [a1] = w.launch('a');
    w.tick(1);
    const [b2, b3] = w.launch('b', 't3.medium', 'Royaume', 2);
    expect([b1, a1, b2, b3].map((id) => nameOf(w, id!))).toEqual(['1b-1', '1a-1', '1b-2', '1b-3']);
    expect(zoneCode(REGION, `${REGION}c`)).toBe('1c');
    expect(zoneCodeOf('za-northeast-1d')).toBe('1d');
  });

  it('are stable for the instance life: through ticks, other launches, terminations and a JSON round trip', () => {
    const w = new World(2);
    w.ok('ecs:CreateCluster', { clusterName: 'Royaume' });
    const [first] = w.launch('a');
    w.tick(1);
    const [second] = w.launch('a');
    w.tick(30);
    const before = new Map(territoryNames(w.state));
    w.launch('a');
    w.ok('ec2:TerminateInstances', { InstanceIds: [first] });
    w.ok('sim:FailAvailabilityZone', { availabilityZone: `${REGION}a` });
    w.tick(120);
    w.ok('sim:RestoreAvailabilityZone', { availabilityZone: `${REGION}a` });
    w.tick(60);
    expect(nameOf(w, first!)).toBe(before.get(first!));
    expect(nameOf(w, second!)).toBe('1a-2');
    const copy = jsonCopy(w.state);
    expect(territoryName(copy, second!)).toBe('1a-2');
    // Same state object, same answer (cached); an unknown id falls back to a short id.
    expect(territoryNames(w.state)).toBe(territoryNames(w.state));
    expect(territoryName(w.state, 'i-0123456789abcdef0')).toBe('i-01234567…');
  });

  it('is what the kingdom view draws (kingdom-model imports it)', () => {
    const w = kingdom(['a', 'b', 'c', 'a', 'b'], 't3.medium', 3);
    const drawn = kingdomModel(w.state, REGION).flatMap((z) => z.territories.map((t) => [t.id, t.name]));
    expect(drawn).toHaveLength(5);
    for (const [id, name] of drawn) expect(name).toBe(nameOf(w, id!));
    expect(drawn.map(([, n]) => n).sort()).toEqual(['1a-1', '1a-2', '1b-1', '1b-2', '1c-1']);
  });

  it('names a castle after its territory', () => {
    const w = kingdom(['b'], 't3.medium', 4);
    const ci = w.containerInstances()[0]!;
    expect(castleName(w.state, ci.containerInstanceArn)).toBe('1b-1');
  });
});

describe('plans, developments and display names', () => {
  it('plans: "bakery, edition 2" in Nozama words, "bakery:2" in AWS words', () => {
    const w = new World(1);
    w.registerWeb('bakery');
    const arn = w.registerWeb('bakery');
    const td = w.state.taskDefinitions[arn]!;
    expect(planName(td)).toBe('bakery, edition 2');
    expect(planName(arn, 'aws')).toBe('bakery:2');
    expect(planName('bakery:2', 'both')).toBe('bakery, edition 2 (bakery:2)');
    expect(parsePlan(arn)).toEqual({ family: 'bakery', revision: 2 });
  });

  it('developments: the plan family and the first digits of the task id, the same for its whole life', () => {
    const w = kingdom(['a'], 't3.medium', 5);
    const out = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: w.registerWeb('bakery') });
    const arn: string = out.tasks[0].taskArn;
    const name = developmentName(w.state, arn);
    expect(name).toBe(`bakery·${arn.split('/').pop()!.slice(0, 4)}`);
    w.tick(20);
    w.ok('ecs:StopTask', { cluster: 'Royaume', task: arn });
    w.tick(20);
    expect(developmentName(w.state, arn)).toBe(name);
    // Gone from the state (an hour after STOPPED), the plan can still be given.
    w.tick(3700);
    expect(w.state.tasks.get(arn)).toBeUndefined();
    expect(
      developmentName(w.state, arn, 'arn:aws:ecs:za-southwest-1:123456789012:task-definition/bakery:1'),
    ).toBe(name);
  });

  it('displayName covers every kind of selection in the three modes', () => {
    const w = kingdom(['b'], 't3.medium', 6);
    const td = w.registerWeb('mill');
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: td,
      desiredCount: 1,
    });
    w.tick(2);
    const ci = w.containerInstances()[0]!;
    const inst = ci.ec2InstanceId;
    const task = w.liveTasks('mill')[0]!;
    const taskId = task.taskArn.split('/').pop()!;
    const ciId = ci.containerInstanceArn.split('/').pop()!;
    const svcArn = w.state.services.keys()[0]!;
    const clusterArn = Object.keys(w.state.clusters)[0]!;
    const cases: [Parameters<typeof displayName>[1], string, string][] = [
      [{ kind: 'instance', id: inst }, 'territory 1b-1', `EC2 instance ${inst}`],
      [
        { kind: 'containerInstance', id: ci.containerInstanceArn },
        'castle 1b-1',
        `container instance ${ciId}`,
      ],
      [{ kind: 'task', id: task.taskArn }, `development mill·${taskId.slice(0, 4)}`, `task ${taskId}`],
      [{ kind: 'service', id: svcArn }, 'decree mill', 'service mill'],
      [{ kind: 'taskDefinition', id: td }, 'plan mill, edition 1', 'task definition mill:1'],
      [{ kind: 'cluster', id: clusterArn }, 'kingdom Royaume', 'cluster Royaume'],
      [{ kind: 'cluster', id: 'Royaume' }, 'kingdom Royaume', 'cluster Royaume'],
      [{ kind: 'zone', id: `${REGION}b` }, 'portal 1b', `Availability Zone ${REGION}b`],
    ];
    for (const [sel, nozama, aws] of cases) {
      expect(displayName(w.state, sel, 'nozama')).toBe(nozama);
      expect(displayName(w.state, sel, 'aws')).toBe(aws);
      expect(displayName(w.state, sel, 'both')).toBe(`${nozama} (${aws})`);
    }
    expect(portalName(`${REGION}c`, 'both')).toBe(`portal 1c (${REGION}c)`);
  });
});
