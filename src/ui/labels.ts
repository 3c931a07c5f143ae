/**
 * Short labels for things in option lists and buttons, in the Rosetta mode: the i18n names
 * ("territory 1b-2", "portal 1b") or AWS's ids, or both.
 */
import { byMode } from '../i18n/lexicon.ts';
import { arnId, developmentName, planName, portalName, territoryName } from '../i18n/names.ts';
import type { SimState } from '../model/index.ts';
import type { NameMode } from '../store/create-game-store.ts';

export function zoneLabel(_sim: SimState, zone: string, mode: NameMode): string {
  return portalName(zone, mode);
}

export function territoryLabel(sim: SimState, instanceId: string, mode: NameMode): string {
  return byMode(mode, territoryName(sim, instanceId), instanceId);
}

export function developmentLabel(sim: SimState, taskArn: string, mode: NameMode): string {
  return byMode(mode, developmentName(sim, taskArn), arnId(taskArn));
}

export function planLabel(edition: string, mode: NameMode): string {
  return planName(edition, mode);
}
