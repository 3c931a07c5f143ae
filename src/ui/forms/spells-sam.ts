/**
 * SAM's deployment preferences for a spell's incantation, run the way SAM runs them: through CodeDeploy's
 * Lambda deployments. The type (Canary10Percent5Minutes, Linear10PercentEvery1Minute, AllAtOnce, ...) names
 * the config CodeDeployDefault.Lambda<Type>
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html); SAM's deployment
 * group rolls back on DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM and DEPLOYMENT_STOP_ON_REQUEST and watches
 * the alarms given. Calls: CreateApplication and CreateDeploymentGroup the first time (or
 * UpdateDeploymentGroup when the watchtowers changed), then CreateDeployment with the AppSpec naming the
 * alias's current version and the target version.
 */

import type { Call } from '../../model/index.ts';
import { SAM_DEPLOYMENT_PREFERENCE_TYPES } from '../../model/index.ts';
import type { GameStore, NameMode } from '../../store/create-game-store.ts';
import type { Here } from '../../store/view-region.ts';
import { field, h, pick, setOptions, setOptionsOr, setText, words } from '../dom.ts';
import { type AppSpec, appSpecRevision } from './appspec-yaml.ts';
import { createCallList, type PlannedCall, runSummary, scriptLine } from './call-list.ts';
import { watchtowersOf } from './gate-things.ts';

const APP = 'spells';
const EVENTS = ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST'];

const planned = (title: [string, string], call: Call, standing?: string): PlannedCall => ({
  title,
  preview: scriptLine(call),
  build: () => call,
  ...(standing ? { standing } : {}),
});

export function samCalls(
  here: Here,
  fnName: string,
  aliasName: string,
  target: string,
  type: string,
  alarms: string[],
): PlannedCall[] {
  const { sim, ui } = here;
  const fn = sim.lambda.functions[`${ui.region}:${fnName}`];
  const alias = fn?.aliases[aliasName];
  if (!fn || !alias) return [];
  const config = SAM_DEPLOYMENT_PREFERENCE_TYPES[type] ?? type;
  const group = `${fnName}-${aliasName}`;
  const existing = sim.codedeploy.deploymentGroups[`${ui.region}:${APP}:${group}`];
  const alarmConfiguration = { enabled: alarms.length > 0, alarms: alarms.map((name) => ({ name })) };
  const autoRollbackConfiguration = { enabled: true, events: EVENTS };
  const calls: PlannedCall[] = [
    planned(
      [`Found the guild of master builders ${APP}`, `Create CodeDeploy application ${APP}`],
      { action: 'codedeploy:CreateApplication', input: { applicationName: APP, computePlatform: 'Lambda' } },
      sim.codedeploy.applications[`${ui.region}:${APP}`]
        ? `CodeDeploy application ${APP} already exists.`
        : undefined,
    ),
  ];
  if (!existing)
    calls.push(
      planned([`Gather crew ${group}`, `Create deployment group ${group}`], {
        action: 'codedeploy:CreateDeploymentGroup',
        input: {
          applicationName: APP,
          deploymentGroupName: group,
          serviceRoleArn: `arn:aws:iam::${sim.accountId}:role/CodeDeployServiceRole`,
          deploymentConfigName: config,
          deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
          autoRollbackConfiguration,
          alarmConfiguration,
        },
      }),
    );
  else {
    const same =
      existing.alarmConfiguration.enabled === alarms.length > 0 &&
      JSON.stringify(existing.alarmConfiguration.alarms.map((a) => a.name)) === JSON.stringify(alarms);
    calls.push(
      planned(
        [`Give crew ${group} its watchtowers`, `Update deployment group ${group}`],
        {
          action: 'codedeploy:UpdateDeploymentGroup',
          input: {
            applicationName: APP,
            currentDeploymentGroupName: group,
            alarmConfiguration,
            autoRollbackConfiguration,
          },
        },
        same ? `Deployment group ${group} already watches these alarms.` : undefined,
      ),
    );
  }
  const appSpec: AppSpec = {
    Resources: [
      {
        [fnName]: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Name: fnName,
            Alias: aliasName,
            CurrentVersion: alias.FunctionVersion,
            TargetVersion: target,
          },
        },
      },
    ],
  };
  calls.push(
    planned([`Order the shift (${type})`, `Create deployment (${config})`], {
      action: 'codedeploy:CreateDeployment',
      input: {
        applicationName: APP,
        deploymentGroupName: group,
        deploymentConfigName: config,
        revision: appSpecRevision(appSpec),
      },
    }),
  );
  return calls;
}

export function createSamForm(store: GameStore, spell: () => string, incantation: () => string) {
  let mode: NameMode = store.getState().ui.names;
  const type = field(
    words('Pace (SAM DeploymentPreference.Type)', 'DeploymentPreference.Type'),
    h('select', { name: 'samType' }),
  );
  setOptions(
    type.control,
    Object.keys(SAM_DEPLOYMENT_PREFERENCE_TYPES).map((t) => ({ value: t, label: t })),
    'Linear10PercentEvery1Minute',
  );
  const target = field(words('Shift to edition', 'TargetVersion'), h('select', { name: 'samTarget' }));
  const towers = h('div', { class: 'renovation-towers' });
  const calls = createCallList(words('The orders, as AWS reads them', 'The API calls, in order'));
  const submit = h(
    'button',
    { type: 'submit', class: 'button button-primary' },
    words('Order the shift', 'Deploy'),
  );
  const status = h('p', { class: 'call-list-status', role: 'status' });
  const root = h(
    'form',
    { class: 'call-form spells-sam', novalidate: true },
    type.root,
    target.root,
    h(
      'fieldset',
      { class: 'subfieldset' },
      h('legend', {}, words('Watchtowers that may roll it back', 'Alarms')),
      towers,
    ),
    calls.root,
    submit,
    status,
  );
  const chosen = () => [...towers.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
  const plan = () =>
    samCalls(store.getState(), spell(), incantation(), target.control.value, type.control.value, chosen());
  root.addEventListener('change', () => {
    calls.release();
    setText(status, '');
    calls.plan(plan(), mode);
  });
  root.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = plan();
    if (p.length === 0) return;
    runSummary(
      status,
      calls.run(store, p, mode),
      ['The master builders take over the shift.', 'Deployment created.'],
      mode,
    );
  });
  const update = (m: NameMode) => {
    mode = m;
    const { sim: s, ui } = store.getState();
    const fn = s.lambda.functions[`${ui.region}:${spell()}`];
    const eds = fn ? Object.keys(fn.versions).sort((a, b) => Number(a) - Number(b)) : [];
    setOptionsOr(
      target.control,
      eds.map((v) => ({ value: v, label: pick(`edition ${v}`, `version ${v}`, mode) })),
      pick('no edition yet', 'no version yet', mode),
      eds.at(-1),
    );
    const names = watchtowersOf(store.getState()).map((a) => a.AlarmName);
    const key = JSON.stringify(names);
    if (towers.dataset.key !== key) {
      const was = new Set(chosen());
      towers.dataset.key = key;
      towers.replaceChildren(
        ...(names.length
          ? names.map((n) =>
              h(
                'label',
                { class: 'check' },
                h('input', { type: 'checkbox', name: 'samTower', value: n, checked: was.has(n) }),
                ' ',
                n,
              ),
            )
          : [h('p', { class: 'hint' }, pick('No watchtower yet.', 'No alarms yet.', mode))]),
      );
    }
    submit.disabled = !fn || !incantation();
    calls.plan(plan(), mode);
  };
  return { root, update };
}
