/**
 * The gate's doors. Swap the doors: two elbv2:ModifyListener calls that exchange the forward actions
 * of the main door (80) and the test door (8080): the blue/green swap, done by hand, and done again to
 * swap back. Share the travelers: one elbv2:ModifyListener that gives a door a weighted forward
 * (ForwardConfig) over two roads, with two weights that always sum to 100.
 */
import type { Call, Listener, SimState } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { createCallForm, type Outcome } from '../call-form.ts';
import { field, h, intValue, numberInput, pick, setOptionsOr, setText, words } from '../dom.ts';
import { createCallList, type PlannedCall, runSummary, scriptLine } from './call-list.ts';
import {
  allDoors,
  doorLabel,
  doorsOf,
  forwardLabel,
  forwardOf,
  gateLabel,
  gatesOf,
  roadLabel,
  roadsOf,
} from './gate-things.ts';

export interface DoorsForm {
  root: HTMLElement;
  update(mode: NameMode): void;
}

/** A door's forward action as ModifyListener takes it (one road: TargetGroupArn; more: weights). */
function forwardInput(l: Listener): Record<string, unknown>[] {
  const groups = forwardOf(l);
  if (groups.length === 1) return [{ Type: 'forward', TargetGroupArn: groups[0]?.arn }];
  return [
    {
      Type: 'forward',
      ForwardConfig: { TargetGroups: groups.map((g) => ({ TargetGroupArn: g.arn, Weight: g.weight })) },
    },
  ];
}

function doorPair(sim: SimState, lbArn: string): { main: Listener | undefined; test: Listener | undefined } {
  const doors = doorsOf(sim, lbArn);
  return { main: doors.find((d) => d.Port === 80), test: doors.find((d) => d.Port === 8080) };
}

