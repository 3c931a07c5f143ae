import { describe, expect, it } from 'vitest';
import { CD_ROLE, deploy, deployment } from '../support/codedeploy.ts';
import { alb, health, registerWebWithPort, states } from '../support/elb.ts';
import { kingdom, type World } from '../support/world.ts';

interface Setup {
  w: World;
  lb: ReturnType<typeof alb>;
  td2: string;
}

/** A CODE_DEPLOY service `mill` (2 tasks) behind blue, and a deployment group wired to blue/green. */
function setup(group: Record<string, unknown> = {}, seed = 1): Setup {
  const w = kingdom(['a', 'b', 'c'], 't3.medium', seed);
  const lb = alb(w, { waitActive: true });
  const td1 = registerWebWithPort(w, 'web');
  const td2 = registerWebWithPort(w, 'web', 'bridge', 'nginx:1.28');
  w.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: td1,
    desiredCount: 2,
    deploymentController: { type: 'CODE_DEPLOY' },
    loadBalancers: [{ targetGroupArn: lb.blue, containerName: 'web', containerPort: 80 }],
  });
  w.tick(120);
  w.ok('codedeploy:CreateApplication', { applicationName: 'kingdom', computePlatform: 'ECS' });
  w.ok('codedeploy:CreateDeploymentGroup', {
    applicationName: 'kingdom',
    deploymentGroupName: 'mill',
    serviceRoleArn: CD_ROLE,
    deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
    ecsServices: [{ serviceName: 'mill', clusterName: 'Royaume' }],
    loadBalancerInfo: {
      targetGroupPairInfoList: [
        {
          targetGroups: [{ name: 'web-blue' }, { name: 'web-green' }],
          prodTrafficRoute: { listenerArns: [lb.listener80] },
          testTrafficRoute: { listenerArns: [lb.listener8080] },
        },
      ],
    },
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    blueGreenDeploymentConfiguration: {
      terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 },
      deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' },
    },
    ...group,
  });
  return { w, lb, td2 };
}

const appSpec = (td: string, hooks: Record<string, string>[] = []) => ({
  revisionType: 'AppSpecContent',
  appSpecContent: {
    content: JSON.stringify({
      version: 0.0,
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: { TaskDefinition: td, LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 } },
          },
        },
      ],
      Hooks: hooks,
    }),
  },
});

const taskSets = (w: World) =>
  w.ok('ecs:DescribeTaskSets', { cluster: 'Royaume', service: 'mill' }).taskSets as any[];

/** Percent of the production listener's forward on the given target group. */
function share(w: World, listener: string, tg: string): number {
  const a = w.ok('elbv2:DescribeListeners', { ListenerArns: [listener] }).Listeners[0].DefaultActions[0];
  const tuples = a.ForwardConfig?.TargetGroups ?? [{ TargetGroupArn: a.TargetGroupArn, Weight: 1 }];
  const total = tuples.reduce((s: number, t: any) => s + t.Weight, 0);
  const mine = tuples.find((t: any) => t.TargetGroupArn === tg)?.Weight ?? 0;
  return Math.round((mine / total) * 100);
}

function runUntil(w: World, id: string, pred: (d: any) => boolean, max = 3600): any {
  for (let i = 0; i < max; i++) {
    const d = deployment(w, id);
    if (pred(d)) return d;
    w.tick(1);
  }
  throw new Error(`deployment ${id} did not get there: ${JSON.stringify(deployment(w, id))}`);
}

