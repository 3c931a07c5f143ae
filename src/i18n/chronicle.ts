/**
 * The chronicle: one line per model event, in story words (nozama), in ECS's words (aws), or the
 * story with the AWS names beside (both). Service events are ECS's own texts: AWS mode shows them
 * verbatim, Nozama mode retells them.
 *
 * Some events are deliberately silent (null): per-task steps between placement and RUNNING or
 * STOPPED (task/pending, task/stopRequested, task/stopping) and service/placementFailed, whose
 * story is told by the service/event ECS writes with it (its data feeds the why card instead).
 *
 * Write a line when its event arrives, with the state the event came with: names (territories,
 * plans) are looked up in `sim`, and a much later state may have moved on (a renovated decree's
 * edition, an instance gone from the state an hour after termination).
 */
import type { SimEvent, SimEventType, SimState } from '../model/index.ts';
import { CAPACITY_EVENT_TYPES, capacityLine } from './chronicle-capacity.ts';
import { GATE_EVENT_TYPES, gateLine, gateServiceEvent } from './chronicle-gate.ts';
import { HEALTH_EVENT_TYPES, healthLine } from './chronicle-health.ts';
import { RENOVATION_EVENT_TYPES, renovationLine } from './chronicle-renovation.ts';
import { explainPlacementFailure, rejectionPhrase, type WhyCard } from './explain.ts';
import { GROWTH_EVENT_TYPES, growthLine } from './growth-words.ts';
import { capitalize, charterName, landKind, type NameMode } from './lexicon.ts';
import {
  castleName,
  containerInstanceById,
  developmentName,
  parsePlan,
  planName,
  shortArnId,
  shortInstanceId,
  territoryName,
  zoneCodeOf,
} from './names.ts';

export type Tone = 'info' | 'good' | 'warn' | 'bad';

export interface ChronicleLine {
  text: string;
  tone: Tone;
}

/** What the chronicle needs of an event (a SimEvent has it): its type and data, still discriminated. */
export type ChronicleEvent = SimEvent extends infer E
  ? E extends SimEvent
    ? Pick<E, 'type' | 'data'>
    : never
  : never;

/** One event of a given type, as the chronicle reads it. */
export type ChronicleEventOf<K extends SimEventType> = Extract<ChronicleEvent, { type: K }>;

/** Every event type the chronicle knows, with whether it writes a line (false: deliberately silent). */
export const CHRONICLE_EVENT_TYPES: Readonly<Record<string, boolean>> = {
  'cluster/created': true,
  'cluster/deleted': true,
  'instance/launched': true,
  'instance/running': true,
  'instance/terminating': true,
  'instance/terminated': true,
  'instance/stopped': true,
  'agent/registrationFailed': true,
  'agent/connected': true,
  'agent/disconnected': true,
  'containerInstance/registered': true,
  'containerInstance/deregistered': true,
  'containerInstance/draining': true,
  'containerInstance/activated': true,
  'containerInstance/attributeSet': true,
  'taskDefinition/registered': true,
  'taskDefinition/deregistered': true,
  'task/placed': true,
  'task/pending': false,
  'task/running': true,
  'task/stopRequested': false,
  'task/stopping': false,
  'task/stopped': true,
  'container/exited': true,
  'service/created': true,
  'service/updated': true,
  'service/deleted': true,
  'service/inactive': true,
  'service/event': true,
  'service/placementFailed': false,
  'zone/failed': true,
  'zone/restored': true,
  'image/behaviorSet': true,
  ...GATE_EVENT_TYPES,
  ...CAPACITY_EVENT_TYPES,
  ...RENOVATION_EVENT_TYPES,
  ...GROWTH_EVENT_TYPES,
  ...HEALTH_EVENT_TYPES,
};

function plural(k: number, one: string, many: string): string {
  return `${k} ${k === 1 ? one : many}`;
}

