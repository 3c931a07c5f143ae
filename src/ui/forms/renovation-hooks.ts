/**
 * The gatekeeper spell of an ECS-native renovation (lifecycleHooks): which spell (Lambda function) the
 * steward asks, at which stages, and the verdict it gives (the rule sim:SetHookRule attaches to it: go on,
 * stop, stop if the new edition's travelers fail above X% over the last N minutes, or ask for time N
 * times then go on). `choice` reads it; `load` fills it from the decree's own hook; `update` follows the
 * region's spells.
 */
import { hookFunctionName } from '../../i18n/hook-words.ts';
import { stageWords } from '../../i18n/renovation.ts';
import { HOOK_STAGES, type HookRule, type Service } from '../../model/index.ts';
import type { NameMode } from '../../store/create-game-store.ts';
import type { Here } from '../../store/view-region.ts';
import { breakable, field, h, numberInput, pick, setOptions, setOptionsOr, words } from '../dom.ts';
import { checkbox, group, numberOrText, ticked } from './parts.ts';
import { spellsOf } from './spell-context.ts';

export type HookRuleKind = HookRule['kind'];

export interface HookChoice {
  functionName: string;
  functionArn: string;
  stages: string[];
  rule: HookRuleKind;
  /** Numbers as typed (AWS-like refusals come from the model). */
  thresholdPercent: number | string;
  windowMinutes: number | string;
  invocations: number | string;
  callBackDelaySeconds: number | string;
}

const RULES: { value: HookRuleKind; nozama: string; aws: string }[] = [
  { value: 'succeed', nozama: 'Let it go on', aws: 'SUCCEEDED' },
  { value: 'fail', nozama: 'Stop it', aws: 'FAILED' },
  {
    value: 'fail-if-5xx-above',
    nozama: "Stop it if the new edition's travelers fail too often",
    aws: 'FAILED if the new revision 5xx rate > X%',
  },
  {
    value: 'in-progress-then-succeed',
    nozama: 'Ask for time, then let it go on',
    aws: 'IN_PROGRESS N times, then SUCCEEDED',
  },
];

export function createHookFields() {
  const spell = field(
    words('Gatekeeper spell', 'Lifecycle hook function (hookTargetArn)'),
    h('select', { name: 'hookSpell' }),
    'The steward casts it at each chosen stage and waits for its verdict before going on.',
  );
  const stages = h('div', { class: 'renovation-hook-stages' });
  const stageBoxes = HOOK_STAGES.map((st) => {
    const box = checkbox(
      'hookStage',
      h('span', { 'data-stage': st }, st),
      st === 'POST_TEST_TRAFFIC_SHIFT',
      st,
    );
    stages.append(box.root);
    return box;
  });
  const rule = field(
    words('Its verdict', 'hookStatus it returns'),
    h('select', { name: 'hookRule' }),
    'The model runs no code: this rule is what the spell answers.',
  );
  const threshold = field(
    words('Failing travelers above (%)', 'Threshold (% 5xx)'),
    numberInput({ name: 'hookThreshold', min: 0, max: 100, step: 'any', value: 1 }),
  );
  const windowMin = field(
    words('Over the last (min)', 'Window (minutes)'),
    numberInput({ name: 'hookWindow', min: 1, max: 60, value: 5 }),
  );
  const invocations = field(
    words('Asks for time (times)', 'IN_PROGRESS invocations'),
    numberInput({ name: 'hookInvocations', min: 1, max: 100, value: 2 }),
  );
  const delay = field(
    words('Cast again after (s)', 'callBackDelay (s)'),
    numberInput({ name: 'hookDelay', min: 1, max: 3600, value: 30 }),
  );
  const fiveXx = h('div', { class: 'pair renovation-hook-5xx' }, threshold.root, windowMin.root);
  const later = h('div', { class: 'pair renovation-hook-later' }, invocations.root, delay.root);
  const details = h('div', { class: 'renovation-hook-details' }, stages, rule.root, fiveXx, later);
  const root = group(
    'renovation-hooks',
    words('Gatekeeper spell (optional)', 'Lifecycle hooks (optional)'),
    spell.root,
    details,
  );

  const showParts = () => {
    const on = spell.control.value !== '';
    details.hidden = !on;
    fiveXx.hidden = rule.control.value !== 'fail-if-5xx-above';
    later.hidden = rule.control.value !== 'in-progress-then-succeed';
  };
  root.addEventListener('change', showParts);

  const choice = (here: Here): HookChoice | null => {
    const name = spell.control.value;
    const fn = spellsOf(here).find((f) => f.FunctionName === name);
    if (!fn) return null;
    return {
      functionName: fn.FunctionName,
      functionArn: fn.FunctionArn,
      stages: ticked(stages),
      rule: rule.control.value as HookRuleKind,
      thresholdPercent: numberOrText(threshold.control),
      windowMinutes: numberOrText(windowMin.control),
      invocations: numberOrText(invocations.control),
      callBackDelaySeconds: numberOrText(delay.control),
    };
  };

  /** Fills the fields from the decree's first Lambda hook and its function's rule. */
  const load = (here: Here, svc: Service) => {
    const hook = svc.deploymentConfiguration.lifecycleHooks?.[0];
    const name = hook ? hookFunctionName(hook.hookTargetArn) : '';
    spell.control.value = spellsOf(here).some((f) => f.FunctionName === name) ? name : '';
    if (hook)
      for (const box of stageBoxes)
        box.input.checked = hook.lifecycleStages.includes(box.input.value as never);
    const r = spellsOf(here).find((f) => f.FunctionName === name)?.hookRule;
    if (r) {
      rule.control.value = r.kind;
      if (r.kind === 'fail-if-5xx-above') {
        threshold.control.value = String(r.thresholdPercent);
        windowMin.control.value = String(r.windowMinutes);
      }
      if (r.kind === 'in-progress-then-succeed') {
        invocations.control.value = String(r.invocations);
        delay.control.value = String(r.callBackDelaySeconds);
      }
    }
    showParts();
  };

  const update = (here: Here, mode: NameMode) => {
    spells = spellsOf(here).length;
    setOptions(spell.control, [
      { value: '', label: pick('none: no gatekeeper', 'none (no lifecycle hooks)', mode) },
      ...spellsOf(here).map((f) => ({
        value: f.FunctionName,
        label: pick(`spell ${f.FunctionName}`, `function ${f.FunctionName}`, mode),
      })),
    ]);
    setOptionsOr(
      rule.control,
      RULES.map((r) => ({ value: r.value, label: pick(r.nozama, r.aws, mode) })),
      '',
    );
    for (const box of stageBoxes) {
      const label = box.root.querySelector<HTMLElement>('[data-stage]');
      const st = box.input.value;
      // The stage's own name goes under the story words, free to break at its underscores.
      const code = h('code', { class: 'hook-stage-name' }, ...breakable(st));
      label?.replaceChildren(...(mode === 'aws' ? [code] : [stageWords(st, 'nozama'), ' ', code]));
    }
    showParts();
  };

  let spells = 0;
  // Shown for ECS-native strategies once the region has a spell to ask (levels without spells stay plain).
  const show = (on: boolean) => {
    root.hidden = !on || spells === 0;
  };
  return { root, choice, load, update, show };
}
