/**
 * One plain sentence per Build field, keyed by the AWS name its label shows in AWS's words (the
 * `words(story, aws)` label's second half), for the fields whose form gives no hint of its own. The
 * field's hint line ends with that AWS name (dom.ts `field`), so a sentence here names the real
 * request member only where the label's name is not one (`AMI` is RunInstances' ImageId).
 */
export const FIELD_HINTS: Readonly<Record<string, string>> = {
  AMI: 'The land’s charter: a royal one comes with a castle (the ECS agent), a bare one does not (ImageId).',
  'Availability Zone': 'Which portal the land lies behind; a portal can collapse alone (the subnet’s zone).',
  'Cluster (ECS_CLUSTER in the user data)':
    'The kingdom the castle’s lord joins, written in the territory’s letter (UserData).',
  Count: 'How many territories rise from this one order (MinCount and MaxCount).',
  'Instance type': 'How much room the land has for developments: CPU and memory (InstanceType).',
  'Desired count': 'How many developments the steward keeps standing (desiredCount).',
  'Service name': 'The decree’s name; it must be new in its kingdom (serviceName).',
  Family: 'The plan’s name; each new draft of it becomes its next edition (family).',
  'Network mode': 'How the buildings reach the roads: bridge, awsvpc or host (networkMode).',
  'Task definition (family:revision)': 'Which plan and edition to raise (taskDefinition).',
  'New task definition': 'The plan edition the decree moves to (taskDefinition).',
  'Deployment strategy':
    'How the renovation moves travelers: rolling, all at once, a canary or steps (deploymentConfiguration.strategy).',
  minimumHealthyPercent:
    'The share of the decree’s count that must stay healthy while old developments come down.',
  maximumPercent:
    'How far above the decree’s count old and new developments may stand together during a renovation.',
  canaryPercent: 'The share of travelers sent to the new edition first.',
  canaryBakeTimeInMinutes: 'How long the canary is watched before every traveler moves.',
  stepPercent: 'The share of travelers each step moves to the new edition.',
  stepBakeTimeInMinutes: 'How long each step is watched before the next.',
  bakeTimeInMinutes: 'How long the old edition stays ready to take travelers back after the full shift.',
  terminationWaitTimeInMinutes: 'How long the old edition stands after the swap, in case of a rollback.',
  alternateTargetGroupArn: 'The second road: the new edition waits on it before travelers move.',
  deploymentConfigName: 'How fast CodeDeploy moves travelers: all at once, in steps, or a canary first.',
  healthCheckGracePeriodSeconds:
    'Seconds the steward ignores failed herald visits after a development rises, while it starts up.',
  containerName: 'The building of the plan that the gate’s road leads to.',
  containerPort: 'The door of that building the travelers knock on.',
  'Target group (loadBalancers)': 'The road from the gate to this decree’s developments (targetGroupArn).',
  'Health check path': 'Where the herald knocks on each building (HealthCheckPath).',
  HealthCheckIntervalSeconds: 'Seconds between two visits of the herald.',
  HealthCheckTimeoutSeconds: 'Seconds the herald waits for an answer before counting a failed visit.',
  HealthyThresholdCount: 'Good visits in a row before travelers may go to a building.',
  UnhealthyThresholdCount: 'Failed visits in a row before the herald turns travelers away from it.',
  'Load balancer name': 'The gate’s name; doors and roads hang from it (Name).',
  'Target type': 'Where a road leads: a territory’s port (instance) or a development’s own address (ip).',
  'Target group port': 'The port the road uses when a development does not name one (Port).',
  'Alarm name': 'The watchtower’s name; a renovation names it to be rolled back by it (AlarmName).',
  Metric: 'What the watchtower counts: failed answers, slow answers… (MetricName).',
  Period: 'How long one look of the watchtower lasts, in seconds (Period).',
  'Threshold (GreaterThanThreshold)': 'The count above which a look is bad (Threshold).',
  DatapointsToAlarm: 'Bad looks needed to light the beacon (N of M).',
  EvaluationPeriods: 'How many recent looks are counted (M).',
  TreatMissingData: 'What a look with no travelers counts as: good, bad or nothing.',
  Status: 'ACTIVE takes developments; DRAINING moves the decree’s developments elsewhere first.',
  FunctionName: 'The spell’s name.',
  'Alias name': 'The incantation’s name; travelers call it, and it picks the edition.',
  FunctionVersion: 'The edition the incantation casts.',
  RequestsPerSecond: 'How many travelers come to the door each second.',
  'ErrorRate (as %)': 'The share of answers this edition gets wrong (a curse), to see a watchtower react.',
  LatencyMs: 'How long this edition takes to answer each traveler, in milliseconds.',
  'Weight 1': 'The share of travelers this door sends down the first road.',
  'Weight 2': 'The share of travelers this door sends down the second road.',
};
