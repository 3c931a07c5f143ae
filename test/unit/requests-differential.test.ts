/**
 * The differential: Debian's AWS CLI v2 validates a request against the same published models before
 * sending it (botocore's ParamValidator: types, required members, minimum lengths and values), so for
 * a sample of requests generated from the shape table, valid and broken, the CLI must refuse exactly
 * those the model's front door finds a type, required or minimum problem in; the rest fail only on
 * connecting to the closed endpoint. What only the service checks (maximums, enums, patterns) is out
 * of the CLI's sight, and requests naming members newer than the CLI's 2.9.19 models are left out.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { requestShape, supportedActions } from '../../src/model/index.ts';
import { TIMESTAMP_RULE, walkRequest } from '../../src/model/requests/validate.ts';
import { namePool, pathsOf, setAt, shapeArb } from '../property/request-arbitraries.ts';
import { richWorld } from '../property/request-world.ts';
import { CLI_ENV, PYTHON, startDriver, stopDrivers } from '../support/aws-cli.ts';

const CLI_SERVICE: Record<string, string> = { codedeploy: 'deploy' };
const CONNECT_FAILURE = 'Could not connect to the endpoint URL';
/** The CLI's own words when its older model lacks the operation or a member. */
const NOT_IN_CLI_MODEL = /Invalid choice|Unknown parameter|UnknownServiceError|OperationNotFound/;

const kebab = (op: string) => op.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/**
 * Values both the CLI and the service judge the same wherever they land. A number is left out on the
 * query protocols: their services read every value as text, so -1 is a fine string there, while the
 * CLI checks Python types before it writes the text.
 */
const BROKEN: unknown[] = [{ toString: 1 }, [[]], 'many', -1];
const BROKEN_AS_TEXT: unknown[] = [{ toString: 1 }, [[]], 'many'];

function brokenVersion(valid: unknown, pick: number, textual: boolean): unknown {
  const paths = pathsOf(valid);
  const path = paths[pick % Math.max(1, paths.length)];
  if (!path) return valid;
  const broken = textual ? BROKEN_AS_TEXT : BROKEN;
  return setAt(valid, path, broken[pick % broken.length], pick % 5 === 0);
}

interface Sample {
  action: string;
  input: unknown;
  /** What the model's front door finds that the CLI also checks. */
  modelRefuses: boolean;
}

function sample(): Sample[] {
  const world = richWorld();
  const pool = namePool(world);
  const out: Sample[] = [];
  let seed = 7;
  for (const action of supportedActions()) {
    if (action.startsWith('sim:')) continue;
    const found = requestShape(action);
    if (!found || found.shape === null) continue;
    const shapeName = found.shape;
    const valid = fc.sample(shapeArb(found.service, shapeName, pool, world.now), {
      numRuns: 2,
      seed: seed++,
    });
    const textual = found.service.protocol === 'query' || found.service.protocol === 'ec2';
    const broken = [brokenVersion(valid[0], seed * 7, textual), brokenVersion(valid[1], seed * 13, textual)];
    for (const [i, v] of [...valid, ...broken].entries()) {
      if (i >= 2 && JSON.stringify(v) === JSON.stringify(valid[i - 2])) continue;
      const { problems } = walkRequest(found.service, shapeName, v);
      const modelRefuses = problems.some(
        (p) =>
          p.kind !== 'constraint' || p.rule.includes('greater than or equal') || p.rule === TIMESTAMP_RULE,
      );
      out.push({ action, input: v, modelRefuses });
    }
  }
  return out;
}

/**
 * The CLI's own validator (its bundled botocore's ParamValidator over its own models), run for every
 * request in one Python process: the same check `aws` makes before sending, without paying the CLI's
 * start-up per request.
 */
const VALIDATOR = `
import json, sys
import awscli.botocore.session, awscli.botocore.validate
session = awscli.botocore.session.get_session()
validator = awscli.botocore.validate.ParamValidator()
for raw in sys.stdin:
    job = json.loads(raw)
    try:
        op = session.get_service_model(job['service']).operation_model(job['op'])
        report = validator.validate(job['params'], op.input_shape)
        out = {'errors': report.generate_report() if report.has_errors() else None,
               'required': sorted(op.input_shape.required_members)}
    except Exception as e:
        out = {'errors': 'Invalid choice: ' + repr(e), 'required': []}
    sys.stdout.write(json.dumps(out) + '\\n')
`;

