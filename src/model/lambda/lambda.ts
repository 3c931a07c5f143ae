/**
 * AWS Lambda's API: functions ($LATEST), published versions, aliases with weighted routing, Invoke. Source:
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html (an alias points to at most two
 * versions: one additional version, a published one, weight 0.0-1.0; the alias's FunctionVersion gets the
 * rest; the executed version is reported). Error codes and texts follow Lambda's (ResourceNotFoundException
 * "Function not found: <arn>", ResourceConflictException, InvalidParameterValueException,
 * ValidationException's "1 validation error detected: ...", PreconditionFailedException for a stale
 * RevisionId). Simplifications: code is hashed, never run; a version fails per sim:SetBehavior (behavior.ts);
 * no layers, VPC, concurrency, environment or permissions. PublishVersion makes a new version only when the
 * code or configuration changed since the last one, as Lambda does.
 */

import type { Handler, Input } from '../sim/api-types.ts';
import { behaviorForLambdaVersion } from '../sim/behavior.ts';
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import { own } from '../sim/records.ts';
import type { LambdaAlias, LambdaFunction, LambdaVersion } from '../sim/types.ts';
import { hookRuleHandlers } from './hook-rules.ts';
import {
  codeSha256,
  describeAlias,
  describeConfig,
  functionArn,
  functionKey,
  LATEST,
  parseFunctionRef,
  pickAliasVersion,
  putAlias,
  requireAlias,
  requireFunction,
  requireVersion,
} from './lambda-common.ts';
import { aliasDeploymentHandlers } from './lambda-deployer.ts';
import { recordInvocation } from './lambda-metrics.ts';

const RUNTIMES = [
  'nodejs18.x',
  'nodejs20.x',
  'nodejs22.x',
  'python3.9',
  'python3.10',
  'python3.11',
  'python3.12',
  'python3.13',
  'java17',
  'java21',
  'dotnet8',
  'ruby3.3',
  'provided.al2',
  'provided.al2023',
];
const NAME = /^[a-zA-Z0-9-_]{1,64}$/;
const ROLE = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;
const ALIAS = /^(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}$/;

