/**
 * The panels' style sheet as text, for the mount to adopt in the page or shadow root the game lives in
 * (src/app/game-styles.ts). Every rule is scoped to the game: the sheets are
 * wrapped in `@scope (.nozama)`, and their `:scope` rules style the game's root itself, so nothing
 * leaks to the host page and nothing of the host page's own classes is restyled.
 */
import presenter from './classroom/presenter.css?inline';
import capacity from './forms/capacity.css?inline';
import gate from './forms/gate.css?inline';
import renovation from './forms/renovation.css?inline';
import guide from './guide/guide.css?inline';
import panels from './styles.css?inline';

export const GAME_CSS = `@scope (.nozama) {\n${panels}\n${gate}\n${renovation}\n${capacity}\n${guide}\n${presenter}\n}\n`;
