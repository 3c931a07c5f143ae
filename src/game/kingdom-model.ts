/**
 * What the kingdom scene draws, derived from the simulation state: zones, their territories (EC2
 * instances), castles (container instances), developments (tasks) and managed lands (Fargate).
 *
 * Pure and Phaser-free: it only reads the state and names things for the view. It holds no rules of
 * ECS; it decides only what is shown (a terminated territory leaves its ruin visible for a while).
 */
import { byLaunch, parsePlan, territoryNames, zoneCode } from '../i18n/names.ts';
import { countZone, type ZoneCounts, zoneCountsParts } from '../i18n/zone-counts.ts';
import type {
  ContainerInstanceStatus,
  Ec2Instance,
  InstanceStateName,
  SimState,
  Task,
  TaskStatus,
} from '../model/index.ts';
import { instanceTypeInfo, zoneNames } from '../model/index.ts';
import { BANNER_COLORS, BANNER_SHAPES, type BannerShape } from './palette.ts';

/** How long (simulated seconds) a terminated territory stays on the map as a ruin. */
export const RUIN_SECONDS = 120;
/**
 * How long (simulated seconds) a development whose building burned down (a container exited with a
 * non-zero code) stays on the map after it STOPPED, still smouldering, before it fades.
 */
export const EMBER_SECONDS = 60;

export interface Banner {
  /** family:revision */
  plan: string;
  color: number;
  shape: BannerShape;
}

export interface DevelopmentModel {
  id: string;
  plan: string;
  banner: Banner;
  status: TaskStatus;
  launchType: 'EC2' | 'FARGATE';
  unhealthy: boolean;
  houses: ('PENDING' | 'RUNNING' | 'STOPPED')[];
  /** Per house: its container exited with a non-zero exit code (the building is on fire). */
  fires: boolean[];
  /** Per house: the lord's herald's verdict (its container health check), null when it has no check. */
  health: ('HEALTHY' | 'UNHEALTHY' | 'UNKNOWN' | null)[];
  /** A STOPPED development kept on the map because it burned: the simulated second its embers go out. */
  embersUntil: number | null;
  /** On Spot lands (capacity provider FARGATE_SPOT): drawn with a dashed border. */
  spot: boolean;
  /** The planet reclaims its Spot land: the simulated second the two-minute warning ends, else null. */
  reclaimAt: number | null;
}

export interface CastleModel {
  status: ContainerInstanceStatus;
  connected: boolean;
}

export interface TerritoryModel {
  id: string;
  /** Player-facing name: zone letter code and launch order in the zone, e.g. "1b-2". */
  name: string;
  instanceType: string;
  state: InstanceStateName;
  vcpus: number;
  memoryGiB: number;
  hasAgent: boolean;
  castle: CastleModel | null;
  /** The container instance (the castle's lord) when registered and not INACTIVE. */
  containerInstanceArn: string | null;
  /** Share of registered CPU and memory held by tasks (0..1), when registered. */
  cpuUsed: number | null;
  memoryUsed: number | null;
  developments: DevelopmentModel[];
  /** The survey party (Auto Scaling group) that erected it, by name, else null. */
  guild: string | null;
}

export interface ZoneModel {
  name: string;
  /** "1a": the region's digit and the zone letter. */
  code: string;
  impaired: boolean;
  territories: TerritoryModel[];
  managed: DevelopmentModel[];
  counts: ZoneCounts;
}

const TASK_ORDER: Record<TaskStatus, number> = {
  PROVISIONING: 0,
  PENDING: 1,
  ACTIVATING: 2,
  RUNNING: 3,
  DEACTIVATING: 4,
  STOPPING: 5,
  DEPROVISIONING: 6,
  STOPPED: 7,
};

/** "1a" for za-southwest-1a (moved to src/i18n/names.ts with the territory names). */
export { zoneCode };

/** family:revision from a task definition ARN (arn:aws:ecs:region:acct:task-definition/family:rev). */
export function planOf(taskDefinitionArn: string): { family: string; revision: number; plan: string } {
  const { family, revision } = parsePlan(taskDefinitionArn);
  return { family, revision, plan: `${family}:${revision}` };
}

/** Families in order of first registration: the order that picks their banner colours. */
export function familyOrder(sim: SimState, region: string): Map<string, number> {
  const defs = Object.values(sim.taskDefinitions)
    .filter((d) => d.region === region)
    .sort(
      (a, b) => a.registeredAt - b.registeredAt || a.taskDefinitionArn.localeCompare(b.taskDefinitionArn),
    );
  const order = new Map<string, number>();
  for (const d of defs) if (!order.has(d.family)) order.set(d.family, order.size);
  return order;
}

export function bannerFor(family: string, revision: number, order: ReadonlyMap<string, number>): Banner {
  const i = order.get(family) ?? hashIndex(family, BANNER_COLORS.length);
  return {
    plan: `${family}:${revision}`,
    color: BANNER_COLORS[i % BANNER_COLORS.length] as number,
    shape: BANNER_SHAPES[(Math.max(1, revision) - 1) % BANNER_SHAPES.length] as BannerShape,
  };
}

function hashIndex(text: string, n: number): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h % n;
}

/** A container exited with a non-zero code: its building burns. */
function burned(c: Task['containers'][number]): boolean {
  return c.lastStatus === 'STOPPED' && c.exitCode !== undefined && c.exitCode !== 0;
}

/** When a STOPPED task that burned stops smouldering (null if it did not burn or has no stop time). */
export function embersUntil(task: Task): number | null {
  if (task.lastStatus !== 'STOPPED' || task.stoppedAt === undefined) return null;
  return task.containers.some(burned) ? task.stoppedAt + EMBER_SECONDS : null;
}

