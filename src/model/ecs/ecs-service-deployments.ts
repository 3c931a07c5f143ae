/**
 * Service deployments and service revisions (the 2024+ history API): ListServiceDeployments,
 * DescribeServiceDeployments, StopServiceDeployment, DescribeServiceRevisions, and the records the
 * rest of the model keeps on each service (one ServiceDeployment per deployment, one ServiceRevision
 * per deployed configuration).
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeployment.html
 * (ServiceDeploymentStatus values),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html (rollback to
 * the last deployment that completed),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html
 * (lifecycleStage, lifecycleHookDetails of the hooks still running); ECS-API:ServiceDeployment, ServiceDeploymentBrief, ServiceRevisionSummary, Rollback,
 * ServiceDeploymentCircuitBreaker, ServiceDeploymentAlarms, StopServiceDeployment (PENDING/IN_PROGRESS ->
 * ROLLBACK_REQUESTED; already rolling back: no change). Simplifications: a service keeps its newest 25
 * records; the rollback itself is carried out by the next tick (ecs-deployments.ts), so StopServiceDeployment
 * only requests it; stopType ABORT is refused (the API reference lists ROLLBACK as the valid value). A failed
 * deployment that does not roll back ends STOPPED (the status enum has no FAILED).
 */
import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError, invalidParameter } from '../sim/errors.ts';
import type {
  Service,
  ServiceDeployment,
  ServiceDeploymentRecord,
  ServiceDeploymentStatus,
  ServiceRevisionRecord,
} from '../sim/types.ts';
import { lifecycleHookDetails } from './deployment-hooks.ts';
import { paginate, requireCluster, str, strList } from './ecs-common.ts';

const KEEP = 25;
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
export const OPEN_STATUSES: ServiceDeploymentStatus[] = [
  'PENDING',
  'IN_PROGRESS',
  'STOP_REQUESTED',
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
];

function servicePath(svc: Service): string {
  return `${svc.clusterArn.slice(svc.clusterArn.lastIndexOf('/') + 1)}/${svc.serviceName}`;
}

/** Records a revision for a deployment being created; returns its ARN. */
export function addServiceRevision(ctx: Ctx, svc: Service, d: ServiceDeployment): ServiceRevisionRecord {
  let digits = String(1 + ctx.randomInt(9));
  while (digits.length < 19) digits += String(ctx.randomInt(10));
  const rev: ServiceRevisionRecord = {
    serviceRevisionArn: ctx.arn('ecs', `service-revision/${servicePath(svc)}/${digits}`, svc.region),
    taskDefinition: d.taskDefinition,
    launchType: d.launchType,
    loadBalancers: svc.loadBalancers,
    resolvedLoadBalancers: d.loadBalancers ?? svc.loadBalancers,
    createdAt: ctx.now,
  };
  if (d.networkConfiguration) rev.networkConfiguration = d.networkConfiguration;
  return rev;
}

export function newServiceDeploymentArn(ctx: Ctx, svc: Service): string {
  let id = '';
  for (let i = 0; i < 22; i++) id += ID_CHARS[ctx.randomInt(ID_CHARS.length)];
  return ctx.arn('ecs', `service-deployment/${servicePath(svc)}/${id}`, svc.region);
}

export function keepRecords<T>(list: T[]): T[] {
  return list.slice(0, KEEP);
}

/** The record that is still running for a service, if any (newest first). */
export function openRecord(svc: Service): ServiceDeploymentRecord | undefined {
  return (svc.serviceDeployments ?? []).find((r) => OPEN_STATUSES.includes(r.status));
}

export function recordOf(svc: Service, deploymentId: string): ServiceDeploymentRecord | undefined {
  return (svc.serviceDeployments ?? []).find((r) => r.deploymentId === deploymentId);
}

/** Replaces a record of the service; returns the updated service. */
export function patchRecord(
  ctx: Ctx,
  svc: Service,
  arn: string,
  changes: Partial<ServiceDeploymentRecord>,
): Service {
  const list = (svc.serviceDeployments ?? []).map((r) =>
    r.serviceDeploymentArn === arn ? { ...r, ...changes, updatedAt: ctx.now } : r,
  );
  return ctx.patch('services', svc.serviceArn, { serviceDeployments: list });
}

