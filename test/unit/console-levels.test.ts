/**
 * The console in every level (issue 15): it follows the forms' rule (a write is made only when a
 * section the level offers makes it; reads always), and a level played from console lines reaches the
 * same checklist, stars and debrief as its reference solution played call by call.
 */
import { describe, expect, it } from 'vitest';
import { cliCommand } from '../../src/cli/index.ts';
import { runText } from '../../src/cli/run/index.ts';
import { LEVELS, levelById, notOffered, PANEL_ACTIONS, panelsFor } from '../../src/levels/index.ts';
import type { Level } from '../../src/levels/types.ts';
import type { Call } from '../../src/model/index.ts';
import { advance, dispatch, runLevel, type Session, startLevel } from '../../src/session/index.ts';

const level = (id: string): Level => {
  const l = levelById(id);
  if (!l) throw new Error(id);
  return l;
};

describe("the level's rule, the forms' own", () => {
  it.each([
    ['rolling-renovation', 'ecs:RegisterTaskDefinition', null],
    ['rolling-renovation', 'ecs:UpdateService', null],
    ['rolling-renovation', 'ecs:DescribeServices', null],
    ['rolling-renovation', 'ecs:RunTask', ['develop']],
    ['rolling-renovation', 'ec2:RunInstances', ['territory']],
    ['rolling-renovation', 'ecs:DeleteService', []],
    ['first-plan', 'ecs:CreateService', ['decree']],
    ['the-gate', 'elbv2:CreateRule', null],
    ['the-gate', 'elbv2:DeleteLoadBalancer', null],
    ['arrival', 'ecs:CreateCluster', null],
  ] as const)('%s: %s', (id, action, panels) => {
    const r = notOffered(level(id), action);
    expect(r === null ? null : r.panels).toEqual(panels === null ? null : [...panels]);
  });

  it('free play offers everything', () => {
    expect(notOffered(null, 'ecs:DeleteService')).toBeNull();
  });

  it("each Build section's heading names actions its panel offers", () => {
    const headings: Record<string, string[]> = {
      territory: ['ec2:RunInstances'],
      plan: ['ecs:RegisterTaskDefinition'],
      develop: ['ecs:RunTask'],
      decree: ['ecs:CreateService'],
      drain: ['ecs:UpdateContainerInstancesState'],
      gate: ['elbv2:CreateListener'],
      traffic: ['sim:SetTraffic', 'sim:SetBehavior'],
      watchtower: ['cloudwatch:PutMetricAlarm'],
      renovation: ['ecs:UpdateService', 'codedeploy:CreateDeployment'],
      spells: ['lambda:UpdateAlias'],
      growth: ['application-autoscaling:PutScalingPolicy'],
      capacity: ['autoscaling:CreateAutoScalingGroup', 'ecs:CreateCapacityProvider'],
      disasters: ['sim:FailAvailabilityZone'],
    };
    expect(Object.keys(headings).sort()).toEqual(Object.keys(PANEL_ACTIONS).sort());
    for (const [panel, actions] of Object.entries(headings))
      for (const a of actions) expect(panelsFor(a), a).toContain(panel);
  });

  it("every level's reference solution is offered by the level (show me and the console agree)", () => {
    for (const l of LEVELS)
      for (const s of l.solution)
        if ('call' in s) expect(notOffered(l, s.call.action), `${l.id}: ${s.call.action}`).toBeNull();
  });
});

describe('a level played from the console', () => {
  it('level 12, rolling-renovation: the debrief lines typed, then time: the same verdict and stars as the solution', () => {
    const l = level('rolling-renovation');
    expect(l.number).toBe(12);
    let session: Session = startLevel(l).session;
    const dispatchHere = (call: Call) => {
      const o = dispatch(session, call);
      session = o.session;
      return o.calls[0]?.response ?? { error: { name: 'None', message: '' } };
    };
    const refuse = (call: Call) => (notOffered(l, call.action) ? `no ${cliCommand(call)}` : null);
    // A call the level does not offer is refused and changes nothing.
    const before = session.sim;
    const [refused] = runText('aws ecs run-task --cluster Royaume --task-definition mill:1', {
      dispatch: dispatchHere,
      refuse,
    });
    expect(refused?.result).toMatchObject({ code: 252, stderr: '\nno aws ecs run-task\n' });
    expect(session.sim).toBe(before);

    for (const line of l.debrief.cli) {
      const [r] = runText(line, { dispatch: dispatchHere, refuse });
      expect(r?.result.code, `${line}\n${r?.result.stderr}`).toBe(0);
    }
    session = advance(session, 150).session;
    const reference = runLevel(l).session.level;
    expect(session.level?.done).toBe(true);
    expect(session.level?.stars).toEqual(reference?.stars);
    expect(session.level?.progress).toEqual(reference?.progress);
  });
});
