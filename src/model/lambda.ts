/** lambda API. */
import type { Handler } from './api-types.ts';

export const lambdaHandlers: Record<string, Handler> = {};
