import { describe, expect, it } from 'vitest';
import { isHealthy } from '../../src/model/ecs/task-lifecycle.ts';
import { kingdom, type World } from '../support/world.ts';

function mill(w: World, desiredCount: number, extra: Record<string, unknown> = {}, td = w.registerWeb()) {
  return w.ok('ecs:CreateService', {
    cluster: 'Royaume',
    serviceName: 'mill',
    taskDefinition: td,
    desiredCount,
    ...extra,
  }).service;
}

const zonesOf = (w: World, name = 'mill') => {
  const zones = w.running(name).map((t) => t.availabilityZone.slice(-1));
  return ['a', 'b', 'c'].map((z) => zones.filter((x) => x === z).length);
};

describe('CreateService', () => {
  it('has the documented defaults and starts a PRIMARY deployment', () => {
    const w = kingdom();
    const s = mill(w, 2);
    expect(s).toMatchObject({
      status: 'ACTIVE',
      desiredCount: 2,
      runningCount: 0,
      launchType: 'EC2',
      schedulingStrategy: 'REPLICA',
      deploymentController: { type: 'ECS' },
      deploymentConfiguration: {
        minimumHealthyPercent: 100,
        maximumPercent: 200,
        deploymentCircuitBreaker: { enable: false, rollback: false },
      },
      availabilityZoneRebalancing: 'ENABLED',
    });
    expect(s.deployments).toHaveLength(1);
    expect(s.deployments[0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' });
    expect(s.deployments[0].id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(s.serviceArn).toBe('arn:aws:ecs:za-southwest-1:123456789012:service/Royaume/mill');
  });

  it('reaches steady state with ECS event texts', () => {
    const w = kingdom();
    mill(w, 3);
    w.tick(60);
    const s = w.service('mill');
    expect(s.runningCount).toBe(3);
    expect(s.deployments[0].rolloutState).toBe('COMPLETED');
    const messages = s.events.map((e: any) => e.message);
    expect(messages[0]).toBe('(service mill) has reached a steady state.');
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^\(service mill\) has started 3 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/,
      ),
    );
    expect(s.events[0]).toMatchObject({ id: expect.any(String), createdAt: expect.any(Number) });
  });

  it.each([
    [{ serviceName: 'mill' }, 'InvalidParameterException', 'Creation of service was not idempotent.'],
    [{ desiredCount: undefined }, 'InvalidParameterException', null],
    [{ deploymentConfiguration: { maximumPercent: 50 } }, 'InvalidParameterException', null],
    [{ taskDefinition: 'ghost' }, 'ClientException', null],
    [{ deploymentController: { type: 'EXTERNAL' } }, 'InvalidParameterException', null],
  ])('refuses %j', (extra, name, message) => {
    const w = kingdom();
    const td = w.registerWeb();
    mill(w, 1, {}, td);
    const before = w.state;
    const input: Record<string, unknown> = {
      cluster: 'Royaume',
      serviceName: 'mill2',
      taskDefinition: td,
      desiredCount: 1,
      ...extra,
    };
    if ('desiredCount' in extra && extra.desiredCount === undefined) delete input.desiredCount;
    const err = w.err('ecs:CreateService', input);
    expect([name, 'InvalidParameterException']).toContain(err.name);
    if (message) expect(err.message).toBe(message);
    expect(w.state).toBe(before);
  });
});

describe('placement for services', () => {
  it('spreads across zones by default: 6 on 3 zones is 2/2/2', () => {
    const w = kingdom(['a', 'a', 'b', 'b', 'c', 'c']);
    mill(w, 6);
    w.tick(30);
    expect(zonesOf(w)).toEqual([2, 2, 2]);
  });

  it('distinctInstance puts one development per territory, and says so when it runs out', () => {
    const w = kingdom(['a', 'b', 'c', 'a', 'b', 'c']);
    mill(w, 6, { placementConstraints: [{ type: 'distinctInstance' }] });
    w.tick(30);
    expect(new Set(w.running('mill').map((t) => t.containerInstanceArn)).size).toBe(6);
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', desiredCount: 7 });
    w.tick(5);
    const msg = w.service('mill').events[0].message;
    expect(msg).toMatch(
      /^\(service mill\) was unable to place a task because no container instance met all of its requirements\. The closest matching \(container-instance [0-9a-f]{32}\) encountered error "DistinctInstance placement constraint unsatisfied\."/,
    );
  });

  it('binpack on memory uses the fewest territories', () => {
    const w = kingdom(['a', 'b', 'c']);
    mill(w, 6, { placementStrategy: [{ type: 'binpack', field: 'memory' }] }, w.registerWeb('web', 512, 128));
    w.tick(30);
    expect(new Set(w.running('mill').map((t) => t.containerInstanceArn)).size).toBe(1);
    expect(w.service('mill').availabilityZoneRebalancing).toBe('DISABLED');
  });

  it('reports insufficient memory on the closest instance', () => {
    const w = kingdom(['a'], 't3.small');
    mill(w, 1, {}, w.registerWeb('huge', 3000));
    w.tick(5);
    expect(w.service('mill').events[0].message).toContain('has insufficient memory available.');
  });
});

describe('healing', () => {
  it('replaces a development whose building burned down', () => {
    const w = kingdom(['a']);
    mill(w, 1);
    w.tick(30);
    const [t] = w.running('mill');
    w.ok('sim:CrashContainer', { cluster: 'Royaume', task: t!.taskArn });
    w.tick(20);
    const now = w.running('mill');
    expect(now).toHaveLength(1);
    expect(now[0]!.taskArn).not.toBe(t!.taskArn);
    expect(
      w
        .service('mill')
        .events.some(
          (e: any) =>
            e.message.startsWith('(service mill) has stopped') ||
            e.message.startsWith('(service mill) has started 1 tasks'),
        ),
    ).toBe(true);
  });

  it('survives a portal collapse because it was spread', () => {
    const w = kingdom(['a', 'a', 'b', 'b', 'c', 'c']);
    mill(w, 6);
    w.tick(30);
    w.ok('sim:FailAvailabilityZone', { availabilityZone: 'za-southwest-1b' });
    expect(w.running('mill').length).toBe(4);
    w.tick(30);
    expect(w.running('mill').length).toBe(6);
    expect(zonesOf(w)[1]).toBe(0);
    const lost = w.tasks((t) => t.stoppedReason?.startsWith('Host EC2') ?? false);
    expect(lost).toHaveLength(2);
    w.ok('sim:RestoreAvailabilityZone', { availabilityZone: 'za-southwest-1b' });
    w.tick(60);
    expect(w.state.containerInstances.values().filter((c) => c.agentConnected)).toHaveLength(6);
  });

  it('backs off when tasks keep failing to start, and says so', () => {
    const w = kingdom(['a']);
    w.ok('sim:SetImageBehavior', { image: 'nginx:1.27', mode: 'fail-to-start' });
    mill(w, 1);
    w.tick(600);
    const messages = w.service('mill').events.map((e: any) => e.message);
    expect(messages).toContain(
      '(service mill) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section.',
    );
    const attempts = w.tasks((t) => t.serviceName === 'mill').length;
    expect(attempts).toBeLessThan(20);
    expect(attempts).toBeGreaterThan(3);
    // A new task definition ends the backoff at once.
    w.ok('ecs:UpdateService', {
      cluster: 'Royaume',
      service: 'mill',
      taskDefinition: w.registerWeb('fixed', 256, 128, { image: 'nginx:1.28' }),
    });
    w.tick(15);
    expect(w.running('mill')).toHaveLength(1);
  });
});

describe('rolling updates within minimumHealthyPercent and maximumPercent', () => {
  it.each([
    // desired, min, max: the official worked examples and a few more
    [4, 50, 200],
    [4, 50, 100],
    [4, 100, 200],
    [4, 100, 125],
    [3, 0, 100],
    [6, 75, 150],
  ])(
    'desired %i, min %i, max %i: never above the max or below the min, and completes',
    (desired, min, max) => {
      const w = kingdom(['a', 'b', 'c', 'a', 'b', 'c']);
      mill(w, desired, { deploymentConfiguration: { minimumHealthyPercent: min, maximumPercent: max } });
      w.tick(90);
      const maxTasks = Math.floor((desired * max) / 100);
      const minHealthy = Math.ceil((desired * min) / 100);
      w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: w.registerWeb() });
      for (let i = 0; i < 400; i++) {
        w.tick(1);
        const live = w.liveTasks('mill').filter((t) => t.lastStatus !== 'STOPPED');
        expect(live.length).toBeLessThanOrEqual(Math.max(maxTasks, desired));
        expect(live.filter((t) => isHealthy(t, w.state.now)).length).toBeGreaterThanOrEqual(minHealthy);
      }
      const s = w.service('mill');
      expect(s.deployments).toHaveLength(1);
      expect(s.deployments[0].rolloutState).toBe('COMPLETED');
      expect(s.runningCount).toBe(desired);
      expect(w.running('mill').every((t) => t.taskDefinitionArn.endsWith(':2'))).toBe(true);
    },
  );

  it('min 100% and max 100% can neither stop nor start: ECS says so', () => {
    const w = kingdom(['a', 'b']);
    mill(w, 2, { deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 } });
    w.tick(90);
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', taskDefinition: w.registerWeb() });
    w.tick(5);
    expect(w.service('mill').events[0].message).toBe(
      '(service mill) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.',
    );
  });

  it('changing only desiredCount does not start a deployment', () => {
    const w = kingdom();
    mill(w, 2);
    w.tick(60);
    const s = w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', desiredCount: 4 }).service;
    expect(s.deployments).toHaveLength(1);
    w.tick(30);
    expect(w.service('mill').runningCount).toBe(4);
  });

  it('scale-in takes from the zone with the most', () => {
    const w = kingdom(['a', 'a', 'b', 'c']);
    mill(w, 4);
    w.tick(30);
    w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', desiredCount: 3 });
    w.tick(10);
    expect(zonesOf(w)).toEqual([1, 1, 1]);
  });
});

