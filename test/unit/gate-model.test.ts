import { describe, expect, it } from 'vitest';
import { bandHeights, layoutBand } from '../../src/game/gate-layout.ts';
import {
  errorRates,
  gateModel,
  heraldIcon,
  isEmptyGateWorld,
  percentLabel,
  totalsDelta,
} from '../../src/game/gate-model.ts';
import { gateWords } from '../../src/game/gate-words.ts';
import { kingdomModel } from '../../src/game/kingdom-model.ts';
import { layoutKingdom } from '../../src/game/layout.ts';
import { doorOfGate, gateName, roadName, watchtowerName, wordAndName } from '../../src/i18n/gate-names.ts';
import { alb, weighted } from '../support/elb.ts';
import { REGION, World } from '../support/world.ts';

const ROLE = 'arn:aws:iam::123456789012:role/spell';

describe('gate model', () => {
  it.each([
    [0.9, '90%'],
    [0.1, '10%'],
    [1 / 3, '33.3%'],
    [0.125, '12.5%'],
    [0, '0%'],
  ])('percentLabel(%d) = %s', (share, label) => {
    expect(percentLabel(share)).toBe(label);
  });

  it.each([
    ['healthy', 'tick'],
    ['initial', 'hourglass'],
    ['unhealthy', 'cross'],
    ['draining', 'arrowOut'],
    ['unused', 'none'],
  ] as const)('the herald shows %s as %s', (state, icon) => {
    expect(heraldIcon(state)).toBe(icon);
  });

  it('an empty world has no band, and the kingdom is laid out exactly as before', () => {
    const w = new World();
    const g = gateModel(w.state, REGION);
    expect(isEmptyGateWorld(g)).toBe(true);
    expect(bandHeights(g, 600)).toEqual({ inView: 0, below: 0 });
    const zones = kingdomModel(w.state, REGION);
    const plain = (l: ReturnType<typeof layoutKingdom>) =>
      JSON.stringify([l.width, l.height, l.zones, [...l.territories], [...l.developments], l.band]);
    expect(plain(layoutKingdom(zones, 900, 600, 0, 0))).toBe(plain(layoutKingdom(zones, 900, 600)));
    expect(layoutKingdom(zones, 900, 600).band).toBeNull();
  });

  it('doors, weighted roads with rates, markets, and a spell with its incantation weights', () => {
    const w = new World();
    const a = alb(w, { waitActive: true });
    w.ok('elbv2:ModifyListener', {
      ListenerArn: a.listener80,
      DefaultActions: weighted([a.blue, 3], [a.green, 1]),
    });
    w.ok('sim:SetTraffic', { ListenerArn: a.listener80, RequestsPerSecond: 40 });
    w.ok('lambda:CreateFunction', {
      FunctionName: 'spell',
      Runtime: 'nodejs20.x',
      Role: ROLE,
      Handler: 'index.handler',
      Code: { ZipFile: btoa('a') },
    });
    w.ok('lambda:PublishVersion', { FunctionName: 'spell' });
    w.ok('lambda:UpdateFunctionCode', { FunctionName: 'spell', ZipFile: btoa('b') });
    w.ok('lambda:PublishVersion', { FunctionName: 'spell' });
    w.ok('lambda:CreateAlias', {
      FunctionName: 'spell',
      Name: 'live',
      FunctionVersion: '1',
      RoutingConfig: { AdditionalVersionWeights: { '2': 0.25 } },
    });
    w.ok('sim:SetTraffic', { FunctionName: 'spell', Qualifier: 'live', RequestsPerSecond: 8 });
    const g = gateModel(w.state, REGION);
    const doors = g.gates[0]?.doors ?? [];
    expect(doors.map((d) => [d.port, d.kind, d.rps])).toEqual([
      [80, 'main', 40],
      [8080, 'test', 0],
    ]);
    expect(doors[0]?.roads.map((r) => [r.targetGroupArn, r.weight, r.percent, r.rps])).toEqual([
      [a.blue, 3, '75%', 30],
      [a.green, 1, '25%', 10],
    ]);
    expect(g.markets.map((m) => [m.name, m.rps])).toEqual([
      ['web-blue', 30],
      ['web-green', 10],
    ]);
    const spell = g.spells[0];
    expect(spell?.editions.map((e) => [e.version, e.banner.shape])).toEqual([
      ['1', 'solid'],
      ['2', 'striped'],
    ]);
    expect(spell?.incantations[0]?.weights).toEqual([
      { version: '1', share: 0.75, percent: '75%' },
      { version: '2', share: 0.25, percent: '25%' },
    ]);
    expect(spell?.flows.map((f) => [f.version, f.rps])).toEqual([
      ['1', 6],
      ['2', 2],
    ]);
    // The band: the gate row taken from the zones, the spells' strip below the view.
    const h = bandHeights(g, 600);
    expect(h.inView).toBeGreaterThanOrEqual(180);
    expect(h.below).toBeGreaterThan(0);
    const band = layoutBand(g, { x: 10, y: 400, w: 900, h: h.inView + h.below });
    expect(band.gates[0]?.doors).toHaveLength(2);
    expect(band.markets.size).toBe(2);
    expect(band.spellArea?.y ?? 0).toBeGreaterThan(400 + h.inView * 0.5);
  });

  it('failures per second come from the increase of the totals', () => {
    const before = { a: { requests: 100, errors: 0 }, b: { requests: 50, errors: 5 } };
    const after = {
      a: { requests: 200, errors: 0 },
      b: { requests: 60, errors: 9 },
      c: { requests: 0, errors: 2 },
    };
    const delta = totalsDelta(before, after);
    expect([...delta]).toEqual([
      ['a', { requests: 100, errors: 0 }],
      ['b', { requests: 10, errors: 4 }],
      ['c', { requests: 0, errors: 2 }],
    ]);
    expect([...errorRates(delta)]).toEqual([
      ['b', 0.4],
      ['c', 1],
    ]);
  });
});

