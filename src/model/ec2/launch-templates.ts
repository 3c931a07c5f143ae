/**
 * EC2 launch templates: CreateLaunchTemplate, CreateLaunchTemplateVersion, DescribeLaunchTemplates,
 * DescribeLaunchTemplateVersions. An Auto Scaling group launches its instances from one.
 *
 * Sources: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html (a
 * template whose parameters are not valid is still created, with a Warning listing the problems),
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplateVersion.html (SourceVersion:
 * the new version starts from that one's data, the request's members override it),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/launch_container_instance.html (user data with
 * ECS_CLUSTER). EC2's XML protocol: timestamps are ISO 8601 strings. Simplification: the model reads ImageId,
 * InstanceType, UserData and IamInstanceProfile; other members are kept and echoed.
 */
import type {
  LaunchTemplate,
  LaunchTemplateData,
  LaunchTemplateVersion,
} from '../autoscaling/autoscaling-types.ts';
import type { Input } from '../sim/api-types.ts';
import { decodeBase64 } from '../sim/base64.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import { own, setOwn } from '../sim/records.ts';
import { iso } from '../sim/time.ts';
import { findAmi, instanceTypeInfo } from './catalog.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function readData(v: unknown): LaunchTemplateData {
  const o = (v ?? {}) as Record<string, unknown>;
  const out: LaunchTemplateData = {};
  for (const [k, x] of Object.entries(o)) if (x !== undefined) setOwn(out, k, x);
  return out;
}

/** The problems EC2 lists in a Warning: the template is created anyway. */
function warnings(ctx: Ctx, d: LaunchTemplateData): { Code: string; Message: string }[] {
  const out: { Code: string; Message: string }[] = [];
  if (d.ImageId !== undefined && !findAmi(ctx.region, d.ImageId))
    out.push({ Code: 'InvalidAmiID.NotFound', Message: `The image id '[${d.ImageId}]' does not exist` });
  if (d.InstanceType !== undefined && !instanceTypeInfo(d.InstanceType))
    out.push({
      Code: 'InvalidInstanceType',
      Message: `The instance type '${d.InstanceType}' does not exist`,
    });
  if (d.UserData !== undefined && decodeBase64(d.UserData) === null)
    out.push({ Code: 'InvalidUserData.Malformed', Message: 'Invalid BASE64 encoding of user data.' });
  return out;
}

export function findLaunchTemplate(
  ctx: Ctx,
  ref: { id?: string | undefined; name?: string | undefined },
): LaunchTemplate | undefined {
  const all = ctx.s.capacity.launchTemplates;
  if (ref.id !== undefined) {
    const t = own(all, ref.id);
    return t && t.region === ctx.region ? t : undefined;
  }
  return Object.values(all).find((t) => t.region === ctx.region && t.LaunchTemplateName === ref.name);
}

function requireTemplate(ctx: Ctx, input: Input): LaunchTemplate {
  const id = str(input.LaunchTemplateId);
  const name = str(input.LaunchTemplateName);
  if (id === undefined && name === undefined)
    throw new ApiError(
      'MissingParameter',
      'The request must include either the launch template ID or the launch template name.',
    );
  const t = findLaunchTemplate(ctx, { id, name });
  if (t) return t;
  if (id !== undefined)
    throw new ApiError(
      'InvalidLaunchTemplateId.NotFound',
      `The specified launch template, with template ID ${id}, does not exist.`,
    );
  throw new ApiError(
    'InvalidLaunchTemplateName.NotFoundException',
    `The specified launch template, with template name ${name}, does not exist.`,
  );
}

/** A version by the Auto Scaling group's reference: `$Default`, `$Latest` or a number. */
export function templateVersion(t: LaunchTemplate, version: string): LaunchTemplateVersion | undefined {
  const n =
    version === '$Latest'
      ? t.LatestVersionNumber
      : version === '$Default'
        ? t.DefaultVersionNumber
        : Number(version);
  return t.versions.find((v) => v.VersionNumber === n);
}

function templateShape(ctx: Ctx, t: LaunchTemplate) {
  return {
    LaunchTemplateId: t.LaunchTemplateId,
    LaunchTemplateName: t.LaunchTemplateName,
    CreateTime: iso(t.CreateTime),
    CreatedBy: `arn:aws:iam::${ctx.s.accountId}:root`,
    DefaultVersionNumber: t.DefaultVersionNumber,
    LatestVersionNumber: t.LatestVersionNumber,
  };
}

function versionShape(ctx: Ctx, t: LaunchTemplate, v: LaunchTemplateVersion) {
  const out: Record<string, unknown> = {
    LaunchTemplateId: t.LaunchTemplateId,
    LaunchTemplateName: t.LaunchTemplateName,
    VersionNumber: v.VersionNumber,
    CreateTime: iso(v.CreateTime),
    CreatedBy: `arn:aws:iam::${ctx.s.accountId}:root`,
    DefaultVersion: v.VersionNumber === t.DefaultVersionNumber,
    LaunchTemplateData: v.LaunchTemplateData,
  };
  if (v.VersionDescription !== undefined) out.VersionDescription = v.VersionDescription;
  return out;
}

