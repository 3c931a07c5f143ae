/**
 * The lexicon of PRODUCT.md as data: every AWS term and its Nozama name, plus the instance types as
 * kinds of land and the AMIs as charters. `term(key, mode)` renders one for the current name mode
 * (the Rosetta switch): Nozama's story word, AWS's name, or both ("territory (EC2 instance)").
 *
 * Pure data and functions: no DOM, no store. The view and the panels read it; the model never does.
 */
import { AMIS, type AmiInfo, findAmi, INSTANCE_TYPES, instanceTypeInfo } from '../model/index.ts';

/** How names are shown: Nozama's story words, AWS's names, or both side by side (same as the store's). */
export type NameMode = 'nozama' | 'aws' | 'both';

export type LexiconKind =
  | 'world'
  | 'compute'
  | 'workload'
  | 'scheduling'
  | 'traffic'
  | 'delivery'
  | 'serverless'
  | 'land'
  | 'charter';

export interface LexiconEntry {
  key: string;
  aws: string;
  nozama: string;
  kind: LexiconKind;
  /** Plural forms when adding "s" is wrong. */
  awsPlural?: string;
  nozamaPlural?: string;
  /** A short gloss of the analogy, for tooltips and debriefs. */
  note?: string;
}

/** Instance types as kinds of land: the family says what the land is rich in, the size how much. */
const LAND: Record<string, { nozama: string; nozamaPlural?: string; note: string }> = {
  't2.micro': { nozama: 'small plot', note: 'a patch of land: room for a cottage or two' },
  't3.micro': { nozama: 'cottage plot', note: 'a small plot of newer soil' },
  't3.small': { nozama: 'croft', note: 'a small farm: a little more room' },
  't3.medium': { nozama: 'homestead', note: 'a family farm: room for a few developments' },
  't3.large': { nozama: 'large homestead', note: 'a large farm with a big granary' },
  'm4.large': { nozama: 'old estate', note: 'a balanced estate of the previous age' },
  'm5.large': { nozama: 'estate', note: 'balanced land: as much workshop as granary' },
  'm5.xlarge': { nozama: 'great estate', note: 'twice an estate' },
  'm5.2xlarge': { nozama: 'grand estate', note: 'four estates in one' },
  'c5.large': { nozama: 'workshop land', note: 'rich in workshops (CPU), lean on granaries' },
  'c5.xlarge': { nozama: 'great workshop land', note: 'twice the workshops' },
  'r5.large': { nozama: 'granary-rich land', note: 'rich in granaries (memory)' },
  'r5.xlarge': { nozama: 'great granary land', note: 'twice the granaries' },
};

/** AMIs as land charters: the ECS-optimized one comes with a castle already built. */
const CHARTERS: Record<AmiInfo['key'], { aws: string; nozama: string; note: string }> = {
  'ecs-al2023': {
    aws: 'ECS-optimized AMI (Amazon Linux 2023)',
    nozama: 'the royal charter',
    note: 'the castle is already built: the agent joins the kingdom on its own',
  },
  al2023: {
    aws: 'Amazon Linux 2023 AMI',
    nozama: 'a bare charter',
    note: 'no castle: without an agent the territory never joins a kingdom',
  },
};

