/**
 * Real AWS JSON brought into the world (pasted or uploaded): the forms people keep and pass around,
 * read into the calls that recreate them, checked as the CLI checks `--cli-input-json` (the console's
 * own parser: Python's json.loads and its "Invalid JSON received.", botocore's validator for unknown
 * members, wrong types and missing required ones) before the model's front door answers the rest.
 *
 * - `aws ecs describe-task-definition` output, `{"taskDefinition": {...}, "tags": [...]}`: the members
 *   AWS sets and RegisterTaskDefinition does not take are dropped, as people strip them by hand, and
 *   named (taskDefinitionArn, revision, status, requiresAttributes, compatibilities, registeredAt,
 *   registeredBy, deregisteredAt).
 *   https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html
 *   https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
 * - `register-task-definition --cli-input-json` input, `create-service` input, `elbv2 create-rule` input.
 *   https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
 *   https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html
 * - `aws elbv2 describe-rules` output, `{"Rules": [...]}`: one create-rule per rule that is not the
 *   listener's default (the default rule is the listener's DefaultActions: modify-listener sets it), the
 *   listener read from the rule's ARN (listener-rule/app/<lb>/<id>/<listener>/<rule> names
 *   listener/app/<lb>/<id>/<listener>), Priority read as the integer CreateRule takes, RuleArn and
 *   IsDefault dropped.
 *   https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Rule.html
 * - A list of calls as this game exports them (call-list.ts): each entry's command and input.
 * Pure.
 */
import type { Call } from '../../model/index.ts';
import { type Operation, operationOf } from '../parse/commands.ts';
import { type Failure, paramError } from '../parse/errors.ts';
import { buildCall, loadInputJson } from '../parse/parse-command.ts';
import { isDict, type PyValue } from '../parse/py-values.ts';
import { type CallEntry, readCallList } from './call-list.ts';

/** Which of the accepted forms a text was read as. */
export type BroughtForm =
  | 'describe-task-definition'
  | 'register-task-definition'
  | 'create-service'
  | 'create-rule'
  | 'describe-rules'
  | 'call-list';

export interface BroughtStep {
  readonly operation: Operation;
  readonly call: Call;
  /** In an exported list: the ARN the thing had where it was exported (later inputs name it). */
  readonly arn?: string;
}

export type Brought =
  | {
      readonly ok: true;
      readonly form: BroughtForm;
      readonly steps: readonly BroughtStep[];
      /** What was left out, as paths in the text ("taskDefinition.revision", "Rules[2] (the default rule)"). */
      readonly dropped: readonly string[];
    }
  | { readonly ok: false; readonly failure: Failure };

/** TaskDefinition members that AWS sets and RegisterTaskDefinition does not take. */
export const TASK_DEFINITION_READ_ONLY = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
] as const;

const ACTIONS: Record<Exclude<BroughtForm, 'call-list'>, string> = {
  'describe-task-definition': 'ecs:RegisterTaskDefinition',
  'register-task-definition': 'ecs:RegisterTaskDefinition',
  'create-service': 'ecs:CreateService',
  'create-rule': 'elbv2:CreateRule',
  'describe-rules': 'elbv2:CreateRule',
};

type Dict = { [key: string]: PyValue };

const NOT_RECOGNIZED =
  'This JSON is none of the forms read here: describe-task-definition output ({"taskDefinition": {...}}), ' +
  'register-task-definition input ({"family": ..., "containerDefinitions": [...]}), create-service input ' +
  '({"serviceName": ...}), create-rule input ({"ListenerArn": ..., "Conditions": [...], "Actions": [...]}), ' +
  'describe-rules output ({"Rules": [...]}), or a list of calls exported from Nozama.';

function formOf(input: Dict): Exclude<BroughtForm, 'call-list'> | null {
  const has = (k: string) => Object.hasOwn(input, k);
  if (has('taskDefinition') && isDict(input.taskDefinition as PyValue)) return 'describe-task-definition';
  if (has('containerDefinitions') || has('family')) return 'register-task-definition';
  if (has('serviceName')) return 'create-service';
  if (has('Rules')) return 'describe-rules';
  if (has('ListenerArn') || (has('Conditions') && has('Actions'))) return 'create-rule';
  return null;
}

function step(action: string, params: Dict): BroughtStep | Failure {
  const operation = operationOf(action);
  if (!operation) return paramError(`${action} is not answered in this world.`);
  const built = buildCall(operation, params);
  if ('kind' in built) return built;
  return { operation, call: built.call };
}

