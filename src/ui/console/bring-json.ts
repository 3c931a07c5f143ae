/**
 * "Bring JSON", inside the console drawer: real AWS JSON pasted or uploaded (the file is read by the
 * browser, nothing is sent anywhere) is read into the calls it stands for (src/cli/bring, with the
 * CLI's own checks), shown as their CLI lines before anything is sent, and made on request through the
 * console's door (the level's rule, the store's dispatch), each answer printed in the console's log. A
 * world saved from Nozama (the console's "Export world") is recognised and loaded with the store's
 * `load`, which refuses what does not belong here and changes nothing then.
 */
import { type Brought, readAwsJson, runBrought } from '../../cli/bring/index.ts';
import { cliLines } from '../../cli/index.ts';
import type { RunOptions, RunResult } from '../../cli/run/index.ts';
import { T } from '../../i18n/messages.ts';
import type { GameStore } from '../../store/create-game-store.ts';
import { button, h, setCli, uid } from '../dom.ts';

export interface BringJsonOptions {
  /** Prints a call's CLI line and its answer in the console's log. */
  print(line: string, result: RunResult): void;
  /** The console's door: dispatch, the level's rule, the log's width. */
  runOptions(): RunOptions;
}

export interface BringJson {
  /** The drawer's button that shows and hides the section. */
  readonly toggle: HTMLButtonElement;
  readonly root: HTMLElement;
  destroy(): void;
}

type Plan =
  | { kind: 'empty' }
  | { kind: 'world'; saved: unknown; calls: number }
  | { kind: 'aws'; brought: Brought };

/** A world file saved by this game (src/session/save.ts): its format names it. */
function savedWorld(text: string): { saved: unknown; calls: number } | null {
  try {
    const v = JSON.parse(text) as { format?: unknown; calls?: unknown };
    if (v && typeof v === 'object' && v.format === 'nozama-world')
      return { saved: v, calls: Array.isArray(v.calls) ? v.calls.length : 0 };
  } catch {
    return null;
  }
  return null;
}

export function createBringJson(store: GameStore, options: BringJsonOptions): BringJson {
  const headingId = uid('bring');
  const textId = uid('bring-text');
  const fileId = uid('bring-file');
  const toggle = button(T.t('console.bring'), {
    class: 'time-button console-bring-toggle',
    'aria-expanded': 'false',
    'aria-controls': headingId,
  });
  const text = h('textarea', {
    id: textId,
    class: 'console-input bring-text',
    rows: 7,
    spellcheck: 'false',
    autocomplete: 'off',
    'data-role': 'bring-text',
  });
  const file = h('input', {
    id: fileId,
    type: 'file',
    accept: '.json,application/json,text/plain',
    class: 'bring-file',
    'data-role': 'bring-file',
  });
  // What the text was read as (announced), the button that makes the calls, then their CLI lines or
  // the CLI's refusal: the button sits high so it stays in view when the lines are long.
  const summary = h('p', { role: 'status', class: 'bring-summary' });
  const run = button('', { class: 'button button-small bring-run', 'data-role': 'bring-run' });
  const detail = h('div', { class: 'bring-detail' });
  const root = h(
    'section',
    { class: 'console-bring', id: headingId, 'aria-label': T.t('console.bringHeading'), hidden: true },
    h('h3', { class: 'console-bring-title' }, T.t('console.bringHeading')),
    h('p', { class: 'console-hint' }, T.t('console.bringHint')),
    h(
      'div',
      { class: 'bring-input' },
      h('label', { for: textId, class: 'bring-label' }, T.t('console.bringText')),
      text,
      h(
        'div',
        { class: 'bring-row' },
        h('label', { for: fileId, class: 'bring-label' }, T.t('console.bringFile')),
        file,
      ),
    ),
    h('div', { class: 'bring-result', 'data-role': 'bring-plan' }, summary, run, detail),
  );

  let plan: Plan = { kind: 'empty' };

  const show = () => {
    const value = text.value;
    if (value.trim() === '') plan = { kind: 'empty' };
    else {
      const world = savedWorld(value);
      plan = world ? { kind: 'world', ...world } : { kind: 'aws', brought: readAwsJson(value) };
    }
    const parts: HTMLElement[] = [];
    let said = '';
    run.hidden = true;
    if (plan.kind === 'empty') said = T.t('console.bringEmpty');
    else if (plan.kind === 'world') {
      said = T.t('console.bringWorld', { count: plan.calls });
      run.textContent = T.t('console.bringLoad');
      run.hidden = false;
    } else if (!plan.brought.ok) {
      said = T.t('console.bringRefused');
      parts.push(h('pre', { class: 'console-stderr' }, plan.brought.failure.stderr.trim()));
    } else {
      const { form, steps, dropped } = plan.brought;
      said = T.t('console.bringForm', { form, count: steps.length });
      for (const s of steps) {
        const pre = h('pre', { class: 'code-block bring-cli', tabindex: 0 });
        setCli(pre, cliLines(s.call));
        parts.push(pre);
      }
      if (dropped.length > 0)
        parts.push(
          h('p', { class: 'bring-dropped' }, T.t('console.bringDropped', { members: dropped.join(', ') })),
        );
      run.textContent = T.t('console.bringRun', { count: steps.length });
      run.hidden = false;
    }
    summary.textContent = said;
    detail.replaceChildren(...parts);
  };

  const onRun = () => {
    if (plan.kind === 'world') {
      const r = store.getState().load(plan.saved);
      summary.textContent = r.ok ? T.t('console.bringLoaded') : r.message;
      run.hidden = true;
      return;
    }
    if (plan.kind !== 'aws' || !plan.brought.ok) return;
    for (const { line, result } of runBrought(plan.brought.steps, options.runOptions()))
      options.print(line, result);
    run.hidden = true;
  };

  const onFile = () => {
    const f = file.files?.[0];
    if (!f) return;
    void f.text().then((t) => {
      text.value = t;
      show();
    });
  };
  const onToggle = () => {
    const open = root.hidden;
    root.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) {
      show();
      text.focus();
    }
  };
  text.addEventListener('input', show);
  file.addEventListener('change', onFile);
  run.addEventListener('click', onRun);
  toggle.addEventListener('click', onToggle);
  return {
    toggle,
    root,
    destroy() {
      text.removeEventListener('input', show);
      file.removeEventListener('change', onFile);
      run.removeEventListener('click', onRun);
      toggle.removeEventListener('click', onToggle);
    },
  };
}
