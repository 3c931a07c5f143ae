/**
 * A number the player can drag or type: a range slider and a number box that follow each other, under
 * one label (the slider is labelled by it, the box says the unit). The box is the value the call uses.
 */
import { h, uid } from '../dom.ts';

export interface SliderField {
  root: HTMLElement;
  range: HTMLInputElement;
  number: HTMLInputElement;
  /** The value, or undefined when the box does not hold a number in range. */
  value(): number | undefined;
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
  );
  return {
    root,
    range,
    number,
    value() {
      const s = number.value.trim();
      const v = Number(s);
      return s === '' || !Number.isFinite(v) ? undefined : v;
    },
    set(v) {
      number.value = String(v);
      range.value = String(Math.min(o.max, Math.max(o.min, v)));
      valueText();
    },
  };
}
