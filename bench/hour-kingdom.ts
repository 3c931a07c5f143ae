/**
 * The kingdom both hour benches start from (bench/canary-hour.ts, bench/scaling-hour.ts): cluster
 * Royaume and 20 t3.medium territories over the three zones of za-southwest-1, built through step()
 * as a player would, and the `call` helper that throws on a refused call.
 */
import { createSim, step } from '../src/model/index.ts';
import type { SimState } from '../src/model/sim/types.ts';

export const REGION = 'za-southwest-1';
export const ZONES = ['a', 'b', 'c'].map((z) => `${REGION}${z}`);

export function call(s: SimState, action: string, input: Record<string, unknown>) {
  const r = step(s, { action, input });
  if ('error' in r.response)
    throw new Error(`${action} failed: ${r.response.error.name}: ${r.response.error.message}`);
  return { state: r.state, output: r.response.output as Record<string, any> };
}

/** Cluster Royaume with 20 territories launched (not yet registered: the caller advances). */
export function royaumeWithTerritories(seed: number): SimState {
  let s = createSim({ seed, region: REGION });
  s = call(s, 'ecs:CreateCluster', { clusterName: 'Royaume' }).state;
  const ami = call(s, 'ssm:GetParameter', {
    Name: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
  }).output.Parameter.Value as string;
  const userData = Buffer.from('#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n').toString(
    'base64',
  );
  for (let i = 0; i < 20; i++) {
    s = call(s, 'ec2:RunInstances', {
      ImageId: ami,
      InstanceType: 't3.medium',
      MinCount: 1,
      MaxCount: 1,
      Placement: { AvailabilityZone: ZONES[i % 3] },
      UserData: userData,
    }).state;
  }
  return s;
}
