/**
 * Listener and rule actions and conditions, read and normalised the way ELBv2 echoes them: a forward action
 * always carries a ForwardConfig (TargetGroups with weights 0-999, at most 5; stickiness off unless set) and
 * keeps TargetGroupArn when it names a single group. Exactly one terminal action (forward, redirect,
 * fixed-response) per list. A target group can serve only one load balancer. Sources:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html;
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Action.html (and TargetGroupTuple,
 * RuleCondition, CreateRule). Simplification: authenticate-* actions and HTTPS certificates are not modelled.
 */
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import type { Action, RuleCondition } from '../sim/types.ts';
import { constraint, intIn, str, validation } from './elbv2-common.ts';

const TERMINAL = ['forward', 'redirect', 'fixed-response'];
const CONTENT_TYPES = ['text/plain', 'text/css', 'text/html', 'application/javascript', 'application/json'];

function readForward(ctx: Ctx, a: Record<string, unknown>, path: string, lbArn: string): Action {
  const single = str(a.TargetGroupArn);
  const fc = a.ForwardConfig as Record<string, unknown> | undefined;
  const tgList = fc?.TargetGroups;
  const rawGroups = Array.isArray(tgList) ? (tgList as Record<string, unknown>[]) : [];
  if (!single && rawGroups.length === 0)
    throw validation('A target group ARN must be specified for a forward action');
  if (rawGroups.length > 5) throw validation('You can specify up to 5 target groups in a forward action');
  const groups = rawGroups.length
    ? rawGroups.map((g, i) => {
        const arn = str(g.TargetGroupArn);
        if (!arn)
          throw validation(
            `1 validation error detected: Value null at '${path}.forwardConfig.targetGroups.${i + 1}.member.targetGroupArn' failed to satisfy constraint: Member must not be null`,
          );
        const weight =
          g.Weight === undefined
            ? 1
            : intIn(g.Weight, `${path}.forwardConfig.targetGroups.${i + 1}.member.weight`, 0, 999);
        return { TargetGroupArn: arn, Weight: weight };
      })
    : [{ TargetGroupArn: single as string, Weight: 1 }];
  if (single && (groups.length !== 1 || groups[0]?.TargetGroupArn !== single))
    throw validation(
      'You cannot specify a target group ARN and a forward configuration with different target groups',
    );
  const seen = new Set<string>();
  for (const g of groups) {
    if (seen.has(g.TargetGroupArn)) throw validation('Target group ARNs must be unique in a forward action');
    seen.add(g.TargetGroupArn);
    const tg = ctx.s.elb.targetGroups[g.TargetGroupArn];
    if (!tg || tg.region !== ctx.region)
      throw new ApiError('TargetGroupNotFound', `Target group '${g.TargetGroupArn}' not found`);
    if (tg.LoadBalancerArns.some((l) => l !== lbArn))
      throw new ApiError(
        'TargetGroupAssociationLimit',
        `The following target groups cannot be associated with more than one load balancer: ${g.TargetGroupArn}`,
      );
  }
  const sticky = fc?.TargetGroupStickinessConfig as Record<string, unknown> | undefined;
  const stickiness: { Enabled: boolean; DurationSeconds?: number } = { Enabled: sticky?.Enabled === true };
  if (stickiness.Enabled) {
    if (sticky?.DurationSeconds === undefined)
      throw validation('You must specify a stickiness duration when enabling target group stickiness');
    stickiness.DurationSeconds = intIn(
      sticky.DurationSeconds,
      `${path}.forwardConfig.targetGroupStickinessConfig.durationSeconds`,
      1,
      604800,
    );
  }
  return {
    Type: 'forward',
    ...(groups.length === 1 ? { TargetGroupArn: groups[0]?.TargetGroupArn as string } : {}),
    ForwardConfig: { TargetGroups: groups, TargetGroupStickinessConfig: stickiness },
  };
}

