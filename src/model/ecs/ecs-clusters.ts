/**
 * ECS clusters: CreateCluster, DeleteCluster, ListClusters, DescribeClusters. Source:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html (CreateCluster without a
 * name makes `default`; status values; the counts registeredContainerInstancesCount (ACTIVE and DRAINING),
 * running/pending tasks, active services). CreateCluster is idempotent for an ACTIVE cluster of the same
 * name, as in ECS.
 */
import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError, invalidParameter } from '../sim/errors.ts';
import { own } from '../sim/records.ts';
import type { Cluster } from '../sim/types.ts';
import { readStrategyItems } from './capacity-strategy.ts';
import { setClusterCapacity } from './cluster-capacity.ts';
import { clusterArnFor, clusterNameOf, findCluster, paginate, readTags, str, strList } from './ecs-common.ts';

export function createClusterNamed(ctx: Ctx, name: string, tags: Cluster['tags'] = []): Cluster {
  const existing = findCluster(ctx, name);
  if (existing && existing.status === 'ACTIVE') return existing;
  const cluster: Cluster = {
    clusterArn: clusterArnFor(ctx, name),
    clusterName: name,
    region: ctx.region,
    status: 'ACTIVE',
    createdAt: ctx.now,
    tags,
    settings: [{ name: 'containerInsights', value: 'disabled' }],
  };
  ctx.put('clusters', cluster.clusterArn, cluster);
  ctx.emit('cluster/created', { clusterArn: cluster.clusterArn, clusterName: name });
  return cluster;
}

export function describeCluster(ctx: Ctx, c: Cluster, include: string[] = []): Record<string, unknown> {
  let registered = 0;
  let running = 0;
  let pending = 0;
  let services = 0;
  for (const ci of ctx.s.containerInstances.values()) {
    if (ci.clusterArn === c.clusterArn && (ci.status === 'ACTIVE' || ci.status === 'DRAINING')) registered++;
  }
  for (const t of ctx.s.tasks.values()) {
    if (t.clusterArn !== c.clusterArn) continue;
    if (t.lastStatus === 'RUNNING') running++;
    else if (t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING') pending++;
  }
  for (const s of ctx.s.services.values())
    if (s.clusterArn === c.clusterArn && s.status === 'ACTIVE') services++;
  return {
    clusterArn: c.clusterArn,
    clusterName: c.clusterName,
    status: c.status,
    registeredContainerInstancesCount: c.status === 'INACTIVE' ? 0 : registered,
    runningTasksCount: running,
    pendingTasksCount: pending,
    activeServicesCount: services,
    statistics: [],
    tags: include.includes('TAGS') ? c.tags : [],
    settings: include.includes('SETTINGS') ? c.settings : [],
    capacityProviders: own(ctx.s.capacity.clusters, c.clusterArn)?.capacityProviders ?? [],
    defaultCapacityProviderStrategy:
      own(ctx.s.capacity.clusters, c.clusterArn)?.defaultCapacityProviderStrategy ?? [],
  };
}

function createCluster(ctx: Ctx, input: Input) {
  const name = str(input.clusterName) ?? 'default';
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
    throw invalidParameter(
      'Cluster name contains invalid characters. Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.',
    );
  }
  const c = createClusterNamed(ctx, name, readTags(input.tags));
  const providers = strList(input.capacityProviders);
  const strategy = readStrategyItems(input.defaultCapacityProviderStrategy);
  if (providers.length > 0 || strategy.length > 0) setClusterCapacity(ctx, c, providers, strategy);
  return { cluster: describeCluster(ctx, c, ['TAGS', 'SETTINGS']) };
}

function deleteCluster(ctx: Ctx, input: Input) {
  const ref = str(input.cluster);
  if (!ref) throw invalidParameter('Cluster can not be blank.');
  const c = findCluster(ctx, ref);
  if (!c || c.status === 'INACTIVE') throw new ApiError('ClusterNotFoundException', 'Cluster not found.');
  const cis = ctx.s.containerInstances
    .values()
    .some((ci) => ci.clusterArn === c.clusterArn && (ci.status === 'ACTIVE' || ci.status === 'DRAINING'));
  if (cis) {
    throw new ApiError(
      'ClusterContainsContainerInstancesException',
      'The Cluster cannot be deleted while Container Instances are active or draining.',
    );
  }
  if (ctx.s.services.values().some((s) => s.clusterArn === c.clusterArn && s.status !== 'INACTIVE')) {
    throw new ApiError(
      'ClusterContainsServicesException',
      'The Cluster cannot be deleted while Services are active.',
    );
  }
  if (ctx.s.tasks.values().some((t) => t.clusterArn === c.clusterArn && t.lastStatus !== 'STOPPED')) {
    throw new ApiError(
      'ClusterContainsTasksException',
      'The Cluster cannot be deleted while Tasks are active.',
    );
  }
  const gone = ctx.patch('clusters', c.clusterArn, { status: 'INACTIVE' });
  ctx.emit('cluster/deleted', { clusterArn: c.clusterArn, clusterName: c.clusterName });
  return { cluster: describeCluster(ctx, gone) };
}

function listClusters(ctx: Ctx, input: Input) {
  const arns = Object.values(ctx.s.clusters)
    .filter((c) => c.region === ctx.region && c.status !== 'INACTIVE')
    .map((c) => c.clusterArn)
    .sort();
  const { page, nextToken } = paginate(arns, input);
  return nextToken ? { clusterArns: page, nextToken } : { clusterArns: page };
}

function describeClusters(ctx: Ctx, input: Input) {
  const refs = input.clusters === undefined ? ['default'] : strList(input.clusters);
  if (refs.length > 100) throw invalidParameter('Clusters cannot contain more than 100 items.');
  const include = strList(input.include);
  const clusters: Record<string, unknown>[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const ref of refs) {
    const c = findCluster(ctx, ref);
    if (c) clusters.push(describeCluster(ctx, c, include));
    else failures.push({ arn: clusterArnFor(ctx, clusterNameOf(ref)), reason: 'MISSING' });
  }
  return { clusters, failures };
}

export const clusterHandlers = {
  'ecs:CreateCluster': createCluster,
  'ecs:DeleteCluster': deleteCluster,
  'ecs:ListClusters': listClusters,
  'ecs:DescribeClusters': describeClusters,
};
