/**
 * Release a territory: ec2:TerminateInstances on one or more standing territories, each listed by its
 * Nozama name and what stands on it ("1b-2 · 0 developments"; in AWS words its instance id and task
 * count). Terminating an instance deregisters its container instance and stops its tasks: the form
 * says so plainly before the call when developments still stand there (a decree raises its own
 * elsewhere; standalone ones are simply lost). It sits inside the territory section as a second,
 * folded part, built when first opened.
 */
import { territoryName } from '../../i18n/names.ts';
import type { Call } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import type { Here } from '../../store/view-region.ts';
import { type CallForm, createCallForm, type Outcome } from '../call-form.ts';
import { type Component, lifetime } from '../component.ts';
import { applyNames, button, h, hintWords, pick, setText, uid, words } from '../dom.ts';
import { territoryLabel } from '../labels.ts';
import { createTerritoryForm } from './territory-form.ts';
import { liveInstances } from './world.ts';

interface Standing {
  id: string;
  decree: number;
  standalone: number;
}

/** Territories that can still be released (not shutting down), by name, with what stands on each. */
function standing(here: Here): Standing[] {
  const { sim } = here;
  const live = liveInstances(here).filter((i) => i.state !== 'shutting-down');
  const byId = new Map(live.map((i) => [i.instanceId, { id: i.instanceId, decree: 0, standalone: 0 }]));
  for (const t of sim.tasks.values()) {
    const s = t.lastStatus !== 'STOPPED' && t.ec2InstanceId ? byId.get(t.ec2InstanceId) : undefined;
    if (!s) continue;
    if (t.serviceName === null) s.standalone += 1;
    else s.decree += 1;
  }
  const name = (id: string) => territoryName(sim, id);
  return [...byId.values()].sort((a, b) => name(a.id).localeCompare(name(b.id), 'en', { numeric: true }));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function releaseForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const sim = () => store.getState().sim;
  const boxes = new Map<string, HTMLInputElement>();
  const list = h('div', { class: 'checks' });
  const empty = h('p', { class: 'hint' });
  const picker = h(
    'fieldset',
    { class: 'subfieldset' },
    h('legend', {}, words('Territories to release', 'Instances to terminate')),
    list,
    empty,
  );
  const warning = h('p', { class: 'callout callout-text release-warning', role: 'note' });
  warning.hidden = true;

  const chosen = () => [...boxes.entries()].filter(([, b]) => b.checked).map(([id]) => id);

  const build = (): Call => ({ action: 'ec2:TerminateInstances', input: { InstanceIds: chosen() } });

  const success = (output: Record<string, unknown>): Outcome => {
    const s = sim();
    const changes = output.TerminatingInstances as {
      InstanceId: string;
      CurrentState: { Name: string };
      PreviousState: { Name: string };
    }[];
    const names = changes.map((c) => territoryLabel(s, c.InstanceId, 'nozama')).join(', ');
    return {
      tone: 'ok',
      text: pick(
        `${changes.length === 1 ? 'Territory' : 'Territories'} ${names} released: the land goes back to the planet and its upkeep stops.`,
        `Terminating ${plural(changes.length, 'instance', 'instances')}.`,
        mode,
      ),
      details: changes.map((c) => `${c.InstanceId}: ${c.PreviousState.Name} → ${c.CurrentState.Name}`),
    };
  };

  const form: CallForm = createCallForm({
    store,
    submit: ['Release the territories', 'Terminate instances'],
    build,
    success,
    after: () => update(mode),
  });
  form.body.append(
    hintWords(
      'A released territory is gone for good: its castle leaves the kingdom and its upkeep stops.',
      'Terminating deregisters the container instance; its tasks stop. EC2 billing stops.',
    ),
    picker,
    warning,
  );

  const updateWarning = () => {
    const s = sim();
    const all = new Map(standing(store.getState()).map((t) => [t.id, t]));
    const busy = chosen()
      .map((id) => all.get(id))
      .filter((t): t is Standing => t !== undefined && t.decree + t.standalone > 0);
    warning.hidden = busy.length === 0;
    if (busy.length === 0) {
      setText(warning, '');
      return;
    }
    const decree = busy.reduce((a, t) => a + t.decree, 0);
    const standalone = busy.reduce((a, t) => a + t.standalone, 0);
    const where = busy.map((t) => territoryLabel(s, t.id, mode)).join(', ');
    const nozama = [
      `⚠ Developments still stand on ${where}: ${plural(decree + standalone, 'development is', 'developments are')} lost with the land.`,
      decree > 0 ? 'The decree will raise its own again elsewhere, if there is room.' : '',
      standalone > 0
        ? `${plural(standalone, 'standalone development is', 'standalone developments are')} not raised again.`
        : '',
      'To move them first, drain the territory (Repairs).',
    ];
    const aws = [
      `⚠ Tasks still run on ${where}: ${plural(decree + standalone, 'task stops', 'tasks stop')} with the instance.`,
      decree > 0 ? 'Their service starts replacements elsewhere, if capacity allows.' : '',
      standalone > 0 ? `${plural(standalone, 'RunTask task is', 'RunTask tasks are')} not replaced.` : '',
      'Drain the container instance first to move service tasks gracefully.',
    ];
    setText(warning, pick(nozama.filter(Boolean).join(' '), aws.filter(Boolean).join(' '), mode));
  };

  list.addEventListener('change', () => updateWarning());

  const update = (m: NameMode) => {
    mode = m;
    const s = sim();
    const items = standing(store.getState());
    const label = (t: Standing) => {
      const n = t.decree + t.standalone;
      return pick(
        `${territoryLabel(s, t.id, 'nozama')} · ${plural(n, 'development', 'developments')}`,
        `${t.id} · ${plural(n, 'task', 'tasks')}`,
        mode,
      );
    };
    const key = items.map((t) => `${t.id}|${label(t)}`).join('\n');
    if (list.dataset.key !== key) {
      list.dataset.key = key;
      const checked = new Set(chosen());
      boxes.clear();
      list.replaceChildren(
        ...items.map((t) => {
          const box = h('input', { type: 'checkbox', id: uid('rel'), value: t.id, name: 'instanceId' });
          box.checked = checked.has(t.id);
          boxes.set(t.id, box);
          return h('label', { for: box.id, class: 'check' }, box, label(t));
        }),
      );
    }
    empty.hidden = items.length > 0;
    setText(empty, pick('No territory stands.', 'No running instance.', mode));
    updateWarning();
    form.refresh();
  };

  const result = form.form.querySelector<HTMLElement>('.call-result');
  life.subscribe(
    (s) => s.generation,
    () => result?.replaceChildren(),
  );

  update(mode);
  return { root: form.form, update, destroy: life.destroy };
}

