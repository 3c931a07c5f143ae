import { describe, expect, it } from 'vitest';
import { HEALTH_CHECK_FAILED, linearWeights, pyRound2 } from '../../src/model/lambda/lambda-deployer.ts';
import { alias, spell, weightOf } from '../support/codedeploy.ts';
import { World } from '../support/world.ts';

const event = (extra: Record<string, unknown> = {}) => ({
  'function-name': 'spell',
  'alias-name': 'live',
  'new-version': '2',
  steps: 10,
  interval: 120,
  type: 'linear',
  'health-check': true,
  ...extra,
});

describe('the seed linear deployment function', () => {
  it.each([
    [10, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]],
    [3, [0.33, 0.67, 1.0]],
    [6, [0.17, 0.33, 0.5, 0.67, 0.83, 1.0]],
    [1, [1.0]],
    [8, [0.12, 0.25, 0.38, 0.5, 0.62, 0.75, 0.88, 1.0]],
  ])('weights for %i steps', (steps, expected) => {
    expect(linearWeights(steps)).toEqual(expected);
  });

  it("rounds like Python's round(x, 2) (exact ties to even)", () => {
    expect([0.125, 0.375, 0.625, 0.875, 0.285, 0.335].map(pyRound2)).toEqual([
      0.12, 0.38, 0.62, 0.88, 0.28, 0.34,
    ]);
  });

  it('shifts one weight per interval, FunctionVersion unchanged, then finalizes', () => {
    const w = new World();
    spell(w, 2);
    const out = w.ok('sim:StartAliasDeployment', event({ steps: 3, interval: 60 }));
    expect(out.weights).toEqual([0.33, 0.67, 1.0]);
    expect(weightOf(w, '2')).toBe(0.33);
    expect(alias(w).FunctionVersion).toBe('1');
    w.tick(59);
    expect(weightOf(w, '2')).toBe(0.33);
    w.tick(1);
    expect(weightOf(w, '2')).toBe(0.67);
    w.tick(60);
    expect(weightOf(w, '2')).toBe(1);
    expect(alias(w).FunctionVersion).toBe('1');
    w.tick(60);
    const a = alias(w);
    expect(a.FunctionVersion).toBe('2');
    expect(a.RoutingConfig).toBeUndefined();
    const d = Object.values(w.state.lambda.deployers)[0];
    expect(d).toMatchObject({ status: 'Succeeded', step: 3, steps: 3, endedAt: w.state.now });
    const ok = w.events.filter((e) => e.type === 'alias/deploymentSucceeded');
    expect(ok).toHaveLength(1);
    expect(ok[0]?.data).toMatchObject({ step: 3, steps: 3, errors: null });
  });

  it('a failing health check puts weights back to {} and fails ("Health check failed, exiting")', () => {
    const w = new World(5);
    spell(w, 2);
    w.ok('sim:SetBehavior', { FunctionName: 'spell', Version: '2', ErrorRate: 1 });
    w.ok('sim:StartAliasDeployment', event({ steps: 10, interval: 30 }));
    w.ok('sim:SetTraffic', { FunctionName: 'spell', Qualifier: 'live', RequestsPerSecond: 20 });
    w.tick(30);
    const a = alias(w);
    expect(a.FunctionVersion).toBe('1');
    expect(a.RoutingConfig).toBeUndefined();
    const d = Object.values(w.state.lambda.deployers)[0];
    expect(d?.status).toBe('Failed');
    expect(d?.reason).toBe(HEALTH_CHECK_FAILED);
    const rb = w.events.find((e) => e.type === 'alias/deploymentRolledBack');
    expect(rb?.data).toMatchObject({
      step: 1,
      steps: 10,
      weight: 0.1,
      reason: 'Health check failed, exiting',
    });
    expect(rb?.data.errors).toBeGreaterThan(0);
    expect(rb?.data.window).toEqual({ from: w.state.now - 60, to: w.state.now });
  });

  it('no data passes the health check; health-check false skips it', () => {
    const w = new World();
    spell(w, 2);
    w.ok('sim:SetBehavior', { FunctionName: 'spell', Version: '2', ErrorRate: 1 });
    w.ok('sim:StartAliasDeployment', event({ steps: 2, interval: 10, 'health-check': false }));
    w.ok('sim:SetTraffic', { FunctionName: 'spell', Qualifier: 'live', RequestsPerSecond: 5 });
    w.tick(20);
    expect(alias(w).FunctionVersion).toBe('2');
  });

  it.each([
    [{ 'new-version': '9' }, 'ResourceNotFoundException'],
    [{ 'new-version': '1' }, 'InvalidParameterValueException'],
    [{ steps: 0 }, 'InvalidParameterValueException'],
    [{ type: 'canary' }, 'InvalidParameterValueException'],
    [{ 'alias-name': 'nope' }, 'ResourceNotFoundException'],
  ])('rejects %o', (patch, code) => {
    const w = new World();
    spell(w, 2);
    expect(w.err('sim:StartAliasDeployment', event(patch)).name).toBe(code);
  });

  it('one deployment per alias at a time', () => {
    const w = new World();
    spell(w, 2);
    w.ok('sim:StartAliasDeployment', event());
    expect(w.err('sim:StartAliasDeployment', event()).name).toBe('ResourceConflictException');
  });
});
