/**
 * AWS Lambda: functions, published versions and aliases with weighted routing. Lambda speaks REST JSON;
 * LastModified is an ISO-like string in responses ("2026-01-01T00:00:00.000+0000"), epoch seconds in state.
 * Source: https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html.
 */

/**
 * The verdict rule a player attaches to a Lambda function used as a lifecycle hook (sim:SetHookRule): the
 * model runs no code, so the function's answer is this data.
 */
export type HookRule =
  | { kind: 'succeed' }
  | { kind: 'fail' }
  /** FAILED when the target revision's 5xx share over the last windowMinutes is above thresholdPercent. */
  | { kind: 'fail-if-5xx-above'; thresholdPercent: number; windowMinutes: number }
  /** IN_PROGRESS (callBackDelay) for the first `invocations` invocations of a run, then SUCCEEDED. */
  | { kind: 'in-progress-then-succeed'; invocations: number; callBackDelaySeconds: number };

/** The configuration a version freezes (and $LATEST carries). */
export interface LambdaConfig {
  Runtime: string;
  Role: string;
  Handler: string;
  CodeSha256: string;
  CodeSize: number;
  Description: string;
  Timeout: number;
  MemorySize: number;
  /** Epoch seconds (responses carry the Lambda date string). */
  LastModified: number;
  RevisionId: string;
}

export interface LambdaVersion extends LambdaConfig {
  Version: string;
  /** The qualified ARN (function ARN + ":" + version). */
  FunctionArn: string;
  /** What PublishVersion compares to decide whether anything changed (not part of the API shape). */
  fingerprint: string;
}

export interface LambdaAlias {
  AliasArn: string;
  Name: string;
  FunctionVersion: string;
  Description: string;
  /** Absent, or a map with at most one published version -> weight in [0, 1]. */
  RoutingConfig?: { AdditionalVersionWeights: Record<string, number> };
  RevisionId: string;
}

export interface LambdaFunction extends LambdaConfig {
  FunctionName: string;
  /** The unqualified ARN. */
  FunctionArn: string;
  PackageType: 'Zip';
  region: string;
  /** Published versions by number ("1", "2", ...); $LATEST is the function itself. */
  versions: Record<string, LambdaVersion>;
  aliases: Record<string, LambdaAlias>;
  nextVersion: number;
  /** The answer the function gives as an ECS lifecycle hook (sim:SetHookRule); absent: no hookStatus. */
  hookRule?: HookRule;
}

/**
 * The seed's linear alias deployment (https://github.com/awslabs/aws-lambda-deploy), as a state machine:
 * shifting (a weight applied, waiting `interval` s for the health check) -> succeeded | failed.
 */
export interface LambdaDeployer {
  id: string;
  region: string;
  functionName: string;
  aliasName: string;
  /** The alias's FunctionVersion, unchanged until the deployment finishes. */
  oldVersion: string;
  newVersion: string;
  steps: number;
  /** Seconds between a weight change and its health check. */
  interval: number;
  healthCheck: boolean;
  /** The weights to apply, each round(k/steps, 2). */
  weights: number[];
  /** 1-based index of the weight in force (0 before the first). */
  step: number;
  status: 'InProgress' | 'Succeeded' | 'Failed';
  startedAt: number;
  /** When the health check of the current step runs. */
  checkAt: number | null;
  endedAt: number | null;
  /** Errors seen by the last health check (null: no data). */
  lastErrors: number | null;
  /** The health check window of the last check, [from, to). */
  lastWindow: { from: number; to: number } | null;
  reason: string | null;
}

export interface LambdaState {
  /** Keyed by `${region}:${FunctionName}`. */
  functions: Record<string, LambdaFunction>;
  /** Alias deployments run by the seed's linear deploy function, keyed by id. */
  deployers: Record<string, LambdaDeployer>;
}

export function emptyLambdaState(): LambdaState {
  return { functions: {}, deployers: {} };
}
