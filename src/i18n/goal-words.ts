/**
 * A goal's "still missing" in words: the model reports it as typed parts (GoalMissing, never a
 * sentence); this says it in AWS's terms or in the story's. One pure function per language, one case
 * per part, so a translation touches only this file and nothing is parsed back.
 */
import type { GoalMissing } from '../model/index.ts';
import type { NameMode } from './lexicon.ts';
import { zoneCodeOf } from './names.ts';

/** ECS service deployment statuses (DescribeServiceDeployments), as the renovation's fate. */
const SERVICE_DEPLOYMENT: Record<string, string> = {
  PENDING: 'is waiting to begin',
  IN_PROGRESS: 'is under way',
  SUCCESSFUL: 'succeeded',
  STOP_REQUESTED: 'is being stopped',
  STOPPED: 'was stopped',
  ROLLBACK_REQUESTED: 'is being rolled back',
  ROLLBACK_IN_PROGRESS: 'is being rolled back',
  ROLLBACK_SUCCESSFUL: 'was rolled back: the horn of rollback sounded',
  ROLLBACK_FAILED: 'could not be rolled back',
};

/** A deployment's rolloutState. */
const ROLLOUT: Record<string, string> = { IN_PROGRESS: 'under way', COMPLETED: 'complete', FAILED: 'failed' };

/** The Lambda alias deployer's statuses. */
const SHIFT: Record<string, string> = {
  InProgress: 'is under way',
  Succeeded: 'succeeded',
  Failed: 'failed',
};

const lower = (s: string) => s.toLowerCase().replace(/_/g, ' ');
/** "1 castle", "2 castles". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** A revision's share of requests: none came yet, or a percentage. */
const answers = (share: number | null) =>
  share === null ? 'answers no requests yet' : `answers ${share}% of requests`;
/** A zone name ("za-southwest-1a") is portal 1a in the story; a region keeps its name. */
const place = (where: string) =>
  /^[a-z]{2}-[a-z]+-\d+[a-z]$/.test(where) ? `portal ${zoneCodeOf(where)}` : where;

