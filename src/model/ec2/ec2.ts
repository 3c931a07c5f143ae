/**
 * EC2 as ECS needs it: the catalog read calls, RunInstances / TerminateInstances / DescribeInstances,
 * and the instance lifecycle (pending -> running -> the agent registers).
 *
 * Sources: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html
 * (zones), https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html (the agent joins
 * ECS_CLUSTER, default "default", creating it when missing),
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterContainerInstance.html (terminating
 * an instance deregisters its container instance). EC2 speaks the query/XML protocol: timestamps are ISO 8601
 * strings, errors are EC2's codes (InvalidAMIID.NotFound, InvalidParameterValue, ...). Simplification: one
 * default VPC per region, no security groups, key pairs or EBS details.
 */
import type { Input } from '../sim/api-types.ts';
import { decodeBase64 } from '../sim/base64.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import { iso } from '../sim/time.ts';
import { TIMING } from '../sim/timing.ts';
import type { Ec2Instance, InstanceStateName } from '../sim/types.ts';
import {
  AMIS,
  amiId,
  defaultVpcId,
  findAmi,
  INSTANCE_TYPES,
  instanceTypeInfo,
  REGIONS,
  regionInfo,
  subnetCidr,
  subnetIdFor,
  zoneId,
  zoneNames,
  zoneOfSubnet,
} from './catalog.ts';
import { applyFilters, filtersOf, strList } from './ec2-filters.ts';
import { describeInstanceTypeOfferings } from './ec2-offerings.ts';
import { onHostLost } from './host-loss.ts';
import { zoneOffers, zonesOffering } from './offerings.ts';

const STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

// ---------------------------------------------------------------------------------------------
// Catalog reads

function describeRegions(_ctx: Ctx, input: Input) {
  const names = strList(input.RegionNames);
  for (const n of names) {
    if (!regionInfo(n)) throw new ApiError('InvalidParameterValue', `Invalid region: ${n}`);
  }
  const regions = REGIONS.filter((r) => names.length === 0 || names.includes(r.regionName)).map((r) => ({
    Endpoint: `ec2.${r.regionName}.amazonaws.com`,
    RegionName: r.regionName,
    OptInStatus: 'opt-in-not-required',
  }));
  return {
    Regions: applyFilters(regions, filtersOf(input), (r, n) =>
      n === 'region-name' ? r.RegionName : undefined,
    ),
  };
}

function describeAvailabilityZones(ctx: Ctx, input: Input) {
  const wanted = strList(input.ZoneNames);
  for (const z of wanted) {
    if (!zoneNames(ctx.region).includes(z)) {
      throw new ApiError('InvalidParameterValue', `The zone '${z}' does not exist.`);
    }
  }
  const zones = zoneNames(ctx.region)
    .filter((z) => wanted.length === 0 || wanted.includes(z))
    .map((z) => ({
      OptInStatus: 'opt-in-not-required',
      Messages: ctx.s.impairedZones[z]
        ? [{ Message: 'This Availability Zone is experiencing an outage.' }]
        : [],
      RegionName: ctx.region,
      ZoneName: z,
      ZoneId: zoneId(ctx.region, z),
      GroupName: ctx.region,
      NetworkBorderGroup: ctx.region,
      ZoneType: 'availability-zone',
      State: ctx.s.impairedZones[z] ? 'impaired' : 'available',
    }));
  return {
    AvailabilityZones: applyFilters(zones, filtersOf(input), (z, n) =>
      n === 'zone-name' ? z.ZoneName : n === 'state' ? z.State : n === 'zone-id' ? z.ZoneId : undefined,
    ),
  };
}

function imageShape(ctx: Ctx, a: (typeof AMIS)[number]) {
  return {
    Architecture: 'x86_64',
    CreationDate: '2026-11-01T00:00:00.000Z',
    ImageId: amiId(ctx.region, a.key),
    ImageLocation: `amazon/${a.name}`,
    ImageType: 'machine',
    Public: true,
    OwnerId: '591542846629',
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
    State: 'available',
    BlockDeviceMappings: [
      {
        DeviceName: '/dev/xvda',
        Ebs: { DeleteOnTermination: true, VolumeSize: 30, VolumeType: 'gp3', Encrypted: false },
      },
    ],
    Description: a.description,
    EnaSupport: true,
    Hypervisor: 'xen',
    ImageOwnerAlias: 'amazon',
    Name: a.name,
    RootDeviceName: '/dev/xvda',
    RootDeviceType: 'ebs',
    SriovNetSupport: 'simple',
    VirtualizationType: 'hvm',
    BootMode: 'uefi-preferred',
  };
}

