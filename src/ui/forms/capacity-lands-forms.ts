/**
 * The survey order and the survey party: ec2:CreateLaunchTemplate (the charter, the size of land and the
 * kingdom the territory joins, in its user data), autoscaling:CreateAutoScalingGroup (how many territories
 * to keep, between a least and a most, across the portals, protected from scale in) and
 * autoscaling:SetDesiredCapacity. Each form shows its CLI line before the call and AWS's answer after.
 */
import type { Call } from '../../model/index.ts';
import { encodeBase64 } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { createCallForm, type Outcome } from '../call-form.ts';
import type { Component } from '../component.ts';
import { field, h, hintWords, numberInput, pick, setOptionsOr, words } from '../dom.ts';
import { checkbox, numberOrText, syncCheckboxes, ticked } from './parts.ts';
import { currentKingdom, ECS_AMI_PARAMETER, parameter, sizes, subnets } from './world.ts';

export function createSurveyOrderForm(store: GameStore): Component {
  let mode: NameMode = store.getState().ui.names;
  const name = field(
    words('Name of the order', 'LaunchTemplateName'),
    h('input', { type: 'text', name: 'ltName', value: 'lands' }),
  );
  const size = field(words('Size of land', 'InstanceType'), h('select', { name: 'ltType' }));
  const build = (): Call => {
    const cluster = currentKingdom(store);
    return {
      action: 'ec2:CreateLaunchTemplate',
      input: {
        LaunchTemplateName: name.control.value,
        LaunchTemplateData: {
          ImageId: parameter(store, ECS_AMI_PARAMETER) ?? '',
          InstanceType: size.control.value,
          IamInstanceProfile: { Name: 'ecsInstanceRole' },
          UserData: encodeBase64(`#!/bin/bash\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config\n`),
        },
      },
    };
  };
  const success = (output: Record<string, unknown>): Outcome => {
    const t = output.LaunchTemplate as { LaunchTemplateId: string; LaunchTemplateName: string };
    return {
      tone: 'ok',
      text: pick(
        `The survey order ${t.LaunchTemplateName} is written: the royal charter, a castle that joins ${currentKingdom(store)}.`,
        `Launch template ${t.LaunchTemplateName} (${t.LaunchTemplateId}) created.`,
        mode,
      ),
    };
  };
  const form = createCallForm({
    store,
    submit: ['Write the survey order', 'Create launch template'],
    build,
    success,
  });
  form.body.append(
    hintWords(
      'A survey order says how to erect a territory: the royal charter (the ECS-optimized AMI), its size, and the kingdom its lord joins.',
      'A launch template: the ECS-optimized AMI, the instance type, the instance profile and user data with ECS_CLUSTER.',
    ),
    name.root,
    size.root,
  );
  const update = (m: NameMode) => {
    mode = m;
    setOptionsOr(
      size.control,
      sizes(store).map((s) => ({ value: s.type, label: `${s.type} · ${s.vcpus} vCPU · ${s.memoryMiB} MiB` })),
      'no sizes',
      't3.medium',
    );
    form.refresh();
  };
  update(mode);
  return { root: form.form, update, destroy: () => {} };
}

