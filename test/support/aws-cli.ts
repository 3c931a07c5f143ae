/**
 * Debian's real AWS CLI v2 as a checker (toolchain.md: dummy credentials and a closed endpoint, so a
 * valid command fails only on connecting). One long-running Python process per driver runs
 * /usr/bin/aws's own entry point for each job, so awscli is imported once instead of per command.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';

export const AWS = '/usr/bin/aws';
export const PYTHON = '/usr/bin/python3';

export const CLI_ENV: NodeJS.ProcessEnv = {
  PATH: '/usr/bin:/bin',
  HOME: tmpdir(),
  LC_ALL: 'C.UTF-8',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_ACCESS_KEY_ID: 'a',
  AWS_SECRET_ACCESS_KEY: 'b',
  AWS_DEFAULT_REGION: 'za-southwest-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PAGER: '',
  AWS_RETRY_MODE: 'standard',
  AWS_MAX_ATTEMPTS: '1',
};

export interface Outcome {
  code: number;
  stderr: string;
}

/**
 * /usr/bin/aws's own entry point (awscli.clidriver.AWSCLIEntryPoint under /usr/bin/python3), kept
 * running to read one job per line: the awscli import is paid once per process instead of per line.
 * Each job gets a fresh driver and session, its own directory, and its stderr (the --debug log).
 */
const DRIVER = `
import io, json, logging, os, sys
import awscli.clidriver
out = sys.stdout
for raw in sys.stdin:
    job = json.loads(raw)
    os.chdir(job['cwd'])
    err = io.StringIO()
    sys.stderr, sys.stdout = err, io.StringIO()
    try:
        code = awscli.clidriver.AWSCLIEntryPoint().main(job['argv'])
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    except BaseException as e:
        err.write(repr(e))
        code = 255
    finally:
        sys.stderr, sys.stdout = sys.__stderr__, out
        for name in ('', 'botocore', 'awscli', 's3transfer', 'urllib3'):
            logging.getLogger(name).handlers.clear()
    out.write(json.dumps({'code': code, 'stderr': err.getvalue()}) + '\\n')
    out.flush()
`;

/** A running driver: jobs go in one at a time. */
export function startDriver(): (argv: string[], cwd: string) => Promise<Outcome> {
  const py = spawn(PYTHON, ['-c', DRIVER], { env: CLI_ENV, stdio: ['pipe', 'pipe', 'inherit'] });
  drivers.push(py);
  const lines = createInterface({ input: py.stdout });
  const waiting: ((o: Outcome) => void)[] = [];
  lines.on('line', (l) => waiting.shift()?.(JSON.parse(l) as Outcome));
  return (argv, cwd) =>
    new Promise((resolve) => {
      waiting.push(resolve);
      py.stdin.write(`${JSON.stringify({ argv, cwd })}\n`);
    });
}

const drivers: ChildProcess[] = [];

/** Ends every driver started so far. */
export function stopDrivers(): void {
  for (const d of drivers.splice(0)) d.stdin?.end();
}