const CONCEPTS: LexiconEntry[] = [
  { key: 'aws', aws: 'AWS', nozama: 'the planet Nozama', kind: 'world' },
  { key: 'region', aws: 'Region', nozama: 'region', kind: 'world' },
  {
    key: 'zone',
    aws: 'Availability Zone',
    nozama: 'portal',
    kind: 'world',
    note: 'a portal to an isolated zone',
  },
  {
    key: 'cluster',
    aws: 'ECS cluster',
    nozama: 'kingdom',
    kind: 'compute',
    note: 'the first one is Royaume; "default" is created if none is named',
  },
  {
    key: 'instance',
    aws: 'EC2 instance',
    nozama: 'territory',
    nozamaPlural: 'territories',
    kind: 'compute',
    note: 'an EC2 instance registered as a container instance',
  },
  {
    key: 'containerInstance',
    aws: 'container instance',
    nozama: 'castle',
    kind: 'compute',
    note: 'the territory as the kingdom knows it: its castle',
  },
  {
    key: 'instanceType',
    aws: 'instance type',
    nozama: 'land kind',
    kind: 'compute',
    note: 'territory size and kind (small plot, estate, granary-rich land)',
  },
  {
    key: 'ami',
    aws: 'AMI',
    nozama: 'land charter',
    kind: 'compute',
    note: 'the royal charter comes with a castle already built',
  },
  {
    key: 'userData',
    aws: 'user data',
    nozama: 'letter',
    kind: 'compute',
    note: 'the territory’s letter names the kingdom its lord joins (ECS_CLUSTER)',
  },
  {
    key: 'agent',
    aws: 'ECS container agent',
    nozama: 'lord',
    kind: 'compute',
    note: 'the castle and its lord; no castle, no place in the kingdom',
  },
  { key: 'container', aws: 'container', nozama: 'building', kind: 'workload' },
  { key: 'image', aws: 'container image', nozama: 'building design', kind: 'workload' },
  {
    key: 'taskDefinition',
    aws: 'task definition',
    nozama: 'architectural plan',
    kind: 'workload',
    note: 'family:revision; at most 10 buildings each',
  },
  { key: 'revision', aws: 'revision', nozama: 'edition', kind: 'workload' },
  { key: 'task', aws: 'task', nozama: 'development', kind: 'workload' },
  {
    key: 'service',
    aws: 'service',
    nozama: 'decree',
    kind: 'workload',
    note: '"keep N developments of plan X standing"',
  },
  { key: 'deployment', aws: 'deployment', nozama: 'renovation', kind: 'delivery' },
  { key: 'scheduler', aws: 'ECS scheduler', nozama: 'royal steward', kind: 'scheduling' },
  {
    key: 'placementStrategy',
    aws: 'placement strategy',
    nozama: 'settlement preference',
    kind: 'scheduling',
  },
  { key: 'placementConstraint', aws: 'placement constraint', nozama: 'settlement rule', kind: 'scheduling' },
  { key: 'attribute', aws: 'attribute', nozama: 'castle mark', kind: 'scheduling' },
  { key: 'loadBalancer', aws: 'Application Load Balancer', nozama: 'city gate', kind: 'traffic' },
  { key: 'listener', aws: 'listener', nozama: 'gate door', kind: 'traffic', note: 'main 80, test 8080' },
  { key: 'targetGroup', aws: 'target group', nozama: 'road', kind: 'traffic' },
  { key: 'healthCheck', aws: 'health check', nozama: 'herald', kind: 'traffic' },
  {
    key: 'traffic',
    aws: 'client traffic',
    nozama: 'travelers',
    awsPlural: 'client traffic',
    kind: 'traffic',
  },
  {
    key: 'mainDoor',
    aws: 'production listener (port 80)',
    nozama: 'main door',
    kind: 'traffic',
    note: 'where the travelers come in',
  },
  {
    key: 'testDoor',
    aws: 'test listener (port 8080)',
    nozama: 'test door',
    kind: 'traffic',
    note: 'a side door to try the new road before the travelers do',
  },
  {
    key: 'target',
    aws: 'target',
    nozama: 'stop on the road',
    nozamaPlural: 'stops on the road',
    kind: 'traffic',
    note: 'a development the road leads to (an instance and port, or an IP address)',
  },
  { key: 'targetHealth', aws: 'target health', nozama: 'herald’s report', kind: 'traffic' },
  {
    key: 'weight',
    aws: 'target group weight',
    nozama: 'share of travelers',
    nozamaPlural: 'shares of travelers',
    kind: 'traffic',
    note: 'how a door splits its travelers between two roads',
  },
  {
    key: 'deregistrationDelay',
    aws: 'deregistration delay',
    nozama: 'closing time',
    kind: 'traffic',
    note: 'a stop leaving the road takes no new travelers but lets those inside finish',
  },
  {
    key: 'healthCheckGracePeriod',
    aws: 'health check grace period',
    nozama: 'the herald’s patience',
    kind: 'traffic',
    note: 'how long the steward ignores the herald after a development rises',
  },
  {
    key: 'fault',
    aws: 'injected fault (error rate, latency)',
    nozama: 'curse',
    kind: 'traffic',
    note: 'a plan edition that fails some travelers or makes them wait',
  },
  {
    key: 'autoScaling',
    aws: 'Application Auto Scaling',
    nozama: 'the growth of decrees',
    kind: 'scheduling',
    note: 'decrees that add developments when travelers crowd in and take them down when they leave',
  },
  {
    key: 'scalableTarget',
    aws: 'scalable target',
    nozama: 'growth bounds',
    kind: 'scheduling',
    note: 'the fewest and the most developments a decree may have (MinCapacity, MaxCapacity)',
  },
  { key: 'scalingPolicy', aws: 'scaling policy', nozama: 'growth rule', kind: 'scheduling' },
  {
    key: 'targetTracking',
    aws: 'target tracking',
    nozama: 'a rule that keeps a measure near its aim',
    kind: 'scheduling',
  },
  {
    key: 'scalingActivity',
    aws: 'scaling activity',
    nozama: 'growth',
    kind: 'scheduling',
    awsPlural: 'scaling activities',
  },
  {
    key: 'cpuUtilization',
    aws: 'CPU utilization',
    nozama: "builders' toil",
    kind: 'scheduling',
    note: 'how hard the builders of a development work for its travelers',
  },
  { key: 'cooldown', aws: 'cooldown', nozama: 'rest between growths', kind: 'scheduling' },
  { key: 'alarm', aws: 'CloudWatch alarm', nozama: 'watchtower beacon', kind: 'delivery' },
  { key: 'alarmTower', aws: 'alarm', nozama: 'watchtower', kind: 'delivery' },
  { key: 'alarmStateAlarm', aws: 'ALARM', nozama: 'beacon lit', kind: 'delivery' },
  { key: 'alarmStateOk', aws: 'OK', nozama: 'all quiet', kind: 'delivery' },
  { key: 'alarmStateInsufficient', aws: 'INSUFFICIENT_DATA', nozama: 'no news', kind: 'delivery' },
  {
    key: 'metricMath',
    aws: 'metric math',
    nozama: 'the watch’s reckoning',
    kind: 'delivery',
    note: 'a sum over tallies, such as failed travelers per hundred',
  },
  { key: 'rollingDeployment', aws: 'rolling deployment', nozama: 'rolling renovation', kind: 'delivery' },
  { key: 'blueGreenDeployment', aws: 'blue/green deployment', nozama: 'road swap', kind: 'delivery' },
  { key: 'canaryDeployment', aws: 'canary deployment', nozama: 'canary renovation', kind: 'delivery' },
  { key: 'linearDeployment', aws: 'linear deployment', nozama: 'linear renovation', kind: 'delivery' },
  {
    key: 'rollback',
    aws: 'rollback',
    nozama: 'horn of rollback',
    nozamaPlural: 'horns of rollback',
    kind: 'delivery',
  },
  { key: 'lambdaFunction', aws: 'Lambda function', nozama: 'spell', kind: 'serverless' },
  {
    key: 'lambdaVersion',
    aws: 'Lambda version',
    nozama: 'edition of a spell',
    nozamaPlural: 'editions of a spell',
    kind: 'serverless',
  },
  { key: 'lambdaAlias', aws: 'Lambda alias', nozama: 'named incantation', kind: 'serverless' },
  {
    key: 'fargate',
    aws: 'Fargate',
    nozama: 'managed lands',
    nozamaPlural: 'managed lands',
    awsPlural: 'Fargate',
    kind: 'compute',
    note: 'developments without territories to tend',
  },
  {
    key: 'fargateSpot',
    aws: 'Fargate Spot',
    nozama: 'Spot lands',
    nozamaPlural: 'Spot lands',
    awsPlural: 'Fargate Spot',
    kind: 'compute',
    note: 'cheap managed lands the planet may reclaim, with two minutes of warning',
  },
  {
    key: 'spotInterruption',
    aws: 'Spot interruption',
    nozama: 'reclamation',
    kind: 'compute',
    note: 'the planet takes its Spot land back: a two-minute warning, then the development stops',
  },
  {
    key: 'launchTemplate',
    aws: 'launch template',
    nozama: 'survey order',
    kind: 'compute',
    note: 'how to erect a territory: its charter, its size and the kingdom it joins',
  },
  {
    key: 'autoScalingGroup',
    aws: 'Auto Scaling group',
    nozama: 'survey party',
    kind: 'compute',
    note: 'keeps a number of territories standing across the portals, erecting and abandoning them',
  },
  {
    key: 'capacityProvider',
    aws: 'capacity provider',
    nozama: "surveyors' guild",
    nozamaPlural: "surveyors' guilds",
    kind: 'compute',
    note: 'erects territories by itself when the steward finds no room, and lets idle ones go',
  },
  {
    key: 'capacityProviderStrategy',
    aws: 'capacity provider strategy',
    nozama: 'land mix',
    kind: 'scheduling',
    note: 'base: developments that must stand on one kind of land; weight: how the rest are shared',
  },
  {
    key: 'targetCapacity',
    aws: 'target capacity',
    nozama: "the guild's fill target",
    kind: 'compute',
    note: 'how full the guild keeps its territories, in percent',
  },
  {
    key: 'managedTerminationProtection',
    aws: 'managed termination protection',
    nozama: "the guild's seal",
    kind: 'compute',
    note: 'no territory with a development standing on it is ever abandoned',
  },
];

