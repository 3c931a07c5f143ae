/**
 * The surveyors' guild and the land mix: ecs:CreateCapacityProvider (over a survey party, with managed
 * scaling's fill target and managed termination protection, the guild's seal), ecs:PutClusterCapacityProviders
 * (the lands a kingdom calls on, and its default mix), ecs:UpdateService with a capacityProviderStrategy (a
 * decree moved to a mix of lands: a base on one, weights for the rest) and the planet's reclamation of Spot
 * lands (sim:InterruptSpotTasks). Each form shows its CLI line before the call and AWS's answer after.
 */
import { providerWords } from '../../i18n/chronicle-capacity.ts';
import type { Call } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { createCallForm, type Outcome } from '../call-form.ts';
import type { Component } from '../component.ts';
import { field, h, hintWords, numberInput, pick, setOptionsOr, words } from '../dom.ts';
import { checkbox, numberOrText, syncCheckboxes, ticked } from './parts.ts';
import { activeServices, clusterArnOf, currentKingdom } from './world.ts';

/** Every capacity provider the region knows: FARGATE, FARGATE_SPOT and the guilds. */
function providerNames(store: GameStore): string[] {
  const { sim, ui } = store.getState();
  return [
    'FARGATE',
    'FARGATE_SPOT',
    ...Object.values(sim.capacity.providers)
      .filter((p) => p.status === 'ACTIVE' && p.region === ui.region)
      .map((p) => p.name),
  ];
}

export function createGuildForm(store: GameStore): Component {
  let mode: NameMode = store.getState().ui.names;
  const name = field(
    words('Name of the guild', 'name'),
    h('input', { type: 'text', name: 'cpName', value: 'surveyors' }),
  );
  const party = field(
    words('Over the survey party', 'autoScalingGroupArn'),
    h('select', { name: 'cpGroup' }),
  );
  const managed = checkbox(
    'cpManaged',
    words('Foresight: erect and let go of territories by itself', 'managedScaling ENABLED'),
    true,
  );
  const target = field(
    words('Fill target (%)', 'targetCapacity'),
    numberInput({ name: 'cpTarget', value: '100', min: '1', max: '100' }),
  );
  const seal = checkbox(
    'cpSeal',
    words(
      "The guild's seal: never abandon a territory with developments",
      'managedTerminationProtection ENABLED',
    ),
    true,
  );
  const build = (): Call => ({
    action: 'ecs:CreateCapacityProvider',
    input: {
      name: name.control.value,
      autoScalingGroupProvider: {
        autoScalingGroupArn: party.control.value,
        managedScaling: {
          status: managed.input.checked ? 'ENABLED' : 'DISABLED',
          targetCapacity: numberOrText(target.control),
        },
        managedTerminationProtection: seal.input.checked ? 'ENABLED' : 'DISABLED',
      },
    },
  });
  const success = (output: Record<string, unknown>): Outcome => {
    const p = output.capacityProvider as { name: string };
    return {
      tone: 'ok',
      text: pick(
        `The surveyors' guild ${p.name} is chartered. Tell the kingdom to call on it (below).`,
        `Capacity provider ${p.name} created. Associate it with the cluster (PutClusterCapacityProviders).`,
        mode,
      ),
    };
  };
  const form = createCallForm({
    store,
    submit: ['Charter the guild', 'Create capacity provider'],
    build,
    success,
  });
  form.body.append(
    hintWords(
      "The surveyors' guild watches the steward: when it finds no room, the guild asks its survey party for more territories; when territories sit idle, it lets them go.",
      'An Auto Scaling group capacity provider: with managed scaling ECS tracks CapacityProviderReservation against targetCapacity and sets the group’s desired capacity.',
    ),
    name.root,
    party.root,
    managed.root,
    target.root,
    seal.root,
  );
  const update = (m: NameMode) => {
    mode = m;
    const { sim, ui } = store.getState();
    const groups = Object.values(sim.capacity.groups).filter((g) => g.region === ui.region);
    setOptionsOr(
      party.control,
      groups.map((g) => ({ value: g.AutoScalingGroupName, label: g.AutoScalingGroupName })),
      pick('no survey party yet', 'no Auto Scaling group yet', mode),
    );
    form.refresh();
  };
  update(mode);
  return { root: form.form, update, destroy: () => {} };
}

