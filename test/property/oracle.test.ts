/**
 * The oracles can fail: each checker the properties rely on is shown a world that breaks its rule
 * (a real transition from the model, then tampered with) and must reject it. A checker that accepts
 * everything would make its property pass vacuously.
 */
import { describe, expect, it } from 'vitest';
import type { SimEvent, SimState } from '../../src/model/sim/types.ts';
import { jsonCopy } from '../support/world.ts';
import { CLUSTER, Driver, MEMBER_OF, type Transition } from './arbitraries.ts';
import { checkPlacements, checkResources, deepFreeze, InvariantError } from './invariants.ts';

function worldWithTransitions(): { d: Driver; log: Transition[] } {
  const log: Transition[] = [];
  const d = new Driver(3, { after: (tr) => log.push(tr) });
  d.setup([
    { zone: 0, type: 't3.small' },
    { zone: 1, type: 't3.medium' },
  ]);
  return { d, log };
}

/** The same transition, with another resulting state (and events). */
function withResult(tr: Transition, state: SimState, events: SimEvent[] = tr.result.events): Transition {
  return tr.kind === 'step'
    ? { ...tr, result: { ...tr.result, state, events } }
    : { ...tr, result: { ...tr.result, state, events } };
}

const stats = () => ({ placements: 0, distinct: 0, memberOf: 0 });

/** A copy of `s` where `edit` changed one task or container instance (the original is untouched). */
function tampered(s: SimState, edit: (copy: SimState) => void): SimState {
  const copy = jsonCopy(s);
  edit(copy);
  return copy;
}

describe('oracles', () => {
  it('checkResources rejects an instance whose remaining CPU disagrees with its tasks', () => {
    const { d } = worldWithTransitions();
    d.ok('ecs:RunTask', { cluster: CLUSTER, taskDefinition: 'gate' });
    checkResources(d.state, { reservedToo: true });
    const bad = tampered(d.state, (s) => {
      for (const ci of s.containerInstances.values()) ci.remainingCpu = ci.registeredCpu;
    });
    expect(() => checkResources(bad, { reservedToo: true })).toThrow(InvariantError);
    const twice = tampered(d.state, (s) => {
      for (const ci of s.containerInstances.values()) ci.usedPorts = [...ci.usedPorts, ...ci.usedPorts];
      for (const t of s.tasks.values()) t.hostPorts = [...t.hostPorts, ...t.hostPorts];
    });
    expect(() => checkResources(twice, { reservedToo: true })).toThrow(/held twice/);
  });

  it('checkPlacements rejects two tasks of a distinctInstance group on one instance', () => {
    const { d, log } = worldWithTransitions();
    d.ok('ecs:RunTask', {
      cluster: CLUSTER,
      taskDefinition: 'pebble',
      count: 2,
      placementConstraints: [{ type: 'distinctInstance' }],
    });
    const tr = log[log.length - 1] as Transition;
    checkPlacements(tr, stats());
    const [a, b] = tr.result.state.tasks.values();
    if (!a || !b) throw new Error('expected two tasks');
    const bad = tampered(tr.result.state, (s) => {
      (s.tasks.get(b.taskArn) as { containerInstanceArn: string | null }).containerInstanceArn =
        a.containerInstanceArn;
    });
    const events = tr.result.events.map((e) =>
      e.type === 'task/placed' && e.data.taskArn === b.taskArn
        ? { ...e, data: { ...e.data, containerInstanceArn: a.containerInstanceArn } }
        : e,
    );
    expect(() => checkPlacements(withResult(tr, bad, events), stats())).toThrow(/distinctInstance violated/);
  });

  it('checkPlacements rejects a placement whose memberOf expression does not hold', () => {
    const { d, log } = worldWithTransitions();
    const small = MEMBER_OF[1]?.text as string;
    d.ok('ecs:RunTask', {
      cluster: CLUSTER,
      taskDefinition: 'pebble',
      placementConstraints: [{ type: 'memberOf', expression: small }],
    });
    const tr = log[log.length - 1] as Transition;
    checkPlacements(tr, stats());
    const bad = tampered(tr.result.state, (s) => {
      for (const ci of s.containerInstances.values()) ci.attributes['ecs.instance-type'] = 't3.medium';
    });
    expect(() => checkPlacements(withResult(tr, bad), stats())).toThrow(
      /memberOf\(attribute:ecs.instance-type == t3.small\) violated/,
    );
  });

  it('checkPlacements rejects a placement on a DRAINING instance', () => {
    const { d, log } = worldWithTransitions();
    d.ok('ecs:RunTask', { cluster: CLUSTER, taskDefinition: 'pebble' });
    const tr = log[log.length - 1] as Transition;
    const bad = tampered(tr.result.state, (s) => {
      for (const ci of s.containerInstances.values()) ci.status = 'DRAINING';
    });
    expect(() => checkPlacements(withResult(tr, bad), stats())).toThrow(/DRAINING/);
  });

  it('deepFreeze makes writes throw', () => {
    const { d } = worldWithTransitions();
    deepFreeze(d.state);
    const ci = d.state.containerInstances.values()[0] as { remainingCpu: number };
    expect(() => {
      ci.remainingCpu = 0;
    }).toThrow(TypeError);
  });
});
