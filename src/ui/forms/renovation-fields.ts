/**
 * The settings of a renovation, grouped as the player meets them: rolling (minimum and maximum
 * percent, the circuit breaker), how the travelers move under an ECS-native strategy (canary share and
 * watch, linear step and wait, bake), the roads and doors of a first road swap, CodeDeploy's pace and
 * wait, the watchtowers that may roll it back, and the gatekeeper spell (lifecycle hooks,
 * renovation-hooks.ts). `choice` reads them as typed; `load` fills them from
 * a decree's current settings; `show` hides what does not apply to the chosen kind and controller.
 */
import type { RenovationKind } from '../../i18n/renovation.ts';
import type { Service } from '../../model/index.ts';
import type { NameMode } from '../../store/create-game-store.ts';
import type { Here } from '../../store/view-region.ts';
import { field, h, numberInput, pick, setOptions, setOptionsOr, words } from '../dom.ts';
import { doorLabel, roadLabel, roadsOf, watchtowersOf } from './gate-things.ts';
import { checkbox, group, numberOrText, syncCheckboxes, ticked } from './parts.ts';
import { CD_CONFIGS, type RenovationChoice } from './renovation-calls.ts';
import { createHookFields } from './renovation-hooks.ts';
import { allDoorsOfRoadGate, doorsTo, servingRoad } from './renovation-things.ts';

export type RenovationSettings = Omit<RenovationChoice, 'serviceArn' | 'edition' | 'kind'>;

function rollingGroup() {
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
  const root = group(
    'renovation-rolling',
    words('Rolling', 'ROLLING'),
    h('div', { class: 'pair' }, minP.root, maxP.root),
    cb.root,
    cbRollback.root,
  );
  return { root, minP, maxP, cb, cbRollback };
}

function nativeGroup() {
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
  const root = group(
    'renovation-native',
    words('How the travelers move', 'Strategy settings'),
    canaryBox,
    linearBox,
    bake.root,
  );
  return { root, bake, canaryP, canaryBake, stepP, stepBake, canaryBox, linearBox };
}

function routesGroup() {
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
  const note = h('p', { class: 'hint' });
  const root = group(
    'renovation-routes',
    words('Roads and doors', 'Load balancer wiring'),
    note,
    second.root,
    h('div', { class: 'pair' }, mainDoor.root, testDoor.root),
  );
  return { root, note, second, mainDoor, testDoor };
}