function createLaunchTemplate(ctx: Ctx, input: Input) {
  const name = str(input.LaunchTemplateName);
  if (!name)
    throw new ApiError('MissingParameter', 'The request must contain the parameter LaunchTemplateName');
  if (findLaunchTemplate(ctx, { name }))
    throw new ApiError(
      'InvalidLaunchTemplateName.AlreadyExistsException',
      `Launch template name already in use.`,
    );
  const data = readData(input.LaunchTemplateData);
  const version: LaunchTemplateVersion = { VersionNumber: 1, CreateTime: ctx.now, LaunchTemplateData: data };
  const desc = str(input.VersionDescription);
  if (desc !== undefined) version.VersionDescription = desc;
  const t: LaunchTemplate = {
    LaunchTemplateId: `lt-${ctx.hex(17)}`,
    LaunchTemplateName: name,
    region: ctx.region,
    CreateTime: ctx.now,
    DefaultVersionNumber: 1,
    LatestVersionNumber: 1,
    versions: [version],
  };
  ctx.putIn('capacity', 'launchTemplates', t.LaunchTemplateId, t);
  ctx.emit('launchTemplate/created', { launchTemplateId: t.LaunchTemplateId, name, version: 1 });
  const problems = warnings(ctx, data);
  return {
    LaunchTemplate: templateShape(ctx, t),
    ...(problems.length ? { Warning: { Errors: problems } } : {}),
  };
}

function createLaunchTemplateVersion(ctx: Ctx, input: Input) {
  const t = requireTemplate(ctx, input);
  const source = str(input.SourceVersion);
  let base: LaunchTemplateData = {};
  if (source !== undefined) {
    const from = templateVersion(t, source);
    if (!from)
      throw new ApiError(
        'InvalidLaunchTemplateId.VersionNotFound',
        `Could not find launch template version ${source} for the launch template ${t.LaunchTemplateId}.`,
      );
    base = from.LaunchTemplateData;
  }
  const data = { ...base, ...readData(input.LaunchTemplateData) };
  const version: LaunchTemplateVersion = {
    VersionNumber: t.LatestVersionNumber + 1,
    CreateTime: ctx.now,
    LaunchTemplateData: data,
  };
  const desc = str(input.VersionDescription);
  if (desc !== undefined) version.VersionDescription = desc;
  const next: LaunchTemplate = {
    ...t,
    LatestVersionNumber: version.VersionNumber,
    versions: [...t.versions, version],
  };
  ctx.putIn('capacity', 'launchTemplates', t.LaunchTemplateId, next);
  ctx.emit('launchTemplate/created', {
    launchTemplateId: t.LaunchTemplateId,
    name: t.LaunchTemplateName,
    version: version.VersionNumber,
  });
  const problems = warnings(ctx, data);
  return {
    LaunchTemplateVersion: versionShape(ctx, next, version),
    ...(problems.length ? { Warning: { Errors: problems } } : {}),
  };
}

function describeLaunchTemplates(ctx: Ctx, input: Input) {
  const ids = strList(input.LaunchTemplateIds);
  const names = strList(input.LaunchTemplateNames);
  const found: LaunchTemplate[] = [];
  for (const id of ids) found.push(requireTemplate(ctx, { LaunchTemplateId: id }));
  for (const name of names) {
    const t = findLaunchTemplate(ctx, { name });
    if (!t)
      throw new ApiError(
        'InvalidLaunchTemplateName.NotFoundException',
        'At least one of the launch templates specified in the request does not exist.',
      );
    found.push(t);
  }
  const list =
    ids.length || names.length
      ? found
      : Object.values(ctx.s.capacity.launchTemplates).filter((t) => t.region === ctx.region);
  return { LaunchTemplates: list.map((t) => templateShape(ctx, t)) };
}

function describeLaunchTemplateVersions(ctx: Ctx, input: Input) {
  const t = requireTemplate(ctx, input);
  const wanted = strList(input.Versions);
  const versions = wanted.length
    ? wanted.map((w) => {
        const v = templateVersion(t, w);
        if (!v)
          throw new ApiError(
            'InvalidLaunchTemplateId.VersionNotFound',
            `Could not find launch template version ${w} for the launch template ${t.LaunchTemplateId}.`,
          );
        return v;
      })
    : t.versions.slice().reverse();
  return { LaunchTemplateVersions: versions.map((v) => versionShape(ctx, t, v)) };
}

export const launchTemplateHandlers = {
  'ec2:CreateLaunchTemplate': createLaunchTemplate,
  'ec2:CreateLaunchTemplateVersion': createLaunchTemplateVersion,
  'ec2:DescribeLaunchTemplates': describeLaunchTemplates,
  'ec2:DescribeLaunchTemplateVersions': describeLaunchTemplateVersions,
};
