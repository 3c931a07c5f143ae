/**
 * Real AWS JSON in (pasted or uploaded): read into calls with the CLI's checks, and run. Pure; the
 * console loads it with the parser (it is part of the console's chunk).
 */
export { type CallEntry, readCallList } from './call-list.ts';
export {
  type Brought,
  type BroughtForm,
  type BroughtStep,
  listenerOfRuleArn,
  readAwsJson,
  TASK_DEFINITION_READ_ONLY,
} from './read-aws-json.ts';
export { type BroughtRun, runBrought } from './run-brought.ts';
