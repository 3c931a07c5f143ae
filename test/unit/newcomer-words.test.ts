/**
 * The words a newcomer reads: the glossary a level's texts call up (lexicon.glossaryFor) and the
 * "still missing" line, worded from the goal engine's typed parts in AWS's words or the story's
 * (i18n/goal-words.ts).
 */
import { describe, expect, it } from 'vitest';
import { goalMissingAws, goalMissingStory, goalMissingText } from '../../src/i18n/goal-words.ts';
import { glossaryFor } from '../../src/i18n/lexicon.ts';
import { LEVELS } from '../../src/levels/index.ts';
import { createTracker, evaluateGoals } from '../../src/model/goals/goals.ts';
import { createSim, type GoalMissing } from '../../src/model/index.ts';
import { runLevel } from '../../src/session/index.ts';

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

/** Words a newcomer should not meet in Nozama's mode: AWS's own nouns, statuses and field names. */
const AWS_ONLY =
  /\b(Service|services?|tasks?|Tasks|container instances?|target groups?|Target|listeners?|Exception|ServiceNotFoundException|Alias|alias|version|PRIMARY|rolloutState|runningCount|desiredCount|CloudWatch|ALARM|DRAINING|RUNNING|ACTIVE|EC2|ECS|Availability Zones?|requests?|revision|deployment|Cluster|cluster|[a-z]{2}-[a-z]+-\d[a-z])\b/;

