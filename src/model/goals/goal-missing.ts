/**
 * What a goal still misses, as typed parts: the names and numbers the engine found, never a sentence.
 * The view words each part in AWS's language or the story's (src/i18n/goal-words.ts); the model
 * writes no English here, so nothing is parsed back.
 */

import type { WindowStart } from './goals.ts';

export type GoalMissing =
  // EC2 and the cluster
  | { kind: 'noRunningInstance'; where: string }
  | { kind: 'noCluster'; cluster: string }
  | { kind: 'instancesInZones'; instances: number; zones: number }
  | { kind: 'instancesJoined'; instances: number; cluster: string }
  | { kind: 'noBareInstance' }
  | { kind: 'tooManyInstances'; instances: number; cluster: string }
  | { kind: 'instancesStillRunning'; instances: number }
  | { kind: 'noneDraining' }
  | { kind: 'noneSetDraining' }
  | { kind: 'drainingBusy'; instances: number }
  // Task definitions, tasks, services
  | { kind: 'noRevision'; family: string }
  | { kind: 'revisionMismatch'; family: string; revision: number }
  | { kind: 'tasksRunning'; running: number; need: number }
  | { kind: 'noService'; service: string }
  | { kind: 'serviceRunning'; running: number; desired: number }
  | { kind: 'distinctInstances'; instances: number }
  | { kind: 'serviceZones'; zones: number }
  | { kind: 'tasksOnHosts'; running: number; need: number; hosts: number; maxInstances: number }
  | { kind: 'queryInvalid'; expression: string; message: string }
  | { kind: 'tasksOnMatching'; matching: number; running: number; expression: string }
  | { kind: 'healthyTasks'; healthy: number; revision: number | null; desired: number }
  | { kind: 'noTaskStopped' }
  | { kind: 'serviceShort'; running: number; desired: number }
  // Deployments
  | { kind: 'primaryDeployment'; revision: number; rolloutState: string }
  | { kind: 'noPrimaryDeployment' }
  | { kind: 'serviceDeployment'; revision: number | null; status: string }
  | { kind: 'noServiceDeployment'; service: string }
  // Load balancing and traffic
  | { kind: 'noTargetGroup'; targetGroup: string }
  | { kind: 'healthyTargets'; healthy: number; targetGroup: string }
  | { kind: 'noListener'; port: number }
  | { kind: 'listenerShare'; port: number; percent: number; targetGroup: string }
  | { kind: 'notForwardedYet'; port: number; percent: number; targetGroup: string }
  | {
      kind: 'shareHeld';
      family: string;
      revision: number;
      /** The revision's share of requests now, in percent; null when no request came yet. */
      share: number | null;
      min: number;
      max: number;
      held: number;
      seconds: number;
    }
  | { kind: 'noAlarmYet' }
  | { kind: 'trafficOffLate'; family: string; revision: number; seconds: number }
  | { kind: 'trafficStill'; family: string; revision: number; share: number | null }
  | { kind: 'requestsFailed'; failed: number }
  | { kind: 'requestsServed'; served: number }
  // Lambda
  | { kind: 'noAlias'; alias: string }
  | { kind: 'aliasVersion'; alias: string; version: string }
  | { kind: 'aliasDeployment'; version: string; status: string; reason: string | null }
  | { kind: 'noAliasDeployment'; version: string; alias: string }
  // Application Auto Scaling
  | { kind: 'noScalableTarget'; service: string }
  | { kind: 'scalableTargetRange'; min: number; max: number; minAtLeast: number; maxAtLeast: number }
  | { kind: 'noScalingPolicy'; metric: string }
  | { kind: 'notScaledOut'; desired: number; need: number }
  | { kind: 'notScaledOutYet' }
  | { kind: 'notScaledIn' }
  // Capacity
  | { kind: 'noManagedProvider'; cluster: string }
  | { kind: 'groupInstances'; instances: number; cluster: string }
  | { kind: 'tasksOnProvider'; running: number; provider: string }
  | { kind: 'noReclamation' }
  // Trajectories and faults
  | { kind: 'waiting'; since: WindowStart; healthy: number }
  | { kind: 'belowHealthy'; healthy: number; atSecond: number }
  | { kind: 'noZoneFailed' }
  | { kind: 'unknownGoal' };

/** What have and need count. */
export type GoalUnit =
  | 'instances'
  | 'zones'
  | 'revisions'
  | 'tasks'
  | 'targets'
  | 'percent'
  | 'seconds'
  | 'requests'
  | 'steps';
