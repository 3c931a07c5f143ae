/**
 * The deployment circuit breaker
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html): threshold,
 * stage 1 (tasks that never reach RUNNING), stage 2 (tasks that ran and then failed), FAILED with ECS's
 * texts, rollback to the last completed deployment, and a FAILED deployment that launches nothing more.
 */
import { describe, expect, it } from 'vitest';
import { messages, records, revision } from '../support/deployments.ts';
import { kingdom, type World } from '../support/world.ts';

const CB = (rollback: boolean, extra: Record<string, unknown> = {}) => ({
  deploymentCircuitBreaker: { enable: true, rollback, ...extra },
});

function steadyMill(w: World, desired: number, dc: Record<string, unknown>): string {
  const td1 = revision(w, 'web', 'nginx:1.27');
  w.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: td1,
    desiredCount: desired,
    deploymentConfiguration: dc,
  });
  w.tick(80);
  expect(w.service('mill').deployments[0].rolloutState).toBe('COMPLETED');
  return td1;
}

function deployBroken(w: World, mode: 'fail-to-start' | 'crash', crashAfterSeconds = 5): string {
  w.ok('sim:SetImageBehavior', {
    image: 'broken:1',
    mode,
    ...(mode === 'crash' ? { crashAfterSeconds } : {}),
  });
  const td2 = revision(w, 'web', 'broken:1');
  w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
  return td2;
}

describe('circuit breaker threshold: ceil(0.5 x desired) clamped to [3, 200] (current API minimum)', () => {
  it.each([
    [1, 3],
    [6, 3],
    [7, 4],
    [25, 13],
    [400, 200],
    [800, 200],
  ])('desired %i -> threshold %i', (desired, threshold) => {
    const w = kingdom([]);
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: w.registerWeb(),
      desiredCount: desired,
      deploymentConfiguration: CB(true),
    });
    expect(records(w)[0].deploymentCircuitBreaker).toEqual({
      status: 'MONITORING',
      failureCount: 0,
      threshold,
    });
  });

  it.each([
    [{ type: 'COUNT', value: 2 }, 10, 2],
    [{ type: 'BOUNDED_PERCENT', value: 20 }, 10, 3],
    [{ type: 'UNBOUNDED_PERCENT', value: 20 }, 10, 2],
  ])('thresholdConfiguration %j with desired %i -> %i', (thresholdConfiguration, desired, threshold) => {
    const w = kingdom([]);
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: w.registerWeb(),
      desiredCount: desired,
      deploymentConfiguration: CB(true, { thresholdConfiguration }),
    });
    expect(records(w)[0].deploymentCircuitBreaker.threshold).toBe(threshold);
  });

  it('is DISABLED when not enabled', () => {
    const w = kingdom([]);
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: w.registerWeb(),
      desiredCount: 2,
    });
    expect(records(w)[0].deploymentCircuitBreaker.status).toBe('DISABLED');
  });
});

