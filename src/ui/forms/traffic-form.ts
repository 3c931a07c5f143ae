/**
 * Travelers and curses. Travelers: sim:SetTraffic {ListenerArn, RequestsPerSecond} sends a steady
 * flow of requests to a door (0 stops it); each door's last minute is shown with, per road, the share
 * it is set to receive beside the share it actually received. Curses: sim:SetBehavior {TaskDefinition,
 * ErrorRate 0..1, LatencyMs} makes a plan edition fail a share of its requests and answer slowly;
 * Clear lifts the curse. Neither is an AWS API (the CLI line says so): they are what the world does.
 */
import { planName } from '../../i18n/names.ts';
import type { Call, Listener, SimState } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { createCallForm, type Outcome } from '../call-form.ts';
import { type Component, lifetime } from '../component.ts';
import { button, field, h, pick, setOptionsOr, tableHead, words } from '../dom.ts';
import { allDoors, doorLabel, forwardOf } from './gate-things.ts';
import { faultSliders, rateSlider } from './slider-field.ts';
import { planEditions } from './world.ts';

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
      ...tableHead(
        pick('Roads: set share and actual share', 'Target groups: weight and actual share', mode),
        [
          pick('Road', 'Target group', mode),
          pick('Set', 'Weight', mode),
          pick('Actual', 'Actual (last min)', mode),
        ],
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

export function createTrafficForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const sim = () => store.getState().sim;

  // Travelers at a door.
  const door = field(words('Door', 'Listener'), h('select', { name: 'trafficDoor' }));
  const rate = rateSlider(words('Travelers a second', 'RequestsPerSecond'), 'requestsPerSecond', 500, 50);
  const travelers = createCallForm({
    store,
    submit: ['Send the travelers', 'Set the traffic'],
    build: (): Call => ({
      action: 'sim:SetTraffic',
      input: { ListenerArn: door.control.value, RequestsPerSecond: rate.sent() },
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
  const fault = faultSliders(words('Answers that fail', 'ErrorRate (as %)'), 0, {
    errors: 'errorPercent',
    latency: 'latencyMs',
  });
  const curse = createCallForm({
    store,
    submit: ['Curse the edition', 'Inject the fault'],
    build: (): Call => ({
      action: 'sim:SetBehavior',
      input: { TaskDefinition: edition.control.value, ...fault.input() },
    }),
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
        fault.errors.set(0);
        fault.latency.set(20);
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
  curse.body.append(edition.root, ...fault.roots);
  curse.form.append(lift);
  let loadedEdition = '';
  const loadEdition = () => {
    loadedEdition = edition.control.value;
    const td = Object.values(sim().taskDefinitions).find(
      (t) => `${t.family}:${t.revision}` === edition.control.value && t.region === store.getState().ui.region,
    );
    const b = td ? sim().traffic.behaviors[td.taskDefinitionArn] : undefined;
    fault.errors.set(Math.round((b?.errorRate ?? 0) * 100));
    fault.latency.set(b?.latencyMs ?? 20);
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
    const doors = allDoors(store.getState());
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
    const doors = allDoors(store.getState());
    setOptionsOr(
      door.control,
      doors.map((d) => ({ value: d.ListenerArn, label: doorLabel(s, d, mode) })),
      pick('no door yet: build the gate', 'no listener yet', mode),
    );
    if (door.control.value !== loadedDoor) loadDoor();
    const editions = planEditions(store);
    setOptionsOr(
      edition.control,
      editions.map((e) => ({ value: e, label: planName(e, mode) })),
      pick('no plan drafted yet', 'no task definition yet', mode),
    );
    if (edition.control.value !== loadedEdition) loadEdition();
    travelers.refresh();
    curse.refresh();
    renderLive();
  };
  life.live(
    [
      (s) => s.sim.elb.listeners,
      (s) => s.sim.traffic.sourceLast,
      (s) => s.sim.traffic.sources,
      (s) => s.sim.traffic.behaviors,
    ],
    () => update(store.getState().ui.names),
  );
  update(mode);
  return { root, update, destroy: life.destroy };
}
