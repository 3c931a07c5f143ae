/**
 * ELBv2 targets: RegisterTargets, DeregisterTargets, DescribeTargetHealth, and the functions ECS and the
 * health tick use to add, drain and remove targets. Sources:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html (a
 * registered target starts `initial`, must pass one check; a deregistered one drains for
 * deregistration_delay.timeout_seconds, then is unused and gone; reason codes and descriptions of
 * ELB-API:TargetHealth; at most 1,000 targets). Simplification: a target group with no listener leaves its
 * targets `unused` (Target.NotInUse).
 */

import { zoneNames } from '../ec2/catalog.ts';
import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import { TIMING } from '../sim/timing.ts';
import type { Target, TargetGroup } from '../sim/types.ts';
import {
  describeTargetHealth,
  intIn,
  required,
  requireTargetGroup,
  str,
  TARGET_TEXT,
  validation,
} from './elbv2-common.ts';

const MAX_TARGETS = 1000;

export const targetKey = (id: string, port: number): string => `${id}:${port}`;

/** Adds (or re-registers) a target: `initial`, first check soon, or `unused` if no listener uses the group. */
export function registerTarget(
  ctx: Ctx,
  tg: TargetGroup,
  t: { Id: string; Port: number; AvailabilityZone: string; taskArn: string | null },
): void {
  const inUse = tg.LoadBalancerArns.length > 0;
  const reason = inUse ? 'Elb.RegistrationInProgress' : 'Target.NotInUse';
  const target: Target = {
    ...t,
    state: inUse ? 'initial' : 'unused',
    reason,
    description: TARGET_TEXT[reason] ?? null,
    streak: 0,
    nextCheckAt: ctx.now + TIMING.firstHealthCheck,
    registeredAt: ctx.now,
    drainUntil: null,
  };
  const cur = ctx.s.elb.targetGroups[tg.TargetGroupArn] as TargetGroup;
  ctx.patchIn('elb', 'targetGroups', tg.TargetGroupArn, {
    targets: { ...cur.targets, [targetKey(t.Id, t.Port)]: target },
  });
  ctx.emit('target/registered', {
    targetGroupArn: tg.TargetGroupArn,
    targetId: t.Id,
    port: t.Port,
    taskArn: t.taskArn,
  });
}

/** Removes a target at once (drain over, or its group no longer receives traffic). */
export function removeTarget(ctx: Ctx, tgArn: string, key: string): void {
  const tg = ctx.s.elb.targetGroups[tgArn];
  const t = tg?.targets[key];
  if (!tg || !t) return;
  const targets = { ...tg.targets };
  delete targets[key];
  ctx.patchIn('elb', 'targetGroups', tgArn, { targets });
  ctx.emit('target/deregistered', {
    targetGroupArn: tgArn,
    targetId: t.Id,
    port: t.Port,
    taskArn: t.taskArn,
  });
}

/**
 * Deregisters a target: it stops receiving new requests and drains for the group's
 * deregistration delay, then is removed (tickElb). A zero delay, or a group no listener uses,
 * removes it at once.
 */
export function drainTarget(ctx: Ctx, tgArn: string, key: string): void {
  const tg = ctx.s.elb.targetGroups[tgArn];
  const t = tg?.targets[key];
  if (!tg || !t || t.drainUntil !== null) return;
  const delay = Number(tg.attributes['deregistration_delay.timeout_seconds'] ?? '300');
  if (delay <= 0 || tg.LoadBalancerArns.length === 0) {
    removeTarget(ctx, tgArn, key);
    return;
  }
  ctx.patchIn('elb', 'targetGroups', tgArn, {
    targets: {
      ...tg.targets,
      [key]: {
        ...t,
        state: 'draining',
        reason: 'Target.DeregistrationInProgress',
        description: TARGET_TEXT['Target.DeregistrationInProgress'] ?? null,
        drainUntil: ctx.now + delay,
      },
    },
  });
  ctx.emit('target/draining', {
    targetGroupArn: tgArn,
    targetId: t.Id,
    port: t.Port,
    taskArn: t.taskArn,
    until: ctx.now + delay,
  });
}

function zoneOfIp(ctx: Ctx, ip: string): string | undefined {
  const task = ctx.s.tasks.values().find((t) => t.privateIpv4Address === ip && t.region === ctx.region);
  if (task) return task.availabilityZone;
  const m = /^172\.31\.(\d+)\.\d+$/.exec(ip);
  return m ? zoneNames(ctx.region)[Math.floor(Number(m[1]) / 16)] : undefined;
}

