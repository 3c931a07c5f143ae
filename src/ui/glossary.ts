/**
 * The glossary, reachable from everywhere: a "Glossary" button in the top bar, the key G anywhere in
 * the game (not while typing; mount-keys.ts), and the canvas's "?" card names the key. Every story word with its AWS
 * term and one plain sentence (the lexicon of src/i18n/lexicon.ts), in a modal dialog inside the
 * game's root, closed with Escape or its button; focus goes back where it was.
 */
import { fullGlossary } from '../i18n/lexicon.ts';
import { button, h, uid } from './dom.ts';
import { onGameKey } from './mount-keys.ts';

export function bindGlossary(root: HTMLElement): () => void {
  const titleId = uid('glossary-title');
  const heading = h(
    'h2',
    { id: titleId, class: 'panel-title', tabindex: -1 },
    'Glossary: story words and AWS’s',
  );
  const close = button('Close', { class: 'button' });
  const list = h(
    'dl',
    { class: 'glossary-list' },
    ...fullGlossary().flatMap((g) => [
      h(
        'dt',
        { class: 'glossary-term', id: `${titleId}-${g.key}` },
        h('span', { class: 'glossary-story' }, g.nozama),
        ' · ',
        h('span', { class: 'glossary-aws' }, g.aws),
      ),
      h('dd', { class: 'glossary-plain' }, g.plain),
    ]),
  );
  const dialog = h(
    'dialog',
    { class: 'campaign-dialog glossary-dialog', 'aria-labelledby': titleId, 'data-role': 'glossary' },
    heading,
    h(
      'p',
      { class: 'hint' },
      'Each word of the story, the AWS name it stands for, and what it is in plain words. Press G to open or close it; the Rosetta switch shows AWS’s names everywhere.',
    ),
    list,
    h('div', { class: 'row-buttons' }, close),
  );
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'time-button glossary-button',
      'aria-haspopup': 'dialog',
      'aria-keyshortcuts': 'G',
      title: 'Glossary (G)',
    },
    'Glossary',
  );
  // It opens at its top (the first words), not scrolled down to its Close button.
  const open = () => {
    if (dialog.open) return;
    dialog.showModal();
    heading.focus();
    dialog.scrollTop = 0;
  };
  const onToggle = () => open();
  const onClose = () => dialog.close();
  const onKey = (e: KeyboardEvent) => {
    if (e.key.toLowerCase() !== 'g') return;
    e.preventDefault();
    if (dialog.open) dialog.close();
    else open();
  };
  toggle.addEventListener('click', onToggle);
  close.addEventListener('click', onClose);
  const offKey = onGameKey(root, onKey);
  root.querySelector('.top-tools')?.append(toggle);
  root.append(dialog);
  return () => {
    toggle.removeEventListener('click', onToggle);
    close.removeEventListener('click', onClose);
    offKey();
    toggle.remove();
    dialog.remove();
  };
}
