/**
 * The game's frame, made by code (it used to live in index.html): the top bar (breadcrumb, clock,
 * time controls, a menu button for a narrow game, Rosetta switch, drawer buttons), the Build panel,
 * the world (the canvas's parent and its text summary for screen readers), the Inspector, a narrow
 * game's level sheet, the Chronicle and a narrow game's sheet bar. The panels bind to its parts
 * (`data-role` attributes), never to the page, so two games on one page share nothing.
 *
 * Ids are needed for labels (aria-labelledby, aria-controls) and must be unique in their document or
 * shadow root: each is the plain name (`build-panel`, `inspector-panel`, `world-canvas`) prefixed by
 * `idPrefix`, which the mount makes empty for the first game of a page (links and tests can address
 * `#inspector-panel`) and unique for any other. The frame has no `main` landmark (the host page owns
 * that; the full game's page mounts into its `<main>`).
 */
import { T } from '../i18n/messages.ts';
import { h, svg } from './dom.ts';
import { STEP_SECONDS } from './top-bar.ts';

export interface Shell {
  /** The game's root element: the `.nozama` element every style is scoped to. */
  root: HTMLElement;
  /** Where Phaser puts its canvas. */
  world: HTMLElement;
}

const SPEEDS = [1, 4, 16] as const;

function timeControls(): HTMLElement {
  const pause = h(
    'button',
    { type: 'button', class: 'time-button pause-button', 'data-role': 'pause' },
    svg(
      'svg',
      { class: 'icon icon-pause', viewBox: '0 0 20 20', 'aria-hidden': 'true', focusable: 'false' },
      svg('rect', { x: 4, y: 3, width: 4, height: 14, rx: 1 }),
      svg('rect', { x: 12, y: 3, width: 4, height: 14, rx: 1 }),
    ),
    svg(
      'svg',
      { class: 'icon icon-play', viewBox: '0 0 20 20', 'aria-hidden': 'true', focusable: 'false' },
      svg('path', { d: 'M5 3l12 7-12 7z' }),
    ),
    h('span', { class: 'button-label', 'data-role': 'pause-label' }, T.t('frame.pause')),
  );
  const step = h(
    'button',
    {
      type: 'button',
      class: 'time-button step-button',
      'data-role': 'step',
      'aria-label': T.t('frame.stepLabel', { seconds: STEP_SECONDS }),
      title: T.t('frame.stepTitle', { seconds: STEP_SECONDS }),
    },
    T.t('frame.step', { seconds: STEP_SECONDS }),
  );
  const speeds = SPEEDS.map((n) =>
    h(
      'button',
      { type: 'button', class: 'time-button speed-button', 'data-speed': n, 'aria-pressed': n === 1 },
      T.t('frame.speed', { speed: n }),
    ),
  );
  return h(
    'div',
    { class: 'time' },
    h(
      'p',
      { class: 'clock' },
      h('span', { class: 'clock-label' }, T.t('frame.clock')),
      h(
        'span',
        {
          class: 'clock-value',
          role: 'timer',
          'aria-label': T.t('frame.clockLabel'),
          'data-role': 'clock',
        },
        '00:00:00',
      ),
    ),
    h(
      'fieldset',
      { class: 'time-controls' },
      h('legend', { class: 'visually-hidden' }, T.t('frame.timeControls')),
      pause,
      step,
      ...speeds,
    ),
  );
}

function rosetta(group: string): HTMLElement {
  const option = (value: string, label: string) =>
    h(
      'label',
      { class: 'rosetta-option' },
      h('input', { type: 'radio', name: group, value, 'data-role': 'rosetta', checked: value === 'nozama' }),
      h('span', {}, label),
    );
  return h(
    'fieldset',
    { class: 'rosetta' },
    h('legend', { class: 'rosetta-legend' }, T.t('frame.rosetta')),
    option('nozama', T.t('frame.rosettaNozama')),
    option('aws', T.t('frame.rosettaAws')),
    option('both', T.t('frame.rosettaBoth')),
  );
}

function drawerButton(id: (name: string) => string, panel: string, label: string): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'time-button drawer-toggle',
      'data-drawer': panel,
      'aria-controls': id(panel),
      'aria-expanded': 'false',
    },
    label,
  );
}

/**
 * A narrow game's bar at the foot: one button per sheet (the Build panel, the level, the Inspector,
 * the Chronicle). A wide game hides it and keeps its buttons in the top bar.
 */
