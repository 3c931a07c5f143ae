/** The Build panel: its sections' titles, in both vocabularies, and what it says when it is empty. */
export const BUILD = {
  'build.territory': { nozama: 'Erect a territory', aws: 'Launch a container instance' },
  'build.plan': { nozama: 'Draft a plan', aws: 'Register a task definition' },
  'build.develop': { nozama: 'Raise developments', aws: 'Run tasks' },
  'build.decree': { nozama: 'Proclaim a decree', aws: 'Create or update a service' },
  'build.capacity': { nozama: "The surveyors' guild", aws: 'Auto Scaling and capacity providers' },
  'build.drain': { nozama: 'Repairs', aws: 'Drain a container instance' },
  'build.gate': { nozama: 'Build the gate', aws: 'Load balancer, target groups, listeners' },
  'build.traffic': { nozama: 'Travelers and curses', aws: 'Traffic and fault injection' },
  'build.watchtower': { nozama: 'Raise a watchtower', aws: 'Create a CloudWatch alarm' },
  'build.renovation': { nozama: 'Renovate a decree', aws: 'Deploy a new revision' },
  'build.spells': { nozama: 'The wizard’s tower', aws: 'Lambda functions and aliases' },
  'build.growth': { nozama: 'Growth', aws: 'Service auto scaling' },
  'build.disasters': { nozama: 'Disasters', aws: 'Fault injection' },
  'build.nothing': {
    nozama: 'Nothing to build in this level: watch, read and decide.',
    aws: 'This level needs no API calls from here.',
  },
} as const;