describe('ECS task sets for CODE_DEPLOY services', () => {
  it('the first task set is PRIMARY at 100% and keeps computedDesiredCount = ceil(desired x scale)', () => {
    const { w } = setup();
    const [ts] = taskSets(w);
    expect(ts).toMatchObject({
      status: 'PRIMARY',
      scale: { value: 100, unit: 'PERCENT' },
      computedDesiredCount: 2,
      runningCount: 2,
      stabilityStatus: 'STEADY_STATE',
    });
    expect(ts.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(w.running('mill').every((t) => t.deploymentId === ts.id && t.loadBalancers?.length === 1)).toBe(
      true,
    );
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', desiredCount: 3 });
    w.tick(2);
    expect(taskSets(w)[0]).toMatchObject({ computedDesiredCount: 3, stabilityStatus: 'STABILIZING' });
    w.tick(60);
    expect(taskSets(w)[0]).toMatchObject({ runningCount: 3, stabilityStatus: 'STEADY_STATE' });
  });
});

describe('DescribeServices on a CODE_DEPLOY service (ECS-API:CreateServiceResponse)', () => {
  it('returns taskSets, an empty deployments list, and the default grace period 0 behind a load balancer', () => {
    const { w } = setup();
    const svc = w.ok('ecs:DescribeServices', { cluster: 'Royaume', services: ['mill'] }).services[0];
    expect(svc.deploymentController).toEqual({ type: 'CODE_DEPLOY' });
    expect(svc.deployments).toEqual([]);
    expect(svc.taskSets).toHaveLength(1);
    expect(svc.healthCheckGracePeriodSeconds).toBe(0);
  });
});

describe('BatchGet calls (CodeDeploy API)', () => {
  it('BatchGetApplications and BatchGetDeploymentGroups return the Get answers; unknown groups go to errorMessage', () => {
    const { w } = setup();
    const apps = w.ok('codedeploy:BatchGetApplications', { applicationNames: ['kingdom'] }).applicationsInfo;
    expect(apps).toEqual([w.ok('codedeploy:GetApplication', { applicationName: 'kingdom' }).application]);
    const groups = w.ok('codedeploy:BatchGetDeploymentGroups', {
      applicationName: 'kingdom',
      deploymentGroupNames: ['mill', 'nope'],
    });
    expect(groups.deploymentGroupsInfo).toEqual([
      w.ok('codedeploy:GetDeploymentGroup', { applicationName: 'kingdom', deploymentGroupName: 'mill' })
        .deploymentGroupInfo,
    ]);
    expect(groups.errorMessage).toContain('nope');
    expect(w.err('codedeploy:BatchGetApplications', { applicationNames: ['missing'] }).name).toBe(
      'ApplicationDoesNotExistException',
    );
  });
});

describe('UpdateService on a CODE_DEPLOY service (ECS-API:UpdateService)', () => {
  it.each([
    ['a new task definition', (td2: string) => ({ taskDefinition: td2 }), 'Unable to update task definition'],
    ['forceNewDeployment', () => ({ forceNewDeployment: true }), 'Unable to force a new deployment'],
    ['placement', () => ({ placementStrategy: [{ type: 'random' }] }), 'Unable to update placementStrategy'],
    ['loadBalancers', () => ({ loadBalancers: [] }), 'Unable to update loadBalancers'],
    ['serviceRegistries', () => ({ serviceRegistries: [] }), 'Unable to update serviceRegistries'],
  ])('refuses %s and changes nothing', (_label, input, message) => {
    const { w, td2 } = setup();
    const before = w.state;
    const e = w.err('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', ...input(td2) });
    expect(e.name).toBe('InvalidParameterException');
    expect(e.message).toContain(message);
    expect(w.state).toBe(before);
  });
});

