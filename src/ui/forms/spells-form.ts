/**
 * The wizard's tower: spells (Lambda functions), their editions (published versions) and named
 * incantations (aliases). Each order is a real call shown as its CLI line before and AWS's answer
 * after: write a spell (CreateFunction with a tiny built-in zip), publish an edition (UpdateFunctionCode
 * with the next edition's code, then PublishVersion), name an incantation (CreateAlias), share its
 * casts between two editions (UpdateAlias RoutingConfig.AdditionalVersionWeights, 0-100%), curse an
 * edition (sim:SetBehavior error rate and latency), cast it N times a second (sim:SetTraffic), and
 * shift it step by step: the seed's linear shift (sim:StartAliasDeployment) or SAM's deployment
 * preferences through CodeDeploy (spells-sam.ts). Below, the live status (spells-status.ts).
 */
import type { Call, LambdaFunction, SimState } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { createCallForm, type Outcome } from '../call-form.ts';
import { type Component, lifetime } from '../component.ts';
import {
  button,
  field,
  h,
  intValue,
  numberInput,
  pick,
  setOptions,
  setOptionsOr,
  setText,
  words,
} from '../dom.ts';
import { createCallList, type PlannedCall, runSummary, scriptLine } from './call-list.ts';
import { faultSliders, percentSlider, rateSlider } from './slider-field.ts';
import { createSamForm } from './spells-sam.ts';
import { createSpellsStatus } from './spells-status.ts';
import { spellZip } from './spells-zip.ts';

export function spellsOf(sim: SimState): LambdaFunction[] {
  return Object.values(sim.lambda.functions)
    .filter((f) => f.region === sim.defaultRegion)
    .sort((a, b) => a.FunctionName.localeCompare(b.FunctionName));
}

export const versionsOf = (fn: LambdaFunction | undefined): string[] =>
  fn ? Object.keys(fn.versions).sort((a, b) => Number(a) - Number(b)) : [];

function part(id: string, title: HTMLElement, ...children: HTMLElement[]): HTMLDetailsElement {
  return h(
    'details',
    { class: 'spell-part', 'data-spell-part': id },
    h('summary', {}, h('span', { class: 'group-title' }, title)),
    ...children,
  );
}

