/**
 * Message catalogs (src/i18n/messages.ts): placeholders, plural forms chosen by the platform's
 * Intl.PluralRules for the catalog's language, both vocabularies and the Rosetta modes, and English
 * for any id a catalog leaves out.
 */
import { describe, expect, it } from 'vitest';
import { EN } from '../../src/i18n/messages/en/index.ts';
import { CATALOGS, type Catalog, translator } from '../../src/i18n/messages.ts';

const safety = { failed: 2, mostFailed: 5, mostSeconds: 30 };

describe('messages', () => {
  const en = translator('en');

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(en.t('campaign.lockedWhy', { number: 4, previous: 3 })).toBe(
      'Level 4 is locked: finish level 3 first.',
    );
    expect(en.t('campaign.lockedWhy', { number: 4 })).toBe(
      'Level 4 is locked: finish level {previous} first.',
    );
  });

  it('chooses the plural form of `count` with Intl.PluralRules', () => {
    expect(en.t('debrief.safetyNumbers', { ...safety, count: 1 })).toContain('1 second below');
    expect(en.t('debrief.safetyNumbers', { ...safety, count: 0 })).toContain('0 seconds below');
    expect(en.t('debrief.safetyNumbers', { ...safety, count: 12 })).toContain('12 seconds below');
  });

  it('uses a message’s zero form for a count of 0, the language’s plural rules otherwise', () => {
    expect(en.t('canvas.kingdoms', { count: 0 })).toBe('no kingdom yet');
    expect(en.t('canvas.kingdoms', { count: 1 })).toBe('one kingdom stands');
    expect(en.t('canvas.kingdoms', { count: 3 })).toBe('3 kingdoms stand');
    expect(en.t('world.territories', { count: 0 })).toBe('0 territories');
  });

  it('words a two-vocabulary message in each Rosetta mode', () => {
    expect(en.pair('build.territory')).toEqual(['Erect a territory', 'Launch a container instance']);
    expect(en.inMode('frame.kingdom', 'nozama', { name: 'Royaume' })).toBe('kingdom Royaume');
    expect(en.inMode('frame.kingdom', 'aws', { name: 'Royaume' })).toBe('cluster Royaume');
    expect(en.inMode('frame.noKingdom', 'both')).toBe('no kingdom yet (no cluster yet)');
    expect(en.inMode('frame.clock', 'both')).toBe('clock');
  });

  it('uses another language’s catalog and plural rules, and English for what it leaves out', () => {
    // French counts 0 and 1 as "one"; English counts 0 as "other".
    const fr: Catalog = {
      'debrief.safetyNumbers': { one: '{count} seconde', other: '{count} secondes' },
      'frame.pause': 'Pause (fr)',
    };
    const t = translator('fr', { ...CATALOGS, fr });
    expect(t.lang).toBe('fr');
    expect(t.t('debrief.safetyNumbers', { count: 0 })).toBe('0 seconde');
    expect(t.t('debrief.safetyNumbers', { count: 2 })).toBe('2 secondes');
    expect(t.t('frame.pause')).toBe('Pause (fr)');
    expect(t.t('frame.play')).toBe('Play');
    expect(translator('xx').lang).toBe('en');
  });

  it('has no empty message and no plural without its other form in English', () => {
    for (const [id, m] of Object.entries(EN)) {
      const texts = typeof m === 'string' ? [m] : 'nozama' in m ? [m.nozama, m.aws] : [m];
      for (const text of texts) {
        if (typeof text === 'string') expect(text.trim(), id).not.toBe('');
        else expect(text.other.trim(), id).not.toBe('');
      }
    }
  });
});
