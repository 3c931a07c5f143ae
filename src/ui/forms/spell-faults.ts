/**
 * The wizard's tower's orders that test a spell: curse an edition (sim:SetBehavior error rate and
 * latency, and lifting it), cast it N times a second through the incantation (sim:SetTraffic), and the
 * seed's linear shift, step by step with a health check (sim:StartAliasDeployment, the event of the
 * aws-lambda-deploy function: no AWS API, so no CLI line).
 */
import type { Call } from '../../model/index.ts';
import { createCallForm } from '../call-form.ts';
import { button, field, h, intValue, numberInput, pick, setOptionsOr, setText, words } from '../dom.ts';
import { checkbox } from './parts.ts';
import { faultSliders, rateSlider } from './slider-field.ts';
import { okOutcome, type SpellContext, type SpellPart } from './spell-context.ts';

export function cursePart(ctx: SpellContext): SpellPart {
  const cursed = field(words('Edition', 'Version'), h('select', { name: 'cursedVersion' }));
  const fault = faultSliders(words('Casts that fail', 'ErrorRate (as %)'), 30, {
    errors: 'spellErrorPercent',
    latency: 'spellLatencyMs',
  });
  const form = createCallForm({
    store: ctx.store,
    submit: ['Curse the edition', 'Inject the fault'],
    build: (): Call => ({
      action: 'sim:SetBehavior',
      input: { FunctionName: ctx.spell(), Version: cursed.control.value, ...fault.input() },
    }),
    success: (o) => {
      const b = o.Behavior as { ErrorRate: number; LatencyMs: number; Version: string };
      return b.ErrorRate === 0 && b.LatencyMs === 20
        ? okOutcome(ctx, [`Edition ${b.Version} is sound.`, `Version ${b.Version} behaves normally.`])
        : {
            tone: 'warn',
            text: pick(
              `Edition ${b.Version} is cursed: ${Math.round(b.ErrorRate * 100)}% of its casts fail, in ${b.LatencyMs} ms.`,
              `Version ${b.Version}: ErrorRate ${b.ErrorRate}, LatencyMs ${b.LatencyMs}.`,
              ctx.mode(),
            ),
          };
    },
    after: ctx.after,
  });
  const lift = button(words('Lift the curse', 'Clear the fault'), { class: 'button button-quiet' });
  lift.addEventListener('click', () => {
    const version = cursed.control.value;
    form.run(
      { action: 'sim:SetBehavior', input: { FunctionName: ctx.spell(), Version: version, Clear: true } },
      () =>
        okOutcome(ctx, [
          `The curse on edition ${version} is lifted.`,
          `Fault cleared on version ${version}.`,
        ]),
    );
    ctx.after();
  });
  form.body.append(cursed.root, ...fault.roots);
  form.form.append(lift);
  return {
    root: form.form,
    refresh(editions, none) {
      setOptionsOr(cursed.control, editions, none, editions.at(-1)?.value);
      form.refresh();
    },
  };
}

export function castsPart(ctx: SpellContext): SpellPart {
  const rate = rateSlider(words('Casts a second', 'RequestsPerSecond'), 'castsPerSecond', 200, 40);
  const form = createCallForm({
    store: ctx.store,
    submit: ['Cast it', 'Set the traffic'],
    build: (): Call => ({
      action: 'sim:SetTraffic',
      input: { FunctionName: ctx.spell(), Qualifier: ctx.incantation(), RequestsPerSecond: rate.sent() },
    }),
    success: (o) => {
      const r = (o.Source as { RequestsPerSecond: number }).RequestsPerSecond;
      return okOutcome(
        ctx,
        r > 0
          ? [`${r} casts a second go through the incantation.`, `${r} invocations/s on the alias.`]
          : ['No more casts.', 'Traffic stopped.'],
      );
    },
    after: ctx.after,
  });
  form.body.append(rate.root);
  return { root: form.form, refresh: () => form.refresh() };
}

export function shiftPart(ctx: SpellContext): SpellPart {
  const newVersion = field(words('Shift to edition', 'new-version'), h('select', { name: 'shiftVersion' }));
  const steps = field(
    words('Steps', 'steps'),
    numberInput({ name: 'shiftSteps', min: 1, max: 100, value: 10 }),
  );
  const interval = field(
    words('Seconds between steps', 'interval'),
    numberInput({ name: 'shiftInterval', min: 0, max: 86400, value: 60 }),
  );
  const health = checkbox(
    'healthCheck',
    words('Check for errors after each step (health check)', 'health-check'),
    true,
  );
  // The deploy script's event, as the seed takes it (the call itself is no AWS API: no CLI line).
  const event = h('pre', { class: 'cli cli-small shift-event' });
  const form = createCallForm({
    store: ctx.store,
    submit: ['Begin the linear shift', 'Start the alias deployment'],
    build: () => {
      const call: Call = {
        action: 'sim:StartAliasDeployment',
        input: {
          'function-name': ctx.spell(),
          'alias-name': ctx.incantation(),
          'new-version': newVersion.control.value,
          steps: intValue(steps.control) ?? steps.control.value,
          interval: intValue(interval.control) ?? interval.control.value,
          type: 'linear',
          'health-check': health.input.checked,
        },
      };
      setText(event, JSON.stringify(call.input));
      return call;
    },
    success: (o) =>
      okOutcome(ctx, [
        `The shift begins: ${(o.weights as number[]).length} steps; the Errors health check runs after each.`,
        `Alias deployment ${String(o.id)} started.`,
      ]),
    after: ctx.after,
  });
  form.body.append(
    newVersion.root,
    h('div', { class: 'pair' }, steps.root, interval.root),
    health.root,
    h(
      'p',
      { class: 'cli-caption' },
      words('The deploy script’s event', 'Event of the aws-lambda-deploy function'),
    ),
    event,
  );
  return {
    root: form.form,
    refresh(editions, none) {
      setOptionsOr(newVersion.control, editions, none, editions.at(-1)?.value);
      form.refresh();
    },
  };
}
