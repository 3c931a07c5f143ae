/**
 * gallery.html: every demo of the gallery (src/levels/gallery.ts) as a card with its caption, a live
 * preview (a `<nozama-demo>`, which loads the game only when its Play is pressed) and "copy embed
 * code" for a script tag or an iframe, pointing at wherever this gallery is hosted.
 */
import { DEMOS, demoById } from '../levels/gallery.ts';
import { embedSnippets } from '../store/embed-code.ts';
import { defineNozamaDemo } from './nozama-demo.ts';

defineNozamaDemo();
const base = new URL('./', window.location.href).toString();
const list = document.querySelector('[data-role="gallery"]');
if (!list) throw new Error('Nozama: the gallery page has no list');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

for (const demo of DEMOS) {
  const card = el('li', 'card');
  card.id = `demo-${demo.id}`;
  const code = embedSnippets(base, { demo: demo.id, controls: 'play' });
  const preview = document.createElement('nozama-demo');
  preview.setAttribute('demo', demo.id);
  preview.setAttribute('controls', 'play');
  const shown = el('pre', 'code');
  shown.textContent = code.script;
  shown.setAttribute('aria-label', `Embed code for ${demo.title}`);
  const status = el('p', 'copied');
  status.setAttribute('role', 'status');
  const copyButton = (label: string, text: string, kind: string) => {
    const b = el('button', '', label);
    b.type = 'button';
    b.dataset.copy = kind;
    b.addEventListener('click', async () => {
      shown.textContent = text;
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = `The ${kind} code is copied.`;
      } catch {
        status.textContent = `Select the ${kind} code above and copy it.`;
      }
    });
    return b;
  };
  const tools = el('div', 'code-tools');
  tools.append(
    copyButton('Copy embed code (script)', code.script, 'script'),
    copyButton('Copy iframe code', code.iframe, 'iframe'),
  );
  card.append(el('h2', '', demo.title), el('p', '', demo.caption));
  const other = demo.compare ? demoById(demo.compare) : undefined;
  if (other)
    card.append(el('p', 'compare', `Shown beside "${other.title}": compare where the steward puts things.`));
  card.append(preview, shown, tools, status);
  list.append(card);
}
