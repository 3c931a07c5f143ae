/**
 * CodeDeploy's deployment calls: CreateDeployment (AppSpec content for ECS and Lambda), GetDeployment,
 * BatchGetDeployments, ListDeployments, StopDeployment, ContinueDeployment,
 * PutLifecycleEventHookExecutionStatus, GetDeploymentTarget, ListDeploymentTargets
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-steps-ecs.html,
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html). The
 * engine (codedeploy-engine.ts) runs what these start. AppSpec content is YAML or JSON (JSON is YAML), as
 * AWS's tutorials write it (https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-blue-green.html); content that is not
 * well-formed gets CodeDeploy's words ("The input AppSpec file is a not well-formed yaml. The template cannot be
 * parsed.", as CodeDeploy answers it in aws/aws-cli#6267). Simplification: the AppSpec is checked when the
 * deployment is created rather than when it starts, so a malformed one is refused (InvalidRevisionException)
 * instead of failing the deployment.
 */

import { parseDocument } from 'yaml';
import { clusterArnFor } from '../ecs/ecs-common.ts';
import { describeTaskSet } from '../ecs/task-sets.ts';
import { functionKey } from '../lambda/lambda-common.ts';
import type { Handler, Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import { own } from '../sim/records.ts';
import type { CdDeployment, CdDeploymentGroup, CdEcsTarget, CdLambdaTarget, Service } from '../sim/types.ts';
import {
  activeDeploymentOf,
  newDeploymentId,
  requireApplication,
  requireDeployment,
  requireGroup,
  TERMINAL,
} from './codedeploy-common.ts';
import { findDeploymentConfig, trafficShifts } from './codedeploy-configs.ts';
import { endDeployment, HOOK_EVENTS } from './codedeploy-engine.ts';
import { taskSetOf } from './codedeploy-targets.ts';

const ECS_EVENTS = [
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'AllowTestTraffic',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
];
const LAMBDA_EVENTS = ['BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'];

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const badRevision = (m: string) => new ApiError('InvalidRevisionException', m);

const NOT_WELL_FORMED =
  'The deployment failed because the AppSpec file that specifies the deployment configuration is missing or has an invalid configuration. The input AppSpec file is a not well-formed yaml. The template cannot be parsed.';

/** AppSpec content as YAML (JSON included): a mapping, or CodeDeploy's not-well-formed answer. */
function parseAppSpec(content: string): Record<string, unknown> {
  const doc = parseDocument(content, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) throw badRevision(NOT_WELL_FORMED);
  let spec: unknown;
  try {
    // An alias bomb (a few lines that expand to millions of nodes) is refused, not expanded.
    spec = doc.toJS({ maxAliasCount: 100 });
  } catch {
    throw badRevision(NOT_WELL_FORMED);
  }
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) throw badRevision(NOT_WELL_FORMED);
  return spec as Record<string, unknown>;
}

function readAppSpec(revision: unknown): {
  resource: Record<string, unknown>;
  hooks: Record<string, string>;
} {
  const r = obj(revision);
  if (revision === undefined)
    throw new ApiError('RevisionRequiredException', 'The revision ID was not specified.');
  const content =
    r.revisionType === 'AppSpecContent'
      ? obj(r.appSpecContent).content
      : r.revisionType === 'String'
        ? obj(r.string).content
        : undefined;
  if (typeof content !== 'string')
    throw badRevision(
      'Nozama reads AppSpec content only: revisionType AppSpecContent (or String) with the AppSpec as content.',
    );
  const spec = parseAppSpec(content);
  const resources = Array.isArray(spec.Resources) ? spec.Resources.map(obj) : [];
  if (resources.length !== 1)
    throw badRevision('The AppSpec must name exactly one resource under Resources.');
  const entry = Object.values(resources[0] as Record<string, unknown>)[0];
  const hooks: Record<string, string> = {};
  for (const h of Array.isArray(spec.Hooks) ? spec.Hooks.map(obj) : [])
    for (const [k, v] of Object.entries(h)) {
      if (!HOOK_EVENTS.has(k)) throw badRevision(`${k} is not a lifecycle event hook.`);
      hooks[k] = String(v);
    }
  return { resource: obj(entry), hooks };
}