/** Every term: the concepts, one land kind per instance type, one charter per AMI. */
export const LEXICON: readonly LexiconEntry[] = [
  ...CONCEPTS,
  ...INSTANCE_TYPES.map(
    (t): LexiconEntry => ({
      key: `instanceType:${t.instanceType}`,
      aws: t.instanceType,
      nozama: LAND[t.instanceType]?.nozama ?? fallbackLand(t.instanceType),
      kind: 'land',
      note: LAND[t.instanceType]?.note ?? '',
    }),
  ),
  ...AMIS.map(
    (a): LexiconEntry => ({
      key: `ami:${a.key}`,
      aws: CHARTERS[a.key].aws,
      nozama: CHARTERS[a.key].nozama,
      kind: 'charter',
      note: CHARTERS[a.key].note,
    }),
  ),
];

const BY_KEY: ReadonlyMap<string, LexiconEntry> = new Map(LEXICON.map((e) => [e.key, e]));

export function lexiconEntry(key: string): LexiconEntry | undefined {
  return BY_KEY.get(key);
}

function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** Joins the two names the way the Rosetta "both" mode shows them: "territory (EC2 instance)". */
export function both(nozama: string, aws: string): string {
  return nozama === aws ? nozama : `${nozama} (${aws})`;
}

/** Picks the text for a mode; 'both' shows the Nozama text with the AWS one in parentheses. */
export function byMode(mode: NameMode, nozama: string, aws: string): string {
  if (mode === 'aws') return aws;
  if (mode === 'nozama') return nozama;
  return both(nozama, aws);
}

