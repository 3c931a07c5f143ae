/**
 * The rules of settlement, shared by "Raise developments" (RunTask) and "Proclaim a decree"
 * (CreateService): placement strategies as an ordered list (each breaks the ties the previous one
 * left), and constraints: distinctInstance, and memberOf with a small query builder that writes into a
 * free-text expression (the cluster query language). Also the subnets for managed lands (Fargate).
 */
import { planName } from '../../i18n/names.ts';
import type { PlacementConstraint, PlacementStrategy } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { button, field, h, hintWords, pick, setOptions, setOptionsOr, uid, words } from '../dom.ts';
import { zoneLabel } from '../labels.ts';
import { placementSuggestions } from './suggestions.ts';
import { planEditions, type SubnetInfo, subnets } from './world.ts';

const ZONE_FIELD = 'attribute:ecs.availability-zone';
const TYPE_FIELD = 'attribute:ecs.instance-type';
const CUSTOM = 'custom';

const SPREAD_FIELDS = [
  { value: ZONE_FIELD, label: 'zone (attribute:ecs.availability-zone)' },
  { value: 'instanceId', label: 'territory (instanceId)' },
  { value: TYPE_FIELD, label: 'land kind (attribute:ecs.instance-type)' },
  { value: CUSTOM, label: 'custom attribute…' },
];
const BINPACK_FIELDS = [
  { value: 'memory', label: 'memory' },
  { value: 'cpu', label: 'cpu' },
];

/** Attributes the query builder offers, with their subject in the query language. */
const QUERY_SUBJECTS = [
  { value: 'attribute:ecs.availability-zone', label: 'zone (ecs.availability-zone)' },
  { value: 'attribute:ecs.instance-type', label: 'land kind (ecs.instance-type)' },
  { value: 'attribute:ecs.ami-id', label: 'charter (ecs.ami-id)' },
  { value: 'attribute:ecs.os-type', label: 'ecs.os-type' },
  { value: 'attribute:ecs.cpu-architecture', label: 'ecs.cpu-architecture' },
  { value: 'ec2InstanceId', label: 'territory (ec2InstanceId)' },
  { value: CUSTOM, label: 'custom attribute…' },
];
const OPERATORS = ['==', '!=', 'in', 'not_in', 'exists', '=~'];

interface StrategyRow {
  li: HTMLLIElement;
  type: HTMLSelectElement;
  field: HTMLSelectElement;
  custom: HTMLInputElement;
  fieldWrap: HTMLElement;
  customWrap: HTMLElement;
  number: HTMLElement;
  up: HTMLButtonElement;
  down: HTMLButtonElement;
  remove: HTMLButtonElement;
}

export interface PlacementFields {
  root: HTMLElement;
  strategies(): PlacementStrategy[];
  constraints(): PlacementConstraint[];
  /** Hides the whole block (managed lands have no steward). */
  setHidden(hidden: boolean): void;
  /** Values the builder suggests for each subject (zones, sizes, instance ids in the world). */
  setSuggestions(values: Record<string, string[]>): void;
}

