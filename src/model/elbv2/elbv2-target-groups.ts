/**
 * ELBv2 target groups and their targets: CreateTargetGroup, DescribeTargetGroups, ModifyTargetGroup,
 * DeleteTargetGroup, Describe/ModifyTargetGroupAttributes (targets: elbv2-targets.ts).
 *
 * Sources:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html (name
 * rules; target types; health-check defaults and ranges; a new target starts `initial`;
 * deregistration_delay.timeout_seconds 300, 0-3600; draining -> unused). [conflict] HealthCheckTimeoutSeconds
 * defaults to 5 here (the ALB user guide and what the API answers for instance/ip HTTP groups), not the 6 the
 * current API reference prints for HTTP. Simplifications: HTTP/HTTPS groups only (Application Load Balancer);
 * a target group lives in the region's default VPC; stickiness and the routing algorithm are stored and
 * echoed, not modelled.
 */

import { defaultVpcId } from '../ec2/catalog.ts';
import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import type { HealthCheckSettings, TargetGroup } from '../sim/types.ts';
import {
  constraint,
  describeTargetGroup,
  elbArn,
  intIn,
  page,
  required,
  requireLoadBalancer,
  requireTargetGroup,
  str,
  strList,
  usage,
  validation,
} from './elbv2-common.ts';
import { targetHandlers } from './elbv2-targets.ts';

export const DEFAULT_ATTRIBUTES: Record<string, string> = {
  'deregistration_delay.timeout_seconds': '300',
  'stickiness.enabled': 'false',
  'stickiness.type': 'lb_cookie',
  'stickiness.lb_cookie.duration_seconds': '86400',
  'stickiness.app_cookie.cookie_name': '',
  'stickiness.app_cookie.duration_seconds': '86400',
  'load_balancing.algorithm.type': 'round_robin',
  'load_balancing.algorithm.anomaly_mitigation': 'off',
  'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration',
  'slow_start.duration_seconds': '0',
  'target_group_health.dns_failover.minimum_healthy_targets.count': '1',
  'target_group_health.dns_failover.minimum_healthy_targets.percentage': 'off',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count': '1',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': 'off',
};

function checkName(name: string): void {
  if (name.length > 32) throw validation(`Target group name '${name}' cannot be longer than '32' characters`);
  if (!/^[A-Za-z0-9-]+$/.test(name))
    throw validation(
      `Target group name '${name}' can only contain characters that are alphanumeric characters or hyphens(-)`,
    );
  if (name.startsWith('-') || name.endsWith('-'))
    throw validation(`Target group name '${name}' cannot begin or end with '-'`);
}

function readMatcher(v: unknown): string {
  const code = str((v as Record<string, unknown> | undefined)?.HttpCode);
  if (!code) throw validation('A matcher HTTP code must be specified');
  for (const part of code.split(',')) {
    const m = /^(\d{3})(?:-(\d{3}))?$/.exec(part.trim());
    const lo = Number(m?.[1]);
    const hi = m?.[2] ? Number(m[2]) : lo;
    if (!m || lo < 200 || hi > 499 || hi < lo)
      throw validation(`Health check matcher HTTP code '${code}' must be within '200-499' inclusive`);
  }
  return code;
}

/** Health-check members of CreateTargetGroup / ModifyTargetGroup over a base (defaults or current). */
function readHealthCheck(input: Input, base: HealthCheckSettings): HealthCheckSettings {
  const hc = { ...base, Matcher: { ...base.Matcher } };
  if (input.HealthCheckProtocol !== undefined) {
    if (input.HealthCheckProtocol !== 'HTTP' && input.HealthCheckProtocol !== 'HTTPS')
      throw validation(
        `Health check protocol '${String(input.HealthCheckProtocol)}' is not supported for target groups with the HTTP or HTTPS protocol`,
      );
    hc.HealthCheckProtocol = input.HealthCheckProtocol;
  }
  if (input.HealthCheckPort !== undefined) {
    const p = String(input.HealthCheckPort);
    if (p !== 'traffic-port') intIn(p, 'healthCheckPort', 1, 65535);
    hc.HealthCheckPort = p;
  }
  if (input.HealthCheckEnabled !== undefined) {
    if (input.HealthCheckEnabled !== true)
      throw validation(
        "Health check enabled must be true for target groups with target type 'instance' or 'ip'",
      );
  }
  if (input.HealthCheckPath !== undefined) {
    const path = String(input.HealthCheckPath);
    if (path.length < 1 || path.length > 1024)
      throw constraint(path, 'healthCheckPath', 'Member must have length less than or equal to 1024');
    if (!path.startsWith('/')) throw validation("Health check path must begin with a '/' character");
    hc.HealthCheckPath = path;
  }
  if (input.HealthCheckIntervalSeconds !== undefined)
    hc.HealthCheckIntervalSeconds = intIn(
      input.HealthCheckIntervalSeconds,
      'healthCheckIntervalSeconds',
      5,
      300,
    );
  if (input.HealthCheckTimeoutSeconds !== undefined)
    hc.HealthCheckTimeoutSeconds = intIn(
      input.HealthCheckTimeoutSeconds,
      'healthCheckTimeoutSeconds',
      2,
      120,
    );
  if (input.HealthyThresholdCount !== undefined)
    hc.HealthyThresholdCount = intIn(input.HealthyThresholdCount, 'healthyThresholdCount', 2, 10);
  if (input.UnhealthyThresholdCount !== undefined)
    hc.UnhealthyThresholdCount = intIn(input.UnhealthyThresholdCount, 'unhealthyThresholdCount', 2, 10);
  if (input.Matcher !== undefined) hc.Matcher = { HttpCode: readMatcher(input.Matcher) };
  if (hc.HealthCheckTimeoutSeconds >= hc.HealthCheckIntervalSeconds)
    throw validation('Health check interval must be greater than the timeout.');
  return hc;
}