describe('a name that already says its word is not said twice', () => {
  it.each([
    // word, name, in a sentence, as a label
    ['gate', 'gate', 'the gate', 'gate'],
    ['gate', 'Gate', 'the Gate', 'Gate'],
    ['gate', 'gate-west', 'gate-west', 'gate-west'],
    ['gate', 'west-gate', 'gate west-gate', 'gate west-gate'],
    ['gate', 'gate2', 'gate2', 'gate2'],
    ['gate', 'web', 'gate web', 'gate web'],
    ['gate', 'gateway', 'gate gateway', 'gate gateway'],
    ['road', 'road', 'the road', 'road'],
    ['road', 'mill-road', 'road mill-road', 'road mill-road'],
    ['road', 'road-2', 'road-2', 'road-2'],
    ['road', 'mill-blue', 'road mill-blue', 'road mill-blue'],
    ['watchtower', 'mill-5xx', 'watchtower mill-5xx', 'watchtower mill-5xx'],
  ] as const)('%s named %s: "%s", label "%s"', (word, name, sentence, label) => {
    expect(wordAndName(word, name)).toBe(sentence);
    expect(wordAndName(word, name, '')).toBe(label);
  });

  it('the canvas labels a gate named gate "gate", and keeps "gate web"', () => {
    expect(gateWords('nozama').gate('gate')).toBe('gate');
    expect(gateWords('both').gate('gate')).toBe('gate (ALB)');
    expect(gateWords('aws').gate('gate')).toBe('ALB gate');
    expect(gateWords('nozama').gate('web')).toBe('gate web');
    expect(gateWords('nozama').spell('oracle')).toBe('spell oracle');
    expect(gateWords('nozama').spell('spell')).toBe('spell');
  });

  it('the chronicle and forms say "the gate", "road gate-road", and "gate web" as before', () => {
    const w = new World();
    const named = alb(w, { name: 'gate', groups: ['road', 'blue'] });
    expect(gateName(w.state, named.lbArn)).toBe('the gate');
    expect(gateName(w.state, named.lbArn, 'aws')).toBe('load balancer gate');
    expect(doorOfGate(w.state, named.listener80)).toBe('the main door (80) of the gate');
    expect(roadName(w.state, named.blue)).toBe('road gate-road');
    expect(roadName(w.state, named.green)).toBe('road gate-blue');
    expect(roadName(w.state, named.blue, 'aws')).toBe('target group gate-road');
    const other = new World(2);
    const web = alb(other, { name: 'web' });
    expect(gateName(other.state, web.lbArn)).toBe('gate web');
    expect(doorOfGate(other.state, web.listener80)).toBe('the main door (80) of gate web');
    expect(watchtowerName('watchtower')).toBe('the watchtower');
  });
});
