/**
 * What AWS does outside its API, as `sim:` actions: an Availability Zone goes dark (its instances stop,
 * nothing launches there) and comes back, an instance is lost, an agent disconnects (running tasks stay,
 * nothing new is placed:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerInstance.html) and reconnects, a
 * container crashes (an essential one stops its task: 3.5), an image is made to fail or crash on start, and
 * a container's health-check command is made to fail or hang (sim:SetHealthCheckResult, for a revision or one
 * of its containers, or an image: what the ECS agent's health checks then see, separate from the load
 * balancer's checks, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html).
 */

import { zoneNames } from '../ec2/catalog.ts';
import { terminateInstance } from '../ec2/ec2.ts';
import { onHostLost } from '../ec2/host-loss.ts';
import { faultKeyOfImage, faultKeyOfRevision } from '../ecs/container-health.ts';
import { findTask, requireCluster, str } from '../ecs/ecs-common.ts';
import { findTaskDefinition } from '../ecs/ecs-task-definitions.ts';
import { crashContainer } from '../ecs/task-lifecycle.ts';
import type { Input } from './api-types.ts';
import type { Ctx } from './ctx.ts';
import { invalidParameter } from './errors.ts';
import { TIMING } from './timing.ts';
import type { Ec2Instance, HealthCheckFault, ImageBehavior } from './types.ts';

function zoneOf(ctx: Ctx, input: Input): string {
  const zone = str(input.availabilityZone);
  if (!zone || !zoneNames(ctx.region).includes(zone)) {
    throw invalidParameter(
      `Unknown Availability Zone '${String(zone)}' in ${ctx.region}. Zones: ${zoneNames(ctx.region).join(', ')}.`,
    );
  }
  return zone;
}

function instanceOf(ctx: Ctx, input: Input): Ec2Instance {
  const id = str(input.instanceId);
  const inst = id ? ctx.s.instances.get(id) : undefined;
  if (!inst || inst.region !== ctx.region)
    throw invalidParameter(`The instance ID '${String(id)}' does not exist`);
  return inst;
}

function failZone(ctx: Ctx, input: Input) {
  const zone = zoneOf(ctx, input);
  if (ctx.s.impairedZones[zone]) return { availabilityZone: zone, state: 'impaired' };
  ctx.setMap('impairedZones', zone, true);
  ctx.emit('zone/failed', { availabilityZone: zone });
  for (const inst of ctx.s.instances.values()) {
    if (inst.availabilityZone !== zone || inst.region !== ctx.region) continue;
    if (inst.state !== 'running' && inst.state !== 'pending') continue;
    const stopped = ctx.patch('instances', inst.instanceId, {
      state: 'stopping',
      stateUntil: ctx.now + TIMING.instanceShutdown,
      stateReason: {
        code: 'Server.InternalError',
        message: 'Server.InternalError: Internal error on launch',
      },
      stateTransitionReason: 'Availability Zone outage',
      agentRegisterAt: null,
    });
    onHostLost(ctx, stopped, 'stopped');
  }
  for (const t of ctx.s.tasks.values()) {
    if (
      t.launchType === 'FARGATE' &&
      t.availabilityZone === zone &&
      t.lastStatus !== 'STOPPED' &&
      t.region === ctx.region
    ) {
      ctx.patch('tasks', t.taskArn, {
        desiredStatus: 'STOPPED',
        stopCode: 'TaskFailedToStart',
        stoppedReason: 'Task stopped due to Availability Zone outage',
        nextTransitionAt: ctx.now,
      });
    }
  }
  return { availabilityZone: zone, state: 'impaired' };
}

function restoreZone(ctx: Ctx, input: Input) {
  const zone = zoneOf(ctx, input);
  if (!ctx.s.impairedZones[zone]) return { availabilityZone: zone, state: 'available' };
  ctx.setMap('impairedZones', zone, null);
  ctx.emit('zone/restored', { availabilityZone: zone });
  for (const inst of ctx.s.instances.values()) {
    if (inst.availabilityZone !== zone || inst.region !== ctx.region) continue;
    if (inst.state !== 'stopped' && inst.state !== 'stopping') continue;
    // The instance boots again; its agent reconnects when it is running.
    ctx.patch('instances', inst.instanceId, {
      state: 'pending',
      stateUntil: ctx.now + TIMING.instanceBoot,
      stateReason: null,
      stateTransitionReason: '',
    });
  }
  return { availabilityZone: zone, state: 'available' };
}

function loseInstance(ctx: Ctx, input: Input) {
  const inst = instanceOf(ctx, input);
  if (inst.state === 'terminated' || inst.state === 'shutting-down')
    return { instanceId: inst.instanceId, state: inst.state };
  terminateInstance(
    ctx,
    inst,
    { code: 'Server.InternalError', message: 'Server.InternalError: Internal error on launch' },
    'Instance retired: hardware failure',
  );
  return { instanceId: inst.instanceId, state: 'shutting-down' };
}

