/**
 * Worlds for deployment tests (helper M3): CloudWatch alarms that hold the state SetAlarmState gives
 * them (no data, TreatMissingData ignore), a service behind an ALB, and readers for service
 * deployments. Built through the public API only.
 */
import { alb, registerWebWithPort } from './elb.ts';
import { kingdom, type World } from './world.ts';

/** An alarm on a metric nobody writes: it keeps whatever state SetAlarmState puts it in. */
export function quietAlarm(w: World, name: string, periodSeconds = 60, evaluationPeriods = 1): void {
  w.ok('cloudwatch:PutMetricAlarm', {
    AlarmName: name,
    Namespace: 'Nozama/Test',
    MetricName: `${name}-metric`,
    Statistic: 'Sum',
    Period: periodSeconds,
    EvaluationPeriods: evaluationPeriods,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'ignore',
  });
}

export function setAlarm(w: World, name: string, state: 'OK' | 'ALARM'): void {
  w.ok('cloudwatch:SetAlarmState', { AlarmName: name, StateValue: state, StateReason: `test: ${state}` });
}

/** Registers a new revision of `family` with the given image (a fault can be attached to the image). */
export function revision(w: World, family: string, image: string, port = false): string {
  return w.ok('ecs:RegisterTaskDefinition', {
    family,
    containerDefinitions: [
      {
        name: 'web',
        image,
        cpu: 128,
        memory: 256,
        essential: true,
        ...(port ? { portMappings: [{ containerPort: 80, hostPort: 0 }] } : {}),
      },
    ],
  }).taskDefinition.taskDefinitionArn;
}

export function records(w: World, service = 'mill'): any[] {
  const list = w.ok('ecs:ListServiceDeployments', { cluster: 'Royaume', service }).serviceDeployments;
  if (list.length === 0) return [];
  return w.ok('ecs:DescribeServiceDeployments', {
    serviceDeploymentArns: list.map((b: any) => b.serviceDeploymentArn),
  }).serviceDeployments;
}

export function messages(w: World, service = 'mill'): string[] {
  return w.service(service).events.map((e: any) => e.message as string);
}

export interface NativeWorld {
  w: World;
  blueTg: string;
  greenTg: string;
  prodRule: string;
  testRule: string;
  td1: string;
}

/**
 * Three instances, an ALB with blue and green groups, listener 80 (production, its
 * default rule) forwarding to blue and 8080 (test) to green, and service `mill` of `desired` tasks on
 * blue with the given deployment configuration, tasks healthy (10 s checks).
 */
export function nativeWorld(
  deploymentConfiguration: Record<string, unknown>,
  desired = 2,
  seed = 1,
): NativeWorld {
  const w = kingdom(['a', 'b', 'c'], 't3.medium', seed);
  const lb = alb(w, {
    waitActive: true,
    groupInput: {
      HealthCheckIntervalSeconds: 10,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 2,
    },
    deregistrationDelay: 5,
  });
  const td1 = registerWebWithPort(w, 'web', 'bridge', 'nginx:1.27');
  w.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: td1,
    desiredCount: desired,
    deploymentConfiguration,
    loadBalancers: [
      {
        targetGroupArn: lb.blue,
        containerName: 'web',
        containerPort: 80,
        advancedConfiguration: {
          alternateTargetGroupArn: lb.green,
          productionListenerRule: lb.rule80,
          testListenerRule: lb.rule8080,
        },
      },
    ],
  });
  w.tick(90);
  return { w, blueTg: lb.blue, greenTg: lb.green, prodRule: lb.rule80, testRule: lb.rule8080, td1 };
}
