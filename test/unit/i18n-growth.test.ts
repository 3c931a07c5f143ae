/**
 * Application Auto Scaling in words: why a decree grew or shrank, in the story's words and AWS's
 * ("CPU 82% above the 60% target: +2"), its rules, and the chronicle's lines for scaling events.
 */
import { describe, expect, it } from 'vitest';
import { chronicleLine } from '../../src/i18n/chronicle.ts';
import { scalingRuleWords, scalingWhyWords } from '../../src/i18n/growth-words.ts';
import { createSim, type ScalingPolicyRecord, type ScalingWhy } from '../../src/model/index.ts';

const WHY: ScalingWhy = {
  policyName: 'cpu60',
  policyType: 'TargetTrackingScaling',
  alarmName: 'TargetTracking-service/Royaume/mill-AlarmHigh-x',
  metric: 'CPUUtilization',
  value: 82,
  target: 60,
  from: 2,
  to: 4,
};

describe('scaling words', () => {
  it.each([
    ['aws', WHY, 'CPU 82% above the 60% target: +2'],
    ['nozama', WHY, "Builders' toil 82% above the 60% aim: +2 developments"],
    ['aws', { ...WHY, value: 12.345, from: 6, to: 5 }, 'CPU 12.3% below the 60% target: -1'],
    ['nozama', { ...WHY, value: 12, from: 6, to: 5 }, "Builders' toil 12% below the 60% aim: -1 development"],
    [
      'aws',
      {
        ...WHY,
        policyType: 'StepScaling',
        metric: 'RequestCountPerTarget',
        value: 1500,
        target: 1000,
        to: 5,
      },
      'Requests per target 1500 above the 1000 threshold: +3',
    ],
  ] as const)('%s: %s', (mode, why, text) => {
    expect(scalingWhyWords(why as ScalingWhy, mode)).toBe(text);
  });

  it('words a target tracking rule and a step rule', () => {
    const p = {
      PolicyName: 'cpu50',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 50,
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        ScaleOutCooldown: 60,
        ScaleInCooldown: 60,
        DisableScaleIn: true,
      },
    } as ScalingPolicyRecord;
    expect(scalingRuleWords(p, 'nozama')).toBe("cpu50: keep builders' toil near 50%, never shrink");
    expect(scalingRuleWords(p, 'aws')).toBe('cpu50: CPU target 50%, DisableScaleIn');
    const step = { PolicyName: 'steps', PolicyType: 'StepScaling' } as ScalingPolicyRecord;
    expect(scalingRuleWords(step, 'aws')).toBe('steps: StepScaling');
  });

  it('writes a chronicle line for an activity, with its reason', () => {
    const sim = createSim();
    const event = {
      type: 'scaling/activity' as const,
      data: {
        resourceId: 'service/Royaume/mill',
        serviceName: 'mill',
        from: 2,
        to: 4,
        cause: 'monitor alarm x',
        why: WHY,
      },
    };
    expect(chronicleLine(event, sim, 'aws')?.text).toBe(
      'Application Auto Scaling set the desired count of service mill to 4 (from 2): CPU 82% above the 60% target: +2',
    );
    expect(chronicleLine(event, sim, 'nozama')?.text).toBe(
      "The decree mill grows to 4 developments (from 2): Builders' toil 82% above the 60% aim: +2 developments",
    );
    const bounds = { ...event, data: { ...event.data, why: null, cause: 'minimum capacity was set to 4' } };
    expect(chronicleLine(bounds, sim, 'aws')?.text).toBe(
      'Application Auto Scaling set the desired count of service mill to 4 (from 2): minimum capacity was set to 4',
    );
  });
});
