/**
 * Shared ECS lookups: clusters by name or ARN (the `default` cluster when none is named), the identifiers ECS
 * mints, and small input readers. Source:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html (every API that takes `cluster`
 * defaults to `default`).
 */
import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError, invalidParameter } from '../sim/errors.ts';
import type { Cluster, ContainerInstance, Task } from '../sim/types.ts';

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const strList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

export function clusterArnFor(ctx: Ctx, name: string): string {
  return ctx.arn('ecs', `cluster/${name}`);
}

/** The name in a cluster reference: a bare name or an ARN. */
export function clusterNameOf(ref: string): string {
  const m = /^arn:aws:ecs:[^:]+:\d{12}:cluster\/(.+)$/.exec(ref);
  return m ? (m[1] as string) : ref;
}

export function findCluster(ctx: Ctx, ref: string | undefined): Cluster | undefined {
  const name = clusterNameOf(ref ?? 'default');
  return ctx.s.clusters[clusterArnFor(ctx, name)];
}

/** Resolves `cluster` for an API that needs an ACTIVE cluster. */
export function requireCluster(ctx: Ctx, input: Input): Cluster {
  const c = findCluster(ctx, str(input.cluster));
  if (!c || c.status === 'INACTIVE') throw new ApiError('ClusterNotFoundException', 'Cluster not found.');
  return c;
}

export function shortId(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

export function tasksOfCluster(ctx: Ctx, clusterArn: string): Task[] {
  return ctx.s.tasks.values().filter((t) => t.clusterArn === clusterArn);
}

export function containerInstancesOfCluster(ctx: Ctx, clusterArn: string): ContainerInstance[] {
  return ctx.s.containerInstances.values().filter((ci) => ci.clusterArn === clusterArn);
}

/** Finds a container instance by ARN or by its id within a cluster. */
export function findContainerInstance(
  ctx: Ctx,
  cluster: Cluster,
  ref: string,
): ContainerInstance | undefined {
  if (ref.startsWith('arn:')) {
    const ci = ctx.s.containerInstances.get(ref);
    return ci && ci.clusterArn === cluster.clusterArn ? ci : undefined;
  }
  return ctx.s.containerInstances.get(ctx.arn('ecs', `container-instance/${cluster.clusterName}/${ref}`));
}

export function findTask(ctx: Ctx, cluster: Cluster, ref: string): Task | undefined {
  if (ref.startsWith('arn:')) {
    const t = ctx.s.tasks.get(ref);
    return t && t.clusterArn === cluster.clusterArn ? t : undefined;
  }
  return ctx.s.tasks.get(ctx.arn('ecs', `task/${cluster.clusterName}/${ref}`));
}

export function readTags(v: unknown): { key: string; value: string }[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw invalidParameter('tags must be a list of {key, value}.');
  if (v.length > 50) throw invalidParameter('The number of tags exceeds the limit of 50.');
  return v.map((t) => {
    const o = t as Record<string, unknown>;
    if (typeof o.key !== 'string' || o.key.length === 0)
      throw invalidParameter('Tag keys must not be empty.');
    return { key: o.key, value: typeof o.value === 'string' ? o.value : '' };
  });
}

/** Pagination over a sorted list: nextToken is an opaque offset. */
export function paginate<T>(items: T[], input: Input, maxDefault = 100): { page: T[]; nextToken?: string } {
  const max = input.maxResults === undefined ? maxDefault : Number(input.maxResults);
  if (!Number.isInteger(max) || max < 1 || max > 100) {
    throw invalidParameter('maxResults must be between 1 and 100.');
  }
  let start = 0;
  if (input.nextToken !== undefined) {
    const m = /^nzm-(\d+)$/.exec(String(input.nextToken));
    if (!m) throw invalidParameter('Invalid nextToken.');
    start = Number(m[1]);
  }
  const page = items.slice(start, start + max);
  return start + max < items.length ? { page, nextToken: `nzm-${start + max}` } : { page };
}