/** In AWS's words (ECS, EC2, ELB, CloudWatch, Lambda names). */
export function goalMissingAws(m: GoalMissing): string {
  switch (m.kind) {
    case 'noRunningInstance':
      return `No running instance in ${m.where} yet.`;
    case 'noCluster':
      return `Cluster ${m.cluster} not found.`;
    case 'instancesInZones':
      return `${m.instances} ACTIVE container instances in ${count(m.zones, 'Availability Zone', 'Availability Zones')}.`;
    case 'instancesJoined':
      return `${m.instances} ACTIVE container instances in ${m.cluster}.`;
    case 'noBareInstance':
      return 'No running instance without the ECS agent.';
    case 'tooManyInstances':
      return `${m.instances} instances running in ${m.cluster}.`;
    case 'instancesStillRunning':
      return `${m.instances} EC2 instances running.`;
    case 'noneDraining':
      return 'No container instance is DRAINING.';
    case 'noneSetDraining':
      return 'No container instance set to DRAINING.';
    case 'drainingBusy':
      return `${m.instances} DRAINING instances still run tasks.`;
    case 'noRevision':
      return `No ACTIVE revision of ${m.family}.`;
    case 'revisionMismatch':
      return `${m.family}:${m.revision} does not match yet.`;
    case 'tasksRunning':
      return `${m.running} of ${m.need} tasks RUNNING.`;
    case 'noService':
      return `Service ${m.service} not found (ServiceNotFoundException).`;
    case 'serviceRunning':
      return `runningCount ${m.running}, desiredCount ${m.desired}.`;
    case 'distinctInstances':
      return `Tasks on ${m.instances} distinct container instances.`;
    case 'serviceZones':
      return `Tasks in ${m.zones} Availability Zones.`;
    case 'tasksOnHosts':
      return `${m.running} of ${m.need} tasks RUNNING on ${m.hosts} container instances (at most ${m.maxInstances}).`;
    case 'queryInvalid':
      return m.message;
    case 'tasksOnMatching':
      return `${m.matching} of ${m.running} RUNNING tasks on instances matching ${m.expression}.`;
    case 'healthyTasks':
      return `${m.healthy} healthy tasks${m.revision === null ? '' : ` of revision ${m.revision}`}, desiredCount ${m.desired}.`;
    case 'noTaskStopped':
      return 'No task of the service has stopped yet.';
    case 'serviceShort':
      return `runningCount ${m.running} of ${m.desired}.`;
    case 'primaryDeployment':
      return `PRIMARY deployment on revision ${m.revision}, rolloutState ${m.rolloutState}.`;
    case 'noPrimaryDeployment':
      return 'No PRIMARY deployment.';
    case 'serviceDeployment':
      return `Latest service deployment${m.revision === null ? '' : ` (to revision ${m.revision})`} is ${m.status}.`;
    case 'noServiceDeployment':
      return `No service deployment of ${m.service} yet.`;
    case 'noTargetGroup':
      return `Target group ${m.targetGroup} not found.`;
    case 'healthyTargets':
      return `${m.healthy} healthy targets in ${m.targetGroup}.`;
    case 'noListener':
      return `No listener on port ${m.port} yet.`;
    case 'listenerShare':
      return `Port ${m.port} forwards ${m.percent}% to ${m.targetGroup}.`;
    case 'notForwardedYet':
      return `The listener on port ${m.port} has not yet forwarded ${m.percent}% to ${m.targetGroup}.`;
    case 'shareHeld':
      return `${m.family}:${m.revision} ${answers(m.share)}; ${m.min}-${m.max}% held ${m.held} s of ${m.seconds} s so far.`;
    case 'noAlarmYet':
      return 'No CloudWatch alarm has gone to ALARM yet.';
    case 'trafficOffLate':
      return `${m.family}:${m.revision} lost its travelers more than ${m.seconds} s after the alarm.`;
    case 'trafficStill':
      return `${m.family}:${m.revision} still ${answers(m.share)} after the alarm.`;
    case 'requestsFailed':
      return `${m.failed} requests failed (5xx).`;
    case 'requestsServed':
      return `${m.served} requests answered without error.`;
    case 'noAlias':
      return `Alias ${m.alias} not found.`;
    case 'aliasVersion':
      return `Alias ${m.alias} points to version ${m.version}.`;
    case 'aliasDeployment':
      return `Deployment of version ${m.version} is ${m.status}${m.reason ? `: ${m.reason}` : ''}.`;
    case 'noAliasDeployment':
      return `No deployment of version ${m.version} to alias ${m.alias} yet.`;
    case 'waiting':
      return WAITING_AWS[m.since](m.healthy);
    case 'belowHealthy':
      return `Only ${m.healthy} healthy tasks at ${m.atSecond} s.`;
    case 'noManagedProvider':
      return `No capacity provider with managed scaling and managed termination protection on cluster ${m.cluster}.`;
    case 'groupInstances':
      return `${count(m.instances, 'instance', 'instances')} launched by the Auto Scaling group registered in ${m.cluster}.`;
    case 'tasksOnProvider':
      return `${count(m.running, 'RUNNING task', 'RUNNING tasks')} on capacity provider ${m.provider}.`;
    case 'noReclamation':
      return 'No Fargate Spot interruption yet.';
    case 'noZoneFailed':
      return 'No Availability Zone has failed.';
    case 'noScalableTarget':
      return `Service ${m.service} is not a scalable target yet.`;
    case 'scalableTargetRange':
      return `The scalable target's range is ${m.min}-${m.max}; it needs a minimum of at least ${m.minAtLeast} and a maximum of at least ${m.maxAtLeast}.`;
    case 'noScalingPolicy':
      return `No target tracking policy on ${m.metric} yet.`;
    case 'notScaledOut':
      return m.desired === 0
        ? `No scaling policy has scaled out yet (needs a desired count of ${m.need}).`
        : `A scaling policy scaled out to ${m.desired}; ${m.need} needed.`;
    case 'notScaledOutYet':
      return 'The service has not scaled out yet.';
    case 'notScaledIn':
      return 'The service scaled out but has not scaled in yet.';
    case 'unknownGoal':
      return 'Unknown goal.';
  }
}

const WAITING_AWS: Record<Extract<GoalMissing, { kind: 'waiting' }>['since'], (n: number) => string> = {
  start: () => 'Watching from the start.',
  reached: (n) => `Waiting for ${n} healthy tasks.`,
  zoneFailed: () => 'Waiting for an Availability Zone to fail.',
  draining: () => 'Waiting for a container instance to be DRAINING.',
  newDeployment: () => 'Waiting for a new deployment.',
};

