import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSim,
  INSTANCE_TYPES,
  priceIn,
  REGIONS,
  step,
  zoneNames,
  zoneOffers,
  zonesOffering,
} from '../../src/model/index.ts';
import { ECS_AMI_PARAM, World } from '../support/world.ts';

const NE = 'za-northeast-1';
const CENTRAL = 'za-central-1';

/** A World whose calls go to `region` unless they name another. */
function worldIn(region: string): World {
  return new World(1, region);
}

function run(w: World, input: Record<string, unknown>) {
  const ImageId = w.ok('ssm:GetParameter', { Name: ECS_AMI_PARAM }).Parameter.Value;
  return w.call('ec2:RunInstances', { ImageId, MinCount: 1, MaxCount: 1, ...input });
}

describe('DescribeInstanceTypeOfferings', () => {
  it('lists by region by default: every type offered somewhere in the region', () => {
    const out = worldIn(CENTRAL).ok('ec2:DescribeInstanceTypeOfferings');
    expect(out.InstanceTypeOfferings).toHaveLength(INSTANCE_TYPES.length);
    expect(out.InstanceTypeOfferings[0]).toEqual({
      InstanceType: 't2.micro',
      LocationType: 'region',
      Location: CENTRAL,
    });
  });

  it('lists by zone name: za-central-1e offers only the previous generation', () => {
    const out = worldIn(CENTRAL).ok('ec2:DescribeInstanceTypeOfferings', {
      LocationType: 'availability-zone',
      Filters: [{ Name: 'location', Values: ['za-central-1e'] }],
    });
    expect(out.InstanceTypeOfferings.map((o: any) => o.InstanceType)).toEqual(['t2.micro', 'm4.large']);
  });

  it('lists by zone id, filtered by instance type with wildcards', () => {
    const out = worldIn(NE).ok('ec2:DescribeInstanceTypeOfferings', {
      LocationType: 'availability-zone-id',
      Filters: [{ Name: 'instance-type', Values: ['r5.x*'] }],
    });
    expect(out.InstanceTypeOfferings).toEqual(
      ['zane1-az1', 'zane1-az2', 'zane1-az3'].map((Location) => ({
        InstanceType: 'r5.xlarge',
        LocationType: 'availability-zone-id',
        Location,
      })),
    );
  });

  it('offers every type in every zone of the first region, as before regions differed', () => {
    const out = new World().ok('ec2:DescribeInstanceTypeOfferings', { LocationType: 'availability-zone' });
    expect(out.InstanceTypeOfferings).toHaveLength(INSTANCE_TYPES.length * 3);
  });

  it('pages with MaxResults and NextToken', () => {
    const w = worldIn(CENTRAL);
    const first = w.ok('ec2:DescribeInstanceTypeOfferings', { MaxResults: 5 });
    expect(first.InstanceTypeOfferings).toHaveLength(5);
    const rest = w.ok('ec2:DescribeInstanceTypeOfferings', { MaxResults: 1000, NextToken: first.NextToken });
    expect(rest.NextToken).toBeUndefined();
    expect([...first.InstanceTypeOfferings, ...rest.InstanceTypeOfferings]).toEqual(
      w.ok('ec2:DescribeInstanceTypeOfferings').InstanceTypeOfferings,
    );
  });

  it('refuses a LocationType outside the enum and a MaxResults under 5 (the request shape)', () => {
    const w = worldIn(CENTRAL);
    expect(w.err('ec2:DescribeInstanceTypeOfferings', { LocationType: 'planet' }).name).toBe(
      'InvalidParameterValue',
    );
    expect(w.err('ec2:DescribeInstanceTypeOfferings', { MaxResults: 2 }).name).toBe('InvalidParameterValue');
  });
});

