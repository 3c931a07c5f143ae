/**
 * What the kingdom draws of load balancing, traffic, alarms and spells, derived from the simulation
 * state: the city gates (load balancers) with their doors (listeners), the roads from each door to
 * the markets (target groups) with their set weights, the developments each market serves with the
 * herald's verdict (target health), the travelers' rates along every road, the watchtowers (alarms)
 * and the wizards' towers (Lambda functions) with their editions and incantations (aliases).
 *
 * Pure and Phaser-free. It holds no rules: where a request goes is asked of the model's own routing
 * (elb-routing.ts); the rest is read and named for the view.
 */

import { aliasShares, publishedEditions, sharePercent } from '../i18n/spell-editions.ts';
import type {
  LambdaFunction,
  Listener,
  MetricAlarm,
  SimState,
  TargetGroup,
  TargetHealthState,
} from '../model/index.ts';
import { forwardTuples, listenerShares, matchedActions, routableTargets } from '../model/index.ts';
import { type Banner, bannerFor, familyOrder, planOf } from './kingdom-model.ts';

/** The herald's verdict on a target, as an icon (never colour alone). */
export type HeraldIcon = 'tick' | 'hourglass' | 'cross' | 'arrowOut' | 'none';

export function heraldIcon(state: TargetHealthState): HeraldIcon {
  switch (state) {
    case 'healthy':
      return 'tick';
    case 'initial':
      return 'hourglass';
    case 'unhealthy':
      return 'cross';
    case 'draining':
      return 'arrowOut';
    default:
      return 'none';
  }
}

export interface TargetModel {
  /** `${Id}:${Port}`, the key of the target in its group. */
  key: string;
  id: string;
  port: number;
  state: TargetHealthState;
  herald: HeraldIcon;
  /** The development behind the target (ECS registered it), if any. */
  taskArn: string | null;
  /** The territory behind an instance target, if it is one. */
  instanceId: string | null;
  /** The banner of the development's plan (family colour, edition shape); null without a task. */
  banner: Banner | null;
  /** The revision's key in state.traffic.totals (its task definition ARN); null without a task. */
  revisionKey: string | null;
  /** Travelers per simulated second this target receives. */
  rps: number;
}

export interface MarketModel {
  arn: string;
  name: string;
  port: number;
  targets: TargetModel[];
  /** Travelers per simulated second arriving at the market. */
  rps: number;
}

export interface RoadModel {
  targetGroupArn: string;
  /** The weight as set on the forward action (0-999). */
  weight: number;
  /** The weight's share of the door's traffic, 0..1. */
  share: number;
  /** The share as a percentage for labels ("90%"). */
  percent: string;
  rps: number;
}

export type DoorKind = 'main' | 'test' | 'other';

export interface DoorModel {
  arn: string;
  port: number;
  protocol: string;
  kind: DoorKind;
  roads: RoadModel[];
  /** A door that answers by itself (fixed response, redirect) instead of forwarding. */
  answers: string | null;
  rps: number;
}

export interface GateModel {
  arn: string;
  name: string;
  state: string;
  doors: DoorModel[];
}

export type BeaconLook = 'lit' | 'dark' | 'unknown';

export interface WatchtowerModel {
  name: string;
  arn: string;
  state: MetricAlarm['StateValue'];
  beacon: BeaconLook;
  /** What it watches, e.g. "HTTPCode_Target_5XX_Count". */
  metric: string;
}

export interface EditionModel {
  version: string;
  banner: Banner;
  /** Key in state.traffic.totals and behaviors: `${functionArn}:${version}`. */
  key: string;
}

export interface IncantationModel {
  name: string;
  /** Versions the alias sends invocations to, with their shares (summing to 1). */
  weights: { version: string; share: number; percent: string }[];
}

export interface SpellModel {
  name: string;
  arn: string;
  editions: EditionModel[];
  incantations: IncantationModel[];
  /** Invocations per simulated second, per version, from the traffic sources. */
  flows: { version: string; rps: number; key: string; banner: Banner }[];
  rps: number;
}

export interface GateWorld {
  gates: GateModel[];
  markets: MarketModel[];
  towers: WatchtowerModel[];
  spells: SpellModel[];
}