export function createDoorsForm(store: GameStore): DoorsForm {
  let mode: NameMode = store.getState().ui.names;
  const sim = () => store.getState().sim;

  // Swap the doors.
  const gate = field(words('Gate', 'Load balancer'), h('select', { name: 'swapGate' }));
  const now = h('ul', { class: 'door-now', 'aria-live': 'off' });
  const calls = createCallList(words('The orders, as AWS reads them', 'The API calls, in order'));
  const swap = h(
    'button',
    { type: 'submit', class: 'button button-primary' },
    words('Swap the doors', 'Swap the listeners’ target groups'),
  );
  const swapStatus = h('p', { class: 'call-list-status', role: 'status' });
  const swapHint = h('p', { class: 'hint' });
  const swapForm = h(
    'form',
    { class: 'call-form doors-swap', novalidate: true },
    gate.root,
    h('p', { class: 'group-title' }, words('Where the doors lead now', 'Current default actions')),
    now,
    swapHint,
    calls.root,
    swap,
    swapStatus,
  );

  const swapPlan = (): PlannedCall[] => {
    const { main, test } = doorPair(sim(), gate.control.value);
    if (!main || !test) return [];
    const modify = (door: Listener, from: Listener): PlannedCall => {
      const call = (): Call => ({
        action: 'elbv2:ModifyListener',
        input: { ListenerArn: door.ListenerArn, DefaultActions: forwardInput(from) },
      });
      const to = forwardLabel(sim(), from, 'nozama');
      const toAws = forwardLabel(sim(), from, 'aws');
      return {
        title: [
          `Turn the ${door.Port === 80 ? 'main' : 'test'} door (${door.Port}) to ${to}`,
          `Modify listener ${door.Port}: forward to ${toAws}`,
        ],
        preview: scriptLine(call()),
        build: call,
        success: () =>
          pick(
            `The ${door.Port === 80 ? 'main' : 'test'} door (${door.Port}) now opens on ${to}.`,
            `Listener ${door.Port} now forwards to ${toAws}.`,
            mode,
          ),
      };
    };
    return [modify(main, test), modify(test, main)];
  };
  swapForm.addEventListener('change', () => {
    calls.release();
    setText(swapStatus, '');
    refreshSwap();
  });
  swapForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const steps = swapPlan();
    if (steps.length === 0) return;
    const results = calls.run(store, steps, mode);
    runSummary(swapStatus, results, ['The doors are swapped.', 'Listeners modified.'], mode);
    renderNow();
  });

  const renderNow = () => {
    const s = sim();
    const { main, test } = doorPair(s, gate.control.value);
    const rows = [main, test]
      .filter((d): d is Listener => d !== undefined)
      .map((d) => `${doorLabel(s, d, mode)} → ${forwardLabel(s, d, mode)}`);
    const key = JSON.stringify(rows);
    if (now.dataset.key !== key) {
      now.dataset.key = key;
      now.replaceChildren(...rows.map((r) => h('li', {}, r)));
    }
    return Boolean(main && test);
  };
  const refreshSwap = () => {
    const ready = renderNow();
    swap.disabled = !ready;
    swapHint.hidden = ready;
    if (ready) calls.plan(swapPlan(), mode);
    else {
      calls.plan([], mode);
      setText(
        swapHint,
        gatesOf(store.getState()).length === 0
          ? pick('Build the gate first.', 'Create a load balancer first.', mode)
          : pick(
              'The gate needs a main door (80) and a test door (8080) to swap.',
              'Listeners 80 and 8080 are needed.',
              mode,
            ),
      );
    }
  };

  // Share a door's travelers between two roads.
  const door = field(words('Door', 'Listener'), h('select', { name: 'weightDoor' }));
  const roadA = field(words('First road', 'Target group 1'), h('select', { name: 'roadA' }));
  const roadB = field(words('Second road', 'Target group 2'), h('select', { name: 'roadB' }));
  const weightA = field(
    words('Share of the first road (%)', 'Weight 1'),
    numberInput({ name: 'weightA', min: 0, max: 100, value: 100 }),
  );
  const weightB = field(
    words('Share of the second road (%)', 'Weight 2'),
    numberInput({ name: 'weightB', min: 0, max: 100, value: 0 }),
  );
  const slider = h('input', {
    type: 'range',
    name: 'weightSlider',
    min: 0,
    max: 100,
    step: 5,
    value: 100,
    'aria-label': 'Share of the first road (%)',
  });
  const setShares = (a: number) => {
    const clamped = Math.max(0, Math.min(100, Math.round(a)));
    weightA.control.value = String(clamped);
    weightB.control.value = String(100 - clamped);
    slider.value = String(clamped);
    slider.setAttribute('aria-valuetext', `${clamped}% to the first road, ${100 - clamped}% to the second`);
  };
  weightA.control.addEventListener('input', () => {
    const a = intValue(weightA.control);
    if (a !== undefined) setShares(a);
  });
  weightB.control.addEventListener('input', () => {
    const b = intValue(weightB.control);
    if (b !== undefined) setShares(100 - b);
  });
  slider.addEventListener('input', () => setShares(Number(slider.value)));

  const shares = createCallForm({
    store,
    submit: ['Set the shares', 'Modify the listener'],
    build: (): Call => ({
      action: 'elbv2:ModifyListener',
      input: {
        ListenerArn: door.control.value,
        DefaultActions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: roadA.control.value, Weight: intValue(weightA.control) ?? 0 },
                { TargetGroupArn: roadB.control.value, Weight: intValue(weightB.control) ?? 0 },
              ],
            },
          },
        ],
      },
    }),
    success: (output): Outcome => {
      const l = (output.Listeners as Listener[] | undefined)?.[0];
      const s = sim();
      const live = l ? (s.elb.listeners[l.ListenerArn] ?? l) : undefined;
      return {
        tone: 'ok',
        text: live
          ? pick(
              `${capital(doorLabel(s, live, 'nozama'))} now sends travelers to ${forwardLabel(s, live, 'nozama')}.`,
              `Listener ${live.Port} now forwards: ${forwardLabel(s, live, 'aws')}.`,
              mode,
            )
          : pick('The door is turned.', 'Listener modified.', mode),
        details: [
          pick(
            'Travelers follow the shares from the next second; the traffic panel shows set and actual side by side.',
            'Weights apply to new requests at once; compare set weights with actual shares in the traffic panel.',
            mode,
          ),
        ],
      };
    },
    after: () => update(mode),
  });
  shares.body.append(
    door.root,
    h('div', { class: 'pair' }, roadA.root, roadB.root),
    h('div', { class: 'field weight-slider' }, slider),
    h('div', { class: 'pair' }, weightA.root, weightB.root),
  );

  let loadedDoor = '';
  const loadDoor = () => {
    const l = sim().elb.listeners[door.control.value];
    loadedDoor = door.control.value;
    if (!l) return;
    const groups = forwardOf(l);
    const roads = roadsOf(store.getState()).map((r) => r.TargetGroupArn);
    const a = groups[0]?.arn ?? roads[0] ?? '';
    const b = groups[1]?.arn ?? roads.find((r) => r !== a) ?? '';
    roadA.control.value = a;
    roadB.control.value = b;
    const total = groups.reduce((x, g) => x + g.weight, 0);
    setShares(groups.length > 1 && total > 0 ? ((groups[0]?.weight ?? 0) * 100) / total : 100);
    shares.refresh();
  };
  door.control.addEventListener('change', loadDoor);

  const root = h(
    'div',
    { class: 'doors' },
    swapForm,
    h('h4', { class: 'disaster-title' }, words('Share a door’s travelers', 'Weighted forward')),
    shares.form,
  );

  const update = (m: NameMode) => {
    mode = m;
    const s = sim();
    const gates = gatesOf(store.getState());
    setOptionsOr(
      gate.control,
      gates.map((g) => ({ value: g.LoadBalancerArn, label: gateLabel(g, mode) })),
      pick('no gate yet', 'no load balancer yet', mode),
    );
    const doors = allDoors(store.getState());
    setOptionsOr(
      door.control,
      doors.map((d) => ({ value: d.ListenerArn, label: doorLabel(s, d, mode) })),
      pick('no door yet', 'no listener yet', mode),
    );
    const roads = roadsOf(store.getState()).map((r) => ({
      value: r.TargetGroupArn,
      label: roadLabel(r, mode),
    }));
    const none = pick('no road yet', 'no target group yet', mode);
    setOptionsOr(roadA.control, roads, none);
    setOptionsOr(roadB.control, roads, none, roads[1]?.value);
    if (door.control.value !== loadedDoor) loadDoor();
    refreshSwap();
    shares.refresh();
  };
  update(mode);
  return { root, update };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
