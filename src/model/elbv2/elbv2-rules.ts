/**
 * ELBv2 listener rules: CreateRule, DescribeRules, ModifyRule, DeleteRule, SetRulePriorities. Source:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html:
 * priorities 1-50000 unique per listener, evaluated lowest first; at least one condition; one terminal
 * action; the default rule (Priority "default", IsDefault) cannot be deleted, re-prioritised or given
 * conditions, and its actions are the listener's DefaultActions; at most 100 rules per load balancer (default
 * rules excluded).
 */
import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import type { Action, Listener, Rule } from '../sim/types.ts';
import { readActions, readConditions } from './elbv2-actions.ts';
import {
  describeRule,
  elbArn,
  intIn,
  page,
  required,
  requireListener,
  requireRule,
  strList,
  syncLoadBalancerArns,
  validation,
} from './elbv2-common.ts';

const MAX_RULES = 100;

/** Replaces a rule's actions; a default rule's actions are its listener's DefaultActions. */
export function setRuleActions(ctx: Ctx, ruleArn: string, actions: Action[]): void {
  const rule = ctx.s.elb.rules[ruleArn];
  if (!rule) return;
  ctx.patchIn('elb', 'rules', ruleArn, { Actions: actions });
  if (rule.IsDefault) ctx.patchIn('elb', 'listeners', rule.listenerArn, { DefaultActions: actions });
  syncLoadBalancerArns(ctx);
  ctx.emit('rule/modified', { ruleArn, listenerArn: rule.listenerArn });
}

export function defaultRuleOf(ctx: Ctx, listenerArn: string): Rule | undefined {
  return Object.values(ctx.s.elb.rules).find((r) => r.listenerArn === listenerArn && r.IsDefault);
}

function rulesOfLb(ctx: Ctx, lbArn: string): Rule[] {
  return Object.values(ctx.s.elb.rules).filter(
    (r) => !r.IsDefault && ctx.s.elb.listeners[r.listenerArn]?.LoadBalancerArn === lbArn,
  );
}

function priorityTaken(ctx: Ctx, listenerArn: string, priority: number, except: Set<string>): boolean {
  return Object.values(ctx.s.elb.rules).some(
    (r) => r.listenerArn === listenerArn && !except.has(r.RuleArn) && r.Priority === String(priority),
  );
}

function createRule(ctx: Ctx, input: Input) {
  const l = requireListener(ctx, required(input, 'ListenerArn', 'listenerArn'));
  const conditions = readConditions(required(input, 'Conditions', 'conditions'));
  const priority = intIn(required(input, 'Priority', 'priority'), 'priority', 1, 50000);
  const actions = readActions(ctx, input.Actions, 'actions', l.LoadBalancerArn);
  if (priorityTaken(ctx, l.ListenerArn, priority, new Set()))
    throw new ApiError('PriorityInUse', `Priority '${priority}' is currently in use`);
  if (rulesOfLb(ctx, l.LoadBalancerArn).length >= MAX_RULES)
    throw new ApiError('TooManyRules', `You've reached the limit on the number of rules per load balancer`);
  const listenerPath = l.ListenerArn.slice(l.ListenerArn.indexOf('listener/') + 'listener/'.length);
  const rule: Rule = {
    RuleArn: elbArn(ctx, `listener-rule/${listenerPath}/${ctx.hex(16)}`),
    listenerArn: l.ListenerArn,
    Priority: String(priority),
    Conditions: conditions,
    Actions: actions,
    IsDefault: false,
  };
  ctx.putIn('elb', 'rules', rule.RuleArn, rule);
  syncLoadBalancerArns(ctx);
  ctx.emit('rule/created', { ruleArn: rule.RuleArn, listenerArn: l.ListenerArn, priority });
  return { Rules: [describeRule(rule)] };
}

function sortRules(rules: Rule[]): Rule[] {
  const rank = (r: Rule) => (r.IsDefault ? Number.POSITIVE_INFINITY : Number(r.Priority));
  return rules.slice().sort((a, b) => rank(a) - rank(b));
}

