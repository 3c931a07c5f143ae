/**
 * Erect a territory: ec2:RunInstances with the zone (a portal), the size (instance type), the land
 * charter (the ECS-optimized AMI carries a castle; a bare Amazon Linux AMI does not), the kingdom to
 * join (user data writing ECS_CLUSTER into /etc/ecs/ecs.config) and a count. When the kingdom does not
 * exist yet, the form offers to found it (ecs:CreateCluster), and says it is optional: an agent waits
 * for a missing cluster. Choosing a portal on the map chooses it here too, and a new world (a level
 * start, a reset) clears the last order's outcome so it is not read as news of this world.
 */

import { landKind } from '../../i18n/lexicon.ts';
import type { Call } from '../../model/index.ts';
import { encodeBase64, priceIn } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import { type CallForm, createCallForm, type Outcome } from '../call-form.ts';
import { type Component, lifetime } from '../component.ts';
import {
  button,
  field,
  h,
  intValue,
  numberInput,
  pick,
  setHint,
  setOptions,
  setText,
  words,
} from '../dom.ts';
import { territoryLabel, zoneLabel } from '../labels.ts';
import {
  activeClusters,
  currentKingdom,
  ECS_AMI_PARAMETER,
  offeringZones,
  PLAIN_AMI_PARAMETER,
  parameter,
  sizes,
  zones,
} from './world.ts';

export function userDataFor(cluster: string): string {
  return encodeBase64(`#!/bin/bash\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config`);
}

const ANY_ZONE = '';

