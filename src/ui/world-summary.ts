/**
 * A text counterpart of the canvas for screen readers (axe cannot see inside a canvas): per zone,
 * how many territories and developments stand there, and whether the zone is dark.
 */

import { zoneNames } from '../model/index.ts';
import type { GameStore } from '../store/create-game-store.ts';
import type { Here } from '../store/view-region.ts';

export function zoneSummaries({ sim, ui }: Here): string[] {
  const region = ui.region;
  return zoneNames(region).map((zone) => {
    const instances = sim.instances
      .values()
      .filter((i) => i.region === region && i.availabilityZone === zone && i.state !== 'terminated');
    const tasks = sim.tasks
      .values()
      .filter((t) => t.region === region && t.availabilityZone === zone && t.lastStatus !== 'STOPPED');
    const running = tasks.filter((t) => t.lastStatus === 'RUNNING').length;
    const dark = sim.impairedZones[zone] ? ' The zone is dark.' : '';
    return `Zone ${zone}: ${instances.length} territories, ${tasks.length} developments (${running} running).${dark}`;
  });
}

export function bindWorldSummary(list: HTMLElement, store: GameStore): () => void {
  let last = '';
  const render = () => {
    const lines = zoneSummaries(store.getState());
    const key = lines.join('\n');
    if (key === last) return;
    last = key;
    list.replaceChildren(
      ...lines.map((line) => {
        const li = document.createElement('li');
        li.textContent = line;
        return li;
      }),
    );
  };
  const offs = [
    store.subscribe((s) => s.sim.instances, render),
    store.subscribe((s) => s.sim.tasks, render),
    store.subscribe((s) => s.sim.impairedZones, render),
    store.subscribe((s) => s.ui.region, render),
  ];
  render();
  return () => {
    for (const off of offs) off();
  };
}
