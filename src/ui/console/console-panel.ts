/**
 * The console: a drawer over the lower part of the world where the player types real AWS CLI v2
 * commands. Lines run through src/cli/run (the same parser, shape table and JMESPath the tests check
 * against the real CLI) and every call goes through the store's dispatch, the door the Build forms use,
 * so a level counts a call typed here exactly as a form's. The log prints what the CLI prints (stdout,
 * stderr, a non-zero exit code); the input keeps a history (Up/Down), completes with Tab (services,
 * commands, options, the names of things in the world), runs on Enter and takes multi-line pastes.
 * Loaded on first open (console-toggle.ts).
 */
import { chronicleScript, cliCommand } from '../../cli/index.ts';
import {
  completions,
  type RunOptions,
  type RunResult,
  runText,
  type WorldNames,
} from '../../cli/run/index.ts';
import { type MessageId, T } from '../../i18n/messages.ts';
import { notOffered } from '../../levels/index.ts';
import { type Call, REGIONS } from '../../model/index.ts';
import type { GameStore } from '../../store/create-game-store.ts';
import type { ConsoleView } from '../console-toggle.ts';
import { h, uid } from '../dom.ts';
import { createBringJson } from './bring-json.ts';

export interface ConsoleOptions {
  onClose(): void;
}

/** What exists in the world, for completion. */
function worldNames(store: GameStore): WorldNames {
  const { sim } = store.getState();
  return {
    clusters: Object.values(sim.clusters)
      .filter((c) => c.status === 'ACTIVE')
      .map((c) => c.clusterName),
    services: [
      ...new Set(
        sim.services
          .values()
          .filter((s) => s.status !== 'INACTIVE')
          .map((s) => s.serviceName),
      ),
    ],
    taskDefinitions: Object.values(sim.taskDefinitions)
      .filter((t) => t.status === 'ACTIVE')
      .map((t) => `${t.family}:${t.revision}`),
    targetGroups: Object.keys(sim.elb.targetGroups),
    regions: REGIONS.map((r) => r.regionName),
  };
}

/**
 * The level's rule, the forms' own (src/levels/panel-actions.ts): a write no section the level offers
 * makes is refused before it is sent, and the player is told which section gives it.
 */
function levelRefusal(store: GameStore, call: Call): string | null {
  const { level, ui } = store.getState();
  const def = level?.def ?? null;
  const missing = notOffered(def, call.action);
  if (!def || !missing) return null;
  const title = (p: string) => T.inMode(`build.${p}` as MessageId, ui.names);
  const command = cliCommand(call);
  if (missing.panels.length === 0) return T.t('console.notOfferedAnywhere', { command });
  return T.t('console.notOffered', {
    command,
    needed: missing.panels.map(title).join('” or “'),
    offered: def.allowed.map((p) => `“${title(p)}”`).join(', '),
  });
}

/** Hands a made file to the browser as a download; its URL is kept until the next or the console's end. */
function downloader(host: HTMLElement) {
  let url = '';
  return {
    save(name: string, type: string, text: string) {
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([text], { type }));
      const a = h('a', { href: url, download: name, hidden: true });
      host.append(a);
      a.click();
      a.remove();
    },
    release() {
      if (url) URL.revokeObjectURL(url);
    },
  };
}

