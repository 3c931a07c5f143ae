/**
 * Rolling deployments of the ECS controller: load balancers
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html),
 * CloudWatch alarms with bake time (6.4), the service-deployment history API (ListServiceDeployments,
 * DescribeServiceDeployments, StopServiceDeployment, DescribeServiceRevisions), and the validation of
 * deploymentConfiguration (8.2 bounds and defaults).
 */
import { describe, expect, it } from 'vitest';
import { messages, quietAlarm, records, revision, setAlarm } from '../support/deployments.ts';
import { alb, registerWebWithPort } from '../support/elb.ts';
import { kingdom, type World } from '../support/world.ts';

function mill(
  w: World,
  desired: number,
  dc: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  const td1 = revision(w, 'web', 'nginx:1.27');
  w.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: td1,
    desiredCount: desired,
    deploymentConfiguration: dc,
    ...extra,
  });
  return td1;
}

const ALARMS = (names: string[], rollback = true) => ({
  alarms: { alarmNames: names, enable: true, rollback },
});

// Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html
describe('CloudWatch alarms', () => {
  it('an alarm going to ALARM during the deployment fails it and rolls back', () => {
    const w = kingdom();
    quietAlarm(w, 'errors');
    const td1 = mill(w, 2, ALARMS(['errors']));
    w.tick(300);
    const before = w.service('mill').deployments[0].id;
    const td2 = revision(w, 'web', 'nginx:1.28');
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
    const failedId = w.service('mill').deployments[0].id;
    w.tick(10);
    setAlarm(w, 'errors', 'ALARM');
    w.tick(1);
    expect(messages(w)).toContain(
      `(service mill) (deployment ${failedId}) deployment failed: alarm detected.`,
    );
    expect(messages(w)[0]).toBe(`(service mill) rolling back to deployment ${before}.`);
    expect(w.events.find((e) => e.type === 'deployment/failed')?.data).toMatchObject({ reason: 'errors' });
    const rec = records(w)[0];
    expect(rec).toMatchObject({
      status: 'ROLLBACK_IN_PROGRESS',
      alarms: { status: 'TRIGGERED', alarmNames: ['errors'], triggeredAlarmNames: ['errors'] },
    });
    const failed = w.service('mill').deployments.find((d: any) => d.id === failedId);
    expect(failed.rolloutState).toBe('FAILED');
    expect(failed.rolloutStateReason).toContain('errors');
    setAlarm(w, 'errors', 'OK');
    w.tick(300);
    expect(w.service('mill').taskDefinition).toBe(td1);
    expect(records(w)[0].status).toBe('ROLLBACK_SUCCESSFUL');
  });

  it('an alarm already in ALARM when the deployment starts is ignored for that deployment', () => {
    const w = kingdom();
    quietAlarm(w, 'noisy');
    mill(w, 2, ALARMS(['noisy']));
    w.tick(300);
    setAlarm(w, 'noisy', 'ALARM');
    const td2 = revision(w, 'web', 'nginx:1.28');
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
    w.tick(400);
    expect(w.service('mill').deployments).toHaveLength(1);
    expect(w.service('mill').deployments[0]).toMatchObject({
      taskDefinition: td2,
      rolloutState: 'COMPLETED',
    });
    expect(records(w)[0].status).toBe('SUCCESSFUL');
  });

  it('COMPLETED only after steady state and the bake time (longest Period x EvaluationPeriods)', () => {
    const w = kingdom();
    quietAlarm(w, 'latency', 60, 2);
    mill(w, 2, ALARMS(['latency']));
    w.tick(400);
    const td2 = revision(w, 'web', 'nginx:1.28');
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
    let steadyAt = 0;
    let completedAt = 0;
    for (let t = 1; t <= 400 && !completedAt; t++) {
      w.tick(1);
      const s = w.service('mill');
      if (!steadyAt && s.deployments.length === 1 && s.runningCount === 2) steadyAt = t;
      if (s.deployments[0].rolloutState === 'COMPLETED') completedAt = t;
    }
    expect(steadyAt).toBeGreaterThan(0);
    expect(completedAt - steadyAt).toBeGreaterThanOrEqual(119);
    expect(completedAt - steadyAt).toBeLessThanOrEqual(121);
  });

  it('an alarm during the bake time still fails the deployment', () => {
    const w = kingdom();
    quietAlarm(w, 'latency', 60, 2);
    mill(w, 2, ALARMS(['latency'], false));
    w.tick(400);
    const td2 = revision(w, 'web', 'nginx:1.28');
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
    for (let t = 0; t < 200 && w.service('mill').deployments.length > 1; t++) w.tick(1);
    w.tick(5);
    expect(w.service('mill').deployments[0].rolloutState).toBe('IN_PROGRESS');
    setAlarm(w, 'latency', 'ALARM');
    w.tick(1);
    expect(w.service('mill').deployments[0].rolloutState).toBe('FAILED');
    expect(records(w)[0].status).toBe('STOPPED');
  });
});