const invalid = (m: string) => new ApiError('InvalidParameterValueException', m);
const validation = (m: string) => new ApiError('ValidationException', `1 validation error detected: ${m}`);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function intIn(v: unknown, field: string, min: number, max: number, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw validation(
      `Value '${String(v)}' at '${field}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`,
    );
  if (n > max)
    throw validation(
      `Value '${String(v)}' at '${field}' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
    );
  return n;
}

/** The code a request carries: ZipFile (base64) or an S3 object. Hash and size follow the input. */
function readCode(code: Record<string, unknown>): { sha: string; size: number } {
  const zip = str(code.ZipFile);
  if (zip !== undefined) {
    const clean = zip.replace(/\s+/g, '');
    const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
    return { sha: codeSha256(`zip:${clean}`), size: Math.max(1, Math.floor((clean.length * 3) / 4) - pad) };
  }
  const bucket = str(code.S3Bucket);
  const key = str(code.S3Key);
  if (bucket && key) {
    const sha = codeSha256(`s3:${bucket}/${key}@${str(code.S3ObjectVersion) ?? ''}`);
    return { sha, size: 1024 + (sha.charCodeAt(0) * 97 + sha.charCodeAt(1)) * 13 };
  }
  throw invalid('Please provide a source for function code.');
}

/** What a published version is compared on: Lambda publishes only when code or configuration changed. */
const fingerprint = (fn: LambdaFunction) =>
  JSON.stringify([fn.CodeSha256, fn.Runtime, fn.Role, fn.Handler, fn.Timeout, fn.MemorySize, fn.Description]);

function checkRevision(input: Input, current: string): void {
  const rev = str(input.RevisionId);
  if (rev !== undefined && rev !== current)
    throw new ApiError(
      'PreconditionFailedException',
      'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
    );
}

function save(ctx: Ctx, fn: LambdaFunction): LambdaFunction {
  return ctx.putIn('lambda', 'functions', functionKey(fn.region, fn.FunctionName), fn);
}

function publish(ctx: Ctx, fn0: LambdaFunction, description?: string): LambdaVersion {
  const last = fn0.versions[String(fn0.nextVersion - 1)];
  if (last && last.fingerprint === fingerprint(fn0)) return last;
  const Version = String(fn0.nextVersion);
  const {
    versions: _v,
    aliases: _a,
    nextVersion: _n,
    region: _r,
    PackageType: _p,
    FunctionName: _f,
    ...config
  } = fn0;
  const v: LambdaVersion = {
    ...config,
    Description: description ?? fn0.Description,
    Version,
    FunctionArn: `${fn0.FunctionArn}:${Version}`,
    RevisionId: ctx.uuid(),
    fingerprint: fingerprint(fn0),
  };
  save(ctx, {
    ...fn0,
    RevisionId: ctx.uuid(),
    versions: { ...fn0.versions, [Version]: v },
    nextVersion: fn0.nextVersion + 1,
  });
  ctx.emit('lambda/versionPublished', { functionName: fn0.FunctionName, version: Version }, fn0.region);
  return v;
}

function createFunction(ctx: Ctx, input: Input) {
  const name = str(input.FunctionName);
  if (!name)
    throw validation("Value null at 'functionName' failed to satisfy constraint: Member must not be null");
  if (!NAME.test(name))
    throw validation(
      `Value '${name}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
    );
  const role = str(input.Role);
  if (!role) throw validation("Value null at 'role' failed to satisfy constraint: Member must not be null");
  if (!ROLE.test(role))
    throw validation(
      `Value '${role}' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+`,
    );
  const runtime = str(input.Runtime);
  if (!runtime || !RUNTIMES.includes(runtime))
    throw invalid(
      `Value ${runtime ?? 'null'} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [${RUNTIMES.join(', ')}] or be a valid ARN`,
    );
  if (input.PackageType !== undefined && input.PackageType !== 'Zip')
    throw invalid('Only the Zip package type is modelled in Nozama.');
  const code = readCode((input.Code ?? {}) as Record<string, unknown>);
  const timeout = intIn(input.Timeout, 'timeout', 1, 900, 3);
  const memory = intIn(input.MemorySize, 'memorySize', 128, 10240, 128);
  if (ctx.s.lambda.functions[functionKey(ctx.region, name)])
    throw new ApiError('ResourceConflictException', `Function already exist: ${name}`);
  const fn = save(ctx, {
    FunctionName: name,
    FunctionArn: functionArn(ctx, name),
    Runtime: runtime,
    Role: role,
    Handler: str(input.Handler) ?? 'index.handler',
    CodeSha256: code.sha,
    CodeSize: code.size,
    Description: str(input.Description) ?? '',
    Timeout: timeout,
    MemorySize: memory,
    LastModified: ctx.now,
    RevisionId: ctx.uuid(),
    PackageType: 'Zip',
    region: ctx.region,
    versions: {},
    aliases: {},
    nextVersion: 1,
  });
  ctx.emit('lambda/functionCreated', { functionName: name }, ctx.region);
  if (input.Publish === true) {
    const v = publish(ctx, fn);
    return describeConfig(ctx.s.lambda.functions[functionKey(ctx.region, name)] as LambdaFunction, v);
  }
  return describeConfig(fn);
}

function updateFunctionCode(ctx: Ctx, input: Input) {
  const fn = requireFunction(ctx, input.FunctionName);
  checkRevision(input, fn.RevisionId);
  const code = readCode(input);
  const updated = save(ctx, {
    ...fn,
    CodeSha256: code.sha,
    CodeSize: code.size,
    LastModified: ctx.now,
    RevisionId: ctx.uuid(),
  });
  ctx.emit('lambda/codeUpdated', { functionName: fn.FunctionName, codeSha256: code.sha }, fn.region);
  if (input.Publish === true) {
    const v = publish(ctx, updated);
    return describeConfig(
      ctx.s.lambda.functions[functionKey(fn.region, fn.FunctionName)] as LambdaFunction,
      v,
    );
  }
  return describeConfig(updated);
}

