/**
 * The Build panel (left): one disclosure per order the player can give, each a form that shows the
 * real API call it will make. Only one is open at a time (an exclusive accordion), so the panel stays
 * short enough for a laptop and a projector. The forms' lists follow the world; what the player typed
 * stays.
 */
import type { GameStore, NameMode } from '../store/create-game-store.ts';
import { applyNames, frameScheduler, h, words } from './dom.ts';
import { createDecreeForm } from './forms/decree-form.ts';
import { createDevelopForm } from './forms/develop-form.ts';
import { createDisasterForms } from './forms/disaster-forms.ts';
import { createPlanForm } from './forms/plan-form.ts';
import { createTerritoryForm } from './forms/territory-form.ts';

interface Section {
  id: string;
  title: [string, string];
  action: string;
  create(store: GameStore): { root: HTMLElement; update(mode: NameMode): void };
}

const SECTIONS: Section[] = [
  {
    id: 'territory',
    title: ['Erect a territory', 'Launch a container instance'],
    action: 'ec2:RunInstances',
    create: createTerritoryForm,
  },
  {
    id: 'plan',
    title: ['Draft a plan', 'Register a task definition'],
    action: 'ecs:RegisterTaskDefinition',
    create: createPlanForm,
  },
  {
    id: 'develop',
    title: ['Raise developments', 'Run tasks'],
    action: 'ecs:RunTask',
    create: createDevelopForm,
  },
  {
    id: 'decree',
    title: ['Proclaim a decree', 'Create or update a service'],
    action: 'ecs:CreateService',
    create: createDecreeForm,
  },
  {
    id: 'disasters',
    title: ['Disasters', 'Fault injection'],
    action: 'sim:*',
    create: createDisasterForms,
  },
];

export function bindBuildPanel(container: HTMLElement, store: GameStore): () => void {
  const forms = SECTIONS.map((s, i) => {
    const form = s.create(store);
    const details = h(
      'details',
      { class: 'build-section', name: 'build', 'data-section': s.id, open: i === 0 },
      h(
        'summary',
        {},
        h('h3', { class: 'section-title' }, words(...s.title, store.getState().ui.names)),
        h('code', { class: 'section-action' }, s.action),
      ),
      form.root,
    );
    return { ...form, details };
  });
  container.append(...forms.map((f) => f.details));

  let lastMode: NameMode | null = null;
  const render = () => {
    const mode = store.getState().ui.names;
    if (mode !== lastMode) {
      applyNames(container, mode);
      lastMode = mode;
    }
    for (const f of forms) f.update(mode);
  };
  const scheduler = frameScheduler(render);
  const offs = [
    store.subscribe((s) => s.sim.clusters, scheduler.schedule),
    store.subscribe((s) => s.sim.instances, scheduler.schedule),
    store.subscribe((s) => s.sim.containerInstances, scheduler.schedule),
    store.subscribe((s) => s.sim.taskDefinitions, scheduler.schedule),
    store.subscribe((s) => s.sim.services, scheduler.schedule),
    store.subscribe((s) => s.sim.tasks, scheduler.schedule),
    store.subscribe((s) => s.sim.impairedZones, scheduler.schedule),
    store.subscribe((s) => s.ui.names, scheduler.schedule),
  ];
  render();
  return () => {
    scheduler.cancel();
    for (const off of offs) off();
  };
}
