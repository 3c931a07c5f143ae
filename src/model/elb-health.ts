/** Stub: filled in by issue 4 work. */
import type { Ctx } from './ctx.ts';

export function tickElb(_ctx: Ctx): void {}
