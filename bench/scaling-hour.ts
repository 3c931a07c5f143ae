/**
 * Issue 17's benchmark: one simulated hour of a scaling kingdom. 20 t3.medium instances in three zones, an
 * Application Load Balancer, service `mill` of 20 tasks (128 CPU units each) behind it; travelers rise and
 * fall by a fixed schedule (200, 1,000, 2,000, 1,000 then 100 requests/s). With scaling, the service is a
 * scalable target (20 to 100) with target tracking on CPU at 50% (cooldowns 60 s), and grows to 100 tasks
 * and back; without, the same world and schedule keep 20 tasks. Each hour is timed as six calls of
 * sim:SetTraffic and advance(state, 600) (and the same second by second), and reported as a ratio to the
 * hour without scaling, measured in the same run. The scaling hour is checked: it reached 100 tasks and
 * ended below 60 with no activity outside 20..100.
 */
import { defaultVpcId, subnetIdFor } from '../src/model/ec2/catalog.ts';
import { advance } from '../src/model/index.ts';
import type { SimState } from '../src/model/sim/types.ts';
import { call, REGION, royaumeWithTerritories, ZONES } from './hour-kingdom.ts';

/** Requests per second for each ten minutes of the hour. */
export const SCHEDULE = [200, 1000, 2000, 1000, 100, 100];
const REF = {
  ServiceNamespace: 'ecs',
  ResourceId: 'service/Royaume/mill',
  ScalableDimension: 'ecs:service:DesiredCount',
};

export interface ScalingWorld {
  state: SimState;
  listener: string;
}

/** The kingdom with its 20 tasks healthy behind the gate; with `scaling`, the target and the policy too. */
export function buildScalingWorld(scaling: boolean): ScalingWorld {
  let s = royaumeWithTerritories(17);
  let r = call(s, 'elbv2:CreateLoadBalancer', { Name: 'gate', Subnets: ZONES.map((z) => subnetIdFor(z)) });
  s = r.state;
  const lbArn = r.output.LoadBalancers[0].LoadBalancerArn as string;
  r = call(s, 'elbv2:CreateTargetGroup', {
    Name: 'mill',
    Protocol: 'HTTP',
    Port: 80,
    VpcId: defaultVpcId(REGION),
    TargetType: 'instance',
    HealthCheckIntervalSeconds: 10,
    HealthyThresholdCount: 2,
  });
  s = r.state;
  const tg = r.output.TargetGroups[0].TargetGroupArn as string;
  s = call(s, 'elbv2:ModifyTargetGroupAttributes', {
    TargetGroupArn: tg,
    Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
  }).state;
  r = call(s, 'elbv2:CreateListener', {
    LoadBalancerArn: lbArn,
    Protocol: 'HTTP',
    Port: 80,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }],
  });
  s = r.state;
  const listener = r.output.Listeners[0].ListenerArn as string;
  r = call(s, 'ecs:RegisterTaskDefinition', {
    family: 'mill',
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx:1.27',
        cpu: 128,
        memory: 128,
        essential: true,
        portMappings: [{ containerPort: 80, hostPort: 0 }],
      },
    ],
  });
  s = r.state;
  s = call(s, 'ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: 'mill',
    desiredCount: 20,
    loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 80 }],
  }).state;
  for (let i = 0; i < 600; i++) {
    const healthy = Object.values(s.elb.targetGroups[tg]?.targets ?? {}).filter(
      (t) => t.state === 'healthy',
    ).length;
    if (healthy >= 20) break;
    s = advance(s, 1).state;
  }
  if (scaling) {
    s = call(s, 'application-autoscaling:RegisterScalableTarget', {
      ...REF,
      MinCapacity: 20,
      MaxCapacity: 100,
    }).state;
    s = call(s, 'application-autoscaling:PutScalingPolicy', {
      ...REF,
      PolicyName: 'cpu50',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 50,
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        ScaleOutCooldown: 60,
        ScaleInCooldown: 60,
      },
    }).state;
  }
  return { state: s, listener };
}

/** The hour: each ten minutes, the schedule's rate, then 600 simulated seconds (in one call or 600). */
export function playHour(w: ScalingWorld, perSecond: boolean): SimState {
  let s = w.state;
  for (const rps of SCHEDULE) {
    s = call(s, 'sim:SetTraffic', { ListenerArn: w.listener, RequestsPerSecond: rps }).state;
    if (perSecond) for (let i = 0; i < 600; i++) s = advance(s, 1).state;
    else s = advance(s, 600).state;
  }
  return s;
}

/** What the scaling hour must show: it reached 100 tasks, came back below 60, never left 20..100. */
export function checkScalingHour(end: SimState): string | null {
  const acts = end.appAutoScaling.activities;
  const most = Math.max(0, ...acts.map((a) => (a.why ? a.why.to : 0)));
  if (most !== 100) return `the service grew to ${most}, not 100`;
  if (acts.some((a) => a.why && (a.why.to < 20 || a.why.to > 100))) return 'an activity left 20..100';
  const desired = end.services.values().find((x) => x.serviceName === 'mill')?.desiredCount ?? 0;
  if (desired >= 60) return `the service ended at ${desired} tasks`;
  return null;
}
