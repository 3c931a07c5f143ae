/**
 * Free play's guide (in the level panel when no level is played): the "what a canary needs" checklist,
 * each line ticked from the world (canary-needs.ts) and opening the Build section that does it, and the
 * blueprints (blueprint-plans.ts): pick one, change the names, see its calls, lay it down. The calls run
 * through the store's dispatch one by one (call-list.ts), so each is in the Chronicle and undoable.
 */
import { T } from '../../i18n/messages.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { mark } from '../campaign/stars.ts';
import { type Component, lifetime } from '../component.ts';
import { applyNames, button, field, h, setOptions, setText, words } from '../dom.ts';
import { createCallList, runSummary } from '../forms/call-list.ts';
import {
  BLUEPRINTS,
  type BlueprintId,
  type BlueprintNames,
  blueprintPlan,
  defaultNames,
} from './blueprint-plans.ts';
import { type Need, readCanaryNeeds } from './canary-needs.ts';
import { openBuildSection } from './open-build-section.ts';

function needItem(need: Need, mode: NameMode, open: (n: Need) => void): HTMLLIElement {
  const [nozama, aws] = T.pair(`guide.need.${need.id}`);
  const found = need.found ? ` (${need.found})` : '';
  const link = button(words(...T.pair(`build.${need.panel}`), mode), {
    class: 'button button-small button-quiet guide-open',
    'aria-label': `${T.inMode('guide.open', mode)}: ${T.inMode(`build.${need.panel}`, mode)}`,
  });
  link.addEventListener('click', () => open(need));
  return h(
    'li',
    {
      class: `goal guide-need ${need.done ? 'goal-done' : 'goal-open'}`,
      'data-need': need.id,
      'data-done': String(need.done),
    },
    mark(need.done, T.t('guide.needDone'), T.t(need.optional ? 'guide.needOptional' : 'guide.needNotYet')),
    h(
      'span',
      { class: 'goal-body' },
      h('span', { class: 'goal-text guide-need-text' }, words(`${nozama}${found}`, `${aws}${found}`, mode)),
      need.done ? null : link,
    ),
  );
}

export function createFreePlayGuide(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const here = () => store.getState();

  // The checklist.
  const needs = h('ul', { class: 'goal-list guide-needs', 'aria-label': T.t('guide.checklist') });
  const outcome = h('p', { class: 'guide-outcome', role: 'status' });
  const checklist = h(
    'section',
    { class: 'guide-checklist', 'data-role': 'canary-checklist' },
    h('h3', { class: 'level-subtitle' }, words(...T.pair('guide.checklist'))),
    h('p', { class: 'hint' }, words(...T.pair('guide.checklistHint'))),
    outcome,
    needs,
  );
  const open = (need: Need) => openBuildSection(checklist, need.panel);

  // The blueprints.
  let names: BlueprintNames = defaultNames(here());
  const which = field(words(...T.pair('guide.blueprint')), h('select', { name: 'blueprint' }));
  const nameField = (key: keyof BlueprintNames) => {
    const f = field(
      words(...T.pair(`guide.name.${key}`)),
      h('input', { type: 'text', name: `blueprint-${key}`, autocomplete: 'off', spellcheck: 'false' }),
    );
    f.control.value = names[key];
    f.control.addEventListener('input', () => {
      names = { ...names, [key]: f.control.value.trim() };
      calls.release();
      render();
    });
    return f;
  };
  const nameFields = (['kingdom', 'decree', 'gate', 'watchtower'] as const).map(nameField);
  const calls = createCallList(words(...T.pair('guide.calls')));
  const lay = button(words(...T.pair('guide.lay')), {
    class: 'button button-primary',
    'data-role': 'lay-blueprint',
  });
  const status = h('p', { class: 'call-result guide-status', role: 'status' });
  const blueprints = h(
    'section',
    { class: 'guide-blueprints', 'data-role': 'blueprints' },
    h('h3', { class: 'level-subtitle' }, words(...T.pair('guide.blueprints'))),
    h('p', { class: 'hint' }, words(...T.pair('guide.blueprintsHint'))),
    which.root,
    h(
      'fieldset',
      { class: 'subfieldset pair guide-names' },
      h('legend', {}, words(...T.pair('guide.names'))),
      ...nameFields.map((f) => f.root),
    ),
    calls.root,
    lay,
    status,
  );
  const chosen = () => which.control.value as BlueprintId;
  const plan = () => blueprintPlan(chosen(), here(), names, mode, here);
  which.control.addEventListener('change', () => {
    calls.release();
    setText(status, '');
    render();
  });
  lay.addEventListener('click', () => {
    const planned = plan();
    const results = calls.run(store, planned, mode);
    runSummary(status, results, T.pair('guide.laid'), mode);
  });

  const root = h('div', { class: 'free-play-guide' }, checklist, blueprints);

  const render = () => {
    const reading = readCanaryNeeds(here().sim, here().ui.region);
    const key = JSON.stringify([mode, reading]);
    if (needs.dataset.key !== key) {
      needs.dataset.key = key;
      needs.replaceChildren(...reading.needs.map((n) => needItem(n, mode, open)));
      setText(
        outcome,
        reading.outcome === 'rolledBack'
          ? T.inMode('guide.rolledBack', mode)
          : reading.outcome === 'succeeded'
            ? T.inMode('guide.succeeded', mode)
            : '',
      );
      outcome.hidden = reading.outcome === null;
    }
    setOptions(
      which.control,
      BLUEPRINTS.map((id) => ({ value: id, label: T.inMode(`guide.bp.${id}`, mode) })),
    );
    calls.plan(plan(), mode);
  };
  const update = (m: NameMode) => {
    mode = m;
    applyNames(root, mode);
    render();
  };
  life.live(
    [
      (s) => s.sim.clusters,
      (s) => s.sim.instances,
      (s) => s.sim.taskDefinitions,
      (s) => s.sim.services,
      (s) => s.sim.elb,
      (s) => s.sim.traffic.sources,
      (s) => s.sim.traffic.behaviors,
      (s) => s.sim.cloudwatch.alarms,
      (s) => s.ui.region,
    ],
    render,
  );
  update(mode);
  return { root, update, destroy: life.destroy };
}