export function createTerritoryForm(store: GameStore): Component {
  const life = lifetime(store);
  let mode: NameMode = store.getState().ui.names;
  const zone = field(words('Portal', 'Availability Zone'), h('select', { name: 'zone' }));
  const size = field(words('Size of the land', 'Instance type'), h('select', { name: 'instanceType' }));
  const charter = field(words('Land charter', 'AMI'), h('select', { name: 'charter' }));
  const kingdom = field(
    words('Kingdom to join', 'Cluster (ECS_CLUSTER in the user data)'),
    h('input', { name: 'kingdom', type: 'text', autocomplete: 'off', spellcheck: 'false', list: '' }),
  );
  const kingdomList = h('datalist', { id: `${kingdom.control.id}-list` });
  kingdom.control.setAttribute('list', kingdomList.id);
  kingdom.control.value = currentKingdom(store);
  const count = field(words('How many', 'Count'), numberInput({ name: 'count', min: 1, max: 10, value: 1 }));

  const foundText = h('p', { class: 'callout-text' });
  const foundButton = button('');
  const founding = h(
    'div',
    { class: 'callout', role: 'group', 'aria-label': 'Kingdom not founded' },
    foundText,
    foundButton,
  );

  const amis = () => ({
    royal: parameter(store, ECS_AMI_PARAMETER) ?? '',
    bare: parameter(store, PLAIN_AMI_PARAMETER) ?? '',
  });

  const build = (): Call => {
    const input: Record<string, unknown> = {
      ImageId: charter.control.value,
      InstanceType: size.control.value,
    };
    if (zone.control.value !== ANY_ZONE) input.Placement = { AvailabilityZone: zone.control.value };
    const cluster = kingdom.control.value.trim();
    if (cluster) input.UserData = userDataFor(cluster);
    const n = intValue(count.control);
    if (n !== undefined) {
      input.MinCount = n;
      input.MaxCount = n;
    }
    return { action: 'ec2:RunInstances', input };
  };

  const success = (output: Record<string, unknown>): Outcome => {
    const { sim } = store.getState();
    const ids = (output.Instances as { InstanceId: string }[]).map((i) => i.InstanceId);
    const names = ids.map((id) => territoryLabel(sim, id, mode)).join(', ');
    const royal = charter.control.value === amis().royal;
    return {
      tone: 'ok',
      text: pick(
        `${ids.length === 1 ? 'Territory' : 'Territories'} ${names} surveyed.`,
        `Launched ${ids.length} instance${ids.length === 1 ? '' : 's'}: ${names}.`,
        mode,
      ),
      details: [
        royal
          ? pick(
              'The castle rises in a few seconds, when its lord (the ECS agent) registers.',
              'The container instance registers when the ECS agent starts.',
              mode,
            )
          : pick(
              'A bare charter has no castle: this land will never join a kingdom.',
              'This AMI has no ECS agent: the instance will not register.',
              mode,
            ),
      ],
    };
  };

  const form: CallForm = createCallForm({
    store,
    submit: ['Erect the territory', 'Run instances'],
    build,
    success,
    after: () => update(mode),
  });
  form.body.append(founding, zone.root, size.root, charter.root, kingdom.root, kingdomList, count.root);

  foundButton.addEventListener('click', () => {
    const name = kingdom.control.value.trim();
    form.run({ action: 'ecs:CreateCluster', input: { clusterName: name } }, () => ({
      tone: 'ok',
      text: pick(`The kingdom ${name} is founded.`, `Cluster ${name} created.`, mode),
    }));
    update(mode);
    foundButton.blur();
    kingdom.control.focus();
  });
  kingdom.control.addEventListener('input', () => updateFounding());
  size.control.addEventListener('change', () => update(mode));
  charter.control.addEventListener('change', () => update(mode));

  const updateFounding = () => {
    const name = kingdom.control.value.trim();
    const exists = activeClusters(store.getState()).includes(name);
    founding.hidden = exists || name === '';
    setText(
      foundText,
      pick(
        `The kingdom ${name} has not been founded yet. Found it now, or erect territories first: their lords wait for it.`,
        `Cluster ${name} does not exist yet (ecs:CreateCluster). An agent retries until it exists.`,
        mode,
      ),
    );
    setText(foundButton, pick(`Found the kingdom ${name}`, `Create cluster ${name}`, mode));
  };

  const result = form.form.querySelector<HTMLElement>('.call-result');
  life.subscribe(
    (s) => s.generation,
    () => result?.replaceChildren(),
  );
  // Clicking a portal on the map picks it in the form: the newcomer chose it once, not twice.
  life.subscribe(
    (s) => (s.ui.place.scene === 'kingdom' ? s.ui.place.zone : null),
    (picked) => {
      const option = [...zone.control.options].find((o) => o.value === picked && !o.disabled);
      if (picked && option) {
        zone.control.value = picked;
        form.refresh();
      }
    },
  );

  const update = (m: NameMode) => {
    mode = m;
    const { sim } = store.getState();
    const list = zones(store);
    setOptions(
      zone.control,
      [
        ...list.map((z) => ({
          value: z.name,
          label: `${zoneLabel(sim, z.name, mode)}${z.state === 'available' ? '' : pick(' — dark', ' — impaired', mode)}`,
          disabled: z.state !== 'available',
        })),
        { value: ANY_ZONE, label: pick('any portal: EC2 picks', 'any zone: EC2 picks', mode) },
      ],
      list.find((z) => z.state === 'available')?.name,
    );
    const dark = list.filter((z) => z.state !== 'available');
    setHint(
      zone,
      dark
        .map((z) =>
          pick(
            `Portal ${zoneLabel(sim, z.name, 'nozama')} is dark: ${z.message}`,
            `${z.name} is impaired: ${z.message}`,
            mode,
          ),
        )
        .join(' '),
    );
    const types = sizes(store);
    setOptions(
      size.control,
      types.map((t) => ({
        value: t.type,
        label: `${t.type}${mode === 'aws' ? '' : ` · ${landKind(t.type, 'nozama')}`} · ${t.vcpus} vCPU · ${formatMiB(t.memoryMiB)}`,
      })),
      't3.medium',
    );
    const chosen = types.find((t) => t.type === size.control.value);
    const { region } = store.getState().ui;
    const offeredIn = chosen ? offeringZones(store, chosen.type) : [];
    const missing = list.filter((z) => !offeredIn.includes(z.name)).map((z) => z.name);
    setHint(
      size,
      chosen
        ? `${pick(
            `A ${landKind(chosen.type, 'nozama')}: ${chosen.vcpus} vCPU (${chosen.vcpus * 1024} CPU units), ${formatMiB(chosen.memoryMiB)} of memory, ${gold(priceIn(region, chosen.type))} gold an hour in this region.`,
            `${chosen.vcpus} vCPU = ${chosen.vcpus * 1024} CPU units; ${chosen.memoryMiB} MiB (ec2:DescribeInstanceTypes); $${priceIn(region, chosen.type)} an hour in ${region}.`,
            mode,
          )}${
            missing.length === 0
              ? ''
              : pick(
                  ` Not offered through portal ${missing.map((z) => zoneLabel(sim, z, 'nozama')).join(', ')}.`,
                  ` Not offered in ${missing.join(', ')} (ec2:DescribeInstanceTypeOfferings).`,
                  mode,
                )
          }`
        : '',
    );
    // A zone that does not offer the size says so (choosing it meets EC2's Unsupported answer).
    for (const option of zone.control.options) {
      if (!missing.includes(option.value) || option.disabled) continue;
      option.textContent = `${option.textContent} ${pick(`— no ${chosen?.type ?? ''} here`, `— no ${chosen?.type ?? ''}`, mode)}`;
    }
    const { royal, bare } = amis();
    setOptions(
      charter.control,
      [
        { value: royal, label: pick('royal charter (castle)', 'ECS-optimized AL2023', mode) },
        { value: bare, label: pick('bare charter (no castle)', 'Amazon Linux 2023', mode) },
      ],
      royal,
    );
    setHint(
      charter,
      charter.control.value === royal
        ? pick(
            `${royal}: the ECS-optimized AMI, its lord (the ECS agent) included. From ssm:GetParameter.`,
            `${royal} (ssm:GetParameter ${ECS_AMI_PARAMETER})`,
            mode,
          )
        : pick(
            `${bare}: plain Amazon Linux, no agent: this land never joins a kingdom.`,
            `${bare} (ssm:GetParameter ${PLAIN_AMI_PARAMETER}): no ECS agent.`,
            mode,
          ),
    );
    const kingdoms = activeClusters(store.getState());
    const key = kingdoms.join('\n');
    if (kingdomList.dataset.key !== key) {
      kingdomList.dataset.key = key;
      kingdomList.replaceChildren(...kingdoms.map((k) => h('option', { value: k })));
    }
    setHint(
      kingdom,
      pick(
        'Written in the territory’s letter (its user data): the castle’s lord joins this kingdom.',
        'UserData: echo ECS_CLUSTER=<name> >> /etc/ecs/ecs.config (base64).',
        mode,
      ),
    );
    updateFounding();
    form.refresh();
  };

  update(mode);
  return { root: form.form, update, destroy: life.destroy };
}

/** Gold as the campaign counts it (1,000 gold a dollar, goal-tracker.ts), to one decimal. */
function gold(usdPerHour: number): string {
  return String(Math.round(usdPerHour * 10000) / 10);
}

export function formatMiB(mib: number): string {
  return mib % 1024 === 0 ? `${mib / 1024} GiB` : `${mib} MiB`;
}
