/**
 * Growth: Application Auto Scaling for a decree. Two orders, each with its CLI line: the decree's growth
 * bounds (application-autoscaling:RegisterScalableTarget, MinCapacity and MaxCapacity), and a growth rule
 * that keeps a measure near an aim (PutScalingPolicy, TargetTrackingScaling on the service's CPU, memory, or
 * requests per target of its load balancer's target group; cooldowns; DisableScaleIn). Below, each decree
 * with bounds: its rules and why it last grew or shrank.
 */
import type { Call } from '../../model/index.ts';
import { lbDimension, tgDimension } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import type { Here } from '../../store/view-region.ts';
import { createCallForm, type Outcome } from '../call-form.ts';
import { type Component, lifetime } from '../component.ts';
import { field, h, hintWords, numberInput, pick, setOptionsOr, words } from '../dom.ts';
import { growthStatus } from './growth-status.ts';
import { checkbox, numberOrText } from './parts.ts';
import { activeServices, currentKingdom } from './world.ts';

const DIMENSION = 'ecs:service:DesiredCount';

/** The resource label of ALBRequestCountPerTarget for a service's first target group, or undefined. */
function resourceLabel(here: Here, cluster: string, service: string): string | undefined {
  const { sim } = here;
  const svc = activeServices(here, cluster).find((s) => s.serviceName === service);
  const tgArn = svc?.loadBalancers[0]?.targetGroupArn;
  const lbArn = tgArn ? sim.elb.targetGroups[tgArn]?.LoadBalancerArns[0] : undefined;
  return tgArn && lbArn ? `${lbDimension(lbArn)}/${tgDimension(tgArn)}` : undefined;
}

export function createGrowthForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const decree = field(words('Decree', 'Service'), h('select', { name: 'service' }));
  const ref = () => ({
    ServiceNamespace: 'ecs',
    ResourceId: `service/${currentKingdom(store)}/${decree.control.value}`,
    ScalableDimension: DIMENSION,
  });

  // --- bounds: RegisterScalableTarget
  const min = field(
    words('At least (developments)', 'MinCapacity'),
    numberInput({ name: 'min', value: '2', min: 0 }),
  );
  const max = field(
    words('At most (developments)', 'MaxCapacity'),
    numberInput({ name: 'max', value: '8', min: 0 }),
  );
  const bounds = createCallForm({
    store,
    submit: ['Set the growth bounds', 'Register scalable target'],
    build: (): Call => ({
      action: 'application-autoscaling:RegisterScalableTarget',
      input: { ...ref(), MinCapacity: numberOrText(min.control), MaxCapacity: numberOrText(max.control) },
    }),
    success: (): Outcome => ({
      tone: 'ok',
      text: pick(
        `The decree ${decree.control.value} may now grow and shrink between ${min.control.value} and ${max.control.value} developments.`,
        `Registered ${ref().ResourceId} with MinCapacity ${min.control.value} and MaxCapacity ${max.control.value}.`,
        mode,
      ),
    }),
    after: () => update(mode),
  });
  bounds.form.classList.add('growth-bounds');
  bounds.body.append(
    hintWords(
      'Growth bounds keep a decree between the fewest and the most developments you allow; a growth rule then moves it within them.',
      'A scalable target (namespace ecs, dimension ecs:service:DesiredCount): every scaling activity keeps the desired count within MinCapacity and MaxCapacity.',
    ),
    min.root,
    max.root,
  );

  // --- rule: PutScalingPolicy (target tracking)
  const name = field(words('Rule name', 'PolicyName'), h('input', { name: 'policyName', value: 'cpu50' }));
  const metric = field(
    words('Follow', 'PredefinedMetricType'),
    h(
      'select',
      { name: 'metric' },
      h(
        'option',
        { value: 'ECSServiceAverageCPUUtilization' },
        "builders' toil (ECSServiceAverageCPUUtilization)",
      ),
      h(
        'option',
        { value: 'ECSServiceAverageMemoryUtilization' },
        'granary use (ECSServiceAverageMemoryUtilization)',
      ),
      h(
        'option',
        { value: 'ALBRequestCountPerTarget' },
        'travelers per development (ALBRequestCountPerTarget)',
      ),
    ),
  );
  const target = field(words('Aim', 'TargetValue'), numberInput({ name: 'target', value: '50', min: 1 }));
  const outCool = field(
    words('Rest after growing (s)', 'ScaleOutCooldown'),
    numberInput({ name: 'scaleOutCooldown', value: '60', min: 0 }),
  );
  const inCool = field(
    words('Rest before shrinking (s)', 'ScaleInCooldown'),
    numberInput({ name: 'scaleInCooldown', value: '60', min: 0 }),
  );
  const noShrink = checkbox('disableScaleIn', words('Never shrink', 'DisableScaleIn'), false);
  const buildRule = (): Call => {
    const type = metric.control.value;
    const label =
      type === 'ALBRequestCountPerTarget'
        ? resourceLabel(store.getState(), currentKingdom(store), decree.control.value)
        : undefined;
    return {
      action: 'application-autoscaling:PutScalingPolicy',
      input: {
        ...ref(),
        PolicyName: name.control.value,
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: numberOrText(target.control),
          PredefinedMetricSpecification: {
            PredefinedMetricType: type,
            ...(label ? { ResourceLabel: label } : {}),
          },
          ScaleOutCooldown: numberOrText(outCool.control),
          ScaleInCooldown: numberOrText(inCool.control),
          ...(noShrink.input.checked ? { DisableScaleIn: true } : {}),
        },
      },
    };
  };
  const rule = createCallForm({
    store,
    submit: ['Proclaim the growth rule', 'Put scaling policy'],
    build: buildRule,
    success: (output): Outcome => ({
      tone: 'ok',
      text: pick(
        `The decree ${decree.control.value} now follows its rule ${name.control.value}; the steward raised ${((output.Alarms as unknown[]) ?? []).length} watchtowers to watch it.`,
        `Put policy ${String(output.PolicyARN)}.`,
        mode,
      ),
      details: ((output.Alarms as { AlarmName: string }[]) ?? []).map((a) => a.AlarmName),
    }),
    after: () => update(mode),
  });
  rule.form.classList.add('growth-rule-form');
  rule.body.append(
    hintWords(
      'A rule that keeps a measure near its aim: above it for 3 minutes, the decree grows in proportion; below 90% of it for 15 minutes, it shrinks.',
      'Target tracking creates two CloudWatch alarms: AlarmHigh (3 datapoints above the target) scales out, AlarmLow (15 datapoints below 90% of it) scales in.',
    ),
    name.root,
    metric.root,
    target.root,
    outCool.root,
    inCool.root,
    noShrink.root,
  );

  const status = h('div', { class: 'growth-status-area', 'aria-live': 'polite' });
  const root = h('div', { class: 'growth-section' }, decree.root, bounds.form, rule.form, status);
  decree.control.addEventListener('change', () => {
    bounds.refresh();
    rule.refresh();
  });

  const update = (m: NameMode) => {
    mode = m;
    setOptionsOr(
      decree.control,
      activeServices(store.getState(), currentKingdom(store)).map((svc) => ({
        value: svc.serviceName,
        label: svc.serviceName,
      })),
      pick('no decree yet', 'no service yet', mode),
    );
    status.replaceChildren(growthStatus(store.getState(), mode));
    bounds.refresh();
    rule.refresh();
  };
  life.live([(s) => s.sim.appAutoScaling], () => update(mode));
  update(mode);
  return { root, update, destroy: life.destroy };
}
