/**
 * Renovate a decree: choose the decree, the new plan edition and the kind of renovation (rolling,
 * road swap, canary, linear, all at once) with its settings and the watchtowers that may sound the
 * horn; the calls are listed as CLI lines before they are made and with AWS's answers after
 * (renovation-calls.ts builds them). A decree under the ECS controller is renovated by UpdateService
 * (ECS-native strategies); one under CODE_DEPLOY through CodeDeploy. The hand-made road swap of the
 * seed (two ModifyListener calls) lives with the gate's doors: a button opens it. Below, the live
 * status of the chosen decree's renovation (renovation-status.ts).
 */

import { planName } from '../../i18n/names.ts';
import { KIND_WORDS, type RenovationKind } from '../../i18n/renovation.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { type Component, lifetime } from '../component.ts';
import { button, field, h, pick, setOptions, setOptionsOr, setText, words } from '../dom.ts';
import { createRenovationStatus } from '../renovation-status.ts';
import { createCallList, runSummary } from './call-list.ts';
import { type RenovationChoice, renovationCalls } from './renovation-calls.ts';
import { createRenovationFields } from './renovation-fields.ts';
import { groupsFor } from './renovation-things.ts';
import { activeServices, currentKingdom, planEditions, splitEdition } from './world.ts';

const KINDS: RenovationKind[] = ['rolling', 'blueGreen', 'canary', 'linear', 'allAtOnce'];

/** The line under the kind: who renovates this decree, and what that allows. */
function controllerWords(cd: boolean, behind: boolean, mode: NameMode): string {
  if (cd)
    return pick(
      'This decree is renovated by the master builders (CodeDeploy): no rolling renovation.',
      'deploymentController CODE_DEPLOY: CodeDeploy blue/green deployments only.',
      mode,
    );
  if (behind)
    return pick(
      'The steward renovates this decree himself (ECS controller).',
      'deploymentController ECS: ROLLING, BLUE_GREEN, LINEAR, CANARY.',
      mode,
    );
  return pick(
    'This decree is not behind the gate: only a rolling renovation.',
    'No load balancer: ROLLING only.',
    mode,
  );
}

/** A button that opens the gate's doors in this game's Build panel (the hand-made road swap). */
function swapHint(): HTMLElement {
  const openDoors = button(words('Open the doors', 'Open listener swap'), {
    class: 'button button-small button-quiet',
  });
  openDoors.addEventListener('click', () => {
    // The gate's section of this game's Build panel (never another game's on the same page).
    const gate = openDoors
      .closest('[data-role="build"]')
      ?.querySelector<HTMLDetailsElement>('details[data-section="gate"]');
    if (!gate) return;
    gate.hidden = false;
    gate.open = true;
    gate.querySelector('.doors-swap')?.scrollIntoView({ block: 'start' });
  });
  return h(
    'p',
    { class: 'hint renovation-swap' },
    words(
      'A road swap by hand (as in Blue and green): turn the main and test doors with two ModifyListener calls.',
      'DIY blue/green: swap the listeners’ target groups (ModifyListener twice).',
    ),
    ' ',
    openDoors,
  );
}

