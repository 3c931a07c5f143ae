/**
 * Shared pieces of the ELBv2 API (Application Load Balancer): error codes as the query API names them
 * (TargetGroupNotFound, not TargetGroupNotFoundException), the "1 validation error detected" messages of the
 * AWS front end, ARNs, lookups, and the response shapes with ISO 8601 timestamps. Sources:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html; error
 * codes and ranges from ELB-API (botocore elbv2 service-2.json).
 */

import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import { iso } from '../sim/time.ts';
import type { Action, Listener, LoadBalancer, Rule, SimState, Target, TargetGroup } from '../sim/types.ts';

export const validation = (message: string): ApiError => new ApiError('ValidationError', message);

/** The AWS front end's wording for a member outside its modelled constraint. */
export function constraint(value: unknown, path: string, rule: string): ApiError {
  return validation(
    `1 validation error detected: Value '${String(value)}' at '${path}' failed to satisfy constraint: ${rule}`,
  );
}

export function intIn(v: unknown, path: string, min: number, max: number): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw constraint(v, path, 'Member must be an integer');
  if (n < min) throw constraint(n, path, `Member must have value greater than or equal to ${min}`);
  if (n > max) throw constraint(n, path, `Member must have value less than or equal to ${max}`);
  return n;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const strList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

export function required(input: Input, member: string, path = member): unknown {
  const v = input[member];
  if (v === undefined || v === null || v === '')
    throw validation(
      `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`,
    );
  return v;
}

export const tgNotFound = (): ApiError =>
  new ApiError('TargetGroupNotFound', 'One or more target groups not found');
export const lbNotFound = (): ApiError =>
  new ApiError('LoadBalancerNotFound', 'One or more load balancers not found');
export const listenerNotFound = (): ApiError =>
  new ApiError('ListenerNotFound', 'One or more listeners not found');
export const ruleNotFound = (): ApiError => new ApiError('RuleNotFound', 'One or more rules not found');

/** The resource id ELB appends to names in ARNs: 16 lowercase hex digits. */
export function elbArn(ctx: Ctx, resource: string): string {
  return ctx.arn('elasticloadbalancing', resource);
}

export function requireTargetGroup(ctx: Ctx, arn: unknown): TargetGroup {
  const tg = typeof arn === 'string' ? ctx.s.elb.targetGroups[arn] : undefined;
  if (!tg || tg.region !== ctx.region) throw tgNotFound();
  return tg;
}

export function requireLoadBalancer(ctx: Ctx, arn: unknown): LoadBalancer {
  const lb = typeof arn === 'string' ? ctx.s.elb.loadBalancers[arn] : undefined;
  if (!lb || lb.region !== ctx.region) throw lbNotFound();
  return lb;
}

export function requireListener(ctx: Ctx, arn: unknown): Listener {
  const l = typeof arn === 'string' ? ctx.s.elb.listeners[arn] : undefined;
  if (!l || l.region !== ctx.region) throw listenerNotFound();
  return l;
}

export function requireRule(ctx: Ctx, arn: unknown): Rule {
  const r = typeof arn === 'string' ? ctx.s.elb.rules[arn] : undefined;
  if (!r || !ctx.s.elb.listeners[r.listenerArn] || ctx.s.elb.listeners[r.listenerArn]?.region !== ctx.region)
    throw ruleNotFound();
  return r;
}

/** Marker/PageSize paging (the marker is an opaque offset). */
export function page<T>(items: T[], input: Input): { items: T[]; NextMarker?: string } {
  const size = input.PageSize === undefined ? 400 : intIn(input.PageSize, 'pageSize', 1, 400);
  let start = 0;
  if (input.Marker !== undefined) {
    const m = /^nzm-(\d+)$/.exec(String(input.Marker));
    if (!m) throw validation('The marker is not valid.');
    start = Number(m[1]);
  }
  const out = items.slice(start, start + size);
  return start + size < items.length ? { items: out, NextMarker: `nzm-${start + size}` } : { items: out };
}

export function describeLoadBalancer(lb: LoadBalancer): Record<string, unknown> {
  return {
    LoadBalancerArn: lb.LoadBalancerArn,
    DNSName: lb.DNSName,
    CanonicalHostedZoneId: lb.CanonicalHostedZoneId,
    CreatedTime: iso(lb.CreatedTime),
    LoadBalancerName: lb.LoadBalancerName,
    Scheme: lb.Scheme,
    VpcId: lb.VpcId,
    State: { Code: lb.State.Code },
    Type: lb.Type,
    AvailabilityZones: lb.AvailabilityZones.map((z) => ({
      ZoneName: z.ZoneName,
      SubnetId: z.SubnetId,
      LoadBalancerAddresses: [],
    })),
    SecurityGroups: lb.SecurityGroups,
    IpAddressType: lb.IpAddressType,
  };
}

