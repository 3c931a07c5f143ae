/**
 * ec2:DescribeInstanceTypeOfferings: which instance types the region, each zone (by name) or each zone (by
 * id) offers, read from offerings.ts.
 *
 * Source: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceTypeOfferings.html
 * (LocationType region | availability-zone | availability-zone-id | outpost, default region; filters
 * `instance-type` and `location`; MaxResults 5-1000 with NextToken). Simplification: no outposts, so
 * LocationType outpost lists nothing.
 */
import type { Input } from '../sim/api-types.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import { INSTANCE_TYPES, zoneId, zoneNames } from './catalog.ts';
import { applyFilters, filtersOf } from './ec2-filters.ts';
import { zoneOffers } from './offerings.ts';

interface Offering {
  InstanceType: string;
  LocationType: string;
  Location: string;
}

function offerings(region: string, locationType: string): Offering[] {
  const types = INSTANCE_TYPES.map((t) => t.instanceType);
  const zones = zoneNames(region);
  switch (locationType) {
    case 'region':
      return types
        .filter((t) => zones.some((z) => zoneOffers(region, z, t)))
        .map((t) => ({ InstanceType: t, LocationType: 'region', Location: region }));
    case 'availability-zone':
    case 'availability-zone-id':
      return zones.flatMap((z) =>
        types
          .filter((t) => zoneOffers(region, z, t))
          .map((t) => ({
            InstanceType: t,
            LocationType: locationType,
            Location: locationType === 'availability-zone' ? z : zoneId(region, z),
          })),
      );
    default:
      return [];
  }
}

export function describeInstanceTypeOfferings(ctx: Ctx, input: Input) {
  const locationType = typeof input.LocationType === 'string' ? input.LocationType : 'region';
  const all = applyFilters(offerings(ctx.region, locationType), filtersOf(input), (o, n) =>
    n === 'instance-type' ? o.InstanceType : n === 'location' ? o.Location : undefined,
  );
  const start = input.NextToken === undefined ? 0 : Number(input.NextToken);
  if (!Number.isInteger(start) || start < 0 || start > all.length)
    throw new ApiError('InvalidParameterValue', 'Invalid NextToken value.');
  const max = typeof input.MaxResults === 'number' ? input.MaxResults : all.length;
  const page = all.slice(start, start + max);
  const next = start + page.length;
  return {
    InstanceTypeOfferings: page,
    ...(next < all.length ? { NextToken: String(next) } : {}),
  };
}
