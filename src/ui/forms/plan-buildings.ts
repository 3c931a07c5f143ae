/**
 * The buildings of a plan (its container definitions): one row per building (name, design, CPU,
 * memory, essential, its doors as port mappings), rows added and removed by the player, numbered for
 * screen readers ("Building 2 name"). More than 10 rows are allowed on purpose: AWS refuses them
 * ("Too many containers.") and the player reads why.
 */
import type { NameMode } from '../../store/create-game-store.ts';
import { applyNames, button, h, intValue, numberInput, pick, uid, words } from '../dom.ts';

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

const PREFIX: [string, string] = ['Building', 'Container'];
/** AWS's limit of containers per task definition. */
const MAX_BUILDINGS = 10;

/** A label whose accessible name starts with the row ("Building 2 name"); the prefix is for screen readers. */
function rowLabel(target: HTMLElement, text: HTMLElement | string) {
  return h(
    'label',
    { for: target.id },
    h('span', { class: 'visually-hidden' }, words(...PREFIX), h('span', { class: 'row-index' }), ' '),
    text,
  );
}

function miniField(target: HTMLElement, text: HTMLElement | string, wide = false) {
  return h('div', { class: wide ? 'mini-field wide' : 'mini-field' }, rowLabel(target, text), target);
}

/** A building's container definition as RegisterTaskDefinition takes it (empty numbers left out). */
function containerOf(r: BuildingRow): Record<string, unknown> {
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
}

export interface BuildingList {
  root: HTMLElement;
  /** Adds a row (with these values) and returns its name input. */
  add(values?: BuildingValues): HTMLInputElement;
  /** Replaces every row by these. */
  replace(values: readonly BuildingValues[]): void;
  containers(): Record<string, unknown>[];
  /** Renumbers the rows and words the count hint in the mode. */
  renumber(): void;
}

/** `mode()` is the Rosetta mode now; `changed()` runs after the player adds or removes a row or a port. */
export function createBuildingList(mode: () => NameMode, changed: () => void): BuildingList {
  const rows: BuildingRow[] = [];
  const list = h('div', { class: 'building-list' });
  const addBuilding = button(words('Add a building', 'Add a container'), { class: 'button button-small' });
  const countHint = h('p', { class: 'hint', 'aria-live': 'polite' });

  const renumber = () => {
    const m = mode();
    rows.forEach((r, i) => {
      for (const el of r.box.querySelectorAll('.row-index')) el.textContent = ` ${i + 1}`;
      r.remove.setAttribute('aria-label', `${pick('Remove building', 'Remove container', m)} ${i + 1}`);
      r.ports.forEach((p, k) => {
        p.remove.setAttribute('aria-label', `Remove port ${k + 1} of building ${i + 1}`);
      });
    });
    countHint.textContent =
      rows.length > MAX_BUILDINGS
        ? pick(
            `${rows.length} buildings: AWS allows at most ${MAX_BUILDINGS} per plan. Try it and see.`,
            `${rows.length} containers: a task definition allows at most ${MAX_BUILDINGS}.`,
            m,
          )
        : '';
    countHint.hidden = rows.length <= MAX_BUILDINGS;
  };

  const addPort = (row: BuildingRow, p: { containerPort?: number; hostPort?: number } = {}) => {
    const container = numberInput({ id: uid('cp'), min: 0, max: 65535, title: 'containerPort' });
    const host = numberInput({ id: uid('hp'), min: 0, max: 65535, title: 'hostPort' });
    if (p.containerPort !== undefined) container.value = String(p.containerPort);
    if (p.hostPort !== undefined) host.value = String(p.hostPort);
    const remove = button('✕', { class: 'button button-icon' });
    const li = h(
      'li',
      { class: 'port-row' },
      miniField(container, 'container port'),
      miniField(host, 'host port'),
      remove,
    );
    const port: PortRow = { li, container, host, remove };
    remove.addEventListener('click', () => {
      row.ports.splice(row.ports.indexOf(port), 1);
      li.remove();
      renumber();
      changed();
    });
    row.ports.push(port);
    row.portList.append(li);
    applyNames(li, mode());
  };

  const add = (v: BuildingValues = {}) => {
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
    const box = h(
      'fieldset',
      { class: 'building' },
      h('legend', {}, words(...PREFIX), h('span', { class: 'row-index' })),
      h(
        'div',
        { class: 'building-grid' },
        miniField(name, 'name', true),
        miniField(image, words('design (image)', 'image'), true),
        miniField(cpu, 'CPU units'),
        miniField(memory, 'memory (MiB)'),
      ),
      h(
        'label',
        { for: essential.id, class: 'check' },
        essential,
        h('span', { class: 'visually-hidden' }, words(...PREFIX), h('span', { class: 'row-index' }), ' '),
        words('essential (the development falls if it falls)', 'essential'),
      ),
      portList,
      h(
        'p',
        { class: 'hint port-hint' },
        'Container port: the building’s own door (containerPort). Host port: the territory’s door travelers use to reach it; empty or 0 lets the lord pick a free one (hostPort).',
      ),
      h('div', { class: 'row-buttons' }, addPortButton, remove),
    );
    const row: BuildingRow = { box, name, image, cpu, memory, essential, ports: [], portList, remove };
    for (const p of v.ports ?? []) addPort(row, p);
    addPortButton.addEventListener('click', () => {
      addPort(row);
      renumber();
      changed();
      row.ports.at(-1)?.container.focus();
    });
    remove.addEventListener('click', () => {
      const i = rows.indexOf(row);
      rows.splice(i, 1);
      box.remove();
      renumber();
      changed();
      (rows[i]?.name ?? rows[i - 1]?.name ?? addBuilding).focus();
    });
    rows.push(row);
    list.append(box);
    applyNames(box, mode());
    renumber();
    return name;
  };

  addBuilding.addEventListener('click', () => {
    const name = add({ cpu: 128, memory: 256 });
    changed();
    name.focus();
  });

  const root = h(
    'div',
    { class: 'buildings', role: 'group', 'aria-label': 'Buildings' },
    h('p', { class: 'group-title', 'aria-hidden': 'true' }, words('Buildings', 'Container definitions')),
    list,
    countHint,
    addBuilding,
  );
  return {
    root,
    add,
    replace(values) {
      for (const r of rows) r.box.remove();
      rows.length = 0;
      for (const v of values) add(v);
    },
    containers: () => rows.map(containerOf),
    renumber,
  };
}
