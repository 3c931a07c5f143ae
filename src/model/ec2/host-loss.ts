/**
 * What happens to ECS when its host goes away. Source:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterContainerInstance.html: tasks on a
 * stopped or terminated host stop with "Host EC2 (instance <id>) stopped/terminated" and services replace
 * them; terminating an instance deregisters its container instance, a stopped one stays registered with its
 * agent disconnected.
 */

import { deregister } from '../ecs/ecs-container-instances.ts';
import { markStopped } from '../ecs/task-lifecycle.ts';
import type { Ctx } from '../sim/ctx.ts';
import type { Ec2Instance } from '../sim/types.ts';

export function onHostLost(ctx: Ctx, inst: Ec2Instance, how: 'terminated' | 'stopped'): void {
  for (const t of ctx.s.tasks.values()) {
    if (t.ec2InstanceId !== inst.instanceId || t.lastStatus === 'STOPPED') continue;
    markStopped(ctx, t, {
      stopCode: 'TerminationNotice',
      stoppedReason: `Host EC2 (instance ${inst.instanceId}) ${how}.`,
      ...(t.stoppingAt === undefined ? { stoppingAt: ctx.now } : {}),
    });
  }
  const ci = inst.containerInstanceArn ? ctx.s.containerInstances.get(inst.containerInstanceArn) : undefined;
  if (!ci || ci.status === 'INACTIVE') return;
  if (how === 'terminated') deregister(ctx, ci, `Instance ${inst.instanceId} was terminated`);
  else {
    ctx.patch('containerInstances', ci.containerInstanceArn, {
      agentConnected: false,
      version: ci.version + 1,
    });
    ctx.emit('agent/disconnected', {
      containerInstanceArn: ci.containerInstanceArn,
      ec2InstanceId: inst.instanceId,
    });
  }
}