function describeRules(ctx: Ctx, input: Input) {
  const arns = strList(input.RuleArns);
  let list: Rule[];
  if (arns.length) list = arns.map((a) => requireRule(ctx, a));
  else if (input.ListenerArn !== undefined) {
    const l = requireListener(ctx, input.ListenerArn);
    list = sortRules(Object.values(ctx.s.elb.rules).filter((r) => r.listenerArn === l.ListenerArn));
  } else throw validation('You must specify either listener rule ARNs or a listener ARN');
  const { items, NextMarker } = page(list, input);
  return { Rules: items.map(describeRule), ...(NextMarker ? { NextMarker } : {}) };
}

function modifyRule(ctx: Ctx, input: Input) {
  const rule = requireRule(ctx, required(input, 'RuleArn', 'ruleArn'));
  if (input.Conditions === undefined && input.Actions === undefined)
    throw validation('Either conditions or actions must be specified');
  const l = ctx.s.elb.listeners[rule.listenerArn] as Listener;
  let conditions: Rule['Conditions'] | undefined;
  if (input.Conditions !== undefined) {
    if (rule.IsDefault)
      throw new ApiError('OperationNotPermitted', 'Conditions cannot be added to a default rule');
    conditions = readConditions(input.Conditions);
  }
  const actions =
    input.Actions !== undefined ? readActions(ctx, input.Actions, 'actions', l.LoadBalancerArn) : undefined;
  if (conditions) ctx.patchIn('elb', 'rules', rule.RuleArn, { Conditions: conditions });
  if (actions) setRuleActions(ctx, rule.RuleArn, actions);
  return { Rules: [describeRule(ctx.s.elb.rules[rule.RuleArn] as Rule)] };
}

function deleteRule(ctx: Ctx, input: Input) {
  const rule = requireRule(ctx, required(input, 'RuleArn', 'ruleArn'));
  if (rule.IsDefault) throw new ApiError('OperationNotPermitted', 'Default rule cannot be deleted');
  ctx.removeIn('elb', 'rules', rule.RuleArn);
  syncLoadBalancerArns(ctx);
  ctx.emit('rule/deleted', { ruleArn: rule.RuleArn, listenerArn: rule.listenerArn });
  return {};
}

function setRulePriorities(ctx: Ctx, input: Input) {
  const list = required(input, 'RulePriorities', 'rulePriorities');
  if (!Array.isArray(list) || list.length === 0)
    throw validation('Rule priorities must contain at least one entry');
  const pairs = (list as Record<string, unknown>[]).map((p, i) => ({
    rule: requireRule(ctx, p.RuleArn),
    priority: intIn(p.Priority, `rulePriorities.${i + 1}.member.priority`, 1, 50000),
  }));
  const moving = new Set(pairs.map((p) => p.rule.RuleArn));
  const seen = new Set<string>();
  for (const { rule, priority } of pairs) {
    if (rule.IsDefault)
      throw new ApiError('OperationNotPermitted', 'Default rule priority cannot be modified');
    const k = `${rule.listenerArn}|${priority}`;
    if (seen.has(k)) throw validation(`Priority '${priority}' was provided multiple times`);
    seen.add(k);
    if (priorityTaken(ctx, rule.listenerArn, priority, moving))
      throw new ApiError('PriorityInUse', `Priority '${priority}' is currently in use`);
  }
  for (const { rule, priority } of pairs)
    ctx.patchIn('elb', 'rules', rule.RuleArn, { Priority: String(priority) });
  return { Rules: pairs.map((p) => describeRule(ctx.s.elb.rules[p.rule.RuleArn] as Rule)) };
}

export const ruleHandlers = {
  'elbv2:CreateRule': createRule,
  'elbv2:DescribeRules': describeRules,
  'elbv2:ModifyRule': modifyRule,
  'elbv2:DeleteRule': deleteRule,
  'elbv2:SetRulePriorities': setRulePriorities,
};
