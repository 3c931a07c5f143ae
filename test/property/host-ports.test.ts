/**
 * Property 1, host ports bound at run time: Docker never binds a host port twice on one instance, so
 * the dynamic host ports ECS reports in networkBindings (bridge mode, hostPort 0) must not repeat a
 * port another running task on the same instance holds, however long the world has been running.
 *
 * Random short scenarios (resources.test.ts) check this after every transition too, but the clash
 * needs the model's id counter to wrap its 1000-slot dynamic port table while an old task still runs,
 * which short scenarios never reach; these two worlds reach it, one aimed, one found by exploration.
 */
import { describe, it } from 'vitest';
import { CLUSTER, Driver } from './arbitraries.ts';
import { checkBindings, checkResources } from './invariants.ts';

const PLAIN_AMI_PARAM = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64';

const dynamicTd = (family: string, image: string, size = 64) => ({
  family,
  containerDefinitions: [
    {
      name: 'app',
      image,
      cpu: size,
      memory: size,
      essential: true,
      portMappings: [{ containerPort: 80, hostPort: 0 }],
    },
  ],
});

const checkAll = (d: Driver) => {
  for (const ci of d.state.containerInstances.values()) {
    const tasks = d.state.tasks
      .values()
      .filter((t) => t.containerInstanceArn === ci.containerInstanceArn && t.lastStatus !== 'STOPPED');
    checkBindings(ci.ec2InstanceId, tasks, { reservedToo: true, origin: d.state.startedAt });
  }
};

describe('dynamic host ports', () => {
  it('a new task never gets the dynamic host port of a task still running on its instance (aimed)', () => {
    const d = new Driver(11, { after: (tr) => checkResources(tr.result.state, { reservedToo: false }) });
    d.setup([{ zone: 0, type: 't3.medium' }], [dynamicTd('keep', 'keep:1'), dynamicTd('churn', 'churn:1')]);
    d.ok('ecs:RunTask', { cluster: CLUSTER, taskDefinition: 'keep' });
    d.advance(10);
    const keep = d.state.tasks.values().find((t) => t.group === 'family:keep');
    const port = keep?.containers[0]?.networkBindings[0]?.hostPort;
    if (port === undefined) throw new Error('keep has no dynamic port');
    // Launch instances without the agent (they never join the cluster) until the next task started
    // lands on the same slot of the model's dynamic port table as `keep`.
    const slot = (port - 49153) / 16;
    let burn = (((slot - d.state.nextId - 1) % 1000) + 1000) % 1000;
    const plainAmi = d.ok('ssm:GetParameter', { Name: PLAIN_AMI_PARAM }).Parameter.Value;
    while (burn > 0) {
      const n = Math.min(burn, 100);
      d.ok('ec2:RunInstances', { ImageId: plainAmi, InstanceType: 't3.micro', MinCount: n, MaxCount: n });
      burn -= n;
    }
    d.ok('ecs:RunTask', { cluster: CLUSTER, taskDefinition: 'churn' });
    d.advance(10);
    checkAll(d);
  });

  it('long-running world: crash-looping tasks next to steady ones (seed 4, ~2100 s)', () => {
    const d = new Driver(4);
    d.setup([{ zone: 0, type: 't3.medium' }], [dynamicTd('keep', 'keep:1'), dynamicTd('churn', 'churn:1')]);
    d.ok('sim:SetImageBehavior', { image: 'churn:1', mode: 'crash', crashAfterSeconds: 1 });
    d.ok('ecs:CreateService', {
      cluster: CLUSTER,
      serviceName: 'keep',
      taskDefinition: 'keep',
      desiredCount: 3,
    });
    d.ok('ecs:CreateService', {
      cluster: CLUSTER,
      serviceName: 'churn',
      taskDefinition: 'churn',
      desiredCount: 6,
    });
    for (let t = 0; t < 2200; t++) {
      d.advance(1);
      if (t % 211 === 0) {
        const keep = d.state.tasks
          .values()
          .find((x) => x.serviceName === 'keep' && x.lastStatus === 'RUNNING');
        if (keep) d.ok('ecs:StopTask', { cluster: CLUSTER, task: keep.taskArn });
      }
      checkAll(d);
    }
  }, 30_000);
});