function readTargets(tg: TargetGroup, input: Input) {
  const list = input.Targets;
  if (!Array.isArray(list) || list.length === 0)
    throw validation(
      "1 validation error detected: Value null at 'targets' failed to satisfy constraint: Member must not be null",
    );
  return (list as Record<string, unknown>[]).map((raw, i) => {
    const id = str(raw.Id);
    if (!id)
      throw validation(
        `1 validation error detected: Value null at 'targets.${i + 1}.member.id' failed to satisfy constraint: Member must not be null`,
      );
    const port = raw.Port === undefined ? tg.Port : intIn(raw.Port, `targets.${i + 1}.member.port`, 1, 65535);
    return { id, port };
  });
}

function registerTargets(ctx: Ctx, input: Input) {
  const tg = requireTargetGroup(ctx, required(input, 'TargetGroupArn', 'targetGroupArn'));
  const wanted = readTargets(tg, input);
  const resolved = wanted.map(({ id, port }) => {
    if (tg.TargetType === 'instance') {
      const inst = ctx.s.instances.get(id);
      if (!inst || inst.region !== ctx.region)
        throw new ApiError('InvalidTarget', `The following targets are not valid instances: '${id}'`);
      if (inst.state !== 'running')
        throw new ApiError(
          'InvalidTarget',
          `The following targets are not in a running state and cannot be registered: '${id}'`,
        );
      return { Id: id, Port: port, AvailabilityZone: inst.availabilityZone };
    }
    const zone = /^\d+\.\d+\.\d+\.\d+$/.test(id) ? zoneOfIp(ctx, id) : undefined;
    if (!zone)
      throw new ApiError(
        'InvalidTarget',
        `The IP address '${id}' is not within the CIDR blocks of the target group's VPC`,
      );
    return { Id: id, Port: port, AvailabilityZone: zone };
  });
  const fresh = resolved.filter((t) => {
    const cur = tg.targets[targetKey(t.Id, t.Port)];
    return !cur || cur.drainUntil !== null;
  });
  if (Object.keys(tg.targets).length + fresh.length > MAX_TARGETS)
    throw new ApiError('TooManyTargets', 'You have reached the maximum number of registered targets');
  for (const t of fresh) {
    const task = ctx.s.tasks
      .values()
      .find(
        (x) =>
          x.lastStatus === 'RUNNING' &&
          (tg.TargetType === 'ip'
            ? x.privateIpv4Address === t.Id
            : x.ec2InstanceId === t.Id &&
              x.containers.some((c) => c.networkBindings.some((b) => b.hostPort === t.Port))),
      );
    registerTarget(ctx, ctx.s.elb.targetGroups[tg.TargetGroupArn] as TargetGroup, {
      ...t,
      taskArn: task?.taskArn ?? null,
    });
  }
  return {};
}

function deregisterTargets(ctx: Ctx, input: Input) {
  const tg = requireTargetGroup(ctx, required(input, 'TargetGroupArn', 'targetGroupArn'));
  for (const { id, port } of readTargets(tg, input)) drainTarget(ctx, tg.TargetGroupArn, targetKey(id, port));
  return {};
}

function describeHealth(ctx: Ctx, input: Input) {
  const tg = requireTargetGroup(ctx, required(input, 'TargetGroupArn', 'targetGroupArn'));
  if (input.Targets === undefined) {
    const all = Object.values(tg.targets).sort(
      (a, b) => a.registeredAt - b.registeredAt || (a.Id < b.Id ? -1 : 1),
    );
    return { TargetHealthDescriptions: all.map((t) => describeTargetHealth(tg, t)) };
  }
  return {
    TargetHealthDescriptions: readTargets(tg, input).map(({ id, port }) => {
      const t = tg.targets[targetKey(id, port)];
      if (t) return describeTargetHealth(tg, t);
      return {
        Target: { Id: id, Port: port },
        HealthCheckPort: tg.HealthCheckPort === 'traffic-port' ? String(port) : tg.HealthCheckPort,
        TargetHealth: {
          State: 'unused',
          Reason: 'Target.NotRegistered',
          Description: TARGET_TEXT['Target.NotRegistered'],
        },
      };
    }),
  };
}

export const targetHandlers = {
  'elbv2:RegisterTargets': registerTargets,
  'elbv2:DeregisterTargets': deregisterTargets,
  'elbv2:DescribeTargetHealth': describeHealth,
};
