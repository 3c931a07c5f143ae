import { describe, expect, it } from 'vitest';
import { alias, ROLE, spell, weightOf, zip } from '../support/codedeploy.ts';
import { World } from '../support/world.ts';

const FN_ARN = 'arn:aws:lambda:za-southwest-1:123456789012:function:spell';

describe('Lambda functions', () => {
  it('CreateFunction returns $LATEST with a deterministic CodeSha256 and the Lambda date format', () => {
    const a = new World(1);
    const b = new World(2);
    const input = {
      FunctionName: 'spell',
      Runtime: 'python3.12',
      Role: ROLE,
      Handler: 'app.handler',
      Code: { ZipFile: zip('print(1)') },
    };
    const ca = a.ok('lambda:CreateFunction', input);
    const cb = b.ok('lambda:CreateFunction', input);
    expect(ca).toMatchObject({
      FunctionName: 'spell',
      FunctionArn: FN_ARN,
      Version: '$LATEST',
      State: 'Active',
      PackageType: 'Zip',
      Timeout: 3,
      MemorySize: 128,
    });
    expect(ca.LastModified).toBe('2026-01-01T00:00:00.000+0000');
    expect(ca.CodeSha256).toHaveLength(44);
    expect(ca.CodeSha256).toBe(cb.CodeSha256);
    const other = new World(1).ok('lambda:CreateFunction', { ...input, Code: { ZipFile: zip('print(2)') } });
    expect(other.CodeSha256).not.toBe(ca.CodeSha256);
    const s3 = new World(1).ok('lambda:CreateFunction', {
      ...input,
      Code: { S3Bucket: 'code-bucket', S3Key: 'k.zip' },
    });
    expect(s3.CodeSha256).toHaveLength(44);
  });

  it.each([
    [{ Role: 'nope' }, 'ValidationException', /at 'role' failed to satisfy constraint/],
    [{ Runtime: 'cobol' }, 'InvalidParameterValueException', /Value cobol at 'runtime'/],
    [{ Code: {} }, 'InvalidParameterValueException', /source for function code/],
    [{ Timeout: 901 }, 'ValidationException', /less than or equal to 900/],
    [{ FunctionName: 'bad name' }, 'ValidationException', /at 'functionName'/],
  ])('CreateFunction rejects %o', (patch, code, msg) => {
    const w = new World();
    const e = w.err('lambda:CreateFunction', {
      FunctionName: 'spell',
      Runtime: 'nodejs20.x',
      Role: ROLE,
      Code: { ZipFile: zip('x') },
      ...patch,
    });
    expect(e.name).toBe(code);
    expect(e.message).toMatch(msg);
    expect(w.state.lambda.functions).toEqual({});
  });

  it('a second CreateFunction conflicts; unknown functions are not found with their ARN', () => {
    const w = new World();
    spell(w, 1);
    expect(
      w.err('lambda:CreateFunction', {
        FunctionName: 'spell',
        Runtime: 'nodejs20.x',
        Role: ROLE,
        Code: { ZipFile: 'eA==' },
      }),
    ).toEqual({
      name: 'ResourceConflictException',
      message: 'Function already exist: spell',
    });
    expect(w.err('lambda:GetFunction', { FunctionName: 'ghost' })).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:za-southwest-1:123456789012:function:ghost',
    });
  });
});

