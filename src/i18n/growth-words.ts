/**
 * Application Auto Scaling in words: why a decree just grew or shrank ("CPU 82% above the 60% target: +2"),
 * its growth bounds and rules, and the chronicle's lines for scaling events. In the story a scalable target
 * is the decree's growth bounds, a scaling policy its growth rule, CPU the builders' toil.
 */
import type { ScalingPolicyRecord, ScalingWhy } from '../model/index.ts';
import type { ChronicleEvent, ChronicleLine } from './chronicle.ts';
import { byMode, capitalize, type NameMode } from './lexicon.ts';

/** The growth event types, and whether each writes a chronicle line. */
export const GROWTH_EVENT_TYPES: Readonly<Record<string, boolean>> = {
  'scaling/activity': true,
  'scaling/targetRegistered': true,
  'scaling/targetDeregistered': true,
  'scaling/policyPut': true,
  'scaling/policyDeleted': true,
};

const METRIC_AWS: Record<string, string> = {
  CPUUtilization: 'CPU',
  MemoryUtilization: 'memory',
  RequestCountPerTarget: 'requests per target',
};
const METRIC_STORY: Record<string, string> = {
  CPUUtilization: "builders' toil",
  MemoryUtilization: 'granary use',
  RequestCountPerTarget: 'travelers per development',
};
const PERCENT = new Set(['CPUUtilization', 'MemoryUtilization']);

const num = (v: number): string => String(Math.round(v * 10) / 10);

/** "CPU 82% above the 60% target: +2" | "Builders' toil 82% above the 60% aim: +2 mills". */
export function scalingWhyWords(why: ScalingWhy, mode: NameMode): string {
  const unit = PERCENT.has(why.metric) ? '%' : '';
  const above = why.value > why.target;
  const delta = why.to - why.from;
  const sign = delta > 0 ? `+${delta}` : String(delta);
  const aws = capitalize(
    `${METRIC_AWS[why.metric] ?? why.metric} ${num(why.value)}${unit} ${above ? 'above' : 'below'} the ${num(why.target)}${unit} ${why.policyType === 'TargetTrackingScaling' ? 'target' : 'threshold'}: ${sign}`,
  );
  const story = capitalize(
    `${METRIC_STORY[why.metric] ?? why.metric} ${num(why.value)}${unit} ${above ? 'above' : 'below'} the ${num(why.target)}${unit} aim: ${sign} development${Math.abs(delta) === 1 ? '' : 's'}`,
  );
  return byMode(mode, story, aws);
}

const RULE_METRIC: Record<string, [string, string]> = {
  ECSServiceAverageCPUUtilization: ["builders' toil", 'CPU'],
  ECSServiceAverageMemoryUtilization: ['granary use', 'memory'],
  ALBRequestCountPerTarget: ['travelers per development', 'requests per target'],
};

/** "mill-cpu50: keep builders' toil near 50%" | "mill-cpu50: CPU target 50%". */
export function scalingRuleWords(p: ScalingPolicyRecord, mode: NameMode): string {
  const tt = p.TargetTrackingScalingPolicyConfiguration;
  if (!tt) return byMode(mode, `${p.PolicyName}: steps on a watchtower`, `${p.PolicyName}: StepScaling`);
  const type = tt.PredefinedMetricSpecification.PredefinedMetricType;
  const [noz, aws] = RULE_METRIC[type] ?? [type, type];
  const unit = type === 'ALBRequestCountPerTarget' ? '' : '%';
  return byMode(
    mode,
    `${p.PolicyName}: keep ${noz} near ${tt.TargetValue}${unit}${tt.DisableScaleIn ? ', never shrink' : ''}`,
    `${p.PolicyName}: ${aws} target ${tt.TargetValue}${unit}${tt.DisableScaleIn ? ', DisableScaleIn' : ''}`,
  );
}

const serviceOf = (resourceId: string): string => resourceId.slice(resourceId.lastIndexOf('/') + 1);

export function growthLine(event: ChronicleEvent, mode: NameMode): ChronicleLine | undefined {
  const aws = mode === 'aws';
  if (!('resourceId' in event.data)) return undefined;
  const decree = serviceOf(event.data.resourceId);
  switch (event.type) {
    case 'scaling/activity': {
      const why = event.data.why;
      const grew = event.data.to > event.data.from;
      const head = aws
        ? `Application Auto Scaling set the desired count of service ${decree} to ${event.data.to} (from ${event.data.from})`
        : `The decree ${decree} ${grew ? 'grows' : 'shrinks'} to ${event.data.to} developments (from ${event.data.from})`;
      const because = why
        ? scalingWhyWords(why, mode)
        : aws
          ? event.data.cause
          : `its bounds changed (${event.data.cause})`;
      return { text: capitalize(`${head}: ${because}`), tone: grew ? 'info' : 'good' };
    }
    case 'scaling/targetRegistered':
      return {
        text: aws
          ? `Registered scalable target service/…/${decree}: MinCapacity ${event.data.min}, MaxCapacity ${event.data.max}`
          : `The decree ${decree} may now grow and shrink between ${event.data.min} and ${event.data.max} developments`,
        tone: 'info',
      };
    case 'scaling/targetDeregistered':
      return {
        text: aws
          ? `Deregistered scalable target service/…/${decree} (its policies and their alarms are gone)`
          : `The decree ${decree} no longer grows or shrinks by itself`,
        tone: 'info',
      };
    case 'scaling/policyPut':
      return {
        text: aws
          ? `Put scaling policy ${event.data.policyName} (${event.data.policyType}) on service ${decree}`
          : `The decree ${decree} follows a growth rule: ${event.data.policyName}`,
        tone: 'info',
      };
    case 'scaling/policyDeleted':
      return {
        text: aws
          ? `Deleted scaling policy ${event.data.policyName} of service ${decree}`
          : `The growth rule ${event.data.policyName} of the decree ${decree} is lifted`,
        tone: 'info',
      };
    default:
      return undefined;
  }
}
