/**
 * ECS task definitions: RegisterTaskDefinition, DeregisterTaskDefinition, DescribeTaskDefinition,
 * ListTaskDefinitions, ListTaskDefinitionFamilies; resolving a reference for RunTask/CreateService;
 * and what placement needs from a definition.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-definition-state.html (identity
 * and status), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html
 * (validation, cpu/memory, ports). Validation and normalisation live in task-definition-validate.ts (its
 * header lists the [conflict] choices). Behaviour modelled:
 * - revision = highest revision ever registered in the family (INACTIVE ones count) + 1, per region;
 * - a bare family resolves to its latest ACTIVE revision; INACTIVE revisions stay describable;
 * - ListTaskDefinitions' `familyPrefix` is the full family name (AWS: "The full family name to
 *   filter..."), while ListTaskDefinitionFamilies' is a real prefix, and its `status` defaults to
 *   both ACTIVE and INACTIVE families (AWS: "By default, both ACTIVE and INACTIVE task definition
 *   families are listed"), i.e. ALL.
 * Simplifications: no DeleteTaskDefinitions (DELETE_IN_PROGRESS is only listed/filtered); the
 * 10-minute window after deregistration in which AWS may still launch an INACTIVE revision is not
 * modelled; `registeredBy` is the account root.
 */