export function isEmptyGateWorld(w: GateWorld): boolean {
  return w.gates.length === 0 && w.markets.length === 0 && w.towers.length === 0 && w.spells.length === 0;
}

/** "90%", "12.5%", "0%": a share for a label, without noise. */
/** A share as a label ("10%"): one formatter for the canvas, the Inspector and the chronicle. */
export const percentLabel = sharePercent;

function doorKind(port: number): DoorKind {
  if (port === 80 || port === 443) return 'main';
  if (port === 8080 || port === 8443) return 'test';
  return 'other';
}

function byName<T>(name: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => name(a).localeCompare(name(b));
}

/** Travelers per second arriving at each listener, from the traffic sources. */
function listenerRates(sim: SimState): Map<string, number> {
  const rates = new Map<string, number>();
  for (const src of Object.values(sim.traffic.sources)) {
    if (src.target.kind !== 'listener') continue;
    const arn = src.target.listenerArn;
    rates.set(arn, (rates.get(arn) ?? 0) + Math.max(0, src.requestsPerSecond));
  }
  return rates;
}

function door(sim: SimState, l: Listener, rps: number): DoorModel {
  const actions = matchedActions(sim, l);
  const tuples = forwardTuples(actions);
  const shares = new Map(listenerShares(sim, l.ListenerArn).map((x) => [x.targetGroupArn, x.share]));
  const roads = tuples.map((t): RoadModel => {
    const share = shares.get(t.TargetGroupArn) ?? 0;
    return {
      targetGroupArn: t.TargetGroupArn,
      weight: t.Weight,
      share,
      percent: percentLabel(share),
      rps: rps * share,
    };
  });
  const first = actions[0];
  const answers =
    tuples.length > 0 || !first
      ? null
      : first.Type === 'fixed-response'
        ? (first.FixedResponseConfig?.StatusCode ?? 'fixed')
        : first.Type;
  return {
    arn: l.ListenerArn,
    port: l.Port,
    protocol: l.Protocol,
    kind: doorKind(l.Port),
    roads,
    answers,
    rps,
  };
}

function market(
  sim: SimState,
  tg: TargetGroup,
  rps: number,
  order: ReadonlyMap<string, number>,
): MarketModel {
  const routable = new Set(routableTargets(tg).map((t) => `${t.Id}:${t.Port}`));
  const each = routable.size > 0 ? rps / routable.size : 0;
  const targets = Object.entries(tg.targets)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, t]): TargetModel => {
      const task = t.taskArn ? sim.tasks.get(t.taskArn) : undefined;
      const plan = task ? planOf(task.taskDefinitionArn) : null;
      return {
        key,
        id: t.Id,
        port: t.Port,
        state: t.state,
        herald: heraldIcon(t.state),
        taskArn: t.taskArn,
        instanceId: tg.TargetType === 'instance' ? t.Id : null,
        banner: plan ? bannerFor(plan.family, plan.revision, order) : null,
        revisionKey: task ? task.taskDefinitionArn : null,
        rps: routable.has(key) ? each : 0,
      };
    });
  return { arn: tg.TargetGroupArn, name: tg.TargetGroupName, port: tg.Port, targets, rps };
}

function beacon(state: MetricAlarm['StateValue']): BeaconLook {
  if (state === 'ALARM') return 'lit';
  if (state === 'OK') return 'dark';
  return 'unknown';
}

/** The versions an invocation of `qualifier` runs, with their shares. */
function qualifierShares(fn: LambdaFunction, qualifier: string): { version: string; share: number }[] {
  const alias = fn.aliases[qualifier];
  if (alias) return aliasShares(alias.FunctionVersion, alias.RoutingConfig?.AdditionalVersionWeights);
  return [{ version: qualifier || '$LATEST', share: 1 }];
}

