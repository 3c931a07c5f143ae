/**
 * Property 1 (DESIGN.md 7): no container instance ever holds more CPU, memory or host ports than it
 * registered. After every step and every advance of random call-and-fault sequences, each instance's
 * registered - remaining equals what its non-STOPPED tasks hold, nothing is overdrawn, no host port is held
 * twice (as reserved by placement, and as bound in networkBindings), and
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerInstance.html) no task is given a
 * port the agent reserves. Advances are checked second by second.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLUSTER,
  Driver,
  RESERVED_PORT_TASK_DEFS,
  runScenario,
  runs,
  scenarioArb,
  TASK_DEFS,
} from './arbitraries.ts';
import { checkResources } from './invariants.ts';

describe('resources', () => {
  it('registered - remaining always equals what live tasks hold, never negative, no port twice', () => {
    let checked = 0;
    fc.assert(
      fc.property(scenarioArb(), (sc) => {
        const d = new Driver(
          sc.seed,
          {
            after: (tr) => {
              checkResources(tr.result.state, { reservedToo: false });
              checked++;
            },
          },
          1,
        );
        runScenario(d, sc);
      }),
      { numRuns: runs(80) },
    );
    expect(checked).toBeGreaterThan(1000);
  });

  it('never hands a task a host port the agent reserves (22, 2375, 2376, 51678, 51679)', () => {
    const defs = [...TASK_DEFS, ...RESERVED_PORT_TASK_DEFS];
    fc.assert(
      fc.property(scenarioArb({ tdCount: defs.length, maxOps: 20 }), (sc) => {
        const d = new Driver(
          sc.seed,
          {
            after: (tr) => checkResources(tr.result.state, { reservedToo: true }),
          },
          1,
        );
        runScenario(d, sc, defs);
      }),
      { numRuns: runs(60) },
    );
  });

  // The first counterexample the property above found (fast-check shrank it to these calls). Source:
  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerInstance.html,
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html
  describe('regressions: ports the agent reserves', () => {
    const world = () => {
      const d = new Driver(1, { after: (tr) => checkResources(tr.result.state, { reservedToo: true }) });
      d.setup([{ zone: 0, type: 't3.small' }], [...TASK_DEFS, ...RESERVED_PORT_TASK_DEFS]);
      return d;
    };

    it('RunTask of a bridge task with hostPort 22 fails with RESOURCE:PORTS', () => {
      const d = world();
      const out = d.ok('ecs:RunTask', { cluster: CLUSTER, taskDefinition: 'warden' });
      expect(out.tasks).toHaveLength(0);
      expect(out.failures).toEqual([{ arn: expect.any(String), reason: 'RESOURCE:PORTS' }]);
    });

    it('StartTask of a host-mode task on port 51678 fails with RESOURCE:PORTS', () => {
      const d = world();
      const ci = d.state.containerInstances.keys()[0] as string;
      const out = d.ok('ecs:StartTask', {
        cluster: CLUSTER,
        taskDefinition: 'keeper',
        containerInstances: [ci],
      });
      expect(out.tasks).toHaveLength(0);
      expect(out.failures).toEqual([{ arn: ci, reason: 'RESOURCE:PORTS' }]);
    });

    it('a service of such tasks places none and says the port is in use', () => {
      const d = world();
      d.ok('ecs:CreateService', {
        cluster: CLUSTER,
        serviceName: 'mill',
        taskDefinition: 'warden',
        desiredCount: 1,
      });
      d.advance(10);
      const svc = d.ok('ecs:DescribeServices', { cluster: CLUSTER, services: ['mill'] }).services[0];
      expect(svc.runningCount + svc.pendingCount).toBe(0);
      expect(svc.events.map((e: any) => e.message)).toContainEqual(
        expect.stringMatching(
          /^\(service mill\) was unable to place a task .* is already using a port required by your task\./,
        ),
      );
    });
  });
});
