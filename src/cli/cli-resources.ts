/**
 * Rosetta's calls for the load-balancing, alarm, Lambda and CodeDeploy things: the read call that
 * shows a selected thing and the call that would create it as it is now, built from the state
 * (elbv2-types.ts, cloudwatch-types.ts, lambda-types.ts). CodeDeploy's state is read as plain objects
 * shaped like its API (GetApplication/GetDeploymentGroup/GetDeployment outputs): their members that
 * the Create request also takes are carried over, so this file does not depend on how CodeDeploy's
 * state is typed. cli.ts dispatches here for these selection kinds.
 */

import type {
  Action,
  Call,
  LambdaAlias,
  LambdaFunction,
  Listener,
  LoadBalancer,
  MetricAlarm,
  Rule,
  SimState,
  TargetGroup,
} from '../model/index.ts';
import { supportedActions } from '../model/index.ts';

/** The things of load balancing, alarms, Lambda and CodeDeploy that the inspector can select. */
export type ResourceKind =
  | 'loadBalancer'
  | 'targetGroup'
  | 'listener'
  | 'rule'
  | 'alarm'
  | 'lambdaFunction'
  | 'lambdaAlias'
  | 'codeDeployApplication'
  | 'deploymentGroup'
  | 'deploymentConfig'
  | 'deployment';

/**
 * Ids: a load balancer or target group by ARN or name; a listener or rule by ARN; an alarm by name or
 * ARN; a Lambda function by name or ARN; an alias by ARN or `function:alias`; CodeDeploy things by
 * their state key or name (`deployment`: the deployment id).
 */
export interface ResourceSelection {
  kind: ResourceKind;
  id: string;
}

const RESOURCE_KINDS: ReadonlySet<string> = new Set<ResourceKind>([
  'loadBalancer',
  'targetGroup',
  'listener',
  'rule',
  'alarm',
  'lambdaFunction',
  'lambdaAlias',
  'codeDeployApplication',
  'deploymentGroup',
  'deploymentConfig',
  'deployment',
]);

export function isResourceSelection(sel: { kind: string; id: string }): sel is ResourceSelection {
  return RESOURCE_KINDS.has(sel.kind);
}

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function regional(sim: SimState, call: Call, region: unknown): Call {
  return typeof region !== 'string' || region === sim.defaultRegion ? call : { ...call, region };
}

/** The record's entry by key, else the first (default region first) that matches another identity. */
function find<T>(
  records: Record<string, T>,
  id: string,
  sim: SimState,
  matches: (x: T) => boolean,
): T | undefined {
  const direct = records[id];
  if (direct) return direct;
  const found = Object.values(records).filter(matches);
  return found.find((x) => (x as { region?: unknown }).region === sim.defaultRegion) ?? found[0];
}

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether a value says something: `false`, an empty list, or an object of such values (an alarm
 * configuration that is off and lists no alarm) is what leaving the member out means.
 */
function meaningful(v: unknown): boolean {
  if (v === undefined || v === null || v === false) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isPlain(v)) return Object.values(v).some(meaningful);
  return true;
}

