/** The Inspector's buildings card: the failing check named, and the rising order, in both vocabularies. */
import { describe, expect, it } from 'vitest';
import { buildingsCard } from '../../src/i18n/buildings.ts';
import { kingdom } from '../support/world.ts';

describe('buildingsCard', () => {
  it('names the failing check of a development its decree tore down', () => {
    const w = kingdom();
    const td = w.ok('ecs:RegisterTaskDefinition', {
      family: 'mill',
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx:1.27',
          cpu: 128,
          memory: 256,
          essential: true,
          healthCheck: {
            command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
            interval: 10,
            retries: 2,
          },
        },
      ],
    }).taskDefinition.taskDefinitionArn;
    w.ok('sim:SetHealthCheckResult', { TaskDefinition: td, Result: 'fail' });
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: td,
      desiredCount: 1,
    });
    w.tick(40);
    const torn = w.tasks((t) => t.stoppedReason === 'Task failed container health checks')[0];
    expect(torn).toBeDefined();
    const task = w.state.tasks.get(torn?.taskArn as string) as NonNullable<typeof torn>;
    expect(buildingsCard(w.state, task, 'aws')?.headline).toBe(
      "Task failed container health checks: container web's healthCheck [CMD-SHELL, curl -f http://localhost/ || exit 1] failed 2 consecutive checks (retries 2; last: exit 1).",
    );
    expect(buildingsCard(w.state, task, 'nozama')?.headline).toBe(
      'Building web failed the lord\'s herald: "curl -f http://localhost/ || exit 1" answered exit 1, 2 times in a row; decree mill tore the development down and raises another.',
    );
    expect(buildingsCard(w.state, task, 'aws')?.reasons[0]).toMatch(
      /^1\. web \(essential\) · no dependsOn · started \+0 s · STOPPED, exit 0 · healthStatus UNHEALTHY \(\[CMD-SHELL, curl/,
    );
  });

  it('lists the buildings in the order they rose, with what each waited for; null without checks or order', () => {
    const w = kingdom();
    const box = (name: string, extra: Record<string, unknown> = {}) => ({
      name,
      image: `${name}:1`,
      cpu: 64,
      memory: 128,
      essential: true,
      ...extra,
    });
    const td = w.ok('ecs:RegisterTaskDefinition', {
      family: 'order',
      containerDefinitions: [
        box('web', { dependsOn: [{ containerName: 'migrate', condition: 'COMPLETE' }] }),
        box('migrate', { essential: false }),
      ],
    }).taskDefinition.taskDefinitionArn;
    const arn = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td }).tasks[0].taskArn;
    w.tick(30);
    const card = buildingsCard(w.state, w.state.tasks.get(arn) as never, 'nozama');
    expect(card?.reasons).toEqual([
      '1. migrate (may fall alone) · waits for nothing · rose at +0 s · done (exit 0)',
      '2. web · waits for migrate to finish its work · rose at +10 s',
    ]);
    expect(buildingsCard(w.state, w.state.tasks.get(arn) as never, 'aws')?.reasons[1]).toBe(
      '2. web (essential) · dependsOn migrate COMPLETE · started +10 s',
    );
    const plain = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: w.registerWeb('plain') }).tasks[0]
      .taskArn;
    w.tick(10);
    expect(buildingsCard(w.state, w.state.tasks.get(plain) as never, 'nozama')).toBeNull();
  });
});