function setAgent(ctx: Ctx, input: Input, connected: boolean) {
  const inst = instanceOf(ctx, input);
  const ci = inst.containerInstanceArn ? ctx.s.containerInstances.get(inst.containerInstanceArn) : undefined;
  if (!ci) throw invalidParameter(`Instance ${inst.instanceId} has no registered container instance.`);
  if (inst.state !== 'running' && connected)
    throw invalidParameter(`Instance ${inst.instanceId} is ${inst.state}; its agent cannot reconnect.`);
  ctx.patch('instances', inst.instanceId, { agentHealthy: connected });
  if (ci.agentConnected !== connected) {
    ctx.patch('containerInstances', ci.containerInstanceArn, {
      agentConnected: connected,
      version: ci.version + 1,
    });
    ctx.emit(connected ? 'agent/connected' : 'agent/disconnected', {
      containerInstanceArn: ci.containerInstanceArn,
      ec2InstanceId: inst.instanceId,
    });
  }
  return { instanceId: inst.instanceId, agentConnected: connected };
}

function crash(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const ref = str(input.task);
  const task = ref ? findTask(ctx, cluster, ref) : undefined;
  if (!task) throw invalidParameter('The referenced task was not found.');
  if (task.lastStatus !== 'RUNNING')
    throw invalidParameter(`Task is ${task.lastStatus}; only a RUNNING task's containers can crash.`);
  const name = str(input.containerName) ?? task.containers.find((c) => c.essential)?.name;
  const container = task.containers.find((c) => c.name === name);
  if (container?.lastStatus !== 'RUNNING')
    throw invalidParameter(`No running container named '${String(name)}' in the task.`);
  const exitCode =
    typeof input.exitCode === 'number' && Number.isInteger(input.exitCode) ? input.exitCode : 137;
  crashContainer(ctx, task, container.name, exitCode);
  return {
    taskArn: task.taskArn,
    containerName: container.name,
    exitCode,
    taskStopping: container.essential,
  };
}

function setImageBehavior(ctx: Ctx, input: Input) {
  const image = str(input.image);
  if (!image) throw invalidParameter('image can not be blank.');
  const mode = str(input.mode);
  if (mode !== 'ok' && mode !== 'fail-to-start' && mode !== 'crash')
    throw invalidParameter("mode must be 'ok', 'fail-to-start' or 'crash'.");
  const behavior: ImageBehavior = { mode };
  if (mode === 'crash') {
    const after = input.crashAfterSeconds === undefined ? 30 : Number(input.crashAfterSeconds);
    if (!Number.isInteger(after) || after < 1)
      throw invalidParameter('crashAfterSeconds must be a positive whole number.');
    behavior.crashAfterSeconds = after;
    behavior.exitCode = typeof input.exitCode === 'number' ? input.exitCode : 1;
  }
  ctx.setMap('imageBehaviors', image, mode === 'ok' ? null : behavior);
  ctx.emit('image/behaviorSet', { image, mode });
  return { image, mode };
}

function setHealthCheckResult(ctx: Ctx, input: Input) {
  const td = str(input.TaskDefinition);
  const image = str(input.Image);
  if ((td === undefined) === (image === undefined))
    throw invalidParameter('Specify exactly one of TaskDefinition or Image.');
  const result = str(input.Result);
  if (result !== 'pass' && result !== 'fail' && result !== 'timeout')
    throw invalidParameter("Result must be 'pass', 'fail' or 'timeout'.");
  const containerName = str(input.ContainerName);
  let key: string;
  let target: Record<string, string>;
  if (td !== undefined) {
    const def = findTaskDefinition(ctx.s, ctx.region, td);
    if (!def) throw invalidParameter(`TaskDefinition '${td}' not found.`);
    if (containerName !== undefined && !def.containerDefinitions.some((c) => c.name === containerName))
      throw invalidParameter(`The container ${containerName} does not exist in the task definition.`);
    key = faultKeyOfRevision(def.taskDefinitionArn);
    target = {
      TaskDefinition: def.taskDefinitionArn,
      ...(containerName ? { ContainerName: containerName } : {}),
    };
  } else {
    if (containerName !== undefined)
      throw invalidParameter('ContainerName goes with TaskDefinition, not Image.');
    key = faultKeyOfImage(image as string);
    target = { Image: image as string };
  }
  const fault: HealthCheckFault | null =
    result === 'pass' ? null : { result, ...(containerName ? { containerName } : {}) };
  ctx.setMap('healthCheckFaults', key, fault);
  ctx.emit('healthCheck/resultSet', { ...target, result });
  return { ...target, Result: result };
}

export const faultHandlers = {
  'sim:FailAvailabilityZone': failZone,
  'sim:RestoreAvailabilityZone': restoreZone,
  'sim:LoseInstance': loseInstance,
  'sim:DisconnectAgent': (ctx: Ctx, input: Input) => setAgent(ctx, input, false),
  'sim:ReconnectAgent': (ctx: Ctx, input: Input) => setAgent(ctx, input, true),
  'sim:CrashContainer': crash,
  'sim:SetImageBehavior': setImageBehavior,
  'sim:SetHealthCheckResult': setHealthCheckResult,
};
