/** Values the memberOf query builder suggests: what the kingdom's castles actually carry. */
import type { GameStore } from '../../store/create-game-store.ts';
import { zones } from './world.ts';

export function placementSuggestions(store: GameStore): Record<string, string[]> {
  const { sim } = store.getState();
  const out: Record<string, Set<string>> = {};
  const add = (subject: string, value: string) => {
    const set = out[subject] ?? new Set<string>();
    set.add(value);
    out[subject] = set;
  };
  for (const z of zones(store)) add('attribute:ecs.availability-zone', z.name);
  for (const ci of sim.containerInstances.values()) {
    if (ci.region !== store.getState().ui.region || ci.status === 'INACTIVE') continue;
    for (const [name, value] of Object.entries(ci.attributes)) if (value) add(`attribute:${name}`, value);
    add('ec2InstanceId', ci.ec2InstanceId);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}
