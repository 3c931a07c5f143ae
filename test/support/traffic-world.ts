/**
 * Builds load balancer and Lambda state directly (records written into a World's state) for the
 * traffic and CloudWatch tests, independent of the ELB and Lambda APIs. Health checks are pushed far
 * into the future so targets keep the state a test gives them.
 */
import type {
  LambdaFunction,
  Listener,
  SimState,
  Target,
  TargetGroup,
  TargetHealthState,
} from '../../src/model/sim/types.ts';
import { REGION, type World } from './world.ts';

const ACCOUNT = '123456789012';
const FAR = 1e12;

function withElb(w: World, f: (elb: SimState['elb']) => void): void {
  const elb = {
    ...w.state.elb,
    loadBalancers: { ...w.state.elb.loadBalancers },
    targetGroups: { ...w.state.elb.targetGroups },
    listeners: { ...w.state.elb.listeners },
    rules: { ...w.state.elb.rules },
  };
  f(elb);
  w.state = { ...w.state, elb };
}

export function addLoadBalancer(w: World, name = 'web'): string {
  const id = `${name}0000000000`.slice(0, 16);
  const arn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/${name}/${id}`;
  withElb(w, (elb) => {
    elb.loadBalancers[arn] = {
      LoadBalancerArn: arn,
      LoadBalancerName: name,
      DNSName: `${name}-1.${REGION}.elb.amazonaws.com`,
      CanonicalHostedZoneId: 'Z0000000000000',
      CreatedTime: w.state.now,
      Scheme: 'internet-facing',
      VpcId: 'vpc-0',
      State: { Code: 'active' },
      Type: 'application',
      AvailabilityZones: [],
      SecurityGroups: [],
      IpAddressType: 'ipv4',
      region: REGION,
      activeAt: w.state.now,
    };
  });
  return arn;
}

export function addTargetGroup(w: World, name: string, lbArn?: string): string {
  const arn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/${name}/${`${name}ffffffffffff`.slice(0, 16)}`;
  const tg: TargetGroup = {
    TargetGroupArn: arn,
    TargetGroupName: name,
    Protocol: 'HTTP',
    Port: 80,
    VpcId: 'vpc-0',
    TargetType: 'instance',
    ProtocolVersion: 'HTTP1',
    IpAddressType: 'ipv4',
    LoadBalancerArns: lbArn ? [lbArn] : [],
    region: REGION,
    attributes: {},
    targets: {},
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
  withElb(w, (elb) => {
    elb.targetGroups[arn] = tg;
  });
  return arn;
}

export type Weighted = [tgArn: string, weight: number];

export function addListener(w: World, lbArn: string, groups: Weighted[], port = 80): string {
  const arn = `${lbArn.replace(':loadbalancer/', ':listener/')}/l${port}`;
  const l: Listener = {
    ListenerArn: arn,
    LoadBalancerArn: lbArn,
    Port: port,
    Protocol: 'HTTP',
    DefaultActions: [],
    region: REGION,
  };
  withElb(w, (elb) => {
    elb.listeners[arn] = l;
  });
  setWeights(w, arn, groups);
  return arn;
}

export function setWeights(w: World, listenerArn: string, groups: Weighted[]): void {
  withElb(w, (elb) => {
    const l = elb.listeners[listenerArn] as Listener;
    elb.listeners[listenerArn] = {
      ...l,
      DefaultActions: [
        {
          Type: 'forward',
          ForwardConfig: {
            TargetGroups: groups.map(([TargetGroupArn, Weight]) => ({ TargetGroupArn, Weight })),
          },
        },
      ],
    };
  });
}

export function addTarget(
  w: World,
  tgArn: string,
  id: string,
  state: TargetHealthState = 'healthy',
  taskArn: string | null = null,
  port = 80,
): void {
  withElb(w, (elb) => {
    const tg = elb.targetGroups[tgArn] as TargetGroup;
    const t: Target = {
      Id: id,
      Port: port,
      AvailabilityZone: `${REGION}a`,
      state,
      reason: null,
      description: null,
      streak: 0,
      nextCheckAt: FAR,
      registeredAt: w.state.now,
      drainUntil: null,
      taskArn,
    };
    elb.targetGroups[tgArn] = { ...tg, targets: { ...tg.targets, [`${id}:${port}`]: t } };
  });
}

export function setTargetState(
  w: World,
  tgArn: string,
  id: string,
  state: TargetHealthState,
  port = 80,
): void {
  withElb(w, (elb) => {
    const tg = elb.targetGroups[tgArn] as TargetGroup;
    const key = `${id}:${port}`;
    elb.targetGroups[tgArn] = {
      ...tg,
      targets: { ...tg.targets, [key]: { ...(tg.targets[key] as Target), state } },
    };
  });
}

/** A Lambda function with published versions 1..n and optionally an alias. */
export function addFunction(
  w: World,
  name: string,
  versions: number,
  alias?: { name: string; version: string; weights?: Record<string, number> },
): string {
  const arn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
  const config = {
    Runtime: 'nodejs20.x',
    Role: `arn:aws:iam::${ACCOUNT}:role/r`,
    Handler: 'index.handler',
    CodeSha256: 'sha',
    CodeSize: 1,
    Description: '',
    Timeout: 3,
    MemorySize: 128,
    LastModified: w.state.now,
    RevisionId: 'r0',
  };
  const vs: LambdaFunction['versions'] = {};
  for (let i = 1; i <= versions; i++) {
    vs[String(i)] = { ...config, Version: String(i), FunctionArn: `${arn}:${i}`, fingerprint: `f${i}` };
  }
  const aliases: LambdaFunction['aliases'] = {};
  if (alias) {
    aliases[alias.name] = {
      AliasArn: `${arn}:${alias.name}`,
      Name: alias.name,
      FunctionVersion: alias.version,
      Description: '',
      ...(alias.weights ? { RoutingConfig: { AdditionalVersionWeights: alias.weights } } : {}),
      RevisionId: 'r1',
    };
  }
  const fn: LambdaFunction = {
    ...config,
    FunctionName: name,
    FunctionArn: arn,
    PackageType: 'Zip',
    region: REGION,
    versions: vs,
    aliases,
    nextVersion: versions + 1,
  };
  w.state = {
    ...w.state,
    lambda: { ...w.state.lambda, functions: { ...w.state.lambda.functions, [name]: fn } },
  };
  return arn;
}

export function setAliasWeights(
  w: World,
  fn: string,
  alias: string,
  version: string,
  weights: Record<string, number>,
) {
  const f = w.state.lambda.functions[fn] as SimState['lambda']['functions'][string];
  const a = f.aliases[alias] as SimState['lambda']['functions'][string]['aliases'][string];
  w.state = {
    ...w.state,
    lambda: {
      ...w.state.lambda,
      functions: {
        ...w.state.lambda.functions,
        [fn]: {
          ...f,
          aliases: {
            ...f.aliases,
            [alias]: { ...a, FunctionVersion: version, RoutingConfig: { AdditionalVersionWeights: weights } },
          },
        },
      },
    },
  };
}

/** Sum of a metric's windows (all time) for the given dimensions, or null. */
export function metricTotal(w: World, ns: string, name: string, dims: Record<string, string>): number | null {
  const d = Object.keys(dims)
    .sort()
    .map((k) => `${k}=${dims[k]}`)
    .join(',');
  const s = w.state.cloudwatch.metrics[`${ns}|${name}|${d}`];
  return s ? s.points.reduce((a, p) => a + p.sum, 0) : null;
}