describe('CodeDeploy ECS blue/green', () => {
  it('runs the lifecycle in order, shifts test then production traffic, and retires the original', () => {
    const { w, lb, td2 } = setup();
    const before = taskSets(w)[0];
    const id = deploy(w, appSpec(td2), {}, 'kingdom', 'mill');
    w.tick(1);
    const sets = taskSets(w);
    expect(sets).toHaveLength(2);
    const green = sets.find((s) => s.id !== before.id);
    expect(green).toMatchObject({
      status: 'ACTIVE',
      taskDefinition: td2,
      scale: { value: 100 },
      externalId: id,
      startedBy: 'CODE_DEPLOY',
    });
    expect(green.loadBalancers[0].targetGroupArn).toBe(lb.green);
    runUntil(w, id, (d) => d.instanceTerminationWaitTimeStarted);
    expect(share(w, lb.listener8080, lb.green)).toBe(100);
    expect(share(w, lb.listener80, lb.green)).toBe(100);
    const now = taskSets(w);
    expect(now.find((s) => s.id === green.id)?.status).toBe('PRIMARY');
    expect(now.find((s) => s.id === before.id)?.status).toBe('ACTIVE');
    expect(w.service('mill').taskDefinition).toBe(td2);
    const order = w
      .eventsOf('codedeploy/lifecycle')
      .filter((e) => e.data.deploymentId === id && e.data.status !== 'InProgress')
      .map((e) => e.data.event);
    expect(order).toEqual([
      'BeforeInstall',
      'Install',
      'AfterInstall',
      'AllowTestTraffic',
      'AfterAllowTestTraffic',
      'BeforeAllowTraffic',
      'AllowTraffic',
      'AfterAllowTraffic',
    ]);
    // Termination wait of 5 minutes, then the original drains and goes.
    const waitStart = w.state.now;
    const done = runUntil(w, id, (d) => d.status === 'Succeeded');
    expect(w.state.now - waitStart).toBeGreaterThanOrEqual(299);
    expect(done.completeTime).toBe(w.state.now);
    expect(taskSets(w).find((s) => s.id === before.id)?.status).toBe('DRAINING');
    // The old targets drain for the group's deregistration delay (300 s) before the tasks stop.
    w.tick(400);
    expect(taskSets(w).map((s) => s.id)).toEqual([green.id]);
    expect(w.running('mill').every((t) => t.taskDefinitionArn === td2)).toBe(true);
  });

  it("AWS's tutorial wiring (green on no listener, no test listener): Install completes in about two minutes", () => {
    const w = kingdom(['a', 'b', 'c'], 't3.medium', 1);
    const lb = alb(w, { waitActive: true });
    w.ok('elbv2:DeleteListener', { ListenerArn: lb.listener8080 });
    const td1 = registerWebWithPort(w, 'web');
    const td2 = registerWebWithPort(w, 'web', 'bridge', 'nginx:1.28');
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: td1,
      desiredCount: 2,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: lb.blue, containerName: 'web', containerPort: 80 }],
    });
    w.tick(120);
    w.ok('codedeploy:CreateApplication', { applicationName: 'kingdom', computePlatform: 'ECS' });
    w.ok('codedeploy:CreateDeploymentGroup', {
      applicationName: 'kingdom',
      deploymentGroupName: 'mill',
      serviceRoleArn: CD_ROLE,
      deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
      ecsServices: [{ serviceName: 'mill', clusterName: 'Royaume' }],
      loadBalancerInfo: {
        targetGroupPairInfoList: [
          {
            targetGroups: [{ name: 'web-blue' }, { name: 'web-green' }],
            prodTrafficRoute: { listenerArns: [lb.listener80] },
          },
        ],
      },
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      blueGreenDeploymentConfiguration: {
        terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 },
        deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' },
      },
    });
    const id = deploy(w, appSpec(td2), {}, 'kingdom', 'mill');
    const start = w.state.now;
    // Before the shift the replacement's targets are in a group no listener uses: "unused", not failing.
    while (states(w, lb.green).length < 2 && w.state.now - start < 600) w.tick(1);
    expect(new Set(states(w, lb.green))).toEqual(new Set(['unused']));
    expect(health(w, lb.green)[0].TargetHealth).toEqual({
      State: 'unused',
      Reason: 'Target.NotInUse',
      Description: 'Target group is not configured to receive traffic from the load balancer',
    });
    const installed = () =>
      w.events.some(
        (e) =>
          e.type === 'codedeploy/lifecycle' &&
          e.data.deploymentId === id &&
          e.data.event === 'Install' &&
          e.data.status === 'Succeeded',
      );
    while (!installed() && w.state.now - start < 3600) w.tick(1);
    expect(w.state.now - start).toBeLessThanOrEqual(150);
    // The shift puts green on the listener: its targets are checked and turn healthy.
    const done = runUntil(w, id, (d) => d.instanceTerminationWaitTimeStarted === true, 600);
    expect(done.status).toBe('InProgress');
    w.tick(30);
    expect(new Set(states(w, lb.green))).toEqual(new Set(['healthy']));
  });

  it('ContinueDeployment TERMINATION_WAIT ends the termination wait early', () => {
    const { w, td2 } = setup();
    const id = deploy(w, appSpec(td2), {}, 'kingdom', 'mill');
    runUntil(w, id, (d) => d.instanceTerminationWaitTimeStarted);
    expect(
      w.err('codedeploy:ContinueDeployment', { deploymentId: id, deploymentWaitType: 'READY_WAIT' }).name,
    ).toBe('DeploymentIsNotInReadyStateException');
    w.ok('codedeploy:ContinueDeployment', { deploymentId: id, deploymentWaitType: 'TERMINATION_WAIT' });
    w.tick(1);
    expect(deployment(w, id).status).toBe('Succeeded');
  });

  it('STOP_DEPLOYMENT waits in Ready until ContinueDeployment READY_WAIT', () => {
    const { w, lb, td2 } = setup({
      blueGreenDeploymentConfiguration: {
        terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 0 },
        deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 30 },
      },
    });
    const id = deploy(w, appSpec(td2), {}, 'kingdom', 'mill');
    runUntil(w, id, (d) => d.status === 'Ready');
    w.tick(60);
    expect(deployment(w, id).status).toBe('Ready');
    expect(share(w, lb.listener80, lb.green)).toBe(0);
    expect(share(w, lb.listener8080, lb.green)).toBe(100);
    w.ok('codedeploy:ContinueDeployment', { deploymentId: id, deploymentWaitType: 'READY_WAIT' });
    runUntil(w, id, (d) => d.status === 'Succeeded', 60);
    expect(share(w, lb.listener80, lb.green)).toBe(100);
  });

  it('Ready times out to Stopped', () => {
    const { w, td2 } = setup({
      blueGreenDeploymentConfiguration: {
        deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 1 },
      },
    });
    const id = deploy(w, appSpec(td2), {}, 'kingdom', 'mill');
    runUntil(w, id, (d) => d.status === 'Ready');
    w.tick(61);
    expect(deployment(w, id).status).toBe('Stopped');
  });

  it('ECS canary 10% then 100% five minutes later; linear 10% per minute', () => {
    for (const [config, expected] of [
      [
        'CodeDeployDefault.ECSCanary10Percent5Minutes',
        [
          [0, 10],
          [300, 100],
        ],
      ],
      [
        'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
        Array.from({ length: 10 }, (_, k) => [k * 60, (k + 1) * 10]),
      ],
    ] as const) {
      const { w, lb, td2 } = setup();
      const id = deploy(w, appSpec(td2), { deploymentConfigName: config }, 'kingdom', 'mill');
      runUntil(w, id, (d) => d.status === 'InProgress' && share(w, lb.listener80, lb.green) > 0);
      const start = w.state.now;
      const seen: [number, number][] = [];
      let last = -1;
      for (let t = 0; t <= 700; t++) {
        const p = share(w, lb.listener80, lb.green);
        if (p !== last) seen.push([w.state.now - start, p]);
        last = p;
        if (p === 100) break;
        w.tick(1);
      }
      expect(seen).toEqual(expected);
    }
  });

  it('an alarm during the shift rolls back: 0% on the replacement, which is removed; rollback has its own id', () => {
    const { w, lb, td2 } = setup({
      deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery3Minutes',
      alarmConfiguration: { enabled: true, alarms: [{ name: 'gate-5xx' }] },
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_STOP_ON_ALARM'] },
    });
    w.ok('cloudwatch:PutMetricAlarm', {
      AlarmName: 'gate-5xx',
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_Target_5XX_Count',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1000000,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    const id = deploy(w, appSpec(td2), {}, 'kingdom', 'mill');
    runUntil(w, id, () => share(w, lb.listener80, lb.green) === 20);
    w.ok('cloudwatch:SetAlarmState', { AlarmName: 'gate-5xx', StateValue: 'ALARM', StateReason: 'test' });
    w.tick(1);
    const info = deployment(w, id);
    expect(info.status).toBe('Stopped');
    expect(info.errorInformation.code).toBe('ALARM_ACTIVE');
    expect(share(w, lb.listener80, lb.green)).toBe(0);
    expect(share(w, lb.listener80, lb.blue)).toBe(100);
    const rbId = info.rollbackInfo.rollbackDeploymentId;
    expect(rbId).toMatch(/^d-[A-Z0-9]{9}$/);
    expect(deployment(w, rbId)).toMatchObject({
      creator: 'codeDeployRollback',
      rollbackInfo: { rollbackTriggeringDeploymentId: id },
    });
    const ev = w.events.find((e) => e.type === 'codedeploy/rolledBack');
    expect(ev?.data).toMatchObject({ alarmName: 'gate-5xx', atPercent: 20, step: 2, steps: 10 });
    const sets = taskSets(w);
    expect(sets.find((s) => s.taskDefinition === td2)?.status).toBe('DRAINING');
    expect(sets.find((s) => s.taskDefinition !== td2)?.status).toBe('PRIMARY');
    w.tick(400);
    expect(taskSets(w)).toHaveLength(1);
    expect(w.service('mill').taskDefinition).not.toBe(td2);
  });

  it('StopDeployment with rollback while testing; hooks wait for their status', () => {
    const { w, lb, td2 } = setup();
    const id = deploy(w, appSpec(td2, [{ AfterAllowTestTraffic: 'checkTest' }]), {}, 'kingdom', 'mill');
    runUntil(w, id, () => w.events.some((e) => e.type === 'codedeploy/hookInvoked'));
    w.tick(600);
    expect(deployment(w, id).status).toBe('InProgress');
    expect(share(w, lb.listener8080, lb.green)).toBe(100);
    w.ok('codedeploy:StopDeployment', { deploymentId: id, autoRollbackEnabled: true });
    expect(deployment(w, id).status).toBe('Stopped');
    expect(share(w, lb.listener8080, lb.green)).toBe(0);
    expect(share(w, lb.listener80, lb.blue)).toBe(100);
  });

  it('validates the deployment group wiring', () => {
    const w = kingdom();
    const lb = alb(w);
    const td = registerWebWithPort(w);
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'plain',
      taskDefinition: td,
      desiredCount: 0,
    });
    w.ok('codedeploy:CreateApplication', { applicationName: 'k', computePlatform: 'ECS' });
    const base = {
      applicationName: 'k',
      deploymentGroupName: 'g',
      serviceRoleArn: CD_ROLE,
      ecsServices: [{ serviceName: 'plain', clusterName: 'Royaume' }],
      loadBalancerInfo: {
        targetGroupPairInfoList: [
          {
            targetGroups: [{ name: 'web-blue' }, { name: 'web-green' }],
            prodTrafficRoute: { listenerArns: [lb.listener80] },
          },
        ],
      },
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    };
    expect(w.err('codedeploy:CreateDeploymentGroup', base).name).toBe('InvalidECSServiceException');
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'cd',
      taskDefinition: td,
      desiredCount: 0,
      deploymentController: { type: 'CODE_DEPLOY' },
    });
    const cd = { ...base, ecsServices: [{ serviceName: 'cd', clusterName: 'Royaume' }] };
    expect(
      w.err('codedeploy:CreateDeploymentGroup', {
        ...cd,
        loadBalancerInfo: {
          targetGroupPairInfoList: [
            {
              targetGroups: [{ name: 'web-blue' }, { name: 'nope' }],
              prodTrafficRoute: { listenerArns: [lb.listener80] },
            },
          ],
        },
      }).name,
    ).toBe('InvalidTargetGroupPairException');
    expect(
      w.err('codedeploy:CreateDeploymentGroup', {
        ...cd,
        deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' },
      }).name,
    ).toBe('InvalidDeploymentStyleException');
    expect(
      w.err('codedeploy:CreateDeploymentGroup', {
        ...cd,
        deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
      }).name,
    ).toBe('InvalidDeploymentConfigNameException');
    expect(w.ok('codedeploy:CreateDeploymentGroup', cd).deploymentGroupId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

/** The AppSpec as AWS's ECS tutorial writes it (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-blue-green.html). */
const yamlAppSpec = (td: string, extra = '') => ({
  revisionType: 'AppSpecContent',
  appSpecContent: {
    content: `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "${td}"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 80
${extra}`,
  },
});

const NOT_WELL_FORMED =
  'The deployment failed because the AppSpec file that specifies the deployment configuration is missing or has an invalid configuration. The input AppSpec file is a not well-formed yaml. The template cannot be parsed.';

describe('AppSpec content in YAML', () => {
  it('a YAML AppSpec with hooks deploys like its JSON twin', () => {
    const { w, lb, td2 } = setup();
    const id = deploy(
      w,
      yamlAppSpec(td2, 'Hooks:\n  - AfterAllowTestTraffic: "CheckTheReplacement"\n'),
      {},
      'kingdom',
      'mill',
    );
    const invoked = () =>
      w
        .eventsOf('codedeploy/hookInvoked')
        .find((e) => e.data.deploymentId === id && e.data.functionName === 'CheckTheReplacement');
    const t0 = w.state.now;
    while (!invoked() && w.state.now - t0 < 900) w.tick(1);
    expect(invoked()?.data.event).toBe('AfterAllowTestTraffic');
    w.ok('codedeploy:PutLifecycleEventHookExecutionStatus', {
      deploymentId: id,
      lifecycleEventHookExecutionId: invoked()?.data.lifecycleEventHookExecutionId,
      status: 'Succeeded',
    });
    const d = runUntil(w, id, (x) => x.instanceTerminationWaitTimeStarted);
    expect(d.status).toBe('InProgress');
    expect(share(w, lb.listener80, lb.green)).toBe(100);
  });

  it.each([
    [
      'a tab for indentation',
      (td: string) => yamlAppSpec(td).appSpecContent.content.replace('  - Target', '\t- Target'),
    ],
    [
      'an unclosed quote',
      (td: string) => yamlAppSpec(td).appSpecContent.content.replace(`"${td}"`, `"${td}`),
    ],
    ['a key given twice', (td: string) => `${yamlAppSpec(td).appSpecContent.content}Resources: []\n`],
    ['a plain word', () => 'appspec'],
    ['a list', () => '- version: 0.0'],
    [
      'an alias bomb',
      () =>
        `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
    ],
  ])("%s: refused with CodeDeploy's words, nothing changes", (_case, content) => {
    const { w, td2 } = setup();
    const before = w.state;
    const e = w.err('codedeploy:CreateDeployment', {
      applicationName: 'kingdom',
      deploymentGroupName: 'mill',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: content(td2) } },
    });
    expect(e).toEqual({ name: 'InvalidRevisionException', message: NOT_WELL_FORMED });
    expect(w.state).toBe(before);
  });
});
