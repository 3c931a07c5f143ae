/**
 * Shared generators and the driver for the property tests.
 *
 * A scenario is a seed, a starting fleet and a list of abstract operations. Operations name their
 * targets by index ("the 3rd live task", "the 1st container instance"), and the driver resolves them
 * against the state at the moment they run, so most calls are valid (real instance ids, task ARNs,
 * container instance ARNs) whatever came before; a pick of -1 and the `bogus` operation make invalid
 * calls on purpose. Everything goes through the model's public entry point (createSim, step, advance).
 */
import fc from 'fast-check';
import { advance, createSim, step } from '../../src/model/index.ts';
import { encodeBase64 } from '../../src/model/sim/base64.ts';
import type {
  AdvanceResult,
  Call,
  CallResponse,
  SimState,
  StepResult,
  Task,
} from '../../src/model/sim/types.ts';

export const REGION = 'za-southwest-1';
export const CLUSTER = 'Royaume';
export const ZONES = ['a', 'b', 'c'].map((z) => `${REGION}${z}`);
export const ECS_AMI_PARAM = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';
export const AGENT_RESERVED_PORTS = [22, 2375, 2376, 51678, 51679];
export const INSTANCE_TYPES = ['t3.small', 't3.medium'] as const;
export const SERVICE_NAMES = ['mill', 'forge', 'well'] as const;

/**
 * Run counts: modest by default so the suite stays fast; PROPERTY_RUNS_SCALE=20 (for instance) runs
 * every property twenty times as long when hunting for bugs.
 */