function ecsTarget(ctx: Ctx, g: CdDeploymentGroup, res: Record<string, unknown>): CdEcsTarget {
  if (res.Type !== 'AWS::ECS::Service')
    throw badRevision('The AppSpec resource of an ECS deployment must have Type AWS::ECS::Service.');
  const p = obj(res.Properties);
  const lb = obj(p.LoadBalancerInfo);
  const tdRef = String(p.TaskDefinition ?? '');
  const td = ctx.s.taskDefinitions[tdRef];
  if (td?.status !== 'ACTIVE')
    throw badRevision(`The task definition ${tdRef} in the AppSpec could not be found or is not ACTIVE.`);
  const containerName = String(lb.ContainerName ?? '');
  const containerPort = Number(lb.ContainerPort);
  const c = td.containerDefinitions.find((x) => x.name === containerName);
  if (!c) throw badRevision(`The container ${containerName} is not in ${tdRef}.`);
  if (!c.portMappings.some((m) => m.containerPort === containerPort))
    throw badRevision(`The container ${containerName} does not map port ${containerPort}.`);
  const s = g.ecsServices[0] as { serviceName: string; clusterName: string };
  const clusterArn = clusterArnFor(ctx, s.clusterName);
  return {
    clusterName: s.clusterName,
    clusterArn,
    serviceName: s.serviceName,
    serviceArn: ctx.arn('ecs', `service/${s.clusterName}/${s.serviceName}`),
    taskDefinition: td.taskDefinitionArn,
    containerName,
    containerPort,
    originalTaskSetId: null,
    originalTaskDefinition: null,
    replacementTaskSetId: null,
    originalTargetGroupArn: null,
    replacementTargetGroupArn: null,
    prodListenerArns: [],
    testListenerArns: [],
  };
}

function lambdaTarget(ctx: Ctx, res: Record<string, unknown>): CdLambdaTarget {
  if (res.Type !== 'AWS::Lambda::Function')
    throw badRevision('The AppSpec resource of a Lambda deployment must have Type AWS::Lambda::Function.');
  const p = obj(res.Properties);
  const [functionName, alias, currentVersion, targetVersion] = [
    p.Name,
    p.Alias,
    p.CurrentVersion,
    p.TargetVersion,
  ].map((v) => String(v ?? ''));
  const fn = ctx.s.lambda.functions[functionKey(ctx.region, functionName as string)];
  if (!fn) throw badRevision(`The Lambda function ${functionName} could not be found.`);
  const a = own(fn.aliases, alias as string);
  if (!a) throw badRevision(`The alias ${alias} of ${functionName} could not be found.`);
  for (const v of [currentVersion, targetVersion] as string[])
    if (!fn.versions[v]) throw badRevision(`Version ${v} of ${functionName} could not be found.`);
  if (currentVersion === targetVersion) throw badRevision('CurrentVersion and TargetVersion must differ.');
  if (a.FunctionVersion !== currentVersion)
    throw badRevision(
      `The alias ${alias} points to version ${a.FunctionVersion}, not to CurrentVersion ${currentVersion}.`,
    );
  return {
    functionName: functionName as string,
    alias: alias as string,
    currentVersion: currentVersion as string,
    targetVersion: targetVersion as string,
  };
}

