/**
 * One projection of a zone's counts: the kingdom scene's line (kingdomModel's counts) and the world
 * summary screen readers read (zoneCountsIn) count the same things, in every level's solved world, and
 * are worded from the catalog with plurals.
 */
import { describe, expect, it } from 'vitest';
import { kingdomModel } from '../../src/game/kingdom-model.ts';
import { zoneCountsIn, zoneCountsParts, zoneSummaryLine } from '../../src/i18n/zone-counts.ts';
import { LEVELS } from '../../src/levels/index.ts';
import { runLevel } from '../../src/session/index.ts';

describe('zone counts', () => {
  it('the kingdom scene and the world summary agree on every zone of every solved level', () => {
    let zonesWithTasks = 0;
    for (const level of LEVELS) {
      const sim = runLevel(level).session.sim;
      const region = sim.defaultRegion;
      for (const zone of kingdomModel(sim, region)) {
        const fromState = zoneCountsIn(sim, region, zone.name);
        // The scene keeps ruins and embers a while; they are not counted by either.
        expect(zone.counts, `${level.id} ${zone.name}`).toEqual(fromState);
        if (fromState.developments > 0) zonesWithTasks++;
      }
    }
    expect(zonesWithTasks).toBeGreaterThan(10);
  });

  it('words the counts with plurals, and names the running ones only when some are not', () => {
    const c = { territories: 1, castles: 1, developments: 3, running: 2, managed: 1 };
    expect(zoneCountsParts(c)).toEqual(['1 territory', '3 developments (2 running)', '1 managed']);
    expect(zoneCountsParts({ ...c, territories: 2, developments: 1, running: 1, managed: 0 })).toEqual([
      '2 territories',
      '1 development',
    ]);
    expect(zoneSummaryLine('za-southwest-1b', c, true)).toBe(
      'Zone za-southwest-1b: 1 territory, 3 developments (2 running), 1 managed. The zone is dark.',
    );
  });
});