const DEFAULT_HEALTH: HealthCheckSettings = {
  HealthCheckProtocol: 'HTTP',
  HealthCheckPort: 'traffic-port',
  HealthCheckEnabled: true,
  HealthCheckIntervalSeconds: 30,
  HealthCheckTimeoutSeconds: 5,
  HealthyThresholdCount: 5,
  UnhealthyThresholdCount: 2,
  HealthCheckPath: '/',
  Matcher: { HttpCode: '200' },
};

function createTargetGroup(ctx: Ctx, input: Input) {
  const name = String(required(input, 'Name', 'name'));
  checkName(name);
  const targetType = input.TargetType ?? 'instance';
  if (targetType !== 'instance' && targetType !== 'ip')
    throw validation(
      `Target type '${String(targetType)}' is not modelled in Nozama; use 'instance' or 'ip' (Application Load Balancer targets).`,
    );
  const protocol = input.Protocol;
  if (protocol === undefined) throw validation('A protocol must be specified');
  if (protocol !== 'HTTP' && protocol !== 'HTTPS')
    throw validation(
      `Protocol '${String(protocol)}' is not modelled in Nozama; Application Load Balancer target groups use HTTP or HTTPS.`,
    );
  if (input.Port === undefined) throw validation('A port must be specified');
  const port = intIn(input.Port, 'port', 1, 65535);
  const vpc = str(input.VpcId);
  if (!vpc) throw validation('A VPC ID must be specified');
  if (vpc !== defaultVpcId(ctx.region)) throw validation(`The VPC ID '${vpc}' is not found`);
  const hc = readHealthCheck(input, DEFAULT_HEALTH);
  const existing = Object.values(ctx.s.elb.targetGroups).find(
    (t) => t.region === ctx.region && t.TargetGroupName === name,
  );
  if (existing) {
    // CreateTargetGroup is idempotent for the same settings.
    if (existing.Protocol === protocol && existing.Port === port && existing.TargetType === targetType)
      return { TargetGroups: [describeTargetGroup(existing)] };
    throw new ApiError(
      'DuplicateTargetGroupName',
      `A target group with the same name '${name}' exists, but with different settings`,
    );
  }
  const arn = elbArn(ctx, `targetgroup/${name}/${ctx.hex(16)}`);
  const tg: TargetGroup = {
    ...hc,
    TargetGroupArn: arn,
    TargetGroupName: name,
    Protocol: protocol,
    Port: port,
    VpcId: vpc,
    TargetType: targetType,
    ProtocolVersion: 'HTTP1',
    IpAddressType: 'ipv4',
    LoadBalancerArns: [],
    region: ctx.region,
    attributes: { ...DEFAULT_ATTRIBUTES },
    targets: {},
  };
  ctx.putIn('elb', 'targetGroups', arn, tg);
  ctx.emit('targetGroup/created', { targetGroupArn: arn, name });
  return { TargetGroups: [describeTargetGroup(tg)] };
}

function describeTargetGroups(ctx: Ctx, input: Input) {
  const arns = strList(input.TargetGroupArns);
  const names = strList(input.Names);
  if ([arns.length > 0, names.length > 0, input.LoadBalancerArn !== undefined].filter(Boolean).length > 1)
    throw validation(
      'Target group names, target group ARNs, and a load balancer ARN cannot be specified at the same time',
    );
  let list = Object.values(ctx.s.elb.targetGroups).filter((t) => t.region === ctx.region);
  if (arns.length) list = arns.map((a) => requireTargetGroup(ctx, a));
  else if (names.length) {
    list = names.map((n) => {
      const tg = list.find((t) => t.TargetGroupName === n);
      if (!tg) throw new ApiError('TargetGroupNotFound', `Target groups '[${n}]' not found`);
      return tg;
    });
  } else if (input.LoadBalancerArn !== undefined) {
    const lb = requireLoadBalancer(ctx, input.LoadBalancerArn);
    list = list.filter((t) => t.LoadBalancerArns.includes(lb.LoadBalancerArn));
  }
  list = list.slice().sort((a, b) => (a.TargetGroupName < b.TargetGroupName ? -1 : 1));
  const { items, NextMarker } = page(list, input);
  const out: Record<string, unknown> = { TargetGroups: items.map(describeTargetGroup) };
  if (NextMarker) out.NextMarker = NextMarker;
  return out;
}

