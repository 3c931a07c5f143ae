/**
 * A quick Application Load Balancer for tests: load balancer `web` in zones a, b, c, target groups
 * (blue and green by default), listener 80 forwarding to the first group and listener 8080 to the
 * second (the production and test listeners of a blue/green setup). Built through the public API.
 */
import { defaultVpcId, subnetIdFor } from '../../src/model/ec2/catalog.ts';
import { REGION, type World } from './world.ts';

export interface Alb {
  lbArn: string;
  /** Target group ARNs by the names given (default blue, green). */
  tg: Record<string, string>;
  blue: string;
  green: string;
  listener80: string;
  listener8080: string;
  /** The default rules' ARNs (stable: ECS-native blue/green names them). */
  rule80: string;
  rule8080: string;
}

export interface AlbOptions {
  name?: string;
  targetType?: 'instance' | 'ip';
  groups?: string[];
  port?: number;
  /** Extra CreateTargetGroup members (health-check settings...). */
  groupInput?: Record<string, unknown>;
  /** deregistration_delay.timeout_seconds for every group. */
  deregistrationDelay?: number;
  /** Tick until the load balancer is active (30 s). */
  waitActive?: boolean;
}

export const subnets = (...letters: string[]) => letters.map((l) => subnetIdFor(`${REGION}${l}`));
export const VPC = defaultVpcId(REGION);

export function createTargetGroup(
  w: World,
  name: string,
  targetType: 'instance' | 'ip' = 'instance',
  extra: Record<string, unknown> = {},
): string {
  return w.ok('elbv2:CreateTargetGroup', {
    Name: name,
    Protocol: 'HTTP',
    Port: 80,
    VpcId: VPC,
    TargetType: targetType,
    ...extra,
  }).TargetGroups[0].TargetGroupArn;
}

export const forward = (tgArn: string) => [{ Type: 'forward', TargetGroupArn: tgArn }];

export const weighted = (...pairs: [string, number][]) => [
  {
    Type: 'forward',
    ForwardConfig: { TargetGroups: pairs.map(([TargetGroupArn, Weight]) => ({ TargetGroupArn, Weight })) },
  },
];

export function alb(w: World, o: AlbOptions = {}): Alb {
  const name = o.name ?? 'web';
  const lbArn = w.ok('elbv2:CreateLoadBalancer', { Name: name, Subnets: subnets('a', 'b', 'c') })
    .LoadBalancers[0].LoadBalancerArn;
  const tg: Record<string, string> = {};
  for (const g of o.groups ?? ['blue', 'green']) {
    tg[g] = createTargetGroup(w, `${name}-${g}`, o.targetType ?? 'instance', {
      ...(o.port ? { Port: o.port } : {}),
      ...o.groupInput,
    });
    if (o.deregistrationDelay !== undefined)
      w.ok('elbv2:ModifyTargetGroupAttributes', {
        TargetGroupArn: tg[g],
        Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: String(o.deregistrationDelay) }],
      });
  }
  const arns = Object.values(tg);
  const first = arns[0] as string;
  const second = arns[1] ?? first;
  const listener80 = w.ok('elbv2:CreateListener', {
    LoadBalancerArn: lbArn,
    Protocol: 'HTTP',
    Port: 80,
    DefaultActions: forward(first),
  }).Listeners[0].ListenerArn;
  const listener8080 = w.ok('elbv2:CreateListener', {
    LoadBalancerArn: lbArn,
    Protocol: 'HTTP',
    Port: 8080,
    DefaultActions: forward(second),
  }).Listeners[0].ListenerArn;
  const defaultRule = (l: string) =>
    w.ok('elbv2:DescribeRules', { ListenerArn: l }).Rules.find((r: { IsDefault: boolean }) => r.IsDefault)
      .RuleArn as string;
  if (o.waitActive) w.tick(30);
  return {
    lbArn,
    tg,
    blue: first,
    green: second,
    listener80,
    listener8080,
    rule80: defaultRule(listener80),
    rule8080: defaultRule(listener8080),
  };
}

/** DescribeTargetHealth's descriptions for a group. */
export function health(w: World, tgArn: string): any[] {
  return w.ok('elbv2:DescribeTargetHealth', { TargetGroupArn: tgArn }).TargetHealthDescriptions;
}

/** Target states of a group, e.g. ['healthy', 'healthy']. */
export function states(w: World, tgArn: string): string[] {
  return health(w, tgArn).map((d) => d.TargetHealth.State);
}

/** Registers a web task definition with a port mapping (dynamic host port in bridge mode by default). */
export function registerWebWithPort(
  w: World,
  family = 'web',
  networkMode: 'bridge' | 'awsvpc' | 'host' = 'bridge',
  image = 'nginx:1.27',
): string {
  return w.ok('ecs:RegisterTaskDefinition', {
    family,
    networkMode,
    containerDefinitions: [
      {
        name: 'web',
        image,
        cpu: 128,
        memory: 256,
        essential: true,
        portMappings: [{ containerPort: 80, ...(networkMode === 'bridge' ? { hostPort: 0 } : {}) }],
      },
    ],
  }).taskDefinition.taskDefinitionArn;
}
