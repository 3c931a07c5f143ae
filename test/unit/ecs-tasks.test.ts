import { describe, expect, it } from 'vitest';
import { kingdom, World } from '../support/world.ts';

describe('clusters', () => {
  it('CreateCluster without a name makes `default`, and is idempotent', () => {
    const w = new World();
    const a = w.ok('ecs:CreateCluster').cluster;
    expect(a).toMatchObject({
      clusterName: 'default',
      status: 'ACTIVE',
      clusterArn: 'arn:aws:ecs:za-southwest-1:123456789012:cluster/default',
    });
    w.ok('ecs:CreateCluster', { clusterName: 'default' });
    expect(w.ok('ecs:ListClusters').clusterArns).toHaveLength(1);
  });

  it('DescribeClusters counts instances, tasks and services; reports missing ones as failures', () => {
    const w = kingdom(['a', 'b']);
    const td = w.registerWeb();
    w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td, count: 2 });
    w.tick(10);
    const out = w.ok('ecs:DescribeClusters', { clusters: ['Royaume', 'Nowhere'] });
    expect(out.clusters[0]).toMatchObject({
      registeredContainerInstancesCount: 2,
      runningTasksCount: 2,
      pendingTasksCount: 0,
      activeServicesCount: 0,
    });
    expect(out.failures).toEqual([
      { arn: 'arn:aws:ecs:za-southwest-1:123456789012:cluster/Nowhere', reason: 'MISSING' },
    ]);
  });

  it.each([['bad name', { clusterName: 'no spaces' }, 'InvalidParameterException']])(
    'CreateCluster refuses a %s',
    (_l, input, name) => {
      expect(new World().err('ecs:CreateCluster', input).name).toBe(name);
    },
  );

  it('DeleteCluster refuses while instances are registered, then succeeds', () => {
    const w = kingdom(['a']);
    expect(w.err('ecs:DeleteCluster', { cluster: 'Royaume' }).name).toBe(
      'ClusterContainsContainerInstancesException',
    );
    w.ok('ec2:TerminateInstances', { InstanceIds: w.state.instances.keys() });
    expect(w.ok('ecs:DeleteCluster', { cluster: 'Royaume' }).cluster.status).toBe('INACTIVE');
    expect(w.err('ecs:DescribeServices', { cluster: 'Royaume', services: ['x'] }).name).toBe(
      'ClusterNotFoundException',
    );
  });

  it('calls to a missing cluster fail with ClusterNotFoundException', () => {
    expect(new World().err('ecs:ListTasks', { cluster: 'ghost' })).toEqual({
      name: 'ClusterNotFoundException',
      message: 'Cluster not found.',
    });
  });
});

