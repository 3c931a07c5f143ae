/**
 * RegisterTaskDefinition's validation and normalisation: turns the request JSON (the real AWS shape)
 * into the stored fields of a TaskDefinition, or throws the error ECS answers.
 *
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html. Error texts are
 * AWS's own where one was found (the source follows each message); the others are written in AWS's style and
 * marked "[no AWS text found]". Choices where AWS pages disagree
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html vs the API
 * reference):
 * - memory vs memoryReservation: the API docs' side, `memory` must be strictly greater (the doc PR
 *   awsdocs/amazon-ecs-developer-guide#242 claiming "or equal" was never merged).
 * - EC2 task-level cpu: the current API range 128-196608 units (192 vCPU), not the 2023 10240 cap.
 * Simplifications: volumes, secrets, health checks and the other members the model does not
 * interpret are kept as given and echoed back, not validated; the 64 KiB size limit is measured on the
 * request JSON; unknown top-level members (e.g. `registeredAt` pasted from a Describe) are ignored.
 */
import type { Input } from '../sim/api-types.ts';
import { clientException as ce, invalidParameter } from '../sim/errors.ts';
import type {
  Compatibility,
  ContainerDefinition,
  NetworkMode,
  PortMapping,
  TaskDefinition,
} from '../sim/types.ts';
import { readTags } from './ecs-common.ts';

export type RegisteredFields = Pick<
  TaskDefinition,
  | 'family'
  | 'containerDefinitions'
  | 'networkMode'
  | 'requiresCompatibilities'
  | 'compatibilities'
  | 'cpu'
  | 'memory'
  | 'placementConstraints'
  | 'requiresAttributes'
  | 'volumes'
  | 'extra'
  | 'tags'
>;

const NETWORK_MODES: readonly NetworkMode[] = ['bridge', 'host', 'awsvpc', 'none'];
const COMPATIBILITIES: readonly Compatibility[] = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'];

/** Request members ECS keeps and echoes that the model does not interpret (ECS-API RegisterTaskDefinitionRequest). */
const TASK_EXTRA = (
  'taskRoleArn executionRoleArn pidMode ipcMode proxyConfiguration inferenceAccelerators ' +
  'ephemeralStorage runtimePlatform enableFaultInjection'
).split(' ');

/**
 * ContainerDefinition members kept as given
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html).
 */
const CONTAINER_EXTRA = (
  'repositoryCredentials links restartPolicy entryPoint command environmentFiles linuxParameters ' +
  'secrets dependsOn startTimeout stopTimeout versionConsistency hostname user workingDirectory ' +
  'disableNetworking privileged readonlyRootFilesystem dnsServers dnsSearchDomains extraHosts ' +
  'dockerSecurityOptions interactive pseudoTerminal dockerLabels ulimits logConfiguration ' +
  'healthCheck systemControls resourceRequirements firelensConfiguration credentialSpecs'
).split(' ');

/**
 * Fargate's task cpu -> allowed memory (MiB).
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html;
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html.
 */
const FARGATE: Record<number, number[]> = {
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
};

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

export function isFargateSize(cpu: number, memory: number): boolean {
  return FARGATE[cpu]?.includes(memory) ?? false;
}

/** JSON null means "absent" in the AWS JSON protocol. */
const given = (v: unknown): boolean => v !== undefined && v !== null;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Task cpu: '1024', '1 vCPU', '0.5 vcpu', '.25 vCPU' -> units; null if not a whole positive number of units. */
export function parseTaskCpu(v: string): number | null {
  const s = v.trim();
  if (/^\d+$/.test(s)) return Number(s) > 0 ? Number(s) : null;
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*vcpu$/i.exec(s);
  if (!m) return null;
  const units = Number(m[1]) * 1024;
  return Number.isInteger(units) && units > 0 ? units : null;
}

