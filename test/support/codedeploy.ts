/** Lambda and CodeDeploy helpers for tests, through the public API only. */
import { encodeBase64 } from '../../src/model/sim/base64.ts';
import type { World } from './world.ts';

export const ROLE = 'arn:aws:iam::123456789012:role/lambda-role';
export const CD_ROLE = 'arn:aws:iam::123456789012:role/codedeploy-role';

export const zip = (code: string) => encodeBase64(code);

/** A function `spell` with versions 1..n published from different code and alias `live` -> 1. */
export function spell(w: World, versions = 2, name = 'spell', alias = 'live'): string {
  w.ok('lambda:CreateFunction', {
    FunctionName: name,
    Runtime: 'nodejs20.x',
    Role: ROLE,
    Handler: 'index.handler',
    Code: { ZipFile: zip('exports.handler = () => 1;') },
  });
  w.ok('lambda:PublishVersion', { FunctionName: name });
  for (let v = 2; v <= versions; v++) {
    w.ok('lambda:UpdateFunctionCode', { FunctionName: name, ZipFile: zip(`exports.handler = () => ${v};`) });
    w.ok('lambda:PublishVersion', { FunctionName: name });
  }
  w.ok('lambda:CreateAlias', { FunctionName: name, Name: alias, FunctionVersion: '1' });
  return name;
}

export function alias(w: World, fn = 'spell', name = 'live') {
  return w.ok('lambda:GetAlias', { FunctionName: fn, Name: name });
}

/** The additional version's weight (0 when none). */
export function weightOf(w: World, version: string, fn = 'spell', name = 'live'): number {
  return alias(w, fn, name).RoutingConfig?.AdditionalVersionWeights?.[version] ?? 0;
}

export function lambdaApp(w: World, configName: string, group: Record<string, unknown> = {}) {
  w.ok('codedeploy:CreateApplication', { applicationName: 'spells', computePlatform: 'Lambda' });
  w.ok('codedeploy:CreateDeploymentGroup', {
    applicationName: 'spells',
    deploymentGroupName: 'live',
    serviceRoleArn: CD_ROLE,
    deploymentConfigName: configName,
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    ...group,
  });
}

export function lambdaAppSpec(hooks: Record<string, string>[] = [], current = '1', target = '2') {
  return {
    revisionType: 'AppSpecContent',
    appSpecContent: {
      content: JSON.stringify({
        version: 0.0,
        Resources: [
          {
            spell: {
              Type: 'AWS::Lambda::Function',
              Properties: { Name: 'spell', Alias: 'live', CurrentVersion: current, TargetVersion: target },
            },
          },
        ],
        Hooks: hooks,
      }),
    },
  };
}

export function deploy(
  w: World,
  revision: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  app = 'spells',
  group = 'live',
): string {
  return w.ok('codedeploy:CreateDeployment', {
    applicationName: app,
    deploymentGroupName: group,
    revision,
    ...extra,
  }).deploymentId;
}

export function deployment(w: World, id: string) {
  return w.ok('codedeploy:GetDeployment', { deploymentId: id }).deploymentInfo;
}

/** A metric alarm on the alias's errors for the new version (M2's CloudWatch API). */
export function errorAlarm(w: World, name = 'spell-errors', fn = 'spell', aliasName = 'live', version = '2') {
  w.ok('cloudwatch:PutMetricAlarm', {
    AlarmName: name,
    Namespace: 'AWS/Lambda',
    MetricName: 'Errors',
    Dimensions: [
      { Name: 'FunctionName', Value: fn },
      { Name: 'Resource', Value: `${fn}:${aliasName}` },
      { Name: 'ExecutedVersion', Value: version },
    ],
    Statistic: 'Sum',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 0,
    ComparisonOperator: 'GreaterThanThreshold',
    TreatMissingData: 'notBreaching',
  });
}