function describeImages(ctx: Ctx, input: Input) {
  const ids = strList(input.ImageIds);
  for (const id of ids) {
    if (!/^ami-[0-9a-f]{8,17}$/.test(id)) throw new ApiError('InvalidAMIID.Malformed', `Invalid id: "${id}"`);
    if (!findAmi(ctx.region, id))
      throw new ApiError('InvalidAMIID.NotFound', `The image id '[${id}]' does not exist`);
  }
  const images = AMIS.map((a) => imageShape(ctx, a)).filter(
    (i) => ids.length === 0 || ids.includes(i.ImageId),
  );
  return {
    Images: applyFilters(images, filtersOf(input), (i, n) =>
      n === 'name'
        ? i.Name
        : n === 'image-id'
          ? i.ImageId
          : n === 'architecture'
            ? i.Architecture
            : undefined,
    ),
  };
}

function describeInstanceTypes(_ctx: Ctx, input: Input) {
  const wanted = strList(input.InstanceTypes);
  for (const w of wanted) {
    if (!instanceTypeInfo(w)) {
      throw new ApiError('InvalidInstanceType', `The following supplied instance types do not exist: [${w}]`);
    }
  }
  const types = INSTANCE_TYPES.filter((t) => wanted.length === 0 || wanted.includes(t.instanceType)).map(
    (t) => ({
      InstanceType: t.instanceType,
      CurrentGeneration: t.instanceType !== 't2.micro' && t.instanceType !== 'm4.large',
      FreeTierEligible: t.instanceType === 't2.micro' || t.instanceType === 't3.micro',
      SupportedUsageClasses: ['on-demand', 'spot'],
      SupportedRootDeviceTypes: ['ebs'],
      SupportedVirtualizationTypes: ['hvm'],
      BareMetal: false,
      Hypervisor: 'nitro',
      ProcessorInfo: { SupportedArchitectures: ['x86_64'] },
      VCpuInfo: { DefaultVCpus: t.vcpus, DefaultCores: t.cores, DefaultThreadsPerCore: t.vcpus / t.cores },
      MemoryInfo: { SizeInMiB: t.memoryMiB },
      InstanceStorageSupported: false,
      NetworkInfo: {
        NetworkPerformance: t.networkPerformance,
        MaximumNetworkInterfaces: t.maxEnis,
        Ipv4AddressesPerInterface: 6,
      },
      PlacementGroupInfo: { SupportedStrategies: ['partition', 'spread'] },
    }),
  );
  return {
    InstanceTypes: applyFilters(types, filtersOf(input), (t, n) =>
      n === 'instance-type' ? t.InstanceType : undefined,
    ),
  };
}

