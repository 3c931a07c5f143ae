/**
 * Where ECS meets the load balancer. A service's loadBalancers entries are validated here with ECS's
 * own messages; ECS registers a service task's targets once it is RUNNING (the instance id and the
 * host port bound to containerName/containerPort for bridge/host, the task's private IP and
 * containerPort for awsvpc), deregisters them before the task stops (the task stays RUNNING until they
 * are unused), stops a task whose target turns unhealthy once its grace period is over, and says
 * whether a task counts as healthy for the deployment bounds.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-connection-draining.html
 * (drain before stop; "Task failed ELB health checks in (target-group arn)"),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html (unhealthy tasks are
 * replaced; healthCheckGracePeriodSeconds),
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html (with a load
 * balancer a task is healthy when the target group says so, plus its container health check),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html and
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-unhealthy-event-messages.html (event
 * texts), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html (at most 5 target
 * groups),
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html.
 * A group no listener uses leaves its targets "unused" (not failing) and ECS does not wait on it. Container
 * health checks are run by container-health.ts; an UNHEALTHY task is never healthy here. Simplification:
 * Classic Load Balancers are not modelled.
 */

import { drainTarget, registerTarget, targetKey } from '../elbv2/elbv2-targets.ts';
import type { Ctx } from '../sim/ctx.ts';
import { invalidParameter } from '../sim/errors.ts';
import type {
  Service,
  ServiceLoadBalancer,
  Target,
  TargetGroup,
  Task,
  TaskDefinition,
} from '../sim/types.ts';
import { drainingUntil, type TaskTarget, targetsOfTask } from './elb-task-targets.ts';
import { addServiceEvent } from './service-events.ts';
import { isHealthy } from './task-lifecycle.ts';

export { drainingUntil, type TaskTarget, targetsOfTask };

const MAX_TARGET_GROUPS = 5;

function readAdvanced(ctx: Ctx, raw: unknown): ServiceLoadBalancer['advancedConfiguration'] {
  const a = (raw ?? {}) as Record<string, unknown>;
  const alt = typeof a.alternateTargetGroupArn === 'string' ? a.alternateTargetGroupArn : '';
  const prod = typeof a.productionListenerRule === 'string' ? a.productionListenerRule : '';
  if (!alt) throw invalidParameter('advancedConfiguration.alternateTargetGroupArn can not be blank.');
  if (!prod) throw invalidParameter('advancedConfiguration.productionListenerRule can not be blank.');
  if (!ctx.s.elb.targetGroups[alt])
    throw invalidParameter(`The target group with targetGroupArn ${alt} does not exist.`);
  if (!ctx.s.elb.rules[prod]) throw invalidParameter(`The listener rule ${prod} does not exist.`);
  const out: NonNullable<ServiceLoadBalancer['advancedConfiguration']> = {
    alternateTargetGroupArn: alt,
    productionListenerRule: prod,
  };
  if (typeof a.testListenerRule === 'string') {
    if (!ctx.s.elb.rules[a.testListenerRule])
      throw invalidParameter(`The listener rule ${a.testListenerRule} does not exist.`);
    out.testListenerRule = a.testListenerRule;
  }
  if (typeof a.roleArn === 'string') out.roleArn = a.roleArn;
  return out;
}

