/**
 * Scalable targets: RegisterScalableTarget (create, or update min/max/suspended state),
 * DeregisterScalableTarget (its policies and their alarms go with it), DescribeScalableTargets
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html,
 * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DeregisterScalableTarget.html). A new
 * target needs MinCapacity and MaxCapacity; the role defaults to the ECS service-linked role. Changing the
 * range brings the desired count into it (aas-scaling.ts).
 */
import type { Handler, Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import type { ScalableTargetRecord } from '../sim/types.ts';
import {
  byKey,
  DIMENSION,
  findTarget,
  notFound,
  page,
  readTargetRef,
  serviceLinkedRole,
  serviceOfResource,
  targetKey,
  validation,
} from './aas-common.ts';
import { deletePolicyRecord } from './aas-policies.ts';
import { enforceRange } from './aas-scaling.ts';

function capacity(input: Input, name: 'MinCapacity' | 'MaxCapacity'): number | undefined {
  const v = input[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw validation(`${name} must be a non-negative integer.`);
  }
  return v;
}

export function describeTarget(t: ScalableTargetRecord): Record<string, unknown> {
  const { region: _r, ...rest } = t;
  return rest;
}

const register: Handler = (ctx, input) => {
  const ref = readTargetRef(input);
  if (input.ScalableDimension === undefined)
    throw validation('Unsupported service namespace, resource type or scalable dimension');
  if (!serviceOfResource(ctx, ref.cluster, ref.service)) {
    throw validation(`ECS service doesn't exist: ${ref.resourceId}`);
  }
  const old = findTarget(ctx, ref.resourceId);
  const min = capacity(input, 'MinCapacity') ?? old?.MinCapacity;
  const max = capacity(input, 'MaxCapacity') ?? old?.MaxCapacity;
  if (min === undefined || max === undefined) {
    throw validation('MinCapacity and MaxCapacity are required for registering a new scalable target');
  }
  if (min > max) throw validation('Minimum capacity cannot be greater than maximum capacity');
  const sus = (input.SuspendedState ?? {}) as Record<string, unknown>;
  const was = old?.SuspendedState;
  const flag = (k: keyof ScalableTargetRecord['SuspendedState']): boolean =>
    typeof sus[k] === 'boolean' ? (sus[k] as boolean) : (was?.[k] ?? false);
  const t: ScalableTargetRecord = {
    ServiceNamespace: 'ecs',
    ResourceId: ref.resourceId,
    ScalableDimension: DIMENSION,
    MinCapacity: min,
    MaxCapacity: max,
    RoleARN: old?.RoleARN ?? (typeof input.RoleARN === 'string' ? input.RoleARN : serviceLinkedRole(ctx)),
    CreationTime: old?.CreationTime ?? ctx.now,
    SuspendedState: {
      DynamicScalingInSuspended: flag('DynamicScalingInSuspended'),
      DynamicScalingOutSuspended: flag('DynamicScalingOutSuspended'),
      ScheduledScalingSuspended: flag('ScheduledScalingSuspended'),
    },
    ScalableTargetARN:
      old?.ScalableTargetARN ?? ctx.arn('application-autoscaling', `scalable-target/${ctx.hex(36)}`),
    region: ctx.region,
  };
  ctx.putIn('appAutoScaling', 'targets', targetKey(ctx.region, ref.resourceId), t);
  ctx.emit('scaling/targetRegistered', { resourceId: t.ResourceId, min, max, created: !old });
  enforceRange(ctx, t);
  return { ScalableTargetARN: t.ScalableTargetARN };
};

const deregister: Handler = (ctx: Ctx, input) => {
  const ref = readTargetRef(input);
  const t = findTarget(ctx, ref.resourceId);
  if (!t) {
    throw notFound(
      `No scalable target found for service namespace: ecs, resource ID: ${ref.resourceId}, scalable dimension: ${DIMENSION}`,
    );
  }
  for (const p of Object.values(ctx.s.appAutoScaling.policies)) {
    if (p.region === ctx.region && p.ResourceId === ref.resourceId) deletePolicyRecord(ctx, p);
  }
  ctx.removeIn('appAutoScaling', 'targets', targetKey(ctx.region, ref.resourceId));
  ctx.emit('scaling/targetDeregistered', { resourceId: ref.resourceId });
  return {};
};

const describe: Handler = (ctx, input) => {
  if (input.ServiceNamespace !== 'ecs') return { ScalableTargets: [] };
  const ids = Array.isArray(input.ResourceIds) ? (input.ResourceIds as string[]) : [];
  const list = Object.values(ctx.s.appAutoScaling.targets).filter(
    (t) =>
      t.region === ctx.region &&
      (ids.length === 0 || ids.includes(t.ResourceId)) &&
      (input.ScalableDimension === undefined || input.ScalableDimension === t.ScalableDimension),
  );
  const p = page(
    byKey(list, (t) => t.ResourceId),
    input,
  );
  return { ScalableTargets: p.items.map(describeTarget), ...(p.NextToken ? { NextToken: p.NextToken } : {}) };
};

export const targetHandlers: Record<string, Handler> = {
  'application-autoscaling:RegisterScalableTarget': register,
  'application-autoscaling:DeregisterScalableTarget': deregister,
  'application-autoscaling:DescribeScalableTargets': describe,
};
