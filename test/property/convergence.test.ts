/**
 * Property 5 (DESIGN.md 7; https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-throttle-logic.html): services converge
 * once the faults stop.
 *
 * A few services of known shapes go through random faults (zones failing, instances lost, agents
 * disconnected, containers crashing, images failing to start or crashing, instances drained), scaling
 * and redeployments. Then the faults stop: zones are restored, images behave, drained instances are
 * reactivated, agents reconnected, and 20 minutes pass (longer than the 15-minute start-failure
 * backoff). By then every service whose tasks can be placed runs exactly desiredCount tasks of its
 * PRIMARY deployment, and every service that cannot has said so with ECS's placement-failure event.
 *
 * Capacity is made certain by construction: services use 64 CPU / 64 MiB tasks, so every task of
 * every service, even at 200% during a deployment, fits on any single instance; what decides
 * feasibility is only which instances are eligible (ACTIVE, connected, matching memberOf) and, for
 * distinctInstance, how many. The infeasible shapes: 4000 MiB tasks (no instance registers that much),
 * distinctInstance with more tasks than eligible instances, and a memberOf nothing matches.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimState } from '../../src/model/sim/types.ts';
import {
  CLUSTER,
  constraintInput,
  Driver,
  fleetArb,
  IMAGES,
  MEMBER_OF,
  MEMBER_OF_NONE,
  type MemberOfExpr,
  type Op,
  opArb,
  runs,
  SERVICE_NAMES,
  STRATEGIES,
  TASK_DEFS,
  TD_MOUNTAIN,
  TD_PEBBLE,
  ZONES,
} from './arbitraries.ts';
import { must } from './invariants.ts';

const UNABLE_TO_PLACE = (name: string) =>
  `(service ${name}) was unable to place a task because no container instance met all of its requirements.`;

/**
 * Deployment bounds that never deadlock for 1..4 tasks: max 200% always allows a surge, min 0% always
 * allows a stop. (Anything else deadlocks at desiredCount 1, e.g. 50/150: ceil(0.5) = floor(1.5) = 1,
 * which ECS reports with its "unable to stop or start tasks" event: rolling.test.ts checks that.)
 */
const SAFE_BOUNDS: [number, number][] = [
  [100, 200],
  [50, 200],
  [75, 200],
  [0, 100],
  [0, 150],
];

interface ServiceShape {
  giant: boolean;
  distinct: boolean;
  member: number | null;
  desired: number;
  bounds: number;
  strat: number;
}

const shapeArb: fc.Arbitrary<ServiceShape> = fc.record({
  giant: fc.boolean(),
  distinct: fc.boolean(),
  member: fc.option(fc.integer({ min: 0, max: MEMBER_OF_NONE }), { freq: 2 }),
  desired: fc.integer({ min: 0, max: 4 }),
  bounds: fc.nat(SAFE_BOUNDS.length - 1),
  strat: fc.nat(STRATEGIES.length - 1),
});

/** Faults, scaling and redeployments; no standalone tasks, no new services (capacity stays certain). */
const CHAOS_KINDS = new Set<Op['k']>([
  'stop',
  'updateSvc',
  'drain',
  'activate',
  'attr',
  'launch',
  'terminate',
  'failZone',
  'restoreZone',
  'lose',
  'disconnect',
  'reconnect',
  'crash',
  'image',
  'describe',
  'bogus',
  'advance',
]);
const chaosArb = opArb(TASK_DEFS.length)
  .filter((op) => CHAOS_KINDS.has(op.k))
  .map((op): Op => {
    if (op.k === 'updateSvc' && op.desired !== null) return { ...op, desired: op.desired % 5 };
    // Colours only ever turn blue: membership never flips back, so a task that memberOf let in stays
    // on an eligible instance (ECS does not move running tasks when attributes change).
    if (op.k === 'attr') return { ...op, value: 'blue' };
    return op;
  });

const scenario = fc.record({
  seed: fc.integer({ min: 1, max: 0x7fffffff }),
  fleet: fleetArb(2, 6),
  shapes: fc.array(shapeArb, { minLength: 1, maxLength: SERVICE_NAMES.length }),
  chaos: fc.array(chaosArb, { maxLength: 30, size: 'max' }),
});

function eligible(s: SimState, exprs: MemberOfExpr[]): number {
  return s.containerInstances
    .values()
    .filter(
      (ci) =>
        ci.status === 'ACTIVE' &&
        ci.agentConnected &&
        s.instances.get(ci.ec2InstanceId)?.state === 'running' &&
        exprs.every((e) => e.holds(ci.attributes)),
    ).length;
}

/**
 * What must happen to a service once healed, from the instances eligible for it now.
 * - 'converges': desiredCount tasks of the PRIMARY deployment, nothing else.
 * - 'cannot': fewer tasks than desired, and ECS's placement-failure event.
 * - 'either': distinctInstance with exactly as many eligible instances as tasks and a minimum that
 *   forbids stopping one first: a pending redeployment cannot place its first new task next to an old
 *   one and stays stuck (as in ECS), so it either had nothing to roll out or says why it is stuck.
 */
