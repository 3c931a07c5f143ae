/** What the canvas writes: the scenes' titles, hints and labels, the accessible name of the canvas. */
export const CANVAS = {
  'canvas.label':
    'The world of Nozama. Click a place to go there; arrow keys move, Enter opens, + and − zoom, 0 shows the whole kingdom, Escape goes back.',
  'canvas.kingdomKeys':
    'drag or arrow keys: move  ·  wheel, pinch or + −: zoom  ·  0 or a double tap: the whole kingdom  ·  Esc: the portals  ·  G: the glossary',
  'canvas.noTerritories': 'no territories yet',
  'canvas.shown': '{text} ({count} shown)',
  'canvas.territory.noCastle': '{type} · no castle',
  'canvas.territory.lordArriving': '{type} · lord arriving',
  'canvas.territory.lordSilent': '{type} · lord silent',
  'canvas.zoneLine':
    'An Availability Zone is an isolated part of the region, with its own power and roads. Spread your territories across zones: when one collapses, the others keep the kingdom standing.',
  'canvas.choosePortal': 'Choose a portal: each opens onto one Availability Zone of the region.',
  'canvas.regionLine':
    'A region is a separate part of the planet: kingdoms in one region never share land with another.',
  'canvas.kingdoms': {
    zero: 'no kingdom yet',
    one: 'one kingdom stands',
    other: '{count} kingdoms stand',
  },
  'canvas.planetSubtitle': 'the golden planet',
  'canvas.youAreHere': 'you are here: click or press Enter',
  'canvas.regionZones': '{title} · {count} zones',
  'canvas.flyThere': '{zones} zones · {kingdoms} · click to fly there',
  'canvas.hornAtStepOf': 'at step {step} of {steps}',
  'canvas.hornAtStep': 'at step {step}',
  'canvas.hornDefault': 'traffic goes back to the old edition',
} as const;
