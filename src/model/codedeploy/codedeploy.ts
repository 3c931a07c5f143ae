/**
 * CodeDeploy's API: applications, deployment configurations and deployment groups
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html,
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-groups-create-ecs.html); the deployment
 * calls live in codedeploy-deployments.ts and the engine in codedeploy-engine.ts. Error codes are
 * CodeDeploy's exception names. Simplifications: only BLUE_GREEN with WITH_TRAFFIC_CONTROL groups for ECS and
 * Lambda (EC2/on-premises Server deployments are not modelled); one ECS service and one target group pair per
 * group, as AWS allows; the service role is checked for shape, not for permissions.
 */

import { clusterArnFor } from '../ecs/ecs-common.ts';
import { describeTaskSets } from '../ecs/task-sets.ts';
import type { Handler, Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import type {
  AlarmConfiguration,
  AutoRollbackConfiguration,
  AutoRollbackEvent,
  BlueGreenDeploymentConfiguration,
  CdDeploymentConfig,
  CdDeploymentGroup,
  ComputePlatform,
  TargetGroupPairInfo,
  TrafficRoutingConfig,
} from '../sim/types.ts';
import {
  activeDeploymentOf,
  appKey,
  groupKey,
  requireApplication,
  requireGroup,
} from './codedeploy-common.ts';
import { findDeploymentConfig, PREDEFINED_CONFIGS } from './codedeploy-configs.ts';
import { deploymentHandlers } from './codedeploy-deployments.ts';

const err = (code: string, message: string) => new ApiError(code, message);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
const PLATFORMS: ComputePlatform[] = ['Server', 'Lambda', 'ECS'];
const ROLLBACK_EVENTS: AutoRollbackEvent[] = [
  'DEPLOYMENT_FAILURE',
  'DEPLOYMENT_STOP_ON_ALARM',
  'DEPLOYMENT_STOP_ON_REQUEST',
];

// ---------------------------------------------------------------------------------------------
// Applications

function createApplication(ctx: Ctx, input: Input) {
  const name = input.applicationName;
  if (typeof name !== 'string' || !name)
    throw err(
      'ApplicationNameRequiredException',
      'The minimum number of required application names was not specified.',
    );
  if (name.length > 100)
    throw err('InvalidApplicationNameException', 'The application name was specified in an invalid format.');
  const platform = (input.computePlatform ?? 'Server') as ComputePlatform;
  if (!PLATFORMS.includes(platform))
    throw err(
      'InvalidComputePlatformException',
      'The computePlatform is invalid. The computePlatform should be Lambda, Server, or ECS.',
    );
  if (ctx.s.codedeploy.applications[appKey(ctx.region, name)])
    throw err('ApplicationAlreadyExistsException', `Application ${name} already exists.`);
  const applicationId = ctx.uuid();
  ctx.putIn('codedeploy', 'applications', appKey(ctx.region, name), {
    applicationId,
    applicationName: name,
    createTime: ctx.now,
    linkedToGitHub: false,
    computePlatform: platform,
    region: ctx.region,
  });
  ctx.emit('codedeploy/applicationCreated', { applicationName: name, computePlatform: platform });
  return { applicationId };
}

function getApplication(ctx: Ctx, input: Input) {
  const { region: _r, ...application } = requireApplication(ctx, input.applicationName);
  return { application };
}

/** BatchGetApplications: the Get answers of up to 100 names (an unknown name fails the call, as AWS does). */
function batchGetApplications(ctx: Ctx, input: Input) {
  const names = Array.isArray(input.applicationNames) ? input.applicationNames : [];
  if (names.length > 100)
    throw new ApiError(
      'BatchLimitExceededException',
      'The maximum number of names or IDs allowed for this request (100) was exceeded.',
    );
  return { applicationsInfo: names.map((n) => getApplication(ctx, { applicationName: n }).application) };
}

function listApplications(ctx: Ctx) {
  const applications = Object.values(ctx.s.codedeploy.applications)
    .filter((a) => a.region === ctx.region)
    .map((a) => a.applicationName)
    .sort();
  return { applications };
}

function deleteApplication(ctx: Ctx, input: Input) {
  const app = requireApplication(ctx, input.applicationName);
  for (const [k, g] of Object.entries(ctx.s.codedeploy.deploymentGroups))
    if (g.region === ctx.region && g.applicationName === app.applicationName)
      ctx.removeIn('codedeploy', 'deploymentGroups', k);
  ctx.removeIn('codedeploy', 'applications', appKey(ctx.region, app.applicationName));
  return {};
}

// ---------------------------------------------------------------------------------------------
// Deployment configurations

function readTrafficRouting(v: unknown): TrafficRoutingConfig {
  const o = obj(v);
  const bad = (m: string) => err('InvalidTrafficRoutingConfigurationException', m);
  const pct = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 99;
  const mins = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 2880;
  if (o.type === 'AllAtOnce') return { type: 'AllAtOnce' };
  if (o.type === 'TimeBasedCanary') {
    const c = obj(o.timeBasedCanary);
    if (!pct(c.canaryPercentage) || !mins(c.canaryInterval))
      throw bad('timeBasedCanary needs canaryPercentage (1-99) and canaryInterval (minutes, 1-2880).');
    return {
      type: 'TimeBasedCanary',
      timeBasedCanary: {
        canaryPercentage: c.canaryPercentage as number,
        canaryInterval: c.canaryInterval as number,
      },
    };
  }
  if (o.type === 'TimeBasedLinear') {
    const l = obj(o.timeBasedLinear);
    if (!pct(l.linearPercentage) || !mins(l.linearInterval))
      throw bad('timeBasedLinear needs linearPercentage (1-99) and linearInterval (minutes, 1-2880).');
    return {
      type: 'TimeBasedLinear',
      timeBasedLinear: {
        linearPercentage: l.linearPercentage as number,
        linearInterval: l.linearInterval as number,
      },
    };
  }
  throw bad('The traffic routing type must be TimeBasedCanary, TimeBasedLinear or AllAtOnce.');
}

function createDeploymentConfig(ctx: Ctx, input: Input) {
  const name = input.deploymentConfigName;
  if (typeof name !== 'string' || !name)
    throw err(
      'DeploymentConfigNameRequiredException',
      'The deployment configuration name was not specified.',
    );
  if (name.startsWith('CodeDeployDefault.') || name.length > 100)
    throw err(
      'InvalidDeploymentConfigNameException',
      'The deployment configuration name was specified in an invalid format.',
    );
  if (findDeploymentConfig(ctx.s, ctx.region, name))
    throw err(
      'DeploymentConfigAlreadyExistsException',
      `A deployment configuration with the name ${name} already exists.`,
    );
  const platform = (input.computePlatform ?? 'Server') as ComputePlatform;
  if (!PLATFORMS.includes(platform))
    throw err(
      'InvalidComputePlatformException',
      'The computePlatform is invalid. The computePlatform should be Lambda, Server, or ECS.',
    );
  if (platform === 'Server')
    throw err(
      'InvalidComputePlatformException',
      'Server (EC2/on-premises) deployments are not modelled in Nozama; use ECS or Lambda.',
    );
  if (input.trafficRoutingConfig === undefined)
    throw err(
      'InvalidTrafficRoutingConfigurationException',
      `A trafficRoutingConfig is required for the ${platform} compute platform.`,
    );
  const config: CdDeploymentConfig = {
    deploymentConfigId: ctx.uuid(),
    deploymentConfigName: name,
    createTime: ctx.now,
    computePlatform: platform,
    trafficRoutingConfig: readTrafficRouting(input.trafficRoutingConfig),
    region: ctx.region,
  };
  ctx.putIn('codedeploy', 'deploymentConfigs', `${ctx.region}:${name}`, config);
  return { deploymentConfigId: config.deploymentConfigId };
}

function getDeploymentConfig(ctx: Ctx, input: Input) {
  const name = input.deploymentConfigName;
  if (typeof name !== 'string' || !name)
    throw err(
      'DeploymentConfigNameRequiredException',
      'The deployment configuration name was not specified.',
    );
  const c = findDeploymentConfig(ctx.s, ctx.region, name);
  if (!c)
    throw err(
      'DeploymentConfigDoesNotExistException',
      `The deployment configuration ${name} does not exist with the applicable IAM user or AWS account.`,
    );
  const { region: _r, ...deploymentConfigInfo } = c as CdDeploymentConfig;
  return { deploymentConfigInfo };
}

function listDeploymentConfigs(ctx: Ctx) {
  const custom = Object.values(ctx.s.codedeploy.deploymentConfigs).filter((c) => c.region === ctx.region);
  return {
    deploymentConfigsList: [
      ...Object.keys(PREDEFINED_CONFIGS),
      ...custom.map((c) => c.deploymentConfigName),
    ].sort(),
  };
}

function deleteDeploymentConfig(ctx: Ctx, input: Input) {
  const name = String(input.deploymentConfigName ?? '');
  if (PREDEFINED_CONFIGS[name])
    throw err('InvalidOperationException', 'A default deployment configuration cannot be deleted.');
  if (!ctx.s.codedeploy.deploymentConfigs[`${ctx.region}:${name}`])
    throw err(
      'DeploymentConfigDoesNotExistException',
      `The deployment configuration ${name} does not exist with the applicable IAM user or AWS account.`,
    );
  if (
    Object.values(ctx.s.codedeploy.deploymentGroups).some(
      (g) => g.region === ctx.region && g.deploymentConfigName === name,
    )
  )
    throw err('DeploymentConfigInUseException', 'The deployment configuration is still in use.');
  ctx.removeIn('codedeploy', 'deploymentConfigs', `${ctx.region}:${name}`);
  return {};
}

// ---------------------------------------------------------------------------------------------
// Deployment groups

function readRollback(v: unknown): AutoRollbackConfiguration {
  const o = obj(v);
  const events = Array.isArray(o.events) ? (o.events as string[]) : [];
  for (const e of events)
    if (!ROLLBACK_EVENTS.includes(e as AutoRollbackEvent))
      throw err(
        'InvalidAutoRollbackConfigException',
        `The automatic rollback configuration was specified in an invalid format: ${e}.`,
      );
  return { enabled: o.enabled === true, events: events as AutoRollbackEvent[] };
}

function readAlarms(v: unknown): AlarmConfiguration {
  const o = obj(v);
  const alarms = (Array.isArray(o.alarms) ? o.alarms : []).map((a) => ({ name: String(obj(a).name ?? '') }));
  if (alarms.length > 10)
    throw err(
      'AlarmsLimitExceededException',
      'The maximum number of alarms for a deployment group (10) was exceeded.',
    );
  if (alarms.some((a) => !a.name))
    throw err('InvalidAlarmConfigException', 'The format of the alarm configuration is not valid.');
  if (o.enabled === true && alarms.length === 0)
    throw err(
      'InvalidAlarmConfigException',
      'The format of the alarm configuration is not valid: no alarms.',
    );
  return { enabled: o.enabled === true, ignorePollAlarmFailure: o.ignorePollAlarmFailure === true, alarms };
}

function readBlueGreen(v: unknown): BlueGreenDeploymentConfiguration {
  const o = obj(v);
  const t = obj(o.terminateBlueInstancesOnDeploymentSuccess);
  const r = obj(o.deploymentReadyOption);
  const bad = (m: string) => err('InvalidBlueGreenDeploymentConfigurationException', m);
  const wait = t.terminationWaitTimeInMinutes ?? 0;
  if (typeof wait !== 'number' || !Number.isInteger(wait) || wait < 0 || wait > 2880)
    throw bad('terminationWaitTimeInMinutes must be between 0 and 2880.');
  const action = t.action ?? 'TERMINATE';
  if (action !== 'TERMINATE' && action !== 'KEEP_ALIVE') throw bad(`Invalid action ${String(action)}.`);
  const onTimeout = r.actionOnTimeout ?? 'CONTINUE_DEPLOYMENT';
  if (onTimeout !== 'CONTINUE_DEPLOYMENT' && onTimeout !== 'STOP_DEPLOYMENT')
    throw bad(`Invalid actionOnTimeout ${String(onTimeout)}.`);
  const ready = r.waitTimeInMinutes ?? 0;
  if (typeof ready !== 'number' || !Number.isInteger(ready) || ready < 0 || ready > 2880)
    throw bad('waitTimeInMinutes must be between 0 and 2880.');
  return {
    terminateBlueInstancesOnDeploymentSuccess: { action, terminationWaitTimeInMinutes: wait },
    deploymentReadyOption: { actionOnTimeout: onTimeout, waitTimeInMinutes: ready },
  };
}

function readEcsWiring(ctx: Ctx, input: Input): Pick<CdDeploymentGroup, 'ecsServices' | 'loadBalancerInfo'> {
  const services = Array.isArray(input.ecsServices) ? input.ecsServices.map(obj) : [];
  if (services.length !== 1)
    throw err(
      services.length > 1 ? 'ECSServiceMappingLimitExceededException' : 'InvalidECSServiceException',
      'An ECS deployment group needs exactly one ECS service.',
    );
  const [s] = services as [Record<string, unknown>];
  const serviceName = String(s.serviceName ?? '');
  const clusterName = String(s.clusterName ?? '');
  const svc = ctx.s.services
    .values()
    .find(
      (x) =>
        x.clusterArn === clusterArnFor(ctx, clusterName) &&
        x.serviceName === serviceName &&
        x.status === 'ACTIVE',
    );
  if (!svc)
    throw err(
      'InvalidECSServiceException',
      `The ECS service ${serviceName} in cluster ${clusterName} could not be found.`,
    );
  if (svc.deploymentController.type !== 'CODE_DEPLOY')
    throw err(
      'InvalidECSServiceException',
      `The ECS service ${serviceName} must use the CODE_DEPLOY deployment controller.`,
    );
  const pairs = Array.isArray(obj(input.loadBalancerInfo).targetGroupPairInfoList)
    ? (obj(input.loadBalancerInfo).targetGroupPairInfoList as unknown[]).map(obj)
    : [];
  const bad = (m: string) => err('InvalidTargetGroupPairException', m);
  if (pairs.length !== 1) throw bad('An ECS deployment group needs exactly one target group pair.');
  const p = pairs[0] as Record<string, unknown>;
  const tgs = (Array.isArray(p.targetGroups) ? p.targetGroups : []).map((t) => ({
    name: String(obj(t).name ?? ''),
  }));
  if (tgs.length !== 2 || tgs[0]?.name === tgs[1]?.name)
    throw bad('A target group pair needs two different target groups.');
  for (const t of tgs)
    if (
      !Object.values(ctx.s.elb.targetGroups).some(
        (g) => g.TargetGroupName === t.name && g.region === ctx.region,
      )
    )
      throw bad(`Target group ${t.name} does not exist.`);
  const arns = (v: unknown) =>
    Array.isArray(obj(v).listenerArns) ? (obj(v).listenerArns as unknown[]).map(String) : [];
  const prod = arns(p.prodTrafficRoute);
  const test = arns(p.testTrafficRoute);
  if (prod.length !== 1) throw bad('The production traffic route needs exactly one listener.');
  if (test.length > 1) throw bad('The test traffic route takes at most one listener.');
  for (const l of [...prod, ...test]) if (!ctx.s.elb.listeners[l]) throw bad(`Listener ${l} does not exist.`);
  const pair: TargetGroupPairInfo = { targetGroups: tgs, prodTrafficRoute: { listenerArns: prod } };
  if (p.testTrafficRoute !== undefined) pair.testTrafficRoute = { listenerArns: test };
  return {
    ecsServices: [{ serviceName, clusterName }],
    loadBalancerInfo: { targetGroupPairInfoList: [pair] },
  };
}

function createDeploymentGroup(ctx: Ctx, input: Input) {
  const app = requireApplication(ctx, input.applicationName);
  const name = input.deploymentGroupName;
  if (typeof name !== 'string' || !name)
    throw err('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.');
  if (ctx.s.codedeploy.deploymentGroups[groupKey(ctx.region, app.applicationName, name)])
    throw err(
      'DeploymentGroupAlreadyExistsException',
      `A deployment group with the specified name ${name} already exists with the applicable IAM user or AWS account.`,
    );
  const role = input.serviceRoleArn;
  if (typeof role !== 'string' || !role) throw err('RoleRequiredException', 'The role ID was not specified.');
  if (!/^arn:aws[a-zA-Z-]*:iam::\d{12}:role\/.+/.test(role))
    throw err('InvalidRoleException', 'The service role ARN was specified in an invalid format.');
  if (app.computePlatform === 'Server')
    throw err(
      'InvalidComputePlatformException',
      'Server (EC2/on-premises) deployments are not modelled in Nozama; use ECS or Lambda.',
    );
  const configName = String(
    input.deploymentConfigName ?? `CodeDeployDefault.${app.computePlatform}AllAtOnce`,
  );
  const config = findDeploymentConfig(ctx.s, ctx.region, configName);
  if (!config)
    throw err(
      'DeploymentConfigDoesNotExistException',
      `The deployment configuration ${configName} does not exist with the applicable IAM user or AWS account.`,
    );
  if (config.computePlatform !== app.computePlatform)
    throw err(
      'InvalidDeploymentConfigNameException',
      `Deployment config ${configName} does not match the compute platform ${app.computePlatform} of the application.`,
    );
  const style = obj(input.deploymentStyle);
  if (
    app.computePlatform === 'ECS' &&
    (style.deploymentType !== 'BLUE_GREEN' || style.deploymentOption !== 'WITH_TRAFFIC_CONTROL')
  )
    throw err(
      'InvalidDeploymentStyleException',
      'An ECS deployment group needs deploymentStyle BLUE_GREEN with WITH_TRAFFIC_CONTROL.',
    );
  const wiring =
    app.computePlatform === 'ECS'
      ? readEcsWiring(ctx, input)
      : { ecsServices: [], loadBalancerInfo: { targetGroupPairInfoList: [] } };
  const g: CdDeploymentGroup = {
    applicationName: app.applicationName,
    deploymentGroupId: ctx.uuid(),
    deploymentGroupName: name,
    deploymentConfigName: configName,
    serviceRoleArn: role,
    computePlatform: app.computePlatform,
    ...wiring,
    blueGreenDeploymentConfiguration: readBlueGreen(input.blueGreenDeploymentConfiguration),
    autoRollbackConfiguration: readRollback(input.autoRollbackConfiguration),
    alarmConfiguration: readAlarms(input.alarmConfiguration),
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    region: ctx.region,
  };
  ctx.putIn('codedeploy', 'deploymentGroups', groupKey(ctx.region, app.applicationName, name), g);
  ctx.emit('codedeploy/deploymentGroupCreated', {
    applicationName: app.applicationName,
    deploymentGroupName: name,
  });
  return { deploymentGroupId: g.deploymentGroupId };
}

function updateDeploymentGroup(ctx: Ctx, input: Input) {
  const app = requireApplication(ctx, input.applicationName);
  const g = requireGroup(ctx, app, input.currentDeploymentGroupName);
  if (activeDeploymentOf(ctx, g))
    throw err('InvalidOperationException', 'The deployment group has a deployment in progress.');
  const next: CdDeploymentGroup = { ...g };
  if (input.deploymentConfigName !== undefined) {
    const c = findDeploymentConfig(ctx.s, ctx.region, String(input.deploymentConfigName));
    if (!c)
      throw err(
        'DeploymentConfigDoesNotExistException',
        `The deployment configuration ${String(input.deploymentConfigName)} does not exist with the applicable IAM user or AWS account.`,
      );
    if (c.computePlatform !== g.computePlatform)
      throw err(
        'InvalidDeploymentConfigNameException',
        'The deployment configuration does not match the compute platform.',
      );
    next.deploymentConfigName = c.deploymentConfigName;
  }
  if (input.autoRollbackConfiguration !== undefined)
    next.autoRollbackConfiguration = readRollback(input.autoRollbackConfiguration);
  if (input.alarmConfiguration !== undefined) next.alarmConfiguration = readAlarms(input.alarmConfiguration);
  if (input.blueGreenDeploymentConfiguration !== undefined)
    next.blueGreenDeploymentConfiguration = readBlueGreen(input.blueGreenDeploymentConfiguration);
  ctx.putIn(
    'codedeploy',
    'deploymentGroups',
    groupKey(ctx.region, app.applicationName, g.deploymentGroupName),
    next,
  );
  return { hooksNotCleanedUp: [] };
}

function getDeploymentGroup(ctx: Ctx, input: Input) {
  const app = requireApplication(ctx, input.applicationName);
  const { region: _r, ...g } = requireGroup(ctx, app, input.deploymentGroupName);
  return {
    deploymentGroupInfo: {
      ...g,
      ec2TagFilters: [],
      onPremisesInstanceTagFilters: [],
      autoScalingGroups: [],
      triggerConfigurations: [],
      outdatedInstancesStrategy: 'UPDATE',
      terminationHookEnabled: false,
    },
  };
}

/** BatchGetDeploymentGroups: unknown groups are reported in errorMessage rather than failing the call. */
function batchGetDeploymentGroups(ctx: Ctx, input: Input) {
  const app = requireApplication(ctx, input.applicationName);
  const names = Array.isArray(input.deploymentGroupNames) ? input.deploymentGroupNames : [];
  if (names.length > 100)
    throw new ApiError(
      'BatchLimitExceededException',
      'The maximum number of names or IDs allowed for this request (100) was exceeded.',
    );
  const deploymentGroupsInfo: unknown[] = [];
  const missing: string[] = [];
  for (const n of names) {
    try {
      deploymentGroupsInfo.push(
        getDeploymentGroup(ctx, { applicationName: app.applicationName, deploymentGroupName: n })
          .deploymentGroupInfo,
      );
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      missing.push(String(n));
    }
  }
  return {
    deploymentGroupsInfo,
    errorMessage: missing.length ? `Deployment groups not found: ${missing.join(', ')}` : '',
  };
}

function listDeploymentGroups(ctx: Ctx, input: Input) {
  const app = requireApplication(ctx, input.applicationName);
  const deploymentGroups = Object.values(ctx.s.codedeploy.deploymentGroups)
    .filter((g) => g.region === ctx.region && g.applicationName === app.applicationName)
    .map((g) => g.deploymentGroupName)
    .sort();
  return { applicationName: app.applicationName, deploymentGroups };
}

function deleteDeploymentGroup(ctx: Ctx, input: Input) {
  const app = requireApplication(ctx, input.applicationName);
  const g = requireGroup(ctx, app, input.deploymentGroupName);
  ctx.removeIn(
    'codedeploy',
    'deploymentGroups',
    groupKey(ctx.region, app.applicationName, g.deploymentGroupName),
  );
  return { hooksNotCleanedUp: [] };
}

export const codedeployHandlers: Record<string, Handler> = {
  'codedeploy:CreateApplication': createApplication,
  'codedeploy:GetApplication': getApplication,
  'codedeploy:ListApplications': listApplications,
  'codedeploy:BatchGetApplications': batchGetApplications,
  'codedeploy:DeleteApplication': deleteApplication,
  'codedeploy:CreateDeploymentConfig': createDeploymentConfig,
  'codedeploy:GetDeploymentConfig': getDeploymentConfig,
  'codedeploy:ListDeploymentConfigs': listDeploymentConfigs,
  'codedeploy:DeleteDeploymentConfig': deleteDeploymentConfig,
  'codedeploy:CreateDeploymentGroup': createDeploymentGroup,
  'codedeploy:UpdateDeploymentGroup': updateDeploymentGroup,
  'codedeploy:GetDeploymentGroup': getDeploymentGroup,
  'codedeploy:ListDeploymentGroups': listDeploymentGroups,
  'codedeploy:BatchGetDeploymentGroups': batchGetDeploymentGroups,
  'codedeploy:DeleteDeploymentGroup': deleteDeploymentGroup,
  ...deploymentHandlers,
  // ECS's DescribeTaskSets lives with the task sets CodeDeploy drives.
  'ecs:DescribeTaskSets': describeTaskSets,
};
