/**
 * UpdateService puts a standing service behind a load balancer, moves it to another target group, or
 * takes it out (an empty list), each as a new deployment; what AWS refuses changes nothing.
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html (loadBalancers,
 * serviceRegistries: an empty list removes them; both start a new deployment),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/update-service-parameters.html.
 */
import { describe, expect, it } from 'vitest';
import { alb, createTargetGroup, registerWebWithPort, states } from '../support/elb.ts';
import { kingdom, type World } from '../support/world.ts';

function millWithoutGate(w: World): string {
  const td = registerWebWithPort(w);
  w.ok('ecs:CreateService', { cluster: 'Royaume', serviceName: 'mill', taskDefinition: td, desiredCount: 2 });
  w.tick(60);
  return td;
}

const onRoad = (targetGroupArn: string, containerPort = 80) => [
  { targetGroupArn, containerName: 'web', containerPort },
];

describe('UpdateService loadBalancers (rolling update controller)', () => {
  it('puts a standing service behind the gate: a new deployment whose tasks become healthy targets', () => {
    const w = kingdom();
    const lb = alb(w, { waitActive: true, groups: ['blue'] });
    millWithoutGate(w);
    expect(w.service('mill').loadBalancers).toEqual([]);
    const out = w.ok('ecs:UpdateService', {
      cluster: 'Royaume',
      service: 'mill',
      loadBalancers: onRoad(lb.blue),
      healthCheckGracePeriodSeconds: 30,
    }).service;
    expect(out.deployments).toHaveLength(2);
    expect(out.deployments[0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' });
    expect(out.loadBalancers).toEqual(onRoad(lb.blue));
    expect(out.healthCheckGracePeriodSeconds).toBe(30);
    w.tick(300);
    expect(w.service('mill').deployments).toHaveLength(1);
    expect(w.running('mill')).toHaveLength(2);
    expect(w.running('mill').every((t) => t.loadBalancers?.[0]?.targetGroupArn === lb.blue)).toBe(true);
    expect(states(w, lb.blue)).toEqual(['healthy', 'healthy']);
  });

  it('an empty list takes the service out from behind the gate: its targets leave the group', () => {
    const w = kingdom();
    const lb = alb(w, { waitActive: true, groups: ['blue'] });
    const td = registerWebWithPort(w);
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: td,
      desiredCount: 2,
      loadBalancers: onRoad(lb.blue),
    });
    w.tick(120);
    expect(states(w, lb.blue)).toEqual(['healthy', 'healthy']);
    const out = w.ok('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', loadBalancers: [] }).service;
    expect(out.deployments).toHaveLength(2);
    expect(out.loadBalancers).toEqual([]);
    w.tick(900);
    expect(w.running('mill')).toHaveLength(2);
    expect(w.running('mill').every((t) => (t.loadBalancers ?? []).length === 0)).toBe(true);
    expect(states(w, lb.blue)).toEqual([]);
  });

  it.each([
    [
      'a target group of another target type',
      (w: World) => onRoad(alb(w, { groups: ['by-ip'], targetType: 'ip' }).blue),
      'which is incompatible with the bridge network mode specified in the task definition.',
    ],
    [
      'a target group no load balancer uses',
      (w: World) => onRoad(createTargetGroup(w, 'loose')),
      'does not have an associated load balancer.',
    ],
    [
      'a container port the task definition does not map',
      (w: World) => onRoad(alb(w, { groups: ['blue'] }).blue, 8080),
      'The container web did not have a container port 8080 defined.',
    ],
    [
      'a target group that does not exist',
      () =>
        onRoad('arn:aws:elasticloadbalancing:za-southwest-1:123456789012:targetgroup/nope/0123456789abcdef'),
      'does not exist.',
    ],
  ])('refuses %s with InvalidParameterException and changes nothing', (_label, lbs, message) => {
    const w = kingdom();
    millWithoutGate(w);
    const loadBalancers = lbs(w);
    const before = w.state;
    const e = w.err('ecs:UpdateService', { cluster: 'Royaume', service: 'mill', loadBalancers });
    expect(e.name).toBe('InvalidParameterException');
    expect(e.message).toContain(message);
    expect(w.state).toBe(before);
  });

  it('serviceRegistries: an empty list starts a deployment, a registry is refused (Cloud Map is not modelled)', () => {
    const w = kingdom();
    millWithoutGate(w);
    const before = w.state;
    const e = w.err('ecs:UpdateService', {
      cluster: 'Royaume',
      service: 'mill',
      serviceRegistries: [
        { registryArn: 'arn:aws:servicediscovery:za-southwest-1:123456789012:service/srv-1' },
      ],
    });
    expect(e.name).toBe('InvalidParameterException');
    expect(e.message).toContain('serviceRegistries');
    expect(w.state).toBe(before);
    const out = w.ok('ecs:UpdateService', {
      cluster: 'Royaume',
      service: 'mill',
      serviceRegistries: [],
    }).service;
    expect(out.deployments).toHaveLength(2);
    expect(out.serviceRegistries).toEqual([]);
  });
});
