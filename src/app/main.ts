/**
 * The full game's page entry (index.html): it starts fetching the world's code (the Phaser build the
 * renderer needs and the scenes, src/game/load-game.ts) before anything else runs, then loads the page
 * itself (main-page.ts), so Phaser downloads while the simulation, the levels and the panels are
 * evaluated and the campaign map is drawn. The mount that follows reuses what this started.
 */
import { preloadWorld } from '../game/load-game.ts';
import { parseRenderer } from '../game/renderer-choice.ts';

preloadWorld(parseRenderer(new URLSearchParams(window.location.search).get('renderer')), document);
void import('./main-page.ts');
