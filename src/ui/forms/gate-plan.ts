/**
 * The calls that build a gate, from what the player chose (a typed `GateChoice`): the load balancer,
 * one or two target groups with the herald's settings, and the doors (listener 80 on the first road,
 * 8080 on the second). Later calls read the ARNs earlier ones answer (shown as shell variables in the
 * preview); what already stands is not asked for again.
 */
import { wordAndName } from '../../i18n/gate-names.ts';
import { capitalize } from '../../i18n/lexicon.ts';
import type { Call } from '../../model/index.ts';
import type { NameMode } from '../../store/create-game-store.ts';
import type { Here } from '../../store/view-region.ts';
import { pick } from '../dom.ts';
import type { PlannedCall } from './call-list.ts';
import { scriptLine } from './call-list.ts';
import { doorsOf, gatesOf, roadsOf } from './gate-things.ts';

export interface GateChoice {
  name: string;
  subnets: string[];
  vpcId: string;
  mainRoad: string;
  testRoad: string;
  /** Also a test door (8080) on a second road. */
  testDoor: boolean;
  /** Numbers as typed: a number, or the raw text (AWS refuses it in its words). */
  roadPort: number | string;
  targetType: string;
  healthCheckPath: string;
  /** HealthCheckIntervalSeconds, HealthCheckTimeoutSeconds, HealthyThresholdCount, UnhealthyThresholdCount. */
  herald: Record<string, number | string>;
}

type RoadVariable = 'MAIN_ROAD_ARN' | 'TEST_ROAD_ARN';

export function gatePlan(here: Here, c: GateChoice, mode: NameMode): PlannedCall[] {
  const { sim } = here;
  // "gate web", but "the gate" for a gate named gate (never "gate gate").
  const gateSays = wordAndName('gate', c.name);
  const lb = gatesOf(here).find((g) => g.LoadBalancerName === c.name);
  const refs: Record<string, string | undefined> = { GATE_ARN: lb?.LoadBalancerArn };

  const road = (variable: RoadVariable, tgName: string): PlannedCall => {
    const existing = roadsOf(here).find((t) => t.TargetGroupName === tgName);
    refs[variable] = existing?.TargetGroupArn;
    const call = (): Call => ({
      action: 'elbv2:CreateTargetGroup',
      input: {
        Name: tgName,
        Protocol: 'HTTP',
        Port: c.roadPort,
        VpcId: c.vpcId,
        TargetType: c.targetType,
        HealthCheckPath: c.healthCheckPath,
        ...c.herald,
      },
    });
    return {
      title: [`Lay road ${tgName}`, `Create target group ${tgName}`],
      preview: scriptLine(call(), { variable, query: 'TargetGroups[0].TargetGroupArn' }),
      ...(existing
        ? { standing: pick(`Road ${tgName} is already laid.`, `Target group ${tgName} exists.`, mode) }
        : {}),
      build: call,
      capture: (o) => {
        refs[variable] = (o.TargetGroups as { TargetGroupArn: string }[])[0]?.TargetGroupArn;
      },
      success: (o) => {
        const tg = (o.TargetGroups as { TargetGroupName: string; HealthCheckIntervalSeconds: number }[])[0];
        return pick(
          `Road ${tg?.TargetGroupName} laid; the herald visits every ${tg?.HealthCheckIntervalSeconds} s.`,
          `Target group ${tg?.TargetGroupName} created.`,
          mode,
        );
      },
    };
  };

  const door = (port: number, variable: RoadVariable): PlannedCall => {
    const standing = lb ? doorsOf(sim, lb.LoadBalancerArn).find((l) => l.Port === port) : undefined;
    // The preview names what is not known yet as a shell variable; the real call reads the answers.
    const call = (value: (v: string) => string): Call => ({
      action: 'elbv2:CreateListener',
      input: {
        LoadBalancerArn: value('GATE_ARN'),
        Protocol: 'HTTP',
        Port: port,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: value(variable) }],
      },
    });
    const noz = port === 80 ? 'Hang the main door (80)' : 'Hang the test door (8080)';
    const roadName = variable === 'MAIN_ROAD_ARN' ? c.mainRoad : c.testRoad;
    return {
      title: [noz, `Create listener HTTP:${port}`],
      preview: scriptLine(call((v) => refs[v] ?? `$${v}`)),
      ...(standing
        ? {
            standing: pick(
              `The door ${port} already hangs on ${gateSays}.`,
              `Listener ${port} exists on ${c.name}.`,
              mode,
            ),
          }
        : {}),
      build: () => call((v) => refs[v] ?? ''),
      success: () =>
        pick(
          `The ${port === 80 ? 'main' : 'test'} door (${port}) hangs: it opens on road ${roadName}.`,
          `Listener HTTP:${port} created.`,
          mode,
        ),
    };
  };

  const lbCall = (): Call => ({
    action: 'elbv2:CreateLoadBalancer',
    input: { Name: c.name, Subnets: c.subnets, Type: 'application' },
  });
  const steps: PlannedCall[] = [
    {
      title: [`Raise ${gateSays}`, `Create load balancer ${c.name}`],
      preview: scriptLine(lbCall(), { variable: 'GATE_ARN', query: 'LoadBalancers[0].LoadBalancerArn' }),
      ...(lb
        ? {
            standing: pick(
              `${capitalize(gateSays)} already stands.`,
              `Load balancer ${c.name} exists.`,
              mode,
            ),
          }
        : {}),
      build: lbCall,
      capture: (o) => {
        refs.GATE_ARN = (o.LoadBalancers as { LoadBalancerArn: string }[])[0]?.LoadBalancerArn;
      },
      success: (o) => {
        const made = (o.LoadBalancers as { DNSName: string; State: { Code: string } }[])[0];
        return pick(
          `${capitalize(gateSays)} is being raised (${made?.State.Code}); it opens in about half a minute.`,
          `Load balancer ${c.name} created (${made?.State.Code}): ${made?.DNSName}.`,
          mode,
        );
      },
    },
    road('MAIN_ROAD_ARN', c.mainRoad),
  ];
  if (c.testDoor) steps.push(road('TEST_ROAD_ARN', c.testRoad));
  steps.push(door(80, 'MAIN_ROAD_ARN'));
  if (c.testDoor) steps.push(door(8080, 'TEST_ROAD_ARN'));
  return steps;
}
