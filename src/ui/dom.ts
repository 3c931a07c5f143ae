/**
 * Small DOM helpers for the panels: build elements, label controls, keep select options in step with
 * the world without losing what the player chose, and words that follow the Rosetta switch.
 */

import { byMode, glossaryOf } from '../i18n/lexicon.ts';
import { T } from '../i18n/messages.ts';
import type { NameMode } from '../store/create-game-store.ts';
import { plainHint } from './field-hints.ts';

type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined;

/** Creates an element: attributes (false/null/undefined are left out, true is ''), then children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element (icons drawn for this project) with its attributes and children. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: SVGElement[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  el.append(...children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
}

let nextId = 0;
/** A page-unique id (two games on one page never share one). */
export function uid(prefix: string): string {
  nextId += 1;
  return `nz-${prefix}-${nextId}`;
}

/** A hint paragraph in Nozama's words or AWS's. */
export function hintWords(nozama: string, aws: string): HTMLParagraphElement {
  return h('p', { class: 'hint' }, words(nozama, aws));
}

/**
 * Where a long AWS name may break when its line is too narrow: after `_`, `:` or `/`, and between a
 * lower-case letter and a capital (ROLLBACK_<wbr>SUCCESSFUL, PRODUCTION_<wbr>TRAFFIC_<wbr>SHIFT,
 * ecs:<wbr>Update<wbr>Container...). A <wbr> adds no text: copying and textContent are unchanged.
 */
const BREAK_AFTER = /(?<=[_:/])(?=\w)|(?<=[a-z])(?=[A-Z])/;

/** The text as nodes with break opportunities in its long names (see BREAK_AFTER). */
export function breakable(text: string): (string | HTMLElement)[] {
  return text.split(BREAK_AFTER).flatMap((part, i) => (i ? [h('wbr', {}), part] : [part]));
}

/** Sets an element's text, with break opportunities in its long names. */
export function setBreakableText(el: Element, text: string): void {
  if (el.textContent === text) return;
  if (BREAK_AFTER.test(text)) el.replaceChildren(...breakable(text));
  else el.textContent = text;
}

/** Text in Nozama's words or AWS's, switched by the Rosetta switch (see applyNames). */
export function words(nozama: string, aws: string, mode: NameMode = 'nozama'): HTMLSpanElement {
  const span = h('span', { 'data-nozama': nozama, 'data-aws': aws });
  // A story word on its own ("Portal", "Decree") tells what it is on hover: its AWS term, plainly.
  const gloss = glossaryOf(nozama);
  if (gloss) span.title = `${gloss.nozama} = ${gloss.aws}: ${gloss.plain}`;
  setBreakableText(span, pick(nozama, aws, mode));
  return span;
}

/** The text for a mode: Nozama's, AWS's, or "nozama (aws)" for both (as i18n's byMode). */
export function pick(nozama: string, aws: string, mode: NameMode): string {
  return byMode(mode, nozama, aws);
}

/** Updates every `words(...)` under root to the mode. */
export function applyNames(root: ParentNode, mode: NameMode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-nozama]')) {
    setBreakableText(el, pick(el.dataset.nozama ?? '', el.dataset.aws ?? '', mode));
  }
}

export interface Field<C extends HTMLElement> {
  root: HTMLElement;
  control: C;
  hint: HTMLElement;
}

/**
 * A labelled control with a hint line under it (the hint describes the control). A label made by
 * `words(story, aws)` names the AWS parameter: the hint line always ends with it (`AWS: maximumPercent`),
 * after the form's own hint or, when it has none, the plain sentence of field-hints.ts.
 */
export function field<C extends HTMLElement>(label: Child, control: C, hintText = ''): Field<C> {
  if (!control.id) control.id = uid('f');
  const hint = fieldHint(label, hintText);
  control.setAttribute('aria-describedby', hint.id);
  const root = h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint);
  return { root, control, hint };
}

/** A field's hint line: its own text (or field-hints.ts's sentence) and the label's AWS name. */
export function fieldHint(label: Child, hintText = ''): HTMLParagraphElement {
  const aws = label instanceof HTMLElement ? label.dataset.aws : undefined;
  const text = h('span', { class: 'hint-text' }, ...breakable(hintText || (aws ? plainHint(aws) : '')));
  const hint = h(
    'p',
    { class: 'hint', id: uid('hint') },
    text,
    aws ? h('span', { class: 'hint-aws' }, ' AWS: ', h('code', {}, ...breakable(aws))) : null,
  );
  hint.hidden = !aws && hintText === '';
  return hint;
}

/** Changes a field's own hint; the AWS parameter's name stays at its end. */
export function setHint(f: Field<HTMLElement>, text: string): void {
  const own = f.hint.querySelector('.hint-text') ?? f.hint;
  // No text of its own: the field's plain sentence stays (field-hints.ts).
  const aws = f.hint.querySelector('.hint-aws code')?.textContent ?? '';
  const shown = text || plainHint(aws);
  if (own.textContent !== shown) own.textContent = shown;
  f.hint.hidden = shown === '' && !f.hint.querySelector('.hint-aws');
}

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

