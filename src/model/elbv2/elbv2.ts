/**
 * ELBv2 API for Application Load Balancers: load balancers, listeners and rules (target groups and
 * targets are in elbv2-target-groups.ts). Query protocol: PascalCase members, ISO 8601 timestamps.
 *
 * Sources:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html: an ALB
 * needs subnets in at least two zones; a listener (HTTP, port 1-65535, DefaultActions) owns a default rule
 * (Priority "default", IsDefault, no conditions, evaluated last) whose RuleArn is stable; rules have
 * priorities 1-50000 unique per listener; quotas (50 listeners and 100 rules per load balancer).
 * ModifyListener swaps DefaultActions at once and drains nothing: targets keep their state, only the weights
 * that listenerShares reads change. Simplifications: application type only, HTTP listeners only (no
 * certificates), the default VPC only, deletion protection and tags not modelled.
 */

import { defaultVpcId, hexId, zoneOfSubnet } from '../ec2/catalog.ts';
import type { Handler, Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import { TIMING } from '../sim/timing.ts';
import type { Listener, LoadBalancer, Rule } from '../sim/types.ts';
import { readActions } from './elbv2-actions.ts';
import {
  describeListener,
  describeLoadBalancer,
  elbArn,
  intIn,
  page,
  required,
  requireListener,
  requireLoadBalancer,
  str,
  strList,
  syncLoadBalancerArns,
  validation,
} from './elbv2-common.ts';
import { defaultRuleOf, ruleHandlers, setRuleActions } from './elbv2-rules.ts';
import { targetGroupHandlers } from './elbv2-target-groups.ts';

export { setRuleActions };

const MAX_LISTENERS = 50;

function checkLbName(name: string): void {
  if (name.length > 32)
    throw validation(`The load balancer name '${name}' cannot be longer than '32' characters`);
  if (!/^[A-Za-z0-9-]+$/.test(name))
    throw validation(
      `The load balancer name '${name}' can only contain characters that are alphanumeric characters and hyphens(-)`,
    );
  if (name.startsWith('-') || name.endsWith('-'))
    throw validation(`The load balancer name '${name}' cannot begin or end with a hyphen(-)`);
  if (name.startsWith('internal-')) throw validation("Load balancer names cannot start with 'internal-'");
}

function createLoadBalancer(ctx: Ctx, input: Input) {
  const name = String(required(input, 'Name', 'name'));
  checkLbName(name);
  const type = input.Type ?? 'application';
  if (type !== 'application')
    throw validation(`Load balancer type '${String(type)}' is not modelled in Nozama; use 'application'.`);
  const scheme = input.Scheme ?? 'internet-facing';
  if (scheme !== 'internet-facing' && scheme !== 'internal')
    throw new ApiError('InvalidScheme', `The scheme '${String(scheme)}' is not valid`);
  if (input.IpAddressType !== undefined && input.IpAddressType !== 'ipv4')
    throw validation(
      `IP address type '${String(input.IpAddressType)}' is not modelled in Nozama; use 'ipv4'.`,
    );
  const mapped = Array.isArray(input.SubnetMappings)
    ? (input.SubnetMappings as Record<string, unknown>[]).map((m) => String(m.SubnetId ?? ''))
    : [];
  const subnets = strList(input.Subnets);
  if (subnets.length && mapped.length)
    throw validation('You can specify subnets or subnet mappings, not both');
  const chosen = subnets.length ? subnets : mapped;
  const zones = chosen.map((s) => {
    const z = zoneOfSubnet(ctx.region, s);
    if (!z) throw new ApiError('SubnetNotFound', `The subnet ID '${s}' is not valid`);
    return { ZoneName: z, SubnetId: s };
  });
  if (new Set(zones.map((z) => z.ZoneName)).size !== zones.length)
    throw new ApiError(
      'InvalidConfigurationRequest',
      'You cannot specify multiple subnets in the same Availability Zone',
    );
  if (zones.length < 2)
    throw validation('At least two subnets in two different Availability Zones must be specified');
  const groups = strList(input.SecurityGroups);
  const existing = Object.values(ctx.s.elb.loadBalancers).find(
    (l) => l.region === ctx.region && l.LoadBalancerName === name,
  );
  if (existing) {
    const same =
      existing.Scheme === scheme &&
      existing.AvailabilityZones.map((z) => z.SubnetId)
        .sort()
        .join() === chosen.slice().sort().join();
    if (same) return { LoadBalancers: [describeLoadBalancer(existing)] };
    throw new ApiError(
      'DuplicateLoadBalancerName',
      `A load balancer with the same name '${name}' exists, but with different settings`,
    );
  }
  const id = ctx.hex(16);
  const digits = String(1000000000 + ctx.randomInt(900000000));
  const lb: LoadBalancer = {
    LoadBalancerArn: elbArn(ctx, `loadbalancer/app/${name}/${id}`),
    LoadBalancerName: name,
    DNSName: `${scheme === 'internal' ? 'internal-' : ''}${name}-${digits}.${ctx.region}.elb.amazonaws.com`,
    CanonicalHostedZoneId: `Z${hexId(`${ctx.region}/elb`, 13).toUpperCase()}`,
    CreatedTime: ctx.now,
    Scheme: scheme,
    VpcId: defaultVpcId(ctx.region),
    State: { Code: 'provisioning' },
    Type: 'application',
    AvailabilityZones: zones.sort((a, b) => (a.ZoneName < b.ZoneName ? -1 : 1)),
    SecurityGroups: groups.length ? groups : [`sg-${hexId(`${ctx.region}/default-sg`, 17)}`],
    IpAddressType: 'ipv4',
    region: ctx.region,
    activeAt: ctx.now + TIMING.lbProvision,
  };
  ctx.putIn('elb', 'loadBalancers', lb.LoadBalancerArn, lb);
  ctx.emit('loadBalancer/created', { loadBalancerArn: lb.LoadBalancerArn, name });
  return { LoadBalancers: [describeLoadBalancer(lb)] };
}

function describeLoadBalancers(ctx: Ctx, input: Input) {
  const arns = strList(input.LoadBalancerArns);
  const names = strList(input.Names);
  if (arns.length && names.length)
    throw validation('Load balancer names and load balancer ARNs cannot be specified at the same time');
  let list = Object.values(ctx.s.elb.loadBalancers).filter((l) => l.region === ctx.region);
  if (arns.length) list = arns.map((a) => requireLoadBalancer(ctx, a));
  else if (names.length)
    list = names.map((n) => {
      const lb = list.find((l) => l.LoadBalancerName === n);
      if (!lb) throw new ApiError('LoadBalancerNotFound', `Load balancers '[${n}]' not found`);
      return lb;
    });
  else
    list = list
      .slice()
      .sort((a, b) => a.CreatedTime - b.CreatedTime || (a.LoadBalancerName < b.LoadBalancerName ? -1 : 1));
  const { items, NextMarker } = page(list, input);
  return { LoadBalancers: items.map(describeLoadBalancer), ...(NextMarker ? { NextMarker } : {}) };
}

function deleteLoadBalancer(ctx: Ctx, input: Input) {
  const arn = str(required(input, 'LoadBalancerArn', 'loadBalancerArn')) ?? '';
  const lb = ctx.s.elb.loadBalancers[arn];
  if (!lb || lb.region !== ctx.region) return {};
  for (const l of Object.values(ctx.s.elb.listeners)) if (l.LoadBalancerArn === arn) removeListener(ctx, l);
  ctx.removeIn('elb', 'loadBalancers', arn);
  syncLoadBalancerArns(ctx);
  ctx.emit('loadBalancer/deleted', { loadBalancerArn: arn });
  return {};
}

function readPort(v: unknown): number {
  if (v === undefined) throw validation('A port must be specified');
  return intIn(v, 'port', 1, 65535);
}

function readProtocol(v: unknown): 'HTTP' {
  if (v === undefined) throw validation('A protocol must be specified');
  if (v === 'HTTPS')
    throw validation('HTTPS listeners need certificates, which Nozama does not model; use HTTP.');
  if (v !== 'HTTP')
    throw new ApiError(
      'UnsupportedProtocol',
      `The protocol '${String(v)}' is not supported for Application Load Balancers`,
    );
  return 'HTTP';
}

function createListener(ctx: Ctx, input: Input) {
  const lb = requireLoadBalancer(ctx, required(input, 'LoadBalancerArn', 'loadBalancerArn'));
  const protocol = readProtocol(input.Protocol);
  const port = readPort(input.Port);
  const mine = Object.values(ctx.s.elb.listeners).filter((l) => l.LoadBalancerArn === lb.LoadBalancerArn);
  if (mine.some((l) => l.Port === port))
    throw new ApiError(
      'DuplicateListener',
      `A listener already exists on this port for this load balancer '${lb.LoadBalancerArn}'`,
    );
  if (mine.length >= MAX_LISTENERS)
    throw new ApiError(
      'TooManyListeners',
      `You've reached the limit on the number of listeners per load balancer`,
    );
  const actions = readActions(ctx, input.DefaultActions, 'defaultActions', lb.LoadBalancerArn);
  const lbPath = lb.LoadBalancerArn.slice(
    lb.LoadBalancerArn.indexOf('loadbalancer/') + 'loadbalancer/'.length,
  );
  const listenerId = ctx.hex(16);
  const listener: Listener = {
    ListenerArn: elbArn(ctx, `listener/${lbPath}/${listenerId}`),
    LoadBalancerArn: lb.LoadBalancerArn,
    Port: port,
    Protocol: protocol,
    DefaultActions: actions,
    region: ctx.region,
  };
  ctx.putIn('elb', 'listeners', listener.ListenerArn, listener);
  const rule: Rule = {
    RuleArn: elbArn(ctx, `listener-rule/${lbPath}/${listenerId}/${ctx.hex(16)}`),
    listenerArn: listener.ListenerArn,
    Priority: 'default',
    Conditions: [],
    Actions: actions,
    IsDefault: true,
  };
  ctx.putIn('elb', 'rules', rule.RuleArn, rule);
  syncLoadBalancerArns(ctx);
  ctx.emit('listener/created', {
    listenerArn: listener.ListenerArn,
    loadBalancerArn: lb.LoadBalancerArn,
    port,
  });
  return { Listeners: [describeListener(listener)] };
}

function describeListeners(ctx: Ctx, input: Input) {
  const arns = strList(input.ListenerArns);
  let list: Listener[];
  if (arns.length) list = arns.map((a) => requireListener(ctx, a));
  else if (input.LoadBalancerArn !== undefined) {
    const lb = requireLoadBalancer(ctx, input.LoadBalancerArn);
    list = Object.values(ctx.s.elb.listeners)
      .filter((l) => l.LoadBalancerArn === lb.LoadBalancerArn)
      .sort((a, b) => a.Port - b.Port);
  } else throw validation('You must specify either listener ARNs or a load balancer ARN');
  const { items, NextMarker } = page(list, input);
  return { Listeners: items.map(describeListener), ...(NextMarker ? { NextMarker } : {}) };
}

function modifyListener(ctx: Ctx, input: Input) {
  const l = requireListener(ctx, required(input, 'ListenerArn', 'listenerArn'));
  const changes: Partial<Listener> = {};
  if (input.Protocol !== undefined) changes.Protocol = readProtocol(input.Protocol);
  if (input.Port !== undefined) {
    const port = readPort(input.Port);
    const clash = Object.values(ctx.s.elb.listeners).some(
      (o) => o.LoadBalancerArn === l.LoadBalancerArn && o.ListenerArn !== l.ListenerArn && o.Port === port,
    );
    if (clash)
      throw new ApiError(
        'DuplicateListener',
        `A listener already exists on this port for this load balancer '${l.LoadBalancerArn}'`,
      );
    changes.Port = port;
  }
  const actions =
    input.DefaultActions !== undefined
      ? readActions(ctx, input.DefaultActions, 'defaultActions', l.LoadBalancerArn)
      : undefined;
  const updated = ctx.patchIn('elb', 'listeners', l.ListenerArn, changes);
  if (actions) {
    const rule = defaultRuleOf(ctx, l.ListenerArn);
    if (rule) setRuleActions(ctx, rule.RuleArn, actions);
    else ctx.patchIn('elb', 'listeners', l.ListenerArn, { DefaultActions: actions });
  }
  ctx.emit('listener/modified', { listenerArn: l.ListenerArn });
  return { Listeners: [describeListener(ctx.s.elb.listeners[l.ListenerArn] ?? updated)] };
}

function removeListener(ctx: Ctx, l: Listener): void {
  for (const r of Object.values(ctx.s.elb.rules))
    if (r.listenerArn === l.ListenerArn) ctx.removeIn('elb', 'rules', r.RuleArn);
  ctx.removeIn('elb', 'listeners', l.ListenerArn);
  ctx.emit('listener/deleted', { listenerArn: l.ListenerArn, loadBalancerArn: l.LoadBalancerArn });
}

function deleteListener(ctx: Ctx, input: Input) {
  const l = requireListener(ctx, required(input, 'ListenerArn', 'listenerArn'));
  removeListener(ctx, l);
  syncLoadBalancerArns(ctx);
  return {};
}

export const elbv2Handlers: Record<string, Handler> = {
  'elbv2:CreateLoadBalancer': createLoadBalancer,
  'elbv2:DescribeLoadBalancers': describeLoadBalancers,
  'elbv2:DeleteLoadBalancer': deleteLoadBalancer,
  'elbv2:CreateListener': createListener,
  'elbv2:DescribeListeners': describeListeners,
  'elbv2:ModifyListener': modifyListener,
  'elbv2:DeleteListener': deleteListener,
  ...ruleHandlers,
  ...targetGroupHandlers,
};
