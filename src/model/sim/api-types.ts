/** The shape every API handler has: read the input, write to the draft, return the output or throw ApiError. */
import type { Ctx } from './ctx.ts';

export type Input = Record<string, unknown>;
export type Handler = (ctx: Ctx, input: Input) => Record<string, unknown>;
