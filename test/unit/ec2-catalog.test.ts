import { describe, expect, it } from 'vitest';
import { INSTANCE_TYPES, registeredCpu, registeredMemory } from '../../src/model/ec2/catalog.ts';
import { createSim, step } from '../../src/model/index.ts';
import { decodeBase64, encodeBase64 } from '../../src/model/sim/base64.ts';
import { iso } from '../../src/model/sim/time.ts';
import { kingdom, REGION, World } from '../support/world.ts';

describe('catalog read calls', () => {
  it('describes three regions of different sizes, each with at least three zones', () => {
    const w = new World();
    const regions = w.ok('ec2:DescribeRegions').Regions;
    expect(regions.map((r: any) => r.RegionName)).toEqual([
      'za-southwest-1',
      'za-northeast-1',
      'za-central-1',
    ]);
    const sizes = regions.map((r: any) => w.call('ec2:DescribeAvailabilityZones', {}, r.RegionName));
    const counts = sizes.map((r: any) => r.output.AvailabilityZones.length);
    expect(counts).toEqual([3, 4, 6]);
    expect(new Set(counts).size).toBe(3);
  });

  it('names zones as the region code plus a letter, with zone IDs', () => {
    const w = new World();
    const zones = w.ok('ec2:DescribeAvailabilityZones').AvailabilityZones;
    expect(zones.map((z: any) => [z.ZoneName, z.ZoneId, z.State])).toEqual([
      ['za-southwest-1a', 'zasw1-az1', 'available'],
      ['za-southwest-1b', 'zasw1-az2', 'available'],
      ['za-southwest-1c', 'zasw1-az3', 'available'],
    ]);
  });

  it('goes to the region named by the call, else to the region the simulation was created in', () => {
    const s = createSim({ seed: 1, region: 'za-central-1' });
    const here = step(s, { action: 'ec2:DescribeAvailabilityZones' }).response as any;
    expect(here.output.AvailabilityZones).toHaveLength(6);
    const there = step(s, { action: 'ec2:DescribeAvailabilityZones', region: 'za-southwest-1' })
      .response as any;
    expect(there.output.AvailabilityZones).toHaveLength(3);
  });

  it.each([
    ['m4.large', 2048, 7985],
    ['t3.medium', 2048, 3992],
    ['t2.micro', 1024, 998],
    ['r5.large', 2048, 15970],
  ])('%s registers %i CPU units and %i MiB (less than marketed)', (type, cpu, mem) => {
    const info = INSTANCE_TYPES.find((t) => t.instanceType === type)!;
    expect(registeredCpu(info)).toBe(cpu);
    expect(registeredMemory(info)).toBe(mem);
    expect(mem).toBeLessThan(info.memoryMiB);
  });

  it('publishes the recommended ECS-optimized AMI in SSM, per region', () => {
    const w = new World();
    const id = w.ami(true);
    expect(id).toMatch(/^ami-[0-9a-f]{17}$/);
    const json = JSON.parse(
      w.ok('ssm:GetParameter', { Name: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended' })
        .Parameter.Value,
    );
    expect(json.image_id).toBe(id);
    const other = w.call(
      'ssm:GetParameter',
      { Name: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id' },
      'za-central-1',
    ) as any;
    expect(other.output.Parameter.Value).not.toBe(id);
    const images = w.ok('ec2:DescribeImages', { ImageIds: [id] }).Images;
    expect(images[0].Name).toContain('ecs');
    expect(w.err('ssm:GetParameter', { Name: '/nope' }).name).toBe('ParameterNotFound');
  });

  it('has a default VPC with one default subnet per zone', () => {
    const w = new World();
    const vpcs = w.ok('ec2:DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['true'] }] }).Vpcs;
    expect(vpcs).toHaveLength(1);
    const subnets = w.ok('ec2:DescribeSubnets', {
      Filters: [{ Name: 'vpc-id', Values: [vpcs[0].VpcId] }],
    }).Subnets;
    expect(subnets.map((s: any) => s.AvailabilityZone)).toEqual([`${REGION}a`, `${REGION}b`, `${REGION}c`]);
    expect(subnets.every((s: any) => s.DefaultForAz)).toBe(true);
    expect(new Set(subnets.map((s: any) => s.CidrBlock)).size).toBe(3);
  });

  it('describes instance types with vCPUs and memory', () => {
    const w = new World();
    const t = w.ok('ec2:DescribeInstanceTypes', { InstanceTypes: ['m5.large'] }).InstanceTypes[0];
    expect(t.VCpuInfo.DefaultVCpus).toBe(2);
    expect(t.MemoryInfo.SizeInMiB).toBe(8192);
    expect(w.err('ec2:DescribeInstanceTypes', { InstanceTypes: ['x9.huge'] }).name).toBe(
      'InvalidInstanceType',
    );
  });
});

describe('instances and the agent', () => {
  it('an ECS-optimized instance with ECS_CLUSTER joins that cluster after it boots', () => {
    const w = new World();
    w.ok('ecs:CreateCluster', { clusterName: 'Royaume' });
    const [id] = w.launch('b');
    const inst = w.ok('ec2:DescribeInstances', { InstanceIds: [id] }).Reservations[0].Instances[0];
    expect(inst.State).toEqual({ Code: 0, Name: 'pending' });
    expect(inst.Placement.AvailabilityZone).toBe('za-southwest-1b');
    expect(inst.LaunchTime).toBe('2026-01-01T00:00:00.000Z');
    w.tick(25);
    const arns = w.ok('ecs:ListContainerInstances', { cluster: 'Royaume' }).containerInstanceArns;
    expect(arns).toHaveLength(1);
    const ci = w.ok('ecs:DescribeContainerInstances', { cluster: 'Royaume', containerInstances: arns })
      .containerInstances[0];
    expect(ci.ec2InstanceId).toBe(id);
    expect(ci.agentConnected).toBe(true);
    expect(ci.status).toBe('ACTIVE');
    expect(ci.registeredResources.find((r: any) => r.name === 'MEMORY').integerValue).toBe(3992);
    expect(ci.registeredResources.find((r: any) => r.name === 'PORTS').stringSetValue).toEqual([
      '22',
      '2375',
      '2376',
      '51678',
      '51679',
    ]);
    expect(ci.attributes).toContainEqual({ name: 'ecs.availability-zone', value: 'za-southwest-1b' });
    expect(typeof ci.registeredAt).toBe('number');
  });

  it('an instance with no ECS_CLUSTER joins `default`, creating it', () => {
    const w = new World();
    w.ok('ec2:RunInstances', { ImageId: w.ami(true), InstanceType: 't3.small', MinCount: 1, MaxCount: 1 });
    w.tick(25);
    expect(w.ok('ecs:ListClusters').clusterArns).toEqual([
      'arn:aws:ecs:za-southwest-1:123456789012:cluster/default',
    ]);
    expect(w.ok('ecs:ListContainerInstances').containerInstanceArns).toHaveLength(1);
  });

  it('an instance from a plain AMI never joins: it has no agent', () => {
    const w = new World();
    w.ok('ecs:CreateCluster', { clusterName: 'Royaume' });
    w.ok('ec2:RunInstances', {
      ImageId: w.ami(false),
      InstanceType: 't3.small',
      MinCount: 1,
      MaxCount: 1,
      UserData: encodeBase64('#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config'),
    });
    w.tick(120);
    expect(w.ok('ecs:ListContainerInstances', { cluster: 'Royaume' }).containerInstanceArns).toEqual([]);
    const inst = w.state.instances.values()[0]!;
    expect(inst.state).toBe('running');
    expect(inst.hasAgent).toBe(false);
  });

  it('an agent pointed at a missing cluster keeps retrying and joins once it exists', () => {
    const w = new World();
    w.launch('a', 't3.small', 'Later');
    w.tick(60);
    expect(w.events.some((e) => e.type === 'agent/registrationFailed')).toBe(true);
    w.ok('ecs:CreateCluster', { clusterName: 'Later' });
    w.tick(31);
    expect(w.ok('ecs:ListContainerInstances', { cluster: 'Later' }).containerInstanceArns).toHaveLength(1);
  });

  it.each([
    [
      { ImageId: 'ami-0000000000000000f', InstanceType: 't3.small', MinCount: 1, MaxCount: 1 },
      'InvalidAMIID.NotFound',
    ],
    [{ ImageId: 'nope', InstanceType: 't3.small', MinCount: 1, MaxCount: 1 }, 'InvalidAMIID.Malformed'],
    [{ InstanceType: 't3.small', MinCount: 1, MaxCount: 1 }, 'MissingParameter'],
    [{ ImageId: 'ECS', InstanceType: 'x1.bogus', MinCount: 1, MaxCount: 1 }, 'InvalidParameterValue'],
    [{ ImageId: 'ECS', InstanceType: 't3.small', MinCount: 2, MaxCount: 1 }, 'InvalidParameterValue'],
    [
      {
        ImageId: 'ECS',
        InstanceType: 't3.small',
        MinCount: 1,
        MaxCount: 1,
        Placement: { AvailabilityZone: 'za-southwest-1z' },
      },
      'InvalidParameterValue',
    ],
    [
      { ImageId: 'ECS', InstanceType: 't3.small', MinCount: 1, MaxCount: 1, SubnetId: 'subnet-0000' },
      'InvalidSubnetID.NotFound',
    ],
    [
      { ImageId: 'ECS', InstanceType: 't3.small', MinCount: 1, MaxCount: 1, UserData: 'not base64!' },
      'InvalidParameterValue',
    ],
  ])('RunInstances refuses %j with %s and changes nothing', (input, code) => {
    const w = new World();
    const before = w.state;
    const real = {
      ...input,
      ...((input as { ImageId?: string }).ImageId === 'ECS' ? { ImageId: w.ami(true) } : {}),
    };
    expect(w.err('ec2:RunInstances', real).name).toBe(code);
    expect(w.state).toBe(before);
  });

  it('SubnetId picks the zone', () => {
    const w = new World();
    const subnet = w.ok('ec2:DescribeSubnets', {
      Filters: [{ Name: 'availability-zone', Values: ['za-southwest-1c'] }],
    }).Subnets[0].SubnetId;
    const out = w.ok('ec2:RunInstances', {
      ImageId: w.ami(),
      InstanceType: 't3.small',
      MinCount: 2,
      MaxCount: 2,
      SubnetId: subnet,
    });
    expect(out.Instances.map((i: any) => i.Placement.AvailabilityZone)).toEqual([
      'za-southwest-1c',
      'za-southwest-1c',
    ]);
    expect(out.Instances.map((i: any) => i.AmiLaunchIndex)).toEqual([0, 1]);
  });

  it('terminating an instance stops its tasks and deregisters its container instance', () => {
    const w = kingdom(['a']);
    const td = w.registerWeb();
    w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td, count: 2 });
    w.tick(10);
    const id = w.state.instances.keys()[0]!;
    const out = w.ok('ec2:TerminateInstances', { InstanceIds: [id] });
    expect(out.TerminatingInstances[0]).toMatchObject({
      InstanceId: id,
      CurrentState: { Code: 32, Name: 'shutting-down' },
      PreviousState: { Code: 16, Name: 'running' },
    });
    const stopped = w.tasks();
    expect(stopped.every((t) => t.lastStatus === 'STOPPED')).toBe(true);
    expect(stopped[0]!.stoppedReason).toBe(`Host EC2 (instance ${id}) terminated.`);
    expect(w.ok('ecs:ListContainerInstances', { cluster: 'Royaume' }).containerInstanceArns).toEqual([]);
    w.tick(10);
    expect(w.ok('ec2:DescribeInstances', { InstanceIds: [id] }).Reservations[0].Instances[0].State.Name).toBe(
      'terminated',
    );
    expect(w.err('ec2:TerminateInstances', { InstanceIds: ['i-0123456789abcdef0'] }).name).toBe(
      'InvalidInstanceID.NotFound',
    );
  });
});

describe('encodings', () => {
  it.each(['', 'a', 'ab', 'abc', '#!/bin/bash\necho ECS_CLUSTER=Royaume', 'château ✓'])(
    'base64 round-trips %j',
    (s) => {
      expect(decodeBase64(encodeBase64(s))).toBe(s);
    },
  );
  it('reads bytes that are not UTF-8 as U+FFFD instead of throwing (a tampered share link)', () => {
    // 0xF7 0xBF 0xBF 0xBF would be code point 0x1FFFFF, beyond Unicode.
    expect(decodeBase64('97+/vw==')).toBe('\uFFFD');
  });
  it('matches the standard encoding', () => {
    expect(encodeBase64('ECS_CLUSTER=Royaume')).toBe('RUNTX0NMVVNURVI9Um95YXVtZQ==');
  });
  it.each([
    [0, '1970-01-01T00:00:00.000Z'],
    [1767225600, '2026-01-01T00:00:00.000Z'],
    [951782400 + 86399, '2000-02-29T23:59:59.000Z'],
  ])('iso(%i) = %s', (t, s) => {
    expect(iso(t)).toBe(s);
  });
});
