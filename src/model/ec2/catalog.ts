/**
 * The world of Nozama as AWS would describe it: regions, their Availability Zones, a default VPC
 * with one subnet per zone, instance types and AMIs.
 *
 * Source: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html (a
 * region has at least three zones, a zone code is the region code plus a letter, zone IDs like use1-az1) and
 * section 2.2 (the agent registers CPU = vCPUs x 1024 and MEMORY = the host's MemTotal in MiB, less than the
 * marketed size: an m4.large's 8 GiB registers as 7985 MiB). Simplification: the registered memory of each
 * type is derived from its marketed size with the ratio of that documented m4.large example (7985 / 8192);
 * real hosts vary by a few MiB. Prices are AWS's Linux on-demand prices in us-east-1, used only in proportion
 * (gold).
 */

export interface RegionInfo {
  regionName: string;
  /** The short code used in zone IDs (use1 for us-east-1). */
  zoneIdPrefix: string;
  zoneLetters: string[];
  /** The 2nd octet block of the default VPC, distinct per region for readable addresses. */
  vpcIndex: number;
}

export const REGIONS: readonly RegionInfo[] = [
  { regionName: 'za-southwest-1', zoneIdPrefix: 'zasw1', zoneLetters: ['a', 'b', 'c'], vpcIndex: 1 },
  { regionName: 'za-northeast-1', zoneIdPrefix: 'zane1', zoneLetters: ['a', 'b', 'c', 'd'], vpcIndex: 2 },
  {
    regionName: 'za-central-1',
    zoneIdPrefix: 'zac1',
    zoneLetters: ['a', 'b', 'c', 'd', 'e', 'f'],
    vpcIndex: 3,
  },
];

export const DEFAULT_REGION = 'za-southwest-1';

export function regionInfo(regionName: string): RegionInfo | undefined {
  return REGIONS.find((r) => r.regionName === regionName);
}

export function zoneNames(regionName: string): string[] {
  const r = regionInfo(regionName);
  return r ? r.zoneLetters.map((l) => regionName + l) : [];
}

export function zoneId(regionName: string, zoneName: string): string {
  const r = regionInfo(regionName);
  if (!r) return '';
  const i = r.zoneLetters.indexOf(zoneName.slice(regionName.length));
  return `${r.zoneIdPrefix}-az${i + 1}`;
}

export function regionOfZone(zoneName: string): string | undefined {
  return REGIONS.find((r) => zoneName.startsWith(r.regionName) && zoneNames(r.regionName).includes(zoneName))
    ?.regionName;
}

// ---------------------------------------------------------------------------------------------
// Instance types

export interface InstanceTypeInfo {
  instanceType: string;
  vcpus: number;
  cores: number;
  /** Marketed memory, MiB. */
  memoryMiB: number;
  /** ENIs the instance can attach (awsvpc tasks use one each; the primary ENI is the host's). */
  maxEnis: number;
  networkPerformance: string;
  /** On-demand USD per hour (Linux), for gold in proportion to AWS's prices. */
  pricePerHour: number;
}

const t = (
  instanceType: string,
  vcpus: number,
  cores: number,
  memoryGiB: number,
  maxEnis: number,
  networkPerformance: string,
  pricePerHour: number,
): InstanceTypeInfo => ({
  instanceType,
  vcpus,
  cores,
  memoryMiB: memoryGiB * 1024,
  maxEnis,
  networkPerformance,
  pricePerHour,
});