/**
 * Replaces a select's options when they changed, keeping the player's choice when it still exists
 * (else the first enabled option, or `fallback` when given and present).
 */
export function setOptions(select: HTMLSelectElement, options: readonly Option[], fallback?: string): void {
  const key = JSON.stringify(options);
  if (select.dataset.optionsKey === key) return;
  const had = select.dataset.optionsKey !== undefined;
  const current = select.value;
  select.replaceChildren(
    ...options.map((o) => {
      const opt = h('option', { value: o.value }, o.label);
      opt.disabled = o.disabled === true;
      return opt;
    }),
  );
  select.dataset.optionsKey = key;
  const values = options.map((o) => o.value);
  if (had && values.includes(current)) select.value = current;
  else if (fallback !== undefined && values.includes(fallback)) select.value = fallback;
  else {
    const first = options.find((o) => !o.disabled) ?? options[0];
    if (first) select.value = first.value;
  }
}

/** setOptions, or when there is nothing to choose, one empty option saying so (`none`). */
export function setOptionsOr(
  select: HTMLSelectElement,
  options: readonly Option[],
  none: string,
  fallback?: string,
): void {
  setOptions(select, options.length ? options : [{ value: '', label: none }], fallback);
}

export function numberInput(attrs: Record<string, AttrValue>): HTMLInputElement {
  return h('input', { type: 'number', inputmode: 'numeric', ...attrs });
}

/** The input's value as an integer, or undefined when empty or not a whole number. */
export function intValue(input: HTMLInputElement): number | undefined {
  const s = input.value.trim();
  if (s === '' || !/^-?\d+$/.test(s)) return undefined;
  return Number(s);
}

export function button(label: Child, attrs: Record<string, AttrValue> = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: 'button', ...attrs }, label);
}

/** Runs `render` at most once per animation frame, however often `schedule` is called. */
export function frameScheduler(render: () => void): { schedule: () => void; cancel: () => void } {
  let handle: number | null = null;
  return {
    schedule() {
      if (handle !== null) return;
      handle = requestAnimationFrame(() => {
        handle = null;
        render();
      });
    },
    cancel() {
      if (handle !== null) cancelAnimationFrame(handle);
      handle = null;
    },
  };
}

export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/**
 * Shows CLI text in a pre, one block per line with a hanging indent (so a wrapped parameter reads as
 * one); the text content stays exactly the command, newlines included, for copying.
 */
export function setCli(pre: HTMLElement, text: string): void {
  if (pre.dataset.text === text) return;
  pre.dataset.text = text;
  const lines = text.split('\n');
  pre.replaceChildren(
    ...lines.map((line, i) => h('span', { class: 'cli-line' }, i < lines.length - 1 ? `${line}\n` : line)),
  );
}

/** A table's hidden caption and its column headings, each already in the mode's words. */
export function tableHead(caption: string, columns: string[]): HTMLElement[] {
  return [
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
  ];
}

/** A notice line: a warning (⚠, orange edge) or information (ℹ); the icon is hidden, the words say it. */
export function noticeLine(tone: 'warn' | 'info', text: string): HTMLParagraphElement {
  return h(
    'p',
    { class: `outcome outcome-${tone === 'warn' ? 'warn' : 'ok'}` },
    h('span', { class: 'tone-icon', 'aria-hidden': 'true' }, tone === 'warn' ? '⚠' : 'ℹ'),
    h('span', {}, text),
  );
}

/**
 * A Copy button: copies `text` (or what it returns at the click) and says so in `status`, or says how
 * to copy by hand where the browser gives no clipboard.
 */
export function copyButton(
  text: string | (() => string),
  label: string,
  status: HTMLElement,
): HTMLButtonElement {
  const b = button(T.t('debrief.copy'), { class: 'button button-small copy-button', 'aria-label': label });
  b.addEventListener('click', () => {
    if (!navigator.clipboard) {
      setText(status, T.t('debrief.copyByHand'));
      return;
    }
    navigator.clipboard.writeText(typeof text === 'string' ? text : text()).then(
      () => setText(status, T.t('debrief.copied')),
      () => setText(status, T.t('debrief.copyByHand')),
    );
  });
  return b;
}

/**
 * Scrolls the nearest scrolling panel (`.panel`, or `container`) so `el`'s top is at the panel's top:
 * a form just opened or a thing just selected shows its beginning, not wherever the panel was. Only the
 * panel moves (never the page, which a game in a blog post must leave alone).
 */
export function scrollToTop(el: HTMLElement, container = el.closest<HTMLElement>('.panel')): void {
  if (!container) return;
  const offset = el.getBoundingClientRect().top - container.getBoundingClientRect().top;
  container.scrollTop = Math.max(0, container.scrollTop + offset - 4);
}
