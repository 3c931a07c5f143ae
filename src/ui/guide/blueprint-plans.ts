/**
 * Free play's blueprints: a common setup laid down in one click, as the real calls it makes, listed
 * before they run (call-list.ts) and sent one by one through the store's dispatch (so each is in the
 * Chronicle, undoable, and shown in AWS's words). What already stands is not asked for again; a decree
 * that stands without a gate is put behind it with UpdateService loadBalancers.
 *
 * - gate: a kingdom, a territory behind each of three portals, a plan (one building, a door on 80), a
 *   gate with two roads and two doors (gate-plan.ts: the main door 80 and the test door 8080 a canary
 *   needs) and the decree of three developments behind the main road;
 * - travelers: twenty a second through the main door (sim:SetTraffic);
 * - cursed edition: the plan's next edition (a newer image) and a curse on it, three answers in ten
 *   wrong (sim:SetBehavior), which a canary should catch;
 * - watchtower: an alarm on the gate's failed answers, HTTPCode_Target_5XX_Count, Sum over a minute
 *   at least 5, missing data not breaching
 *   (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html).
 */

import { T } from '../../i18n/messages.ts';
import { ecsUserData } from '../../levels/calls.ts';
import type { Call, SimState } from '../../model/index.ts';
import { amiId, defaultVpcId, lbDimension, subnetIdFor, zoneNames } from '../../model/index.ts';
import type { NameMode } from '../../store/create-game-store.ts';
import type { Here } from '../../store/view-region.ts';
import { type PlannedCall, scriptLine } from '../forms/call-list.ts';
import { gatePlan } from '../forms/gate-plan.ts';

export type BlueprintId = 'gate' | 'travelers' | 'cursedEdition' | 'watchtower';

export const BLUEPRINTS: readonly BlueprintId[] = ['gate', 'travelers', 'cursedEdition', 'watchtower'];

/** The names a player may change before laying a blueprint down. */
export interface BlueprintNames {
  kingdom: string;
  decree: string;
  gate: string;
  watchtower: string;
}

export const TRAVELERS_PER_SECOND = 20;
export const CURSE_ERROR_RATE = 0.3;

/** Names for a world: its first kingdom if it has one, else Royaume; a decree mill at gate "gate". */
export function defaultNames(here: Here): BlueprintNames {
  const kingdom =
    Object.values(here.sim.clusters)
      .filter((c) => c.region === here.ui.region && c.status === 'ACTIVE')
      .map((c) => c.clusterName)
      .sort()[0] ?? 'Royaume';
  return { kingdom, decree: 'mill', gate: 'gate', watchtower: 'mill-5xx' };
}

const roadNames = (n: BlueprintNames) => ({ main: `${n.decree}-blue`, test: `${n.decree}-green` });

function clusterOf(sim: SimState, region: string, name: string) {
  return Object.values(sim.clusters).find(
    (c) => c.region === region && c.clusterName === name && c.status === 'ACTIVE',
  );
}

function serviceOf(sim: SimState, region: string, kingdom: string, name: string) {
  const cluster = clusterOf(sim, region, kingdom);
  return sim.services
    .values()
    .find((s) => s.clusterArn === cluster?.clusterArn && s.serviceName === name && s.status === 'ACTIVE');
}

function editionsOf(sim: SimState, region: string, family: string) {
  return Object.values(sim.taskDefinitions)
    .filter((td) => td.region === region && td.family === family && td.status === 'ACTIVE')
    .sort((a, b) => a.revision - b.revision);
}

function gateOf(sim: SimState, region: string, name: string) {
  return Object.values(sim.elb.loadBalancers).find(
    (lb) => lb.region === region && lb.LoadBalancerName === name,
  );
}

function roadArn(sim: SimState, region: string, name: string): string | undefined {
  return Object.values(sim.elb.targetGroups).find((t) => t.region === region && t.TargetGroupName === name)
    ?.TargetGroupArn;
}

function mainDoorArn(sim: SimState, region: string, gate: string): string | undefined {
  const lb = gateOf(sim, region, gate);
  return Object.values(sim.elb.listeners).find(
    (l) => l.LoadBalancerArn === lb?.LoadBalancerArn && l.Port === 80,
  )?.ListenerArn;
}

/** A planned call that reads the world as it is when it is sent (earlier calls of the run included). */
function planned(
  title: [string, string],
  call: (value: (variable: string, known: string | undefined) => string) => Call,
  standing: string | undefined,
): PlannedCall {
  return {
    title,
    preview: scriptLine(call((v, known) => known ?? `$${v}`)),
    ...(standing ? { standing } : {}),
    build: () => call((_v, known) => known ?? ''),
  };
}

