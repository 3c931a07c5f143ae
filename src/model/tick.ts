/**
 * One simulated second: instances boot and their agents register, tasks walk their lifecycle, and
 * every service's scheduler reconciles. Outcomes of this second's tasks feed the services' backoff.
 */
import type { Ctx } from './ctx.ts';
import { tickInstances } from './instance-lifecycle.ts';
import { noteTaskOutcome, tickServices } from './service-scheduler.ts';
import { tickTasks } from './task-lifecycle.ts';
import type { Task } from './types.ts';

export function tick(ctx: Ctx): void {
  tickInstances(ctx);
  const from = ctx.events.length;
  tickTasks(ctx);
  for (let i = from; i < ctx.events.length; i++) {
    const e = ctx.events[i];
    if (!e || (e.type !== 'task/running' && e.type !== 'task/stopped')) continue;
    const t = ctx.s.tasks[e.data.taskArn as string] as Task | undefined;
    if (!t) continue;
    if (e.type === 'task/running') noteTaskOutcome(ctx, t, 'running');
    else if (t.failedToStart) noteTaskOutcome(ctx, t, 'failedToStart');
  }
  tickServices(ctx);
}