function createDeployment(ctx: Ctx, input: Input) {
  const app = requireApplication(ctx, input.applicationName);
  const g = requireGroup(ctx, app, input.deploymentGroupName);
  const { resource, hooks } = readAppSpec(input.revision);
  const configName = String(input.deploymentConfigName ?? g.deploymentConfigName);
  const config = findDeploymentConfig(ctx.s, ctx.region, configName);
  if (!config)
    throw new ApiError(
      'DeploymentConfigDoesNotExistException',
      `The deployment configuration ${configName} does not exist with the applicable IAM user or AWS account.`,
    );
  if (config.computePlatform !== g.computePlatform)
    throw new ApiError(
      'InvalidDeploymentConfigNameException',
      `Deployment config ${configName} does not match the compute platform ${g.computePlatform}.`,
    );
  const ecs = g.computePlatform === 'ECS' ? ecsTarget(ctx, g, resource) : undefined;
  const lambda = g.computePlatform === 'Lambda' ? lambdaTarget(ctx, resource) : undefined;
  const busy = activeDeploymentOf(ctx, g);
  if (busy)
    throw new ApiError(
      'DeploymentLimitExceededException',
      `The Deployment Group '${g.deploymentGroupName}' already has an active Deployment '${busy.deploymentId}'`,
    );
  const names = g.computePlatform === 'ECS' ? ECS_EVENTS : LAMBDA_EVENTS;
  for (const h of Object.keys(hooks))
    if (!names.includes(h)) throw badRevision(`${h} is not a hook of ${g.computePlatform} deployments.`);
  const shifts = trafficShifts(config.trafficRoutingConfig);
  const rb = obj(input.autoRollbackConfiguration);
  const d: CdDeployment = {
    deploymentId: newDeploymentId(ctx),
    region: ctx.region,
    applicationName: app.applicationName,
    deploymentGroupName: g.deploymentGroupName,
    deploymentConfigName: configName,
    computePlatform: g.computePlatform,
    status: 'Created',
    creator: 'user',
    revision: input.revision as Record<string, unknown>,
    createTime: ctx.now,
    autoRollbackConfiguration:
      input.autoRollbackConfiguration !== undefined
        ? {
            enabled: rb.enabled === true,
            events: (Array.isArray(rb.events)
              ? rb.events
              : []) as CdDeployment['autoRollbackConfiguration']['events'],
          }
        : g.autoRollbackConfiguration,
    lifecycleEvents: names.map((n) => ({
      lifecycleEventName: n,
      status: 'Pending',
      ...(hooks[n] ? { hookFunction: hooks[n] } : {}),
    })),
    phase: 0,
    traffic: { percent: 0, step: 0, steps: shifts.length, shifts, startedAt: null, nextShiftAt: null },
    wait: null,
    readyWaitDone: false,
    instanceTerminationWaitTimeStarted: false,
    ...(ecs ? { ecs } : {}),
    ...(lambda ? { lambda } : {}),
  };
  if (typeof input.description === 'string') d.description = input.description;
  ctx.putIn('codedeploy', 'deployments', d.deploymentId, d);
  ctx.emit('codedeploy/created', {
    deploymentId: d.deploymentId,
    applicationName: app.applicationName,
    deploymentGroupName: g.deploymentGroupName,
    deploymentConfigName: configName,
  });
  return { deploymentId: d.deploymentId };
}

function targetStatus(d: CdDeployment): string {
  if (d.status === 'Created' || d.status === 'Queued') return 'Pending';
  if (d.status === 'Stopped') return 'Failed';
  return d.status === 'Baking' ? 'InProgress' : d.status;
}