/** Task memory: '512', '2GB', '2 GB', '0.5GB' -> MiB; null if not a whole positive number of MiB. */
export function parseTaskMemory(v: string): number | null {
  const s = v.trim();
  if (/^\d+$/.test(s)) return Number(s) > 0 ? Number(s) : null;
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*gb$/i.exec(s);
  if (!m) return null;
  const mib = Number(m[1]) * 1024;
  return Number.isInteger(mib) && mib > 0 ? mib : null;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function taskSize(input: Input, key: 'cpu' | 'memory'): number | undefined {
  const v = input[key];
  if (!given(v)) return undefined;
  const parsed =
    typeof v === 'string' || typeof v === 'number'
      ? (key === 'cpu' ? parseTaskCpu : parseTaskMemory)(String(v))
      : null;
  // "Invalid 'cpu' setting for task." -- ECS-DG task-cpu-memory-error (the memory text by analogy).
  if (parsed === null) throw ce(`Invalid '${key}' setting for task.`);
  return parsed;
}

function readList(v: unknown, what: string): unknown[] {
  if (!given(v)) return [];
  if (!Array.isArray(v)) throw ce(`${what} must be a list.`);
  return v;
}

export function validateRegistration(request: Input): RegisteredFields {
  // A private copy: the stored definition must not share objects with the caller's request.
  const json = JSON.stringify(request);
  const input = JSON.parse(json) as Input;
  // "Actual length: '66420'. Max allowed length is '65536' bytes." -- awsdocs/amazon-ecs-developer-guide#149
  const size = utf8Length(json);
  if (size > 65536) throw ce(`Actual length: '${size}'. Max allowed length is '65536' bytes.`);

  // "Family can not be blank." -- aws-actions/amazon-ecs-deploy-task-definition#630, aws/aws-sdk-go#132
  const family = input.family;
  if (!given(family) || family === '') throw ce('Family can not be blank.');
  // "Family contains invalid characters." -- aws/amazon-ecs-cli#37, #542
  if (typeof family !== 'string' || !/^[A-Za-z0-9_-]+$/.test(family))
    throw ce('Family contains invalid characters.');
  // [no AWS text found]
  if (family.length > 255)
    throw ce('Family is too long: up to 255 letters, numbers, hyphens and underscores are allowed.');

  // "Container list cannot be empty." -- awsdocs/aws-cloudformation-user-guide#454
  const rawContainers = input.containerDefinitions;
  if (!given(rawContainers) || (Array.isArray(rawContainers) && rawContainers.length === 0)) {
    throw ce('Container list cannot be empty.');
  }
  if (!Array.isArray(rawContainers))
    throw ce('containerDefinitions must be a list of container definitions.');
  // "Too many containers." -- aws/amazon-ecs-cli#184, #951
  if (rawContainers.length > 10) throw ce('Too many containers.');

  let networkMode: NetworkMode = 'bridge';
  if (given(input.networkMode)) {
    const nm = input.networkMode as NetworkMode;
    // [no AWS text found]
    if (!NETWORK_MODES.includes(nm)) {
      throw ce(
        `Invalid 'networkMode' setting '${String(nm)}'. Valid values are bridge, host, awsvpc and none.`,
      );
    }
    networkMode = nm;
  }

  const requiresCompatibilities: Compatibility[] = [];
  for (const c of readList(input.requiresCompatibilities, 'requiresCompatibilities')) {
    // [no AWS text found]
    if (!COMPATIBILITIES.includes(c as Compatibility)) {
      throw ce(
        `Invalid 'requiresCompatibilities' value '${String(c)}'. Valid values are EC2, FARGATE, EXTERNAL and MANAGED_INSTANCES.`,
      );
    }
    if (!requiresCompatibilities.includes(c as Compatibility))
      requiresCompatibilities.push(c as Compatibility);
  }
  const fargate = requiresCompatibilities.includes('FARGATE');

  const taskCpu = taskSize(input, 'cpu');
  const taskMemory = taskSize(input, 'memory');
  if (fargate) {
    // "Fargate only supports network mode ‘awsvpc’." -- aws/amazon-ecs-cli#1145 (AWS's curly quotes)
    if (networkMode !== 'awsvpc') throw ce('Fargate only supports network mode ‘awsvpc’.');
    // "Fargate requires that 'cpu' be defined at the task level." -- harness docs, ECS troubleshooting list
    if (taskCpu === undefined) throw ce("Fargate requires that 'cpu' be defined at the task level.");
    if (taskMemory === undefined) throw ce("Fargate requires that 'memory' be defined at the task level.");
    // aws-games/cloud-game-development-toolkit#737 (2025 wording; before: "...for given values.")
    if (!isFargateSize(taskCpu, taskMemory)) {
      throw ce(
        `No Fargate configuration exists for given values: ${taskCpu} CPU, ${taskMemory} memory. See the Amazon ECS documentation for the valid values.`,
      );
    }
    // "Tasks using the Fargate launch type do not support ipcMode." -- cn-terraform/terraform-aws-ecs-fargate#2
    if (given(input.ipcMode)) throw ce('Tasks using the Fargate launch type do not support ipcMode.');
  } else if (taskCpu !== undefined && (taskCpu < 128 || taskCpu > 196608)) {
    throw ce("Invalid 'cpu' setting for task.");
  }

  const placementConstraints = readPlacementConstraints(input.placementConstraints);
  const tags = readTags(input.tags);
  const volumes = readList(input.volumes, 'volumes');

  const containerDefinitions = rawContainers.map((raw) => readContainer(raw, networkMode, taskMemory));
  checkTask(containerDefinitions, networkMode, taskCpu, taskMemory);

  const extra: Record<string, unknown> = {};
  for (const k of TASK_EXTRA) if (given(input[k])) extra[k] = input[k];

  const compatibilities: Compatibility[] = ['EC2'];
  const fargateOk =
    networkMode === 'awsvpc' &&
    taskCpu !== undefined &&
    taskMemory !== undefined &&
    isFargateSize(taskCpu, taskMemory) &&
    !given(input.ipcMode) &&
    input.pidMode !== 'host';
  if (fargateOk) compatibilities.push('FARGATE');
  for (const c of requiresCompatibilities) if (!compatibilities.includes(c)) compatibilities.push(c);

  return {
    family,
    containerDefinitions,
    networkMode,
    requiresCompatibilities,
    compatibilities,
    ...(taskCpu !== undefined ? { cpu: String(taskCpu) } : {}),
    ...(taskMemory !== undefined ? { memory: String(taskMemory) } : {}),
    placementConstraints,
    requiresAttributes: requiresAttributes(containerDefinitions, networkMode, extra),
    volumes,
    extra,
    tags,
  };
}

function readPlacementConstraints(v: unknown): TaskDefinition['placementConstraints'] {
  const list = readList(v, 'placementConstraints');
  // [no AWS text found]
  if (list.length > 10) throw ce('Too many placement constraints: a task definition can have at most 10.');
  return list.map((raw) => {
    const o = (raw ?? {}) as Record<string, unknown>;
    // "constraint.type 'distinctInstance' is not supported." -- aws/aws-cdk#25905
    if (o.type !== 'memberOf') throw ce(`constraint.type '${String(o.type)}' is not supported.`);
    const e = o.expression;
    // [no AWS text found]
    if (typeof e !== 'string' || e.length === 0) throw ce('A memberOf constraint requires an expression.');
    if (e.length > 2000)
      throw ce('The placement constraint expression is too long: at most 2000 characters.');
    return { type: 'memberOf', expression: e };
  });
}

function readContainer(
  raw: unknown,
  networkMode: NetworkMode,
  taskMemory: number | undefined,
): ContainerDefinition {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw ce('Each container definition must be an object.');
  }
  const o = raw as Record<string, unknown>;
  // "Container.name should not be null or empty." -- awsdocs/aws-cloudformation-user-guide#612
  if (!given(o.name) || o.name === '') throw ce('Container.name should not be null or empty.');
  // "Container.name contains invalid characters." -- hashicorp/terraform-provider-aws#5950, ansible/ansible#22860
  if (typeof o.name !== 'string' || !/^[A-Za-z0-9_-]{1,255}$/.test(o.name)) {
    throw ce('Container.name contains invalid characters.');
  }
  const name = o.name;
  // "Container.image should not be null or empty." -- aws/aws-cli#5924, convox/praxis#121
  if (!given(o.image) || o.image === '') throw ce('Container.image should not be null or empty.');
  // [no AWS text found] (charset per ECS-API ContainerDefinition, plus '@' for digests)
  if (typeof o.image !== 'string' || !/^[A-Za-z0-9\-_:./#@]+$/.test(o.image)) {
    throw ce('Container.image contains invalid characters.');
  }
  if (o.image.length > 255) throw ce('Container.image is too long: at most 255 characters.');

  const cpu = given(o.cpu) ? o.cpu : 0;
  // "Invalid '<member>' setting for container '<name>'." -- the form of aws/aws-cli#7288 ('containerPort')
  if (!isInt(cpu) || cpu < 0) throw ce(`Invalid 'cpu' setting for container '${name}'.`);
  const memory = readMemory(o, 'memory', name);
  const memoryReservation = readMemory(o, 'memoryReservation', name);
  if (memory !== undefined && memoryReservation !== undefined && memory <= memoryReservation) {
    // [no AWS text found]; the docs' rule (strictly greater), see the header.
    throw ce(`Invalid setting for container '${name}'. 'memory' must be greater than 'memoryReservation'.`);
  }
  if (memory === undefined && memoryReservation === undefined && taskMemory === undefined) {
    // aws/aws-cli#4453, sil-org/ecs-deploy#62, cuttlesoft/ecs-deploy.py#17
    throw ce(
      `Invalid setting for container '${name}'. At least one of 'memory' or 'memoryReservation' must be specified.`,
    );
  }
  if (taskMemory !== undefined) {
    // "The 'memory' setting for container 'worker' is greater than for the task." -- pulumi/pulumi-awsx#1220
    if (memory !== undefined && memory > taskMemory) {
      throw ce(`The 'memory' setting for container '${name}' is greater than for the task.`);
    }
    if (memoryReservation !== undefined && memoryReservation > taskMemory) {
      throw ce(`The 'memoryReservation' setting for container '${name}' is greater than for the task.`);
    }
  }
  const essential = given(o.essential) ? o.essential : true;
  if (typeof essential !== 'boolean') throw ce(`Invalid 'essential' setting for container '${name}'.`);

  const portMappings = readPortMappings(o.portMappings, networkMode, name);
  const def: ContainerDefinition = {
    name,
    image: o.image,
    cpu,
    ...(memory !== undefined ? { memory } : {}),
    ...(memoryReservation !== undefined ? { memoryReservation } : {}),
    portMappings,
    essential,
    environment: readList(o.environment, 'environment') as ContainerDefinition['environment'],
    mountPoints: readList(o.mountPoints, 'mountPoints'),
    volumesFrom: readList(o.volumesFrom, 'volumesFrom'),
  };
  for (const k of CONTAINER_EXTRA) if (given(o[k])) def[k] = o[k];
  return def;
}

function readMemory(
  o: Record<string, unknown>,
  key: 'memory' | 'memoryReservation',
  name: string,
): number | undefined {
  const v = o[key];
  if (!given(v)) return undefined;
  if (!isInt(v) || v <= 0) throw ce(`Invalid '${key}' setting for container '${name}'.`);
  // Docker >= 20.10 refuses less than 6 MiB
  // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html) [no AWS
  // text found]
  if (v < 6) throw ce(`Invalid '${key}' setting for container '${name}'. The minimum is 6 MiB.`);
  return v;
}

function readPortMappings(v: unknown, networkMode: NetworkMode, name: string): PortMapping[] {
  const list = readList(v, 'portMappings');
  // [no AWS text found] (rule: ECS-API RegisterTaskDefinitionRequest networkMode)
  if (list.length > 0 && networkMode === 'none') {
    throw ce('When networkMode=none, port mappings are not supported.');
  }
  const seen = new Set<string>();
  return list.map((raw) => {
    const o = (raw ?? {}) as Record<string, unknown>;
    const protocol = given(o.protocol) ? o.protocol : 'tcp';
    if (protocol !== 'tcp' && protocol !== 'udp')
      throw ce(`Invalid 'protocol' setting for container '${name}'.`);
    const named = {
      ...(typeof o.name === 'string' ? { name: o.name } : {}),
      ...(typeof o.appProtocol === 'string' ? { appProtocol: o.appProtocol } : {}),
    };
    if (!given(o.containerPort) && typeof o.containerPortRange === 'string') {
      return { containerPortRange: o.containerPortRange, protocol, ...named };
    }
    const containerPort = o.containerPort;
    // "Invalid 'containerPort' setting for container '<name>'." -- aws/aws-cli#7288, aws/aws-cdk#8762
    if (!isInt(containerPort) || containerPort < 1 || containerPort > 65535) {
      throw ce(`Invalid 'containerPort' setting for container '${name}'.`);
    }
    const hostGiven = given(o.hostPort);
    if (hostGiven && (!isInt(o.hostPort) || o.hostPort < 0 || o.hostPort > 65535)) {
      throw ce(`Invalid 'hostPort' setting for container '${name}'.`);
    }
    let hostPort: number;
    if (networkMode === 'awsvpc' || networkMode === 'host') {
      // "When networkMode=awsvpc, the host ports and container ports in port mappings must match."
      // -- aws/amazon-ecs-cli#1014, pulumi/pulumi-awsx#935 (the host text by analogy)
      if (hostGiven && o.hostPort !== containerPort) {
        throw ce(
          `When networkMode=${networkMode}, the host ports and container ports in port mappings must match.`,
        );
      }
      hostPort = containerPort;
    } else {
      hostPort = hostGiven ? (o.hostPort as number) : 0;
    }
    const key = `${containerPort}/${protocol}`;
    // "Container port 53 is used in more than one port mapping for container coredns-mysql"
    // -- terraform-aws-modules/terraform-aws-ecs#89 (InvalidParameterException)
    if (seen.has(key)) {
      throw invalidParameter(
        `Container port ${containerPort} is used in more than one port mapping for container ${name}`,
      );
    }
    seen.add(key);
    return { containerPort, hostPort, protocol, ...named };
  });
}

/** Task-wide rules over the normalised containers. */
function checkTask(
  containers: ContainerDefinition[],
  networkMode: NetworkMode,
  taskCpu: number | undefined,
  taskMemory: number | undefined,
): void {
  const names = new Set<string>();
  for (const c of containers) {
    // "Container names must be unique within a Task Definition." -- Shippable/support#2946
    if (names.has(c.name)) throw ce('Container names must be unique within a Task Definition.');
    names.add(c.name);
  }
  // "Task definition doesn't have any essential container." --
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html
  // (eagletmt/hako#68)
  if (!containers.some((c) => c.essential)) throw ce("Task definition doesn't have any essential container.");
  const essential = new Set(containers.filter((c) => c.essential).map((c) => c.name));
  for (const c of containers) {
    for (const dep of Array.isArray(c.dependsOn) ? c.dependsOn : []) {
      const d = (dep ?? {}) as Record<string, unknown>;
      if (
        (d.condition === 'COMPLETE' || d.condition === 'SUCCESS') &&
        essential.has(String(d.containerName))
      ) {
        // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html
        // (boto/boto3#2436)
        throw ce(
          'A dependency container with SUCCESS or COMPLETE condition cannot be an essential container',
        );
      }
    }
  }
  const taken = new Set<string>();
  for (const c of containers) {
    for (const p of c.portMappings) {
      const port = networkMode === 'bridge' ? (p.hostPort ?? 0) : (p.containerPort ?? 0);
      if (port === 0) continue;
      const proto = p.protocol ?? 'tcp';
      // "TCP host port '3000' is mapped multiple times in task." -- aws/amazon-ecs-agent#1220
      if (taken.has(`${port}/${proto}`))
        throw ce(`${proto.toUpperCase()} host port '${port}' is mapped multiple times in task.`);
      taken.add(`${port}/${proto}`);
    }
  }
  if (taskCpu !== undefined && containers.reduce((n, c) => n + c.cpu, 0) > taskCpu) {
    // cloudnativedaysjp/dreamkast-infra#4726 (2025)
    throw ce("The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.");
  }
  const mem = containers.reduce((n, c) => n + (c.memory ?? c.memoryReservation ?? 0), 0);
  if (taskMemory !== undefined && mem > taskMemory) {
    // the cpu text by analogy [no AWS text found]
    throw ce(
      "The sum of all container 'memory' values cannot be greater than the value of the task 'memory'.",
    );
  }
}

/** The capabilities ECS derives from the definition (a modest subset of what AWS lists). */
function requiresAttributes(
  containers: ContainerDefinition[],
  networkMode: NetworkMode,
  extra: Record<string, unknown>,
): { name: string }[] {
  const names: string[] = ['com.amazonaws.ecs.capability.docker-remote-api.1.18'];
  const add = (n: string) => {
    if (!names.includes(n)) names.push(n);
  };
  if (networkMode === 'awsvpc') add('ecs.capability.task-eni');
  if (given(extra.taskRoleArn)) add('com.amazonaws.ecs.capability.task-iam-role');
  for (const c of containers) {
    if (c.memoryReservation !== undefined) add('com.amazonaws.ecs.capability.docker-remote-api.1.21');
    const log = c.logConfiguration as { logDriver?: unknown } | undefined;
    if (log?.logDriver === 'awslogs') {
      add('com.amazonaws.ecs.capability.logging-driver.awslogs');
      add('com.amazonaws.ecs.capability.docker-remote-api.1.19');
      if (given(extra.executionRoleArn)) add('ecs.capability.execution-role-awslogs');
    }
    if (given(c.healthCheck)) add('ecs.capability.container-health-check');
    if (given(c.dependsOn)) add('ecs.capability.container-ordering');
  }
  return names.map((name) => ({ name }));
}
