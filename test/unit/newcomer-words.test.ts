/**
 * The words a newcomer reads: the glossary a level's texts call up (lexicon.glossaryFor) and the
 * "still missing" line turned from AWS's nouns into the story's (level-panel.storyWords).
 */
import { describe, expect, it } from 'vitest';
import { glossaryFor } from '../../src/i18n/lexicon.ts';
import { LEVELS } from '../../src/levels/index.ts';
import { createTracker, evaluateGoals } from '../../src/model/goals/goals.ts';
import { createSim } from '../../src/model/index.ts';
import { runLevel } from '../../src/session/index.ts';
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
    ['3 requests failed (5xx).', '3 travelers turned away (5xx).'],
  ])('%s -> %s', (aws, story) => {
    expect(storyWords(aws)).toBe(story);
  });
});

/** Words a newcomer should not meet in Nozama's mode: AWS's own nouns, statuses and field names. */
const AWS_ONLY =
  /\b(Service|services?|tasks?|Tasks|container instances?|target groups?|Target|listeners?|Exception|ServiceNotFoundException|Alias|alias|version|PRIMARY|rolloutState|runningCount|desiredCount|CloudWatch|ALARM|DRAINING|RUNNING|ACTIVE|EC2|ECS|Availability Zones?|requests?|revision|deployment|Cluster|cluster|[a-z]{2}-[a-z]+-\d[a-z])\b/;

