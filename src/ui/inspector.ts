/**
 * The Inspector (right): the selected thing with its name in both vocabularies, its key facts, the why
 * card of a development (the steward's reasons, from the trace in its 'task/placed' event), its real
 * JSON (the describe call's output) and the CLI that would create it and describe it, each with a copy
 * button. Below: the last call the player made and its response, and the kingdom's things as buttons,
 * so everything the canvas offers can be reached by keyboard.
 */

import { type AwsExport, cliLines, createCallFor, describeCallFor, exportFor } from '../cli/index.ts';
import { explainPlacement } from '../i18n/explain.ts';
import { byMode } from '../i18n/lexicon.ts';
import { T } from '../i18n/messages.ts';
import { displayName, planName } from '../i18n/names.ts';
import type { CallResponse, PlacementTrace, SimState } from '../model/index.ts';
import type { ApiRecord, GameStore, NameMode, Selection } from '../store/create-game-store.ts';
import {
  applyNames,
  breakable,
  button,
  frameScheduler,
  h,
  hintWords,
  pick,
  scrollToTop,
  setCli,
  setText,
  uid,
  words,
} from './dom.ts';
import { explainError } from './error-words.ts';
import { activeServices, currentKingdom, liveInstances, liveTasks, zones } from './forms/world.ts';
import { buildingsSection } from './inspector-buildings.ts';
import { factsOf } from './inspector-facts.ts';
import { gateThings, targetHealthCallFor } from './inspector-gate.ts';
import { developmentLabel, territoryLabel, zoneLabel } from './labels.ts';

interface Block {
  root: HTMLElement;
  pre: HTMLPreElement;
  caption: HTMLElement;
  copy: HTMLButtonElement;
}

function codeBlock(captionNozama: string, captionAws: string, copyLabel: string, status: HTMLElement): Block {
  const caption = h('figcaption', {}, words(captionNozama, captionAws));
  const pre = h('pre', { class: 'code-block', tabindex: 0 });
  const copy = button('Copy', { class: 'button button-small copy-button', 'aria-label': copyLabel });
  copy.addEventListener('click', () => copyText(pre, status));
  const root = h('figure', { class: 'code-figure' }, h('div', { class: 'code-head' }, caption, copy), pre);
  return { root, pre, caption, copy };
}

function copyText(pre: HTMLPreElement, status: HTMLElement): void {
  const text = pre.textContent ?? '';
  const selectIt = () => {
    const range = document.createRange();
    range.selectNodeContents(pre);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    setText(status, T.t('inspector.copySelected'));
  };
  if (!navigator.clipboard) {
    selectIt();
    return;
  }
  navigator.clipboard.writeText(text).then(
    () => setText(status, T.t('inspector.copied')),
    () => selectIt(),
  );
}

/** The latest placement trace of a task, from the recent events. */
export function placementOf(
  store: GameStore,
  taskArn: string,
): { found: false } | { found: true; trace: PlacementTrace | null } {
  const recent = store.getState().events.recent;
  for (let i = recent.length - 1; i >= 0; i--) {
    const e = recent[i];
    if (e?.type === 'task/placed' && e.data.taskArn === taskArn) {
      return { found: true, trace: e.data.trace ?? null };
    }
  }
  return { found: false };
}

const ID_KEYS = [
  'InstanceId',
  'taskArn',
  'serviceArn',
  'taskDefinitionArn',
  'containerInstanceArn',
  'clusterArn',
  'SubnetId',
  'ZoneName',
  'InstanceType',
  'arn',
] as const;

function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return null;
  const o = value as Record<string, unknown>;
  for (const k of ID_KEYS) if (typeof o[k] === 'string') return o[k] as string;
  return null;
}

const short = (id: string) => id.slice(id.lastIndexOf('/') + 1);

