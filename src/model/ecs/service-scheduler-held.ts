/**
 * The scheduler for a service in an ECS-native BLUE_GREEN, LINEAR or CANARY deployment: instead of rolling
 * old tasks into new ones, it keeps every revision at its own desiredCount, which the deployment's state
 * machine sets (blue at 100% until CLEAN_UP, green at 0 until SCALE_UP, then 100%). A task that dies is
 * replaced with a task of its own revision
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html: since Nov 2025 replacements
 * keep their revision,
 * https://aws.amazon.com/about-aws/whats-new/2025/11/amazon-ecs-service-availability-rolling-deployments;
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html: blue keeps
 * running until CLEAN_UP). Tasks on DRAINING instances are replaced first and stopped once their revision has
 * its count elsewhere.
 *
 * Simplifications: maximumPercent and minimumHealthyPercent do not bound a held revision (green is
 * scaled to 100% alongside blue, which is how ECS's native blue/green runs); a FAILED revision
 * launches no new tasks; tasks of revisions that are not listed any more are stopped.
 */
import type { Ctx } from '../sim/ctx.ts';
import type { Cluster, Service, Task } from '../sim/types.ts';
import { shortId } from './ecs-common.ts';
import { isTaskHealthyForService } from './elb-ecs.ts';
import { addServiceEvent } from './service-events.ts';
import {
  chooseToStop,
  launch,
  onDrainingInstance,
  placementFailureMessage,
  stopTasks,
} from './service-tasks.ts';

export function reconcileHeld(ctx: Ctx, svc0: Service, cluster: Cluster, live: Task[]): void {
  const arn = svc0.serviceArn;
  const cur = () => ctx.s.services.get(arn) as Service;
  const ids = new Set(svc0.deployments.map((d) => d.id));
  const orphans = live.filter((t) => !ids.has(t.deploymentId ?? ''));
  const primaryId = svc0.deployments[0]?.id ?? '';
  if (orphans.length) stopTasks(ctx, cur(), orphans, primaryId);
  for (const d of svc0.deployments) {
    const td = ctx.s.taskDefinitions[d.taskDefinition];
    if (!td) continue;
    const mine = live.filter((t) => t.deploymentId === d.id);
    const draining = mine.filter((t) => onDrainingInstance(ctx, t));
    const good = mine.filter((t) => !draining.includes(t));
    const want = cur().status === 'ACTIVE' ? d.desiredCount : 0;
    if (good.length > want) {
      stopTasks(ctx, cur(), chooseToStop(ctx, cur(), good, good.length - want), d.id);
    } else if (good.length < want && d.rolloutState !== 'FAILED' && ctx.now >= cur().sched.throttledUntil) {
      const { tasks, failure } = launch(ctx, cur(), cluster, td, d, want - good.length);
      if (tasks.length) {
        const list = tasks.map((t) => `(task ${shortId(t.taskArn)})`).join(' ');
        const svc = addServiceEvent(
          ctx,
          cur(),
          `(service ${svc0.serviceName}) has started ${tasks.length} tasks: ${list}.`,
        );
        ctx.patch('services', arn, { sched: { ...svc.sched, lastPlacementFailure: null, steady: false } });
      }
      if (failure && tasks.length < want - good.length) {
        const msg = placementFailureMessage(svc0.serviceName, failure);
        if (cur().sched.lastPlacementFailure !== msg) {
          const svc = addServiceEvent(ctx, cur(), msg);
          ctx.patch('services', arn, {
            sched: { ...svc.sched, lastPlacementFailure: msg, lastPlacementFailureAt: ctx.now },
          });
        }
      }
    }
    const healthy = good.filter((t) => isTaskHealthyForService(ctx, t)).length;
    if (draining.length && healthy >= want) stopTasks(ctx, cur(), draining, d.id);
  }
}