function development(task: Task, order: ReadonlyMap<string, number>): DevelopmentModel {
  const { family, revision, plan } = planOf(task.taskDefinitionArn);
  return {
    id: task.taskArn,
    plan,
    banner: bannerFor(family, revision, order),
    status: task.lastStatus,
    launchType: task.launchType,
    unhealthy: task.healthStatus === 'UNHEALTHY',
    houses: task.containers.map((c) => c.lastStatus),
    fires: task.containers.map(burned),
    health: task.containers.map((c) =>
      c.healthCheckAt !== undefined || c.lastProbe ? c.healthStatus : null,
    ),
    embersUntil: embersUntil(task),
    spot: task.capacityProviderName === 'FARGATE_SPOT',
    reclaimAt:
      task.stopCode === 'SpotInterruption' && task.lastStatus !== 'STOPPED'
        ? (task.spotInterruptionAt ?? null)
        : null,
  };
}

function byAge(a: Task, b: Task): number {
  return a.createdAt - b.createdAt || a.taskArn.localeCompare(b.taskArn);
}

export interface KingdomModelOptions {
  /** When each instance was first seen terminated (simulated seconds): ruins fade after RUIN_SECONDS. */
  terminatedSince?: ReadonlyMap<string, number>;
  /** Tasks to keep drawing although STOPPED (they are fading out). */
  keepStopped?: ReadonlySet<string>;
}

export function kingdomModel(sim: SimState, region: string, options: KingdomModelOptions = {}): ZoneModel[] {
  const order = familyOrder(sim, region);
  const tasksByInstance = new Map<string, Task[]>();
  const managedByZone = new Map<string, Task[]>();
  for (const task of sim.tasks.values()) {
    if (task.region !== region) continue;
    if (task.lastStatus === 'STOPPED' && !options.keepStopped?.has(task.taskArn)) {
      // A development that burned stays a while as smouldering ruins.
      const until = embersUntil(task);
      if (until === null || sim.now >= until) continue;
    }
    if (task.ec2InstanceId) {
      const list = tasksByInstance.get(task.ec2InstanceId) ?? [];
      list.push(task);
      tasksByInstance.set(task.ec2InstanceId, list);
    } else {
      const list = managedByZone.get(task.availabilityZone) ?? [];
      list.push(task);
      managedByZone.set(task.availabilityZone, list);
    }
  }

  const instancesByZone = new Map<string, Ec2Instance[]>();
  for (const inst of sim.instances.values()) {
    if (inst.region !== region) continue;
    const list = instancesByZone.get(inst.availabilityZone) ?? [];
    list.push(inst);
    instancesByZone.set(inst.availabilityZone, list);
  }

  const names = territoryNames(sim);
  return zoneNames(region).map((zone) => {
    const code = zoneCode(region, zone);
    const launched = (instancesByZone.get(zone) ?? []).sort(byLaunch);
    const territories: TerritoryModel[] = [];
    launched.forEach((inst) => {
      if (inst.state === 'terminated') {
        const since = options.terminatedSince?.get(inst.instanceId);
        if (since === undefined || sim.now - since >= RUIN_SECONDS) return;
      }
      const info = instanceTypeInfo(inst.instanceType);
      const ci = inst.containerInstanceArn
        ? sim.containerInstances.get(inst.containerInstanceArn)
        : undefined;
      const castle: CastleModel | null =
        inst.hasAgent && ci && ci.status !== 'INACTIVE'
          ? { status: ci.status, connected: ci.agentConnected }
          : null;
      const tasks = (tasksByInstance.get(inst.instanceId) ?? []).sort(byAge);
      territories.push({
        id: inst.instanceId,
        name: names.get(inst.instanceId) as string,
        instanceType: inst.instanceType,
        state: inst.state,
        vcpus: info?.vcpus ?? 1,
        memoryGiB: (info?.memoryMiB ?? 1024) / 1024,
        hasAgent: inst.hasAgent,
        castle,
        containerInstanceArn: castle && inst.containerInstanceArn ? inst.containerInstanceArn : null,
        cpuUsed: ci && ci.registeredCpu > 0 ? clamp01(1 - ci.remainingCpu / ci.registeredCpu) : null,
        memoryUsed:
          ci && ci.registeredMemory > 0 ? clamp01(1 - ci.remainingMemory / ci.registeredMemory) : null,
        developments: tasks.map((t) => development(t, order)),
        guild: inst.autoScalingGroup
          ? inst.autoScalingGroup.slice(inst.autoScalingGroup.indexOf(':') + 1)
          : null,
      });
    });
    const managed = (managedByZone.get(zone) ?? []).sort(byAge).map((t) => development(t, order));
    return {
      name: zone,
      code,
      impaired: sim.impairedZones[zone] === true,
      territories,
      managed,
      counts: countZone(
        territories.map((t) => ({ state: t.state, castle: t.castle !== null })),
        [
          ...territories.flatMap((t) => t.developments).map((d) => ({ status: d.status, managed: false })),
          ...managed.map((d) => ({ status: d.status, managed: true })),
        ],
      ),
    };
  });
}

function clamp01(v: number): number {
  return Math.max(0, Math.min(1, v));
}

export function isRising(status: TaskStatus): boolean {
  return TASK_ORDER[status] < TASK_ORDER.RUNNING;
}

export function isFalling(status: TaskStatus): boolean {
  return TASK_ORDER[status] > TASK_ORDER.RUNNING;
}

/** The counts under a zone, as parts (src/i18n/zone-counts.ts words them for every surface). */
export function countsParts(zone: ZoneModel): string[] {
  return zoneCountsParts(zone.counts);
}

export function countsLine(zone: ZoneModel): string {
  return countsParts(zone).join(' · ');
}
