/**
 * Members AWS added after the botocore release the table is generated from (scripts/shapes.ts), which
 * the model already answers. The generator adds each one only when the model lacks it, so a newer
 * botocore silently takes over.
 * - ECS deploymentCircuitBreaker.resetOnHealthyTask and thresholdConfiguration (botocore, June 2026):
 *   https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html
 */
import type { Member, Shape } from '../src/model/requests/shape-types.ts';

export interface Additions {
  shapes: Record<string, Shape>;
  /** structure name -> member name -> member */
  members: Record<string, Record<string, Member>>;
}

export const SHAPE_ADDITIONS: Record<string, Additions> = {
  ecs: {
    shapes: {
      DeploymentCircuitBreakerThresholdType: {
        type: 'string',
        enum: ['COUNT', 'BOUNDED_PERCENT', 'UNBOUNDED_PERCENT'],
      },
      DeploymentCircuitBreakerThresholdConfiguration: {
        type: 'structure',
        members: {
          type: { shape: 'DeploymentCircuitBreakerThresholdType' },
          value: { shape: 'BoxedInteger' },
        },
      },
    },
    members: {
      DeploymentCircuitBreaker: {
        resetOnHealthyTask: { shape: 'BoxedBoolean' },
        thresholdConfiguration: { shape: 'DeploymentCircuitBreakerThresholdConfiguration' },
      },
    },
  },
};
