/**
 * Task sets for services whose deployments CodeDeploy controls (deploymentController CODE_DEPLOY):
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskSet.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html. Statuses
 * PRIMARY (serving production), ACTIVE, DRAINING; computedDesiredCount = ceil(desiredCount x scale%);
 * stabilityStatus STEADY_STATE once the task set runs exactly that many tasks, else STABILIZING. The
 * scheduler calls reconcileTaskSets every tick: each task set is kept at its computed count (tasks carry the
 * task set id as deploymentId and the task set's loadBalancers, so the ELB code registers them); a DRAINING
 * task set scales to zero and disappears when its last task is gone. CodeDeploy created task sets carry
 * startedBy CODE_DEPLOY and the deployment id as externalId (ECS-API:TaskSet). Simplification: no capacity
 * providers or service registries; replacements are not throttled beyond the service's own backoff.
 */
import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError, invalidParameter } from '../sim/errors.ts';
import type {
  Cluster,
  PlacementStrategy,
  Service,
  ServiceLoadBalancer,
  Task,
  TaskSet,
} from '../sim/types.ts';
import { requireCluster, shortId, strList } from './ecs-common.ts';
import { type LaunchParams, placeOnFargate, placeOnInstances, requestStops } from './ecs-tasks.ts';
import { addServiceEvent } from './service-events.ts';

const DEFAULT_STRATEGY: PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];

/** Task set ids look like ECS's: ecs-svc/ and 19 digits. */
function taskSetId(ctx: Ctx): string {
  let d = String(1 + ctx.randomInt(8));
  while (d.length < 19) d += String(ctx.randomInt(10));
  return `ecs-svc/${d}`;
}

export function computedCount(svc: Service, ts: Pick<TaskSet, 'scale' | 'status'>): number {
  if (svc.status !== 'ACTIVE' || ts.status === 'DRAINING') return 0;
  return Math.ceil((svc.desiredCount * ts.scale.value) / 100);
}

export function newTaskSet(
  ctx: Ctx,
  svc: Service,
  opts: {
    taskDefinition: string;
    loadBalancers: ServiceLoadBalancer[];
    status: TaskSet['status'];
    scale: number;
    externalId?: string;
  },
): TaskSet {
  const id = taskSetId(ctx);
  const ts: TaskSet = {
    id,
    taskSetArn: ctx.arn(
      'ecs',
      `task-set/${svc.clusterArn.split('/').pop()}/${svc.serviceName}/${id}`,
      svc.region,
    ),
    serviceArn: svc.serviceArn,
    clusterArn: svc.clusterArn,
    status: opts.status,
    taskDefinition: opts.taskDefinition,
    computedDesiredCount: 0,
    scale: { value: opts.scale, unit: 'PERCENT' },
    stabilityStatus: 'STABILIZING',
    stabilityStatusAt: ctx.now,
    launchType: svc.launchType,
    loadBalancers: opts.loadBalancers,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    ...(svc.networkConfiguration ? { networkConfiguration: svc.networkConfiguration } : {}),
  };
  if (opts.externalId !== undefined) {
    ts.startedBy = 'CODE_DEPLOY';
    ts.externalId = opts.externalId;
  }
  ts.computedDesiredCount = computedCount(svc, ts);
  return ts;
}

/** CreateService for a CODE_DEPLOY service: the first task set, PRIMARY at 100%. */
export function initialTaskSet(ctx: Ctx, svc: Service): TaskSet {
  return newTaskSet(ctx, svc, {
    taskDefinition: svc.taskDefinition,
    loadBalancers: svc.loadBalancers,
    status: 'PRIMARY',
    scale: 100,
  });
}

/** Replaces one task set of a service (copy-on-write); returns the updated service. */
export function patchTaskSet(ctx: Ctx, serviceArn: string, id: string, changes: Partial<TaskSet>): Service {
  const svc = ctx.s.services.get(serviceArn) as Service;
  const taskSets = svc.taskSets.map((ts) => {
    if (ts.id !== id) return ts;
    const next = { ...ts, ...changes, updatedAt: ctx.now };
    return { ...next, computedDesiredCount: computedCount(svc, next) };
  });
  return ctx.patch('services', serviceArn, { taskSets });
}