export function revisionOf(svc: Service, arn: string): ServiceRevisionRecord | undefined {
  return (svc.serviceRevisions ?? []).find((r) => r.serviceRevisionArn === arn);
}

/**
 * The last deployment that completed successfully
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html): its revision
 * and the Service.deployments id that ran it (the event names that id).
 */
export function lastCompleted(
  svc: Service,
): { revision: ServiceRevisionRecord; deploymentId: string } | null {
  for (const r of svc.serviceDeployments ?? []) {
    const arn =
      r.status === 'SUCCESSFUL'
        ? r.targetServiceRevisionArn
        : r.status === 'ROLLBACK_SUCCESSFUL'
          ? r.rollback?.serviceRevisionArn
          : undefined;
    const id = r.status === 'SUCCESSFUL' ? r.deploymentId : r.rollback?.deploymentId;
    const revision = arn ? revisionOf(svc, arn) : undefined;
    if (revision && id) return { revision, deploymentId: id };
  }
  return null;
}

function counts(ctx: Ctx, svc: Service, deploymentId: string | undefined) {
  let running = 0;
  let pending = 0;
  if (deploymentId === undefined) return { running, pending };
  for (const t of ctx.s.tasks.values()) {
    if (t.deploymentId !== deploymentId || t.serviceName !== svc.serviceName || t.desiredStatus !== 'RUNNING')
      continue;
    if (t.lastStatus === 'RUNNING') running++;
    else if (t.lastStatus !== 'STOPPED') pending++;
  }
  return { running, pending };
}

/** ServiceRevisionSummary for the deployment that runs a revision (weights for native strategies). */
function summary(ctx: Ctx, svc: Service, rec: ServiceDeploymentRecord, revisionArn: string, target: boolean) {
  const d = svc.deployments.find((x) => x.serviceRevisionArn === revisionArn);
  const c = counts(ctx, svc, d?.id);
  const out: Record<string, unknown> = {
    arn: revisionArn,
    requestedTaskCount: d?.desiredCount ?? 0,
    runningTaskCount: c.running,
    pendingTaskCount: c.pending,
  };
  if (rec.native) {
    out.requestedProductionTrafficWeight = target ? rec.native.weightPercent : 100 - rec.native.weightPercent;
    out.requestedTestTrafficWeight = target
      ? rec.native.testWeightPercent
      : 100 - rec.native.testWeightPercent;
  }
  return out;
}

export function describeRecord(
  ctx: Ctx,
  svc: Service,
  rec: ServiceDeploymentRecord,
): Record<string, unknown> {
  const d = svc.deployments.find((x) => x.id === rec.deploymentId);
  const out: Record<string, unknown> = {
    serviceDeploymentArn: rec.serviceDeploymentArn,
    serviceArn: svc.serviceArn,
    clusterArn: svc.clusterArn,
    createdAt: rec.createdAt,
    startedAt: rec.startedAt,
    updatedAt: rec.updatedAt,
    sourceServiceRevisions: rec.sourceServiceRevisionArns.map((a) => summary(ctx, svc, rec, a, false)),
    targetServiceRevision: summary(ctx, svc, rec, rec.targetServiceRevisionArn, true),
    status: rec.status,
    deploymentConfiguration: rec.deploymentConfiguration,
    deploymentCircuitBreaker: {
      ...rec.circuitBreaker,
      failureCount:
        d && rec.circuitBreaker.status === 'MONITORING' ? d.failedTasks : rec.circuitBreaker.failureCount,
    },
    alarms: rec.alarms,
  };
  if (rec.finishedAt !== undefined) out.finishedAt = rec.finishedAt;
  if (rec.stoppedAt !== undefined) out.stoppedAt = rec.stoppedAt;
  if (rec.statusReason !== undefined) out.statusReason = rec.statusReason;
  if (rec.native) out.lifecycleStage = rec.native.stage;
  const hooks = rec.native ? lifecycleHookDetails(rec.native) : [];
  if (hooks.length > 0) out.lifecycleHookDetails = hooks;
  if (rec.rollback)
    out.rollback = {
      reason: rec.rollback.reason,
      startedAt: rec.rollback.startedAt,
      serviceRevisionArn: rec.rollback.serviceRevisionArn,
    };
  return out;
}