/**
 * One term in the chosen mode: term('instance', 'nozama') = "territory", 'aws' = "EC2 instance",
 * 'both' = "territory (EC2 instance)". Unknown keys come back as the key itself.
 */
export function term(key: string, mode: NameMode = 'nozama', options: { plural?: boolean } = {}): string {
  const e = BY_KEY.get(key);
  if (!e) return key;
  const noz = options.plural ? (e.nozamaPlural ?? plural(e.nozama)) : e.nozama;
  const aws = options.plural ? (e.awsPlural ?? plural(e.aws)) : e.aws;
  return byMode(mode, noz, aws);
}

/** Capitalises the first letter (for a term at the start of a sentence). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fallbackLand(instanceType: string): string {
  const family = instanceType.charAt(0);
  if (family === 'c') return 'workshop land';
  if (family === 'r') return 'granary-rich land';
  if (family === 't') return 'plot';
  return 'estate';
}

/** The kind of land an instance type is: "homestead" for t3.medium, "granary-rich land" for r5.large. */
export function landKind(instanceType: string, mode: NameMode = 'nozama'): string {
  const noz = BY_KEY.get(`instanceType:${instanceType}`)?.nozama ?? fallbackLand(instanceType);
  return byMode(mode, noz, instanceType);
}

/** Size of a land kind in plain words: "2 vCPU, 4 GiB". */
export function landSize(instanceType: string): string {
  const info = instanceTypeInfo(instanceType);
  if (!info) return '';
  return `${info.vcpus} vCPU, ${info.memoryMiB / 1024} GiB`;
}