export function runs(n: number): number {
  const scale = Number(process.env.PROPERTY_RUNS_SCALE ?? 1);
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

// ---------------------------------------------------------------------------------------------
// Task definitions (RegisterTaskDefinition inputs) and images

const container = (name: string, image: string, cpu: number, memory: number, extra = {}) => ({
  name,
  image,
  cpu,
  memory,
  essential: true,
  ...extra,
});

/** The task definitions every scenario registers, by index. */
export const TASK_DEFS: Record<string, unknown>[] = [
  // 0: tiny, one dynamic host port (does not reserve a host port)
  {
    family: 'pebble',
    containerDefinitions: [
      container('app', 'nginx:1.27', 64, 64, { portMappings: [{ containerPort: 80, hostPort: 0 }] }),
    ],
  },
  // 1: static host port 8080 (bridge)
  {
    family: 'gate',
    containerDefinitions: [
      container('app', 'httpd:2.4', 128, 128, { portMappings: [{ containerPort: 80, hostPort: 8080 }] }),
    ],
  },
  // 2: host network mode: the container port is the host port
  {
    family: 'hearth',
    networkMode: 'host',
    containerDefinitions: [
      container('app', 'redis:7', 256, 256, { portMappings: [{ containerPort: 6379 }] }),
    ],
  },
  // 3: the same host port over TCP and UDP, and a non-essential sidecar with a memory reservation
  {
    family: 'bell',
    containerDefinitions: [
      container('dns', 'coredns:1.11', 128, 96, {
        portMappings: [
          { containerPort: 53, hostPort: 8053, protocol: 'udp' },
          { containerPort: 53, hostPort: 8053, protocol: 'tcp' },
        ],
      }),
      { name: 'sidecar', image: 'busybox:1.36', cpu: 0, memoryReservation: 32, essential: false },
    ],
  },
  // 4: big: one per t3.small at most
  { family: 'boulder', containerDefinitions: [container('db', 'postgres:16', 1024, 1500)] },
  // 5: needs more memory than any instance registers (t3.medium registers 3992 MiB)
  { family: 'mountain', containerDefinitions: [container('app', 'elastic:8', 512, 4000)] },
  // 6: a memberOf constraint in the task definition itself
  {
    family: 'sprite',
    placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == t3.small' }],
    containerDefinitions: [container('app', 'nginx:1.27', 64, 128)],
  },
];
export const TD_PEBBLE = 0;
export const TD_BOULDER = 4;
export const TD_MOUNTAIN = 5;

/**
 * A task definition whose host port is one the agent reserves
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerInstance.html).
 */
export const RESERVED_PORT_TASK_DEFS: Record<string, unknown>[] = [
  {
    family: 'warden',
    containerDefinitions: [
      container('sshd', 'sshd:9', 64, 64, { portMappings: [{ containerPort: 22, hostPort: 22 }] }),
    ],
  },
  {
    family: 'keeper',
    networkMode: 'host',
    containerDefinitions: [
      container('agent', 'introspect:1', 64, 64, { portMappings: [{ containerPort: 51678 }] }),
    ],
  },
];

export const IMAGES = ['nginx:1.27', 'httpd:2.4', 'redis:7', 'coredns:1.11', 'postgres:16', 'busybox:1.36'];

// ---------------------------------------------------------------------------------------------
// Placement constraints, with an independent oracle for the expressions used

export interface MemberOfExpr {
  text: string;
  holds: (attributes: Record<string, string>) => boolean;
}

export const MEMBER_OF: MemberOfExpr[] = [
  {
    text: `attribute:ecs.availability-zone in [${ZONES[0]}, ${ZONES[1]}]`,
    holds: (a) => a['ecs.availability-zone'] === ZONES[0] || a['ecs.availability-zone'] === ZONES[1],
  },
  {
    text: 'attribute:ecs.instance-type == t3.small',
    holds: (a) => a['ecs.instance-type'] === 't3.small',
  },
  { text: 'attribute:color == blue', holds: (a) => a.color === 'blue' },
  // Never true: no operation sets the colour purple.
  { text: 'attribute:color == purple', holds: (a) => a.color === 'purple' },
];
export const MEMBER_OF_NONE = 3;

export function memberOfOracle(expression: string): MemberOfExpr {
  const e = MEMBER_OF.find((m) => m.text === expression);
  if (!e) throw new Error(`test oracle has no meaning for expression ${expression}`);
  return e;
}

export type ConstraintSpec = { type: 'distinctInstance' } | { type: 'memberOf'; expr: number };

export function constraintInput(c: ConstraintSpec): Record<string, unknown> {
  return c.type === 'distinctInstance'
    ? { type: 'distinctInstance' }
    : { type: 'memberOf', expression: (MEMBER_OF[c.expr] as MemberOfExpr).text };
}

export const STRATEGIES: Record<string, unknown>[][] = [
  [],
  [{ type: 'random' }],
  [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
  [{ type: 'binpack', field: 'memory' }],
  [
    { type: 'spread', field: 'attribute:ecs.availability-zone' },
    { type: 'binpack', field: 'cpu' },
  ],
  [{ type: 'spread', field: 'instanceId' }],
];

// ---------------------------------------------------------------------------------------------
// Operations

export type Op =
  | { k: 'run'; td: number; count: number; cons: ConstraintSpec[]; strat: number; group: boolean }
  | { k: 'start'; td: number; ci: number }
  | { k: 'stop'; task: number }
  | {
      k: 'createSvc';
      svc: number;
      td: number;
      desired: number;
      cons: ConstraintSpec[];
      strat: number;
      min: number;
      max: number;
      /** A DAEMON service: one task per ACTIVE instance, no desiredCount, no strategy, max 100%. */
      daemon: boolean;
    }
  | { k: 'updateSvc'; svc: number; desired: number | null; newRevision: boolean }
  | { k: 'deleteSvc'; svc: number }
  | { k: 'drain'; ci: number }
  | { k: 'activate'; ci: number }
  | { k: 'attr'; ci: number; value: 'blue' | 'green' }
  | { k: 'launch'; zone: number; type: string }
  | { k: 'terminate'; inst: number }
  | { k: 'failZone'; zone: number }
  | { k: 'restoreZone'; zone: number }
  | { k: 'lose'; inst: number }
  | { k: 'disconnect'; inst: number }
  | { k: 'reconnect'; inst: number }
  | { k: 'crash'; task: number; exitCode: number }
  | { k: 'image'; image: number; mode: 'ok' | 'fail-to-start' | 'crash'; after: number }
  | { k: 'describe'; what: number }
  | { k: 'bogus'; variant: number }
  | { k: 'advance'; seconds: number };

/** An index into a list resolved at run time; -1 (rarely) asks for a reference that does not exist. */
export const pickArb = fc.oneof(
  { weight: 12, arbitrary: fc.nat(1000) },
  { weight: 1, arbitrary: fc.constant(-1) },
);

export const constraintArb: fc.Arbitrary<ConstraintSpec> = fc.oneof(
  fc.constant({ type: 'distinctInstance' as const }),
  fc.integer({ min: 0, max: 2 }).map((expr) => ({ type: 'memberOf' as const, expr })),
);

/** (minimumHealthyPercent, maximumPercent) pairs ECS accepts, without the 100/100 deadlock. */
export const deploymentBoundsArb = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 100, max: 200 }))
  .filter(([min, max]) => max >= min && !(min === 100 && max === 100));

