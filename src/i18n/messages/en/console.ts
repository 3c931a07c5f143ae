/** The console drawer's own words beyond the terminal: a level's rule, real AWS JSON in and out. */
export const CONSOLE = {
  'console.notOffered':
    '{command} is not offered in this level: it is an order of “{needed}”, and this level offers {offered}. Free play offers everything.',
  'console.notOfferedAnywhere':
    '{command} is not offered in this level: no Build section gives this order. Free play offers everything.',
  'console.bring': 'Bring JSON',
  'console.bringHeading': 'Bring real AWS JSON',
  'console.bringHint':
    'Paste or upload describe-task-definition or describe-rules output, a register-task-definition, create-service or create-rule input (--cli-input-json), or a list of calls or a world exported from here. The file is read in this browser: nothing leaves the machine.',
  'console.bringText': 'AWS JSON',
  'console.bringFile': 'Or upload a .json file',
  'console.bringEmpty': 'Paste or upload JSON to see the call it makes.',
  'console.bringForm': {
    one: 'Read as {form}: it makes this call.',
    other: 'Read as {form}: it makes these {count} calls, in order.',
  },
  'console.bringDropped': 'Left out (AWS sets them, the request does not take them): {members}.',
  'console.bringRefused': 'The CLI would refuse it, and so nothing is sent:',
  'console.bringRun': { one: 'Make the call', other: 'Make the {count} calls' },
  'console.bringWorld': {
    one: 'A world saved from Nozama ({count} call): loading it replaces the world on screen.',
    other: 'A world saved from Nozama ({count} calls): loading it replaces the world on screen.',
  },
  'console.bringLoad': 'Load this world',
  'console.bringLoaded': 'The saved world is loaded.',
  'console.exportWorld': 'Export world (.json)',
} as const;