/** The members of `source` that a request takes, in the request's order. */
function pick(source: Plain, members: readonly string[]): Plain {
  const out: Plain = {};
  for (const m of members) if (meaningful(source[m])) out[m] = copy(source[m]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Elastic Load Balancing v2

function findLoadBalancer(sim: SimState, id: string): LoadBalancer | undefined {
  return find(
    sim.elb.loadBalancers,
    id,
    sim,
    (lb) => lb.LoadBalancerArn === id || lb.LoadBalancerName === id,
  );
}

function findTargetGroup(sim: SimState, id: string): TargetGroup | undefined {
  return find(sim.elb.targetGroups, id, sim, (tg) => tg.TargetGroupArn === id || tg.TargetGroupName === id);
}

function findListener(sim: SimState, id: string): Listener | undefined {
  return find(sim.elb.listeners, id, sim, (l) => l.ListenerArn === id);
}

function findRule(sim: SimState, id: string): Rule | undefined {
  return find(sim.elb.rules, id, sim, (r) => r.RuleArn === id);
}

/** An action as a request takes it: a forward with one group keeps TargetGroupArn, as typed. */
function actionInput(a: Action): Plain {
  const out: Plain = { Type: a.Type };
  if (a.TargetGroupArn !== undefined) out.TargetGroupArn = a.TargetGroupArn;
  if (a.ForwardConfig) {
    const fc: Plain = { TargetGroups: copy(a.ForwardConfig.TargetGroups) };
    const sticky = a.ForwardConfig.TargetGroupStickinessConfig;
    if (sticky?.Enabled) fc.TargetGroupStickinessConfig = copy(sticky);
    // ELB echoes a single-group forward's ForwardConfig; the request needs only TargetGroupArn.
    const single =
      a.TargetGroupArn !== undefined && a.ForwardConfig.TargetGroups.length === 1 && !sticky?.Enabled;
    if (!single) out.ForwardConfig = fc;
  }
  if (a.FixedResponseConfig) out.FixedResponseConfig = copy(a.FixedResponseConfig);
  if (a.RedirectConfig) out.RedirectConfig = copy(a.RedirectConfig);
  if (a.Order !== undefined) out.Order = a.Order;
  return out;
}

function createLoadBalancer(sim: SimState, lb: LoadBalancer): Call {
  const input: Plain = { Name: lb.LoadBalancerName, Subnets: lb.AvailabilityZones.map((z) => z.SubnetId) };
  if (lb.SecurityGroups.length > 0) input.SecurityGroups = [...lb.SecurityGroups];
  if (lb.Scheme !== 'internet-facing') input.Scheme = lb.Scheme;
  input.Type = lb.Type;
  return regional(sim, { action: 'elbv2:CreateLoadBalancer', input }, lb.region);
}

function createTargetGroup(sim: SimState, tg: TargetGroup): Call {
  const input: Plain = {
    Name: tg.TargetGroupName,
    Protocol: tg.Protocol,
    Port: tg.Port,
    VpcId: tg.VpcId,
    TargetType: tg.TargetType,
  };
  if (tg.HealthCheckProtocol !== tg.Protocol) input.HealthCheckProtocol = tg.HealthCheckProtocol;
  if (tg.HealthCheckPort !== 'traffic-port') input.HealthCheckPort = tg.HealthCheckPort;
  if (!tg.HealthCheckEnabled) input.HealthCheckEnabled = false;
  // The health check is spelt out: it is what the player tunes, and the defaults have changed over time.
  Object.assign(input, {
    HealthCheckPath: tg.HealthCheckPath,
    HealthCheckIntervalSeconds: tg.HealthCheckIntervalSeconds,
    HealthCheckTimeoutSeconds: tg.HealthCheckTimeoutSeconds,
    HealthyThresholdCount: tg.HealthyThresholdCount,
    UnhealthyThresholdCount: tg.UnhealthyThresholdCount,
    Matcher: copy(tg.Matcher),
  });
  return regional(sim, { action: 'elbv2:CreateTargetGroup', input }, tg.region);
}

function createListener(sim: SimState, l: Listener): Call {
  const input: Plain = {
    LoadBalancerArn: l.LoadBalancerArn,
    Protocol: l.Protocol,
    Port: l.Port,
    DefaultActions: l.DefaultActions.map(actionInput),
  };
  return regional(sim, { action: 'elbv2:CreateListener', input }, l.region);
}

function ruleRegion(sim: SimState, r: Rule): unknown {
  return sim.elb.listeners[r.listenerArn]?.region ?? regionOfArn(r.RuleArn);
}

function regionOfArn(arn: string): string | undefined {
  return arn.split(':')[3] || undefined;
}

function createRule(sim: SimState, r: Rule): Call {
  const input: Plain = {
    ListenerArn: r.listenerArn,
    Priority: Number(r.Priority),
    Conditions: copy(r.Conditions),
    Actions: r.Actions.map(actionInput),
  };
  return regional(sim, { action: 'elbv2:CreateRule', input }, ruleRegion(sim, r));
}

// ---------------------------------------------------------------------------------------------
// CloudWatch

function findAlarm(sim: SimState, id: string): MetricAlarm | undefined {
  return find(sim.cloudwatch.alarms, id, sim, (a) => a.AlarmName === id || a.AlarmArn === id);
}

const ALARM_MEMBERS = [
  'AlarmName',
  'AlarmDescription',
  'AlarmActions',
  'OKActions',
  'InsufficientDataActions',
  'MetricName',
  'Namespace',
  'Statistic',
  'ExtendedStatistic',
  'Dimensions',
  'Metrics',
  'Period',
  'EvaluationPeriods',
  'DatapointsToAlarm',
  'Threshold',
  'ComparisonOperator',
  'TreatMissingData',
] as const;

function putMetricAlarm(sim: SimState, a: MetricAlarm): Call {
  const input = pick(a as unknown as Plain, ALARM_MEMBERS);
  // Threshold 0 is a real threshold; ActionsEnabled defaults to true.
  if (a.Threshold !== undefined) input.Threshold = a.Threshold;
  if (!a.ActionsEnabled) input.ActionsEnabled = false;
  const ordered: Plain = {};
  for (const m of ['AlarmName', 'AlarmDescription', 'ActionsEnabled', ...ALARM_MEMBERS]) {
    if (m in input) ordered[m] = input[m];
  }
  return regional(sim, { action: 'cloudwatch:PutMetricAlarm', input: ordered }, a.region);
}

// ---------------------------------------------------------------------------------------------
// Lambda

/** An empty zip archive (just the end-of-central-directory record): the state keeps no code. */
export const EMPTY_ZIP_BASE64 = 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==';

function findFunction(sim: SimState, id: string): LambdaFunction | undefined {
  return find(sim.lambda.functions, id, sim, (f) => f.FunctionName === id || f.FunctionArn === id);
}

function findAlias(sim: SimState, id: string): { fn: LambdaFunction; alias: LambdaAlias } | undefined {
  const hits: { fn: LambdaFunction; alias: LambdaAlias }[] = [];
  for (const fn of Object.values(sim.lambda.functions)) {
    for (const alias of Object.values(fn.aliases)) {
      if (alias.AliasArn === id || `${fn.FunctionName}:${alias.Name}` === id) hits.push({ fn, alias });
    }
  }
  return hits.find((h) => h.fn.region === sim.defaultRegion) ?? hits[0];
}

function createFunction(sim: SimState, fn: LambdaFunction): Call {
  // The code itself is not part of the state unless its owner keeps the zip (base64) as ZipFile.
  const kept = (fn as unknown as Plain).ZipFile;
  const input: Plain = {
    FunctionName: fn.FunctionName,
    Runtime: fn.Runtime,
    Role: fn.Role,
    Handler: fn.Handler,
    Code: { ZipFile: typeof kept === 'string' ? kept : EMPTY_ZIP_BASE64 },
  };
  if (fn.Description) input.Description = fn.Description;
  if (fn.Timeout !== 3) input.Timeout = fn.Timeout;
  if (fn.MemorySize !== 128) input.MemorySize = fn.MemorySize;
  return regional(sim, { action: 'lambda:CreateFunction', input }, fn.region);
}

function createAlias(sim: SimState, fn: LambdaFunction, alias: LambdaAlias): Call {
  const input: Plain = {
    FunctionName: fn.FunctionName,
    Name: alias.Name,
    FunctionVersion: alias.FunctionVersion,
  };
  if (alias.Description) input.Description = alias.Description;
  const weights = alias.RoutingConfig?.AdditionalVersionWeights;
  if (weights && Object.keys(weights).length > 0)
    input.RoutingConfig = { AdditionalVersionWeights: { ...weights } };
  return regional(sim, { action: 'lambda:CreateAlias', input }, fn.region);
}

function describeFunction(sim: SimState, fn: LambdaFunction): Call {
  // GetFunction when the model answers it; the versions list shows the function otherwise.
  const action = supportedActions().includes('lambda:GetFunction')
    ? 'lambda:GetFunction'
    : 'lambda:ListVersionsByFunction';
  return regional(sim, { action, input: { FunctionName: fn.FunctionName } }, fn.region);
}

// ---------------------------------------------------------------------------------------------
// CodeDeploy (plain, API-shaped objects)

const APPLICATION_MEMBERS = ['applicationName', 'computePlatform', 'tags'] as const;

const DEPLOYMENT_GROUP_MEMBERS = [
  'applicationName',
  'deploymentGroupName',
  'deploymentConfigName',
  'ec2TagFilters',
  'onPremisesInstanceTagFilters',
  'autoScalingGroups',
  'serviceRoleArn',
  'triggerConfigurations',
  'alarmConfiguration',
  'autoRollbackConfiguration',
  'deploymentStyle',
  'blueGreenDeploymentConfiguration',
  'loadBalancerInfo',
  'ecsServices',
  'tags',
] as const;

const DEPLOYMENT_CONFIG_MEMBERS = [
  'deploymentConfigName',
  'computePlatform',
  'trafficRoutingConfig',
  'minimumHealthyHosts',
] as const;

const DEPLOYMENT_MEMBERS = [
  'applicationName',
  'deploymentGroupName',
  'revision',
  'deploymentConfigName',
  'description',
  'autoRollbackConfiguration',
] as const;

function plainRecords(records: unknown): Record<string, Plain> {
  if (!isPlain(records)) return {};
  return Object.fromEntries(Object.entries(records).filter(([, v]) => isPlain(v))) as Record<string, Plain>;
}

function findPlain(sim: SimState, records: unknown, id: string, names: string[]): Plain | undefined {
  return find(plainRecords(records), id, sim, (x) => names.some((n) => x[n] === id));
}

/** A CodeDeploy application's calls, from an object shaped like GetApplication's `application`. */
export function codeDeployApplicationCalls(app: Plain, sim?: SimState): { create: Call; describe: Call } {
  const create: Call = { action: 'codedeploy:CreateApplication', input: pick(app, APPLICATION_MEMBERS) };
  const describe: Call = {
    action: 'codedeploy:GetApplication',
    input: { applicationName: app.applicationName },
  };
  return sim
    ? { create: regional(sim, create, app.region), describe: regional(sim, describe, app.region) }
    : { create, describe };
}

/** A deployment group's calls, from an object shaped like GetDeploymentGroup's `deploymentGroupInfo`. */
export function deploymentGroupCalls(group: Plain, sim?: SimState): { create: Call; describe: Call } {
  const create: Call = {
    action: 'codedeploy:CreateDeploymentGroup',
    input: pick(group, DEPLOYMENT_GROUP_MEMBERS),
  };
  const describe: Call = {
    action: 'codedeploy:GetDeploymentGroup',
    input: { applicationName: group.applicationName, deploymentGroupName: group.deploymentGroupName },
  };
  return sim
    ? { create: regional(sim, create, group.region), describe: regional(sim, describe, group.region) }
    : { create, describe };
}

/** A custom deployment configuration's calls, from an object shaped like GetDeploymentConfig's. */
export function deploymentConfigCalls(config: Plain, sim?: SimState): { create: Call; describe: Call } {
  const create: Call = {
    action: 'codedeploy:CreateDeploymentConfig',
    input: pick(config, DEPLOYMENT_CONFIG_MEMBERS),
  };
  const describe: Call = {
    action: 'codedeploy:GetDeploymentConfig',
    input: { deploymentConfigName: config.deploymentConfigName },
  };
  return sim
    ? { create: regional(sim, create, config.region), describe: regional(sim, describe, config.region) }
    : { create, describe };
}

/**
 * A deployment's calls, from an object shaped like GetDeployment's `deploymentInfo`. `group` (its
 * deployment group, when known) leaves out what the deployment only inherited from it.
 */
export function deploymentCalls(
  deployment: Plain,
  sim?: SimState,
  group?: Plain,
): { create: Call; describe: Call | null } {
  const input = pick(deployment, DEPLOYMENT_MEMBERS);
  for (const inherited of ['deploymentConfigName', 'autoRollbackConfiguration']) {
    if (group && inherited in input && JSON.stringify(input[inherited]) === JSON.stringify(group[inherited]))
      delete input[inherited];
  }
  const create: Call = { action: 'codedeploy:CreateDeployment', input };
  const id = deployment.deploymentId;
  const describe: Call | null =
    typeof id === 'string' ? { action: 'codedeploy:GetDeployment', input: { deploymentId: id } } : null;
  if (!sim) return { create, describe };
  return {
    create: regional(sim, create, deployment.region),
    describe: describe && regional(sim, describe, deployment.region),
  };
}

function codeDeployCalls(
  sim: SimState,
  sel: ResourceSelection,
): { create: Call; describe: Call | null } | null {
  const cd = sim.codedeploy as unknown as Plain | undefined;
  if (!cd) return null;
  if (sel.kind === 'codeDeployApplication') {
    const app = findPlain(sim, cd.applications, sel.id, ['applicationName', 'applicationId']);
    return app ? codeDeployApplicationCalls(app, sim) : null;
  }
  if (sel.kind === 'deploymentGroup') {
    const group = findPlain(sim, cd.deploymentGroups, sel.id, ['deploymentGroupName', 'deploymentGroupId']);
    return group ? deploymentGroupCalls(group, sim) : null;
  }
  if (sel.kind === 'deploymentConfig') {
    const config = findPlain(sim, cd.deploymentConfigs, sel.id, [
      'deploymentConfigName',
      'deploymentConfigId',
    ]);
    return config ? deploymentConfigCalls(config, sim) : null;
  }
  const deployment = findPlain(sim, cd.deployments, sel.id, ['deploymentId']);
  if (!deployment) return null;
  const group = Object.values(plainRecords(cd.deploymentGroups)).find(
    (g) =>
      g.applicationName === deployment.applicationName &&
      g.deploymentGroupName === deployment.deploymentGroupName &&
      (g.region === undefined || g.region === deployment.region),
  );
  return deploymentCalls(deployment, sim, group);
}

// ---------------------------------------------------------------------------------------------
// Dispatch

/** The read call whose output shows the selected thing; null if it is not found. */
export function resourceDescribeCall(sim: SimState, sel: ResourceSelection): Call | null {
  switch (sel.kind) {
    case 'loadBalancer': {
      const lb = findLoadBalancer(sim, sel.id);
      const input = { Names: [lb?.LoadBalancerName] };
      return lb ? regional(sim, { action: 'elbv2:DescribeLoadBalancers', input }, lb.region) : null;
    }
    case 'targetGroup': {
      const tg = findTargetGroup(sim, sel.id);
      const input = { Names: [tg?.TargetGroupName] };
      return tg ? regional(sim, { action: 'elbv2:DescribeTargetGroups', input }, tg.region) : null;
    }
    case 'listener': {
      const l = findListener(sim, sel.id);
      const input = { ListenerArns: [l?.ListenerArn] };
      return l ? regional(sim, { action: 'elbv2:DescribeListeners', input }, l.region) : null;
    }
    case 'rule': {
      const r = findRule(sim, sel.id);
      return r
        ? regional(
            sim,
            { action: 'elbv2:DescribeRules', input: { RuleArns: [r.RuleArn] } },
            ruleRegion(sim, r),
          )
        : null;
    }
    case 'alarm': {
      const a = findAlarm(sim, sel.id);
      return a
        ? regional(
            sim,
            { action: 'cloudwatch:DescribeAlarms', input: { AlarmNames: [a.AlarmName] } },
            a.region,
          )
        : null;
    }
    case 'lambdaFunction': {
      const fn = findFunction(sim, sel.id);
      return fn ? describeFunction(sim, fn) : null;
    }
    case 'lambdaAlias': {
      const hit = findAlias(sim, sel.id);
      if (!hit) return null;
      const input = { FunctionName: hit.fn.FunctionName, Name: hit.alias.Name };
      return regional(sim, { action: 'lambda:GetAlias', input }, hit.fn.region);
    }
    default:
      return codeDeployCalls(sim, sel)?.describe ?? null;
  }
}

/** The call that would create the selected thing as it is now; null if it is not found. */
export function resourceCreateCall(sim: SimState, sel: ResourceSelection): Call | null {
  switch (sel.kind) {
    case 'loadBalancer': {
      const lb = findLoadBalancer(sim, sel.id);
      return lb ? createLoadBalancer(sim, lb) : null;
    }
    case 'targetGroup': {
      const tg = findTargetGroup(sim, sel.id);
      return tg ? createTargetGroup(sim, tg) : null;
    }
    case 'listener': {
      const l = findListener(sim, sel.id);
      return l ? createListener(sim, l) : null;
    }
    case 'rule': {
      const r = findRule(sim, sel.id);
      return r ? createRule(sim, r) : null;
    }
    case 'alarm': {
      const a = findAlarm(sim, sel.id);
      return a ? putMetricAlarm(sim, a) : null;
    }
    case 'lambdaFunction': {
      const fn = findFunction(sim, sel.id);
      return fn ? createFunction(sim, fn) : null;
    }
    case 'lambdaAlias': {
      const hit = findAlias(sim, sel.id);
      return hit ? createAlias(sim, hit.fn, hit.alias) : null;
    }
    default:
      return codeDeployCalls(sim, sel)?.create ?? null;
  }
}
