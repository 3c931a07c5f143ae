/**
 * A class plan turned into what the game plays: each storm becomes the `sim:` call it stands for, and
 * a level from the plan carries the storms as scripted events (src/levels/script.ts) timed so they
 * fall at the plan's second on the game's clock (the clock counts from the world's start, which
 * includes the level's settling time). A sandbox class's storms are free play's own script
 * (src/session, createSession's `script`), timed from the sandbox world's start.
 *
 * The calls are AWS's outside-the-API events the model already knows: sim:FailAvailabilityZone,
 * sim:RestoreAvailabilityZone, and sim:SetBehavior on a task definition revision (ErrorRate 0-1).
 * A failing-edition storm whose edition does not exist yet is refused by the model like any call
 * naming an unknown task definition, identically in every student's world.
 */
import type { Level, ScriptedEvent } from '../levels/index.ts';
import type { Call } from '../model/index.ts';
import { DEFAULT_REGION } from '../model/index.ts';
import type { ClassPlan, Storm } from './class-code.ts';

export function stormCall(storm: Storm, region: string): Call {
  switch (storm.kind) {
    case 'zoneDown':
      return { action: 'sim:FailAvailabilityZone', input: { availabilityZone: region + storm.zone } };
    case 'zoneUp':
      return { action: 'sim:RestoreAvailabilityZone', input: { availabilityZone: region + storm.zone } };
    case 'failingEdition':
      return {
        action: 'sim:SetBehavior',
        input: { TaskDefinition: `${storm.family}:${storm.revision}`, ErrorRate: storm.errorPercent / 100 },
      };
  }
}

/** A class's storms as scripted events, each `delaySeconds` after its world's start minus `settled`. */
function stormEvents(plan: ClassPlan, region: string, settled: number): ScriptedEvent[] {
  return plan.storms.map((s) => ({
    after: 'start',
    delaySeconds: Math.max(0, s.at - settled),
    call: stormCall(s, region),
    note: 'class storm',
  }));
}

/** A sandbox class's storms, for free play's own script (the sandbox world has no settling time). */
export function classSandboxScript(plan: ClassPlan, region: string = DEFAULT_REGION): ScriptedEvent[] {
  return stormEvents(plan, region, 0);
}

/** The level as the class plays it: the plan's seed (0 keeps the level's own) and the storms added. */
export function classLevel(def: Level, plan: ClassPlan): Level {
  const region = def.scenario.region ?? DEFAULT_REGION;
  const settled = Math.max(0, Math.floor(def.scenario.settle ?? 0));
  const storms = stormEvents(plan, region, settled);
  return {
    ...def,
    scenario: { ...def.scenario, seed: plan.seed === 0 ? def.scenario.seed : plan.seed },
    script: [...(def.script ?? []), ...storms],
  };
}
