/** Stub: filled in by issue 4 work (travelers, sim:SetTraffic, sim:SetBehavior). */
import type { Handler } from './api-types.ts';
import type { Ctx } from './ctx.ts';

export const trafficHandlers: Record<string, Handler> = {};

export function tickTraffic(_ctx: Ctx): void {}
