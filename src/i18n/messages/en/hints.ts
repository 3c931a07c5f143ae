/**
 * The plain one-line hint of each Build field, keyed `hint.<AWS name>` by the AWS name its label shows
 * in AWS's words (the `words(story, aws)` label's second half), for the fields whose form gives no hint
 * of its own (src/ui/field-hints.ts looks them up). The hint line ends with that AWS name (dom.ts
 * `field`), so a sentence here names the real request member only where the label's name is not one
 * (`AMI` is RunInstances' ImageId).
 */
export const HINTS = {
  'hint.AMI':
    'The land’s charter: a royal one comes with a castle (the ECS agent), a bare one does not (ImageId).',
  'hint.Availability Zone':
    'Which portal the land lies behind; a portal can collapse alone (the subnet’s zone).',
  'hint.Cluster (ECS_CLUSTER in the user data)':
    'The kingdom the castle’s lord joins, written in the territory’s letter (UserData).',
  'hint.Count': 'How many territories rise from this one order (MinCount and MaxCount).',
  'hint.Instance type': 'How much room the land has for developments: CPU and memory (InstanceType).',
  'hint.Desired count': 'How many developments the steward keeps standing (desiredCount).',
  'hint.Service name': 'The decree’s name; it must be new in its kingdom (serviceName).',
  'hint.Family': 'The plan’s name; each new draft of it becomes its next edition (family).',
  'hint.Network mode': 'How the buildings reach the roads: bridge, awsvpc or host (networkMode).',
  'hint.Task definition (family:revision)': 'Which plan and edition to raise (taskDefinition).',
  'hint.New task definition': 'The plan edition the decree moves to (taskDefinition).',
  'hint.Deployment strategy':
    'How the renovation moves travelers: rolling, all at once, a canary or steps (deploymentConfiguration.strategy).',
  'hint.minimumHealthyPercent':
    'The share of the decree’s count that must stay healthy while old developments come down.',
  'hint.maximumPercent':
    'How far above the decree’s count old and new developments may stand together during a renovation.',
  'hint.canaryPercent': 'The share of travelers sent to the new edition first.',
  'hint.canaryBakeTimeInMinutes': 'How long the canary is watched before every traveler moves.',
  'hint.stepPercent': 'The share of travelers each step moves to the new edition.',
  'hint.stepBakeTimeInMinutes': 'How long each step is watched before the next.',
  'hint.bakeTimeInMinutes':
    'How long the old edition stays ready to take travelers back after the full shift.',
  'hint.terminationWaitTimeInMinutes':
    'How long the old edition stands after the swap, in case of a rollback.',
  'hint.alternateTargetGroupArn': 'The second road: the new edition waits on it before travelers move.',
  'hint.deploymentConfigName':
    'How fast CodeDeploy moves travelers: all at once, in steps, or a canary first.',
  'hint.healthCheckGracePeriodSeconds':
    'Seconds the steward ignores failed herald visits after a development rises, while it starts up.',
  'hint.containerName': 'The building of the plan that the gate’s road leads to.',
  'hint.containerPort': 'The door of that building the travelers knock on.',
  'hint.Target group (loadBalancers)':
    'The road from the gate to this decree’s developments (targetGroupArn).',
  'hint.Health check path': 'Where the herald knocks on each building (HealthCheckPath).',
  'hint.HealthCheckIntervalSeconds': 'Seconds between two visits of the herald.',
  'hint.HealthCheckTimeoutSeconds': 'Seconds the herald waits for an answer before counting a failed visit.',
  'hint.HealthyThresholdCount': 'Good visits in a row before travelers may go to a building.',
  'hint.UnhealthyThresholdCount': 'Failed visits in a row before the herald turns travelers away from it.',
  'hint.Load balancer name': 'The gate’s name; doors and roads hang from it (Name).',
  'hint.Target type':
    'Where a road leads: a territory’s port (instance) or a development’s own address (ip).',
  'hint.Target group port': 'The port the road uses when a development does not name one (Port).',
  'hint.Alarm name': 'The watchtower’s name; a renovation names it to be rolled back by it (AlarmName).',
  'hint.Metric': 'What the watchtower counts: failed answers, slow answers… (MetricName).',
  'hint.Period': 'How long one look of the watchtower lasts, in seconds (Period).',
  'hint.Threshold (GreaterThanThreshold)': 'The count above which a look is bad (Threshold).',
  'hint.DatapointsToAlarm': 'Bad looks needed to light the beacon (N of M).',
  'hint.EvaluationPeriods': 'How many recent looks are counted (M).',
  'hint.TreatMissingData': 'What a look with no travelers counts as: good, bad or nothing.',
  'hint.Status': 'ACTIVE takes developments; DRAINING moves the decree’s developments elsewhere first.',
  'hint.FunctionName': 'The spell’s name.',
  'hint.Alias name': 'The incantation’s name; travelers call it, and it picks the edition.',
  'hint.FunctionVersion': 'The edition the incantation casts.',
  'hint.RequestsPerSecond': 'How many travelers come to the door each second.',
  'hint.ErrorRate (as %)':
    'The share of answers this edition gets wrong (a curse), to see a watchtower react.',
  'hint.LatencyMs': 'How long this edition takes to answer each traveler, in milliseconds.',
  'hint.Weight 1': 'The share of travelers this door sends down the first road.',
  'hint.Weight 2': 'The share of travelers this door sends down the second road.',
  'hint.Cluster': 'The kingdom this order is for.',
  'hint.Service': 'The decree this order is about.',
  'hint.service': 'The decree whose lands this changes.',
  'hint.Task definition': 'The plan and edition its developments are built from.',
  'hint.LaunchTemplateName': 'The survey order’s name: what land a survey party erects, written down once.',
  'hint.InstanceType': 'How much room each land has for developments: CPU and memory.',
  'hint.AutoScalingGroupName':
    'The survey party: a group that erects and removes territories to keep its count.',
  'hint.LaunchTemplate': 'The survey order the party follows for each territory it erects.',
  'hint.MinSize': 'The fewest territories the survey party keeps standing.',
  'hint.MaxSize': 'The most territories the survey party may erect.',
  'hint.DesiredCapacity': 'How many territories the survey party keeps standing now.',
  'hint.name': 'The guild’s name: a capacity provider a decree can call on for land.',
  'hint.autoScalingGroupArn': 'The survey party the guild asks for more land when developments wait.',
  'hint.targetCapacity': 'How full the guild keeps its lands, in percent; below 100 leaves room to spare.',
  'hint.defaultCapacityProviderStrategy': 'Decrees that name no land are settled on these guilds.',
  'hint.capacityProvider (with base)': 'The land that takes the first developments (the base).',
  'hint.base': 'How many developments always go to the base land first.',
  'hint.weight': 'This land’s share of the developments beyond the base.',
  'hint.capacityProvider': 'The other land, which takes its share of the rest.',
  'hint.count': 'How many Spot lands the storm takes back at once.',
  'hint.Target group for listener 8080':
    'The road behind the test door: a new edition is tried there before travelers reach it.',
  'hint.Load balancer': 'The gate whose doors this order changes.',
  'hint.Listener': 'The door whose travelers this order changes.',
  'hint.Target group 1': 'The first road the door sends travelers down.',
  'hint.Target group 2': 'The second road; the two weights share the travelers between them.',
  'hint.Load balancer (dimension)':
    'The gate whose counts the watchtower reads (the LoadBalancer dimension).',
  'hint.Target group (dimension)':
    'One road to watch on its own, or none for the whole gate (the TargetGroup dimension).',
  'hint.productionListenerRule (default rule)':
    'The main door whose travelers the renovation moves, named by its default rule.',
  'hint.testListenerRule (default rule)':
    'The test door that tries the new edition first, named by its default rule.',
  'hint.Function': 'The spell this order is about (FunctionName).',
  'hint.Alias': 'The incantation travelers call; it picks which edition answers them.',
  'hint.MinCapacity': 'The fewest developments growth may leave standing.',
  'hint.MaxCapacity': 'The most developments growth may raise.',
  'hint.PolicyName': 'The growth rule’s name, unique for this decree.',
  'hint.PredefinedMetricType': 'What growth follows: CPU, memory, or travelers per development.',
  'hint.TargetValue': 'The value growth holds that measure at, by raising or removing developments.',
  'hint.ScaleOutCooldown': 'Seconds growth waits after raising developments before raising more.',
  'hint.ScaleInCooldown': 'Seconds growth waits after removing developments before removing more.',
  'hint.EC2 instance': 'The territory the disaster strikes.',
  'hint.Container instance (EC2 instance)': 'The castle whose lord the disaster silences.',
  'hint.Task': 'The development the disaster strikes.',
  'hint.Container': 'The building inside it that stops.',
} as const;
