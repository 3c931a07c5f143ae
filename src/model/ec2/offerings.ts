/**
 * What each region offers: which instance types each of its zones can launch, and what they cost there.
 *
 * Sources: https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-instance-regions.html (an instance type
 * may be offered in some zones of a region and not others; DescribeInstanceTypeOfferings lists them by
 * region, zone name or zone id), https://repost.aws/knowledge-center/ec2-instance-type-not-supported-az-error
 * (RunInstances answers `Unsupported` in a zone that does not offer the type, naming the zones that do),
 * https://aws.amazon.com/ec2/pricing/on-demand/ (on-demand prices differ by region).
 *
 * Simplification: a region's prices are its base catalog prices (us-east-1's, catalog.ts) times one ratio,
 * taken from a real region's m5.large price against us-east-1's ($0.096): ap-northeast-1 $0.124 (x1.29),
 * eu-central-1 $0.115 (x1.2). The game's first region offers every type in every zone at the base price,
 * so the campaign's worlds are exactly as they were before regions differed.
 */
import { INSTANCE_TYPES, instanceTypeInfo, zoneNames } from './catalog.ts';

interface RegionOffer {
  /** Price ratio to the base catalog (us-east-1). */
  priceRatio: number;
  /** Instance types a zone does not offer, by zone name (absent: the zone offers every type). */
  gaps: Readonly<Record<string, readonly string[]>>;
}

const CURRENT_GENERATION = INSTANCE_TYPES.map((t) => t.instanceType).filter(
  (t) => t !== 't2.micro' && t !== 'm4.large',
);

const OFFERS: Readonly<Record<string, RegionOffer>> = {
  'za-southwest-1': { priceRatio: 1, gaps: {} },
  // Like ap-northeast-1: dearer, and its newest zone has no previous-generation or large memory hosts.
  'za-northeast-1': {
    priceRatio: 1.29,
    gaps: { 'za-northeast-1d': ['t2.micro', 'm4.large', 'r5.xlarge'] },
  },
  // Like us-east-1e: an old zone that launches only previous-generation types; another without the largest.
  'za-central-1': {
    priceRatio: 1.2,
    gaps: { 'za-central-1e': CURRENT_GENERATION, 'za-central-1f': ['m5.2xlarge', 'r5.xlarge'] },
  },
};

/** Does this zone launch this instance type? */
export function zoneOffers(regionName: string, zoneName: string, instanceType: string): boolean {
  if (!instanceTypeInfo(instanceType) || !zoneNames(regionName).includes(zoneName)) return false;
  return !(OFFERS[regionName]?.gaps[zoneName] ?? []).includes(instanceType);
}

/** The zones of a region that launch an instance type, in zone order. */
export function zonesOffering(regionName: string, instanceType: string): string[] {
  return zoneNames(regionName).filter((z) => zoneOffers(regionName, z, instanceType));
}

/** On-demand USD per hour of an instance type in a region (Linux). */
export function priceIn(regionName: string, instanceType: string): number {
  const base = instanceTypeInfo(instanceType)?.pricePerHour ?? 0;
  return Math.round(base * (OFFERS[regionName]?.priceRatio ?? 1) * 10000) / 10000;
}