/** describe-task-definition output -> register-task-definition input, read-only members dropped. */
function fromDescribe(input: Dict, dropped: string[]): Dict {
  const td = { ...(input.taskDefinition as Dict) };
  for (const k of TASK_DEFINITION_READ_ONLY) {
    if (Object.hasOwn(td, k)) {
      delete td[k];
      dropped.push(`taskDefinition.${k}`);
    }
  }
  // --include TAGS puts the tags beside the definition; register takes them as its own member.
  const tags = input.tags;
  if (Array.isArray(tags) && tags.length > 0) td.tags = tags;
  else if (tags !== undefined) dropped.push('tags (empty)');
  for (const k of Object.keys(input)) if (k !== 'taskDefinition' && k !== 'tags') td[k] = input[k] as PyValue;
  return td;
}

/** The listener a rule belongs to, from the rule's ARN. */
export function listenerOfRuleArn(ruleArn: string): string | null {
  const m = /^(arn:[^:]+:elasticloadbalancing:[^:]*:[^:]*:)listener-rule\/(.+)\/[^/]+$/.exec(ruleArn);
  return m ? `${m[1]}listener/${m[2]}` : null;
}

/** describe-rules output -> one create-rule input per rule that is not the listener's default. */
function fromRules(input: Dict, dropped: string[]): Dict[] | Failure {
  const rules = input.Rules;
  if (!Array.isArray(rules)) return paramError('Rules must be the list describe-rules prints.');
  for (const k of Object.keys(input)) if (k !== 'Rules') dropped.push(k);
  const out: Dict[] = [];
  for (const [i, r] of rules.entries()) {
    if (!isDict(r)) return paramError(`Rules[${i}] is not a rule.`);
    if (r.IsDefault === true || r.Priority === 'default') {
      dropped.push(`Rules[${i}] (the listener's default rule: modify-listener sets it)`);
      continue;
    }
    const { RuleArn, IsDefault, Priority, ...rest } = r;
    const rule: Dict = {};
    const listener = typeof RuleArn === 'string' ? listenerOfRuleArn(RuleArn) : null;
    if (listener) rule.ListenerArn = listener;
    if (RuleArn !== undefined) dropped.push(`Rules[${i}].RuleArn`);
    if (IsDefault !== undefined) dropped.push(`Rules[${i}].IsDefault`);
    // describe-rules prints the priority as a string; CreateRule takes an integer.
    if (typeof Priority === 'string' && /^\d+$/.test(Priority)) rule.Priority = Number(Priority);
    else if (Priority !== undefined) rule.Priority = Priority as PyValue;
    Object.assign(rule, rest);
    out.push(rule);
  }
  if (out.length === 0)
    return paramError('These rules hold only the default rule: there is no rule to create.');
  return out;
}

function entrySteps(entries: readonly CallEntry[]): BroughtStep[] | Failure {
  const steps: BroughtStep[] = [];
  for (const e of entries) {
    const built = buildCall(e.operation, e.input);
    if ('kind' in built) return built;
    const call: Call = e.region === undefined ? built.call : { ...built.call, region: e.region };
    steps.push(
      e.arn === undefined ? { operation: e.operation, call } : { operation: e.operation, call, arn: e.arn },
    );
  }
  return steps;
}

/** Reads a pasted or uploaded text into the calls it stands for, or the CLI's refusal. */
export function readAwsJson(text: string): Brought {
  if (/^\s*\[/.test(text)) {
    const list = readCallList(text);
    if ('kind' in list) return { ok: false, failure: list };
    const steps = entrySteps(list);
    return 'kind' in steps
      ? { ok: false, failure: steps }
      : { ok: true, form: 'call-list', steps, dropped: [] };
  }
  const loaded = loadInputJson(text);
  if ('kind' in loaded) return { ok: false, failure: loaded };
  const input = loaded.input;
  const form = formOf(input);
  if (form === null) return { ok: false, failure: paramError(NOT_RECOGNIZED) };
  const dropped: string[] = [];
  let inputs: Dict[];
  if (form === 'describe-task-definition') inputs = [fromDescribe(input, dropped)];
  else if (form === 'describe-rules') {
    const rules = fromRules(input, dropped);
    if ('kind' in rules) return { ok: false, failure: rules };
    inputs = rules;
  } else inputs = [input];
  const steps: BroughtStep[] = [];
  for (const params of inputs) {
    const s = step(ACTIONS[form], params);
    if ('kind' in s) return { ok: false, failure: s };
    steps.push(s);
  }
  return { ok: true, form, steps, dropped };
}