/** The names of things in one mode. */
function namer(sim: SimState, mode: NameMode) {
  const pick = (noz: string, aws: string) =>
    mode === 'aws' ? aws : mode === 'both' ? `${noz} (${aws})` : noz;
  return {
    pick,
    /** "territory 1b-2" | "instance i-0ab12c3d… (1b-2)" | "territory 1b-2 (i-0ab12c3d…)" */
    territory(instanceId: string): string {
      const name = territoryName(sim, instanceId);
      const id = shortInstanceId(instanceId);
      if (name === id) return pick(`territory ${id}`, `instance ${id}`);
      if (mode === 'both') return `territory ${name} (${id})`;
      return pick(`territory ${name}`, `instance ${id} (${name})`);
    },
    /** "castle 1b-2" | "container instance 4f3a9c1e… (1b-2)" | "castle 1b-2 (container instance 4f3a9c1e…)" */
    castle(containerInstanceArn: string, instanceId?: string): string {
      const name = instanceId ? territoryName(sim, instanceId) : castleName(sim, containerInstanceArn);
      const id = shortArnId(containerInstanceArn);
      if (mode === 'both') return `castle ${name} (container instance ${id})`;
      return pick(`castle ${name}`, `container instance ${id} (${name})`);
    },
    development(taskArn: string, taskDefinitionArn?: string): string {
      const dev = developmentName(sim, taskArn, taskDefinitionArn);
      const td = sim.tasks.get(taskArn)?.taskDefinitionArn ?? taskDefinitionArn;
      const aws = `task ${shortArnId(taskArn)}${td ? ` (${planName(td, 'aws')})` : ''}`;
      return mode === 'aws'
        ? aws
        : mode === 'both'
          ? `development ${dev} (task ${shortArnId(taskArn)})`
          : `development ${dev}`;
    },
    decree(name: string): string {
      return pick(`decree ${name}`, `service ${name}`);
    },
    portal(zone: string): string {
      return pick(`portal ${zoneCodeOf(zone)}`, zone);
    },
    plan(tdArn: string): string {
      return pick(`plan ${planName(tdArn, 'nozama')}`, `task definition ${planName(tdArn, 'aws')}`);
    },
    kingdom(name: string): string {
      return pick(`kingdom ${name}`, `cluster ${name}`);
    },
  };
}

type Namer = ReturnType<typeof namer>;

const line = (text: string, tone: Tone): ChronicleLine => ({ text: capitalize(text), tone });

