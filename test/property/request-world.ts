/**
 * One rich world to throw requests at: three instances in cluster Royaume, service `mill` behind an
 * ALB with blue and green target groups, a Lambda function `spell` with two versions and alias `live`,
 * a CodeDeploy application and group, CloudWatch alarms, and travelers on the gate. Built once (states
 * are immutable, so every run starts from the same value).
 */
import type { SimState } from '../../src/model/index.ts';
import { CD_ROLE, errorAlarm, spell } from '../support/codedeploy.ts';
import { nativeWorld, quietAlarm } from '../support/deployments.ts';

let built: SimState | undefined;

export function richWorld(): SimState {
  if (built) return built;
  const { w } = nativeWorld({ strategy: 'ROLLING', minimumHealthyPercent: 50, maximumPercent: 200 });
  spell(w, 2);
  errorAlarm(w);
  quietAlarm(w, 'gate-errors');
  w.ok('codedeploy:CreateApplication', { applicationName: 'spells', computePlatform: 'Lambda' });
  w.ok('codedeploy:CreateDeploymentGroup', {
    applicationName: 'spells',
    deploymentGroupName: 'live',
    serviceRoleArn: CD_ROLE,
    deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
  });
  const listener = Object.keys(w.state.elb.listeners)[0];
  if (listener) w.ok('sim:SetTraffic', { ListenerArn: listener, RequestsPerSecond: 5 });
  w.ok('sim:SetTraffic', { FunctionName: 'spell', Qualifier: 'live', RequestsPerSecond: 2 });
  w.tick(30);
  built = w.state;
  return built;
}
