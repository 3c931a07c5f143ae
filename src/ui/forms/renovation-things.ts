/**
 * What the renovation panel reads from the world: a decree's roads and doors (the target group it
 * serves on, the listeners that forward to it, their default rules), its open or latest service
 * deployment, the CodeDeploy application, deployment group and latest deployment that renovate it,
 * and the actual share of travelers a road took in the last closed minute.
 */
import type {
  CdDeployment,
  CdDeploymentGroup,
  Listener,
  Service,
  ServiceDeploymentRecord,
  SimState,
} from '../../model/index.ts';
import { allDoors, forwardOf, hereIn } from './gate-things.ts';

export const OPEN = [
  'PENDING',
  'IN_PROGRESS',
  'STOP_REQUESTED',
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
];

/** The account of an ARN ("123456789012"). */
export function accountOf(arn: string): string {
  return arn.split(':')[4] ?? '123456789012';
}

export function clusterNameOfService(svc: Service): string {
  return svc.clusterArn.slice(svc.clusterArn.lastIndexOf('/') + 1);
}

/** The road production travelers reach the decree by: its load balancer entry's target group. */
export function servingRoad(svc: Service): string | undefined {
  const primary = svc.deployments.find((d) => d.status === 'PRIMARY');
  return primary?.loadBalancers?.[0]?.targetGroupArn ?? svc.loadBalancers[0]?.targetGroupArn;
}

/** The doors whose default action forwards (among others) to a road. */
export function doorsTo(sim: SimState, tgArn: string | undefined): Listener[] {
  const tg = tgArn ? sim.elb.targetGroups[tgArn] : undefined;
  if (!tg) return [];
  return allDoors(hereIn(sim, tg.region)).filter((l) => forwardOf(l).some((g) => g.arn === tgArn));
}

/** A listener's default rule ARN (ECS-native strategies name rules, not listeners). */
export function defaultRuleOf(sim: SimState, listenerArn: string): string | undefined {
  return Object.values(sim.elb.rules).find((r) => r.listenerArn === listenerArn && r.IsDefault)?.RuleArn;
}

export function listenerOfRule(sim: SimState, ruleArn: string): string | undefined {
  return sim.elb.rules[ruleArn]?.listenerArn;
}

/** The newest service deployment record (open or finished). */
export function latestRecord(svc: Service): ServiceDeploymentRecord | undefined {
  return svc.serviceDeployments?.[0];
}

export function isOpen(rec: ServiceDeploymentRecord | undefined): boolean {
  return rec !== undefined && OPEN.includes(rec.status);
}

/** CodeDeploy deployment groups that deploy this service. */
export function groupsFor(sim: SimState, svc: Service): CdDeploymentGroup[] {
  const cluster = clusterNameOfService(svc);
  return Object.values(sim.codedeploy.deploymentGroups).filter(
    (g) =>
      g.region === svc.region &&
      g.computePlatform === 'ECS' &&
      g.ecsServices.some((e) => e.serviceName === svc.serviceName && e.clusterName === cluster),
  );
}

/** The newest deployment of a service made by the player (not CodeDeploy's own rollback deployments). */
export function latestCdDeployment(sim: SimState, svc: Service): CdDeployment | undefined {
  const groups = new Set(groupsFor(sim, svc).map((g) => `${g.applicationName}:${g.deploymentGroupName}`));
  return Object.values(sim.codedeploy.deployments)
    .filter((d) => d.creator === 'user' && groups.has(`${d.applicationName}:${d.deploymentGroupName}`))
    .sort((a, b) => b.createTime - a.createTime || (a.deploymentId < b.deploymentId ? 1 : -1))[0];
}

/** The latest CodeDeploy deployment of a Lambda alias. */
export function latestAliasCdDeployment(
  sim: SimState,
  functionName: string,
  alias: string,
): CdDeployment | undefined {
  return Object.values(sim.codedeploy.deployments)
    .filter(
      (d) => d.creator === 'user' && d.lambda?.functionName === functionName && d.lambda.alias === alias,
    )
    .sort((a, b) => b.createTime - a.createTime || (a.deploymentId < b.deploymentId ? 1 : -1))[0];
}

/** Share (0-100) of a source's last closed minute that went to a key (a road, or a Lambda version). */
export function actualShare(sim: SimState, sourceKey: string, key: string): number | null {
  const w = sim.traffic.sourceLast[sourceKey];
  if (!w || w.requests === 0) return null;
  return ((w.byGroup[key] ?? 0) * 100) / w.requests;
}

/** The production weight (percent) a listener's default action gives a road. */
export function setShare(l: Listener | undefined, tgArn: string): number {
  if (!l) return 0;
  const groups = forwardOf(l);
  const total = groups.reduce((a, g) => a + g.weight, 0);
  const mine = groups.find((g) => g.arn === tgArn)?.weight ?? 0;
  return total > 0 ? (mine * 100) / total : 0;
}

/** Every door of the gates a road belongs to, by port. */
export function allDoorsOfRoadGate(sim: SimState, tgArn: string | undefined): Listener[] {
  const tg = tgArn ? sim.elb.targetGroups[tgArn] : undefined;
  const lbs = new Set(tg?.LoadBalancerArns ?? []);
  return allDoors(hereIn(sim, tg?.region ?? sim.defaultRegion)).filter((l) => lbs.has(l.LoadBalancerArn));
}
