/**
 * Proclaim a decree: ecs:CreateService (name, plan, desired count, launch type, rules of settlement,
 * deployment limits), or amend a standing one with ecs:UpdateService (desired count, a new plan
 * edition, min/max percent, and putting it behind the gate: loadBalancers, gate-fields.ts).
 */
import { planName } from '../../i18n/names.ts';
import type { Call, Service } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { createCallForm, type Outcome } from '../call-form.ts';
import { type Component, lifetime } from '../component.ts';
import { field, h, intValue, numberInput, pick, setOptions, words } from '../dom.ts';
import { kingdomField, launchTypeField } from './develop-form.ts';
import { createGateFields } from './gate-fields.ts';
import { createPlacementFields, createSubnetFields, refreshLaunchChoices } from './placement-fields.ts';
import { activeServices } from './world.ts';

const NEW = '';

/** What amending a decree's roads did: a new deployment moves its developments to (or off) the road. */
function gateOutcome(
  svc: { serviceName: string; loadBalancers: { targetGroupArn: string }[] },
  mode: NameMode,
): Outcome {
  const tg = svc.loadBalancers[0]?.targetGroupArn;
  const road = tg ? tg.slice(tg.indexOf('targetgroup/') + 12, tg.lastIndexOf('/')) : '';
  return {
    tone: 'ok',
    text: tg
      ? pick(
          `Decree ${svc.serviceName} now stands behind the gate, on road ${road}.`,
          `Service ${svc.serviceName} updated: loadBalancers → target group ${road}.`,
          mode,
        )
      : pick(
          `Decree ${svc.serviceName} no longer stands behind the gate.`,
          `Service ${svc.serviceName} updated: loadBalancers removed.`,
          mode,
        ),
    details: [
      pick(
        'A renovation starts: new developments rise on the new terms, then the old ones come down.',
        'A new deployment starts: new tasks with the new load balancer configuration, then the old tasks stop.',
        mode,
      ),
    ],
  };
}

