/**
 * The live status of the chosen decree's renovation (renovation-view.ts computes it): the horn of
 * rollback as an unmissable banner with its why card, the state and stage in words, the timers in
 * simulated time, the step list with the set weight beside the actual share, the watchtowers (icon
 * and word, never colour alone), and the promote and abort buttons, each showing the exact call it
 * makes and AWS's answer. The buttons are built once and kept, so keyboard focus survives the ticks.
 */

import { cliLines } from '../cli/index.ts';
import type { WhyCard } from '../i18n/explain.ts';
import { pct } from '../i18n/renovation.ts';
import type { Call } from '../model/index.ts';
import type { GameStore, NameMode } from '../store/create-game-store.ts';
import { inViewRegion } from '../store/view-region.ts';
import { errorOutcome, renderOutcome } from './call-form.ts';
import type { Lifetime } from './component.ts';
import { breakable, button, h, pick, setCli, setText, tableHead, uid, words } from './dom.ts';
import { alarmIcon, alarmStateWords } from './forms/watchtower-form.ts';
import { responseSummary } from './inspector.ts';
import {
  type ActualMemo,
  type HookRow,
  renovationView,
  type StatusView,
  type StepRow,
} from './renovation-view.ts';

export interface ActionRow {
  root: HTMLElement;
  /** Shows the call the button will make (null: the button is disabled and the hint shown). */
  set(call: Call | null, hint: string): void;
}

/** A button that makes one call, with its CLI line before and AWS's answer after. */
export function actionRow(store: GameStore, label: HTMLElement, cls: string, after: () => void): ActionRow {
  const btn = button(label, { class: `button ${cls}` });
  const pre = h('pre', { class: 'cli cli-small' });
  const hint = h('p', { class: 'hint' });
  const result = h('div', { class: 'call-result', role: 'status' });
  let current: Call | null = null;
  btn.addEventListener('click', () => {
    if (!current) return;
    const call = inViewRegion(store.getState(), current);
    const response = store.getState().dispatch(call);
    setCli(pre, cliLines(call));
    if ('error' in response) renderOutcome(result, errorOutcome(response, call));
    else renderOutcome(result, { tone: 'ok', text: responseSummary(response).text });
    after();
  });
  return {
    root: h('div', { class: 'action-row' }, btn, pre, hint, result),
    set(call, text) {
      current = call;
      btn.disabled = call === null;
      btn.hidden = call === null;
      pre.hidden = call === null;
      if (call) setCli(pre, cliLines(call));
      setText(hint, call ? '' : text);
      hint.hidden = call !== null || text === '';
    },
  };
}

const STEP_ICON: Record<StepRow['state'], string> = { done: '✔', now: '▶', next: '·', back: '↩' };
const STEP_WORD: Record<StepRow['state'], [string, string]> = {
  done: ['done', 'applied'],
  now: ['now', 'current'],
  next: ['to come', 'pending'],
  back: ['horn sounded', 'rolled back'],
};

export function stepTable(steps: StepRow[], mode: NameMode, newWord: [string, string]): HTMLTableElement {
  return h(
    'table',
    { class: 'shares renovation-steps' },
    ...tableHead(
      pick(
        `Steps: share set on ${newWord[0]}, and the share travelers actually took since the step`,
        `Steps: weight on ${newWord[1]}, and the actual share since the step`,
        mode,
      ),
      // Column heads are one word each; in both word sets AWS's word alone (the caption says both).
      [
        pick('Step', 'Step', mode === 'both' ? 'aws' : mode),
        pick('Set', 'Weight', mode === 'both' ? 'aws' : mode),
        pick('Actual', 'Actual', mode === 'both' ? 'aws' : mode),
        pick('State', 'State', mode === 'both' ? 'aws' : mode),
      ],
    ),
    h(
      'tbody',
      {},
      ...steps.map((s) =>
        h(
          'tr',
          { class: `step-${s.state}`, 'data-step': s.k },
          // The mark sits by the step's number, so a narrow state column never leaves it alone on a
          // line above its word.
          h(
            'th',
            { scope: 'row' },
            h('span', { 'aria-hidden': 'true', class: 'step-mark' }, `${STEP_ICON[s.state]}\u00a0`),
            `${s.k}`,
          ),
          h('td', {}, `${pct(s.set)}%`),
          h('td', {}, s.actual === null ? '—' : `${pct(s.actual)}%`),
          h('td', {}, pick(...STEP_WORD[s.state], mode)),
        ),
      ),
    ),
  );
}

