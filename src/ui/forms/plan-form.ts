/**
 * Draft a plan: ecs:RegisterTaskDefinition with a family and 1..N buildings (containers). The form
 * lets the player add an 11th building so AWS can refuse it ("Too many containers."). Existing plans
 * and their editions are listed (ecs:ListTaskDefinitions); "new edition" prefills the form from one
 * (ecs:DescribeTaskDefinition).
 */
import { planName } from '../../i18n/names.ts';
import type { Call, ContainerDefinition, TaskDefinition } from '../../model/index.ts';
import { isFargateSize } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { createCallForm, type Outcome } from '../call-form.ts';
import { type Component, lifetime } from '../component.ts';
import {
  applyNames,
  button,
  field,
  h,
  intValue,
  numberInput,
  pick,
  setHint,
  setOptions,
  uid,
  words,
} from '../dom.ts';
import { planEditions } from './world.ts';

const FARGATE_CPU = [256, 512, 1024, 2048, 4096, 8192, 16384];

export function fargateMemories(cpu: number): number[] {
  const out: number[] = [];
  for (let m = 512; m <= 122880; m += 512) if (isFargateSize(cpu, m)) out.push(m);
  return out;
}

interface PortRow {
  li: HTMLLIElement;
  container: HTMLInputElement;
  host: HTMLInputElement;
  remove: HTMLButtonElement;
}

interface BuildingRow {
  box: HTMLFieldSetElement;
  name: HTMLInputElement;
  image: HTMLInputElement;
  cpu: HTMLInputElement;
  memory: HTMLInputElement;
  essential: HTMLInputElement;
  ports: PortRow[];
  portList: HTMLUListElement;
  remove: HTMLButtonElement;
}

export interface BuildingValues {
  name?: string;
  image?: string;
  cpu?: number;
  memory?: number;
  essential?: boolean;
  ports?: { containerPort?: number; hostPort?: number }[];
}

/** A label whose accessible name starts with the row ("Building 2 name"); the prefix is for screen readers. */
function rowLabel(target: HTMLElement, prefix: [string, string], text: HTMLElement | string) {
  return h(
    'label',
    { for: target.id },
    h('span', { class: 'visually-hidden' }, words(...prefix), h('span', { class: 'row-index' }), ' '),
    text,
  );
}

