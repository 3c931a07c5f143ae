/**
 * What CodeDeploy's handlers and engine share: keys, lookups with CodeDeploy's error codes, and the
 * deployment-group summaries (lastAttemptedDeployment / lastSuccessfulDeployment). Source:
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-steps-ecs.html; error code names from
 * the CodeDeploy API reference (CD-API).
 */
import type { Ctx } from '../sim/ctx.ts';
import { ApiError } from '../sim/errors.ts';
import type { CdApplication, CdDeployment, CdDeploymentGroup } from '../sim/types.ts';

export const appKey = (region: string, app: string): string => `${region}:${app}`;
export const groupKey = (region: string, app: string, group: string): string => `${region}:${app}:${group}`;

export const TERMINAL = new Set(['Succeeded', 'Failed', 'Stopped']);

export function requireApplication(ctx: Ctx, name: unknown): CdApplication {
  if (typeof name !== 'string' || name === '')
    throw new ApiError(
      'ApplicationNameRequiredException',
      'The minimum number of required application names was not specified.',
    );
  if (name.length > 100)
    throw new ApiError(
      'InvalidApplicationNameException',
      'The application name was specified in an invalid format.',
    );
  const app = ctx.s.codedeploy.applications[appKey(ctx.region, name)];
  if (!app) throw new ApiError('ApplicationDoesNotExistException', `No application found for name: ${name}`);
  return app;
}

export function requireGroup(ctx: Ctx, app: CdApplication, name: unknown): CdDeploymentGroup {
  if (typeof name !== 'string' || name === '')
    throw new ApiError(
      'DeploymentGroupNameRequiredException',
      'The deployment group name was not specified.',
    );
  const g = ctx.s.codedeploy.deploymentGroups[groupKey(ctx.region, app.applicationName, name)];
  if (!g)
    throw new ApiError('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${name}`);
  return g;
}

export function requireDeployment(ctx: Ctx, id: unknown): CdDeployment {
  if (typeof id !== 'string' || id === '')
    throw new ApiError('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
  if (!/^d-[A-Z0-9]{9}$/.test(id))
    throw new ApiError(
      'InvalidDeploymentIdException',
      `Specified DeploymentId is not in the valid format: ${id}`,
    );
  const d = ctx.s.codedeploy.deployments[id];
  if (!d || d.region !== ctx.region)
    throw new ApiError('DeploymentDoesNotExistException', `The deployment ${id} could not be found.`);
  return d;
}

/** A CodeDeploy deployment id: "d-" and nine upper-case letters or digits. */
export function newDeploymentId(ctx: Ctx): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let id = 'd-';
  for (let i = 0; i < 9; i++) id += chars[ctx.randomInt(chars.length)];
  return id;
}

/** Records a deployment on its group (lastAttemptedDeployment, lastSuccessfulDeployment). */
export function noteOnGroup(ctx: Ctx, d: CdDeployment): void {
  const key = groupKey(d.region, d.applicationName, d.deploymentGroupName);
  const g = ctx.s.codedeploy.deploymentGroups[key];
  if (!g) return;
  const summary = {
    deploymentId: d.deploymentId,
    status: d.status,
    createTime: d.createTime,
    ...(d.completeTime !== undefined ? { endTime: d.completeTime } : {}),
  };
  ctx.patchIn('codedeploy', 'deploymentGroups', key, {
    lastAttemptedDeployment: summary,
    ...(d.status === 'Succeeded' ? { lastSuccessfulDeployment: summary } : {}),
  });
}

/** The group's deployment still running, if any (CodeDeploy runs one at a time per group). */
export function activeDeploymentOf(ctx: Ctx, g: CdDeploymentGroup): CdDeployment | undefined {
  return Object.values(ctx.s.codedeploy.deployments).find(
    (d) =>
      d.region === g.region &&
      d.applicationName === g.applicationName &&
      d.deploymentGroupName === g.deploymentGroupName &&
      !TERMINAL.has(d.status),
  );
}
