/**
 * References in level data to things whose ids the simulation mints as it runs (instance ids,
 * container instance ids, task ids come from the seeded PRNG). A solution step names them by what
 * they are, and the reference is resolved against the world at the moment the step is played:
 *
 *   @instance/<zone>/<n>      the EC2 instance id of the n-th instance ever launched in that zone
 *   @ci/<zone>/<n>            the container instance id of that instance
 *   @task/<group>/<n>         the n-th RUNNING task of a task group (service:web, family:web), oldest first
 *   @idle-instance/<cluster>/<n>  the n-th running instance of a cluster that holds no task
 *   @tg/<name>/1              the ARN of the target group of that name
 *   @lb/<name>/1              the ARN of the load balancer of that name
 *   @listener/<lb name>/<port>  the ARN of that load balancer's listener on that port
 *   @rule/<lb name>/<port>      the ARN of that listener's default rule (ECS-native blue/green names it)
 *   @lb-dim/<name>/1            the load balancer's CloudWatch dimension value (app/<name>/<id>)
 *   @tg-dim/<name>/1            the target group's CloudWatch dimension value (targetgroup/<name>/<id>)
 *
 * The references are plain words, so the CLI shows them unquoted in a debrief; `resolveText` turns
 * one into the real id of the player's world. An unresolved reference stays as written (the call
 * then fails with AWS's own "not found" error, which is what a typo would do).
 */

import type { Call, Ec2Instance, SimState } from '../model/index.ts';
import { lbDimension, tgDimension } from '../model/index.ts';

const REF = /@(instance|ci|task|idle-instance|tg|lb|listener|rule|lb-dim|tg-dim)\/([A-Za-z0-9:_-]+)\/(\d+)/g;

function lastSegment(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function resolveOne(s: SimState, kind: string, scope: string, n: number): string | undefined {
  if (kind === 'instance' || kind === 'ci') {
    const i = s.instances.values().find((x) => x.availabilityZone === scope && x.zoneOrdinal === n);
    if (!i) return undefined;
    if (kind === 'instance') return i.instanceId;
    return i.containerInstanceArn ? lastSegment(i.containerInstanceArn) : undefined;
  }
  if (kind === 'tg-dim' || kind === 'lb-dim') {
    const arn = resolveOne(s, kind === 'tg-dim' ? 'tg' : 'lb', scope, n);
    if (arn === undefined) return undefined;
    return kind === 'tg-dim' ? tgDimension(arn) : lbDimension(arn);
  }
  if (kind === 'tg')
    return Object.values(s.elb.targetGroups).find((g) => g.TargetGroupName === scope)?.TargetGroupArn;
  if (kind === 'lb' || kind === 'listener' || kind === 'rule') {
    const lb = Object.values(s.elb.loadBalancers).find((b) => b.LoadBalancerName === scope);
    if (!lb || kind === 'lb') return lb?.LoadBalancerArn;
    const arn = Object.values(s.elb.listeners).find(
      (l) => l.LoadBalancerArn === lb.LoadBalancerArn && l.Port === n,
    )?.ListenerArn;
    if (kind === 'listener' || arn === undefined) return arn;
    return Object.values(s.elb.rules).find((r) => r.listenerArn === arn && r.IsDefault)?.RuleArn;
  }
  if (kind === 'task') {
    const tasks = s.tasks
      .values()
      .filter((t) => t.group === scope && t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING')
      .sort((a, b) => a.createdAt - b.createdAt || (a.taskArn < b.taskArn ? -1 : 1));
    const t = tasks[n - 1];
    return t ? lastSegment(t.taskArn) : undefined;
  }
  const busy = new Set<string>();
  for (const t of s.tasks.values())
    if (t.lastStatus !== 'STOPPED' && t.containerInstanceArn) busy.add(t.containerInstanceArn);
  const idle = s.containerInstances
    .values()
    .filter((ci) => ci.clusterArn.endsWith(`:cluster/${scope}`) && !busy.has(ci.containerInstanceArn))
    .map((ci) => s.instances.get(ci.ec2InstanceId))
    .filter((i): i is Ec2Instance => i !== undefined && i.state === 'running')
    .sort((a, b) =>
      a.availabilityZone === b.availabilityZone
        ? a.zoneOrdinal - b.zoneOrdinal
        : a.availabilityZone < b.availabilityZone
          ? -1
          : 1,
    );
  return idle[n - 1]?.instanceId;
}

/** Replaces every reference in a string with the id it names in this world. */
export function resolveText(text: string, s: SimState): string {
  return text.replace(
    REF,
    (whole, kind: string, scope: string, n: string) => resolveOne(s, kind, scope, Number(n)) ?? whole,
  );
}

/**
 * The n-th instance of a cluster that is gone or going (shutting-down, terminated), zone by zone: in a
 * debrief, the idle instances a line names were terminated by that very line.
 */
function goneInstance(s: SimState, cluster: string, n: number): string | undefined {
  const gone = s.instances
    .values()
    .filter((i) => i.ecsCluster === cluster && (i.state === 'shutting-down' || i.state === 'terminated'))
    .sort((a, b) =>
      a.availabilityZone === b.availabilityZone
        ? a.zoneOrdinal - b.zoneOrdinal
        : a.availabilityZone < b.availabilityZone
          ? -1
          : 1,
    );
  return gone[n - 1]?.instanceId;
}

/**
 * resolveText for a line read after the fact (a debrief's CLI lines, once the level is done): the
 * things a line created or changed still stand, but the idle instances it names were terminated by
 * it, so an idle reference that no longer resolves names the cluster's n-th terminated instance.
 */
export function resolveTextAfter(text: string, s: SimState): string {
  return text.replace(REF, (whole, kind: string, scope: string, n: string) => {
    const found = resolveOne(s, kind, scope, Number(n));
    if (found !== undefined) return found;
    return (kind === 'idle-instance' ? goneInstance(s, scope, Number(n)) : undefined) ?? whole;
  });
}

/** Whether a string holds a reference. */
export function hasRef(text: string): boolean {
  REF.lastIndex = 0;
  const found = REF.test(text);
  REF.lastIndex = 0;
  return found;
}

function resolveValue(v: unknown, s: SimState): unknown {
  if (typeof v === 'string') return resolveText(v, s);
  if (Array.isArray(v)) return v.map((x) => resolveValue(x, s));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveValue(x, s)]));
  return v;
}

/** The call with its references resolved against the world it is about to be played on. */
export function resolveCall(call: Call, s: SimState): Call {
  if (!call.input) return call;
  return { ...call, input: resolveValue(call.input, s) as Record<string, unknown> };
}
