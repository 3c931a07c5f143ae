/**
 * Travelers and curses. Travelers: sim:SetTraffic {ListenerArn, RequestsPerSecond} sends a steady
 * flow of requests to a door (0 stops it); each door's last minute is shown with, per road, the share
 * it is set to receive beside the share it actually received. Curses: sim:SetBehavior {TaskDefinition,
 * ErrorRate 0..1, LatencyMs} makes a plan edition fail a share of its requests and answer slowly;
 * Clear lifts the curse. Neither is an AWS API (the CLI line says so): they are what the world does.
 */
import { planName } from '../../i18n/names.ts';
import type { Call, Listener, SimState } from '../../model/types.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { createCallForm, type Outcome } from '../call-form.ts';
import { button, field, frameScheduler, h, pick, setOptions, words } from '../dom.ts';
import { allDoors, doorLabel, forwardOf } from './gate-things.ts';
import { sliderField } from './slider-field.ts';
import { planEditions } from './world.ts';

export interface TrafficForm {
  root: HTMLElement;
  update(mode: NameMode): void;
}

const fmt = (k: number) => Math.round(k).toLocaleString('en-US');

/** A door's last minute and its roads' set vs actual shares, as a small table. */
function doorStats(sim: SimState, l: Listener, mode: NameMode): HTMLElement {
  const rate = sim.traffic.sources[l.ListenerArn]?.requestsPerSecond ?? 0;
  const w = sim.traffic.sourceLast[l.ListenerArn];
  const groups = forwardOf(l);
  const total = groups.reduce((a, g) => a + g.weight, 0);
  const failed = w ? w.errors : 0;
  const share = w && w.requests > 0 ? Math.round((failed * 100) / w.requests) : 0;
  const bad = failed > 0;
  const summary = w
    ? pick(
        `Last minute: ${fmt(w.requests)} travelers, ${fmt(failed)} turned away (${share}%)`,
        `Last minute: ${fmt(w.requests)} requests, ${fmt(failed)} 5XX (${share}%)`,
        mode,
      )
    : pick('No full minute of travelers yet.', 'No complete one-minute window yet.', mode);
  const rows = groups.map((g) => {
    const name = sim.elb.targetGroups[g.arn]?.TargetGroupName ?? g.arn;
    const set = total > 0 ? Math.round((g.weight * 100) / total) : 0;
    const got = w && w.requests > 0 ? Math.round(((w.byGroup[g.arn] ?? 0) * 100) / w.requests) : null;
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, name),
      h('td', {}, `${set}%`),
      h('td', {}, got === null ? '—' : `${got}%`),
    );
  });
  return h(
    'section',
    { class: `door-stats${bad ? ' is-failing' : ''}` },
    h(
      'h5',
      { class: 'door-stats-title' },
      `${doorLabel(sim, l, mode)} · ${fmt(rate)} ${pick('a second', 'req/s', mode)}`,
    ),
    h(
      'p',
      { class: `outcome ${bad ? 'outcome-error' : 'outcome-ok'}` },
      h('span', { class: 'tone-icon', 'aria-hidden': 'true' }, bad ? '✖' : '✔'),
      h('span', { class: 'visually-hidden' }, bad ? 'Failing: ' : 'Fine: '),
      summary,
    ),
    h(
      'table',
      { class: 'shares' },
      h(
        'caption',
        { class: 'visually-hidden' },
        pick('Roads: set share and actual share', 'Target groups: weight and actual share', mode),
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, pick('Road', 'Target group', mode)),
          h('th', { scope: 'col' }, pick('Set', 'Weight', mode)),
          h('th', { scope: 'col' }, pick('Actual', 'Actual (last min)', mode)),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

export function createTrafficForm(store: GameStore): TrafficForm {
  let mode: NameMode = store.getState().ui.names;
  const sim = () => store.getState().sim;

  // Travelers at a door.
  const door = field(words('Door', 'Listener'), h('select', { name: 'trafficDoor' }));
  const rate = sliderField(words('Travelers a second', 'RequestsPerSecond'), pick('/s', '/s', mode), {
    name: 'requestsPerSecond',
    min: 0,
    max: 500,
    step: 5,
    value: 50,
    numberMax: 100000,
  });
  const travelers = createCallForm({
    store,
    submit: ['Send the travelers', 'Set the traffic'],
    build: (): Call => ({
      action: 'sim:SetTraffic',
      input: { ListenerArn: door.control.value, RequestsPerSecond: rate.value() ?? rate.number.value },
    }),
    success: (o): Outcome => {
      const rps = (o.Source as { RequestsPerSecond: number }).RequestsPerSecond;
      const l = sim().elb.listeners[door.control.value];
      const where = l ? doorLabel(sim(), l, mode) : '';
      return {
        tone: 'ok',
        text:
          rps > 0
            ? pick(
                `${fmt(rps)} travelers a second now come to the ${where}.`,
                `Traffic on ${where}: ${rps} requests/s.`,
                mode,
              )
            : pick(`No more travelers at the ${where}.`, `Traffic stopped on ${where}.`, mode),
      };
    },
    after: () => update(mode),
  });
  travelers.body.append(door.root, rate.root);
  let loadedDoor = '';
  const loadDoor = () => {
    loadedDoor = door.control.value;
    const current = sim().traffic.sources[door.control.value]?.requestsPerSecond;
    if (current !== undefined) rate.set(current);
    travelers.refresh();
  };
  door.control.addEventListener('change', loadDoor);
  const stats = h('div', { class: 'door-stats-list', 'aria-live': 'off' });

  // A curse on a plan edition.
  const edition = field(words('Plan edition', 'Task definition'), h('select', { name: 'faultEdition' }));
  const errors = sliderField(words('Answers that fail', 'ErrorRate (as %)'), '%', {
    name: 'errorPercent',
    min: 0,
    max: 100,
    step: 5,
    value: 0,
  });
  const latency = sliderField(words('Time to answer', 'LatencyMs'), 'ms', {
    name: 'latencyMs',
    min: 1,
    max: 2000,
    step: 1,
    value: 20,
    numberMax: 900000,
  });
  const curse = createCallForm({
    store,
    submit: ['Curse the edition', 'Inject the fault'],
    build: (): Call => {
      const pct = errors.value();
      return {
        action: 'sim:SetBehavior',
        input: {
          TaskDefinition: edition.control.value,
          ErrorRate: pct === undefined ? errors.number.value : Math.round(pct * 100) / 10000,
          LatencyMs: latency.value() ?? latency.number.value,
        },
      };
    },
    success: (o): Outcome => {
      const b = o.Behavior as { ErrorRate: number; LatencyMs: number; TaskDefinition: string };
      const healthy = b.ErrorRate === 0 && b.LatencyMs === 20;
      return healthy
        ? {
            tone: 'ok',
            text: pick(
              `Plan ${planName(b.TaskDefinition)} is sound.`,
              `${planName(b.TaskDefinition, 'aws')} behaves normally.`,
              mode,
            ),
          }
        : {
            tone: 'warn',
            text: pick(
              `Plan ${planName(b.TaskDefinition)} is cursed: ${Math.round(b.ErrorRate * 100)}% of its answers fail, in ${b.LatencyMs} ms.`,
              `${planName(b.TaskDefinition, 'aws')} now fails ${Math.round(b.ErrorRate * 100)}% of requests (latency ${b.LatencyMs} ms).`,
              mode,
            ),
            details: [
              pick(
                'The herald will notice on his next visits; watch the chronicle and the watchtowers.',
                'Health checks and the 5XX metrics will show it; watch the events and the alarms.',
                mode,
              ),
            ],
          };
    },
    after: () => update(mode),
  });
  const lift = button(words('Lift the curse', 'Clear the fault'), {
    class: 'button button-quiet lift-curse',
  });
  lift.addEventListener('click', () => {
    curse.run(
      { action: 'sim:SetBehavior', input: { TaskDefinition: edition.control.value, Clear: true } },
      (o) => {
        const b = o.Behavior as { TaskDefinition: string };
        errors.set(0);
        latency.set(20);
        curse.refresh();
        return {
          tone: 'ok',
          text: pick(
            `The curse on plan ${planName(b.TaskDefinition)} is lifted.`,
            `Fault cleared on ${planName(b.TaskDefinition, 'aws')}.`,
            mode,
          ),
        };
      },
    );
    update(mode);
  });
  curse.body.append(edition.root, errors.root, latency.root);
  curse.form.append(lift);
  let loadedEdition = '';
  const loadEdition = () => {
    loadedEdition = edition.control.value;
    const td = Object.values(sim().taskDefinitions).find(
      (t) => `${t.family}:${t.revision}` === edition.control.value && t.region === sim().defaultRegion,
    );
    const b = td ? sim().traffic.behaviors[td.taskDefinitionArn] : undefined;
    errors.set(Math.round((b?.errorRate ?? 0) * 100));
    latency.set(b?.latencyMs ?? 20);
    curse.refresh();
  };
  edition.control.addEventListener('change', loadEdition);
  const curses = h('ul', { class: 'curse-list' });

  const root = h(
    'div',
    { class: 'traffic' },
    travelers.form,
    stats,
    h('h4', { class: 'disaster-title' }, words('Curse a plan edition', 'Inject a fault into a revision')),
    curse.form,
    curses,
  );

  const renderLive = () => {
    const s = sim();
    const doors = allDoors(s);
    const key = JSON.stringify([
      mode,
      doors.map((l) => [
        l.ListenerArn,
        l.DefaultActions,
        s.traffic.sources[l.ListenerArn]?.requestsPerSecond,
        s.traffic.sourceLast[l.ListenerArn]?.t,
      ]),
    ]);
    if (stats.dataset.key !== key) {
      stats.dataset.key = key;
      stats.replaceChildren(...doors.map((l) => doorStats(s, l, mode)));
    }
    const list = Object.entries(s.traffic.behaviors)
      .filter(([k]) => k.includes(':task-definition/'))
      .map(([k, b]) =>
        pick(
          `Plan ${planName(k)}: ${Math.round(b.errorRate * 100)}% fail, ${b.latencyMs} ms`,
          `${planName(k, 'aws')}: ErrorRate ${b.errorRate}, LatencyMs ${b.latencyMs}`,
          mode,
        ),
      );
    const cursesKey = JSON.stringify(list);
    if (curses.dataset.key !== cursesKey) {
      curses.dataset.key = cursesKey;
      curses.replaceChildren(
        ...list.map((t) =>
          h('li', {}, h('span', { class: 'tone-icon tone-warn-icon', 'aria-hidden': 'true' }, '⚠'), ' ', t),
        ),
      );
    }
  };

  const update = (m: NameMode) => {
    mode = m;
    const s = sim();
    const doors = allDoors(s);
    setOptions(
      door.control,
      doors.length
        ? doors.map((d) => ({ value: d.ListenerArn, label: doorLabel(s, d, mode) }))
        : [{ value: '', label: pick('no door yet: build the gate', 'no listener yet', mode) }],
    );
    if (door.control.value !== loadedDoor) loadDoor();
    const editions = planEditions(store);
    setOptions(
      edition.control,
      editions.length
        ? editions.map((e) => ({ value: e, label: planName(e, mode) }))
        : [{ value: '', label: pick('no plan drafted yet', 'no task definition yet', mode) }],
    );
    if (edition.control.value !== loadedEdition) loadEdition();
    travelers.refresh();
    curse.refresh();
    renderLive();
  };
  const scheduler = frameScheduler(() => update(store.getState().ui.names));
  store.subscribe((s) => s.sim.elb.listeners, scheduler.schedule);
  store.subscribe((s) => s.sim.traffic.sourceLast, scheduler.schedule);
  store.subscribe((s) => s.sim.traffic.sources, scheduler.schedule);
  store.subscribe((s) => s.sim.traffic.behaviors, scheduler.schedule);
  update(mode);
  return { root, update };
}
