/**
 * The key facts of a selected thing, as label/value pairs in the Rosetta mode: what the player needs
 * at a glance before reading the JSON.
 */

import { providerWords } from '../i18n/chronicle-capacity.ts';
import { scalingRuleWords, scalingWhyWords } from '../i18n/growth-words.ts';
import { landKind } from '../i18n/lexicon.ts';
import { castleName, planName, portalName, territoryName } from '../i18n/names.ts';
import type { Service, SimState } from '../model/index.ts';
import type { NameMode, Selection } from '../store/create-game-store.ts';
import { pick } from './dom.ts';
import { gateFacts } from './inspector-gate.ts';

export type Fact = [label: string, value: string];

const last = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

/** A decree's growth: its bounds, rules and why it last grew or shrank (Application Auto Scaling). */
function growthFacts(sim: SimState, service: string, clusterArn: string, mode: NameMode): Fact[] {
  const p = (n: string, a: string) => pick(n, a, mode);
  const id = `service/${last(clusterArn)}/${service}`;
  const t = Object.values(sim.appAutoScaling.targets).find((x) => x.ResourceId === id);
  if (!t) return [];
  const rules = Object.values(sim.appAutoScaling.policies).filter((x) => x.ResourceId === id);
  const act = sim.appAutoScaling.activities.find((a) => a.ResourceId === id);
  return [
    [p('Growth bounds', 'Min / max capacity'), `${t.MinCapacity} – ${t.MaxCapacity}`],
    [p('Growth rules', 'Scaling policies'), rules.map((r) => scalingRuleWords(r, mode)).join('; ') || '—'],
    [
      p('Last growth', 'Last scaling activity'),
      act ? (act.why ? scalingWhyWords(act.why, mode) : act.Cause) : '—',
    ],
  ];
}

const ROLLOUT_STORY: Record<string, string> = {
  IN_PROGRESS: 'under way',
  COMPLETED: 'done',
  FAILED: 'failed',
};

/**
 * DescribeServices' deployments, newest first: a rolling deployment the circuit breaker failed stays listed,
 * FAILED, while the rollback it started runs.
 */
function deploymentsLabel(s: Service, mode: NameMode): string {
  return s.deployments
    .map((d) =>
      pick(
        `${planName(d.taskDefinition, 'nozama')} ${ROLLOUT_STORY[d.rolloutState] ?? d.rolloutState}${d.status === 'PRIMARY' ? ' (the decree’s aim)' : ''}`,
        `${d.status} ${planName(d.taskDefinition, 'aws')} ${d.rolloutState}`,
        mode,
      ),
    )
    .join(' · ');
}