export function createPlanForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const rows: BuildingRow[] = [];
  const refreshSoon = () => form.refresh();

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
  const buildingList = h('div', { class: 'building-list' });
  const addBuilding = button(words('Add a building', 'Add a container'), { class: 'button button-small' });
  const countHint = h('p', { class: 'hint', 'aria-live': 'polite' });

  const network = field(
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
  const compatName = uid('compat');
  const ec2 = h('input', { type: 'radio', name: compatName, value: 'EC2', id: uid('ec2'), checked: true });
  const fargate = h('input', { type: 'radio', name: compatName, value: 'FARGATE', id: uid('fg') });
  const taskCpu = field(
    words('Size on managed lands: CPU', 'Task CPU (units)'),
    h('select', { name: 'cpu' }),
  );
  const taskMemory = field(
    words('Size on managed lands: memory', 'Task memory (MiB)'),
    h('select', { name: 'memory' }),
  );
  setOptions(
    taskCpu.control,
    FARGATE_CPU.map((c) => ({ value: String(c), label: `${c} (${c / 1024} vCPU)` })),
    '256',
  );
  const syncMemory = () =>
    setOptions(
      taskMemory.control,
      fargateMemories(Number(taskCpu.control.value)).map((m) => ({
        value: String(m),
        label: `${m} MiB (${m / 1024} GB)`,
      })),
    );
  syncMemory();
  taskCpu.control.addEventListener('change', syncMemory);
  const fargateBox = h('div', { class: 'fargate-size' }, taskCpu.root, taskMemory.root);
  const compat = h(
    'fieldset',
    { class: 'subfieldset radios' },
    h('legend', {}, words('Where it may stand', 'Launch compatibility (requiresCompatibilities)')),
    h('label', { for: ec2.id, class: 'check' }, ec2, words('territories', 'EC2')),
    h('label', { for: fargate.id, class: 'check' }, fargate, words('managed lands', 'Fargate')),
    fargateBox,
  );
  const syncCompat = () => {
    fargateBox.hidden = !fargate.checked;
  };
  ec2.addEventListener('change', syncCompat);
  fargate.addEventListener('change', syncCompat);
  syncCompat();

  const renumber = () => {
    rows.forEach((r, i) => {
      for (const el of r.box.querySelectorAll('.row-index')) el.textContent = ` ${i + 1}`;
      r.remove.setAttribute('aria-label', `${pick('Remove building', 'Remove container', mode)} ${i + 1}`);
      r.ports.forEach((p, k) => {
        p.remove.setAttribute('aria-label', `Remove port ${k + 1} of building ${i + 1}`);
      });
    });
    countHint.textContent =
      rows.length > 10
        ? pick(
            `${rows.length} buildings: AWS allows at most 10 per plan. Try it and see.`,
            `${rows.length} containers: a task definition allows at most 10.`,
            mode,
          )
        : '';
    countHint.hidden = rows.length <= 10;
  };

  const addPort = (row: BuildingRow, p: { containerPort?: number; hostPort?: number } = {}) => {
    const container = numberInput({ id: uid('cp'), min: 0, max: 65535 });
    const host = numberInput({ id: uid('hp'), min: 0, max: 65535 });
    if (p.containerPort !== undefined) container.value = String(p.containerPort);
    if (p.hostPort !== undefined) host.value = String(p.hostPort);
    const remove = button('✕', { class: 'button button-icon' });
    const li = h(
      'li',
      { class: 'port-row' },
      h(
        'div',
        { class: 'mini-field' },
        rowLabel(container, ['Building', 'Container'], 'container port'),
        container,
      ),
      h('div', { class: 'mini-field' }, rowLabel(host, ['Building', 'Container'], 'host port'), host),
      remove,
    );
    const port: PortRow = { li, container, host, remove };
    remove.addEventListener('click', () => {
      row.ports.splice(row.ports.indexOf(port), 1);
      li.remove();
      renumber();
      refreshSoon();
    });
    row.ports.push(port);
    row.portList.append(li);
    applyNames(li, mode);
  };

  const addRow = (v: BuildingValues = {}) => {
    const name = h('input', { type: 'text', id: uid('bn'), autocomplete: 'off', spellcheck: 'false' });
    const image = h('input', {
      type: 'text',
      id: uid('bi'),
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'e.g. public.ecr.aws/nginx/nginx:latest',
    });
    const cpu = numberInput({ id: uid('bc'), min: 0, step: 128 });
    const memory = numberInput({ id: uid('bm'), min: 4, step: 128 });
    const essential = h('input', { type: 'checkbox', id: uid('be') });
    name.value = v.name ?? '';
    image.value = v.image ?? '';
    cpu.value = v.cpu === undefined ? '' : String(v.cpu);
    memory.value = v.memory === undefined ? '' : String(v.memory);
    essential.checked = v.essential ?? true;
    const portList = h('ul', { class: 'port-list' });
    const addPortButton = button(words('Add a door (port)', 'Add a port mapping'), {
      class: 'button button-small',
    });
    const remove = button(words('Remove', 'Remove'), { class: 'button button-small button-quiet' });
    const legend = h('legend', {}, words('Building', 'Container'), h('span', { class: 'row-index' }));
    const prefix: [string, string] = ['Building', 'Container'];
    const box = h(
      'fieldset',
      { class: 'building' },
      legend,
      h(
        'div',
        { class: 'building-grid' },
        h('div', { class: 'mini-field wide' }, rowLabel(name, prefix, 'name'), name),
        h(
          'div',
          { class: 'mini-field wide' },
          rowLabel(image, prefix, words('design (image)', 'image')),
          image,
        ),
        h('div', { class: 'mini-field' }, rowLabel(cpu, prefix, 'CPU units'), cpu),
        h('div', { class: 'mini-field' }, rowLabel(memory, prefix, 'memory (MiB)'), memory),
      ),
      h(
        'label',
        { for: essential.id, class: 'check' },
        essential,
        h('span', { class: 'visually-hidden' }, words(...prefix), h('span', { class: 'row-index' }), ' '),
        words('essential (the development falls if it falls)', 'essential'),
      ),
      portList,
      h('div', { class: 'row-buttons' }, addPortButton, remove),
    );
    const row: BuildingRow = { box, name, image, cpu, memory, essential, ports: [], portList, remove };
    for (const p of v.ports ?? []) addPort(row, p);
    addPortButton.addEventListener('click', () => {
      addPort(row);
      renumber();
      refreshSoon();
      row.ports.at(-1)?.container.focus();
    });
    remove.addEventListener('click', () => {
      const i = rows.indexOf(row);
      rows.splice(i, 1);
      box.remove();
      renumber();
      refreshSoon();
      (rows[i]?.name ?? rows[i - 1]?.name ?? addBuilding).focus();
    });
    rows.push(row);
    buildingList.append(box);
    applyNames(box, mode);
    renumber();
    return row;
  };

  const containerOf = (r: BuildingRow): Record<string, unknown> => {
    const out: Record<string, unknown> = { name: r.name.value.trim(), image: r.image.value.trim() };
    const cpu = intValue(r.cpu);
    const memory = intValue(r.memory);
    if (cpu !== undefined) out.cpu = cpu;
    if (memory !== undefined) out.memory = memory;
    out.essential = r.essential.checked;
    const ports = r.ports
      .map((p) => {
        const m: Record<string, number> = {};
        const c = intValue(p.container);
        const hp = intValue(p.host);
        if (c !== undefined) m.containerPort = c;
        if (hp !== undefined) m.hostPort = hp;
        return m;
      })
      .filter((m) => Object.keys(m).length > 0);
    if (ports.length) out.portMappings = ports;
    return out;
  };

  const build = (): Call => {
    const input: Record<string, unknown> = {
      family: family.control.value.trim(),
      containerDefinitions: rows.map(containerOf),
    };
    if (network.control.value) input.networkMode = network.control.value;
    input.requiresCompatibilities = [fargate.checked ? 'FARGATE' : 'EC2'];
    if (fargate.checked) {
      input.cpu = taskCpu.control.value;
      input.memory = taskMemory.control.value;
    }
    return { action: 'ecs:RegisterTaskDefinition', input };
  };

  const success = (output: Record<string, unknown>): Outcome => {
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
  };

  const form = createCallForm({
    store,
    submit: ['Draft the plan', 'Register task definition'],
    build,
    success,
    after: () => update(mode),
  });
  form.body.append(
    existingBox,
    family.root,
    h(
      'div',
      { class: 'buildings', role: 'group', 'aria-label': 'Buildings' },
      h('p', { class: 'group-title', 'aria-hidden': 'true' }, words('Buildings', 'Container definitions')),
      buildingList,
      countHint,
      addBuilding,
    ),
    network.root,
    compat,
  );

  addBuilding.addEventListener('click', () => {
    const row = addRow({ cpu: 128, memory: 256 });
    refreshSoon();
    row.name.focus();
  });

  const prefill = (td: TaskDefinition) => {
    family.control.value = td.family;
    for (const r of rows) r.box.remove();
    rows.length = 0;
    for (const c of td.containerDefinitions as ContainerDefinition[]) {
      addRow({
        name: c.name,
        image: c.image,
        ...(c.cpu ? { cpu: c.cpu } : {}),
        ...(c.memory !== undefined ? { memory: c.memory } : {}),
        essential: c.essential,
        ports: c.portMappings.map((p) => ({
          ...(p.containerPort !== undefined ? { containerPort: p.containerPort } : {}),
          ...(p.hostPort !== undefined ? { hostPort: p.hostPort } : {}),
        })),
      });
    }
    network.control.value = td.networkMode;
    // DescribeTaskDefinition leaves requiresCompatibilities out when the registration named none.
    const onFargate = (td.requiresCompatibilities ?? []).includes('FARGATE');
    fargate.checked = onFargate;
    ec2.checked = !onFargate;
    syncCompat();
    if (td.cpu) {
      taskCpu.control.value = td.cpu;
      syncMemory();
    }
    if (td.memory) taskMemory.control.value = td.memory;
    renumber();
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
    renumber();
    form.refresh();
  };

  addRow({ cpu: 256, memory: 512, essential: true });
  update(mode);
  return { root: form.form, update, destroy: life.destroy };
}
