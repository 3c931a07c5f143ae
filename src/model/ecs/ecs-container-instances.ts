/**
 * Container instances: the agent's registration, Describe/List/Deregister, draining through
 * UpdateContainerInstancesState, and custom attributes (PutAttributes, DeleteAttributes, ListAttributes).
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerInstance.html (registered resources:
 * CPU = vCPUs x 1024, MEMORY below the marketed size, PORTS reserved by the agent 22, 2375, 2376, 51678,
 * 51679; built-in attributes; custom attributes from ECS_INSTANCE_ATTRIBUTES at first registration only),
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerInstance.html (statuses,
 * agentConnected),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-draining.html (draining:
 * PENDING service tasks stop at once, RUNNING ones are replaced by the service scheduler within its min/max
 * bounds, standalone tasks are left alone),
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterContainerInstance.html
 * (deregistration, --force orphans). Conflict 2.5: forced deregistration is modelled per the API reference
 * (tasks keep running, orphaned; services start replacements), not the newer page that says it stops them.
 */

import { ECS_AGENT_VERSION, instanceTypeInfo, registeredCpu, registeredMemory } from '../ec2/catalog.ts';
import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError, invalidParameter } from '../sim/errors.ts';
import type { Cluster, ContainerInstance, Ec2Instance } from '../sim/types.ts';
import { createClusterNamed } from './ecs-clusters.ts';
import { findCluster, findContainerInstance, paginate, requireCluster, str, strList } from './ecs-common.ts';
import { candidatesOf } from './ecs-placement-input.ts';
import { requestStop } from './ecs-tasks.ts';
import { querySubject } from './placement.ts';
import { evaluateQuery, parseQuery } from './query-language.ts';

export const RESERVED_PORTS = [22, 2375, 2376, 51678, 51679];

const CAPABILITIES = [
  'com.amazonaws.ecs.capability.docker-remote-api.1.17',
  'com.amazonaws.ecs.capability.docker-remote-api.1.18',
  'com.amazonaws.ecs.capability.docker-remote-api.1.19',
  'com.amazonaws.ecs.capability.docker-remote-api.1.21',
  'com.amazonaws.ecs.capability.docker-remote-api.1.24',
  'com.amazonaws.ecs.capability.logging-driver.awslogs',
  'com.amazonaws.ecs.capability.task-iam-role',
  'ecs.capability.task-eni',
  'ecs.capability.container-health-check',
];

/** The agent registers its instance into ECS_CLUSTER (creating `default` when that is the one missing). */
export function registerAgent(ctx: Ctx, inst: Ec2Instance): ContainerInstance | null {
  const name = inst.ecsCluster ?? 'default';
  let cluster = findCluster(ctx, name);
  if (cluster?.status !== 'ACTIVE') {
    if (name !== 'default') {
      ctx.emit('agent/registrationFailed', {
        instanceId: inst.instanceId,
        cluster: name,
        reason: `ClusterNotFoundException: Cluster not found. The agent on ${inst.instanceId} will keep retrying.`,
      });
      return null;
    }
    cluster = createClusterNamed(ctx, 'default');
  }
  const info = instanceTypeInfo(inst.instanceType);
  if (!info) return null;
  const arn = ctx.arn('ecs', `container-instance/${cluster.clusterName}/${ctx.hex(32)}`);
  const attributes: Record<string, string> = {
    'ecs.availability-zone': inst.availabilityZone,
    'ecs.instance-type': inst.instanceType,
    'ecs.ami-id': inst.imageId,
    'ecs.os-type': 'linux',
    'ecs.os-family': 'LINUX',
    'ecs.cpu-architecture': 'x86_64',
    'ecs.vpc-id': inst.vpcId,
    'ecs.subnet-id': inst.subnetId,
    ...Object.fromEntries(CAPABILITIES.map((c) => [c, ''])),
    ...inst.ecsInstanceAttributes,
  };
  const ci: ContainerInstance = {
    containerInstanceArn: arn,
    region: inst.region,
    clusterArn: cluster.clusterArn,
    ec2InstanceId: inst.instanceId,
    status: 'ACTIVE',
    statusReason: null,
    agentConnected: true,
    registeredAt: ctx.now,
    agentVersion: ECS_AGENT_VERSION,
    registeredCpu: registeredCpu(info),
    registeredMemory: registeredMemory(info),
    reservedPorts: RESERVED_PORTS,
    remainingCpu: registeredCpu(info),
    remainingMemory: registeredMemory(info),
    usedPorts: [],
    usedPortsUdp: [],
    usedEnis: 0,
    attributes,
    version: 1,
  };
  ctx.put('containerInstances', arn, ci);
  ctx.patch('instances', inst.instanceId, { containerInstanceArn: arn, agentRegisterAt: null });
  ctx.emit('containerInstance/registered', {
    containerInstanceArn: arn,
    cluster: cluster.clusterName,
    ec2InstanceId: inst.instanceId,
    availabilityZone: inst.availabilityZone,
    cpu: ci.registeredCpu,
    memory: ci.registeredMemory,
  });
  return ci;
}