export interface OpWeights {
  tasks: number;
  services: number;
  instances: number;
  faults: number;
  reads: number;
  bogus: number;
  advance: number;
}

export const DEFAULT_WEIGHTS: OpWeights = {
  tasks: 6,
  services: 5,
  instances: 4,
  faults: 4,
  reads: 1,
  bogus: 2,
  advance: 8,
};

export function opArb(tdCount: number, w: OpWeights = DEFAULT_WEIGHTS): fc.Arbitrary<Op> {
  const td = fc.nat(tdCount - 1);
  const cons = fc.array(constraintArb, { maxLength: 2 });
  const strat = fc.nat(STRATEGIES.length - 1);
  const svc = fc.nat(SERVICE_NAMES.length - 1);
  const arbs: fc.WeightedArbitrary<Op>[] = [
    {
      weight: w.tasks * 3,
      arbitrary: fc.record({
        k: fc.constant('run' as const),
        td,
        count: fc.integer({ min: 1, max: 4 }),
        cons,
        strat,
        group: fc.boolean(),
      }),
    },
    { weight: w.tasks, arbitrary: fc.record({ k: fc.constant('start' as const), td, ci: pickArb }) },
    { weight: w.tasks * 2, arbitrary: fc.record({ k: fc.constant('stop' as const), task: pickArb }) },
    { weight: w.services * 3, arbitrary: createServiceArb(tdCount) },
    {
      weight: w.services * 2,
      arbitrary: fc.record({
        k: fc.constant('updateSvc' as const),
        svc,
        desired: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
        newRevision: fc.boolean(),
      }),
    },
    { weight: w.services, arbitrary: fc.record({ k: fc.constant('deleteSvc' as const), svc }) },
    { weight: w.instances, arbitrary: fc.record({ k: fc.constant('drain' as const), ci: pickArb }) },
    { weight: w.instances, arbitrary: fc.record({ k: fc.constant('activate' as const), ci: pickArb }) },
    {
      weight: w.instances,
      arbitrary: fc.record({
        k: fc.constant('attr' as const),
        ci: pickArb,
        value: fc.constantFrom('blue' as const, 'green' as const),
      }),
    },
    {
      weight: w.instances,
      arbitrary: fc.record({
        k: fc.constant('launch' as const),
        zone: fc.nat(2),
        type: fc.constantFrom(...INSTANCE_TYPES),
      }),
    },
    { weight: w.instances, arbitrary: fc.record({ k: fc.constant('terminate' as const), inst: pickArb }) },
    { weight: w.faults, arbitrary: fc.record({ k: fc.constant('failZone' as const), zone: fc.nat(2) }) },
    { weight: w.faults, arbitrary: fc.record({ k: fc.constant('restoreZone' as const), zone: fc.nat(2) }) },
    { weight: w.faults, arbitrary: fc.record({ k: fc.constant('lose' as const), inst: pickArb }) },
    { weight: w.faults, arbitrary: fc.record({ k: fc.constant('disconnect' as const), inst: pickArb }) },
    { weight: w.faults, arbitrary: fc.record({ k: fc.constant('reconnect' as const), inst: pickArb }) },
    {
      weight: w.faults * 2,
      arbitrary: fc.record({
        k: fc.constant('crash' as const),
        task: pickArb,
        exitCode: fc.constantFrom(0, 1, 137),
      }),
    },
    {
      weight: w.faults,
      arbitrary: fc.record({
        k: fc.constant('image' as const),
        image: fc.nat(IMAGES.length - 1),
        mode: fc.constantFrom('ok' as const, 'fail-to-start' as const, 'crash' as const),
        after: fc.integer({ min: 1, max: 90 }),
      }),
    },
    { weight: w.reads, arbitrary: fc.record({ k: fc.constant('describe' as const), what: fc.nat(4) }) },
    {
      weight: w.bogus,
      arbitrary: fc.record({ k: fc.constant('bogus' as const), variant: fc.nat(BOGUS.length - 1) }),
    },
    {
      weight: w.advance,
      arbitrary: fc.record({
        k: fc.constant('advance' as const),
        seconds: fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: 1, max: 15 }) },
          { weight: 3, arbitrary: fc.integer({ min: 16, max: 60 }) },
          { weight: 1, arbitrary: fc.integer({ min: 61, max: 180 }) },
        ),
      }),
    },
  ];
  return fc.oneof(...arbs.filter((a) => a.weight > 0));
}

