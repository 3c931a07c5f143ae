/**
 * What the Lambda handlers, the alias deployer and CodeDeploy share: keys and ARNs, the Lambda date string, a
 * deterministic CodeSha256, finding functions, versions and aliases with Lambda's own error texts, the
 * response shapes, and alias routing
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html: the alias's FunctionVersion gets
 * 1 - the sum of AdditionalVersionWeights). Simplification: CodeSha256 is a 256-bit FNV-style digest of the
 * code input, not SHA-256 of a zip.
 */
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import type { AliasRoutingWhy } from '../sim/events.ts';
import { own } from '../sim/records.ts';
import { iso } from '../sim/time.ts';
import type { LambdaAlias, LambdaConfig, LambdaFunction, LambdaVersion, SimState } from '../sim/types.ts';

export const LATEST = '$LATEST';

export const functionKey = (region: string, name: string): string => `${region}:${name}`;

/** "2026-01-01T00:00:00.000+0000": how Lambda's REST API writes LastModified. */
export const lambdaDate = (epochSeconds: number): string => iso(epochSeconds).replace('Z', '+0000');

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A deterministic 32-byte digest of the text, base64 like Lambda's CodeSha256 (44 characters). */
export function codeSha256(text: string): string {
  const bytes: number[] = [];
  for (let lane = 0; lane < 8; lane++) {
    let h = (0x811c9dc5 ^ Math.imul(lane + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
    h = (h ^ (h >>> 15)) >>> 0;
    bytes.push(h >>> 24, (h >>> 16) & 255, (h >>> 8) & 255, h & 255);
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i] ?? 0, bytes[i + 1], bytes[i + 2]];
    out += B64[a >> 2];
    out += B64[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? '=' : B64[c & 63];
  }
  return out;
}

export const functionArn = (ctx: Ctx, name: string): string => ctx.arn('lambda', `function:${name}`);

/**
 * Splits a FunctionName parameter (name, name:qualifier, full or partial ARN, with or without a
 * qualifier) into the name and the qualifier it carries.
 */
export function parseFunctionRef(ref: string): { name: string; qualifier: string | undefined } {
  const parts = ref.split(':');
  if (ref.startsWith('arn:')) return { name: parts[6] ?? '', qualifier: parts[7] };
  const i = parts.indexOf('function');
  if (i >= 0) return { name: parts[i + 1] ?? '', qualifier: parts[i + 2] };
  return { name: parts[0] ?? '', qualifier: parts[1] };
}

export function findFunction(s: SimState, region: string, name: string): LambdaFunction | undefined {
  return s.lambda.functions[functionKey(region, name)];
}

export function requireFunction(ctx: Ctx, ref: unknown): LambdaFunction {
  if (typeof ref !== 'string' || ref === '')
    throw new ApiError(
      'ValidationException',
      "1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null",
    );
  const { name } = parseFunctionRef(ref);
  const fn = findFunction(ctx.s, ctx.region, name);
  if (!fn) throw new ApiError('ResourceNotFoundException', `Function not found: ${functionArn(ctx, name)}`);
  return fn;
}

/** A published version or $LATEST, or Lambda's "Function not found" with the qualified ARN. */
export function requireVersion(fn: LambdaFunction, version: string): LambdaConfig & { Version: string } {
  if (version === LATEST) return { ...fn, Version: LATEST };
  const v = fn.versions[version];
  if (!v) throw new ApiError('ResourceNotFoundException', `Function not found: ${fn.FunctionArn}:${version}`);
  return v;
}

export function requireAlias(fn: LambdaFunction, name: string): LambdaAlias {
  const a = own(fn.aliases, name);
  if (!a) throw new ApiError('ResourceNotFoundException', `Cannot find alias arn: ${fn.FunctionArn}:${name}`);
  return a;
}

/** Lambda's FunctionConfiguration response for $LATEST or a published version. */
export function describeConfig(fn: LambdaFunction, v?: LambdaVersion): Record<string, unknown> {
  const c: LambdaConfig = v ?? fn;
  return {
    FunctionName: fn.FunctionName,
    FunctionArn: v ? v.FunctionArn : fn.FunctionArn,
    Runtime: c.Runtime,
    Role: c.Role,
    Handler: c.Handler,
    CodeSize: c.CodeSize,
    Description: c.Description,
    Timeout: c.Timeout,
    MemorySize: c.MemorySize,
    LastModified: lambdaDate(c.LastModified),
    CodeSha256: c.CodeSha256,
    Version: v ? v.Version : LATEST,
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: c.RevisionId,
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.FunctionName}` },
  };
}

export function describeAlias(a: LambdaAlias): Record<string, unknown> {
  const out: Record<string, unknown> = {
    AliasArn: a.AliasArn,
    Name: a.Name,
    FunctionVersion: a.FunctionVersion,
    Description: a.Description,
    RevisionId: a.RevisionId,
  };
  if (a.RoutingConfig && Object.keys(a.RoutingConfig.AdditionalVersionWeights).length > 0)
    out.RoutingConfig = { AdditionalVersionWeights: { ...a.RoutingConfig.AdditionalVersionWeights } };
  return out;
}

/** The versions an alias routes to with their shares (summing to 1). */
export function aliasShares(a: LambdaAlias): { version: string; share: number }[] {
  const extra = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {});
  const rest = 1 - extra.reduce((sum, [, w]) => sum + w, 0);
  return [
    { version: a.FunctionVersion, share: rest },
    ...extra.map(([version, share]) => ({ version, share })),
  ];
}

/** The version an alias invocation runs, given a uniform draw u in [0, 1). */
export function pickAliasVersion(a: LambdaAlias, u: number): string {
  let acc = 0;
  for (const [version, w] of Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {})) {
    acc += w;
    if (u < acc) return version;
  }
  return a.FunctionVersion;
}

/** Replaces an alias (new RevisionId), keeping the function record copy-on-write. */
export function putAlias(ctx: Ctx, fn: LambdaFunction, alias: LambdaAlias): LambdaAlias {
  const next = { ...alias, RevisionId: ctx.uuid() };
  const cur = ctx.s.lambda.functions[functionKey(fn.region, fn.FunctionName)] ?? fn;
  ctx.putIn('lambda', 'functions', functionKey(fn.region, fn.FunctionName), {
    ...cur,
    aliases: { ...cur.aliases, [alias.Name]: next },
  });
  return next;
}

/**
 * Sets an alias's routing without the API's validation (the deployers' own writes are valid by
 * construction); emits 'alias/weightsChanged'.
 */
export function setAliasRouting(
  ctx: Ctx,
  fn: LambdaFunction,
  alias: LambdaAlias,
  functionVersion: string,
  weights: Record<string, number>,
  why: AliasRoutingWhy,
): LambdaAlias {
  const next: LambdaAlias = { ...alias, FunctionVersion: functionVersion };
  if (Object.keys(weights).length > 0) next.RoutingConfig = { AdditionalVersionWeights: weights };
  else delete next.RoutingConfig;
  const out = putAlias(ctx, fn, next);
  ctx.emit(
    'alias/weightsChanged',
    { functionName: fn.FunctionName, alias: alias.Name, functionVersion, weights, ...why },
    fn.region,
  );
  return out;
}