export function describeDeployment(ctx: Ctx, d: CdDeployment): Record<string, unknown> {
  const g = ctx.s.codedeploy.deploymentGroups[`${d.region}:${d.applicationName}:${d.deploymentGroupName}`];
  const ts = targetStatus(d);
  const overview = { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 0, Skipped: 0, Ready: 0 } as Record<
    string,
    number
  >;
  overview[ts] = 1;
  const out: Record<string, unknown> = {
    applicationName: d.applicationName,
    deploymentGroupName: d.deploymentGroupName,
    deploymentConfigName: d.deploymentConfigName,
    deploymentId: d.deploymentId,
    revision: d.revision,
    status: d.status,
    createTime: d.createTime,
    deploymentOverview: overview,
    creator: d.creator,
    ignoreApplicationStopFailures: false,
    autoRollbackConfiguration: d.autoRollbackConfiguration,
    updateOutdatedInstancesOnly: false,
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    instanceTerminationWaitTimeStarted: d.instanceTerminationWaitTimeStarted,
    computePlatform: d.computePlatform,
    deploymentStatusMessages: [],
  };
  if (d.startTime !== undefined) out.startTime = d.startTime;
  if (d.completeTime !== undefined) out.completeTime = d.completeTime;
  if (d.description !== undefined) out.description = d.description;
  if (d.errorInformation) out.errorInformation = d.errorInformation;
  if (d.rollbackInfo) out.rollbackInfo = d.rollbackInfo;
  if (g && d.computePlatform === 'ECS') {
    out.blueGreenDeploymentConfiguration = g.blueGreenDeploymentConfiguration;
    out.loadBalancerInfo = g.loadBalancerInfo;
  }
  return out;
}

function getDeployment(ctx: Ctx, input: Input) {
  return { deploymentInfo: describeDeployment(ctx, requireDeployment(ctx, input.deploymentId)) };
}

function batchGetDeployments(ctx: Ctx, input: Input) {
  const ids = Array.isArray(input.deploymentIds) ? input.deploymentIds.map(String) : [];
  if (ids.length > 25)
    throw new ApiError(
      'BatchLimitExceededException',
      'The maximum number of names or IDs allowed for this request (25) was exceeded.',
    );
  const deploymentsInfo = ids
    .map((id) => ctx.s.codedeploy.deployments[id])
    .filter((d): d is CdDeployment => !!d && d.region === ctx.region)
    .map((d) => describeDeployment(ctx, d));
  return { deploymentsInfo };
}

function listDeployments(ctx: Ctx, input: Input) {
  let app: string | undefined;
  let group: string | undefined;
  if (input.applicationName !== undefined || input.deploymentGroupName !== undefined) {
    const a = requireApplication(ctx, input.applicationName);
    app = a.applicationName;
    group =
      input.deploymentGroupName !== undefined
        ? requireGroup(ctx, a, input.deploymentGroupName).deploymentGroupName
        : undefined;
  }
  const statuses = Array.isArray(input.includeOnlyStatuses) ? input.includeOnlyStatuses.map(String) : [];
  const deployments = Object.values(ctx.s.codedeploy.deployments)
    .filter(
      (d) =>
        d.region === ctx.region &&
        (app === undefined || d.applicationName === app) &&
        (group === undefined || d.deploymentGroupName === group),
    )
    .filter((d) => statuses.length === 0 || statuses.includes(d.status))
    .sort((a, b) => b.createTime - a.createTime || (a.deploymentId < b.deploymentId ? 1 : -1))
    .map((d) => d.deploymentId);
  return { deployments };
}

function stopDeployment(ctx: Ctx, input: Input) {
  const d = requireDeployment(ctx, input.deploymentId);
  if (TERMINAL.has(d.status))
    throw new ApiError(
      'DeploymentAlreadyCompletedException',
      `The deployment ${d.deploymentId} has already completed.`,
    );
  const rollback = typeof input.autoRollbackEnabled === 'boolean' ? input.autoRollbackEnabled : undefined;
  endDeployment(ctx, d, {
    status: 'Stopped',
    code: 'MANUAL_STOP',
    message: 'The deployment was stopped by a StopDeployment request.',
    trigger: 'DEPLOYMENT_STOP_ON_REQUEST',
    ...(rollback !== undefined ? { rollback } : {}),
  });
  return {
    status: 'Pending',
    statusMessage: 'Stopping Pending. Stopping to schedule commands in the deployment instances',
  };
}

