/** Every action the model answers, by its AWS name (service:Operation). */
import type { Handler } from './api-types.ts';
import { cloudwatchHandlers } from './cloudwatch.ts';
import { codedeployHandlers } from './codedeploy.ts';
import { ec2Handlers } from './ec2.ts';
import { clusterHandlers } from './ecs-clusters.ts';
import { containerInstanceHandlers } from './ecs-container-instances.ts';
import { serviceHandlers } from './ecs-services.ts';
import { taskDefinitionHandlers } from './ecs-task-definitions.ts';
import { taskHandlers } from './ecs-tasks.ts';
import { elbv2Handlers } from './elbv2.ts';
import { lambdaHandlers } from './lambda.ts';
import { faultHandlers } from './sim-faults.ts';
import { trafficHandlers } from './traffic.ts';

export const HANDLERS: Record<string, Handler> = {
  ...ec2Handlers,
  ...clusterHandlers,
  ...containerInstanceHandlers,
  ...taskDefinitionHandlers,
  ...taskHandlers,
  ...serviceHandlers,
  ...faultHandlers,
  ...elbv2Handlers,
  ...cloudwatchHandlers,
  ...lambdaHandlers,
  ...codedeployHandlers,
  ...trafficHandlers,
};