export const INSTANCE_TYPES: readonly InstanceTypeInfo[] = [
  t('t2.micro', 1, 1, 1, 2, 'Low to Moderate', 0.0116),
  t('t3.micro', 2, 1, 1, 2, 'Up to 5 Gigabit', 0.0104),
  t('t3.small', 2, 1, 2, 3, 'Up to 5 Gigabit', 0.0208),
  t('t3.medium', 2, 1, 4, 3, 'Up to 5 Gigabit', 0.0416),
  t('t3.large', 2, 1, 8, 3, 'Up to 5 Gigabit', 0.0832),
  t('m4.large', 2, 1, 8, 2, 'Moderate', 0.1),
  t('m5.large', 2, 1, 8, 3, 'Up to 10 Gigabit', 0.096),
  t('m5.xlarge', 4, 2, 16, 4, 'Up to 10 Gigabit', 0.192),
  t('m5.2xlarge', 8, 4, 32, 4, 'Up to 10 Gigabit', 0.384),
  t('c5.large', 2, 1, 4, 3, 'Up to 10 Gigabit', 0.085),
  t('c5.xlarge', 4, 2, 8, 4, 'Up to 10 Gigabit', 0.17),
  t('r5.large', 2, 1, 16, 3, 'Up to 10 Gigabit', 0.126),
  t('r5.xlarge', 4, 2, 32, 4, 'Up to 10 Gigabit', 0.252),
];

export function instanceTypeInfo(instanceType: string): InstanceTypeInfo | undefined {
  return INSTANCE_TYPES.find((i) => i.instanceType === instanceType);
}

/** CPU units the agent registers: 1024 per vCPU. */
export function registeredCpu(info: InstanceTypeInfo): number {
  return info.vcpus * 1024;
}

/** Memory the agent registers, MiB: below the marketed size (m4.large: 8192 -> 7985). */
export function registeredMemory(info: InstanceTypeInfo): number {
  return Math.floor((info.memoryMiB * 7985) / 8192);
}

/** Fargate on-demand prices (USD), per vCPU-hour and per GB-hour. */
export const FARGATE_PRICES = { perVcpuHour: 0.04048, perGbHour: 0.004445 } as const;

// ---------------------------------------------------------------------------------------------
// AMIs and the ECS agent

export interface AmiInfo {
  key: 'ecs-al2023' | 'al2023';
  name: string;
  description: string;
  hasAgent: boolean;
  /** SSM public parameter that names the recommended image. */
  ssmParameter: string;
}

export const ECS_AGENT_VERSION = '1.101.0';
export const AMI_DATE = '20261101';

export const AMIS: readonly AmiInfo[] = [
  {
    key: 'ecs-al2023',
    name: `al2023-ami-ecs-hvm-2023.0.${AMI_DATE}-kernel-6.1-x86_64`,
    description: `Amazon Linux AMI 2023.0.${AMI_DATE} x86_64 ECS HVM EBS`,
    hasAgent: true,
    ssmParameter: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended',
  },
  {
    key: 'al2023',
    name: `al2023-ami-2023.9.${AMI_DATE}.0-kernel-6.1-x86_64`,
    description: 'Amazon Linux 2023 AMI 2023.9.20261101.0 x86_64 HVM kernel-6.1',
    hasAgent: false,
    ssmParameter: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64',
  },
];

/** Deterministic 17-hex-digit suffix from a string (FNV-1a, twice). */
export function hexId(text: string, digits = 17): string {
  let out = '';
  let h = 0x811c9dc5;
  let round = 0;
  while (out.length < digits) {
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= round++;
    h = Math.imul(h, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, digits);
}

/** The image id of an AMI in a region (AMI ids differ per region, as in AWS). */
export function amiId(regionName: string, key: AmiInfo['key']): string {
  return `ami-${hexId(`${regionName}/${key}`)}`;
}

export function findAmi(regionName: string, imageId: string): AmiInfo | undefined {
  return AMIS.find((a) => amiId(regionName, a.key) === imageId);
}

// ---------------------------------------------------------------------------------------------
// The default VPC

export function defaultVpcId(regionName: string): string {
  return `vpc-${hexId(`${regionName}/vpc`, 8)}`;
}

export function subnetIdFor(zoneName: string): string {
  return `subnet-${hexId(`${zoneName}/subnet`, 17)}`;
}

/** Subnet i of the default VPC is 172.31.(16*i).0/20, as AWS lays out default subnets. */
export function subnetCidr(regionName: string, zoneName: string): string {
  const i = zoneNames(regionName).indexOf(zoneName);
  return `172.31.${i * 16}.0/20`;
}

export function zoneOfSubnet(regionName: string, subnetId: string): string | undefined {
  return zoneNames(regionName).find((z) => subnetIdFor(z) === subnetId);
}
