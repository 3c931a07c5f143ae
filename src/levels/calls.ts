/**
 * Builders for the real calls the campaign's scenarios and solutions are made of. Data helpers only:
 * each returns a plain Call with the AWS request shape (no Nozama words inside a call).
 */

import type { Call } from '../model/index.ts';
import { amiId, encodeBase64, subnetIdFor, zoneNames } from '../model/index.ts';

export const REGION = 'za-southwest-1';
export const ZONES = zoneNames(REGION);
export const ECS_AMI = amiId(REGION, 'ecs-al2023');
export const BARE_AMI = amiId(REGION, 'al2023');
export const CLUSTER = 'Royaume';

export const zone = (letter: string): string => `${REGION}${letter}`;

/** The user data that tells the ECS agent which cluster to join (and custom attributes). */
export function ecsUserData(cluster: string, attributes?: Record<string, string>): string {
  let script = `#!/bin/bash\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config\n`;
  if (attributes)
    script += `echo 'ECS_INSTANCE_ATTRIBUTES=${JSON.stringify(attributes)}' >> /etc/ecs/ecs.config\n`;
  return encodeBase64(script);
}

export interface TerritoryOptions {
  type?: string;
  count?: number;
  /** The cluster named in the user data; null for no user data. */
  cluster?: string | null;
  ami?: string;
  attributes?: Record<string, string>;
  region?: string;
}

export function runInstances(letter: string, o: TerritoryOptions = {}): Call {
  const region = o.region ?? REGION;
  const count = o.count ?? 1;
  const cluster = o.cluster === undefined ? CLUSTER : o.cluster;
  const input: Record<string, unknown> = {
    ImageId: o.ami ?? amiId(region, 'ecs-al2023'),
    InstanceType: o.type ?? 't3.medium',
    MinCount: count,
    MaxCount: count,
    Placement: { AvailabilityZone: `${region}${letter}` },
  };
  if (cluster !== null) input.UserData = ecsUserData(cluster, o.attributes);
  return region === REGION
    ? { action: 'ec2:RunInstances', input }
    : { action: 'ec2:RunInstances', input, region };
}

export const createCluster = (clusterName = CLUSTER): Call => ({
  action: 'ecs:CreateCluster',
  input: { clusterName },
});

export interface Building {
  name: string;
  image: string;
  cpu: number;
  memory: number;
  essential?: boolean;
  port?: number;
}

function containerDefinition(b: Building): Record<string, unknown> {
  const d: Record<string, unknown> = {
    name: b.name,
    image: b.image,
    cpu: b.cpu,
    memory: b.memory,
    essential: b.essential ?? true,
  };
  if (b.port !== undefined) d.portMappings = [{ containerPort: b.port, hostPort: 0, protocol: 'tcp' }];
  return d;
}

export function registerTaskDefinition(family: string, buildings: Building[]): Call {
  return {
    action: 'ecs:RegisterTaskDefinition',
    input: { family, containerDefinitions: buildings.map(containerDefinition) },
  };
}

/** The one-building plan most levels use: a mill (a web server). */
export const MILL: Building = { name: 'web', image: 'nginx:1.27', cpu: 256, memory: 512, port: 80 };
export const registerMill = (image = 'nginx:1.27'): Call =>
  registerTaskDefinition('mill', [{ ...MILL, image }]);

export function createService(
  serviceName: string,
  taskDefinition: string,
  desiredCount: number,
  extra: Record<string, unknown> = {},
): Call {
  return {
    action: 'ecs:CreateService',
    input: { cluster: CLUSTER, serviceName, taskDefinition, desiredCount, ...extra },
  };
}

export function updateService(service: string, extra: Record<string, unknown>): Call {
  return { action: 'ecs:UpdateService', input: { cluster: CLUSTER, service, ...extra } };
}

export const failZone = (letter: string): Call => ({
  action: 'sim:FailAvailabilityZone',
  input: { availabilityZone: zone(letter) },
});

export const restoreZone = (letter: string): Call => ({
  action: 'sim:RestoreAvailabilityZone',
  input: { availabilityZone: zone(letter) },
});

export const subnets = (letters: string[] = ['a', 'b', 'c']): string[] =>
  letters.map((l) => subnetIdFor(zone(l)));
