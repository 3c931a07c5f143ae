/**
 * The panels' lookups follow the region the player is in (ui.region), not the world's own region: the
 * SAM plan of a spell, the plan edition a decree behind the gate uses, and the Chronicle's renovation lines
 * (which read the service named by an event of that event's region).
 */
import { describe, expect, it } from 'vitest';
import { chronicleLine } from '../../src/i18n/chronicle.ts';
import type { SimEvent } from '../../src/model/index.ts';
import { editionOf } from '../../src/ui/forms/gate-fields.ts';
import { samCalls } from '../../src/ui/forms/spells-sam.ts';
import { World } from '../support/world.ts';

const NORTH = 'za-northeast-1';
const ROLE = 'arn:aws:iam::123456789012:role/spell';

function service(w: World, family: string, region?: string) {
  w.call('ecs:CreateCluster', { clusterName: 'Royaume' }, region);
  w.call(
    'ecs:RegisterTaskDefinition',
    { family, containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] },
    region,
  );
  w.call(
    'ecs:CreateService',
    { cluster: 'Royaume', serviceName: 'mill', taskDefinition: family, desiredCount: 0 },
    region,
  );
}

describe('lookups in the region on screen', () => {
  it('the SAM plan finds the spell, its incantation and its guild in that region', () => {
    const w = new World();
    w.call(
      'lambda:CreateFunction',
      { FunctionName: 'spell', Runtime: 'nodejs20.x', Role: ROLE, Handler: 'i.h', Code: { ZipFile: 'YQ==' } },
      NORTH,
    );
    w.call('lambda:PublishVersion', { FunctionName: 'spell' }, NORTH);
    w.call('lambda:CreateAlias', { FunctionName: 'spell', Name: 'live', FunctionVersion: '1' }, NORTH);
    const plan = samCalls({ sim: w.state, ui: { region: NORTH } }, 'spell', 'live', '1', 'AllAtOnce', []);
    expect(plan.map((p) => p.build().action)).toEqual([
      'codedeploy:CreateApplication',
      'codedeploy:CreateDeploymentGroup',
      'codedeploy:CreateDeployment',
    ]);
    // At home there is no such spell: nothing to plan.
    expect(
      samCalls(
        { sim: w.state, ui: { region: w.state.defaultRegion } },
        'spell',
        'live',
        '1',
        'AllAtOnce',
        [],
      ),
    ).toEqual([]);
  });

  it('a decree behind the gate reads the plan edition of that region', () => {
    const w = new World();
    service(w, 'north', NORTH);
    expect(editionOf({ sim: w.state, ui: { region: NORTH } }, 'north:1')?.region).toBe(NORTH);
    expect(editionOf({ sim: w.state, ui: { region: w.state.defaultRegion } }, 'north:1')).toBeUndefined();
  });

  it("a renovation's Chronicle line names the plan of the event's region's service", () => {
    const w = new World();
    service(w, 'home');
    service(w, 'north', NORTH);
    const event = {
      seq: 1,
      time: w.state.now,
      type: 'deployment/completed',
      region: NORTH,
      data: { serviceName: 'mill', deploymentId: 'ecs-svc/1', strategy: 'ROLLING', serviceDeploymentArn: '' },
    } as SimEvent;
    const line = chronicleLine(event, w.state, 'aws');
    expect(line?.text).toContain('north:1');
    expect(line?.text).not.toContain('home:1');
  });
});
