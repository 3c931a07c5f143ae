/**
 * Small parts the Build forms are made of, beyond dom.ts's fields: a titled group of fields (a
 * fieldset with its legend), a labelled checkbox, a number read as typed, and a list of checkboxes
 * that follows the world while keeping what the player ticked.
 */
import { h } from '../dom.ts';

/** A fieldset of related fields under a legend (`cls` adds classes after `subfieldset`). */
export function group(cls: string, legend: HTMLElement, ...children: HTMLElement[]): HTMLFieldSetElement {
  return h(
    'fieldset',
    { class: cls ? `subfieldset ${cls}` : 'subfieldset' },
    h('legend', {}, legend),
    ...children,
  );
}

export interface Checkbox {
  input: HTMLInputElement;
  root: HTMLLabelElement;
}

/** A checkbox inside its label (the whole line is clickable). */
export function checkbox(name: string, label: HTMLElement, checked: boolean, value?: string): Checkbox {
  const input = h('input', { type: 'checkbox', name, checked, value });
  return { input, root: h('label', { class: 'check' }, input, ' ', label) };
}

/** A number input's value as a number, or the raw text when it is not one (AWS refuses it in its words). */
export function numberOrText(input: HTMLInputElement): number | string {
  const v = input.value.trim();
  return v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
}

/** The values of the ticked checkboxes under `root`. */
export function ticked(root: ParentNode): string[] {
  return [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')].map((i) => i.value);
}

/**
 * Keeps a list of checkboxes (`name`, one per value) in step with `values`, keeping what was ticked;
 * with no values, `empty` is shown instead. Rebuilt only when the values changed.
 */
export function syncCheckboxes(
  root: HTMLElement,
  name: string,
  values: readonly string[],
  empty: () => HTMLElement,
): void {
  const key = JSON.stringify(values);
  if (root.dataset.key === key) return;
  const was = new Set(ticked(root));
  root.dataset.key = key;
  root.replaceChildren(
    ...(values.length ? values.map((v) => checkbox(name, h('span', {}, v), was.has(v), v).root) : [empty()]),
  );
}
