/**
 * `sim:InterruptSpotTasks`: AWS takes Fargate Spot capacity back. Each chosen FARGATE_SPOT task gets the
 * two-minute interruption notice at once (desiredStatus STOPPED, stopCode SpotInterruption, stoppedReason
 * "Your Spot Task was interrupted.", its load balancer targets deregistered) and keeps running until the two
 * minutes are over; a service's scheduler starts its replacement right away, since the task no longer
 * counts toward the desired count.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html (Fargate
 * Spot tasks are interrupted with a two-minute warning),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-defs.html#fargate-spot-termination
 * (the task state change event with stopCode SpotInterruption and the stopped reason),
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Task.html (TaskStopCode SpotInterruption).
 * Simplification: the containers keep running for the whole two minutes (as an application that ignores
 * SIGTERM until the end would); stopTimeout is not read.
 */
import { findTask, requireCluster, str } from '../ecs/ecs-common.ts';
import { requestStop } from '../ecs/ecs-tasks.ts';
import type { Input } from './api-types.ts';
import type { Ctx } from './ctx.ts';
import { invalidParameter } from './errors.ts';
import { TIMING } from './timing.ts';
import type { Task } from './types.ts';

export const SPOT_STOPPED_REASON = 'Your Spot Task was interrupted.';

function interruptible(t: Task): boolean {
  return (
    t.capacityProviderName === 'FARGATE_SPOT' && t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED'
  );
}

function interruptSpotTasks(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  let chosen: Task[];
  const ref = str(input.task);
  if (ref !== undefined) {
    const t = findTask(ctx, cluster, ref);
    if (!t) throw invalidParameter('The referenced task was not found.');
    if (!interruptible(t)) throw invalidParameter('The referenced task is not a running FARGATE_SPOT task.');
    chosen = [t];
  } else {
    const count = typeof input.count === 'number' ? input.count : 1;
    if (!Number.isInteger(count) || count < 1) throw invalidParameter('count must be a positive integer.');
    // The oldest Spot tasks first: a deterministic choice that a level can script.
    chosen = ctx.s.tasks
      .values()
      .filter((t) => t.clusterArn === cluster.clusterArn && interruptible(t))
      .sort((a, b) => a.createdAt - b.createdAt || (a.taskArn < b.taskArn ? -1 : 1))
      .slice(0, count);
  }
  const stopsAt = ctx.now + TIMING.spotWarning;
  for (const t of chosen) {
    const stopping = requestStop(ctx, t, 'SpotInterruption', SPOT_STOPPED_REASON);
    ctx.patch('tasks', t.taskArn, {
      spotInterruptionAt: stopsAt,
      nextTransitionAt: Math.max(stopping.nextTransitionAt ?? stopsAt, stopsAt),
    });
    ctx.emit('task/spotInterrupted', { taskArn: t.taskArn, serviceName: t.serviceName, stopsAt });
  }
  return { interruptedTasks: chosen.map((t) => t.taskArn) };
}

export const spotHandlers = {
  'sim:InterruptSpotTasks': interruptSpotTasks,
};
