/**
 * Lifecycle hooks in words: the verdict rule a spell gives when a renovation asks it (the gatekeeper
 * spell), and what it answered, in story words or ECS's (hookStatus SUCCEEDED / FAILED / IN_PROGRESS,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/lambda-lifecycle-hooks.html).
 */
import type { HookRule, HookVerdict } from '../model/index.ts';
import { byMode, type NameMode } from './lexicon.ts';
import { pct } from './percent.ts';

export function hookRuleWords(rule: HookRule | undefined, mode: NameMode): string {
  if (!rule)
    return byMode(
      mode,
      'no verdict: the spell answers nothing (a failure)',
      'no rule: no hookStatus returned',
    );
  switch (rule.kind) {
    case 'succeed':
      return byMode(mode, 'always lets the renovation go on', 'hookStatus SUCCEEDED');
    case 'fail':
      return byMode(mode, 'always stops the renovation', 'hookStatus FAILED');
    case 'fail-if-5xx-above':
      return byMode(
        mode,
        `stops it if more than ${pct(rule.thresholdPercent)}% of the new edition's travelers failed in the last ${rule.windowMinutes} min`,
        `FAILED if the new revision's 5xx rate over the last ${rule.windowMinutes} min is above ${pct(rule.thresholdPercent)}%, else SUCCEEDED`,
      );
    case 'in-progress-then-succeed':
      return byMode(
        mode,
        `asks for time ${rule.invocations} times (every ${rule.callBackDelaySeconds} s), then lets it go on`,
        `IN_PROGRESS (callBackDelay ${rule.callBackDelaySeconds}) for ${rule.invocations} invocations, then SUCCEEDED`,
      );
  }
}

export function hookVerdictWords(verdict: HookVerdict, mode: NameMode): string {
  switch (verdict) {
    case 'SUCCEEDED':
      return byMode(mode, 'go on', 'SUCCEEDED');
    case 'FAILED':
      return byMode(mode, 'stop', 'FAILED');
    case 'IN_PROGRESS':
      return byMode(mode, 'not yet', 'IN_PROGRESS');
    case 'FunctionError':
      return byMode(mode, 'the spell broke (an error)', 'function error (Unhandled)');
    case 'NoHookStatus':
      return byMode(mode, 'no answer', 'no valid hookStatus');
  }
}

/** The function's name from a hook's ARN (or a name). */
export function hookFunctionName(hookTargetArn: string): string {
  const parts = hookTargetArn.split(':');
  const i = parts.indexOf('function');
  return i >= 0 ? (parts[i + 1] ?? hookTargetArn) : (parts[0] ?? hookTargetArn);
}
