/**
 * Issue 11: cost through the public API (step/advance of src/model/index.ts) at 100, 1,000 and 5,000
 * instances, as a console, a share link or a classroom demo drives the model.
 *
 * Per size N (a world of N m5.large instances over three zones, bench/api-scale-world.ts):
 * - burst: N/10 RunTask calls of 10 tasks (spread over zones, then binpack memory), each on the state
 *   the last one returned, then the 60 simulated seconds after them as 60 x advance(state, 1) (the store
 *   advances one second at a time), while all N tasks start and bind a dynamic host port;
 * - steady: 60 x advance(state, 1) on the settled world (N instances, N + 10 tasks running), and on
 *   a world whose N tasks all belong to one service (the scheduler reconciles all of them each second);
 * - calls per second on the settled world, each call on the same state: RunTask of 10 tasks,
 *   UpdateService (desiredCount 10 <-> 11), DescribeTasks of 10 tasks.
 * Each figure is the median of SAMPLES samples after a warm-up; a sample repeats its work until it
 * has run MIN_SAMPLE_MS. Times are the process's CPU time (process.cpuUsage), not the wall clock: on a
 * shared machine the wall clock counts the time other processes held the CPU (measured 3-6x the CPU
 * time with 8 builds on 2 cores), which would swamp the ratios between sizes. The ratio of each size to the next is printed beside the ratio of the sizes:
 * a straight line is a cost ratio near the size ratio (a per-call cost that does not grow is near 1).
 */
import { advance, type SimState } from '../src/model/index.ts';
import { buildWorld, CLUSTER, call, countTasks, runTask, SERVICE, settle } from './api-scale-world.ts';

export const SIZES = [100, 1000, 5000] as const;
const SAMPLES = 3;
const MIN_SAMPLE_MS = 100;
/** A size step passes the straight-line goal when its cost ratio is at most this times the size ratio. */
export const LINEAR_SLACK = 1.25;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
};
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** CPU milliseconds this process has used (user + system). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Median milliseconds per repetition of `work` (each sample repeats it for at least `minMs`). Long
 * work (the burst: seconds at 5,000 instances before this issue) runs once per sample, unwarmed.
 */
function msPer(work: () => void, minMs = MIN_SAMPLE_MS): number {
  if (minMs > 0) work();
  const out: number[] = [];
  for (let k = 0; k < SAMPLES; k++) {
    let n = 0;
    const t0 = cpuMs();
    do {
      work();
      n++;
    } while (cpuMs() - t0 < minMs);
    out.push((cpuMs() - t0) / n);
  }
  return median(out);
}

export interface SizeFigures {
  instances: number;
  tasks: number;
  /** The N/10 RunTask calls of the burst, in all (ms), and per call. */
  burstCallsMs: number;
  burstRunTaskMsPerCall: number;
  /** The 60 simulated seconds after the burst (ms, 60 x advance 1), and per simulated second. */
  burst60sMs: number;
  burstMsPerSimSecond: number;
  steadyMsPerSimSecond: number;
  steadyServiceMsPerSimSecond: number;
  runTaskCallsPerSecond: number;
  updateServiceCallsPerSecond: number;
  describeTasksCallsPerSecond: number;
}

function measureSize(n: number): SizeFigures {
  const base = buildWorld(n, 10);
  const calls = n / 10;
  let afterCalls = base;
  const burstCallsMs = msPer(() => {
    let s = base;
    for (let i = 0; i < calls; i++) s = runTask(s, 10);
    afterCalls = s;
  }, 0);
  let afterBurst = afterCalls;
  const burst60sMs = msPer(() => {
    let s = afterCalls;
    for (let i = 0; i < 60; i++) s = advance(s, 1).state;
    afterBurst = s;
  }, 0);
  const world: SimState = settle(afterBurst, n + 10);
  const c = countTasks(world);
  if (c.running !== n + 10) throw new Error(`${c.running} running of ${n + 10}`);
  const steady60 = msPer(() => {
    let s = world;
    for (let i = 0; i < 60; i++) s = advance(s, 1).state;
  });
  const serviceWorld = buildWorld(n, n);
  const steadyService60 = msPer(() => {
    let s = serviceWorld;
    for (let i = 0; i < 60; i++) s = advance(s, 1).state;
  });
  const runTaskMs = msPer(() => runTask(world, 10));
  let desired = 10;
  const updateMs = msPer(() => {
    desired = desired === 10 ? 11 : 10;
    call(world, 'ecs:UpdateService', { cluster: CLUSTER, service: SERVICE, desiredCount: desired });
  });
  const arns = world.tasks.keys().slice(0, 10);
  const describeMs = msPer(() => {
    const r = call(world, 'ecs:DescribeTasks', { cluster: CLUSTER, tasks: arns });
    if (r.output.tasks.length !== 10) throw new Error('DescribeTasks lost a task');
  });
  return {
    instances: n,
    tasks: c.running,
    burstCallsMs: round(burstCallsMs, 1),
    burstRunTaskMsPerCall: round(burstCallsMs / calls, 3),
    burst60sMs: round(burst60sMs, 1),
    burstMsPerSimSecond: round(burst60sMs / 60, 3),
    steadyMsPerSimSecond: round(steady60 / 60, 3),
    steadyServiceMsPerSimSecond: round(steadyService60 / 60, 3),
    runTaskCallsPerSecond: Math.round(1000 / runTaskMs),
    updateServiceCallsPerSecond: Math.round(1000 / updateMs),
    describeTasksCallsPerSecond: Math.round(1000 / describeMs),
  };
}