/** The longest start the candidates share. */
function commonPrefix(items: readonly string[]): string {
  let p = items[0] ?? '';
  for (const x of items) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Characters per line the log shows (the table output is fitted to it, as the CLI fits its terminal). */
function columns(log: HTMLElement): number {
  const probe = h('span', { class: 'console-probe' }, 'x'.repeat(10));
  log.append(probe);
  const w = probe.getBoundingClientRect().width / 10;
  probe.remove();
  return w > 0 ? Math.max(40, Math.floor((log.clientWidth - 16) / w)) : 80;
}

export function createConsolePanel(
  host: HTMLElement,
  store: GameStore,
  options: ConsoleOptions,
): ConsoleView {
  const inputId = uid('console-input');
  const log = h('div', {
    class: 'console-log',
    role: 'log',
    'aria-live': 'polite',
    'aria-label': T.t('frame.consoleLog'),
    tabindex: 0,
    'data-role': 'console-log',
  });
  log.append(h('p', { class: 'console-hint' }, T.t('frame.consoleHint')));
  const input = h('textarea', {
    id: inputId,
    class: 'console-input',
    rows: 2,
    spellcheck: 'false',
    autocapitalize: 'off',
    autocomplete: 'off',
    'data-role': 'console-input',
  });
  const suggestions = h('p', {
    class: 'console-suggestions',
    'aria-live': 'polite',
    'data-role': 'console-suggestions',
  });
  const close = h(
    'button',
    { type: 'button', class: 'time-button console-close', 'aria-label': T.t('frame.consoleClose') },
    '✕',
  );
  const script = h(
    'button',
    { type: 'button', class: 'time-button console-script', 'data-role': 'console-script' },
    T.t('frame.consoleScript'),
  );
  const exportWorld = h(
    'button',
    { type: 'button', class: 'time-button console-export', 'data-role': 'console-export' },
    T.t('console.exportWorld'),
  );
  const files = downloader(host);
  const onScript = () => {
    const { session } = store.getState();
    const mine = session.log.slice(session.origin.setup.length);
    files.save('nozama-calls.sh', 'text/x-shellscript', chronicleScript(mine, session.origin.start.now));
  };
  // The whole world as the save the game loads back (Bring JSON reads it): seed, region, every call.
  const onExport = () => {
    const saved = store.getState().save();
    files.save('nozama-world.json', 'application/json', `${JSON.stringify(saved, null, 2)}\n`);
  };

  /** One answer in the log: the command as typed, what it printed, its exit code. */
  const print = (command: string, result: RunResult) => {
    const entry = h('div', { class: 'console-entry', 'data-code': result.code });
    log.append(entry);
    entry.append(h('pre', { class: 'console-command' }, `$ ${command}`));
    if (result.stdout) entry.append(h('pre', { class: 'console-stdout' }, result.stdout.replace(/\n$/, '')));
    if (result.stderr)
      entry.append(
        h('pre', { class: 'console-stderr' }, result.stderr.replace(/^\n/, '').replace(/\n$/, '')),
      );
    if (result.code !== 0) entry.append(h('p', { class: 'console-exit' }, `exit code ${result.code}`));
    log.scrollTop = log.scrollHeight;
  };
  const runOptions = (): RunOptions => ({
    dispatch: (call) => store.getState().dispatch(call),
    refuse: (call) => levelRefusal(store, call),
    width: columns(log),
  });
  const bring = createBringJson(store, { print, runOptions });

  host.replaceChildren(
    h(
      'div',
      { class: 'console-head' },
      h('h2', { class: 'panel-title console-title' }, T.t('frame.consoleHeading')),
      h('div', { class: 'console-actions' }, bring.toggle, exportWorld, script, close),
    ),
    bring.root,
    log,
    h(
      'div',
      { class: 'console-prompt' },
      h(
        'label',
        { for: inputId, class: 'console-label' },
        h('span', { 'aria-hidden': 'true' }, '$'),
        h('span', { class: 'visually-hidden' }, T.t('frame.consoleInput')),
      ),
      input,
    ),
    suggestions,
  );

  const history: string[] = [];
  let at = 0;
  let draft = '';

  const run = () => {
    const text = input.value;
    if (text.trim() === '') return;
    if (history.at(-1) !== text) history.push(text);
    at = history.length;
    draft = '';
    input.value = '';
    suggestions.textContent = '';
    for (const { words, result } of runText(text, runOptions()))
      print(words ? words.join(' ') : text, result);
  };

  const complete = () => {
    const before = input.value.slice(0, input.selectionStart);
    const after = input.value.slice(input.selectionEnd);
    const c = completions(before, worldNames(store));
    if (c.items.length === 0) {
      suggestions.textContent = '';
      return;
    }
    const word = c.items.length === 1 ? `${c.items[0]} ` : commonPrefix(c.items);
    const next = before.slice(0, c.from) + word;
    input.value = next + after;
    input.setSelectionRange(next.length, next.length);
    suggestions.textContent =
      c.items.length > 1 ? c.items.slice(0, 40).join('  ') + (c.items.length > 40 ? '  ...' : '') : '';
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      run();
    } else if (e.key === 'Tab' && !e.shiftKey) {
      e.preventDefault();
      complete();
    } else if (e.key === 'ArrowUp' && !input.value.slice(0, input.selectionStart).includes('\n')) {
      if (at === 0) return;
      e.preventDefault();
      if (at === history.length) draft = input.value;
      at--;
      input.value = history[at] ?? '';
    } else if (e.key === 'ArrowDown' && !input.value.slice(input.selectionEnd).includes('\n')) {
      if (at >= history.length) return;
      e.preventDefault();
      at++;
      input.value = at === history.length ? draft : (history[at] ?? '');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      view.close();
      options.onClose();
    }
  };
  const onClose = () => {
    view.close();
    options.onClose();
  };
  input.addEventListener('keydown', onKey);
  close.addEventListener('click', onClose);
  script.addEventListener('click', onScript);
  exportWorld.addEventListener('click', onExport);

  const view: ConsoleView = {
    open(line) {
      host.hidden = false;
      if (line !== undefined) {
        input.value = line;
        input.setSelectionRange(line.length, line.length);
      }
      input.focus();
    },
    close() {
      host.hidden = true;
    },
    destroy() {
      input.removeEventListener('keydown', onKey);
      close.removeEventListener('click', onClose);
      script.removeEventListener('click', onScript);
      exportWorld.removeEventListener('click', onExport);
      bring.destroy();
      files.release();
      host.replaceChildren();
    },
  };
  return view;
}
