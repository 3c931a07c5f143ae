/**
 * One second of capacity: ECS's side of the capacity providers first (waiting tasks placed, scale-in
 * protection kept, managed scaling once a minute), then every Auto Scaling group launches or terminates
 * toward its desired capacity. A world without groups or providers returns at once.
 */
import { tickManagedScaling } from '../ecs/managed-scaling.ts';
import type { Ctx } from '../sim/ctx.ts';
import { tickAutoScalingGroups } from './asg-engine.ts';

export function tickCapacity(ctx: Ctx): void {
  const c = ctx.s.capacity;
  let any = false;
  for (const _ in c.groups) {
    any = true;
    break;
  }
  if (!any) return;
  tickManagedScaling(ctx);
  tickAutoScalingGroups(ctx);
}