describe('PublishVersion', () => {
  it('numbers versions 1, 2... and publishes only when the code changed', () => {
    const w = new World();
    w.ok('lambda:CreateFunction', {
      FunctionName: 'spell',
      Runtime: 'nodejs20.x',
      Role: ROLE,
      Code: { ZipFile: zip('a') },
    });
    const v1 = w.ok('lambda:PublishVersion', { FunctionName: 'spell' });
    expect(v1).toMatchObject({ Version: '1', FunctionArn: `${FN_ARN}:1` });
    expect(w.ok('lambda:PublishVersion', { FunctionName: 'spell' }).Version).toBe('1');
    w.ok('lambda:UpdateFunctionCode', { FunctionName: 'spell', ZipFile: zip('a') });
    expect(w.ok('lambda:PublishVersion', { FunctionName: 'spell' }).Version).toBe('1');
    w.ok('lambda:UpdateFunctionCode', { FunctionName: 'spell', ZipFile: zip('b') });
    const v2 = w.ok('lambda:PublishVersion', { FunctionName: 'spell', Description: 'second' });
    expect(v2).toMatchObject({ Version: '2', Description: 'second' });
    expect(v2.CodeSha256).not.toBe(v1.CodeSha256);
    const list = w
      .ok('lambda:ListVersionsByFunction', { FunctionName: 'spell' })
      .Versions.map((v: any) => v.Version);
    expect(list).toEqual(['$LATEST', '1', '2']);
  });

  it('refuses a CodeSha256 that is not $LATEST', () => {
    const w = new World();
    spell(w, 1);
    const e = w.err('lambda:PublishVersion', { FunctionName: 'spell', CodeSha256: 'abc' });
    expect(e.name).toBe('InvalidParameterValueException');
    expect(e.message).toMatch(/^CodeSHA256 \(abc\) is different from current CodeSHA256 in \$LATEST/);
  });

  it('UpdateFunctionCode with Publish returns the new version', () => {
    const w = new World();
    spell(w, 1);
    expect(
      w.ok('lambda:UpdateFunctionCode', { FunctionName: 'spell', ZipFile: zip('z'), Publish: true }).Version,
    ).toBe('2');
  });
});

describe('aliases and routing', () => {
  it('CreateAlias, UpdateAlias with one additional version, GetAlias, ListAliases, DeleteAlias', () => {
    const w = new World();
    spell(w, 3);
    const u = w.ok('lambda:UpdateAlias', {
      FunctionName: 'spell',
      Name: 'live',
      RoutingConfig: { AdditionalVersionWeights: { '2': 0.25 } },
    });
    expect(u).toMatchObject({
      AliasArn: `${FN_ARN}:live`,
      FunctionVersion: '1',
      RoutingConfig: { AdditionalVersionWeights: { '2': 0.25 } },
    });
    expect(weightOf(w, '2')).toBe(0.25);
    // Leaving RoutingConfig out keeps it; an empty map clears it.
    w.ok('lambda:UpdateAlias', { FunctionName: 'spell', Name: 'live', Description: 'x' });
    expect(weightOf(w, '2')).toBe(0.25);
    const cleared = w.ok('lambda:UpdateAlias', {
      FunctionName: 'spell',
      Name: 'live',
      FunctionVersion: '2',
      RoutingConfig: { AdditionalVersionWeights: {} },
    });
    expect(cleared.RoutingConfig).toBeUndefined();
    expect(cleared.FunctionVersion).toBe('2');
    expect(w.ok('lambda:ListAliases', { FunctionName: 'spell' }).Aliases.map((a: any) => a.Name)).toEqual([
      'live',
    ]);
    w.ok('lambda:DeleteAlias', { FunctionName: 'spell', Name: 'live' });
    expect(w.err('lambda:GetAlias', { FunctionName: 'spell', Name: 'live' })).toEqual({
      name: 'ResourceNotFoundException',
      message: `Cannot find alias arn: ${FN_ARN}:live`,
    });
  });

  it.each([
    [
      'two additional versions',
      '1',
      { '2': 0.1, '3': 0.1 },
      'InvalidParameterValueException',
      'Number of items in AdditionalVersionWeights cannot be greater than 1',
    ],
    [
      'a weight above 1',
      '1',
      { '2': 1.5 },
      'ValidationException',
      /Member must have value less than or equal to 1\.0/,
    ],
    ['a negative weight', '1', { '2': -0.1 }, 'ValidationException', /greater than or equal to 0\.0/],
    [
      'the primary version again',
      '1',
      { '1': 0.5 },
      'InvalidParameterValueException',
      'Invalid function version 1. Function version 1 is already included in routing configuration.',
    ],
    [
      '$LATEST as primary',
      '$LATEST',
      { '2': 0.5 },
      'InvalidParameterValueException',
      '$LATEST is not supported for an alias pointing to more than 1 version',
    ],
    [
      '$LATEST as the additional version',
      '1',
      { $LATEST: 0.5 },
      'ValidationException',
      /Member must satisfy regular expression pattern: \[0-9\]\+/,
    ],
    [
      'a version that does not exist',
      '1',
      { '9': 0.5 },
      'ResourceNotFoundException',
      `Function not found: ${FN_ARN}:9`,
    ],
  ])('rejects %s', (_what, primary, weights, code, msg) => {
    const w = new World();
    spell(w, 3);
    const before = w.state;
    const e = w.err('lambda:CreateAlias', {
      FunctionName: 'spell',
      Name: 'canary',
      FunctionVersion: primary,
      RoutingConfig: { AdditionalVersionWeights: weights },
    });
    expect(e.name).toBe(code);
    if (typeof msg === 'string') expect(e.message).toBe(msg);
    else expect(e.message).toMatch(msg);
    expect(w.state).toBe(before);
  });

  it('alias names and conflicts follow Lambda', () => {
    const w = new World();
    spell(w, 2);
    expect(
      w.err('lambda:CreateAlias', { FunctionName: 'spell', Name: 'live', FunctionVersion: '1' }),
    ).toEqual({
      name: 'ResourceConflictException',
      message: `Alias already exists: ${FN_ARN}:live`,
    });
    expect(
      w.err('lambda:CreateAlias', { FunctionName: 'spell', Name: '123', FunctionVersion: '1' }).name,
    ).toBe('ValidationException');
    expect(
      w.err('lambda:UpdateAlias', { FunctionName: 'spell', Name: 'live', RevisionId: 'stale' }).name,
    ).toBe('PreconditionFailedException');
  });
});

