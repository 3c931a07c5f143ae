/** Chapter 2, Plans and developments: task definitions (containers, CPU, memory, essential) and RunTask. */
import { type Building, createCluster, registerTaskDefinition, runInstances } from './calls.ts';
import type { Level } from './types.ts';

const BLOG: Building[] = [
  { name: 'web', image: 'nginx:1.27', cpu: 256, memory: 256, port: 80 },
  { name: 'app', image: 'ghost:5', cpu: 512, memory: 1024 },
  { name: 'cache', image: 'redis:7', cpu: 256, memory: 512, essential: false },
];

const TOO_MANY: Building[] = Array.from({ length: 11 }, (_, i) => ({
  name: `hut${i + 1}`,
  image: 'busybox:1.37',
  cpu: 64,
  memory: 64,
}));

export const registerBlog = (): ReturnType<typeof registerTaskDefinition> =>
  registerTaskDefinition('blog', BLOG);

export const firstPlan: Level = {
  id: 'first-plan',
  number: 3,
  chapter: 2,
  title: 'The first plan',
  concept: 'Task definition: containers, CPU and memory, essential',
  brief: [
    'The scribes of Royaume want a place to publish their chronicles: a blog.',
    'Draft an architectural plan named blog with three buildings: a web server at the front (port 80), an app server behind it, and an in-memory cache.',
    'The whole plan must fit on one homestead (t3.medium). The royal architects refuse any plan of more than ten buildings.',
  ],
  scenario: { seed: 103, setup: [createCluster(), runInstances('a')], settle: 25, place: 'kingdom' },
  allowed: ['plan'],
  goals: [
    {
      id: 'plan',
      text: 'Plan blog has three buildings and fits on a homestead',
      aws: 'Task definition family blog: 3 containers whose CPU and memory fit a t3.medium (2048 CPU units, 3992 MiB registered)',
      check: { kind: 'taskDefinition', family: 'blog', containers: 3, fitsInstanceType: 't3.medium' },
    },
  ],
  hints: [
    'Open the plan form and name the plan blog. Each building is a container: a name, a design (the image), and how much workshop (CPU units) and granary (memory, MiB) it needs.',
    'A homestead offers 2048 CPU units and 3992 MiB once its castle is built: keep the sum of the three buildings below that.',
    'Try web nginx:1.27 (256 CPU, 256 MiB, port 80), app ghost:5 (512, 1024) and cache redis:7 (256, 512). Mark the cache not essential: if it falls, the blog still stands.',
  ],
  solution: [{ call: registerBlog(), note: 'Three buildings, 1024 CPU units and 1792 MiB in all.' }],
  wrongSolution: [{ call: registerTaskDefinition('blog', TOO_MANY), note: 'Eleven huts: refused.' }],
  debrief: {
    text: [
      'An architectural plan is a task definition: a family (blog) whose every registration is a new revision, an edition (blog:1, blog:2...).',
      'Each building is a container definition: an image, CPU units (1024 per vCPU) and memory in MiB. A task definition holds at most 10 containers; an 11th is refused with a ClientException.',
      'If an essential container stops, ECS stops the whole task; a container marked not essential (a cache, say) may stop alone. The task must fit the CPU and memory a container instance registered, which is a little below what the instance type is sold with.',
    ],
    cli: [
      'aws ecs register-task-definition --family blog --container-definitions \'[{"name":"web","image":"nginx:1.27","cpu":256,"memory":256,"essential":true,"portMappings":[{"containerPort":80,"hostPort":0,"protocol":"tcp"}]},{"name":"app","image":"ghost:5","cpu":512,"memory":1024,"essential":true},{"name":"cache","image":"redis:7","cpu":256,"memory":512,"essential":false}]\'',
    ],
  },
  stars: { thriftGold: 11, safetyFailedRequests: 0, safetySecondsBelowDesired: 0 },
};

export const firstDevelopment: Level = {
  id: 'first-development',
  number: 4,
  chapter: 2,
  title: 'The first development',
  concept: 'RunTask, the task lifecycle',
  brief: [
    'The plan is approved. Now ask the royal steward to raise one development of it in Royaume.',
    'The steward chooses the territory. Watch the development rise: first PENDING while the designs are fetched, then RUNNING.',
  ],
  scenario: {
    seed: 104,
    setup: [createCluster(), runInstances('a'), registerBlog()],
    settle: 25,
    place: 'kingdom',
  },
  allowed: ['develop'],
  goals: [
    {
      id: 'running',
      text: 'One development of the blog plan stands in Royaume',
      aws: 'One task of family blog is RUNNING in cluster Royaume (RunTask)',
      check: { kind: 'tasksRunning', atLeast: 1, family: 'blog', standalone: true },
    },
  ],
  hints: [
    'Open the development form and choose the plan blog.',
    'Name the kingdom: a request that names none goes to the default kingdom, which does not exist here.',
    'Raise one development and let time run: it is PENDING for a few seconds, then RUNNING.',
  ],
  solution: [
    { call: { action: 'ecs:RunTask', input: { cluster: 'Royaume', taskDefinition: 'blog', count: 1 } } },
    { advance: 15 },
  ],
  wrongSolution: [
    {
      call: { action: 'ecs:RunTask', input: { taskDefinition: 'blog', count: 1 } },
      note: 'No cluster named.',
    },
    { advance: 15 },
  ],
  debrief: {
    text: [
      'A development is a task: one running copy of a task definition. RunTask asks the ECS scheduler, the royal steward, to place it on a container instance with enough free CPU, memory and ports.',
      'A task walks its lifecycle: PROVISIONING, PENDING (the agent pulls the images), ACTIVATING, RUNNING, then DEACTIVATING, STOPPING, DEPROVISIONING and STOPPED. A call that names no cluster goes to the cluster named default.',
    ],
    cli: ['aws ecs run-task --cluster Royaume --task-definition blog --count 1'],
  },
  stars: { thriftGold: 11, safetyFailedRequests: 0, safetySecondsBelowDesired: 0 },
};
