/**
 * The Build panel's capacity section: the surveyors' guild and its lands. A status line per survey party
 * (Auto Scaling group: how many territories it keeps and has, its guild's last reservation against the
 * target) above the forms: survey order, survey party, party size, guild, the kingdom's lands, a decree's
 * land mix, and the planet's reclamation of Spot lands.
 */
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { type Component, lifetime } from '../component.ts';
import { h, pick, words } from '../dom.ts';
import {
  createGuildForm,
  createKingdomLandsForm,
  createLandMixForm,
  createReclaimForm,
} from './capacity-guild-forms.ts';
import { createPartySizeForm, createSurveyOrderForm, createSurveyPartyForm } from './capacity-lands-forms.ts';

function statusLines(store: GameStore, mode: NameMode): string[] {
  const { sim, ui } = store.getState();
  const groups = Object.values(sim.capacity.groups).filter((g) => g.region === ui.region);
  return groups.map((g) => {
    const key = `${g.region}:${g.AutoScalingGroupName}`;
    const live = sim.instances
      .values()
      .filter((i) => i.autoScalingGroup === key && (i.state === 'pending' || i.state === 'running')).length;
    const p = Object.values(sim.capacity.providers).find(
      (x) =>
        x.status === 'ACTIVE' && x.autoScalingGroupProvider.autoScalingGroupArn === g.AutoScalingGroupARN,
    );
    const waiting = p ? Object.values(sim.capacity.waiting).filter((n) => n === p.name).length : 0;
    const r = p?.reservation;
    const target = p?.autoScalingGroupProvider.managedScaling.targetCapacity;
    const guild =
      p && r !== null && r !== undefined
        ? pick(
            ` · guild ${p.name}: ${Math.round(r)}% of ${target}% full`,
            ` · ${p.name}: CapacityProviderReservation ${Math.round(r)}% (target ${target}%)`,
            mode,
          )
        : '';
    return pick(
      `Survey party ${g.AutoScalingGroupName}: keeps ${g.DesiredCapacity}, has ${live} (${g.MinSize} to ${g.MaxSize})${waiting ? ` · ${waiting} waiting for room` : ''}${guild}`,
      `${g.AutoScalingGroupName}: desired ${g.DesiredCapacity}, in service ${live} (min ${g.MinSize}, max ${g.MaxSize})${waiting ? ` · ${waiting} tasks PROVISIONING` : ''}${guild}`,
      mode,
    );
  });
}

export function createCapacitySection(store: GameStore): Component {
  const life = lifetime(store);
  const parts: [string, string, Component][] = [
    ['Survey order', 'Launch template', createSurveyOrderForm(store)],
    ['Survey party', 'Auto Scaling group', createSurveyPartyForm(store)],
    ['Party size', 'Set desired capacity', createPartySizeForm(store)],
    ["Surveyors' guild", 'Capacity provider', createGuildForm(store)],
    ["The kingdom's lands", 'Cluster capacity providers', createKingdomLandsForm(store)],
    ['Land mix of a decree', 'Capacity provider strategy', createLandMixForm(store)],
    ['Reclaim Spot lands', 'Spot interruption (fault)', createReclaimForm(store)],
  ];
  const status = h('ul', { class: 'capacity-status', 'aria-live': 'polite' });
  const root = h(
    'div',
    { class: 'capacity-section' },
    status,
    ...parts.map(([n, a, c]) =>
      h('section', { class: 'capacity-part' }, h('h4', { class: 'subsection-title' }, words(n, a)), c.root),
    ),
  );
  let mode: NameMode = store.getState().ui.names;
  const renderStatus = () => {
    const lines = statusLines(store, mode);
    status.hidden = lines.length === 0;
    const key = lines.join('\n');
    if (status.dataset.key === key) return;
    status.dataset.key = key;
    status.replaceChildren(...lines.map((l) => h('li', {}, l)));
  };
  life.subscribe(
    (s) => s.sim.capacity,
    () => renderStatus(),
  );
  const update = (m: NameMode) => {
    mode = m;
    for (const [, , c] of parts) c.update(m);
    renderStatus();
  };
  update(mode);
  return {
    root,
    update,
    destroy: () => {
      for (const [, , c] of parts) c.destroy();
      life.destroy();
    },
  };
}