/** UpdateFunctionConfiguration: the settings a published version is compared on (role, handler, ...). */
function updateFunctionConfiguration(ctx: Ctx, input: Input) {
  const fn = requireFunction(ctx, input.FunctionName);
  checkRevision(input, fn.RevisionId);
  const role = str(input.Role) ?? fn.Role;
  if (!ROLE.test(role))
    throw validation(
      `Value '${role}' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+`,
    );
  const runtime = str(input.Runtime) ?? fn.Runtime;
  if (!RUNTIMES.includes(runtime))
    throw invalid(
      `Value ${runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [${RUNTIMES.join(', ')}] or be a valid ARN`,
    );
  const updated = save(ctx, {
    ...fn,
    Role: role,
    Runtime: runtime,
    Handler: str(input.Handler) ?? fn.Handler,
    Description: str(input.Description) ?? fn.Description,
    Timeout: intIn(input.Timeout, 'timeout', 1, 900, fn.Timeout),
    MemorySize: intIn(input.MemorySize, 'memorySize', 128, 10240, fn.MemorySize),
    LastModified: ctx.now,
    RevisionId: ctx.uuid(),
  });
  ctx.emit('lambda/configurationUpdated', { functionName: fn.FunctionName }, fn.region);
  return describeConfig(updated);
}

function publishVersion(ctx: Ctx, input: Input) {
  const fn = requireFunction(ctx, input.FunctionName);
  checkRevision(input, fn.RevisionId);
  const sha = str(input.CodeSha256);
  if (sha !== undefined && sha !== fn.CodeSha256)
    throw invalid(
      `CodeSHA256 (${sha}) is different from current CodeSHA256 in $LATEST (${fn.CodeSha256}). Please try again with the CodeSHA256 in $LATEST.`,
    );
  const v = publish(ctx, fn, str(input.Description));
  return describeConfig(ctx.s.lambda.functions[functionKey(fn.region, fn.FunctionName)] as LambdaFunction, v);
}

function getFunction(ctx: Ctx, input: Input) {
  const fn = requireFunction(ctx, input.FunctionName);
  const q = str(input.Qualifier) ?? parseFunctionRef(str(input.FunctionName) ?? '').qualifier;
  const version = (q && own(fn.aliases, q)?.FunctionVersion) || q;
  if (q && !own(fn.aliases, q) && !/^([0-9]+|\$LATEST)$/.test(q))
    throw new ApiError('ResourceNotFoundException', `Function not found: ${fn.FunctionArn}:${q}`);
  if (version && version !== LATEST) requireVersion(fn, version);
  const config =
    version && version !== LATEST ? describeConfig(fn, fn.versions[version]) : describeConfig(fn);
  return {
    Configuration: config,
    Code: {
      RepositoryType: 'S3',
      Location: `https://awslambda-${fn.region}-tasks.s3.${fn.region}.amazonaws.com/snapshots/${ctx.s.accountId}/${fn.FunctionName}`,
    },
  };
}

function listFunctions(ctx: Ctx) {
  const Functions = Object.values(ctx.s.lambda.functions)
    .filter((f) => f.region === ctx.region)
    .sort((a, b) => (a.FunctionName < b.FunctionName ? -1 : 1))
    .map((f) => describeConfig(f));
  return { Functions };
}

function deleteFunction(ctx: Ctx, input: Input) {
  const fn = requireFunction(ctx, input.FunctionName);
  const q = str(input.Qualifier);
  if (q !== undefined) {
    if (q === LATEST) throw invalid('$LATEST version cannot be deleted without deleting the function.');
    requireVersion(fn, q);
    const users = Object.values(fn.aliases).filter(
      (a) => a.FunctionVersion === q || a.RoutingConfig?.AdditionalVersionWeights[q] !== undefined,
    );
    if (users.length)
      throw new ApiError(
        'ResourceConflictException',
        `Unable to delete version because the following aliases reference it: [${users.map((a) => a.Name).join(', ')}]`,
      );
    const { [q]: _gone, ...versions } = fn.versions;
    save(ctx, { ...fn, versions });
    return {};
  }
  ctx.removeIn('lambda', 'functions', functionKey(fn.region, fn.FunctionName));
  ctx.emit('lambda/functionDeleted', { functionName: fn.FunctionName }, fn.region);
  return {};
}