export interface FleetMember {
  zone: number;
  type: string;
}

export const fleetArb = (minLength = 1, maxLength = 5): fc.Arbitrary<FleetMember[]> =>
  fc.array(fc.record({ zone: fc.nat(2), type: fc.constantFrom<string>(...INSTANCE_TYPES) }), {
    minLength,
    maxLength,
  });

export interface Scenario {
  seed: number;
  fleet: FleetMember[];
  /** Services created right after setup (further ones may come from the operations). */
  services: Op[];
  ops: Op[];
}

export function createServiceArb(tdCount: number): fc.Arbitrary<Extract<Op, { k: 'createSvc' }>> {
  return fc
    .record({
      k: fc.constant('createSvc' as const),
      svc: fc.nat(SERVICE_NAMES.length - 1),
      td: fc.nat(tdCount - 1),
      desired: fc.integer({ min: 0, max: 5 }),
      cons: fc.array(constraintArb, { maxLength: 2 }),
      strat: fc.nat(STRATEGIES.length - 1),
      bounds: deploymentBoundsArb,
      daemon: fc.nat(7).map((n) => n === 0),
    })
    .map(({ bounds, ...r }) => ({ ...r, min: bounds[0], max: bounds[1] }));
}

export function scenarioArb(
  options: { tdCount?: number; weights?: OpWeights; minOps?: number; maxOps?: number } = {},
): fc.Arbitrary<Scenario> {
  const tdCount = options.tdCount ?? TASK_DEFS.length;
  return fc.record({
    seed: fc.integer({ min: 1, max: 0x7fffffff }),
    fleet: fleetArb(),
    services: fc.array(createServiceArb(tdCount), { maxLength: 3 }),
    ops: fc.array(opArb(tdCount, options.weights), {
      minLength: options.minOps ?? 1,
      maxLength: options.maxOps ?? 40,
      size: 'max',
    }),
  });
}

/** Runs a whole scenario: setup, the initial services, then every operation. */
export function runScenario(d: Driver, sc: Scenario, taskDefs: Record<string, unknown>[] = TASK_DEFS): void {
  d.setup(sc.fleet, taskDefs);
  for (const op of sc.services) d.apply(op, taskDefs);
  for (const op of sc.ops) d.apply(op, taskDefs);
}

// ---------------------------------------------------------------------------------------------
// Invalid calls

const NO_TASK = `arn:aws:ecs:${REGION}:123456789012:task/${CLUSTER}/00000000000000000000000000000000`;