function modifyTargetGroup(ctx: Ctx, input: Input) {
  const tg = requireTargetGroup(ctx, required(input, 'TargetGroupArn', 'targetGroupArn'));
  const hc = readHealthCheck(input, tg);
  const updated = ctx.patchIn('elb', 'targetGroups', tg.TargetGroupArn, hc);
  return { TargetGroups: [describeTargetGroup(updated)] };
}

/** Whether an ECS service (not INACTIVE) names this group in its loadBalancers. */
function usedByService(ctx: Ctx, arn: string): boolean {
  return ctx.s.services
    .values()
    .some(
      (svc) =>
        svc.status !== 'INACTIVE' &&
        svc.loadBalancers.some(
          (lb) => lb.targetGroupArn === arn || lb.advancedConfiguration?.alternateTargetGroupArn === arn,
        ),
    );
}

function deleteTargetGroup(ctx: Ctx, input: Input) {
  const arn = str(required(input, 'TargetGroupArn', 'targetGroupArn')) ?? '';
  const tg = ctx.s.elb.targetGroups[arn];
  if (!tg || tg.region !== ctx.region) return {};
  if (usage(ctx.s).has(arn) || usedByService(ctx, arn))
    throw new ApiError('ResourceInUse', `Target group '${arn}' is currently in use by a listener or a rule`);
  ctx.removeIn('elb', 'targetGroups', arn);
  ctx.emit('targetGroup/deleted', { targetGroupArn: arn });
  return {};
}

function describeAttributes(ctx: Ctx, input: Input) {
  const tg = requireTargetGroup(ctx, required(input, 'TargetGroupArn', 'targetGroupArn'));
  return { Attributes: Object.entries(tg.attributes).map(([Key, Value]) => ({ Key, Value })) };
}

const ATTRIBUTE_RULES: Record<string, (v: string) => boolean> = {
  'deregistration_delay.timeout_seconds': (v) => /^\d+$/.test(v) && Number(v) <= 3600,
  'stickiness.enabled': (v) => v === 'true' || v === 'false',
  'stickiness.type': (v) => v === 'lb_cookie' || v === 'app_cookie',
  'stickiness.lb_cookie.duration_seconds': (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 604800,
  'stickiness.app_cookie.cookie_name': (v) => v.length <= 256,
  'stickiness.app_cookie.duration_seconds': (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 604800,
  'load_balancing.algorithm.type': (v) =>
    v === 'round_robin' || v === 'least_outstanding_requests' || v === 'weighted_random',
  'load_balancing.algorithm.anomaly_mitigation': (v) => v === 'on' || v === 'off',
  'load_balancing.cross_zone.enabled': (v) =>
    v === 'true' || v === 'false' || v === 'use_load_balancer_configuration',
  'slow_start.duration_seconds': (v) => v === '0' || (/^\d+$/.test(v) && Number(v) >= 30 && Number(v) <= 900),
  'target_group_health.dns_failover.minimum_healthy_targets.count': (v) =>
    v === 'off' || /^[1-9]\d*$/.test(v),
  'target_group_health.dns_failover.minimum_healthy_targets.percentage': (v) =>
    v === 'off' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 100),
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count': (v) => /^[1-9]\d*$/.test(v),
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': (v) =>
    v === 'off' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 100),
};

function modifyAttributes(ctx: Ctx, input: Input) {
  const tg = requireTargetGroup(ctx, required(input, 'TargetGroupArn', 'targetGroupArn'));
  const list = input.Attributes;
  if (!Array.isArray(list) || list.length === 0)
    throw validation('Attributes must contain at least one entry');
  const attributes = { ...tg.attributes };
  for (const a of list as Record<string, unknown>[]) {
    const key = String(a.Key ?? '');
    const value = String(a.Value ?? '');
    const rule = ATTRIBUTE_RULES[key];
    if (!rule) throw validation(`Target group attribute key '${key}' is not recognized`);
    if (!rule(value)) throw validation(`'${value}' is not a valid value for target group attribute '${key}'`);
    attributes[key] = value;
  }
  ctx.patchIn('elb', 'targetGroups', tg.TargetGroupArn, { attributes });
  return { Attributes: Object.entries(attributes).map(([Key, Value]) => ({ Key, Value })) };
}

export const targetGroupHandlers = {
  'elbv2:CreateTargetGroup': createTargetGroup,
  'elbv2:DescribeTargetGroups': describeTargetGroups,
  'elbv2:ModifyTargetGroup': modifyTargetGroup,
  'elbv2:DeleteTargetGroup': deleteTargetGroup,
  'elbv2:DescribeTargetGroupAttributes': describeAttributes,
  'elbv2:ModifyTargetGroupAttributes': modifyAttributes,
  ...targetHandlers,
};
