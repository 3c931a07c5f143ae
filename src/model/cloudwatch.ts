/** cloudwatch API. */
import type { Handler } from './api-types.ts';

export const cloudwatchHandlers: Record<string, Handler> = {};