describe('draining', () => {
  it('replaces service tasks on a DRAINING instance elsewhere, within the bounds', () => {
    const w = kingdom(['a', 'b', 'c']);
    mill(w, 3, { deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 } });
    w.tick(60);
    const victim = w.running('mill')[0]!.containerInstanceArn!;
    w.ok('ecs:UpdateContainerInstancesState', {
      cluster: 'Royaume',
      containerInstances: [victim],
      status: 'DRAINING',
    });
    for (let i = 0; i < 120; i++) {
      w.tick(1);
      expect(w.liveTasks('mill').filter((t) => isHealthy(t, w.state.now)).length).toBeGreaterThanOrEqual(3);
    }
    expect(w.running('mill').some((t) => t.containerInstanceArn === victim)).toBe(false);
    expect(w.service('mill').runningCount).toBe(3);
  });
});

describe('DeleteService', () => {
  it('refuses while scaled above 0, then drains to INACTIVE', () => {
    const w = kingdom();
    mill(w, 2);
    w.tick(30);
    expect(w.err('ecs:DeleteService', { cluster: 'Royaume', service: 'mill' }).message).toBe(
      'The service cannot be stopped while it is scaled above 0.',
    );
    expect(
      w.ok('ecs:DeleteService', { cluster: 'Royaume', service: 'mill', force: true }).service.status,
    ).toBe('DRAINING');
    expect(w.ok('ecs:ListServices', { cluster: 'Royaume' }).serviceArns).toEqual([]);
    w.tick(30);
    expect(w.service('mill').status).toBe('INACTIVE');
    expect(w.running('mill')).toEqual([]);
  });
});