/** The charter an AMI grants: "the royal charter" for the ECS-optimized AMI, "a bare charter" otherwise. */
export function charterName(region: string, imageId: string, mode: NameMode = 'nozama'): string {
  const ami = findAmi(region, imageId);
  if (!ami) return byMode(mode, 'an unknown charter', imageId);
  const c = CHARTERS[ami.key];
  return byMode(mode, c.nozama, c.aws);
}

/**
 * The glossary in plain words, for a newcomer who has never met AWS: what each thing is, not its
 * story. `also` lists more story words that stand for the same thing in level texts.
 */
const PLAIN: Record<string, { plain: string; also?: string[] }> = {
  scalableTarget: {
    plain: 'the fewest and the most copies of a program a service may be changed to by itself.',
    also: ['bounds'],
  },
  scalingPolicy: {
    plain: 'a rule that changes how many copies a service keeps, from a measurement such as CPU.',
    also: ['growth rule', 'rule'],
  },
  cpuUtilization: {
    plain: 'how busy the processors reserved for a program are, as a percentage.',
    also: ['toil', 'CPU'],
  },
  cooldown: { plain: 'a wait after a change before the next one, so a measurement can settle.' },
  aws: {
    plain: 'Amazon Web Services, Amazon’s cloud: computers and services you rent by the second.',
    also: ['Nozama'],
  },
  region: { plain: 'a part of the world where AWS has its own data centres; regions share nothing.' },
  zone: {
    plain: 'an isolated group of data centres inside a region, with its own power and network.',
  },
  cluster: {
    plain: 'a named group of computers that Amazon ECS runs your programs on.',
  },
  instance: { plain: 'a virtual computer (a server) rented in the cloud.' },
  containerInstance: {
    plain: 'a computer that has joined a cluster: ECS knows it and may run programs on it.',
  },
  instanceType: {
    plain: 'how big a computer is: its CPUs and memory (t3.medium: 2 vCPU, 4 GiB).',
    also: ['size of the land', 'homestead'],
  },
  ami: {
    plain: 'Amazon Machine Image: the disk a computer starts from, with its system and programs.',
    also: ['charter'],
  },
  userData: { plain: 'a short script a computer runs when it first starts.' },
  agent: {
    plain: 'a small program on the computer that joins it to a cluster and starts containers there.',
  },
  container: { plain: 'a program packed with everything it needs, so it runs the same anywhere.' },
  image: { plain: 'the packed program a container is started from.' },
  taskDefinition: {
    plain: 'the recipe for running containers: which images, how much CPU and memory, which ports.',
  },
  task: { plain: 'one running copy of a task definition: its containers, together on one computer.' },
  service: {
    plain: 'an order to ECS: keep N tasks of a task definition running, and replace any that stop.',
  },
  scheduler: {
    plain: 'the part of ECS that picks the computer for each task and keeps services at their count.',
    also: ['steward'],
  },
  fargate: { plain: 'computers AWS runs for you (Fargate); a later chapter uses them.' },
  deployment: { plain: 'replacing the running tasks of a service with tasks of a new task definition.' },
  loadBalancer: {
    plain: 'one address for your clients that passes each request on to one of many running copies.',
  },
  listener: { plain: 'a port the load balancer listens on (80 for everyone, 8080 to test).' },
  targetGroup: { plain: 'a list of running copies that a listener may send requests to.' },
  healthCheck: {
    plain: 'a request the load balancer sends every few seconds to check a copy still answers well.',
  },
  traffic: { plain: 'the requests your clients send.' },
  weight: { plain: 'the share of requests a listener sends down each target group.' },
  alarm: {
    plain: 'a CloudWatch alarm: it watches a number (like failed requests) and goes off past a limit.',
  },
  rollingDeployment: { plain: 'replacing tasks a few at a time, old and new running side by side.' },
  blueGreenDeployment: {
    plain: 'starting the new version beside the old one, then moving all requests to it at once.',
  },
  canaryDeployment: {
    plain: 'sending a small share of requests to the new version first, then the rest if all is well.',
  },
  linearDeployment: { plain: 'moving requests to the new version in equal steps, one step at a time.' },
  rollback: { plain: 'going back to the version that worked, automatically when an alarm goes off.' },
  lambdaFunction: { plain: 'code AWS runs when it is called, with no server for you to manage.' },
  lambdaVersion: { plain: 'a frozen, numbered copy of a function’s code and settings.' },
  lambdaAlias: { plain: 'a name that points to one version, or splits calls between two.' },
};