function listVersions(ctx: Ctx, input: Input) {
  const fn = requireFunction(ctx, input.FunctionName);
  const versions = Object.values(fn.versions).sort((a, b) => Number(a.Version) - Number(b.Version));
  return { Versions: [describeConfig(fn), ...versions.map((v) => describeConfig(fn, v))] };
}

/**
 * AliasRoutingConfiguration validation, in Lambda's order and words
 * (https://docs.aws.amazon.com/lambda/latest/api/API_AliasRoutingConfiguration.html).
 */
function readRouting(fn: LambdaFunction, functionVersion: string, raw: unknown): Record<string, number> {
  const weights = ((raw ?? {}) as { AdditionalVersionWeights?: unknown }).AdditionalVersionWeights ?? {};
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights))
    throw invalid('RoutingConfig.AdditionalVersionWeights must be a map of version to weight.');
  const entries = Object.entries(weights as Record<string, unknown>);
  if (entries.length > 1)
    throw invalid('Number of items in AdditionalVersionWeights cannot be greater than 1');
  const out: Record<string, number> = {};
  for (const [key, value] of entries) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1)
      throw validation(
        `Value '{${key}=${String(value)}}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]`,
      );
    if (key === functionVersion)
      throw invalid(
        `Invalid function version ${functionVersion}. Function version ${functionVersion} is already included in routing configuration.`,
      );
    if (functionVersion === LATEST)
      throw invalid('$LATEST is not supported for an alias pointing to more than 1 version');
    if (!/^[0-9]+$/.test(key))
      throw validation(
        `Value '{${key}=${value}}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+, Member must not be null]`,
      );
    const extra = requireVersion(fn, key);
    if (extra.Role !== requireVersion(fn, functionVersion).Role)
      throw invalid('Specified versions must be associated with the same execution role');
    out[key] = value;
  }
  return out;
}

function createAlias(ctx: Ctx, input: Input) {
  const fn = requireFunction(ctx, input.FunctionName);
  const name = str(input.Name);
  if (!name) throw validation("Value null at 'name' failed to satisfy constraint: Member must not be null");
  if (!ALIAS.test(name))
    throw validation(
      `Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)`,
    );
  const version = str(input.FunctionVersion);
  if (!version)
    throw validation("Value null at 'functionVersion' failed to satisfy constraint: Member must not be null");
  requireVersion(fn, version);
  if (own(fn.aliases, name))
    throw new ApiError('ResourceConflictException', `Alias already exists: ${fn.FunctionArn}:${name}`);
  const weights = readRouting(fn, version, input.RoutingConfig);
  const alias: LambdaAlias = {
    AliasArn: `${fn.FunctionArn}:${name}`,
    Name: name,
    FunctionVersion: version,
    Description: str(input.Description) ?? '',
    RevisionId: '',
  };
  if (Object.keys(weights).length) alias.RoutingConfig = { AdditionalVersionWeights: weights };
  const out = putAlias(ctx, fn, alias);
  ctx.emit(
    'alias/created',
    { functionName: fn.FunctionName, alias: name, functionVersion: version },
    fn.region,
  );
  return describeAlias(out);
}

function updateAlias(ctx: Ctx, input: Input) {
  const fn = requireFunction(ctx, input.FunctionName);
  const alias = requireAlias(fn, str(input.Name) ?? '');
  checkRevision(input, alias.RevisionId);
  const version = str(input.FunctionVersion) ?? alias.FunctionVersion;
  requireVersion(fn, version);
  const weights =
    input.RoutingConfig !== undefined
      ? readRouting(fn, version, input.RoutingConfig)
      : readRouting(fn, version, alias.RoutingConfig);
  const next: LambdaAlias = { ...alias, FunctionVersion: version };
  if (input.Description !== undefined) next.Description = str(input.Description) ?? '';
  if (Object.keys(weights).length) next.RoutingConfig = { AdditionalVersionWeights: weights };
  else delete next.RoutingConfig;
  const out = putAlias(ctx, fn, next);
  ctx.emit(
    'alias/weightsChanged',
    {
      functionName: fn.FunctionName,
      alias: alias.Name,
      functionVersion: version,
      weights,
      by: 'UpdateAlias',
    },
    fn.region,
  );
  return describeAlias(out);
}