describe("goal words: every part the goal engine reports, in AWS's words and the story's", () => {
  const rows: [GoalMissing, string, string][] = [
    // goal-state.ts
    [
      { kind: 'noService', service: 'mill' },
      'Service mill not found (ServiceNotFoundException).',
      'No decree mill yet.',
    ],
    [{ kind: 'noCluster', cluster: 'Royaume' }, 'Cluster Royaume not found.', 'No kingdom Royaume yet.'],
    [
      { kind: 'noRunningInstance', where: 'za-southwest-1b' },
      'No running instance in za-southwest-1b yet.',
      'No standing territory in portal 1b yet.',
    ],
    [
      { kind: 'noRunningInstance', where: 'za-southwest-1' },
      'No running instance in za-southwest-1 yet.',
      'No standing territory in za-southwest-1 yet.',
    ],
    [
      { kind: 'noBareInstance' },
      'No running instance without the ECS agent.',
      'No standing territory without a lord (a bare charter).',
    ],
    [
      { kind: 'instancesJoined', instances: 0, cluster: 'Royaume' },
      '0 ACTIVE container instances in Royaume.',
      '0 castles in Royaume.',
    ],
    [
      { kind: 'tooManyInstances', instances: 4, cluster: 'Royaume' },
      '4 instances running in Royaume.',
      '4 territories standing in Royaume.',
    ],
    [
      { kind: 'noRevision', family: 'mill' },
      'No ACTIVE revision of mill.',
      'No edition of the plan mill yet.',
    ],
    [
      { kind: 'revisionMismatch', family: 'mill', revision: 2 },
      'mill:2 does not match yet.',
      'Edition 2 of the mill does not match yet.',
    ],
    [{ kind: 'tasksRunning', running: 2, need: 6 }, '2 of 6 tasks RUNNING.', '2 of 6 developments standing.'],
    [{ kind: 'tasksRunning', running: 0, need: 1 }, '0 of 1 tasks RUNNING.', '0 of 1 development standing.'],
    [
      { kind: 'serviceRunning', running: 2, desired: 3 },
      'runningCount 2, desiredCount 3.',
      '2 standing; the decree asks for 3.',
    ],
    [{ kind: 'serviceZones', zones: 2 }, 'Tasks in 2 Availability Zones.', 'Developments in 2 portals.'],
    [
      { kind: 'tasksOnHosts', running: 6, need: 6, hosts: 3, maxInstances: 2 },
      '6 of 6 tasks RUNNING on 3 container instances (at most 2).',
      '6 of 6 developments standing on 3 castles (at most 2).',
    ],
    [
      // The player's expression is kept as written, AWS words and all.
      { kind: 'tasksOnMatching', matching: 0, running: 0, expression: 'attribute:ecs.instance-type =~ r5.*' },
      '0 of 0 RUNNING tasks on instances matching attribute:ecs.instance-type =~ r5.*.',
      '0 of 0 standing developments on territories matching attribute:ecs.instance-type =~ r5.*.',
    ],
    [
      { kind: 'instancesInZones', instances: 1, zones: 1 },
      '1 ACTIVE container instances in 1 Availability Zone.',
      '1 castle in 1 portal.',
    ],
    [
      { kind: 'instancesInZones', instances: 2, zones: 3 },
      '2 ACTIVE container instances in 3 Availability Zones.',
      '2 castles in 3 portals.',
    ],
    [
      { kind: 'distinctInstances', instances: 1 },
      'Tasks on 1 distinct container instances.',
      'Developments on 1 distinct castle.',
    ],
    [{ kind: 'instancesStillRunning', instances: 1 }, '1 EC2 instances running.', '1 territory standing.'],
    [
      { kind: 'noneDraining' },
      'No container instance is DRAINING.',
      'No castle is being repaired (drained) yet.',
    ],
    [
      { kind: 'drainingBusy', instances: 1 },
      '1 DRAINING instances still run tasks.',
      '1 territory being repaired still holds developments.',
    ],
    [
      { kind: 'primaryDeployment', revision: 1, rolloutState: 'IN_PROGRESS' },
      'PRIMARY deployment on revision 1, rolloutState IN_PROGRESS.',
      "The decree's current renovation is to edition 1 (under way).",
    ],
    [{ kind: 'noPrimaryDeployment' }, 'No PRIMARY deployment.', 'The decree has no current renovation.'],
    [
      { kind: 'noTargetGroup', targetGroup: 'mill-green' },
      'Target group mill-green not found.',
      'No road mill-green yet.',
    ],
    [
      { kind: 'healthyTargets', healthy: 1, targetGroup: 'mill-road' },
      '1 healthy targets in mill-road.',
      'The herald finds 1 development well on road mill-road.',
    ],
    [{ kind: 'requestsFailed', failed: 1 }, '1 requests failed (5xx).', '1 traveler turned away (5xx).'],
    [{ kind: 'noListener', port: 8080 }, 'No listener on port 8080 yet.', 'No door on port 8080 yet.'],
    [
      { kind: 'listenerShare', port: 80, percent: 0, targetGroup: 'mill-blue' },
      'Port 80 forwards 0% to mill-blue.',
      'Door 80 sends 0% of travelers down road mill-blue.',
    ],
    [{ kind: 'noAlias', alias: 'live' }, 'Alias live not found.', 'No incantation live yet.'],
    [
      { kind: 'aliasVersion', alias: 'live', version: '2' },
      'Alias live points to version 2.',
      'The incantation live speaks edition 2.',
    ],
    [
      { kind: 'aliasDeployment', version: '2', status: 'InProgress', reason: null },
      'Deployment of version 2 is InProgress.',
      'The shift to edition 2 is under way.',
    ],
    [
      { kind: 'aliasDeployment', version: '2', status: 'Failed', reason: 'Health check failed, exiting' },
      'Deployment of version 2 is Failed: Health check failed, exiting.',
      'The shift to edition 2 failed: the health check found errors.',
    ],
    [
      { kind: 'noAliasDeployment', version: '2', alias: 'live' },
      'No deployment of version 2 to alias live yet.',
      'No shift of the incantation live to edition 2 yet.',
    ],
    [
      { kind: 'healthyTasks', healthy: 2, revision: 1, desired: 3 },
      '2 healthy tasks of revision 1, desiredCount 3.',
      '2 healthy developments of edition 1; the decree asks for 3.',
    ],
    // goal-renovations.ts
    [
      { kind: 'notForwardedYet', port: 80, percent: 100, targetGroup: 'mill-green' },
      'The listener on port 80 has not yet forwarded 100% to mill-green.',
      'Door 80 has not yet sent 100% of travelers down road mill-green.',
    ],
    [
      { kind: 'shareHeld', family: 'mill', revision: 2, share: null, min: 5, max: 15, held: 0, seconds: 280 },
      'mill:2 answers no requests yet; 5-15% held 0 s of 280 s so far.',
      'Edition 2 of the mill has no travelers yet; 5-15% held 0 s of 280 s so far.',
    ],
    [
      {
        kind: 'shareHeld',
        family: 'mill',
        revision: 2,
        share: 9.8,
        min: 5,
        max: 15,
        held: 120,
        seconds: 280,
      },
      'mill:2 answers 9.8% of requests; 5-15% held 120 s of 280 s so far.',
      'Edition 2 of the mill answers 9.8% of travelers; 5-15% held 120 s of 280 s so far.',
    ],
    [
      { kind: 'noAlarmYet' },
      'No CloudWatch alarm has gone to ALARM yet.',
      'No watchtower has lit its beacon yet.',
    ],
    [
      { kind: 'trafficStill', family: 'mill', revision: 2, share: 30 },
      'mill:2 still answers 30% of requests after the alarm.',
      'Edition 2 of the mill still answers 30% of travelers after the beacon lit.',
    ],
    [
      { kind: 'trafficOffLate', family: 'mill', revision: 2, seconds: 60 },
      'mill:2 lost its travelers more than 60 s after the alarm.',
      'Edition 2 of the mill lost its travelers more than 60 s after the beacon lit.',
    ],
    [
      { kind: 'serviceDeployment', revision: 2, status: 'ROLLBACK_SUCCESSFUL' },
      'Latest service deployment (to revision 2) is ROLLBACK_SUCCESSFUL.',
      'The latest renovation (to edition 2) was rolled back: the horn of rollback sounded.',
    ],
    [
      { kind: 'serviceDeployment', revision: null, status: 'IN_PROGRESS' },
      'Latest service deployment is IN_PROGRESS.',
      'The latest renovation is under way.',
    ],
    [
      { kind: 'noServiceDeployment', service: 'mill' },
      'No service deployment of mill yet.',
      'No renovation of the decree mill yet.',
    ],
    // goals.ts
    [
      { kind: 'waiting', since: 'reached', healthy: 3 },
      'Waiting for 3 healthy tasks.',
      'Waiting for 3 healthy developments.',
    ],
    [
      { kind: 'waiting', since: 'zoneFailed', healthy: 3 },
      'Waiting for an Availability Zone to fail.',
      'Waiting for a portal to collapse.',
    ],
    [
      { kind: 'waiting', since: 'draining', healthy: 3 },
      'Waiting for a container instance to be DRAINING.',
      'Waiting for a castle to be repaired (drained).',
    ],
    [
      { kind: 'waiting', since: 'newDeployment', healthy: 3 },
      'Waiting for a new deployment.',
      'Waiting for a new renovation.',
    ],
    [
      { kind: 'belowHealthy', healthy: 2, atSecond: 45 },
      'Only 2 healthy tasks at 45 s.',
      'Only 2 healthy developments at 45 s.',
    ],
    [
      { kind: 'requestsServed', served: 120 },
      '120 requests answered without error.',
      '120 travelers served.',
    ],
    [{ kind: 'serviceShort', running: 2, desired: 3 }, 'runningCount 2 of 3.', '2 of 3 standing.'],
    [
      { kind: 'noTaskStopped' },
      'No task of the service has stopped yet.',
      'No development of the decree has fallen yet.',
    ],
    [{ kind: 'noZoneFailed' }, 'No Availability Zone has failed.', 'No portal has collapsed yet.'],
    // goal-capacity.ts
    [
      { kind: 'noManagedProvider', cluster: 'Royaume' },
      'No capacity provider with managed scaling and managed termination protection on cluster Royaume.',
      "No surveyors' guild watches over Royaume yet (managed scaling and the guild's seal).",
    ],
    [
      { kind: 'groupInstances', instances: 1, cluster: 'Royaume' },
      '1 instance launched by the Auto Scaling group registered in Royaume.',
      '1 territory erected by the guild stands in Royaume.',
    ],
    [
      { kind: 'tasksOnProvider', running: 2, provider: 'FARGATE_SPOT' },
      '2 RUNNING tasks on capacity provider FARGATE_SPOT.',
      '2 developments standing on Spot lands.',
    ],
    [
      { kind: 'noReclamation' },
      'No Fargate Spot interruption yet.',
      'The planet has not reclaimed any Spot land yet.',
    ],
    [
      { kind: 'noneSetDraining' },
      'No container instance set to DRAINING.',
      'No castle is being repaired (drained) yet.',
    ],
    // goal-scaling.ts
    [
      { kind: 'noScalableTarget', service: 'mill' },
      'Service mill is not a scalable target yet.',
      'The decree mill has no growth bounds yet.',
    ],
    [
      { kind: 'scalableTargetRange', min: 1, max: 4, minAtLeast: 2, maxAtLeast: 6 },
      "The scalable target's range is 1-4; it needs a minimum of at least 2 and a maximum of at least 6.",
      'The growth bounds are 1 to 4; they should keep at least 2 standing and allow at least 6.',
    ],
    [
      { kind: 'noScalingPolicy', metric: 'ECSServiceAverageCPUUtilization' },
      'No target tracking policy on ECSServiceAverageCPUUtilization yet.',
      "No growth rule follows the builders' toil (CPU) yet.",
    ],
    [
      { kind: 'notScaledOut', desired: 0, need: 5 },
      'No scaling policy has scaled out yet (needs a desired count of 5).',
      'The decree has not grown by its rule yet (it should reach 5).',
    ],
    [
      { kind: 'notScaledOut', desired: 4, need: 5 },
      'A scaling policy scaled out to 4; 5 needed.',
      'The rule grew the decree to 4; it should reach 5.',
    ],
    [{ kind: 'notScaledOutYet' }, 'The service has not scaled out yet.', 'The decree has not grown yet.'],
    [
      { kind: 'notScaledIn' },
      'The service scaled out but has not scaled in yet.',
      'The decree grew but has not shrunk back yet.',
    ],
  ];

  it.each(rows)('%j', (missing, aws, story) => {
    expect(goalMissingAws(missing)).toBe(aws);
    expect(goalMissingStory(missing)).toBe(story);
    expect(story.replace(/matching .*$/, '')).not.toMatch(AWS_ONLY);
    expect(goalMissingText(missing, 'aws')).toBe(aws);
    expect(goalMissingText(missing, 'nozama')).toBe(story);
    expect(goalMissingText(missing, 'both')).toBe(`${story} (AWS: ${aws})`);
  });

  it('every part the levels report, from an empty world to each step of their solutions, reads as a story', () => {
    const parts = new Map<string, GoalMissing>();
    const add = (p: { missing?: GoalMissing }) => {
      if (p.missing) parts.set(JSON.stringify(p.missing), p.missing);
    };
    for (const level of LEVELS) {
      const empty = createSim({ seed: level.scenario.seed });
      for (const p of evaluateGoals(level.goals, empty, createTracker(empty))) add(p);
      const runs = [level.solution, level.wrongSolution].flatMap((steps) =>
        steps.map((_, i) => steps.slice(0, i + 1)),
      );
      for (const steps of [[], ...runs])
        for (const p of runLevel(level, steps).session.level?.progress ?? []) add(p);
    }
    expect(parts.size).toBeGreaterThan(25);
    // Every kind the levels reach is in the table above.
    const tabled = new Set(rows.map(([m]) => m.kind));
    expect([...parts.values()].filter((m) => !tabled.has(m.kind))).toEqual([]);
    // A cluster query expression is the player's own text: it is kept as written.
    const leaks = [...parts.values()]
      .map((m) => [m, goalMissingStory(m).replace(/matching .*$/, '')] as const)
      .filter(([, story]) => AWS_ONLY.test(story));
    expect(leaks).toEqual([]);
  });
});
