/**
 * The names players see for things in the world, in each name mode.
 *
 * Territories are named by their portal and launch order: "1b-2" is the second instance launched in
 * za-southwest-1b (the region's digit, the zone letter, the 1-based launch index in the zone). The
 * index counts every instance of the zone still in the state, terminated ones included, so a name
 * holds for as long as the instance is in the state (EC2 keeps terminated instances for about an
 * hour; a name shifts only when an older instance of the same zone leaves the state).
 * Developments are named after their plan and a short id ("bakery·3f2a"), plans by family and edition.
 */

import type { AwsThing } from '../cli/index.ts';
import type { Ec2Instance, SimState, TaskDefinition } from '../model/index.ts';
import { regionOfZone } from '../model/index.ts';
import { byMode, type NameMode, term } from './lexicon.ts';

/** "1a" for za-southwest-1a: the digit of the region and the zone letter. */
export function zoneCode(region: string, zone: string): string {
  const digit = /(\d+)$/.exec(region)?.[1] ?? '';
  return digit + zone.slice(region.length);
}

/** "1b" for any zone name, finding its region in the catalog. */
export function zoneCodeOf(zone: string): string {
  const region = regionOfZone(zone);
  return region ? zoneCode(region, zone) : zone;
}

/** Launch order: launch time, then the index within one RunInstances call, then the id. */
export function byLaunch(a: Ec2Instance, b: Ec2Instance): number {
  return a.region.localeCompare(b.region) || a.zoneOrdinal - b.zoneOrdinal;
}

// The instances collection is replaced whenever it changes (copy on write), so it keys a pure cache.
const namesCache = new WeakMap<object, ReadonlyMap<string, string>>();

/** Every instance's territory name ("1b-2"), by instance id, over all regions. */
export function territoryNames(sim: SimState): ReadonlyMap<string, string> {
  const cached = namesCache.get(sim.instances);
  if (cached) return cached;
  // The model numbers instances per zone in launch order, never reusing a number: names never shift.
  const names = new Map<string, string>();
  for (const inst of sim.instances.values()) {
    names.set(inst.instanceId, `${zoneCode(inst.region, inst.availabilityZone)}-${inst.zoneOrdinal}`);
  }
  namesCache.set(sim.instances, names);
  return names;
}

/** "i-0ab12c3…": an instance id short enough for a sentence (a prefix of the real one). */
export function shortInstanceId(instanceId: string): string {
  return instanceId.length > 12 ? `${instanceId.slice(0, 10)}…` : instanceId;
}

/** The last segment of an ARN: the id ECS prints in its messages. */
export function arnId(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** "3f2a9c1e…": an ECS id (32 hex digits) short enough for a sentence. */
export function shortArnId(arn: string): string {
  const id = arnId(arn);
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/** The territory name of an instance ("1b-2"), or its short id when it is no longer in the state. */
export function territoryName(sim: SimState, instanceId: string): string {
  return territoryNames(sim).get(instanceId) ?? shortInstanceId(instanceId);
}

/** The territory name of a container instance's host ("1b-2"), or its short id. */
export function castleName(sim: SimState, containerInstanceArn: string): string {
  const ci = sim.containerInstances.get(containerInstanceArn);
  if (ci) return territoryName(sim, ci.ec2InstanceId);
  const inst = sim.instances.values().find((i) => i.containerInstanceArn === containerInstanceArn);
  return inst ? territoryName(sim, inst.instanceId) : shortArnId(containerInstanceArn);
}

/** Finds a container instance by the id ECS prints in its messages (the ARN's last segment). */
export function containerInstanceById(sim: SimState, id: string): string | undefined {
  return sim.containerInstances.keys().find((arn) => arnId(arn) === id);
}

/** family and revision from a task definition ARN or a family:revision reference. */
export function parsePlan(ref: string): { family: string; revision: number } {
  const tail = ref.slice(ref.lastIndexOf('/') + 1);
  const colon = tail.lastIndexOf(':');
  const family = colon > 0 ? tail.slice(0, colon) : tail;
  const revision = colon > 0 ? Number(tail.slice(colon + 1)) || 1 : 1;
  return { family, revision };
}

/** "bakery, edition 2" (nozama), "bakery:2" (aws), "bakery, edition 2 (bakery:2)" (both). */
export function planName(td: TaskDefinition | string, mode: NameMode = 'nozama'): string {
  const { family, revision } =
    typeof td === 'string' ? parsePlan(td) : { family: td.family, revision: td.revision };
  return byMode(mode, `${family}, edition ${revision}`, `${family}:${revision}`);
}

/** "bakery·3f2a": the plan's family and the first digits of the task id. */
export function developmentName(sim: SimState, taskArn: string, taskDefinitionArn?: string): string {
  const tdArn = sim.tasks.get(taskArn)?.taskDefinitionArn ?? taskDefinitionArn;
  const family = tdArn ? parsePlan(tdArn).family : 'development';
  return `${family}·${arnId(taskArn).slice(0, 4)}`;
}

/** "portal 1b" (nozama), "za-southwest-1b" (aws), "portal 1b (za-southwest-1b)" (both). */
export function portalName(zone: string, mode: NameMode = 'nozama'): string {
  return byMode(mode, `portal ${zoneCodeOf(zone)}`, zone);
}

/** The cluster name in a cluster reference (a bare name or an ARN). */
export function clusterNameOf(ref: string): string {
  const m = /:cluster\/(.+)$/.exec(ref);
  return m ? (m[1] as string) : ref;
}

/** The service name in a service reference (a bare name or an ARN, old or new format). */
export function serviceNameOf(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/**
 * A selected thing's title in the chosen mode, e.g. "territory 1b-2", "EC2 instance i-0abc…",
 * "decree mill (service mill)". AWS names use full ids: this is the inspector's heading.
 */
export function displayName(sim: SimState, selection: AwsThing, mode: NameMode = 'nozama'): string {
  const id = selection.id;
  switch (selection.kind) {
    case 'instance':
      return byMode(mode, `territory ${territoryName(sim, id)}`, `EC2 instance ${id}`);
    case 'containerInstance':
      return byMode(mode, `castle ${castleName(sim, id)}`, `container instance ${arnId(id)}`);
    case 'task':
      return byMode(mode, `development ${developmentName(sim, id)}`, `task ${arnId(id)}`);
    case 'service': {
      const name = sim.services.get(id)?.serviceName ?? serviceNameOf(id);
      return byMode(mode, `decree ${name}`, `service ${name}`);
    }
    case 'taskDefinition': {
      const td = sim.taskDefinitions[id];
      return byMode(
        mode,
        `plan ${planName(td ?? id, 'nozama')}`,
        `task definition ${planName(td ?? id, 'aws')}`,
      );
    }
    case 'cluster': {
      const name = sim.clusters[id]?.clusterName ?? clusterNameOf(id);
      return byMode(mode, `kingdom ${name}`, `cluster ${name}`);
    }
    case 'zone':
      return byMode(mode, `portal ${zoneCodeOf(id)}`, `Availability Zone ${id}`);
    default: {
      // Load balancing, alarms and Lambda: the lexicon's word and the name inside the id.
      const name =
        /(?:loadbalancer\/app|targetgroup)\/([^/]+)/.exec(id)?.[1] ?? id.slice(id.lastIndexOf('/') + 1);
      return `${term(selection.kind, mode)} ${name}`;
    }
  }
}
