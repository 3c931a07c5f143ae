/**
 * Where ECS meets the load balancer: a service's loadBalancers entries are validated here, service
 * tasks are registered as targets when RUNNING and deregistered (drained) before they stop, and the
 * scheduler asks here whether a task counts as healthy. Stub: filled in by the load-balancing work.
 */
import type { Ctx } from './ctx.ts';
import { invalidParameter } from './errors.ts';
import type { ServiceLoadBalancer, TaskDefinition } from './types.ts';

export function readServiceLoadBalancers(
  _ctx: Ctx,
  raw: unknown,
  _td: TaskDefinition,
): ServiceLoadBalancer[] {
  if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) return [];
  throw invalidParameter('Load balancers are not modelled in Nozama yet.');
}
