/**
 * Raise developments: ecs:RunTask with a plan edition, a count (1-10), the launch type, and for
 * territories (EC2) the rules of settlement; for managed lands (Fargate) the subnets.
 */
import { planName } from '../../i18n/names.ts';
import type { Call } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { createCallForm, type Outcome } from '../call-form.ts';
import { type Component, lifetime } from '../component.ts';
import { field, h, intValue, numberInput, pick, setOptions, uid, words } from '../dom.ts';
import { developmentLabel, territoryLabel, zoneLabel } from '../labels.ts';
import { createPlacementFields, createSubnetFields, refreshLaunchChoices } from './placement-fields.ts';
import { activeClusters, currentKingdom } from './world.ts';

/** Launch type radios (territories / managed lands), shared by RunTask and CreateService. */
export type LaunchChoice = 'EC2' | 'FARGATE' | 'DEFAULT';

/**
 * Where developments stand: territories (launch type EC2), managed lands (FARGATE), or the kingdom's
 * default lands (no launch type: the cluster's default capacity provider strategy).
 */
export function launchTypeField(onChange: () => void) {
  const name = uid('lt');
  const ec2 = h('input', { type: 'radio', name, value: 'EC2', id: uid('lte'), checked: true });
  const fargate = h('input', { type: 'radio', name, value: 'FARGATE', id: uid('ltf') });
  const byDefault = h('input', { type: 'radio', name, value: 'DEFAULT', id: uid('ltd') });
  const root = h(
    'fieldset',
    { class: 'subfieldset radios' },
    h('legend', {}, words('Stand on', 'Launch type')),
    h('label', { for: ec2.id, class: 'check' }, ec2, words('territories', 'EC2')),
    h('label', { for: fargate.id, class: 'check' }, fargate, words('managed lands', 'FARGATE')),
    h(
      'label',
      { for: byDefault.id, class: 'check' },
      byDefault,
      words("the kingdom's default lands", 'none (default capacity provider strategy)'),
    ),
  );
  for (const r of [ec2, fargate, byDefault]) r.addEventListener('change', onChange);
  return {
    root,
    value: (): LaunchChoice => (fargate.checked ? 'FARGATE' : byDefault.checked ? 'DEFAULT' : 'EC2'),
    set(v: LaunchChoice) {
      fargate.checked = v === 'FARGATE';
      byDefault.checked = v === 'DEFAULT';
      ec2.checked = v === 'EC2';
      onChange();
    },
  };
}

export function kingdomField(store: GameStore) {
  const f = field(words('Kingdom', 'Cluster'), h('select', { name: 'cluster' }));
  const update = (mode: NameMode) => {
    const all = activeClusters(store.getState());
    setOptions(
      f.control,
      all.length
        ? all.map((c) => ({ value: c, label: pick(`kingdom ${c}`, c, mode) }))
        : [{ value: currentKingdom(store), label: pick('no kingdom founded yet', 'no cluster yet', mode) }],
      currentKingdom(store),
    );
  };
  return { ...f, update };
}

export function createDevelopForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const kingdom = kingdomField(store);
  const plan = field(
    words('Plan edition', 'Task definition (family:revision)'),
    h('select', { name: 'taskDefinition' }),
  );
  const count = field(
    words('How many', 'Count'),
    numberInput({ name: 'count', min: 1, max: 10, value: 1 }),
    '1 to 10 per order.',
  );
  const syncLaunch = () => {
    const onFargate = launch.value() === 'FARGATE';
    placement.setHidden(onFargate);
    network.setHidden(!onFargate);
    form.refresh();
  };
  const launch = launchTypeField(() => syncLaunch());
  const placement = createPlacementFields(() => form.refresh());
  const network = createSubnetFields();

  const build = (): Call => {
    const input: Record<string, unknown> = {
      cluster: kingdom.control.value,
      taskDefinition: plan.control.value,
    };
    const n = intValue(count.control);
    if (n !== undefined) input.count = n;
    if (launch.value() !== 'DEFAULT') input.launchType = launch.value();
    if (launch.value() === 'FARGATE') {
      input.networkConfiguration = { awsvpcConfiguration: { subnets: network.selected() } };
    } else {
      const s = placement.strategies();
      const c = placement.constraints();
      if (s.length) input.placementStrategy = s;
      if (c.length) input.placementConstraints = c;
    }
    return { action: 'ecs:RunTask', input };
  };

  const success = (output: Record<string, unknown>): Outcome => {
    const { sim } = store.getState();
    const tasks = output.tasks as { taskArn: string; availabilityZone?: string }[];
    const failures = output.failures as { arn?: string; reason: string; detail?: string }[];
    const placed = tasks.map((t) => {
      const task = sim.tasks.get(t.taskArn);
      const where = task?.ec2InstanceId
        ? territoryLabel(sim, task.ec2InstanceId, mode)
        : task
          ? zoneLabel(sim, task.availabilityZone, mode)
          : '';
      return `${developmentLabel(sim, t.taskArn, mode)} → ${where}`;
    });
    const details = [
      ...placed,
      ...failures.map((f) => {
        const on = f.arn ? sim.containerInstances.get(f.arn)?.ec2InstanceId : undefined;
        const who = on ? territoryLabel(sim, on, mode) : (f.arn ?? '');
        return `${pick('Refused', 'Failure', mode)}: ${f.reason}${who ? ` (${who})` : ''}${f.detail ? ` — ${f.detail}` : ''}`;
      }),
    ];
    if (tasks.length === 0) {
      return {
        tone: 'warn',
        text: pick(
          'The steward found no place for any development.',
          'RunTask placed no task: see the failures.',
          mode,
        ),
        details,
      };
    }
    return {
      tone: failures.length ? 'warn' : 'ok',
      text: pick(
        `${tasks.length} development${tasks.length === 1 ? '' : 's'} of ${planName(plan.control.value, 'nozama')} rising.`,
        `Started ${tasks.length} task${tasks.length === 1 ? '' : 's'} of ${plan.control.value}.`,
        mode,
      ),
      details,
    };
  };

  const form = createCallForm({
    store,
    submit: ['Raise the developments', 'Run task'],
    build,
    success,
  });
  form.body.append(kingdom.root, plan.root, count.root, launch.root, placement.root, network.root);

  const update = (m: NameMode) => {
    mode = m;
    kingdom.update(mode);
    refreshLaunchChoices(store, mode, plan.control, placement, network);
    form.refresh();
  };
  syncLaunch();
  update(mode);
  return { root: form.form, update, destroy: life.destroy };
}
