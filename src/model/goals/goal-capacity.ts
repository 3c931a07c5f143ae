/**
 * The campaign's capacity goals: a managed surveyors' guild (capacity provider) on the kingdom, territories
 * its Auto Scaling group erected joining the kingdom, a service's tasks on a capacity provider, and a Spot
 * reclamation that happened. Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html. Pure reads of
 * the state (a STOPPED task stays readable for an hour, so a reclamation is still seen then).
 */
import type { SimState } from '../sim/types.ts';
import { atLeast, type Result } from './goal-state.ts';
import type { GoalCheck } from './goals.ts';

function clusterArnNamed(s: SimState, name: string): string | undefined {
  return Object.values(s.clusters).find((c) => c.clusterName === name && c.status === 'ACTIVE')?.clusterArn;
}

export function evaluateCapacityGoal(c: GoalCheck, s: SimState): Result | null {
  switch (c.kind) {
    case 'managedCapacity': {
      const arn = clusterArnNamed(s, c.cluster);
      const names = (arn && s.capacity.clusters[arn]?.capacityProviders) || [];
      const ok = names.some((n) => {
        const p = Object.values(s.capacity.providers).find((x) => x.name === n && x.status === 'ACTIVE');
        const asg = p?.autoScalingGroupProvider;
        return asg?.managedScaling.status === 'ENABLED' && asg.managedTerminationProtection === 'ENABLED';
      });
      return ok
        ? { done: true, have: 1, need: 1 }
        : { done: false, have: 0, need: 1, missing: { kind: 'noManagedProvider', cluster: c.cluster } };
    }
    case 'groupInstancesJoined': {
      const arn = clusterArnNamed(s, c.cluster);
      const n = s.containerInstances
        .values()
        .filter(
          (ci) =>
            ci.clusterArn === arn &&
            ci.status === 'ACTIVE' &&
            s.instances.get(ci.ec2InstanceId)?.autoScalingGroup !== undefined,
        ).length;
      return atLeast(n, c.atLeast, { kind: 'groupInstances', instances: n, cluster: c.cluster });
    }
    case 'serviceOnProvider': {
      const n = s.tasks
        .values()
        .filter(
          (t) =>
            t.serviceName === c.service &&
            t.capacityProviderName === c.provider &&
            t.desiredStatus === 'RUNNING' &&
            t.lastStatus === 'RUNNING',
        ).length;
      return atLeast(n, c.atLeast, { kind: 'tasksOnProvider', running: n, provider: c.provider });
    }
    case 'spotReclaimed': {
      const n = s.tasks.values().filter((t) => t.stopCode === 'SpotInterruption').length;
      return atLeast(n, c.atLeast, { kind: 'noReclamation' });
    }
    default:
      return null;
  }
}
