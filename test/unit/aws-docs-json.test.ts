/** Requests copied from AWS's documentation are accepted unchanged. */
import { describe, expect, it } from 'vitest';
import { kingdom } from '../support/world.ts';

// ECS Developer Guide / CLI reference: the sleep360 task definition (register-task-definition --cli-input-json).
const SLEEP360 = {
  containerDefinitions: [
    {
      name: 'sleep',
      image: 'busybox',
      cpu: 10,
      command: ['sleep', '360'],
      memory: 10,
      essential: true,
    },
  ],
  family: 'sleep360',
};

// CLI reference, create-service example 2 ("Create a service using the EC2 launch type"), as its JSON request.
const CREATE_SERVICE = {
  cluster: 'MyCluster',
  serviceName: 'ecs-simple-service',
  taskDefinition: 'sleep360:2',
  desiredCount: 1,
};

describe('AWS documentation JSON', () => {
  it('registers sleep360 twice and creates ecs-simple-service from it', () => {
    const w = kingdom(['a'], 't3.small');
    w.ok('ecs:CreateCluster', { clusterName: 'MyCluster' });
    w.launch('a', 't3.small', 'MyCluster');
    w.tick(25);
    const first = w.ok('ecs:RegisterTaskDefinition', structuredClone(SLEEP360)).taskDefinition;
    expect(first.taskDefinitionArn).toBe(
      'arn:aws:ecs:za-southwest-1:123456789012:task-definition/sleep360:1',
    );
    const second = w.ok('ecs:RegisterTaskDefinition', structuredClone(SLEEP360)).taskDefinition;
    expect(second.revision).toBe(2);
    expect(second.containerDefinitions[0]).toMatchObject({
      name: 'sleep',
      image: 'busybox',
      cpu: 10,
      memory: 10,
      command: ['sleep', '360'],
    });
    const svc = w.ok('ecs:CreateService', structuredClone(CREATE_SERVICE)).service;
    expect(svc).toMatchObject({
      serviceName: 'ecs-simple-service',
      clusterArn: 'arn:aws:ecs:za-southwest-1:123456789012:cluster/MyCluster',
      taskDefinition: 'arn:aws:ecs:za-southwest-1:123456789012:task-definition/sleep360:2',
      desiredCount: 1,
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
    });
    w.tick(30);
    expect(w.service('ecs-simple-service', 'MyCluster').runningCount).toBe(1);
  });

  it("refuses an 11-container plan with ECS's message", () => {
    const w = kingdom(['a']);
    const containerDefinitions = Array.from({ length: 11 }, (_, i) => ({
      name: `b${i}`,
      image: 'busybox',
      memory: 16,
    }));
    expect(w.err('ecs:RegisterTaskDefinition', { family: 'too-big', containerDefinitions })).toEqual({
      name: 'ClientException',
      message: 'Too many containers.',
    });
  });
});
