/**
 * One simulated hour of a canary deployment under traffic (issue 4's benchmark): 20 instances in three
 * zones, an Application Load Balancer with blue and green target groups and listeners 80 and 8080,
 * service `mill` of 20 tasks behind it with the ECS-native CANARY strategy (10%, 5 minutes of canary
 * bake, 5 minutes of final bake), a 5xx alarm, and travelers at 100 requests per second on the main
 * door. The deployment to revision 2 starts, then the hour is timed as advance(state, 3600) and as
 * 3600 x advance(state, 1), against the same reference workload as the plain sim hour, measured in the
 * same run. The run is checked: the canary must have completed, 20 tasks of revision 2 must be RUNNING,
 * and revision 2 must have served at least half of the hour's requests.
 */
import { defaultVpcId, subnetIdFor } from '../src/model/ec2/catalog.ts';
import { advance } from '../src/model/index.ts';
import type { SimState } from '../src/model/sim/types.ts';
import { call, REGION, royaumeWithTerritories, ZONES } from './hour-kingdom.ts';

function webRevision(s: SimState, image: string) {
  return call(s, 'ecs:RegisterTaskDefinition', {
    family: 'mill',
    containerDefinitions: [
      {
        name: 'web',
        image,
        cpu: 128,
        memory: 256,
        essential: true,
        portMappings: [{ containerPort: 80, hostPort: 0 }],
      },
    ],
  });
}

export interface CanaryWorld {
  state: SimState;
  settleSeconds: number;
  listener80: string;
  blue: string;
  green: string;
  td2: string;
}

/** Builds the world and starts the canary; throws if the service never settles. */
export function buildCanaryWorld(): CanaryWorld {
  let s = royaumeWithTerritories(11);
  let r = call(s, 'elbv2:CreateLoadBalancer', { Name: 'gate', Subnets: ZONES.map((z) => subnetIdFor(z)) });
  s = r.state;
  const lbArn = r.output.LoadBalancers[0].LoadBalancerArn as string;
  const group = (name: string) => {
    const g = call(s, 'elbv2:CreateTargetGroup', {
      Name: name,
      Protocol: 'HTTP',
      Port: 80,
      VpcId: defaultVpcId(REGION),
      TargetType: 'instance',
      HealthCheckIntervalSeconds: 10,
      HealthyThresholdCount: 2,
    });
    s = g.state;
    const arn = g.output.TargetGroups[0].TargetGroupArn as string;
    s = call(s, 'elbv2:ModifyTargetGroupAttributes', {
      TargetGroupArn: arn,
      Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
    }).state;
    return arn;
  };
  const blue = group('mill-blue');
  const green = group('mill-green');
  const listener = (port: number, tg: string) => {
    const l = call(s, 'elbv2:CreateListener', {
      LoadBalancerArn: lbArn,
      Protocol: 'HTTP',
      Port: port,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }],
    });
    s = l.state;
    const arn = l.output.Listeners[0].ListenerArn as string;
    const rules = call(s, 'elbv2:DescribeRules', { ListenerArn: arn }).output.Rules as {
      RuleArn: string;
      IsDefault: boolean;
    }[];
    return { arn, rule: (rules.find((x) => x.IsDefault) as { RuleArn: string }).RuleArn };
  };
  const l80 = listener(80, blue);
  const l8080 = listener(8080, green);
  r = webRevision(s, 'nginx:1.27');
  s = r.state;
  const td1 = r.output.taskDefinition.taskDefinitionArn as string;
  s = call(s, 'cloudwatch:PutMetricAlarm', {
    AlarmName: 'mill-5xx',
    Namespace: 'AWS/ApplicationELB',
    MetricName: 'HTTPCode_Target_5XX_Count',
    Dimensions: [{ Name: 'LoadBalancer', Value: lbArn.split(':loadbalancer/')[1] }],
    Statistic: 'Sum',
    Period: 60,
    EvaluationPeriods: 2,
    Threshold: 10,
    ComparisonOperator: 'GreaterThanThreshold',
    TreatMissingData: 'notBreaching',
  }).state;
  s = call(s, 'ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: td1,
    desiredCount: 20,
    deploymentConfiguration: {
      minimumHealthyPercent: 100,
      maximumPercent: 200,
      strategy: 'CANARY',
      bakeTimeInMinutes: 5,
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
      alarms: { alarmNames: ['mill-5xx'], enable: true, rollback: true },
    },
    loadBalancers: [
      {
        targetGroupArn: blue,
        containerName: 'web',
        containerPort: 80,
        advancedConfiguration: {
          alternateTargetGroupArn: green,
          productionListenerRule: l80.rule,
          testListenerRule: l8080.rule,
        },
      },
    ],
  }).state;
  s = call(s, 'sim:SetTraffic', { ListenerArn: l80.arn, RequestsPerSecond: 100 }).state;
  let settle = 0;
  const healthyTargets = () =>
    Object.values(s.elb.targetGroups[blue]?.targets ?? {}).filter((t) => t.state === 'healthy').length;
  while (healthyTargets() < 20 && settle < 600) {
    s = advance(s, 1).state;
    settle++;
  }
  if (healthyTargets() < 20) throw new Error(`canary hour: only ${healthyTargets()} healthy targets`);
  r = webRevision(s, 'nginx:1.28');
  s = r.state;
  const td2 = r.output.taskDefinition.taskDefinitionArn as string;
  s = call(s, 'ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: td2 }).state;
  return { state: s, settleSeconds: settle, listener80: l80.arn, blue, green, td2 };
}

/** What an hour of the canary must have produced: the canary done, 100% on revision 2, no request lost. */
export function checkCanaryHour(w: CanaryWorld, end: SimState): string | null {
  const svc = end.services.values().find((x) => x.serviceName === 'mill');
  if (!svc) return 'service gone';
  const primary = svc.deployments[0];
  if (!primary || primary.taskDefinition !== w.td2 || primary.rolloutState !== 'COMPLETED')
    return `canary not completed on revision 2 (${primary?.taskDefinition} ${primary?.rolloutState})`;
  const running = end.tasks
    .values()
    .filter((t) => t.serviceName === 'mill' && t.desiredStatus === 'RUNNING' && t.lastStatus === 'RUNNING');
  if (running.length !== 20 || running.some((t) => t.taskDefinitionArn !== w.td2))
    return `expected 20 running tasks of revision 2, found ${running.length}`;
  const served = end.traffic.totals[w.td2]?.requests ?? 0;
  if (served < 100 * 1800) return `revision 2 served only ${served} requests in the hour`;
  return null;
}
