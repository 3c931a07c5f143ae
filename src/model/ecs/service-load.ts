/**
 * Load that means something: the requests a service's tasks serve cost them CPU and memory, published once
 * a minute as AWS/ECS CPUUtilization and MemoryUtilization per service (dimensions ClusterName,
 * ServiceName) and per cluster (ClusterName)
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html: a service's
 * utilization is the CPU or memory its tasks use divided by what they reserve; a cluster's is what its tasks
 * use divided by what its container instances registered).
 *
 * The formula, deterministic and per RUNNING task, with r = the service's requests in the last minute / 60 /
 * its RUNNING tasks (the load balancer spreads its requests evenly):
 *   CPU used    = min(reserved CPU,    IDLE_CPU_SHARE    x reserved CPU    + r x CPU_UNITS_PER_RPS)
 *   memory used = min(reserved memory, IDLE_MEMORY_SHARE x reserved memory + r x MEMORY_MIB_PER_RPS)
 * A 256-unit task idles at 5% and is full at about 60 requests a second. Standalone tasks and services
 * without travelers only idle.
 *
 * Simplifications: one datapoint per minute (AWS also publishes one-minute metrics), written at the
 * minute's last second from the tasks RUNNING then; a task without a task-level CPU reservation counts as
 * MIN_CPU_UNITS; utilization never exceeds 100% (tasks are held to their reservation).
 */
import { putSample } from '../cloudwatch/metrics.ts';
import type { Ctx } from '../sim/ctx.ts';
import { serviceKey } from '../sim/indexes.ts';
import type { Task } from '../sim/types.ts';

export const IDLE_CPU_SHARE = 0.05;
export const CPU_UNITS_PER_RPS = 4;
export const IDLE_MEMORY_SHARE = 0.25;
export const MEMORY_MIB_PER_RPS = 1;
export const MIN_CPU_UNITS = 128;
const NS = 'AWS/ECS';

interface Use {
  cpuUsed: number;
  cpuReserved: number;
  memUsed: number;
  memReserved: number;
}

const empty = (): Use => ({ cpuUsed: 0, cpuReserved: 0, memUsed: 0, memReserved: 0 });

/** What one task uses at `rps` requests a second. */
export function taskUse(task: Pick<Task, 'cpu' | 'memory'>, rps: number): Use {
  const cpu = Math.max(task.cpu, MIN_CPU_UNITS);
  const mem = Math.max(task.memory, 1);
  return {
    cpuUsed: Math.min(cpu, IDLE_CPU_SHARE * cpu + rps * CPU_UNITS_PER_RPS),
    cpuReserved: cpu,
    memUsed: Math.min(mem, IDLE_MEMORY_SHARE * mem + rps * MEMORY_MIB_PER_RPS),
    memReserved: mem,
  };
}

function add(into: Use, u: Use): void {
  into.cpuUsed += u.cpuUsed;
  into.cpuReserved += u.cpuReserved;
  into.memUsed += u.memUsed;
  into.memReserved += u.memReserved;
}

function clusterUse(clusters: Map<string, Use>, arn: string): Use {
  const c = clusters.get(arn);
  if (c) return c;
  const fresh = empty();
  clusters.set(arn, fresh);
  return fresh;
}

const pct = (used: number, of: number): number => Math.round((10000 * used) / of) / 100;

function put(ctx: Ctx, dims: Record<string, string>, cpu: number, mem: number): void {
  putSample(ctx, NS, 'CPUUtilization', dims, { sum: cpu, count: 1, min: cpu, max: cpu });
  putSample(ctx, NS, 'MemoryUtilization', dims, { sum: mem, count: 1, min: mem, max: mem });
}

/** Publishes the minute's utilization (at the minute's last second), then starts counting anew. */
export function tickServiceLoad(ctx: Ctx): void {
  if (ctx.now % 60 !== 59) return;
  const s = ctx.s;
  const requests = s.traffic.serviceRequests;
  const running = new Map<string, Task[]>();
  const clusters = new Map<string, Use>();
  for (const t of s.tasks.values()) {
    if (t.lastStatus !== 'RUNNING') continue;
    if (t.serviceName !== null) {
      const k = serviceKey(t.clusterArn, t.serviceName);
      const list = running.get(k);
      if (list) list.push(t);
      else running.set(k, [t]);
    } else {
      add(clusterUse(clusters, t.clusterArn), taskUse(t, 0));
    }
  }
  for (const [k, tasks] of running) {
    const first = tasks[0] as Task;
    const cluster = s.clusters[first.clusterArn];
    if (!cluster) continue;
    const rps = (requests[k] ?? 0) / 60 / tasks.length;
    const use = empty();
    for (const t of tasks) add(use, taskUse(t, rps));
    put(
      ctx,
      { ClusterName: cluster.clusterName, ServiceName: first.serviceName as string },
      pct(use.cpuUsed, use.cpuReserved),
      pct(use.memUsed, use.memReserved),
    );
    add(clusterUse(clusters, first.clusterArn), use);
  }
  if (clusters.size > 0) {
    const registered = new Map<string, { cpu: number; mem: number }>();
    for (const ci of s.containerInstances.values()) {
      if (ci.status !== 'ACTIVE' && ci.status !== 'DRAINING') continue;
      const r = registered.get(ci.clusterArn) ?? { cpu: 0, mem: 0 };
      r.cpu += ci.registeredCpu;
      r.mem += ci.registeredMemory;
      registered.set(ci.clusterArn, r);
    }
    for (const [arn, use] of clusters) {
      const cluster = s.clusters[arn];
      if (!cluster) continue;
      const reg = registered.get(arn);
      // A cluster of Fargate tasks only has no registered capacity: its tasks' reservations stand in.
      const cpuOf = reg && reg.cpu > 0 ? reg.cpu : use.cpuReserved;
      const memOf = reg && reg.mem > 0 ? reg.mem : use.memReserved;
      put(ctx, { ClusterName: cluster.clusterName }, pct(use.cpuUsed, cpuOf), pct(use.memUsed, memOf));
    }
  }
  if (Object.keys(requests).length > 0) ctx.setIn('traffic', 'serviceRequests', {});
}