describe('RunTask and the task lifecycle', () => {
  it('walks PROVISIONING -> PENDING -> RUNNING with epoch-second timestamps', () => {
    const w = kingdom(['a']);
    const td = w.registerWeb();
    const out = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td });
    const t0 = out.tasks[0];
    expect(t0).toMatchObject({
      lastStatus: 'PROVISIONING',
      desiredStatus: 'RUNNING',
      launchType: 'EC2',
      group: 'family:web',
      cpu: '128',
      memory: '256',
    });
    expect(t0.taskArn).toMatch(/^arn:aws:ecs:za-southwest-1:123456789012:task\/Royaume\/[0-9a-f]{32}$/);
    expect(typeof t0.createdAt).toBe('number');
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      w.tick(1);
      const t = w.ok('ecs:DescribeTasks', { cluster: 'Royaume', tasks: [t0.taskArn] }).tasks[0];
      if (seen.at(-1) !== t.lastStatus) seen.push(t.lastStatus);
    }
    expect(seen).toEqual(['PENDING', 'RUNNING']);
    const t = w.ok('ecs:DescribeTasks', { cluster: 'Royaume', tasks: [t0.taskArn] }).tasks[0];
    expect(t.startedAt).toBeGreaterThan(t.createdAt);
    expect(t.containers[0]).toMatchObject({ name: 'web', lastStatus: 'RUNNING', cpu: '128', memory: '256' });
  });

  it('StopTask walks RUNNING -> STOPPING -> STOPPED and frees the resources', () => {
    const w = kingdom(['a']);
    const td = w.registerWeb('web', 1024);
    const arn = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td }).tasks[0].taskArn;
    w.tick(10);
    const ci = () => w.state.containerInstances.values()[0]!;
    expect(ci().remainingMemory).toBe(3992 - 1024);
    const stopped = w.ok('ecs:StopTask', { cluster: 'Royaume', task: arn, reason: 'Renovation' }).task;
    expect(stopped).toMatchObject({
      desiredStatus: 'STOPPED',
      stopCode: 'UserInitiated',
      stoppedReason: 'Renovation',
    });
    w.tick(1);
    expect(w.state.tasks.get(arn)!.lastStatus).toBe('STOPPING');
    w.tick(5);
    expect(w.state.tasks.get(arn)!.lastStatus).toBe('STOPPED');
    expect(ci().remainingMemory).toBe(3992);
    expect(w.ok('ecs:ListTasks', { cluster: 'Royaume', desiredStatus: 'STOPPED' }).taskArns).toEqual([arn]);
    w.tick(3600);
    expect(w.ok('ecs:DescribeTasks', { cluster: 'Royaume', tasks: [arn] }).failures[0].reason).toBe(
      'MISSING',
    );
  });

  it('an essential container exiting stops its task; a non-essential one does not', () => {
    const w = kingdom(['a']);
    const td = w.ok('ecs:RegisterTaskDefinition', {
      family: 'blog',
      containerDefinitions: [
        { name: 'web', image: 'nginx', memory: 128, essential: true },
        { name: 'cache', image: 'redis', memory: 128, essential: false },
      ],
    }).taskDefinition.taskDefinitionArn;
    const arn = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td }).tasks[0].taskArn;
    w.tick(10);
    w.ok('sim:CrashContainer', { cluster: 'Royaume', task: arn, containerName: 'cache', exitCode: 1 });
    expect(w.state.tasks.get(arn)!.desiredStatus).toBe('RUNNING');
    w.ok('sim:CrashContainer', { cluster: 'Royaume', task: arn, containerName: 'web', exitCode: 137 });
    w.tick(10);
    const t = w.ok('ecs:DescribeTasks', { cluster: 'Royaume', tasks: [arn] }).tasks[0];
    expect(t).toMatchObject({
      lastStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
    });
    expect(t.containers.map((c: any) => [c.name, c.exitCode])).toEqual([
      ['web', 137],
      ['cache', 1],
    ]);
  });

  it('an image that cannot start stops the task with CannotPullContainerError', () => {
    const w = kingdom(['a']);
    w.ok('sim:SetImageBehavior', { image: 'nginx:1.27', mode: 'fail-to-start' });
    const arn = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: w.registerWeb() }).tasks[0].taskArn;
    w.tick(10);
    expect(w.state.tasks.get(arn)).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart' });
    expect(w.state.tasks.get(arn)!.stoppedReason).toMatch(/^CannotPullContainerError/);
  });

  it('reports RESOURCE:MEMORY failures per instance when nothing fits', () => {
    const w = kingdom(['a', 'b'], 't3.small');
    const td = w.registerWeb('huge', 4000);
    const out = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td });
    expect(out.tasks).toEqual([]);
    expect(out.failures).toHaveLength(2);
    expect(
      out.failures.every(
        (f: any) => f.reason === 'RESOURCE:MEMORY' && f.arn.includes(':container-instance/Royaume/'),
      ),
    ).toBe(true);
  });

  it('reports RESOURCE:PORTS when a static host port is taken', () => {
    const w = kingdom(['a']);
    const td = w.registerWeb('gate', 128, 64, { portMappings: [{ containerPort: 80, hostPort: 80 }] });
    expect(w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td }).tasks).toHaveLength(1);
    const out = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td });
    expect(out.failures[0].reason).toBe('RESOURCE:PORTS');
  });

  it.each([
    [{ count: 11 }, 'InvalidParameterException'],
    [{ count: 0 }, 'InvalidParameterException'],
    [{ placementStrategy: [{ type: 'binpack', field: 'disk' }] }, 'InvalidParameterException'],
    [{ placementStrategy: [{ type: 'spread' }] }, 'InvalidParameterException'],
    [{ placementConstraints: [{ type: 'memberOf' }] }, 'InvalidParameterException'],
    [
      { placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type ==' }] },
      'InvalidParameterException',
    ],
    [{ placementConstraints: [{ type: 'distinctInstance', expression: 'x' }] }, 'InvalidParameterException'],
    [{ taskDefinition: 'nope:1' }, 'ClientException'],
  ])('RunTask refuses %j and changes nothing', (extra, name) => {
    const w = kingdom(['a']);
    const td = w.registerWeb();
    const before = w.state;
    const err = w.err('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td, ...extra });
    expect([name, 'ClientException', 'InvalidParameterException']).toContain(err.name);
    expect(err.name).toBe(name === 'ClientException' ? err.name : name);
    expect(err.message.length).toBeGreaterThan(5);
    expect(w.state).toBe(before);
  });

  it('RunTask on an empty cluster says no container instances were found', () => {
    const w = new World();
    w.ok('ecs:CreateCluster', { clusterName: 'Royaume' });
    const td = w.registerWeb();
    expect(w.err('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td })).toEqual({
      name: 'InvalidParameterException',
      message: 'No Container Instances were found in your cluster.',
    });
  });

  it('StartTask places on the named instance only', () => {
    const w = kingdom(['a', 'b']);
    const td = w.registerWeb();
    const [ci] = w.ok('ecs:ListContainerInstances', { cluster: 'Royaume' }).containerInstanceArns;
    const out = w.ok('ecs:StartTask', { cluster: 'Royaume', taskDefinition: td, containerInstances: [ci] });
    expect(out.tasks[0].containerInstanceArn).toBe(ci);
  });

  it('ListTasks filters by family, service and status', () => {
    const w = kingdom(['a']);
    const td = w.registerWeb();
    w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td, count: 3, startedBy: 'me' });
    expect(w.ok('ecs:ListTasks', { cluster: 'Royaume', family: 'web' }).taskArns).toHaveLength(3);
    expect(w.ok('ecs:ListTasks', { cluster: 'Royaume', family: 'other' }).taskArns).toHaveLength(0);
    expect(w.ok('ecs:ListTasks', { cluster: 'Royaume', startedBy: 'me', maxResults: 2 })).toMatchObject({
      nextToken: expect.any(String),
    });
  });
});