export const BOGUS: Call[] = [
  { action: 'ecs:Teleport', input: {} },
  { action: 'ecs:StopTask', input: { cluster: CLUSTER, task: NO_TASK } },
  { action: 'ecs:RunTask', input: { cluster: 'Nowhere', taskDefinition: 'pebble' } },
  { action: 'ecs:RunTask', input: { cluster: CLUSTER, taskDefinition: 'pebble', count: 11 } },
  { action: 'ecs:RunTask', input: { cluster: CLUSTER, taskDefinition: 'no-such-family' } },
  {
    action: 'ecs:RunTask',
    input: {
      cluster: CLUSTER,
      taskDefinition: 'pebble',
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:color ==' }],
    },
  },
  {
    action: 'ecs:CreateService',
    input: { cluster: CLUSTER, serviceName: 'x', taskDefinition: 'pebble', desiredCount: -1 },
  },
  {
    action: 'ecs:CreateService',
    input: {
      cluster: CLUSTER,
      serviceName: 'y',
      taskDefinition: 'pebble',
      desiredCount: 1,
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 250 },
    },
  },
  { action: 'ecs:UpdateService', input: { cluster: CLUSTER, service: 'ghost', desiredCount: 1 } },
  {
    action: 'ecs:UpdateContainerInstancesState',
    input: { cluster: CLUSTER, containerInstances: [], status: 'ACTIVE' },
  },
  {
    action: 'ecs:PutAttributes',
    input: {
      cluster: CLUSTER,
      attributes: [{ name: 'ecs.availability-zone', value: 'x', targetId: 'nope' }],
    },
  },
  { action: 'ec2:TerminateInstances', input: { InstanceIds: [] } },
  {
    action: 'ec2:RunInstances',
    input: { ImageId: 'ami-nope', InstanceType: 't3.small', MinCount: 1, MaxCount: 1 },
  },
  { action: 'sim:FailAvailabilityZone', input: { availabilityZone: 'mars-1a' } },
  { action: 'sim:LoseInstance', input: { instanceId: 'i-0000000000000000' } },
  { action: 'sim:CrashContainer', input: { cluster: CLUSTER, task: NO_TASK } },
  { action: 'sim:SetImageBehavior', input: { image: 'nginx:1.27', mode: 'explode' } },
  { action: 'ecs:DescribeServices', input: { cluster: CLUSTER, services: ['mill'] }, region: 'xx-nowhere-1' },
];

// ---------------------------------------------------------------------------------------------
// The driver

export type Transition =
  | { kind: 'step'; prev: SimState; call: Call; result: StepResult }
  | { kind: 'advance'; prev: SimState; seconds: number; result: AdvanceResult };

export interface Hooks {
  /** Runs before every step or advance with the state about to be passed in. */
  before?: (state: SimState) => void;
  /** Runs after every step or advance. */
  after?: (r: Transition) => void;
}

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

function pick<T>(list: T[], i: number): T | undefined {
  if (i < 0 || list.length === 0) return undefined;
  return list[i % list.length];
}

export class Driver {
  state: SimState;
  ami = '';
  constructor(
    seed: number,
    readonly hooks: Hooks = {},
    /** Split advances into chunks of at most this many seconds (each chunk is checked). */
    readonly chunk = Number.POSITIVE_INFINITY,
  ) {
    this.state = createSim({ seed, region: REGION });
  }

  call(action: string, input: Record<string, unknown> = {}, region?: string): CallResponse {
    const c: Call = { action, input, ...(region ? { region } : {}) };
    const prev = this.state;
    this.hooks.before?.(prev);
    const result = step(prev, c);
    this.state = result.state;
    this.hooks.after?.({ kind: 'step', prev, call: c, result });
    return result.response;
  }

  ok(action: string, input: Record<string, unknown> = {}): Record<string, any> {
    const r = this.call(action, input);
    if ('error' in r) throw new Error(`${action} failed: ${r.error.name}: ${r.error.message}`);
    return r.output as Record<string, any>;
  }

