/**
 * A service replaces its tasks whose container health checks failed: a task whose essential container is
 * UNHEALTHY (container-health.ts), once the service's healthCheckGracePeriodSeconds is over, is stopped with
 * stoppedReason "Task failed container health checks" and the service event "(service S) (task T) failed
 * container health checks."; the scheduler then starts its replacement. A task run on its own is left alone.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html ("For tasks that are
 * part of a service, if the task reports as unhealthy then the task will be stopped and the service scheduler
 * will replace it."), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html
 * (the event), https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
 * (healthCheckGracePeriodSeconds covers container health checks).
 */
import type { Ctx } from '../sim/ctx.ts';
import type { Service, Task } from '../sim/types.ts';
import { failingContainer, healthCheckOf } from './container-health.ts';
import { shortId } from './ecs-common.ts';
import { requestStop } from './ecs-tasks.ts';
import { addServiceEvent } from './service-events.ts';
import { inGracePeriod } from './service-tasks.ts';

/**
 * A service stops its tasks that turned UNHEALTHY (outside healthCheckGracePeriodSeconds), one event per task;
 * returns the live tasks that are left for the scheduler to count.
 */
export function replaceUnhealthyTasks(ctx: Ctx, svc: Service, live: Task[]): Task[] {
  const failing = live.filter(
    (t) =>
      t.healthStatus === 'UNHEALTHY' &&
      t.lastStatus === 'RUNNING' &&
      t.desiredStatus === 'RUNNING' &&
      !inGracePeriod(svc, t, ctx.now),
  );
  if (failing.length === 0) return live;
  for (const t of failing) {
    const c = failingContainer(t);
    addServiceEvent(
      ctx,
      svc,
      `(service ${svc.serviceName}) (task ${shortId(t.taskArn)}) failed container health checks.`,
    );
    requestStop(ctx, t, 'ServiceSchedulerInitiated', 'Task failed container health checks');
    ctx.emit(
      'task/failedHealthChecks',
      {
        taskArn: t.taskArn,
        serviceName: svc.serviceName,
        containerName: c?.name ?? null,
        command: c ? (healthCheckOf(ctx.s.taskDefinitions[t.taskDefinitionArn], c.name)?.command ?? []) : [],
        output: c?.lastProbe?.output ?? null,
      },
      svc.region,
    );
  }
  return live.filter((t) => !failing.includes(t));
}
