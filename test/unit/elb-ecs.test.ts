import { describe, expect, it } from 'vitest';
import { isTaskHealthyForService, targetsOfTask } from '../../src/model/ecs/elb-ecs.ts';
import { Ctx } from '../../src/model/sim/ctx.ts';
import { type Alb, alb, createTargetGroup, health, registerWebWithPort, states } from '../support/elb.ts';
import { kingdom, type World } from '../support/world.ts';

function service(
  w: World,
  a: Alb,
  desiredCount: number,
  extra: Record<string, unknown> = {},
  td = registerWebWithPort(w),
) {
  return w.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: td,
    desiredCount,
    loadBalancers: [{ targetGroupArn: a.blue, containerName: 'web', containerPort: 80 }],
    ...extra,
  }).service;
}

const messages = (w: World) =>
  w.service('mill').events.map((e: { message: string }) => e.message) as string[];
const healthy = (w: World, taskArn: string) =>
  isTaskHealthyForService(new Ctx(w.state, w.state.defaultRegion), w.state.tasks.get(taskArn) as never);

describe('CreateService loadBalancers validation', () => {
  it.each([
    [
      'a group no load balancer uses',
      (_a: Alb, spare: string) => [{ targetGroupArn: spare, containerName: 'web', containerPort: 80 }],
      /does not have an associated load balancer/,
    ],
    [
      'an unknown group',
      (a: Alb) => [{ targetGroupArn: `${a.blue}0`, containerName: 'web', containerPort: 80 }],
      /does not exist/,
    ],
    [
      'an unknown container',
      (a: Alb) => [{ targetGroupArn: a.blue, containerName: 'api', containerPort: 80 }],
      /^The container api does not exist in the task definition\.$/,
    ],
    [
      'a port the container does not map',
      (a: Alb) => [{ targetGroupArn: a.blue, containerName: 'web', containerPort: 8080 }],
      /^The container web did not have a container port 8080 defined\.$/,
    ],
    [
      'no container name',
      (a: Alb) => [{ targetGroupArn: a.blue, containerPort: 80 }],
      /Container Name can not be blank/,
    ],
    [
      'six target groups',
      (a: Alb) =>
        Array.from({ length: 6 }, () => ({
          targetGroupArn: a.blue,
          containerName: 'web',
          containerPort: 80,
        })),
      /at most 5/,
    ],
  ])('rejects %s with InvalidParameterException', (_case, make, message) => {
    const w = kingdom();
    const a = alb(w);
    const spare = createTargetGroup(w, 'spare');
    const e = w.err('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: registerWebWithPort(w),
      desiredCount: 1,
      loadBalancers: make(a, spare),
    });
    expect(e.name).toBe('InvalidParameterException');
    expect(e.message).toMatch(message);
  });

  it.each([
    ['awsvpc', 'instance'],
    ['bridge', 'ip'],
  ] as const)('%s tasks with target type %s are refused', (mode, type) => {
    const w = kingdom();
    const a = alb(w, { targetType: type });
    const e = w.err('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: registerWebWithPort(w, 'web', mode),
      desiredCount: 1,
      ...(mode === 'awsvpc'
        ? {
            networkConfiguration: {
              awsvpcConfiguration: {
                subnets: [w.state.instances.get(w.state.instances.keys()[0] as string)?.subnetId],
              },
            },
          }
        : {}),
      loadBalancers: [{ targetGroupArn: a.blue, containerName: 'web', containerPort: 80 }],
    });
    expect(e.message).toBe(
      `The provided target group ${a.blue} has target type ${type}, which is incompatible with the ${mode} network mode specified in the task definition.`,
    );
  });
});

