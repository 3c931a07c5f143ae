/**
 * What every Application Auto Scaling call shares: the ECS resource id form `service/<cluster>/<service>`,
 * the one scalable dimension ECS has (`ecs:service:DesiredCount`), the service-linked role, paging, and the
 * service's errors (ValidationException, ObjectNotFoundException, InvalidNextTokenException: JSON 1.1,
 * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html#API_RegisterScalableTarget_Errors).
 * Only the `ecs` namespace is modelled; the others answer as a namespace without that resource would.
 */
import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import { own } from '../sim/records.ts';
import type { ScalableTargetRecord, Service } from '../sim/types.ts';

export const DIMENSION = 'ecs:service:DesiredCount';
/** The most records a Describe call returns per page (the API's MaxResults limit). */
export const PAGE_MAX = 50;
/** Activities kept, newest first (AWS keeps six weeks). */
export const ACTIVITIES_KEPT = 200;

export const validation = (message: string): ApiError => new ApiError('ValidationException', message);
export const notFound = (message: string): ApiError => new ApiError('ObjectNotFoundException', message);

/** https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-service-linked-roles.html */
export const serviceLinkedRole = (ctx: Ctx): string =>
  `arn:aws:iam::${ctx.s.accountId}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`;

export const targetKey = (region: string, resourceId: string): string => `${region}|${resourceId}`;

/** The three members that name a scalable target, checked: namespace ecs, a service resource id, the dimension. */
export function readTargetRef(input: Input): { resourceId: string; cluster: string; service: string } {
  const ns = input.ServiceNamespace;
  const dim = input.ScalableDimension;
  const id = String(input.ResourceId ?? '');
  const m = /^service\/([^/]+)\/([^/]+)$/.exec(id);
  if (ns !== 'ecs' || (dim !== undefined && dim !== DIMENSION) || !m) {
    throw validation('Unsupported service namespace, resource type or scalable dimension');
  }
  return { resourceId: id, cluster: m[1] as string, service: m[2] as string };
}

/** The ECS service a resource id names, in the call's region (ACTIVE only). */
export function serviceOfResource(ctx: Ctx, cluster: string, service: string): Service | undefined {
  const clusterArn = ctx.arn('ecs', `cluster/${cluster}`);
  const svc = ctx.s.services.get(ctx.arn('ecs', `service/${cluster}/${service}`));
  return svc && svc.clusterArn === clusterArn && svc.status === 'ACTIVE' ? svc : undefined;
}

export function findTarget(ctx: Ctx, resourceId: string): ScalableTargetRecord | undefined {
  return own(ctx.s.appAutoScaling.targets, targetKey(ctx.region, resourceId));
}

export function requireTarget(ctx: Ctx, resourceId: string): ScalableTargetRecord {
  const t = findTarget(ctx, resourceId);
  if (!t) {
    throw notFound(
      `No scalable target registered for service namespace: ecs, resource ID: ${resourceId}, scalable dimension: ${DIMENSION}`,
    );
  }
  return t;
}

/** One page of a Describe answer: MaxResults (1-50, default 50) and NextToken. */
export function page<T>(items: T[], input: Input): { items: T[]; NextToken?: string } {
  const max = typeof input.MaxResults === 'number' ? input.MaxResults : PAGE_MAX;
  if (!Number.isInteger(max) || max < 1 || max > PAGE_MAX) {
    throw validation(
      `1 validation error detected: Value '${String(max)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${PAGE_MAX}`,
    );
  }
  let start = 0;
  if (input.NextToken !== undefined) {
    const m = /^nzm-(\d+)$/.exec(String(input.NextToken));
    if (!m) throw new ApiError('InvalidNextTokenException', 'Invalid token');
    start = Number(m[1]);
  }
  const slice = items.slice(start, start + max);
  return start + max < items.length ? { items: slice, NextToken: `nzm-${start + max}` } : { items: slice };
}

/** Sorts by a string key, the order Describe answers keep across pages. */
export function byKey<T>(items: T[], key: (x: T) => string): T[] {
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