/** One chronicle line for a model event, or null when the event is deliberately not shown. */
export function chronicleLine(
  event: ChronicleEvent,
  sim: SimState,
  mode: NameMode = 'nozama',
): ChronicleLine | null {
  const nm = namer(sim, mode);
  const aws = mode === 'aws';
  switch (event.type) {
    case 'cluster/created': {
      const name = event.data.clusterName;
      return line(aws ? `Cluster ${name} created` : `${nm.kingdom(name)} is founded`, 'good');
    }
    case 'cluster/deleted': {
      const name = event.data.clusterName;
      return line(aws ? `Cluster ${name} deleted` : `${nm.kingdom(name)} is dissolved`, 'warn');
    }
    case 'instance/launched':
      return instanceLaunched(event, sim, mode, nm);
    case 'instance/running': {
      const id = event.data.instanceId;
      const agent = event.data.hasAgent !== false;
      if (aws)
        return line(
          `Instance ${shortInstanceId(id)} (${territoryName(sim, id)}) is running${agent ? '' : ': no ECS agent, it will not register'}`,
          agent ? 'info' : 'warn',
        );
      return agent
        ? line(`${nm.territory(id)} is ready; its lord rides to the kingdom`, 'info')
        : line(`${nm.territory(id)} is ready, but has no castle: it cannot join a kingdom`, 'warn');
    }
    case 'instance/terminating': {
      const id = event.data.instanceId;
      const reason = event.data.reason;
      const byUser = reason.startsWith('Client.UserInitiated');
      const why = sim.instances.get(id)?.stateTransitionReason || reason;
      if (aws)
        return line(
          `Instance ${shortInstanceId(id)} (${territoryName(sim, id)}) shutting-down: ${why}`,
          byUser ? 'info' : 'bad',
        );
      return byUser
        ? line(`${nm.territory(id)} is abandoned by order`, 'info')
        : line(
            `${nm.territory(id)} is lost to a disaster${/hardware/.test(why) ? ' (its ground gave way)' : ''}`,
            'bad',
          );
    }
    case 'instance/terminated': {
      const id = event.data.instanceId;
      return aws
        ? line(`Instance ${shortInstanceId(id)} (${territoryName(sim, id)}) terminated`, 'info')
        : line(`${nm.territory(id)} lies in ruins`, 'info');
    }
    case 'instance/stopped': {
      const id = event.data.instanceId;
      return aws
        ? line(`Instance ${shortInstanceId(id)} (${territoryName(sim, id)}) stopped`, 'bad')
        : line(`${nm.territory(id)} has gone dark`, 'bad');
    }
    case 'agent/registrationFailed': {
      const id = event.data.instanceId;
      if (aws) return line(event.data.reason || `Agent on ${shortInstanceId(id)} could not register`, 'warn');
      return line(
        `The lord of ${nm.territory(id)} finds no kingdom named ${event.data.cluster}; he keeps asking`,
        'warn',
      );
    }
    case 'agent/connected': {
      const c = nm.castle(event.data.containerInstanceArn, event.data.ec2InstanceId);
      return aws
        ? line(`Agent on ${c} connected (agentConnected: true)`, 'good')
        : line(`The lord of ${c} speaks again`, 'good');
    }
    case 'agent/disconnected': {
      const c = nm.castle(event.data.containerInstanceArn, event.data.ec2InstanceId);
      return aws
        ? line(`Agent on ${c} disconnected (agentConnected: false)`, 'warn')
        : line(`The lord of ${c} has gone silent: no new developments there`, 'warn');
    }
    case 'containerInstance/registered': {
      const c = nm.castle(event.data.containerInstanceArn, event.data.ec2InstanceId);
      const cluster = event.data.cluster;
      if (aws)
        return line(
          `Container instance ${shortArnId(event.data.containerInstanceArn)} (${shortInstanceId(event.data.ec2InstanceId)}, ${territoryName(sim, event.data.ec2InstanceId)}) registered in cluster ${cluster}: ${event.data.cpu} CPU units, ${event.data.memory} MiB`,
          'good',
        );
      return line(`The lord of ${c} swore fealty to ${cluster}`, 'good');
    }
    case 'containerInstance/deregistered': {
      const c = nm.castle(event.data.containerInstanceArn, event.data.ec2InstanceId);
      const reason = event.data.reason;
      if (aws) return line(`${c} deregistered: ${reason}`, 'warn');
      const why = /terminated/.test(reason)
        ? 'its territory is gone'
        : /by user/.test(reason)
          ? 'by order'
          : reason;
      return line(`${c} leaves the kingdom (${why})`, 'warn');
    }
    case 'containerInstance/draining': {
      const c = nm.castle(event.data.containerInstanceArn, event.data.ec2InstanceId);
      return aws
        ? line(`${c} set to DRAINING`, 'warn')
        : line(`${c} is draining: its developments will move elsewhere`, 'warn');
    }
    case 'containerInstance/activated': {
      const c = nm.castle(event.data.containerInstanceArn, event.data.ec2InstanceId);
      return aws ? line(`${c} set to ACTIVE`, 'good') : line(`${c} welcomes developments again`, 'good');
    }
    case 'containerInstance/attributeSet': {
      const c = nm.castle(event.data.containerInstanceArn);
      const mark =
        event.data.value === undefined || event.data.value === null || event.data.value === ''
          ? event.data.name
          : `${event.data.name}=${String(event.data.value)}`;
      return aws ? line(`PutAttributes: ${mark} on ${c}`, 'info') : line(`${c} is marked ${mark}`, 'info');
    }
    case 'taskDefinition/registered': {
      const arn = event.data.taskDefinitionArn;
      if (aws) return line(`Task definition ${planName(arn, 'aws')} registered`, 'info');
      return event.data.revision > 1
        ? line(`A new edition of ${nm.plan(arn)} is drafted`, 'info')
        : line(`${nm.plan(arn)} is drafted`, 'info');
    }
    case 'taskDefinition/deregistered': {
      const arn = event.data.taskDefinitionArn;
      return aws
        ? line(`Task definition ${planName(arn, 'aws')} deregistered (INACTIVE)`, 'info')
        : line(`${nm.plan(arn)} is retired`, 'info');
    }
    case 'task/placed':
      return taskPlaced(event, sim, mode, nm);
    case 'task/running': {
      const dev = nm.development(event.data.taskArn);
      const inst = event.data.ec2InstanceId;
      if (aws)
        return line(
          `${dev} RUNNING${inst ? ` on ${shortInstanceId(inst)} (${territoryName(sim, inst)})` : ' on Fargate'}`,
          'good',
        );
      return line(`${dev} stands${inst ? ` on ${territoryName(sim, inst)}` : ''}`, 'good');
    }
    case 'task/stopped':
      return taskStopped(event, sim, mode, nm);
    case 'container/exited': {
      const dev = nm.development(event.data.taskArn);
      const name = event.data.containerName;
      const code = event.data.exitCode;
      const essential = event.data.essential === true;
      if (aws)
        return line(
          `Container ${name} of ${dev} exited with code ${code}${essential ? ' (essential: the task stops)' : ' (not essential)'}`,
          essential ? 'bad' : 'warn',
        );
      return essential
        ? line(`Building ${name} of ${dev} collapsed (exit ${code}); the development falls`, 'bad')
        : line(`Building ${name} of ${dev} collapsed (exit ${code}); the development stands`, 'warn');
    }
    case 'service/created': {
      const name = event.data.serviceName;
      const k = event.data.desiredCount;
      if (aws)
        return line(`Service ${name} created in cluster ${event.data.cluster} (desiredCount ${k})`, 'good');
      // The family, not the edition: a later renovation changes the edition, rarely the family.
      const td = sim.services.get(event.data.serviceArn)?.taskDefinition;
      const family = td ? parsePlan(td).family : '';
      return line(
        `${nm.decree(name)} is proclaimed: keep ${plural(k, 'development', 'developments')}${family ? ` of plan ${family}` : ''} standing`,
        'good',
      );
    }
    case 'service/updated': {
      const name = event.data.serviceName;
      const k = event.data.desiredCount;
      const td = sim.services.get(event.data.serviceArn)?.deployments[0]?.taskDefinition;
      if (event.data.newDeployment === true) {
        if (aws)
          return line(
            `Service ${name} updated: new deployment${td ? ` (${planName(td, 'aws')})` : ''}, desiredCount ${k}`,
            'info',
          );
        return line(
          `${nm.decree(name)} is amended: a renovation${td ? ` to ${nm.plan(td)}` : ''} begins`,
          'info',
        );
      }
      return aws
        ? line(`Service ${name} updated: desiredCount ${k}`, 'info')
        : line(`${nm.decree(name)} now keeps ${plural(k, 'development', 'developments')} standing`, 'info');
    }
    case 'service/deleted': {
      const name = event.data.serviceName;
      return aws
        ? line(`Service ${name} deleted (DRAINING)`, 'warn')
        : line(`${nm.decree(name)} is revoked: its developments come down`, 'warn');
    }
    case 'service/inactive': {
      const name = event.data.serviceName;
      return aws ? line(`Service ${name} is INACTIVE`, 'info') : line(`${nm.decree(name)} has ended`, 'info');
    }
    case 'service/event':
      return serviceEvent(event, sim, mode, nm);
    case 'service/placementFailed':
      return null;
    case 'zone/failed': {
      const zone = event.data.availabilityZone;
      return aws
        ? line(`Availability Zone ${zone} is impaired: its instances stop`, 'bad')
        : line(`${nm.portal(zone)} collapsed!`, 'bad');
    }
    case 'zone/restored': {
      const zone = event.data.availabilityZone;
      return aws
        ? line(`Availability Zone ${zone} is available again`, 'good')
        : line(`${nm.portal(zone)} is open again`, 'good');
    }
    case 'image/behaviorSet': {
      const image = event.data.image;
      const m = event.data.mode;
      if (aws) {
        if (m === 'fail-to-start')
          return line(`Image ${image} now fails to start (CannotPullContainerError)`, 'warn');
        if (m === 'crash') return line(`Image ${image} now crashes after it starts`, 'warn');
        return line(`Image ${image} behaves normally again`, 'good');
      }
      const design = mode === 'both' ? `building design ${image} (image)` : `building design ${image}`;
      if (m === 'fail-to-start') return line(`${design} is flawed: its buildings will not rise`, 'warn');
      if (m === 'crash') return line(`${design} is cursed: its buildings collapse after a while`, 'warn');
      return line(`${design} is sound again`, 'good');
    }
    case 'task/pending':
    case 'task/stopRequested':
    case 'task/stopping':
      return null;
    default:
      return (
        gateLine(event, sim, mode) ??
        renovationLine(event, sim, mode) ??
        growthLine(event, mode) ??
        healthLine(event, sim, mode) ??
        capacityLine(event, sim, mode)
      );
  }
}

