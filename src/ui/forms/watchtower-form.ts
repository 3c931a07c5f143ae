/**
 * Watchtowers: cloudwatch:PutMetricAlarm on the gate's failed requests, either the count
 * (HTTPCode_Target_5XX_Count, Sum) or the share of failed requests by metric math
 * (100 * FILL(errors, 0) / requests over HTTPCode_Target_5XX_Count and RequestCount), for the whole
 * gate or one road (the TargetGroup dimension), with a threshold, a period and "N of M" (DatapointsToAlarm
 * of EvaluationPeriods). Below, every watchtower with its state as an icon and words (never colour
 * alone): a flame when lit (ALARM), a tick when quiet (OK), a question mark with no news
 * (INSUFFICIENT_DATA); a button tests a beacon with cloudwatch:SetAlarmState.
 */
import { COMPARISON_WORDS, watchedWords } from '../../i18n/gate-names.ts';
import type { Call, MetricAlarm } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { createCallForm, type Outcome } from '../call-form.ts';
import { type Component, lifetime } from '../component.ts';
import {
  button,
  field,
  h,
  intValue,
  numberInput,
  pick,
  setOptions,
  setOptionsOr,
  svg,
  words,
} from '../dom.ts';
import {
  gateLabel,
  gatesOf,
  lbDimension,
  roadLabel,
  roadsOf,
  tgDimension,
  watchtowersOf,
} from './gate-things.ts';

const ALARM_ICON_PATHS: Record<MetricAlarm['StateValue'], string> = {
  ALARM: 'M12 2c1 4 6 6 6 12a6 6 0 0 1-12 0c0-3 2-5 3-6 0 2 1 3 2 3 0-4-1-6 1-9z',
  OK: 'M4 12.5l5 5L20 6.5',
  INSUFFICIENT_DATA: 'M8.5 9a3.5 3.5 0 1 1 5 3.2c-1 .5-1.5 1.2-1.5 2.3v.5M12 19v.5',
};

/** The state's icon: a flame (ALARM), a tick (OK), a question mark (INSUFFICIENT_DATA). */
export function alarmIcon(state: MetricAlarm['StateValue']): SVGSVGElement {
  const paint =
    state === 'ALARM'
      ? { fill: 'currentColor' }
      : {
          fill: 'none',
          stroke: 'currentColor',
          'stroke-width': '3',
          'stroke-linecap': 'round',
          'stroke-linejoin': 'round',
        };
  return svg(
    'svg',
    {
      viewBox: '0 0 24 24',
      width: '1.6em',
      height: '1.6em',
      'aria-hidden': 'true',
      class: `alarm-icon alarm-icon-${state.toLowerCase()}`,
    },
    svg('path', { d: ALARM_ICON_PATHS[state], ...paint }),
  );
}

export function alarmStateWords(state: MetricAlarm['StateValue'], mode: NameMode): string {
  if (state === 'ALARM') return pick('beacon lit', 'ALARM', mode);
  if (state === 'OK') return pick('all quiet', 'OK', mode);
  return pick('no news yet', 'INSUFFICIENT_DATA', mode);
}