function findByArn(ctx: Ctx, arn: string): { svc: Service; rec: ServiceDeploymentRecord } | null {
  const m = /^arn:aws:ecs:([^:]+):(\d{12}):service-deployment\/([^/]+)\/([^/]+)\/[^/]+$/.exec(arn);
  if (!m) return null;
  const svc = ctx.s.services.get(`arn:aws:ecs:${m[1]}:${m[2]}:service/${m[3]}/${m[4]}`);
  const rec = svc?.serviceDeployments?.find((r) => r.serviceDeploymentArn === arn);
  return svc && rec ? { svc, rec } : null;
}

function listServiceDeployments(ctx: Ctx, input: Input) {
  const cluster = requireCluster(ctx, input);
  const ref = str(input.service);
  if (!ref) throw invalidParameter('Service can not be blank.');
  const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
  const svc = ctx.s.services.get(ctx.arn('ecs', `service/${cluster.clusterName}/${name}`));
  if (!svc) throw new ApiError('ServiceNotFoundException', 'Service not found.');
  const statuses = strList(input.status);
  const created = (input.createdAt ?? {}) as { after?: unknown; before?: unknown };
  const after = typeof created.after === 'number' ? created.after : undefined;
  const before = typeof created.before === 'number' ? created.before : undefined;
  const max = input.maxResults === undefined ? 20 : Number(input.maxResults);
  if (!Number.isInteger(max) || max < 1 || max > 100)
    throw invalidParameter('maxResults must be between 1 and 100.');
  const briefs = (svc.serviceDeployments ?? [])
    .filter((r) => statuses.length === 0 || statuses.includes(r.status))
    .filter(
      (r) => (after === undefined || r.createdAt >= after) && (before === undefined || r.createdAt <= before),
    )
    .map((r) => {
      const b: Record<string, unknown> = {
        serviceDeploymentArn: r.serviceDeploymentArn,
        serviceArn: svc.serviceArn,
        clusterArn: svc.clusterArn,
        startedAt: r.startedAt,
        createdAt: r.createdAt,
        targetServiceRevisionArn: r.targetServiceRevisionArn,
        status: r.status,
      };
      if (r.finishedAt !== undefined) b.finishedAt = r.finishedAt;
      if (r.statusReason !== undefined) b.statusReason = r.statusReason;
      return b;
    });
  const { page, nextToken } = paginate(briefs, { ...input, maxResults: max }, max);
  return nextToken ? { serviceDeployments: page, nextToken } : { serviceDeployments: page };
}

