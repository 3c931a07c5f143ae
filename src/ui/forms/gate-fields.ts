/**
 * A decree behind the gate: CreateService's loadBalancers [{targetGroupArn, containerName,
 * containerPort}] (the road its developments join, and which building's door the herald visits) and
 * healthCheckGracePeriodSeconds (how long the steward ignores the herald after a development rises).
 * The building and port choices come from the chosen plan edition's port mappings.
 */
import type { TaskDefinition } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import type { Here } from '../../store/view-region.ts';
import type { Lifetime } from '../component.ts';
import { field, h, intValue, numberInput, pick, setOptions, setOptionsOr, words } from '../dom.ts';
import { roadLabel, roadsOf } from './gate-things.ts';

export interface GateFields {
  root: HTMLElement;
  /** The CreateService members to add: none when the decree is not behind a gate. */
  input(): Record<string, unknown>;
  update(mode: NameMode): void;
  setHidden(hidden: boolean): void;
}

/** The plan edition (family:revision) of the region the player is in. */
export function editionOf({ sim, ui }: Here, ref: string): TaskDefinition | undefined {
  return Object.values(sim.taskDefinitions).find(
    (td) => td.region === ui.region && `${td.family}:${td.revision}` === ref,
  );
}

export function createGateFields(
  store: GameStore,
  life: Lifetime,
  plan: HTMLSelectElement,
  changed: () => void,
): GateFields {
  let mode: NameMode = store.getState().ui.names;
  const road = field(
    words('Road to the gate', 'Target group (loadBalancers)'),
    h('select', { name: 'targetGroupArn' }),
  );
  const container = field(
    words('Building the herald visits', 'containerName'),
    h('select', { name: 'containerName' }),
  );
  const port = field(
    words('Its door (container port)', 'containerPort'),
    h('select', { name: 'containerPort' }),
  );
  const grace = field(
    words('The herald’s patience (s)', 'healthCheckGracePeriodSeconds'),
    numberInput({ name: 'healthCheckGracePeriodSeconds', min: 0, max: 2147483647, value: 30 }),
    'Seconds the steward ignores failed visits after a development rises.',
  );
  const details = h(
    'div',
    { class: 'gate-details' },
    h('div', { class: 'pair' }, container.root, port.root),
    grace.root,
  );
  const root = h(
    'fieldset',
    { class: 'subfieldset gate-fields' },
    h('legend', {}, words('Behind the gate', 'Load balancing')),
    road.root,
    details,
  );

  const refreshPorts = () => {
    const td = editionOf(store.getState(), plan.value);
    const withPorts = (td?.containerDefinitions ?? []).filter((c) => (c.portMappings ?? []).length > 0);
    setOptionsOr(
      container.control,
      withPorts.map((c) => ({ value: c.name, label: c.name })),
      pick('no building with a door in this plan', 'no container with portMappings', mode),
    );
    const c = withPorts.find((x) => x.name === container.control.value);
    const ports = (c?.portMappings ?? []).map((p) => String(p.containerPort));
    setOptionsOr(
      port.control,
      ports.map((p) => ({ value: p, label: p })),
      '—',
    );
  };
  const sync = () => {
    details.hidden = road.control.value === '';
    refreshPorts();
    changed();
  };
  road.control.addEventListener('change', sync);
  container.control.addEventListener('change', sync);
  plan.addEventListener('change', sync);

  const fields: GateFields = {
    root,
    input() {
      if (!road.control.value) return {};
      const out: Record<string, unknown> = {
        loadBalancers: [
          {
            targetGroupArn: road.control.value,
            containerName: container.control.value,
            containerPort: /^\d+$/.test(port.control.value) ? Number(port.control.value) : port.control.value,
          },
        ],
      };
      const g = intValue(grace.control);
      if (g !== undefined) out.healthCheckGracePeriodSeconds = g;
      return out;
    },
    update(m) {
      mode = m;
      setOptions(road.control, [
        { value: '', label: pick('not behind a gate', 'none', mode) },
        ...roadsOf(store.getState()).map((t) => ({ value: t.TargetGroupArn, label: roadLabel(t, mode) })),
      ]);
      details.hidden = road.control.value === '';
      refreshPorts();
    },
    setHidden(hidden) {
      root.hidden = hidden;
    },
  };
  // The decree form follows the ECS collections; a new road must show up here too.
  life.subscribe(
    (s) => Object.keys(s.sim.elb.targetGroups).join(' '),
    () => fields.update(store.getState().ui.names),
  );
  return fields;
}
