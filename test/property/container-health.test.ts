/**
 * The container health and start-order rules as invariants over random health checks, random fault
 * schedules and random dependency graphs
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html):
 *
 * - a task's healthStatus is always its essential containers' verdict (UNHEALTHY > UNKNOWN > HEALTHY);
 * - a container turns HEALTHY only when its command passes, and UNHEALTHY only after at least `retries`
 *   probes since its start while its command fails or hangs; with no fault it never is UNHEALTHY;
 * - a service never keeps an UNHEALTHY task running past its grace period;
 * - no container starts before each of its dependencies has reached its condition, and a RUNNING task has no
 *   container still waiting.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../src/model/sim/types.ts';
import { kingdom, type World } from '../support/world.ts';
import { runs } from './arbitraries.ts';

type Result = 'pass' | 'fail' | 'timeout';

const hcArb = fc.record({
  interval: fc.integer({ min: 5, max: 40 }),
  timeout: fc.integer({ min: 2, max: 10 }),
  retries: fc.integer({ min: 1, max: 4 }),
  startPeriod: fc.integer({ min: 0, max: 60 }),
});
const faultsArb = fc.array(
  fc.record({
    at: fc.integer({ min: 0, max: 240 }),
    result: fc.constantFrom<Result>('pass', 'fail', 'timeout'),
  }),
  { maxLength: 5 },
);

const expectedTaskHealth = (t: Task) => {
  const ess = t.containers.filter((c) => c.essential);
  if (ess.some((c) => c.healthStatus === 'UNHEALTHY')) return 'UNHEALTHY';
  if (ess.some((c) => c.healthStatus === 'UNKNOWN')) return 'UNKNOWN';
  return 'HEALTHY';
};

function register(w: World, hc: Record<string, number>, sidecarEssential: boolean): string {
  return w.ok('ecs:RegisterTaskDefinition', {
    family: 'prop',
    containerDefinitions: [
      {
        name: 'web',
        image: 'web:1',
        cpu: 64,
        memory: 128,
        essential: true,
        healthCheck: { command: ['CMD', 'check'], ...hc },
      },
      { name: 'side', image: 'side:1', cpu: 64, memory: 128, essential: sidecarEssential },
    ],
  }).taskDefinition.taskDefinitionArn;
}

describe('container health checks (properties)', () => {
  it('task health follows its essential containers; verdicts follow the command and retries', () => {
    fc.assert(
      fc.property(hcArb, faultsArb, fc.boolean(), fc.boolean(), (hc, faults, sideEssential, inService) => {
        const w = kingdom(['a']);
        const td = register(w, hc, sideEssential);
        const grace = 20;
        if (inService)
          w.ok('ecs:CreateService', {
            cluster: 'Royaume',
            serviceName: 'mill',
            taskDefinition: td,
            desiredCount: 1,
            healthCheckGracePeriodSeconds: grace,
          });
        else w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td });
        const t0 = w.state.now;
        let current: Result = 'pass';
        let everFaulted = false;
        const prev = new Map<string, string>();
        for (let s = 0; s <= 300; s++) {
          for (const f of faults)
            if (f.at === s) {
              w.ok('sim:SetHealthCheckResult', {
                TaskDefinition: td,
                ContainerName: 'web',
                Result: f.result,
              });
              current = f.result;
              everFaulted ||= f.result !== 'pass';
            }
          w.tick(1);
          for (const t of w.state.tasks.values()) {
            if (t.lastStatus !== 'RUNNING') continue;
            expect(t.healthStatus).toBe(expectedTaskHealth(t));
            const web = t.containers.find((c) => c.name === 'web');
            if (!web || web.startedAt === undefined) continue;
            const was = prev.get(t.taskArn) ?? 'UNKNOWN';
            if (web.healthStatus === 'HEALTHY' && was !== 'HEALTHY') expect(current).toBe('pass');
            if (web.healthStatus === 'UNHEALTHY' && was !== 'UNHEALTHY') {
              expect(everFaulted).toBe(true);
              expect(w.state.now - web.startedAt).toBeGreaterThanOrEqual(hc.retries * hc.interval);
            }
            prev.set(t.taskArn, web.healthStatus);
            if (inService && t.desiredStatus === 'RUNNING' && t.healthStatus === 'UNHEALTHY')
              expect(w.state.now - (t.startedAt ?? w.state.now)).toBeLessThan(grace);
          }
          if (!everFaulted)
            expect(w.state.tasks.values().every((t) => t.healthStatus !== 'UNHEALTHY')).toBe(true);
        }
        expect(w.state.now - t0).toBe(301);
      }),
      { numRuns: runs(25) },
    );
  });
});

type Condition = 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY';

/** A random acyclic plan: container i may depend on containers before it. */
const planArb = fc.integer({ min: 2, max: 5 }).chain((n) =>
  fc.tuple(
    fc.array(
      fc.record({
        deps: fc.array(
          fc.record({
            on: fc.nat(),
            condition: fc.constantFrom<Condition>('START', 'COMPLETE', 'SUCCESS', 'HEALTHY'),
          }),
          { maxLength: 2 },
        ),
        checked: fc.boolean(),
        crash: fc.option(
          fc.record({ after: fc.integer({ min: 1, max: 30 }), code: fc.integer({ min: 0, max: 2 }) }),
        ),
        startTimeout: fc.option(fc.integer({ min: 5, max: 60 })),
      }),
      { minLength: n, maxLength: n },
    ),
  ),
);