/** One line for a response: the ids it names (first three per list), counts for the rest. */
function summarizeOutput(output: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(output)) {
    if (Array.isArray(value)) {
      const ids = value.map(idOf).filter((x): x is string => x !== null);
      const shown = ids.slice(0, 3).map(short).join(', ');
      parts.push(
        shown
          ? `${key} (${value.length}): ${shown}${ids.length > 3 ? ', …' : ''}`
          : `${key}: ${value.length}`,
      );
    } else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      const id = idOf(o) ?? o.Name ?? o.instanceId ?? o.state;
      parts.push(typeof id === 'string' ? `${key}: ${short(id)}` : key);
    } else if (key !== 'OwnerId' && key !== 'ReservationId') parts.push(`${key}: ${String(value)}`);
  }
  return parts.join(' · ') || T.t('inspector.emptyResponse');
}

export function responseSummary(response: CallResponse): { ok: boolean; text: string } {
  if ('error' in response) return { ok: false, text: `${response.error.name}: ${response.error.message}` };
  return { ok: true, text: summarizeOutput(response.output) };
}

interface Thing {
  key: string;
  selection: Selection;
  label: string;
}

function thingsOf(store: GameStore, mode: NameMode): { title: [string, string]; things: Thing[] }[] {
  const { sim } = store.getState();
  const kingdom = currentKingdom(store);
  const clusterArn = Object.values(sim.clusters).find(
    (c) => c.clusterName === kingdom && c.status === 'ACTIVE',
  )?.clusterArn;
  const thing = (selection: Selection, label: string): Thing => ({
    key: `${selection.kind}:${selection.id}`,
    selection,
    label,
  });
  const defs = Object.values(sim.taskDefinitions)
    .filter((td) => td.region === store.getState().ui.region && td.status === 'ACTIVE')
    .sort((a, b) => a.family.localeCompare(b.family) || a.revision - b.revision);
  return [
    {
      title: T.pair('inspector.group.cluster'),
      things: clusterArn
        ? [thing({ kind: 'cluster', id: clusterArn }, byMode(mode, `kingdom ${kingdom}`, kingdom))]
        : [],
    },
    {
      title: T.pair('inspector.group.zones'),
      things: zones(store).map((z) =>
        thing(
          { kind: 'zone', id: z.name },
          `${zoneLabel(sim, z.name, mode)}${z.state === 'available' ? '' : pick(' (dark)', ' (impaired)', mode)}`,
        ),
      ),
    },
    {
      title: T.pair('inspector.group.instances'),
      things: liveInstances(store.getState()).map((i) =>
        thing(
          { kind: 'instance', id: i.instanceId },
          `${territoryLabel(sim, i.instanceId, mode)} · ${i.state}`,
        ),
      ),
    },
    {
      title: T.pair('inspector.group.services'),
      things: activeServices(store.getState(), kingdom).map((s) =>
        thing({ kind: 'service', id: s.serviceArn }, `${s.serviceName} · ${s.desiredCount}`),
      ),
    },
    {
      title: T.pair('inspector.group.taskDefinitions'),
      things: defs.map((td) =>
        thing({ kind: 'taskDefinition', id: td.taskDefinitionArn }, planName(td, mode)),
      ),
    },
    {
      title: T.pair('inspector.group.tasks'),
      things: liveTasks(store.getState(), kingdom).map((t) =>
        thing({ kind: 'task', id: t.taskArn }, `${developmentLabel(sim, t.taskArn, mode)} · ${t.lastStatus}`),
      ),
    },
    ...gateThings(store.getState(), mode).map((g) => ({
      title: g.title,
      things: g.things.map((t) => thing(t.selection, t.label)),
    })),
  ];
}

function sameSelection(a: Selection | null, b: Selection | null): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);
}

