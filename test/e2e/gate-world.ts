/**
 * A kingdom with a city gate, built with real calls through the store inside the page (pass the
 * function to page.evaluate; it imports nothing): three territories, plan "web" in two editions,
 * load balancer "web" with target groups web-blue and web-green, the main door (80) sending 90% to
 * blue and 10% to green, the test door (8080) sending everything to green, a decree per colour
 * registering its developments with its group, travelers on both doors, and optionally a fault on
 * edition 2, three watchtowers (one lit, one dark, one without news) and a spell with two editions
 * and a weighted incantation. Simulated time is advanced until the developments are healthy.
 */
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

export async function buildGateWorld(o: GateWorldOptions): Promise<GateWorldInfo> {
  const bridge = window.__nozama;
  if (!bridge) throw new Error('no test bridge');
  const store = bridge.store;
  const ok = (action: string, input: Record<string, unknown>): any => {
    const r = store.getState().dispatch({ action, input });
    if ('error' in r) throw new Error(`${action}: ${r.error.name}: ${r.error.message}`);
    return r.output;
  };
  const until = (f: () => boolean, limit: number, what: string) => {
    for (let i = 0; i < limit && !f(); i++) store.getState().advance(1);
    if (!f()) throw new Error(`not reached in ${limit} s: ${what}`);
  };
  ok('ecs:CreateCluster', { clusterName: 'Royaume' });
  const ami = ok('ssm:GetParameter', {
    Name: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
  }).Parameter.Value;
  const userData = btoa('#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config');
  for (const zone of ['a', 'b', 'c']) {
    ok('ec2:RunInstances', {
      ImageId: ami,
      InstanceType: 'm5.large',
      Placement: { AvailabilityZone: `za-southwest-1${zone}` },
      UserData: userData,
      MinCount: 1,
      MaxCount: 1,
    });
  }
  until(
    () =>
      Object.values(store.getState().sim.containerInstances).filter((c) => c.status === 'ACTIVE').length ===
      3,
    120,
    'three castles',
  );
  for (const rev of [1, 2]) {
    ok('ecs:RegisterTaskDefinition', {
      family: 'web',
      containerDefinitions: [
        {
          name: 'web',
          image: `nginx:1.2${rev}`,
          cpu: 256,
          memory: 512,
          essential: true,
          portMappings: [{ containerPort: 80, hostPort: 0 }],
        },
      ],
    });
  }
  const subnets = ok('ec2:DescribeSubnets', {}).Subnets as { SubnetId: string; VpcId: string }[];
  const vpc = subnets[0]?.VpcId;
  const lbArn = ok('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: subnets.map((s) => s.SubnetId) })
    .LoadBalancers[0].LoadBalancerArn as string;
  const group = (name: string) =>
    ok('elbv2:CreateTargetGroup', {
      Name: name,
      Protocol: 'HTTP',
      Port: 80,
      VpcId: vpc,
      TargetType: 'instance',
      HealthCheckIntervalSeconds: 10,
      HealthyThresholdCount: 2,
    }).TargetGroups[0].TargetGroupArn as string;
  const blue = group('web-blue');
  const green = group('web-green');
  const listener80 = ok('elbv2:CreateListener', {
    LoadBalancerArn: lbArn,
    Protocol: 'HTTP',
    Port: 80,
    DefaultActions: [
      {
        Type: 'forward',
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: blue, Weight: 90 },
            { TargetGroupArn: green, Weight: 10 },
          ],
        },
      },
    ],
  }).Listeners[0].ListenerArn as string;
  const listener8080 = ok('elbv2:CreateListener', {
    LoadBalancerArn: lbArn,
    Protocol: 'HTTP',
    Port: 8080,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: green }],
  }).Listeners[0].ListenerArn as string;
  const decree = (name: string, plan: string, count: number, tg: string) =>
    ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: name,
      taskDefinition: plan,
      desiredCount: count,
      launchType: 'EC2',
      loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 80 }],
    });
  decree('web-blue', 'web:1', 3, blue);
  decree('web-green', 'web:2', 1, green);
  const healthy = (arn: string, n: number) => {
    const tg = store.getState().sim.elb.targetGroups[arn];
    return !!tg && Object.values(tg.targets).filter((t) => t.state === 'healthy').length >= n;
  };
  until(() => healthy(blue, 3) && healthy(green, 1), 300, 'healthy targets');
  ok('sim:SetTraffic', { ListenerArn: listener80, RequestsPerSecond: 100 });
  ok('sim:SetTraffic', { ListenerArn: listener8080, RequestsPerSecond: 10 });
  if (o.errorRate > 0) ok('sim:SetBehavior', { TaskDefinition: 'web:2', ErrorRate: o.errorRate });
  if (o.alarms) {
    const lbDim = lbArn.slice(lbArn.indexOf('loadbalancer/') + 'loadbalancer/'.length);
    const tgDim = green.slice(green.indexOf('targetgroup/'));
    const alarm = (name: string, metric: string, dims: Record<string, string>, threshold: number) =>
      ok('cloudwatch:PutMetricAlarm', {
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
    alarm('green-5xx', 'HTTPCode_Target_5XX_Count', { LoadBalancer: lbDim, TargetGroup: tgDim }, 5);
    const blueDim = blue.slice(blue.indexOf('targetgroup/'));
    alarm('blue-flood', 'RequestCount', { LoadBalancer: lbDim, TargetGroup: blueDim }, 100000);
    alarm('old-gate', 'RequestCount', { LoadBalancer: 'app/gone/0000000000000000' }, 1);
  }
  if (o.spell) {
    const role = 'arn:aws:iam::123456789012:role/spell-caster';
    ok('lambda:CreateFunction', {
      FunctionName: 'checkout',
      Runtime: 'nodejs20.x',
      Role: role,
      Handler: 'index.handler',
      Code: { ZipFile: btoa('exports.handler = async () => 1;') },
    });
    ok('lambda:PublishVersion', { FunctionName: 'checkout' });
    ok('lambda:UpdateFunctionCode', {
      FunctionName: 'checkout',
      ZipFile: btoa('exports.handler = async () => 2;'),
    });
    ok('lambda:PublishVersion', { FunctionName: 'checkout' });
    ok('lambda:CreateAlias', {
      FunctionName: 'checkout',
      Name: 'live',
      FunctionVersion: '1',
      RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } },
    });
    ok('sim:SetTraffic', { FunctionName: 'checkout', Qualifier: 'live', RequestsPerSecond: 40 });
    if (o.errorRate > 0)
      ok('sim:SetBehavior', { FunctionName: 'checkout', Version: '2', ErrorRate: o.errorRate });
  }
  for (let i = 0; i < o.settle; i++) store.getState().advance(1);
  const sim = store.getState().sim;
  const tasksOf = (arn: string) =>
    Object.values(sim.elb.targetGroups[arn]?.targets ?? {})
      .map((t) => t.taskArn)
      .filter((t): t is string => t !== null);
  return {
    lbArn,
    blue,
    green,
    listener80,
    listener8080,
    blueTasks: tasksOf(blue),
    greenTasks: tasksOf(green),
  };
}
