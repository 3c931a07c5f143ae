/**
 * A cluster's capacity providers and default strategy (PutClusterCapacityProviders, and CreateCluster's
 * capacityProviders and defaultCapacityProviderStrategy).
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutClusterCapacityProviders.html (the
 * whole list is replaced; a provider in use by tasks or services cannot be removed; the default strategy may
 * name only the cluster's providers), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
 * (FARGATE and FARGATE_SPOT exist in every account).
 */
import { type CapacityProviderStrategyItem, isFargateProvider } from '../autoscaling/autoscaling-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError, invalidParameter } from '../sim/errors.ts';
import { own } from '../sim/records.ts';
import type { Cluster } from '../sim/types.ts';
import { checkStrategyItems } from './capacity-strategy.ts';

/** Whether the named provider exists in this region (FARGATE and FARGATE_SPOT always do). */
export function providerExists(ctx: Ctx, name: string): boolean {
  if (isFargateProvider(name)) return true;
  return own(ctx.s.capacity.providers, `${ctx.region}:${name}`)?.status === 'ACTIVE';
}

/** The provider's name, from a name or an ARN. */
export function providerName(ref: string): string {
  return ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
}

export function setClusterCapacity(
  ctx: Ctx,
  cluster: Cluster,
  providersIn: string[],
  strategy: CapacityProviderStrategyItem[],
): void {
  const providers = providersIn.map(providerName);
  for (const p of providers) {
    if (!providerExists(ctx, p))
      throw invalidParameter(
        `The specified capacity provider '${p}' does not exist. Specify a valid name or ARN and try again.`,
      );
  }
  checkStrategyItems(strategy);
  for (const i of strategy) {
    if (!providers.includes(i.capacityProvider))
      throw invalidParameter(
        'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.',
      );
  }
  const before = own(ctx.s.capacity.clusters, cluster.clusterArn)?.capacityProviders ?? [];
  for (const gone of before.filter((p) => !providers.includes(p))) {
    const used =
      ctx.s.tasks
        .values()
        .some(
          (t) =>
            t.clusterArn === cluster.clusterArn &&
            t.capacityProviderName === gone &&
            t.lastStatus !== 'STOPPED',
        ) ||
      ctx.s.services
        .values()
        .some(
          (s) =>
            s.clusterArn === cluster.clusterArn &&
            s.status === 'ACTIVE' &&
            (s.capacityProviderStrategy ?? []).some((i) => i.capacityProvider === gone),
        );
    if (used)
      throw new ApiError(
        'ResourceInUseException',
        `The specified capacity provider ${gone} is in use and cannot be removed.`,
      );
  }
  ctx.putIn('capacity', 'clusters', cluster.clusterArn, {
    capacityProviders: providers,
    defaultCapacityProviderStrategy: strategy,
  });
  ctx.emit('cluster/capacityProvidersSet', {
    cluster: cluster.clusterName,
    capacityProviders: providers,
    defaultCapacityProviderStrategy: strategy.map((i) => ({ ...i })),
  });
}
