/**
 * Rosetta's CLI: the AWS CLI v2 command that makes a call, and the calls that show or recreate a
 * selected thing. Pure (no DOM), so the inspector can render it and Vitest can check it against the
 * real `aws` binary (test/unit/rosetta-cli.test.ts runs every line through /usr/bin/aws and compares
 * the request the CLI would send with the call's input).
 *
 * How the CLI maps a request (awscli 2.x, botocore's xform_name and the awscli customizations):
 * - `aws <service> <operation>`: the operation and every top-level member in kebab case
 *   (RunInstances -> run-instances, enableECSManagedTags -> --enable-ecs-managed-tags).
 * - Scalars are one word; a string that starts with `-` is written `--flag=value` (argparse would take
 *   it for an option). Booleans are flags: `--force` / `--no-force`, except where the CLI renamed the
 *   negative (`--disable-execute-command`, `--enable-api-termination`).
 * - Lists of strings are space-separated words; structures and lists of structures use the shorthand
 *   `k=v,k2=v2` when every value is a plain word (or a list of plain words), else JSON, which the CLI
 *   always accepts for complex parameters.
 * - `ec2 run-instances` has no --min-count/--max-count: the CLI replaces them with `--count min[:max]`;
 *   its `--user-data` is the script text, which the CLI base64-encodes (the API's UserData is base64).
 * - Pagination members (`nextToken`, `maxResults`) keep their own flags: the CLI accepts them (they
 *   are undocumented) and then makes the single call instead of paginating.
 * No operation the game uses takes a blob or a timestamp at the top level.
 */
import { decodeBase64, encodeBase64 } from '../../model/base64.ts';
import { regionOfZone } from '../../model/catalog.ts';
import type {
  Call,
  Cluster,
  ContainerInstance,
  Ec2Instance,
  Service,
  SimState,
  Task,
  TaskDefinition,
} from '../../model/types.ts';
import type { Selection } from '../../store/create-game-store.ts';

// ---------------------------------------------------------------------------------------------
// Words

