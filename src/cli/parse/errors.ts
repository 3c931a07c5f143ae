/**
 * How the CLI ends a command that fails, and with which exit code (awscli errorhandler.py and
 * constants.py): 252 for what it refuses before sending (argparse errors, unknown options, parameter
 * errors, validation), 254 for a service's error, 255 for anything else (Python's own errors).
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-troubleshooting.html
 */

export const PARAM_ERROR = 252;
export const CLIENT_ERROR = 254;
export const GENERAL_ERROR = 255;

const USAGE = `usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help
`;

export interface Failure {
  readonly kind: 'error';
  readonly code: number;
  readonly stderr: string;
}

/** argparse's error: the usage, then `aws: error: ...`. */
export const argparseError = (message: string): Failure => ({
  kind: 'error',
  code: PARAM_ERROR,
  stderr: `\n${USAGE}\naws: error: ${message}\n`,
});

/** Options nobody asked for. */
export const unknownOptions = (words: readonly string[]): Failure => ({
  kind: 'error',
  code: PARAM_ERROR,
  stderr: `\n${USAGE}\nUnknown options: ${words.join(', ')}\n`,
});

export const paramError = (message: string): Failure => ({
  kind: 'error',
  code: PARAM_ERROR,
  stderr: `\n${message}\n`,
});

export const generalError = (message: string): Failure => ({
  kind: 'error',
  code: GENERAL_ERROR,
  stderr: `\n${message}\n`,
});

/** What a real terminal offers and this console does not (files, profiles): said plainly. */
export const notHere = (message: string): Failure => ({
  kind: 'error',
  code: PARAM_ERROR,
  stderr: `\n${message} (not available here: the console talks to this world only)\n`,
});

/** A service's answer: "An error occurred (Code) when calling the Op operation: message". */
export const clientError = (code: string, operation: string, message: string): Failure => ({
  kind: 'error',
  code: CLIENT_ERROR,
  stderr: `\nAn error occurred (${code}) when calling the ${operation} operation: ${message}\n`,
});
