/**
 * The goal engine (src/model/goal-state.ts, goal-renovations.ts, goals.ts) words what is still
 * missing in AWS's terms; in Nozama's mode the level panel retells it in the story's words. Whole
 * sentences the engine writes are retold first (their AWS grammar does not survive a word swap:
 * "Service mill not found (ServiceNotFoundException)."), then the nouns left are swapped one by one
 * (longest first, so "container instances" is not read as "container" + "instances").
 */
import { zoneCodeOf } from '../../i18n/names.ts';

const plural = (n: string, one: string, many: string) => `${n} ${n === '1' ? one : many}`;

/** ECS service deployment statuses (DescribeServiceDeployments), as the renovation's fate. */
const SERVICE_DEPLOYMENT: Record<string, string> = {
  PENDING: 'is waiting to begin',
  IN_PROGRESS: 'is under way',
  SUCCESSFUL: 'succeeded',
  STOP_REQUESTED: 'is being stopped',
  STOPPED: 'was stopped',
  ROLLBACK_REQUESTED: 'is being rolled back',
  ROLLBACK_IN_PROGRESS: 'is being rolled back',
  ROLLBACK_SUCCESSFUL: 'was rolled back: the horn of rollback sounded',
  ROLLBACK_FAILED: 'could not be rolled back',
};

/** A deployment's rolloutState. */
const ROLLOUT: Record<string, string> = {
  IN_PROGRESS: 'under way',
  COMPLETED: 'complete',
  FAILED: 'failed',
};

/** The Lambda alias deployer's statuses. */
const SHIFT: Record<string, string> = {
  InProgress: 'is under way',
  Succeeded: 'succeeded',
  Failed: 'failed',
};

const lower = (s: string) => s.toLowerCase().replace(/_/g, ' ');

type Rule = readonly [RegExp, (...m: string[]) => string];

/** Marks text kept as the player wrote it (a cluster query expression): no word is swapped inside. */
const KEEP_OPEN = '\uE000';
const KEEP_CLOSE = '\uE001';
const keep = (text: string) => `${KEEP_OPEN}${text}${KEEP_CLOSE}`;

/** Applies `f` to the text outside the kept parts. */
function outsideKept(text: string, f: (part: string) => string): string {
  return text
    .split(new RegExp(`(${KEEP_OPEN}[^${KEEP_CLOSE}]*${KEEP_CLOSE})`))
    .map((part) => (part.startsWith(KEEP_OPEN) ? part : f(part)))
    .join('');
}

/** The engine's sentences, retold whole. `$n` groups are the names and numbers they carry. */
const SENTENCES: readonly Rule[] = [
  [
    /(\d+) of (\d+) RUNNING tasks on instances matching (.+)\.$/g,
    (_, m, n, q = '') => `${m} of ${n} standing developments on territories matching ${keep(q)}.`,
  ],
  [/\banswers no travelers of requests\b/g, () => 'has no travelers yet'],
  [/Service (\S+) not found \(ServiceNotFoundException\)\./g, (_, s) => `No decree ${s} yet.`],
  [/No service deployment of (\S+) yet\./g, (_, s) => `No renovation of the decree ${s} yet.`],
  [
    /Latest service deployment(?: \(to revision (\d+)\))? is ([A-Z_]+)\./g,
    (_, r, st = '') =>
      `The latest renovation${r ? ` (to edition ${r})` : ''} ${SERVICE_DEPLOYMENT[st] ?? `is ${lower(st)}`}.`,
  ],
  [
    /PRIMARY deployment on revision (\d+), rolloutState ([A-Z_]+)\./g,
    (_, r, st = '') => `The decree's current renovation is to edition ${r} (${ROLLOUT[st] ?? lower(st)}).`,
  ],
  [/No PRIMARY deployment\./g, () => 'The decree has no current renovation.'],
  [/Cluster (\S+) not found\./g, (_, c) => `No kingdom ${c} yet.`],
  [/Target group (\S+) not found\./g, (_, g) => `No road ${g} yet.`],
  [
    /(\d+) healthy targets in (\S+)\./g,
    (_, n = '', g) => `The herald finds ${plural(n, 'development', 'developments')} well on road ${g}.`,
  ],
  [/No listener on port (\d+) yet\./g, (_, p) => `No door on port ${p} yet.`],
  [
    /Port (\d+) forwards (\d+)% to (\S+)\./g,
    (_, p, w, g) => `Door ${p} sends ${w}% of travelers down road ${g}.`,
  ],
  [
    /The listener on port (\d+) has not yet forwarded (\d+)% to (\S+)\./g,
    (_, p, w, g) => `Door ${p} has not yet sent ${w}% of travelers down road ${g}.`,
  ],
  [/Alias (\S+) not found\./g, (_, a) => `No incantation ${a} yet.`],
  [/Alias (\S+) points to version (\S+)\./g, (_, a, v) => `The incantation ${a} speaks edition ${v}.`],
  [
    /No deployment of version (\S+) to alias (\S+) yet\./g,
    (_, v, a) => `No shift of the incantation ${a} to edition ${v} yet.`,
  ],
  [
    /Deployment of version (\S+) is (\w+)(?:: (.*?))?\.$/g,
    (_, v, st = '', why) =>
      `The shift to edition ${v} ${SHIFT[st] ?? lower(st)}${
        why === undefined ? '' : /health check/i.test(why) ? ': the health check found errors' : `: ${why}`
      }.`,
  ],
  [/No CloudWatch alarm has gone to ALARM yet\./g, () => 'No watchtower has lit its beacon yet.'],
  [/\bafter the alarm\b/g, () => 'after the beacon lit'],
  [/No ACTIVE revision of (\S+)\./g, (_, f) => `No edition of the plan ${f} yet.`],
  // "mill:2" is a plan and its edition (never a time: a family starts with a letter).
  [/\b([a-z][a-z0-9_-]*):(\d+)\b/g, (_, f, r) => `edition ${r} of the ${f}`],
  [/runningCount (\d+) of (\d+)\./g, (_, n, d) => `${n} of ${d} standing.`],
  [/runningCount (\d+), desiredCount (\d+)\./g, (_, n, d) => `${n} standing; the decree asks for ${d}.`],
  [/, desiredCount (\d+)\./g, (_, d) => `; the decree asks for ${d}.`],
  [/\b(?:of )?revision (\d+)/g, (m, r) => `${m.startsWith('of ') ? 'of ' : ''}edition ${r}`],
  [/No container instance (?:is|set to) DRAINING\./g, () => 'No castle is being repaired (drained) yet.'],
  [
    /Waiting for a container instance to be DRAINING\./g,
    () => 'Waiting for a castle to be repaired (drained).',
  ],
  [
    /(\d+) DRAINING instances still run tasks\./g,
    (_, n = '') =>
      `${plural(n, 'territory', 'territories')} being repaired still ${n === '1' ? 'holds' : 'hold'} developments.`,
  ],
  [/Waiting for an Availability Zone to fail\./g, () => 'Waiting for a portal to collapse.'],
  [/No Availability Zone has failed\./g, () => 'No portal has collapsed yet.'],
  [/Waiting for a new deployment\./g, () => 'Waiting for a new renovation.'],
  [/No task of the service has stopped yet\./g, () => 'No development of the decree has fallen yet.'],
  [/\brequests failed \(5xx\)/g, () => 'travelers turned away (5xx)'],
  [/\brequests answered without error/g, () => 'travelers served'],
  [/\b(?:of )?requests\b/g, (m) => (m.startsWith('of ') ? 'of travelers' : 'travelers')],
  // A zone's name: "za-southwest-1a" is portal 1a.
  [/\b[a-z]{2}-[a-z]+-\d+[a-z]\b/g, (z) => `portal ${zoneCodeOf(z)}`],
];

