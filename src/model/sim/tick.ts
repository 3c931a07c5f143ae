/**
 * One simulated second, in a fixed order: instances boot and their agents register; tasks walk
 * their lifecycle (outcomes feed the services' backoff); load balancers register, check and drain
 * targets; travelers are routed and metrics written (the services' CPU and memory once a minute); alarms
 * evaluate and Application Auto Scaling runs the policies their actions name; deployments (ECS native
 * strategies, CodeDeploy, the Lambda alias deployer) take their next step reading those alarms; capacity
 * providers place their waiting tasks and Auto Scaling groups grow or shrink; and every service's
 * scheduler reconciles.
 */
import { tickAppAutoScaling } from '../appautoscaling/aas-scaling.ts';
import { tickCapacity } from '../autoscaling/capacity-tick.ts';
import { tickAlarms } from '../cloudwatch/alarms.ts';
import { tickCodeDeploy } from '../codedeploy/codedeploy-engine.ts';
import { tickInstances } from '../ec2/instance-lifecycle.ts';
import { tickEcsDeployments } from '../ecs/ecs-deployments.ts';
import { tickServiceLoad } from '../ecs/service-load.ts';
import { noteTaskOutcome, tickServices } from '../ecs/service-scheduler.ts';
import { tickTasks } from '../ecs/task-lifecycle.ts';
import { tickElb } from '../elbv2/elb-health.ts';
import { tickLambdaDeployers } from '../lambda/lambda-deployer.ts';
import type { Ctx } from './ctx.ts';
import { tickTraffic } from './traffic.ts';
import type { Task } from './types.ts';

export function tick(ctx: Ctx): void {
  tickInstances(ctx);
  const from = ctx.events.length;
  tickTasks(ctx);
  for (let i = from; i < ctx.events.length; i++) {
    const e = ctx.events[i];
    if (!e || (e.type !== 'task/running' && e.type !== 'task/stopped')) continue;
    const t = ctx.s.tasks.get(e.data.taskArn as string) as Task | undefined;
    if (!t) continue;
    if (e.type === 'task/running') noteTaskOutcome(ctx, t, 'running');
    else if (t.failedToStart) noteTaskOutcome(ctx, t, 'failedToStart');
  }
  tickElb(ctx);
  tickTraffic(ctx);
  tickServiceLoad(ctx);
  tickAlarms(ctx);
  tickAppAutoScaling(ctx);
  tickEcsDeployments(ctx);
  tickCodeDeploy(ctx);
  tickLambdaDeployers(ctx);
  tickCapacity(ctx);
  tickServices(ctx);
}
