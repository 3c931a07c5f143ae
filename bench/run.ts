/**
 * Nozama's performance bench (npm run bench).
 *
 * 1. Placement: placeTasks (src/model/placement.ts) against a naive reference (bench/naive-placement.ts)
 *    measured in the same process, interleaved, median of 5 samples after a warm-up.
 * 2. One simulated hour of a 20-instance, 200-task, 5-service cluster built through the public API,
 *    timed as advance(state, 3600) and as 3600 calls of advance(state, 1), against a simple reference
 *    workload measured in the same run.
 * 2b. One simulated hour of an ECS CANARY deployment under 100 requests/s on 20 instances
 *    (bench/canary-hour.ts), timed the same way against the same reference.
 * 2b'. Issue 17: one simulated hour of a scaling kingdom (20 to 100 tasks by target tracking on CPU as
 *    travelers rise and fall, bench/scaling-hour.ts) as a ratio to the same hour without scaling; its
 *    figures are under "scalingHour".
 * 2c. Cost through the public API at 100, 1,000 and 5,000 instances: calls per second, the tick per
 *    simulated second (steady and during a burst), the ratio of each size to the next, and issue 11's
 *    goals (bench/api-scale.ts); its figures are under "apiScale".
 * 3. Frame times of the real game in headless Chromium, Canvas and WebGL (software, SwiftShader): an
 *    empty world, 100 territories and 1,000 developments, and the busiest level (canary) at 16x, the
 *    renderer the game picks by itself, and the heap over the busiest level (bench/frame.ts); its
 *    figures are under "frame".
 * 4. First paint: the game's production build against a Phaser-only page, ready time and first-load
 *    gzip bytes, both ratios from one run (bench/first-load.ts); its figures are under "firstLoad".
 * 5. Embeds (bench/embed-bytes.ts): bytes before a demo's poster against the full game's bytes to its
 *    first frame, and three demos below the fold loading no Phaser until scrolled; under "embed".
 *
 * Prints human-readable lines, then ONE line of JSON with every figure. Exits non-zero only when a
 * result is invalid (a task not placed, an over-committed instance, a broken constraint, an unstable
 * cluster); a missed goal prints FAIL and still exits 0.
 */
import { instanceTypeInfo, registeredCpu, registeredMemory } from '../src/model/ec2/catalog.ts';
import { type Candidate, type PlacementRequest, placeTasks } from '../src/model/ecs/placement.ts';
import { advance, createSim, step } from '../src/model/index.ts';
import type { Call, PlacementStrategy, SimState } from '../src/model/sim/types.ts';
import { apiScaleBench, apiScaleLines } from './api-scale.ts';
import { countTasks as liveCount } from './api-scale-world.ts';
import { buildCanaryWorld, checkCanaryHour } from './canary-hour.ts';
import { embedBench, embedLines } from './embed-bytes.ts';
import { firstLoadBench, firstLoadLines } from './first-load.ts';
import { frameBench, frameLines } from './frame.ts';
import { naivePlaceTasks } from './naive-placement.ts';
import { buildScalingWorld, checkScalingHour, playHour, SCHEDULE } from './scaling-hour.ts';

const SAMPLES = 5;
/** A sample repeats the workload until it has run at least this long (small cases are sub-ms). */
const MIN_SAMPLE_MS = 150;
/** The naive reference is measured on at most this many instance checks per sample (see below). */
const REFERENCE_CHECK_BUDGET = 10_000_000;

