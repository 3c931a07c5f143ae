/**
 * A thing of the world by its AWS identity: what the inspector shows (its JSON, the CLI that describes
 * and recreates it), what a console command or a share link may name.
 */
export type AwsThing =
  | { kind: 'instance'; id: string }
  | { kind: 'containerInstance'; id: string }
  | { kind: 'task'; id: string }
  | { kind: 'service'; id: string }
  | { kind: 'taskDefinition'; id: string }
  | { kind: 'cluster'; id: string }
  | { kind: 'zone'; id: string }
  /** ids: LoadBalancerArn, ListenerArn, TargetGroupArn, AlarmName, FunctionName, `function:alias`. */
  | { kind: 'loadBalancer'; id: string }
  | { kind: 'listener'; id: string }
  | { kind: 'targetGroup'; id: string }
  | { kind: 'alarm'; id: string }
  | { kind: 'lambdaFunction'; id: string }
  | { kind: 'lambdaAlias'; id: string };