const HOOK_ICON: Record<HookRow['state'], string> = { passed: '✔', failed: '✖', waiting: '⏳' };
/** What the run meant for the renovation, in story words (AWS mode: the answers say it). */
const HOOK_WORD: Record<HookRow['state'], string> = {
  passed: 'the renovation went on',
  failed: 'the renovation was stopped',
  waiting: 'the renovation waits',
};

/** The gatekeeper spells' casts: where, how many times, what each answered (icon and word). */
export function hookList(rows: HookRow[], mode: NameMode): HTMLElement[] {
  return [
    h('p', { class: 'group-title' }, pick('Gatekeeper spells', 'Lifecycle hooks', mode)),
    h(
      'ul',
      { class: 'renovation-hooks-state' },
      ...rows.map((r) =>
        h(
          'li',
          { class: `hook-${r.state}`, 'data-hook': r.key },
          h('span', { class: 'hook-icon', 'aria-hidden': 'true' }, `${HOOK_ICON[r.state]} `),
          h('strong', {}, r.spell),
          ' · ',
          ...breakable(r.stage),
          ' · ',
          pick(
            `cast ${r.invocations} ${r.invocations === 1 ? 'time' : 'times'}: ${r.verdicts}`,
            `${r.invocations} ${r.invocations === 1 ? 'invocation' : 'invocations'}: ${r.verdicts}`,
            mode,
          ),
          ...(mode === 'aws' ? [] : [' — ', h('span', { class: 'hook-verdict' }, HOOK_WORD[r.state])]),
        ),
      ),
    ),
  ];
}

export function towerList(towers: StatusView['towers'], mode: NameMode): HTMLElement {
  if (towers.length === 0)
    return h(
      'p',
      { class: 'hint' },
      pick('No watchtower guards this renovation.', 'No alarms configured.', mode),
    );
  return h(
    'ul',
    { class: 'watchtowers renovation-towers-state' },
    ...towers.map((t) =>
      h(
        'li',
        { class: `watchtower state-${t.state.toLowerCase()}`, 'data-alarm': t.name },
        alarmIcon(t.state),
        h(
          'span',
          {},
          h('strong', {}, t.name),
          ' · ',
          h('span', { class: 'watchtower-state' }, ...breakable(alarmStateWords(t.state, mode))),
        ),
      ),
    ),
  );
}

/** The horn of rollback: a banner with the why card. */
export function hornBanner(card: WhyCard, mode: NameMode): HTMLElement[] {
  return [
    h(
      'p',
      { class: 'horn-title' },
      h('span', { class: 'horn-icon' }, alarmIcon('ALARM')),
      ' ',
      pick('The horn of rollback!', 'Rolled back', mode),
    ),
    h('p', { class: 'horn-why' }, ...breakable(card.headline)),
    h('ul', { class: 'horn-reasons' }, ...card.reasons.map((r) => h('li', {}, ...breakable(r)))),
  ];
}

export interface StatusPanel {
  root: HTMLElement;
  /** False while the panel sits in a closed <details> (opening it schedules a redraw). */
  showing(): boolean;
  /** Redraws the horn and the body, each only when what it shows (in this mode) changed. */
  draw(mode: NameMode, horn: WhyCard | null, body: unknown, nodes: () => HTMLElement[]): void;
}

