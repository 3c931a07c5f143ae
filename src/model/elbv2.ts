/** ELBv2 API (Application Load Balancer). Filled in by the load-balancing work. */
import type { Handler } from './api-types.ts';

export const elbv2Handlers: Record<string, Handler> = {};
