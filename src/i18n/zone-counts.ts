/**
 * One projection of a zone's counts, for every surface that shows them: the kingdom scene's line under
 * each zone (src/game/kingdom-model.ts, ZoneView) and the world summary that screen readers read
 * (src/ui/world-summary.ts). Counted from the state once, worded from the message catalog.
 */
import type { SimState } from '../model/index.ts';
import { T } from './messages.ts';

/** What stands in one zone. */
export interface ZoneCounts {
  /** Instances not terminated. */
  territories: number;
  /** Instances whose container instance is registered and not INACTIVE. */
  castles: number;
  /** Tasks not STOPPED, on instances and on managed capacity (Fargate). */
  developments: number;
  /** Of those, RUNNING. */
  running: number;
  /** Tasks not STOPPED on managed capacity. */
  managed: number;
}

/** The counts from the instances and tasks that stand in the zone (anything with a zone and a status). */
export function countZone(
  instances: readonly { state: string; castle: boolean }[],
  tasks: readonly { status: string; managed: boolean }[],
): ZoneCounts {
  const standing = tasks.filter((t) => t.status !== 'STOPPED');
  return {
    territories: instances.filter((i) => i.state !== 'terminated').length,
    castles: instances.filter((i) => i.castle).length,
    developments: standing.length,
    running: standing.filter((t) => t.status === 'RUNNING').length,
    managed: standing.filter((t) => t.managed).length,
  };
}

/** The counts of one zone straight from the state (the kingdom scene counts its model with countZone). */
export function zoneCountsIn(sim: SimState, region: string, zone: string): ZoneCounts {
  const here = (x: { region: string; availabilityZone: string }) =>
    x.region === region && x.availabilityZone === zone;
  const instances = sim.instances
    .values()
    .filter(here)
    .map((i) => {
      const ci = i.containerInstanceArn ? sim.containerInstances.get(i.containerInstanceArn) : undefined;
      return { state: i.state, castle: i.hasAgent && ci !== undefined && ci.status !== 'INACTIVE' };
    });
  const tasks = sim.tasks
    .values()
    .filter(here)
    .map((t) => ({ status: t.lastStatus, managed: t.ec2InstanceId === null }));
  return countZone(instances, tasks);
}

/** The counts as parts to join on one line (or two when the zone is narrow): "2 territories", ... */
export function zoneCountsParts(c: ZoneCounts): string[] {
  const parts = [
    T.t('world.territories', { count: c.territories }),
    c.running < c.developments
      ? T.t('world.developmentsRunning', { count: c.developments, running: c.running })
      : T.t('world.developments', { count: c.developments }),
  ];
  if (c.managed > 0) parts.push(T.t('world.managed', { count: c.managed }));
  return parts;
}

/** The world summary's sentence for one zone. */
export function zoneSummaryLine(zone: string, c: ZoneCounts, dark: boolean): string {
  const counts = zoneCountsParts(c).join(', ');
  return T.t(dark ? 'world.zoneDark' : 'world.zone', { zone, counts });
}
