/**
 * The preconditions of the renovation tests, built with real calls through the store inside the page
 * (pass the function to page.evaluate; it imports nothing): three territories, plan "mill" in two
 * editions, gate "web" with roads web-blue and web-green, the main door (80) to blue and the test door
 * (8080) to green, decree "mill" of 3 developments of edition 1 on the blue road (health checks every
 * 10 s), 100 travelers a second at the main door, and watchtower "mill-5xx": the share of failed
 * travelers (metric math) above 1% for 2 of 2 minutes. Simulated time runs until the developments are
 * healthy and the watchtower has a full quiet minute.
 */
export interface RenovationWorld {
  lbArn: string;
  blue: string;
  green: string;
  listener80: string;
  listener8080: string;
  serviceArn: string;
}

export async function buildRenovationWorld(o: {
  controller: 'ECS' | 'CODE_DEPLOY';
}): Promise<RenovationWorld> {
  const store = window.__nozama?.store;
  if (!store) throw new Error('no test bridge');
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
  for (const zone of ['a', 'b', 'c'])
    ok('ec2:RunInstances', {
      ImageId: ami,
      InstanceType: 'm5.large',
      Placement: { AvailabilityZone: `za-southwest-1${zone}` },
      UserData: userData,
      MinCount: 1,
      MaxCount: 1,
    });
  until(
    () =>
      Object.values(store.getState().sim.containerInstances).filter((c) => c.status === 'ACTIVE').length ===
      3,
    120,
    'three castles',
  );
  for (const rev of [1, 2])
    ok('ecs:RegisterTaskDefinition', {
      family: 'mill',
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
  const subnets = ok('ec2:DescribeSubnets', {}).Subnets as { SubnetId: string; VpcId: string }[];
  const lbArn = ok('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: subnets.map((s) => s.SubnetId) })
    .LoadBalancers[0].LoadBalancerArn as string;
  const group = (name: string) =>
    ok('elbv2:CreateTargetGroup', {
      Name: name,
      Protocol: 'HTTP',
      Port: 80,
      VpcId: subnets[0]?.VpcId,
      TargetType: 'instance',
      HealthCheckIntervalSeconds: 10,
      HealthyThresholdCount: 2,
    }).TargetGroups[0].TargetGroupArn as string;
  const blue = group('web-blue');
  const green = group('web-green');
  for (const tg of [blue, green])
    ok('elbv2:ModifyTargetGroupAttributes', {
      TargetGroupArn: tg,
      Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '5' }],
    });
  const door = (port: number, tg: string) =>
    ok('elbv2:CreateListener', {
      LoadBalancerArn: lbArn,
      Protocol: 'HTTP',
      Port: port,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }],
    }).Listeners[0].ListenerArn as string;
  const listener80 = door(80, blue);
  const listener8080 = door(8080, green);
  const serviceArn = ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: 'mill:1',
    desiredCount: 3,
    launchType: 'EC2',
    ...(o.controller === 'CODE_DEPLOY' ? { deploymentController: { type: 'CODE_DEPLOY' } } : {}),
    loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 80 }],
  }).service.serviceArn as string;
  const healthy = (arn: string, n: number) => {
    const tg = store.getState().sim.elb.targetGroups[arn];
    return !!tg && Object.values(tg.targets).filter((t) => t.state === 'healthy').length >= n;
  };
  until(() => healthy(blue, 3), 300, 'healthy targets');
  ok('sim:SetTraffic', { ListenerArn: listener80, RequestsPerSecond: 100 });
  const lbDim = lbArn.slice(lbArn.indexOf('loadbalancer/') + 'loadbalancer/'.length);
  const stat = (id: string, metric: string) => ({
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/ApplicationELB',
        MetricName: metric,
        Dimensions: [{ Name: 'LoadBalancer', Value: lbDim }],
      },
      Period: 60,
      Stat: 'Sum',
    },
    ReturnData: false,
  });
  ok('cloudwatch:PutMetricAlarm', {
    AlarmName: 'mill-5xx',
    Metrics: [
      {
        Id: 'ratio',
        Expression: '100 * FILL(errors, 0) / requests',
        Label: 'Failed requests (%)',
        ReturnData: true,
      },
      stat('errors', 'HTTPCode_Target_5XX_Count'),
      stat('requests', 'RequestCount'),
    ],
    EvaluationPeriods: 2,
    DatapointsToAlarm: 2,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanThreshold',
    TreatMissingData: 'notBreaching',
  });
  until(
    () => store.getState().sim.cloudwatch.alarms['mill-5xx']?.StateValue === 'OK',
    200,
    'a quiet watchtower',
  );
  return { lbArn, blue, green, listener80, listener8080, serviceArn };
}
