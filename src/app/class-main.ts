/**
 * The Class page's entry (class.html): the class-code form over the campaign's levels. The link it
 * makes points at the game next to this page (index.html), so the built site works from any path.
 */
import '../ui/styles.css';
import '../ui/classroom/classroom.css';
import { CHAPTERS, LEVELS } from '../levels/index.ts';
import { bindClassForm } from '../ui/classroom/class-form.ts';
import { registerOffline } from './offline.ts';

const root = document.querySelector<HTMLElement>('[data-role="class-page"]');
if (!root) throw new Error('Nozama: the page has no [data-role="class-page"]');
bindClassForm(root, {
  levels: LEVELS,
  chapters: CHAPTERS,
  gameUrl: new URL('./index.html', window.location.href),
  // Any seed will do for a sandbox; a random one keeps two classes' worlds apart.
  initialSeed: 1 + Math.floor(Math.random() * 9999),
});

registerOffline();
