/**
 * How long things take, in simulated seconds. Real durations vary; these are fixed so the world is
 * deterministic, and short enough to watch. Sources:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerInstance.html (agent timeouts),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle.html (task lifecycle),
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html (a task without
 * health checks counts as healthy 40 s after RUNNING).
 */
export const TIMING = {
  /** EC2: pending -> running. */
  instanceBoot: 15,
  /** EC2: shutting-down -> terminated, stopping -> stopped. */
  instanceShutdown: 10,
  /** The agent registers the container instance this long after the instance is running. */
  agentStart: 5,
  /** EC2 launch type: PENDING (image pull, container create) before RUNNING. */
  taskPull: 5,
  /** awsvpc: PROVISIONING (ENI attach) before PENDING; DEPROVISIONING after STOPPING. */
  eniAttach: 3,
  /** Fargate: PROVISIONING (capacity and ENI) before PENDING. */
  fargateProvision: 10,
  fargatePull: 10,
  /** STOPPING: SIGTERM, the containers exit (well within the 30 s stopTimeout). */
  taskStop: 3,
  /** A task with no health check counts as healthy this long after RUNNING (ECS-DG). */
  healthyAfterRunning: 40,
  /** STOPPED tasks stay visible for at least an hour, then vanish from Describe/List. */
  stoppedTaskRetention: 3600,
  /** Terminated instances stay visible in DescribeInstances for about an hour. */
  terminatedInstanceRetention: 3600,
  /** The service scheduler's retry backoff after tasks fail to start: base and cap (15 min). */
  throttleBase: 10,
  throttleMax: 900,
  /** ECS repeats "has reached a steady state" about every six hours while stable. */
  steadyStateRepeat: 6 * 3600,
  /** FARGATE_SPOT: the interruption notice comes this long before the task is stopped (two minutes). */
  spotWarning: 120,
  /** ELBv2: a new load balancer is provisioning this long before it is active. */
  lbProvision: 30,
  /** ELBv2: a newly registered target gets its first health check this long after registration. */
  firstHealthCheck: 5,
  /**
   * A container others wait on to COMPLETE or SUCCEED (an init container running a script) exits this long
   * after it starts: the model has no program to run, so it runs for this long and exits 0 unless its image
   * is made to crash (sim:SetImageBehavior).
   */
  completingContainerRun: 10,
} as const;