let invalid = false;
const failures = new Set<string>();
/** Records an invalid result (printed once per distinct message, at most 20). */
function fail(msg: string): void {
  invalid = true;
  if (failures.has(msg)) return;
  failures.add(msg);
  if (failures.size <= 20) console.log(`INVALID: ${msg}`);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------------------------------------
// 1. Placement

const REGION = 'za-southwest-1';
const ZONES = ['a', 'b', 'c'].map((l) => REGION + l);
const TYPES = ['t3.medium', 'm5.large', 'r5.large'];
const TASK_CPU = 128;
const TASK_MEMORY = 256;
const AZ_FIELD = 'attribute:ecs.availability-zone';

function buildCandidates(n: number): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const type = TYPES[Math.floor(i / 3) % TYPES.length] as string;
    const zone = ZONES[i % ZONES.length] as string;
    const info = instanceTypeInfo(type);
    if (!info) throw new Error(`unknown instance type ${type}`);
    const id = `i-${i.toString(16).padStart(17, '0')}`;
    out.push({
      containerInstanceArn: `arn:aws:ecs:${REGION}:123456789012:container-instance/bench/${i.toString(16).padStart(32, '0')}`,
      ec2InstanceId: id,
      availabilityZone: zone,
      status: 'ACTIVE',
      agentConnected: true,
      agentVersion: '1.89.0',
      registeredAt: 1767225600,
      attributes: {
        'ecs.availability-zone': zone,
        'ecs.instance-type': type,
        'ecs.os-type': 'linux',
        'ecs.cpu-architecture': 'x86_64',
      },
      remainingCpu: registeredCpu(info),
      remainingMemory: registeredMemory(info),
      usedPorts: [22, 2375, 2376, 51678, 51679],
      usedPortsUdp: [],
      usedEnis: 0,
      maxEnis: info.maxEnis,
      runningTasksCount: 0,
      groups: {},
    });
  }
  return out;
}

/** Tasks of TASK_CPU/TASK_MEMORY that fit on the fleet (each instance: min of cpu and memory). */
function capacityOf(cands: Candidate[]): number {
  let n = 0;
  for (const c of cands)
    n += Math.min(Math.floor(c.remainingCpu / TASK_CPU), Math.floor(c.remainingMemory / TASK_MEMORY));
  return n;
}

function request(group: string, strategies: PlacementStrategy[], distinct: boolean): PlacementRequest {
  return {
    group,
    cpu: TASK_CPU,
    memory: TASK_MEMORY,
    hostPorts: [],
    hostPortsUdp: [],
    usesEni: false,
    strategies,
    constraints: distinct ? [{ type: 'distinctInstance' }] : [],
  };
}

type Placer = (cands: Candidate[], req: PlacementRequest, count: number, random: () => number) => number[];
const ours: Placer = (cands, req, count, random) =>
  placeTasks(cands, req, count, random, { trace: false }).placed;
const naive: Placer = naivePlaceTasks;

/** One placement job: a list of batches (one call each), applied to the fleet between calls. */
interface Batch {
  req: PlacementRequest;
  count: number;
}

/** Applies placements to the fleet (the caller's part, outside the timed calls). */
function apply(cands: Candidate[], req: PlacementRequest, placed: number[]): void {
  for (const i of placed) {
    const c = cands[i] as Candidate;
    c.remainingCpu -= req.cpu;
    c.remainingMemory -= req.memory;
    c.runningTasksCount += 1;
    c.groups[req.group] = (c.groups[req.group] ?? 0) + 1;
  }
}

function freshFleet(base: Candidate[]): Candidate[] {
  return base.map((c) => ({ ...c, groups: { ...c.groups } }));
}

/** Runs the batches once, timing only the placement calls. Returns ms and each batch's placements. */
function runOnce(
  place: Placer,
  base: Candidate[],
  batches: Batch[],
  seed: number,
): { ms: number; placed: number[][] } {
  const fleet = freshFleet(base);
  const random = mulberry32(seed);
  const placed: number[][] = [];
  let ms = 0;
  for (const b of batches) {
    const t0 = performance.now();
    const p = place(fleet, b.req, b.count, random);
    ms += performance.now() - t0;
    placed.push(p);
    apply(fleet, b.req, p);
  }
  return { ms, placed };
}

/** Checks a run's placements: all placed, no over-commit, distinctInstance held, spread balanced. */
function validate(
  label: string,
  base: Candidate[],
  batches: Batch[],
  placed: number[][],
  spreadCase: boolean,
): void {
  const fleet = freshFleet(base);
  batches.forEach((b, k) => {
    const p = placed[k] ?? [];
    if (p.length !== b.count) fail(`${label}: batch ${k} placed ${p.length} of ${b.count} tasks`);
    const zoneCount = new Map<string, number>(ZONES.map((z) => [z, 0]));
    for (const i of p) {
      const c = fleet[i];
      if (c === undefined) {
        fail(`${label}: placement on unknown candidate ${i}`);
        return;
      }
      c.remainingCpu -= b.req.cpu;
      c.remainingMemory -= b.req.memory;
      c.groups[b.req.group] = (c.groups[b.req.group] ?? 0) + 1;
      if (c.remainingCpu < 0 || c.remainingMemory < 0) {
        fail(
          `${label}: ${c.ec2InstanceId} over-committed (cpu ${c.remainingCpu}, memory ${c.remainingMemory})`,
        );
        return;
      }
      if (b.req.constraints.some((x) => x.type === 'distinctInstance') && (c.groups[b.req.group] ?? 0) > 1) {
        fail(`${label}: distinctInstance broken on ${c.ec2InstanceId} for ${b.req.group}`);
        return;
      }
      zoneCount.set(c.availabilityZone, (zoneCount.get(c.availabilityZone) ?? 0) + 1);
    }
    if (spreadCase) {
      // Every zone keeps room for the whole job here, so the zone spread must be even to within one.
      const counts = [...zoneCount.values()];
      if (Math.max(...counts) - Math.min(...counts) > 1)
        fail(`${label}: zone spread uneven ${JSON.stringify(counts)}`);
    }
  });
}

