/**
 * The inspector's view of the gate's things: the lists to select them by keyboard (gates, doors,
 * roads, watchtowers), their key facts in the Rosetta mode, and for a road the herald's report
 * (elbv2:DescribeTargetHealth: each stop and its state), shown beside its Describe JSON.
 */
import { COMPARISON_WORDS, watchedWords } from '../i18n/gate-names.ts';
import { hookFunctionName, hookRuleWords } from '../i18n/hook-words.ts';
import { aliasShares, publishedEditions, sharePercent } from '../i18n/spell-editions.ts';
import { type Call, metricSum, type SimState } from '../model/index.ts';
import type { NameMode, Selection } from '../store/create-game-store.ts';
import type { Here } from '../store/view-region.ts';
import { pick } from './dom.ts';
import {
  allDoors,
  doorLabel,
  doorsOf,
  forwardLabel,
  forwardOf,
  gatesOf,
  healthCounts,
  hereIn,
  roadsOf,
  watchtowersOf,
} from './forms/gate-things.ts';
import { zoneLabel } from './labels.ts';

type Fact = [label: string, value: string];

/** A function's AWS/Lambda metric summed over every window CloudWatch still keeps. */
function lambdaSum(sim: SimState, functionName: string, metric: 'Invocations' | 'Errors'): number {
  return metricSum(sim, 'AWS/Lambda', metric, { FunctionName: functionName }, 0, sim.now + 60) ?? 0;
}

export interface GateThing {
  selection: Selection;
  label: string;
}

const STATE_ICON: Record<string, string> = { ALARM: '✖', OK: '✔', INSUFFICIENT_DATA: '?' };

export function alarmStateLabel(state: string, mode: NameMode): string {
  const words =
    state === 'ALARM'
      ? pick('beacon lit', 'ALARM', mode)
      : state === 'OK'
        ? pick('all quiet', 'OK', mode)
        : pick('no news', 'INSUFFICIENT_DATA', mode);
  return `${STATE_ICON[state] ?? ''} ${words}`;
}

function healthLabel(counts: Record<string, number>, mode: NameMode): string {
  const order = ['healthy', 'initial', 'unhealthy', 'draining', 'unused', 'unavailable'];
  const parts = order.filter((k) => counts[k]).map((k) => `${counts[k]} ${k}`);
  return parts.join(' · ') || pick('no stops yet', 'no targets', mode);
}

/** The gate's things as selectable groups (empty groups are dropped by the inspector). */
export function gateThings(here: Here, mode: NameMode): { title: [string, string]; things: GateThing[] }[] {
  const { sim } = here;
  return [
    {
      title: ['Gates', 'Load balancers'],
      things: gatesOf(here).map((lb) => ({
        selection: { kind: 'loadBalancer', id: lb.LoadBalancerArn },
        label: `${lb.LoadBalancerName} · ${lb.State.Code}`,
      })),
    },
    {
      title: ['Doors', 'Listeners'],
      things: allDoors(here).map((l) => ({
        selection: { kind: 'listener', id: l.ListenerArn },
        label: doorLabel(sim, l, mode),
      })),
    },
    {
      title: ['Roads', 'Target groups'],
      things: roadsOf(here).map((tg) => ({
        selection: { kind: 'targetGroup', id: tg.TargetGroupArn },
        label: `${tg.TargetGroupName} · ${healthLabel(healthCounts(tg), mode)}`,
      })),
    },
    {
      title: ['Watchtowers', 'Alarms'],
      things: watchtowersOf(here).map((a) => ({
        selection: { kind: 'alarm', id: a.AlarmName },
        label: `${a.AlarmName} · ${alarmStateLabel(a.StateValue, mode)}`,
      })),
    },
  ];
}

/** The read call of the herald's report for a selected road; null for other things. */
export function targetHealthCallFor(sim: SimState, sel: Selection): Call | null {
  if (sel.kind !== 'targetGroup') return null;
  const tg =
    sim.elb.targetGroups[sel.id] ??
    Object.values(sim.elb.targetGroups).find((t) => t.TargetGroupName === sel.id);
  return tg ? { action: 'elbv2:DescribeTargetHealth', input: { TargetGroupArn: tg.TargetGroupArn } } : null;
}

