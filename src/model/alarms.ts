/** Stub: filled in by issue 4 work. */
import type { Ctx } from './ctx.ts';

export function tickAlarms(_ctx: Ctx): void {}