/** Median placements/s over SAMPLES samples (each at least MIN_SAMPLE_MS), validating every run. */
function sampler(label: string, place: Placer, base: Candidate[], batches: Batch[], spreadCase: boolean) {
  const tasks = batches.reduce((s, b) => s + b.count, 0);
  const rates: number[] = [];
  let seed = 1;
  const sample = (): void => {
    let ms = 0;
    let done = 0;
    do {
      const r = runOnce(place, base, batches, seed++);
      validate(label, base, batches, r.placed, spreadCase);
      ms += r.ms;
      done += tasks;
    } while (ms < MIN_SAMPLE_MS);
    rates.push((done / ms) * 1000);
  };
  return { sample, rates, warm: () => runOnce(place, base, batches, 0), tasks };
}

interface PlacementFigure {
  case: string;
  tasks: number;
  instances: number;
  placementsPerSecond: number;
  referencePlacementsPerSecond: number;
  ratioToReference: number;
  /** Placements the reference was measured on (the first ones of the job, see note). */
  referenceTasksMeasured: number;
  /** Our rate on exactly the reference's subset: the ratio compares like with like. */
  placementsPerSecondOnReferenceSubset: number;
  samples: number;
}

function placementCase(
  kind: 'spread-az-binpack-memory' | 'distinct-instance-spread-az',
  tasks: number,
  instances: number,
): PlacementFigure {
  const base = buildCandidates(instances);
  const capacity = capacityOf(base);
  if (tasks > capacity)
    throw new Error(`${tasks} tasks do not fit on ${instances} instances (capacity ${capacity})`);
  let batches: Batch[];
  if (kind === 'spread-az-binpack-memory') {
    const req = request(
      'family:bench',
      [
        { type: 'spread', field: AZ_FIELD },
        { type: 'binpack', field: 'memory' },
      ],
      false,
    );
    batches = [{ req, count: tasks }];
  } else {
    batches = [];
    for (let g = 0; g < tasks / instances; g++) {
      batches.push({
        req: request(`family:batch-${g}`, [{ type: 'spread', field: AZ_FIELD }], true),
        count: instances,
      });
    }
  }
  // The reference costs ~tasks x instances checks: past the budget, it runs on the job's first
  // placements only (a shorter count for the single call; the first batch, cut short, for distinctInstance).
  const refTasks = Math.min(tasks, Math.max(1, Math.floor(REFERENCE_CHECK_BUDGET / instances)));
  const refBatches: Batch[] = [];
  let left = refTasks;
  for (const b of batches) {
    if (left <= 0) break;
    refBatches.push({ req: b.req, count: Math.min(b.count, left) });
    left -= b.count;
  }
  const subset = refTasks < tasks;
  const spreadCase = kind === 'spread-az-binpack-memory';
  const label = `${kind} ${tasks}x${instances}`;

  const full = sampler(`${label} ours`, ours, base, batches, spreadCase);
  const ref = sampler(`${label} reference`, naive, base, refBatches, spreadCase);
  const oursSub = subset ? sampler(`${label} ours subset`, ours, base, refBatches, spreadCase) : null;
  full.warm();
  ref.warm();
  oursSub?.warm();
  for (let i = 0; i < SAMPLES; i++) {
    full.sample();
    ref.sample();
    oursSub?.sample();
  }
  const pps = median(full.rates);
  const refPps = median(ref.rates);
  const subPps = oursSub ? median(oursSub.rates) : pps;
  return {
    case: kind,
    tasks,
    instances,
    placementsPerSecond: Math.round(pps),
    referencePlacementsPerSecond: Math.round(refPps),
    ratioToReference: round(subPps / refPps, 2),
    referenceTasksMeasured: refTasks,
    placementsPerSecondOnReferenceSubset: Math.round(subPps),
    samples: SAMPLES,
  };
}

