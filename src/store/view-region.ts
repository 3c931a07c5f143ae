/**
 * The region the player works in (ui.region), as calls and lists see it. A call to the world's own region
 * carries no `region`, as a CLI whose configured region is that one (`aws configure`); a call to another
 * region carries it, which the CLI writes as `--region` and the model reads from the Call.
 */
import type { Call, SimState } from '../model/index.ts';

/** The store's state as far as the region is concerned (GameStoreState is one). */
export interface Here {
  sim: SimState;
  ui: { region: string };
}

/** The call addressed to the player's region (a call that names its region keeps it). */
export function inViewRegion(here: Here, call: Call): Call {
  if (call.region !== undefined || here.ui.region === here.sim.defaultRegion) return call;
  return { ...call, region: here.ui.region };
}