function continueDeployment(ctx: Ctx, input: Input) {
  const d = requireDeployment(ctx, input.deploymentId);
  const type = input.deploymentWaitType ?? 'READY_WAIT';
  if (type !== 'READY_WAIT' && type !== 'TERMINATION_WAIT')
    throw new ApiError('InvalidDeploymentWaitTypeException', `The wait type ${String(type)} is invalid.`);
  if (TERMINAL.has(d.status))
    throw new ApiError(
      'DeploymentAlreadyCompletedException',
      `The deployment ${d.deploymentId} has already completed.`,
    );
  if (type === 'READY_WAIT') {
    if (d.status !== 'Ready')
      throw new ApiError(
        'DeploymentIsNotInReadyStateException',
        `The deployment ${d.deploymentId} is not in a ready state.`,
      );
    ctx.putIn('codedeploy', 'deployments', d.deploymentId, {
      ...d,
      status: 'InProgress',
      readyWaitDone: true,
      wait: null,
    });
  } else {
    if (d.wait?.kind !== 'TERMINATION')
      throw new ApiError(
        'DeploymentIsNotInReadyStateException',
        `The deployment ${d.deploymentId} is not waiting to terminate the original task set.`,
      );
    ctx.putIn('codedeploy', 'deployments', d.deploymentId, {
      ...d,
      wait: { kind: 'TERMINATION', until: ctx.now },
    });
  }
  ctx.emit('codedeploy/continued', { deploymentId: d.deploymentId, deploymentWaitType: type });
  return {};
}

function putHookStatus(ctx: Ctx, input: Input) {
  const d = requireDeployment(ctx, input.deploymentId);
  const id = input.lifecycleEventHookExecutionId;
  const i = d.lifecycleEvents.findIndex((e) => e.hookExecutionId !== undefined && e.hookExecutionId === id);
  if (i < 0)
    throw new ApiError('InvalidLifecycleEventHookExecutionIdException', 'A lifecycle event hook is invalid.');
  const status = input.status as 'Succeeded' | 'Failed';
  if (status !== 'Succeeded' && status !== 'Failed')
    throw new ApiError(
      'InvalidLifecycleEventHookExecutionStatusException',
      'The result of a Lambda validation function that verifies a lifecycle event is invalid. It should return Succeeded or Failed.',
    );
  const ev = d.lifecycleEvents[i];
  if (ev?.status !== 'InProgress' || TERMINAL.has(d.status))
    throw new ApiError(
      'LifecycleEventAlreadyCompletedException',
      'An attempt to return the status of an already completed lifecycle event occurred.',
    );
  const lifecycleEvents = d.lifecycleEvents.map((e, k) => (k === i ? { ...e, status, endTime: ctx.now } : e));
  ctx.putIn('codedeploy', 'deployments', d.deploymentId, { ...d, lifecycleEvents });
  ctx.emit('codedeploy/lifecycle', { deploymentId: d.deploymentId, event: ev.lifecycleEventName, status });
  return { lifecycleEventHookExecutionId: id };
}

function targetIdOf(d: CdDeployment): string {
  return d.ecs ? `${d.ecs.clusterName}:${d.ecs.serviceName}` : `${d.lambda?.functionName}:${d.lambda?.alias}`;
}

function listDeploymentTargets(ctx: Ctx, input: Input) {
  const d = requireDeployment(ctx, input.deploymentId);
  if (d.status === 'Created')
    throw new ApiError('DeploymentNotStartedException', 'The specified deployment has not started.');
  return { targetIds: [targetIdOf(d)] };
}

/** BatchGetDeploymentTargets: the Get answers for the given target ids of one deployment. */
function batchGetDeploymentTargets(ctx: Ctx, input: Input) {
  const ids = Array.isArray(input.targetIds) ? input.targetIds : [];
  return {
    deploymentTargets: ids.map(
      (targetId) => getDeploymentTarget(ctx, { deploymentId: input.deploymentId, targetId }).deploymentTarget,
    ),
  };
}