export interface GlossaryLine {
  key: string;
  nozama: string;
  aws: string;
  plain: string;
}

function mentions(text: string, word: string): boolean {
  const escaped = word.replace(/^(the|a|an) /, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${escaped}(s|es)?\\b`, 'i').test(text);
}

/**
 * The glossary lines for the words a text uses (a level's brief, goals and hints), in the lexicon's
 * order; `always` adds keys whatever the text says (things the map shows, such as managed lands).
 */
export function glossaryFor(text: string, always: readonly string[] = []): GlossaryLine[] {
  return CONCEPTS.flatMap((e) => {
    const gloss = PLAIN[e.key];
    if (!gloss) return [];
    const words = [e.nozama, e.nozamaPlural ?? '', e.aws, ...(gloss.also ?? [])].filter(Boolean);
    if (!always.includes(e.key) && !words.some((w) => mentions(text, w))) return [];
    return [{ key: e.key, nozama: e.nozama, aws: e.aws, plain: gloss.plain }];
  });
}

/** Every story word with its AWS term and one plain sentence, in the lexicon's order (the glossary). */
export function fullGlossary(): GlossaryLine[] {
  return glossaryFor(
    '',
    CONCEPTS.map((e) => e.key),
  );
}

/**
 * The glossary line a story word stands for, when `text` is that word (or its plural) on its own:
 * what a label such as "Portal" or "Decree" shows on hover. Null for any other text.
 */
export function glossaryOf(text: string): GlossaryLine | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  const e = CONCEPTS.find((c) => c.nozama.toLowerCase() === t || c.nozamaPlural?.toLowerCase() === t);
  const gloss = e ? PLAIN[e.key] : undefined;
  return e && gloss ? { key: e.key, nozama: e.nozama, aws: e.aws, plain: gloss.plain } : null;
}
