/**
 * What a canary needs, read from the world (never from the player's clicks): a gate with a door, a
 * decree behind it, travelers at that gate's door, a second edition of the decree's plan, a curse on
 * it (optional: without one the canary simply succeeds), a watchtower, then the renovation that
 * shifts travelers a share at a time with the watchtower able to roll it back. Free play's checklist
 * (canary-checklist.ts) shows each with a tick and the Build section that does it.
 *
 * A renovation that shifts a share first is an ECS-native CANARY or LINEAR deployment
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-canary.html); the alarm
 * rolls it back when deploymentConfiguration.alarms has rollback on
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html).
 */
import type { PanelId } from '../../levels/types.ts';
import type { Service, SimState, TaskDefinition } from '../../model/index.ts';

export type NeedId = 'gate' | 'decree' | 'travelers' | 'edition' | 'curse' | 'watchtower' | 'renovation';

export interface Need {
  id: NeedId;
  done: boolean;
  /** The canary works without it (a curse only makes the watchtower's horn sound). */
  optional: boolean;
  /** The Build section whose form does it. */
  panel: PanelId;
  /** The name of what was found (a gate, a decree, an edition, an alarm), for the line's text. */
  found?: string;
}

export interface CanaryReading {
  needs: Need[];
  /** The decree the checklist follows: the first behind a gate, by name. */
  decree: string | null;
  /** How the decree's last renovation with a watchtower ended, when it has ended. */
  outcome: 'rolledBack' | 'succeeded' | null;
}

const SHIFTING = new Set(['CANARY', 'LINEAR']);

function familyOf(arn: string): string {
  const ref = arn.slice(arn.lastIndexOf('/') + 1);
  return ref.slice(0, ref.lastIndexOf(':'));
}

function behindGate(sim: SimState, svc: Service): boolean {
  return svc.loadBalancers.some(
    (lb) => (sim.elb.targetGroups[lb.targetGroupArn]?.LoadBalancerArns.length ?? 0) > 0,
  );
}

/** The doors of the gates the decree's roads hang from. */
function doorsOfDecree(sim: SimState, svc: Service): string[] {
  const gates = new Set(
    svc.loadBalancers.flatMap((lb) => sim.elb.targetGroups[lb.targetGroupArn]?.LoadBalancerArns ?? []),
  );
  return Object.values(sim.elb.listeners)
    .filter((l) => gates.has(l.LoadBalancerArn))
    .map((l) => l.ListenerArn);
}

export function readCanaryNeeds(sim: SimState, region: string): CanaryReading {
  const gates = Object.values(sim.elb.loadBalancers)
    .filter((lb) => lb.region === region)
    .sort((a, b) => a.LoadBalancerName.localeCompare(b.LoadBalancerName));
  const withDoor = gates.find((lb) =>
    Object.values(sim.elb.listeners).some((l) => l.LoadBalancerArn === lb.LoadBalancerArn),
  );
  const decree = sim.services
    .values()
    .filter((s) => s.region === region && s.status === 'ACTIVE' && behindGate(sim, s))
    .sort((a, b) => a.serviceName.localeCompare(b.serviceName))[0];
  const doors = decree ? doorsOfDecree(sim, decree) : [];
  const travelers = doors.some((arn) => (sim.traffic.sources[arn]?.requestsPerSecond ?? 0) > 0);
  const family = decree ? familyOf(decree.taskDefinition) : null;
  const editions: TaskDefinition[] = family
    ? Object.values(sim.taskDefinitions)
        .filter((td) => td.region === region && td.family === family && td.status === 'ACTIVE')
        .sort((a, b) => a.revision - b.revision)
    : [];
  const newest = editions.length > 1 ? editions[editions.length - 1] : undefined;
  const images = new Set(newest?.containerDefinitions.map((c) => c.image) ?? []);
  const cursed =
    newest !== undefined &&
    Object.entries(sim.traffic.behaviors).some(
      ([key, b]) => b.errorRate > 0 && (key === newest.taskDefinitionArn || images.has(key)),
    );
  const alarms = Object.values(sim.cloudwatch.alarms)
    .filter((a) => a.region === region)
    .sort((a, b) => a.AlarmName.localeCompare(b.AlarmName));
  const watched = (decree?.serviceDeployments ?? []).filter(
    (r) =>
      SHIFTING.has(r.deploymentConfiguration.strategy ?? 'ROLLING') &&
      r.deploymentConfiguration.alarms?.enable === true &&
      r.deploymentConfiguration.alarms.rollback &&
      r.deploymentConfiguration.alarms.alarmNames.length > 0,
  );
  // Records are kept newest first.
  const last = watched[0];
  const outcome =
    last?.status === 'ROLLBACK_SUCCESSFUL'
      ? 'rolledBack'
      : last?.status === 'SUCCESSFUL'
        ? 'succeeded'
        : null;
  const need = (id: NeedId, done: boolean, panel: PanelId, found?: string, optional = false): Need => ({
    id,
    done,
    optional,
    panel,
    ...(done && found !== undefined ? { found } : {}),
  });
  return {
    decree: decree?.serviceName ?? null,
    outcome,
    needs: [
      need('gate', withDoor !== undefined, 'gate', withDoor?.LoadBalancerName),
      need('decree', decree !== undefined, 'decree', decree?.serviceName),
      need('travelers', travelers, 'traffic'),
      need(
        'edition',
        newest !== undefined,
        'plan',
        newest ? `${newest.family}:${newest.revision}` : undefined,
      ),
      need('curse', cursed, 'traffic', undefined, true),
      need('watchtower', alarms.length > 0, 'watchtower', alarms[0]?.AlarmName),
      need('renovation', last !== undefined, 'renovation'),
    ],
  };
}
