/**
 * A decree behind the gate: CreateService's loadBalancers [{targetGroupArn, containerName,
 * containerPort}] (the road its developments join, and which building's door the herald visits) and
 * healthCheckGracePeriodSeconds (how long the steward ignores the herald after a development rises).
 * The building and port choices come from the chosen plan edition's port mappings.
 *
 * Amending a standing decree (UpdateService) the same fields put it behind the gate, move it to
 * another road, or take it out (an empty list), each a new deployment; "as it stands" sends nothing
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html). A decree under
 * CodeDeploy changes roads through CodeDeploy only, so the fields hide for it.
 */
import type { Service, TaskDefinition } from '../../model/index.ts';
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
  /** The standing decree being amended (UpdateService), or null for a new one (CreateService). */
  setAmending(svc: Service | null): void;
}

/** Amending: leave the roads as they are (nothing sent). */
const KEEP = 'keep';
/** Amending: take the decree from behind the gate (loadBalancers: []). */
const OUT = 'out';

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
  let amending: Service | null = null;
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
  const legend = h('legend', {}, words('Behind the gate', 'Load balancing'));
  const root = h('fieldset', { class: 'subfieldset gate-fields' }, legend, road.root, details);
  /** A road chosen (not "none", "as it stands" or "take it out"). */
  const roadChosen = () =>
    road.control.value !== '' && road.control.value !== KEEP && road.control.value !== OUT;

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
    details.hidden = !roadChosen();
    refreshPorts();
    changed();
  };
  road.control.addEventListener('change', sync);
  container.control.addEventListener('change', sync);
  plan.addEventListener('change', sync);

  const fields: GateFields = {
    root,
    input() {
      if (road.control.value === OUT) return { loadBalancers: [] };
      if (!roadChosen()) return {};
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
      const roads = roadsOf(store.getState()).map((t) => ({
        value: t.TargetGroupArn,
        label: roadLabel(t, mode),
      }));
      const behind = (amending?.loadBalancers.length ?? 0) > 0;
      setOptions(
        road.control,
        amending
          ? [
              {
                value: KEEP,
                label: behind
                  ? pick('as it stands (no change)', 'unchanged (not sent)', mode)
                  : pick('not behind a gate (no change)', 'none (not sent)', mode),
              },
              ...(behind
                ? [{ value: OUT, label: pick('take it from behind the gate', 'remove ([])', mode) }]
                : []),
              ...roads,
            ]
          : [{ value: '', label: pick('not behind a gate', 'none', mode) }, ...roads],
      );
      const put = amending !== null && !behind;
      legend.replaceChildren(
        put
          ? words('Put this decree behind the gate', 'Add a load balancer (UpdateService)', mode)
          : words('Behind the gate', 'Load balancing', mode),
      );
      details.hidden = !roadChosen();
      refreshPorts();
    },
    setHidden(hidden) {
      root.hidden = hidden;
    },
    setAmending(svc) {
      if (svc?.serviceArn === amending?.serviceArn) return;
      amending = svc;
      // A decree chosen anew starts from "as it stands": nothing changes unless the player picks a road.
      delete road.control.dataset.optionsKey;
      if (svc) grace.control.value = String(svc.healthCheckGracePeriodSeconds ?? 30);
      fields.update(mode);
      road.control.value = svc ? KEEP : '';
      sync();
    },
  };
  // The decree form follows the ECS collections; a new road must show up here too.
  life.subscribe(
    (s) => Object.keys(s.sim.elb.targetGroups).join(' '),
    () => fields.update(store.getState().ui.names),
  );
  return fields;
}