interface CliCheck {
  errors: string | null;
  /** The input's required members in the CLI's (older) model. */
  required: string[];
}

function cliValidator(samples: Sample[]): Promise<CliCheck[]> {
  const jobs = samples.map((s) => {
    const [service, op] = s.action.split(':') as [string, string];
    return `${JSON.stringify({ service, op, params: s.input })}\n`;
  });
  return new Promise((resolve, reject) => {
    const py = spawn(PYTHON, ['-c', VALIDATOR], { env: CLI_ENV, stdio: ['pipe', 'pipe', 'inherit'] });
    const out: CliCheck[] = [];
    createInterface({ input: py.stdout }).on('line', (l) => out.push(JSON.parse(l) as CliCheck));
    py.on('close', () =>
      out.length === samples.length ? resolve(out) : reject(new Error('validator stopped')),
    );
    py.stdin.end(jobs.join(''));
  });
}

function sameRequired(s: Sample, cliRequired: string[]): boolean {
  const found = requestShape(s.action);
  const shape = found?.shape ? found.service.shapes[found.shape] : undefined;
  const ours = shape?.type === 'structure' ? [...(shape.required ?? [])].sort() : [];
  return JSON.stringify(ours) === JSON.stringify(cliRequired);
}

function verdictOf(errors: string | null): string {
  if (errors === null) return 'accepted';
  return NOT_IN_CLI_MODEL.test(errors)
    ? 'not in the CLI model'
    : `refused: ${errors.replace(/\s+/g, ' ').slice(0, 300)}`;
}

function disagreements(samples: Sample[], verdicts: string[]): string[] {
  return samples
    .map((s, i) => ({ s, verdict: verdicts[i] as string }))
    .filter(
      ({ s, verdict }) => verdict !== 'not in the CLI model' && (verdict === 'accepted') === s.modelRefuses,
    )
    .map(
      ({ s, verdict }) =>
        `${s.action} ${JSON.stringify(s.input).slice(0, 300)}: model ${s.modelRefuses ? 'refuses' : 'accepts'}, CLI ${verdict}`,
    );
}

describe('the model and Debian AWS CLI agree on which requests are malformed', () => {
  const samples = sample();
  const dir = mkdtempSync(join(tmpdir(), 'requests-differential-'));
  afterAll(() => {
    stopDrivers();
    rmSync(dir, { recursive: true, force: true });
  });

  it("with the CLI's own validator, on a sample of generated requests, valid and broken", async () => {
    const checks = await cliValidator(samples);
    // A model that changed since 2.9.19 (members made optional or required) is not a disagreement.
    const verdicts = checks.map((c, i) =>
      sameRequired(samples[i] as Sample, c.required) ? verdictOf(c.errors) : 'not in the CLI model',
    );
    expect(disagreements(samples, verdicts)).toEqual([]);
    // The sample is a real one: most requests compared, both verdicts seen.
    const compared = samples.filter((_, i) => verdicts[i] !== 'not in the CLI model');
    const refusedBoth = compared.filter((s) => s.modelRefuses).length;
    console.log(
      `differential: ${samples.length} requests, ${compared.length} compared (${refusedBoth} refused by both, ${compared.length - refusedBoth} accepted by both), ${samples.length - compared.length} left out (the CLI's 2.9.19 models lack the operation or a member)`,
    );
    expect(compared.length).toBeGreaterThan(250);
    expect(compared.filter((s) => s.modelRefuses).length).toBeGreaterThan(40);
    expect(compared.filter((s) => !s.modelRefuses).length).toBeGreaterThan(150);
  }, 120_000);

  it('through /usr/bin/aws itself, on a few of them (a valid one fails only on connecting)', async () => {
    const few = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => samples[i * 37] as Sample);
    const run = startDriver();
    const verdicts: string[] = [];
    for (const s of few) {
      const [svc, op] = s.action.split(':') as [string, string];
      const argv = [CLI_SERVICE[svc] ?? svc, kebab(op), '--cli-input-json', JSON.stringify(s.input)];
      if (s.action === 'lambda:Invoke') argv.push('/dev/null');
      const o = await run([...argv, '--endpoint-url', 'http://127.0.0.1:9'], dir);
      verdicts.push(o.stderr.includes(CONNECT_FAILURE) ? 'accepted' : verdictOf(o.stderr));
    }
    expect(disagreements(few, verdicts)).toEqual([]);
    expect(verdicts).toContain('accepted');
  }, 120_000);
});