describe('rolling update behind a load balancer', () => {
  it('tasks carry the target group, count as healthy only when the target is healthy', () => {
    const w = kingdom();
    const lb = alb(w, { waitActive: true, groups: ['blue'] });
    const td1 = registerWebWithPort(w);
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: td1,
      desiredCount: 2,
      loadBalancers: [{ targetGroupArn: lb.blue, containerName: 'web', containerPort: 80 }],
    });
    w.tick(15);
    expect(w.liveTasks('mill').every((t) => t.loadBalancers?.[0]?.targetGroupArn === lb.blue)).toBe(true);
    const td2 = registerWebWithPort(w, 'web', 'bridge', 'nginx:1.28');
    w.tick(60);
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
    let minHealthy = 99;
    for (let t = 0; t < 400; t++) {
      w.tick(1);
      const healthyTargets = w
        .ok('elbv2:DescribeTargetHealth', { TargetGroupArn: lb.blue })
        .TargetHealthDescriptions.filter((d: any) => d.TargetHealth.State === 'healthy').length;
      minHealthy = Math.min(minHealthy, healthyTargets);
    }
    // minimumHealthyPercent 100: never fewer than 2 healthy targets while rolling.
    expect(minHealthy).toBeGreaterThanOrEqual(2);
    expect(w.service('mill').deployments).toHaveLength(1);
    expect(w.running('mill').every((t) => t.taskDefinitionArn === td2)).toBe(true);
  });

  it('UpdateService with new loadBalancers starts a deployment whose tasks use them', () => {
    const w = kingdom();
    const lb = alb(w, { waitActive: true });
    const td1 = registerWebWithPort(w);
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: td1,
      desiredCount: 2,
      loadBalancers: [{ targetGroupArn: lb.blue, containerName: 'web', containerPort: 80 }],
    });
    w.tick(90);
    const out = w.ok('ecs:UpdateService', {
      cluster: 'Royaume',
      service: 'mill',
      loadBalancers: [{ targetGroupArn: lb.green, containerName: 'web', containerPort: 80 }],
    }).service;
    expect(out.deployments).toHaveLength(2);
    expect(out.loadBalancers[0].targetGroupArn).toBe(lb.green);
    w.tick(300);
    expect(w.running('mill').every((t) => t.loadBalancers?.[0]?.targetGroupArn === lb.green)).toBe(true);
    expect(w.service('mill').deployments).toHaveLength(1);
  });
});