describe('DAEMON services', () => {
  it('run one task on every ACTIVE instance', () => {
    const w = kingdom(['a', 'b', 'c']);
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'watch',
      taskDefinition: w.registerWeb('watch', 64, 32),
      schedulingStrategy: 'DAEMON',
    });
    w.tick(30);
    expect(new Set(w.running('watch').map((t) => t.containerInstanceArn)).size).toBe(3);
    expect(w.service('watch').desiredCount).toBe(3);
  });
});

describe('AZ rebalancing', () => {
  function outage(rebalancing: 'ENABLED' | 'DISABLED') {
    const w = kingdom(['a', 'a', 'b', 'b', 'c', 'c']);
    mill(w, 6, { availabilityZoneRebalancing: rebalancing });
    w.tick(60);
    w.ok('sim:FailAvailabilityZone', { availabilityZone: 'za-southwest-1c' });
    w.tick(60);
    expect(zonesOf(w)).toEqual([3, 3, 0]);
    w.ok('sim:RestoreAvailabilityZone', { availabilityZone: 'za-southwest-1c' });
    return w;
  }

  it('ENABLED (the default): evens the zones again when capacity returns, within maximumPercent', () => {
    const w = outage('ENABLED');
    for (let i = 0; i < 600; i++) {
      w.tick(1);
      expect(w.liveTasks('mill').length).toBeLessThanOrEqual(12);
    }
    expect(zonesOf(w)).toEqual([2, 2, 2]);
    const messages = w.service('mill').events.map((e: any) => e.message);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^service \(mill\) is not AZ balanced with 3 tasks in za-southwest-1a, 3 tasks in za-southwest-1b, 0 tasks in za-southwest-1c\. AZ Rebalancing in progress\.$/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^mill has started 1 tasks in Availability Zone za-southwest-1c to AZ Rebalance: \(task [0-9a-f]{32}\)\.$/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^mill has stopped 1 running tasks in Availability Zone za-southwest-1[ab] due to AZ rebalancing: \(task [0-9a-f]{32}\)\.$/,
      ),
    );
    expect(w.service('mill').runningCount).toBe(6);
  });

  it('DISABLED: running tasks are never moved when capacity returns', () => {
    const w = outage('DISABLED');
    w.tick(600);
    expect(zonesOf(w)).toEqual([3, 3, 0]);
  });
});
