/**
 * The state goals of goals.ts: what the world looks like now (instances joined, task definitions,
 * tasks and services and where they run, draining, deployments, target health, listener weights,
 * alias routing). Source: ecs-rules.md 2, 3, 5, 6, 7, 9. Pure reads of the state.
 */
import { findAmi, instanceTypeInfo, registeredCpu, registeredMemory } from '../ec2/catalog.ts';
import { isTaskHealthyForService } from '../ecs/elb-ecs.ts';
import { evaluateQuery, parseQuery } from '../ecs/query-language.ts';
import { Ctx } from '../sim/ctx.ts';
import type { Service, SimState, Task } from '../sim/types.ts';
import { deploymentStatus, forwardShare } from './goal-renovations.ts';
import type { GoalCheck, GoalProgress } from './goals.ts';

export type Result = Omit<GoalProgress, 'id'>;

export const atLeast = (have: number, need: number, detail?: string): Result =>
  detail === undefined || have >= need
    ? { done: have >= need, have, need }
    : { done: false, have, need, detail };

function serviceNamed(s: SimState, name: string): Service | undefined {
  return Object.values(s.services).find((x) => x.serviceName === name && x.status === 'ACTIVE');
}

function runningTasksOf(s: SimState, name: string): Task[] {
  return Object.values(s.tasks).filter(
    (t) => t.serviceName === name && t.desiredStatus === 'RUNNING' && t.lastStatus === 'RUNNING',
  );
}

const revisionOf = (arn: string): number => Number(arn.slice(arn.lastIndexOf(':') + 1));

function clusterArnNamed(s: SimState, name: string): string | undefined {
  return Object.values(s.clusters).find((c) => c.clusterName === name && c.status === 'ACTIVE')?.clusterArn;
}

function noService(name: string, need: number): Result {
  return { done: false, have: 0, need, detail: `Service ${name} not found (ServiceNotFoundException).` };
}

