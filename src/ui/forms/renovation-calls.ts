/**
 * The calls a renovation makes, from what the player chose:
 * - a decree under the ECS controller: one ecs:UpdateService with the new task definition and the
 *   deploymentConfiguration of the kind (ROLLING with min/max percent and the circuit breaker;
 *   BLUE_GREEN with its bake time, "all at once" being BLUE_GREEN without bake; CANARY; LINEAR), the
 *   watchtowers as `alarms`, and, the first time a native strategy is used, the load balancer entry's
 *   advancedConfiguration (the second road, the main and test doors' default rules);
 * - a decree under the CODE_DEPLOY controller: codedeploy:CreateApplication and
 *   CreateDeploymentGroup the first time (or UpdateDeploymentGroup when the watchtowers or the "wait
 *   for my word" option changed), then codedeploy:CreateDeployment with the AppSpec naming the new
 *   task definition.
 */

import type { RenovationKind } from '../../i18n/renovation.ts';
import type { Call, HookRule, Service, SimState } from '../../model/index.ts';
import { type AppSpec, appSpecRevision } from './appspec-yaml.ts';
import { type PlannedCall, scriptLine } from './call-list.ts';
import type { HookChoice } from './renovation-hooks.ts';
import {
  accountOf,
  clusterNameOfService,
  defaultRuleOf,
  groupsFor,
  servingRoad,
} from './renovation-things.ts';

export interface RenovationChoice {
  serviceArn: string;
  /** family:revision. */
  edition: string;
  kind: RenovationKind;
  /** Numbers as typed: a number, or the raw text (AWS refuses it with its own words). */
  minPercent: number | string;
  maxPercent: number | string;
  circuitBreaker: boolean;
  cbRollback: boolean;
  bakeMinutes: number | string;
  canaryPercent: number | string;
  canaryBakeMinutes: number | string;
  stepPercent: number | string;
  stepBakeMinutes: number | string;
  secondRoad: string;
  mainDoor: string;
  testDoor: string;
  cdConfig: string;
  waitForWord: boolean;
  terminationWaitMinutes: number | string;
  alarms: string[];
  alarmRollback: boolean;
  /** The gatekeeper spell (ECS-native strategies only); null: none. */
  hook: HookChoice | null;
}

export const CD_CONFIGS: Record<RenovationKind, string[]> = {
  rolling: [],
  blueGreen: ['CodeDeployDefault.ECSAllAtOnce'],
  allAtOnce: ['CodeDeployDefault.ECSAllAtOnce'],
  canary: ['CodeDeployDefault.ECSCanary10Percent5Minutes', 'CodeDeployDefault.ECSCanary10Percent15Minutes'],
  linear: [
    'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
    'CodeDeployDefault.ECSLinear10PercentEvery3Minutes',
  ],
};

const ROLLBACK_EVENTS = ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST'];

const planned = (title: [string, string], call: Call, standing?: string): PlannedCall => ({
  title,
  preview: scriptLine(call),
  build: () => call,
  ...(standing ? { standing } : {}),
});

function deploymentConfiguration(c: RenovationChoice, svc: Service): Record<string, unknown> {
  const dc: Record<string, unknown> = {};
  if (c.kind === 'rolling') {
    dc.strategy = 'ROLLING';
    dc.minimumHealthyPercent = c.minPercent;
    dc.maximumPercent = c.maxPercent;
    dc.deploymentCircuitBreaker = { enable: c.circuitBreaker, rollback: c.circuitBreaker && c.cbRollback };
  } else if (c.kind === 'blueGreen' || c.kind === 'allAtOnce') {
    dc.strategy = 'BLUE_GREEN';
    dc.bakeTimeInMinutes = c.kind === 'allAtOnce' ? 0 : c.bakeMinutes;
  } else if (c.kind === 'canary') {
    dc.strategy = 'CANARY';
    dc.canaryConfiguration = { canaryPercent: c.canaryPercent, canaryBakeTimeInMinutes: c.canaryBakeMinutes };
    dc.bakeTimeInMinutes = c.bakeMinutes;
  } else {
    dc.strategy = 'LINEAR';
    dc.linearConfiguration = { stepPercent: c.stepPercent, stepBakeTimeInMinutes: c.stepBakeMinutes };
    dc.bakeTimeInMinutes = c.bakeMinutes;
  }
  // UpdateService merges member by member: turning the watchtowers off must be said.
  if (c.alarms.length > 0) dc.alarms = { alarmNames: c.alarms, enable: true, rollback: c.alarmRollback };
  else if (svc.deploymentConfiguration.alarms?.enable)
    dc.alarms = { alarmNames: [], enable: false, rollback: false };
  // Likewise the lifecycle hooks: a rolling renovation or no gatekeeper clears the decree's own.
  const hook = c.kind === 'rolling' ? null : c.hook;
  if (hook)
    dc.lifecycleHooks = [
      {
        hookTargetArn: hook.functionArn,
        roleArn: `arn:aws:iam::${accountOf(svc.serviceArn)}:role/ecsLambdaInvokeRole`,
        lifecycleStages: hook.stages,
      },
    ];
  else if ((svc.deploymentConfiguration.lifecycleHooks ?? []).length > 0) dc.lifecycleHooks = [];
  return dc;
}