function instanceLaunched(
  event: ChronicleEventOf<'instance/launched'>,
  sim: SimState,
  mode: NameMode,
  nm: Namer,
): ChronicleLine {
  const id = event.data.instanceId;
  const type = event.data.instanceType;
  const zone = event.data.availabilityZone;
  const agent = event.data.hasAgent !== false;
  if (mode === 'aws') {
    return line(
      `RunInstances: ${shortInstanceId(id)} (${territoryName(sim, id)}), ${type}, pending in ${zone}${agent ? '' : ' (AMI without the ECS agent)'}`,
      agent ? 'info' : 'warn',
    );
  }
  const inst = sim.instances.get(id);
  const charter =
    inst && !agent
      ? `; ${charterName(inst.region, inst.imageId, mode)}: no castle`
      : agent
        ? ''
        : '; no castle';
  return line(
    `${nm.territory(id)} is surveyed in ${nm.portal(zone)} (${type}, ${landKind(type)})${charter}`,
    agent ? 'info' : 'warn',
  );
}

function taskPlaced(
  event: ChronicleEventOf<'task/placed'>,
  sim: SimState,
  mode: NameMode,
  nm: Namer,
): ChronicleLine {
  const taskArn = event.data.taskArn;
  const td = event.data.taskDefinitionArn;
  const dev = nm.development(taskArn, td || undefined);
  const inst = event.data.ec2InstanceId;
  const zone = event.data.availabilityZone;
  const service = event.data.serviceName;
  if (mode === 'aws') {
    const where = inst
      ? `instance ${shortInstanceId(inst)} (${territoryName(sim, inst)})`
      : `Fargate in ${zone}`;
    return line(`${dev} placed on ${where}${service ? ` for service ${service}` : ''}`, 'info');
  }
  const where = inst ? nm.territory(inst) : `the managed lands of ${nm.portal(zone)}`;
  return line(`${dev} rises on ${where}${service ? ` for ${nm.decree(service)}` : ''}`, 'info');
}

