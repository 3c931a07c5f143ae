/**
 * The Inspector's buildings card for a selected development: the order its buildings rose in (dependsOn),
 * what each waits for, and the lord's herald's verdict on each (container health checks), naming the check
 * that failed when a decree tore the development down. Words from src/i18n/buildings.ts.
 */
import { buildingsCard } from '../i18n/buildings.ts';
import type { SimState } from '../model/index.ts';
import type { NameMode, Selection } from '../store/create-game-store.ts';
import { h, pick, setText, uid } from './dom.ts';

export interface BuildingsSection {
  root: HTMLElement;
  render(sim: SimState, sel: Selection | null, mode: NameMode): void;
}

export function buildingsSection(): BuildingsSection {
  const titleId = uid('buildings');
  const title = h('h4', { id: titleId });
  const headline = h('p', { class: 'why-headline' });
  const list = h('ol', { class: 'why-reasons buildings-order' });
  const root = h(
    'section',
    { class: 'why-card buildings-card', 'aria-labelledby': titleId, 'data-role': 'buildings-card' },
    title,
    headline,
    list,
  );
  root.hidden = true;
  return {
    root,
    render(sim, sel, mode) {
      const task = sel?.kind === 'task' ? sim.tasks.get(sel.id) : undefined;
      const card = task ? buildingsCard(sim, task, mode) : null;
      root.hidden = card === null;
      if (!card) return;
      const key = JSON.stringify([card, mode]);
      if (root.dataset.key === key) return;
      root.dataset.key = key;
      setText(
        title,
        pick(
          'Its buildings: the order they rose, the lord’s herald',
          'Containers: start order and health checks',
          mode,
        ),
      );
      setText(headline, card.headline);
      // The rows are numbered in the text already (the rising order).
      list.replaceChildren(...card.reasons.map((r) => h('li', {}, r)));
    },
  };
}