function sheetBar(id: (name: string) => string): HTMLElement {
  return h(
    'nav',
    { class: 'sheet-bar', 'aria-label': T.t('frame.sheets') },
    drawerButton(id, 'build-panel', T.t('frame.build')),
    drawerButton(id, 'level-sheet', T.t('frame.level')),
    drawerButton(id, 'inspector-panel', T.t('frame.inspector')),
    drawerButton(id, 'chronicle', T.t('frame.chronicle')),
  );
}

function topBar(id: (name: string) => string): HTMLElement {
  return h(
    'header',
    { class: 'top-bar' },
    h('h1', { class: 'visually-hidden' }, T.t('frame.heading')),
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': T.t('frame.breadcrumb') },
      h(
        'ol',
        {},
        h('li', {}, h('span', { class: 'crumb-planet', 'data-role': 'planet' }, T.t('frame.planet'))),
        h('li', {}, h('span', { 'data-role': 'region' }, 'za-southwest-1')),
        h('li', {}, h('span', { 'data-role': 'kingdom', 'aria-current': 'page' }, T.t('frame.noKingdom'))),
      ),
    ),
    timeControls(),
    // A narrow game folds the tools below into this menu (drawers.ts).
    h(
      'button',
      {
        type: 'button',
        class: 'time-button menu-toggle',
        'data-role': 'menu-toggle',
        'aria-controls': id('top-tools'),
        'aria-expanded': 'false',
        title: T.t('frame.menuLabel'),
      },
      h('span', { class: 'menu-glyph', 'aria-hidden': 'true' }, '☰'),
      ' ',
      T.t('frame.menu'),
    ),
    h(
      'div',
      { class: 'top-tools', id: id('top-tools') },
      rosetta(id('rosetta')),
      h(
        'div',
        { class: 'drawer-toggles' },
        drawerButton(id, 'build-panel', T.t('frame.build')),
        drawerButton(id, 'inspector-panel', T.t('frame.inspector')),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'time-button console-toggle',
          'data-role': 'console-toggle',
          'aria-controls': id('console-panel'),
          'aria-expanded': 'false',
          title: T.t('frame.consoleTitle'),
        },
        h('span', { class: 'console-glyph', 'aria-hidden': 'true' }, '>_'),
        ' ',
        T.t('frame.console'),
      ),
    ),
  );
}

function sidePanel(id: (name: string) => string, kind: 'build' | 'inspector', title: string): HTMLElement {
  return h(
    'aside',
    {
      id: id(`${kind}-panel`),
      class: `panel panel-${kind}`,
      'data-role': `${kind}-panel`,
      'aria-labelledby': id(`${kind}-title`),
    },
    h('h2', { id: id(`${kind}-title`), class: 'panel-title', tabindex: -1 }, title),
    h('div', { 'data-role': kind }),
  );
}

/** Builds the frame; nothing is bound yet (the panels' bind functions do that). */
export function createShell(idPrefix: string): Shell {
  const id = (name: string) => `${idPrefix}${name}`;
  const world = h('div', { id: id('world-canvas'), class: 'world-canvas', 'data-role': 'world-canvas' });
  const root = h(
    'div',
    { class: 'nozama', 'data-names': 'nozama' },
    h(
      'div',
      { class: 'app' },
      topBar(id),
      h(
        'div',
        { class: 'stage' },
        sidePanel(id, 'build', T.t('frame.build')),
        h(
          'section',
          { class: 'world', 'aria-label': T.t('frame.world') },
          world,
          h('aside', {
            id: id('console-panel'),
            class: 'console-drawer',
            'data-role': 'console-panel',
            'aria-label': T.t('frame.console'),
            hidden: true,
          }),
          h(
            'section',
            { class: 'visually-hidden', 'aria-label': T.t('frame.worldSummary') },
            h('ul', { 'data-role': 'world-summary' }),
          ),
        ),
        sidePanel(id, 'inspector', T.t('frame.inspector')),
        // A narrow game's level sheet: the level panel moves here from the Inspector's column.
        h('aside', {
          id: id('level-sheet'),
          class: 'panel panel-level',
          'data-role': 'level-sheet',
          'aria-label': T.t('frame.level'),
        }),
      ),
      h(
        'section',
        {
          id: id('chronicle'),
          class: 'chronicle',
          'aria-labelledby': id('chronicle-title'),
          'data-role': 'chronicle',
        },
        h('h2', { id: id('chronicle-title'), class: 'panel-title chronicle-title' }, T.t('frame.chronicle')),
      ),
      sheetBar(id),
    ),
  );
  return { root, world };
}
