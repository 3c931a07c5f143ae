/**
 * A number the player can drag or type: a range slider and a number box that follow each other, under
 * one label (the slider is labelled by it, the box says the unit). The box is the value the call uses.
 */
import { fieldHint, h, uid, words } from '../dom.ts';

export interface SliderField {
  root: HTMLElement;
  range: HTMLInputElement;
  number: HTMLInputElement;
  /** The value, or undefined when the box does not hold a number in range. */
  value(): number | undefined;
  /** What the call carries: the number, or the box's text as typed for AWS to refuse. */
  sent(): number | string;
  /** A percent box as the 0..1 fraction the call carries (to 0.01%), or the text as typed. */
  fraction(): number | string;
  set(v: number): void;
}

export function sliderField(
  label: HTMLElement,
  unit: string,
  o: { name: string; min: number; max: number; step: number; value: number; numberMax?: number },
): SliderField {
  const id = uid('sl');
  const labelId = uid('sll');
  const range = h('input', {
    type: 'range',
    id,
    name: `${o.name}Slider`,
    min: o.min,
    max: o.max,
    step: o.step,
    value: o.value,
  });
  const number = h('input', {
    type: 'number',
    inputmode: 'decimal',
    name: o.name,
    min: o.min,
    max: o.numberMax ?? o.max,
    step: 'any',
    value: o.value,
    'aria-labelledby': `${labelId}`,
    'aria-describedby': `${id}-unit`,
  });
  const valueText = () => range.setAttribute('aria-valuetext', `${range.value} ${unit}`);
  range.addEventListener('input', () => {
    number.value = range.value;
    valueText();
  });
  number.addEventListener('input', () => {
    const v = Number(number.value);
    if (number.value.trim() !== '' && Number.isFinite(v)) {
      range.value = String(Math.min(o.max, Math.max(o.min, v)));
      valueText();
    }
  });
  valueText();
  const root = h(
    'div',
    { class: 'field slider-field' },
    h('label', { for: id, id: labelId }, label),
    h(
      'div',
      { class: 'slider-row' },
      range,
      number,
      h('span', { class: 'slider-unit', id: `${id}-unit` }, unit),
    ),
    fieldHint(label),
  );
  const value = () => {
    const s = number.value.trim();
    const v = Number(s);
    return s === '' || !Number.isFinite(v) ? undefined : v;
  };
  return {
    root,
    range,
    number,
    value,
    sent: () => value() ?? number.value,
    fraction() {
      const v = value();
      return v === undefined ? number.value : Math.round(v * 100) / 10000;
    },
    set(v) {
      number.value = String(v);
      range.value = String(Math.min(o.max, Math.max(o.min, v)));
      valueText();
    },
  };
}

/** A 0-100% slider in steps of 5 (the call takes its fraction()). */
export function percentSlider(label: HTMLElement, name: string, value: number): SliderField {
  return sliderField(label, '%', { name, min: 0, max: 100, step: 5, value });
}

/** Requests a second: the slider goes to `max`, the box to 100000. */
export function rateSlider(label: HTMLElement, name: string, max: number, value: number): SliderField {
  return sliderField(label, '/s', { name, min: 0, max, step: 5, value, numberMax: 100000 });
}

export interface FaultSliders {
  errors: SliderField;
  latency: SliderField;
  roots: HTMLElement[];
  /** The sim:SetBehavior members the sliders set: ErrorRate (0..1) and LatencyMs. */
  input(): { ErrorRate: number | string; LatencyMs: number | string };
}

/** A curse's two sliders: the share of answers that fail, and the time to answer (20 ms is sound). */
export function faultSliders(
  errorsLabel: HTMLElement,
  errorPercent: number,
  names: { errors: string; latency: string },
): FaultSliders {
  const errors = percentSlider(errorsLabel, names.errors, errorPercent);
  const latency = sliderField(words('Time to answer', 'LatencyMs'), 'ms', {
    name: names.latency,
    min: 1,
    max: 2000,
    step: 1,
    value: 20,
    numberMax: 900000,
  });
  return {
    errors,
    latency,
    roots: [errors.root, latency.root],
    input: () => ({ ErrorRate: errors.fraction(), LatencyMs: latency.sent() }),
  };
}
