/**
 * The Inspector's facts for issue 16's fidelity fixes: a service lists its deployments (a FAILED one stays
 * while its rollback runs), and a road no door leads to says why its stops are unused, not failing.
 */
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../src/ui/inspector-facts.ts';
import { revision } from '../support/deployments.ts';
import { alb, registerWebWithPort } from '../support/elb.ts';
import { kingdom } from '../support/world.ts';

const fact = (facts: [string, string][], label: string) => facts.find(([k]) => k === label)?.[1];

describe('Inspector facts', () => {
  it('a service lists its deployments: the failed one, FAILED, beside the rollback under way', () => {
    const w = kingdom();
    const td1 = revision(w, 'web', 'nginx:1.27');
    w.ok('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: td1,
      desiredCount: 2,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    w.tick(80);
    w.ok('sim:SetImageBehavior', { image: 'broken:1', mode: 'fail-to-start' });
    w.ok('ecs:UpdateService', {
      cluster: 'Royaume',
      service: 'mill',
      taskDefinition: revision(w, 'web', 'broken:1'),
    });
    for (let i = 0; i < 300 && !w.events.some((e) => e.type === 'deployment/rolledBack'); i++) w.tick(1);
    const svc = w.state.services.values()[0];
    const sel = { kind: 'service', id: svc?.serviceArn } as never;
    expect(fact(factsOf(w.state, sel, 'aws'), 'Deployments')).toBe(
      'PRIMARY web:1 IN_PROGRESS · ACTIVE web:2 FAILED · ACTIVE web:1 COMPLETED',
    );
    expect(fact(factsOf(w.state, sel, 'nozama'), 'Renovations')).toBe(
      'web, edition 1 under way (the decree’s aim) · web, edition 2 failed · web, edition 1 done',
    );
  });

  it('a road no door leads to: its stops are unused, and the Inspector says it is not failing', () => {
    const w = kingdom();
    const lb = alb(w, { waitActive: true });
    w.ok('elbv2:DeleteListener', { ListenerArn: lb.listener8080 });
    w.ok('elbv2:RegisterTargets', {
      TargetGroupArn: lb.green,
      Targets: [{ Id: w.state.instances.keys()[0], Port: 80 }],
    });
    registerWebWithPort(w);
    const sel = { kind: 'targetGroup', id: lb.green } as never;
    expect(fact(factsOf(w.state, sel, 'aws'), 'Why unused')).toMatch(
      /^No listener forwards to this target group/,
    );
    expect(fact(factsOf(w.state, sel, 'aws'), 'Targets')).toBe('1 unused');
    expect(
      fact(factsOf(w.state, { kind: 'targetGroup', id: lb.blue } as never, 'aws'), 'Why unused'),
    ).toBeUndefined();
  });
});
