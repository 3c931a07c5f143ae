/**
 * Shapes of the `sim:` actions (what happens outside AWS's API: faults, travelers, the seed's alias
 * deployment), written by hand in the generated table's form (shape-types.ts) so the validator, and
 * later the console, treat them like AWS's own. Member names follow each handler's input.
 */
import type { ServiceShapes } from './shape-types.ts';

export const SIM_SHAPES: ServiceShapes = {
  source: 'nozama',
  protocol: 'sim',
  shapes: {
    String: { type: 'string' },
    NonEmpty: { type: 'string', min: 1 },
    Boolean: { type: 'boolean' },
    Integer: { type: 'integer' },
    Double: { type: 'double' },
    ImageMode: { type: 'string', enum: ['ok', 'fail-to-start', 'crash'] },
    HealthCheckResult: { type: 'string', enum: ['pass', 'fail', 'timeout'] },
    DeploymentType: { type: 'string', enum: ['linear'] },
    HookRuleKind: {
      type: 'string',
      enum: ['succeed', 'fail', 'fail-if-5xx-above', 'in-progress-then-succeed', 'none'],
    },
    ZoneRequest: {
      type: 'structure',
      members: { availabilityZone: { shape: 'NonEmpty' } },
      required: ['availabilityZone'],
    },
    InstanceRequest: {
      type: 'structure',
      members: { instanceId: { shape: 'NonEmpty' } },
      required: ['instanceId'],
    },
    CrashContainerRequest: {
      type: 'structure',
      members: {
        cluster: { shape: 'String' },
        task: { shape: 'NonEmpty' },
        containerName: { shape: 'String' },
        exitCode: { shape: 'Integer' },
      },
      required: ['task'],
    },
    SetImageBehaviorRequest: {
      type: 'structure',
      members: {
        image: { shape: 'NonEmpty' },
        mode: { shape: 'ImageMode' },
        crashAfterSeconds: { shape: 'Integer' },
        exitCode: { shape: 'Integer' },
      },
      required: ['image', 'mode'],
    },
    SetHealthCheckResultRequest: {
      type: 'structure',
      members: {
        TaskDefinition: { shape: 'NonEmpty' },
        Image: { shape: 'NonEmpty' },
        ContainerName: { shape: 'NonEmpty' },
        Result: { shape: 'HealthCheckResult' },
      },
      required: ['Result'],
    },
    SetTrafficRequest: {
      type: 'structure',
      members: {
        ListenerArn: { shape: 'NonEmpty' },
        FunctionName: { shape: 'NonEmpty' },
        Qualifier: { shape: 'NonEmpty' },
        RequestsPerSecond: { shape: 'Double' },
      },
      required: ['RequestsPerSecond'],
    },
    SetBehaviorRequest: {
      type: 'structure',
      members: {
        TaskDefinition: { shape: 'NonEmpty' },
        Image: { shape: 'NonEmpty' },
        FunctionName: { shape: 'NonEmpty' },
        Version: { shape: 'NonEmpty' },
        ErrorRate: { shape: 'Double' },
        LatencyMs: { shape: 'Double' },
        Clear: { shape: 'Boolean' },
      },
    },
    SetHookRuleRequest: {
      type: 'structure',
      members: {
        FunctionName: { shape: 'NonEmpty' },
        Rule: { shape: 'HookRuleKind' },
        ThresholdPercent: { shape: 'Double' },
        WindowMinutes: { shape: 'Integer' },
        InProgressInvocations: { shape: 'Integer' },
        CallBackDelaySeconds: { shape: 'Integer' },
      },
      required: ['FunctionName', 'Rule'],
    },
    InterruptSpotTasksRequest: {
      type: 'structure',
      members: {
        cluster: { shape: 'String' },
        task: { shape: 'NonEmpty' },
        count: { shape: 'Integer' },
      },
    },
    StartAliasDeploymentRequest: {
      type: 'structure',
      members: {
        'function-name': { shape: 'NonEmpty' },
        'alias-name': { shape: 'NonEmpty' },
        'new-version': { shape: 'NonEmpty' },
        steps: { shape: 'Integer' },
        interval: { shape: 'Integer' },
        type: { shape: 'DeploymentType' },
        'health-check': { shape: 'Boolean' },
      },
      required: ['function-name', 'alias-name', 'new-version', 'steps', 'interval'],
    },
  },
};

/** Each sim: action -> its input shape. */
export const SIM_OPERATIONS: Readonly<Record<string, string>> = {
  'sim:FailAvailabilityZone': 'ZoneRequest',
  'sim:RestoreAvailabilityZone': 'ZoneRequest',
  'sim:LoseInstance': 'InstanceRequest',
  'sim:DisconnectAgent': 'InstanceRequest',
  'sim:ReconnectAgent': 'InstanceRequest',
  'sim:CrashContainer': 'CrashContainerRequest',
  'sim:SetImageBehavior': 'SetImageBehaviorRequest',
  'sim:SetHealthCheckResult': 'SetHealthCheckResultRequest',
  'sim:SetHookRule': 'SetHookRuleRequest',
  'sim:SetTraffic': 'SetTrafficRequest',
  'sim:SetBehavior': 'SetBehaviorRequest',
  'sim:StartAliasDeployment': 'StartAliasDeploymentRequest',
  'sim:InterruptSpotTasks': 'InterruptSpotTasksRequest',
};