describe('Invoke', () => {
  it('chooses the executed version by the weights and reports failures as Unhandled', () => {
    const w = new World(7);
    spell(w, 2);
    w.ok('lambda:UpdateAlias', {
      FunctionName: 'spell',
      Name: 'live',
      RoutingConfig: { AdditionalVersionWeights: { '2': 0.3 } },
    });
    w.ok('sim:SetBehavior', { FunctionName: 'spell', Version: '2', ErrorRate: 1 });
    const counts: Record<string, number> = { '1': 0, '2': 0 };
    for (let i = 0; i < 400; i++) {
      const r = w.ok('lambda:Invoke', { FunctionName: 'spell', Qualifier: 'live' });
      expect(r.StatusCode).toBe(200);
      counts[r.ExecutedVersion] = (counts[r.ExecutedVersion] ?? 0) + 1;
      if (r.ExecutedVersion === '2') expect(r.FunctionError).toBe('Unhandled');
      else expect(r.FunctionError).toBeUndefined();
    }
    expect(counts['2']).toBeGreaterThan(80);
    expect(counts['2']).toBeLessThan(160);
    expect(w.ok('lambda:Invoke', { FunctionName: 'spell:1' }).ExecutedVersion).toBe('1');
    expect(w.ok('lambda:Invoke', { FunctionName: 'spell' }).ExecutedVersion).toBe('$LATEST');
  });

  it('writes AWS/Lambda Errors per executed version through the alias', () => {
    const w = new World(3);
    spell(w, 2);
    w.ok('lambda:UpdateAlias', { FunctionName: 'spell', Name: 'live', FunctionVersion: '2' });
    w.ok('sim:SetBehavior', { FunctionName: 'spell', Version: '2', ErrorRate: 1 });
    w.ok('lambda:Invoke', { FunctionName: 'spell', Qualifier: 'live' });
    const key = 'AWS/Lambda|Errors|ExecutedVersion=2,FunctionName=spell,Resource=spell:live';
    expect(w.state.cloudwatch.metrics[key]?.points[0]?.sum).toBe(1);
    expect(alias(w).FunctionVersion).toBe('2');
  });
});

describe('UpdateFunctionConfiguration (LAMBDA-API)', () => {
  it('changes the settings, a new RevisionId, and the next PublishVersion publishes because the configuration changed', () => {
    const w = new World(3);
    spell(w, 1);
    const before = w.ok('lambda:GetFunctionConfiguration', { FunctionName: 'spell' });
    const out = w.ok('lambda:UpdateFunctionConfiguration', {
      FunctionName: 'spell',
      Timeout: 10,
      MemorySize: 256,
    });
    expect(out).toMatchObject({
      Timeout: 10,
      MemorySize: 256,
      Runtime: before.Runtime,
      Handler: before.Handler,
    });
    expect(out.RevisionId).not.toBe(before.RevisionId);
    expect(w.ok('lambda:PublishVersion', { FunctionName: 'spell' }).Version).toBe('2');
    expect(w.err('lambda:UpdateFunctionConfiguration', { FunctionName: 'spell', Timeout: 901 }).name).toBe(
      'ValidationException',
    );
    expect(w.err('lambda:UpdateFunctionConfiguration', { FunctionName: 'ghost' }).name).toBe(
      'ResourceNotFoundException',
    );
  });
});
