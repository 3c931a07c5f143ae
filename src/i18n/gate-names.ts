/**
 * Names for the city gate's things in each name mode: the gate (load balancer), its doors (listeners:
 * the main door is port 80, the test door 8080), its roads (target groups), the stops on a road
 * (targets: a development on a territory, named "1b-2's bakery (edition 2)"), watchtowers (alarms).
 * Things that left the state are named from their ARNs, so an old chronicle line still reads.
 */
import type { SimState } from '../model/index.ts';
import { byMode, type NameMode } from './lexicon.ts';
import { parsePlan, shortInstanceId, territoryName, zoneCodeOf } from './names.ts';

/** "gate" from arn:...:loadbalancer/app/gate/0a18e0432d5bccf5 (or the state's name). */
export function gateNameOf(sim: SimState, lbArn: string): string {
  return (
    sim.elb.loadBalancers[lbArn]?.LoadBalancerName ?? /loadbalancer\/app\/([^/]+)/.exec(lbArn)?.[1] ?? lbArn
  );
}

/** "bakery-blue" from arn:...:targetgroup/bakery-blue/526de0146c93c758 (or the state's name). */
export function roadNameOf(sim: SimState, tgArn: string): string {
  return sim.elb.targetGroups[tgArn]?.TargetGroupName ?? /targetgroup\/([^/]+)/.exec(tgArn)?.[1] ?? tgArn;
}

/** Whether a name already begins with the word ("gate", "gate-west", "Gate2"; not "gateway"). */
export function nameSays(name: string, word: string): boolean {
  const n = name.toLowerCase();
  const w = word.toLowerCase();
  return n === w || (n.startsWith(w) && !/[a-z]/.test(n.charAt(w.length)));
}

/**
 * A thing's story word with its name, without saying the word twice: "gate web", but "the gate" for a
 * gate named gate (a label drops the article: "gate") and "gate-west" for a gate named gate-west.
 */
export function wordAndName(word: string, name: string, article: 'the' | '' = 'the'): string {
  if (name.toLowerCase() === word.toLowerCase()) return article ? `${article} ${name}` : name;
  return nameSays(name, word) ? name : `${word} ${name}`;
}

/** "gate web" | "load balancer web" | "gate web (load balancer web)"; "the gate" for a gate named gate. */
export function gateName(sim: SimState, lbArn: string, mode: NameMode = 'nozama'): string {
  const name = gateNameOf(sim, lbArn);
  return byMode(mode, wordAndName('gate', name), `load balancer ${name}`);
}

/** "road bakery-blue" | "target group bakery-blue"; "the road" for a road named road. */
export function roadName(sim: SimState, tgArn: string, mode: NameMode = 'nozama'): string {
  const name = roadNameOf(sim, tgArn);
  return byMode(mode, wordAndName('road', name), `target group ${name}`);
}

/** "main door (80)", "test door (8080)", "door 443" | "listener HTTP:80". */
export function doorWords(port: number, protocol = 'HTTP', mode: NameMode = 'nozama'): string {
  const noz = port === 80 ? 'main door (80)' : port === 8080 ? 'test door (8080)' : `door ${port}`;
  return byMode(mode, noz, `listener ${protocol}:${port}`);
}

/** A listener's name from the state; "a door" once it is gone. */
export function doorName(sim: SimState, listenerArn: string, mode: NameMode = 'nozama'): string {
  const l = sim.elb.listeners[listenerArn];
  if (!l) return byMode(mode, 'a door', `listener ${listenerArn.slice(listenerArn.lastIndexOf('/') + 1)}`);
  return doorWords(l.Port, l.Protocol, mode);
}

/** "the main door (80) of gate web" | "listener HTTP:80 of load balancer web". */
export function doorOfGate(sim: SimState, listenerArn: string, mode: NameMode = 'nozama'): string {
  const l = sim.elb.listeners[listenerArn];
  const door = doorName(sim, listenerArn, mode);
  if (!l) return door;
  return `${mode === 'aws' ? '' : 'the '}${door} of ${gateName(sim, l.LoadBalancerArn, mode)}`;
}

/** What a target event says about its target (the model's target/* event data). */
export interface TargetRef {
  targetGroupArn: string;
  targetId: string;
  port: number;
  taskArn: string | null;
}

/**
 * A stop on a road in story words: "1b-2's bakery (edition 2)" for a task on a territory, "bakery
 * (edition 2) in the managed lands of portal 1b" on Fargate, "territory 1b-2 (port 80)" or
 * "10.0.1.12:80" for targets registered by hand.
 */
export function stopName(sim: SimState, t: TargetRef): string {
  const task = t.taskArn ? sim.tasks.get(t.taskArn) : undefined;
  if (task) {
    const { family, revision } = parsePlan(task.taskDefinitionArn);
    const plan = `${family} (edition ${revision})`;
    if (task.ec2InstanceId) return `${territoryName(sim, task.ec2InstanceId)}'s ${plan}`;
    return `${plan} in the managed lands of portal ${zoneCodeOf(task.availabilityZone)}`;
  }
  if (sim.instances.get(t.targetId)) return `territory ${territoryName(sim, t.targetId)} (port ${t.port})`;
  return `${t.targetId}:${t.port}`;
}

/** A target as ELB names it: "i-0ab12c3d…:49153" or "10.0.1.12:80". */
export function targetWords(t: TargetRef): string {
  return `${t.targetId.startsWith('i-') ? shortInstanceId(t.targetId) : t.targetId}:${t.port}`;
}

/** "watchtower gate-5xx" | "alarm gate-5xx". */
export function watchtowerName(name: string, mode: NameMode = 'nozama'): string {
  return byMode(mode, wordAndName('watchtower', name), `alarm ${name}`);
}

/** What an alarm watches, in story words (its metric, or metric math). */
export function watchedWords(alarm: {
  MetricName?: string;
  Metrics?: unknown[];
  Dimensions?: { Name: string; Value: string }[];
}): string {
  if (alarm.Metrics && alarm.Metrics.length > 0) {
    const expr = alarm.Metrics.find(
      (m): m is { Expression: string } =>
        typeof m === 'object' && m !== null && typeof (m as { Expression?: unknown }).Expression === 'string',
    );
    if (!expr) return 'a metric math expression';
    return /5XX|errors/i.test(JSON.stringify(alarm.Metrics)) && /100\s*\*/.test(expr.Expression)
      ? 'the share of travelers turned away (%)'
      : `the watch’s reckoning (${expr.Expression})`;
  }
  return METRIC_WORDS[alarm.MetricName ?? ''] ?? alarm.MetricName ?? 'a metric';
}

const METRIC_WORDS: Record<string, string> = {
  HTTPCode_Target_5XX_Count: 'travelers turned away by the buildings (5xx)',
  HTTPCode_ELB_5XX_Count: 'travelers turned away at the gate (ELB 5xx)',
  HTTPCode_ELB_503_Count: 'travelers who found no road open (503)',
  HTTPCode_Target_2XX_Count: 'travelers served (2xx)',
  RequestCount: 'travelers',
  TargetResponseTime: 'how long travelers wait',
  UnHealthyHostCount: 'failing stops on the road',
  HealthyHostCount: 'healthy stops on the road',
  Errors: 'failed spells',
  Invocations: 'spells cast',
};

export const COMPARISON_WORDS: Record<string, string> = {
  GreaterThanThreshold: 'above',
  GreaterThanOrEqualToThreshold: 'at or above',
  LessThanThreshold: 'below',
  LessThanOrEqualToThreshold: 'at or below',
};
