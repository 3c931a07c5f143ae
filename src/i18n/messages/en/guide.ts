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
} as const;
