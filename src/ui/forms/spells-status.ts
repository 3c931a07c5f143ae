/**
 * The live status of an incantation: per edition, the share of casts it is set to get beside the
 * share it actually got this minute and its Errors over the last 60 s (the seed's health-check
 * window); the newest shift (the seed's linear shift or a CodeDeploy Lambda deployment) as a step
 * list with the health-check countdown; the horn of rollback with its why card
 * ("Errors 3 in the last 60 s at step 4 of 10: incantation back to edition 1"); and, for CodeDeploy,
 * the abort button (StopDeployment with rollback).
 */
import type { WhyCard } from '../../i18n/explain.ts';
import { aliasRollbackCard, countdown, pct } from '../../i18n/renovation.ts';
import { aliasRollbackFacts } from '../../i18n/renovation-facts.ts';
import type {
  Call,
  LambdaDeployer,
  LambdaFunction,
  SimEvent,
  SimEventOf,
  SimState,
} from '../../model/index.ts';
import { metricSum } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import type { Lifetime } from '../component.ts';
import { h, pick, tableHead, uid, words } from '../dom.ts';
import { actionRow, statusPanel, stepTable, towerList } from '../renovation-status.ts';
import {
  cdHorn,
  cdNextShift,
  cdTerminal,
  cdTowers,
  measured,
  type StepRow,
  stepRows,
} from '../renovation-view.ts';
import { latestAliasCdDeployment } from './renovation-things.ts';

interface SpellView {
  rows: { version: string; set: number; actual: number | null; errors: number | null }[];
  shift: {
    title: string;
    state: string;
    steps: StepRow[];
    timers: string[];
    towers: { name: string; state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA' }[];
  } | null;
  horn: WhyCard | null;
  abort: Call | null;
}

function latestDeployer(
  sim: SimState,
  region: string,
  fn: string,
  alias: string,
): LambdaDeployer | undefined {
  return Object.values(sim.lambda.deployers)
    .filter((d) => d.functionName === fn && d.aliasName === alias && d.region === region)
    .sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1))[0];
}

function spellView(
  sim: SimState,
  fn: LambdaFunction,
  aliasName: string,
  events: readonly SimEvent[],
  memo: Map<string, number>,
  mode: NameMode,
): SpellView | null {
  const alias = fn.aliases[aliasName];
  if (!alias) return null;
  const source = `lambda:${fn.FunctionArn}:${aliasName}`;
  const extra = Object.entries(alias.RoutingConfig?.AdditionalVersionWeights ?? {});
  const rest = 1 - extra.reduce((a, [, w]) => a + w, 0);
  const errorsOf = (v: string) =>
    metricSum(
      sim,
      'AWS/Lambda',
      'Errors',
      { FunctionName: fn.FunctionName, Resource: `${fn.FunctionName}:${aliasName}`, ExecutedVersion: v },
      sim.now - 60,
      sim.now,
    );
  const dep = latestDeployer(sim, fn.region, fn.FunctionName, aliasName);
  const cd = latestAliasCdDeployment(sim, fn.FunctionName, aliasName);
  // The edition being shifted to keeps its row at 0% after a rollback: its errors are the story.
  const shifted = [dep?.newVersion, cd?.lambda?.targetVersion].filter((v): v is string => v !== undefined);
  const routed: (readonly [string, number])[] = [[alias.FunctionVersion, rest], ...extra];
  for (const v of shifted) if (!routed.some(([x]) => x === v)) routed.push([v, 0]);
  const rows = routed.map(([version, w]) => ({
    version,
    set: Math.round(w * 1000) / 10,
    actual: measured(sim, source, version),
    errors: errorsOf(version),
  }));
  const view: SpellView = { rows, shift: null, horn: null, abort: null };
  if (dep && (!cd || dep.startedAt >= cd.createTime)) {
    const live = dep.status === 'InProgress';
    const applied = (k: number) => (k <= dep.step ? dep.startedAt + (k - 1) * dep.interval : null);
    const state = {
      InProgress: ['shifting', 'InProgress'],
      Succeeded: ['complete', 'Succeeded'],
      Failed: ['rolled back', 'Failed'],
    }[dep.status] as [string, string];
    view.shift = {
      title: pick(
        `Linear shift to edition ${dep.newVersion}: ${dep.steps} steps, ${dep.interval} s apart`,
        `sim:StartAliasDeployment ${dep.id}: version ${dep.oldVersion} → ${dep.newVersion}, ${dep.steps} steps × ${dep.interval} s`,
        mode,
      ),
      state: pick(...state, mode),
      steps: stepRows(
        sim,
        memo,
        dep.id,
        dep.weights.map((w, i) => ({ set: w * 100, appliedAt: applied(i + 1) })),
        dep.step,
        source,
        dep.newVersion,
        live,
        dep.status === 'Failed',
      ),
      timers:
        live && dep.checkAt !== null
          ? [
              pick(
                `Health check in ${countdown(dep.checkAt - sim.now)}`,
                `Health check (Errors, last 60 s) in ${countdown(dep.checkAt - sim.now)}`,
                mode,
              ),
            ]
          : [],
      towers: [],
    };
    if (dep.status === 'Failed' && dep.lastErrors !== null && dep.lastErrors > 0) {
      const ev = [...events]
        .reverse()
        .find(
          (e): e is SimEventOf<'alias/deploymentRolledBack'> =>
            e.type === 'alias/deploymentRolledBack' && e.data.deploymentId === dep.id,
        );
      const facts = aliasRollbackFacts(
        ev?.data ?? {
          functionName: dep.functionName,
          alias: dep.aliasName,
          oldVersion: dep.oldVersion,
          newVersion: dep.newVersion,
          step: dep.step,
          steps: dep.steps,
          weight: dep.weights[dep.step - 1],
          errors: dep.lastErrors,
          window: dep.lastWindow ?? { from: 0, to: 60 },
        },
      );
      view.horn = aliasRollbackCard(facts, mode);
    }
  } else if (cd) {
    const terminal = cdTerminal(cd);
    const t = cd.traffic;
    const start = t.startedAt;
    view.shift = {
      title: pick(
        `Master builders' shift ${cd.deploymentId}: ${cd.deploymentConfigName}`,
        `CodeDeploy ${cd.deploymentId}: ${cd.deploymentConfigName}`,
        mode,
      ),
      state: cd.rollbackInfo?.rollbackDeploymentId
        ? pick('rolled back', `${cd.status} (rolled back)`, mode)
        : cd.status,
      steps: stepRows(
        sim,
        memo,
        cd.deploymentId,
        t.shifts.map((s) => ({ set: s.percent, appliedAt: start === null ? null : start + s.at })),
        t.step,
        source,
        cd.lambda?.targetVersion,
        !terminal,
        cd.rollbackInfo?.rollbackDeploymentId !== undefined,
      ),
      timers: cdNextShift(sim, cd, mode),
      towers: cdTowers(sim, cd),
    };
    if (!terminal)
      view.abort = {
        action: 'codedeploy:StopDeployment',
        input: { deploymentId: cd.deploymentId, autoRollbackEnabled: true },
      };
    view.horn = cdHorn(sim, cd, events, mode);
  }
  return view;
}