import type { Handler, Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { clientException, invalidParameter } from '../sim/errors.ts';
import type { SimState, TaskDefinition, TaskDefinitionStatus } from '../sim/types.ts';
import { paginate, str } from './ecs-common.ts';
import { parseTaskCpu, parseTaskMemory, validateRegistration } from './task-definition-validate.ts';

export { parseTaskCpu, parseTaskMemory } from './task-definition-validate.ts';

const ARN_RE = /^arn:aws:ecs:([^:]+):(\d{12}):task-definition\/(.+)$/;
const REF_RE = /^([A-Za-z0-9_-]{1,255})(?::(\d+))?$/;

/** Splits 'family', 'family:3' or an ARN into family and revision (null when none was given). */
function parseRef(
  s: SimState,
  region: string,
  ref: string,
): { family: string; revision: number | null } | null {
  let spec = ref;
  const arn = ARN_RE.exec(ref);
  if (arn) {
    if (arn[1] !== region || arn[2] !== s.accountId) return null;
    spec = arn[3] as string;
  }
  const m = REF_RE.exec(spec);
  if (!m) return null;
  return { family: m[1] as string, revision: m[2] === undefined ? null : Number(m[2]) };
}

export function findTaskDefinition(s: SimState, region: string, ref: string): TaskDefinition | undefined {
  const p = parseRef(s, region, ref);
  if (!p) return undefined;
  if (p.revision !== null) {
    return s.taskDefinitions[
      `arn:aws:ecs:${region}:${s.accountId}:task-definition/${p.family}:${p.revision}`
    ];
  }
  let latest: TaskDefinition | undefined;
  for (const td of Object.values(s.taskDefinitions)) {
    if (td.region !== region || td.family !== p.family || td.status !== 'ACTIVE') continue;
    if (!latest || td.revision > latest.revision) latest = td;
  }
  return latest;
}

/**
 * Resolves 'family', 'family:3' or a full ARN in the region; 'family' alone means the latest ACTIVE
 * revision. 'describe': ClientException 'Unable to describe task definition.' when missing.
 * 'run' (RunTask, StartTask, CreateService, UpdateService): InvalidParameterException
 * 'TaskDefinition not found.' when missing, 'TaskDefinition is inactive' when not ACTIVE.
 */
export function resolveTaskDefinition(
  s: SimState,
  region: string,
  ref: string,
  purpose: 'describe' | 'run',
): TaskDefinition {
  const td = findTaskDefinition(s, region, ref);
  if (purpose === 'describe') {
    if (!td) throw clientException('Unable to describe task definition.');
    return td;
  }
  if (!td) throw invalidParameter('TaskDefinition not found.');
  if (td.status !== 'ACTIVE') throw invalidParameter('TaskDefinition is inactive');
  return td;
}

/**
 * What placement needs
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html): task-level
 * cpu/memory when set, else the sums of container cpu and of memoryReservation-or-memory; static host ports
 * per protocol (bridge: a non-zero hostPort; host: hostPort = containerPort). awsvpc tasks get their own ENI:
 * no host ports, usesEni.
 */
export function taskRequirements(td: TaskDefinition): {
  cpu: number;
  memory: number;
  hostPorts: number[];
  hostPortsUdp: number[];
  usesEni: boolean;
} {
  const cpu =
    td.cpu !== undefined
      ? (parseTaskCpu(td.cpu) ?? 0)
      : td.containerDefinitions.reduce((n, c) => n + (c.cpu ?? 0), 0);
  const memory =
    td.memory !== undefined
      ? (parseTaskMemory(td.memory) ?? 0)
      : td.containerDefinitions.reduce((n, c) => n + (c.memoryReservation ?? c.memory ?? 0), 0);
  const usesEni = td.networkMode === 'awsvpc';
  const tcp = new Set<number>();
  const udp = new Set<number>();
  if (td.networkMode === 'bridge' || td.networkMode === 'host') {
    for (const c of td.containerDefinitions) {
      for (const p of c.portMappings) {
        const port = td.networkMode === 'host' ? (p.hostPort ?? p.containerPort ?? 0) : (p.hostPort ?? 0);
        if (port > 0) (p.protocol === 'udp' ? udp : tcp).add(port);
      }
    }
  }
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return { cpu, memory, hostPorts: sorted(tcp), hostPortsUdp: sorted(udp), usesEni };
}

/** The `taskDefinition` member of Describe/Register/Deregister responses (no region, extra merged). */
export function describeTaskDefinition(td: TaskDefinition): Record<string, unknown> {
  const { taskRoleArn, executionRoleArn, ...rest } = td.extra;
  const account = ARN_RE.exec(td.taskDefinitionArn)?.[2] ?? '';
  return {
    taskDefinitionArn: td.taskDefinitionArn,
    containerDefinitions: td.containerDefinitions,
    family: td.family,
    ...(taskRoleArn !== undefined ? { taskRoleArn } : {}),
    ...(executionRoleArn !== undefined ? { executionRoleArn } : {}),
    networkMode: td.networkMode,
    revision: td.revision,
    volumes: td.volumes,
    status: td.status,
    requiresAttributes: td.requiresAttributes,
    placementConstraints: td.placementConstraints,
    compatibilities: td.compatibilities,
    ...rest,
    ...(td.requiresCompatibilities.length > 0 ? { requiresCompatibilities: td.requiresCompatibilities } : {}),
    ...(td.cpu !== undefined ? { cpu: td.cpu } : {}),
    ...(td.memory !== undefined ? { memory: td.memory } : {}),
    registeredAt: td.registeredAt,
    ...(td.deregisteredAt !== undefined ? { deregisteredAt: td.deregisteredAt } : {}),
    registeredBy: `arn:aws:iam::${account}:root`,
  };
}

function register(ctx: Ctx, input: Input) {
  const fields = validateRegistration(input);
  let last = 0;
  for (const td of Object.values(ctx.s.taskDefinitions)) {
    if (td.region === ctx.region && td.family === fields.family && td.revision > last) last = td.revision;
  }
  const revision = last + 1;
  const arn = ctx.arn('ecs', `task-definition/${fields.family}:${revision}`);
  const td: TaskDefinition = {
    taskDefinitionArn: arn,
    region: ctx.region,
    revision,
    status: 'ACTIVE',
    registeredAt: ctx.now,
    ...fields,
  };
  ctx.put('taskDefinitions', arn, td);
  ctx.emit('taskDefinition/registered', { taskDefinitionArn: arn, family: td.family, revision });
  return { taskDefinition: describeTaskDefinition(td), tags: td.tags };
}

function deregister(ctx: Ctx, input: Input) {
  const ref = str(input.taskDefinition);
  if (!ref) throw invalidParameter('TaskDefinition can not be blank.');
  const parsed = parseRef(ctx.s, ctx.region, ref);
  // AWS: "You must specify a revision." (ECS-API DeregisterTaskDefinition) [no AWS error text found]
  if (parsed && parsed.revision === null) {
    throw clientException(
      'A revision must be specified: use family:revision or the full ARN of the task definition.',
    );
  }
  const td = resolveTaskDefinition(ctx.s, ctx.region, ref, 'describe');
  // [no AWS text found] for either status.
  if (td.status === 'INACTIVE') throw clientException('The specified task definition is already inactive.');
  if (td.status === 'DELETE_IN_PROGRESS') {
    throw clientException('The specified task definition is in the process of being deleted.');
  }
  const updated = ctx.patch('taskDefinitions', td.taskDefinitionArn, {
    status: 'INACTIVE',
    deregisteredAt: ctx.now,
  });
  ctx.emit('taskDefinition/deregistered', {
    taskDefinitionArn: td.taskDefinitionArn,
    family: td.family,
    revision: td.revision,
  });
  return { taskDefinition: describeTaskDefinition(updated) };
}

function describe(ctx: Ctx, input: Input) {
  const ref = str(input.taskDefinition);
  if (!ref) throw invalidParameter('TaskDefinition can not be blank.');
  const td = resolveTaskDefinition(ctx.s, ctx.region, ref, 'describe');
  const include = Array.isArray(input.include) ? input.include : [];
  return { taskDefinition: describeTaskDefinition(td), tags: include.includes('TAGS') ? td.tags : [] };
}

function readSort(v: unknown): 'ASC' | 'DESC' {
  if (v === undefined || v === null || v === 'ASC') return 'ASC';
  if (v === 'DESC') return 'DESC';
  throw invalidParameter(`Invalid sort '${String(v)}'. Valid values are ASC and DESC.`);
}

const byFamilyThenRevision = (a: TaskDefinition, b: TaskDefinition) =>
  a.family < b.family ? -1 : a.family > b.family ? 1 : a.revision - b.revision;

function list(ctx: Ctx, input: Input) {
  const status = (input.status ?? 'ACTIVE') as TaskDefinitionStatus;
  if (status !== 'ACTIVE' && status !== 'INACTIVE' && status !== 'DELETE_IN_PROGRESS') {
    throw invalidParameter(
      `Invalid status '${String(status)}'. Valid values are ACTIVE, INACTIVE and DELETE_IN_PROGRESS.`,
    );
  }
  const family = str(input.familyPrefix);
  const sort = readSort(input.sort);
  const found = Object.values(ctx.s.taskDefinitions)
    .filter(
      (td) =>
        td.region === ctx.region && td.status === status && (family === undefined || td.family === family),
    )
    .sort(byFamilyThenRevision);
  if (sort === 'DESC') found.reverse();
  const { page, nextToken } = paginate(found, input);
  return { taskDefinitionArns: page.map((td) => td.taskDefinitionArn), ...(nextToken ? { nextToken } : {}) };
}

function listFamilies(ctx: Ctx, input: Input) {
  const status = input.status ?? 'ALL';
  if (status !== 'ACTIVE' && status !== 'INACTIVE' && status !== 'ALL') {
    throw invalidParameter(`Invalid status '${String(status)}'. Valid values are ACTIVE, INACTIVE and ALL.`);
  }
  const prefix = str(input.familyPrefix) ?? '';
  const active = new Map<string, boolean>();
  for (const td of Object.values(ctx.s.taskDefinitions)) {
    if (td.region !== ctx.region || !td.family.startsWith(prefix)) continue;
    active.set(td.family, (active.get(td.family) ?? false) || td.status === 'ACTIVE');
  }
  const families = [...active.entries()]
    .filter(([, isActive]) => status === 'ALL' || (status === 'ACTIVE') === isActive)
    .map(([f]) => f)
    .sort();
  const { page, nextToken } = paginate(families, input);
  return { families: page, ...(nextToken ? { nextToken } : {}) };
}

export const taskDefinitionHandlers: Record<string, Handler> = {
  'ecs:RegisterTaskDefinition': register,
  'ecs:DeregisterTaskDefinition': deregister,
  'ecs:DescribeTaskDefinition': describe,
  'ecs:ListTaskDefinitions': list,
  'ecs:ListTaskDefinitionFamilies': listFamilies,
};
