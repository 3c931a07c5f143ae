/**
 * `mount(element, options) -> { store, game, destroy }`: the whole game inside one element of any page
 * (or of a shadow root). It makes the game's frame by code (src/ui/shell.ts), adopts the game's
 * scoped style sheet in that page or shadow root (game-styles.ts), builds one store and one Phaser game
 * (mountGame, mount-game.ts: the one way to make a game, which the blog embed uses too), and binds the panels and the
 * campaign to that frame only. The world's code (Phaser and the scenes) downloads while the panels are
 * built: the frame and the campaign map show first; `ready` resolves with the game. Two mounts on one page share nothing: each has its own store, its own
 * Phaser game, its own element ids and its own keys (heard on its root, never on the window).
 * `destroy()` unbinds every panel, destroys the Phaser game (`game.destroy(true)`), takes the game off
 * the test bridge and removes what it added to the element; the host page is left as it was.
 *
 * Nothing here talks to a server, sets a cookie or measures anyone; progress is kept only where the
 * caller says (`options.progress`).
 */
import type Phaser from 'phaser';
import { classSandboxScript } from '../classroom/index.ts';
import { T } from '../i18n/messages.ts';
import { CHAPTERS, LEVELS } from '../levels/index.ts';
import type { GameStore } from '../store/create-game-store.ts';
import { bindCampaign } from '../ui/campaign/bind-campaign.ts';
import { uid } from '../ui/dom.ts';
import { bindPanels } from '../ui/panels.ts';
import { bindProgressBanner } from '../ui/progress-notice.ts';
import { bindShareLink } from '../ui/share-link.ts';
import { createShell } from '../ui/shell.ts';
import { bindTopBar } from '../ui/top-bar.ts';
import { bindWorldSummary } from '../ui/world-summary.ts';
import { classSession } from './class-session.ts';
import { attachGameStyles } from './game-styles.ts';
import { bindClassroom } from './mount-classroom.ts';
import { mountGame } from './mount-game.ts';
import type { MountOptions } from './mount-options.ts';

export type { MountOptions } from './mount-options.ts';

export interface MountedGame {
  store: GameStore;
  /** The Phaser game, once loaded (null until `ready` resolves, and after destroy). */
  readonly game: Phaser.Game | null;
  /** Resolves with the Phaser game when the world's code has loaded and the game is built. */
  ready: Promise<Phaser.Game>;
  /** The game's root element (`.nozama`), inside the mount's element. */
  root: HTMLElement;
  /** Removes the game: panels unbound, Phaser destroyed, the element as it was. Safe to call twice. */
  destroy(): void;
}

/**
 * Element ids must be unique in their document or shadow root: the first game there keeps the plain
 * ids (`#inspector-panel`, `#world-canvas`), any other gets a unique prefix.
 */
function idPrefixFor(element: HTMLElement): string {
  const scope = element.getRootNode();
  const taken =
    (scope instanceof Document || scope instanceof ShadowRoot) &&
    scope.getElementById('build-panel') !== null;
  return taken ? `${uid('game')}-` : '';
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`Nozama: the game's frame has no ${selector}`);
  return el;
}

export function mount(element: HTMLElement, options: MountOptions = {}): MountedGame {
  const shell = createShell(idPrefixFor(element));
  const { root } = shell;
  const detachStyles = attachGameStyles(element);
  element.append(root);
  const classroom = options.classroom ? classSession(options.classroom.code, LEVELS) : null;
  const levels = classroom?.levels ?? LEVELS;
  // A level the options name is played as the class plays it (with its storms) when it is the class's.
  const requested = options.level === undefined ? undefined : levels.find((l) => l.id === options.level);
  const parts = mountGame(shell.world, {
    seed: options.seed ?? 1,
    progress: options.progress ?? null,
    start(store) {
      if (requested) store.getState().startLevel(requested);
      else if (classroom?.first) store.getState().startLevel(classroom.first);
      else if (classroom?.plan?.world.kind === 'sandbox')
        store.getState().startSandbox(classroom.plan.seed, undefined, classSandboxScript(classroom.plan));
      else if (options.sandbox) store.getState().markVisited();
      // `?place=` a zone of another region: the player starts in that region (the place then opens its zone).
      if (options.region !== undefined && options.region !== store.getState().sim.defaultRegion)
        store.getState().visit(options.region);
    },
    renderer: options.renderer ?? 'auto',
    keyTarget: root,
    ...(options.place ? { place: options.place } : {}),
    testBridge: options.testBridge ? { root } : null,
  });
  const { store } = parts;
  const offs = [
    bindTopBar(root, store),
    bindWorldSummary(required(root, '[data-role="world-summary"]'), store),
    bindPanels(root, store),
  ];
  const classroomParts = classroom ? bindClassroom(root, store, () => parts.game, classroom, options) : null;
  const campaign = bindCampaign(root, store, {
    levels,
    chapters: CHAPTERS,
    address: options.address === true,
    ...(classroomParts
      ? { mapSections: classroomParts.mapSections, debriefSection: classroomParts.debriefSection }
      : {}),
  });
  offs.push(() => campaign.destroy());
  if (classroomParts) offs.push(classroomParts.destroy);

  // A share link (`#world=...`) opens its world over whatever the options asked for.
  let fromLink = false;
  if (options.links) {
    const share = bindShareLink(root, store);
    offs.push(() => share.destroy());
    fromLink = share.open(element.ownerDocument.defaultView?.location.hash ?? '');
    if (fromLink) store.getState().markVisited();
  }

  const { firstVisit, progressNotice } = store.getState();
  const greet =
    options.greet === true && !fromLink && !classroom?.plan && (firstVisit || progressNotice !== null);
  if (options.banner) offs.push(bindProgressBanner(root, store));
  const problems = [...(classroom?.refusal ? [classroom.refusal] : []), ...(options.problems ?? [])];
  if (options.level !== undefined && !requested)
    problems.push(T.t('campaign.noLevel', { id: options.level }));
  if (problems.length > 0) campaign.openMap(problems);
  else if (options.campaign || (!requested && !options.sandbox && greet)) campaign.openMap();

  let destroyed = false;
  const ready = parts.ready.then((game) => {
    classroomParts?.gameReady(game);
    return game;
  });
  ready.catch((e: unknown) => {
    if (!destroyed) shell.world.dataset.failed = e instanceof Error ? e.message : String(e);
  });
  return {
    store,
    get game() {
      return parts.game;
    },
    ready,
    root,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const off of offs.reverse()) off();
      parts.destroy();
      root.remove();
      detachStyles();
    },
  };
}
