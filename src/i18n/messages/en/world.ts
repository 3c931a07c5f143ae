/** The world's counts and summaries: the line under each zone, the world summary screen readers read. */
export const WORLD = {
  'world.territories': { one: '{count} territory', other: '{count} territories' },
  'world.developments': { one: '{count} development', other: '{count} developments' },
  'world.developmentsRunning': {
    one: '{count} development ({running} running)',
    other: '{count} developments ({running} running)',
  },
  'world.managed': '{count} managed',
  'world.zone': 'Zone {zone}: {counts}.',
  'world.zoneDark': 'Zone {zone}: {counts}. The zone is dark.',
  'world.dark': 'dark',
} as const;
