/**
 * The field hints read from the catalog (src/i18n/messages/en/hints.ts) by the AWS name the label
 * shows: the same sentence as before the move, and nothing for a name the catalog does not know.
 */
import { describe, expect, it } from 'vitest';
import { plainHint } from '../../src/ui/field-hints.ts';

describe('plainHint', () => {
  it('finds the sentence for a label’s AWS name, keys with spaces and parentheses included', () => {
    expect(plainHint('AMI')).toBe(
      'The land’s charter: a royal one comes with a castle (the ECS agent), a bare one does not (ImageId).',
    );
    expect(plainHint('Cluster (ECS_CLUSTER in the user data)')).toBe(
      'The kingdom the castle’s lord joins, written in the territory’s letter (UserData).',
    );
    expect(plainHint('minimumHealthyPercent')).toBe(
      'The share of the decree’s count that must stay healthy while old developments come down.',
    );
  });

  it('gives nothing for a name without a sentence, or one that only looks like an object key', () => {
    expect(plainHint('No such field')).toBe('');
    expect(plainHint('')).toBe('');
    expect(plainHint('constructor')).toBe('');
  });
});