function gateBlueprint(here: Here, n: BlueprintNames, mode: NameMode, now: () => Here): PlannedCall[] {
  const { sim } = here;
  const region = here.ui.region;
  const cluster = clusterOf(sim, region, n.kingdom);
  const steps: PlannedCall[] = [
    planned(
      T.pair('guide.step.kingdom', { kingdom: n.kingdom }),
      () => ({ action: 'ecs:CreateCluster', input: { clusterName: n.kingdom } }),
      cluster ? T.inMode('guide.stands.kingdom', mode, { kingdom: n.kingdom }) : undefined,
    ),
  ];
  for (const zone of zoneNames(region).slice(0, 3)) {
    const held = sim.instances
      .values()
      .some(
        (i) =>
          i.availabilityZone === zone &&
          i.ecsCluster === n.kingdom &&
          (i.state === 'pending' || i.state === 'running'),
      );
    steps.push(
      planned(
        T.pair('guide.step.territory', { portal: zone.slice(-2), zone }),
        () => ({
          action: 'ec2:RunInstances',
          input: {
            ImageId: amiId(region, 'ecs-al2023'),
            InstanceType: 't3.medium',
            MinCount: 1,
            MaxCount: 1,
            Placement: { AvailabilityZone: zone },
            UserData: ecsUserData(n.kingdom),
          },
        }),
        held
          ? T.inMode('guide.stands.territory', mode, { kingdom: n.kingdom, portal: zone.slice(-2), zone })
          : undefined,
      ),
    );
  }
  const drafted = editionsOf(sim, region, n.decree).length > 0;
  steps.push(
    planned(
      T.pair('guide.step.plan', { decree: n.decree }),
      () => ({
        action: 'ecs:RegisterTaskDefinition',
        input: {
          family: n.decree,
          containerDefinitions: [
            {
              name: 'web',
              image: 'nginx:1.27',
              cpu: 256,
              memory: 512,
              essential: true,
              portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
            },
          ],
        },
      }),
      drafted ? T.inMode('guide.stands.plan', mode, { decree: n.decree }) : undefined,
    ),
  );
  const roads = roadNames(n);
  steps.push(
    ...gatePlan(
      here,
      {
        name: n.gate,
        subnets: zoneNames(region).slice(0, 3).map(subnetIdFor),
        vpcId: defaultVpcId(region),
        mainRoad: roads.main,
        testRoad: roads.test,
        testDoor: true,
        roadPort: 80,
        targetType: 'instance',
        healthCheckPath: '/',
        herald: { HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 },
      },
      mode,
    ),
  );
  const svc = serviceOf(sim, region, n.kingdom, n.decree);
  const behind = (svc?.loadBalancers.length ?? 0) > 0;
  const lbs = (value: (v: string, known: string | undefined) => string) => [
    {
      targetGroupArn: value('MAIN_ROAD_ARN', roadArn(now().sim, region, roads.main)),
      containerName: 'web',
      containerPort: 80,
    },
  ];
  steps.push(
    svc && !behind
      ? planned(
          T.pair('guide.step.behindGate', { decree: n.decree, gate: n.gate }),
          (value) => ({
            action: 'ecs:UpdateService',
            input: {
              cluster: n.kingdom,
              service: n.decree,
              loadBalancers: lbs(value),
              healthCheckGracePeriodSeconds: 30,
            },
          }),
          undefined,
        )
      : planned(
          T.pair('guide.step.decree', { decree: n.decree, gate: n.gate }),
          (value) => ({
            action: 'ecs:CreateService',
            input: {
              cluster: n.kingdom,
              serviceName: n.decree,
              taskDefinition: n.decree,
              desiredCount: 3,
              loadBalancers: lbs(value),
              healthCheckGracePeriodSeconds: 30,
            },
          }),
          svc ? T.inMode('guide.stands.decree', mode, { decree: n.decree }) : undefined,
        ),
  );
  return steps;
}

function travelersBlueprint(here: Here, n: BlueprintNames, mode: NameMode, now: () => Here): PlannedCall[] {
  const region = here.ui.region;
  const door = mainDoorArn(here.sim, region, n.gate);
  const flowing = door !== undefined && (here.sim.traffic.sources[door]?.requestsPerSecond ?? 0) > 0;
  return [
    planned(
      T.pair('guide.step.travelers', { count: TRAVELERS_PER_SECOND }),
      (value) => ({
        action: 'sim:SetTraffic',
        input: {
          ListenerArn: value('MAIN_DOOR_ARN', mainDoorArn(now().sim, region, n.gate)),
          RequestsPerSecond: TRAVELERS_PER_SECOND,
        },
      }),
      flowing ? T.inMode('guide.stands.travelers', mode) : undefined,
    ),
  ];
}

