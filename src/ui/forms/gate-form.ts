/**
 * Build the gate: one form, five calls. elbv2:CreateLoadBalancer (the city gate, in the chosen
 * portals), two elbv2:CreateTargetGroup (the roads, with the herald's settings: path, interval,
 * timeout, thresholds) and two elbv2:CreateListener (the main door 80 to the first road, the test door
 * 8080 to the second). The list shows every call's CLI before (later calls read the ARNs earlier ones
 * answer, as shell variables) and AWS's answer after. What already stands (a gate, a road of that
 * name, a door on that port) is not asked for again, so a refused build can be fixed and re-run.
 *
 * The gate section also holds the doors (doors-form.ts): swap the roads, or split a door's travelers.
 * The calls are planned from the form's typed choice by gate-plan.ts.
 */
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { type Component, lifetime } from '../component.ts';
import { field, h, hintWords, intValue, numberInput, pick, setText, uid, words } from '../dom.ts';
import { zoneLabel } from '../labels.ts';
import { createCallList, runSummary } from './call-list.ts';
import { createDoorsForm } from './doors-form.ts';
import { type GateChoice, gatePlan } from './gate-plan.ts';
import { group } from './parts.ts';
import { subnets } from './world.ts';

export function createGateForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const text = (name: string, value: string) =>
    h('input', { type: 'text', name, value, autocomplete: 'off', spellcheck: 'false' });
  const gateName = field(
    words('Name of the gate', 'Load balancer name'),
    text('gateName', 'gate'),
    'Letters, digits and hyphens, at most 32.',
  );
  const portalList = h('div', { class: 'checks' });
  const portals = group(
    '',
    words('Portals the gate stands in (two or more)', 'Subnets (two Availability Zones or more)'),
    portalList,
  );
  const mainRoad = field(
    words('Road behind the main door (80)', 'Target group for listener 80'),
    text('mainRoad', 'gate-blue'),
    'A road is the list of developments a door sends travelers to; one that already stands is kept.',
  );
  const testRoad = field(
    words('Road behind the test door (8080)', 'Target group for listener 8080'),
    text('testRoad', 'gate-green'),
  );
  const roadPort = field(
    words('Road port', 'Target group port'),
    numberInput({ name: 'roadPort', min: 1, max: 65535, value: 80 }),
  );
  const targetType = field(words('The road leads to', 'Target type'), h('select', { name: 'targetType' }));
  const roads = group(
    '',
    words('Roads', 'Target groups'),
    mainRoad.root,
    testRoad.root,
    h('div', { class: 'pair' }, roadPort.root, targetType.root),
  );
  const path = field(words('The herald asks at (path)', 'Health check path'), text('healthCheckPath', '/'));
  const interval = field(
    words('Visits every (s)', 'HealthCheckIntervalSeconds'),
    numberInput({ name: 'interval', min: 5, max: 300, value: 10 }),
    'AWS’s default is 30 s; 10 s makes the story quicker.',
  );
  const timeout = field(
    words('Waits for an answer (s)', 'HealthCheckTimeoutSeconds'),
    numberInput({ name: 'timeout', min: 2, max: 120, value: 5 }),
  );
  const healthy = field(
    words('Good visits to trust a stop', 'HealthyThresholdCount'),
    numberInput({ name: 'healthy', min: 2, max: 10, value: 2 }),
  );
  const unhealthy = field(
    words('Bad visits to give up on it', 'UnhealthyThresholdCount'),
    numberInput({ name: 'unhealthy', min: 2, max: 10, value: 2 }),
  );
  const herald = group(
    '',
    words('The herald (health check)', 'Health check'),
    path.root,
    h('div', { class: 'pair' }, interval.root, timeout.root),
    h('div', { class: 'pair' }, healthy.root, unhealthy.root),
  );
  const testDoorBox = h('input', { type: 'checkbox', id: uid('door'), name: 'testDoor', checked: true });
  const doors = group(
    '',
    words('Doors', 'Listeners'),
    hintWords(
      'The main door (80) opens on the first road.',
      'Listener HTTP:80 forwards to the first target group.',
    ),
    h(
      'label',
      { class: 'check', for: testDoorBox.id },
      testDoorBox,
      words(
        'Also a test door (8080) on the second road',
        'Also listener HTTP:8080 to the second target group',
      ),
    ),
  );

  const calls = createCallList(words('The orders, as AWS reads them (a script)', 'The API calls, in order'));
  const submit = h(
    'button',
    { type: 'submit', class: 'button button-primary' },
    words('Build the gate', 'Create the load balancer'),
  );
  const status = h('p', { class: 'call-list-status', role: 'status' });
  const form = h(
    'form',
    { class: 'call-form gate-form', novalidate: true },
    h('div', { class: 'form-body' }, gateName.root, portals, roads, herald, doors),
    calls.root,
    submit,
    status,
  );

  // Roads named after the gate until the player names them.
  let roadsTouched = false;
  gateName.control.addEventListener('input', () => {
    if (roadsTouched) return;
    const g = gateName.control.value.trim() || 'gate';
    mainRoad.control.value = `${g}-blue`;
    testRoad.control.value = `${g}-green`;
  });
  for (const f of [mainRoad, testRoad]) f.control.addEventListener('input', () => (roadsTouched = true));

  const boxes = new Map<string, HTMLInputElement>();
  const renderPortals = () => {
    const sim = store.getState().sim;
    const list = subnets(store);
    const key = `${list.map((s) => s.id).join(',')}|${mode}`;
    if (portalList.dataset.key === key) return;
    portalList.dataset.key = key;
    const was = new Map([...boxes].map(([id, b]) => [id, b.checked]));
    boxes.clear();
    portalList.replaceChildren(
      ...list.map((s) => {
        const box = h('input', { type: 'checkbox', id: uid('gz'), value: s.id, name: 'subnet' });
        box.checked = was.get(s.id) ?? true;
        boxes.set(s.id, box);
        return h('label', { class: 'check', for: box.id }, box, `${zoneLabel(sim, s.zone, mode)} · ${s.id}`);
      }),
    );
  };

  const intOrText = (input: HTMLInputElement): number | string => intValue(input) ?? input.value;
  const choice = (): GateChoice => ({
    name: gateName.control.value.trim(),
    subnets: [...boxes].filter(([, b]) => b.checked).map(([id]) => id),
    vpcId: subnetVpc(store) ?? '',
    mainRoad: mainRoad.control.value.trim(),
    testRoad: testRoad.control.value.trim(),
    testDoor: testDoorBox.checked,
    roadPort: intOrText(roadPort.control),
    targetType: targetType.control.value,
    healthCheckPath: path.control.value.trim(),
    herald: {
      HealthCheckIntervalSeconds: intOrText(interval.control),
      HealthCheckTimeoutSeconds: intOrText(timeout.control),
      HealthyThresholdCount: intOrText(healthy.control),
      UnhealthyThresholdCount: intOrText(unhealthy.control),
    },
  });
  const plan = () => gatePlan(store.getState(), choice(), mode);

  const refresh = () => {
    calls.plan(plan(), mode);
  };
  form.addEventListener('input', () => {
    setText(status, '');
    calls.release();
    refresh();
  });
  form.addEventListener('change', () => {
    calls.release();
    refresh();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const results = calls.run(store, plan(), mode);
    runSummary(status, results, ['The gate is built.', 'Load balancer ready.'], mode);
  });

  const update = (m: NameMode) => {
    mode = m;
    renderPortals();
    const types = [
      { value: 'instance', label: pick('territories (instance: bridge or host network)', 'instance', mode) },
      { value: 'ip', label: pick('developments’ own addresses (ip: awsvpc, managed lands)', 'ip', mode) },
    ];
    if (targetType.control.options.length === 0) {
      targetType.control.replaceChildren(...types.map((t) => h('option', { value: t.value }, t.label)));
    } else
      for (const [i, t] of types.entries())
        setText(targetType.control.options[i] as HTMLOptionElement, t.label);
    refresh();
  };
  update(mode);
  return { root: form, update, destroy: life.destroy };
}

function subnetVpc(store: GameStore): string | undefined {
  const r = store.getState().query({ action: 'ec2:DescribeSubnets', input: {} });
  if ('error' in r) return undefined;
  return r.output.Subnets?.[0]?.VpcId;
}

/**
 * The Build panel's gate section: build the gate, then its doors (swap, shares). It follows the load
 * balancing state itself (the panel follows the ECS collections), at most once per frame.
 */
export function createGateSection(store: GameStore): Component {
  const life = lifetime(store);
  const gate = createGateForm(store);
  const doors = createDoorsForm(store);
  life.own(gate.destroy);
  const root = h(
    'div',
    { class: 'gate-section' },
    gate.root,
    h(
      'h4',
      { class: 'disaster-title gate-subtitle' },
      words('The doors: swap the roads, share the travelers', 'Listeners: swap target groups, set weights'),
    ),
    doors.root,
  );
  const update = (m: NameMode) => {
    gate.update(m);
    doors.update(m);
  };
  life.live([(s) => s.sim.elb], () => update(store.getState().ui.names));
  return { root, update, destroy: life.destroy };
}
