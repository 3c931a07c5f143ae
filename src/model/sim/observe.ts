/**
 * A cheap, pure snapshot of what trajectory goals and views watch, taken after any tick:
 *
 * - services (key `${clusterArn}|${serviceName}`): desired, running and healthy task counts (healthy
 *   as the scheduler counts it: isTaskHealthyForService), and running/healthy per revision
 *   (task definition ARN);
 * - listeners (key listener ARN): the weights set on the matched forward action, in percent of the
 *   action's total (summing to 100), and the shares travelers actually took in the last closed
 *   one-minute window (null before the first window closes);
 * - totals: requests and errors since the world began per revision (task definition ARN) and per
 *   Lambda version (`${functionArn}:${version}`);
 * - alarms: StateValue by alarm name.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html. The campaign folds one Observation
 * per tick ("never fewer than 2 healthy during the deployment", "traffic back on blue within 60 s of the
 * alarm"). Cost is O(tasks + listeners + alarms); nothing is written.
 */

import { isTaskHealthyForService } from '../ecs/elb-ecs.ts';
import { listenerShares } from '../elbv2/elb-routing.ts';
import { Ctx } from './ctx.ts';
import { serviceKey } from './indexes.ts';
import { setOwn } from './records.ts';
import type { SimState } from './types.ts';

export interface RevisionCounts {
  running: number;
  healthy: number;
}

export interface ServiceObservation {
  clusterArn: string;
  serviceName: string;
  desired: number;
  running: number;
  healthy: number;
  /** By task definition ARN. */
  byRevision: Record<string, RevisionCounts>;
}

export interface ListenerObservation {
  /** Percent of the listener's traffic each target group is set to receive (sums to 100, or empty). */
  weights: Record<string, number>;
  /** Share (0..1) of the last closed minute's requests each target group received; null before one closed. */
  actual: Record<string, number> | null;
  /** Requests and failures (target 5xx and the load balancer's own 503s) of that minute. */
  lastWindow: { t: number; requests: number; errors: number; elb5xx: number } | null;
}

export interface Observation {
  now: number;
  services: Record<string, ServiceObservation>;
  listeners: Record<string, ListenerObservation>;
  totals: Record<string, { requests: number; errors: number }>;
  alarms: Record<string, 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'>;
}

export function observe(s: SimState): Observation {
  const ctx = new Ctx(s, s.defaultRegion);
  const services: Record<string, ServiceObservation> = {};
  for (const svc of s.services.values()) {
    if (svc.status === 'INACTIVE') continue;
    services[serviceKey(svc.clusterArn, svc.serviceName)] = {
      clusterArn: svc.clusterArn,
      serviceName: svc.serviceName,
      desired: svc.desiredCount,
      running: 0,
      healthy: 0,
      byRevision: {},
    };
  }
  for (const t of s.tasks.values()) {
    if (!t.serviceName || t.lastStatus !== 'RUNNING') continue;
    const o = services[serviceKey(t.clusterArn, t.serviceName)];
    if (!o) continue;
    const healthy = isTaskHealthyForService(ctx, t);
    const rev = o.byRevision[t.taskDefinitionArn] ?? { running: 0, healthy: 0 };
    o.byRevision[t.taskDefinitionArn] = {
      running: rev.running + 1,
      healthy: rev.healthy + (healthy ? 1 : 0),
    };
    o.running++;
    if (healthy) o.healthy++;
  }
  const listeners: Record<string, ListenerObservation> = {};
  for (const arn of Object.keys(s.elb.listeners)) {
    const weights: Record<string, number> = {};
    for (const g of listenerShares(s, arn)) weights[g.targetGroupArn] = Math.round(g.share * 1e6) / 1e4;
    const w = s.traffic.sourceLast[arn];
    let actual: Record<string, number> | null = null;
    if (w && w.requests > 0) {
      actual = {};
      for (const [tg, n] of Object.entries(w.byGroup)) actual[tg] = n / w.requests;
    }
    listeners[arn] = {
      weights,
      actual,
      lastWindow: w ? { t: w.t, requests: w.requests, errors: w.errors, elb5xx: w.elb5xx } : null,
    };
  }
  const alarms: Observation['alarms'] = {};
  for (const [name, a] of Object.entries(s.cloudwatch.alarms)) setOwn(alarms, name, a.StateValue);
  return { now: s.now, services, listeners, totals: s.traffic.totals, alarms };
}

export { serviceKey };
