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
import { button, field, h, numberInput, pick, setOptions, setOptionsOr, setText, words } from '../dom.ts';
import { createRenovationStatus } from '../renovation-status.ts';
import { createCallList, runSummary } from './call-list.ts';
import { doorLabel, roadLabel, roadsOf, watchtowersOf } from './gate-things.ts';
import { CD_CONFIGS, type RenovationChoice, renovationCalls } from './renovation-calls.ts';
import { allDoorsOfRoadGate, doorsTo, groupsFor, servingRoad } from './renovation-things.ts';
import { activeServices, currentKingdom, planEditions, splitEdition } from './world.ts';

const KINDS: RenovationKind[] = ['rolling', 'blueGreen', 'canary', 'linear', 'allAtOnce'];

const num = (el: HTMLInputElement): number | string => {
  const v = el.value.trim();
  return v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
};

function checkbox(name: string, label: HTMLElement, checked: boolean, value?: string) {
  const input = h('input', { type: 'checkbox', name, checked, value });
  return { input, root: h('label', { class: 'check' }, input, ' ', label) };
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

  // Rolling.
  const minP = field(
    words('Keep at least (%)', 'minimumHealthyPercent'),
    numberInput({ name: 'renovateMin', min: 0, max: 100, value: 100 }),
  );
  const maxP = field(
    words('Raise up to (%)', 'maximumPercent'),
    numberInput({ name: 'renovateMax', min: 100, max: 200, value: 200 }),
  );
  const cb = checkbox(
    'circuitBreaker',
    words(
      'The steward stops a renovation whose developments keep failing',
      'deploymentCircuitBreaker.enable',
    ),
    true,
  );
  const cbRollback = checkbox(
    'circuitBreakerRollback',
    words('…and goes back to the last good edition', 'deploymentCircuitBreaker.rollback'),
    true,
  );
  const rolling = h(
    'fieldset',
    { class: 'subfieldset renovation-rolling' },
    h('legend', {}, words('Rolling', 'ROLLING')),
    h('div', { class: 'pair' }, minP.root, maxP.root),
    cb.root,
    cbRollback.root,
  );

  // Native strategies' settings.
  const bake = field(
    words('Bake after the full shift (min)', 'bakeTimeInMinutes'),
    numberInput({ name: 'bakeMinutes', min: 0, max: 1440, value: 2 }),
    'Once every traveler goes to the new edition, the old one still stands this long, ready for a rollback.',
  );
  const canaryP = field(
    words('Canary share (%)', 'canaryPercent'),
    numberInput({ name: 'canaryPercent', min: 0.1, max: 100, step: 'any', value: 10 }),
    'Sent to the new edition first.',
  );
  const canaryBake = field(
    words('Canary watch (min)', 'canaryBakeTimeInMinutes'),
    numberInput({ name: 'canaryBakeMinutes', min: 0, max: 1440, value: 2 }),
    'Watched this long, then all move.',
  );
  const stepP = field(
    words('Each step moves (%)', 'stepPercent'),
    numberInput({ name: 'stepPercent', min: 3, max: 100, step: 'any', value: 10 }),
  );
  const stepBake = field(
    words('Wait between steps (min)', 'stepBakeTimeInMinutes'),
    numberInput({ name: 'stepBakeMinutes', min: 0, max: 1440, value: 1 }),
    'Each share is watched this long.',
  );
  const canaryBox = h('div', { class: 'pair renovation-canary' }, canaryP.root, canaryBake.root);
  const linearBox = h('div', { class: 'pair renovation-linear' }, stepP.root, stepBake.root);
  const native = h(
    'fieldset',
    { class: 'subfieldset renovation-native' },
    h('legend', {}, words('How the travelers move', 'Strategy settings')),
    canaryBox,
    linearBox,
    bake.root,
  );

  // Roads and doors (native strategies the first time, CodeDeploy's group).
  const second = field(
    words('Second road (for the new edition)', 'alternateTargetGroupArn'),
    h('select', { name: 'secondRoad' }),
  );
  const mainDoor = field(
    words('Main door (production)', 'productionListenerRule (default rule)'),
    h('select', { name: 'mainDoor' }),
  );
  const testDoor = field(
    words('Test door', 'testListenerRule (default rule)'),
    h('select', { name: 'testDoor' }),
  );
  const routesNote = h('p', { class: 'hint' });
  const routes = h(
    'fieldset',
    { class: 'subfieldset renovation-routes' },
    h('legend', {}, words('Roads and doors', 'Load balancer wiring')),
    routesNote,
    second.root,
    h('div', { class: 'pair' }, mainDoor.root, testDoor.root),
  );

  // CodeDeploy.
  const cdConfig = field(
    words('Pace (CodeDeploy configuration)', 'deploymentConfigName'),
    h('select', { name: 'cdConfig' }),
  );
  const waitWord = checkbox(
    'waitForWord',
    words('Wait for my word before moving travelers', 'deploymentReadyOption STOP_DEPLOYMENT'),
    false,
  );
  const termWait = field(
    words('Keep the old edition standing (min)', 'terminationWaitTimeInMinutes'),
    numberInput({ name: 'terminationWait', min: 0, max: 2880, value: 5 }),
  );
  const codedeploy = h(
    'fieldset',
    { class: 'subfieldset renovation-codedeploy' },
    h('legend', {}, words('Master builders (CodeDeploy)', 'CodeDeploy')),
    cdConfig.root,
    waitWord.root,
    termWait.root,
  );

  // Watchtowers.
  const towers = h('div', { class: 'renovation-towers' });
  const alarmRollback = checkbox(
    'alarmRollback',
    words('A lit beacon sounds the horn of rollback', 'alarms.rollback'),
    true,
  );
  const watch = h(
    'fieldset',
    { class: 'subfieldset renovation-watch' },
    h('legend', {}, words('Watchtowers that may roll it back', 'CloudWatch alarms')),
    towers,
    alarmRollback.root,
  );

  const calls = createCallList(words('The orders, as AWS reads them', 'The API calls, in order'));
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, words('Renovate', 'Deploy'));
  const status = h('p', { class: 'call-list-status', role: 'status' });
  const swapHint = h(
    'p',
    { class: 'hint renovation-swap' },
    words(
      'A road swap by hand (as in Blue and green): turn the main and test doors with two ModifyListener calls.',
      'DIY blue/green: swap the listeners’ target groups (ModifyListener twice).',
    ),
    ' ',
  );
  const openDoors = button(words('Open the doors', 'Open listener swap'), {
    class: 'button button-small button-quiet',
  });
  swapHint.append(openDoors);
  const form = h(
    'form',
    { class: 'call-form renovation-form', novalidate: true },
    decree.root,
    edition.root,
    kind.root,
    controllerNote,
    rolling,
    native,
    routes,
    codedeploy,
    watch,
    calls.root,
    submit,
    status,
  );
  const live = createRenovationStatus(store, life, () => decree.control.value);
  const root = h('div', { class: 'renovation' }, form, swapHint, live.root);

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

  const choice = (): RenovationChoice => ({
    serviceArn: decree.control.value,
    edition: edition.control.value,
    kind: kind.control.value as RenovationKind,
    minPercent: num(minP.control),
    maxPercent: num(maxP.control),
    circuitBreaker: cb.input.checked,
    cbRollback: cbRollback.input.checked,
    bakeMinutes: num(bake.control),
    canaryPercent: num(canaryP.control),
    canaryBakeMinutes: num(canaryBake.control),
    stepPercent: num(stepP.control),
    stepBakeMinutes: num(stepBake.control),
    secondRoad: second.control.value,
    mainDoor: mainDoor.control.value,
    testDoor: testDoor.control.value,
    cdConfig: cdConfig.control.value,
    waitForWord: waitWord.input.checked,
    terminationWaitMinutes: num(termWait.control),
    alarms: [...towers.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value),
    alarmRollback: alarmRollback.input.checked,
  });

  const sync = () => {
    const s = sim();
    const svc = s.services[decree.control.value];
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
    rolling.hidden = k !== 'rolling';
    native.hidden = cd || k === 'rolling' || k === 'allAtOnce';
    canaryBox.hidden = k !== 'canary';
    linearBox.hidden = k !== 'linear';
    codedeploy.hidden = !cd;
    setOptions(
      cdConfig.control,
      (CD_CONFIGS[k] ?? []).map((c) => ({ value: c, label: c })),
    );
    const wired = svc?.loadBalancers[0]?.advancedConfiguration !== undefined;
    const hasGroup = svc ? groupsFor(s, svc).length > 0 : false;
    routes.hidden = k === 'rolling' || !behind || (cd ? hasGroup : wired);
    setText(
      routesNote,
      cd
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
    );
    setText(
      controllerNote,
      !svc
        ? ''
        : cd
          ? pick(
              'This decree is renovated by the master builders (CodeDeploy): no rolling renovation.',
              'deploymentController CODE_DEPLOY: CodeDeploy blue/green deployments only.',
              mode,
            )
          : behind
            ? pick(
                'The steward renovates this decree himself (ECS controller).',
                'deploymentController ECS: ROLLING, BLUE_GREEN, LINEAR, CANARY.',
                mode,
              )
            : pick(
                'This decree is not behind the gate: only a rolling renovation.',
                'No load balancer: ROLLING only.',
                mode,
              ),
    );
    submit.disabled = !svc || !edition.control.value;
    calls.plan(renovationCalls(s, choice()), mode);
  };

  const loadDecree = () => {
    const s = sim();
    const svc = s.services[decree.control.value];
    if (!svc) return;
    minP.control.value = String(svc.deploymentConfiguration.minimumHealthyPercent);
    maxP.control.value = String(svc.deploymentConfiguration.maximumPercent);
    const current = svc.taskDefinition.slice(svc.taskDefinition.lastIndexOf('/') + 1);
    const [family] = splitEdition(current);
    const next = planEditions(store).find((e) => splitEdition(e)[0] === family && e !== current);
    if (next) edition.control.value = next;
    const serving = servingRoad(svc);
    const other = roadsOf(s).find(
      (r) =>
        r.TargetGroupArn !== serving &&
        r.LoadBalancerArns.some((lb) => s.elb.targetGroups[serving ?? '']?.LoadBalancerArns.includes(lb)),
    );
    if (other) second.control.value = other.TargetGroupArn;
    const main = doorsTo(s, serving)[0];
    if (main) mainDoor.control.value = main.ListenerArn;
    const test = allDoorsOfRoadGate(s, serving).find((l) => l.ListenerArn !== main?.ListenerArn);
    testDoor.control.value = test?.ListenerArn ?? '';
    const alarms = svc.deploymentConfiguration.alarms;
    for (const box of towers.querySelectorAll<HTMLInputElement>('input'))
      box.checked = alarms?.enable === true && alarms.alarmNames.includes(box.value);
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
    const s = sim();
    const services = activeServices(s, currentKingdom(store));
    setOptionsOr(
      decree.control,
      services.map((x) => ({
        value: x.serviceArn,
        label: pick(`decree ${x.serviceName}`, `service ${x.serviceName}`, mode),
      })),
      pick('no decree yet: proclaim one', 'no service yet', mode),
    );
    const editions = planEditions(store);
    setOptionsOr(
      edition.control,
      editions.map((e) => ({ value: e, label: planName(e, mode) })),
      pick('no plan yet', 'no task definition yet', mode),
    );
    const roads = roadsOf(s).map((r) => ({ value: r.TargetGroupArn, label: roadLabel(r, mode) }));
    setOptionsOr(second.control, roads, pick('no road yet', 'no target group yet', mode));
    const doors = Object.values(s.elb.listeners)
      .filter((l) => l.region === s.defaultRegion)
      .sort((a, b) => a.Port - b.Port)
      .map((l) => ({ value: l.ListenerArn, label: doorLabel(s, l, mode) }));
    setOptionsOr(mainDoor.control, doors, pick('no door yet', 'no listener yet', mode));
    setOptions(testDoor.control, [{ value: '', label: pick('no test door', 'none', mode) }, ...doors]);
    const alarms = watchtowersOf(s).map((a) => a.AlarmName);
    const key = JSON.stringify(alarms);
    if (towers.dataset.key !== key) {
      const was = new Set(
        [...towers.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value),
      );
      towers.dataset.key = key;
      towers.replaceChildren(
        ...(alarms.length
          ? alarms.map((name) => checkbox('watchtower', h('span', {}, name), was.has(name), name).root)
          : [
              h(
                'p',
                { class: 'hint' },
                pick(
                  'No watchtower yet: raise one to guard the renovation, then tick it here.',
                  'No alarms yet.',
                  mode,
                ),
              ),
            ]),
      );
    }
    if (decree.control.value !== loaded) {
      loaded = decree.control.value;
      loadDecree();
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
    ],
    () => update(store.getState().ui.names),
  );
  update(mode);
  return { root, update, destroy: life.destroy };
}
