/**
 * Which load-balancer targets stand for an ECS task, read from state alone (no writes, no imports beyond
 * types) so the task lifecycle can ask "is this task still draining?" without a cycle. Source:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-connection-draining.html (a task
 * behind a load balancer stops only once its targets are unused: the deregistration delay has run out).
 */
import type { SimState, Target } from '../sim/types.ts';

export interface TaskTarget {
  targetGroupArn: string;
  key: string;
  target: Target;
}

/** Every target (in every target group) that ECS or a person registered for this task. */
export function targetsOfTask(s: SimState, taskArn: string): TaskTarget[] {
  const out: TaskTarget[] = [];
  for (const tg of Object.values(s.elb.targetGroups)) {
    for (const [key, target] of Object.entries(tg.targets)) {
      if (target.taskArn === taskArn) out.push({ targetGroupArn: tg.TargetGroupArn, key, target });
    }
  }
  return out;
}

/** The time the task's last draining target becomes unused, or 0 when none is draining. */
export function drainingUntil(s: SimState, taskArn: string): number {
  let until = 0;
  for (const { target } of targetsOfTask(s, taskArn)) {
    if (target.drainUntil !== null && target.drainUntil > until) until = target.drainUntil;
  }
  return until;
}