  advance(seconds: number): void {
    let left = seconds;
    while (left > 0) {
      const n = Math.min(left, this.chunk);
      left -= n;
      const prev = this.state;
      this.hooks.before?.(prev);
      const result = advance(prev, n);
      this.state = result.state;
      this.hooks.after?.({ kind: 'advance', prev, seconds: n, result });
    }
  }

  /** Cluster, AMI, the fleet, the task definitions; then 25 s for the agents to register. */
  setup(fleet: FleetMember[], taskDefs: Record<string, unknown>[] = TASK_DEFS): void {
    this.ok('ecs:CreateCluster', { clusterName: CLUSTER });
    this.ami = this.ok('ssm:GetParameter', { Name: ECS_AMI_PARAM }).Parameter.Value;
    for (const m of fleet) this.launch(m.zone, m.type);
    for (const td of taskDefs) this.ok('ecs:RegisterTaskDefinition', td);
    this.advance(25);
  }

  launch(zone: number, type: string): CallResponse {
    return this.call('ec2:RunInstances', {
      ImageId: this.ami,
      InstanceType: type,
      MinCount: 1,
      MaxCount: 1,
      Placement: { AvailabilityZone: ZONES[zone] },
      UserData: encodeBase64(`#!/bin/bash\necho ECS_CLUSTER=${CLUSTER} >> /etc/ecs/ecs.config\n`),
    });
  }

  // Views of the current state used to resolve picks (sorted: independent of insertion order).
  liveTasks(): Task[] {
    return this.state.tasks
      .values()
      .filter((t) => t.lastStatus !== 'STOPPED')
      .sort(byKey((t) => t.taskArn));
  }
  containerInstanceArns(): string[] {
    return this.state.containerInstances
      .values()
      .filter((ci) => ci.status !== 'INACTIVE')
      .map((ci) => ci.containerInstanceArn)
      .sort();
  }
  instanceIds(): string[] {
    return this.state.instances
      .values()
      .filter((i) => i.state !== 'terminated')
      .map((i) => i.instanceId)
      .sort();
  }

  private taskRef(i: number, running = false): string {
    const list = this.liveTasks().filter((t) => !running || t.lastStatus === 'RUNNING');
    return pick(list, i)?.taskArn ?? NO_TASK;
  }
  private ciRef(i: number): string {
    return pick(this.containerInstanceArns(), i) ?? '0123456789abcdef0123456789abcdef';
  }
  private instRef(i: number): string {
    return pick(this.instanceIds(), i) ?? 'i-0123456789abcdef0';
  }

