/**
 * A form that makes several calls in order (build the gate, swap the doors) shows them as a numbered
 * list: before, each call's CLI line (ARNs not known yet are shell variables captured from an earlier
 * line's answer, so the list is a script that runs as it stands); after, each call's real line and
 * AWS's answer, a call the world already had ("already standing", not asked again) or a call not sent
 * because an earlier one was refused. The calls run one by one and stop at the first refusal.
 */

import { cliLines } from '../../cli/index.ts';
import type { Call, CallResponse } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { inViewRegion } from '../../store/view-region.ts';
import { errorOutcome, type Outcome, renderOutcome } from '../call-form.ts';
import { h, pick, setCli, setText } from '../dom.ts';
import { responseSummary } from '../inspector.ts';

/** Shell variables named in placeholder values: `$GATE_ARN`. */
const VARIABLE = /\$[A-Z][A-Z0-9_]*/g;

/**
 * The CLI of a call whose input holds `$NAME` placeholders, with each placeholder expanded by bash
 * (in double quotes, inside or outside the single quotes of a JSON value); `capture` assigns the
 * call's answer to a variable: `NAME=$(aws ... --query 'path' --output text)`.
 */
export function scriptLine(call: Call, capture?: { variable: string; query: string }): string {
  let text = cliLines(call).replace(VARIABLE, (v) => `'"${v}"'`);
  // `'"$X"'` right after an opening quote or before a closing one leaves an empty '' pair: drop it.
  text = text.replace(/''("\$[A-Z0-9_]+")/g, '$1').replace(/("\$[A-Z0-9_]+")''/g, '$1');
  if (!capture) return text;
  return `${capture.variable}=$(${text} \\\n  --query '${capture.query}' --output text)`;
}

export interface PlannedCall {
  title: [nozama: string, aws: string];
  /** The preview line (scriptLine with placeholders). */
  preview: string;
  /** Set when the world already has this thing: the call is not made. */
  standing?: string;
  /** The call with the real values known so far; throws nothing, reads what earlier calls answered. */
  build(): Call;
  /** Reads what later calls need from this call's answer. */
  capture?(output: Record<string, unknown>): void;
  /** What the answer means, in the player's words (else a summary of the response). */
  success?(output: Record<string, unknown>): string;
}

export type StepResult =
  | { kind: 'sent'; call: Call; response: CallResponse }
  | { kind: 'standing'; text: string }
  | { kind: 'notSent' };

export interface CallList {
  root: HTMLElement;
  /** Shows the planned calls, unless the answers of a run are held (until release). */
  plan(calls: PlannedCall[], mode: NameMode): void;
  /** Lets the next plan replace the answers of the last run (call when the player edits the form). */
  release(): void;
  /** Makes the calls in order, stopping at the first refusal, and shows each answer. */
  run(store: GameStore, calls: PlannedCall[], mode: NameMode): StepResult[];
}

export function createCallList(caption: HTMLElement): CallList {
  const list = h('ol', { class: 'call-list' });
  const root = h(
    'figure',
    { class: 'cli-preview call-list-figure' },
    h('figcaption', { class: 'cli-caption' }, caption),
    list,
  );
  let shownKey = '';
  // After a run its answers stay until the player changes something: the world moving on (the gate
  // turning active) must not wipe what AWS just said.
  let held = false;

  const item = (title: string, cli: string, outcome?: Outcome): HTMLLIElement => {
    const pre = h('pre', { class: 'cli' });
    setCli(pre, cli);
    const result = h('div', { class: 'call-result' });
    if (outcome) renderOutcome(result, outcome);
    return h('li', { class: 'call-step' }, h('p', { class: 'call-step-title' }, title), pre, result);
  };

  return {
    root,
    release() {
      held = false;
    },
    plan(calls, mode) {
      if (held) return;
      const key = JSON.stringify([calls.map((c) => [c.title, c.preview, c.standing ?? '']), mode]);
      if (key === shownKey) return;
      shownKey = key;
      list.replaceChildren(
        ...calls.map((c) =>
          item(
            pick(...c.title, mode),
            c.standing ? `# ${c.standing}` : c.preview,
            c.standing ? { tone: 'ok', text: c.standing } : undefined,
          ),
        ),
      );
    },
    run(store, calls, mode) {
      const results: StepResult[] = [];
      let stopped = false;
      for (const c of calls) {
        if (stopped) results.push({ kind: 'notSent' });
        else if (c.standing) results.push({ kind: 'standing', text: c.standing });
        else {
          const call = inViewRegion(store.getState(), c.build());
          const response = store.getState().dispatch(call);
          results.push({ kind: 'sent', call, response });
          if ('error' in response) stopped = true;
          else c.capture?.(response.output);
        }
      }
      shownKey = '';
      held = true;
      list.replaceChildren(
        ...calls.map((c, i) => {
          const r = results[i] as StepResult;
          const title = pick(...c.title, mode);
          if (r.kind === 'standing') return item(title, `# ${r.text}`, { tone: 'ok', text: r.text });
          if (r.kind === 'notSent')
            return item(title, c.preview, {
              tone: 'warn',
              text: pick(
                'Not sent: an earlier order was refused.',
                'Not sent: an earlier call failed.',
                mode,
              ),
            });
          const outcome: Outcome =
            'error' in r.response
              ? errorOutcome(r.response, r.call)
              : { tone: 'ok', text: c.success?.(r.response.output) ?? responseSummary(r.response).text };
          return item(title, cliLines(r.call), outcome);
        }),
      );
      return results;
    },
  };
}

/** One status line for a run: how many calls were accepted, or where it stopped. */
export function runSummary(
  status: HTMLElement,
  results: StepResult[],
  done: [nozama: string, aws: string],
  mode: NameMode,
): void {
  const sent = results.filter((r) => r.kind === 'sent');
  const failed = sent.find((r) => r.kind === 'sent' && 'error' in r.response);
  if (failed && failed.kind === 'sent' && 'error' in failed.response) {
    const at = results.indexOf(failed) + 1;
    setText(
      status,
      pick(
        `Refused at order ${at}: ${failed.response.error.name}. Fix it and try again; what stands stays.`,
        `Call ${at} failed: ${failed.response.error.name}. The calls before it were made.`,
        mode,
      ),
    );
    status.dataset.tone = 'error';
    return;
  }
  const standing = results.length - sent.length;
  setText(
    status,
    `${pick(...done, mode)} ${pick(
      `${sent.length} ${sent.length === 1 ? 'order' : 'orders'} given${standing ? `, ${standing} already standing` : ''}.`,
      `${sent.length} ${sent.length === 1 ? 'call' : 'calls'} made${standing ? `, ${standing} skipped (already exist)` : ''}.`,
      mode,
    )}`,
  );
  status.dataset.tone = 'ok';
}
