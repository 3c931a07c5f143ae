/**
 * The wizard's tower: spells (Lambda functions), their editions (published versions) and named
 * incantations (aliases). At the top, the tower's summary and the spell and incantation every order
 * below works on; then the orders, each a small part: write, publish, name, share (spell-orders.ts),
 * curse, cast, the seed's linear shift (spell-faults.ts), SAM's deployment preferences through
 * CodeDeploy (spells-sam.ts). Below, the live status (spells-status.ts).
 */
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import type { Here } from '../../store/view-region.ts';
import { type Component, lifetime } from '../component.ts';
import { field, h, pick, setOptionsOr, words } from '../dom.ts';
import { type SpellContext, spellsOf, versionsOf } from './spell-context.ts';
import { castsPart, cursePart, shiftPart } from './spell-faults.ts';
import { aliasPart, publishPart, weightsPart, writeSpellPart } from './spell-orders.ts';
import { createSamForm } from './spells-sam.ts';
import { createSpellsStatus } from './spells-status.ts';

function part(id: string, title: HTMLElement, ...children: HTMLElement[]): HTMLDetailsElement {
  return h(
    'details',
    { class: 'spell-part', 'data-spell-part': id },
    h('summary', {}, h('span', { class: 'group-title' }, title)),
    ...children,
  );
}

/** One line per spell: its editions, its incantations' shares, its curses. */
function towerLines(here: Here, mode: NameMode): string[] {
  const s = here.sim;
  return spellsOf(here).map((fn) => {
    const eds = versionsOf(fn);
    const incs = Object.values(fn.aliases).map((a) => {
      const w = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {});
      const rest = Math.round((1 - w.reduce((x, [, y]) => x + y, 0)) * 100);
      const shares = [
        `${a.FunctionVersion} ${rest}%`,
        ...w.map(([v, x]) => `${v} ${Math.round(x * 100)}%`),
      ].join(' · ');
      return pick(`incantation ${a.Name}: edition ${shares}`, `alias ${a.Name}: version ${shares}`, mode);
    });
    const curses = eds
      .map((v) => [v, s.traffic.behaviors[`${fn.FunctionArn}:${v}`]] as const)
      .filter(([, b]) => b !== undefined)
      .map(([v, b]) =>
        pick(
          `⚠ edition ${v} cursed (${Math.round((b?.errorRate ?? 0) * 100)}% fail)`,
          `⚠ version ${v} ErrorRate ${b?.errorRate}`,
          mode,
        ),
      );
    return [
      pick(`Spell ${fn.FunctionName}`, `Function ${fn.FunctionName}`, mode),
      eds.length
        ? pick(`editions ${eds.join(', ')}`, `versions ${eds.join(', ')}`, mode)
        : pick('no edition yet', 'no version yet', mode),
      ...incs,
      ...curses,
    ].join(' · ');
  });
}

function renderTower(tower: HTMLElement, lines: string[], mode: NameMode): void {
  const key = JSON.stringify(lines);
  if (tower.dataset.key === key) return;
  tower.dataset.key = key;
  tower.replaceChildren(
    ...(lines.length
      ? lines.map((l) => h('li', {}, l))
      : [h('li', { class: 'hint' }, pick('No spell yet: write one.', 'No Lambda function yet.', mode))]),
  );
}

export function createSpellsForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const sim = () => store.getState().sim;

  // The spell every order below works on, and its incantation.
  const spell = field(words('Spell', 'Function'), h('select', { name: 'spell' }));
  const incantation = field(words('Incantation', 'Alias'), h('select', { name: 'incantation' }));
  const tower = h('ul', { class: 'spell-tower' });
  const ctx: SpellContext = {
    store,
    spell: () => spell.control.value,
    incantation: () => incantation.control.value,
    fn: () => sim().lambda.functions[`${store.getState().ui.region}:${spell.control.value}`],
    mode: () => mode,
    after: () => update(mode),
  };
  const write = writeSpellPart(ctx, (name) => {
    spell.control.dataset.want = name;
  });
  const parts = {
    publish: publishPart(ctx),
    alias: aliasPart(ctx),
    weights: weightsPart(ctx),
    curse: cursePart(ctx),
    casts: castsPart(ctx),
    shift: shiftPart(ctx),
  };
  const sam = createSamForm(store, ctx.spell, ctx.incantation);
  const status = createSpellsStatus(store, life, ctx.spell, ctx.incantation);

  const root = h(
    'div',
    { class: 'spells' },
    tower,
    part('create', words('Write a spell', 'Create a function'), write.root),
    h('div', { class: 'pair spell-choice' }, spell.root, incantation.root),
    part('publish', words('Publish an edition', 'Publish a version'), parts.publish.root),
    part('alias', words('Name an incantation', 'Create an alias'), parts.alias.root),
    part('weights', words('Share the casts between editions', 'Alias weights'), parts.weights.root),
    part('curse', words('Curse an edition', 'Fault injection'), parts.curse.root),
    part('casts', words('Casts a second', 'Invocation rate'), parts.casts.root),
    part(
      'shift',
      words('Linear shift, step by step', 'Linear alias deployment (aws-lambda-deploy)'),
      parts.shift.root,
    ),
    part(
      'sam',
      words('Shift by a master builder (SAM preference)', 'CodeDeploy (SAM DeploymentPreference)'),
      sam.root,
    ),
    status.root,
  );
  root.addEventListener('change', (e) => {
    if (e.target === spell.control || e.target === incantation.control) update(mode);
  });

  const update = (m: NameMode) => {
    mode = m;
    const fns = spellsOf(store.getState());
    const want = spell.control.dataset.want;
    setOptionsOr(
      spell.control,
      fns.map((f) => ({
        value: f.FunctionName,
        label: pick(`spell ${f.FunctionName}`, f.FunctionName, mode),
      })),
      pick('no spell yet', 'no function yet', mode),
    );
    if (want && fns.some((f) => f.FunctionName === want)) {
      spell.control.value = want;
      delete spell.control.dataset.want;
    }
    const fn = ctx.fn();
    const aliases = fn ? Object.keys(fn.aliases).sort() : [];
    setOptionsOr(
      incantation.control,
      aliases.map((a) => ({ value: a, label: pick(`incantation ${a}`, a, mode) })),
      pick('no incantation yet', 'no alias yet', mode),
    );
    const editions = versionsOf(fn).map((v) => ({
      value: v,
      label: pick(`edition ${v}`, `version ${v}`, mode),
    }));
    const none = pick('no edition yet', 'no version yet', mode);
    for (const p of Object.values(parts)) p.refresh(editions, none);
    write.refresh();
    renderTower(tower, towerLines(store.getState(), mode), mode);
    sam.update(mode);
    status.render();
  };
  life.live(
    [(s) => s.sim.lambda.functions, (s) => s.sim.traffic.behaviors, (s) => s.sim.cloudwatch.alarms],
    () => update(store.getState().ui.names),
  );
  update(mode);
  return { root, update, destroy: life.destroy };
}