/** The rule as the model keeps it, when the numbers are numbers (to see whether it is already set). */
function ruleOf(h: HookChoice): HookRule {
  if (h.rule === 'fail-if-5xx-above')
    return {
      kind: h.rule,
      thresholdPercent: Number(h.thresholdPercent),
      windowMinutes: Number(h.windowMinutes),
    };
  if (h.rule === 'in-progress-then-succeed')
    return {
      kind: h.rule,
      invocations: Number(h.invocations),
      callBackDelaySeconds: Number(h.callBackDelaySeconds),
    };
  return { kind: h.rule };
}

/** The verdict rule the gatekeeper spell answers with (what its code would return). */
function hookRuleCall(sim: SimState, svc: Service, h: HookChoice): PlannedCall {
  const current = sim.lambda.functions[`${svc.region}:${h.functionName}`]?.hookRule;
  const input: Record<string, unknown> = { FunctionName: h.functionName, Rule: h.rule };
  if (h.rule === 'fail-if-5xx-above') {
    input.ThresholdPercent = h.thresholdPercent;
    input.WindowMinutes = h.windowMinutes;
  }
  if (h.rule === 'in-progress-then-succeed') {
    input.InProgressInvocations = h.invocations;
    input.CallBackDelaySeconds = h.callBackDelaySeconds;
  }
  return planned(
    [`Give spell ${h.functionName} its verdict`, `Set ${h.functionName}'s hook answer (its code)`],
    { action: 'sim:SetHookRule', input },
    JSON.stringify(current) === JSON.stringify(ruleOf(h))
      ? `Function ${h.functionName} already answers this way.`
      : undefined,
  );
}

function ecsCalls(sim: SimState, svc: Service, c: RenovationChoice): PlannedCall[] {
  const input: Record<string, unknown> = {
    cluster: clusterNameOfService(svc),
    service: svc.serviceName,
    taskDefinition: c.edition,
    deploymentConfiguration: deploymentConfiguration(c, svc),
  };
  const lb = svc.loadBalancers[0];
  if (c.kind !== 'rolling' && lb && !lb.advancedConfiguration) {
    const adv: Record<string, unknown> = {
      alternateTargetGroupArn: c.secondRoad,
      productionListenerRule: defaultRuleOf(sim, c.mainDoor) ?? c.mainDoor,
    };
    if (c.testDoor) adv.testListenerRule = defaultRuleOf(sim, c.testDoor) ?? c.testDoor;
    adv.roleArn = `arn:aws:iam::${accountOf(svc.serviceArn)}:role/ecsInfrastructureRoleForLoadBalancers`;
    input.loadBalancers = [
      {
        targetGroupArn: lb.targetGroupArn,
        containerName: lb.containerName,
        containerPort: lb.containerPort,
        advancedConfiguration: adv,
      },
    ];
  }
  return [
    ...(c.kind !== 'rolling' && c.hook ? [hookRuleCall(sim, svc, c.hook)] : []),
    planned(
      [
        `Renovate decree ${svc.serviceName} with plan ${c.edition.replace(':', ', edition ')}`,
        `Update service ${svc.serviceName}`,
      ],
      { action: 'ecs:UpdateService', input },
    ),
  ];
}

function tgName(sim: SimState, arn: string): string {
  return sim.elb.targetGroups[arn]?.TargetGroupName ?? arn;
}

