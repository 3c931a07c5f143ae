/**
 * The wizard's tower's orders that shape a spell: write it (lambda:CreateFunction with a tiny built-in
 * zip), publish an edition (UpdateFunctionCode with the next edition's code, then PublishVersion),
 * name an incantation (CreateAlias), and share its casts between two editions (UpdateAlias
 * RoutingConfig.AdditionalVersionWeights, 0-100%). Each shows its real call before and AWS's answer
 * after.
 */
import type { Call } from '../../model/index.ts';
import { createCallForm } from '../call-form.ts';
import { field, h, pick, setOptions, setOptionsOr, words } from '../dom.ts';
import { createCallList, type PlannedCall, runSummary, scriptLine } from './call-list.ts';
import { percentSlider } from './slider-field.ts';
import { okOutcome, type SpellContext, type SpellPart } from './spell-context.ts';
import { spellZip } from './spells-zip.ts';

/** Write a spell; `written(name)` tells the tower which spell to choose once it exists. */
export function writeSpellPart(
  ctx: SpellContext,
  written: (name: string) => void,
): SpellPart & { refresh(): void } {
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
  const form = createCallForm({
    store: ctx.store,
    submit: ['Write the spell', 'Create function'],
    build: (): Call => ({
      action: 'lambda:CreateFunction',
      input: {
        FunctionName: name.control.value.trim(),
        Runtime: runtime.control.value,
        Role: `arn:aws:iam::${ctx.store.getState().sim.accountId}:role/spell-caster`,
        Handler: runtime.control.value.startsWith('python')
          ? 'lambda_function.lambda_handler'
          : 'index.handler',
        Code: { ZipFile: spellZip(runtime.control.value, 1) },
      },
    }),
    success: (o) => {
      written(String(o.FunctionName));
      return okOutcome(ctx, [
        `Spell ${String(o.FunctionName)} is written; publish its first edition.`,
        `Function ${String(o.FunctionName)} created ($LATEST).`,
      ]);
    },
    after: ctx.after,
  });
  form.body.append(name.root, runtime.root);
  return { root: form.form, refresh: form.refresh };
}

/** The calls that publish the chosen spell's next edition (its code first, from the second on). */
function publishPlan(ctx: SpellContext): PlannedCall[] {
  const fn = ctx.fn();
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
}

export function publishPart(ctx: SpellContext): SpellPart {
  const calls = createCallList(words('The orders, as AWS reads them', 'The API calls, in order'));
  const submit = h(
    'button',
    { type: 'submit', class: 'button button-primary' },
    words('Publish the next edition', 'Publish a version'),
  );
  const status = h('p', { class: 'call-list-status', role: 'status' });
  const root = h('form', { class: 'call-form', novalidate: true }, calls.root, submit, status);
  root.addEventListener('submit', (e) => {
    e.preventDefault();
    const results = calls.run(ctx.store, publishPlan(ctx), ctx.mode());
    runSummary(status, results, ['A new edition is published.', 'Version published.'], ctx.mode());
    ctx.after();
  });
  return {
    root,
    refresh() {
      const mode = ctx.mode();
      const fn = ctx.fn();
      calls.plan(publishPlan(ctx), mode);
      submit.disabled = !fn;
      const next = fn?.nextVersion ?? 1;
      const label = pick(`Publish edition ${next}`, `Publish version ${next}`, mode);
      if (submit.textContent !== label)
        submit.replaceChildren(words(`Publish edition ${next}`, `Publish version ${next}`, mode));
    },
  };
}

export function aliasPart(ctx: SpellContext): SpellPart {
  const aliasName = field(
    words('Name of the incantation', 'Alias name'),
    h('input', { type: 'text', name: 'aliasName', value: 'live', autocomplete: 'off', spellcheck: 'false' }),
  );
  const version = field(words('It casts edition', 'FunctionVersion'), h('select', { name: 'aliasVersion' }));
  const form = createCallForm({
    store: ctx.store,
    submit: ['Name the incantation', 'Create alias'],
    build: (): Call => ({
      action: 'lambda:CreateAlias',
      input: {
        FunctionName: ctx.spell(),
        Name: aliasName.control.value.trim(),
        FunctionVersion: version.control.value,
      },
    }),
    success: (o) =>
      okOutcome(ctx, [
        `Incantation ${String(o.Name)} casts edition ${String(o.FunctionVersion)}.`,
        `Alias ${String(o.AliasArn)} created.`,
      ]),
    after: ctx.after,
  });
  form.body.append(aliasName.root, version.root);
  return {
    root: form.form,
    refresh(editions, none) {
      setOptionsOr(version.control, editions, none);
      form.refresh();
    },
  };
}

export function weightsPart(ctx: SpellContext): SpellPart {
  const extra = field(words('Second edition', 'Additional version'), h('select', { name: 'extraVersion' }));
  const weight = percentSlider(
    words('Share of the casts on the second edition', 'Weight (as %)'),
    'aliasWeight',
    10,
  );
  const form = createCallForm({
    store: ctx.store,
    submit: ['Share the casts', 'Update alias'],
    build: (): Call => {
      const share = weight.fraction();
      return {
        action: 'lambda:UpdateAlias',
        input: {
          FunctionName: ctx.spell(),
          Name: ctx.incantation(),
          FunctionVersion: ctx.fn()?.aliases[ctx.incantation()]?.FunctionVersion ?? '',
          RoutingConfig: { AdditionalVersionWeights: share === 0 ? {} : { [extra.control.value]: share } },
        },
      };
    },
    success: (o) => {
      const w =
        (o.RoutingConfig as { AdditionalVersionWeights?: Record<string, number> } | undefined)
          ?.AdditionalVersionWeights ?? {};
      const [v, x] = Object.entries(w)[0] ?? ['', 0];
      return okOutcome(
        ctx,
        v
          ? [
              `The incantation now casts edition ${String(o.FunctionVersion)} ${Math.round((1 - x) * 100)}% and edition ${v} ${Math.round(x * 100)}%.`,
              `Alias routing: ${v}=${x}.`,
            ]
          : [`The incantation casts edition ${String(o.FunctionVersion)} alone.`, 'Alias routing cleared.'],
      );
    },
    after: ctx.after,
  });
  form.body.append(extra.root, weight.root);
  return {
    root: form.form,
    refresh(editions, none) {
      setOptionsOr(extra.control, editions, none, editions.at(-1)?.value);
      form.refresh();
    },
  };
}
