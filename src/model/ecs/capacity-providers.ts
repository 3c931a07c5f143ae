/**
 * ECS capacity providers: CreateCapacityProvider, UpdateCapacityProvider, DeleteCapacityProvider,
 * DescribeCapacityProviders and PutClusterCapacityProviders. What managed scaling does each minute lives in
 * managed-scaling.ts.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html (a name
 * may not start with "aws", "ecs" or "fargate"; one Auto Scaling group per provider),
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html (defaults: targetCapacity
 * 100, minimumScalingStepSize 1, maximumScalingStepSize 10000, instanceWarmupPeriod 300),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-termination-protection.html (managed
 * termination protection needs managed scaling and the group's instance scale-in protection),
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteCapacityProvider.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html (FARGATE and
 * FARGATE_SPOT are reserved, in every account, and cannot be deleted). Simplification: managed draining is
 * echoed, not modelled (instances are only ever terminated empty under managed termination protection).
 */
import {
  type CapacityProvider,
  FARGATE_PROVIDERS,
  isFargateProvider,
  type ManagedScaling,
} from '../autoscaling/autoscaling-types.ts';
import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError, invalidParameter } from '../sim/errors.ts';
import { own } from '../sim/records.ts';
import { readStrategyItems } from './capacity-strategy.ts';
import { providerName, setClusterCapacity } from './cluster-capacity.ts';
import { describeCluster } from './ecs-clusters.ts';
import { readTags, requireCluster, str, strList } from './ecs-common.ts';

const key = (ctx: Ctx, name: string) => `${ctx.region}:${name}`;

function readManagedScaling(v: unknown, base?: ManagedScaling): ManagedScaling {
  const o = (v ?? {}) as Record<string, unknown>;
  const n = (x: unknown, d: number) => (typeof x === 'number' ? x : d);
  const out: ManagedScaling = {
    status: o.status === 'ENABLED' || o.status === 'DISABLED' ? o.status : (base?.status ?? 'DISABLED'),
    targetCapacity: n(o.targetCapacity, base?.targetCapacity ?? 100),
    minimumScalingStepSize: n(o.minimumScalingStepSize, base?.minimumScalingStepSize ?? 1),
    maximumScalingStepSize: n(o.maximumScalingStepSize, base?.maximumScalingStepSize ?? 10000),
    instanceWarmupPeriod: n(o.instanceWarmupPeriod, base?.instanceWarmupPeriod ?? 300),
  };
  if (out.minimumScalingStepSize > out.maximumScalingStepSize)
    throw invalidParameter(
      'The minimumScalingStepSize must be less than or equal to the maximumScalingStepSize.',
    );
  return out;
}

function checkProtection(ctx: Ctx, p: CapacityProvider): void {
  const asg = p.autoScalingGroupProvider;
  if (asg.managedTerminationProtection !== 'ENABLED') return;
  if (asg.managedScaling.status !== 'ENABLED')
    throw new ApiError(
      'ClientException',
      'The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, managed scaling must also be enabled.',
    );
  const g = Object.values(ctx.s.capacity.groups).find(
    (x) => x.AutoScalingGroupARN === asg.autoScalingGroupArn,
  );
  if (g && !g.NewInstancesProtectedFromScaleIn)
    throw new ApiError(
      'ClientException',
      'The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.',
    );
}

export function providerShape(p: CapacityProvider, withTags = false): Record<string, unknown> {
  const out: Record<string, unknown> = {
    capacityProviderArn: p.capacityProviderArn,
    name: p.name,
    status: p.status,
    autoScalingGroupProvider: p.autoScalingGroupProvider,
    tags: withTags ? p.tags : [],
  };
  if (p.updateStatus) out.updateStatus = p.updateStatus;
  return out;
}

function fargateShape(ctx: Ctx, name: string): Record<string, unknown> {
  return {
    capacityProviderArn: `arn:aws:ecs:${ctx.region}:${ctx.s.accountId}:capacity-provider/${name}`,
    name,
    status: 'ACTIVE',
    tags: [],
  };
}

function requireProvider(ctx: Ctx, ref: string | undefined): CapacityProvider {
  if (!ref) throw invalidParameter('Capacity provider can not be blank.');
  const name = providerName(ref);
  if (isFargateProvider(name))
    throw invalidParameter(`The specified capacity provider ${name} is reserved and cannot be modified.`);
  const p = own(ctx.s.capacity.providers, key(ctx, name));
  if (p?.status !== 'ACTIVE')
    throw invalidParameter(
      'The specified capacity provider does not exist. Specify a valid name or ARN and try again.',
    );
  return p;
}