describe('container instances: draining, agent, attributes', () => {
  it('a disconnected agent keeps its tasks running but takes no new ones', () => {
    const w = kingdom(['a']);
    const td = w.registerWeb();
    const arn = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td }).tasks[0].taskArn;
    w.tick(10);
    const id = w.state.instances.keys()[0]!;
    w.ok('sim:DisconnectAgent', { instanceId: id });
    w.tick(30);
    expect(w.state.tasks.get(arn)!.lastStatus).toBe('RUNNING');
    const out = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td });
    expect(out.failures[0].reason).toBe('AGENT');
    w.ok('sim:ReconnectAgent', { instanceId: id });
    expect(w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td }).tasks).toHaveLength(1);
  });

  it('draining leaves standalone tasks alone and refuses new placements', () => {
    const w = kingdom(['a']);
    const td = w.registerWeb();
    const arn = w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td }).tasks[0].taskArn;
    w.tick(10);
    const ci = w.ok('ecs:ListContainerInstances', { cluster: 'Royaume' }).containerInstanceArns[0];
    const out = w.ok('ecs:UpdateContainerInstancesState', {
      cluster: 'Royaume',
      containerInstances: [ci],
      status: 'DRAINING',
    });
    expect(out.containerInstances[0].status).toBe('DRAINING');
    w.tick(60);
    expect(w.state.tasks.get(arn)!.lastStatus).toBe('RUNNING');
    expect(w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td }).failures[0].reason).toBe(
      'INACTIVE',
    );
    w.ok('ecs:UpdateContainerInstancesState', {
      cluster: 'Royaume',
      containerInstances: [ci],
      status: 'ACTIVE',
    });
    expect(w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td }).tasks).toHaveLength(1);
  });

  it('custom attributes feed memberOf, and ecs.* names are reserved', () => {
    const w = kingdom(['a', 'b']);
    const [ci1] = w.ok('ecs:ListContainerInstances', { cluster: 'Royaume' }).containerInstanceArns;
    w.ok('ecs:PutAttributes', {
      cluster: 'Royaume',
      attributes: [{ name: 'granary', value: 'yes', targetId: ci1 }],
    });
    expect(
      w.err('ecs:PutAttributes', {
        cluster: 'Royaume',
        attributes: [{ name: 'ecs.foo', value: 'x', targetId: ci1 }],
      }).name,
    ).toBe('InvalidParameterException');
    const td = w.registerWeb();
    const out = w.ok('ecs:RunTask', {
      cluster: 'Royaume',
      taskDefinition: td,
      count: 4,
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:granary == yes' }],
    });
    expect(out.tasks.every((t: any) => t.containerInstanceArn === ci1)).toBe(true);
    expect(
      w.ok('ecs:ListContainerInstances', { cluster: 'Royaume', filter: 'attribute:granary exists' })
        .containerInstanceArns,
    ).toEqual([ci1]);
    expect(
      w.ok('ecs:ListAttributes', {
        cluster: 'Royaume',
        targetType: 'container-instance',
        attributeName: 'granary',
      }).attributes,
    ).toHaveLength(1);
  });

  it('attributes from ECS_INSTANCE_ATTRIBUTES apply at registration', () => {
    const w = new World();
    w.ok('ecs:CreateCluster', { clusterName: 'Royaume' });
    w.launch(
      'a',
      'r5.large',
      'Royaume',
      1,
      `echo 'ECS_INSTANCE_ATTRIBUTES={"granary":"yes"}' >> /etc/ecs/ecs.config`,
    );
    w.tick(25);
    expect(w.state.containerInstances.values()[0]!.attributes.granary).toBe('yes');
  });

  it('forced deregistration orphans running tasks; without force it is refused', () => {
    const w = kingdom(['a']);
    w.ok('ecs:RunTask', { cluster: 'Royaume', taskDefinition: w.registerWeb() });
    w.tick(10);
    const ci = w.ok('ecs:ListContainerInstances', { cluster: 'Royaume' }).containerInstanceArns[0];
    expect(w.err('ecs:DeregisterContainerInstance', { cluster: 'Royaume', containerInstance: ci }).name).toBe(
      'InvalidParameterException',
    );
    expect(
      w.ok('ecs:DeregisterContainerInstance', { cluster: 'Royaume', containerInstance: ci, force: true })
        .containerInstance.status,
    ).toBe('INACTIVE');
    expect(w.ok('ecs:ListContainerInstances', { cluster: 'Royaume' }).containerInstanceArns).toEqual([]);
  });
});

