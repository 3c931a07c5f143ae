/** A class's storms in words, in Nozama's story and in AWS's terms (the Class page and the game). */
import type { Storm } from '../../classroom/index.ts';
import { DEFAULT_REGION } from '../../model/index.ts';
import { formatElapsed } from '../format.ts';

export function stormWords(storm: Storm, region = DEFAULT_REGION): { nozama: string; aws: string } {
  const at = `at ${formatElapsed(storm.at)}`;
  const zone = region + (storm.kind === 'failingEdition' ? '' : storm.zone);
  switch (storm.kind) {
    case 'zoneDown':
      return {
        nozama: `${at}, portal 1${storm.zone} collapses`,
        aws: `${at}, Availability Zone ${zone} fails (sim:FailAvailabilityZone)`,
      };
    case 'zoneUp':
      return {
        nozama: `${at}, portal 1${storm.zone} opens again`,
        aws: `${at}, Availability Zone ${zone} recovers (sim:RestoreAvailabilityZone)`,
      };
    case 'failingEdition':
      return {
        nozama: `${at}, edition ${storm.revision} of plan ${storm.family} starts failing ${storm.errorPercent}% of requests`,
        aws: `${at}, task definition ${storm.family}:${storm.revision} fails ${storm.errorPercent}% of requests (sim:SetBehavior)`,
      };
  }
}