function expectation(
  sh: ServiceShape,
  desired: number,
  minimumHealthyPercent: number,
  eligibleInstances: number,
): 'converges' | 'cannot' | 'either' {
  if (desired === 0) return 'converges';
  if (sh.giant) return 'cannot';
  if (!sh.distinct) return eligibleInstances >= 1 ? 'converges' : 'cannot';
  if (eligibleInstances < desired) return 'cannot';
  const canStopFirst = Math.ceil((desired * minimumHealthyPercent) / 100) < desired;
  return eligibleInstances > desired || canStopFirst ? 'converges' : 'either';
}

/** The faults stop: everything that can be healed is. */
function heal(d: Driver): void {
  for (const image of IMAGES) d.ok('sim:SetImageBehavior', { image, mode: 'ok' });
  for (const zone of ZONES) d.ok('sim:RestoreAvailabilityZone', { availabilityZone: zone });
  const draining = d.state.containerInstances
    .values()
    .filter((ci) => ci.status === 'DRAINING')
    .map((ci) => ci.containerInstanceArn);
  if (draining.length)
    d.ok('ecs:UpdateContainerInstancesState', {
      cluster: CLUSTER,
      containerInstances: draining,
      status: 'ACTIVE',
    });
  d.advance(30); // restored instances boot and their agents come back
  for (const ci of d.state.containerInstances.values()) {
    if (ci.status === 'INACTIVE' || ci.agentConnected) continue;
    if (d.state.instances.get(ci.ec2InstanceId)?.state !== 'running') continue;
    d.ok('sim:ReconnectAgent', { instanceId: ci.ec2InstanceId });
  }
  d.advance(20 * 60);
}

describe('convergence', () => {
  it('after the faults stop, feasible services run desiredCount tasks; infeasible ones say why', () => {
    const seen = { converges: 0, cannot: 0, either: 0 };
    fc.assert(
      fc.property(scenario, ({ seed, fleet, shapes, chaos }) => {
        const d = new Driver(seed);
        d.setup(fleet);
        shapes.forEach((sh, i) => {
          const [min, max] = SAFE_BOUNDS[sh.bounds] as [number, number];
          const cons = [
            ...(sh.distinct ? [constraintInput({ type: 'distinctInstance' })] : []),
            ...(sh.member !== null ? [constraintInput({ type: 'memberOf', expr: sh.member })] : []),
          ];
          d.ok('ecs:CreateService', {
            cluster: CLUSTER,
            serviceName: SERVICE_NAMES[i],
            taskDefinition: (TASK_DEFS[sh.giant ? TD_MOUNTAIN : TD_PEBBLE] as { family: string }).family,
            desiredCount: sh.desired,
            deploymentConfiguration: { minimumHealthyPercent: min, maximumPercent: max },
            ...(cons.length ? { placementConstraints: cons } : {}),
            ...(STRATEGIES[sh.strat]?.length ? { placementStrategy: STRATEGIES[sh.strat] } : {}),
          });
        });
        for (const op of chaos) d.apply(op);
        heal(d);

        const described = d.ok('ecs:DescribeServices', {
          cluster: CLUSTER,
          services: shapes.map((_, i) => SERVICE_NAMES[i]),
        }).services as any[];
        shapes.forEach((sh, i) => {
          const name = SERVICE_NAMES[i] as string;
          const svc = described[i];
          const desired = svc.desiredCount as number;
          const [min] = SAFE_BOUNDS[sh.bounds] as [number, number];
          const exprs = sh.member !== null ? [MEMBER_OF[sh.member] as MemberOfExpr] : [];
          const n = eligible(d.state, exprs);
          const verdict = expectation(sh, desired, min, n);
          const converged =
            svc.runningCount === desired &&
            svc.pendingCount === 0 &&
            svc.deployments.length === 1 &&
            svc.deployments[0].status === 'PRIMARY' &&
            svc.deployments[0].runningCount === desired;
          const saidWhy = svc.events.some((e: any) =>
            (e.message as string).startsWith(UNABLE_TO_PLACE(name)),
          );
          const summary = () =>
            `${name} ${JSON.stringify(sh)} desired=${desired} eligible=${n} running=${svc.runningCount} ` +
            `deployments=${JSON.stringify(svc.deployments.map((x: any) => [x.status, x.runningCount, x.pendingCount]))} ` +
            `events=${JSON.stringify(svc.events.slice(0, 4).map((e: any) => e.message))}`;
          seen[verdict]++;
          if (verdict === 'converges') must(converged, () => `did not converge: ${summary()}`);
          if (verdict === 'cannot') {
            must(svc.runningCount < desired, () => `an unplaceable service runs all its tasks: ${summary()}`);
            must(saidWhy, () => `no placement-failure event: ${summary()}`);
          }
          if (verdict === 'either')
            must(converged || saidWhy, () => `stuck without saying why: ${summary()}`);
        });
      }),
      { numRuns: runs(100) },
    );
    expect(seen.converges).toBeGreaterThan(30);
    expect(seen.cannot).toBeGreaterThan(10);
  });
});