/** CreateService / UpdateService `loadBalancers`, validated against the load balancer and the task definition. */
export function readServiceLoadBalancers(ctx: Ctx, raw: unknown, td: TaskDefinition): ServiceLoadBalancer[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw invalidParameter('loadBalancers must be a list of load balancer objects.');
  if (raw.length > MAX_TARGET_GROUPS)
    throw invalidParameter(`A service can have at most ${MAX_TARGET_GROUPS} target groups.`);
  return (raw as Record<string, unknown>[]).map((o) => {
    if (o.loadBalancerName !== undefined)
      throw invalidParameter('Classic Load Balancers are not modelled in Nozama; use targetGroupArn.');
    const arn = typeof o.targetGroupArn === 'string' ? o.targetGroupArn : '';
    if (!arn) throw invalidParameter('Target group ARN can not be blank.');
    const tg = ctx.s.elb.targetGroups[arn];
    if (!tg || tg.region !== ctx.region)
      throw invalidParameter(`The target group with targetGroupArn ${arn} does not exist.`);
    if (tg.LoadBalancerArns.length === 0)
      throw invalidParameter(
        `The target group with targetGroupArn ${arn} does not have an associated load balancer.`,
      );
    const name = typeof o.containerName === 'string' ? o.containerName : '';
    if (!name) throw invalidParameter('Container Name can not be blank.');
    const cd = td.containerDefinitions.find((c) => c.name === name);
    if (!cd) throw invalidParameter(`The container ${name} does not exist in the task definition.`);
    const port = Number(o.containerPort);
    if (!cd.portMappings.some((pm) => pm.containerPort === port))
      throw invalidParameter(
        `The container ${name} did not have a container port ${String(o.containerPort)} defined.`,
      );
    const wants = td.networkMode === 'awsvpc' ? 'ip' : 'instance';
    if (tg.TargetType !== wants)
      throw invalidParameter(
        `The provided target group ${arn} has target type ${tg.TargetType}, which is incompatible with the ${td.networkMode} network mode specified in the task definition.`,
      );
    const entry: ServiceLoadBalancer = { targetGroupArn: arn, containerName: name, containerPort: port };
    if (o.advancedConfiguration !== undefined) {
      const adv = readAdvanced(ctx, o.advancedConfiguration);
      if (adv) entry.advancedConfiguration = adv;
    }
    return entry;
  });
}

/** The target a task stands for in a group: instance id + bound host port, or its IP + container port. */
export function targetOfTask(
  task: Task,
  lb: ServiceLoadBalancer,
): { Id: string; Port: number; AvailabilityZone: string } | null {
  if (task.usesEni) {
    return task.privateIpv4Address
      ? { Id: task.privateIpv4Address, Port: lb.containerPort, AvailabilityZone: task.availabilityZone }
      : null;
  }
  const c = task.containers.find((x) => x.name === lb.containerName);
  const b = c?.networkBindings.find((x) => x.containerPort === lb.containerPort);
  if (!task.ec2InstanceId || !b) return null;
  return { Id: task.ec2InstanceId, Port: b.hostPort, AvailabilityZone: task.availabilityZone };
}

export function serviceOfTask(ctx: Ctx, task: Task): Service | undefined {
  if (!task.serviceName) return undefined;
  return ctx.s.services
    .values()
    .find(
      (s) =>
        s.clusterArn === task.clusterArn && s.serviceName === task.serviceName && s.status !== 'INACTIVE',
    );
}

/** Registers a RUNNING task's targets in its groups (once per group); returns the groups registered. */
export function registerTaskTargets(ctx: Ctx, task: Task): string[] {
  const done: string[] = [];
  for (const lb of task.loadBalancers ?? []) {
    const mark = `${task.taskArn}|${lb.targetGroupArn}`;
    if (ctx.s.elb.ecsRegistrations?.[mark]) continue;
    const tg = ctx.s.elb.targetGroups[lb.targetGroupArn];
    const t = targetOfTask(task, lb);
    ctx.putIn('elb', 'ecsRegistrations', mark, true);
    if (!tg || !t) continue;
    registerTarget(ctx, tg, { ...t, taskArn: task.taskArn });
    done.push(tg.TargetGroupArn);
  }
  return done;
}

/** Deregisters (drains) every target of a task; returns how many targets are now draining. */
export function deregisterTaskTargets(ctx: Ctx, task: Task): number {
  for (const { targetGroupArn, key } of targetsOfTask(ctx.s, task.taskArn))
    drainTarget(ctx, targetGroupArn, key);
  return targetsOfTask(ctx.s, task.taskArn).filter((x) => x.target.drainUntil !== null).length;
}

/**
 * ECS's side of a stop: drain the task's targets first. Returns when the task may stop and whether any
 * of its targets is draining (the caller words one service event for every task it stops at once).
 */
export function beginDraining(ctx: Ctx, task: Task): { until: number; draining: boolean } {
  if (task.lastStatus !== 'RUNNING') return { until: ctx.now, draining: false };
  const draining = deregisterTaskTargets(ctx, task) > 0;
  return { until: Math.max(ctx.now, drainingUntil(ctx.s, task.taskArn)), draining };
}

/** "(service S) has begun draining connections on N tasks.": one event for the tasks a stop drains together. */
export function announceDraining(ctx: Ctx, svc: Service, n: number): void {
  if (n > 0)
    addServiceEvent(ctx, svc, `(service ${svc.serviceName}) has begun draining connections on ${n} tasks.`);
}

