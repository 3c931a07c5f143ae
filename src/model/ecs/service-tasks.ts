/**
 * What every ECS service scheduler shares (replica, held revisions, task sets): launching a revision's tasks
 * with its load balancers, choosing which tasks to stop (draining instances first, then the fullest zone),
 * stopping them, grace periods, and ECS's unable-to-place event text. Sources:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html (service
 * scheduler), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html
 * (service event texts).
 */
import type { Ctx } from '../sim/ctx.ts';
import { liveTasksOfServiceKey, serviceKey } from '../sim/indexes.ts';
import type {
  Cluster,
  PlacementStrategy,
  Service,
  ServiceDeployment,
  ServiceLoadBalancer,
  Task,
  TaskDefinition,
} from '../sim/types.ts';
import { launchWithStrategy, tasksPerProvider } from './capacity-strategy.ts';
import { shortId } from './ecs-common.ts';
import { taskRequirements } from './ecs-task-definitions.ts';
import { type LaunchParams, placeOnFargate, placeOnInstances, requestStops } from './ecs-tasks.ts';
import type { PlacementFailure } from './placement.ts';
import { addServiceEvent } from './service-events.ts';

export const DEFAULT_SERVICE_STRATEGY: PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];

export function placementFailureMessage(name: string, failure: PlacementFailure | null): string {
  const base = `(service ${name}) was unable to place a task because no container instance met all of its requirements.`;
  const c = failure?.closest;
  if (!c)
    return `${base} Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section.`;
  const id = shortId(c.containerInstanceArn);
  const tail = ' For more information, see the Troubleshooting section.';
  switch (c.reason) {
    case 'CPU':
      return `${base} The closest matching (container-instance ${id}) has insufficient CPU units available.${tail}`;
    case 'MEMORY':
      return `${base} The closest matching (container-instance ${id}) has insufficient memory available.${tail}`;
    case 'PORTS':
      return `${base} The closest matching (container-instance ${id}) is already using a port required by your task.${tail}`;
    case 'distinctInstance':
      return `${base} The closest matching (container-instance ${id}) encountered error "DistinctInstance placement constraint unsatisfied.".${tail}`;
    case 'memberOf':
      return `${base} The closest matching (container-instance ${id}) encountered error "MemberOf placement constraint unsatisfied.".${tail}`;
    case 'ENI':
      return `${base} The closest matching (container-instance ${id}) encountered error "RESOURCE:ENI".${tail}`;
    default:
      return `${base} The closest matching (container-instance ${id}) encountered error "${c.reason}".${tail}`;
  }
}

/**
 * Live tasks of a service: desiredStatus not STOPPED; orphans of a forced deregistration no longer
 * count (the service starts another copy). From the tasks-by-service index (sim/indexes.ts).
 */
export function liveTasksOf(ctx: Ctx, svc: Service): Task[] {
  return liveTasksOfServiceKey(ctx.s, serviceKey(svc.clusterArn, svc.serviceName));
}

export function onDrainingInstance(ctx: Ctx, t: Task): boolean {
  if (!t.containerInstanceArn) return false;
  return ctx.s.containerInstances.get(t.containerInstanceArn)?.status === 'DRAINING';
}

/** Chooses which tasks to stop: not-yet-running first, then from the zone and instance with the most. */
export function chooseToStop(ctx: Ctx, svc: Service, pool: Task[], count: number): Task[] {
  const chosen: Task[] = [];
  const left = pool.slice();
  const binpack = svc.placementStrategy.find((s) => s.type === 'binpack');
  while (chosen.length < count && left.length > 0) {
    const notRunning = left.filter((t) => t.lastStatus !== 'RUNNING');
    let candidates = notRunning.length ? notRunning : left;
    if (binpack) {
      // Binpack scale-in: the task whose instance would have the most of the field left afterwards.
      const leftAfter = (t: Task) => {
        const ci = t.containerInstanceArn ? ctx.s.containerInstances.get(t.containerInstanceArn) : undefined;
        if (!ci) return Number.POSITIVE_INFINITY;
        return binpack.field === 'cpu' ? ci.remainingCpu + t.cpu : ci.remainingMemory + t.memory;
      };
      const best = Math.max(...candidates.map(leftAfter));
      candidates = candidates.filter((t) => leftAfter(t) === best);
    } else {
      const byZone = new Map<string, number>();
      const byHost = new Map<string, number>();
      for (const t of left) {
        byZone.set(t.availabilityZone, (byZone.get(t.availabilityZone) ?? 0) + 1);
        const host = t.containerInstanceArn ?? t.taskArn;
        byHost.set(host, (byHost.get(host) ?? 0) + 1);
      }
      const zmax = Math.max(...candidates.map((t) => byZone.get(t.availabilityZone) ?? 0));
      candidates = candidates.filter((t) => byZone.get(t.availabilityZone) === zmax);
      const hmax = Math.max(...candidates.map((t) => byHost.get(t.containerInstanceArn ?? t.taskArn) ?? 0));
      candidates = candidates.filter((t) => byHost.get(t.containerInstanceArn ?? t.taskArn) === hmax);
    }
    const pick = candidates[ctx.randomInt(candidates.length)] as Task;
    chosen.push(pick);
    left.splice(left.indexOf(pick), 1);
  }
  return chosen;
}

