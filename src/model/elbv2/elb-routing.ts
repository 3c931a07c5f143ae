/**
 * How an Application Load Balancer routes one request
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html): the
 * listener's rules by ascending priority, the first whose conditions match wins, else the default rule; a
 * forward action splits requests across its target groups in proportion to their weights (0-999; a single
 * TargetGroupArn is weight 1); inside a group, only healthy targets receive requests, except that a group
 * whose targets are all unhealthy routes to all of them (fail-open). Draining and unused targets never
 * receive new requests; `initial` ones only when nothing else can.
 *
 * Travelers are modelled as `GET /` with no Host header: a path-pattern condition matches when one of
 * its values matches "/" (wildcards * and ?), a host-header condition never matches, other conditions
 * never match. Simplification: stickiness is echoed, not modelled.
 */
import type { Action, Listener, Rule, RuleCondition, SimState, Target, TargetGroup } from '../sim/types.ts';

/** The weighted target groups of a forward action; weights as given (they may sum to anything). */
export function forwardTuples(actions: Action[]): { TargetGroupArn: string; Weight: number }[] {
  const fwd = actions.find((a) => a.Type === 'forward');
  if (!fwd) return [];
  if (fwd.ForwardConfig?.TargetGroups?.length) {
    return fwd.ForwardConfig.TargetGroups.map((t) => ({
      TargetGroupArn: t.TargetGroupArn,
      Weight: t.Weight ?? 1,
    }));
  }
  return fwd.TargetGroupArn ? [{ TargetGroupArn: fwd.TargetGroupArn, Weight: 1 }] : [];
}

function globMatch(pattern: string, text: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(text);
}

function conditionMatches(c: RuleCondition): boolean {
  if (c.Field === 'path-pattern') {
    const values =
      (c.PathPatternConfig as { Values?: string[] } | undefined)?.Values ??
      (c.Values as string[] | undefined) ??
      [];
    return values.some((v) => globMatch(v, '/'));
  }
  return false;
}

/** The rules of a listener in evaluation order, the default rule last. */
export function rulesOf(s: SimState, listener: Listener): Rule[] {
  const rules = Object.values(s.elb.rules)
    .filter((r) => r.listenerArn === listener.ListenerArn && !r.IsDefault)
    .sort((a, b) => Number(a.Priority) - Number(b.Priority));
  return rules;
}

/** The actions a traveler's request meets on this listener. */
export function matchedActions(s: SimState, listener: Listener): Action[] {
  for (const r of rulesOf(s, listener)) if (r.Conditions.every(conditionMatches)) return r.Actions;
  return listener.DefaultActions;
}

/** Shares (summing to 1, or empty) of the listener's traffic per target group. */
export function listenerShares(
  s: SimState,
  listenerArn: string,
): { targetGroupArn: string; share: number }[] {
  const l = s.elb.listeners[listenerArn];
  if (!l) return [];
  const tuples = forwardTuples(matchedActions(s, l));
  const total = tuples.reduce((a, t) => a + t.Weight, 0);
  if (total <= 0) return [];
  return tuples
    .filter((t) => t.Weight > 0)
    .map((t) => ({ targetGroupArn: t.TargetGroupArn, share: t.Weight / total }));
}

/** The targets that receive new requests, with fail-open. */
export function routableTargets(tg: TargetGroup): Target[] {
  const all = Object.values(tg.targets).sort((a, b) => (a.Id + a.Port < b.Id + b.Port ? -1 : 1));
  const healthy = all.filter((t) => t.state === 'healthy' || t.state === 'unavailable');
  if (healthy.length) return healthy;
  const unhealthy = all.filter((t) => t.state === 'unhealthy');
  if (unhealthy.length) return unhealthy;
  return all.filter((t) => t.state === 'initial');
}