function spell(sim: SimState, fn: LambdaFunction, index: number): SpellModel {
  const order = new Map([[fn.FunctionName, index]]);
  const bannerOf = (version: string) => bannerFor(fn.FunctionName, Number(version) || 1, order);
  const editions = publishedEditions(fn).map((version) => ({
    version,
    banner: bannerOf(version),
    key: `${fn.FunctionArn}:${version}`,
  }));
  const incantations = Object.values(fn.aliases)
    .sort(byName((a) => a.Name))
    .map((a) => ({
      name: a.Name,
      weights: aliasShares(a.FunctionVersion, a.RoutingConfig?.AdditionalVersionWeights).map((w) => ({
        ...w,
        percent: percentLabel(w.share),
      })),
    }));
  const perVersion = new Map<string, number>();
  for (const src of Object.values(sim.traffic.sources)) {
    const t = src.target;
    if (t.kind !== 'lambda') continue;
    if (t.functionName !== fn.FunctionName && t.functionName !== fn.FunctionArn) continue;
    for (const { version, share } of qualifierShares(fn, t.qualifier)) {
      perVersion.set(version, (perVersion.get(version) ?? 0) + share * Math.max(0, src.requestsPerSecond));
    }
  }
  const flows = [...perVersion]
    .filter(([, rps]) => rps > 0)
    .map(([version, rps]) => ({
      version,
      rps,
      key: `${fn.FunctionArn}:${version}`,
      banner: bannerOf(version),
    }));
  return {
    name: fn.FunctionName,
    arn: fn.FunctionArn,
    editions,
    incantations,
    flows,
    rps: flows.reduce((sum, f) => sum + f.rps, 0),
  };
}

export function gateModel(sim: SimState, region: string): GateWorld {
  const elb = sim.elb;
  const rates = listenerRates(sim);
  const listeners = Object.values(elb.listeners)
    .filter((l) => l.region === region)
    .sort((a, b) => a.Port - b.Port || a.ListenerArn.localeCompare(b.ListenerArn));
  const gates = Object.values(elb.loadBalancers)
    .filter((lb) => lb.region === region)
    .sort(byName((lb) => lb.LoadBalancerName))
    .map(
      (lb): GateModel => ({
        arn: lb.LoadBalancerArn,
        name: lb.LoadBalancerName,
        state: lb.State.Code,
        doors: listeners
          .filter((l) => l.LoadBalancerArn === lb.LoadBalancerArn)
          .map((l) => door(sim, l, rates.get(l.ListenerArn) ?? 0)),
      }),
    );
  const inflow = new Map<string, number>();
  for (const g of gates)
    for (const d of g.doors)
      for (const r of d.roads) inflow.set(r.targetGroupArn, (inflow.get(r.targetGroupArn) ?? 0) + r.rps);
  const order = familyOrder(sim, region);
  const markets = Object.values(elb.targetGroups)
    .filter((tg) => tg.region === region)
    .sort(byName((tg) => tg.TargetGroupName))
    .map((tg) => market(sim, tg, inflow.get(tg.TargetGroupArn) ?? 0, order));
  const towers = Object.values(sim.cloudwatch.alarms)
    .filter((a) => a.region === region)
    .sort(byName((a) => a.AlarmName))
    .map(
      (a): WatchtowerModel => ({
        name: a.AlarmName,
        arn: a.AlarmArn,
        state: a.StateValue,
        beacon: beacon(a.StateValue),
        metric: a.MetricName ?? '',
      }),
    );
  const spells = Object.values(sim.lambda.functions)
    .filter((f) => f.region === region)
    .sort(byName((f) => f.FunctionName))
    .map((f, i) => spell(sim, f, i));
  return { gates, markets, towers, spells };
}

/**
 * Requests and errors per key (revision or Lambda version) between two readings of
 * state.traffic.totals: what failed in the last second(s), for the travelers who turn back.
 */
export function totalsDelta(
  before: Readonly<Record<string, { requests: number; errors: number }>>,
  after: Readonly<Record<string, { requests: number; errors: number }>>,
): Map<string, { requests: number; errors: number }> {
  const out = new Map<string, { requests: number; errors: number }>();
  for (const [key, now] of Object.entries(after)) {
    const was = before[key] ?? { requests: 0, errors: 0 };
    const requests = Math.max(0, now.requests - was.requests);
    const errors = Math.max(0, now.errors - was.errors);
    if (requests > 0 || errors > 0) out.set(key, { requests, errors });
  }
  return out;
}

/** The share of requests that failed (0..1) per key, from a delta. */
export function errorRates(
  delta: ReadonlyMap<string, { requests: number; errors: number }>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, d] of delta) {
    if (d.errors > 0) out.set(key, d.requests > 0 ? Math.min(1, d.errors / d.requests) : 1);
  }
  return out;
}