function codeDeployCalls(sim: SimState, svc: Service, c: RenovationChoice): PlannedCall[] {
  const cluster = clusterNameOfService(svc);
  const app = cluster;
  const group = groupsFor(sim, svc)[0];
  const appStanding =
    sim.codedeploy.applications[`${svc.region}:${app}`] !== undefined || group !== undefined;
  const applicationName = group?.applicationName ?? app;
  const groupName = group?.deploymentGroupName ?? svc.serviceName;
  const alarmConfiguration = { enabled: c.alarms.length > 0, alarms: c.alarms.map((name) => ({ name })) };
  const autoRollbackConfiguration = { enabled: true, events: ROLLBACK_EVENTS };
  const blueGreenDeploymentConfiguration = {
    terminateBlueInstancesOnDeploymentSuccess: {
      action: 'TERMINATE',
      terminationWaitTimeInMinutes: c.terminationWaitMinutes,
    },
    deploymentReadyOption: c.waitForWord
      ? { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 60 }
      : { actionOnTimeout: 'CONTINUE_DEPLOYMENT' },
  };
  const calls: PlannedCall[] = [
    planned(
      [`Found the guild of master builders ${app}`, `Create CodeDeploy application ${app}`],
      { action: 'codedeploy:CreateApplication', input: { applicationName: app, computePlatform: 'ECS' } },
      appStanding ? `CodeDeploy application ${applicationName} already exists.` : undefined,
    ),
  ];
  if (!group) {
    const blue = servingRoad(svc) ?? '';
    const pair: Record<string, unknown> = {
      targetGroups: [{ name: tgName(sim, blue) }, { name: tgName(sim, c.secondRoad) }],
      prodTrafficRoute: { listenerArns: [c.mainDoor] },
    };
    if (c.testDoor) pair.testTrafficRoute = { listenerArns: [c.testDoor] };
    calls.push(
      planned([`Gather crew ${groupName}`, `Create deployment group ${groupName}`], {
        action: 'codedeploy:CreateDeploymentGroup',
        input: {
          applicationName,
          deploymentGroupName: groupName,
          serviceRoleArn: `arn:aws:iam::${accountOf(svc.serviceArn)}:role/ecsCodeDeployRole`,
          deploymentConfigName: c.cdConfig,
          ecsServices: [{ serviceName: svc.serviceName, clusterName: cluster }],
          loadBalancerInfo: { targetGroupPairInfoList: [pair] },
          deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
          blueGreenDeploymentConfiguration,
          autoRollbackConfiguration,
          alarmConfiguration,
        },
      }),
    );
  } else {
    const sameAlarms =
      JSON.stringify(group.alarmConfiguration.alarms.map((a) => a.name)) === JSON.stringify(c.alarms) &&
      group.alarmConfiguration.enabled === c.alarms.length > 0;
    const sameReady =
      (group.blueGreenDeploymentConfiguration.deploymentReadyOption.actionOnTimeout === 'STOP_DEPLOYMENT') ===
      c.waitForWord;
    const call: Call = {
      action: 'codedeploy:UpdateDeploymentGroup',
      input: {
        applicationName,
        currentDeploymentGroupName: groupName,
        alarmConfiguration,
        autoRollbackConfiguration,
        blueGreenDeploymentConfiguration,
      },
    };
    calls.push(
      planned(
        [`Give crew ${groupName} its watchtowers`, `Update deployment group ${groupName}`],
        call,
        sameAlarms && sameReady
          ? `Deployment group ${groupName} already has these alarms and options.`
          : undefined,
      ),
    );
  }
  const td = Object.values(sim.taskDefinitions).find(
    (t) => `${t.family}:${t.revision}` === c.edition && t.region === svc.region,
  );
  const lb = svc.loadBalancers[0];
  const appSpec: AppSpec = {
    Resources: [
      {
        TargetService: {
          Type: 'AWS::ECS::Service',
          Properties: {
            TaskDefinition: td?.taskDefinitionArn ?? c.edition,
            LoadBalancerInfo: {
              ContainerName: lb?.containerName ?? '',
              ContainerPort: lb?.containerPort ?? 80,
            },
          },
        },
      },
    ],
  };
  calls.push(
    planned([`Order the renovation (${c.cdConfig})`, `Create deployment (${c.cdConfig})`], {
      action: 'codedeploy:CreateDeployment',
      input: {
        applicationName,
        deploymentGroupName: groupName,
        deploymentConfigName: c.cdConfig,
        revision: appSpecRevision(appSpec),
      },
    }),
  );
  return calls;
}

export function renovationCalls(sim: SimState, c: RenovationChoice): PlannedCall[] {
  const svc = sim.services.get(c.serviceArn);
  if (!svc) return [];
  return svc.deploymentController.type === 'CODE_DEPLOY'
    ? codeDeployCalls(sim, svc, c)
    : ecsCalls(sim, svc, c);
}
