/**
 * The state goals of goals.ts: what the world looks like now (instances joined, task definitions, tasks and
 * services and where they run, draining, deployments, target health, listener weights, alias routing).
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html. Pure reads of the state.
 */
import { findAmi, instanceTypeInfo, registeredCpu, registeredMemory } from '../ec2/catalog.ts';
import { isTaskHealthyForService } from '../ecs/elb-ecs.ts';
import { evaluateQuery, parseQuery } from '../ecs/query-language.ts';
import { Ctx } from '../sim/ctx.ts';
import { own } from '../sim/records.ts';
import type { Service, SimState, Task } from '../sim/types.ts';
import type { GoalMissing } from './goal-missing.ts';
import { deploymentStatus, forwardShare } from './goal-renovations.ts';
import type { GoalCheck, GoalProgress } from './goals.ts';

export type Result = Omit<GoalProgress, 'id' | 'unit'>;

export const atLeast = (have: number, need: number, missing?: GoalMissing): Result =>
  missing === undefined || have >= need
    ? { done: have >= need, have, need }
    : { done: false, have, need, missing };

function serviceNamed(s: SimState, name: string): Service | undefined {
  return s.services.values().find((x) => x.serviceName === name && x.status === 'ACTIVE');
}

function runningTasksOf(s: SimState, name: string): Task[] {
  return s.tasks
    .values()
    .filter((t) => t.serviceName === name && t.desiredStatus === 'RUNNING' && t.lastStatus === 'RUNNING');
}

const revisionOf = (arn: string): number => Number(arn.slice(arn.lastIndexOf(':') + 1));

function clusterArnNamed(s: SimState, name: string): string | undefined {
  return Object.values(s.clusters).find((c) => c.clusterName === name && c.status === 'ACTIVE')?.clusterArn;
}

function noService(name: string, need: number): Result {
  return { done: false, have: 0, need, missing: { kind: 'noService', service: name } };
}