export function createSpellsForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const sim = () => store.getState().sim;
  const fnOf = () => sim().lambda.functions[`${sim().defaultRegion}:${spell.control.value}`];
  const ok = (text: [string, string]): Outcome => ({ tone: 'ok', text: pick(...text, mode) });
  const after = () => update(mode);

  // The spell every order below works on, and its incantation.
  const spell = field(words('Spell', 'Function'), h('select', { name: 'spell' }));
  const incantation = field(words('Incantation', 'Alias'), h('select', { name: 'incantation' }));
  const tower = h('ul', { class: 'spell-tower' });

  // Write a spell.
  const name = field(
    words('Name of the spell', 'FunctionName'),
    h('input', {
      type: 'text',
      name: 'functionName',
      value: 'checkout',
      autocomplete: 'off',
      spellcheck: 'false',
    }),
  );
  const runtime = field(words('Language of the spell', 'Runtime'), h('select', { name: 'runtime' }));
  setOptions(
    runtime.control,
    ['nodejs20.x', 'python3.12'].map((r) => ({ value: r, label: r })),
  );
  const create = createCallForm({
    store,
    submit: ['Write the spell', 'Create function'],
    build: (): Call => {
      const s = sim();
      return {
        action: 'lambda:CreateFunction',
        input: {
          FunctionName: name.control.value.trim(),
          Runtime: runtime.control.value,
          Role: `arn:aws:iam::${s.accountId}:role/spell-caster`,
          Handler: runtime.control.value.startsWith('python')
            ? 'lambda_function.lambda_handler'
            : 'index.handler',
          Code: { ZipFile: spellZip(runtime.control.value, 1) },
        },
      };
    },
    success: (o) => {
      spell.control.dataset.want = String(o.FunctionName);
      return ok([
        `Spell ${String(o.FunctionName)} is written; publish its first edition.`,
        `Function ${String(o.FunctionName)} created ($LATEST).`,
      ]);
    },
    after,
  });
  create.body.append(name.root, runtime.root);

  // Publish an edition: new code, then PublishVersion.
  const publishCalls = createCallList(words('The orders, as AWS reads them', 'The API calls, in order'));
  const publishBtn = h(
    'button',
    { type: 'submit', class: 'button button-primary' },
    words('Publish the next edition', 'Publish a version'),
  );
  const publishStatus = h('p', { class: 'call-list-status', role: 'status' });
  const publishForm = h(
    'form',
    { class: 'call-form', novalidate: true },
    publishCalls.root,
    publishBtn,
    publishStatus,
  );
  const publishPlan = (): PlannedCall[] => {
    const fn = fnOf();
    if (!fn) return [];
    const next = fn.nextVersion;
    const update: Call = {
      action: 'lambda:UpdateFunctionCode',
      input: { FunctionName: fn.FunctionName, ZipFile: spellZip(fn.Runtime, next) },
    };
    const publish: Call = {
      action: 'lambda:PublishVersion',
      input: { FunctionName: fn.FunctionName, Description: `edition ${next}` },
    };
    const calls: PlannedCall[] = [];
    // The first edition publishes the code the spell was written with.
    if (next > 1)
      calls.push({
        title: [`Rewrite spell ${fn.FunctionName} for edition ${next}`, 'Update function code'],
        preview: scriptLine(update),
        build: () => update,
      });
    calls.push({
      title: [`Publish edition ${next}`, 'Publish version'],
      preview: scriptLine(publish),
      build: () => publish,
    });
    return calls;
  };
  publishForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const results = publishCalls.run(store, publishPlan(), mode);
    runSummary(publishStatus, results, ['A new edition is published.', 'Version published.'], mode);
    after();
  });

  // Name an incantation.
  const aliasName = field(
    words('Name of the incantation', 'Alias name'),
    h('input', { type: 'text', name: 'aliasName', value: 'live', autocomplete: 'off', spellcheck: 'false' }),
  );
  const aliasVersion = field(
    words('It casts edition', 'FunctionVersion'),
    h('select', { name: 'aliasVersion' }),
  );
  const alias = createCallForm({
    store,
    submit: ['Name the incantation', 'Create alias'],
    build: (): Call => ({
      action: 'lambda:CreateAlias',
      input: {
        FunctionName: spell.control.value,
        Name: aliasName.control.value.trim(),
        FunctionVersion: aliasVersion.control.value,
      },
    }),
    success: (o) =>
      ok([
        `Incantation ${String(o.Name)} casts edition ${String(o.FunctionVersion)}.`,
        `Alias ${String(o.AliasArn)} created.`,
      ]),
    after,
  });
  alias.body.append(aliasName.root, aliasVersion.root);

  // Share the casts between two editions.
  const extra = field(words('Second edition', 'Additional version'), h('select', { name: 'extraVersion' }));
  const weight = percentSlider(
    words('Share of the casts on the second edition', 'Weight (as %)'),
    'aliasWeight',
    10,
  );
  const weights = createCallForm({
    store,
    submit: ['Share the casts', 'Update alias'],
    build: (): Call => {
      const a = fnOf()?.aliases[incantation.control.value];
      const share = weight.fraction();
      return {
        action: 'lambda:UpdateAlias',
        input: {
          FunctionName: spell.control.value,
          Name: incantation.control.value,
          FunctionVersion: a?.FunctionVersion ?? '',
          RoutingConfig: { AdditionalVersionWeights: share === 0 ? {} : { [extra.control.value]: share } },
        },
      };
    },
    success: (o) => {
      const w =
        (o.RoutingConfig as { AdditionalVersionWeights?: Record<string, number> } | undefined)
          ?.AdditionalVersionWeights ?? {};
      const [v, x] = Object.entries(w)[0] ?? ['', 0];
      return ok(
        v
          ? [
              `The incantation now casts edition ${String(o.FunctionVersion)} ${Math.round((1 - x) * 100)}% and edition ${v} ${Math.round(x * 100)}%.`,
              `Alias routing: ${v}=${x}.`,
            ]
          : [`The incantation casts edition ${String(o.FunctionVersion)} alone.`, 'Alias routing cleared.'],
      );
    },
    after,
  });
  weights.body.append(extra.root, weight.root);

  // Curse an edition.
  const cursed = field(words('Edition', 'Version'), h('select', { name: 'cursedVersion' }));
  const fault = faultSliders(words('Casts that fail', 'ErrorRate (as %)'), 30, {
    errors: 'spellErrorPercent',
    latency: 'spellLatencyMs',
  });
  const curse = createCallForm({
    store,
    submit: ['Curse the edition', 'Inject the fault'],
    build: (): Call => ({
      action: 'sim:SetBehavior',
      input: { FunctionName: spell.control.value, Version: cursed.control.value, ...fault.input() },
    }),
    success: (o) => {
      const b = o.Behavior as { ErrorRate: number; LatencyMs: number; Version: string };
      return b.ErrorRate === 0 && b.LatencyMs === 20
        ? ok([`Edition ${b.Version} is sound.`, `Version ${b.Version} behaves normally.`])
        : {
            tone: 'warn',
            text: pick(
              `Edition ${b.Version} is cursed: ${Math.round(b.ErrorRate * 100)}% of its casts fail, in ${b.LatencyMs} ms.`,
              `Version ${b.Version}: ErrorRate ${b.ErrorRate}, LatencyMs ${b.LatencyMs}.`,
              mode,
            ),
          };
    },
    after,
  });
  const lift = button(words('Lift the curse', 'Clear the fault'), { class: 'button button-quiet' });
  lift.addEventListener('click', () => {
    curse.run(
      {
        action: 'sim:SetBehavior',
        input: { FunctionName: spell.control.value, Version: cursed.control.value, Clear: true },
      },
      () =>
        ok([
          `The curse on edition ${cursed.control.value} is lifted.`,
          `Fault cleared on version ${cursed.control.value}.`,
        ]),
    );
    after();
  });
  curse.body.append(cursed.root, ...fault.roots);
  curse.form.append(lift);

  // Casts a second through the incantation.
  const rate = rateSlider(words('Casts a second', 'RequestsPerSecond'), 'castsPerSecond', 200, 40);
  const casts = createCallForm({
    store,
    submit: ['Cast it', 'Set the traffic'],
    build: (): Call => ({
      action: 'sim:SetTraffic',
      input: {
        FunctionName: spell.control.value,
        Qualifier: incantation.control.value,
        RequestsPerSecond: rate.sent(),
      },
    }),
    success: (o) => {
      const r = (o.Source as { RequestsPerSecond: number }).RequestsPerSecond;
      return ok(
        r > 0
          ? [`${r} casts a second go through the incantation.`, `${r} invocations/s on the alias.`]
          : ['No more casts.', 'Traffic stopped.'],
      );
    },
    after,
  });
  casts.body.append(rate.root);

  // The seed's linear shift.
  const newVersion = field(words('Shift to edition', 'new-version'), h('select', { name: 'shiftVersion' }));
  const steps = field(
    words('Steps', 'steps'),
    numberInput({ name: 'shiftSteps', min: 1, max: 100, value: 10 }),
  );
  const interval = field(
    words('Seconds between steps', 'interval'),
    numberInput({ name: 'shiftInterval', min: 0, max: 86400, value: 60 }),
  );
  const health = h('input', { type: 'checkbox', name: 'healthCheck', checked: true });
  // The deploy script's event, as the seed takes it (the call itself is no AWS API: no CLI line).
  const event = h('pre', { class: 'cli cli-small shift-event' });
  const shiftCall = (): Call => ({
    action: 'sim:StartAliasDeployment',
    input: {
      'function-name': spell.control.value,
      'alias-name': incantation.control.value,
      'new-version': newVersion.control.value,
      steps: intValue(steps.control) ?? steps.control.value,
      interval: intValue(interval.control) ?? interval.control.value,
      type: 'linear',
      'health-check': health.checked,
    },
  });
  const shift = createCallForm({
    store,
    submit: ['Begin the linear shift', 'Start the alias deployment'],
    build: () => {
      const call = shiftCall();
      setText(event, JSON.stringify(call.input));
      return call;
    },
    success: (o) =>
      ok([
        `The shift begins: ${(o.weights as number[]).length} steps; the Errors health check runs after each.`,
        `Alias deployment ${String(o.id)} started.`,
      ]),
    after,
  });
  shift.body.append(
    newVersion.root,
    h('div', { class: 'pair' }, steps.root, interval.root),
    h(
      'label',
      { class: 'check' },
      health,
      ' ',
      words('Check for errors after each step (health check)', 'health-check'),
    ),
    h(
      'p',
      { class: 'cli-caption' },
      words('The deploy script’s event', 'Event of the aws-lambda-deploy function'),
    ),
    event,
  );

  const sam = createSamForm(
    store,
    () => spell.control.value,
    () => incantation.control.value,
  );
  const status = createSpellsStatus(
    store,
    life,
    () => spell.control.value,
    () => incantation.control.value,
  );

  const root = h(
    'div',
    { class: 'spells' },
    tower,
    part('create', words('Write a spell', 'Create a function'), create.form),
    h('div', { class: 'pair spell-choice' }, spell.root, incantation.root),
    part('publish', words('Publish an edition', 'Publish a version'), publishForm),
    part('alias', words('Name an incantation', 'Create an alias'), alias.form),
    part('weights', words('Share the casts between editions', 'Alias weights'), weights.form),
    part('curse', words('Curse an edition', 'Fault injection'), curse.form),
    part('casts', words('Casts a second', 'Invocation rate'), casts.form),
    part(
      'shift',
      words('Linear shift, step by step', 'Linear alias deployment (aws-lambda-deploy)'),
      shift.form,
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

  const renderTower = (s: SimState) => {
    const fns = spellsOf(s);
    const lines = fns.map((fn) => {
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
    const key = JSON.stringify(lines);
    if (tower.dataset.key === key) return;
    tower.dataset.key = key;
    tower.replaceChildren(
      ...(lines.length
        ? lines.map((l) => h('li', {}, l))
        : [h('li', { class: 'hint' }, pick('No spell yet: write one.', 'No Lambda function yet.', mode))]),
    );
  };

  const update = (m: NameMode) => {
    mode = m;
    const s = sim();
    const fns = spellsOf(s);
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
    const fn = fnOf();
    const aliases = fn ? Object.keys(fn.aliases).sort() : [];
    setOptionsOr(
      incantation.control,
      aliases.map((a) => ({ value: a, label: pick(`incantation ${a}`, a, mode) })),
      pick('no incantation yet', 'no alias yet', mode),
    );
    const eds = versionsOf(fn).map((v) => ({ value: v, label: pick(`edition ${v}`, `version ${v}`, mode) }));
    const none = pick('no edition yet', 'no version yet', mode);
    const newest = eds.at(-1)?.value;
    setOptionsOr(aliasVersion.control, eds, none);
    setOptionsOr(extra.control, eds, none, newest);
    setOptionsOr(cursed.control, eds, none, newest);
    setOptionsOr(newVersion.control, eds, none, newest);
    publishCalls.plan(publishPlan(), mode);
    publishBtn.disabled = !fn;
    const next = fn?.nextVersion ?? 1;
    const label = pick(`Publish edition ${next}`, `Publish version ${next}`, mode);
    if (publishBtn.textContent !== label)
      publishBtn.replaceChildren(words(`Publish edition ${next}`, `Publish version ${next}`, mode));
    for (const f of [create, alias, weights, curse, casts, shift]) f.refresh();
    renderTower(s);
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