describe('RunInstances in a zone that does not offer the type', () => {
  it("answers AWS's Unsupported error naming the zones that do, and launches nothing", () => {
    const w = worldIn(CENTRAL);
    const before = w.state;
    const r = run(w, { InstanceType: 't3.medium', Placement: { AvailabilityZone: 'za-central-1e' } });
    expect(r).toEqual({
      error: {
        name: 'Unsupported',
        message:
          'Your requested instance type (t3.medium) is not supported in your requested Availability Zone ' +
          '(za-central-1e). Please retry your request by not specifying an Availability Zone or choosing ' +
          'za-central-1a, za-central-1b, za-central-1c, za-central-1d, za-central-1f.',
      },
    });
    expect(w.state.instances).toEqual(before.instances);
  });

  it('answers the same for the subnet of that zone', () => {
    const w = worldIn(NE);
    const subnet = w
      .ok('ec2:DescribeSubnets')
      .Subnets.find((s: any) => s.AvailabilityZone === 'za-northeast-1d').SubnetId;
    const r = run(w, { InstanceType: 'r5.xlarge', SubnetId: subnet });
    expect('error' in r && r.error.name).toBe('Unsupported');
  });

  it('launches a type the zone offers there', () => {
    const w = worldIn(CENTRAL);
    const r = run(w, { InstanceType: 'm4.large', Placement: { AvailabilityZone: 'za-central-1e' } });
    expect('output' in r && (r.output as any).Instances[0].Placement.AvailabilityZone).toBe('za-central-1e');
  });

  it('without a zone, EC2 picks only zones that offer the type', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.constantFrom(...INSTANCE_TYPES.map((t) => t.instanceType)),
        (seed, type) => {
          for (const { regionName } of REGIONS) {
            const w = new World(seed, regionName);
            const r = run(w, { InstanceType: type, MaxCount: 3 });
            if ('error' in r) throw new Error(r.error.message);
            for (const i of (r.output as any).Instances)
              expect(zoneOffers(regionName, i.Placement.AvailabilityZone, type)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the catalog by region', () => {
  it('every type is offered in some zone of every region, and every zone offers something', () => {
    for (const { regionName } of REGIONS) {
      for (const t of INSTANCE_TYPES)
        expect(zonesOffering(regionName, t.instanceType).length).toBeGreaterThan(0);
      for (const z of zoneNames(regionName))
        expect(INSTANCE_TYPES.some((t) => zoneOffers(regionName, z, t.instanceType))).toBe(true);
    }
  });

  it.each([
    ['za-southwest-1', 0.096],
    [NE, 0.1238],
    [CENTRAL, 0.1152],
  ])('an m5.large costs %s USD %f an hour', (region, usd) => {
    expect(priceIn(region, 'm5.large')).toBe(usd);
  });

  it('gives each region its own AMI ids, SSM parameter ARNs and resource ARNs', () => {
    const ids = REGIONS.map(({ regionName }) => {
      const p = worldIn(regionName).ok('ssm:GetParameter', { Name: ECS_AMI_PARAM }).Parameter;
      expect(p.ARN).toBe(`arn:aws:ssm:${regionName}::parameter${ECS_AMI_PARAM}`);
      return p.Value;
    });
    expect(new Set(ids).size).toBe(REGIONS.length);
    const w = worldIn(NE);
    expect(w.ok('ecs:CreateCluster', { clusterName: 'Royaume' }).cluster.clusterArn).toMatch(
      /^arn:aws:ecs:za-northeast-1:/,
    );
  });

  it("refuses another region's AMI id, as EC2 does", () => {
    const w = new World();
    const neAmi = worldIn(NE).ok('ssm:GetParameter', { Name: ECS_AMI_PARAM }).Parameter.Value;
    const r = w.call('ec2:RunInstances', {
      ImageId: neAmi,
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
    });
    expect('error' in r && r.error.name).toBe('InvalidAMIID.NotFound');
  });
});

describe('a kingdom is regional', () => {
  it('an instance started for a cluster of another region never joins it: its agent keeps retrying', () => {
    // Clusters are Region-specific (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/clusters.html);
    // the agent registers with its own Region's ECS endpoint.
    const w = new World();
    w.ok('ecs:CreateCluster', { clusterName: 'Royaume' });
    const ImageId = worldIn(NE).ok('ssm:GetParameter', { Name: ECS_AMI_PARAM }).Parameter.Value;
    const userData = Buffer.from('#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n').toString(
      'base64',
    );
    const r = w.call(
      'ec2:RunInstances',
      { ImageId, InstanceType: 't3.medium', MinCount: 1, MaxCount: 1, UserData: userData },
      NE,
    );
    expect('output' in r).toBe(true);
    w.tick(120);
    expect(w.state.containerInstances.values()).toHaveLength(0);
    expect(w.events.some((e) => e.type === 'agent/registrationFailed' && e.data.cluster === 'Royaume')).toBe(
      true,
    );
    const list = w.call('ecs:ListContainerInstances', { cluster: 'Royaume' }, NE);
    expect('error' in list && list.error.name).toBe('ClusterNotFoundException');
  });

  it("a cluster in each region keeps its own instances: one region's outage leaves the other's running", () => {
    const s0 = createSim({ seed: 3 });
    expect(s0.defaultRegion).toBe('za-southwest-1');
    const w = new World(3);
    for (const region of ['za-southwest-1', NE]) {
      w.call('ecs:CreateCluster', { clusterName: 'Royaume' }, region);
      const ImageId = (w.call('ssm:GetParameter', { Name: ECS_AMI_PARAM }, region) as any).output.Parameter
        .Value;
      const UserData = Buffer.from('#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n').toString(
        'base64',
      );
      w.call(
        'ec2:RunInstances',
        { ImageId, InstanceType: 't3.medium', MinCount: 2, MaxCount: 2, UserData },
        region,
      );
    }
    w.tick(60);
    for (const z of zoneNames('za-southwest-1')) w.ok('sim:FailAvailabilityZone', { availabilityZone: z });
    w.tick(60);
    const live = (region: string) =>
      w.state.containerInstances.values().filter((c) => c.region === region && c.agentConnected).length;
    expect(live(NE)).toBe(2);
    expect(live('za-southwest-1')).toBe(0);
    expect(step(w.state, { action: 'ec2:DescribeAvailabilityZones', region: NE }).response).toMatchObject({
      output: {
        AvailabilityZones: expect.arrayContaining([expect.objectContaining({ State: 'available' })]),
      },
    });
  });
});
