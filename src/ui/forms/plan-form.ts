/**
 * Draft a plan: ecs:RegisterTaskDefinition with a family and 1..N buildings (containers). The form
 * lets the player add an 11th building so AWS can refuse it ("Too many containers."). Existing plans
 * and their editions are listed (ecs:ListTaskDefinitions); "new edition" prefills the form from one
 * (ecs:DescribeTaskDefinition). Its parts: the buildings (plan-buildings.ts) and where the plan may
 * stand (plan-compat.ts).
 */
import { planName } from '../../i18n/names.ts';
import type { Call, ContainerDefinition, TaskDefinition } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { createCallForm, type Outcome } from '../call-form.ts';
import { type Component, lifetime } from '../component.ts';
import { button, field, h, pick, setHint, setOptions, words } from '../dom.ts';
import { type BuildingValues, createBuildingList } from './plan-buildings.ts';
import { createCompatField } from './plan-compat.ts';
import { planEditions } from './world.ts';

/** An edition's containers as the rows' values. */
function buildingValues(td: TaskDefinition): BuildingValues[] {
  return (td.containerDefinitions as ContainerDefinition[]).map((c) => ({
    name: c.name,
    image: c.image,
    ...(c.cpu ? { cpu: c.cpu } : {}),
    ...(c.memory !== undefined ? { memory: c.memory } : {}),
    essential: c.essential,
    ports: c.portMappings.map((p) => ({
      ...(p.containerPort !== undefined ? { containerPort: p.containerPort } : {}),
      ...(p.hostPort !== undefined ? { hostPort: p.hostPort } : {}),
    })),
  }));
}

function networkField() {
  return field(
    words('Roads (network mode)', 'Network mode'),
    h(
      'select',
      { name: 'networkMode' },
      h('option', { value: '' }, 'default (bridge)'),
      h('option', { value: 'bridge' }, 'bridge'),
      h('option', { value: 'host' }, 'host'),
      h('option', { value: 'awsvpc' }, 'awsvpc'),
      h('option', { value: 'none' }, 'none'),
    ),
    'Managed lands (Fargate) need awsvpc.',
  );
}

function successOutcome(output: Record<string, unknown>, mode: NameMode): Outcome {
  const td = output.taskDefinition as TaskDefinition;
  const n = td.containerDefinitions.length;
  return {
    tone: 'ok',
    text: pick(
      `Plan ${planName(td, 'nozama')} drafted, with ${n} building${n === 1 ? '' : 's'}.`,
      `Registered ${planName(td, 'aws')} (${n} container${n === 1 ? '' : 's'}).`,
      mode,
    ),
    details: [
      pick(
        'Raise developments from it, or proclaim a decree that keeps some standing.',
        td.taskDefinitionArn,
        mode,
      ),
    ],
  };
}

export function createPlanForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;

  // Existing plans and editions.
  const existing = field(words('Existing plan editions', 'Registered task definitions'), h('select', {}));
  const newEdition = button(words('Start a new edition from it', 'Prefill from this revision'), {
    class: 'button button-small',
  });
  const existingBox = h('div', { class: 'existing-plans' }, existing.root, newEdition);
  const family = field(
    words('Plan name', 'Family'),
    h('input', {
      type: 'text',
      name: 'family',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'bakery',
    }),
  );
  const buildings = createBuildingList(
    () => mode,
    () => form.refresh(),
  );
  const network = networkField();
  const compat = createCompatField();

  const build = (): Call => {
    const input: Record<string, unknown> = {
      family: family.control.value.trim(),
      containerDefinitions: buildings.containers(),
    };
    if (network.control.value) input.networkMode = network.control.value;
    Object.assign(input, compat.input());
    return { action: 'ecs:RegisterTaskDefinition', input };
  };
  const form = createCallForm({
    store,
    submit: ['Draft the plan', 'Register task definition'],
    build,
    success: (output) => successOutcome(output, mode),
    after: () => update(mode),
  });
  form.body.append(existingBox, family.root, buildings.root, network.root, compat.root);

  const prefill = (td: TaskDefinition) => {
    family.control.value = td.family;
    buildings.replace(buildingValues(td));
    network.control.value = td.networkMode;
    compat.load(td);
    buildings.renumber();
    form.refresh();
  };

  newEdition.addEventListener('click', () => {
    const edition = existing.control.value;
    if (!edition) return;
    const r = store
      .getState()
      .query({ action: 'ecs:DescribeTaskDefinition', input: { taskDefinition: edition } });
    if ('error' in r) {
      form.show({ tone: 'error', text: `${r.error.name}: ${r.error.message}` });
      return;
    }
    prefill(r.output.taskDefinition as TaskDefinition);
    form.show({
      tone: 'ok',
      text: pick(
        `The form now holds ${planName(edition, 'nozama')}: change it and draft the next edition.`,
        `Prefilled from ${edition}: registering makes the next revision.`,
        mode,
      ),
    });
    family.control.focus();
  });

  const update = (m: NameMode) => {
    mode = m;
    const editions = planEditions(store);
    existingBox.hidden = editions.length === 0;
    setOptions(
      existing.control,
      editions.map((e) => ({ value: e, label: planName(e, mode) })),
    );
    setHint(
      existing,
      pick(
        'ecs:ListTaskDefinitions: every edition stays; a new one gets the next number.',
        'ecs:ListTaskDefinitions',
        mode,
      ),
    );
    buildings.renumber();
    form.refresh();
  };

  buildings.add({ cpu: 256, memory: 512, essential: true });
  update(mode);
  return { root: form.form, update, destroy: life.destroy };
}
