/** Stub: filled in by issue 4 work. */
import type { Ctx } from './ctx.ts';

export function tickLambdaDeployers(_ctx: Ctx): void {}
