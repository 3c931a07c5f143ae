/** The blog embed's player: its control bar. */
export const EMBED = {
  'embed.play': 'Play',
  'embed.pause': 'Pause',
  'embed.restart': 'Restart',
  'embed.playLabel': 'Play the demo',
  'embed.pauseLabel': 'Pause the demo',
  'embed.restartLabel': 'Restart the demo',
  'embed.speed': '{speed}x',
  'embed.speedLabel': '{speed}x speed',
  'embed.open': 'Open in Nozama',
} as const;