function taskStopped(
  event: ChronicleEventOf<'task/stopped'>,
  sim: SimState,
  mode: NameMode,
  nm: Namer,
): ChronicleLine {
  const dev = nm.development(event.data.taskArn);
  const code = event.data.stopCode;
  const reason = event.data.stoppedReason;
  const inst = event.data.ec2InstanceId;
  const calm = code === 'UserInitiated' || code === 'ServiceSchedulerInitiated';
  const tone: Tone = calm ? 'info' : 'bad';
  if (mode === 'aws')
    return line(`${dev} STOPPED${code ? ` (${code})` : ''}${reason ? `: ${reason}` : ''}`, tone);
  const story = storyOfStop(code ?? '', reason ?? '', dev, inst, sim, event.data, nm);
  if (calm) return story;
  // The lesson of tasks and services: a decree raises another; a development raised by hand stays down.
  const watcher = event.data.serviceName
    ? `; ${nm.decree(event.data.serviceName)} will raise another`
    : '; no decree watches over it, so it stays down';
  return line(`${story.text}${watcher}`, story.tone);
}

function storyOfStop(
  code: string,
  reason: string,
  dev: string,
  inst: string | null,
  sim: SimState,
  d: ChronicleEventOf<'task/stopped'>['data'],
  nm: Namer,
): ChronicleLine {
  switch (code) {
    case 'TaskFailedToStart':
      if (/Availability Zone outage/.test(reason)) return line(`${dev} is lost: its portal collapsed`, 'bad');
      if (/CannotPullContainerError/.test(reason))
        return line(`${dev} failed to rise: its building design could not be fetched`, 'bad');
      return line(`${dev} failed to rise`, 'bad');
    case 'EssentialContainerExited':
      return line(`${dev} fell: an essential building collapsed`, 'bad');
    case 'UserInitiated':
      return line(`${dev} is taken down by order`, 'info');
    case 'ServiceSchedulerInitiated':
      if (/draining/.test(reason)) return line(`${dev} leaves a draining castle`, 'info');
      return line(
        `${dev} is taken down by the steward${d.serviceName ? ` (${nm.decree(d.serviceName)})` : ''}`,
        'info',
      );
    case 'TerminationNotice':
      return line(`${dev} is lost with ${inst ? territoryName(sim, inst) : 'its territory'}`, 'bad');
    default:
      return line(`${dev} stopped${reason ? `: ${reason}` : ''}`, d.failedToStart ? 'bad' : 'warn');
  }
}

