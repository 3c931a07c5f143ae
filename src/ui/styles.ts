/**
 * The panels' style sheet as text, for the mount to attach inside the game's root (a `<style>` there
 * works in a page and in a shadow root alike). Every rule is scoped to the game: the sheets are
 * wrapped in `@scope (.nozama)`, and their `:scope` rules style the game's root itself, so nothing
 * leaks to the host page and nothing of the host page's own classes is restyled.
 */
import gate from './forms/gate.css?inline';
import renovation from './forms/renovation.css?inline';
import panels from './styles.css?inline';

export const GAME_CSS = `@scope (.nozama) {\n${panels}\n${gate}\n${renovation}\n}\n`;
