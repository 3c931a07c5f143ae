/**
 * Injected faults: what a revision, an image or a Lambda version does to the requests it serves
 * (sim:SetBehavior). A task's behaviour is its task definition's, else its essential container
 * image's, else healthy. Keys: task definition ARN, image name (e.g. "nginx:1.27"), or
 * `${functionArn}:${version}` for a Lambda version.
 */

import { own } from './records.ts';
import type { Behavior, SimState, Task } from './types.ts';

export const HEALTHY_BEHAVIOR: Behavior = { errorRate: 0, latencyMs: 20 };

export function behaviorFor(s: SimState, key: string): Behavior {
  return own(s.traffic.behaviors, key) ?? HEALTHY_BEHAVIOR;
}

export function behaviorForTask(s: SimState, task: Task): Behavior {
  const byRevision = own(s.traffic.behaviors, task.taskDefinitionArn);
  if (byRevision) return byRevision;
  for (const c of task.containers) {
    if (!c.essential) continue;
    const byImage = own(s.traffic.behaviors, c.image);
    if (byImage) return byImage;
  }
  return HEALTHY_BEHAVIOR;
}

export function behaviorForLambdaVersion(s: SimState, functionArn: string, version: string): Behavior {
  return own(s.traffic.behaviors, `${functionArn}:${version}`) ?? HEALTHY_BEHAVIOR;
}
