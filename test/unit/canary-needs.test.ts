/**
 * Free play's guide: the "what a canary needs" checklist reads the world (not the player's clicks), and
 * the blueprints' calls, sent in order through a session from an empty world, lay down everything but
 * the renovation; a canary with the watchtower then ends rolled back.
 */
import { describe, expect, it } from 'vitest';
import type { Call } from '../../src/model/index.ts';
import { advance, createSession, dispatch, type Session } from '../../src/session/index.ts';
import {
  BLUEPRINTS,
  type BlueprintId,
  type BlueprintNames,
  blueprintPlan,
  defaultNames,
} from '../../src/ui/guide/blueprint-plans.ts';
import { readCanaryNeeds } from '../../src/ui/guide/canary-needs.ts';

const REGION = 'za-southwest-1';

class Play {
  s: Session = createSession({ seed: 7 }).session;
  here = () => ({ sim: this.s.sim, ui: { region: REGION } });
  send(call: Call) {
    const out = dispatch(this.s, call);
    const response = out.calls[0]?.response;
    if (!response || 'error' in response) throw new Error(`${call.action}: ${JSON.stringify(response)}`);
    this.s = out.session;
    return response.output;
  }
  /** Runs a blueprint as the view does: each planned call built against the world as it is then. */
  lay(id: BlueprintId, names: BlueprintNames = defaultNames(this.here())) {
    const plan = blueprintPlan(id, this.here(), names, 'aws', this.here);
    const sent: string[] = [];
    for (const step of plan) {
      if (step.standing) continue;
      const output = this.send(step.build());
      step.capture?.(output);
      sent.push(step.build().action);
    }
    return { plan, sent };
  }
  wait(seconds: number) {
    this.s = advance(this.s, seconds).session;
  }
  needs() {
    return readCanaryNeeds(this.s.sim, REGION);
  }
  done() {
    return this.needs()
      .needs.filter((n) => n.done)
      .map((n) => n.id);
  }
}

const CANARY_WITH_WATCHTOWER = (edition: string, alarm: string): Call => ({
  action: 'ecs:UpdateService',
  input: {
    cluster: 'Royaume',
    service: 'mill',
    taskDefinition: edition,
    deploymentConfiguration: {
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 2 },
      bakeTimeInMinutes: 1,
      alarms: { alarmNames: [alarm], enable: true, rollback: true },
    },
  },
});

describe('what a canary needs, read from the world', () => {
  it('an empty world needs everything; each blueprint ticks its items; the canary is rolled back', () => {
    const p = new Play();
    expect(p.needs()).toMatchObject({ decree: null, outcome: null });
    expect(p.done()).toEqual([]);
    expect(p.needs().needs.map((n) => [n.id, n.panel, n.optional])).toEqual([
      ['gate', 'gate', false],
      ['decree', 'decree', false],
      ['travelers', 'traffic', false],
      ['edition', 'plan', false],
      ['curse', 'traffic', true],
      ['watchtower', 'watchtower', false],
      ['renovation', 'renovation', false],
    ]);

    const gate = p.lay('gate');
    expect(gate.sent).toEqual([
      'ecs:CreateCluster',
      'ec2:RunInstances',
      'ec2:RunInstances',
      'ec2:RunInstances',
      'ecs:RegisterTaskDefinition',
      'elbv2:CreateLoadBalancer',
      'elbv2:CreateTargetGroup',
      'elbv2:CreateTargetGroup',
      'elbv2:CreateListener',
      'elbv2:CreateListener',
      'ecs:CreateService',
    ]);
    expect(p.done()).toEqual(['gate', 'decree']);
    expect(p.needs().needs[1]).toMatchObject({ found: 'mill' });
    p.wait(120);

    p.lay('travelers');
    expect(p.done()).toEqual(['gate', 'decree', 'travelers']);
    p.lay('cursedEdition');
    expect(p.done()).toEqual(['gate', 'decree', 'travelers', 'edition', 'curse']);
    expect(p.needs().needs[3]).toMatchObject({ found: 'mill:2' });
    p.lay('watchtower');
    expect(p.done()).toEqual(['gate', 'decree', 'travelers', 'edition', 'curse', 'watchtower']);

    // Laid again, a blueprint finds its things standing and asks for nothing twice.
    expect(p.lay('gate').sent).toEqual([]);
    expect(p.lay('watchtower').sent).toEqual([]);
    expect(p.lay('cursedEdition').sent).toEqual([]);
    expect(p.lay('travelers').sent).toEqual([]);

    p.send(CANARY_WITH_WATCHTOWER('mill:2', 'mill-5xx'));
    expect(p.done()).toContain('renovation');
    expect(p.needs().outcome).toBeNull();
    p.wait(600);
    expect(p.needs().outcome).toBe('rolledBack');
  });

  it('a renovation without a watchtower that may roll it back does not tick', () => {
    const p = new Play();
    for (const id of BLUEPRINTS) p.lay(id);
    p.wait(120);
    const { input } = CANARY_WITH_WATCHTOWER('mill:2', 'mill-5xx');
    const dc = (input as { deploymentConfiguration: Record<string, unknown> }).deploymentConfiguration;
    p.send({
      action: 'ecs:UpdateService',
      input: {
        ...input,
        deploymentConfiguration: {
          ...dc,
          alarms: { alarmNames: ['mill-5xx'], enable: true, rollback: false },
        },
      },
    });
    expect(p.done()).not.toContain('renovation');
  });

  it('a decree without a gate does not count; the gate blueprint puts it behind with UpdateService', () => {
    const p = new Play();
    p.send({ action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } });
    p.send({
      action: 'ecs:RegisterTaskDefinition',
      input: {
        family: 'mill',
        containerDefinitions: [
          {
            name: 'web',
            image: 'nginx:1.27',
            cpu: 256,
            memory: 512,
            portMappings: [{ containerPort: 80, hostPort: 0 }],
          },
        ],
      },
    });
    p.send({
      action: 'ecs:CreateService',
      input: { cluster: 'Royaume', serviceName: 'mill', taskDefinition: 'mill:1', desiredCount: 2 },
    });
    expect(p.done()).toEqual([]);
    const gate = p.lay('gate');
    expect(gate.plan.filter((s) => s.standing).length).toBe(2);
    expect(gate.sent.at(-1)).toBe('ecs:UpdateService');
    expect(p.done()).toEqual(['gate', 'decree']);
    expect(p.s.sim.services.values()[0]?.deployments).toHaveLength(2);
  });

  it('names the player changed are the names the calls use', () => {
    const p = new Play();
    const names = { kingdom: 'Avalon', decree: 'bakery', gate: 'east', watchtower: 'bakery-alarm' };
    p.lay('gate', names);
    p.wait(60);
    p.lay('travelers', names);
    p.lay('watchtower', names);
    expect(Object.values(p.s.sim.clusters).map((c) => c.clusterName)).toEqual(['Avalon']);
    expect(p.needs()).toMatchObject({ decree: 'bakery' });
    expect(Object.values(p.s.sim.elb.loadBalancers).map((l) => l.LoadBalancerName)).toEqual(['east']);
    expect(Object.values(p.s.sim.cloudwatch.alarms).map((a) => a.AlarmName)).toEqual(['bakery-alarm']);
    expect(p.done()).toEqual(['gate', 'decree', 'travelers', 'watchtower']);
  });
});