describe('stage 1: tasks that fail to reach RUNNING', () => {
  it('fails the deployment with ECS texts and rolls back to the last completed deployment', () => {
    const w = kingdom();
    const td1 = steadyMill(w, 2, CB(true));
    const completedId = w.service('mill').deployments[0].id;
    const firstRevision = records(w)[0].targetServiceRevision.arn;
    const td2 = deployBroken(w, 'fail-to-start');
    const failedId = w.service('mill').deployments[0].id;
    w.tick(200);
    const msgs = messages(w);
    expect(msgs).toContain(
      `(service mill) (deployment ${failedId}) deployment failed: tasks failed to start.`,
    );
    expect(msgs).toContain(`(service mill) rolling back to deployment ${completedId}.`);
    expect(msgs.indexOf(`(service mill) rolling back to deployment ${completedId}.`)).toBeLessThan(
      msgs.indexOf(`(service mill) (deployment ${failedId}) deployment failed: tasks failed to start.`),
    );
    const failed = w.events.find((e) => e.type === 'deployment/failed');
    expect(failed?.data).toMatchObject({
      serviceName: 'mill',
      deploymentId: failedId,
      reason: 'circuitBreaker',
    });
    expect(w.events.find((e) => e.type === 'deployment/rolledBack')?.data).toMatchObject({
      serviceName: 'mill',
      reason: 'circuitBreaker',
      fromDeploymentId: failedId,
      taskDefinition: td1,
    });
    const s = w.service('mill');
    expect(s.taskDefinition).toBe(td1);
    expect(s.deployments).toHaveLength(1);
    expect(s.deployments[0]).toMatchObject({
      taskDefinition: td1,
      rolloutState: 'COMPLETED',
      runningCount: 2,
    });
    expect(w.running('mill').every((t) => t.taskDefinitionArn === td1)).toBe(true);
    const rec = records(w).find((r) => r.targetServiceRevision.arn !== firstRevision);
    expect(rec).toMatchObject({
      status: 'ROLLBACK_SUCCESSFUL',
      statusReason: 'ECS deployment circuit breaker: tasks failed to start.',
      rollback: {
        serviceRevisionArn: firstRevision,
        reason: 'ECS deployment circuit breaker: tasks failed to start.',
      },
      deploymentCircuitBreaker: { status: 'TRIGGERED', threshold: 3 },
    });
    // Tasks are launched (and fail) in batches: the count can pass the threshold in one tick.
    expect(rec.deploymentCircuitBreaker.failureCount).toBeGreaterThanOrEqual(3);
    expect(w.tasks((t) => t.taskDefinitionArn === td2).length).toBe(
      rec.deploymentCircuitBreaker.failureCount,
    );
  });

  it('the FAILED deployment stays in DescribeServices while the rollback runs, then goes', () => {
    const w = kingdom();
    steadyMill(w, 2, CB(true));
    deployBroken(w, 'fail-to-start');
    const failedId = w.service('mill').deployments[0].id;
    let seconds = 0;
    while (!w.events.some((e) => e.type === 'deployment/rolledBack') && seconds < 300) {
      w.tick(1);
      seconds++;
    }
    const during = w.service('mill').deployments;
    expect(during[0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' });
    expect(during.find((d: { id: string }) => d.id === failedId)).toMatchObject({
      status: 'ACTIVE',
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
    });
    // A few seconds into the rollback it is still listed: it is shown, not waited for.
    w.tick(5);
    expect(w.service('mill').deployments.map((d: { id: string }) => d.id)).toContain(failedId);
    w.tick(200);
    const after = w.service('mill').deployments;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ rolloutState: 'COMPLETED' });
  });

  it('without rollback: FAILED stays PRIMARY, launches nothing more, old tasks keep serving', () => {
    const w = kingdom();
    const td1 = steadyMill(w, 2, CB(false));
    const td2 = deployBroken(w, 'fail-to-start');
    w.tick(120);
    const s = w.service('mill');
    expect(s.deployments[0]).toMatchObject({
      status: 'PRIMARY',
      taskDefinition: td2,
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
    });
    expect(s.deployments[0].failedTasks).toBeGreaterThanOrEqual(3);
    const launched = w.tasks((t) => t.taskDefinitionArn === td2).length;
    w.tick(600);
    expect(w.tasks((t) => t.taskDefinitionArn === td2).length).toBe(launched);
    expect(w.running('mill').filter((t) => t.taskDefinitionArn === td1)).toHaveLength(2);
    expect(records(w)[0]).toMatchObject({
      status: 'STOPPED',
      statusReason: 'ECS deployment circuit breaker: tasks failed to start.',
    });
    expect(messages(w).some((m) => m.includes('rolling back'))).toBe(false);
  });

  it('disabled: the scheduler keeps retrying (with backoff) and the deployment stays IN_PROGRESS', () => {
    const w = kingdom();
    steadyMill(w, 2, {});
    deployBroken(w, 'fail-to-start');
    w.tick(900);
    expect(w.service('mill').deployments[0].rolloutState).toBe('IN_PROGRESS');
    expect(w.events.some((e) => e.type === 'deployment/failed')).toBe(false);
  });
});

describe('stage 2: tasks that ran, then failed', () => {
  it('the first RUNNING task resets the count; crashes after RUNNING then trip the breaker', () => {
    const w = kingdom();
    const td1 = steadyMill(w, 2, CB(true));
    deployBroken(w, 'crash', 5);
    const d = () => w.service('mill').deployments[0];
    let sawStage2 = false;
    for (let i = 0; i < 300 && d().taskDefinition !== td1; i++) {
      w.tick(1);
      const cur = d();
      if (cur.rolloutState === 'IN_PROGRESS' && cur.failedTasks > 0) sawStage2 = true;
    }
    expect(sawStage2).toBe(true);
    expect(messages(w).some((m) => /deployment failed: tasks failed to start\.$/.test(m))).toBe(true);
    expect(w.service('mill').taskDefinition).toBe(td1);
  });

  it('resetOnHealthyTask: a task that becomes healthy resets failedTasks', () => {
    const w = kingdom();
    steadyMill(w, 3, CB(true));
    // Crashes after 60 s: each task is healthy at 40 s first, so the count never reaches 3.
    deployBroken(w, 'crash', 60);
    w.tick(600);
    expect(w.events.some((e) => e.type === 'deployment/failed')).toBe(false);
    expect(w.service('mill').deployments[0].failedTasks).toBeLessThan(3);
  });
});
