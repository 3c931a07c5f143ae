import { describe, expect, it } from 'vitest';
import {
  LINEAR_STEP_OFFSET,
  SAM_DEPLOYMENT_PREFERENCE_TYPES,
  trafficShifts,
} from '../../src/model/codedeploy/codedeploy-configs.ts';
import { HOOK_TIMEOUT } from '../../src/model/codedeploy/codedeploy-engine.ts';
import {
  alias,
  deploy,
  deployment,
  errorAlarm,
  lambdaApp,
  lambdaAppSpec,
  spell,
  weightOf,
} from '../support/codedeploy.ts';
import { World } from '../support/world.ts';

/** Runs a Lambda deployment second by second; returns [second, percent on the target] at each change. */
function timeline(configName: string, maxSeconds = 7200): [number, number][] {
  const w = new World();
  spell(w, 2);
  lambdaApp(w, configName);
  const id = deploy(w, lambdaAppSpec());
  const out: [number, number][] = [];
  let last = -1;
  for (let t = 1; t <= maxSeconds; t++) {
    w.tick(1);
    const a = alias(w);
    const pct = a.FunctionVersion === '2' ? 100 : Math.round(weightOf(w, '2') * 100);
    if (pct !== last) {
      out.push([t, pct]);
      last = pct;
    }
    if (deployment(w, id).status === 'Succeeded') break;
  }
  expect(deployment(w, id).status).toBe('Succeeded');
  return out;
}

