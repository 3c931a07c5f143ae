/** Free play's guide: the "what a canary needs" checklist and the blueprints, in both vocabularies. */
export const GUIDE = {
  'guide.checklist': { nozama: 'What a canary needs', aws: 'Canary deployment checklist' },
  'guide.checklistHint': {
    nozama: 'Each line ticks when the world has it, however it was built.',
    aws: 'Each item is read from the current state, however it was created.',
  },
  'guide.need.gate': { nozama: 'A gate with a door', aws: 'A load balancer with a listener' },
  'guide.need.decree': { nozama: 'A decree behind the gate', aws: 'A service registered in a target group' },
  'guide.need.travelers': { nozama: 'Travelers at its door', aws: 'Traffic on its listener' },
  'guide.need.edition': { nozama: 'A second edition of its plan', aws: 'A new task definition revision' },
  'guide.need.curse': {
    nozama: 'A curse on that edition (optional: something to catch)',
    aws: 'A fault on the new revision (optional)',
  },
  'guide.need.watchtower': { nozama: 'A watchtower', aws: 'A CloudWatch alarm' },
  'guide.need.renovation': {
    nozama: 'The renovation: a canary (or steps) the watchtower may roll back',
    aws: 'UpdateService: CANARY or LINEAR, alarms with rollback',
  },
  'guide.open': { nozama: 'Open', aws: 'Open' },
  'guide.rolledBack': {
    nozama: 'The watchtower sounded the horn: the canary was rolled back.',
    aws: 'The alarm rolled the deployment back (ROLLBACK_SUCCESSFUL).',
  },
  'guide.succeeded': {
    nozama: 'The canary passed: every traveler reached the new edition.',
    aws: 'The deployment succeeded (SUCCESSFUL).',
  },
  'guide.blueprints': { nozama: 'Blueprints', aws: 'Blueprints (scripted calls)' },
  'guide.blueprintsHint': {
    nozama:
      'One click lays down a common setup; every order it gives is listed first and stays in the Chronicle (undo takes them back one by one).',
    aws: 'Each blueprint is a list of real API calls, shown before they run; each is logged and undoable.',
  },
  'guide.blueprint': { nozama: 'Blueprint', aws: 'Blueprint' },
  'guide.bp.gate': { nozama: 'A gate with a decree behind it', aws: 'ALB + target groups + service' },
  'guide.bp.travelers': { nozama: 'Travelers at the main door', aws: 'Traffic on listener 80' },
  'guide.bp.cursedEdition': {
    nozama: 'A second edition with a curse',
    aws: 'New revision + fault injection',
  },
  'guide.bp.watchtower': { nozama: 'A watchtower over the gate', aws: 'CloudWatch alarm on 5XX' },
  'guide.names': { nozama: 'Names', aws: 'Names' },
  'guide.name.kingdom': { nozama: 'Kingdom', aws: 'Cluster' },
  'guide.name.decree': { nozama: 'Decree (and its plan)', aws: 'Service (and family)' },
  'guide.name.gate': { nozama: 'Gate', aws: 'Load balancer' },
  'guide.name.watchtower': { nozama: 'Watchtower', aws: 'Alarm' },
  'guide.lay': { nozama: 'Lay it down', aws: 'Run the calls' },
  'guide.calls': { nozama: 'The orders it gives, as AWS reads them', aws: 'The API calls' },
  'guide.laid': { nozama: 'Blueprint laid down.', aws: 'Blueprint done.' },
  'guide.step.kingdom': { nozama: 'Found kingdom {kingdom}', aws: 'Create cluster {kingdom}' },
  'guide.stands.kingdom': { nozama: 'Kingdom {kingdom} already stands.', aws: 'Cluster {kingdom} exists.' },
  'guide.step.territory': {
    nozama: 'Erect a territory behind portal {portal}',
    aws: 'Run an instance in {zone}',
  },
  'guide.stands.territory': {
    nozama: 'A territory of {kingdom} already stands behind portal {portal}.',
    aws: 'An instance of {kingdom} runs in {zone}.',
  },
  'guide.step.plan': { nozama: 'Draft plan {decree}', aws: 'Register task definition {decree}' },
  'guide.stands.plan': {
    nozama: 'Plan {decree} is already drafted.',
    aws: 'Task definition {decree} exists.',
  },
  'guide.step.behindGate': {
    nozama: 'Put decree {decree} behind {gate}',
    aws: 'Update service {decree} (loadBalancers)',
  },
  'guide.step.decree': { nozama: 'Proclaim decree {decree} behind {gate}', aws: 'Create service {decree}' },
  'guide.stands.decree': {
    nozama: 'Decree {decree} already stands behind a gate.',
    aws: 'Service {decree} exists with a load balancer.',
  },
  'guide.step.travelers': {
    nozama: 'Send {count} travelers a second through the main door',
    aws: 'Set traffic: {count} requests/s on listener 80',
  },
  'guide.stands.travelers': {
    nozama: 'Travelers already pass the main door.',
    aws: 'Traffic already flows on listener 80.',
  },
  'guide.step.edition': {
    nozama: 'Draft edition {edition} of plan {decree}',
    aws: 'Register task definition {next}',
  },
  'guide.stands.edition': {
    nozama: 'Edition {edition} of plan {decree} is drafted and waits.',
    aws: 'Task definition {next} exists (the service runs an older revision).',
  },
  'guide.step.curse': {
    nozama: 'Curse edition {edition}: three answers in ten go wrong',
    aws: 'Set behavior: {next} fails 30%',
  },
  'guide.stands.curse': {
    nozama: 'Edition {edition} is already cursed.',
    aws: '{next} already fails requests.',
  },
  'guide.step.watchtower': {
    nozama: 'Raise watchtower {watchtower} over {gate}',
    aws: 'Put metric alarm {watchtower}',
  },
  'guide.stands.watchtower': {
    nozama: 'Watchtower {watchtower} already stands.',
    aws: 'Alarm {watchtower} exists.',
  },
  'guide.needDone': 'Done',
  'guide.needOptional': 'Optional, not yet',
  'guide.needNotYet': 'Not yet',
} as const;
