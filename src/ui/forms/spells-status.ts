/**
 * The live status of an incantation: per edition, the share of casts it is set to get beside the
 * share it actually got this minute and its Errors over the last 60 s (the seed's health-check
 * window); the newest shift (the seed's linear shift or a CodeDeploy Lambda deployment) as a step
 * list with the health-check countdown; the horn of rollback with its why card
 * ("Errors 3 in the last 60 s at step 4 of 10: incantation back to edition 1"); and, for CodeDeploy,
 * the abort button (StopDeployment with rollback).
 */
import type { WhyCard } from '../../i18n/explain.ts';
import { aliasRollbackCard, codeDeployRollbackCard, countdown, pct } from '../../i18n/renovation.ts';
import { aliasRollbackFacts, codeDeployRollbackFacts } from '../../i18n/renovation-facts.ts';
import { metricSum } from '../../model/metrics.ts';
import type { Call, LambdaDeployer, LambdaFunction, SimEvent, SimState } from '../../model/types.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { frameScheduler, h, pick, uid, words } from '../dom.ts';
import { actionRow, hornBanner, stepTable, towerList } from '../renovation-status.ts';
import { type StepRow, stepState } from '../renovation-view.ts';
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

function share(sim: SimState, source: string, version: string, since = 0): number | null {
  for (const w of [sim.traffic.sourceCurrent[source], sim.traffic.sourceLast[source]])
    if (w && w.t >= since && w.requests > 0)
      return Math.round(((w.byGroup[version] ?? 0) * 1000) / w.requests) / 10;
  return null;
}

function latestDeployer(sim: SimState, fn: string, alias: string): LambdaDeployer | undefined {
  return Object.values(sim.lambda.deployers)
    .filter((d) => d.functionName === fn && d.aliasName === alias && d.region === sim.defaultRegion)
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
  const dep = latestDeployer(sim, fn.FunctionName, aliasName);
  const cd = latestAliasCdDeployment(sim, fn.FunctionName, aliasName);
  // The edition being shifted to keeps its row at 0% after a rollback: its errors are the story.
  const shifted = [dep?.newVersion, cd?.lambda?.targetVersion].filter((v): v is string => v !== undefined);
  const routed: (readonly [string, number])[] = [[alias.FunctionVersion, rest], ...extra];
  for (const v of shifted) if (!routed.some(([x]) => x === v)) routed.push([v, 0]);
  const rows = routed.map(([version, w]) => ({
    version,
    set: Math.round(w * 1000) / 10,
    actual: share(sim, source, version),
    errors: errorsOf(version),
  }));
  const view: SpellView = { rows, shift: null, horn: null, abort: null };
  const rowsOf = (
    id: string,
    plan: { set: number; at: number | null }[],
    current: number,
    version: string,
    live: boolean,
    rolledBack: boolean,
  ): StepRow[] =>
    plan.map((p, i) => {
      const k = i + 1;
      const key = `${id}|${k}`;
      if (live && k === current && p.at !== null) {
        const m = share(sim, source, version, p.at);
        if (m !== null) memo.set(key, m);
      }
      return {
        k,
        set: p.set,
        actual: memo.get(key) ?? null,
        state: stepState(k, current, live, rolledBack),
      };
    });
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
      steps: rowsOf(
        dep.id,
        dep.weights.map((w, i) => ({ set: w * 100, at: applied(i + 1) })),
        dep.step,
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
        .find((e) => e.type === 'alias/deploymentRolledBack' && e.data.deploymentId === dep.id);
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
          window: dep.lastWindow,
        },
      );
      view.horn = aliasRollbackCard(facts, mode);
    }
  } else if (cd) {
    const terminal = ['Succeeded', 'Failed', 'Stopped'].includes(cd.status);
    const t = cd.traffic;
    const start = t.startedAt;
    const g = sim.codedeploy.deploymentGroups[`${cd.region}:${cd.applicationName}:${cd.deploymentGroupName}`];
    view.shift = {
      title: pick(
        `Master builders' shift ${cd.deploymentId}: ${cd.deploymentConfigName}`,
        `CodeDeploy ${cd.deploymentId}: ${cd.deploymentConfigName}`,
        mode,
      ),
      state: cd.rollbackInfo?.rollbackDeploymentId
        ? pick('rolled back', `${cd.status} (rolled back)`, mode)
        : cd.status,
      steps: rowsOf(
        cd.deploymentId,
        t.shifts.map((s) => ({ set: s.percent, at: start === null ? null : start + s.at })),
        t.step,
        cd.lambda?.targetVersion ?? '',
        !terminal,
        cd.rollbackInfo?.rollbackDeploymentId !== undefined,
      ),
      timers:
        !terminal && t.nextShiftAt !== null && t.nextShiftAt > sim.now
          ? [
              pick(
                `Next step in ${countdown(t.nextShiftAt - sim.now)}`,
                `Next shift in ${countdown(t.nextShiftAt - sim.now)}`,
                mode,
              ),
            ]
          : [],
      towers: g?.alarmConfiguration.enabled
        ? g.alarmConfiguration.alarms.map((a) => ({
            name: a.name,
            state: sim.cloudwatch.alarms[a.name]?.StateValue ?? 'INSUFFICIENT_DATA',
          }))
        : [],
    };
    if (!terminal)
      view.abort = {
        action: 'codedeploy:StopDeployment',
        input: { deploymentId: cd.deploymentId, autoRollbackEnabled: true },
      };
    if (cd.rollbackInfo?.rollbackDeploymentId) {
      const ev = [...events]
        .reverse()
        .find((e) => e.type === 'codedeploy/rolledBack' && e.data.deploymentId === cd.deploymentId);
      const data = ev?.data ?? {
        deploymentId: cd.deploymentId,
        reason: cd.errorInformation?.code ?? '',
        message: cd.errorInformation?.message ?? '',
        step: t.step,
        steps: t.steps,
        atPercent: t.percent,
      };
      view.horn = codeDeployRollbackCard(
        codeDeployRollbackFacts(sim, data, events, ev?.time ?? cd.completeTime),
        mode,
      );
    }
  }
  return view;
}

