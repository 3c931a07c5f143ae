/** Chapter 8, Spells: Lambda versions and an alias shifted linearly, rolled back by a health check. */
import type { Call } from '../model/index.ts';
import { createCluster } from './calls.ts';
import type { Level } from './types.ts';

const ROLE = 'arn:aws:iam::123456789012:role/oracle-role';
const SETUP: Call[] = [
  // The kingdom the brief speaks of: it holds no territory, spells need none.
  createCluster(),
  {
    action: 'lambda:CreateFunction',
    input: {
      FunctionName: 'oracle',
      Runtime: 'python3.13',
      Role: ROLE,
      Handler: 'app.handler',
      Code: { S3Bucket: 'royal-scrolls', S3Key: 'oracle-1.zip' },
      Publish: true,
    },
  },
  { action: 'lambda:CreateAlias', input: { FunctionName: 'oracle', Name: 'live', FunctionVersion: '1' } },
  { action: 'sim:SetTraffic', input: { FunctionName: 'oracle', Qualifier: 'live', RequestsPerSecond: 10 } },
  {
    action: 'lambda:UpdateFunctionCode',
    input: { FunctionName: 'oracle', S3Bucket: 'royal-scrolls', S3Key: 'oracle-2.zip', Publish: true },
  },
  // The flaw nobody has seen yet: edition 2 fails one request in five.
  { action: 'sim:SetBehavior', input: { FunctionName: 'oracle', Version: '2', ErrorRate: 0.2 } },
];

const shift = (healthCheck: boolean): Call => ({
  action: 'sim:StartAliasDeployment',
  input: {
    'function-name': 'oracle',
    'alias-name': 'live',
    'new-version': '2',
    steps: 10,
    interval: 60,
    type: 'linear',
    'health-check': healthCheck,
  },
});

export const spells: Level = {
  id: 'spells',
  number: 17,
  chapter: 8,
  title: 'Spells',
  concept: 'Lambda versions, aliases, weighted linear shifting with a health check',
  brief: [
    'The oracle of Royaume answers ten questions a second through its incantation live, which speaks edition 1 of the spell. A spell needs no territory: the planet itself casts it wherever it is called, so the portals of the kingdom stand empty.',
    'The court mages have written edition 2. Shift the incantation to it in ten steps, one a minute, and let the health check watch every step: if edition 2 stumbles, the incantation must return to edition 1 on its own.',
  ],
  scenario: { seed: 117, setup: SETUP, settle: 30, place: 'kingdom' },
  allowed: ['spells', 'traffic'],
  firstPanel: 'spells',
  goals: [
    {
      id: 'rolled-back',
      text: 'The shift to edition 2 was stopped by the health check',
      aws: 'The linear deployment of version 2 to alias live ended Failed (health check)',
      check: {
        kind: 'aliasDeployment',
        functionName: 'oracle',
        alias: 'live',
        version: '2',
        status: 'Failed',
      },
    },
    {
      id: 'edition-1',
      text: 'The incantation speaks edition 1 alone',
      aws: 'Alias live points to version 1 with no additional version weights',
      check: { kind: 'aliasRouting', functionName: 'oracle', alias: 'live', version: '1' },
    },
    {
      id: 'few-errors',
      text: 'Fewer than 50 questions went unanswered',
      aws: 'Fewer than 50 failed invocations',
      check: { kind: 'failedRequestsBelow', max: 50 },
    },
  ],
  hints: [
    'An incantation (alias) can split its callers between two editions by weight; the shift raises the weight of edition 2 a tenth at a time.',
    'Start the shift of live to edition 2 with 10 steps, 60 seconds apart, and keep the health check on.',
    'After each step the health check counts the errors of edition 2 over the last minute; one error is enough to set the weights back to edition 1.',
  ],
  solution: [
    { call: shift(true) },
    { advance: 90 },
    {
      call: { action: 'lambda:GetAlias', input: { FunctionName: 'oracle', Name: 'live' } },
      note: 'Where does the incantation point now?',
    },
  ],
  wrongSolution: [
    { call: shift(false), note: 'No health check: the flaw reaches everyone.' },
    { advance: 660 },
  ],
  debrief: {
    text: [
      'A spell is a Lambda function; each edition is a published version (immutable code and configuration), and an incantation is an alias, a named pointer to a version that callers use.',
      'An alias can route a share of its invocations to a second version with RoutingConfig AdditionalVersionWeights. The linear deployment (the aws-lambda-deploy function) raises that weight step by step with UpdateAlias, and after each step sums the AWS/Lambda Errors metric of the new version (dimension ExecutedVersion) over the last minute; any error resets the weights and the alias keeps its old version.',
      'CodeDeploy offers the same for Lambda with predefined configurations such as CodeDeployDefault.LambdaLinear10PercentEvery1Minute and CloudWatch alarms for automatic rollback.',
    ],
    cli: [
      "# sim:StartAliasDeployment is not an AWS API: it is a deploy script you run yourself (awslabs/aws-lambda-deploy: it shifts the alias's weight to the new version with aws lambda update-alias step by step, checks the Errors metric with aws cloudwatch get-metric-statistics, and rolls back on errors).",
      'aws lambda get-alias --function-name oracle --name live',
    ],
  },
  stars: { thriftGold: 1, safetyFailedRequests: 20, safetySecondsBelowDesired: 0 },
};
