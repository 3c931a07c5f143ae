/**
 * Repairs: ecs:UpdateContainerInstancesState on one territory's castle (its container instance), to
 * DRAINING or back to ACTIVE. A draining castle takes no new development; the steward replaces the
 * decrees' developments elsewhere within each decree's bounds (minimumHealthyPercent/maximumPercent)
 * and leaves standalone ones (RunTask) alone: the form says so before the call, and shows AWS's
 * answer (the container instance's new status, or its failures) after. Picking a territory proposes
 * the other status (an ACTIVE one is drained, a DRAINING one reopened).
 */
import { territoryName } from '../../i18n/names.ts';
import type { Call } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import type { Here } from '../../store/view-region.ts';
import { type CallForm, createCallForm, type Outcome } from '../call-form.ts';
import { type Component, lifetime } from '../component.ts';
import { field, h, hintWords, pick, setHint, setOptionsOr, words } from '../dom.ts';
import { territoryLabel } from '../labels.ts';
import { clusterArnOf, currentKingdom } from './world.ts';

interface Castle {
  instanceId: string;
  containerInstanceArn: string;
  status: string;
  tasks: number;
}

/** The castles (registered, not INACTIVE) of a kingdom, by territory name (1a-1, 1a-2, 1b-1...). */
function castles(here: Here, cluster: string): Castle[] {
  const { sim } = here;
  const arn = clusterArnOf(here, cluster);
  const counts = new Map<string, number>();
  for (const t of sim.tasks.values())
    if (t.lastStatus !== 'STOPPED' && t.containerInstanceArn)
      counts.set(t.containerInstanceArn, (counts.get(t.containerInstanceArn) ?? 0) + 1);
  return sim.containerInstances
    .values()
    .filter((ci) => ci.clusterArn === arn && ci.status !== 'INACTIVE')
    .map((ci) => ({
      instanceId: ci.ec2InstanceId,
      containerInstanceArn: ci.containerInstanceArn,
      status: ci.status,
      tasks: counts.get(ci.containerInstanceArn) ?? 0,
      name: territoryName(sim, ci.ec2InstanceId),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

const idOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

export function createDrainForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const sim = () => store.getState().sim;
  const territory = field(
    words('Territory', 'Container instance'),
    h('select', { name: 'containerInstance' }),
  );
  const status = field(
    words('Set the castle to', 'Status'),
    h(
      'select',
      { name: 'status' },
      h('option', { value: 'DRAINING' }, 'DRAINING (under repair)'),
      h('option', { value: 'ACTIVE' }, 'ACTIVE (open)'),
    ),
  );

  const build = (): Call => ({
    action: 'ecs:UpdateContainerInstancesState',
    input: {
      cluster: currentKingdom(store),
      containerInstances: territory.control.value ? [idOf(territory.control.value)] : [],
      status: status.control.value,
    },
  });

  const success = (output: Record<string, unknown>): Outcome => {
    const s = sim();
    const done = output.containerInstances as {
      ec2InstanceId: string;
      status: string;
      runningTasksCount: number;
      pendingTasksCount: number;
    }[];
    const failures = output.failures as { arn: string; reason: string; detail?: string }[];
    if (done.length === 0) {
      return {
        tone: 'error',
        text: pick('The steward could not do it.', 'The call returned failures.', mode),
        details: failures.map((f) => `${f.reason}: ${f.arn}${f.detail ? ` (${f.detail})` : ''}`),
      };
    }
    const answer = done.map(
      (ci) =>
        `${ci.ec2InstanceId}: status ${ci.status}, runningTasksCount ${ci.runningTasksCount}, pendingTasksCount ${ci.pendingTasksCount}`,
    );
    const first = done[0] as (typeof done)[number];
    const name = territoryLabel(s, first.ec2InstanceId, mode);
    return first.status === 'DRAINING'
      ? {
          tone: 'ok',
          text: pick(
            `Repairs begin on ${name}: no new development comes; the steward raises the decree's developments elsewhere before taking these down.`,
            `${name} is DRAINING: service tasks are being replaced elsewhere.`,
            mode,
          ),
          details: answer,
        }
      : {
          tone: 'ok',
          text: pick(
            `Repairs end on ${name}: it welcomes new developments again.`,
            `${name} is ACTIVE: tasks can be placed on it again.`,
            mode,
          ),
          details: answer,
        };
  };

  const form: CallForm = createCallForm({
    store,
    submit: ['Begin repairs (drain)', 'Set to DRAINING'],
    build,
    success,
    after: () => update(mode),
  });
  form.body.append(
    hintWords(
      'Draining a territory for repairs: the steward moves the decree’s developments elsewhere (a new one rises before the old one comes down, within the decree’s bounds) and sends no new ones there. Standalone developments (raised without a decree) are not moved: take them down yourself.',
      'DRAINING: no new tasks are placed on the container instance; service tasks on it are replaced elsewhere within minimumHealthyPercent and maximumPercent. Tasks started with RunTask are not stopped.',
    ),
    territory.root,
    status.root,
  );

  const syncSubmit = () => {
    if (status.control.value === 'DRAINING') form.setSubmit('Begin repairs (drain)', 'Set to DRAINING', mode);
    else form.setSubmit('End repairs (reopen)', 'Set to ACTIVE', mode);
  };
  // Picking a territory proposes what can be done to it: drain an ACTIVE one, reopen a DRAINING one.
  const proposeStatus = () => {
    const ci = sim().containerInstances.get(territory.control.value);
    if (ci) status.control.value = ci.status === 'DRAINING' ? 'ACTIVE' : 'DRAINING';
    syncSubmit();
    form.refresh();
  };
  territory.control.addEventListener('change', proposeStatus);
  status.control.addEventListener('change', syncSubmit);

  const result = form.form.querySelector<HTMLElement>('.call-result');
  life.subscribe(
    (s) => s.generation,
    () => result?.replaceChildren(),
  );

  let lastSeen = '';
  const update = (m: NameMode) => {
    mode = m;
    const s = sim();
    const list = castles(store.getState(), currentKingdom(store));
    setOptionsOr(
      territory.control,
      list.map((c) => ({
        value: c.containerInstanceArn,
        label: pick(
          `${territoryLabel(s, c.instanceId, 'nozama')} · ${c.status === 'DRAINING' ? 'under repair' : 'open'} · ${c.tasks} development${c.tasks === 1 ? '' : 's'}`,
          `${c.instanceId} (${idOf(c.containerInstanceArn).slice(0, 8)}…) · ${c.status} · ${c.tasks} task${c.tasks === 1 ? '' : 's'}`,
          mode,
        ),
      })),
      pick('no castle yet', 'no container instance yet', mode),
    );
    const ci = s.containerInstances.get(territory.control.value);
    // A new choice, or the chosen castle's status changed (drained just now): propose the other status.
    const seen = `${territory.control.value}|${ci?.status ?? ''}`;
    if (seen !== lastSeen) {
      lastSeen = seen;
      proposeStatus();
    }
    setHint(
      territory,
      ci
        ? pick(
            `Castle of ${territoryLabel(s, ci.ec2InstanceId, 'nozama')} in the kingdom ${currentKingdom(store)}: ${ci.status === 'DRAINING' ? 'under repair (DRAINING)' : 'open (ACTIVE)'}.`,
            `${idOf(ci.containerInstanceArn)} on ${ci.ec2InstanceId}, cluster ${currentKingdom(store)}: ${ci.status}.`,
            mode,
          )
        : '',
    );
    syncSubmit();
    form.refresh();
  };

  update(mode);
  return { root: form.form, update, destroy: life.destroy };
}
