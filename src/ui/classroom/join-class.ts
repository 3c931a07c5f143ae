/**
 * "Join a class" in the campaign map: a student types the teacher's class code; a mistyped code (or
 * one from a newer game) is refused with the reason and changes nothing; a good one is handed to
 * `onJoin`, which opens the game on it.
 */
import { decodeClassCode } from '../../classroom/index.ts';
import { button, h, setText, uid } from '../dom.ts';

export interface JoinClassOptions {
  /** The class this game is playing, to say so ("In class C1AB-..."), or null. */
  current: { code: string; what: string } | null;
  onJoin(code: string): void;
}

export function createJoinClass(options: JoinClassOptions): HTMLElement {
  const input = h('input', {
    type: 'text',
    id: uid('class-code'),
    class: 'code-input',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    'data-role': 'join-code',
  });
  const join = button('Join', { class: 'button button-small', type: 'submit', 'data-role': 'join' });
  const status = h('p', { class: 'campaign-status', role: 'status', 'data-role': 'join-status' });
  const form = h(
    'form',
    { class: 'join-class', 'aria-label': 'Join a class' },
    h('h3', {}, 'Join a class'),
    options.current
      ? h(
          'p',
          { 'data-role': 'class-current' },
          `You are in class ${options.current.code}: ${options.current.what}.`,
        )
      : null,
    h('label', { for: input.id }, 'Class code from your teacher'),
    ' ',
    input,
    ' ',
    join,
    status,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const r = decodeClassCode(input.value);
    if (!r.ok) {
      setText(status, `Not joined: ${r.message}`);
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    input.removeAttribute('aria-invalid');
    setText(status, 'Joining…');
    options.onJoin(input.value.trim().toUpperCase());
  });
  return form;
}
