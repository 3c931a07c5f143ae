/**
 * Capacity provider strategies on RunTask, CreateService and UpdateService: reading and checking them,
 * splitting tasks between providers by base and weight, and launching on FARGATE, FARGATE_SPOT or an Auto
 * Scaling group provider (tasks that find no room wait in PROVISIONING when managed scaling is on).
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
 * (base: at least this many tasks on the provider, only one provider may have a base; weight: the relative
 * share of the tasks after the base), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/capacity-launch-type-comparison.html
 * (a launch type and a strategy exclude each other; without either, the cluster's default strategy),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html (a strategy
 * holds Fargate providers or Auto Scaling group providers, never both),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html (tasks wait in
 * PROVISIONING for capacity). Simplification: the split is decided task by task, the provider furthest below
 * its weighted share first (ties: the larger weight, then the strategy's order).
 */
import {
  type CapacityProviderStrategyItem,
  type ClusterCapacity,
  isFargateProvider,
} from '../autoscaling/autoscaling-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { invalidParameter } from '../sim/errors.ts';
import { own } from '../sim/records.ts';
import type { Cluster, LaunchType, PlacementConstraint, PlacementStrategy, Task } from '../sim/types.ts';
import type { PlacementFailure } from './placement.ts';
import { createWaitingTask, type LaunchParams, placeOnFargate, placeOnInstances } from './task-launch.ts';

export function clusterCapacity(ctx: Ctx, cluster: Cluster): ClusterCapacity {
  return (
    own(ctx.s.capacity.clusters, cluster.clusterArn) ?? {
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
    }
  );
}

/** A strategy as the request gives it (shapes already checked), with AWS's defaults (weight 0, base 0). */
export function readStrategyItems(v: unknown): CapacityProviderStrategyItem[] {
  if (!Array.isArray(v)) return [];
  return v.map((x) => {
    const o = (x ?? {}) as Record<string, unknown>;
    return {
      capacityProvider: String(o.capacityProvider ?? ''),
      weight: typeof o.weight === 'number' ? o.weight : 0,
      base: typeof o.base === 'number' ? o.base : 0,
    };
  });
}

/** Checks a strategy's own rules (not yet against a cluster). */
export function checkStrategyItems(items: CapacityProviderStrategyItem[]): void {
  if (items.length > 20)
    throw invalidParameter('The capacity provider strategy can contain at most 20 items.');
  const names = new Set<string>();
  for (const i of items) {
    if (names.has(i.capacityProvider))
      throw invalidParameter(
        `The capacity provider strategy cannot contain duplicate capacity providers (${i.capacityProvider}).`,
      );
    names.add(i.capacityProvider);
  }
  if (items.filter((i) => i.base > 0).length > 1)
    throw invalidParameter(
      'Only one capacity provider in a capacity provider strategy can have a base defined.',
    );
  if (items.length > 0 && !items.some((i) => i.weight > 0))
    throw invalidParameter(
      'At least one capacity provider in a capacity provider strategy must have a weight greater than zero.',
    );
  const fargate = items.filter((i) => isFargateProvider(i.capacityProvider)).length;
  if (fargate > 0 && fargate < items.length)
    throw invalidParameter(
      'The specified capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.',
    );
}

/**
 * The strategy a RunTask or CreateService uses: its own, else (with no launch type) the cluster's default;
 * null for a launch type. Every provider must be associated with the cluster.
 */