describe('container start order (properties)', () => {
  it('no container starts before its dependencies meet their conditions; RUNNING means none is waiting', () => {
    fc.assert(
      fc.property(planArb, ([specs]) => {
        const names = specs.map((_, i) => `c${i}`);
        const deps = specs.map((s, i) =>
          i === 0
            ? []
            : s.deps
                .map((d) => ({ containerName: names[d.on % i] as string, condition: d.condition }))
                .filter((d, k, all) => all.findIndex((x) => x.containerName === d.containerName) === k),
        );
        // Containers others wait on to COMPLETE or SUCCEED cannot be essential (RegisterTaskDefinition).
        const completing = new Set(
          deps
            .flat()
            .filter((d) => d.condition === 'COMPLETE' || d.condition === 'SUCCESS')
            .map((d) => d.containerName),
        );
        const essential = names.map((n) => !completing.has(n));
        if (!essential.some(Boolean)) return;
        const w = kingdom(['a']);
        specs.forEach((s, i) => {
          if (s.crash)
            w.ok('sim:SetImageBehavior', {
              image: `${names[i]}:1`,
              mode: 'crash',
              crashAfterSeconds: s.crash.after,
              exitCode: s.crash.code,
            });
        });
        const td = w.ok('ecs:RegisterTaskDefinition', {
          family: 'order',
          containerDefinitions: specs.map((s, i) => ({
            name: names[i],
            image: `${names[i]}:1`,
            cpu: 32,
            memory: 64,
            essential: essential[i],
            ...(deps[i]?.length ? { dependsOn: deps[i] } : {}),
            ...(s.checked ? { healthCheck: { command: ['CMD', 'ok'], interval: 5 } } : {}),
            ...(s.startTimeout !== null ? { startTimeout: s.startTimeout } : {}),
          })),
        }).taskDefinition.taskDefinitionArn;
        const arn = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td }).tasks[0]
          .taskArn as string;
        w.tick(240);
        const mine = w.events
          .filter((e) => 'taskArn' in e.data && e.data.taskArn === arn)
          .map((e) => ({ time: e.time, type: e.type, data: e.data as Readonly<Record<string, unknown>> }));
        const at = (
          type: string,
          name: string,
          extra: (d: Record<string, unknown>) => boolean = () => true,
        ) => mine.find((e) => e.type === type && e.data.containerName === name && extra(e.data))?.time;
        for (const [i, name] of names.entries()) {
          const started = at('container/started', name);
          if (started === undefined) continue;
          for (const d of deps[i] ?? []) {
            const when =
              d.condition === 'START'
                ? at('container/started', d.containerName)
                : d.condition === 'COMPLETE'
                  ? at('container/exited', d.containerName)
                  : d.condition === 'SUCCESS'
                    ? at('container/exited', d.containerName, (x) => x.exitCode === 0)
                    : at('container/healthChanged', d.containerName, (x) => x.to === 'HEALTHY');
            expect(
              when,
              `${name} started at ${started} before ${d.containerName} ${d.condition}`,
            ).toBeDefined();
            expect(when as number).toBeLessThanOrEqual(started);
          }
        }
        const t = w.state.tasks.get(arn);
        if (t?.lastStatus === 'RUNNING')
          expect(t.containers.some((c) => c.lastStatus === 'PENDING')).toBe(false);
        // Nothing is left waiting forever: 240 s is past every timer of these plans.
        expect(t?.lastStatus === 'PENDING' || t?.lastStatus === 'PROVISIONING').toBe(false);
      }),
      { numRuns: runs(60) },
    );
  });
});