export function createKingdomLandsForm(store: GameStore): Component {
  let mode: NameMode = store.getState().ui.names;
  const lands = h('div', { class: 'checks', role: 'group', 'aria-label': 'Capacity providers' });
  const byDefault = field(
    words('Call on by default', 'defaultCapacityProviderStrategy'),
    h('select', { name: 'kpDefault' }),
  );
  const build = (): Call => {
    const chosen = ticked(lands);
    const d = byDefault.control.value;
    return {
      action: 'ecs:PutClusterCapacityProviders',
      input: {
        cluster: currentKingdom(store),
        capacityProviders: chosen,
        defaultCapacityProviderStrategy: d ? [{ capacityProvider: d, weight: 1 }] : [],
      },
    };
  };
  const success = (_o: Record<string, unknown>, call: Call): Outcome => {
    const i = call.input as { capacityProviders: string[] };
    return {
      tone: 'ok',
      text: pick(
        `Kingdom ${currentKingdom(store)} now calls on ${i.capacityProviders.map((p) => providerWords(p, 'nozama')).join(', ') || 'no one'}.`,
        `Cluster ${currentKingdom(store)} capacity providers: ${i.capacityProviders.join(', ') || 'none'}.`,
        mode,
      ),
    };
  };
  const form = createCallForm({
    store,
    submit: ['Call on these lands', 'Put cluster capacity providers'],
    build,
    success,
  });
  form.body.append(
    hintWords(
      'Which lands the kingdom may call on, and which one a decree or development uses when it names no kind of land.',
      'The capacity providers associated with the cluster, and the default strategy for RunTask and CreateService without a launch type.',
    ),
    h('fieldset', { class: 'subfieldset' }, h('legend', {}, words('Lands', 'capacityProviders')), lands),
    byDefault.root,
  );
  const update = (m: NameMode) => {
    mode = m;
    const names = providerNames(store);
    syncCheckboxes(lands, 'kpLand', names, () => h('span', {}, 'none'));
    setOptionsOr(
      byDefault.control,
      [
        { value: '', label: pick('no default', 'none', mode) },
        ...names.map((n) => ({ value: n, label: providerWords(n, mode) })),
      ],
      '',
    );
    form.refresh();
  };
  update(mode);
  return { root: form.form, update, destroy: () => {} };
}