export function createSurveyPartyForm(store: GameStore): Component {
  let mode: NameMode = store.getState().ui.names;
  const name = field(
    words('Name of the party', 'AutoScalingGroupName'),
    h('input', { type: 'text', name: 'asgName', value: 'guild' }),
  );
  const order = field(words('Survey order', 'LaunchTemplate'), h('select', { name: 'asgTemplate' }));
  const min = field(words('At least', 'MinSize'), numberInput({ name: 'asgMin', value: '0', min: '0' }));
  const max = field(words('At most', 'MaxSize'), numberInput({ name: 'asgMax', value: '4', min: '0' }));
  const desired = field(
    words('Keep now', 'DesiredCapacity'),
    numberInput({ name: 'asgDesired', value: '0', min: '0' }),
  );
  const portals = h('div', { class: 'checks', role: 'group', 'aria-label': 'Portals' });
  const protect = checkbox(
    'asgProtect',
    words('New territories are protected from scale in', 'NewInstancesProtectedFromScaleIn'),
    true,
  );
  const build = (): Call => {
    const ids = ticked(portals);
    return {
      action: 'autoscaling:CreateAutoScalingGroup',
      input: {
        AutoScalingGroupName: name.control.value,
        LaunchTemplate: { LaunchTemplateName: order.control.value, Version: '$Latest' },
        MinSize: numberOrText(min.control),
        MaxSize: numberOrText(max.control),
        DesiredCapacity: numberOrText(desired.control),
        VPCZoneIdentifier: ids.join(','),
        NewInstancesProtectedFromScaleIn: protect.input.checked,
      },
    };
  };
  const success = (_o: Record<string, unknown>, call: Call): Outcome => {
    const i = call.input as { AutoScalingGroupName: string; DesiredCapacity: number };
    return {
      tone: 'ok',
      text: pick(
        `The survey party ${i.AutoScalingGroupName} sets out: it keeps ${i.DesiredCapacity} territories standing.`,
        `Auto Scaling group ${i.AutoScalingGroupName} created (desired ${i.DesiredCapacity}).`,
        mode,
      ),
    };
  };
  const form = createCallForm({
    store,
    submit: ['Form the survey party', 'Create Auto Scaling group'],
    build,
    success,
  });
  form.body.append(
    hintWords(
      'A survey party keeps a number of territories standing across the portals you give it, erecting them from its survey order.',
      'An Auto Scaling group keeps DesiredCapacity instances (between MinSize and MaxSize) balanced across the subnets of VPCZoneIdentifier.',
    ),
    name.root,
    order.root,
    h('div', { class: 'field-row' }, min.root, max.root, desired.root),
    h(
      'fieldset',
      { class: 'subfieldset' },
      h('legend', {}, words('Portals', 'VPCZoneIdentifier (subnets)')),
      portals,
    ),
    protect.root,
  );
  const update = (m: NameMode) => {
    mode = m;
    const { sim, ui } = store.getState();
    const templates = Object.values(sim.capacity.launchTemplates).filter((t) => t.region === ui.region);
    setOptionsOr(
      order.control,
      templates.map((t) => ({
        value: t.LaunchTemplateName,
        label: `${t.LaunchTemplateName} (v${t.LatestVersionNumber})`,
      })),
      pick('no survey order yet', 'no launch template yet', mode),
    );
    syncCheckboxes(
      portals,
      'asgSubnet',
      subnets(store).map((s) => s.id),
      () => h('span', {}, 'no subnets'),
    );
    if (!portals.dataset.ticked) {
      for (const i of portals.querySelectorAll<HTMLInputElement>('input')) i.checked = true;
      portals.dataset.ticked = '1';
    }
    form.refresh();
  };
  update(mode);
  return { root: form.form, update, destroy: () => {} };
}

export function createPartySizeForm(store: GameStore): Component {
  let mode: NameMode = store.getState().ui.names;
  const party = field(words('Survey party', 'AutoScalingGroupName'), h('select', { name: 'sizeGroup' }));
  const desired = field(
    words('Keep', 'DesiredCapacity'),
    numberInput({ name: 'sizeDesired', value: '1', min: '0' }),
  );
  const build = (): Call => ({
    action: 'autoscaling:SetDesiredCapacity',
    input: { AutoScalingGroupName: party.control.value, DesiredCapacity: numberOrText(desired.control) },
  });
  const success = (_o: Record<string, unknown>, call: Call): Outcome => {
    const i = call.input as { AutoScalingGroupName: string; DesiredCapacity: number };
    return {
      tone: 'ok',
      text: pick(
        `The survey party ${i.AutoScalingGroupName} will keep ${i.DesiredCapacity} territories (never abandoning a protected one).`,
        `Desired capacity of ${i.AutoScalingGroupName} set to ${i.DesiredCapacity}.`,
        mode,
      ),
    };
  };
  const form = createCallForm({
    store,
    submit: ['Set the party size', 'Set desired capacity'],
    build,
    success,
  });
  form.body.append(h('div', { class: 'field-row' }, party.root, desired.root));
  const update = (m: NameMode) => {
    mode = m;
    const { sim, ui } = store.getState();
    const groups = Object.values(sim.capacity.groups).filter((g) => g.region === ui.region);
    setOptionsOr(
      party.control,
      groups.map((g) => ({
        value: g.AutoScalingGroupName,
        label: `${g.AutoScalingGroupName} · ${g.DesiredCapacity} (${g.MinSize}-${g.MaxSize})`,
      })),
      pick('no survey party yet', 'no Auto Scaling group yet', mode),
    );
    form.refresh();
  };
  update(mode);
  return { root: form.form, update, destroy: () => {} };
}