describe('predefined Lambda configs (SAM DeploymentPreference types)', () => {
  it('maps every SAM type to CodeDeployDefault.Lambda<Type> (singular Minute for 1)', () => {
    expect(SAM_DEPLOYMENT_PREFERENCE_TYPES.Linear10PercentEvery1Minute).toBe(
      'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
    );
    expect(Object.keys(SAM_DEPLOYMENT_PREFERENCE_TYPES)).toHaveLength(9);
    const w = new World();
    for (const name of Object.values(SAM_DEPLOYMENT_PREFERENCE_TYPES))
      expect(
        w.ok('codedeploy:GetDeploymentConfig', { deploymentConfigName: name }).deploymentConfigInfo
          .computePlatform,
      ).toBe('Lambda');
  });

  it('the linear convention: step k at (k - 1) x interval', () => {
    expect(LINEAR_STEP_OFFSET).toBe(1);
    const s = trafficShifts({
      type: 'TimeBasedLinear',
      timeBasedLinear: { linearPercentage: 10, linearInterval: 1 },
    });
    expect(s.map((x) => x.at)).toEqual([0, 60, 120, 180, 240, 300, 360, 420, 480, 540]);
    expect(s.map((x) => x.percent)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  const canary = (m: number): [number, number][] => [
    [1, 10],
    [1 + m * 60, 100],
  ];
  const linear = (m: number): [number, number][] =>
    Array.from({ length: 10 }, (_, k) => [1 + k * m * 60, (k + 1) * 10]);
  it.each([
    ['AllAtOnce', [[1, 100]] as [number, number][]],
    ['Canary10Percent5Minutes', canary(5)],
    ['Canary10Percent10Minutes', canary(10)],
    ['Canary10Percent15Minutes', canary(15)],
    ['Canary10Percent30Minutes', canary(30)],
    ['Linear10PercentEvery1Minute', linear(1)],
    ['Linear10PercentEvery2Minutes', linear(2)],
    ['Linear10PercentEvery3Minutes', linear(3)],
    ['Linear10PercentEvery10Minutes', linear(10)],
  ])('%s timeline', (type, expected) => {
    expect(timeline(SAM_DEPLOYMENT_PREFERENCE_TYPES[type] as string)).toEqual(expected);
  });
});

describe('Lambda deployments', () => {
  it('runs BeforeAllowTraffic, AllowTraffic, AfterAllowTraffic in order, hooks Skipped without functions', () => {
    const w = new World();
    spell(w, 2);
    lambdaApp(w, 'CodeDeployDefault.LambdaAllAtOnce');
    const id = deploy(w, lambdaAppSpec());
    expect(deployment(w, id).status).toBe('Created');
    w.tick(1);
    const order = w.events
      .filter((e) => e.type === 'codedeploy/lifecycle')
      .map((e) => `${e.data.event}:${e.data.status}`);
    expect(order).toEqual([
      'BeforeAllowTraffic:Skipped',
      'AllowTraffic:InProgress',
      'AllowTraffic:Succeeded',
      'AfterAllowTraffic:Skipped',
    ]);
    const info = deployment(w, id);
    expect(info).toMatchObject({
      status: 'Succeeded',
      creator: 'user',
      computePlatform: 'Lambda',
      deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
    });
    expect(info.deploymentId).toMatch(/^d-[A-Z0-9]{9}$/);
    const target = w.ok('codedeploy:GetDeploymentTarget', {
      deploymentId: id,
      targetId: 'spell:live',
    }).deploymentTarget;
    expect(target.deploymentTargetType).toBe('LambdaTarget');
    expect(target.lambdaTarget.lambdaFunctionInfo).toEqual({
      functionName: 'spell',
      functionAlias: 'live',
      currentVersion: '1',
      targetVersion: '2',
      targetVersionWeight: 1,
    });
    expect(
      w.ok('codedeploy:GetDeploymentGroup', { applicationName: 'spells', deploymentGroupName: 'live' })
        .deploymentGroupInfo.lastSuccessfulDeployment.deploymentId,
    ).toBe(id);
  });

  it('a hook waits for PutLifecycleEventHookExecutionStatus', () => {
    const w = new World();
    spell(w, 2);
    lambdaApp(w, 'CodeDeployDefault.LambdaAllAtOnce');
    const id = deploy(w, lambdaAppSpec([{ BeforeAllowTraffic: 'preTraffic' }]));
    w.tick(100);
    expect(deployment(w, id).status).toBe('InProgress');
    expect(alias(w).FunctionVersion).toBe('1');
    const hook = w.events.find((e) => e.type === 'codedeploy/hookInvoked');
    expect(hook?.data).toMatchObject({ event: 'BeforeAllowTraffic', functionName: 'preTraffic' });
    const hid = hook?.data.lifecycleEventHookExecutionId as string;
    expect(
      w.err('codedeploy:PutLifecycleEventHookExecutionStatus', {
        deploymentId: id,
        lifecycleEventHookExecutionId: hid,
        status: 'Pending',
      }).name,
    ).toBe('InvalidLifecycleEventHookExecutionStatusException');
    w.ok('codedeploy:PutLifecycleEventHookExecutionStatus', {
      deploymentId: id,
      lifecycleEventHookExecutionId: hid,
      status: 'Succeeded',
    });
    w.tick(1);
    expect(deployment(w, id).status).toBe('Succeeded');
    expect(alias(w).FunctionVersion).toBe('2');
    expect(
      w.err('codedeploy:PutLifecycleEventHookExecutionStatus', {
        deploymentId: id,
        lifecycleEventHookExecutionId: hid,
        status: 'Succeeded',
      }).name,
    ).toBe('LifecycleEventAlreadyCompletedException');
  });

  it('a hook that never answers fails the deployment after one hour', () => {
    const w = new World();
    spell(w, 2);
    lambdaApp(w, 'CodeDeployDefault.LambdaCanary10Percent5Minutes', {
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
    });
    const id = deploy(w, lambdaAppSpec([{ AfterAllowTraffic: 'postTraffic' }]));
    w.tick(301);
    expect(alias(w).FunctionVersion).toBe('2');
    w.tick(HOOK_TIMEOUT - 1);
    expect(deployment(w, id).status).toBe('InProgress');
    w.tick(1);
    const info = deployment(w, id);
    expect(info.status).toBe('Failed');
    expect(info.errorInformation.code).toBe('TIMEOUT');
    // Rolled back: the alias is back on the current version.
    expect(alias(w).FunctionVersion).toBe('1');
    expect(alias(w).RoutingConfig).toBeUndefined();
    const rb = deployment(w, info.rollbackInfo.rollbackDeploymentId);
    expect(rb).toMatchObject({
      creator: 'codeDeployRollback',
      status: 'Succeeded',
      rollbackInfo: { rollbackTriggeringDeploymentId: id },
    });
  });

  it('an alarm during the canary rolls the alias back to 100% on the current version', () => {
    const w = new World(11);
    spell(w, 2);
    errorAlarm(w);
    lambdaApp(w, 'CodeDeployDefault.LambdaCanary10Percent30Minutes', {
      alarmConfiguration: { enabled: true, alarms: [{ name: 'spell-errors' }] },
      autoRollbackConfiguration: {
        enabled: true,
        events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'],
      },
    });
    w.ok('sim:SetBehavior', { FunctionName: 'spell', Version: '2', ErrorRate: 0.5 });
    w.ok('sim:SetTraffic', { FunctionName: 'spell', Qualifier: 'live', RequestsPerSecond: 10 });
    const id = deploy(w, lambdaAppSpec());
    w.tick(2);
    expect(weightOf(w, '2')).toBe(0.1);
    w.tick(300);
    const info = deployment(w, id);
    expect(info.status).toBe('Stopped');
    expect(info.errorInformation.code).toBe('ALARM_ACTIVE');
    expect(alias(w).FunctionVersion).toBe('1');
    expect(alias(w).RoutingConfig).toBeUndefined();
    const ev = w.events.find((e) => e.type === 'codedeploy/rolledBack');
    expect(ev?.data).toMatchObject({
      deploymentId: id,
      reason: 'ALARM_ACTIVE',
      alarmName: 'spell-errors',
      atPercent: 10,
      step: 1,
      steps: 2,
    });
  });

  it('StopDeployment with autoRollbackEnabled puts the alias back; without it leaves the weights', () => {
    for (const rollback of [true, false]) {
      const w = new World();
      spell(w, 2);
      lambdaApp(w, 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute');
      const id = deploy(w, lambdaAppSpec());
      w.tick(130);
      expect(weightOf(w, '2')).toBe(0.3);
      const r = w.ok('codedeploy:StopDeployment', { deploymentId: id, autoRollbackEnabled: rollback });
      expect(r.status).toBe('Pending');
      const info = deployment(w, id);
      expect(info.status).toBe('Stopped');
      expect(info.errorInformation.code).toBe('MANUAL_STOP');
      expect(weightOf(w, '2')).toBe(rollback ? 0 : 0.3);
      expect(w.err('codedeploy:StopDeployment', { deploymentId: id }).name).toBe(
        'DeploymentAlreadyCompletedException',
      );
    }
  });

  it('validates the AppSpec and runs one deployment per group', () => {
    const w = new World();
    spell(w, 2);
    lambdaApp(w, 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute');
    expect(
      w.err('codedeploy:CreateDeployment', {
        applicationName: 'spells',
        deploymentGroupName: 'live',
        revision: lambdaAppSpec([], '2', '1'),
      }).name,
    ).toBe('InvalidRevisionException');
    expect(
      w.err('codedeploy:CreateDeployment', {
        applicationName: 'nope',
        deploymentGroupName: 'live',
        revision: lambdaAppSpec(),
      }),
    ).toEqual({
      name: 'ApplicationDoesNotExistException',
      message: 'No application found for name: nope',
    });
    expect(
      w.err('codedeploy:CreateDeployment', {
        applicationName: 'spells',
        deploymentGroupName: 'x',
        revision: lambdaAppSpec(),
      }).name,
    ).toBe('DeploymentGroupDoesNotExistException');
    const id = deploy(w, lambdaAppSpec());
    const e = w.err('codedeploy:CreateDeployment', {
      applicationName: 'spells',
      deploymentGroupName: 'live',
      revision: lambdaAppSpec(),
    });
    expect(e).toEqual({
      name: 'DeploymentLimitExceededException',
      message: `The Deployment Group 'live' already has an active Deployment '${id}'`,
    });
    expect(
      w.ok('codedeploy:ListDeployments', { applicationName: 'spells', deploymentGroupName: 'live' })
        .deployments,
    ).toEqual([id]);
  });
});

describe('deployment configs', () => {
  it('CreateDeploymentConfig with TimeBasedLinear runs on its own timeline', () => {
    const w = new World();
    w.ok('codedeploy:CreateDeploymentConfig', {
      deploymentConfigName: 'Quarters',
      computePlatform: 'Lambda',
      trafficRoutingConfig: {
        type: 'TimeBasedLinear',
        timeBasedLinear: { linearPercentage: 25, linearInterval: 2 },
      },
    });
    const info = w.ok('codedeploy:GetDeploymentConfig', {
      deploymentConfigName: 'Quarters',
    }).deploymentConfigInfo;
    expect(info).toMatchObject({
      deploymentConfigName: 'Quarters',
      computePlatform: 'Lambda',
      trafficRoutingConfig: {
        type: 'TimeBasedLinear',
        timeBasedLinear: { linearPercentage: 25, linearInterval: 2 },
      },
    });
    expect(
      w.err('codedeploy:CreateDeploymentConfig', {
        deploymentConfigName: 'Quarters',
        computePlatform: 'Lambda',
        trafficRoutingConfig: { type: 'AllAtOnce' },
      }).name,
    ).toBe('DeploymentConfigAlreadyExistsException');
    expect(
      w.err('codedeploy:CreateDeploymentConfig', {
        deploymentConfigName: 'Bad',
        computePlatform: 'ECS',
        trafficRoutingConfig: {
          type: 'TimeBasedCanary',
          timeBasedCanary: { canaryPercentage: 0, canaryInterval: 1 },
        },
      }).name,
    ).toBe('InvalidTrafficRoutingConfigurationException');
    expect(w.ok('codedeploy:ListDeploymentConfigs').deploymentConfigsList).toContain(
      'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
    );
  });
});
