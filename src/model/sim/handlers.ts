/** Every action the model answers, by its AWS name (service:Operation). */

import { appAutoScalingHandlers } from '../appautoscaling/aas.ts';
import { autoScalingHandlers } from '../autoscaling/autoscaling.ts';
import { cloudwatchHandlers } from '../cloudwatch/cloudwatch.ts';
import { codedeployHandlers } from '../codedeploy/codedeploy.ts';
import { ec2Handlers } from '../ec2/ec2.ts';
import { launchTemplateHandlers } from '../ec2/launch-templates.ts';
import { capacityProviderHandlers } from '../ecs/capacity-providers.ts';
import { clusterHandlers } from '../ecs/ecs-clusters.ts';
import { containerInstanceHandlers } from '../ecs/ecs-container-instances.ts';
import { serviceHandlers } from '../ecs/ecs-services.ts';
import { taskDefinitionHandlers } from '../ecs/ecs-task-definitions.ts';
import { taskHandlers } from '../ecs/ecs-tasks.ts';
import { elbv2Handlers } from '../elbv2/elbv2.ts';
import { lambdaHandlers } from '../lambda/lambda.ts';
import type { Handler } from './api-types.ts';
import { faultHandlers } from './sim-faults.ts';
import { spotHandlers } from './spot-faults.ts';
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
  ...appAutoScalingHandlers,
  ...launchTemplateHandlers,
  ...autoScalingHandlers,
  ...capacityProviderHandlers,
  ...spotHandlers,
};