/** Costs (ms per unit of work) whose growth is checked against the sizes'. */
const COSTS: [string, (f: SizeFigures) => number][] = [
  ['RunTask (10 tasks)', (f) => 1000 / f.runTaskCallsPerSecond],
  ['UpdateService', (f) => 1000 / f.updateServiceCallsPerSecond],
  ['DescribeTasks (10)', (f) => 1000 / f.describeTasksCallsPerSecond],
  ['burst RunTask calls', (f) => f.burstRunTaskMsPerCall],
  ['tick, burst', (f) => f.burstMsPerSimSecond],
  ['tick, steady', (f) => f.steadyMsPerSimSecond],
  ['tick, service steady', (f) => f.steadyServiceMsPerSimSecond],
];

export interface ApiScaleFigures {
  sizes: SizeFigures[];
  steps: { cost: string; from: number; to: number; sizeRatio: number; costRatio: number; pass: boolean }[];
  goals: Record<string, { pass: boolean; [k: string]: unknown }>;
}

export function apiScaleBench(): ApiScaleFigures {
  const sizes = SIZES.map(measureSize);
  const steps: ApiScaleFigures['steps'] = [];
  for (let i = 1; i < sizes.length; i++) {
    const a = sizes[i - 1] as SizeFigures;
    const b = sizes[i] as SizeFigures;
    const sizeRatio = b.instances / a.instances;
    for (const [cost, of] of COSTS) {
      const costRatio = round(of(b) / of(a), 2);
      steps.push({
        cost,
        from: a.instances,
        to: b.instances,
        sizeRatio,
        costRatio,
        pass: costRatio <= sizeRatio * LINEAR_SLACK,
      });
    }
  }
  const big = sizes[sizes.length - 1] as SizeFigures;
  const goals = {
    burst60sAfter500RunTasksAt5000UnderOneSecond: { pass: big.burst60sMs < 1000, ms: big.burst60sMs },
    steadySecondAt5000Under2ms: {
      pass: big.steadyMsPerSimSecond < 2 && big.steadyServiceMsPerSimSecond < 2,
      ms: big.steadyMsPerSimSecond,
      msWithOneServiceOfAllTasks: big.steadyServiceMsPerSimSecond,
    },
    runTaskOfTenAt5000Under1ms: {
      pass: 1000 / big.runTaskCallsPerSecond < 1 && big.burstRunTaskMsPerCall < 1,
      msOnSettledWorld: round(1000 / big.runTaskCallsPerSecond, 3),
      msPerBurstCall: big.burstRunTaskMsPerCall,
    },
    noSizeStepWorseThanLinear: { pass: steps.every((s) => s.pass), slack: LINEAR_SLACK },
  };
  return { sizes, steps, goals };
}

export function apiScaleLines(f: ApiScaleFigures): string[] {
  const lines = [
    'API scale: through step()/advance(), N m5.large instances over 3 zones, tasks cpu 128 memory 256 with a dynamic host port; CPU time',
  ];
  for (const s of f.sizes) {
    lines.push(
      `  ${s.instances.toLocaleString('en-US')} instances, ${s.tasks.toLocaleString('en-US')} tasks: RunTask(10) ${s.runTaskCallsPerSecond.toLocaleString('en-US')}/s, UpdateService ${s.updateServiceCallsPerSecond.toLocaleString('en-US')}/s, DescribeTasks(10) ${s.describeTasksCallsPerSecond.toLocaleString('en-US')}/s`,
      `      burst: ${s.instances / 10} RunTask calls ${s.burstCallsMs} ms (${s.burstRunTaskMsPerCall} ms/call), the 60 s after ${s.burst60sMs} ms (${s.burstMsPerSimSecond} ms per simulated s); steady ${s.steadyMsPerSimSecond} ms per simulated s, ${s.steadyServiceMsPerSimSecond} with one service of ${s.instances.toLocaleString('en-US')} tasks`,
    );
  }
  for (const s of f.steps)
    lines.push(
      `  ${s.pass ? 'PASS' : 'FAIL'} ${s.cost.padEnd(20)} ${s.from} -> ${s.to}: cost x${s.costRatio} for size x${s.sizeRatio}`,
    );
  for (const [name, g] of Object.entries(f.goals)) lines.push(`  ${g.pass ? 'PASS' : 'FAIL'} ${name}`);
  return lines;
}

if (process.argv[1]?.endsWith('api-scale.ts')) {
  const f = apiScaleBench();
  for (const l of apiScaleLines(f)) console.log(l);
  console.log(JSON.stringify(f));
}