function counts(ctx: Ctx, svc: Service, ts: TaskSet): { running: number; pending: number } {
  let running = 0;
  let pending = 0;
  for (const t of ctx.s.tasks.values()) {
    if (t.clusterArn !== svc.clusterArn || t.serviceName !== svc.serviceName || t.deploymentId !== ts.id)
      continue;
    if (t.desiredStatus !== 'RUNNING') continue;
    if (t.lastStatus === 'RUNNING') running++;
    else if (t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING' || t.lastStatus === 'ACTIVATING')
      pending++;
  }
  return { running, pending };
}

export function describeTaskSet(ctx: Ctx, svc: Service, ts: TaskSet): Record<string, unknown> {
  const c = counts(ctx, svc, ts);
  const out: Record<string, unknown> = {
    id: ts.id,
    taskSetArn: ts.taskSetArn,
    serviceArn: ts.serviceArn,
    clusterArn: ts.clusterArn,
    status: ts.status,
    taskDefinition: ts.taskDefinition,
    computedDesiredCount: ts.computedDesiredCount,
    pendingCount: c.pending,
    runningCount: c.running,
    createdAt: ts.createdAt,
    updatedAt: ts.updatedAt,
    launchType: ts.launchType,
    loadBalancers: ts.loadBalancers,
    serviceRegistries: [],
    scale: ts.scale,
    stabilityStatus: ts.stabilityStatus,
    stabilityStatusAt: ts.stabilityStatusAt,
  };
  if (ts.startedBy !== undefined) out.startedBy = ts.startedBy;
  if (ts.externalId !== undefined) out.externalId = ts.externalId;
  if (ts.launchType === 'FARGATE') out.platformVersion = '1.4.0';
  if (ts.networkConfiguration) out.networkConfiguration = ts.networkConfiguration;
  return out;
}

/** ecs:DescribeTaskSets. */
export function describeTaskSets(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const ref = typeof input.service === 'string' ? input.service : '';
  if (!ref) throw invalidParameter('Service can not be blank.');
  const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
  const svc = ctx.s.services.get(ctx.arn('ecs', `service/${cluster.clusterName}/${name}`));
  if (!svc || svc.status === 'INACTIVE') throw new ApiError('ServiceNotFoundException', 'Service not found.');
  if (svc.deploymentController.type === 'ECS')
    throw invalidParameter(
      'Amazon ECS only supports task set management on services configured to use external deployment controllers.',
    );
  const wanted = strList(input.taskSets);
  const taskSets = svc.taskSets
    .filter((ts) => wanted.length === 0 || wanted.includes(ts.id) || wanted.includes(ts.taskSetArn))
    .map((ts) => describeTaskSet(ctx, svc, ts));
  const failures = wanted
    .filter((w) => !svc.taskSets.some((ts) => ts.id === w || ts.taskSetArn === w))
    .map((arn) => ({ arn, reason: 'MISSING' }));
  return { taskSets, failures };
}

function launch(ctx: Ctx, svc: Service, cluster: Cluster, ts: TaskSet, count: number): Task[] {
  const td = ctx.s.taskDefinitions[ts.taskDefinition];
  if (!td) return [];
  const params: LaunchParams & { loadBalancers?: ServiceLoadBalancer[] } = {
    cluster,
    td,
    launchType: ts.launchType,
    group: `service:${svc.serviceName}`,
    startedBy: ts.id,
    serviceName: svc.serviceName,
    deploymentId: ts.id,
    ...(ts.loadBalancers.length ? { loadBalancers: ts.loadBalancers } : {}),
  };
  const tasks =
    ts.launchType === 'FARGATE'
      ? placeOnFargate(ctx, params, ts.networkConfiguration?.awsvpcConfiguration.subnets ?? [], count)
      : placeOnInstances(
          ctx,
          params,
          svc.placementStrategy.length ? svc.placementStrategy : DEFAULT_STRATEGY,
          svc.placementConstraints,
          count,
        ).tasks;
  // Until every launcher copies LaunchParams.loadBalancers onto the task, make sure it is there.
  for (const t of tasks)
    if (ts.loadBalancers.length && !ctx.s.tasks.get(t.taskArn)?.loadBalancers)
      ctx.patch('tasks', t.taskArn, { loadBalancers: ts.loadBalancers });
  return tasks;
}

/** Keeps every task set of a CODE_DEPLOY service at its computed desired count. */
export function reconcileTaskSets(ctx: Ctx, svc0: Service, cluster: Cluster, live: Task[]): void {
  let svc = svc0;
  const started: Task[] = [];
  const stopped: Task[] = [];
  const known = new Set(svc.taskSets.map((ts) => ts.id));
  for (const t of live) if (!t.deploymentId || !known.has(t.deploymentId)) stopped.push(t);
  for (const ts of svc.taskSets) {
    const mine = live.filter((t) => t.deploymentId === ts.id);
    const want = computedCount(svc, ts);
    if (mine.length > want) {
      const order = [...mine].sort(
        (a, b) => Number(a.lastStatus === 'RUNNING') - Number(b.lastStatus === 'RUNNING'),
      );
      stopped.push(...order.slice(0, mine.length - want));
    } else if (mine.length < want && ctx.now >= svc.sched.throttledUntil) {
      started.push(...launch(ctx, svc, cluster, ts, want - mine.length));
    }
  }
  requestStops(
    ctx,
    stopped,
    'ServiceSchedulerInitiated',
    (t) => `Scaling activity initiated by (deployment ${t.deploymentId ?? ''})`,
  );
  svc = ctx.s.services.get(svc.serviceArn) as Service;
  if (started.length)
    svc = addServiceEvent(
      ctx,
      svc,
      `(service ${svc.serviceName}) has started ${started.length} tasks: ${started.map((t) => `(task ${shortId(t.taskArn)})`).join(' ')}.`,
    );
  if (stopped.length)
    svc = addServiceEvent(
      ctx,
      svc,
      `(service ${svc.serviceName}) has stopped ${stopped.length} running tasks: ${stopped.map((t) => `(task ${shortId(t.taskArn)})`).join(' ')}.`,
    );
  const gone = new Set(stopped.map((t) => t.taskArn));
  settle(ctx, svc, started.length + stopped.length > 0, [
    ...live.filter((t) => !gone.has(t.taskArn)),
    ...started,
  ]);
}

/** Counts, stability, DRAINING task sets that are done, and the service's own DRAINING -> INACTIVE. */
function settle(ctx: Ctx, svc0: Service, acted: boolean, live: Task[]): void {
  let svc = svc0;
  const liveOf = (id: string) => live.filter((t) => t.deploymentId === id);
  let changed = false;
  const taskSets: TaskSet[] = [];
  for (const ts of svc.taskSets) {
    const mine = liveOf(ts.id);
    // A DRAINING task set goes once its tasks have stopped (not just been asked to).
    const stopping = () =>
      ctx.s.tasks.values().some((t) => t.deploymentId === ts.id && t.lastStatus !== 'STOPPED');
    if (ts.status === 'DRAINING' && mine.length === 0 && !stopping()) {
      changed = true;
      ctx.emit('taskSet/deleted', { serviceName: svc.serviceName, taskSetId: ts.id }, svc.region);
      continue;
    }
    const want = computedCount(svc, ts);
    const running = mine.filter((t) => t.lastStatus === 'RUNNING').length;
    const stability = running === want && mine.length === want ? 'STEADY_STATE' : 'STABILIZING';
    if (stability !== ts.stabilityStatus || want !== ts.computedDesiredCount) {
      changed = true;
      taskSets.push({
        ...ts,
        computedDesiredCount: want,
        stabilityStatus: stability,
        stabilityStatusAt: stability !== ts.stabilityStatus ? ctx.now : ts.stabilityStatusAt,
      });
    } else taskSets.push(ts);
  }
  if (changed) svc = ctx.patch('services', svc.serviceArn, { taskSets });
  if (svc.status === 'DRAINING' && svc.taskSets.every((ts) => liveOf(ts.id).length === 0)) {
    ctx.patch('services', svc.serviceArn, { status: 'INACTIVE' });
    ctx.emit('service/inactive', { serviceName: svc.serviceName }, svc.region);
    return;
  }
  const steady = svc.taskSets.length > 0 && svc.taskSets.every((ts) => ts.stabilityStatus === 'STEADY_STATE');
  if (steady && !acted && !svc.sched.steady) {
    svc = addServiceEvent(ctx, svc, `(service ${svc.serviceName}) has reached a steady state.`);
    ctx.patch('services', svc.serviceArn, {
      sched: { ...svc.sched, steady: true, lastSteadyEventAt: ctx.now },
    });
  } else if (!steady && svc.sched.steady) {
    ctx.patch('services', svc.serviceArn, { sched: { ...svc.sched, steady: false } });
  }
}
