/**
 * Disasters: what AWS does outside its API, as `sim:` calls. A portal collapses or comes back
 * (sim:FailAvailabilityZone / sim:RestoreAvailabilityZone), a territory is destroyed
 * (sim:LoseInstance), a castle's lord falls silent or returns (sim:DisconnectAgent /
 * sim:ReconnectAgent), a building catches fire (sim:CrashContainer). Each picks its target from the
 * world by display name; the action follows the target's state (an open portal collapses, a dark one
 * is restored).
 */
import type { Call } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { type CallForm, createCallForm, type Outcome } from '../call-form.ts';
import { type Component, lifetime } from '../component.ts';
import { field, h, hintWords, pick, setOptions, words } from '../dom.ts';
import { developmentLabel, territoryLabel, zoneLabel } from '../labels.ts';
import { currentKingdom, liveInstances, liveTasks, zones } from './world.ts';

function section(title: HTMLElement, form: CallForm): HTMLElement {
  return h('div', { class: 'disaster' }, h('h4', { class: 'disaster-title' }, title), form.form);
}

export function createDisasterForms(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const sim = () => store.getState().sim;
  const none = (nozama: string, aws: string) => [{ value: '', label: pick(nozama, aws, mode) }];

  // A portal collapses or comes back.
  const portal = field(words('Portal', 'Availability Zone'), h('select', { name: 'availabilityZone' }));
  const portalDark = () => sim().impairedZones[portal.control.value] === true;
  const portalForm = createCallForm({
    store,
    submit: ['Collapse the portal', 'Fail the zone'],
    build: () => ({
      action: portalDark() ? 'sim:RestoreAvailabilityZone' : 'sim:FailAvailabilityZone',
      input: { availabilityZone: portal.control.value },
    }),
    success: (_o, call): Outcome => {
      const z = zoneLabel(sim(), portal.control.value, mode);
      return call.action === 'sim:FailAvailabilityZone'
        ? {
            tone: 'warn',
            text: pick(
              `${capital(z)} collapsed: its territories go dark.`,
              `${z} is impaired: its instances stop.`,
              mode,
            ),
          }
        : { tone: 'ok', text: pick(`${capital(z)} is open again.`, `${z} is available again.`, mode) };
    },
    after: () => update(mode),
  });
  portalForm.body.append(portal.root);

  // A territory is destroyed.
  const territory = field(words('Territory', 'EC2 instance'), h('select', { name: 'instanceId' }));
  const loseForm = createCallForm({
    store,
    submit: ['Destroy the territory', 'Lose the instance'],
    build: (): Call => ({ action: 'sim:LoseInstance', input: { instanceId: territory.control.value } }),
    success: (): Outcome => ({
      tone: 'warn',
      text: pick(
        `Territory ${territoryLabel(sim(), territory.control.value, 'nozama')} is destroyed; its developments fall.`,
        `Instance ${territory.control.value} is shutting down (hardware failure).`,
        mode,
      ),
    }),
    after: () => update(mode),
  });
  loseForm.body.append(territory.root);

  // A castle's lord falls silent or returns.
  const castle = field(words('Castle', 'Container instance (EC2 instance)'), h('select', { name: 'agent' }));
  const silent = () => sim().instances.get(castle.control.value)?.agentHealthy === false;
  const agentForm = createCallForm({
    store,
    submit: ['Silence the lord', 'Disconnect the agent'],
    build: (): Call => ({
      action: silent() ? 'sim:ReconnectAgent' : 'sim:DisconnectAgent',
      input: { instanceId: castle.control.value },
    }),
    success: (_o, call): Outcome => {
      const name = territoryLabel(sim(), castle.control.value, mode);
      return call.action === 'sim:DisconnectAgent'
        ? {
            tone: 'warn',
            text: pick(
              `The lord of ${name} is silent: nothing new is placed there.`,
              `The agent on ${name} is disconnected.`,
              mode,
            ),
          }
        : {
            tone: 'ok',
            text: pick(`The lord of ${name} speaks again.`, `The agent on ${name} reconnected.`, mode),
          };
    },
    after: () => update(mode),
  });
  agentForm.body.append(castle.root);

  // A building catches fire.
  const development = field(words('Development', 'Task'), h('select', { name: 'task' }));
  const building = field(words('Building', 'Container'), h('select', { name: 'containerName' }));
  const fireForm = createCallForm({
    store,
    submit: ['Set it on fire', 'Crash the container'],
    build: (): Call => ({
      action: 'sim:CrashContainer',
      input: {
        cluster: currentKingdom(store),
        task: development.control.value,
        containerName: building.control.value,
      },
    }),
    success: (output): Outcome => ({
      tone: 'warn',
      text: pick(
        `${building.control.value} burns (exit code ${String(output.exitCode)}).${output.taskStopping ? ' It was essential: the development falls.' : ''}`,
        `Container ${building.control.value} exited with code ${String(output.exitCode)}.${output.taskStopping ? ' It is essential: the task stops.' : ''}`,
        mode,
      ),
    }),
    after: () => update(mode),
  });
  fireForm.body.append(development.root, building.root);
  const syncBuildings = () => {
    const task = sim().tasks.get(development.control.value);
    setOptions(
      building.control,
      task
        ? task.containers.map((c) => ({
            value: c.name,
            label: `${c.name}${c.essential ? pick(' (essential)', ' (essential)', mode) : ''}`,
            disabled: c.lastStatus !== 'RUNNING',
          }))
        : none('no building', 'no container'),
    );
  };
  development.control.addEventListener('change', () => {
    syncBuildings();
    fireForm.refresh();
  });

  const root = h(
    'div',
    { class: 'disasters' },
    hintWords(
      'What the planet does to kingdoms. Real AWS never lets you call these: they are Nozama’s own (sim:).',
      'Faults AWS causes outside its API, simulated by sim: actions.',
    ),
    section(words('A portal collapses', 'Availability Zone outage'), portalForm),
    section(words('A territory is destroyed', 'Instance failure'), loseForm),
    section(words('A lord falls silent', 'Agent disconnect'), agentForm),
    section(words('A building catches fire', 'Container crash'), fireForm),
  );

  const update = (m: NameMode) => {
    mode = m;
    const s = sim();
    const zoneList = zones(store);
    setOptions(
      portal.control,
      zoneList.map((z) => ({
        value: z.name,
        label: `${zoneLabel(s, z.name, mode)}${z.state === 'available' ? '' : pick(' — dark', ' — impaired', mode)}`,
      })),
    );
    if (portalDark()) portalForm.setSubmit('Restore the portal', 'Restore the zone', mode);
    else portalForm.setSubmit('Collapse the portal', 'Fail the zone', mode);

    const instances = liveInstances(store.getState());
    setOptions(
      territory.control,
      instances.length
        ? instances.map((i) => ({
            value: i.instanceId,
            label: `${territoryLabel(s, i.instanceId, mode)} · ${i.state}`,
          }))
        : none('no territory yet', 'no instance yet'),
    );
    const castles = instances.filter((i) => i.containerInstanceArn);
    setOptions(
      castle.control,
      castles.length
        ? castles.map((i) => ({
            value: i.instanceId,
            label: `${territoryLabel(s, i.instanceId, mode)}${i.agentHealthy ? '' : pick(' · lord silent', ' · disconnected', mode)}`,
          }))
        : none('no castle yet', 'no container instance yet'),
    );
    if (silent()) agentForm.setSubmit('Bring the lord back', 'Reconnect the agent', mode);
    else agentForm.setSubmit('Silence the lord', 'Disconnect the agent', mode);

    const tasks = liveTasks(store.getState(), currentKingdom(store)).filter(
      (t) => t.lastStatus === 'RUNNING',
    );
    setOptions(
      development.control,
      tasks.length
        ? tasks.map((t) => ({
            value: t.taskArn,
            label: `${developmentLabel(s, t.taskArn, mode)}${t.ec2InstanceId ? ` · ${territoryLabel(s, t.ec2InstanceId, mode)}` : ''}`,
          }))
        : none('no standing development', 'no running task'),
    );
    syncBuildings();
    for (const f of [portalForm, loseForm, agentForm, fireForm]) f.refresh();
  };
  portal.control.addEventListener('change', () => update(mode));
  castle.control.addEventListener('change', () => update(mode));
  update(mode);
  return { root, update, destroy: life.destroy };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
