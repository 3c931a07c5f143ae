/** Stub: filled in by issue 4 work. */
import type { Ctx } from './ctx.ts';

export function tickEcsDeployments(_ctx: Ctx): void {}