describe('Fargate', () => {
  function fargateWorld() {
    const w = new World();
    w.ok('ecs:CreateCluster', { clusterName: 'Royaume' });
    const td = w.ok('ecs:RegisterTaskDefinition', {
      family: 'managed',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [
        { name: 'web', image: 'nginx', essential: true, portMappings: [{ containerPort: 80 }] },
      ],
    }).taskDefinition.taskDefinitionArn;
    const subnets = w.ok('ec2:DescribeSubnets').Subnets.map((s: any) => s.SubnetId);
    return { w, td, subnets };
  }

  it('runs without instances, spread across the zones of the given subnets', () => {
    const { w, td, subnets } = fargateWorld();
    const out = w.ok('ecs:RunTask', {
      cluster: 'Royaume',
      taskDefinition: td,
      launchType: 'FARGATE',
      count: 3,
      networkConfiguration: { awsvpcConfiguration: { subnets, assignPublicIp: 'ENABLED' } },
    });
    expect(out.tasks.map((t: any) => t.availabilityZone).sort()).toEqual([
      'za-southwest-1a',
      'za-southwest-1b',
      'za-southwest-1c',
    ]);
    expect(out.tasks[0].containerInstanceArn).toBeUndefined();
    expect(out.tasks[0].attachments[0].type).toBe('ElasticNetworkInterface');
    w.tick(30);
    expect(w.running().length).toBe(3);
  });

  it('needs a network configuration', () => {
    const { w, td } = fargateWorld();
    expect(
      w.err('ecs:RunTask', { cluster: 'Royaume', taskDefinition: td, launchType: 'FARGATE' }).message,
    ).toBe("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  });

  it('a service on Fargate heals after a zone goes dark', () => {
    const { w, td, subnets } = fargateWorld();
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'managed',
      taskDefinition: td,
      desiredCount: 3,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets } },
    });
    w.tick(60);
    expect(w.service('managed').runningCount).toBe(3);
    w.ok('sim:FailAvailabilityZone', { availabilityZone: 'za-southwest-1a' });
    w.tick(90);
    const zones = w.running('managed').map((t) => t.availabilityZone);
    expect(zones).toHaveLength(3);
    expect(zones).not.toContain('za-southwest-1a');
  });
});
