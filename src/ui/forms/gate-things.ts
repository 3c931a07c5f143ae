/**
 * The gate's things as the forms offer them, read from the state of the player's region: gates (load
 * balancers), their doors (listeners, by port), roads (target groups), watchtowers (alarms), with
 * their labels in the Rosetta mode, and what a door forwards to now.
 */
import { doorWords, gateNameOf, roadNameOf, wordAndName } from '../../i18n/gate-names.ts';
import { byMode } from '../../i18n/lexicon.ts';
import type { Listener, LoadBalancer, MetricAlarm, SimState, TargetGroup } from '../../model/index.ts';
import type { NameMode } from '../../store/create-game-store.ts';
import type { Here } from '../../store/view-region.ts';

export function gatesOf({ sim, ui }: Here): LoadBalancer[] {
  return Object.values(sim.elb.loadBalancers)
    .filter((lb) => lb.region === ui.region)
    .sort((a, b) => a.CreatedTime - b.CreatedTime || a.LoadBalancerName.localeCompare(b.LoadBalancerName));
}

export function roadsOf({ sim, ui }: Here): TargetGroup[] {
  return Object.values(sim.elb.targetGroups)
    .filter((tg) => tg.region === ui.region)
    .sort((a, b) => a.TargetGroupName.localeCompare(b.TargetGroupName));
}

/** A gate's doors, by port. */
export function doorsOf(sim: SimState, lbArn: string): Listener[] {
  return Object.values(sim.elb.listeners)
    .filter((l) => l.LoadBalancerArn === lbArn)
    .sort((a, b) => a.Port - b.Port);
}

/** Every door of the region, by gate then port. */
export function allDoors(here: Here): Listener[] {
  return gatesOf(here).flatMap((lb) => doorsOf(here.sim, lb.LoadBalancerArn));
}

/** The player's view of a thing's own region (things found by ARN may be in any region). */
export function hereIn(sim: SimState, region: string): Here {
  return { sim, ui: { region } };
}

export function watchtowersOf({ sim, ui }: Here): MetricAlarm[] {
  return Object.values(sim.cloudwatch.alarms)
    .filter((a) => a.region === ui.region)
    .sort((a, b) => a.AlarmName.localeCompare(b.AlarmName));
}

export function gateLabel(lb: LoadBalancer, mode: NameMode): string {
  return byMode(mode, wordAndName('gate', lb.LoadBalancerName), `load balancer ${lb.LoadBalancerName}`);
}

export function roadLabel(tg: TargetGroup, mode: NameMode): string {
  return byMode(mode, wordAndName('road', tg.TargetGroupName), `target group ${tg.TargetGroupName}`);
}

/** "main door (80) of gate web" | "listener HTTP:80 (web)". */
export function doorLabel(sim: SimState, l: Listener, mode: NameMode): string {
  const gate = gateNameOf(sim, l.LoadBalancerArn);
  return byMode(
    mode,
    `${doorWords(l.Port, l.Protocol, 'nozama')} of ${wordAndName('gate', gate)}`,
    `${doorWords(l.Port, l.Protocol, 'aws')} (${gate})`,
  );
}

/** What a door forwards to: its target groups and weights (a single group weighs 100). */
export function forwardOf(l: Listener): { arn: string; weight: number }[] {
  const a = l.DefaultActions.find((x) => x.Type === 'forward');
  if (!a) return [];
  if (a.ForwardConfig?.TargetGroups.length) {
    return a.ForwardConfig.TargetGroups.map((g) => ({ arn: g.TargetGroupArn, weight: g.Weight ?? 1 }));
  }
  return a.TargetGroupArn ? [{ arn: a.TargetGroupArn, weight: 100 }] : [];
}

/** "road bakery-blue 90% · road bakery-green 10%" (percent of the weights' total). */
export function forwardLabel(sim: SimState, l: Listener, mode: NameMode): string {
  const groups = forwardOf(l);
  if (groups.length === 0) return byMode(mode, 'no road', 'no forward action');
  const total = groups.reduce((a, g) => a + g.weight, 0);
  const road = (arn: string) => byMode(mode, wordAndName('road', roadNameOf(sim, arn)), roadNameOf(sim, arn));
  if (groups.length === 1) return road(groups[0]?.arn ?? '');
  return groups
    .map((g) => `${road(g.arn)} ${total > 0 ? Math.round((g.weight * 100) / total) : 0}%`)
    .join(' · ');
}

/** Counts of a road's stops by health state. */
export function healthCounts(tg: TargetGroup): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of Object.values(tg.targets)) counts[t.state] = (counts[t.state] ?? 0) + 1;
  return counts;
}

/** The load balancer's dimension value: "app/web/0a18e0432d5bccf5". */
export function lbDimension(lbArn: string): string {
  return lbArn.slice(lbArn.indexOf('loadbalancer/') + 'loadbalancer/'.length);
}

/** The target group's dimension value: "targetgroup/web-blue/526de0146c93c758". */
export function tgDimension(tgArn: string): string {
  return tgArn.slice(tgArn.indexOf('targetgroup/'));
}