function describeVpcs(ctx: Ctx, input: Input) {
  const vpc = {
    CidrBlock: '172.31.0.0/16',
    DhcpOptionsId: `dopt-${defaultVpcId(ctx.region).slice(4)}`,
    State: 'available',
    VpcId: defaultVpcId(ctx.region),
    OwnerId: ctx.s.accountId,
    InstanceTenancy: 'default',
    CidrBlockAssociationSet: [
      {
        AssociationId: `vpc-cidr-assoc-${defaultVpcId(ctx.region).slice(4)}`,
        CidrBlock: '172.31.0.0/16',
        CidrBlockState: { State: 'associated' },
      },
    ],
    IsDefault: true,
  };
  const ids = strList(input.VpcIds);
  for (const id of ids) {
    if (id !== vpc.VpcId) throw new ApiError('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);
  }
  const vpcs = applyFilters([vpc], filtersOf(input), (v, n) =>
    n === 'is-default' ? String(v.IsDefault) : n === 'vpc-id' ? v.VpcId : n === 'state' ? v.State : undefined,
  );
  return { Vpcs: vpcs };
}

function subnetShape(ctx: Ctx, zone: string) {
  const subnetId = subnetIdFor(zone);
  return {
    AvailabilityZone: zone,
    AvailabilityZoneId: zoneId(ctx.region, zone),
    AvailableIpAddressCount:
      4091 -
      ctx.s.instances.values().filter((i) => i.subnetId === subnetId && i.state !== 'terminated').length,
    CidrBlock: subnetCidr(ctx.region, zone),
    DefaultForAz: true,
    MapPublicIpOnLaunch: true,
    State: 'available',
    SubnetId: subnetId,
    VpcId: defaultVpcId(ctx.region),
    OwnerId: ctx.s.accountId,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    SubnetArn: ctx.arn('ec2', `subnet/${subnetId}`),
  };
}

function describeSubnets(ctx: Ctx, input: Input) {
  const all = zoneNames(ctx.region).map((z) => subnetShape(ctx, z));
  const ids = strList(input.SubnetIds);
  for (const id of ids) {
    if (!all.some((s) => s.SubnetId === id))
      throw new ApiError('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);
  }
  const subnets = all.filter((s) => ids.length === 0 || ids.includes(s.SubnetId));
  return {
    Subnets: applyFilters(subnets, filtersOf(input), (s, n) => {
      switch (n) {
        case 'availability-zone':
          return s.AvailabilityZone;
        case 'vpc-id':
          return s.VpcId;
        case 'default-for-az':
          return String(s.DefaultForAz);
        case 'subnet-id':
          return s.SubnetId;
        default:
          return undefined;
      }
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// SSM public parameters

function ssmParameters(region: string): Record<string, string> {
  const ecs = AMIS.find((a) => a.key === 'ecs-al2023')!;
  const plain = AMIS.find((a) => a.key === 'al2023')!;
  const ecsId = amiId(region, 'ecs-al2023');
  return {
    [`${ecs.ssmParameter}/image_id`]: ecsId,
    [ecs.ssmParameter]: JSON.stringify({
      ecs_agent_version: '1.101.0',
      ecs_runtime_version: 'Docker version 25.0.8',
      image_id: ecsId,
      image_name: ecs.name,
      os: 'Amazon Linux 2023',
      schema_version: 1,
    }),
    [plain.ssmParameter]: amiId(region, 'al2023'),
  };
}

function getParameter(ctx: Ctx, input: Input) {
  const name = str(input.Name);
  if (!name)
    throw new ApiError(
      'ValidationException',
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
  const value = ssmParameters(ctx.region)[name];
  if (value === undefined) throw new ApiError('ParameterNotFound', '');
  return {
    Parameter: {
      Name: name,
      Type: 'String',
      Value: value,
      Version: 1,
      LastModifiedDate: 1761955200,
      ARN: `arn:aws:ssm:${ctx.region}::parameter${name}`,
      DataType:
        name.endsWith('image_id') || name.includes('ami-amazon-linux-latest') ? 'aws:ec2:image' : 'text',
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Instances

/** Reads ECS_CLUSTER and ECS_INSTANCE_ATTRIBUTES out of a user-data script, as the agent's config would. */
export function parseEcsConfig(userData: string): {
  cluster: string | null;
  attributes: Record<string, string>;
} {
  const cluster = /ECS_CLUSTER=["']?([A-Za-z0-9_-]{1,255})/.exec(userData)?.[1] ?? null;
  let attributes: Record<string, string> = {};
  const at = userData.indexOf('ECS_INSTANCE_ATTRIBUTES=');
  const open = at >= 0 ? userData.indexOf('{', at) : -1;
  // The JSON object ends at the first closing brace that makes it parse (quotes around it vary).
  for (let end = userData.indexOf('}', open); open >= 0 && end >= 0; end = userData.indexOf('}', end + 1)) {
    try {
      const parsed = JSON.parse(userData.slice(open, end + 1)) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        attributes = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
      }
      break;
    } catch {
      // not yet a whole object: try the next brace
    }
  }
  return { cluster, attributes };
}

function availableZones(ctx: Ctx): string[] {
  return zoneNames(ctx.region).filter((z) => !ctx.s.impairedZones[z]);
}

function runInstances(ctx: Ctx, input: Input) {
  const imageId = str(input.ImageId);
  if (!imageId) throw new ApiError('MissingParameter', 'The request must contain the parameter ImageId');
  if (!/^ami-[0-9a-f]{8,17}$/.test(imageId))
    throw new ApiError('InvalidAMIID.Malformed', `Invalid id: "${imageId}" (expecting "ami-...")`);
  const ami = findAmi(ctx.region, imageId);
  if (!ami) throw new ApiError('InvalidAMIID.NotFound', `The image id '[${imageId}]' does not exist`);
  const instanceType = str(input.InstanceType) ?? 'm1.small';
  const typeInfo = instanceTypeInfo(instanceType);
  if (!typeInfo)
    throw new ApiError('InvalidParameterValue', `Invalid value '${instanceType}' for InstanceType.`);
  const minCount = input.MinCount;
  const maxCount = input.MaxCount;
  if (typeof minCount !== 'number')
    throw new ApiError('MissingParameter', 'The request must contain the parameter MinCount');
  if (typeof maxCount !== 'number')
    throw new ApiError('MissingParameter', 'The request must contain the parameter MaxCount');
  if (!Number.isInteger(minCount) || minCount < 1)
    throw new ApiError(
      'InvalidParameterValue',
      `Value (${minCount}) for parameter minCount is invalid. Expected a positive integer.`,
    );
  if (!Number.isInteger(maxCount) || maxCount < minCount) {
    throw new ApiError(
      'InvalidParameterValue',
      `Value (${maxCount}) for parameter maxCount is invalid. Expected a value greater than or equal to minCount.`,
    );
  }
  const count = Math.min(maxCount, 100);
  if (minCount > 100)
    throw new ApiError(
      'InstanceLimitExceeded',
      'You have requested more instances (' +
        minCount +
        ') than your current instance limit of 100 allows for the specified instance type.',
    );

  // Zone: Placement.AvailabilityZone, else the subnet's zone, else EC2 picks one.
  const placement = (input.Placement ?? {}) as Record<string, unknown>;
  let zone = str(placement.AvailabilityZone);
  const subnetIdIn = str(input.SubnetId);
  if (zone !== undefined && !zoneNames(ctx.region).includes(zone)) {
    throw new ApiError('InvalidParameterValue', `Invalid availability zone: [${zone}]`);
  }
  if (subnetIdIn !== undefined) {
    const subnetZone = zoneOfSubnet(ctx.region, subnetIdIn);
    if (!subnetZone)
      throw new ApiError('InvalidSubnetID.NotFound', `The subnet ID '${subnetIdIn}' does not exist`);
    if (zone !== undefined && zone !== subnetZone) {
      throw new ApiError(
        'InvalidParameterValue',
        `Subnet ${subnetIdIn} is in ${subnetZone}, not in the requested availability zone ${zone}.`,
      );
    }
    zone = subnetZone;
  }
  if (zone !== undefined && !zoneOffers(ctx.region, zone, instanceType)) {
    // https://repost.aws/knowledge-center/ec2-instance-type-not-supported-az-error
    throw new ApiError(
      'Unsupported',
      `Your requested instance type (${instanceType}) is not supported in your requested Availability Zone (${zone}). Please retry your request by not specifying an Availability Zone or choosing ${zonesOffering(ctx.region, instanceType).join(', ')}.`,
    );
  }
  if (zone === undefined) {
    // EC2 picks among the zones that offer the type.
    const open = availableZones(ctx).filter((z) => zoneOffers(ctx.region, z, instanceType));
    if (open.length === 0)
      throw new ApiError(
        'InsufficientInstanceCapacity',
        `We currently do not have sufficient ${instanceType} capacity in the Region you requested.`,
      );
    zone = open[ctx.randomInt(open.length)] as string;
  }
  if (ctx.s.impairedZones[zone]) {
    const others = availableZones(ctx).filter((z) => zoneOffers(ctx.region, z, instanceType));
    throw new ApiError(
      'InsufficientInstanceCapacity',
      `We currently do not have sufficient ${instanceType} capacity in the Availability Zone you requested (${zone}). Our system will be working on provisioning additional capacity. You can currently get ${instanceType} capacity by not specifying an Availability Zone in your request or choosing ${others.join(', ')}.`,
    );
  }

  let userData: string | null = null;
  if (input.UserData !== undefined) {
    const raw = str(input.UserData);
    const decoded = raw === undefined ? null : decodeBase64(raw);
    if (decoded === null)
      throw new ApiError('InvalidParameterValue', 'Invalid BASE64 encoding of user data.');
    userData = decoded;
  }
  const tags: { Key: string; Value: string }[] = [];
  if (Array.isArray(input.TagSpecifications)) {
    for (const spec of input.TagSpecifications as Record<string, unknown>[]) {
      if (spec.ResourceType !== 'instance') continue;
      for (const tag of (spec.Tags ?? []) as Record<string, unknown>[])
        tags.push({ Key: String(tag.Key), Value: String(tag.Value ?? '') });
    }
  }

  const created = launchInstances(ctx, {
    imageId,
    instanceType,
    zone,
    userData,
    tags,
    count,
    hasAgent: ami.hasAgent,
  });
  return reservationShape(ctx, created);
}

/** What a new instance is made of: RunInstances' request, or an Auto Scaling group's launch template. */
export interface InstanceSpec {
  imageId: string;
  instanceType: string;
  zone: string;
  /** The decoded user-data script. */
  userData: string | null;
  tags: { Key: string; Value: string }[];
  count: number;
  hasAgent: boolean;
  autoScalingGroup?: string;
  protectedFromScaleIn?: boolean;
}

/** Launches `count` instances of one reservation in a zone (already checked to be open). */
export function launchInstances(ctx: Ctx, spec: InstanceSpec): Ec2Instance[] {
  const { imageId, instanceType, zone, userData, tags, count } = spec;
  const ecsConfig = userData ? parseEcsConfig(userData) : { cluster: null, attributes: {} };
  const reservationId = `r-${ctx.hex(17)}`;
  const subnetId = subnetIdFor(zone);
  const zoneIndex = zoneNames(ctx.region).indexOf(zone);
  const created: Ec2Instance[] = [];
  for (let i = 0; i < count; i++) {
    const n = ctx.serial();
    const inst: Ec2Instance = {
      instanceId: `i-${ctx.hex(17)}`,
      reservationId,
      amiLaunchIndex: i,
      zoneOrdinal: (ctx.s.zoneLaunches[zone] ?? 0) + 1,
      region: ctx.region,
      imageId,
      instanceType,
      availabilityZone: zone,
      subnetId,
      vpcId: defaultVpcId(ctx.region),
      privateIpAddress: `172.31.${zoneIndex * 16 + ((n >> 8) % 16)}.${(n % 250) + 4}`,
      state: 'pending',
      stateUntil: ctx.now + TIMING.instanceBoot,
      stateReason: { code: 'pending', message: 'pending' },
      stateTransitionReason: '',
      launchTime: ctx.now,
      userData,
      ecsCluster: ecsConfig.cluster,
      ecsInstanceAttributes: ecsConfig.attributes,
      hasAgent: spec.hasAgent,
      agentHealthy: true,
      containerInstanceArn: null,
      agentRegisterAt: null,
      tags,
    };
    if (spec.autoScalingGroup !== undefined) {
      inst.autoScalingGroup = spec.autoScalingGroup;
      inst.protectedFromScaleIn = spec.protectedFromScaleIn === true;
    }
    ctx.setMap('zoneLaunches', zone, inst.zoneOrdinal);
    ctx.put('instances', inst.instanceId, inst);
    created.push(inst);
    ctx.emit('instance/launched', {
      instanceId: inst.instanceId,
      instanceType,
      availabilityZone: zone,
      hasAgent: spec.hasAgent,
      cluster: ecsConfig.cluster,
    });
  }
  return created;
}

export function instanceShape(_ctx: Ctx, i: Ec2Instance): Record<string, unknown> {
  const dns = `ip-${i.privateIpAddress.replace(/\./g, '-')}.${i.region}.compute.internal`;
  const live = i.state !== 'terminated';
  const out: Record<string, unknown> = {
    AmiLaunchIndex: i.amiLaunchIndex,
    ImageId: i.imageId,
    InstanceId: i.instanceId,
    InstanceType: i.instanceType,
    LaunchTime: iso(i.launchTime),
    Monitoring: { State: 'disabled' },
    Placement: { AvailabilityZone: i.availabilityZone, GroupName: '', Tenancy: 'default' },
    PrivateDnsName: live ? dns : '',
    ProductCodes: [],
    PublicDnsName: '',
    State: { Code: STATE_CODES[i.state], Name: i.state },
    StateTransitionReason: i.stateTransitionReason,
    Architecture: 'x86_64',
    BlockDeviceMappings: [],
    ClientToken: '',
    EbsOptimized: false,
    EnaSupport: true,
    Hypervisor: 'xen',
    NetworkInterfaces: [],
    RootDeviceName: '/dev/xvda',
    RootDeviceType: 'ebs',
    SecurityGroups: [],
    SourceDestCheck: true,
    VirtualizationType: 'hvm',
    CpuOptions: { CoreCount: instanceTypeInfo(i.instanceType)?.cores ?? 1, ThreadsPerCore: 2 },
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
  };
  if (live) {
    out.PrivateIpAddress = i.privateIpAddress;
    out.SubnetId = i.subnetId;
    out.VpcId = i.vpcId;
  }
  if (i.stateReason) out.StateReason = { Code: i.stateReason.code, Message: i.stateReason.message };
  if (i.tags.length) out.Tags = i.tags;
  return out;
}

function reservationShape(ctx: Ctx, instances: Ec2Instance[]) {
  return {
    ReservationId: instances[0]?.reservationId ?? '',
    OwnerId: ctx.s.accountId,
    Groups: [],
    Instances: instances.map((i) => instanceShape(ctx, i)),
  };
}

function lookupInstances(ctx: Ctx, ids: string[]): Ec2Instance[] {
  const missing: string[] = [];
  const found: Ec2Instance[] = [];
  for (const id of ids) {
    if (!/^i-[0-9a-f]{8,17}$/.test(id))
      throw new ApiError('InvalidInstanceID.Malformed', `Invalid id: "${id}"`);
    const inst = ctx.s.instances.get(id);
    if (!inst || inst.region !== ctx.region) missing.push(id);
    else found.push(inst);
  }
  if (missing.length === 1)
    throw new ApiError('InvalidInstanceID.NotFound', `The instance ID '${missing[0]}' does not exist`);
  if (missing.length > 1)
    throw new ApiError('InvalidInstanceID.NotFound', `The instance IDs '${missing.join(', ')}' do not exist`);
  return found;
}

function describeInstances(ctx: Ctx, input: Input) {
  const ids = strList(input.InstanceIds);
  const pool = ids.length
    ? lookupInstances(ctx, ids)
    : ctx.s.instances.values().filter((i) => i.region === ctx.region);
  const filtered = applyFilters(pool, filtersOf(input), (i, n) => {
    switch (n) {
      case 'instance-state-name':
        return i.state;
      case 'availability-zone':
        return i.availabilityZone;
      case 'instance-id':
        return i.instanceId;
      case 'instance-type':
        return i.instanceType;
      case 'image-id':
        return i.imageId;
      case 'subnet-id':
        return i.subnetId;
      default:
        if (n.startsWith('tag:')) return i.tags.find((t) => t.Key === n.slice(4))?.Value;
        return undefined;
    }
  });
  const byReservation = new Map<string, Ec2Instance[]>();
  for (const i of filtered) {
    const list = byReservation.get(i.reservationId) ?? [];
    list.push(i);
    byReservation.set(i.reservationId, list);
  }
  return { Reservations: [...byReservation.values()].map((list) => reservationShape(ctx, list)) };
}

export function terminateInstance(
  ctx: Ctx,
  inst: Ec2Instance,
  reason: { code: string; message: string },
  transition: string,
): Ec2Instance {
  const updated = ctx.patch('instances', inst.instanceId, {
    state: 'shutting-down',
    stateUntil: ctx.now + TIMING.instanceShutdown,
    stateReason: reason,
    stateTransitionReason: transition,
    agentRegisterAt: null,
  });
  onHostLost(ctx, updated, 'terminated');
  ctx.emit('instance/terminating', {
    instanceId: inst.instanceId,
    availabilityZone: inst.availabilityZone,
    reason: reason.message,
  });
  return updated;
}

function terminateInstances(ctx: Ctx, input: Input) {
  const ids = strList(input.InstanceIds);
  if (ids.length === 0)
    throw new ApiError('MissingParameter', 'The request must contain the parameter InstanceIds');
  const found = lookupInstances(ctx, ids);
  const changes = found.map((inst) => {
    const previous = { Code: STATE_CODES[inst.state], Name: inst.state };
    let cur = inst;
    if (inst.state !== 'terminated' && inst.state !== 'shutting-down') {
      cur = terminateInstance(
        ctx,
        inst,
        {
          code: 'Client.UserInitiatedShutdown',
          message: 'Client.UserInitiatedShutdown: User initiated shutdown',
        },
        `User initiated (${iso(ctx.now).replace('T', ' ').replace('.000Z', ' GMT')})`,
      );
    }
    return {
      InstanceId: inst.instanceId,
      CurrentState: { Code: STATE_CODES[cur.state], Name: cur.state },
      PreviousState: previous,
    };
  });
  return { TerminatingInstances: changes };
}

export const ec2Handlers = {
  'ec2:DescribeRegions': describeRegions,
  'ec2:DescribeAvailabilityZones': describeAvailabilityZones,
  'ec2:DescribeImages': describeImages,
  'ec2:DescribeInstanceTypes': describeInstanceTypes,
  'ec2:DescribeInstanceTypeOfferings': describeInstanceTypeOfferings,
  'ec2:DescribeVpcs': describeVpcs,
  'ec2:DescribeSubnets': describeSubnets,
  'ec2:RunInstances': runInstances,
  'ec2:TerminateInstances': terminateInstances,
  'ec2:DescribeInstances': describeInstances,
  'ssm:GetParameter': getParameter,
};
