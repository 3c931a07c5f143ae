/**
 * AWS CodeDeploy for ECS blue/green and Lambda traffic shifting. Source: ecs-rules.md 8.1 and 9.
 * CodeDeploy speaks JSON 1.1: timestamps are epoch seconds.
 */

export interface CodeDeployState {
  applications: Record<string, unknown>;
  deploymentGroups: Record<string, unknown>;
  deploymentConfigs: Record<string, unknown>;
  deployments: Record<string, unknown>;
}

export function emptyCodeDeployState(): CodeDeployState {
  return { applications: {}, deploymentGroups: {}, deploymentConfigs: {}, deployments: {} };
}
