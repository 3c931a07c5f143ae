/** The class board's entry (board.html): paste progress codes, see students x levels, export CSV. */
import '../ui/styles.css';
import '../ui/classroom/classroom.css';
import { LEVELS } from '../levels/index.ts';
import { bindBoardView } from '../ui/classroom/board-view.ts';
import { registerOffline } from './offline.ts';

const root = document.querySelector<HTMLElement>('[data-role="board-page"]');
if (!root) throw new Error('Nozama: the page has no [data-role="board-page"]');
bindBoardView(root, { levels: LEVELS });

registerOffline();
