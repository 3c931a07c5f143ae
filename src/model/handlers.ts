/** Every action the model answers, by its AWS name (service:Operation). */
import type { Handler } from './api-types.ts';
import { ec2Handlers } from './ec2.ts';
import { clusterHandlers } from './ecs-clusters.ts';
import { containerInstanceHandlers } from './ecs-container-instances.ts';
import { serviceHandlers } from './ecs-services.ts';
import { taskDefinitionHandlers } from './ecs-task-definitions.ts';
import { taskHandlers } from './ecs-tasks.ts';
import { faultHandlers } from './sim-faults.ts';

export const HANDLERS: Record<string, Handler> = {
  ...ec2Handlers,
  ...clusterHandlers,
  ...containerInstanceHandlers,
  ...taskDefinitionHandlers,
  ...taskHandlers,
  ...serviceHandlers,
  ...faultHandlers,
};