describe('service deployments API', () => {
  it('lists and describes deployments with their revisions', () => {
    const w = kingdom();
    const td1 = mill(w, 2);
    w.tick(90);
    const td2 = revision(w, 'web', 'nginx:1.28');
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 });
    const list = w.ok('ecs:ListServiceDeployments', {
      cluster: 'Royaume',
      service: 'mill',
    }).serviceDeployments;
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      serviceArn: 'arn:aws:ecs:za-southwest-1:123456789012:service/Royaume/mill',
      clusterArn: 'arn:aws:ecs:za-southwest-1:123456789012:cluster/Royaume',
      status: 'IN_PROGRESS',
    });
    expect(list[0].serviceDeploymentArn).toMatch(
      /^arn:aws:ecs:za-southwest-1:123456789012:service-deployment\/Royaume\/mill\/[A-Za-z0-9_-]{22}$/,
    );
    expect(list[1]).toMatchObject({ status: 'SUCCESSFUL', finishedAt: expect.any(Number) });
    const only = w.ok('ecs:ListServiceDeployments', {
      cluster: 'Royaume',
      service: 'mill',
      status: ['SUCCESSFUL'],
    });
    expect(only.serviceDeployments).toHaveLength(1);
    const [cur] = w.ok('ecs:DescribeServiceDeployments', {
      serviceDeploymentArns: [list[0].serviceDeploymentArn],
    }).serviceDeployments;
    expect(cur.sourceServiceRevisions[0]).toMatchObject({
      arn: list[1].targetServiceRevisionArn,
      runningTaskCount: 2,
    });
    expect(cur.targetServiceRevision.arn).toBe(list[0].targetServiceRevisionArn);
    const revs = w.ok('ecs:DescribeServiceRevisions', {
      serviceRevisionArns: [list[1].targetServiceRevisionArn, list[0].targetServiceRevisionArn, 'arn:nope'],
    });
    expect(revs.serviceRevisions.map((r: any) => r.taskDefinition)).toEqual([td1, td2]);
    expect(revs.failures).toEqual([{ arn: 'arn:nope', reason: 'MISSING' }]);
    const missing = w.ok('ecs:DescribeServiceDeployments', { serviceDeploymentArns: ['arn:x'] });
    expect(missing).toEqual({ serviceDeployments: [], failures: [{ arn: 'arn:x', reason: 'MISSING' }] });
    expect(w.service('mill').currentServiceDeployment).toBe(list[0].serviceDeploymentArn);
  });

  it('StopServiceDeployment ROLLBACK: ROLLBACK_REQUESTED, then the previous revision is redeployed', () => {
    const w = kingdom();
    const td1 = mill(w, 2);
    w.tick(90);
    w.ok('ecs:UpdateService', {
      cluster: 'Royaume',
      service: 'mill',
      taskDefinition: revision(w, 'web', 'nginx:1.28'),
    });
    w.tick(5);
    const arn = records(w)[0].serviceDeploymentArn;
    expect(w.ok('ecs:StopServiceDeployment', { serviceDeploymentArn: arn, stopType: 'ROLLBACK' })).toEqual({
      serviceDeploymentArn: arn,
    });
    expect(records(w)[0].status).toBe('ROLLBACK_REQUESTED');
    w.tick(1);
    expect(records(w)[0].status).toBe('ROLLBACK_IN_PROGRESS');
    expect(w.events.find((e) => e.type === 'deployment/rolledBack')?.data.reason).toBe(
      'StopServiceDeployment',
    );
    w.tick(300);
    expect(records(w)[0]).toMatchObject({
      status: 'ROLLBACK_SUCCESSFUL',
      rollback: { reason: expect.any(String) },
    });
    expect(w.service('mill').taskDefinition).toBe(td1);
    expect(w.running('mill').every((t) => t.taskDefinitionArn === td1)).toBe(true);
  });

  it.each([
    [
      'an unknown ARN',
      { serviceDeploymentArn: 'arn:aws:ecs:za-southwest-1:123456789012:service-deployment/Royaume/mill/abc' },
      'ServiceDeploymentNotFoundException',
    ],
    ['a blank ARN', {}, 'InvalidParameterException'],
    ['an invalid stop type', { serviceDeploymentArn: 'x', stopType: 'HALT' }, 'InvalidParameterException'],
  ])('StopServiceDeployment refuses %s', (_n, input, code) => {
    const w = kingdom();
    expect(w.err('ecs:StopServiceDeployment', input).name).toBe(code);
  });

  it('StopServiceDeployment: a finished deployment, or one with nothing to go back to, is a conflict', () => {
    const w = kingdom();
    mill(w, 1);
    expect(
      w.err('ecs:StopServiceDeployment', { serviceDeploymentArn: records(w)[0].serviceDeploymentArn }).name,
    ).toBe('ConflictException');
    w.tick(90);
    const done = records(w)[0];
    expect(done.status).toBe('SUCCESSFUL');
    const e = w.err('ecs:StopServiceDeployment', { serviceDeploymentArn: done.serviceDeploymentArn });
    expect(e).toEqual({
      name: 'ConflictException',
      message: "The service deployment is in the SUCCESSFUL state and can't be stopped.",
    });
  });

  it('a new deployment stops the one in progress', () => {
    const w = kingdom();
    mill(w, 2);
    w.tick(90);
    w.ok('ecs:UpdateService', {
      cluster: 'Royaume',
      service: 'mill',
      taskDefinition: revision(w, 'web', 'a:1'),
    });
    w.ok('ecs:UpdateService', {
      cluster: 'Royaume',
      service: 'mill',
      taskDefinition: revision(w, 'web', 'a:2'),
    });
    const [latest, stopped] = records(w);
    expect(latest.status).toBe('IN_PROGRESS');
    expect(stopped).toMatchObject({ status: 'STOPPED', stoppedAt: expect.any(Number) });
  });
});