function getAlias(ctx: Ctx, input: Input) {
  const fn = requireFunction(ctx, input.FunctionName);
  return describeAlias(requireAlias(fn, str(input.Name) ?? ''));
}

function listAliases(ctx: Ctx, input: Input) {
  const fn = requireFunction(ctx, input.FunctionName);
  const only = str(input.FunctionVersion);
  const Aliases = Object.values(fn.aliases)
    .filter((a) => only === undefined || a.FunctionVersion === only)
    .sort((a, b) => (a.Name < b.Name ? -1 : 1))
    .map(describeAlias);
  return { Aliases };
}

function deleteAlias(ctx: Ctx, input: Input) {
  const fn = requireFunction(ctx, input.FunctionName);
  const alias = requireAlias(fn, str(input.Name) ?? '');
  const { [alias.Name]: _gone, ...aliases } = fn.aliases;
  save(ctx, { ...fn, aliases });
  ctx.emit('alias/deleted', { functionName: fn.FunctionName, alias: alias.Name }, fn.region);
  return {};
}

/**
 * Invoke: the alias's weights pick the executed version (ctx.random()), the version's behaviour
 * decides whether it fails (FunctionError "Unhandled"), and AWS/Lambda Invocations and Errors are
 * written with the dimensions Lambda publishes (FunctionName; Resource; ExecutedVersion for aliases).
 */
function invoke(ctx: Ctx, input: Input) {
  const fn = requireFunction(ctx, input.FunctionName);
  const q = str(input.Qualifier) ?? parseFunctionRef(str(input.FunctionName) ?? '').qualifier;
  const alias = q !== undefined ? own(fn.aliases, q) : undefined;
  if (q !== undefined && !alias && !/^([0-9]+|\$LATEST)$/.test(q))
    throw new ApiError('ResourceNotFoundException', `Function not found: ${fn.FunctionArn}:${q}`);
  const executed = alias ? pickAliasVersion(alias, ctx.random()) : (q ?? LATEST);
  requireVersion(fn, executed);
  const type = str(input.InvocationType) ?? 'RequestResponse';
  if (type === 'DryRun') return { StatusCode: 204 };
  const behavior = behaviorForLambdaVersion(ctx.s, fn.FunctionArn, executed);
  const failed = behavior.errorRate > 0 && ctx.random() < behavior.errorRate;
  recordInvocation(ctx, fn, q, alias ? executed : undefined, failed);
  ctx.emit(
    'lambda/invoked',
    { functionName: fn.FunctionName, qualifier: q ?? null, executedVersion: executed, failed },
    fn.region,
  );
  if (type === 'Event') return { StatusCode: 202 };
  const out: Record<string, unknown> = {
    StatusCode: 200,
    ExecutedVersion: executed,
    Payload: failed
      ? JSON.stringify({ errorType: 'Error', errorMessage: `Version ${executed} failed` })
      : JSON.stringify({ statusCode: 200 }),
  };
  if (failed) out.FunctionError = 'Unhandled';
  return out;
}

export const lambdaHandlers: Record<string, Handler> = {
  'lambda:CreateFunction': createFunction,
  'lambda:GetFunction': getFunction,
  'lambda:GetFunctionConfiguration': (ctx, input) => getFunction(ctx, input).Configuration,
  'lambda:ListFunctions': listFunctions,
  'lambda:DeleteFunction': deleteFunction,
  'lambda:UpdateFunctionCode': updateFunctionCode,
  'lambda:UpdateFunctionConfiguration': updateFunctionConfiguration,
  'lambda:PublishVersion': publishVersion,
  'lambda:ListVersionsByFunction': listVersions,
  'lambda:CreateAlias': createAlias,
  'lambda:UpdateAlias': updateAlias,
  'lambda:GetAlias': getAlias,
  'lambda:ListAliases': listAliases,
  'lambda:DeleteAlias': deleteAlias,
  'lambda:Invoke': invoke,
  ...aliasDeploymentHandlers,
  ...hookRuleHandlers,
};