/** Progress of a state goal; null for a trajectory goal. */
export function evaluateState(c: GoalCheck, s: SimState): Result | null {
  switch (c.kind) {
    case 'instanceInRegion': {
      const n = s.instances
        .values()
        .filter(
          (i) =>
            i.region === c.region &&
            (i.state === 'running' || i.state === 'pending') &&
            (c.zone === undefined || i.availabilityZone === c.zone),
        ).length;
      return atLeast(n, c.atLeast ?? 1, { kind: 'noRunningInstance', where: c.zone ?? c.region });
    }
    case 'instancesJoined': {
      const arn = clusterArnNamed(s, c.cluster);
      const joined = s.containerInstances.values().filter((ci) => {
        if (ci.clusterArn !== arn || ci.status !== 'ACTIVE') return false;
        const i = s.instances.get(ci.ec2InstanceId);
        if (i?.state !== 'running') return false;
        if (c.instanceType !== undefined && i.instanceType !== c.instanceType) return false;
        return c.ami === undefined || findAmi(i.region, i.imageId)?.key === c.ami;
      });
      if (arn === undefined)
        return { done: false, have: 0, need: c.atLeast, missing: { kind: 'noCluster', cluster: c.cluster } };
      const zones = new Set(joined.map((ci) => ci.attributes['ecs.availability-zone'])).size;
      if (c.zones !== undefined) {
        const done = zones >= c.zones && joined.length >= c.atLeast;
        const missing: GoalMissing = { kind: 'instancesInZones', instances: joined.length, zones };
        return done ? { done, have: zones, need: c.zones } : { done, have: zones, need: c.zones, missing };
      }
      return atLeast(joined.length, c.atLeast, {
        kind: 'instancesJoined',
        instances: joined.length,
        cluster: c.cluster,
      });
    }
    case 'instanceNotJoined': {
      const n = s.instances
        .values()
        .filter((i) => i.state === 'running' && !i.hasAgent && i.containerInstanceArn === null).length;
      return atLeast(n, c.atLeast ?? 1, { kind: 'noBareInstance' });
    }
    case 'instancesAtMost': {
      const arn = clusterArnNamed(s, c.cluster);
      const n = s.instances.values().filter((i) => {
        if (i.state !== 'running' && i.state !== 'pending') return false;
        const ci = i.containerInstanceArn ? s.containerInstances.get(i.containerInstanceArn) : undefined;
        return ci !== undefined && ci.clusterArn === arn && ci.status !== 'INACTIVE';
      }).length;
      const done = n <= c.max;
      return done
        ? { done, have: n, need: c.max }
        : {
            done,
            have: n,
            need: c.max,
            missing: { kind: 'tooManyInstances', instances: n, cluster: c.cluster },
          };
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
        missing:
          best === 0
            ? { kind: 'noRevision', family: c.family }
            : { kind: 'revisionMismatch', family: c.family, revision: best },
      };
    }
    case 'tasksRunning': {
      const n = s.tasks.values().filter((t) => {
        if (t.lastStatus !== 'RUNNING' || t.desiredStatus !== 'RUNNING') return false;
        if (c.standalone && t.serviceName !== null) return false;
        if (c.startedBy !== undefined && t.startedBy !== c.startedBy) return false;
        if (c.launchType !== undefined && t.launchType !== c.launchType) return false;
        return c.family === undefined || s.taskDefinitions[t.taskDefinitionArn]?.family === c.family;
      }).length;
      return atLeast(n, c.atLeast, { kind: 'tasksRunning', running: n, need: c.atLeast });
    }
    case 'serviceRunning': {
      // A service of that name in the goal's region when it names one (each region has its own services).
      const svc = s.services
        .values()
        .find(
          (x) =>
            x.serviceName === c.service &&
            x.status === 'ACTIVE' &&
            (c.region === undefined || x.region === c.region),
        );
      if (!svc) return noService(c.service, c.count);
      const n = runningTasksOf(s, c.service).filter(
        (t) =>
          (c.region === undefined || t.region === c.region) &&
          (c.revision === undefined || revisionOf(t.taskDefinitionArn) === c.revision) &&
          (c.launchType === undefined || t.launchType === c.launchType),
      ).length;
      return atLeast(n, c.count, { kind: 'serviceRunning', running: n, desired: svc.desiredCount });
    }
    case 'serviceDistinctInstances': {
      if (!serviceNamed(s, c.service)) return noService(c.service, c.count);
      const n = new Set(runningTasksOf(s, c.service).map((t) => t.containerInstanceArn ?? t.taskArn)).size;
      return atLeast(n, c.count, { kind: 'distinctInstances', instances: n });
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
          missing: { kind: 'tasksRunning', running: tasks.length, need: c.count },
        };
      return atLeast(n, c.zones, { kind: 'serviceZones', zones: n });
    }
    case 'serviceMaxInstances': {
      if (!serviceNamed(s, c.service)) return noService(c.service, c.count);
      const tasks = runningTasksOf(s, c.service);
      const hosts = new Set(tasks.map((t) => t.containerInstanceArn ?? t.taskArn)).size;
      const done = tasks.length >= c.count && hosts <= c.maxInstances;
      const missing: GoalMissing = {
        kind: 'tasksOnHosts',
        running: tasks.length,
        need: c.count,
        hosts,
        maxInstances: c.maxInstances,
      };
      return done
        ? { done, have: tasks.length, need: c.count }
        : { done, have: tasks.length, need: c.count, missing };
    }
    case 'serviceOnMatching': {
      if (!serviceNamed(s, c.service)) return noService(c.service, c.count);
      const parsed = parseQuery(c.expression);
      if ('error' in parsed) {
        const missing: GoalMissing = {
          kind: 'queryInvalid',
          expression: c.expression,
          message: parsed.error,
        };
        return { done: false, have: 0, need: c.count, missing };
      }
      const tasks = runningTasksOf(s, c.service);
      const matching = tasks.filter((t) => {
        const ci = t.containerInstanceArn ? s.containerInstances.get(t.containerInstanceArn) : undefined;
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
      const missing: GoalMissing = {
        kind: 'tasksOnMatching',
        matching,
        running: tasks.length,
        expression: c.expression,
      };
      return done
        ? { done, have: matching, need: c.count }
        : { done, have: matching, need: c.count, missing };
    }
    case 'instanceDrained': {
      const arn = clusterArnNamed(s, c.cluster);
      const busy = new Set<string>();
      for (const t of s.tasks.values())
        if (t.lastStatus !== 'STOPPED' && t.containerInstanceArn) busy.add(t.containerInstanceArn);
      const draining = s.containerInstances
        .values()
        .filter((ci) => ci.clusterArn === arn && ci.status === 'DRAINING');
      const drained = draining.filter((ci) => !busy.has(ci.containerInstanceArn)).length;
      const missing: GoalMissing =
        draining.length === 0
          ? { kind: 'noneDraining' }
          : { kind: 'drainingBusy', instances: draining.length - drained };
      return atLeast(drained, c.atLeast ?? 1, missing);
    }
    case 'deploymentCompleted': {
      const svc = serviceNamed(s, c.service);
      if (!svc) return noService(c.service, 1);
      const primary = svc.deployments.find((d) => d.status === 'PRIMARY');
      const rev = primary ? revisionOf(primary.taskDefinition) : 0;
      const done =
        rev === c.revision && primary?.rolloutState === 'COMPLETED' && svc.deployments.length === 1;
      if (done) return { done, have: 1, need: 1 };
      const missing: GoalMissing = primary
        ? { kind: 'primaryDeployment', revision: rev, rolloutState: primary.rolloutState }
        : { kind: 'noPrimaryDeployment' };
      return { done: false, have: 0, need: 1, missing };
    }
    case 'targetsHealthy': {
      const tg = Object.values(s.elb.targetGroups).find((g) => g.TargetGroupName === c.targetGroup);
      if (!tg)
        return {
          done: false,
          have: 0,
          need: c.count,
          missing: { kind: 'noTargetGroup', targetGroup: c.targetGroup },
        };
      const n = Object.values(tg.targets).filter((t) => t.state === 'healthy').length;
      return atLeast(n, c.count, { kind: 'healthyTargets', healthy: n, targetGroup: c.targetGroup });
    }
    case 'listenerForwards': {
      const want = c.weight ?? 100;
      const tg = Object.values(s.elb.targetGroups).find((g) => g.TargetGroupName === c.targetGroup);
      const listener = Object.values(s.elb.listeners).find((l) => l.Port === c.port);
      if (!tg || !listener)
        return { done: false, have: 0, need: want, missing: { kind: 'noListener', port: c.port } };
      const share = forwardShare(listener.DefaultActions, tg.TargetGroupArn);
      return {
        done: share === want,
        have: share,
        need: want,
        ...(share === want
          ? {}
          : {
              missing: { kind: 'listenerShare', port: c.port, percent: share, targetGroup: c.targetGroup },
            }),
      };
    }
    case 'aliasRouting': {
      const fn = Object.values(s.lambda.functions).find((f) => f.FunctionName === c.functionName);
      const alias = fn ? own(fn.aliases, c.alias) : undefined;
      if (!alias) return { done: false, have: 0, need: 1, missing: { kind: 'noAlias', alias: c.alias } };
      const extra = Object.keys(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).length;
      const done = alias.FunctionVersion === c.version && extra === 0;
      if (done) return { done, have: 1, need: 1 };
      return {
        done,
        have: 0,
        need: 1,
        missing: { kind: 'aliasVersion', alias: c.alias, version: alias.FunctionVersion },
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
      const missing: GoalMissing = last
        ? { kind: 'aliasDeployment', version: c.version, status: last.status, reason: last.reason || null }
        : { kind: 'noAliasDeployment', version: c.version, alias: c.alias };
      return { done: false, have: 0, need: 1, missing };
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
      const missing: GoalMissing = {
        kind: 'healthyTasks',
        healthy,
        revision: c.revision ?? null,
        desired: svc.desiredCount,
      };
      return done ? { done, have: healthy, need: c.count } : { done, have: healthy, need: c.count, missing };
    }
    case 'serviceDeploymentStatus': {
      const svc = serviceNamed(s, c.service);
      return svc ? deploymentStatus(svc, c) : noService(c.service, 1);
    }
    case 'noInstances': {
      const n = s.instances.values().filter((i) => i.state === 'running' || i.state === 'pending').length;
      return n === 0
        ? { done: true, have: 0, need: 0 }
        : { done: false, have: n, need: 0, missing: { kind: 'instancesStillRunning', instances: n } };
    }
    default:
      return null;
  }
}
