/**
 * The building steps the browser tests' worlds share, each a few real calls through the store (the
 * test bridge) from the test's side: found the kingdom Royaume with ECS territories in some portals,
 * register a plan of one web building in several editions, and raise the gate "web" with its two roads
 * web-blue and web-green. Simulated time only moves by the store's advance(), never by the wall clock.
 */
import type { Page } from '@playwright/test';
import { advanceUntil, ECS_AMI_PARAMETER, ok, userData } from './helpers.ts';

/** The ECS-optimized image's id, read from SSM as a player would. */
export async function ecsAmi(page: Page): Promise<string> {
  const out = await ok(page, { action: 'ssm:GetParameter', input: { Name: ECS_AMI_PARAMETER } });
  return (out.Parameter as { Value: string }).Value;
}

/**
 * Creates the cluster Royaume and one m5.large territory in each portal (zone letters), and runs the
 * clock until all of their castles (container instances) are ACTIVE. Returns the instance ids.
 */
export async function foundKingdom(page: Page, zones = ['a', 'b', 'c'], limit = 120): Promise<string[]> {
  await ok(page, { action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } });
  const ami = await ecsAmi(page);
  const ids: string[] = [];
  for (const zone of zones) {
    const run = await ok(page, {
      action: 'ec2:RunInstances',
      input: {
        ImageId: ami,
        InstanceType: 'm5.large',
        Placement: { AvailabilityZone: `za-southwest-1${zone}` },
        UserData: userData('Royaume'),
        MinCount: 1,
        MaxCount: 1,
      },
    });
    ids.push((run.Instances as { InstanceId: string }[])[0]?.InstanceId as string);
  }
  await advanceUntil(
    page,
    `(sim, n) => sim.containerInstances.values().filter((c) => c.status === 'ACTIVE').length === n`,
    zones.length,
    limit,
  );
  return ids;
}

/** Registers plan `family`, one edition per image: one essential building "web" with door 80 (dynamic host port). */
export async function registerWebPlan(page: Page, family: string, images: string[]): Promise<void> {
  for (const image of images) {
    await ok(page, {
      action: 'ecs:RegisterTaskDefinition',
      input: {
        family,
        containerDefinitions: [
          {
            name: 'web',
            image,
            cpu: 256,
            memory: 512,
            essential: true,
            portMappings: [{ containerPort: 80, hostPort: 0 }],
          },
        ],
      },
    });
  }
}

export interface GateRoads {
  lbArn: string;
  blue: string;
  green: string;
}

/**
 * The gate "web" (an Application Load Balancer in every subnet) and its two roads web-blue and
 * web-green (HTTP:80 instance target groups, health checks every 10 s, healthy after 2), no doors yet.
 */
export async function gateWithRoads(page: Page): Promise<GateRoads> {
  const subnets = (await ok(page, { action: 'ec2:DescribeSubnets', input: {} })).Subnets as {
    SubnetId: string;
    VpcId: string;
  }[];
  const lb = await ok(page, {
    action: 'elbv2:CreateLoadBalancer',
    input: { Name: 'web', Subnets: subnets.map((s) => s.SubnetId) },
  });
  const road = async (name: string) => {
    const out = await ok(page, {
      action: 'elbv2:CreateTargetGroup',
      input: {
        Name: name,
        Protocol: 'HTTP',
        Port: 80,
        VpcId: subnets[0]?.VpcId,
        TargetType: 'instance',
        HealthCheckIntervalSeconds: 10,
        HealthyThresholdCount: 2,
      },
    });
    return (out.TargetGroups as { TargetGroupArn: string }[])[0]?.TargetGroupArn as string;
  };
  return {
    lbArn: (lb.LoadBalancers as { LoadBalancerArn: string }[])[0]?.LoadBalancerArn as string,
    blue: await road('web-blue'),
    green: await road('web-green'),
  };
}

/** A door of the gate: an HTTP listener whose default action forwards as `action` says. */
export async function door(page: Page, lbArn: string, port: number, action: object): Promise<string> {
  const out = await ok(page, {
    action: 'elbv2:CreateListener',
    input: { LoadBalancerArn: lbArn, Protocol: 'HTTP', Port: port, DefaultActions: [action] },
  });
  return (out.Listeners as { ListenerArn: string }[])[0]?.ListenerArn as string;
}

/** Runs the clock (at most `limit` s) until each road has at least its count of healthy targets. */
export async function untilHealthy(page: Page, counts: [string, number][], limit = 300): Promise<void> {
  await advanceUntil(
    page,
    `(sim, counts) => counts.every(([arn, n]) => {
      const tg = sim.elb.targetGroups[arn];
      return !!tg && Object.values(tg.targets).filter((t) => t.state === 'healthy').length >= n;
    })`,
    counts,
    limit,
  );
}

/** Runs the clock for `seconds` simulated seconds in one go (the scene sees it all at once). */
export async function advance(page: Page, seconds: number): Promise<void> {
  await page.evaluate((n) => {
    const store = window.__nozama?.store;
    if (!store) throw new Error('no test bridge');
    for (let i = 0; i < n; i++) store.getState().advance(1);
  }, seconds);
}