export function createRenovationForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const sim = () => store.getState().sim;
  const decree = field(words('Decree', 'Service'), h('select', { name: 'renovateService' }));
  const edition = field(
    words('New plan edition', 'New task definition'),
    h('select', { name: 'renovateEdition' }),
  );
  const kind = field(
    words('Kind of renovation', 'Deployment strategy'),
    h('select', { name: 'renovationKind' }),
  );
  const controllerNote = h('p', { class: 'hint renovation-controller' });
  const settings = createRenovationFields();
  const calls = createCallList(words('The orders, as AWS reads them', 'The API calls, in order'));
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, words('Renovate', 'Deploy'));
  const status = h('p', { class: 'call-list-status', role: 'status' });
  const form = h(
    'form',
    { class: 'call-form renovation-form', novalidate: true },
    decree.root,
    edition.root,
    kind.root,
    controllerNote,
    ...settings.roots,
    calls.root,
    submit,
    status,
  );
  const live = createRenovationStatus(store, life, () => decree.control.value);
  const root = h('div', { class: 'renovation' }, form, swapHint(), live.root);

  const choice = (): RenovationChoice => ({
    serviceArn: decree.control.value,
    edition: edition.control.value,
    kind: kind.control.value as RenovationKind,
    ...settings.settings(store.getState()),
  });

  const sync = () => {
    const s = sim();
    const svc = s.services.get(decree.control.value);
    const cd = svc?.deploymentController.type === 'CODE_DEPLOY';
    const behind = (svc?.loadBalancers.length ?? 0) > 0;
    setOptions(
      kind.control,
      KINDS.map((k) => ({
        value: k,
        label: pick(...KIND_WORDS[k], mode),
        disabled: (k === 'rolling' && cd) || (k !== 'rolling' && !behind),
      })),
      cd ? 'blueGreen' : 'rolling',
    );
    const k = kind.control.value as RenovationKind;
    const wired = svc?.loadBalancers[0]?.advancedConfiguration !== undefined;
    const hasGroup = svc ? groupsFor(s, svc).length > 0 : false;
    settings.show(k, {
      cd,
      routes: !(k === 'rolling' || !behind || (cd ? hasGroup : wired)),
      note: cd
        ? pick(
            'The master builders need two roads and the doors they turn.',
            'CreateDeploymentGroup: target group pair and listeners.',
            mode,
          )
        : pick(
            'The first road swap of this decree: the second road and the doors it will turn.',
            'UpdateService loadBalancers[].advancedConfiguration.',
            mode,
          ),
    });
    setText(controllerNote, svc ? controllerWords(cd, behind, mode) : '');
    submit.disabled = !svc || !edition.control.value;
    calls.plan(renovationCalls(s, choice()), mode);
  };

  /** The chosen decree's edition now (family:revision), or '' without a decree. */
  const runningEdition = () => {
    const svc = sim().services.get(decree.control.value);
    return svc ? svc.taskDefinition.slice(svc.taskDefinition.lastIndexOf('/') + 1) : '';
  };
  /** Offers the decree's plan's newest edition other than the one it runs. */
  const chooseNextEdition = () => {
    const current = runningEdition();
    const [family] = splitEdition(current);
    const next = planEditions(store).find((e) => splitEdition(e)[0] === family && e !== current);
    if (next) edition.control.value = next;
  };
  /** A decree was chosen: its settings, and its plan's next edition. */
  const loadDecree = () => {
    const svc = sim().services.get(decree.control.value);
    if (!svc) return;
    chooseNextEdition();
    settings.load(store.getState(), svc);
  };

  let loaded = '';
  decree.control.addEventListener('change', () => {
    loaded = decree.control.value;
    loadDecree();
    calls.release();
    sync();
  });
  form.addEventListener('change', (e) => {
    if (e.target === decree.control) return;
    calls.release();
    setText(status, '');
    sync();
  });
  form.addEventListener('input', () => {
    calls.release();
    sync();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const planned = renovationCalls(sim(), choice());
    if (planned.length === 0) return;
    const results = calls.run(store, planned, mode);
    runSummary(status, results, ['The renovation is ordered: watch it below.', 'Deployment started.'], mode);
    live.render();
  });

  const update = (m: NameMode) => {
    mode = m;
    const services = activeServices(store.getState(), currentKingdom(store));
    setOptionsOr(
      decree.control,
      services.map((x) => ({
        value: x.serviceArn,
        label: pick(`decree ${x.serviceName}`, `service ${x.serviceName}`, mode),
      })),
      pick('no decree yet: proclaim one', 'no service yet', mode),
    );
    setOptionsOr(
      edition.control,
      planEditions(store).map((e) => ({ value: e, label: planName(e, mode) })),
      pick('no plan yet', 'no task definition yet', mode),
    );
    settings.update(store.getState(), mode);
    if (decree.control.value !== loaded) {
      loaded = decree.control.value;
      loadDecree();
    } else if (edition.control.value === runningEdition()) {
      // An edition drafted since (the form was open before it) is the one to renovate to, not the
      // edition the decree already runs.
      chooseNextEdition();
    }
    sync();
    live.render();
  };
  life.live(
    [
      (s) => s.sim.elb.listeners,
      (s) => s.sim.elb.targetGroups,
      (s) => s.sim.cloudwatch.alarms,
      (s) => s.sim.codedeploy,
      (s) => s.sim.lambda.functions,
    ],
    () => update(store.getState().ui.names),
  );
  update(mode);
  return { root, update, destroy: life.destroy };
}
