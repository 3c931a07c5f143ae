/** codedeploy API. */
import type { Handler } from './api-types.ts';

export const codedeployHandlers: Record<string, Handler> = {};