// ---------------------------------------------------------------------------------------------
// 2. One simulated hour

function call(
  s: SimState,
  action: string,
  input: Record<string, unknown>,
): { state: SimState; output: Record<string, any> } {
  const c: Call = { action, input };
  const r = step(s, c);
  if ('error' in r.response)
    throw new Error(`${action} failed: ${r.response.error.name}: ${r.response.error.message}`);
  return { state: r.state, output: r.response.output as Record<string, any> };
}

const SERVICES: { name: string; strategy: PlacementStrategy[] }[] = [
  { name: 'gate', strategy: [] },
  {
    name: 'market',
    strategy: [
      { type: 'spread', field: AZ_FIELD },
      { type: 'binpack', field: 'memory' },
    ],
  },
  { name: 'forge', strategy: [{ type: 'binpack', field: 'cpu' }] },
  { name: 'library', strategy: [{ type: 'spread', field: 'instanceId' }] },
  { name: 'stables', strategy: [{ type: 'random' }] },
];
const TASKS_PER_SERVICE = 40;
const SIM_INSTANCES = 20;

function stable(s: SimState): boolean {
  const { running, live } = liveCount(s);
  if (running !== SERVICES.length * TASKS_PER_SERVICE || live !== running) return false;
  return s.services
    .values()
    .every((svc) => svc.deployments.length === 1 && svc.deployments[0]?.rolloutState === 'COMPLETED');
}

function buildKingdom(): { state: SimState; settleSeconds: number } {
  let s = createSim({ seed: 7, region: REGION });
  s = call(s, 'ecs:CreateCluster', { clusterName: 'Royaume' }).state;
  const ami = call(s, 'ssm:GetParameter', {
    Name: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
  }).output.Parameter.Value as string;
  const userData = Buffer.from('#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n').toString(
    'base64',
  );
  for (let i = 0; i < SIM_INSTANCES; i++) {
    s = call(s, 'ec2:RunInstances', {
      ImageId: ami,
      InstanceType: TYPES[i % TYPES.length],
      MinCount: 1,
      MaxCount: 1,
      Placement: { AvailabilityZone: ZONES[i % ZONES.length] },
      UserData: userData,
    }).state;
  }
  SERVICES.forEach((svc, k) => {
    s = call(s, 'ecs:RegisterTaskDefinition', {
      family: svc.name,
      containerDefinitions: [
        { name: svc.name, image: 'nginx:1.27', cpu: TASK_CPU, memory: TASK_MEMORY + 32 * k, essential: true },
      ],
    }).state;
  });
  for (const svc of SERVICES) {
    s = call(s, 'ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: svc.name,
      taskDefinition: svc.name,
      desiredCount: TASKS_PER_SERVICE,
      launchType: 'EC2',
      ...(svc.strategy.length ? { placementStrategy: svc.strategy } : {}),
    }).state;
  }
  let settle = 0;
  while (!stable(s) && settle < 900) {
    s = advance(s, 1).state;
    settle++;
  }
  if (!stable(s)) {
    const { running, live } = liveCount(s);
    fail(`sim hour: cluster not stable after ${settle} s (${running} running of ${live} live tasks)`);
  }
  return { state: s, settleSeconds: settle };
}

/**
 * The reference workload: 3600 passes (one per simulated second), each visiting every task and every
 * container instance of the state once (Object.values, reading status and resources, summing).
 * It is the least a per-second tick could do; it normalises the machine's speed.
 */
function visitReference(s: SimState): number {
  let acc = 0;
  for (let sec = 0; sec < 3600; sec++) {
    for (const t of s.tasks.values()) if (t.lastStatus === 'RUNNING') acc += t.cpu + t.memory;
    for (const ci of s.containerInstances.values())
      if (ci.status === 'ACTIVE') acc += ci.remainingCpu + ci.remainingMemory;
  }
  return acc;
}

/**
 * Times one simulated hour from `state` as advance(state, 3600) and as 3600 x advance(state, 1),
 * against the reference workload on the same state, interleaved, median of SAMPLES after a warm-up.
 * `check` names what is wrong with an hour's end state (null when it is right).
 */
