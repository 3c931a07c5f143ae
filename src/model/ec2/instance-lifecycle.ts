/**
 * EC2 instances over time: pending -> running, then the agent (if the AMI has one) registers the container
 * instance; shutting-down -> terminated; stopping -> stopped. Terminated instances linger in
 * DescribeInstances for about an hour, as in EC2. Source:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html (the agent joins
 * ECS_CLUSTER, retrying while the cluster is missing).
 */

import { registerAgent } from '../ecs/ecs-container-instances.ts';
import type { Ctx } from '../sim/ctx.ts';
import { instancesWithTimers } from '../sim/indexes.ts';
import { TIMING } from '../sim/timing.ts';

const AGENT_RETRY = 30;

export function tickInstances(ctx: Ctx): void {
  // Only instances with a timer can change this second (sim/indexes.ts).
  for (const inst of instancesWithTimers(ctx.s)) {
    if (inst.stateUntil !== null && inst.stateUntil <= ctx.now) {
      if (inst.state === 'pending') {
        const running = ctx.patch('instances', inst.instanceId, {
          state: 'running',
          stateUntil: null,
          stateReason: null,
          agentRegisterAt: inst.hasAgent ? ctx.now + TIMING.agentStart : null,
        });
        ctx.emit(
          'instance/running',
          {
            instanceId: running.instanceId,
            availabilityZone: running.availabilityZone,
            hasAgent: running.hasAgent,
          },
          running.region,
        );
      } else if (inst.state === 'shutting-down') {
        ctx.patch('instances', inst.instanceId, {
          state: 'terminated',
          stateUntil: ctx.now + TIMING.terminatedInstanceRetention,
        });
        ctx.emit(
          'instance/terminated',
          { instanceId: inst.instanceId, availabilityZone: inst.availabilityZone },
          inst.region,
        );
      } else if (inst.state === 'stopping') {
        ctx.patch('instances', inst.instanceId, { state: 'stopped', stateUntil: null });
        ctx.emit(
          'instance/stopped',
          { instanceId: inst.instanceId, availabilityZone: inst.availabilityZone },
          inst.region,
        );
      } else if (inst.state === 'terminated') {
        ctx.remove('instances', inst.instanceId);
        continue;
      }
    }
    const cur = ctx.s.instances.get(inst.instanceId);
    if (cur?.state !== 'running' || cur.agentRegisterAt === null || cur.agentRegisterAt > ctx.now) continue;
    const known = cur.containerInstanceArn
      ? ctx.s.containerInstances.get(cur.containerInstanceArn)
      : undefined;
    if (known && known.status !== 'INACTIVE') {
      // A stopped instance that boots again: its agent reconnects to the same container instance.
      ctx.patch('instances', cur.instanceId, { agentRegisterAt: null });
      if (cur.agentHealthy && !known.agentConnected) {
        ctx.patch('containerInstances', known.containerInstanceArn, {
          agentConnected: true,
          version: known.version + 1,
        });
        ctx.emit(
          'agent/connected',
          { containerInstanceArn: known.containerInstanceArn, ec2InstanceId: cur.instanceId },
          cur.region,
        );
      }
    } else {
      const prev = ctx.region;
      ctx.region = cur.region;
      const ci = registerAgent(ctx, cur);
      ctx.region = prev;
      if (!ci) ctx.patch('instances', cur.instanceId, { agentRegisterAt: ctx.now + AGENT_RETRY });
    }
  }
}
