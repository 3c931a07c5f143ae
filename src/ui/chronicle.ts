/**
 * The Chronicle (bottom strip): the world's recent events in story words (or ECS's words with
 * Rosetta), in time order like a story (the newest at the bottom, kept in view while the reader has not
 * scrolled up to read older lines), each with a tone icon (never colour alone), and ECS's service
 * events among them. "More lines" grows the strip (the canvas above gives up the height). Important new lines (warnings and disasters) are announced politely to screen readers, a few
 * at a time, never every tick. Undo, redo and reset sit beside it.
 */
import { type ChronicleLine, chronicleLine, type Tone } from '../i18n/chronicle.ts';
import { T } from '../i18n/messages.ts';
import type { SimEvent } from '../model/index.ts';
import type { GameStore, NameMode, WorldOrigin } from '../store/create-game-store.ts';
import { applyNames, button, frameScheduler, h, pick, setText, words } from './dom.ts';
import { formatElapsed } from './format.ts';

const MAX_LINES = 100;
const ICON: Record<Tone, string> = { info: 'ℹ', good: '✔', warn: '⚠', bad: '✖' };
const TONE_WORD: Record<Tone, string> = {
  info: T.t('chronicle.tone.info'),
  good: T.t('chronicle.tone.good'),
  warn: T.t('chronicle.tone.warn'),
  bad: T.t('chronicle.tone.bad'),
};

type Pair = [nozama: string, aws: string];
interface Texts {
  empty: Pair;
  reset: Pair;
  yes: Pair;
  keep: Pair;
  ask: Pair;
  done: Pair;
}

/** Free play: the world is the player's own, and a reset empties the planet. */
const SANDBOX: Texts = {
  empty: T.pair('chronicle.sandbox.empty'),
  reset: T.pair('chronicle.sandbox.reset'),
  yes: T.pair('chronicle.sandbox.yes'),
  keep: T.pair('chronicle.sandbox.keep'),
  ask: T.pair('chronicle.sandbox.ask'),
  done: T.pair('chronicle.sandbox.done'),
};

/** In a level the world is the level's: a reset restarts the level from its starting world. */
const LEVEL: Texts = {
  empty: T.pair('chronicle.level.empty'),
  reset: T.pair('chronicle.level.reset'),
  yes: T.pair('chronicle.level.yes'),
  keep: T.pair('chronicle.level.keep'),
  ask: T.pair('chronicle.level.ask'),
  done: T.pair('chronicle.level.done'),
};

const textsFor = (store: GameStore): Texts => (store.getState().level ? LEVEL : SANDBOX);

/** Rewords a `words(...)` span for both modes, shown in the current one. */
function sayIn(span: HTMLElement, [nozama, aws]: Pair, mode: NameMode): void {
  span.dataset.nozama = nozama;
  span.dataset.aws = aws;
  const text = pick(nozama, aws, mode);
  if (span.textContent !== text) span.textContent = text;
}

/** The oldest line of a loaded world (a share link, a save): where its story began on this screen. */
function originLine(origin: WorldOrigin, mode: NameMode): HTMLLIElement {
  const text = T.inMode('chronicle.origin', mode, { count: origin.calls });
  return h(
    'li',
    { class: 'chronicle-line tone-info chronicle-origin', 'data-role': 'chronicle-origin' },
    h('span', { class: 'tone-icon', 'aria-hidden': 'true' }, '⚑'),
    h('span', { class: 'visually-hidden' }, `${TONE_WORD.info}: `),
    h('time', { class: 'line-time' }, formatElapsed(origin.elapsed)),
    ' ',
    h('span', { class: 'line-text' }, text),
  );
}

interface Entry {
  seq: number;
  event: SimEvent;
  line: ChronicleLine;
}

