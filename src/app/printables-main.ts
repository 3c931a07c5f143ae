/** The printables page's entry (printables.html): `?level=<id>` for a handout, else the cheat sheet. */
import '../ui/styles.css';
import '../ui/classroom/classroom.css';
import '../ui/classroom/printables.css';
import { LEVELS } from '../levels/index.ts';
import { bindPrintables } from '../ui/classroom/printables.ts';
import { registerOffline } from './offline.ts';

const root = document.querySelector<HTMLElement>('[data-role="printables"]');
if (!root) throw new Error('Nozama: the page has no [data-role="printables"]');
bindPrintables(root, {
  levels: LEVELS,
  initial: new URLSearchParams(window.location.search).get('level') ?? 'sheet',
  onChoice: (choice) => {
    const url = new URL(window.location.href);
    if (choice === 'sheet') url.searchParams.delete('level');
    else url.searchParams.set('level', choice);
    window.history.replaceState(null, '', url);
  },
});

registerOffline();