describe('service tasks behind a target group', () => {
  it('registers RUNNING tasks (instance id + dynamic host port) with ECS event text; healthy when the group says so', () => {
    const w = kingdom();
    const a = alb(w);
    service(w, a, 2);
    w.tick(8);
    const running = w.running('mill');
    expect(running).toHaveLength(2);
    const targets = health(w, a.blue);
    expect(targets.map((d) => d.Target.Id).sort()).toEqual(running.map((t) => t.ec2InstanceId).sort());
    expect(targets.every((d) => d.Target.Port >= 49153)).toBe(true);
    expect(messages(w)).toContain(`(service mill) registered 2 targets in (target-group ${a.blue})`);
    const t = running[0]?.taskArn as string;
    expect(healthy(w, t)).toBe(false);
    w.tick(6);
    expect(states(w, a.blue)).toEqual(['healthy', 'healthy']);
    expect(healthy(w, t)).toBe(true);
    expect(targetsOfTask(w.state, t)).toHaveLength(1);
  });

  it('awsvpc tasks register their private IP and the container port (target type ip)', () => {
    const w = kingdom();
    const a = alb(w, { targetType: 'ip' });
    const subnet = w.state.instances.get(w.state.instances.keys()[0] as string)?.subnetId;
    service(
      w,
      a,
      1,
      { networkConfiguration: { awsvpcConfiguration: { subnets: [subnet] } } },
      registerWebWithPort(w, 'web', 'awsvpc'),
    );
    w.tick(15);
    const task = w.running('mill')[0];
    expect(health(w, a.blue)[0].Target).toEqual({
      Id: task?.privateIpv4Address,
      Port: 80,
      AvailabilityZone: task?.availabilityZone,
    });
  });

  it('scale-in behind a group: one draining event counting every task, kept when the next events arrive', () => {
    const w = kingdom();
    const a = alb(w, { deregistrationDelay: 20 });
    service(w, a, 3);
    w.tick(20);
    expect(w.running('mill')).toHaveLength(3);
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', desiredCount: 1 });
    w.tick(1);
    const msgs = messages(w);
    expect(msgs).toContain('(service mill) has begun draining connections on 2 tasks.');
    expect(msgs.some((m) => /has stopped 2 running tasks/.test(m))).toBe(true);
    expect(msgs.filter((m) => /has begun draining/.test(m))).toHaveLength(1);
    w.tick(40);
    expect(messages(w)).toContain('(service mill) has begun draining connections on 2 tasks.');
  });

  it('StopTask drains first: the task stays RUNNING for the deregistration delay, then stops', () => {
    const w = kingdom();
    const a = alb(w, { deregistrationDelay: 20 });
    service(w, a, 1, { desiredCount: 1 });
    w.tick(15);
    const t = w.running('mill')[0]?.taskArn as string;
    w.ok('ecs:StopTask', { cluster: 'Royaume', task: t });
    expect(w.state.tasks.get(t)).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'STOPPED' });
    expect(messages(w)).toContain('(service mill) has begun draining connections on 1 tasks.');
    expect(states(w, a.blue)).toContain('draining');
    w.tick(19);
    expect(w.state.tasks.get(t)?.lastStatus).toBe('RUNNING');
    w.tick(1);
    expect(w.state.tasks.get(t)?.lastStatus).toBe('STOPPING');
    expect(targetsOfTask(w.state, t)).toEqual([]);
  });

  it('a zero deregistration delay stops at once', () => {
    const w = kingdom();
    const a = alb(w, { deregistrationDelay: 0 });
    service(w, a, 1);
    w.tick(15);
    const t = w.running('mill')[0]?.taskArn as string;
    w.ok('ecs:StopTask', { cluster: 'Royaume', task: t });
    expect(targetsOfTask(w.state, t)).toEqual([]);
    w.tick(1);
    expect(w.state.tasks.get(t)?.lastStatus).toBe('STOPPING');
  });

  it('a task whose host is lost stops at once and its target is removed', () => {
    const w = kingdom();
    const a = alb(w);
    service(w, a, 1);
    w.tick(15);
    const task = w.running('mill')[0];
    w.ok('sim:LoseInstance', { instanceId: task?.ec2InstanceId });
    expect(w.state.tasks.get(task?.taskArn as string)?.lastStatus).toBe('STOPPED');
    w.tick(1);
    expect(targetsOfTask(w.state, task?.taskArn as string)).toEqual([]);
  });

  it('a bad revision (errorRate 1) turns unhealthy after 2 checks; ECS stops and replaces the task', () => {
    const w = kingdom();
    const a = alb(w, { deregistrationDelay: 0, groupInput: { HealthCheckIntervalSeconds: 10 } });
    w.ok('sim:SetBehavior', { Image: 'nginx:1.27', ErrorRate: 1 });
    service(w, a, 1);
    w.tick(8);
    const first = w.running('mill')[0]?.taskArn as string;
    w.tick(5 + 10);
    expect(states(w, a.blue)).toEqual([]);
    const stopped = w.state.tasks.get(first);
    expect(stopped?.desiredStatus).toBe('STOPPED');
    expect(stopped?.stoppedReason).toBe(`Task failed ELB health checks in (target-group ${a.blue})`);
    const id = first.slice(first.lastIndexOf('/') + 1);
    expect(messages(w)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^\\(service mill\\) \\(task ${id}\\) \\(instance i-[0-9a-f]+\\) \\(port \\d+\\) is unhealthy in \\(target-group web-blue\\) due to \\(reason Health checks failed with these codes: \\[500\\]\\)$`,
        ),
      ),
    );
    w.tick(10);
    expect(w.liveTasks('mill').filter((t) => t.taskArn !== first)).toHaveLength(1);
  });

  it('the grace period holds off the stop', () => {
    const w = kingdom();
    const a = alb(w, { groupInput: { HealthCheckIntervalSeconds: 10 } });
    w.ok('sim:SetBehavior', { Image: 'nginx:1.27', ErrorRate: 1 });
    service(w, a, 1, { healthCheckGracePeriodSeconds: 60 });
    w.tick(8);
    const t = w.running('mill')[0]?.taskArn as string;
    w.tick(30);
    expect(states(w, a.blue)).toEqual(['unhealthy']);
    expect(w.state.tasks.get(t)?.desiredStatus).toBe('RUNNING');
    w.tick(40);
    expect(w.state.tasks.get(t)?.desiredStatus).toBe('STOPPED');
  });

  it('DeleteTargetGroup is ResourceInUse while an ECS service names the group', () => {
    const w = kingdom();
    const a = alb(w);
    service(w, a, 0);
    w.ok('elbv2:ModifyListener', {
      ListenerArn: a.listener80,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: a.green }],
    });
    expect(w.err('elbv2:DeleteTargetGroup', { TargetGroupArn: a.blue }).name).toBe('ResourceInUse');
  });
});