const WAITING_STORY: typeof WAITING_AWS = {
  start: () => 'Watching from the start.',
  reached: (n) => `Waiting for ${count(n, 'healthy development', 'healthy developments')}.`,
  zoneFailed: () => 'Waiting for a portal to collapse.',
  draining: () => 'Waiting for a castle to be repaired (drained).',
  newDeployment: () => 'Waiting for a new renovation.',
};

/** "edition 2 of the mill": a plan and its edition. */
const edition = (family: string, revision: number) => `edition ${revision} of the ${family}`;
const capitalFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** In the story's words (territories, castles, developments, decrees, gates, incantations). */
export function goalMissingStory(m: GoalMissing): string {
  switch (m.kind) {
    case 'noRunningInstance':
      return `No standing territory in ${place(m.where)} yet.`;
    case 'noCluster':
      return `No kingdom ${m.cluster} yet.`;
    case 'instancesInZones':
      return `${count(m.instances, 'castle', 'castles')} in ${count(m.zones, 'portal', 'portals')}.`;
    case 'instancesJoined':
      return `${count(m.instances, 'castle', 'castles')} in ${m.cluster}.`;
    case 'noBareInstance':
      return 'No standing territory without a lord (a bare charter).';
    case 'tooManyInstances':
      return `${count(m.instances, 'territory', 'territories')} standing in ${m.cluster}.`;
    case 'instancesStillRunning':
      return `${count(m.instances, 'territory', 'territories')} standing.`;
    case 'noneDraining':
    case 'noneSetDraining':
      return 'No castle is being repaired (drained) yet.';
    case 'drainingBusy':
      return `${count(m.instances, 'territory', 'territories')} being repaired still ${m.instances === 1 ? 'holds' : 'hold'} developments.`;
    case 'noRevision':
      return `No edition of the plan ${m.family} yet.`;
    case 'revisionMismatch':
      return capitalFirst(`${edition(m.family, m.revision)} does not match yet.`);
    case 'tasksRunning':
      return `${m.running} of ${count(m.need, 'development', 'developments')} standing.`;
    case 'noService':
      return `No decree ${m.service} yet.`;
    case 'serviceRunning':
      return `${m.running} standing; the decree asks for ${m.desired}.`;
    case 'distinctInstances':
      return `Developments on ${count(m.instances, 'distinct castle', 'distinct castles')}.`;
    case 'serviceZones':
      return `Developments in ${count(m.zones, 'portal', 'portals')}.`;
    case 'tasksOnHosts':
      return `${m.running} of ${count(m.need, 'development', 'developments')} standing on ${count(m.hosts, 'castle', 'castles')} (at most ${m.maxInstances}).`;
    case 'queryInvalid':
      return `The rule of settlement ${m.expression} cannot be read: ${m.message}`;
    case 'tasksOnMatching':
      return `${m.matching} of ${m.running} standing developments on territories matching ${m.expression}.`;
    case 'healthyTasks':
      return `${m.healthy} healthy developments${m.revision === null ? '' : ` of edition ${m.revision}`}; the decree asks for ${m.desired}.`;
    case 'noTaskStopped':
      return 'No development of the decree has fallen yet.';
    case 'serviceShort':
      return `${m.running} of ${m.desired} standing.`;
    case 'primaryDeployment':
      return `The decree's current renovation is to edition ${m.revision} (${ROLLOUT[m.rolloutState] ?? lower(m.rolloutState)}).`;
    case 'noPrimaryDeployment':
      return 'The decree has no current renovation.';
    case 'serviceDeployment':
      return `The latest renovation${m.revision === null ? '' : ` (to edition ${m.revision})`} ${SERVICE_DEPLOYMENT[m.status] ?? `is ${lower(m.status)}`}.`;
    case 'noServiceDeployment':
      return `No renovation of the decree ${m.service} yet.`;
    case 'noTargetGroup':
      return `No road ${m.targetGroup} yet.`;
    case 'healthyTargets':
      return `The herald finds ${count(m.healthy, 'development', 'developments')} well on road ${m.targetGroup}.`;
    case 'noListener':
      return `No door on port ${m.port} yet.`;
    case 'listenerShare':
      return `Door ${m.port} sends ${m.percent}% of travelers down road ${m.targetGroup}.`;
    case 'notForwardedYet':
      return `Door ${m.port} has not yet sent ${m.percent}% of travelers down road ${m.targetGroup}.`;
    case 'shareHeld':
      return capitalFirst(
        `${edition(m.family, m.revision)} ${m.share === null ? 'has no travelers yet' : `answers ${m.share}% of travelers`}; ${m.min}-${m.max}% held ${m.held} s of ${m.seconds} s so far.`,
      );
    case 'noAlarmYet':
      return 'No watchtower has lit its beacon yet.';
    case 'trafficOffLate':
      return capitalFirst(
        `${edition(m.family, m.revision)} lost its travelers more than ${m.seconds} s after the beacon lit.`,
      );
    case 'trafficStill':
      return capitalFirst(
        `${edition(m.family, m.revision)} ${m.share === null ? 'has no travelers yet' : `still answers ${m.share}% of travelers`} after the beacon lit.`,
      );
    case 'requestsFailed':
      return `${count(m.failed, 'traveler', 'travelers')} turned away (5xx).`;
    case 'requestsServed':
      return `${count(m.served, 'traveler', 'travelers')} served.`;
    case 'noAlias':
      return `No incantation ${m.alias} yet.`;
    case 'aliasVersion':
      return `The incantation ${m.alias} speaks edition ${m.version}.`;
    case 'aliasDeployment': {
      const why =
        m.reason === null
          ? ''
          : /health check/i.test(m.reason)
            ? ': the health check found errors'
            : `: ${m.reason}`;
      return `The shift to edition ${m.version} ${SHIFT[m.status] ?? lower(m.status)}${why}.`;
    }
    case 'noAliasDeployment':
      return `No shift of the incantation ${m.alias} to edition ${m.version} yet.`;
    case 'waiting':
      return WAITING_STORY[m.since](m.healthy);
    case 'belowHealthy':
      return `Only ${m.healthy} healthy developments at ${m.atSecond} s.`;
    case 'noManagedProvider':
      return `No surveyors' guild watches over ${m.cluster} yet (managed scaling and the guild's seal).`;
    case 'groupInstances':
      return `${count(m.instances, 'territory', 'territories')} erected by the guild ${m.instances === 1 ? 'stands' : 'stand'} in ${m.cluster}.`;
    case 'tasksOnProvider':
      return `${count(m.running, 'development', 'developments')} standing on ${
        m.provider === 'FARGATE'
          ? 'managed lands'
          : m.provider === 'FARGATE_SPOT'
            ? 'Spot lands'
            : `the lands of ${m.provider}`
      }.`;
    case 'noReclamation':
      return 'The planet has not reclaimed any Spot land yet.';
    case 'noZoneFailed':
      return 'No portal has collapsed yet.';
    case 'noScalableTarget':
      return `The decree ${m.service} has no growth bounds yet.`;
    case 'scalableTargetRange':
      return `The growth bounds are ${m.min} to ${m.max}; they should keep at least ${m.minAtLeast} standing and allow at least ${m.maxAtLeast}.`;
    case 'noScalingPolicy':
      return `No growth rule follows ${m.metric === 'ECSServiceAverageCPUUtilization' ? "the builders' toil (CPU)" : m.metric} yet.`;
    case 'notScaledOut':
      return m.desired === 0
        ? `The decree has not grown by its rule yet (it should reach ${m.need}).`
        : `The rule grew the decree to ${m.desired}; it should reach ${m.need}.`;
    case 'notScaledOutYet':
      return 'The decree has not grown yet.';
    case 'notScaledIn':
      return 'The decree grew but has not shrunk back yet.';
    case 'unknownGoal':
      return 'Unknown goal.';
  }
}

/** What the level panel shows: the story's words, AWS's, or the story's with AWS's beside. */
export function goalMissingText(m: GoalMissing, mode: NameMode): string {
  const aws = goalMissingAws(m);
  if (mode === 'aws') return aws;
  const story = goalMissingStory(m);
  return mode === 'both' && story !== aws ? `${story} (AWS: ${aws})` : story;
}