function codedeployGroup() {
  const config = field(
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
  const root = group(
    'renovation-codedeploy',
    words('Master builders (CodeDeploy)', 'CodeDeploy'),
    config.root,
    waitWord.root,
    termWait.root,
  );
  return { root, config, waitWord, termWait };
}

function watchGroup() {
  const towers = h('div', { class: 'renovation-towers' });
  const rollback = checkbox(
    'alarmRollback',
    words('A lit beacon sounds the horn of rollback', 'alarms.rollback'),
    true,
  );
  const root = group(
    'renovation-watch',
    words('Watchtowers that may roll it back', 'CloudWatch alarms'),
    towers,
    rollback.root,
  );
  return { root, towers, rollback };
}

export function createRenovationFields() {
  const rolling = rollingGroup();
  const native = nativeGroup();
  const routes = routesGroup();
  const codedeploy = codedeployGroup();
  const watch = watchGroup();
  const hooks = createHookFields();

  const settings = (here: Here): RenovationSettings => ({
    minPercent: numberOrText(rolling.minP.control),
    maxPercent: numberOrText(rolling.maxP.control),
    circuitBreaker: rolling.cb.input.checked,
    cbRollback: rolling.cbRollback.input.checked,
    bakeMinutes: numberOrText(native.bake.control),
    canaryPercent: numberOrText(native.canaryP.control),
    canaryBakeMinutes: numberOrText(native.canaryBake.control),
    stepPercent: numberOrText(native.stepP.control),
    stepBakeMinutes: numberOrText(native.stepBake.control),
    secondRoad: routes.second.control.value,
    mainDoor: routes.mainDoor.control.value,
    testDoor: routes.testDoor.control.value,
    cdConfig: codedeploy.config.control.value,
    waitForWord: codedeploy.waitWord.input.checked,
    terminationWaitMinutes: numberOrText(codedeploy.termWait.control),
    alarms: ticked(watch.towers),
    alarmRollback: watch.rollback.input.checked,
    hook: hooks.choice(here),
  });

  /** Fills the settings from the decree's own: its percents, roads, doors and watchtowers. */
  const load = (here: Here, svc: Service) => {
    const s = here.sim;
    rolling.minP.control.value = String(svc.deploymentConfiguration.minimumHealthyPercent);
    rolling.maxP.control.value = String(svc.deploymentConfiguration.maximumPercent);
    const serving = servingRoad(svc);
    const other = roadsOf(here).find(
      (r) =>
        r.TargetGroupArn !== serving &&
        r.LoadBalancerArns.some((lb) => s.elb.targetGroups[serving ?? '']?.LoadBalancerArns.includes(lb)),
    );
    if (other) routes.second.control.value = other.TargetGroupArn;
    const main = doorsTo(s, serving)[0];
    if (main) routes.mainDoor.control.value = main.ListenerArn;
    const test = allDoorsOfRoadGate(s, serving).find((l) => l.ListenerArn !== main?.ListenerArn);
    routes.testDoor.control.value = test?.ListenerArn ?? '';
    const alarms = svc.deploymentConfiguration.alarms;
    for (const box of watch.towers.querySelectorAll<HTMLInputElement>('input'))
      box.checked = alarms?.enable === true && alarms.alarmNames.includes(box.value);
    hooks.load(here, svc);
  };

  /** Shows the groups that apply to the kind under this controller (`routes`: a first swap is due). */
  const show = (k: RenovationKind, view: { cd: boolean; routes: boolean; note: string }) => {
    rolling.root.hidden = k !== 'rolling';
    native.root.hidden = view.cd || k === 'rolling' || k === 'allAtOnce';
    native.canaryBox.hidden = k !== 'canary';
    native.linearBox.hidden = k !== 'linear';
    codedeploy.root.hidden = !view.cd;
    hooks.show(!view.cd && k !== 'rolling');
    setOptions(
      codedeploy.config.control,
      (CD_CONFIGS[k] ?? []).map((c) => ({ value: c, label: c })),
    );
    routes.root.hidden = !view.routes;
    if (routes.note.textContent !== view.note) routes.note.textContent = view.note;
  };

  /** The world's roads, doors and watchtowers as choices, in the mode's words. */
  const update = (here: Here, mode: NameMode) => {
    const s = here.sim;
    hooks.update(here, mode);
    const roads = roadsOf(here).map((r) => ({ value: r.TargetGroupArn, label: roadLabel(r, mode) }));
    setOptionsOr(routes.second.control, roads, pick('no road yet', 'no target group yet', mode));
    const doors = Object.values(s.elb.listeners)
      .filter((l) => l.region === here.ui.region)
      .sort((a, b) => a.Port - b.Port)
      .map((l) => ({ value: l.ListenerArn, label: doorLabel(s, l, mode) }));
    setOptionsOr(routes.mainDoor.control, doors, pick('no door yet', 'no listener yet', mode));
    setOptions(routes.testDoor.control, [{ value: '', label: pick('no test door', 'none', mode) }, ...doors]);
    syncCheckboxes(
      watch.towers,
      'watchtower',
      watchtowersOf(here).map((a) => a.AlarmName),
      () =>
        h(
          'p',
          { class: 'hint' },
          pick(
            'No watchtower yet: raise one to guard the renovation, then tick it here.',
            'No alarms yet.',
            mode,
          ),
        ),
    );
  };

  const roots = [rolling.root, native.root, routes.root, codedeploy.root, watch.root, hooks.root];
  return { roots, settings, load, show, update };
}
