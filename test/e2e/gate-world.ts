/**
 * A kingdom with a city gate, built with real calls through the store (test/e2e/worlds.ts has the
 * steps it shares with the other worlds): three territories, plan "web" in two editions,
 * load balancer "web" with target groups web-blue and web-green, the main door (80) sending 90% to
 * blue and 10% to green, the test door (8080) sending everything to green, a decree per colour
 * registering its developments with its group, travelers on both doors, and optionally a fault on
 * edition 2, three watchtowers (one lit, one dark, one without news) and a spell with two editions
 * and a weighted incantation. Simulated time is advanced until the developments are healthy.
 */
import type { Page } from '@playwright/test';
import { ok } from './helpers.ts';
import { advance, door, foundKingdom, gateWithRoads, registerWebPlan, untilHealthy } from './worlds.ts';

export interface GateWorldOptions {
  /** Share of web:2's requests that fail (0 for none). */
  errorRate: number;
  alarms: boolean;
  spell: boolean;
  /** Seconds to run after everything is healthy (traffic, metrics, alarms). */
  settle: number;
}

export interface GateWorldInfo {
  lbArn: string;
  blue: string;
  green: string;
  listener80: string;
  listener8080: string;
  blueTasks: string[];
  greenTasks: string[];
}

export async function buildGateWorld(page: Page, o: GateWorldOptions): Promise<GateWorldInfo> {
  const call = (action: string, input: Record<string, unknown>) => ok(page, { action, input });
  await foundKingdom(page);
  await registerWebPlan(page, 'web', ['nginx:1.21', 'nginx:1.22']);
  const { lbArn, blue, green } = await gateWithRoads(page);
  const listener80 = await door(page, lbArn, 80, {
    Type: 'forward',
    ForwardConfig: {
      TargetGroups: [
        { TargetGroupArn: blue, Weight: 90 },
        { TargetGroupArn: green, Weight: 10 },
      ],
    },
  });
  const listener8080 = await door(page, lbArn, 8080, { Type: 'forward', TargetGroupArn: green });
  const decree = (name: string, plan: string, count: number, tg: string) =>
    call('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: name,
      taskDefinition: plan,
      desiredCount: count,
      launchType: 'EC2',
      loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 80 }],
    });
  await decree('web-blue', 'web:1', 3, blue);
  await decree('web-green', 'web:2', 1, green);
  await untilHealthy(page, [
    [blue, 3],
    [green, 1],
  ]);
  await call('sim:SetTraffic', { ListenerArn: listener80, RequestsPerSecond: 100 });
  await call('sim:SetTraffic', { ListenerArn: listener8080, RequestsPerSecond: 10 });
  if (o.errorRate > 0) await call('sim:SetBehavior', { TaskDefinition: 'web:2', ErrorRate: o.errorRate });
  if (o.alarms) {
    const lbDim = lbArn.slice(lbArn.indexOf('loadbalancer/') + 'loadbalancer/'.length);
    const tgDim = green.slice(green.indexOf('targetgroup/'));
    const alarm = (name: string, metric: string, dims: Record<string, string>, threshold: number) =>
      call('cloudwatch:PutMetricAlarm', {
        AlarmName: name,
        Namespace: 'AWS/ApplicationELB',
        MetricName: metric,
        Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })),
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: threshold,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    await alarm('green-5xx', 'HTTPCode_Target_5XX_Count', { LoadBalancer: lbDim, TargetGroup: tgDim }, 5);
    const blueDim = blue.slice(blue.indexOf('targetgroup/'));
    await alarm('blue-flood', 'RequestCount', { LoadBalancer: lbDim, TargetGroup: blueDim }, 100000);
    await alarm('old-gate', 'RequestCount', { LoadBalancer: 'app/gone/0000000000000000' }, 1);
  }
  if (o.spell) {
    const zip = (source: string) => Buffer.from(source).toString('base64');
    await call('lambda:CreateFunction', {
      FunctionName: 'checkout',
      Runtime: 'nodejs20.x',
      Role: 'arn:aws:iam::123456789012:role/spell-caster',
      Handler: 'index.handler',
      Code: { ZipFile: zip('exports.handler = async () => 1;') },
    });
    await call('lambda:PublishVersion', { FunctionName: 'checkout' });
    await call('lambda:UpdateFunctionCode', {
      FunctionName: 'checkout',
      ZipFile: zip('exports.handler = async () => 2;'),
    });
    await call('lambda:PublishVersion', { FunctionName: 'checkout' });
    await call('lambda:CreateAlias', {
      FunctionName: 'checkout',
      Name: 'live',
      FunctionVersion: '1',
      RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } },
    });
    await call('sim:SetTraffic', { FunctionName: 'checkout', Qualifier: 'live', RequestsPerSecond: 40 });
    if (o.errorRate > 0)
      await call('sim:SetBehavior', { FunctionName: 'checkout', Version: '2', ErrorRate: o.errorRate });
  }
  await advance(page, o.settle);
  const tasksOf = (arn: string) =>
    page.evaluate(
      (tg) =>
        Object.values(window.__nozama?.store.getState().sim.elb.targetGroups[tg]?.targets ?? {})
          .map((t) => t.taskArn)
          .filter((t): t is string => t !== null),
      arn,
    );
  return {
    lbArn,
    blue,
    green,
    listener80,
    listener8080,
    blueTasks: await tasksOf(blue),
    greenTasks: await tasksOf(green),
  };
}
