/**
 * The session core's one door: a game session as a plain value and the pure functions over it. Every
 * surface drives one: the game's store (src/store), the level tests, and the surfaces to come.
 */
export type { DemoAction, DemoState, LevelState } from './level-run.ts';
export { allGoalsMet, nextDemoAction } from './level-run.ts';
export { type LevelRun, runLevel, watchShowMe } from './run-level.ts';
export { load, save, validateSavedWorld } from './save.ts';
export {
  advance,
  createSession,
  dispatch,
  query,
  redo,
  reset,
  showHint,
  showMe,
  startLevel,
  stopShowMe,
  undo,
} from './session.ts';
export type * from './types.ts';
export { elapsedOf, replayWorld } from './world.ts';