const CLOSEST_REASON: [
  RegExp,
  'CPU' | 'MEMORY' | 'PORTS' | 'ENI' | 'AGENT' | 'INACTIVE' | 'distinctInstance' | 'memberOf',
][] = [
  [/insufficient CPU/, 'CPU'],
  [/insufficient memory/, 'MEMORY'],
  [/already using a port/, 'PORTS'],
  [/RESOURCE:ENI/, 'ENI'],
  [/DistinctInstance/, 'distinctInstance'],
  [/MemberOf/, 'memberOf'],
  [/"AGENT"/, 'AGENT'],
  [/"INACTIVE"/, 'INACTIVE'],
];

function serviceEvent(
  event: ChronicleEventOf<'service/event'>,
  sim: SimState,
  mode: NameMode,
  nm: Namer,
): ChronicleLine {
  const message = event.data.message;
  const name = event.data.serviceName || (/^\(service ([^)]+)\)/.exec(message)?.[1] ?? '');
  const decree = nm.decree(name);
  // AWS mode shows ECS's message verbatim (not even capitalised).
  const say = (nozama: string, tone: Tone): ChronicleLine =>
    mode === 'aws' ? { text: message, tone } : line(nozama, tone);

  if (/is not AZ balanced/.test(message))
    return say(`${decree}: its portals are uneven; the steward moves a development to even them out`, 'info');
  if (/to AZ Rebalance/.test(message))
    return say(`${decree}: a development rises in the emptiest portal`, 'info');
  if (/due to AZ rebalancing/.test(message))
    return say(`${decree}: a development leaves the fullest portal; the portals are even again`, 'good');
  if (/has reached a steady state\.$/.test(message))
    return say(`${decree} stands: all its developments are up`, 'good');
  const started = /has started (\d+) tasks/.exec(message);
  if (started)
    return say(`${decree}: ${plural(Number(started[1]), 'development', 'developments')} raised`, 'info');
  const stopped = /has stopped (\d+) running tasks/.exec(message);
  if (stopped)
    return say(`${decree}: ${plural(Number(stopped[1]), 'development', 'developments')} taken down`, 'info');
  if (/was unable to place a task/.test(message)) {
    if (/No Container Instances were found/.test(message))
      return say(`${decree}: the kingdom has no castle to build on`, 'bad');
    const id = /\(container-instance ([0-9a-f]+)\)/.exec(message)?.[1];
    const reason = CLOSEST_REASON.find(([re]) => re.test(message))?.[1];
    let closest = '';
    if (id && reason) {
      const arn = containerInstanceById(sim, id);
      const where = arn ? castleName(sim, arn) : id.slice(0, 8);
      const phrase = rejectionPhrase(sim, { reason, containerInstanceArn: arn ?? id }, 'nozama', {
        numbers: false,
      });
      closest = ` (closest: ${where}, ${phrase})`;
    }
    return say(`${decree}: no territory can take a development${closest}`, 'bad');
  }
  if (/is unable to consistently start tasks successfully/.test(message))
    return say(`${decree}: developments keep failing to rise; the steward waits longer between tries`, 'bad');
  if (/was unable to stop or start tasks during a deployment/.test(message))
    return say(
      `${decree} is stuck: its renovation limits (minimum healthy, maximum percent) leave no room`,
      'bad',
    );
  if (/deployment completed\.$/.test(message))
    return say(
      `${decree}: every development of its current plan edition stands (deployment complete)`,
      'good',
    );
  const gate = gateServiceEvent(message, decree, sim);
  if (gate) return say(gate, /is unhealthy in/.test(message) ? 'warn' : 'info');
  const rest = message.replace(/^\(service [^)]+\)\s*/, '');
  return say(`${decree}: ${rest}`, 'info');
}

/** The why card of a service/placementFailed event, for a chronicle line the player opens. */
export function placementFailedCard(
  event: ChronicleEvent,
  sim: SimState,
  mode: NameMode = 'nozama',
): WhyCard | null {
  if (event.type !== 'service/placementFailed') return null;
  return explainPlacementFailure(event.data, sim, mode);
}
