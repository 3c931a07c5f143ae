/**
 * What the forms offer, read from the world: zones, sizes, charters and subnets through read calls
 * (store.query: the same answers the CLI would get, unlogged), and the kingdom's own things (kingdoms,
 * plans, decrees, territories, developments) from the state.
 */

import { parsePlan } from '../../i18n/names.ts';
import type { GameStore } from '../../store/create-game-store.ts';
import type { Here } from '../../store/view-region.ts';

export const ECS_AMI_PARAMETER = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';
export const PLAIN_AMI_PARAMETER = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64';

export interface ZoneInfo {
  name: string;
  state: string;
  message: string;
}

export function zones(store: GameStore): ZoneInfo[] {
  const r = store.getState().query({ action: 'ec2:DescribeAvailabilityZones', input: {} });
  if ('error' in r) return [];
  return (r.output.AvailabilityZones ?? []).map((z) => ({
    name: z.ZoneName ?? '',
    state: z.State ?? '',
    message: z.Messages?.[0]?.Message ?? '',
  }));
}

/** The zones of the player's region that offer an instance type (ec2:DescribeInstanceTypeOfferings). */
export function offeringZones(store: GameStore, instanceType: string): string[] {
  const r = store.getState().query({
    action: 'ec2:DescribeInstanceTypeOfferings',
    input: {
      LocationType: 'availability-zone',
      Filters: [{ Name: 'instance-type', Values: [instanceType] }],
    },
  });
  if ('error' in r) return [];
  return (r.output.InstanceTypeOfferings ?? []).map((o) => o.Location ?? '');
}

export interface SizeInfo {
  type: string;
  vcpus: number;
  memoryMiB: number;
}

export function sizes(store: GameStore): SizeInfo[] {
  const r = store.getState().query({ action: 'ec2:DescribeInstanceTypes', input: {} });
  if ('error' in r) return [];
  return (r.output.InstanceTypes ?? []).map((t) => ({
    type: t.InstanceType ?? '',
    vcpus: t.VCpuInfo?.DefaultVCpus ?? 0,
    memoryMiB: t.MemoryInfo?.SizeInMiB ?? 0,
  }));
}

export function parameter(store: GameStore, name: string): string | null {
  const r = store.getState().query({ action: 'ssm:GetParameter', input: { Name: name } });
  if ('error' in r) return null;
  return r.output.Parameter?.Value ?? null;
}

export interface SubnetInfo {
  id: string;
  zone: string;
}

export function subnets(store: GameStore): SubnetInfo[] {
  const r = store.getState().query({ action: 'ec2:DescribeSubnets', input: {} });
  if ('error' in r) return [];
  return (r.output.Subnets ?? [])
    .map((s) => ({ id: s.SubnetId ?? '', zone: s.AvailabilityZone ?? '' }))
    .sort((a, b) => a.zone.localeCompare(b.zone));
}

/** Plan editions (family:revision), newest first within a family, families A-Z. */
export function planEditions(store: GameStore): string[] {
  const r = store.getState().query({ action: 'ecs:ListTaskDefinitions', input: { status: 'ACTIVE' } });
  if ('error' in r) return [];
  const arns = r.output.taskDefinitionArns ?? [];
  return arns
    .map((arn) => arn.slice(arn.lastIndexOf('/') + 1))
    .sort((a, b) => {
      const [fa, ra] = splitEdition(a);
      const [fb, rb] = splitEdition(b);
      return fa.localeCompare(fb) || rb - ra;
    });
}

/** "mill:2" as [family, revision] (one parser of plan references: i18n's parsePlan). */
export function splitEdition(edition: string): [string, number] {
  const { family, revision } = parsePlan(edition);
  return [family, revision];
}

export function activeClusters({ sim, ui }: Here): string[] {
  return Object.values(sim.clusters)
    .filter((c) => c.region === ui.region && c.status === 'ACTIVE')
    .sort((a, b) => a.createdAt - b.createdAt || a.clusterName.localeCompare(b.clusterName))
    .map((c) => c.clusterName);
}

export function clusterArnOf({ sim, ui }: Here, name: string): string | undefined {
  return Object.values(sim.clusters).find(
    (c) => c.region === ui.region && c.clusterName === name && c.status === 'ACTIVE',
  )?.clusterArn;
}

/** The kingdom the panels work in: the player's (ui.cluster) when founded, else the oldest one. */
export function currentKingdom(store: GameStore): string {
  const { ui } = store.getState();
  const all = activeClusters(store.getState());
  return all.includes(ui.cluster) ? ui.cluster : (all[0] ?? ui.cluster);
}

/** Territories (EC2 instances) of the region not yet terminated, oldest first. */
export function liveInstances({ sim, ui }: Here) {
  return sim.instances
    .values()
    .filter((i) => i.region === ui.region && i.state !== 'terminated')
    .sort((a, b) => a.launchTime - b.launchTime || a.instanceId.localeCompare(b.instanceId));
}

/** Developments (tasks) of a cluster that are not stopped, oldest first. */
export function liveTasks(here: Here, clusterName?: string) {
  const arn = clusterName ? clusterArnOf(here, clusterName) : undefined;
  return here.sim.tasks
    .values()
    .filter(
      (t) => t.region === here.ui.region && t.lastStatus !== 'STOPPED' && (!arn || t.clusterArn === arn),
    )
    .sort((a, b) => a.createdAt - b.createdAt || a.taskArn.localeCompare(b.taskArn));
}

export function activeServices(here: Here, clusterName?: string) {
  const arn = clusterName ? clusterArnOf(here, clusterName) : undefined;
  return here.sim.services
    .values()
    .filter((s) => s.region === here.ui.region && s.status !== 'INACTIVE' && (!arn || s.clusterArn === arn))
    .sort((a, b) => a.createdAt - b.createdAt || a.serviceName.localeCompare(b.serviceName));
}