export function resolveStrategy(
  ctx: Ctx,
  cluster: Cluster,
  strategyIn: unknown,
  launchTypeIn: unknown,
): CapacityProviderStrategyItem[] | null {
  const given = strategyIn !== undefined;
  if (given && launchTypeIn !== undefined)
    throw invalidParameter(
      'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    );
  const cap = clusterCapacity(ctx, cluster);
  const items = given ? readStrategyItems(strategyIn) : [];
  if (given && items.length === 0) return null;
  if (!given) {
    if (launchTypeIn !== undefined || cap.defaultCapacityProviderStrategy.length === 0) return null;
    return cap.defaultCapacityProviderStrategy;
  }
  checkStrategyItems(items);
  for (const i of items) {
    if (!cap.capacityProviders.includes(i.capacityProvider))
      throw invalidParameter(
        'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.',
      );
  }
  return items;
}

/** The launch type the strategy's tasks report. */
export function strategyLaunchType(items: CapacityProviderStrategyItem[]): LaunchType {
  return items.some((i) => isFargateProvider(i.capacityProvider)) ? 'FARGATE' : 'EC2';
}

/**
 * The provider of each of `count` new tasks, given how many tasks each provider already runs: the base
 * first, then by weight, each task to the provider furthest below its share.
 */
export function splitByStrategy(
  items: CapacityProviderStrategyItem[],
  existing: Record<string, number>,
  count: number,
): string[] {
  const have = new Map(items.map((i) => [i.capacityProvider, existing[i.capacityProvider] ?? 0]));
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const based = items.find((i) => i.base > (have.get(i.capacityProvider) ?? 0));
    let pick = based?.capacityProvider;
    if (pick === undefined) {
      let best = Number.POSITIVE_INFINITY;
      let bestWeight = 0;
      for (const i of items) {
        if (i.weight <= 0) continue;
        const above = (have.get(i.capacityProvider) ?? 0) - i.base;
        const score = (above + 1) / i.weight;
        if (score < best || (score === best && i.weight > bestWeight)) {
          best = score;
          bestWeight = i.weight;
          pick = i.capacityProvider;
        }
      }
    }
    if (pick === undefined) break;
    out.push(pick);
    have.set(pick, (have.get(pick) ?? 0) + 1);
  }
  return out;
}

/** The Auto Scaling group (state key) behind a provider, and whether managed scaling is on. */
function groupOf(ctx: Ctx, name: string): { group: string; managed: boolean } | null {
  const p = own(ctx.s.capacity.providers, `${ctx.region}:${name}`);
  if (p?.status !== 'ACTIVE') return null;
  const arn = p.autoScalingGroupProvider.autoScalingGroupArn;
  const group = Object.values(ctx.s.capacity.groups).find((g) => g.AutoScalingGroupARN === arn);
  return group
    ? {
        group: `${group.region}:${group.AutoScalingGroupName}`,
        managed: p.autoScalingGroupProvider.managedScaling.status === 'ENABLED',
      }
    : { group: '', managed: false };
}

export interface StrategyLaunch {
  strategy: CapacityProviderStrategyItem[];
  /** Tasks each provider already runs (a service's live tasks); {} for RunTask. */
  existing: Record<string, number>;
  subnets: string[];
  strategies: PlacementStrategy[];
  constraints: PlacementConstraint[];
}

/** Launches `count` tasks split over the strategy's providers. */
export function launchWithStrategy(
  ctx: Ctx,
  params: LaunchParams,
  how: StrategyLaunch,
  count: number,
): { tasks: Task[]; failure: PlacementFailure | null } {
  const plan = splitByStrategy(how.strategy, how.existing, count);
  const perProvider = new Map<string, number>();
  for (const p of plan) perProvider.set(p, (perProvider.get(p) ?? 0) + 1);
  const tasks: Task[] = [];
  let failure: PlacementFailure | null = null;
  for (const [name, n] of perProvider) {
    if (isFargateProvider(name)) {
      tasks.push(
        ...placeOnFargate(
          ctx,
          { ...params, launchType: 'FARGATE', capacityProviderName: name },
          how.subnets,
          n,
        ),
      );
      continue;
    }
    const g = groupOf(ctx, name);
    const p: LaunchParams = { ...params, launchType: 'EC2', capacityProviderName: name };
    const out = placeOnInstances(
      ctx,
      p,
      how.strategies,
      how.constraints,
      n,
      (c) => g !== null && ctx.s.instances.get(c.ec2InstanceId)?.autoScalingGroup === g.group,
    );
    tasks.push(...out.tasks);
    const left = n - out.tasks.length;
    if (left > 0 && g?.managed) {
      for (let k = 0; k < left; k++) tasks.push(createWaitingTask(ctx, p));
    } else if (left > 0)
      failure = out.failure ?? { needs: { cpu: 0, memory: 0, hostPorts: [] }, closest: null, rejected: [] };
  }
  return { tasks, failure };
}

/** A service's live tasks per capacity provider. */
export function tasksPerProvider(tasks: readonly Task[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of tasks)
    if (t.capacityProviderName) out[t.capacityProviderName] = (out[t.capacityProviderName] ?? 0) + 1;
  return out;
}
