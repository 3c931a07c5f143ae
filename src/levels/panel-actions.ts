/**
 * What each Build section lets the player do, as the write actions its forms send (a `*` stands for
 * any text: `elbv2:*` is the gate's whole API, as its section's heading says). A level offers the
 * sections in its `allowed`; the console follows the same rule, so a call typed or brought as JSON
 * in a level is one its forms could have made. Reads (Describe*, List*, Get*) are always allowed: they
 * change nothing. Free play (no level) allows everything. Data and one pure check.
 */
import { actionAccess } from '../model/index.ts';
import type { Level, PanelId } from './types.ts';

export const PANEL_ACTIONS: Readonly<Record<PanelId, readonly string[]>> = {
  territory: ['ec2:RunInstances', 'ec2:TerminateInstances', 'ecs:CreateCluster'],
  plan: ['ecs:RegisterTaskDefinition'],
  develop: ['ecs:RunTask'],
  decree: ['ecs:CreateService', 'ecs:UpdateService'],
  capacity: [
    'autoscaling:*',
    'ec2:CreateLaunchTemplate',
    'ecs:*CapacityProvider*',
    'ecs:UpdateService',
    'sim:InterruptSpotTasks',
  ],
  drain: ['ecs:UpdateContainerInstancesState'],
  gate: ['elbv2:*'],
  traffic: ['sim:SetTraffic', 'sim:SetBehavior'],
  watchtower: ['cloudwatch:PutMetricAlarm', 'cloudwatch:SetAlarmState'],
  renovation: ['ecs:UpdateService', 'ecs:StopServiceDeployment', 'codedeploy:*', 'sim:SetHookRule'],
  spells: ['lambda:*', 'codedeploy:*', 'sim:SetTraffic', 'sim:SetBehavior', 'sim:StartAliasDeployment'],
  growth: ['application-autoscaling:*'],
  disasters: [
    'sim:CrashContainer',
    'sim:DisconnectAgent',
    'sim:ReconnectAgent',
    'sim:LoseInstance',
    'sim:FailAvailabilityZone',
    'sim:RestoreAvailabilityZone',
  ],
};

const matches = (pattern: string, action: string): boolean =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`).test(action);

/** The Build sections whose forms make this action (any region, any level). */
export function panelsFor(action: string): PanelId[] {
  return (Object.keys(PANEL_ACTIONS) as PanelId[]).filter((p) =>
    PANEL_ACTIONS[p].some((pattern) => matches(pattern, action)),
  );
}

/**
 * Null when the level lets the player make this call (a read, free play, or a section it offers makes
 * it); else the sections that would make it (none: no form makes it, so no level offers it).
 */
export function notOffered(
  level: Pick<Level, 'allowed'> | null,
  action: string,
): { panels: PanelId[] } | null {
  if (level === null || actionAccess(action) !== 'write') return null;
  const panels = panelsFor(action);
  return panels.some((p) => level.allowed.includes(p)) ? null : { panels };
}
