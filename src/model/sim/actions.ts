/**
 * Every action the model answers, as data: its AWS name (service:Operation) and whether it reads the
 * world or changes it. The session logs, undoes and replays only writes, and answers reads through
 * `query` without logging them; that is decided here, by a row per action, never from the name.
 *
 * Reads are the operations AWS documents as returning descriptions without side effects: Describe*,
 * List*, Get* and CodeDeploy's BatchGet* (https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_BatchGetDeployments.html).
 * `lambda:Invoke` is a write: it runs the function, which counts in the function's metrics
 * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html). `sim:` actions are the world's
 * own doings (a zone going dark, a flood of travelers): writes.
 */

import type { ActionTypes } from '../requests/api-types.generated.ts';
import type { AwsError } from './types.ts';

export type ActionAccess = 'read' | 'write';

export interface ActionSpec {
  access: ActionAccess;
}

export const ACTIONS = {
  'application-autoscaling:DeleteScalingPolicy': { access: 'write' },
  'application-autoscaling:DeregisterScalableTarget': { access: 'write' },
  'application-autoscaling:DescribeScalableTargets': { access: 'read' },
  'application-autoscaling:DescribeScalingActivities': { access: 'read' },
  'application-autoscaling:DescribeScalingPolicies': { access: 'read' },
  'application-autoscaling:PutScalingPolicy': { access: 'write' },
  'application-autoscaling:RegisterScalableTarget': { access: 'write' },
  'autoscaling:CreateAutoScalingGroup': { access: 'write' },
  'autoscaling:DeleteAutoScalingGroup': { access: 'write' },
  'autoscaling:DescribeAutoScalingGroups': { access: 'read' },
  'autoscaling:DescribeScalingActivities': { access: 'read' },
  'autoscaling:SetDesiredCapacity': { access: 'write' },
  'autoscaling:SetInstanceProtection': { access: 'write' },
  'autoscaling:UpdateAutoScalingGroup': { access: 'write' },
  'cloudwatch:DeleteAlarms': { access: 'write' },
  'cloudwatch:DescribeAlarmHistory': { access: 'read' },
  'cloudwatch:DescribeAlarms': { access: 'read' },
  'cloudwatch:DisableAlarmActions': { access: 'write' },
  'cloudwatch:EnableAlarmActions': { access: 'write' },
  'cloudwatch:GetMetricData': { access: 'read' },
  'cloudwatch:GetMetricStatistics': { access: 'read' },
  'cloudwatch:ListMetrics': { access: 'read' },
  'cloudwatch:PutMetricAlarm': { access: 'write' },
  'cloudwatch:SetAlarmState': { access: 'write' },
  'codedeploy:BatchGetApplications': { access: 'read' },
  'codedeploy:BatchGetDeploymentGroups': { access: 'read' },
  'codedeploy:BatchGetDeploymentTargets': { access: 'read' },
  'codedeploy:BatchGetDeployments': { access: 'read' },
  'codedeploy:ContinueDeployment': { access: 'write' },
  'codedeploy:CreateApplication': { access: 'write' },
  'codedeploy:CreateDeployment': { access: 'write' },
  'codedeploy:CreateDeploymentConfig': { access: 'write' },
  'codedeploy:CreateDeploymentGroup': { access: 'write' },
  'codedeploy:DeleteApplication': { access: 'write' },
  'codedeploy:DeleteDeploymentConfig': { access: 'write' },
  'codedeploy:DeleteDeploymentGroup': { access: 'write' },
  'codedeploy:GetApplication': { access: 'read' },
  'codedeploy:GetDeployment': { access: 'read' },
  'codedeploy:GetDeploymentConfig': { access: 'read' },
  'codedeploy:GetDeploymentGroup': { access: 'read' },
  'codedeploy:GetDeploymentTarget': { access: 'read' },
  'codedeploy:ListApplications': { access: 'read' },
  'codedeploy:ListDeploymentConfigs': { access: 'read' },
  'codedeploy:ListDeploymentGroups': { access: 'read' },
  'codedeploy:ListDeploymentTargets': { access: 'read' },
  'codedeploy:ListDeployments': { access: 'read' },
  'codedeploy:PutLifecycleEventHookExecutionStatus': { access: 'write' },
  'codedeploy:StopDeployment': { access: 'write' },
  'codedeploy:UpdateDeploymentGroup': { access: 'write' },
  'ec2:CreateLaunchTemplate': { access: 'write' },
  'ec2:CreateLaunchTemplateVersion': { access: 'write' },
  'ec2:DescribeAvailabilityZones': { access: 'read' },
  'ec2:DescribeImages': { access: 'read' },
  'ec2:DescribeInstanceTypes': { access: 'read' },
  'ec2:DescribeInstanceTypeOfferings': { access: 'read' },
  'ec2:DescribeInstances': { access: 'read' },
  'ec2:DescribeLaunchTemplateVersions': { access: 'read' },
  'ec2:DescribeLaunchTemplates': { access: 'read' },
  'ec2:DescribeRegions': { access: 'read' },
  'ec2:DescribeSubnets': { access: 'read' },
  'ec2:DescribeVpcs': { access: 'read' },
  'ec2:RunInstances': { access: 'write' },
  'ec2:TerminateInstances': { access: 'write' },
  'ecs:CreateCapacityProvider': { access: 'write' },
  'ecs:CreateCluster': { access: 'write' },
  'ecs:CreateService': { access: 'write' },
  'ecs:DeleteAttributes': { access: 'write' },
  'ecs:DeleteCapacityProvider': { access: 'write' },
  'ecs:DeleteCluster': { access: 'write' },
  'ecs:DeleteService': { access: 'write' },
  'ecs:DeregisterContainerInstance': { access: 'write' },
  'ecs:DeregisterTaskDefinition': { access: 'write' },
  'ecs:DescribeCapacityProviders': { access: 'read' },
  'ecs:DescribeClusters': { access: 'read' },
  'ecs:DescribeContainerInstances': { access: 'read' },
  'ecs:DescribeServiceDeployments': { access: 'read' },
  'ecs:DescribeServiceRevisions': { access: 'read' },
  'ecs:DescribeServices': { access: 'read' },
  'ecs:DescribeTaskDefinition': { access: 'read' },
  'ecs:DescribeTaskSets': { access: 'read' },
  'ecs:DescribeTasks': { access: 'read' },
  'ecs:ListAttributes': { access: 'read' },
  'ecs:ListClusters': { access: 'read' },
  'ecs:ListContainerInstances': { access: 'read' },
  'ecs:ListServiceDeployments': { access: 'read' },
  'ecs:ListServices': { access: 'read' },
  'ecs:ListTaskDefinitionFamilies': { access: 'read' },
  'ecs:ListTaskDefinitions': { access: 'read' },
  'ecs:ListTasks': { access: 'read' },
  'ecs:PutAttributes': { access: 'write' },
  'ecs:PutClusterCapacityProviders': { access: 'write' },
  'ecs:RegisterTaskDefinition': { access: 'write' },
  'ecs:RunTask': { access: 'write' },
  'ecs:StartTask': { access: 'write' },
  'ecs:StopServiceDeployment': { access: 'write' },
  'ecs:StopTask': { access: 'write' },
  'ecs:UpdateCapacityProvider': { access: 'write' },
  'ecs:UpdateContainerInstancesState': { access: 'write' },
  'ecs:UpdateService': { access: 'write' },
  'elbv2:CreateListener': { access: 'write' },
  'elbv2:CreateLoadBalancer': { access: 'write' },
  'elbv2:CreateRule': { access: 'write' },
  'elbv2:CreateTargetGroup': { access: 'write' },
  'elbv2:DeleteListener': { access: 'write' },
  'elbv2:DeleteLoadBalancer': { access: 'write' },
  'elbv2:DeleteRule': { access: 'write' },
  'elbv2:DeleteTargetGroup': { access: 'write' },
  'elbv2:DeregisterTargets': { access: 'write' },
  'elbv2:DescribeListeners': { access: 'read' },
  'elbv2:DescribeLoadBalancers': { access: 'read' },
  'elbv2:DescribeRules': { access: 'read' },
  'elbv2:DescribeTargetGroupAttributes': { access: 'read' },
  'elbv2:DescribeTargetGroups': { access: 'read' },
  'elbv2:DescribeTargetHealth': { access: 'read' },
  'elbv2:ModifyListener': { access: 'write' },
  'elbv2:ModifyRule': { access: 'write' },
  'elbv2:ModifyTargetGroup': { access: 'write' },
  'elbv2:ModifyTargetGroupAttributes': { access: 'write' },
  'elbv2:RegisterTargets': { access: 'write' },
  'elbv2:SetRulePriorities': { access: 'write' },
  'lambda:CreateAlias': { access: 'write' },
  'lambda:CreateFunction': { access: 'write' },
  'lambda:DeleteAlias': { access: 'write' },
  'lambda:DeleteFunction': { access: 'write' },
  'lambda:GetAlias': { access: 'read' },
  'lambda:GetFunction': { access: 'read' },
  'lambda:GetFunctionConfiguration': { access: 'read' },
  'lambda:Invoke': { access: 'write' },
  'lambda:ListAliases': { access: 'read' },
  'lambda:ListFunctions': { access: 'read' },
  'lambda:ListVersionsByFunction': { access: 'read' },
  'lambda:PublishVersion': { access: 'write' },
  'lambda:UpdateAlias': { access: 'write' },
  'lambda:UpdateFunctionCode': { access: 'write' },
  'lambda:UpdateFunctionConfiguration': { access: 'write' },
  'sim:CrashContainer': { access: 'write' },
  'sim:DisconnectAgent': { access: 'write' },
  'sim:FailAvailabilityZone': { access: 'write' },
  'sim:InterruptSpotTasks': { access: 'write' },
  'sim:LoseInstance': { access: 'write' },
  'sim:ReconnectAgent': { access: 'write' },
  'sim:RestoreAvailabilityZone': { access: 'write' },
  'sim:SetBehavior': { access: 'write' },
  'sim:SetImageBehavior': { access: 'write' },
  'sim:SetHealthCheckResult': { access: 'write' },
  'sim:SetHookRule': { access: 'write' },
  'sim:SetTraffic': { access: 'write' },
  'sim:StartAliasDeployment': { access: 'write' },
  'ssm:GetParameter': { access: 'read' },
} as const satisfies Record<string, ActionSpec>;

