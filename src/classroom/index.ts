/**
 * Classroom workshops with no server: class codes (the world and storms a teacher hands the room),
 * progress codes (what a student hands back), and the class plan turned into what the game plays.
 * Pure: no DOM, no storage, no clock.
 */

export {
  type BadLine,
  type Board,
  type BoardRow,
  boardCsv,
  readBoard,
  type SortDirection,
  type SortKey,
  sortRows,
} from './board.ts';
export {
  CLASS_CODE_VERSION,
  type ClassPlan,
  type ClassWorld,
  type DecodedClass,
  decodeClassCode,
  encodeClassCode,
  FAMILY_ALPHABET,
  MAX_STORM_SECOND,
  MAX_STORMS,
  planProblems,
  type Storm,
  ZONE_LETTERS,
} from './class-code.ts';
export { classLevel, classSandboxScript, stormCall } from './class-levels.ts';
export { ALPHABET } from './code-alphabet.ts';
export type { CodeProblem, CodeRefusal } from './envelope.ts';
export { LEVEL_KEYS } from './level-keys.ts';
export {
  cleanName,
  type DecodedProgress,
  decodeProgressCode,
  encodeProgressCode,
  NAME_ALPHABET,
  NAME_MAX,
  PROGRESS_CODE_VERSION,
  type ProgressCard,
} from './progress-code.ts';