/** Progress of a state goal; null for a trajectory goal. */
export function evaluateState(c: GoalCheck, s: SimState): Result | null {
  switch (c.kind) {
    case 'instanceInRegion': {
      const n = Object.values(s.instances).filter(
        (i) =>
          i.region === c.region &&
          (i.state === 'running' || i.state === 'pending') &&
          (c.zone === undefined || i.availabilityZone === c.zone),
      ).length;
      return atLeast(n, c.atLeast ?? 1, `No running instance in ${c.zone ?? c.region} yet.`);
    }
    case 'instancesJoined': {
      const arn = clusterArnNamed(s, c.cluster);
      const joined = Object.values(s.containerInstances).filter((ci) => {
        if (ci.clusterArn !== arn || ci.status !== 'ACTIVE') return false;
        const i = s.instances[ci.ec2InstanceId];
        if (i?.state !== 'running') return false;
        if (c.instanceType !== undefined && i.instanceType !== c.instanceType) return false;
        return c.ami === undefined || findAmi(i.region, i.imageId)?.key === c.ami;
      });
      if (arn === undefined)
        return { done: false, have: 0, need: c.atLeast, detail: `Cluster ${c.cluster} not found.` };
      const zones = new Set(joined.map((ci) => ci.attributes['ecs.availability-zone'])).size;
      if (c.zones !== undefined) {
        const done = zones >= c.zones && joined.length >= c.atLeast;
        const detail = `${joined.length} ACTIVE container instances in ${zones} Availability Zone${zones === 1 ? '' : 's'}.`;
        return done ? { done, have: zones, need: c.zones } : { done, have: zones, need: c.zones, detail };
      }
      return atLeast(
        joined.length,
        c.atLeast,
        `${joined.length} ACTIVE container instances in ${c.cluster}.`,
      );
    }
    case 'instanceNotJoined': {
      const n = Object.values(s.instances).filter(
        (i) => i.state === 'running' && !i.hasAgent && i.containerInstanceArn === null,
      ).length;
      return atLeast(n, c.atLeast ?? 1, 'No running instance without the ECS agent.');
    }
    case 'instancesAtMost': {
      const arn = clusterArnNamed(s, c.cluster);
      const n = Object.values(s.instances).filter((i) => {
        if (i.state !== 'running' && i.state !== 'pending') return false;
        const ci = i.containerInstanceArn ? s.containerInstances[i.containerInstanceArn] : undefined;
        return ci !== undefined && ci.clusterArn === arn && ci.status !== 'INACTIVE';
      }).length;
      const done = n <= c.max;
      return done
        ? { done, have: n, need: c.max }
        : { done, have: n, need: c.max, detail: `${n} instances running in ${c.cluster}.` };
    }
    case 'taskDefinition': {
      const revs = Object.values(s.taskDefinitions).filter(
        (td) => td.family === c.family && td.status === 'ACTIVE',
      );
      const ok = revs.filter((td) => {
        if (c.containers !== undefined && td.containerDefinitions.length !== c.containers) return false;
        if (c.minRevision !== undefined && td.revision < c.minRevision) return false;
        if (c.fitsInstanceType === undefined) return true;
        const info = instanceTypeInfo(c.fitsInstanceType);
        if (!info) return false;
        const cpu = Number(td.cpu ?? td.containerDefinitions.reduce((a, d) => a + d.cpu, 0));
        const mem = Number(
          td.memory ??
            td.containerDefinitions.reduce((a, d) => a + (d.memory ?? d.memoryReservation ?? 0), 0),
        );
        return cpu <= registeredCpu(info) && mem <= registeredMemory(info);
      });
      const best = revs.reduce((m, td) => Math.max(m, td.revision), 0);
      if (ok.length > 0) return { done: true, have: 1, need: 1 };
      return {
        done: false,
        have: 0,
        need: 1,
        detail: best === 0 ? `No ACTIVE revision of ${c.family}.` : `${c.family}:${best} does not match yet.`,
      };
    }
    case 'tasksRunning': {
      const n = Object.values(s.tasks).filter((t) => {
        if (t.lastStatus !== 'RUNNING' || t.desiredStatus !== 'RUNNING') return false;
        if (c.standalone && t.serviceName !== null) return false;
        if (c.startedBy !== undefined && t.startedBy !== c.startedBy) return false;
        if (c.launchType !== undefined && t.launchType !== c.launchType) return false;
        return c.family === undefined || s.taskDefinitions[t.taskDefinitionArn]?.family === c.family;
      }).length;
      return atLeast(n, c.atLeast, `${n} of ${c.atLeast} tasks RUNNING.`);
    }
    case 'serviceRunning': {
      const svc = serviceNamed(s, c.service);
      if (!svc) return noService(c.service, c.count);
      const n = runningTasksOf(s, c.service).filter(
        (t) =>
          (c.revision === undefined || revisionOf(t.taskDefinitionArn) === c.revision) &&
          (c.launchType === undefined || t.launchType === c.launchType),
      ).length;
      return atLeast(n, c.count, `runningCount ${n}, desiredCount ${svc.desiredCount}.`);
    }
    case 'serviceDistinctInstances': {
      if (!serviceNamed(s, c.service)) return noService(c.service, c.count);
      const n = new Set(runningTasksOf(s, c.service).map((t) => t.containerInstanceArn ?? t.taskArn)).size;
      return atLeast(n, c.count, `Tasks on ${n} distinct container instances.`);
    }
    case 'serviceZones': {
      if (!serviceNamed(s, c.service)) return noService(c.service, c.zones);
      const tasks = runningTasksOf(s, c.service);
      const n = new Set(tasks.map((t) => t.availabilityZone)).size;
      if (c.count !== undefined && tasks.length < c.count)
        return {
          done: false,
          have: n,
          need: c.zones,
          detail: `${tasks.length} of ${c.count} tasks RUNNING.`,
        };
      return atLeast(n, c.zones, `Tasks in ${n} Availability Zones.`);
    }
    case 'serviceMaxInstances': {
      if (!serviceNamed(s, c.service)) return noService(c.service, c.count);
      const tasks = runningTasksOf(s, c.service);
      const hosts = new Set(tasks.map((t) => t.containerInstanceArn ?? t.taskArn)).size;
      const done = tasks.length >= c.count && hosts <= c.maxInstances;
      const detail = `${tasks.length} of ${c.count} tasks RUNNING on ${hosts} container instances (at most ${c.maxInstances}).`;
      return done
        ? { done, have: tasks.length, need: c.count }
        : { done, have: tasks.length, need: c.count, detail };
    }
    case 'serviceOnMatching': {
      if (!serviceNamed(s, c.service)) return noService(c.service, c.count);
      const parsed = parseQuery(c.expression);
      if ('error' in parsed) return { done: false, have: 0, need: c.count, detail: parsed.error };
      const tasks = runningTasksOf(s, c.service);
      const matching = tasks.filter((t) => {
        const ci = t.containerInstanceArn ? s.containerInstances[t.containerInstanceArn] : undefined;
        if (!ci) return false;
        return evaluateQuery(parsed.ast, {
          attributes: ci.attributes,
          agentConnected: ci.agentConnected,
          agentVersion: ci.agentVersion,
          ec2InstanceId: ci.ec2InstanceId,
          registeredAt: ci.registeredAt,
          runningTasksCount: 0,
          taskGroups: [],
        });
      }).length;
      const done = matching >= c.count && matching === tasks.length;
      const detail = `${matching} of ${tasks.length} RUNNING tasks on instances matching ${c.expression}.`;
      return done ? { done, have: matching, need: c.count } : { done, have: matching, need: c.count, detail };
    }
    case 'instanceDrained': {
      const arn = clusterArnNamed(s, c.cluster);
      const busy = new Set<string>();
      for (const t of Object.values(s.tasks))
        if (t.lastStatus !== 'STOPPED' && t.containerInstanceArn) busy.add(t.containerInstanceArn);
      const draining = Object.values(s.containerInstances).filter(
        (ci) => ci.clusterArn === arn && ci.status === 'DRAINING',
      );
      const drained = draining.filter((ci) => !busy.has(ci.containerInstanceArn)).length;
      const detail =
        draining.length === 0
          ? 'No container instance is DRAINING.'
          : `${draining.length - drained} DRAINING instances still run tasks.`;
      return atLeast(drained, c.atLeast ?? 1, detail);
    }
    case 'deploymentCompleted': {
      const svc = serviceNamed(s, c.service);
      if (!svc) return noService(c.service, 1);
      const primary = svc.deployments.find((d) => d.status === 'PRIMARY');
      const rev = primary ? revisionOf(primary.taskDefinition) : 0;
      const done =
        rev === c.revision && primary?.rolloutState === 'COMPLETED' && svc.deployments.length === 1;
      if (done) return { done, have: 1, need: 1 };
      const detail = primary
        ? `PRIMARY deployment on revision ${rev}, rolloutState ${primary.rolloutState}.`
        : 'No PRIMARY deployment.';
      return { done: false, have: 0, need: 1, detail };
    }
    case 'targetsHealthy': {
      const tg = Object.values(s.elb.targetGroups).find((g) => g.TargetGroupName === c.targetGroup);
      if (!tg)
        return { done: false, have: 0, need: c.count, detail: `Target group ${c.targetGroup} not found.` };
      const n = Object.values(tg.targets).filter((t) => t.state === 'healthy').length;
      return atLeast(n, c.count, `${n} healthy targets in ${c.targetGroup}.`);
    }
    case 'listenerForwards': {
      const want = c.weight ?? 100;
      const tg = Object.values(s.elb.targetGroups).find((g) => g.TargetGroupName === c.targetGroup);
      const listener = Object.values(s.elb.listeners).find((l) => l.Port === c.port);
      if (!tg || !listener)
        return { done: false, have: 0, need: want, detail: `No listener on port ${c.port} yet.` };
      const share = forwardShare(listener.DefaultActions, tg.TargetGroupArn);
      return {
        done: share === want,
        have: share,
        need: want,
        ...(share === want ? {} : { detail: `Port ${c.port} forwards ${share}% to ${c.targetGroup}.` }),
      };
    }
    case 'aliasRouting': {
      const fn = Object.values(s.lambda.functions).find((f) => f.FunctionName === c.functionName);
      const alias = fn?.aliases[c.alias];
      if (!alias) return { done: false, have: 0, need: 1, detail: `Alias ${c.alias} not found.` };
      const extra = Object.keys(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).length;
      const done = alias.FunctionVersion === c.version && extra === 0;
      if (done) return { done, have: 1, need: 1 };
      return {
        done,
        have: 0,
        need: 1,
        detail: `Alias ${c.alias} points to version ${alias.FunctionVersion}.`,
      };
    }
    case 'aliasDeployment': {
      const runs = Object.values(s.lambda.deployers).filter(
        (d) => d.functionName === c.functionName && d.aliasName === c.alias && d.newVersion === c.version,
      );
      const last = runs.reduce<(typeof runs)[number] | undefined>(
        (a, d) => (!a || d.startedAt >= a.startedAt ? d : a),
        undefined,
      );
      if (last?.status === c.status) return { done: true, have: 1, need: 1 };
      const detail = last
        ? `Deployment of version ${c.version} is ${last.status}${last.reason ? `: ${last.reason}` : ''}.`
        : `No deployment of version ${c.version} to alias ${c.alias} yet.`;
      return { done: false, have: 0, need: 1, detail };
    }
    case 'serviceHealthy': {
      const svc = serviceNamed(s, c.service);
      if (!svc) return noService(c.service, c.count);
      const ctx = new Ctx(s, s.defaultRegion);
      const tasks = runningTasksOf(s, c.service).filter(
        (t) => c.revision === undefined || revisionOf(t.taskDefinitionArn) === c.revision,
      );
      const healthy = tasks.filter((t) => isTaskHealthyForService(ctx, t)).length;
      const done = healthy >= c.count && svc.desiredCount === c.count;
      const detail = `${healthy} healthy tasks${c.revision === undefined ? '' : ` of revision ${c.revision}`}, desiredCount ${svc.desiredCount}.`;
      return done ? { done, have: healthy, need: c.count } : { done, have: healthy, need: c.count, detail };
    }
    case 'serviceDeploymentStatus': {
      const svc = serviceNamed(s, c.service);
      return svc ? deploymentStatus(svc, c) : noService(c.service, 1);
    }
    case 'noInstances': {
      const n = Object.values(s.instances).filter(
        (i) => i.state === 'running' || i.state === 'pending',
      ).length;
      return n === 0
        ? { done: true, have: 0, need: 0 }
        : { done: false, have: n, need: 0, detail: `${n} EC2 instances running.` };
    }
    default:
      return null;
  }
}
