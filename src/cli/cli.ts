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
 * - Pagination members (`nextToken`, `maxResults`, `Marker`, `MaxRecords`) keep their own flags: the
 *   CLI accepts them (they are undocumented) and then makes the single call instead of paginating.
 *   `MaxItems` and `PageSize` share their names with the CLI's paging options, which shadow them:
 *   the line then ends with `--no-paginate`, which gives the flags back to the API's members.
 * - Service names: the CLI calls CodeDeploy `deploy` (the actions are `codedeploy:*`).
 * - Timestamps (CloudWatch's StartTime/EndTime/StartDate/EndDate, ECS's createdAt filter) given as epoch
 *   seconds are written in ISO 8601, which the CLI parses like epoch seconds.
 * - Lambda blobs: `create-function` has `--zip-file fileb://function.zip` hoisted out of `--code`
 *   (awscli customizations/awslambda.py), `update-function-code` a top-level `--zip-file`; the line
 *   names the file and cliFiles() gives its bytes. `invoke` sends `--payload` (the event's JSON text)
 *   with `--cli-binary-format raw-in-base64-out` (CLI v2 reads blobs as base64 otherwise) and writes
 *   the response to the positional outfile `response.json`.
 * - Lambda's alias `RoutingConfig` uses the map shorthand `AdditionalVersionWeights={"2"=0.1}` (bash
 *   drops the quotes; the CLI's shorthand wants the bare key), as in the Lambda developer guide.
 */

import type {
  Call,
  Cluster,
  ContainerInstance,
  Ec2Instance,
  Service,
  SimState,
  Task,
  TaskDefinition,
} from '../model/index.ts';
import { decodeBase64, encodeBase64, iso, regionOfZone } from '../model/index.ts';
import type { AwsThing } from './aws-thing.ts';
import {
  isResourceSelection,
  type ResourceSelection,
  resourceCreateCall,
  resourceDescribeCall,
} from './cli-resources.ts';

export {
  codeDeployApplicationCalls,
  deploymentCalls,
  deploymentConfigCalls,
  deploymentGroupCalls,
  EMPTY_ZIP_BASE64,
  type ResourceKind,
  type ResourceSelection,
} from './cli-resources.ts';

/** What the inspector can select: the store's things, and load balancing, alarms, Lambda, CodeDeploy. */
export type RosettaSelection = AwsThing | ResourceSelection;

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

/** What a `sim:` action stands for: it is no AWS API call, so the line is a bash comment. */
const SIM_LINES: Record<string, string> = {
  'sim:FailAvailabilityZone': 'it is what AWS does on its own (an Availability Zone goes dark)',
  'sim:RestoreAvailabilityZone': 'it is what AWS does on its own (an Availability Zone comes back)',
  'sim:LoseInstance': 'it is what AWS does on its own (an EC2 instance is lost to a hardware failure)',
  'sim:DisconnectAgent': "it is what AWS does on its own (an instance's ECS agent loses its connection)",
  'sim:ReconnectAgent': "it is what AWS does on its own (an instance's ECS agent connects again)",
  'sim:CrashContainer': 'it is what AWS does on its own (a container crashes)',
  'sim:SetImageBehavior': 'it is what AWS does on its own (a container image fails to start or crashes)',
  'sim:SetHealthCheckResult': "it is what a container's own health-check command answers (it fails or hangs)",
  'sim:SetHookRule':
    "it is what your own Lambda function's code answers when ECS invokes it as a deployment lifecycle hook (hookStatus SUCCEEDED, FAILED or IN_PROGRESS)",
  'sim:SetTraffic':
    'it is the world outside AWS (clients send a steady stream of requests to a load balancer listener or a Lambda function alias)',
  'sim:SetBehavior':
    'it is what your own code does (a release of a task definition, an image or a Lambda version answers with errors or slowly)',
  'sim:InterruptSpotTasks':
    'it is what AWS does on its own (Fargate Spot capacity is taken back: a two-minute warning, then the task is stopped)',
  'sim:StartAliasDeployment':
    "it is a deploy script you run yourself (awslabs/aws-lambda-deploy: it shifts the alias's weight to the new version with aws lambda update-alias step by step, checks the Errors metric with aws cloudwatch get-metric-statistics, and rolls back on errors)",
};

/** The CLI's name of a service whose action prefix differs. */
const CLI_SERVICE: Record<string, string> = {
  codedeploy: 'deploy',
  elasticloadbalancing: 'elbv2',
  monitoring: 'cloudwatch',
};

/** Timestamp members the CLI parses from text (epoch seconds are written as ISO 8601 for reading). */
const TIMESTAMP_MEMBERS = new Set([
  'cloudwatch:StartTime',
  'cloudwatch:EndTime',
  'cloudwatch:StartDate',
  'cloudwatch:EndDate',
]);
/** Structures whose members are all timestamps (ECS ListServiceDeployments' createdAt filter). */
const TIMESTAMP_STRUCTURES = new Set(['ecs:createdAt']);

/** Epoch seconds -> '2026-01-01T00:00:00Z', the form botocore itself serializes. */
function isoSeconds(epoch: number): string {
  return iso(Math.floor(epoch)).replace('.000Z', 'Z');
}

function timestamp(v: unknown): unknown {
  return typeof v === 'number' && Number.isFinite(v) ? isoSeconds(v) : v;
}

/** The file a Lambda zip blob is read from, and the invoke response's outfile. */
export const ZIP_FILE = 'function.zip';
export const INVOKE_OUTFILE = 'response.json';

/** A local file the CLI line reads (`fileb://`): its name and its bytes in base64. */
export interface CliFile {
  path: string;
  base64: string;
}

/** The files a call's CLI line reads: the zip of `lambda create-function`/`update-function-code`. */
export function cliFiles(call: Call): CliFile[] {
  const input = call.input ?? {};
  let zip: unknown;
  if (call.action === 'lambda:CreateFunction') {
    const code = input.Code;
    if (typeof code === 'object' && code !== null) zip = (code as Record<string, unknown>).ZipFile;
  } else if (call.action === 'lambda:UpdateFunctionCode') zip = input.ZipFile;
  return typeof zip === 'string' ? [{ path: ZIP_FILE, base64: zip }] : [];
}

/** `AdditionalVersionWeights={"2"=0.1}`; null when the routing config is not that one plain map. */
function routingShorthand(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const keys = Object.keys(v);
  const weights = (v as Record<string, unknown>).AdditionalVersionWeights;
  if (keys.length !== 1 || typeof weights !== 'object' || weights === null || Array.isArray(weights))
    return null;
  const entries = Object.entries(weights);
  if (entries.length > 1) return null;
  const parts: string[] = [];
  for (const [version, weight] of entries) {
    if (!/^[0-9]+$/.test(version) || typeof weight !== 'number' || !Number.isFinite(weight)) return null;
    parts.push(`"${version}"=${String(weight)}`);
  }
  return `AdditionalVersionWeights={${parts.join(',')}}`;
}

/** The parameters of a member the CLI writes its own way; undefined when the generic rule applies. */
function specialParameters(
  service: string,
  operation: string,
  member: string,
  value: unknown,
): string[] | undefined {
  const key = `${service}:${member}`;
  if (TIMESTAMP_MEMBERS.has(key)) {
    const p = parameter(service, member, timestamp(value));
    return p === null ? [] : [p];
  }
  if (TIMESTAMP_STRUCTURES.has(key) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const converted = Object.fromEntries(Object.entries(value).map(([k, x]) => [k, timestamp(x)]));
    const p = parameter(service, member, converted);
    return p === null ? [] : [p];
  }
  if (service !== 'lambda') return undefined;
  if (operation === 'CreateFunction' && member === 'Code' && typeof value === 'object' && value !== null) {
    // --zip-file is hoisted out of --code; the rest of Code (if any) stays in --code.
    const { ZipFile, ...rest } = value as Record<string, unknown>;
    const out: string[] = [];
    // An empty Code ({}) is still written, so the line makes the very call (the CLI then refuses it).
    if (Object.keys(rest).length > 0 || ZipFile === undefined)
      out.push(parameter(service, member, rest) as string);
    if (ZipFile !== undefined) out.push(`--zip-file fileb://${ZIP_FILE}`);
    return out;
  }
  if (operation === 'UpdateFunctionCode' && member === 'ZipFile') {
    return value === undefined || value === null ? [] : [`--zip-file fileb://${ZIP_FILE}`];
  }
  if (operation === 'Invoke' && member === 'Payload') {
    if (value === undefined || value === null) return [];
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return ['--cli-binary-format raw-in-base64-out', `--payload ${shellQuote(text)}`];
  }
  if (member === 'RoutingConfig') {
    const short = routingShorthand(value);
    if (short !== null) return [`--routing-config ${short}`];
  }
  return undefined;
}

/** The command's words: `aws <service> <operation>`, then one string per parameter; or a comment. */
function commandParts(call: Call): { head: string; params: string[] } | { comment: string } {
  const colon = call.action.indexOf(':');
  const service = colon > 0 ? call.action.slice(0, colon) : '';
  const operation = colon > 0 ? call.action.slice(colon + 1) : call.action;
  if (service === 'sim') {
    const what = SIM_LINES[call.action] ?? 'it is something that happens in the world';
    return { comment: `# ${call.action} is not an AWS API: ${what}.` };
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
    const special = specialParameters(service, operation, member, value);
    if (special) {
      params.push(...special);
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
  // The CLI's own paging options shadow members called MaxItems or PageSize (Lambda's list calls,
  // ELBv2's describe calls) unless paging is off (awscli customizations/paginate.py).
  if ('MaxItems' in input || 'PageSize' in input) params.push('--no-paginate');
  if (call.region) params.push(`--region ${shellQuote(call.region)}`);
  // Invoke's outfile is a required positional argument.
  if (call.action === 'lambda:Invoke') params.push(INVOKE_OUTFILE);
  const cliService = CLI_SERVICE[service] ?? service.toLowerCase();
  return { head: `aws ${cliService} ${kebab(operation)}`, params };
}

/** The words naming the command that makes a call (`aws ecs create-service`), its options left out. */
export function cliCommand(call: Call): string {
  const [service, operation] = call.action.split(':') as [string, string];
  return `aws ${CLI_SERVICE[service] ?? service.toLowerCase()} ${kebab(operation)}`;
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

/** A short note on what the line needs beyond itself (the zip file it reads); null when nothing. */
export function cliNote(call: Call): string | null {
  const files = cliFiles(call);
  if (files.length > 0) {
    return `# ${files.map((f) => f.path).join(', ')}: the function's code, a zip file in the current directory (the API request carries its bytes as base64).`;
  }
  if (call.action === 'lambda:Invoke') {
    return `# The function's response is written to ${INVOKE_OUTFILE}; the CLI prints the status code and the executed version.`;
  }
  return null;
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
/** What lookup reads of a collection: a shared record as it is, a plain one through `plain`. */
interface Readable<T> {
  get(id: string): T | undefined;
  values(): readonly T[];
}
const plain = <T>(records: Record<string, T>): Readable<T> => ({
  get: (id) => (Object.hasOwn(records, id) ? records[id] : undefined),
  values: () => Object.values(records),
});

function lookup<T extends { region: string }>(
  records: Readable<T>,
  id: string,
  sim: SimState,
  matches: (item: T) => boolean,
): T | undefined {
  const direct = records.get(id);
  if (direct) return direct;
  const found = records.values().filter(matches);
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

function resolve(sim: SimState, sel: AwsThing): Resolved {
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
        plain(sim.taskDefinitions),
        id,
        sim,
        (td) => `${td.family}:${td.revision}` === id,
      );
      return taskDefinition ? { taskDefinition } : {};
    }
    case 'cluster': {
      const cluster = lookup(plain(sim.clusters), id, sim, (c) => c.clusterName === id);
      return cluster ? { cluster } : {};
    }
    default:
      return {};
  }
}

/** The read call whose output shows the selected thing as AWS returns it; null if it is not found. */
export function describeCallFor(sim: SimState, sel: RosettaSelection): Call | null {
  if (isResourceSelection(sel)) return resourceDescribeCall(sim, sel);
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
  // ROLLING is the default strategy; alarms that are off are the same as none.
  if (dc.strategy === 'ROLLING') delete dc.strategy;
  const alarms = dc.alarms as { alarmNames?: unknown[]; enable?: boolean; rollback?: boolean } | undefined;
  if (alarms && !alarms.enable && !alarms.rollback && (alarms.alarmNames?.length ?? 0) === 0)
    delete dc.alarms;
  const defaults = daemon ? { min: 0, max: 100 } : { min: 100, max: 200 };
  const changed =
    dc.minimumHealthyPercent !== defaults.min ||
    dc.maximumPercent !== defaults.max ||
    Object.keys(dc).some((k) => k !== 'minimumHealthyPercent' && k !== 'maximumPercent');
  if (changed) input.deploymentConfiguration = dc;
  if (s.placementConstraints.length > 0) input.placementConstraints = copy(s.placementConstraints);
  if (s.placementStrategy.length > 0) input.placementStrategy = copy(s.placementStrategy);
  if (s.networkConfiguration) input.networkConfiguration = copy(s.networkConfiguration);
  if (s.loadBalancers?.length) input.loadBalancers = copy(s.loadBalancers);
  if (s.deploymentController && s.deploymentController.type !== 'ECS')
    input.deploymentController = { type: s.deploymentController.type };
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
      ? sim.services.values().find((s) => s.clusterArn === t.clusterArn && s.serviceName === t.serviceName)
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
export function createCallFor(sim: SimState, sel: RosettaSelection): Call | null {
  if (isResourceSelection(sel)) return resourceCreateCall(sim, sel);
  if (sel.kind === 'zone') return null;
  const r = resolve(sim, sel);
  if (r.instance) return runInstancesFor(sim, r.instance);
  if (r.containerInstance) {
    const inst = sim.instances.get(r.containerInstance.ec2InstanceId);
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
