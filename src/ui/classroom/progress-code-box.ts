/**
 * "Copy progress code": the student's name and the levels they finished with their stars, as a
 * short code for the teacher's class board. The name is remembered on this machine only (its own
 * storage key beside the progress). The box says plainly that the code catches typos, not cheating.
 */
import { cleanName, encodeProgressCode, NAME_MAX } from '../../classroom/index.ts';
import type { GameStore } from '../../store/create-game-store.ts';
import type { ProgressStorage } from '../../store/progress-storage.ts';
import { copyButton, h, setText, uid } from '../dom.ts';

export const NAME_KEY = 'nozama-student-name';

export interface ProgressCodeBox {
  root: HTMLElement;
  destroy(): void;
}

export function createProgressCodeBox(store: GameStore, storage: ProgressStorage | null): ProgressCodeBox {
  const name = h('input', {
    type: 'text',
    id: uid('student-name'),
    class: 'code-input',
    maxlength: NAME_MAX,
    autocomplete: 'name',
    'data-role': 'student-name',
  });
  try {
    name.value = storage?.getItem(NAME_KEY) ?? '';
  } catch {
    // A browser that refuses storage: the name is typed each visit.
  }
  const code = h('output', { class: 'class-code', 'data-role': 'progress-code', 'aria-live': 'polite' });
  const status = h('p', { class: 'copy-status', role: 'status' });
  let current = '';
  const root = h(
    'section',
    { class: 'progress-code-box', 'aria-label': 'Progress code for your teacher' },
    h('h3', {}, 'Progress code for your teacher'),
    h('label', { for: name.id }, 'Your name'),
    ' ',
    name,
    h(
      'p',
      {},
      code,
      ' ',
      copyButton(() => current, 'Copy progress code', status),
    ),
    status,
    h(
      'p',
      { class: 'hint' },
      'The code carries your name and the levels you finished with their stars. Its last character catches typos; it does not stop anyone from making up a code.',
    ),
  );
  const render = () => {
    const clean = cleanName(name.value);
    if (clean === '') {
      current = '';
      setText(code, 'type your name first');
      return;
    }
    const stars: Record<string, number> = {};
    for (const [id, rec] of Object.entries(store.getState().progress.levels))
      if (rec.done) stars[id] = rec.stars;
    current = encodeProgressCode({ name: clean, stars });
    setText(code, current);
  };
  const onName = () => {
    try {
      storage?.setItem(NAME_KEY, name.value);
    } catch {
      // Not remembered; the code still works.
    }
    render();
  };
  name.addEventListener('input', onName);
  const off = store.subscribe((s) => s.progress, render);
  render();
  return {
    root,
    destroy() {
      off();
      name.removeEventListener('input', onName);
    },
  };
}
