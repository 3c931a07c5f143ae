/**
 * AWS Lambda: functions, published versions and aliases with weighted routing. Lambda speaks REST
 * JSON; LastModified is an ISO-like string in responses. Source: ecs-rules.md section 9.
 */

export interface LambdaVersion {
  Version: string;
  FunctionArn: string;
  CodeSha256: string;
  Description: string;
  LastModified: number;
}

export interface LambdaAlias {
  AliasArn: string;
  Name: string;
  FunctionVersion: string;
  Description: string;
  RoutingConfig?: { AdditionalVersionWeights: Record<string, number> };
  RevisionId: string;
}

export interface LambdaFunction {
  FunctionName: string;
  FunctionArn: string;
  Runtime: string;
  Role: string;
  Handler: string;
  CodeSha256: string;
  CodeSize: number;
  Description: string;
  Timeout: number;
  MemorySize: number;
  LastModified: number;
  region: string;
  /** Published versions by number ("1", "2", ...); $LATEST is the function itself. */
  versions: Record<string, LambdaVersion>;
  aliases: Record<string, LambdaAlias>;
  nextVersion: number;
}

export interface LambdaState {
  functions: Record<string, LambdaFunction>;
  /** Running alias deployments (the seed's linear deploy function), keyed by id. */
  deployers: Record<string, unknown>;
}

export function emptyLambdaState(): LambdaState {
  return { functions: {}, deployers: {} };
}
