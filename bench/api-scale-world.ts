/**
 * Worlds of a given size for the public-API scale bench (bench/api-scale.ts), built only through
 * createSim/step/advance from src/model/index.ts, as a console, a share link or a classroom demo
 * would build them: one cluster, N m5.large instances over three zones (RunInstances of up to 100),
 * a bridge-mode task definition with a dynamic host port (so each start binds a port), and a service.
 */
import { advance, createSim, type SimState, step } from '../src/model/index.ts';

export const REGION = 'za-southwest-1';
export const CLUSTER = 'Royaume';
export const FAMILY = 'bakery';
export const SERVICE = 'bakers';
const ZONES = ['a', 'b', 'c'].map((l) => REGION + l);
export const SPREAD_ZONE_BINPACK_MEMORY = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'binpack', field: 'memory' },
];

export function call(
  s: SimState,
  action: string,
  input: Record<string, unknown>,
): { state: SimState; output: any } {
  const r = step(s, { action, input });
  if ('error' in r.response)
    throw new Error(`${action} failed: ${r.response.error.name}: ${r.response.error.message}`);
  return { state: r.state, output: r.response.output };
}

/** Tasks whose desiredStatus is not STOPPED (live), and how many of them are RUNNING. */
export function countTasks(s: SimState): { running: number; live: number } {
  let running = 0;
  let live = 0;
  for (const t of s.tasks.values()) {
    if (t.desiredStatus === 'STOPPED') continue;
    live++;
    if (t.lastStatus === 'RUNNING') running++;
  }
  return { running, live };
}

function activeInstances(s: SimState): number {
  let n = 0;
  for (const ci of s.containerInstances.values()) if (ci.status === 'ACTIVE') n++;
  return n;
}

/** N registered instances, a task definition, and a service of `serviceTasks` tasks (0: none yet). */
export function buildWorld(instances: number, serviceTasks = 1): SimState {
  let s = createSim({ seed: 11, region: REGION });
  s = call(s, 'ecs:CreateCluster', { clusterName: CLUSTER }).state;
  const ami = call(s, 'ssm:GetParameter', {
    Name: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
  }).output.Parameter.Value as string;
  const userData = Buffer.from(`#!/bin/bash\necho ECS_CLUSTER=${CLUSTER} >> /etc/ecs/ecs.config\n`).toString(
    'base64',
  );
  for (let made = 0, k = 0; made < instances; k++) {
    const n = Math.min(100, instances - made);
    s = call(s, 'ec2:RunInstances', {
      ImageId: ami,
      InstanceType: 'm5.large',
      MinCount: n,
      MaxCount: n,
      Placement: { AvailabilityZone: ZONES[k % ZONES.length] },
      UserData: userData,
    }).state;
    made += n;
  }
  for (let i = 0; i < 300 && activeInstances(s) < instances; i++) s = advance(s, 1).state;
  if (activeInstances(s) !== instances)
    throw new Error(`only ${activeInstances(s)} of ${instances} registered`);
  s = call(s, 'ecs:RegisterTaskDefinition', {
    family: FAMILY,
    containerDefinitions: [
      {
        name: 'oven',
        image: 'nginx:1.27',
        cpu: 128,
        memory: 256,
        essential: true,
        portMappings: [{ containerPort: 80, hostPort: 0 }],
      },
    ],
  }).state;
  s = call(s, 'ecs:CreateService', {
    cluster: CLUSTER,
    serviceName: SERVICE,
    taskDefinition: FAMILY,
    desiredCount: serviceTasks,
    launchType: 'EC2',
    placementStrategy: SPREAD_ZONE_BINPACK_MEMORY,
  }).state;
  return settle(s, serviceTasks);
}

/** Advances until `live` tasks are all RUNNING (at most 10 simulated minutes). */
export function settle(s: SimState, live: number): SimState {
  let cur = s;
  for (let i = 0; i < 600; i++) {
    const c = countTasks(cur);
    if (c.live === live && c.running === live) return cur;
    cur = advance(cur, 1).state;
  }
  throw new Error(`not settled: ${JSON.stringify(countTasks(cur))} of ${live}`);
}

/** One RunTask of `count` tasks with the strategy (spread over zones, then binpack memory). */
export function runTask(s: SimState, count: number): SimState {
  const r = call(s, 'ecs:RunTask', {
    cluster: CLUSTER,
    taskDefinition: FAMILY,
    count,
    placementStrategy: SPREAD_ZONE_BINPACK_MEMORY,
  });
  if (r.output.tasks.length !== count) throw new Error(`RunTask placed ${r.output.tasks.length} of ${count}`);
  return r.state;
}