export function createSpellsStatus(
  store: GameStore,
  life: Lifetime,
  spell: () => string,
  incantation: () => string,
) {
  const memo = new Map<string, number>();
  const abort = actionRow(
    store,
    words('Sound the horn (abort)', 'Stop and roll back'),
    'button-danger abort',
    () => render(),
  );
  const panel = statusPanel({
    title: h(
      'h4',
      { class: 'disaster-title', id: uid('spell-status') },
      words('The incantation now', 'Alias status'),
    ),
    cls: 'renovation-status spell-status',
    bodyCls: 'spell-body',
    tail: abort.root,
    redraw: () => schedule(),
  });

  function render() {
    const { sim, ui, events } = store.getState();
    const mode = ui.names;
    if (!panel.showing()) return;
    const fn = sim.lambda.functions[`${ui.region}:${spell()}`];
    const v = fn ? spellView(sim, fn, incantation(), events.recent, memo, mode) : null;
    panel.draw(mode, v?.horn ?? null, v && { ...v, abort: null }, () =>
      v
        ? nodes(v, mode)
        : [
            h(
              'p',
              { class: 'hint' },
              pick('Choose a spell and an incantation.', 'Choose a function and an alias.', mode),
            ),
          ],
    );
    abort.root.hidden = !v?.shift;
    abort.set(
      v?.abort ?? null,
      pick(
        'The seed’s shift stops only on a failed health check.',
        'The linear deploy script has no stop call; CodeDeploy shifts can be stopped.',
        mode,
      ),
    );
  }

  const schedule = life.live([(s) => s.sim.now, (s) => s.ui.names], render);
  return { root: panel.root, render: schedule };
}

function nodes(v: SpellView, mode: NameMode): HTMLElement[] {
  const table = h(
    'table',
    { class: 'shares spell-shares' },
    ...tableHead(
      pick(
        'Editions: share set, share actually taken this minute, failed casts in the last 60 s',
        'Versions: weight, actual share this minute, Errors Sum over the last 60 s',
        mode,
      ),
      [
        pick('Edition', 'Version', mode),
        pick('Set', 'Weight', mode),
        pick('Actual', 'Actual share', mode),
        pick('Fails', 'Errors', mode),
      ],
    ),
    h(
      'tbody',
      {},
      ...v.rows.map((r) =>
        h(
          'tr',
          { 'data-version': r.version },
          h('th', { scope: 'row' }, r.version),
          h('td', {}, `${pct(r.set)}%`),
          h('td', {}, r.actual === null ? '—' : `${pct(r.actual)}%`),
          h(
            'td',
            { class: r.errors ? 'is-failing' : '' },
            r.errors === null ? '—' : `${r.errors > 0 ? '✖ ' : ''}${r.errors}`,
          ),
        ),
      ),
    ),
  );
  const out: HTMLElement[] = [
    table,
    h(
      'p',
      { class: 'hint' },
      pick(
        'Actual: this minute so far. Fails: failed casts in the last 60 s, the window the health check reads.',
        'Actual: the current one-minute window. Errors: AWS/Lambda Errors Sum over the last 60 s (the health check window).',
        mode,
      ),
    ),
  ];
  if (v.shift) {
    out.push(
      h('p', { class: 'renovation-headline' }, v.shift.title),
      h(
        'p',
        { class: 'renovation-state' },
        h('strong', {}, `${pick('State', 'Status', mode)}: `),
        v.shift.state,
      ),
    );
    for (const t of v.shift.timers) out.push(h('p', { class: 'renovation-timer' }, t));
    out.push(stepTable(v.shift.steps, mode, ['the new edition', 'the new version']));
    if (v.shift.towers.length) out.push(towerList(v.shift.towers, mode));
  }
  return out;
}
