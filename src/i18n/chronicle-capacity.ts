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
const n = (v: unknown): number => (typeof v === 'number' ? v : 0);
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
  const d: Readonly<Record<string, unknown>> = event.data;
  const aws = mode === 'aws';
  const party = (name: string) => byMode(mode, `survey party ${name}`, `Auto Scaling group ${name}`);
  switch (event.type) {
    case 'launchTemplate/created':
      return line(
        aws
          ? `Launch template ${s(d.name)} version ${n(d.version)} created`
          : `${byMode(mode, 'survey order', 'launch template')} ${s(d.name)} (edition ${n(d.version)}) is written`,
        'info',
      );
    case 'autoScalingGroup/created':
      return line(
        aws
          ? `Auto Scaling group ${s(d.name)} created: desired ${n(d.desiredCapacity)} (min ${n(d.minSize)}, max ${n(d.maxSize)})`
          : `${party(s(d.name))} is formed: keep ${n(d.desiredCapacity)} territories (${n(d.minSize)} to ${n(d.maxSize)})`,
        'good',
      );
    case 'autoScalingGroup/updated':
      return line(
        aws
          ? `Auto Scaling group ${s(d.name)}: desired ${n(d.desiredCapacity)} (min ${n(d.minSize)}, max ${n(d.maxSize)})`
          : `${party(s(d.name))} now keeps ${n(d.desiredCapacity)} territories (${n(d.minSize)} to ${n(d.maxSize)})`,
        'info',
      );
    case 'autoScalingGroup/deleted':
      return line(
        aws ? `Auto Scaling group ${s(d.name)} deleted` : `${party(s(d.name))} is disbanded`,
        'warn',
      );
    case 'autoScalingGroup/activity': {
      if (aws) return line(s(d.description), d.kind === 'launch' ? 'good' : 'info');
      const land = territoryName(sim, s(d.instanceId));
      return d.kind === 'launch'
        ? line(
            `${party(s(d.group))} erects territory ${land} in portal ${zoneCodeOf(s(d.availabilityZone))}`,
            'good',
          )
        : line(`${party(s(d.group))} abandons territory ${land}`, 'info');
    }
    case 'capacityProvider/created':
      return line(
        aws
          ? `Capacity provider ${s(d.name)} created on Auto Scaling group ${s(d.autoScalingGroup)}`
          : `${providerWords(s(d.name), mode)} is chartered over ${party(s(d.autoScalingGroup))}`,
        'good',
      );
    case 'capacityProvider/updated':
      return line(
        aws ? `Capacity provider ${s(d.name)} updated` : `${providerWords(s(d.name), mode)} takes new rules`,
        'info',
      );
    case 'capacityProvider/deleted':
      return line(
        aws ? `Capacity provider ${s(d.name)} deleted` : `${providerWords(s(d.name), mode)} is dissolved`,
        'warn',
      );
    case 'capacityProvider/scaled': {
      const r = Math.round(n(d.reservation));
      const t = n(d.targetCapacity);
      const up = n(d.to) > n(d.from);
      if (aws)
        return line(
          `CapacityProviderReservation ${r}% ${up ? 'above' : 'below'} the target ${t}%: capacity provider ${s(d.capacityProvider)} sets the desired capacity of ${s(d.group)} from ${n(d.from)} to ${n(d.to)}`,
          up ? 'good' : 'info',
        );
      return line(
        up
          ? `${providerWords(s(d.capacityProvider), mode)} finds no room (${r}% of ${t}%): ${n(d.to) - n(d.from)} more territories are coming`
          : `${providerWords(s(d.capacityProvider), mode)} sees idle territories (${r}% of ${t}%): ${n(d.from) - n(d.to)} will be let go`,
        up ? 'good' : 'info',
      );
    }
    case 'cluster/capacityProvidersSet': {
      const list = Array.isArray(d.capacityProviders) ? (d.capacityProviders as unknown[]).map(s) : [];
      const words = list.length
        ? list.map((p) => providerWords(p, mode)).join(', ')
        : aws
          ? 'none'
          : 'no one';
      return line(
        aws
          ? `Cluster ${s(d.cluster)} capacity providers: ${words}`
          : `${byMode(mode, `kingdom ${s(d.cluster)}`, `cluster ${s(d.cluster)}`)} now calls on ${words}`,
        'info',
      );
    }
    case 'task/awaitingCapacity':
      return line(
        aws
          ? `Task ${shortArnId(s(d.taskArn))} waits in PROVISIONING for capacity provider ${s(d.capacityProvider)}`
          : `development ${developmentName(sim, s(d.taskArn))} waits: no room yet, ${providerWords(s(d.capacityProvider), mode)} is told`,
        'warn',
      );
    case 'task/spotInterrupted':
      return line(
        aws
          ? `Task ${shortArnId(s(d.taskArn))}: Spot interruption notice, stopping at ${clock(sim, n(d.stopsAt))} (Your Spot Task was interrupted.)`
          : `the planet reclaims the Spot land of development ${developmentName(sim, s(d.taskArn))}: two minutes' warning (it falls at ${clock(sim, n(d.stopsAt))})`,
        'bad',
      );
    default:
      return null;
  }
}