export function bindChronicle(container: HTMLElement, store: GameStore): () => void {
  const list = h('ol', {
    class: 'chronicle-list',
    tabindex: 0,
    'aria-labelledby': container.getAttribute('aria-labelledby') ?? '',
  });
  const emptyWords = words(SANDBOX.empty[0], SANDBOX.empty[1]);
  const empty = h('p', { class: 'hint chronicle-empty' }, emptyWords);
  const live = h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const status = h('p', { class: 'history-status', role: 'status' });

  const undo = button(words(...T.pair('chronicle.undo')), { class: 'button history-button' });
  const redo = button(words(...T.pair('chronicle.redo')), { class: 'button history-button' });
  const resetWords = words(...SANDBOX.reset);
  const reset = button(resetWords, { class: 'button history-button button-danger' });
  const yesWords = words(...SANDBOX.yes);
  const confirmReset = button(yesWords, { class: 'button history-button button-danger' });
  const keepWords = words(...SANDBOX.keep);
  const keep = button(keepWords, { class: 'button history-button' });
  const askWords = words(...SANDBOX.ask);
  const confirm = h(
    'div',
    { class: 'confirm', role: 'group', 'aria-label': T.t('chronicle.confirmReset') },
    h('p', {}, askWords),
    confirmReset,
    keep,
  );
  confirm.hidden = true;
  const history = h(
    'div',
    { class: 'history', role: 'group', 'aria-label': T.t('chronicle.history') },
    undo,
    redo,
    reset,
    confirm,
    status,
  );
  const grow = button(words(...T.pair('chronicle.more')), {
    class: 'button button-small chronicle-grow',
    'aria-expanded': 'false',
    'aria-controls': container.id,
  });
  const growWords = grow.firstElementChild as HTMLElement;
  grow.addEventListener('click', () => {
    const grown = container.dataset.grown !== 'true';
    container.dataset.grown = String(grown);
    grow.setAttribute('aria-expanded', String(grown));
    sayIn(growWords, T.pair(grown ? 'chronicle.fewer' : 'chronicle.more'), store.getState().ui.names);
    list.scrollTop = list.scrollHeight;
  });
  const title = container.querySelector('h2');
  container.prepend(h('div', { class: 'chronicle-head' }, ...(title ? [title] : []), grow));
  container.append(h('div', { class: 'chronicle-lines' }, list, empty), history, live);

  const lastCallName = () => store.getState().log.at(-1)?.call.action;
  undo.addEventListener('click', () => {
    const action = lastCallName();
    const done = store.getState().undo();
    const mode = store.getState().ui.names;
    setText(
      status,
      done
        ? pick(
            T.pair('chronicle.undone', { action: action ?? T.pair('chronicle.lastCall')[0] })[0],
            T.pair('chronicle.undone', { action: action ?? T.pair('chronicle.lastCall')[1] })[1],
            mode,
          )
        : T.t('chronicle.nothingToUndo'),
    );
  });
  redo.addEventListener('click', () => {
    const action = store.getState().redoStack.at(-1)?.call.action;
    const done = store.getState().redo();
    setText(
      status,
      done ? T.t('chronicle.redone', { action: action ?? '' }) : T.t('chronicle.nothingToRedo'),
    );
  });
  reset.addEventListener('click', () => {
    confirm.hidden = false;
    reset.hidden = true;
    confirmReset.focus();
  });
  const closeConfirm = () => {
    confirm.hidden = true;
    reset.hidden = false;
    reset.focus();
  };
  keep.addEventListener('click', closeConfirm);
  confirmReset.addEventListener('click', () => {
    store.getState().reset();
    closeConfirm();
    setText(status, pick(...textsFor(store).done, store.getState().ui.names));
  });

  // Lines are computed once per event and mode: names in old lines do not shift under the reader.
  let cache = new Map<number, ChronicleLine | null>();
  let cacheMode: NameMode | null = null;
  let cacheGeneration = -1;
  const items = new Map<number, HTMLLIElement>();
  let newestSeen = store.getState().events.seq;
  let listKey = '';

  const itemFor = (e: Entry, startedAt: number): HTMLLIElement => {
    const existing = items.get(e.seq);
    if (existing) return existing;
    const li = h(
      'li',
      { class: `chronicle-line tone-${e.line.tone}` },
      h('span', { class: 'tone-icon', 'aria-hidden': 'true' }, ICON[e.line.tone]),
      h('span', { class: 'visually-hidden' }, `${TONE_WORD[e.line.tone]}: `),
      h('time', { class: 'line-time' }, formatElapsed(e.event.time - startedAt)),
      ' ',
      h('span', { class: 'line-text' }, e.line.text),
    );
    items.set(e.seq, li);
    return li;
  };

  let lastTexts: Texts | null = null;
  const render = () => {
    const { events, sim, ui, log, redoStack, generation } = store.getState();
    const mode = ui.names;
    const texts = textsFor(store);
    if (texts !== lastTexts) {
      lastTexts = texts;
      sayIn(emptyWords, texts.empty, mode);
      sayIn(resetWords, texts.reset, mode);
      sayIn(yesWords, texts.yes, mode);
      sayIn(keepWords, texts.keep, mode);
      sayIn(askWords, texts.ask, mode);
    }
    if (mode !== cacheMode || generation !== cacheGeneration) {
      if (mode !== cacheMode) applyNames(container, mode);
      cache = new Map();
      items.clear();
      cacheMode = mode;
      cacheGeneration = generation;
    }
    undo.disabled = log.length <= store.getState().setupCount;
    redo.disabled = redoStack.length === 0;

    const entries: Entry[] = [];
    for (let i = events.recent.length - 1; i >= 0 && entries.length < MAX_LINES; i--) {
      const event = events.recent[i] as SimEvent;
      let line = cache.get(event.seq);
      if (line === undefined) {
        line = chronicleLine(event, sim, mode);
        cache.set(event.seq, line);
      }
      if (line) entries.push({ seq: event.seq, event, line });
    }
    const origin = store.getState().origin;
    const mark = origin && log.length >= origin.calls && entries.length < MAX_LINES ? origin : null;
    const key = `${mode}|${generation}|${entries.map((e) => e.seq).join(',')}|${mark ? 'origin' : ''}`;
    // Following the newest line unless the reader scrolled up to an older one. A list that was hidden
    // (no lines yet) follows: it is shown before it scrolls, since a hidden list cannot scroll and would
    // stay at its oldest line from then on.
    const following = list.hidden || list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
    empty.hidden = entries.length > 0 || mark !== null;
    list.hidden = entries.length === 0 && mark === null;
    if (key !== listKey) {
      listKey = key;
      const lines = entries.map((e) => itemFor(e, sim.startedAt)).reverse();
      list.replaceChildren(...(mark ? [originLine(mark, mode)] : []), ...lines);
      if (following) list.scrollTop = list.scrollHeight;
      const keep = new Set(entries.map((e) => e.seq));
      for (const seq of [...items.keys()]) if (!keep.has(seq)) items.delete(seq);
    }

    // Announce the important new lines only (warnings, alarms), at most three at a time.
    const fresh = entries.filter(
      (e) => e.seq > newestSeen && (e.line.tone === 'bad' || e.line.tone === 'warn'),
    );
    newestSeen = Math.max(newestSeen, events.seq);
    if (fresh.length) {
      const shown = fresh
        .slice(0, 3)
        .map((e) => (/[.!?]$/.test(e.line.text) ? e.line.text : `${e.line.text}.`));
      const more = fresh.length > 3 ? ` And ${fresh.length - 3} more.` : '';
      setText(live, `${shown.join(' ')}${more}`);
    }
  };
  const scheduler = frameScheduler(render);
  const offs = [
    store.subscribe((s) => s.events, scheduler.schedule),
    store.subscribe((s) => s.ui.names, scheduler.schedule),
    store.subscribe((s) => s.log, scheduler.schedule),
    store.subscribe((s) => s.redoStack, scheduler.schedule),
    store.subscribe((s) => s.generation, scheduler.schedule),
    store.subscribe((s) => s.origin, scheduler.schedule),
    store.subscribe((s) => s.level?.id ?? null, scheduler.schedule),
  ];
  render();
  return () => {
    scheduler.cancel();
    for (const off of offs) off();
  };
}