function getDeploymentTarget(ctx: Ctx, input: Input) {
  const d = requireDeployment(ctx, input.deploymentId);
  if (d.status === 'Created')
    throw new ApiError('DeploymentNotStartedException', 'The specified deployment has not started.');
  if (input.targetId !== targetIdOf(d))
    throw new ApiError(
      'DeploymentTargetDoesNotExistException',
      'The provided target ID does not belong to the attempted deployment.',
    );
  const lifecycleEvents = d.lifecycleEvents.map(({ lifecycleEventName, status, startTime, endTime }) => ({
    lifecycleEventName,
    status,
    ...(startTime !== undefined ? { startTime } : {}),
    ...(endTime !== undefined ? { endTime } : {}),
  }));
  const base = {
    deploymentId: d.deploymentId,
    targetId: targetIdOf(d),
    status: targetStatus(d),
    lastUpdatedAt: d.completeTime ?? ctx.now,
    lifecycleEvents,
  };
  if (d.lambda) {
    const w =
      d.traffic.percent > 0 && d.traffic.percent < 100
        ? d.traffic.percent / 100
        : d.traffic.percent >= 100
          ? 1
          : 0;
    return {
      deploymentTarget: {
        deploymentTargetType: 'LambdaTarget',
        lambdaTarget: {
          ...base,
          targetArn: ctx.arn('lambda', `function:${d.lambda.functionName}:${d.lambda.alias}`),
          lambdaFunctionInfo: {
            functionName: d.lambda.functionName,
            functionAlias: d.lambda.alias,
            currentVersion: d.lambda.currentVersion,
            targetVersion: d.lambda.targetVersion,
            targetVersionWeight: w,
          },
        },
      },
    };
  }
  const t = d.ecs as CdEcsTarget;
  const svc = ctx.s.services.get(t.serviceArn) as Service | undefined;
  const tgName = (arn: string | null) => (arn ? ctx.s.elb.targetGroups[arn]?.TargetGroupName : undefined);
  const info = (id: string | null, label: 'Blue' | 'Green', weight: number, tg: string | null) => {
    const ts = taskSetOf(ctx, t, id);
    if (!ts || !svc) return [];
    const x = describeTaskSet(ctx, svc, ts);
    return [
      {
        identifer: ts.id,
        desiredCount: ts.computedDesiredCount,
        pendingCount: x.pendingCount,
        runningCount: x.runningCount,
        status: ts.status,
        trafficWeight: weight,
        targetGroup: { name: tgName(tg) ?? '' },
        taskSetLabel: label,
      },
    ];
  };
  return {
    deploymentTarget: {
      deploymentTargetType: 'ECSTarget',
      ecsTarget: {
        ...base,
        targetArn: t.serviceArn,
        taskSetsInfo: [
          ...info(t.originalTaskSetId, 'Blue', 100 - d.traffic.percent, t.originalTargetGroupArn),
          ...info(t.replacementTaskSetId, 'Green', d.traffic.percent, t.replacementTargetGroupArn),
        ],
      },
    },
  };
}

export const deploymentHandlers: Record<string, Handler> = {
  'codedeploy:CreateDeployment': createDeployment,
  'codedeploy:GetDeployment': getDeployment,
  'codedeploy:BatchGetDeployments': batchGetDeployments,
  'codedeploy:ListDeployments': listDeployments,
  'codedeploy:StopDeployment': stopDeployment,
  'codedeploy:ContinueDeployment': continueDeployment,
  'codedeploy:PutLifecycleEventHookExecutionStatus': putHookStatus,
  'codedeploy:ListDeploymentTargets': listDeploymentTargets,
  'codedeploy:GetDeploymentTarget': getDeploymentTarget,
  'codedeploy:BatchGetDeploymentTargets': batchGetDeploymentTargets,
};