export function createWatchtowerForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const name = field(
    words('Name of the watchtower', 'Alarm name'),
    h('input', {
      type: 'text',
      name: 'alarmName',
      value: 'gate-5xx',
      autocomplete: 'off',
      spellcheck: 'false',
    }),
  );
  const watch = field(words('It watches', 'Metric'), h('select', { name: 'watch' }));
  const gate = field(words('Gate', 'Load balancer (dimension)'), h('select', { name: 'alarmGate' }));
  const road = field(words('Road', 'Target group (dimension)'), h('select', { name: 'alarmRoad' }));
  const threshold = field(
    words('Lights its beacon above', 'Threshold (GreaterThanThreshold)'),
    numberInput({ name: 'threshold', min: 0, value: 10, step: 'any' }),
    'Failed travelers in one look (or their share in %, when it watches the share).',
  );
  const period = field(words('Each look lasts', 'Period'), h('select', { name: 'period' }));
  const n = field(
    words('Bad looks needed (N)', 'DatapointsToAlarm'),
    numberInput({ name: 'datapointsToAlarm', min: 1, max: 10, value: 1 }),
  );
  const m = field(
    words('Out of the last (M)', 'EvaluationPeriods'),
    numberInput({ name: 'evaluationPeriods', min: 1, max: 10, value: 2 }),
  );
  const missing = field(
    words('A minute without travelers counts as', 'TreatMissingData'),
    h('select', { name: 'treatMissingData' }),
  );
  const ratio = () => watch.control.value === 'ratio';

  const build = (): Call => {
    const lb = gate.control.value;
    const dims = [{ Name: 'LoadBalancer', Value: lb ? lbDimension(lb) : '' }];
    if (road.control.value) dims.push({ Name: 'TargetGroup', Value: tgDimension(road.control.value) });
    const p = Number(period.control.value);
    const input: Record<string, unknown> = {
      AlarmName: name.control.value.trim(),
      AlarmDescription: ratio()
        ? 'Share of failed requests (%) at the gate'
        : 'Failed requests (target 5XX) at the gate',
    };
    if (ratio()) {
      const stat = (id: string, metric: string) => ({
        Id: id,
        MetricStat: {
          Metric: { Namespace: 'AWS/ApplicationELB', MetricName: metric, Dimensions: dims },
          Period: p,
          Stat: 'Sum',
        },
        ReturnData: false,
      });
      input.Metrics = [
        {
          Id: 'ratio',
          Expression: '100 * FILL(errors, 0) / requests',
          Label: 'Failed requests (%)',
          ReturnData: true,
        },
        stat('errors', 'HTTPCode_Target_5XX_Count'),
        stat('requests', 'RequestCount'),
      ];
    } else {
      Object.assign(input, {
        Namespace: 'AWS/ApplicationELB',
        MetricName: 'HTTPCode_Target_5XX_Count',
        Dimensions: dims,
        Statistic: 'Sum',
        Period: p,
      });
    }
    const num = (el: HTMLInputElement) => {
      const v = el.value.trim();
      return v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
    };
    Object.assign(input, {
      EvaluationPeriods: intValue(m.control) ?? m.control.value,
      DatapointsToAlarm: intValue(n.control) ?? n.control.value,
      Threshold: num(threshold.control),
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: missing.control.value,
    });
    return { action: 'cloudwatch:PutMetricAlarm', input };
  };

  const form = createCallForm({
    store,
    submit: ['Raise the watchtower', 'Put the metric alarm'],
    build,
    success: (_o, call): Outcome => {
      const i = call.input as { AlarmName: string; DatapointsToAlarm: number; EvaluationPeriods: number };
      return {
        tone: 'ok',
        text: pick(
          `Watchtower ${i.AlarmName} stands: it lights its beacon after ${i.DatapointsToAlarm} bad looks out of ${i.EvaluationPeriods}.`,
          `Alarm ${i.AlarmName} saved (INSUFFICIENT_DATA until its first evaluation; ${i.DatapointsToAlarm} of ${i.EvaluationPeriods} datapoints to alarm).`,
          mode,
        ),
      };
    },
    after: () => update(mode),
  });
  form.body.append(
    name.root,
    watch.root,
    h('div', { class: 'pair' }, gate.root, road.root),
    threshold.root,
    period.root,
    h(
      'fieldset',
      { class: 'subfieldset pair' },
      h('legend', {}, words('N of M: how sure before the beacon is lit', 'N of M (datapoints to alarm)')),
      n.root,
      m.root,
    ),
    missing.root,
  );
  watch.control.addEventListener('change', () => {
    threshold.control.value = ratio() ? '5' : '10';
    if (name.control.value === 'gate-5xx' || name.control.value === 'gate-5xx-share')
      name.control.value = ratio() ? 'gate-5xx-share' : 'gate-5xx';
    form.refresh();
  });

  const list = h('ul', { class: 'watchtowers' });
  const listTitle = h('h4', { class: 'disaster-title' }, words('The watchtowers', 'Alarms'));
  const root = h('div', { class: 'watchtower-panel' }, form.form, listTitle, list);

  const renderList = () => {
    const towers = watchtowersOf(store.getState());
    const key = JSON.stringify([mode, towers.map((a) => [a.AlarmName, a.StateValue, a.StateReason])]);
    if (list.dataset.key === key) return;
    list.dataset.key = key;
    if (towers.length === 0) {
      list.replaceChildren(h('li', { class: 'hint' }, pick('No watchtower yet.', 'No alarms yet.', mode)));
      return;
    }
    list.replaceChildren(
      ...towers.map((a) => {
        const state = alarmStateWords(a.StateValue, mode);
        const inspect = button(pick('Inspect', 'Describe', mode), {
          class: 'button button-small button-quiet',
          'aria-label': pick(`Inspect watchtower ${a.AlarmName}`, `Describe alarm ${a.AlarmName}`, mode),
        });
        inspect.addEventListener('click', () => store.getState().select({ kind: 'alarm', id: a.AlarmName }));
        const test = button(pick('Test the beacon', 'Set state ALARM', mode), {
          class: 'button button-small button-quiet',
          'aria-label': pick(`Test the beacon of ${a.AlarmName}`, `Set alarm ${a.AlarmName} to ALARM`, mode),
        });
        test.addEventListener('click', () =>
          form.run(
            {
              action: 'cloudwatch:SetAlarmState',
              input: {
                AlarmName: a.AlarmName,
                StateValue: 'ALARM',
                StateReason: 'Testing the beacon by hand',
              },
            },
            () => ({
              tone: 'warn',
              text: pick(
                `Beacon of ${a.AlarmName} lit by hand; the watch judges again at its next look.`,
                `Alarm ${a.AlarmName} set to ALARM until its next evaluation.`,
                mode,
              ),
            }),
          ),
        );
        const what = `${watchedWords(a)} ${COMPARISON_WORDS[a.ComparisonOperator] ?? ''} ${a.Threshold ?? ''}`;
        return h(
          'li',
          { class: `watchtower state-${a.StateValue.toLowerCase()}`, 'data-alarm': a.AlarmName },
          alarmIcon(a.StateValue),
          h(
            'div',
            { class: 'watchtower-text' },
            h(
              'p',
              { class: 'watchtower-name' },
              h('strong', {}, a.AlarmName),
              ' · ',
              h('span', { class: 'watchtower-state' }, state),
            ),
            h('p', { class: 'hint' }, mode === 'aws' ? a.StateReason : what),
            h('div', { class: 'row-buttons' }, inspect, test),
          ),
        );
      }),
    );
  };

  const update = (mm: NameMode) => {
    mode = mm;
    setOptions(watch.control, [
      {
        value: 'count',
        label: pick('failed travelers (5xx count)', 'HTTPCode_Target_5XX_Count (Sum)', mode),
      },
      { value: 'ratio', label: pick('share of failed travelers (%)', '5XX ratio (metric math)', mode) },
    ]);
    const gates = gatesOf(store.getState());
    setOptionsOr(
      gate.control,
      gates.map((g) => ({ value: g.LoadBalancerArn, label: gateLabel(g, mode) })),
      pick('no gate yet', 'no load balancer yet', mode),
    );
    setOptions(road.control, [
      { value: '', label: pick('the whole gate', 'none (whole load balancer)', mode) },
      ...roadsOf(store.getState())
        .filter((t) => t.LoadBalancerArns.includes(gate.control.value))
        .map((t) => ({ value: t.TargetGroupArn, label: roadLabel(t, mode) })),
    ]);
    setOptions(
      period.control,
      [60, 120, 300].map((p) => ({ value: String(p), label: pick(`${p / 60} min`, `${p} s`, mode) })),
    );
    setOptions(missing.control, [
      { value: 'notBreaching', label: pick('quiet (notBreaching)', 'notBreaching', mode) },
      { value: 'missing', label: pick('no news (missing)', 'missing', mode) },
      { value: 'breaching', label: pick('trouble (breaching)', 'breaching', mode) },
      { value: 'ignore', label: pick('nothing: keep the state (ignore)', 'ignore', mode) },
    ]);
    form.refresh();
    renderList();
  };
  life.live(
    [(s) => s.sim.cloudwatch.alarms, (s) => s.sim.elb.loadBalancers, (s) => s.sim.elb.targetGroups],
    () => update(store.getState().ui.names),
  );
  update(mode);
  return { root, update, destroy: life.destroy };
}