/** Nouns left after the sentences, AWS's word to the story's. */
const WORDS: readonly [RegExp, string][] = [
  [/\bACTIVE container instances\b/g, 'castles'],
  [/\bcontainer instances\b/g, 'castles'],
  [/\bcontainer instance\b/g, 'castle'],
  [/\bwithout the ECS agent\b/g, 'without a lord (a bare charter)'],
  [/\bthe ECS agent\b/g, 'the lord'],
  [/\bEC2 instances\b/g, 'territories'],
  [/\bEC2 instance\b/g, 'territory'],
  [/\binstances\b/g, 'territories'],
  [/\binstance\b/g, 'territory'],
  [/\bAvailability Zones\b/g, 'portals'],
  [/\bAvailability Zone\b/g, 'portal'],
  [/\btarget groups\b/gi, 'roads'],
  [/\btarget group\b/gi, 'road'],
  [/\blisteners\b/gi, 'doors'],
  [/\blistener\b/gi, 'door'],
  [/\bCloudWatch alarms\b/g, 'watchtowers'],
  [/\bCloudWatch alarm\b/g, 'watchtower'],
  [/\bservices\b/g, 'decrees'],
  [/\bservice\b/g, 'decree'],
  [/\bServices?\b/g, 'Decree'],
  [/\bclusters?\b/gi, 'kingdom'],
  [/\bdeployments\b/gi, 'renovations'],
  [/\bdeployment\b/gi, 'renovation'],
  [/\bTasks\b/g, 'Developments'],
  [/\btasks\b/g, 'developments'],
  [/\btask\b/g, 'development'],
  [/\brunning\b/g, 'standing'],
  [/\bRUNNING\b/g, 'standing'],
];

const SINGULAR: Record<string, string> = {
  castles: 'castle',
  territories: 'territory',
  portals: 'portal',
  developments: 'development',
  travelers: 'traveler',
};

const capitalFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A goal's "still missing" detail in the story's words. */
export function storyWords(detail: string): string {
  // A replacer gets the match, its groups, then the offset and the whole text: keep the first two.
  const told = SENTENCES.reduce(
    (text, [re, say]) =>
      outsideKept(text, (part) =>
        part.replace(re, (...m: unknown[]) => say(...(m.slice(0, -2) as string[]))),
      ),
    detail,
  );
  const story = outsideKept(told, (part) =>
    WORDS.reduce((text, [re, word]) => text.replace(re, word), part).replace(
      /\b1 ((?:distinct )?)(castles|territories|portals|developments|travelers)\b/g,
      (_, distinct: string, noun: string) => `1 ${distinct}${SINGULAR[noun] ?? noun}`,
    ),
  ).replace(/[\uE000\uE001]/g, '');
  return story === detail ? detail : capitalFirst(story);
}