export function stopTasks(ctx: Ctx, svc: Service, tasks: Task[], deploymentId: string): Service {
  if (tasks.length === 0) return svc;
  requestStops(
    ctx,
    tasks,
    'ServiceSchedulerInitiated',
    () => `Scaling activity initiated by (deployment ${deploymentId})`,
  );
  const ids = tasks.map((t) => `(task ${shortId(t.taskArn)})`).join(' ');
  return addServiceEvent(
    ctx,
    svc,
    `(service ${svc.serviceName}) has stopped ${tasks.length} running tasks: ${ids}.`,
  );
}

/** The target groups a deployment's tasks register with: its own (resolved), else the service's. */
export function loadBalancersOf(svc: Service, d: ServiceDeployment): ServiceLoadBalancer[] {
  return d.loadBalancers ?? svc.loadBalancers;
}

/** Launch parameters for a task of deployment `d`: it carries the deployment's target groups. */
export function launchParams(
  svc: Service,
  cluster: Cluster,
  td: TaskDefinition,
  d: ServiceDeployment,
): LaunchParams {
  const params: LaunchParams = {
    cluster,
    td,
    launchType: svc.launchType,
    group: `service:${svc.serviceName}`,
    startedBy: d.id,
    serviceName: svc.serviceName,
    deploymentId: d.id,
  };
  const lbs = loadBalancersOf(svc, d);
  if (lbs.length) params.loadBalancers = lbs;
  return params;
}

/** Sets task.loadBalancers on tasks just launched, when the launch did not copy it already. */
export function stampLoadBalancers(ctx: Ctx, svc: Service, d: ServiceDeployment, tasks: Task[]): Task[] {
  const lbs = loadBalancersOf(svc, d);
  if (!lbs.length) return tasks;
  return tasks.map((t) => {
    const cur = ctx.s.tasks.get(t.taskArn) as Task;
    return cur.loadBalancers ? cur : ctx.patch('tasks', t.taskArn, { loadBalancers: lbs });
  });
}

/** What one task of the definition needs, as a placement failure reports it. */
function needsOf(td: TaskDefinition): PlacementFailure['needs'] {
  const r = taskRequirements(td);
  return { cpu: r.cpu, memory: r.memory, hostPorts: r.hostPorts };
}

export function launch(
  ctx: Ctx,
  svc: Service,
  cluster: Cluster,
  td: TaskDefinition,
  primary: ServiceDeployment,
  count: number,
): { tasks: Task[]; failure: PlacementFailure | null } {
  const params = launchParams(svc, cluster, td, primary);
  if (svc.capacityProviderStrategy) {
    const subnets =
      primary.networkConfiguration?.awsvpcConfiguration.subnets ??
      svc.networkConfiguration?.awsvpcConfiguration.subnets ??
      [];
    const out = launchWithStrategy(
      ctx,
      params,
      {
        strategy: svc.capacityProviderStrategy,
        existing: tasksPerProvider(liveTasksOf(ctx, svc)),
        subnets,
        strategies: svc.placementStrategy.length ? svc.placementStrategy : DEFAULT_SERVICE_STRATEGY,
        constraints: svc.placementConstraints,
      },
      count,
    );
    const failure =
      out.failure ?? (out.tasks.length < count ? { needs: needsOf(td), closest: null, rejected: [] } : null);
    return { tasks: stampLoadBalancers(ctx, svc, primary, out.tasks), failure };
  }
  if (svc.launchType === 'FARGATE') {
    const subnets =
      primary.networkConfiguration?.awsvpcConfiguration.subnets ??
      svc.networkConfiguration?.awsvpcConfiguration.subnets ??
      [];
    const tasks = stampLoadBalancers(ctx, svc, primary, placeOnFargate(ctx, params, subnets, count));
    return {
      tasks,
      failure: tasks.length < count ? { needs: needsOf(td), closest: null, rejected: [] } : null,
    };
  }
  const strategies = svc.placementStrategy.length ? svc.placementStrategy : DEFAULT_SERVICE_STRATEGY;
  const out = placeOnInstances(ctx, params, strategies, svc.placementConstraints, count);
  return { tasks: stampLoadBalancers(ctx, svc, primary, out.tasks), failure: out.failure };
}

/** healthCheckGracePeriodSeconds: unhealthy checks are ignored this long after a task starts. */
export function inGracePeriod(svc: Service, t: Task, now: number): boolean {
  return t.startedAt !== undefined && now - t.startedAt < (svc.healthCheckGracePeriodSeconds ?? 0);
}