/** Registration pass of tickElb: RUNNING tasks with loadBalancers not yet registered; old marks dropped. */
export function tickEcsTargets(ctx: Ctx): void {
  const registered = new Map<string, { svc: Service; tg: string; n: number }>();
  for (const task of ctx.s.tasks.values()) {
    if (!task.loadBalancers?.length || task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING')
      continue;
    for (const tg of registerTaskTargets(ctx, task)) {
      const svc = serviceOfTask(ctx, task);
      if (!svc) continue;
      const k = `${svc.serviceArn}|${tg}`;
      const cur = registered.get(k);
      if (cur) cur.n++;
      else registered.set(k, { svc, tg, n: 1 });
    }
  }
  for (const { svc, tg, n } of registered.values()) {
    const cur = ctx.s.services.get(svc.serviceArn) ?? svc;
    addServiceEvent(ctx, cur, `(service ${cur.serviceName}) registered ${n} targets in (target-group ${tg})`);
  }
  for (const mark of Object.keys(ctx.s.elb.ecsRegistrations ?? {})) {
    const task = ctx.s.tasks.get(mark.slice(0, mark.indexOf('|')));
    if (!task || task.lastStatus === 'STOPPED') ctx.removeIn('elb', 'ecsRegistrations', mark);
  }
}

/**
 * ECS stops a service task whose target is unhealthy once the grace period is over
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html).
 */
export function stopIfFailedElbChecks(ctx: Ctx, tg: TargetGroup, target: Target, stop: StopFn): void {
  const task = target.taskArn ? ctx.s.tasks.get(target.taskArn) : undefined;
  if (task?.desiredStatus !== 'RUNNING' || task.lastStatus !== 'RUNNING' || !task.loadBalancers) return;
  const svc = serviceOfTask(ctx, task);
  if (!svc) return;
  const grace = svc.healthCheckGracePeriodSeconds ?? 0;
  if (ctx.now - (task.startedAt ?? ctx.now) < grace) return;
  const id = task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1);
  const where = task.usesEni ? '' : ` (instance ${target.Id})`;
  // ECS-DG service-unhealthy-event-messages: the EC2 / Fargate forms, and "(service s, taskSet t)"
  // for a task of a task set; the target group by name, no closing period.
  const who =
    svc.deploymentController.type === 'CODE_DEPLOY' && task.deploymentId
      ? `(service ${svc.serviceName}, taskSet ${task.deploymentId})`
      : `(service ${svc.serviceName})`;
  addServiceEvent(
    ctx,
    svc,
    `${who} (task ${id})${where} (port ${target.Port}) is unhealthy in (target-group ${tg.TargetGroupName}) due to (reason ${target.description ?? 'Health checks failed'})`,
  );
  stop(
    ctx,
    task,
    'ServiceSchedulerInitiated',
    `Task failed ELB health checks in (target-group ${tg.TargetGroupArn})`,
  );
}

export type StopFn = (ctx: Ctx, task: Task, stopCode: 'ServiceSchedulerInitiated', reason: string) => unknown;

/**
 * Whether a service task counts as healthy
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html): with load
 * balancers, when every target group in use (one a listener forwards to) reports its target healthy (and no
 * container health check failed); without, or when none of its groups is in use, the no-LB rule (40 s after
 * RUNNING, or the container health check).
 */
export function isTaskHealthyForService(ctx: Ctx, task: Task): boolean {
  if (!task.loadBalancers?.length) return isHealthy(task, ctx.now);
  if (task.desiredStatus !== 'RUNNING' || task.lastStatus !== 'RUNNING') return false;
  if (task.healthStatus === 'UNHEALTHY') return false;
  let checked = 0;
  for (const lb of task.loadBalancers) {
    const tg = ctx.s.elb.targetGroups[lb.targetGroupArn];
    const t = targetOfTask(task, lb);
    if (!tg || !t) return false;
    // A group no listener uses does not check its targets: they are "unused" (Target.NotInUse,
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html), which is not
    // failing, and nothing waits on it (the second target group of AWS's blue/green tutorial until the shift).
    if (tg.LoadBalancerArns.length === 0) continue;
    if (tg.targets[targetKey(t.Id, t.Port)]?.state !== 'healthy') return false;
    checked++;
  }
  return checked > 0 || isHealthy(task, ctx.now);
}