function createCapacityProvider(ctx: Ctx, input: Input) {
  const name = str(input.name) ?? '';
  if (/^(aws|ecs|fargate)/i.test(name))
    throw invalidParameter(
      'Invalid capacity provider name. The name cannot be prefixed with "aws", "ecs", or "fargate".',
    );
  const existing = own(ctx.s.capacity.providers, key(ctx, name));
  if (existing && existing.status === 'ACTIVE')
    throw new ApiError(
      'ClientException',
      'The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.',
    );
  const asgIn = (input.autoScalingGroupProvider ?? {}) as Record<string, unknown>;
  if (input.autoScalingGroupProvider === undefined)
    throw invalidParameter('Auto Scaling group provider can not be blank.');
  const arnOrName = str(asgIn.autoScalingGroupArn) ?? '';
  const group = Object.values(ctx.s.capacity.groups).find(
    (g) =>
      g.region === ctx.region &&
      (g.AutoScalingGroupARN === arnOrName || g.AutoScalingGroupName === arnOrName),
  );
  if (!group)
    throw new ApiError(
      'ClientException',
      `The specified Auto Scaling group ARN is not valid. Specify a valid Auto Scaling group ARN and try again.`,
    );
  const taken = Object.values(ctx.s.capacity.providers).find(
    (p) =>
      p.status === 'ACTIVE' && p.autoScalingGroupProvider.autoScalingGroupArn === group.AutoScalingGroupARN,
  );
  if (taken)
    throw new ApiError(
      'ClientException',
      `The specified Auto Scaling group is already in use by the capacity provider ${taken.name}.`,
    );
  const p: CapacityProvider = {
    capacityProviderArn: ctx.arn('ecs', `capacity-provider/${name}`),
    name,
    region: ctx.region,
    status: 'ACTIVE',
    autoScalingGroupProvider: {
      autoScalingGroupArn: group.AutoScalingGroupARN,
      managedScaling: readManagedScaling(asgIn.managedScaling),
      managedTerminationProtection: asgIn.managedTerminationProtection === 'ENABLED' ? 'ENABLED' : 'DISABLED',
      managedDraining: asgIn.managedDraining === 'DISABLED' ? 'DISABLED' : 'ENABLED',
    },
    tags: readTags(input.tags),
    lowMinutes: 0,
    reservation: null,
  };
  checkProtection(ctx, p);
  ctx.putIn('capacity', 'providers', key(ctx, name), p);
  ctx.emit('capacityProvider/created', { name, autoScalingGroup: group.AutoScalingGroupName });
  return { capacityProvider: providerShape(p, true) };
}

function updateCapacityProvider(ctx: Ctx, input: Input) {
  const p = requireProvider(ctx, str(input.name));
  const asgIn = (input.autoScalingGroupProvider ?? {}) as Record<string, unknown>;
  const cur = p.autoScalingGroupProvider;
  const next: CapacityProvider = {
    ...p,
    updateStatus: 'UPDATE_COMPLETE',
    autoScalingGroupProvider: {
      ...cur,
      managedScaling: readManagedScaling(asgIn.managedScaling, cur.managedScaling),
      managedTerminationProtection:
        asgIn.managedTerminationProtection === 'ENABLED' || asgIn.managedTerminationProtection === 'DISABLED'
          ? asgIn.managedTerminationProtection
          : cur.managedTerminationProtection,
      managedDraining:
        asgIn.managedDraining === 'ENABLED' || asgIn.managedDraining === 'DISABLED'
          ? asgIn.managedDraining
          : cur.managedDraining,
    },
  };
  checkProtection(ctx, next);
  ctx.putIn('capacity', 'providers', key(ctx, p.name), next);
  ctx.emit('capacityProvider/updated', { name: p.name });
  return { capacityProvider: providerShape(next) };
}

function deleteCapacityProvider(ctx: Ctx, input: Input) {
  const p = requireProvider(ctx, str(input.capacityProvider));
  for (const [arn, c] of Object.entries(ctx.s.capacity.clusters)) {
    if (!c.capacityProviders.includes(p.name)) continue;
    const cluster = ctx.s.clusters[arn];
    if (cluster && cluster.status === 'ACTIVE')
      throw new ApiError(
        'ResourceInUseException',
        `The specified capacity provider is in use by the cluster ${cluster.clusterName}. Remove it from the cluster with PutClusterCapacityProviders first.`,
      );
  }
  const next: CapacityProvider = { ...p, status: 'INACTIVE', updateStatus: 'DELETE_COMPLETE' };
  ctx.putIn('capacity', 'providers', key(ctx, p.name), next);
  ctx.emit('capacityProvider/deleted', { name: p.name });
  return { capacityProvider: providerShape({ ...p, updateStatus: 'DELETE_IN_PROGRESS' }) };
}

function describeCapacityProviders(ctx: Ctx, input: Input) {
  const refs = strList(input.capacityProviders).map(providerName);
  const withTags = strList(input.include).includes('TAGS');
  const mine = Object.values(ctx.s.capacity.providers).filter((p) => p.region === ctx.region);
  if (refs.length === 0) {
    return {
      capacityProviders: [
        ...FARGATE_PROVIDERS.map((n) => fargateShape(ctx, n)),
        ...mine.filter((p) => p.status === 'ACTIVE').map((p) => providerShape(p, withTags)),
      ],
      failures: [],
    };
  }
  const found: Record<string, unknown>[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const name of refs) {
    const p = mine.find((x) => x.name === name);
    if (isFargateProvider(name)) found.push(fargateShape(ctx, name));
    else if (p) found.push(providerShape(p, withTags));
    else failures.push({ arn: ctx.arn('ecs', `capacity-provider/${name}`), reason: 'MISSING' });
  }
  return { capacityProviders: found, failures };
}

function putClusterCapacityProviders(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  setClusterCapacity(
    ctx,
    cluster,
    strList(input.capacityProviders),
    readStrategyItems(input.defaultCapacityProviderStrategy),
  );
  return { cluster: describeCluster(ctx, ctx.s.clusters[cluster.clusterArn] ?? cluster) };
}

export const capacityProviderHandlers = {
  'ecs:CreateCapacityProvider': createCapacityProvider,
  'ecs:UpdateCapacityProvider': updateCapacityProvider,
  'ecs:DeleteCapacityProvider': deleteCapacityProvider,
  'ecs:DescribeCapacityProviders': describeCapacityProviders,
  'ecs:PutClusterCapacityProviders': putClusterCapacityProviders,
};