export function createPlacementFields(
  onChange: () => void,
  initial: PlacementStrategy[] = [],
): PlacementFields {
  const rows: StrategyRow[] = [];
  const list = h('ol', { class: 'strategy-list' });
  const empty = hintWords(
    'No preference: the steward picks at random among the fitting territories (a decree spreads over portals).',
    'No strategy: RunTask places at random; a service spreads across zones.',
  );
  const add = button(words('Add a preference', 'Add a strategy'), { class: 'button button-small' });
  const strategyBox = h(
    'fieldset',
    { class: 'subfieldset' },
    h('legend', {}, words('Settlement preferences, in order', 'Placement strategies, in order')),
    list,
    empty,
    add,
  );

  const renumber = () => {
    rows.forEach((r, i) => {
      r.number.textContent = String(i + 1);
      for (const el of r.li.querySelectorAll<HTMLElement>('[data-row-label]'))
        el.textContent = `${el.dataset.rowLabel} ${i + 1} `;
      r.up.disabled = i === 0;
      r.down.disabled = i === rows.length - 1;
      r.up.setAttribute('aria-label', `Move strategy ${i + 1} up`);
      r.down.setAttribute('aria-label', `Move strategy ${i + 1} down`);
      r.remove.setAttribute('aria-label', `Remove strategy ${i + 1}`);
    });
    empty.hidden = rows.length > 0;
  };

  const syncRow = (r: StrategyRow) => {
    const type = r.type.value;
    r.fieldWrap.hidden = type === 'random';
    if (type === 'spread') setOptions(r.field, SPREAD_FIELDS, ZONE_FIELD);
    else if (type === 'binpack') setOptions(r.field, BINPACK_FIELDS, 'memory');
    r.customWrap.hidden = !(type === 'spread' && r.field.value === CUSTOM);
  };

  const addRow = (s: PlacementStrategy = { type: 'spread', field: ZONE_FIELD }) => {
    const type = h(
      'select',
      { id: uid('st') },
      h('option', { value: 'spread' }, 'spread'),
      h('option', { value: 'binpack' }, 'binpack'),
      h('option', { value: 'random' }, 'random'),
    );
    const fieldSelect = h('select', { id: uid('sf') });
    const custom = h('input', {
      id: uid('sc'),
      type: 'text',
      placeholder: 'attribute:stack',
      spellcheck: 'false',
      autocomplete: 'off',
    });
    const rowLabel = (text: string, target: HTMLElement) =>
      h(
        'label',
        { for: target.id },
        h('span', { class: 'visually-hidden', 'data-row-label': 'Strategy' }, ''),
        text,
      );
    const fieldWrap = h('div', { class: 'mini-field' }, rowLabel('field', fieldSelect), fieldSelect);
    const customWrap = h('div', { class: 'mini-field' }, rowLabel('custom field', custom), custom);
    const number = h('span', { class: 'row-number', 'aria-hidden': 'true' });
    const up = button('↑', { class: 'button button-icon' });
    const down = button('↓', { class: 'button button-icon' });
    const remove = button('✕', { class: 'button button-icon' });
    const li = h(
      'li',
      { class: 'strategy-row' },
      number,
      h('div', { class: 'mini-field' }, rowLabel('kind', type), type),
      fieldWrap,
      customWrap,
      h('div', { class: 'row-buttons' }, up, down, remove),
    );
    const row: StrategyRow = {
      li,
      type,
      field: fieldSelect,
      custom,
      fieldWrap,
      customWrap,
      number,
      up,
      down,
      remove,
    };
    type.value = s.type;
    syncRow(row);
    if (s.field) {
      const known = [...SPREAD_FIELDS, ...BINPACK_FIELDS].some((f) => f.value === s.field);
      fieldSelect.value = known ? s.field : CUSTOM;
      if (!known) custom.value = s.field;
      syncRow(row);
    }
    type.addEventListener('change', () => syncRow(row));
    fieldSelect.addEventListener('change', () => syncRow(row));
    up.addEventListener('click', () => move(row, -1));
    down.addEventListener('click', () => move(row, +1));
    remove.addEventListener('click', () => {
      const i = rows.indexOf(row);
      rows.splice(i, 1);
      li.remove();
      renumber();
      onChange();
      (rows[i]?.type ?? rows[i - 1]?.type ?? add).focus();
    });
    rows.push(row);
    list.append(li);
    renumber();
    return row;
  };

  const move = (row: StrategyRow, by: number) => {
    const i = rows.indexOf(row);
    const j = i + by;
    if (j < 0 || j >= rows.length) return;
    rows.splice(i, 1);
    rows.splice(j, 0, row);
    list.replaceChildren(...rows.map((r) => r.li));
    renumber();
    onChange();
    const same = by < 0 ? row.up : row.down;
    (same.disabled ? (by < 0 ? row.down : row.up) : same).focus();
  };

  add.addEventListener('click', () => {
    const row = addRow();
    onChange();
    row.type.focus();
  });
  for (const s of initial) addRow(s);
  renumber();

  // Constraints
  const distinct = h('input', { type: 'checkbox', id: uid('di') });
  const distinctLabel = h(
    'label',
    { for: distinct.id, class: 'check' },
    distinct,
    words('One development per territory', 'distinctInstance'),
  );
  const subject = h('select', { id: uid('qs') });
  setOptions(subject, QUERY_SUBJECTS);
  const customSubject = h('input', {
    id: uid('qc'),
    type: 'text',
    placeholder: 'attribute:stack',
    spellcheck: 'false',
    autocomplete: 'off',
  });
  const operator = h('select', { id: uid('qo') });
  setOptions(
    operator,
    OPERATORS.map((o) => ({ value: o, label: o })),
  );
  const value = h('input', { id: uid('qv'), type: 'text', spellcheck: 'false', autocomplete: 'off' });
  const valueList = h('datalist', { id: uid('ql') });
  value.setAttribute('list', valueList.id);
  const write = button(words('Write the rule into the expression', 'Append to the expression'), {
    class: 'button button-small',
  });
  const expression = field(
    words('memberOf expression (the steward’s rule)', 'memberOf expression'),
    h('textarea', { rows: 2, spellcheck: 'false', autocomplete: 'off', class: 'code-input' }),
    'Cluster query language, e.g. attribute:ecs.availability-zone != za-southwest-1b',
  );
  const customWrap = h(
    'div',
    { class: 'mini-field' },
    h('label', { for: customSubject.id }, 'custom attribute'),
    customSubject,
  );
  const builder = h(
    'div',
    { class: 'query-builder', role: 'group', 'aria-label': 'Query builder for memberOf' },
    h('div', { class: 'mini-field' }, h('label', { for: subject.id }, 'attribute'), subject),
    customWrap,
    h('div', { class: 'mini-field' }, h('label', { for: operator.id }, 'operator'), operator),
    h('div', { class: 'mini-field value-field' }, h('label', { for: value.id }, 'value'), value, valueList),
    write,
  );
  let suggestions: Record<string, string[]> = {};
  const syncBuilder = () => {
    customWrap.hidden = subject.value !== CUSTOM;
    value.disabled = operator.value === 'exists';
    const options = suggestions[subject.value] ?? [];
    const key = options.join('\n');
    if (valueList.dataset.key !== key) {
      valueList.dataset.key = key;
      valueList.replaceChildren(...options.map((o) => h('option', { value: o })));
    }
  };
  subject.addEventListener('change', syncBuilder);
  operator.addEventListener('change', syncBuilder);
  syncBuilder();
  write.addEventListener('click', () => {
    const subj = subject.value === CUSTOM ? customSubject.value.trim() : subject.value;
    if (!subj) {
      customSubject.focus();
      return;
    }
    const op = operator.value;
    let clause: string;
    if (op === 'exists') clause = `${subj} exists`;
    else if (op === 'in' || op === 'not_in') {
      const values = value.value
        .split(/[,\s]+/)
        .map((v) => v.trim())
        .filter(Boolean);
      clause = `${subj} ${op} [${values.join(', ')}]`;
    } else clause = `${subj} ${op} ${value.value.trim()}`;
    const before = expression.control.value.trim();
    expression.control.value = before ? `${before} and ${clause}` : clause;
    onChange();
  });
  const constraintBox = h(
    'fieldset',
    { class: 'subfieldset' },
    h('legend', {}, words('Settlement rules', 'Placement constraints')),
    distinctLabel,
    builder,
    expression.root,
  );
  const root = h('div', { class: 'placement-fields' }, strategyBox, constraintBox);

  return {
    root,
    strategies() {
      return rows.map((r) => {
        const type = r.type.value as PlacementStrategy['type'];
        if (type === 'random') return { type };
        const f = r.field.value === CUSTOM ? r.custom.value.trim() : r.field.value;
        return { type, field: f };
      });
    },
    constraints() {
      const out: PlacementConstraint[] = [];
      if (distinct.checked) out.push({ type: 'distinctInstance' });
      const expr = expression.control.value.trim();
      if (expr) out.push({ type: 'memberOf', expression: expr });
      return out;
    },
    setHidden(hidden) {
      root.hidden = hidden;
    },
    setSuggestions(values) {
      suggestions = values;
      syncBuilder();
    },
  };
}