// Source: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html,
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-linear.html
describe('deploymentConfiguration validation', () => {
  it.each([
    [
      { strategy: 'RAINBOW' },
      "Invalid deployment strategy 'RAINBOW'. Valid values are ROLLING, BLUE_GREEN, LINEAR, CANARY.",
    ],
    [
      { strategy: 'BLUE_GREEN' },
      'bakeTimeInMinutes must be specified for the BLUE_GREEN deployment strategy.',
    ],
    [
      { strategy: 'LINEAR', linearConfiguration: { stepPercent: 2 } },
      'stepPercent must be between 3.0 and 100.0.',
    ],
    [
      { strategy: 'LINEAR', linearConfiguration: { stepPercent: 12.25 } },
      'stepPercent must be a multiple of 0.1.',
    ],
    [
      { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 0.05 } },
      'canaryPercent must be between 0.1 and 100.0.',
    ],
    [{ bakeTimeInMinutes: 1441 }, 'bakeTimeInMinutes must be an integer between 0 and 1440.'],
    [{ alarms: { alarmNames: ['a'], enable: true } }, 'alarms requires enable and rollback (booleans).'],
    [
      { lifecycleHooks: [{ hookTargetArn: 'arn:aws:lambda:x', lifecycleStages: ['BAKE_TIME'] }] },
      "Invalid lifecycle stage 'BAKE_TIME'.",
    ],
  ])('%j is refused', (deploymentConfiguration, message) => {
    const w = kingdom([]);
    const e = w.err('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: w.registerWeb(),
      desiredCount: 1,
      deploymentConfiguration,
    });
    expect(e).toEqual({ name: 'InvalidParameterException', message });
    expect(w.state.services.keys()).toHaveLength(0);
  });

  it.each([
    [{ strategy: 'LINEAR' }, { linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 6 } }],
    [{ strategy: 'CANARY' }, { canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 10 } }],
    [
      { strategy: 'LINEAR', linearConfiguration: { stepPercent: 12.5 } },
      { linearConfiguration: { stepPercent: 12.5, stepBakeTimeInMinutes: 6 } },
    ],
    [
      {
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 5,
        lifecycleHooks: [
          {
            hookTargetArn: 'arn:aws:lambda:za-southwest-1:123456789012:function:check',
            lifecycleStages: ['POST_SCALE_UP'],
          },
        ],
      },
      {
        bakeTimeInMinutes: 5,
        lifecycleHooks: [
          {
            hookTargetArn: 'arn:aws:lambda:za-southwest-1:123456789012:function:check',
            lifecycleStages: ['POST_SCALE_UP'],
          },
        ],
      },
    ],
  ])('%j takes the documented defaults and is echoed', (deploymentConfiguration, echoed) => {
    const w = kingdom([]);
    const s = w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: w.registerWeb(),
      desiredCount: 1,
      deploymentConfiguration,
    }).service;
    expect(s.deploymentConfiguration).toMatchObject({ ...deploymentConfiguration, ...echoed });
  });
});