  apply(op: Op, taskDefs: Record<string, unknown>[] = TASK_DEFS): void {
    const family = (i: number) => (taskDefs[i] as { family: string }).family;
    switch (op.k) {
      case 'run':
        this.call('ecs:RunTask', {
          cluster: CLUSTER,
          taskDefinition: family(op.td),
          count: op.count,
          ...(op.cons.length ? { placementConstraints: op.cons.map(constraintInput) } : {}),
          ...(STRATEGIES[op.strat]?.length ? { placementStrategy: STRATEGIES[op.strat] } : {}),
          ...(op.group ? { group: 'band' } : {}),
        });
        return;
      case 'start':
        this.call('ecs:StartTask', {
          cluster: CLUSTER,
          taskDefinition: family(op.td),
          containerInstances: [this.ciRef(op.ci)],
        });
        return;
      case 'stop':
        this.call('ecs:StopTask', { cluster: CLUSTER, task: this.taskRef(op.task), reason: 'property test' });
        return;
      case 'createSvc':
        this.call('ecs:CreateService', {
          cluster: CLUSTER,
          serviceName: SERVICE_NAMES[op.svc],
          taskDefinition: family(op.td),
          ...(op.daemon
            ? {
                schedulingStrategy: 'DAEMON',
                deploymentConfiguration: { minimumHealthyPercent: op.min, maximumPercent: 100 },
              }
            : {
                desiredCount: op.desired,
                deploymentConfiguration: { minimumHealthyPercent: op.min, maximumPercent: op.max },
                ...(STRATEGIES[op.strat]?.length ? { placementStrategy: STRATEGIES[op.strat] } : {}),
              }),
          ...(op.cons.length ? { placementConstraints: op.cons.map(constraintInput) } : {}),
        });
        return;
      case 'updateSvc': {
        const name = SERVICE_NAMES[op.svc] as string;
        const svc = this.state.services.values().find((s) => s.serviceName === name);
        let taskDefinition: string | undefined;
        if (op.newRevision && svc) {
          const fam = this.state.taskDefinitions[svc.taskDefinition]?.family;
          const def = taskDefs.find((d) => d.family === fam);
          if (def)
            taskDefinition = this.ok('ecs:RegisterTaskDefinition', def).taskDefinition.taskDefinitionArn;
        }
        this.call('ecs:UpdateService', {
          cluster: CLUSTER,
          service: name,
          ...(op.desired !== null ? { desiredCount: op.desired } : {}),
          ...(taskDefinition ? { taskDefinition } : {}),
        });
        return;
      }
      case 'deleteSvc':
        this.call('ecs:DeleteService', { cluster: CLUSTER, service: SERVICE_NAMES[op.svc], force: true });
        return;
      case 'drain':
      case 'activate':
        this.call('ecs:UpdateContainerInstancesState', {
          cluster: CLUSTER,
          containerInstances: [this.ciRef(op.ci)],
          status: op.k === 'drain' ? 'DRAINING' : 'ACTIVE',
        });
        return;
      case 'attr':
        this.call('ecs:PutAttributes', {
          cluster: CLUSTER,
          attributes: [{ name: 'color', value: op.value, targetId: this.ciRef(op.ci) }],
        });
        return;
      case 'launch':
        this.launch(op.zone, op.type);
        return;
      case 'terminate':
        this.call('ec2:TerminateInstances', { InstanceIds: [this.instRef(op.inst)] });
        return;
      case 'failZone':
        this.call('sim:FailAvailabilityZone', { availabilityZone: ZONES[op.zone] });
        return;
      case 'restoreZone':
        this.call('sim:RestoreAvailabilityZone', { availabilityZone: ZONES[op.zone] });
        return;
      case 'lose':
        this.call('sim:LoseInstance', { instanceId: this.instRef(op.inst) });
        return;
      case 'disconnect':
        this.call('sim:DisconnectAgent', { instanceId: this.instRef(op.inst) });
        return;
      case 'reconnect':
        this.call('sim:ReconnectAgent', { instanceId: this.instRef(op.inst) });
        return;
      case 'crash':
        this.call('sim:CrashContainer', {
          cluster: CLUSTER,
          task: this.taskRef(op.task, true),
          exitCode: op.exitCode,
        });
        return;
      case 'image':
        this.call('sim:SetImageBehavior', {
          image: IMAGES[op.image],
          mode: op.mode,
          ...(op.mode === 'crash' ? { crashAfterSeconds: op.after } : {}),
        });
        return;
      case 'describe': {
        const reads: [string, Record<string, unknown>][] = [
          ['ecs:DescribeServices', { cluster: CLUSTER, services: [...SERVICE_NAMES] }],
          ['ecs:DescribeContainerInstances', { cluster: CLUSTER, containerInstances: [this.ciRef(0)] }],
          ['ecs:DescribeTasks', { cluster: CLUSTER, tasks: [this.taskRef(0)] }],
          ['ec2:DescribeInstances', {}],
          ['ecs:ListTasks', { cluster: CLUSTER }],
        ];
        const [action, input] = reads[op.what % reads.length] as [string, Record<string, unknown>];
        this.call(action, input);
        return;
      }
      case 'bogus': {
        const c = BOGUS[op.variant] as Call;
        this.call(c.action, c.input ?? {}, c.region);
        return;
      }
      case 'advance':
        this.advance(op.seconds);
        return;
    }
  }
}
