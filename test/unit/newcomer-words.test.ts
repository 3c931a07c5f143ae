/**
 * The words a newcomer reads: the glossary a level's texts call up (lexicon.glossaryFor) and the
 * "still missing" line turned from AWS's nouns into the story's (level-panel.storyWords).
 */
import { describe, expect, it } from 'vitest';
import { glossaryFor } from '../../src/i18n/lexicon.ts';
import { LEVELS } from '../../src/levels/index.ts';
import { storyWords } from '../../src/ui/campaign/level-panel.ts';

const keys = (text: string, always: string[] = []) => glossaryFor(text, always).map((g) => g.key);

describe('glossaryFor', () => {
  it.each([
    ['Step through a portal and erect a territory', ['zone', 'instance']],
    ['Two territories join the kingdom', ['cluster', 'instance']],
    ['the royal charter: a castle whose lord swears fealty', ['containerInstance', 'ami', 'agent']],
    ['the territory’s letter', ['instance', 'userData']],
    ['the steward places developments', ['task', 'scheduler']],
    ['nothing to explain here', []],
  ])('"%s" calls up %j', (text, expected) => {
    expect(keys(text).sort()).toEqual([...expected].sort());
  });

  it('matches whole words only, in any case, and adds the keys asked for always', () => {
    expect(keys('landlords and portalled kingdoms-to-be')).toEqual(['cluster']);
    expect(keys('PORTALS')).toEqual(['zone']);
    expect(keys('', ['fargate'])).toEqual(['fargate']);
  });

  it('gives each line both names and a plain sentence, in the lexicon’s order', () => {
    const lines = glossaryFor('region, portal, kingdom, territory, castle');
    expect(lines.map((l) => l.key)).toEqual(['region', 'zone', 'cluster', 'instance', 'containerInstance']);
    for (const l of lines) {
      expect(l.plain).toMatch(/^[A-Za-z].*\.$/);
      expect(l.nozama.length).toBeGreaterThan(0);
      expect(l.aws.length).toBeGreaterThan(0);
    }
  });

  it('explains every chapter-one word a newcomer meets', () => {
    for (const level of LEVELS.filter((l) => l.chapter === 1)) {
      const said = [level.concept, ...level.brief, ...level.goals.map((g) => g.text), ...level.hints].join(
        ' ',
      );
      expect(keys(said)).toEqual(expect.arrayContaining(['instance', 'cluster']));
    }
  });
});

describe('storyWords', () => {
  it.each([
    ['0 ACTIVE container instances in Royaume.', '0 castles in Royaume.'],
    ['No running instance in za-southwest-1 yet.', 'No standing territory in za-southwest-1 yet.'],
    ['No running instance without the ECS agent.', 'No standing territory without a lord (a bare charter).'],
    ['Tasks on 2 distinct container instances.', 'Developments on 2 distinct castles.'],
    ['3 EC2 instances running.', '3 territories standing.'],
    ['2 ACTIVE container instances in 1 Availability Zone.', '2 castles in 1 portal.'],
    ['3 requests failed (5xx).', '3 requests failed (5xx).'],
  ])('%s -> %s', (aws, story) => {
    expect(storyWords(aws)).toBe(story);
  });
});
