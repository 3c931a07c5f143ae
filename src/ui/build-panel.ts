/**
 * The Build panel (left): one disclosure per order the player can give, each a form that shows the
 * real API call it will make. Only one is open at a time (an exclusive accordion), so the panel stays
 * short enough for a laptop and a projector. The forms' lists follow the world; what the player typed
 * stays. In a level only the sections the level allows are shown (its `allowed` panel ids); free play
 * shows them all. A section's id is a PanelId of src/levels/types.ts.
 */
import { T } from '../i18n/messages.ts';
import type { PanelId } from '../levels/types.ts';
import type { GameStore, NameMode } from '../store/create-game-store.ts';
import { lifetime } from './component.ts';
import { applyNames, breakable, h, scrollToTop, words } from './dom.ts';
import { createCapacitySection } from './forms/capacity-section.ts';
import { createDecreeForm } from './forms/decree-form.ts';
import { createDevelopForm } from './forms/develop-form.ts';
import { createDisasterForms } from './forms/disaster-forms.ts';
import { createDrainForm } from './forms/drain-form.ts';
import { createGateSection } from './forms/gate-form.ts';
import { createGrowthForm } from './forms/growth-form.ts';
import { createPlanForm } from './forms/plan-form.ts';
import { createTerritorySection } from './forms/release-form.ts';
import { type BuildSection, RENOVATION_SECTIONS } from './forms/renovation-sections.ts';
import { createTrafficForm } from './forms/traffic-form.ts';
import { createWatchtowerForm } from './forms/watchtower-form.ts';

const SECTIONS: BuildSection[] = [
  {
    id: 'territory',
    title: 'build.territory',
    action: 'ec2:RunInstances',
    create: createTerritorySection,
  },
  {
    id: 'plan',
    title: 'build.plan',
    action: 'ecs:RegisterTaskDefinition',
    create: createPlanForm,
  },
  {
    id: 'develop',
    title: 'build.develop',
    action: 'ecs:RunTask',
    create: createDevelopForm,
  },
  {
    id: 'decree',
    title: 'build.decree',
    action: 'ecs:CreateService',
    create: createDecreeForm,
  },
  {
    id: 'capacity',
    title: 'build.capacity',
    action: 'autoscaling:* · ecs:*CapacityProvider*',
    create: createCapacitySection,
  },
  {
    id: 'drain',
    title: 'build.drain',
    action: 'ecs:UpdateContainerInstancesState',
    create: createDrainForm,
  },
  {
    id: 'gate',
    title: 'build.gate',
    action: 'elbv2:*',
    create: createGateSection,
  },
  {
    id: 'traffic',
    title: 'build.traffic',
    action: 'sim:SetTraffic · sim:SetBehavior',
    create: createTrafficForm,
  },
  {
    id: 'watchtower',
    title: 'build.watchtower',
    action: 'cloudwatch:PutMetricAlarm',
    create: createWatchtowerForm,
  },
  ...RENOVATION_SECTIONS,
  {
    id: 'growth',
    title: 'build.growth',
    action: 'application-autoscaling:*',
    create: createGrowthForm,
  },
  {
    id: 'disasters',
    title: 'build.disasters',
    action: 'sim:*',
    create: createDisasterForms,
  },
];

export function bindBuildPanel(container: HTMLElement, store: GameStore): () => void {
  const forms = SECTIONS.map((s, i) => {
    let form = s.create(store);
    const details = h(
      'details',
      { class: 'build-section', name: 'build', 'data-section': s.id, open: i === 0 },
      h(
        'summary',
        {},
        h('h3', { class: 'section-title' }, words(...T.pair(s.title), store.getState().ui.names)),
        // A line may break after the service's colon (ecs:<wbr>UpdateContainerInstancesState).
        h('code', { class: 'section-action' }, ...breakable(s.action)),
      ),
      form.root,
    );
    // The exclusive accordion closes the section above as this one opens, which can leave the new
    // one scrolled past its top: bring its top into view when it is not in the panel's upper half.
    details.addEventListener('toggle', () => {
      const panel = details.closest<HTMLElement>('.panel');
      if (!details.open || !panel) return;
      const top = details.getBoundingClientRect().top - panel.getBoundingClientRect().top;
      if (top < 0 || top > panel.clientHeight / 2) scrollToTop(details, panel);
    });
    return {
      details,
      id: s.id,
      form: () => form,
      /** A fresh form: what a player typed in one world is not carried into another. */
      renew() {
        const next = s.create(store);
        form.destroy();
        form.root.replaceWith(next.root);
        form = next;
      },
    };
  });
  const nothing = h('p', { class: 'hint build-nothing' }, words(...T.pair('build.nothing')));
  nothing.hidden = true;
  container.append(...forms.map((f) => f.details), nothing);

  let lastMode: NameMode | null = null;
  let lastAllowed: readonly PanelId[] | null | undefined;
  // Free play and each level start from the forms' own defaults, never from the last level's settings
  // (a bare charter chosen in level 2 would make free play's territories never join their kingdom).
  let lastLevel: string | null = store.getState().level?.id ?? null;
  const gate = (allowed: readonly PanelId[] | null) => {
    const visible = forms.filter((f) => {
      const shown = allowed === null || allowed.includes(f.id);
      f.details.hidden = !shown;
      if (!shown) f.details.open = false;
      return shown;
    });
    // Keep one section open when the one that was open has just been hidden.
    nothing.hidden = visible.length > 0;
    // A level may name the section to open first (its main form, see Level.firstPanel).
    const preferred = visible.find((f) => f.id === store.getState().level?.def.firstPanel);
    if (preferred) for (const f of visible) f.details.open = f === preferred;
    const first = visible[0];
    if (first && !visible.some((f) => f.details.open)) first.details.open = true;
  };
  const render = () => {
    const { ui, level } = store.getState();
    const mode = ui.names;
    if ((level?.id ?? null) !== lastLevel) {
      lastLevel = level?.id ?? null;
      for (const f of forms) f.renew();
      lastMode = null;
      // A new level or free play opens the panel at its top, not where the last world left it.
      const panel = container.closest<HTMLElement>('.panel');
      if (panel) panel.scrollTop = 0;
    }
    if (mode !== lastMode) {
      applyNames(container, mode);
      lastMode = mode;
    }
    const allowed = level ? level.def.allowed : null;
    if (allowed !== lastAllowed) {
      gate(allowed);
      lastAllowed = allowed;
    }
    for (const f of forms) if (!f.details.hidden) f.form().update(mode);
  };
  const life = lifetime(store);
  life.own(() => {
    for (const f of forms) f.form().destroy();
  });
  life.live(
    [
      (s) => s.sim.clusters,
      (s) => s.sim.instances,
      (s) => s.sim.containerInstances,
      (s) => s.sim.taskDefinitions,
      (s) => s.sim.services,
      (s) => s.sim.tasks,
      (s) => s.sim.impairedZones,
      (s) => s.sim.capacity,
      (s) => s.ui.names,
      (s) => s.ui.region,
      (s) => s.level?.def.allowed,
      (s) => s.level?.id,
    ],
    render,
  );
  render();
  return life.destroy;
}