/**
 * The folded part: the form is built the first time it is opened, so a territory section never
 * opened this way holds a single form (one preview, one status line).
 */
export function createReleaseForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  let inner: Component | null = null;
  const body = h('div', { id: uid('release') });
  body.hidden = true;
  // A disclosure button rather than a nested <details>: the section keeps one summary, its own.
  const toggle = button(words('Release a territory', 'Terminate instances'), {
    class: 'button button-small release-toggle',
    'aria-expanded': 'false',
    'aria-controls': body.id,
  });
  toggle.addEventListener('click', () => {
    body.hidden = !body.hidden;
    toggle.setAttribute('aria-expanded', String(!body.hidden));
    if (body.hidden || inner) return;
    inner = releaseForm(store);
    life.own(inner.destroy);
    body.append(inner.root);
    applyNames(inner.root, mode);
  });
  const root = h(
    'div',
    { class: 'disaster release-part' },
    h('h4', { class: 'disaster-title' }, toggle),
    body,
  );
  return {
    root,
    update(m) {
      mode = m;
      inner?.update(m);
    },
    destroy: life.destroy,
  };
}

/** The territory section: erect territories (RunInstances) and, folded below, release them. */
export function createTerritorySection(store: GameStore): Component {
  const life = lifetime(store);
  const erect = createTerritoryForm(store);
  const release = createReleaseForm(store);
  life.own(erect.destroy);
  life.own(release.destroy);
  return {
    root: h('div', { class: 'territory-section' }, erect.root, release.root),
    update(mode) {
      erect.update(mode);
      release.update(mode);
    },
    destroy: life.destroy,
  };
}