function resource(name: string, value: number | string[]) {
  return Array.isArray(value)
    ? { name, type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: value }
    : { name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: value };
}

export function describeContainerInstance(ctx: Ctx, ci: ContainerInstance): Record<string, unknown> {
  let running = 0;
  let pending = 0;
  for (const t of ctx.s.tasks.values()) {
    if (t.containerInstanceArn !== ci.containerInstanceArn || t.lastStatus === 'STOPPED') continue;
    if (t.desiredStatus === 'RUNNING') running++;
    if (t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING') pending++;
  }
  const reserved = ci.reservedPorts.map(String);
  const out: Record<string, unknown> = {
    containerInstanceArn: ci.containerInstanceArn,
    ec2InstanceId: ci.ec2InstanceId,
    version: ci.version,
    versionInfo: {
      agentVersion: ci.agentVersion,
      agentHash: 'a1b2c3d4',
      dockerVersion: 'DockerVersion: 25.0.8',
    },
    remainingResources: [
      resource('CPU', ci.remainingCpu),
      resource('MEMORY', ci.remainingMemory),
      resource('PORTS', [...reserved, ...ci.usedPorts.map(String)]),
      resource('PORTS_UDP', ci.usedPortsUdp.map(String)),
    ],
    registeredResources: [
      resource('CPU', ci.registeredCpu),
      resource('MEMORY', ci.registeredMemory),
      resource('PORTS', reserved),
      resource('PORTS_UDP', []),
    ],
    status: ci.status,
    agentConnected: ci.agentConnected,
    runningTasksCount: running,
    pendingTasksCount: pending,
    attributes: Object.entries(ci.attributes).map(([name, value]) =>
      value === '' ? { name } : { name, value },
    ),
    registeredAt: ci.registeredAt,
    attachments: [],
    tags: [],
  };
  if (ci.statusReason) out.statusReason = ci.statusReason;
  return out;
}

function describeContainerInstances(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const refs = strList(input.containerInstances);
  if (refs.length === 0) throw invalidParameter('ContainerInstances cannot be empty.');
  if (refs.length > 100) throw invalidParameter('ContainerInstances cannot contain more than 100 items.');
  const containerInstances: Record<string, unknown>[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const ref of refs) {
    const ci = findContainerInstance(ctx, cluster, ref);
    if (ci) containerInstances.push(describeContainerInstance(ctx, ci));
    else failures.push({ arn: ref, reason: 'MISSING' });
  }
  return { containerInstances, failures };
}

function listContainerInstances(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const status = str(input.status);
  const valid = ['ACTIVE', 'DRAINING', 'REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED'];
  if (status !== undefined && !valid.includes(status)) throw invalidParameter(`Invalid status '${status}'.`);
  const filter = str(input.filter);
  let matches: (arn: string) => boolean = () => true;
  if (filter !== undefined) {
    const parsed = parseQuery(filter);
    if ('error' in parsed) throw invalidParameter(`Invalid filter expression: ${parsed.error}`);
    const byArn = new Map(candidatesOf(ctx, cluster).map((c) => [c.containerInstanceArn, c]));
    matches = (arn) => {
      const c = byArn.get(arn);
      if (!c) return false;
      return evaluateQuery(parsed.ast, querySubject(c));
    };
  }
  const arns = ctx.s.containerInstances
    .values()
    .filter((ci) => ci.clusterArn === cluster.clusterArn && ci.status !== 'INACTIVE')
    .filter((ci) =>
      status === undefined ? ci.status === 'ACTIVE' || ci.status === 'DRAINING' : ci.status === status,
    )
    .sort(
      (a, b) => a.registeredAt - b.registeredAt || (a.containerInstanceArn < b.containerInstanceArn ? -1 : 1),
    )
    .map((ci) => ci.containerInstanceArn)
    .filter(matches);
  const { page, nextToken } = paginate(arns, input);
  return nextToken ? { containerInstanceArns: page, nextToken } : { containerInstanceArns: page };
}

/**
 * Removes a container instance from its cluster. Its running tasks are orphaned
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterContainerInstance.html).
 */
export function deregister(ctx: Ctx, ci: ContainerInstance, reason: string): ContainerInstance {
  const gone = ctx.patch('containerInstances', ci.containerInstanceArn, {
    status: 'INACTIVE',
    agentConnected: false,
    statusReason: reason,
    version: ci.version + 1,
  });
  const inst = ctx.s.instances.get(ci.ec2InstanceId);
  if (inst && inst.containerInstanceArn === ci.containerInstanceArn) {
    ctx.patch('instances', inst.instanceId, {
      containerInstanceArn: null,
      agentRegisterAt: null,
      ecsCluster: inst.ecsCluster,
    });
  }
  ctx.emit('containerInstance/deregistered', {
    containerInstanceArn: ci.containerInstanceArn,
    ec2InstanceId: ci.ec2InstanceId,
    reason,
  });
  return gone;
}

function deregisterContainerInstance(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const ref = str(input.containerInstance);
  if (!ref) throw invalidParameter('ContainerInstance can not be blank.');
  const ci = findContainerInstance(ctx, cluster, ref);
  if (!ci || ci.status === 'INACTIVE')
    throw invalidParameter('The referenced container instance was not found.');
  const live = ctx.s.tasks
    .values()
    .filter((t) => t.containerInstanceArn === ci.containerInstanceArn && t.lastStatus !== 'STOPPED');
  if (live.length > 0 && input.force !== true) {
    throw invalidParameter(
      'Found running tasks on the instance. Use the force flag to deregister the instance.',
    );
  }
  const gone = deregister(ctx, ci, 'Container instance deregistered by user');
  // Orphaned service tasks are replaced by their services (the scheduler sees they are no longer placed).
  for (const t of live) {
    ctx.patch('tasks', t.taskArn, { containerInstanceArn: null, version: t.version + 1 });
  }
  return { containerInstance: describeContainerInstance(ctx, gone) };
}

/** Sets DRAINING: PENDING service tasks stop at once; the service scheduler replaces RUNNING ones. */
export function startDraining(ctx: Ctx, ci: ContainerInstance): ContainerInstance {
  const draining = ctx.patch('containerInstances', ci.containerInstanceArn, {
    status: 'DRAINING',
    version: ci.version + 1,
  });
  for (const t of ctx.s.tasks.values()) {
    if (
      t.containerInstanceArn !== ci.containerInstanceArn ||
      t.serviceName === null ||
      t.desiredStatus === 'STOPPED'
    )
      continue;
    if (t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING') {
      requestStop(ctx, t, 'ServiceSchedulerInitiated', 'Container instance is draining');
    }
  }
  ctx.emit('containerInstance/draining', {
    containerInstanceArn: ci.containerInstanceArn,
    ec2InstanceId: ci.ec2InstanceId,
  });
  return draining;
}

function updateContainerInstancesState(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const refs = strList(input.containerInstances);
  if (refs.length === 0) throw invalidParameter('ContainerInstances cannot be empty.');
  if (refs.length > 10) throw invalidParameter('ContainerInstances cannot contain more than 10 items.');
  const status = str(input.status);
  if (status !== 'ACTIVE' && status !== 'DRAINING') {
    throw invalidParameter(`Invalid status '${String(status)}'. Valid values are ACTIVE and DRAINING.`);
  }
  const containerInstances: Record<string, unknown>[] = [];
  const failures: { arn: string; reason: string; detail?: string }[] = [];
  for (const ref of refs) {
    const ci = findContainerInstance(ctx, cluster, ref);
    if (!ci || ci.status === 'INACTIVE') {
      failures.push({ arn: ref, reason: 'MISSING' });
      continue;
    }
    let cur = ci;
    if (status === 'DRAINING') {
      if (ci.status === 'DRAINING') cur = ci;
      else if (ci.status !== 'ACTIVE') {
        failures.push({
          arn: ci.containerInstanceArn,
          reason: 'INVALID_STATE',
          detail: `Container instance is ${ci.status}; only ACTIVE instances can be set to DRAINING.`,
        });
        continue;
      } else cur = startDraining(ctx, ci);
    } else if (ci.status === 'DRAINING') {
      cur = ctx.patch('containerInstances', ci.containerInstanceArn, {
        status: 'ACTIVE',
        version: ci.version + 1,
      });
      ctx.emit('containerInstance/activated', {
        containerInstanceArn: ci.containerInstanceArn,
        ec2InstanceId: ci.ec2InstanceId,
      });
    }
    containerInstances.push(describeContainerInstance(ctx, cur));
  }
  return { containerInstances, failures };
}

// ---------------------------------------------------------------------------------------------
// Attributes

const ATTR_NAME = /^[A-Za-z0-9\-_/.]{1,128}$/;
const ATTR_VALUE = /^[A-Za-z0-9\-_.@/\\: ]{1,128}$/;

function attributeTargets(ctx: Ctx, cluster: Cluster, raw: Record<string, unknown>): ContainerInstance {
  const targetId = str(raw.targetId);
  if (!targetId)
    throw invalidParameter('Attribute targetId can not be blank for container instance attributes.');
  if (raw.targetType !== undefined && raw.targetType !== 'container-instance') {
    throw invalidParameter("Attribute targetType must be 'container-instance'.");
  }
  const ci = findContainerInstance(ctx, cluster, targetId);
  if (!ci || ci.status === 'INACTIVE')
    throw new ApiError('TargetNotFoundException', `Could not find ${targetId}.`);
  return ci;
}

function readAttributes(input: Input): Record<string, unknown>[] {
  const list = input.attributes;
  if (!Array.isArray(list) || list.length === 0) throw invalidParameter('Attributes can not be empty.');
  if (list.length > 10)
    throw new ApiError('AttributeLimitExceededException', 'You can specify up to 10 attributes per call.');
  return list as Record<string, unknown>[];
}

function putAttributes(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const list = readAttributes(input);
  const staged: { ci: ContainerInstance; name: string; value: string }[] = [];
  for (const raw of list) {
    const name = str(raw.name) ?? '';
    const value = str(raw.value);
    if (!ATTR_NAME.test(name))
      throw invalidParameter(
        `Attribute name '${name}' is invalid: up to 128 letters, numbers, hyphens, underscores, slashes and periods.`,
      );
    if (value !== undefined && (!ATTR_VALUE.test(value) || value.trim() !== value)) {
      throw invalidParameter(
        `Attribute value '${value}' is invalid: up to 128 letters, numbers, hyphens, underscores, periods, at signs, slashes, colons and spaces, without leading or trailing spaces.`,
      );
    }
    if (name.startsWith('ecs.'))
      throw invalidParameter(
        `Attribute name '${name}' is reserved: the ecs. prefix belongs to built-in attributes.`,
      );
    staged.push({ ci: attributeTargets(ctx, cluster, raw), name, value: value ?? '' });
  }
  for (const a of staged) {
    const cur = ctx.s.containerInstances.get(a.ci.containerInstanceArn) as ContainerInstance;
    ctx.patch('containerInstances', cur.containerInstanceArn, {
      attributes: { ...cur.attributes, [a.name]: a.value },
      version: cur.version + 1,
    });
    ctx.emit('containerInstance/attributeSet', {
      containerInstanceArn: cur.containerInstanceArn,
      name: a.name,
      value: a.value,
    });
  }
  return {
    attributes: list.map((_raw, i) => ({
      name: staged[i]?.name,
      ...(staged[i]?.value ? { value: staged[i]?.value } : {}),
      targetType: 'container-instance',
      targetId: staged[i]?.ci.containerInstanceArn,
    })),
  };
}

function deleteAttributes(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const list = readAttributes(input);
  const out: Record<string, unknown>[] = [];
  for (const raw of list) {
    const ci = attributeTargets(ctx, cluster, raw);
    const name = str(raw.name) ?? '';
    if (name.startsWith('ecs.'))
      throw invalidParameter(`Attribute name '${name}' is reserved and cannot be deleted.`);
    if (!(name in ci.attributes))
      throw new ApiError(
        'TargetNotFoundException',
        `Could not find attribute ${name} on ${ci.containerInstanceArn}.`,
      );
    const cur = ctx.s.containerInstances.get(ci.containerInstanceArn) as ContainerInstance;
    const { [name]: _gone, ...rest } = cur.attributes;
    ctx.patch('containerInstances', cur.containerInstanceArn, { attributes: rest, version: cur.version + 1 });
    out.push({ name, targetType: 'container-instance', targetId: ci.containerInstanceArn });
  }
  return { attributes: out };
}

function listAttributes(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  if (input.targetType !== 'container-instance')
    throw invalidParameter("targetType must be 'container-instance'.");
  const name = str(input.attributeName);
  const value = str(input.attributeValue);
  if (value !== undefined && name === undefined)
    throw invalidParameter('attributeValue requires attributeName.');
  const out: Record<string, unknown>[] = [];
  for (const ci of ctx.s.containerInstances.values()) {
    if (ci.clusterArn !== cluster.clusterArn || ci.status === 'INACTIVE') continue;
    for (const [n, v] of Object.entries(ci.attributes)) {
      if (name !== undefined && n !== name) continue;
      if (value !== undefined && v !== value) continue;
      out.push({
        name: n,
        ...(v ? { value: v } : {}),
        targetType: 'container-instance',
        targetId: ci.containerInstanceArn,
      });
    }
  }
  const { page, nextToken } = paginate(out, input);
  return nextToken ? { attributes: page, nextToken } : { attributes: page };
}

export const containerInstanceHandlers = {
  'ecs:DescribeContainerInstances': describeContainerInstances,
  'ecs:ListContainerInstances': listContainerInstances,
  'ecs:DeregisterContainerInstance': deregisterContainerInstance,
  'ecs:UpdateContainerInstancesState': updateContainerInstancesState,
  'ecs:PutAttributes': putAttributes,
  'ecs:DeleteAttributes': deleteAttributes,
  'ecs:ListAttributes': listAttributes,
};