export function describeTargetGroup(tg: TargetGroup): Record<string, unknown> {
  return {
    TargetGroupArn: tg.TargetGroupArn,
    TargetGroupName: tg.TargetGroupName,
    Protocol: tg.Protocol,
    Port: tg.Port,
    VpcId: tg.VpcId,
    HealthCheckProtocol: tg.HealthCheckProtocol,
    HealthCheckPort: tg.HealthCheckPort,
    HealthCheckEnabled: tg.HealthCheckEnabled,
    HealthCheckIntervalSeconds: tg.HealthCheckIntervalSeconds,
    HealthCheckTimeoutSeconds: tg.HealthCheckTimeoutSeconds,
    HealthyThresholdCount: tg.HealthyThresholdCount,
    UnhealthyThresholdCount: tg.UnhealthyThresholdCount,
    HealthCheckPath: tg.HealthCheckPath,
    Matcher: { HttpCode: tg.Matcher.HttpCode },
    LoadBalancerArns: tg.LoadBalancerArns,
    TargetType: tg.TargetType,
    ProtocolVersion: tg.ProtocolVersion,
    IpAddressType: tg.IpAddressType,
  };
}

export function describeAction(a: Action): Record<string, unknown> {
  return JSON.parse(JSON.stringify(a)) as Record<string, unknown>;
}

export function describeListener(l: Listener): Record<string, unknown> {
  return {
    ListenerArn: l.ListenerArn,
    LoadBalancerArn: l.LoadBalancerArn,
    Port: l.Port,
    Protocol: l.Protocol,
    DefaultActions: l.DefaultActions.map(describeAction),
  };
}

export function describeRule(r: Rule): Record<string, unknown> {
  return {
    RuleArn: r.RuleArn,
    Priority: r.Priority,
    Conditions: JSON.parse(JSON.stringify(r.Conditions)),
    Actions: r.Actions.map(describeAction),
    IsDefault: r.IsDefault,
  };
}

export const TARGET_TEXT: Record<string, string> = {
  'Elb.RegistrationInProgress': 'Target registration is in progress',
  'Elb.InitialHealthChecking': 'Initial health checks in progress',
  'Target.ResponseCodeMismatch': 'Health checks failed with these codes: [500]',
  'Target.Timeout': 'Request timed out',
  'Target.FailedHealthChecks': 'Health checks failed',
  'Target.DeregistrationInProgress': 'Target deregistration is in progress',
  'Target.NotInUse': 'Target group is not configured to receive traffic from the load balancer',
  'Target.NotRegistered': 'Target is not registered to the target group',
};

export function describeTargetHealth(tg: TargetGroup, t: Target): Record<string, unknown> {
  const health: Record<string, unknown> = { State: t.state };
  if (t.reason) health.Reason = t.reason;
  if (t.description) health.Description = t.description;
  return {
    Target: { Id: t.Id, Port: t.Port, AvailabilityZone: t.AvailabilityZone },
    HealthCheckPort: tg.HealthCheckPort === 'traffic-port' ? String(t.Port) : tg.HealthCheckPort,
    TargetHealth: health,
  };
}

/** Target groups referenced by forward actions of a listener's rules (default rule included). */
export function groupsOfActions(actions: Action[]): string[] {
  const out: string[] = [];
  for (const a of actions) {
    if (a.Type !== 'forward') continue;
    if (a.TargetGroupArn) out.push(a.TargetGroupArn);
    for (const t of a.ForwardConfig?.TargetGroups ?? []) out.push(t.TargetGroupArn);
  }
  return [...new Set(out)];
}

/** The load balancers each target group is used by, from every rule of every listener. */
export function usage(s: SimState): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of Object.values(s.elb.rules)) {
    const l = s.elb.listeners[r.listenerArn];
    if (!l) continue;
    for (const tg of groupsOfActions(r.Actions)) {
      const set = out.get(tg) ?? new Set<string>();
      set.add(l.LoadBalancerArn);
      out.set(tg, set);
    }
  }
  return out;
}

/** Recomputes TargetGroup.LoadBalancerArns after listeners or rules changed. */
export function syncLoadBalancerArns(ctx: Ctx): void {
  const used = usage(ctx.s);
  for (const tg of Object.values(ctx.s.elb.targetGroups)) {
    const arns = [...(used.get(tg.TargetGroupArn) ?? [])].sort();
    if (arns.join() !== tg.LoadBalancerArns.join()) {
      const wasUnused = tg.LoadBalancerArns.length === 0;
      let targets = tg.targets;
      if (wasUnused && arns.length > 0) {
        // A group that starts receiving traffic checks its targets from the start.
        targets = {};
        for (const [k, t] of Object.entries(tg.targets)) {
          targets[k] =
            t.state === 'unused' && t.drainUntil === null
              ? {
                  ...t,
                  state: 'initial',
                  reason: 'Elb.RegistrationInProgress',
                  description: TARGET_TEXT['Elb.RegistrationInProgress'] ?? null,
                  streak: 0,
                  nextCheckAt: ctx.now + 1,
                }
              : t;
        }
      }
      if (arns.length === 0) {
        // No listener forwards here any more: targets stop being checked (Target.NotInUse).
        targets = {};
        for (const [k, t] of Object.entries(tg.targets)) {
          targets[k] =
            t.drainUntil === null
              ? {
                  ...t,
                  state: 'unused',
                  reason: 'Target.NotInUse',
                  description: TARGET_TEXT['Target.NotInUse'] ?? null,
                  streak: 0,
                }
              : t;
        }
      }
      ctx.patchIn('elb', 'targetGroups', tg.TargetGroupArn, { LoadBalancerArns: arns, targets });
    }
  }
}
