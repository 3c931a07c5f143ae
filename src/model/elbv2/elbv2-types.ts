/**
 * Elastic Load Balancing v2 (Application Load Balancer) state. Shapes follow the ELBv2 API (query protocol:
 * PascalCase members, ISO 8601 timestamps in responses); state keeps epoch seconds and converts at the edge.
 * Internal bookkeeping lives in members starting with a lowercase letter. Sources:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html.
 */

export interface LoadBalancer {
  LoadBalancerArn: string;
  LoadBalancerName: string;
  DNSName: string;
  CanonicalHostedZoneId: string;
  /** Epoch seconds (responses carry ISO strings). */
  CreatedTime: number;
  Scheme: 'internet-facing' | 'internal';
  VpcId: string;
  State: { Code: 'provisioning' | 'active' | 'active_impaired' | 'failed' };
  Type: 'application';
  AvailabilityZones: { ZoneName: string; SubnetId: string }[];
  SecurityGroups: string[];
  IpAddressType: 'ipv4';
  region: string;
  /** provisioning -> active at this time. */
  activeAt: number;
}

export interface HealthCheckSettings {
  HealthCheckProtocol: 'HTTP' | 'HTTPS';
  HealthCheckPort: string;
  HealthCheckEnabled: boolean;
  HealthCheckIntervalSeconds: number;
  HealthCheckTimeoutSeconds: number;
  HealthyThresholdCount: number;
  UnhealthyThresholdCount: number;
  HealthCheckPath: string;
  Matcher: { HttpCode: string };
}

export type TargetHealthState =
  | 'initial'
  | 'healthy'
  | 'unhealthy'
  | 'unused'
  | 'draining'
  | 'unavailable'
  | 'unhealthy.draining';

export interface Target {
  /** Instance id (target type instance) or IP address (target type ip). */
  Id: string;
  Port: number;
  AvailabilityZone: string;
  state: TargetHealthState;
  /** Elb.RegistrationInProgress, Target.ResponseCodeMismatch, Target.Timeout, Target.DeregistrationInProgress, ... */
  reason: string | null;
  description: string | null;
  /** Consecutive passed (positive) or failed (negative) health checks. */
  streak: number;
  nextCheckAt: number;
  registeredAt: number;
  /** While draining: when the target becomes unused and is removed. */
  drainUntil: number | null;
  /** The ECS task behind this target, when ECS registered it. */
  taskArn: string | null;
}

export interface TargetGroup extends HealthCheckSettings {
  TargetGroupArn: string;
  TargetGroupName: string;
  Protocol: 'HTTP' | 'HTTPS';
  Port: number;
  VpcId: string;
  TargetType: 'instance' | 'ip';
  ProtocolVersion: 'HTTP1';
  IpAddressType: 'ipv4';
  LoadBalancerArns: string[];
  region: string;
  /** Attributes (deregistration_delay.timeout_seconds, stickiness.enabled, ...), as strings. */
  attributes: Record<string, string>;
  /** Keyed by `${Id}:${Port}`. */
  targets: Record<string, Target>;
}

export interface TargetGroupTuple {
  TargetGroupArn: string;
  Weight: number;
}

export interface Action {
  Type: 'forward' | 'fixed-response' | 'redirect';
  TargetGroupArn?: string;
  Order?: number;
  ForwardConfig?: {
    TargetGroups: TargetGroupTuple[];
    TargetGroupStickinessConfig?: { Enabled: boolean; DurationSeconds?: number };
  };
  FixedResponseConfig?: { StatusCode: string; ContentType?: string; MessageBody?: string };
  RedirectConfig?: Record<string, unknown>;
}

export interface RuleCondition {
  Field: string;
  Values?: string[];
  [key: string]: unknown;
}

export interface Listener {
  ListenerArn: string;
  LoadBalancerArn: string;
  Port: number;
  Protocol: 'HTTP' | 'HTTPS';
  DefaultActions: Action[];
  region: string;
}

export interface Rule {
  RuleArn: string;
  /** The listener the rule belongs to (not in the API's Rule shape; DescribeRules takes it). */
  listenerArn: string;
  /** "default" for the listener's default rule, else "1".."50000". */
  Priority: string;
  Conditions: RuleCondition[];
  Actions: Action[];
  IsDefault: boolean;
}

export interface ElbState {
  loadBalancers: Record<string, LoadBalancer>;
  targetGroups: Record<string, TargetGroup>;
  listeners: Record<string, Listener>;
  /**
   * Every rule, the listeners' default rules included (IsDefault, Priority "default", Actions kept
   * equal to the listener's DefaultActions) so that a default rule has a stable RuleArn.
   */
  rules: Record<string, Rule>;
  /**
   * ECS registrations already made, keyed `${taskArn}|${targetGroupArn}`: ECS registers a task once
   * when it reaches RUNNING and never re-registers a target someone deregistered by hand.
   */
  ecsRegistrations: Record<string, true>;
}

export function emptyElbState(): ElbState {
  return { loadBalancers: {}, targetGroups: {}, listeners: {}, rules: {}, ecsRegistrations: {} };
}
