/**
 * Chronicle lines for capacity: survey orders (launch templates), survey parties (Auto Scaling groups)
 * erecting and abandoning territories, the surveyors' guild (capacity providers) deciding to grow or
 * shrink, developments waiting for room, and Spot lands reclaimed. In AWS mode the group's activities
 * are Auto Scaling's own descriptions ("Launching a new EC2 instance: i-0ab..."). chronicle.ts dispatches
 * here for these event types.
 */
import type { SimState } from '../model/index.ts';
import type { ChronicleEvent, ChronicleLine, Tone } from './chronicle.ts';
import { byMode, capitalize, type NameMode } from './lexicon.ts';
import { developmentName, shortArnId, territoryName, zoneCodeOf } from './names.ts';

/** The capacity event types, and whether each writes a line. */
export const CAPACITY_EVENT_TYPES: Readonly<Record<string, boolean>> = {
  'launchTemplate/created': true,
  'autoScalingGroup/created': true,
  'autoScalingGroup/updated': true,
  'autoScalingGroup/deleted': true,
  'autoScalingGroup/activity': true,
  'capacityProvider/created': true,
  'capacityProvider/updated': true,
  'capacityProvider/deleted': true,
  'capacityProvider/scaled': true,
  'cluster/capacityProvidersSet': true,
  'task/awaitingCapacity': true,
  'task/spotInterrupted': true,
};

const s = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));
const line = (text: string, tone: Tone): ChronicleLine => ({ text: capitalize(text), tone });

/** FARGATE and FARGATE_SPOT in story words; other providers are guilds by name. */
export function providerWords(name: string, mode: NameMode): string {
  if (name === 'FARGATE') return byMode(mode, 'managed lands', 'FARGATE');
  if (name === 'FARGATE_SPOT') return byMode(mode, 'Spot lands', 'FARGATE_SPOT');
  return byMode(mode, `surveyors' guild ${name}`, `capacity provider ${name}`);
}

function clock(sim: SimState, t: number): string {
  const secs = Math.max(0, t - sim.startedAt);
  const hh = String(Math.floor(secs / 3600)).padStart(2, '0');
  const mm = String(Math.floor((secs % 3600) / 60)).padStart(2, '0');
  const ss = String(secs % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}`;
}

export function capacityLine(event: ChronicleEvent, sim: SimState, mode: NameMode): ChronicleLine | null {
  const aws = mode === 'aws';
  const party = (name: string) => byMode(mode, `survey party ${name}`, `Auto Scaling group ${name}`);
  switch (event.type) {
    case 'launchTemplate/created':
      return line(
        aws
          ? `Launch template ${event.data.name} version ${event.data.version} created`
          : `${byMode(mode, 'survey order', 'launch template')} ${event.data.name} (edition ${event.data.version}) is written`,
        'info',
      );
    case 'autoScalingGroup/created':
      return line(
        aws
          ? `Auto Scaling group ${event.data.name} created: desired ${event.data.desiredCapacity} (min ${event.data.minSize}, max ${event.data.maxSize})`
          : `${party(event.data.name)} is formed: keep ${event.data.desiredCapacity} territories (${event.data.minSize} to ${event.data.maxSize})`,
        'good',
      );
    case 'autoScalingGroup/updated':
      return line(
        aws
          ? `Auto Scaling group ${event.data.name}: desired ${event.data.desiredCapacity} (min ${event.data.minSize}, max ${event.data.maxSize})`
          : `${party(event.data.name)} now keeps ${event.data.desiredCapacity} territories (${event.data.minSize} to ${event.data.maxSize})`,
        'info',
      );
    case 'autoScalingGroup/deleted':
      return line(
        aws ? `Auto Scaling group ${event.data.name} deleted` : `${party(event.data.name)} is disbanded`,
        'warn',
      );
    case 'autoScalingGroup/activity': {
      if (aws) return line(event.data.description, event.data.kind === 'launch' ? 'good' : 'info');
      const land = territoryName(sim, event.data.instanceId);
      return event.data.kind === 'launch'
        ? line(
            `${party(event.data.group)} erects territory ${land} in portal ${zoneCodeOf(event.data.availabilityZone)}`,
            'good',
          )
        : line(`${party(event.data.group)} abandons territory ${land}`, 'info');
    }
    case 'capacityProvider/created':
      return line(
        aws
          ? `Capacity provider ${event.data.name} created on Auto Scaling group ${event.data.autoScalingGroup}`
          : `${providerWords(event.data.name, mode)} is chartered over ${party(event.data.autoScalingGroup)}`,
        'good',
      );
    case 'capacityProvider/updated':
      return line(
        aws
          ? `Capacity provider ${event.data.name} updated`
          : `${providerWords(event.data.name, mode)} takes new rules`,
        'info',
      );
    case 'capacityProvider/deleted':
      return line(
        aws
          ? `Capacity provider ${event.data.name} deleted`
          : `${providerWords(event.data.name, mode)} is dissolved`,
        'warn',
      );
    case 'capacityProvider/scaled': {
      const r = Math.round(event.data.reservation);
      const t = event.data.targetCapacity;
      const up = event.data.to > event.data.from;
      if (aws)
        return line(
          `CapacityProviderReservation ${r}% ${up ? 'above' : 'below'} the target ${t}%: capacity provider ${event.data.capacityProvider} sets the desired capacity of ${event.data.group} from ${event.data.from} to ${event.data.to}`,
          up ? 'good' : 'info',
        );
      return line(
        up
          ? `${providerWords(event.data.capacityProvider, mode)} finds no room (${r}% of ${t}%): ${event.data.to - event.data.from} more territories are coming`
          : `${providerWords(event.data.capacityProvider, mode)} sees idle territories (${r}% of ${t}%): ${event.data.from - event.data.to} will be let go`,
        up ? 'good' : 'info',
      );
    }
    case 'cluster/capacityProvidersSet': {
      const list = Array.isArray(event.data.capacityProviders)
        ? (event.data.capacityProviders as unknown[]).map(s)
        : [];
      const words = list.length
        ? list.map((p) => providerWords(p, mode)).join(', ')
        : aws
          ? 'none'
          : 'no one';
      return line(
        aws
          ? `Cluster ${event.data.cluster} capacity providers: ${words}`
          : `${byMode(mode, `kingdom ${event.data.cluster}`, `cluster ${event.data.cluster}`)} now calls on ${words}`,
        'info',
      );
    }
    case 'task/awaitingCapacity':
      return line(
        aws
          ? `Task ${shortArnId(event.data.taskArn)} waits in PROVISIONING for capacity provider ${event.data.capacityProvider}`
          : `development ${developmentName(sim, event.data.taskArn)} waits: no room yet, ${providerWords(event.data.capacityProvider, mode)} is told`,
        'warn',
      );
    case 'task/spotInterrupted':
      return line(
        aws
          ? `Task ${shortArnId(event.data.taskArn)}: Spot interruption notice, stopping at ${clock(sim, event.data.stopsAt)} (Your Spot Task was interrupted.)`
          : `the planet reclaims the Spot land of development ${developmentName(sim, event.data.taskArn)}: two minutes' warning (it falls at ${clock(sim, event.data.stopsAt)})`,
        'bad',
      );
    default:
      return null;
  }
}