/** A live status section: a title, the horn of rollback's banner, a body, then `tail` (the buttons). */
export function statusPanel(o: {
  title: HTMLElement;
  cls: string;
  bodyCls: string;
  tail: HTMLElement;
  redraw: () => void;
}): StatusPanel {
  const horn = h('div', { class: 'horn', role: 'alert' });
  const body = h('div', { class: o.bodyCls });
  const root = h('section', { class: o.cls, 'aria-labelledby': o.title.id }, o.title, horn, body, o.tail);
  let hornKey = '';
  let bodyKey = '';
  let watching = false;
  return {
    root,
    showing() {
      const details = root.closest('details');
      if (details && !watching) {
        watching = true;
        details.addEventListener('toggle', o.redraw);
      }
      return !details || details.open;
    },
    draw(mode, card, state, nodes) {
      const hk = JSON.stringify([mode, card]);
      if (hk !== hornKey) {
        hornKey = hk;
        horn.hidden = !card;
        horn.replaceChildren(...(card ? hornBanner(card, mode) : []));
      }
      const bk = JSON.stringify([mode, state]);
      if (bk !== bodyKey) {
        bodyKey = bk;
        body.replaceChildren(...nodes());
      }
    },
  };
}

export function createRenovationStatus(
  store: GameStore,
  life: Lifetime,
  selected: () => string,
): { root: HTMLElement; render(): void } {
  const memo: ActualMemo = new Map();
  const lowest = new Map<string, number>();
  const render = () => update();
  const promote = actionRow(
    store,
    words('Promote', 'Promote (ContinueDeployment)'),
    'button-primary promote',
    render,
  );
  const abort = actionRow(
    store,
    words('Sound the horn (abort)', 'Abort and roll back'),
    'button-danger abort',
    render,
  );
  const controls = h(
    'div',
    { class: 'renovation-controls', role: 'group', 'aria-label': 'Promote or abort' },
    promote.root,
    abort.root,
  );
  const panel = statusPanel({
    title: h(
      'h4',
      { class: 'disaster-title', id: uid('renovation') },
      words('The renovation now', 'Deployment status'),
    ),
    cls: 'renovation-status',
    bodyCls: 'renovation-body',
    tail: controls,
    redraw: () => schedule(),
  });

  function update() {
    const { sim, ui, events } = store.getState();
    const mode = ui.names;
    if (!panel.showing()) return;
    const v = renovationView(sim, selected(), events.recent, memo, lowest, mode);
    panel.draw(mode, v?.horn ?? null, v && { ...v, abort: null, promote: null }, () =>
      v
        ? viewNodes(v, mode)
        : [
            h(
              'p',
              { class: 'hint' },
              pick('No renovation of this decree yet.', 'No deployment of this service yet.', mode),
            ),
          ],
    );
    controls.hidden = !v || (!v.abort && !v.promote);
    promote.set(v?.promote ?? null, v?.promoteHint ?? '');
    abort.set(
      v?.abort ?? null,
      pick('Nothing to abort: the renovation is over.', 'No deployment in progress.', mode),
    );
  }

  const schedule = life.live([(s) => s.sim.now, (s) => s.ui.names, (s) => s.generation], update);
  return { root: panel.root, render: schedule };
}

function viewNodes(v: StatusView, mode: NameMode): HTMLElement[] {
  const icon =
    v.state.tone === 'ok' ? '✔' : v.state.tone === 'error' ? '✖' : v.state.tone === 'warn' ? '⚠' : '▶';
  const out: HTMLElement[] = [
    h('p', { class: 'renovation-headline' }, ...breakable(v.headline)),
    h(
      'p',
      { class: `outcome outcome-${v.state.tone === 'info' ? 'ok' : v.state.tone} renovation-state` },
      h('span', { class: 'tone-icon', 'aria-hidden': 'true' }, icon),
      ' ',
      ...breakable(v.state.text),
    ),
  ];
  if (v.stage)
    out.push(
      h(
        'p',
        { class: 'renovation-stage' },
        h('strong', {}, `${pick('Stage', 'Lifecycle stage', mode)}: `),
        ...breakable(v.stage),
      ),
    );
  for (const t of v.timers) out.push(h('p', { class: 'renovation-timer' }, t));
  if (v.steps.length) out.push(stepTable(v.steps, mode, ['the new edition', 'the new revision']));
  if (v.hooks.length) out.push(...hookList(v.hooks, mode));
  for (const c of v.counts) out.push(h('p', { class: 'renovation-count' }, c));
  out.push(h('p', { class: 'group-title' }, pick('Watchtowers', 'Alarms', mode)), towerList(v.towers, mode));
  return out;
}
