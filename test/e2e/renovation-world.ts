/**
 * The preconditions of the renovation tests, built with real calls through the store (test/e2e/worlds.ts
 * has the steps it shares with the other worlds): three territories, plan "mill" in two
 * editions, gate "web" with roads web-blue and web-green, the main door (80) to blue and the test door
 * (8080) to green, decree "mill" of 3 developments of edition 1 on the blue road (health checks every
 * 10 s), 100 travelers a second at the main door, and watchtower "mill-5xx": the share of failed
 * travelers (metric math) above 1% for 2 of 2 minutes. Simulated time runs until the developments are
 * healthy and the watchtower has a full quiet minute.
 */
import type { Page } from '@playwright/test';
import { advanceUntil, ok } from './helpers.ts';
import { door, foundKingdom, gateWithRoads, registerWebPlan, untilHealthy } from './worlds.ts';

export interface RenovationWorld {
  lbArn: string;
  blue: string;
  green: string;
  listener80: string;
  listener8080: string;
  serviceArn: string;
}

export async function buildRenovationWorld(
  page: Page,
  o: { controller: 'ECS' | 'CODE_DEPLOY' },
): Promise<RenovationWorld> {
  const call = (action: string, input: Record<string, unknown>) => ok(page, { action, input });
  await foundKingdom(page);
  await registerWebPlan(page, 'mill', ['nginx:1.21', 'nginx:1.22']);
  const { lbArn, blue, green } = await gateWithRoads(page);
  for (const tg of [blue, green])
    await call('elbv2:ModifyTargetGroupAttributes', {
      TargetGroupArn: tg,
      Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '5' }],
    });
  const listener80 = await door(page, lbArn, 80, { Type: 'forward', TargetGroupArn: blue });
  const listener8080 = await door(page, lbArn, 8080, { Type: 'forward', TargetGroupArn: green });
  const created = await call('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: 'mill:1',
    desiredCount: 3,
    launchType: 'EC2',
    ...(o.controller === 'CODE_DEPLOY' ? { deploymentController: { type: 'CODE_DEPLOY' } } : {}),
    loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 80 }],
  });
  const serviceArn = (created.service as { serviceArn: string }).serviceArn;
  await untilHealthy(page, [[blue, 3]]);
  await call('sim:SetTraffic', { ListenerArn: listener80, RequestsPerSecond: 100 });
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
  await call('cloudwatch:PutMetricAlarm', {
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
  // A quiet watchtower: a full minute without failures.
  await advanceUntil(page, `(sim) => sim.cloudwatch.alarms['mill-5xx']?.StateValue === 'OK'`, null, 200);
  return { lbArn, blue, green, listener80, listener8080, serviceArn };
}