/** A word bash reads as itself: no quotes needed. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes a word for bash only when needed: single quotes, an embedded `'` written `'\''`. */
export function shellQuote(text: string): string {
  if (PLAIN_WORD.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** botocore's xform_name with `-`: the CLI name of an operation or a member. */
export function kebab(name: string): string {
  let n = name;
  const plural = /[A-Z]{2,}s$/.exec(n);
  if (plural) n = `${n.slice(0, -plural[0].length)}-${plural[0].toLowerCase()}`;
  return n
    .replace(/(.)([A-Z][a-z]+)/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Values

/** A value the shorthand syntax carries unquoted and unambiguously. */
const SHORTHAND_WORD = /^[A-Za-z0-9_.:/-]+$/;
const SHORTHAND_KEY = /^[A-Za-z][A-Za-z0-9]*$/;

function shorthandScalar(v: unknown): string | null {
  if (typeof v === 'string') return SHORTHAND_WORD.test(v) ? v : null;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v);
  return null;
}

/** `k=v,k2=a,b` for a structure of plain words (and non-empty lists of them); null when JSON is needed. */
function shorthand(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(v)) {
    if (value === undefined) continue;
    if (!SHORTHAND_KEY.test(key)) return null;
    if (Array.isArray(value)) {
      if (value.length === 0) return null;
      const words = value.map(shorthandScalar);
      if (words.some((w) => w === null)) return null;
      parts.push(`${key}=${words.join(',')}`);
    } else {
      const word = shorthandScalar(value);
      if (word === null) return null;
      parts.push(`${key}=${word}`);
    }
  }
  return parts.length > 0 ? parts.join(',') : null;
}

const json = (v: unknown): string => shellQuote(JSON.stringify(v));

/** Negative flags the CLI renamed (awscli customizations/argrename.py). */
const RENAMED_NEGATIVES: Record<string, string> = {
  'ecs:enableExecuteCommand': '--disable-execute-command',
  'ec2:DisableApiTermination': '--enable-api-termination',
};

/** One parameter: the flag and its value words, as one string. */
function parameter(service: string, member: string, value: unknown): string | null {
  const flag = `--${kebab(member)}`;
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') {
    if (value) return flag;
    return RENAMED_NEGATIVES[`${service}:${member}`] ?? `--no-${kebab(member)}`;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return `${flag} ${String(value)}`;
  if (typeof value === 'string') {
    return value.startsWith('-') ? `${flag}=${shellQuote(value)}` : `${flag} ${shellQuote(value)}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return `${flag} ${json(value)}`;
    const scalars = value.every(
      (x) => (typeof x === 'string' && !x.startsWith('-')) || (typeof x === 'number' && Number.isFinite(x)),
    );
    // A single word starting with `[` would be read as a JSON list.
    const jsonLike =
      value.length === 1 && typeof value[0] === 'string' && value[0].trimStart().startsWith('[');
    if (scalars && !jsonLike) return `${flag} ${value.map((x) => shellQuote(String(x))).join(' ')}`;
    const words = value.map(shorthand);
    if (words.every((w) => w !== null)) return `${flag} ${words.join(' ')}`;
    return `${flag} ${json(value)}`;
  }
  const short = shorthand(value);
  return `${flag} ${short ?? json(value)}`;
}

// ---------------------------------------------------------------------------------------------
// Commands

const SIM_PHRASES: Record<string, string> = {
  'sim:FailAvailabilityZone': 'an Availability Zone goes dark',
  'sim:RestoreAvailabilityZone': 'an Availability Zone comes back',
  'sim:LoseInstance': 'an EC2 instance is lost to a hardware failure',
  'sim:DisconnectAgent': "an instance's ECS agent loses its connection",
  'sim:ReconnectAgent': "an instance's ECS agent connects again",
  'sim:CrashContainer': 'a container crashes',
  'sim:SetImageBehavior': 'a container image fails to start or crashes',
};

/** The command's words: `aws <service> <operation>`, then one string per parameter; or a comment. */
function commandParts(call: Call): { head: string; params: string[] } | { comment: string } {
  const colon = call.action.indexOf(':');
  const service = colon > 0 ? call.action.slice(0, colon) : '';
  const operation = colon > 0 ? call.action.slice(colon + 1) : call.action;
  if (service === 'sim') {
    const phrase = SIM_PHRASES[call.action] ?? 'something happens in the world';
    return { comment: `# ${call.action} is not an AWS API: it is what AWS does on its own (${phrase}).` };
  }
  if (!service || !operation) return { comment: `# ${call.action} is not an AWS API action.` };
  const input = call.input ?? {};
  const params: string[] = [];
  const runInstances = call.action === 'ec2:RunInstances';
  let countWritten = false;
  for (const [member, value] of Object.entries(input)) {
    if (runInstances && (member === 'MinCount' || member === 'MaxCount')) {
      // The CLI has --count min[:max] instead (awscli customizations/ec2/addcount.py).
      if (countWritten) continue;
      countWritten = true;
      const min = input.MinCount ?? input.MaxCount;
      const max = input.MaxCount ?? input.MinCount;
      if (min === undefined || min === null) continue;
      params.push(`--count ${shellQuote(min === max ? String(min) : `${String(min)}:${String(max)}`)}`);
      continue;
    }
    let v = value;
    if (runInstances && member === 'UserData' && typeof value === 'string') {
      // The CLI base64-encodes --user-data itself: give it the script.
      v = decodeBase64(value) ?? value;
    }
    const p = parameter(service, member, v);
    if (p !== null) params.push(p);
  }
  if (call.region) params.push(`--region ${shellQuote(call.region)}`);
  return { head: `aws ${service.toLowerCase()} ${kebab(operation)}`, params };
}

/** The AWS CLI v2 command that makes this call, on one line (a bash comment for `sim:` actions). */
export function toCli(call: Call): string {
  const parts = commandParts(call);
  if ('comment' in parts) return parts.comment;
  return [parts.head, ...parts.params].join(' ');
}

/** The same command over several lines, one parameter per line, joined by ` \` continuations. */
export function cliLines(call: Call): string {
  const parts = commandParts(call);
  if ('comment' in parts) return parts.comment;
  return [parts.head, ...parts.params.map((p) => `  ${p}`)].join(' \\\n');
}

// ---------------------------------------------------------------------------------------------
// Selections

const lastSegment = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

/** 'family:revision' from a task definition ARN. */
const familyRevision = (arn: string): string => arn.slice(arn.indexOf('task-definition/') + 16);

function clusterName(sim: SimState, clusterArn: string): string {
  return sim.clusters[clusterArn]?.clusterName ?? clusterArn.slice(clusterArn.indexOf('cluster/') + 8);
}

/** Looks an entity up by its key, else by another identity (name, short id); the default region first. */
function lookup<T extends { region: string }>(
  records: Record<string, T>,
  id: string,
  sim: SimState,
  matches: (item: T) => boolean,
): T | undefined {
  const direct = records[id];
  if (direct) return direct;
  const found = Object.values(records).filter(matches);
  return found.find((x) => x.region === sim.defaultRegion) ?? found[0];
}

function regional(sim: SimState, call: Call, region: string): Call {
  return region === sim.defaultRegion ? call : { ...call, region };
}

interface Resolved {
  instance?: Ec2Instance;
  containerInstance?: ContainerInstance;
  task?: Task;
  service?: Service;
  taskDefinition?: TaskDefinition;
  cluster?: Cluster;
}

function resolve(sim: SimState, sel: Selection): Resolved {
  const id = sel.id;
  switch (sel.kind) {
    case 'instance': {
      const instance = lookup(sim.instances, id, sim, (i) => i.instanceId === id);
      return instance ? { instance } : {};
    }
    case 'containerInstance': {
      const containerInstance = lookup(
        sim.containerInstances,
        id,
        sim,
        (ci) => lastSegment(ci.containerInstanceArn) === id || ci.ec2InstanceId === id,
      );
      return containerInstance ? { containerInstance } : {};
    }
    case 'task': {
      const task = lookup(sim.tasks, id, sim, (t) => lastSegment(t.taskArn) === id);
      return task ? { task } : {};
    }
    case 'service': {
      const service = lookup(sim.services, id, sim, (s) => s.serviceName === id);
      return service ? { service } : {};
    }
    case 'taskDefinition': {
      const taskDefinition = lookup(
        sim.taskDefinitions,
        id,
        sim,
        (td) => `${td.family}:${td.revision}` === id,
      );
      return taskDefinition ? { taskDefinition } : {};
    }
    case 'cluster': {
      const cluster = lookup(sim.clusters, id, sim, (c) => c.clusterName === id);
      return cluster ? { cluster } : {};
    }
    default:
      return {};
  }
}

/** The read call whose output shows the selected thing as AWS returns it; null if it is not found. */
export function describeCallFor(sim: SimState, sel: Selection): Call | null {
  if (sel.kind === 'zone') {
    const region = regionOfZone(sel.id);
    if (!region) return null;
    return regional(sim, { action: 'ec2:DescribeAvailabilityZones', input: { ZoneNames: [sel.id] } }, region);
  }
  const r = resolve(sim, sel);
  if (r.instance) {
    const i = r.instance;
    return regional(
      sim,
      { action: 'ec2:DescribeInstances', input: { InstanceIds: [i.instanceId] } },
      i.region,
    );
  }
  if (r.containerInstance) {
    const ci = r.containerInstance;
    const input = {
      cluster: clusterName(sim, ci.clusterArn),
      containerInstances: [lastSegment(ci.containerInstanceArn)],
    };
    return regional(sim, { action: 'ecs:DescribeContainerInstances', input }, ci.region);
  }
  if (r.task) {
    const t = r.task;
    const input = { cluster: clusterName(sim, t.clusterArn), tasks: [lastSegment(t.taskArn)] };
    return regional(sim, { action: 'ecs:DescribeTasks', input }, t.region);
  }
  if (r.service) {
    const s = r.service;
    const input = { cluster: clusterName(sim, s.clusterArn), services: [s.serviceName] };
    return regional(sim, { action: 'ecs:DescribeServices', input }, s.region);
  }
  if (r.taskDefinition) {
    const td = r.taskDefinition;
    const input = { taskDefinition: `${td.family}:${td.revision}` };
    return regional(sim, { action: 'ecs:DescribeTaskDefinition', input }, td.region);
  }
  if (r.cluster) {
    const c = r.cluster;
    const input = { clusters: [c.clusterName], include: ['SETTINGS', 'TAGS'] };
    return regional(sim, { action: 'ecs:DescribeClusters', input }, c.region);
  }
  return null;
}

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function runInstancesFor(sim: SimState, i: Ec2Instance): Call {
  const input: Record<string, unknown> = {
    ImageId: i.imageId,
    InstanceType: i.instanceType,
    MinCount: 1,
    MaxCount: 1,
    Placement: { AvailabilityZone: i.availabilityZone },
  };
  if (i.userData) input.UserData = encodeBase64(i.userData);
  if (i.tags.length > 0) input.TagSpecifications = [{ ResourceType: 'instance', Tags: copy(i.tags) }];
  return regional(sim, { action: 'ec2:RunInstances', input }, i.region);
}

/** Members ECS fills in with an empty list when a container definition leaves them out. */
const EMPTY_CONTAINER_DEFAULTS = ['portMappings', 'environment', 'mountPoints', 'volumesFrom'];

function registerFor(sim: SimState, td: TaskDefinition): Call {
  const { taskRoleArn, executionRoleArn, ...extra } = copy(td.extra);
  const input: Record<string, unknown> = { family: td.family };
  if (taskRoleArn !== undefined) input.taskRoleArn = taskRoleArn;
  if (executionRoleArn !== undefined) input.executionRoleArn = executionRoleArn;
  input.networkMode = td.networkMode;
  input.containerDefinitions = copy(td.containerDefinitions).map((c) => {
    const out: Record<string, unknown> = { ...c };
    for (const k of EMPTY_CONTAINER_DEFAULTS) {
      const v = out[k];
      if (Array.isArray(v) && v.length === 0) delete out[k];
    }
    return out;
  });
  if (td.volumes.length > 0) input.volumes = copy(td.volumes);
  if (td.placementConstraints.length > 0) input.placementConstraints = copy(td.placementConstraints);
  if (td.requiresCompatibilities.length > 0) input.requiresCompatibilities = [...td.requiresCompatibilities];
  if (td.cpu !== undefined) input.cpu = td.cpu;
  if (td.memory !== undefined) input.memory = td.memory;
  if (td.tags.length > 0) input.tags = copy(td.tags);
  Object.assign(input, extra);
  return regional(sim, { action: 'ecs:RegisterTaskDefinition', input }, td.region);
}

function createServiceFor(sim: SimState, s: Service): Call {
  const daemon = s.schedulingStrategy === 'DAEMON';
  const input: Record<string, unknown> = {
    cluster: clusterName(sim, s.clusterArn),
    serviceName: s.serviceName,
    taskDefinition: familyRevision(s.taskDefinition),
  };
  if (!daemon) input.desiredCount = s.desiredCount;
  input.launchType = s.launchType;
  if (daemon) input.schedulingStrategy = 'DAEMON';
  const dc: Record<string, unknown> = copy(s.deploymentConfiguration);
  const cb = s.deploymentConfiguration.deploymentCircuitBreaker;
  if (cb && !cb.enable && !cb.rollback) delete dc.deploymentCircuitBreaker;
  const defaults = daemon ? { min: 0, max: 100 } : { min: 100, max: 200 };
  const changed =
    dc.minimumHealthyPercent !== defaults.min ||
    dc.maximumPercent !== defaults.max ||
    Object.keys(dc).some((k) => k !== 'minimumHealthyPercent' && k !== 'maximumPercent');
  if (changed) input.deploymentConfiguration = dc;
  if (s.placementConstraints.length > 0) input.placementConstraints = copy(s.placementConstraints);
  if (s.placementStrategy.length > 0) input.placementStrategy = copy(s.placementStrategy);
  if (s.networkConfiguration) input.networkConfiguration = copy(s.networkConfiguration);
  if (s.healthCheckGracePeriodSeconds !== undefined)
    input.healthCheckGracePeriodSeconds = s.healthCheckGracePeriodSeconds;
  if (s.tags.length > 0) input.tags = copy(s.tags);
  if (s.enableECSManagedTags) input.enableECSManagedTags = true;
  if (s.propagateTags !== 'NONE') input.propagateTags = s.propagateTags;
  const binpack = s.placementStrategy.some((p) => p.type === 'binpack');
  const rebalancing = binpack || daemon ? 'DISABLED' : 'ENABLED';
  if (s.availabilityZoneRebalancing !== rebalancing)
    input.availabilityZoneRebalancing = s.availabilityZoneRebalancing;
  return regional(sim, { action: 'ecs:CreateService', input }, s.region);
}

/** A RunTask that starts a similar standalone task (a service's own group and startedBy are left out). */
function runTaskFor(sim: SimState, t: Task): Call {
  const ref = familyRevision(t.taskDefinitionArn);
  const family = sim.taskDefinitions[t.taskDefinitionArn]?.family ?? ref.slice(0, ref.lastIndexOf(':'));
  const input: Record<string, unknown> = {
    cluster: clusterName(sim, t.clusterArn),
    taskDefinition: ref,
    launchType: t.launchType,
  };
  const standalone = t.serviceName === null;
  if (standalone && t.group !== `family:${family}`) input.group = t.group;
  if (standalone && t.startedBy !== undefined) input.startedBy = t.startedBy;
  if (t.usesEni && t.subnetId) {
    const svc = t.serviceName
      ? Object.values(sim.services).find(
          (s) => s.clusterArn === t.clusterArn && s.serviceName === t.serviceName,
        )
      : undefined;
    const given = svc?.networkConfiguration?.awsvpcConfiguration;
    const awsvpc: Record<string, unknown> = { subnets: [t.subnetId] };
    if (given?.securityGroups) awsvpc.securityGroups = [...given.securityGroups];
    if (given?.assignPublicIp) awsvpc.assignPublicIp = given.assignPublicIp;
    input.networkConfiguration = { awsvpcConfiguration: awsvpc };
  }
  if (t.tags.length > 0) input.tags = copy(t.tags);
  return regional(sim, { action: 'ecs:RunTask', input }, t.region);
}

/** The call that would create the selected thing as it is now; null for a zone or a missing thing. */
export function createCallFor(sim: SimState, sel: Selection): Call | null {
  if (sel.kind === 'zone') return null;
  const r = resolve(sim, sel);
  if (r.instance) return runInstancesFor(sim, r.instance);
  if (r.containerInstance) {
    const inst = sim.instances[r.containerInstance.ec2InstanceId];
    return inst ? runInstancesFor(sim, inst) : null;
  }
  if (r.taskDefinition) return registerFor(sim, r.taskDefinition);
  if (r.service) return createServiceFor(sim, r.service);
  if (r.task) return runTaskFor(sim, r.task);
  if (r.cluster) {
    const c = r.cluster;
    const input: Record<string, unknown> = { clusterName: c.clusterName };
    if (c.tags.length > 0) input.tags = copy(c.tags);
    return regional(sim, { action: 'ecs:CreateCluster', input }, c.region);
  }
  return null;
}