function timeHour(state: SimState, label: string, check: (end: SimState) => string | null) {
  const one: number[] = [];
  const perSecond: number[] = [];
  const reference: number[] = [];
  let sink = 0;
  const runOne = (): number => {
    const a = performance.now();
    const r = advance(state, 3600);
    const ms = performance.now() - a;
    const bad = check(r.state);
    if (bad) fail(`${label} (advance 3600): ${bad}`);
    if (r.state.now !== state.now + 3600) fail(`${label}: advance(state, 3600) did not move time by 3600 s`);
    return ms;
  };
  const runPerSecond = (): number => {
    let s = state;
    const a = performance.now();
    for (let i = 0; i < 3600; i++) s = advance(s, 1).state;
    const ms = performance.now() - a;
    const bad = check(s);
    if (bad) fail(`${label} (3600 x advance 1): ${bad}`);
    return ms;
  };
  const runRef = (): number => {
    const a = performance.now();
    sink += visitReference(state);
    return performance.now() - a;
  };
  runOne();
  runPerSecond();
  runRef();
  for (let i = 0; i < SAMPLES; i++) {
    one.push(runOne());
    perSecond.push(runPerSecond());
    reference.push(runRef());
  }
  if (sink === 0) console.log('(reference sink is zero)');
  const refMs = median(reference);
  const oneMs = median(one);
  const perMs = median(perSecond);
  return {
    advance3600Seconds: round(oneMs / 1000, 4),
    advance1x3600Seconds: round(perMs / 1000, 4),
    referenceSeconds: round(refMs / 1000, 5),
    advance3600RatioToReference: round(oneMs / refMs, 1),
    advance1x3600RatioToReference: round(perMs / refMs, 1),
    samples: SAMPLES,
  };
}

function simHour() {
  const t0 = performance.now();
  const { state, settleSeconds } = buildKingdom();
  const setupMs = performance.now() - t0;
  const timing = timeHour(state, 'sim hour', (end) => (stable(end) ? null : 'the cluster is unstable'));
  return {
    instances: state.containerInstances.size,
    services: state.services.size,
    runningTasks: liveCount(state).running,
    settleSeconds,
    setupSeconds: round(setupMs / 1000, 3),
    ...timing,
    reference:
      '3600 passes, each visiting every task and container instance of the state once (Object.values + sum)',
  };
}

/** Issue 4: one simulated hour of a canary under 100 requests/s on 20 instances (bench/canary-hour.ts). */
function canaryHour() {
  const t0 = performance.now();
  const world = buildCanaryWorld();
  const setupMs = performance.now() - t0;
  const timing = timeHour(world.state, 'canary hour', (end) => checkCanaryHour(world, end));
  return {
    instances: world.state.containerInstances.size,
    desiredTasks: 20,
    requestsPerSecond: 100,
    settleSeconds: world.settleSeconds,
    setupSeconds: round(setupMs / 1000, 3),
    ...timing,
  };
}

/** Samples of the scaling hour (each hour of 100 tasks costs seconds: fewer than the other hours). */
const SCALING_SAMPLES = 3;

/**
 * Issue 17: an hour of a scaling kingdom (20 to 100 tasks, bench/scaling-hour.ts) against the same hour
 * without scaling (20 tasks all along), interleaved, median of SCALING_SAMPLES after a warm-up of each.
 */
function scalingHour() {
  const t0 = performance.now();
  const scaling = buildScalingWorld(true);
  const fixed = buildScalingWorld(false);
  const setupMs = performance.now() - t0;
  const timed = (w: typeof scaling, check: boolean): number => {
    const a = performance.now();
    const end = playHour(w, false);
    const ms = performance.now() - a;
    const bad = check ? checkScalingHour(end) : null;
    if (bad) fail(`scaling hour: ${bad}`);
    return ms;
  };
  timed(scaling, true);
  timed(fixed, false);
  const withScaling: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < SCALING_SAMPLES; i++) {
    withScaling.push(timed(scaling, true));
    without.push(timed(fixed, false));
  }
  const end = playHour(scaling, false);
  const most = Math.max(...end.appAutoScaling.activities.map((a) => (a.why ? a.why.to : 0)));
  const scaledMs = median(withScaling);
  const fixedMs = median(without);
  return {
    requestsPerSecondEachTenMinutes: SCHEDULE,
    tasks: { from: 20, most, end: end.services.values()[0]?.desiredCount ?? 0 },
    activities: end.appAutoScaling.activities.length,
    setupSeconds: round(setupMs / 1000, 3),
    scalingHourSeconds: round(scaledMs / 1000, 3),
    fixedHourSeconds: round(fixedMs / 1000, 3),
    ratioToFixedHour: round(scaledMs / fixedMs, 2),
    samples: SCALING_SAMPLES,
  };
}

