/**
 * What every Build form shares: a live preview of the real API call it will make (as the `aws` CLI
 * line), a submit that dispatches that call, and the response: a success line, or AWS's error name
 * and message verbatim with a line in Nozama's words. A form is never cleared on error: the player
 * fixes what AWS complained about and tries again.
 */

import { cliLines } from '../cli/index.ts';
import { T } from '../i18n/messages.ts';
import type { Call, CallResponse } from '../model/index.ts';
import type { GameStore, NameMode } from '../store/create-game-store.ts';
import { inViewRegion } from '../store/view-region.ts';
import { requestConsole } from './console-toggle.ts';
import { h, setCli, words } from './dom.ts';
import { explainError } from './error-words.ts';

export type Tone = 'ok' | 'warn' | 'error';

export interface Outcome {
  tone: Tone;
  text: string;
  /** More lines (failures of a RunTask, a hint). */
  details?: string[];
}

export interface CallFormSpec {
  store: GameStore;
  /** The submit button's label, in both vocabularies. */
  submit: [nozama: string, aws: string];
  /** The call the form makes now, from what the player typed. */
  build(): Call;
  /** What a success means, in the player's words. */
  success(output: Record<string, unknown>, call: Call): Outcome;
  /** After a success (a form may refresh its lists; it must not clear what the player typed). */
  after?(output: Record<string, unknown>): void;
}

export interface CallForm {
  form: HTMLFormElement;
  /** Where the form's fields go (above the preview and the submit button). */
  body: HTMLElement;
  /** Re-renders the preview (call after changing fields from code). */
  refresh(): void;
  /** Shows an outcome in the form's result area (also used by side actions such as founding a kingdom). */
  show(outcome: Outcome): void;
  /** Dispatches a call and shows its response in this form's result area. */
  run(call: Call, success: (output: Record<string, unknown>) => Outcome): CallResponse;
  /** Changes the submit button's label (a form that switches between two calls). */
  setSubmit(nozama: string, aws: string, mode: NameMode): void;
}

const ICON: Record<Tone, string> = { ok: '✔', warn: '⚠', error: '✖' };

export function errorOutcome(response: { error: { name: string; message: string } }, call?: Call): Outcome {
  return {
    tone: 'error',
    text: `${response.error.name}: ${response.error.message}`,
    details: [`In Nozama: ${explainError(response.error, call)}`],
  };
}

export function renderOutcome(target: HTMLElement, outcome: Outcome): void {
  const [name, ...rest] = outcome.tone === 'error' ? outcome.text.split(': ') : [outcome.text];
  const main = h(
    'p',
    { class: `outcome outcome-${outcome.tone}` },
    h('span', { class: 'tone-icon', 'aria-hidden': 'true' }, ICON[outcome.tone]),
    ' ',
    outcome.tone === 'error'
      ? h('span', {}, h('strong', { class: 'error-name' }, name ?? ''), ': ', rest.join(': '))
      : h('span', {}, outcome.text),
  );
  const label =
    outcome.tone === 'error' ? 'Refused: ' : outcome.tone === 'warn' ? 'Done, take note: ' : 'Done: ';
  main.prepend(h('span', { class: 'visually-hidden' }, label));
  target.replaceChildren(main, ...(outcome.details ?? []).map((d) => h('p', { class: 'outcome-detail' }, d)));
}

export function createCallForm(spec: CallFormSpec): CallForm {
  const body = h('div', { class: 'form-body' });
  const code = h('code', {});
  const preview = h(
    'figure',
    { class: 'cli-preview' },
    h('figcaption', { class: 'cli-caption' }, words('The order, as AWS reads it', 'The API call')),
    h('pre', { class: 'cli' }, code),
  );
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, words(...spec.submit));
  const toConsole = h(
    'button',
    { type: 'button', class: 'button open-in-console', 'data-role': 'open-in-console' },
    T.t('frame.openInConsole'),
  );
  toConsole.addEventListener('click', () => requestConsole(toConsole, cliLines(spec.build())));
  preview.append(toConsole);
  const result = h('div', { class: 'call-result', role: 'status' });
  const form = h('form', { class: 'call-form', novalidate: true }, body, preview, submit, result);

  const refresh = () => {
    let text: string;
    try {
      text = cliLines(inViewRegion(spec.store.getState(), spec.build()));
    } catch (e) {
      text = `# ${(e as Error).message}`;
    }
    setCli(code, text);
  };
  const show = (outcome: Outcome) => renderOutcome(result, outcome);
  const run = (call: Call, success: (output: Record<string, unknown>) => Outcome): CallResponse => {
    const sent = inViewRegion(spec.store.getState(), call);
    const response = spec.store.getState().dispatch(sent);
    if ('error' in response) show(errorOutcome(response, sent));
    else show(success(response.output));
    return response;
  };

  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const call = spec.build();
    const response = run(call, (output) => spec.success(output, call));
    if (!('error' in response)) spec.after?.(response.output);
    refresh();
  });
  const setSubmit = (nozama: string, aws: string, mode: NameMode) => {
    const label = submit.firstElementChild as HTMLElement | null;
    if (label?.dataset.nozama === nozama && label.dataset.aws === aws) return;
    submit.replaceChildren(words(nozama, aws, mode));
  };
  return { form, body, refresh, show, run, setSubmit };
}