export interface SubnetFields {
  root: HTMLElement;
  selected(): string[];
  update(subnets: SubnetInfo[], label: (s: SubnetInfo) => string): void;
  setHidden(hidden: boolean): void;
}

/** Subnet checkboxes for managed lands (awsvpc): one per zone of the default VPC. */
export function createSubnetFields(): SubnetFields {
  const list = h('div', { class: 'checks' });
  const root = h(
    'fieldset',
    { class: 'subfieldset' },
    h('legend', {}, words('Portals for the managed lands', 'Subnets (awsvpcConfiguration)')),
    list,
  );
  const boxes = new Map<string, HTMLInputElement>();
  return {
    root,
    selected: () => [...boxes.entries()].filter(([, b]) => b.checked).map(([id]) => id),
    update(subnets, label) {
      const key = subnets.map((s) => `${s.id}|${label(s)}`).join('\n');
      if (list.dataset.key === key) return;
      list.dataset.key = key;
      const checked = new Set([...boxes.entries()].filter(([, b]) => b.checked).map(([id]) => id));
      const fresh = boxes.size === 0;
      boxes.clear();
      list.replaceChildren(
        ...subnets.map((s) => {
          const box = h('input', { type: 'checkbox', id: uid('sn'), value: s.id });
          box.checked = fresh || checked.has(s.id);
          boxes.set(s.id, box);
          return h('label', { for: box.id, class: 'check' }, box, label(s));
        }),
      );
    },
    setHidden(hidden) {
      root.hidden = hidden;
    },
  };
}

/** Refreshes what RunTask and CreateService both offer: plan editions, subnets and placement suggestions. */
export function refreshLaunchChoices(
  store: GameStore,
  mode: NameMode,
  plan: HTMLSelectElement,
  placement: PlacementFields,
  network: SubnetFields,
): void {
  const editions = planEditions(store);
  setOptionsOr(
    plan,
    editions.map((e) => ({ value: e, label: planName(e, mode) })),
    pick('no plan drafted yet', 'no task definition yet', mode),
  );
  const sim = store.getState().sim;
  network.update(subnets(store), (s) => `${s.id} · ${zoneLabel(sim, s.zone, mode)}`);
  placement.setSuggestions(placementSuggestions(store));
}
