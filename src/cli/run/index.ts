/**
 * The console's engine, pure: lines in, the CLI's answers out (stdout, stderr, exit code), calls sent
 * through the dispatch it is given. The UI loads this module lazily (it brings JMESPath).
 */

export { type Completion, completions, type WorldNames } from './complete.ts';
export { helpText } from './help.ts';
export { type RunOptions, type RunResult, runCommand, runParsed, runText } from './run-command.ts';