export function bindInspector(container: HTMLElement, store: GameStore): () => void {
  const copyStatus = h('p', { class: 'copy-status', role: 'status' });

  // The selected thing.
  const titleId = uid('sel');
  const title = h('h3', { class: 'selected-title', id: titleId, tabindex: -1 });
  const otherNames = h('p', { class: 'selected-names' });
  const facts = h('dl', { class: 'facts' });
  const why = h('section', { class: 'why-card', 'aria-labelledby': `${titleId}-why` });
  const buildings = buildingsSection();
  const json = codeBlock(...T.pair('inspector.json'), T.t('inspector.jsonCopy'), copyStatus);
  const create = codeBlock(...T.pair('inspector.create'), T.t('inspector.createCopy'), copyStatus);
  // The JSON AWS takes to recreate it (a gate: the list of its calls), to copy or download.
  const recreate = codeBlock(...T.pair('inspector.rebuild'), T.t('inspector.rebuildCopy'), copyStatus);
  const downloadJson = button('Download', {
    class: 'button button-small copy-button',
    'aria-label': T.t('inspector.rebuildDownload'),
    'data-role': 'export-json',
  });
  recreate.copy.after(downloadJson);
  recreate.root.dataset.role = 'export-block';
  let exported: AwsExport | null = null;
  let exportUrl = '';
  downloadJson.addEventListener('click', () => {
    if (!exported) return;
    if (exportUrl) URL.revokeObjectURL(exportUrl);
    exportUrl = URL.createObjectURL(new Blob([exported.text], { type: 'application/json' }));
    const a = h('a', { href: exportUrl, download: exported.fileName, hidden: true });
    container.append(a);
    a.click();
    a.remove();
  });
  const describe = codeBlock(...T.pair('inspector.describe'), T.t('inspector.describeCopy'), copyStatus);
  const health = codeBlock(...T.pair('inspector.health'), T.t('inspector.healthCopy'), copyStatus);
  const healthCli = codeBlock(...T.pair('inspector.healthCli'), T.t('inspector.healthCliCopy'), copyStatus);
  const clear = button(words(...T.pair('inspector.clear')), {
    class: 'button button-small button-quiet',
  });
  clear.addEventListener('click', () => store.getState().select(null));
  const empty = hintWords(...T.pair('inspector.empty'));
  const details = h(
    'div',
    { class: 'selected-body' },
    otherNames,
    facts,
    buildings.root,
    why,
    json.root,
    create.root,
    describe.root,
    recreate.root,
    health.root,
    healthCli.root,
    clear,
  );
  const selected = h(
    'section',
    { class: 'inspector-section', 'aria-labelledby': titleId },
    title,
    empty,
    details,
  );

  // The last call.
  const lastTitle = h('h3', { id: uid('last') }, words(...T.pair('inspector.lastCall')));
  const lastCli = h('pre', { class: 'code-block', tabindex: 0 });
  const lastResponse = h('div', { class: 'last-response' });
  const lastEmpty = hintWords(...T.pair('inspector.noCall'));
  const last = h(
    'section',
    { class: 'inspector-section last-call', 'aria-labelledby': lastTitle.id },
    lastTitle,
    lastEmpty,
    lastCli,
    lastResponse,
  );

  // Things to select.
  const thingsTitle = h('h3', { id: uid('things') }, words(...T.pair('inspector.things')));
  const groups = h('div', { class: 'thing-groups' });
  const things = h(
    'section',
    { class: 'inspector-section things', 'aria-labelledby': thingsTitle.id },
    thingsTitle,
    groups,
  );

  container.append(selected, copyStatus, last, things);

  const renderSelected = () => {
    const { sim, ui } = store.getState();
    const mode = ui.names;
    const sel = ui.selection;
    empty.hidden = sel !== null;
    details.hidden = sel === null;
    if (!sel) {
      setText(title, T.inMode('inspector.nothingSelected', mode));
      return;
    }
    setText(title, cap(displayName(sim, sel, mode)));
    setText(otherNames, `Nozama: ${displayName(sim, sel, 'nozama')} · AWS: ${displayName(sim, sel, 'aws')}`);
    const f = factsOf(sim, sel, mode);
    const factKey = JSON.stringify(f);
    if (facts.dataset.key !== factKey) {
      facts.dataset.key = factKey;
      facts.replaceChildren(
        ...f.flatMap(([k, v]) => [h('dt', {}, ...breakable(k)), h('dd', {}, ...breakable(v))]),
      );
    }
    renderWhy(sim, sel, mode);
    buildings.render(sim, sel, mode);
    const describeCall = describeCallFor(sim, sel);
    const createCall = createCallFor(sim, sel);
    let jsonText = T.inMode('inspector.gone', mode);
    if (describeCall) {
      const r = store.getState().query(describeCall);
      jsonText = JSON.stringify('error' in r ? r.error : r.output, null, 2);
    }
    setText(json.pre, jsonText);
    json.caption.firstElementChild?.setAttribute('title', describeCall?.action ?? '');
    create.root.hidden = createCall === null;
    setCli(create.pre, createCall ? cliLines(createCall) : '');
    exported = exportFor(sim, sel);
    recreate.root.hidden = exported === null;
    setText(recreate.pre, exported?.text.trimEnd() ?? '');
    describe.root.hidden = describeCall === null;
    setCli(describe.pre, describeCall ? cliLines(describeCall) : '');
    const healthCall = targetHealthCallFor(sim, sel);
    health.root.hidden = healthCall === null;
    healthCli.root.hidden = healthCall === null;
    if (healthCall) {
      const r = store.getState().query(healthCall);
      setText(health.pre, JSON.stringify('error' in r ? r.error : r.output, null, 2));
      setCli(healthCli.pre, cliLines(healthCall));
    }
  };

  const whyTitle = h('h4', { id: `${titleId}-why` });
  const renderWhy = (sim: SimState, sel: Selection, mode: NameMode) => {
    why.hidden = sel.kind !== 'task';
    if (sel.kind !== 'task') return;
    const task = sim.tasks.get(sel.id);
    const placed = placementOf(store, sel.id);
    let headline: string;
    let reasons: string[] = [];
    if (!placed.found) {
      headline = T.inMode('inspector.traceGone', mode);
    } else if (!placed.trace) {
      headline =
        task?.launchType === 'FARGATE'
          ? T.inMode('inspector.fargate', mode)
          : T.inMode('inspector.noTrace', mode);
    } else {
      const card = explainPlacement(placed.trace, sim, mode);
      headline = card.headline;
      reasons = card.reasons;
    }
    const key = JSON.stringify([headline, reasons, mode]);
    if (why.dataset.key === key) return;
    why.dataset.key = key;
    setText(whyTitle, T.inMode('inspector.why', mode));
    why.replaceChildren(
      whyTitle,
      h('p', { class: 'why-headline' }, headline),
      ...(reasons.length ? [h('ul', { class: 'why-reasons' }, ...reasons.map((r) => h('li', {}, r)))] : []),
    );
  };

  const renderLast = () => {
    const { api, ui } = store.getState();
    const mode = ui.names;
    const rec: ApiRecord | undefined = api[api.length - 1];
    lastEmpty.hidden = rec !== undefined;
    lastCli.hidden = rec === undefined;
    lastResponse.hidden = rec === undefined;
    if (!rec) return;
    const key = `${rec.seq}|${mode}`;
    if (lastResponse.dataset.key === key) return;
    lastResponse.dataset.key = key;
    setCli(lastCli, cliLines(rec.call));
    const r = responseSummary(rec.response);
    lastResponse.replaceChildren(
      h(
        'p',
        { class: `outcome ${r.ok ? 'outcome-ok' : 'outcome-error'}` },
        h('span', { class: 'tone-icon', 'aria-hidden': 'true' }, r.ok ? '✔' : '✖'),
        ' ',
        h('span', { class: 'visually-hidden' }, r.ok ? 'Succeeded: ' : 'Refused: '),
        r.text,
      ),
      ...('error' in rec.response
        ? [
            h(
              'p',
              { class: 'outcome-detail' },
              T.t('inspector.inNozama', { explanation: explainError(rec.response.error, rec.call) }),
            ),
          ]
        : []),
    );
  };

  const buttons = new Map<string, HTMLButtonElement>();
  const renderThings = () => {
    const { ui } = store.getState();
    const mode = ui.names;
    const list = thingsOf(store, mode).filter((g) => g.things.length > 0);
    const key = JSON.stringify([list.map((g) => [g.title, g.things.map((t) => [t.key, t.label])]), mode]);
    if (groups.dataset.key !== key) {
      groups.dataset.key = key;
      const used = new Set<string>();
      groups.replaceChildren(
        ...list.map((g) => {
          const id = uid('tg');
          return h(
            'div',
            { class: 'thing-group', role: 'group', 'aria-labelledby': id },
            h('h4', { id }, pick(...g.title, mode)),
            h(
              'ul',
              { class: 'thing-list' },
              ...g.things.map((t) => {
                used.add(t.key);
                let b = buttons.get(t.key);
                if (!b) {
                  const created = button('', { class: 'thing-button' });
                  created.addEventListener('click', () => {
                    store.getState().select(t.selection);
                    // Show what was selected: the details are at the top of the panel.
                    focusTitle = true;
                  });
                  buttons.set(t.key, created);
                  b = created;
                }
                setText(b, t.label);
                return h('li', {}, b);
              }),
            ),
          );
        }),
      );
      for (const k of [...buttons.keys()]) if (!used.has(k)) buttons.delete(k);
    }
    const sel = ui.selection;
    for (const [k, b] of buttons) {
      const pressed = sel !== null && `${sel.kind}:${sel.id}` === k;
      b.setAttribute('aria-pressed', String(pressed));
    }
  };

  let lastSelection: Selection | null = null;
  let lastMode: NameMode | null = null;
  let focusTitle = false;
  const render = () => {
    const { selection: sel, names } = store.getState().ui;
    if (names !== lastMode) {
      lastMode = names;
      applyNames(container, names);
    }
    const changed = !sameSelection(sel, lastSelection);
    if (changed) {
      lastSelection = sel;
      setText(copyStatus, '');
    }
    renderSelected();
    if (changed) {
      if (focusTitle) title.focus({ preventScroll: true });
      // A selection brings the Inspector's top into view (below a level's panel, in the same column).
      const panel = container.closest<HTMLElement>('.panel');
      if (sel) scrollToTop(selected);
      else if (panel) panel.scrollTop = 0;
    }
    focusTitle = false;
    renderLast();
    renderThings();
  };
  const scheduler = frameScheduler(render);
  const offs = [
    store.subscribe((s) => s.ui, scheduler.schedule),
    store.subscribe((s) => s.api, scheduler.schedule),
    store.subscribe((s) => s.events.seq, scheduler.schedule),
    store.subscribe((s) => s.sim.instances, scheduler.schedule),
    store.subscribe((s) => s.sim.containerInstances, scheduler.schedule),
    store.subscribe((s) => s.sim.tasks, scheduler.schedule),
    store.subscribe((s) => s.sim.services, scheduler.schedule),
    store.subscribe((s) => s.sim.taskDefinitions, scheduler.schedule),
    store.subscribe((s) => s.sim.clusters, scheduler.schedule),
    store.subscribe((s) => s.sim.impairedZones, scheduler.schedule),
    store.subscribe((s) => s.sim.elb, scheduler.schedule),
    store.subscribe((s) => s.sim.cloudwatch.alarms, scheduler.schedule),
    store.subscribe((s) => s.generation, scheduler.schedule),
  ];
  render();
  return () => {
    if (exportUrl) URL.revokeObjectURL(exportUrl);
    scheduler.cancel();
    for (const off of offs) off();
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