export function createLandMixForm(store: GameStore): Component {
  let mode: NameMode = store.getState().ui.names;
  const decree = field(words('Decree', 'service'), h('select', { name: 'mixService' }));
  const baseLand = field(
    words('Base land', 'capacityProvider (with base)'),
    h('select', { name: 'mixBaseLand' }),
  );
  const base = field(words('Always there', 'base'), numberInput({ name: 'mixBase', value: '1', min: '0' }));
  const baseWeight = field(
    words('Share', 'weight'),
    numberInput({ name: 'mixBaseWeight', value: '1', min: '0' }),
  );
  const otherLand = field(words('Other land', 'capacityProvider'), h('select', { name: 'mixOtherLand' }));
  const otherWeight = field(
    words('Share', 'weight'),
    numberInput({ name: 'mixOtherWeight', value: '3', min: '0' }),
  );
  const build = (): Call => {
    const strategy: Record<string, unknown>[] = [
      {
        capacityProvider: baseLand.control.value,
        base: numberOrText(base.control),
        weight: numberOrText(baseWeight.control),
      },
    ];
    if (otherLand.control.value)
      strategy.push({ capacityProvider: otherLand.control.value, weight: numberOrText(otherWeight.control) });
    return {
      action: 'ecs:UpdateService',
      input: {
        cluster: currentKingdom(store),
        service: decree.control.value,
        capacityProviderStrategy: strategy,
        forceNewDeployment: true,
      },
    };
  };
  const success = (_o: Record<string, unknown>, call: Call): Outcome => ({
    tone: 'ok',
    text: pick(
      `The decree ${(call.input as { service: string }).service} moves to the new mix of lands: a renovation begins.`,
      `Service ${(call.input as { service: string }).service} updated with a capacity provider strategy: a new deployment started.`,
      mode,
    ),
  });
  const form = createCallForm({ store, submit: ['Move to this mix', 'Update service'], build, success });
  form.body.append(
    hintWords(
      'A mix of lands: the base is how many developments always stand on the first land; the shares split the rest (1 and 3: one in four on the first).',
      'A capacity provider strategy: base tasks on one provider, then the rest split by weight. Changing it starts a new deployment.',
    ),
    decree.root,
    h('div', { class: 'field-row' }, baseLand.root, base.root, baseWeight.root),
    h('div', { class: 'field-row' }, otherLand.root, otherWeight.root),
  );
  const update = (m: NameMode) => {
    mode = m;
    const sim = store.getState().sim;
    setOptionsOr(
      decree.control,
      activeServices(store.getState(), currentKingdom(store)).map((s) => ({
        value: s.serviceName,
        label: s.serviceName,
      })),
      pick('no decree yet', 'no service yet', mode),
    );
    const arn = clusterArnOf(store.getState(), currentKingdom(store));
    const names = (arn && sim.capacity.clusters[arn]?.capacityProviders) || [];
    const options = names.map((n) => ({ value: n, label: providerWords(n, mode) }));
    setOptionsOr(
      baseLand.control,
      options,
      pick('the kingdom calls on no land yet', 'no capacity provider on the cluster', mode),
      'FARGATE',
    );
    setOptionsOr(
      otherLand.control,
      [{ value: '', label: pick('none', 'none', mode) }, ...options],
      '',
      names.includes('FARGATE_SPOT') ? 'FARGATE_SPOT' : '',
    );
    form.refresh();
  };
  update(mode);
  return { root: form.form, update, destroy: () => {} };
}

export function createReclaimForm(store: GameStore): Component {
  let mode: NameMode = store.getState().ui.names;
  const count = field(
    words('How many Spot lands', 'count'),
    numberInput({ name: 'spotCount', value: '1', min: '1' }),
  );
  const build = (): Call => ({
    action: 'sim:InterruptSpotTasks',
    input: { cluster: currentKingdom(store), count: numberOrText(count.control) },
  });
  const success = (output: Record<string, unknown>): Outcome => {
    const n = (output.interruptedTasks as string[]).length;
    return {
      tone: n ? 'warn' : 'ok',
      text: pick(
        n
          ? `${n} Spot land${n === 1 ? ' is' : 's are'} reclaimed: two minutes' warning.`
          : 'No development stands on Spot land.',
        n
          ? `${n} FARGATE_SPOT task${n === 1 ? '' : 's'} got the interruption notice.`
          : 'No FARGATE_SPOT task running.',
        mode,
      ),
    };
  };
  const form = createCallForm({
    store,
    submit: ['Reclaim Spot lands', 'Interrupt Spot tasks'],
    build,
    success,
  });
  form.body.append(
    hintWords(
      'The planet takes Spot lands back when it needs them: each development there gets two minutes of warning, then falls.',
      'Fargate Spot interruption: a two-minute notice (stopCode SpotInterruption), then the task stops.',
    ),
    count.root,
  );
  const update = (m: NameMode) => {
    mode = m;
    form.refresh();
  };
  update(mode);
  return { root: form.form, update, destroy: () => {} };
}
