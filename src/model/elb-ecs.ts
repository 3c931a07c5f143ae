/**
 * Where ECS meets the load balancer: a service's loadBalancers entries are validated here, service
 * tasks are registered as targets when RUNNING and deregistered (drained) before they stop, and the
 * scheduler asks here whether a task counts as healthy. Stub: filled in by the load-balancing work.
 */
import type { Ctx } from './ctx.ts';
import { invalidParameter } from './errors.ts';
import { isHealthy } from './task-lifecycle.ts';
import type { ServiceLoadBalancer, Task, TaskDefinition } from './types.ts';

export function readServiceLoadBalancers(
  _ctx: Ctx,
  raw: unknown,
  _td: TaskDefinition,
): ServiceLoadBalancer[] {
  if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) return [];
  throw invalidParameter('Load balancers are not modelled in Nozama yet.');
}

/**
 * Whether a service task counts as healthy (ecs-rules.md 6.3): without a load balancer, 40 s after
 * RUNNING (or its container health check); with one, when every target group it is registered with
 * reports it healthy. Stub until the load-balancing work lands: the no-LB rule only.
 */
export function isTaskHealthyForService(ctx: Ctx, task: Task): boolean {
  return isHealthy(task, ctx.now);
}
