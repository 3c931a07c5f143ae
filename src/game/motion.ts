import type Phaser from 'phaser';

/**
 * Phaser.Scenes.Events.START. This module is loaded with the page (presenter mode sets the pace), before
 * Phaser, so it names the event instead of reading Phaser's namespace (load-game.ts).
 */
const SCENE_START = 'start';

/**
 * `prefers-reduced-motion`: when the player asks for less motion, scenes skip their tweens and show
 * the end state at once (a portal is dark, a development stands) and the camera jumps instead of
 * gliding. Read at the moment of use, so changing the system setting applies without a reload.
 */
export function reducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

/**
 * How fast the scenes' animations run (1: as made; 0.5: half speed, for presenter mode): the tweens
 * and timed events of every scene, now and whenever a scene starts again (Phaser resets a scene's
 * tween speed on start). The simulated clock is not touched: only how the world's changes are shown.
 */
export function setAnimationPace(game: Phaser.Game, pace: number): void {
  game.registry.set(PACE_KEY, pace);
  for (const scene of game.scene.getScenes(false)) applyPace(scene, pace);
}

/** The pace a scene should run at (1 unless setAnimationPace said otherwise). */
export function animationPace(game: Phaser.Game): number {
  const pace = game.registry.get(PACE_KEY);
  return typeof pace === 'number' ? pace : 1;
}

/** Keeps a scene at its game's pace across restarts; call once when the scene is constructed or created. */
export function followAnimationPace(scene: Phaser.Scene): void {
  scene.sys.events.on(SCENE_START, () => applyPace(scene, animationPace(scene.game)));
  applyPace(scene, animationPace(scene.game));
}

const PACE_KEY = 'nozama.animationPace';

function applyPace(scene: Phaser.Scene, pace: number): void {
  if (scene.tweens) scene.tweens.timeScale = pace;
  if (scene.time) scene.time.timeScale = pace;
}