describe('storyWords retells every detail the goal engine writes', () => {
  it.each([
    // goal-state.ts
    ['Service mill not found (ServiceNotFoundException).', 'No decree mill yet.'],
    ['Cluster Royaume not found.', 'No kingdom Royaume yet.'],
    ['No running instance in za-southwest-1b yet.', 'No standing territory in portal 1b yet.'],
    ['4 instances running in Royaume.', '4 territories standing in Royaume.'],
    ['No ACTIVE revision of mill.', 'No edition of the plan mill yet.'],
    ['mill:2 does not match yet.', 'Edition 2 of the mill does not match yet.'],
    ['2 of 6 tasks RUNNING.', '2 of 6 developments standing.'],
    ['runningCount 2, desiredCount 3.', '2 standing; the decree asks for 3.'],
    ['Tasks in 2 Availability Zones.', 'Developments in 2 portals.'],
    [
      '6 of 6 tasks RUNNING on 3 container instances (at most 2).',
      '6 of 6 developments standing on 3 castles (at most 2).',
    ],
    [
      '2 of 4 RUNNING tasks on instances matching attribute:granary == true.',
      '2 of 4 standing developments on territories matching attribute:granary == true.',
    ],
    [
      // The player's expression is kept as written, AWS words and all.
      '0 of 0 RUNNING tasks on instances matching attribute:ecs.instance-type =~ r5.*.',
      '0 of 0 standing developments on territories matching attribute:ecs.instance-type =~ r5.*.',
    ],
    ['1 ACTIVE container instances in 1 Availability Zone.', '1 castle in 1 portal.'],
    ['Tasks on 1 distinct container instances.', 'Developments on 1 distinct castle.'],
    ['1 EC2 instances running.', '1 territory standing.'],
    [
      'mill:2 answers no travelers of requests; 5-15% held 0 s of 280 s so far.',
      'Edition 2 of the mill has no travelers yet; 5-15% held 0 s of 280 s so far.',
    ],
    ['No container instance is DRAINING.', 'No castle is being repaired (drained) yet.'],
    ['1 DRAINING instances still run tasks.', '1 territory being repaired still holds developments.'],
    [
      'PRIMARY deployment on revision 1, rolloutState IN_PROGRESS.',
      "The decree's current renovation is to edition 1 (under way).",
    ],
    ['No PRIMARY deployment.', 'The decree has no current renovation.'],
    ['Target group mill-green not found.', 'No road mill-green yet.'],
    ['1 healthy targets in mill-road.', 'The herald finds 1 development well on road mill-road.'],
    ['1 requests failed (5xx).', '1 traveler turned away (5xx).'],
    ['No listener on port 8080 yet.', 'No door on port 8080 yet.'],
    ['Port 80 forwards 0% to mill-blue.', 'Door 80 sends 0% of travelers down road mill-blue.'],
    ['Alias live not found.', 'No incantation live yet.'],
    ['Alias live points to version 2.', 'The incantation live speaks edition 2.'],
    ['Deployment of version 2 is InProgress.', 'The shift to edition 2 is under way.'],
    [
      'Deployment of version 2 is Failed: Health check failed, exiting.',
      'The shift to edition 2 failed: the health check found errors.',
    ],
    ['No deployment of version 2 to alias live yet.', 'No shift of the incantation live to edition 2 yet.'],
    [
      '2 healthy tasks of revision 1, desiredCount 3.',
      '2 healthy developments of edition 1; the decree asks for 3.',
    ],
    // goal-renovations.ts
    [
      'The listener on port 80 has not yet forwarded 100% to mill-green.',
      'Door 80 has not yet sent 100% of travelers down road mill-green.',
    ],
    [
      'mill:2 answers 9.8% of requests; 5-15% held 120 s of 280 s so far.',
      'Edition 2 of the mill answers 9.8% of travelers; 5-15% held 120 s of 280 s so far.',
    ],
    ['No CloudWatch alarm has gone to ALARM yet.', 'No watchtower has lit its beacon yet.'],
    [
      'mill:2 still answers 30% of requests after the alarm.',
      'Edition 2 of the mill still answers 30% of travelers after the beacon lit.',
    ],
    [
      'Latest service deployment (to revision 2) is ROLLBACK_SUCCESSFUL.',
      'The latest renovation (to edition 2) was rolled back: the horn of rollback sounded.',
    ],
    ['Latest service deployment is IN_PROGRESS.', 'The latest renovation is under way.'],
    ['No service deployment of mill yet.', 'No renovation of the decree mill yet.'],
    // goals.ts
    ['Waiting for 3 healthy tasks.', 'Waiting for 3 healthy developments.'],
    ['Waiting for an Availability Zone to fail.', 'Waiting for a portal to collapse.'],
    ['Waiting for a container instance to be DRAINING.', 'Waiting for a castle to be repaired (drained).'],
    ['Waiting for a new deployment.', 'Waiting for a new renovation.'],
    ['Only 2 healthy tasks at 45 s.', 'Only 2 healthy developments at 45 s.'],
    ['120 requests answered without error.', '120 travelers served.'],
    ['runningCount 2 of 3.', '2 of 3 standing.'],
    ['No task of the service has stopped yet.', 'No development of the decree has fallen yet.'],
    ['No Availability Zone has failed.', 'No portal has collapsed yet.'],
    ['No container instance set to DRAINING.', 'No castle is being repaired (drained) yet.'],
  ])('%s -> %s', (aws, story) => {
    expect(storyWords(aws)).toBe(story);
    expect(story.replace(/matching .*$/, '')).not.toMatch(AWS_ONLY);
  });

  it('every detail the levels produce, from an empty world to each step of their solutions, reads as a story', () => {
    const details = new Set<string>();
    for (const level of LEVELS) {
      const empty = createSim({ seed: level.scenario.seed });
      for (const p of evaluateGoals(level.goals, empty, createTracker(empty)))
        if (p.detail) details.add(p.detail);
      const runs = [level.solution, level.wrongSolution].flatMap((steps) =>
        steps.map((_, i) => steps.slice(0, i + 1)),
      );
      for (const steps of [[], ...runs])
        for (const p of runLevel(level, steps).session.level?.progress ?? [])
          if (p.detail) details.add(p.detail);
    }
    expect(details.size).toBeGreaterThan(25);
    // A cluster query expression is the player's own text: it is kept as written.
    const leaks = [...details]
      .map((d) => [d, storyWords(d).replace(/matching .*$/, '')])
      .filter(([, story]) => AWS_ONLY.test(story ?? ''));
    expect(leaks).toEqual([]);
  });
});