/** Reads DefaultActions / Actions; `path` is the request member for messages (defaultActions, actions). */
export function readActions(ctx: Ctx, raw: unknown, path: string, lbArn: string): Action[] {
  if (!Array.isArray(raw) || raw.length === 0)
    throw validation(
      `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`,
    );
  const actions = (raw as Record<string, unknown>[]).map((a, i) => {
    const p = `${path}.${i + 1}.member`;
    const type = a.Type;
    if (type === 'authenticate-oidc' || type === 'authenticate-cognito' || type === 'jwt-validation')
      throw validation(
        `Action type '${type}' is not modelled in Nozama; use forward, redirect or fixed-response.`,
      );
    if (typeof type !== 'string' || !TERMINAL.includes(type))
      throw constraint(
        type,
        `${p}.type`,
        'Member must satisfy enum value set: [forward, authenticate-oidc, authenticate-cognito, redirect, fixed-response, jwt-validation]',
      );
    let action: Action;
    if (type === 'forward') action = readForward(ctx, a, p, lbArn);
    else if (type === 'fixed-response') {
      const c = (a.FixedResponseConfig ?? {}) as Record<string, unknown>;
      const code = str(c.StatusCode);
      if (!code || !/^[245]\d\d$/.test(code))
        throw constraint(
          code ?? null,
          `${p}.fixedResponseConfig.statusCode`,
          'Member must satisfy regular expression pattern: ^(2|4|5)\\d\\d$',
        );
      const cfg: NonNullable<Action['FixedResponseConfig']> = { StatusCode: code };
      if (c.ContentType !== undefined) {
        if (!CONTENT_TYPES.includes(String(c.ContentType)))
          throw validation(
            `Content type '${String(c.ContentType)}' is not supported. Valid values: ${CONTENT_TYPES.join(', ')}`,
          );
        cfg.ContentType = String(c.ContentType);
      }
      if (c.MessageBody !== undefined) {
        if (String(c.MessageBody).length > 1024)
          throw constraint(
            '…',
            `${p}.fixedResponseConfig.messageBody`,
            'Member must have length less than or equal to 1024',
          );
        cfg.MessageBody = String(c.MessageBody);
      }
      action = { Type: 'fixed-response', FixedResponseConfig: cfg };
    } else {
      const c = (a.RedirectConfig ?? {}) as Record<string, unknown>;
      if (c.StatusCode !== 'HTTP_301' && c.StatusCode !== 'HTTP_302')
        throw constraint(
          c.StatusCode ?? null,
          `${p}.redirectConfig.statusCode`,
          'Member must satisfy enum value set: [HTTP_301, HTTP_302]',
        );
      action = {
        Type: 'redirect',
        RedirectConfig: {
          Protocol: str(c.Protocol) ?? '#{protocol}',
          Port: str(c.Port) ?? '#{port}',
          Host: str(c.Host) ?? '#{host}',
          Path: str(c.Path) ?? '/#{path}',
          Query: str(c.Query) ?? '#{query}',
          StatusCode: c.StatusCode,
        },
      };
    }
    if (a.Order !== undefined) action.Order = intIn(a.Order, `${p}.order`, 1, 50000);
    return action;
  });
  if (actions.filter((a) => TERMINAL.includes(a.Type)).length !== 1)
    throw new ApiError(
      'InvalidLoadBalancerAction',
      'You must specify exactly one of the following action types: forward, redirect, fixed-response',
    );
  return actions;
}

const FIELDS = [
  'host-header',
  'path-pattern',
  'http-request-method',
  'source-ip',
  'http-header',
  'query-string',
];
const SINGLE = ['host-header', 'path-pattern', 'http-request-method', 'source-ip'];
const CONFIG_OF: Record<string, string> = {
  'host-header': 'HostHeaderConfig',
  'path-pattern': 'PathPatternConfig',
  'http-request-method': 'HttpRequestMethodConfig',
  'source-ip': 'SourceIpConfig',
  'http-header': 'HttpHeaderConfig',
  'query-string': 'QueryStringConfig',
};

/** Reads a rule's Conditions (at least one; at most one of each single-valued field). */
export function readConditions(raw: unknown): RuleCondition[] {
  if (!Array.isArray(raw) || raw.length === 0) throw validation('A rule must have at least one condition');
  const seen = new Set<string>();
  return (raw as Record<string, unknown>[]).map((c) => {
    const field = String(c.Field ?? '');
    if (!FIELDS.includes(field))
      throw validation(`Condition field '${field}' must be one of '[${FIELDS.join(',')}]'`);
    if (SINGLE.includes(field)) {
      if (seen.has(field)) throw validation(`A rule can only have one '${field}' condition`);
      seen.add(field);
    }
    const key = CONFIG_OF[field] as string;
    const cfg = c[key] as Record<string, unknown> | undefined;
    const values = Array.isArray(c.Values) ? (c.Values as unknown[]).map(String) : undefined;
    if (!values?.length && !cfg) throw validation(`A condition value must be specified for field '${field}'`);
    const rawCfg = cfg?.Values;
    const cfgValues = Array.isArray(rawCfg) ? rawCfg.map(String) : [];
    for (const v of [...(values ?? []), ...cfgValues]) {
      if ((field === 'path-pattern' || field === 'host-header') && v.length > 128)
        throw validation(`The '${field}' value '${v}' cannot be longer than 128 characters`);
    }
    const out: RuleCondition = { Field: field };
    if (values?.length) out.Values = values;
    out[key] = cfg ? JSON.parse(JSON.stringify(cfg)) : { Values: values };
    return out;
  });
}
