/**
 * The AWS CLI's own output formatters (awscli.formatter under Debian's /usr/bin/python3), run once for
 * a batch of responses: what `--output json|text|table` prints for each, to compare the console with.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CLI_ENV, PYTHON } from './aws-cli.ts';

const FORMAT = `
import io, json, sys, argparse
from awscli.formatter import get_formatter
for raw in sys.stdin:
    job = json.loads(raw)
    out = io.StringIO()
    f = get_formatter(job['format'], argparse.Namespace(query=None, color='off'))
    if job['format'] == 'table':
        f.table._terminal_width = job['width']
    f(job['title'], job['data'], out)
    sys.stdout.write(json.dumps(out.getvalue()) + '\\n')
`;

export interface FormatJob {
  format: 'json' | 'text' | 'table';
  title: string;
  data: unknown;
  width: number;
}

export function cliFormat(jobs: readonly FormatJob[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const py = spawn(PYTHON, ['-c', FORMAT], { env: CLI_ENV, stdio: ['pipe', 'pipe', 'inherit'] });
    const out: string[] = [];
    createInterface({ input: py.stdout }).on('line', (l) => out.push(JSON.parse(l) as string));
    py.on('close', () =>
      out.length === jobs.length ? resolve(out) : reject(new Error('the formatter stopped')),
    );
    for (const j of jobs) py.stdin.write(`${JSON.stringify(j)}\n`);
    py.stdin.end();
  });
}
