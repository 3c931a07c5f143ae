/**
 * The blueprints' step titles and "already stands" notes come from the guide catalog
 * (src/i18n/messages/en/guide.ts): every placeholder is filled, in both vocabularies, before and after
 * the world holds what a blueprint lays down, and the words are the ones the steps always had.
 */
import { describe, expect, it } from 'vitest';
import { createSession, dispatch } from '../../src/session/index.ts';
import { BLUEPRINTS, blueprintPlan, defaultNames } from '../../src/ui/guide/blueprint-plans.ts';

const REGION = 'za-southwest-1';

describe('blueprint step words', () => {
  it('fills every placeholder of the titles and notes, in both vocabularies, before and after laying', () => {
    let session = createSession({ seed: 7 }).session;
    const here = () => ({ sim: session.sim, ui: { region: REGION } });
    const words = (mode: 'nozama' | 'aws') =>
      BLUEPRINTS.flatMap((id) =>
        blueprintPlan(id, here(), defaultNames(here()), mode, here).flatMap((step) => [
          ...step.title,
          step.standing ?? '',
        ]),
      );
    const before = words('nozama');
    expect(before).toContain('Found kingdom Royaume');
    expect(words('aws')).toContain('Set traffic: 20 requests/s on listener 80');

    const gate = blueprintPlan('gate', here(), defaultNames(here()), 'aws', here);
    const first = gate[0];
    if (!first) throw new Error('the gate blueprint has no steps');
    const out = dispatch(session, first.build());
    session = out.session;

    const after = [...words('nozama'), ...words('aws')];
    expect(after).toContain('Kingdom Royaume already stands.');
    expect(after).toContain('Cluster Royaume exists.');
    expect([...before, ...after].filter((w) => /[{}]/.test(w))).toEqual([]);
  });
});