// ---------------------------------------------------------------------------------------------

/** Runs a browser part of the bench and prints its lines, or records the error it met (the run is invalid). */
async function browserPart<T>(
  name: string,
  run: () => Promise<T>,
  lines: (figures: T) => string[],
): Promise<T | { error: string }> {
  try {
    const figures = await run();
    for (const line of lines(figures)) console.log(line);
    return figures;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    fail(`${name}: ${message}`);
    return { error: message };
  }
}

/** The browser parts, by the names `npm run bench -- <name>...` takes to run only them. */
const BROWSER_PARTS = {
  frame: () => browserPart('frame benchmark', frameBench, frameLines),
  'first-load': () => browserPart('first-paint benchmark', firstLoadBench, firstLoadLines),
  embed: () => browserPart('embed benchmark', embedBench, embedLines),
} as const;
type BrowserPartName = keyof typeof BROWSER_PARTS;

/** `npm run bench -- frame first-load`: only the named browser parts, then their JSON line. */
async function browserPartsOnly(names: string[]): Promise<void> {
  const unknown = names.filter((n) => !(n in BROWSER_PARTS));
  if (unknown.length > 0) {
    console.error(
      `unknown bench part ${unknown.join(', ')}; parts: ${Object.keys(BROWSER_PARTS).join(', ')}`,
    );
    process.exitCode = 2;
    return;
  }
  const figures: Record<string, unknown> = {};
  for (const name of names) figures[name] = await BROWSER_PARTS[name as BrowserPartName]();
  console.log(JSON.stringify({ ...figures, valid: !invalid }));
  if (invalid) process.exitCode = 1;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => a !== '--model-only');
  if (only.length > 0) return browserPartsOnly(only);
  const started = performance.now();
  console.log(
    `Nozama bench: node ${process.version}, median of ${SAMPLES} samples (each >= ${MIN_SAMPLE_MS} ms), after a warm-up`,
  );
  console.log(
    `Placement: tasks cpu ${TASK_CPU} memory ${TASK_MEMORY}; instances cycle ${TYPES.join('/')} over ${ZONES.length} zones (cpu = vCPUs x 1024, memory = marketed x 7985/8192)`,
  );
  const placement: PlacementFigure[] = [];
  const sizes: [number, number][] = [
    [1000, 100],
    [10000, 1000],
    [50000, 5000],
  ];
  for (const [tasks, instances] of sizes) {
    console.log(
      `  ${fmt(tasks)} tasks on ${fmt(instances)} instances: capacity ${fmt(capacityOf(buildCandidates(instances)))} tasks`,
    );
    for (const kind of ['spread-az-binpack-memory', 'distinct-instance-spread-az'] as const) {
      const f = placementCase(kind, tasks, instances);
      placement.push(f);
      const sub =
        f.referenceTasksMeasured < f.tasks
          ? ` [reference on the first ${fmt(f.referenceTasksMeasured)} placements; ours on that subset ${fmt(f.placementsPerSecondOnReferenceSubset)}/s; ratio on the subset]`
          : '';
      console.log(
        `    ${f.case.padEnd(28)} placementsPerSecond ${fmt(f.placementsPerSecond).padStart(10)}  reference ${fmt(f.referencePlacementsPerSecond).padStart(9)}  ratioToReference ${f.ratioToReference}${sub}`,
      );
    }
  }

  console.log(
    'Sim hour: 20 instances, 5 services x 40 tasks (EC2), built via createSim/step, advanced until stable',
  );
  const hour = simHour();
  console.log(
    `  setup ${hour.setupSeconds} s (stable after ${hour.settleSeconds} simulated s); ${hour.instances} container instances, ${hour.runningTasks} running tasks`,
  );
  console.log(
    `  advance(state, 3600):      ${hour.advance3600Seconds} s  (${hour.advance3600RatioToReference} x reference)`,
  );
  console.log(
    `  3600 x advance(state, 1):  ${hour.advance1x3600Seconds} s  (${hour.advance1x3600RatioToReference} x reference)`,
  );
  console.log(`  reference: ${hour.reference}: ${hour.referenceSeconds} s`);

  console.log(
    'Canary hour: 20 instances, ALB (blue/green groups, listeners 80/8080), service of 20 tasks, ECS CANARY 10% / 5 min, a 5xx alarm, 100 requests/s',
  );
  const canary = canaryHour();
  console.log(
    `  setup ${canary.setupSeconds} s (targets healthy after ${canary.settleSeconds} simulated s); the deployment to revision 2 starts, then:`,
  );
  console.log(
    `  advance(state, 3600):      ${canary.advance3600Seconds} s  (${canary.advance3600RatioToReference} x reference)`,
  );
  console.log(
    `  3600 x advance(state, 1):  ${canary.advance1x3600Seconds} s  (${canary.advance1x3600RatioToReference} x reference)`,
  );
  console.log(`  reference (same workload as the sim hour, on this state): ${canary.referenceSeconds} s`);

  console.log(
    `Scaling hour: 20 instances, ALB, service of 20 tasks (20..100, target tracking CPU 50%), travelers ${SCHEDULE.join(', ')} requests/s for ten minutes each`,
  );
  const scalingFigures = scalingHour();
  console.log(
    `  setup ${scalingFigures.setupSeconds} s; tasks 20 -> ${scalingFigures.tasks.most} -> ${scalingFigures.tasks.end} in ${scalingFigures.activities} scaling activities`,
  );
  console.log(
    `  with scaling:    ${scalingFigures.scalingHourSeconds} s  (${scalingFigures.ratioToFixedHour} x the hour without scaling)`,
  );
  console.log(`  without scaling (20 tasks, same travelers): ${scalingFigures.fixedHourSeconds} s`);

  const at5000 = placement.filter((f) => f.instances === 5000);
  const goals = {
    placementAtLeast50kPerSecondAt5000Instances: {
      pass: at5000.every((f) => f.placementsPerSecond >= 50_000),
      figures: Object.fromEntries(at5000.map((f) => [f.case, f.placementsPerSecond])),
    },
    placementNeverSlowerThanReference: {
      pass: placement.every((f) => f.ratioToReference >= 1),
      minRatio: Math.min(...placement.map((f) => f.ratioToReference)),
    },
    simHourUnderHalfSecond: {
      pass: hour.advance3600Seconds < 0.5 && hour.advance1x3600Seconds < 0.5,
      advance3600Seconds: hour.advance3600Seconds,
      advance1x3600Seconds: hour.advance1x3600Seconds,
    },
    canaryHourUnderHalfSecond: {
      pass: canary.advance3600Seconds < 0.5 && canary.advance1x3600Seconds < 0.5,
      advance3600Seconds: canary.advance3600Seconds,
      advance1x3600Seconds: canary.advance1x3600Seconds,
    },
  };
  console.log('Goals:');
  for (const [name, g] of Object.entries(goals)) console.log(`  ${g.pass ? 'PASS' : 'FAIL'} ${name}`);

  const apiScale = apiScaleBench();
  for (const line of apiScaleLines(apiScale)) console.log(line);

  // `npm run bench -- --model-only`: the model's parts alone (no browser), for work on the model.
  const skipped = { error: 'skipped (--model-only)' };
  const modelOnly = process.argv.includes('--model-only');
  const frame = modelOnly ? skipped : await BROWSER_PARTS.frame();
  const firstLoad = modelOnly ? skipped : await BROWSER_PARTS['first-load']();
  const embed = modelOnly ? skipped : await BROWSER_PARTS.embed();
  const totalSeconds = round((performance.now() - started) / 1000, 1);
  console.log(
    `Results ${invalid ? `INVALID (${failures.size} distinct violations)` : 'valid: every run of both implementations checked'}; bench ran ${totalSeconds} s`,
  );
  console.log(
    JSON.stringify({
      placement,
      simHour: hour,
      canaryHour: canary,
      scalingHour: scalingFigures,
      goals,
      apiScale,
      frame,
      firstLoad,
      embed,
      valid: !invalid,
      benchSeconds: totalSeconds,
    }),
  );
  if (invalid) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