export function createDecreeForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const kingdom = kingdomField(store);
  const which = field(words('Decree', 'Service'), h('select', { name: 'service' }));
  const name = field(
    words('Name of the decree', 'Service name'),
    h('input', {
      type: 'text',
      name: 'serviceName',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'bakeries',
    }),
  );
  const plan = field(words('Plan edition', 'Task definition'), h('select', { name: 'taskDefinition' }));
  const desired = field(
    words('Developments to keep standing', 'Desired count'),
    numberInput({ name: 'desiredCount', min: 0, max: 5000, value: 2 }),
  );
  const minPercent = field(
    words('Keep at least (%)', 'minimumHealthyPercent'),
    numberInput({ name: 'minimumHealthyPercent', min: 0, max: 100, value: 100 }),
  );
  const maxPercent = field(
    words('Raise up to (%)', 'maximumPercent'),
    numberInput({ name: 'maximumPercent', min: 100, max: 200, value: 200 }),
  );
  const deployment = h(
    'fieldset',
    { class: 'subfieldset pair' },
    h('legend', {}, words('Renovation limits', 'Deployment configuration')),
    minPercent.root,
    maxPercent.root,
  );
  const isNew = () => which.control.value === NEW;
  const sync = () => {
    const fresh = isNew();
    const onFargate = launch.value() === 'FARGATE';
    name.root.hidden = !fresh;
    launch.root.hidden = !fresh;
    placement.setHidden(!fresh || onFargate);
    network.setHidden(!fresh || !onFargate);
    const standing = fresh ? null : (serviceOf(which.control.value) ?? null);
    gate.setAmending(standing);
    // A decree under CodeDeploy changes roads through CodeDeploy only (UpdateService refuses).
    gate.setHidden(standing?.deploymentController.type === 'CODE_DEPLOY');
    if (fresh) form.setSubmit('Proclaim the decree', 'Create service', mode);
    else form.setSubmit('Amend the decree', 'Update service', mode);
    form.refresh();
  };
  const launch = launchTypeField(() => sync());
  const placement = createPlacementFields(() => form.refresh());
  const network = createSubnetFields();
  const gate = createGateFields(store, life, plan.control, () => form.refresh());

  const serviceOf = (arn: string): Service | undefined => store.getState().sim.services.get(arn);

  const build = (): Call => {
    const input: Record<string, unknown> = { cluster: kingdom.control.value };
    const n = intValue(desired.control);
    const min = intValue(minPercent.control);
    const max = intValue(maxPercent.control);
    const deploymentConfiguration: Record<string, number> = {};
    if (min !== undefined) deploymentConfiguration.minimumHealthyPercent = min;
    if (max !== undefined) deploymentConfiguration.maximumPercent = max;
    if (!isNew()) {
      input.service = serviceOf(which.control.value)?.serviceName ?? which.control.value;
      if (n !== undefined) input.desiredCount = n;
      if (plan.control.value) input.taskDefinition = plan.control.value;
      if (Object.keys(deploymentConfiguration).length)
        input.deploymentConfiguration = deploymentConfiguration;
      Object.assign(input, gate.input());
      return { action: 'ecs:UpdateService', input };
    }
    input.serviceName = name.control.value.trim();
    input.taskDefinition = plan.control.value;
    if (n !== undefined) input.desiredCount = n;
    if (launch.value() !== 'DEFAULT') input.launchType = launch.value();
    if (launch.value() === 'FARGATE') {
      input.networkConfiguration = { awsvpcConfiguration: { subnets: network.selected() } };
    } else {
      const s = placement.strategies();
      const c = placement.constraints();
      if (s.length) input.placementStrategy = s;
      if (c.length) input.placementConstraints = c;
    }
    Object.assign(input, gate.input());
    if (Object.keys(deploymentConfiguration).length) input.deploymentConfiguration = deploymentConfiguration;
    return { action: 'ecs:CreateService', input };
  };

  const success = (output: Record<string, unknown>, call: Call): Outcome => {
    const svc = output.service as {
      serviceName: string;
      desiredCount: number;
      taskDefinition: string;
      loadBalancers: { targetGroupArn: string }[];
    };
    const created = call.action === 'ecs:CreateService';
    if (!created && call.input?.loadBalancers !== undefined) return gateOutcome(svc, mode);
    return {
      tone: 'ok',
      text: created
        ? pick(
            `Decree ${svc.serviceName} proclaimed: keep ${svc.desiredCount} of ${planName(svc.taskDefinition, 'nozama')} standing.`,
            `Service ${svc.serviceName} created (desiredCount ${svc.desiredCount}, ${planName(svc.taskDefinition, 'aws')}).`,
            mode,
          )
        : pick(
            `Decree ${svc.serviceName} amended: keep ${svc.desiredCount} of ${planName(svc.taskDefinition, 'nozama')} standing.`,
            `Service ${svc.serviceName} updated (desiredCount ${svc.desiredCount}, ${planName(svc.taskDefinition, 'aws')}).`,
            mode,
          ),
      details: [
        pick(
          'The steward places them over the next seconds: watch the chronicle.',
          'The service scheduler starts tasks on its next pass: see the service events.',
          mode,
        ),
      ],
    };
  };

  const form = createCallForm({
    store,
    submit: ['Proclaim the decree', 'Create service'],
    build,
    success,
    after: () => update(mode),
  });
  form.body.append(
    kingdom.root,
    which.root,
    name.root,
    plan.root,
    desired.root,
    launch.root,
    placement.root,
    network.root,
    gate.root,
    deployment,
  );

  which.control.addEventListener('change', () => {
    const svc = serviceOf(which.control.value);
    if (svc) {
      // Loading a standing decree shows what it says now; the player amends from there.
      desired.control.value = String(svc.desiredCount);
      const edition = svc.taskDefinition.slice(svc.taskDefinition.lastIndexOf('/') + 1);
      if ([...plan.control.options].some((o) => o.value === edition)) plan.control.value = edition;
      minPercent.control.value = String(svc.deploymentConfiguration.minimumHealthyPercent);
      maxPercent.control.value = String(svc.deploymentConfiguration.maximumPercent);
    }
    sync();
  });
  kingdom.control.addEventListener('change', () => update(mode));

  const update = (m: NameMode) => {
    mode = m;
    kingdom.update(mode);
    const services = activeServices(store.getState(), kingdom.control.value);
    setOptions(which.control, [
      { value: NEW, label: pick('a new decree', 'new service (CreateService)', mode) },
      ...services.map((s) => ({
        value: s.serviceArn,
        label: pick(`amend ${s.serviceName}`, `update ${s.serviceName} (UpdateService)`, mode),
      })),
    ]);
    refreshLaunchChoices(store, mode, plan.control, placement, network);
    gate.update(mode);
    sync();
  };
  update(mode);
  return { root: form.form, update, destroy: life.destroy };
}