/** Key facts of a gate's thing; null when the selection is not one. */
export function gateFacts(sim: SimState, sel: Selection, mode: NameMode): Fact[] | null {
  const p = (n: string, a: string) => pick(n, a, mode);
  switch (sel.kind) {
    case 'loadBalancer': {
      const lb = sim.elb.loadBalancers[sel.id];
      if (!lb) return [];
      return [
        [p('State', 'State'), lb.State.Code],
        [p('Address', 'DNS name'), lb.DNSName],
        [
          p('Portals', 'Availability Zones'),
          lb.AvailabilityZones.map((z) => zoneLabel(sim, z.ZoneName, mode)).join(', '),
        ],
        [
          p('Doors', 'Listeners'),
          doorsOf(sim, lb.LoadBalancerArn)
            .map((l) => `${l.Port} → ${forwardLabel(sim, l, mode)}`)
            .join('; ') || '—',
        ],
      ];
    }
    case 'listener': {
      const l = sim.elb.listeners[sel.id];
      if (!l) return [];
      const w = sim.traffic.sourceLast[l.ListenerArn];
      const facts: Fact[] = [
        [p('Door', 'Protocol:port'), `${l.Protocol}:${l.Port}`],
        [p('Sends travelers to', 'Default action (forward)'), forwardLabel(sim, l, mode)],
        [
          p('Travelers', 'Traffic'),
          `${sim.traffic.sources[l.ListenerArn]?.requestsPerSecond ?? 0} ${p('a second', 'requests/s')}`,
        ],
      ];
      if (w && w.requests > 0) {
        const actual = forwardOf(l)
          .map(
            (g) =>
              `${sim.elb.targetGroups[g.arn]?.TargetGroupName ?? g.arn} ${Math.round(((w.byGroup[g.arn] ?? 0) * 100) / w.requests)}%`,
          )
          .join(' · ');
        facts.push([
          p('Last minute', 'Last 1-min window'),
          `${w.requests} · ${w.errors} ${p('turned away', '5XX')}`,
        ]);
        facts.push([p('Actual shares', 'Actual shares'), actual]);
      }
      return facts;
    }
    case 'targetGroup': {
      const tg = sim.elb.targetGroups[sel.id];
      if (!tg) return [];
      const doors = allDoors(hereIn(sim, tg.region)).filter((l) =>
        forwardOf(l).some((g) => g.arn === tg.TargetGroupArn),
      );
      // ALB checks only groups a listener uses; the others' targets are "unused" (Target.NotInUse),
      // which is not failing: a renovation raising its new edition here does not wait on them.
      const unused: Fact[] =
        tg.LoadBalancerArns.length === 0 && Object.keys(tg.targets).length > 0
          ? [
              [
                p('Why no verdicts', 'Why unused'),
                p(
                  'No door leads to this road yet, so the herald does not visit its stops: they wait unused (not failing), and a renovation raising its new edition here does not wait for them.',
                  'No listener forwards to this target group: its targets are unused (Target.NotInUse), not unhealthy, and are not health-checked until a listener uses the group. ECS and CodeDeploy do not wait on them.',
                ),
              ],
            ]
          : [];
      return [
        ...unused,
        [
          p('The herald', 'Health check'),
          `${tg.HealthCheckProtocol} ${tg.HealthCheckPath} ${p('every', 'every')} ${tg.HealthCheckIntervalSeconds} s, ${p('waits', 'timeout')} ${tg.HealthCheckTimeoutSeconds} s; ${tg.HealthyThresholdCount} ${p('good visits → healthy', 'passes → healthy')}, ${tg.UnhealthyThresholdCount} ${p('bad → unhealthy', 'failures → unhealthy')}`,
        ],
        [p('Stops on the road', 'Targets'), healthLabel(healthCounts(tg), mode)],
        [p('Leads to', 'Target type / port'), `${tg.TargetType} · ${tg.Protocol}:${tg.Port}`],
        [p('Doors that use it', 'Listeners'), doors.map((l) => doorLabel(sim, l, mode)).join(', ') || '—'],
        [
          p('Closing time', 'Deregistration delay'),
          `${tg.attributes['deregistration_delay.timeout_seconds'] ?? '300'} s`,
        ],
      ];
    }
    case 'alarm': {
      const a =
        sim.cloudwatch.alarms[sel.id] ??
        Object.values(sim.cloudwatch.alarms).find((x) => x.AlarmName === sel.id);
      if (!a) return [];
      return [
        [p('Beacon', 'State'), alarmStateLabel(a.StateValue, mode)],
        [p('Watches', 'Metric'), mode === 'aws' ? (a.MetricName ?? 'metric math') : watchedWords(a)],
        [
          p('Lit when', 'Condition'),
          mode === 'aws'
            ? `${a.ComparisonOperator} ${a.Threshold ?? ''}`
            : `${COMPARISON_WORDS[a.ComparisonOperator] ?? ''} ${a.Threshold ?? ''}`,
        ],
        [
          p('N of M', 'DatapointsToAlarm / EvaluationPeriods'),
          `${a.DatapointsToAlarm ?? a.EvaluationPeriods} / ${a.EvaluationPeriods}`,
        ],
        [p('Why', 'StateReason'), a.StateReason],
      ];
    }
    case 'lambdaFunction':
    case 'lambdaAlias': {
      const [fnName, aliasName] = sel.kind === 'lambdaAlias' ? sel.id.split(':') : [sel.id, undefined];
      const fn = Object.values(sim.lambda.functions).find(
        (f) => f.FunctionName === fnName || f.FunctionArn === fnName,
      );
      if (!fn) return [];
      const editions = publishedEditions(fn);
      const facts: Fact[] = [
        [p('Editions', 'Published versions'), editions.join(', ') || '—'],
        [p('Runtime', 'Runtime'), fn.Runtime],
        [
          p('Cast (all told)', 'Invocations (AWS/Lambda, Sum)'),
          String(lambdaSum(sim, fn.FunctionName, 'Invocations')),
        ],
      ];
      const asHook = sim.services
        .values()
        .some((svc) =>
          svc.deploymentConfiguration.lifecycleHooks?.some(
            (hk) => hookFunctionName(hk.hookTargetArn) === fn.FunctionName,
          ),
        );
      if (fn.hookRule || asHook)
        facts.push([
          p('Gatekeeper verdict', 'Lifecycle hook answer (sim:SetHookRule)'),
          hookRuleWords(fn.hookRule, mode),
        ]);
      const aliases = Object.values(fn.aliases).filter(
        (a) => aliasName === undefined || a.Name === aliasName,
      );
      for (const a of aliases) {
        const shares = aliasShares(a.FunctionVersion, a.RoutingConfig?.AdditionalVersionWeights)
          .map((w) => `${p('edition', 'version')} ${w.version} ${sharePercent(w.share)}`)
          .join(' · ');
        facts.push([`${p('Incantation', 'Alias')} ${a.Name}`, shares]);
      }
      return facts;
    }
    default:
      return null;
  }
}