function cursedEditionBlueprint(
  here: Here,
  n: BlueprintNames,
  mode: NameMode,
  now: () => Here,
): PlannedCall[] {
  const region = here.ui.region;
  const editions = editionsOf(here.sim, region, n.decree);
  const last = editions[editions.length - 1];
  // A newer edition than the decree runs already waits: it is the one to curse, not a third.
  const runs = serviceOf(here.sim, region, n.kingdom, n.decree)?.taskDefinition;
  const waiting = last && last.revision > 1 && last.taskDefinitionArn !== runs ? last : undefined;
  const next = waiting ? `${n.decree}:${waiting.revision}` : `${n.decree}:${(last?.revision ?? 0) + 1}`;
  const edition = next.slice(next.lastIndexOf(':') + 1);
  const images = new Set(waiting?.containerDefinitions.map((c) => c.image) ?? []);
  const cursed =
    waiting !== undefined &&
    Object.entries(here.sim.traffic.behaviors).some(
      ([key, b]) => b.errorRate > 0 && (key === waiting.taskDefinitionArn || images.has(key)),
    );
  const containers = (last?.containerDefinitions ?? []).map((c) => ({
    name: c.name,
    image: c.image === 'nginx:1.28' ? 'nginx:1.29' : 'nginx:1.28',
    cpu: c.cpu,
    memory: c.memory,
    essential: c.essential,
    portMappings: c.portMappings.map((p) => ({
      containerPort: p.containerPort,
      hostPort: p.hostPort,
      protocol: p.protocol,
    })),
  }));
  return [
    planned(
      T.pair('guide.step.edition', { edition, decree: n.decree, next }),
      () => ({
        action: 'ecs:RegisterTaskDefinition',
        input: { family: n.decree, containerDefinitions: containers },
      }),
      waiting ? T.inMode('guide.stands.edition', mode, { edition, decree: n.decree, next }) : undefined,
    ),
    planned(
      T.pair('guide.step.curse', { edition, next }),
      (value) => {
        const newest = editionsOf(now().sim, region, n.decree).at(-1);
        return {
          action: 'sim:SetBehavior',
          input: {
            TaskDefinition: value('NEW_EDITION', newest ? `${newest.family}:${newest.revision}` : undefined),
            ErrorRate: CURSE_ERROR_RATE,
          },
        };
      },
      cursed ? T.inMode('guide.stands.curse', mode, { edition, next }) : undefined,
    ),
  ];
}

function watchtowerBlueprint(here: Here, n: BlueprintNames, mode: NameMode, now: () => Here): PlannedCall[] {
  const region = here.ui.region;
  const standing = Object.values(here.sim.cloudwatch.alarms).some(
    (a) => a.region === region && a.AlarmName === n.watchtower,
  );
  return [
    planned(
      T.pair('guide.step.watchtower', { watchtower: n.watchtower, gate: n.gate }),
      (value) => {
        const lb = gateOf(now().sim, region, n.gate);
        return {
          action: 'cloudwatch:PutMetricAlarm',
          input: {
            AlarmName: n.watchtower,
            Namespace: 'AWS/ApplicationELB',
            MetricName: 'HTTPCode_Target_5XX_Count',
            Dimensions: [
              {
                Name: 'LoadBalancer',
                Value: value('GATE_DIMENSION', lb ? lbDimension(lb.LoadBalancerArn) : undefined),
              },
            ],
            Statistic: 'Sum',
            Period: 60,
            EvaluationPeriods: 1,
            Threshold: 5,
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
            TreatMissingData: 'notBreaching',
          },
        };
      },
      standing ? T.inMode('guide.stands.watchtower', mode, { watchtower: n.watchtower }) : undefined,
    ),
  ];
}

/** The calls of a blueprint for the world as it is; `now` reads the world as each call is sent. */
export function blueprintPlan(
  id: BlueprintId,
  here: Here,
  names: BlueprintNames,
  mode: NameMode,
  now: () => Here,
): PlannedCall[] {
  if (id === 'gate') return gateBlueprint(here, names, mode, now);
  if (id === 'travelers') return travelersBlueprint(here, names, mode, now);
  if (id === 'cursedEdition') return cursedEditionBlueprint(here, names, mode, now);
  return watchtowerBlueprint(here, names, mode, now);
}