function describeServiceDeployments(ctx: Ctx, input: Input) {
  const arns = strList(input.serviceDeploymentArns);
  if (arns.length === 0) throw invalidParameter('serviceDeploymentArns cannot be empty.');
  if (arns.length > 20) throw invalidParameter('serviceDeploymentArns cannot contain more than 20 items.');
  const serviceDeployments: Record<string, unknown>[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const arn of arns) {
    const hit = findByArn(ctx, arn);
    if (hit) serviceDeployments.push(describeRecord(ctx, hit.svc, hit.rec));
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { serviceDeployments, failures };
}

function describeServiceRevisions(ctx: Ctx, input: Input) {
  const arns = strList(input.serviceRevisionArns);
  if (arns.length === 0) throw invalidParameter('serviceRevisionArns cannot be empty.');
  if (arns.length > 20) throw invalidParameter('serviceRevisionArns cannot contain more than 20 items.');
  const serviceRevisions: Record<string, unknown>[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const arn of arns) {
    const svc = ctx.s.services
      .values()
      .find((s) => s.serviceRevisions?.some((r) => r.serviceRevisionArn === arn));
    const rev = svc ? revisionOf(svc, arn) : undefined;
    if (!svc || !rev) {
      failures.push({ arn, reason: 'MISSING' });
      continue;
    }
    const out: Record<string, unknown> = {
      serviceRevisionArn: rev.serviceRevisionArn,
      serviceArn: svc.serviceArn,
      clusterArn: svc.clusterArn,
      taskDefinition: rev.taskDefinition,
      launchType: rev.launchType,
      loadBalancers: rev.loadBalancers,
      serviceRegistries: [],
      createdAt: rev.createdAt,
      guardDutyEnabled: false,
    };
    if (rev.launchType === 'FARGATE') out.platformVersion = '1.4.0';
    if (rev.networkConfiguration) out.networkConfiguration = rev.networkConfiguration;
    if (rev.loadBalancers.some((lb) => lb.advancedConfiguration))
      out.resolvedConfiguration = {
        loadBalancers: rev.resolvedLoadBalancers.map((lb, i) => ({
          targetGroupArn: lb.targetGroupArn,
          productionListenerRule: rev.loadBalancers[i]?.advancedConfiguration?.productionListenerRule,
        })),
      };
    serviceRevisions.push(out);
  }
  return { serviceRevisions, failures };
}

function stopServiceDeployment(ctx: Ctx, input: Input) {
  const arn = str(input.serviceDeploymentArn);
  if (!arn) throw invalidParameter('serviceDeploymentArn can not be blank.');
  const stopType = str(input.stopType) ?? 'ROLLBACK';
  if (stopType !== 'ROLLBACK' && stopType !== 'ABORT')
    throw invalidParameter(`Invalid stopType '${stopType}'. Valid values are ABORT, ROLLBACK.`);
  if (stopType === 'ABORT')
    throw invalidParameter('The stopType ABORT is not supported. The valid values are ROLLBACK.');
  const hit = findByArn(ctx, arn);
  if (!hit)
    throw new ApiError('ServiceDeploymentNotFoundException', 'The service deployment does not exist.');
  const { svc, rec } = hit;
  if (
    rec.status === 'ROLLBACK_REQUESTED' ||
    rec.status === 'ROLLBACK_IN_PROGRESS' ||
    rec.status === 'STOP_REQUESTED'
  )
    return { serviceDeploymentArn: arn };
  if (rec.status !== 'PENDING' && rec.status !== 'IN_PROGRESS')
    throw new ApiError(
      'ConflictException',
      `The service deployment is in the ${rec.status} state and can't be stopped.`,
    );
  const back = rec.native?.blueDeploymentId
    ? svc.deployments.find((d) => d.id === rec.native?.blueDeploymentId)
    : undefined;
  const previous = back?.serviceRevisionArn ? { arn: back.serviceRevisionArn, id: back.id } : null;
  const done = lastCompleted(svc);
  const target = previous ?? (done ? { arn: done.revision.serviceRevisionArn, id: done.deploymentId } : null);
  if (!target || target.arn === rec.targetServiceRevisionArn)
    throw new ApiError('ConflictException', 'There is no previous service revision to roll back to.');
  const stage = rec.native
    ? { atStage: rec.native.stage, step: rec.native.step, steps: rec.native.steps }
    : {};
  patchRecord(ctx, svc, arn, {
    status: 'ROLLBACK_REQUESTED',
    statusReason: 'Service deployment rollback requested by user.',
    rollback: {
      reason: 'Service deployment rolled back because of a stop request (StopServiceDeployment).',
      startedAt: ctx.now,
      serviceRevisionArn: target.arn,
      deploymentId: target.id,
      trigger: 'StopServiceDeployment',
      ...stage,
    },
  });
  ctx.emit('deployment/stopRequested', { serviceName: svc.serviceName, serviceDeploymentArn: arn, stopType });
  return { serviceDeploymentArn: arn };
}

export const serviceDeploymentHandlers = {
  'ecs:ListServiceDeployments': listServiceDeployments,
  'ecs:DescribeServiceDeployments': describeServiceDeployments,
  'ecs:DescribeServiceRevisions': describeServiceRevisions,
  'ecs:StopServiceDeployment': stopServiceDeployment,
};
