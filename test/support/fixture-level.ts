/**
 * A tiny level for the store's and the campaign UI's tests (the real levels live in src/levels): a
 * kingdom with two territories; the player drafts a plan and proclaims a decree of two.
 */

import type { Level } from '../../src/levels/types.ts';
import { createSim, step } from '../../src/model/index.ts';
import { encodeBase64 } from '../../src/model/sim/base64.ts';

const AMI_PARAM = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';

export function ecsAmi(seed = 1): string {
  const r = step(createSim({ seed }), { action: 'ssm:GetParameter', input: { Name: AMI_PARAM } });
  if ('error' in r.response) throw new Error(r.response.error.message);
  return (r.response.output as { Parameter: { Value: string } }).Parameter.Value;
}

const territory = (zone: string) => ({
  action: 'ec2:RunInstances',
  input: {
    ImageId: ecsAmi(),
    InstanceType: 't3.medium',
    MinCount: 1,
    MaxCount: 1,
    Placement: { AvailabilityZone: zone },
    UserData: encodeBase64('#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config'),
  },
});

export function fixtureLevel(overrides: Partial<Level> = {}): Level {
  return {
    id: 'fixture-mill',
    number: 1,
    chapter: 1,
    title: 'The mill',
    concept: 'task definition, service',
    brief: ['The kingdom needs bread.', 'Draft a plan for a mill and keep two standing.'],
    scenario: {
      seed: 5,
      setup: [
        { action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } },
        territory('za-southwest-1a'),
        territory('za-southwest-1b'),
      ],
      settle: 60,
      place: 'kingdom',
    },
    allowed: ['plan', 'decree'],
    goals: [
      {
        id: 'plan',
        text: 'Draft the plan of the mill',
        aws: 'Register task definition mill',
        check: { kind: 'taskDefinition', family: 'mill' },
      },
      {
        id: 'decree',
        text: 'Keep 2 mills standing',
        aws: 'Service mill: 2 RUNNING tasks',
        check: { kind: 'serviceRunning', service: 'mill', count: 2 },
      },
    ],
    hints: ['Plans come first.', 'A decree keeps developments standing.', 'Desired count: 2.'],
    solution: [
      {
        call: {
          action: 'ecs:RegisterTaskDefinition',
          input: { family: 'mill', containerDefinitions: [{ name: 'mill', image: 'nginx', memory: 256 }] },
        },
      },
      { advance: 3, note: 'Let the scribes file the plan.' },
      {
        call: {
          action: 'ecs:CreateService',
          input: { cluster: 'Royaume', serviceName: 'mill', taskDefinition: 'mill', desiredCount: 2 },
        },
      },
      { advance: 60 },
    ],
    wrongSolution: [],
    debrief: {
      text: ['A plan is a task definition; a decree is a service.'],
      cli: ['aws ecs register-task-definition --family mill ...'],
    },
    stars: { thriftGold: 1000, safetyFailedRequests: 0, safetySecondsBelowDesired: 0 },
    ...overrides,
  };
}