export function createSpellsStatus(store: GameStore, spell: () => string, incantation: () => string) {
  const memo = new Map<string, number>();
  const title = h(
    'h4',
    { class: 'disaster-title', id: uid('spell-status') },
    words('The incantation now', 'Alias status'),
  );
  const horn = h('div', { class: 'horn', role: 'alert' });
  const body = h('div', { class: 'spell-body' });
  const abort = actionRow(
    store,
    words('Sound the horn (abort)', 'Stop and roll back'),
    'button-danger abort',
    () => render(),
  );
  const root = h(
    'section',
    { class: 'renovation-status spell-status', 'aria-labelledby': title.id },
    title,
    horn,
    body,
    abort.root,
  );
  let hornKey = '';
  let bodyKey = '';
  let watching = false;

  function render() {
    const { sim, ui, events } = store.getState();
    const mode = ui.names;
    const details = root.closest('details');
    if (details && !watching) {
      watching = true;
      details.addEventListener('toggle', () => scheduler.schedule());
    }
    if (details && !details.open) return;
    const fn = sim.lambda.functions[`${sim.defaultRegion}:${spell()}`];
    const v = fn ? spellView(sim, fn, incantation(), events.recent, memo, mode) : null;
    const hk = JSON.stringify([mode, v?.horn ?? null]);
    if (hk !== hornKey) {
      hornKey = hk;
      horn.hidden = !v?.horn;
      horn.replaceChildren(...(v?.horn ? hornBanner(v.horn, mode) : []));
    }
    const bk = JSON.stringify([mode, v && { ...v, abort: null }]);
    if (bk !== bodyKey) {
      bodyKey = bk;
      body.replaceChildren(
        ...(v
          ? nodes(v, mode)
          : [
              h(
                'p',
                { class: 'hint' },
                pick('Choose a spell and an incantation.', 'Choose a function and an alias.', mode),
              ),
            ]),
      );
    }
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

  const scheduler = frameScheduler(render);
  store.subscribe((s) => s.sim.now, scheduler.schedule);
  store.subscribe((s) => s.ui.names, scheduler.schedule);
  return { root, render: () => scheduler.schedule() };
}

function nodes(v: SpellView, mode: NameMode): HTMLElement[] {
  const table = h(
    'table',
    { class: 'shares spell-shares' },
    h(
      'caption',
      { class: 'visually-hidden' },
      pick(
        'Editions: share set, share actually taken this minute, failed casts in the last 60 s',
        'Versions: weight, actual share this minute, Errors Sum over the last 60 s',
        mode,
      ),
    ),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, pick('Edition', 'Version', mode)),
        h('th', { scope: 'col' }, pick('Set', 'Weight', mode)),
        h('th', { scope: 'col' }, pick('Actual', 'Actual share', mode)),
        h('th', { scope: 'col' }, pick('Fails', 'Errors', mode)),
      ),
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
        h('strong', {}, pick('State: ', 'Status: ', mode)),
        v.shift.state,
      ),
    );
    for (const t of v.shift.timers) out.push(h('p', { class: 'renovation-timer' }, t));
    out.push(stepTable(v.shift.steps, mode, ['the new edition', 'the new version']));
    if (v.shift.towers.length) out.push(towerList(v.shift.towers, mode));
  }
  return out;
}