/** The name of an action the model answers. */
export type ActionName = keyof typeof ACTIONS;

export function isActionName(action: string): action is ActionName {
  return Object.hasOwn(ACTIONS, action);
}

/** Whether an action reads or changes the world; null for an action the model does not know. */
export function actionAccess(action: string): ActionAccess | null {
  return isActionName(action) ? ACTIONS[action].access : null;
}

/**
 * Every action's input and output types, generated from AWS's service models
 * (requests/api-types.generated.ts, `npm run api-types`); `sim:` outputs are ours and plain JSON.
 */
export type { ActionTypes } from '../requests/api-types.generated.ts';

/** The request an action takes. */
export type ActionInput<A extends ActionName> = ActionTypes[A]['input'];
/** What an action answers when it succeeds. */
export type ActionOutput<A extends ActionName> = ActionTypes[A]['output'];

/**
 * A call whose input is checked against its action's type at compile time when the action is named
 * literally (`{ action: 'ec2:DescribeSubnets', input: {...} }`); an action only known as a string at
 * run time takes any input, as `Call` does, and the front door checks it.
 */
export interface TypedCall<S extends string> {
  action: S;
  input?: InputOf<S> | undefined;
  region?: string | undefined;
}

/** The input type of an action named by `S`; any input for an action name not known until run time. */
export type InputOf<S extends string> = S extends ActionName ? ActionInput<S> : Record<string, unknown>;

/** An action's answer: its typed output (plain JSON for a name not known until run time), or AWS's error. */
export type ResponseOf<S extends string> =
  | { output: S extends ActionName ? ActionOutput<S> : Record<string, unknown> }
  | { error: AwsError };

// The table of types and the table of access have the same rows (a missing row fails to compile).
type Same<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false;
const sameRows: Same<keyof ActionTypes, ActionName> = true;
void sameRows;