export function factsOf(sim: SimState, sel: Selection, mode: NameMode): Fact[] {
  const p = (n: string, a: string) => pick(n, a, mode);
  switch (sel.kind) {
    case 'instance':
    case 'containerInstance': {
      const inst =
        sel.kind === 'instance'
          ? sim.instances.get(sel.id)
          : sim.instances.get(sim.containerInstances.get(sel.id)?.ec2InstanceId ?? '');
      if (!inst) return [];
      const ci = inst.containerInstanceArn
        ? sim.containerInstances.get(inst.containerInstanceArn)
        : undefined;
      const tasks = sim.tasks
        .values()
        .filter((t) => t.ec2InstanceId === inst.instanceId && t.lastStatus !== 'STOPPED');
      const facts: Fact[] = [
        [p('Portal', 'Availability Zone'), portalName(inst.availabilityZone, mode)],
        [
          p('Land', 'Instance type'),
          `${inst.instanceType}${mode === 'aws' ? '' : ` · ${landKind(inst.instanceType)}`}`,
        ],
        [p('State', 'State'), inst.state],
        [
          p('Castle', 'Container instance'),
          ci
            ? `${ci.status}${ci.agentConnected ? '' : p(' · lord silent', ' · agent disconnected')}`
            : inst.hasAgent
              ? p('not yet registered', 'not registered yet')
              : p('none (bare charter)', 'none (no ECS agent)'),
        ],
      ];
      if (ci) {
        facts.push([
          p('Free room', 'Remaining CPU / memory'),
          `${ci.remainingCpu} / ${ci.registeredCpu} CPU · ${ci.remainingMemory} / ${ci.registeredMemory} MiB`,
        ]);
      }
      facts.push([p('Developments', 'Tasks'), String(tasks.length)]);
      if (inst.autoScalingGroup !== undefined) {
        const group = inst.autoScalingGroup.slice(inst.autoScalingGroup.indexOf(':') + 1);
        facts.push([p('Erected by', 'Auto Scaling group'), p(`survey party ${group}`, group)]);
        facts.push([
          p("The guild's seal", 'ProtectedFromScaleIn'),
          inst.protectedFromScaleIn
            ? p('yes: it will not be abandoned', 'true')
            : p('no: it may be abandoned when idle', 'false'),
        ]);
      }
      return facts;
    }
    case 'task': {
      const t = sim.tasks.get(sel.id);
      if (!t) return [];
      const facts: Fact[] = [
        [p('Plan', 'Task definition'), planName(t.taskDefinitionArn, mode)],
        [
          p('Status', 'lastStatus / desiredStatus'),
          t.lastStatus === t.desiredStatus ? t.lastStatus : `${t.lastStatus}, heading to ${t.desiredStatus}`,
        ],
        [
          p('Stands on', 'Placed on'),
          t.ec2InstanceId
            ? p(`territory ${territoryName(sim, t.ec2InstanceId)}`, t.ec2InstanceId)
            : t.launchType === 'EC2'
              ? p('nowhere yet', 'no container instance yet')
              : p(`managed lands, ${portalName(t.availabilityZone)}`, `FARGATE in ${t.availabilityZone}`),
        ],
        [p('Needs', 'CPU / memory'), `${t.cpu} CPU · ${t.memory} MiB`],
        [
          p('Buildings', 'Containers'),
          t.containers
            .map((c) => `${c.name} ${c.lastStatus}${c.exitCode !== undefined ? ` (exit ${c.exitCode})` : ''}`)
            .join(', '),
        ],
      ];
      if (t.serviceName) facts.push([p('Decree', 'Service'), t.serviceName]);
      if (t.capacityProviderName)
        facts.push([p('Land', 'Capacity provider'), providerWords(t.capacityProviderName, mode)]);
      if (
        t.capacityProviderName &&
        !t.ec2InstanceId &&
        t.launchType === 'EC2' &&
        t.lastStatus === 'PROVISIONING'
      )
        facts.push([
          p('Waiting', 'PROVISIONING'),
          p(
            'no room yet: the guild is erecting territories',
            'waiting for capacity from the Auto Scaling group',
          ),
        ]);
      if (t.spotInterruptionAt !== undefined && t.lastStatus !== 'STOPPED')
        facts.push([
          p('Reclaimed', 'Spot interruption'),
          p(
            `the planet takes the land back in ${Math.max(0, t.spotInterruptionAt - sim.now)} s`,
            `task stops in ${Math.max(0, t.spotInterruptionAt - sim.now)} s (stopCode SpotInterruption)`,
          ),
        ]);
      if (t.stoppedReason) facts.push([p('Why it fell', 'stoppedReason'), t.stoppedReason]);
      return facts;
    }
    case 'service': {
      const s = sim.services.get(sel.id);
      if (!s) return [];
      const tasks = sim.tasks
        .values()
        .filter((t) => t.serviceName === s.serviceName && t.clusterArn === s.clusterArn);
      const running = tasks.filter((t) => t.lastStatus === 'RUNNING').length;
      const pending = tasks.filter((t) => t.lastStatus !== 'RUNNING' && t.lastStatus !== 'STOPPED').length;
      return [
        [p('Plan', 'Task definition'), planName(s.taskDefinition, mode)],
        [
          p('Keep standing', 'desired / running / pending'),
          `${s.desiredCount} · ${running} standing · ${pending} rising`,
        ],
        [
          p('Stands on', 'Launch type'),
          s.launchType === 'FARGATE' ? p('managed lands', 'FARGATE') : p('territories', 'EC2'),
        ],
        [
          p('Preferences', 'Placement strategy'),
          s.placementStrategy.map((x) => (x.field ? `${x.type}(${x.field})` : x.type)).join(', ') || '—',
        ],
        [
          p('Rules', 'Placement constraints'),
          s.placementConstraints
            .map((c) => (c.expression ? `${c.type}: ${c.expression}` : c.type))
            .join(', ') || '—',
        ],
        [
          p('Renovation limits', 'min / max percent'),
          `${s.deploymentConfiguration.minimumHealthyPercent}% – ${s.deploymentConfiguration.maximumPercent}%`,
        ],
        [p('Renovations', 'Deployments'), deploymentsLabel(s, mode)],
        ...aboveDesired(s, running + pending, mode),
        [p('Status', 'Status'), s.status],
        ...growthFacts(sim, s.serviceName, s.clusterArn, mode),
      ];
    }
    case 'taskDefinition': {
      const td = sim.taskDefinitions[sel.id];
      if (!td) return [];
      return [
        [p('Plan', 'family:revision'), planName(td, mode)],
        [
          p('Buildings', 'Containers'),
          td.containerDefinitions.map((c) => `${c.name} (${c.image})`).join(', '),
        ],
        [p('Roads', 'Network mode'), td.networkMode],
        [p('May stand on', 'Compatibilities'), td.compatibilities.join(', ')],
        ...(td.cpu
          ? [[p('Size', 'Task CPU / memory'), `${td.cpu} CPU · ${td.memory ?? '?'} MiB`] as Fact]
          : []),
        [p('Status', 'Status'), td.status],
      ];
    }
    case 'cluster': {
      const c = sim.clusters[sel.id];
      if (!c) return [];
      const cis = sim.containerInstances
        .values()
        .filter((ci) => ci.clusterArn === c.clusterArn && ci.status !== 'INACTIVE');
      const tasks = sim.tasks
        .values()
        .filter((t) => t.clusterArn === c.clusterArn && t.lastStatus !== 'STOPPED');
      const services = sim.services
        .values()
        .filter((s) => s.clusterArn === c.clusterArn && s.status === 'ACTIVE');
      return [
        [
          p('Castles', 'Container instances'),
          cis.map((ci) => castleName(sim, ci.containerInstanceArn)).join(', ') || '—',
        ],
        [p('Developments', 'Tasks'), String(tasks.length)],
        [p('Decrees', 'Services'), services.map((s) => s.serviceName).join(', ') || '—'],
        [p('Status', 'Status'), c.status],
        [
          p('Lands it calls on', 'Capacity providers'),
          (sim.capacity.clusters[c.clusterArn]?.capacityProviders ?? [])
            .map((n) => providerWords(n, mode))
            .join(', ') || '—',
        ],
      ];
    }
    case 'zone': {
      const zone = sel.id;
      const instances = sim.instances
        .values()
        .filter((i) => i.availabilityZone === zone && i.state !== 'terminated');
      return [
        [
          p('State', 'State'),
          sim.impairedZones[zone] ? p('dark (outage)', 'impaired') : p('open', 'available'),
        ],
        [
          p('Territories', 'Instances'),
          instances.map((i) => territoryName(sim, i.instanceId)).join(', ') || '—',
        ],
      ];
    }
    default:
      return gateFacts(sim, sel, mode) ?? [[p('Id', 'Id'), last((sel as { id: string }).id)]];
  }
}

/**
 * More developments than the decree keeps (8 or 9 for a decree of 6) is a renovation at work: old and
 * new editions stand side by side, up to maximumPercent of the desired count, and the old ones fall as
 * the new pass the herald (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html).
 */
function aboveDesired(s: Service, live: number, mode: NameMode): Fact[] {
  if (live <= s.desiredCount) return [];
  const { maximumPercent } = s.deploymentConfiguration;
  const max = Math.floor((s.desiredCount * maximumPercent) / 100);
  return [
    [
      pick(`Why ${live}, not ${s.desiredCount}`, `Why ${live} > desiredCount`, mode),
      pick(
        `A renovation at work: old and new editions stand side by side, at most ${max} (“raise up to”: maximumPercent ${maximumPercent}% of ${s.desiredCount}). The old come down as the new pass the herald; behind a gate, once their travelers have left.`,
        `A deployment: old and new revisions run together, at most ${max} tasks (maximumPercent ${maximumPercent}% of desiredCount ${s.desiredCount}). Old tasks stop as new ones turn healthy, after draining from the target group.`,
        mode,
      ),
    ],
  ];
}
