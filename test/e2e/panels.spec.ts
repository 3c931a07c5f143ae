/**
 * The panels played as a person would: found the kingdom, erect three territories in three portals,
 * draft a plan of three buildings, try an 11-building plan and read AWS's refusal (the rows stay),
 * proclaim a decree of 6 with distinctInstance, collapse portal 1b and read the chronicle, inspect a
 * development (its JSON and why card), switch Rosetta to AWS names; then an accessibility scan, and
 * the drawers of a narrow screen. Time is moved through the store (the clock is paused), and every wait
 * is on the model's state or the page, never a sleep.
 */
import { expect, type Page, test } from '@playwright/test';
import {
  advanceUntil,
  axeSerious,
  buildSection,
  ECS_AMI_PARAMETER,
  ok,
  openGame,
  SCREENSHOTS,
  userData,
  watchPage,
} from './helpers.ts';

const Z = (letter: string) => `za-southwest-1${letter}`;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/panels-${name}.png` });
}

test('a kingdom built through the panels: forms, refusals, decree, disaster, inspector, Rosetta', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const problems = watchPage(page, baseURL as string);
  await openGame(page);
  await page.getByRole('button', { name: 'Pause' }).click();

  // Found the kingdom from the territory form's offer.
  const territory = await buildSection(page, 'territory', 'Erect a territory');
  await expect(territory.getByText('The kingdom Royaume has not been founded yet.')).toBeVisible();
  await territory.getByRole('button', { name: 'Found the kingdom Royaume' }).click();
  await expect(territory.getByRole('status')).toContainText('The kingdom Royaume is founded.');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('kingdom Royaume');
  await expect(territory.getByRole('button', { name: 'Found the kingdom Royaume' })).toBeHidden();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.locator('.last-call')).toContainText('aws ecs create-cluster');
  await expect(inspector.locator('.last-call')).toContainText('--cluster-name Royaume');
  await shot(page, '1-founded');

  // Three territories in three portals, through the form. The preview shows the real call first.
  const preview = territory.locator('.cli-preview');
  for (const letter of ['a', 'b', 'c']) {
    await territory.getByLabel('Portal', { exact: true }).selectOption(Z(letter));
    await expect(preview).toContainText(`--placement AvailabilityZone=${Z(letter)}`);
    await expect(preview).toContainText('aws ec2 run-instances');
    await expect(preview).toContainText('echo ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config');
    await territory.getByRole('button', { name: 'Erect the territory' }).click();
    await expect(territory.getByRole('status')).toContainText(`Territory 1${letter}-1 surveyed.`);
  }
  const zonesOfInstances = await page.evaluate(() =>
    (window.__nozama?.store.getState().sim.instances.values() ?? [])
      .map((i) => `${i.availabilityZone}/${i.instanceType}/${i.ecsCluster}`)
      .sort(),
  );
  expect(zonesOfInstances).toEqual(['a', 'b', 'c'].map((l) => `${Z(l)}/t3.medium/Royaume`));
  await advanceUntil(
    page,
    `(sim) => sim.containerInstances.values().filter((ci) => ci.status === 'ACTIVE').length === 3`,
  );
  await expect(inspector.getByRole('button', { name: '1c-1 · running' })).toBeVisible();
  await shot(page, '2-territories');

  // A plan of three buildings: a web server (nginx), an app server, a cache (redis).
  const plan = await buildSection(page, 'plan', 'Draft a plan');
  await expect(territory).not.toHaveAttribute('open', '');
  await plan.getByLabel('Plan name').fill('city');
  const buildings: [string, string, string, string, boolean][] = [
    ['web', 'public.ecr.aws/nginx/nginx:latest', '256', '512', true],
    ['app', 'public.ecr.aws/nozama/app-server:1', '256', '512', true],
    ['cache', 'public.ecr.aws/docker/library/redis:7', '128', '256', false],
  ];
  for (const [i, [name, image, cpu, memory, essential]] of buildings.entries()) {
    const n = i + 1;
    if (n > 1) await plan.getByRole('button', { name: 'Add a building' }).click();
    await plan.getByLabel(`Building ${n} name`).fill(name);
    await plan.getByLabel(`Building ${n} design (image)`).fill(image);
    await plan.getByLabel(`Building ${n} CPU units`).fill(cpu);
    await plan.getByLabel(`Building ${n} memory (MiB)`).fill(memory);
    await plan.getByLabel(`Building ${n} essential`).setChecked(essential);
  }
  await plan.getByRole('button', { name: 'Add a door (port)' }).first().click();
  await plan.getByLabel('Building 1 container port').fill('80');
  await plan.getByLabel('Building 1 host port').fill('80');
  await plan.getByLabel('Building 1 name').scrollIntoViewIfNeeded();
  await shot(page, '3a-plan-rows');
  await expect(plan.locator('.cli-preview')).toContainText('aws ecs register-task-definition');
  await expect(plan.locator('.cli-preview')).toContainText('--family city');
  await plan.getByRole('button', { name: 'Draft the plan' }).click();
  await expect(plan.getByRole('status')).toContainText('Plan city, edition 1 drafted, with 3 buildings.');
  const registered = await page.evaluate(() => {
    const td = Object.values(window.__nozama?.store.getState().sim.taskDefinitions ?? {})[0];
    return td?.containerDefinitions.map(
      (c) => `${c.name}:${c.essential}:${c.portMappings[0]?.hostPort ?? '-'}`,
    );
  });
  expect(registered).toEqual(['web:true:80', 'app:true:-', 'cache:false:-']);
  await shot(page, '3-plan');

  // An 11-building plan: AWS refuses it, and the eleven rows are all still there.
  await plan.getByLabel('Plan name').fill('metropolis');
  for (let n = 4; n <= 11; n++) {
    await plan.getByRole('button', { name: 'Add a building' }).click();
    await plan.getByLabel(`Building ${n} name`).fill(`house-${n}`);
    await plan.getByLabel(`Building ${n} design (image)`).fill('public.ecr.aws/nginx/nginx:latest');
  }
  await expect(plan.getByText('11 buildings: AWS allows at most 10 per plan.')).toBeVisible();
  await plan.getByRole('button', { name: 'Draft the plan' }).click();
  const refusal = plan.getByRole('status');
  await expect(refusal).toContainText('ClientException: Too many containers.');
  await expect(refusal).toContainText('In Nozama: A plan holds at most 10 buildings');
  await expect(plan.locator('fieldset.building')).toHaveCount(11);
  await expect(plan.getByLabel('Plan name')).toHaveValue('metropolis');
  await expect(plan.getByLabel('Building 11 name')).toHaveValue('house-11');
  await expect(plan.getByLabel('Building 1 name')).toHaveValue('web');
  await expect(inspector.locator('.last-call')).toContainText('ClientException: Too many containers.');
  await refusal.scrollIntoViewIfNeeded();
  await shot(page, '4-refusal');

  // A new edition of city, prefilled from edition 1: the rows come back as registered.
  await plan.getByLabel('Existing plan editions').selectOption('city:1');
  await plan.getByRole('button', { name: 'Start a new edition from it' }).click();
  await expect(plan.locator('fieldset.building')).toHaveCount(3);
  await expect(plan.getByLabel('Plan name')).toHaveValue('city');
  await expect(plan.getByLabel('Building 3 name')).toHaveValue('cache');
  await expect(plan.getByLabel('Building 3 essential')).not.toBeChecked();
  await expect(plan.getByLabel('Building 1 host port')).toHaveValue('80');
  await plan.getByLabel('Building 2 design (image)').fill('public.ecr.aws/nozama/app-server:2');
  await plan.getByRole('button', { name: 'Draft the plan' }).click();
  await expect(plan.getByRole('status')).toContainText('Plan city, edition 2 drafted, with 3 buildings.');

  // A decree of 6 with distinctInstance: only three territories, so three stand and the steward says why.
  const decree = await buildSection(page, 'decree', 'Proclaim a decree');
  await decree.getByLabel('Name of the decree').fill('city-keep');
  await decree.getByLabel('Plan edition').selectOption('city:1');
  await decree.getByLabel('Developments to keep standing').fill('6');
  await decree.getByLabel('One development per territory').check();
  await expect(decree.locator('.cli-preview')).toContainText('--placement-constraints type=distinctInstance');
  await expect(decree.locator('.cli-preview')).toContainText('--desired-count 6');
  await decree.getByRole('button', { name: 'Proclaim the decree' }).click();
  await expect(decree.getByRole('status')).toContainText('Decree city-keep proclaimed: keep 6');
  await advanceUntil(
    page,
    `(sim) => sim.tasks.values().filter((t) => t.serviceName === 'city-keep' && t.lastStatus === 'RUNNING').length === 3`,
  );
  const chronicle = page.getByRole('region', { name: 'Chronicle' });
  await expect(chronicle.getByRole('list')).toContainText('city-keep');
  await expect(inspector.getByRole('button', { name: 'city-keep · 6' })).toBeVisible();
  await shot(page, '5-decree');

  // Disaster: portal 1b collapses; the chronicle says so (and announces it politely).
  const disasters = await buildSection(page, 'disasters', 'Disasters');
  await disasters.getByLabel('Portal', { exact: true }).selectOption(Z('b'));
  await expect(disasters.locator('.cli-preview').first()).toContainText('sim:FailAvailabilityZone');
  await disasters.getByRole('button', { name: 'Collapse the portal' }).click();
  await expect(disasters.getByRole('status').first()).toContainText('Portal 1b collapsed');
  await expect(chronicle.getByRole('list')).toContainText('Portal 1b collapsed!');
  await expect(chronicle.locator('[aria-live="polite"]')).toContainText('Portal 1b collapsed!');
  await expect(chronicle.locator('.tone-bad').first()).toBeVisible();
  await expect(disasters.getByRole('button', { name: 'Restore the portal' })).toBeVisible();
  await advanceUntil(
    page,
    `(sim) => sim.tasks.values().every((t) => t.availabilityZone !== 'za-southwest-1b' || t.lastStatus === 'STOPPED')`,
  );
  await shot(page, '6-disaster');

  // Select a development from the inspector's list: its facts, real JSON, CLI and why card.
  const first = inspector.getByRole('button', { name: /^city·.* · RUNNING$/ }).first();
  const development = inspector.getByRole('button', { name: (await first.textContent()) ?? '', exact: true });
  await development.click();
  await expect(development).toHaveAttribute('aria-pressed', 'true');
  const selectedArn = await page.evaluate(() => {
    const sel = window.__nozama?.store.getState().ui.selection;
    return sel?.kind === 'task' ? sel.id : '';
  });
  expect(selectedArn).toContain(':task/Royaume/');
  await expect(inspector.locator('.selected-title')).toContainText('Development city·');
  await expect(inspector.locator('.selected-names')).toContainText(
    `AWS: task ${selectedArn.split('/').at(-1)}`,
  );
  await expect(inspector.getByText('Its real JSON')).toBeVisible();
  const json = inspector.locator('.code-figure').first().locator('pre');
  await expect(json).toContainText(`"taskArn": "${selectedArn}"`);
  await expect(json).toContainText('"lastStatus": "RUNNING"');
  await expect(inspector.locator('.code-figure').nth(1)).toContainText('aws ecs run-task');
  await expect(inspector.locator('.code-figure').nth(2)).toContainText('aws ecs describe-tasks');
  const why = inspector.locator('.why-card:not(.buildings-card)');
  await expect(why).toContainText('Why here? The steward’s reasons');
  await expect(why).toContainText('The steward chose territory');
  await shot(page, '7-inspector');
  await inspector.getByRole('button', { name: 'Copy the JSON' }).click();
  await expect(inspector.locator('.copy-status')).not.toBeEmpty();

  // Rosetta: AWS names everywhere.
  await page.getByRole('radio', { name: 'AWS' }).check();
  expect(await page.evaluate(() => window.__nozama?.store.getState().ui.names)).toBe('aws');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('cluster Royaume');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('AWS');
  await expect(inspector.locator('.selected-title')).toHaveText(`Task ${selectedArn.split('/').at(-1)}`);
  await expect(why).toContainText('placed on instance');
  await expect(chronicle.getByRole('list')).toContainText('Availability Zone za-southwest-1b is impaired');
  await expect(page.locator('details[data-section="territory"] summary')).toContainText(
    'Launch a container instance',
  );
  await expect(disasters.getByRole('button', { name: 'Restore the zone' })).toBeVisible();
  await expect(inspector.getByRole('heading', { name: 'Services' })).toBeVisible();
  await shot(page, '8-aws-names');

  await page.getByRole('radio', { name: 'both' }).check();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(
    'kingdom Royaume (cluster)',
  );
  await expect(inspector.locator('.selected-title')).toContainText('(task ');
  await shot(page, '9-both-names');

  // No serious or critical accessibility violations with the plan form open (11 rows, an error).
  await buildSection(page, 'plan', 'Draft a plan');
  expect(await axeSerious(page, { exclude: '#world-canvas' })).toEqual([]);

  // On a projector (1920 x 1080), Nozama's words, the decree form open.
  await page.getByRole('radio', { name: 'Nozama' }).check();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await buildSection(page, 'decree', 'Proclaim a decree');
  await decree.locator('summary').scrollIntoViewIfNeeded();
  await shot(page, '12-projector');
  expect(problems).toEqual([]);
});

test('on a narrow screen the panels are drawers, opened by buttons and closed with Escape', async ({
  page,
}) => {
  await page.setViewportSize({ width: 760, height: 900 });
  await openGame(page);
  const build = page.getByRole('button', { name: 'Build', exact: true });
  const inspectorButton = page.getByRole('button', { name: 'Inspector', exact: true });
  await expect(build).toBeVisible();
  await expect(build).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('complementary', { name: 'Build' })).toBeHidden();
  const box = await page.locator('#world-canvas').boundingBox();
  expect(box?.width).toBeGreaterThan(700);

  await build.click();
  await expect(build).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('complementary', { name: 'Build' });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Found the kingdom Royaume' }).click();
  await expect(panel.getByRole('status')).toContainText('The kingdom Royaume is founded.');
  await shot(page, '10-narrow-build');
  expect(await axeSerious(page, { exclude: '#world-canvas' })).toEqual([]);
  await panel.getByLabel('Portal', { exact: true }).first().focus();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(build).toBeFocused();

  await inspectorButton.click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toBeVisible();
  await inspector.getByRole('button', { name: 'kingdom Royaume' }).click();
  await expect(inspector.locator('.selected-title')).toHaveText('Kingdom Royaume');
  await expect(inspector.locator('.code-figure').nth(1)).toContainText('aws ecs create-cluster');
  await expect(inspector.locator('.code-figure').nth(1)).toContainText('--cluster-name Royaume');
  await shot(page, '11-narrow-inspector');
  await inspectorButton.click();
  await expect(inspector).toBeHidden();
});

test('the panels work from the keyboard: a Build form is reached, filled and submitted without a mouse', async ({
  page,
}) => {
  await openGame(page);
  const found = page.getByRole('button', { name: 'Found the kingdom Royaume' });
  for (let i = 0; i < 30 && !(await found.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(found).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Royaume');
  // Enter in the count field submits the territory form.
  const count = page.locator('details[data-section="territory"]').getByLabel('How many');
  await count.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(page.locator('details[data-section="territory"]').getByRole('status')).toContainText(
    'Territories 1a-1, 1a-2 surveyed.',
  );
  // Undo from the chronicle strip takes the last call back.
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await page.evaluate(() => window.__nozama?.store.getState().sim.instances.size ?? 0)).toBe(0);
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();
});

test('rules of settlement in order, a memberOf rule from the builder, managed lands, and an amended decree', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  await openGame(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  // The world for this test is built with calls (the first test plays these forms).
  await ok(page, { action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } });
  const imageId = (
    (await ok(page, { action: 'ssm:GetParameter', input: { Name: ECS_AMI_PARAMETER } })).Parameter as {
      Value: string;
    }
  ).Value;
  for (const letter of ['a', 'b', 'c']) {
    await ok(page, {
      action: 'ec2:RunInstances',
      input: {
        ImageId: imageId,
        InstanceType: 'm5.large',
        Placement: { AvailabilityZone: Z(letter) },
        UserData: userData('Royaume'),
        MinCount: 1,
        MaxCount: 1,
      },
    });
  }
  await ok(page, {
    action: 'ecs:RegisterTaskDefinition',
    input: {
      family: 'mill',
      containerDefinitions: [
        { name: 'wheel', image: 'mill/wheel:1', cpu: 256, memory: 512, essential: true },
      ],
    },
  });
  await ok(page, {
    action: 'ecs:RegisterTaskDefinition',
    input: {
      family: 'market',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'stall', image: 'market/stall:1', essential: true }],
    },
  });
  await advanceUntil(
    page,
    `(sim) => sim.containerInstances.values().filter((ci) => ci.status === 'ACTIVE').length === 3`,
  );

  // Strategies: an ordered list that can be reordered and trimmed.
  const develop = await buildSection(page, 'develop', 'Raise developments');
  await develop.getByLabel('Plan edition').selectOption('mill:1');
  await develop.getByLabel('How many').fill('2');
  await develop.getByRole('button', { name: 'Add a preference' }).click();
  await develop.getByRole('button', { name: 'Add a preference' }).click();
  await develop.getByLabel('Strategy 2 kind').selectOption('binpack');
  await develop.getByLabel('Strategy 2 field').selectOption('memory');
  const preview = develop.locator('.cli-preview');
  await expect(preview).toContainText(
    '--placement-strategy type=spread,field=attribute:ecs.availability-zone type=binpack,field=memory',
  );
  await develop.getByRole('button', { name: 'Move strategy 2 up' }).click();
  await expect(develop.getByLabel('Strategy 1 kind')).toHaveValue('binpack');
  await expect(preview).toContainText(
    '--placement-strategy type=binpack,field=memory type=spread,field=attribute:ecs.availability-zone',
  );
  await develop.getByRole('button', { name: 'Remove strategy 2' }).click();
  await expect(develop.locator('.strategy-row')).toHaveCount(1);

  // memberOf: the builder writes a clause into the free-text expression.
  await develop.getByLabel('attribute', { exact: true }).selectOption('attribute:ecs.availability-zone');
  await develop.getByLabel('operator').selectOption('!=');
  await develop.getByLabel('value', { exact: true }).fill(Z('b'));
  await develop.getByRole('button', { name: 'Write the rule into the expression' }).click();
  const expression = develop.getByLabel('memberOf expression (the steward’s rule)');
  await expect(expression).toHaveValue('attribute:ecs.availability-zone != za-southwest-1b');
  await develop.getByLabel('operator').selectOption('in');
  await develop.getByLabel('attribute', { exact: true }).selectOption('attribute:ecs.instance-type');
  await develop.getByLabel('value', { exact: true }).fill('m5.large, t3.medium');
  await develop.getByRole('button', { name: 'Write the rule into the expression' }).click();
  await expect(expression).toHaveValue(
    'attribute:ecs.availability-zone != za-southwest-1b and attribute:ecs.instance-type in [m5.large, t3.medium]',
  );
  await develop.getByLabel('One development per territory').check();
  await expect(preview).toContainText('{"type":"distinctInstance"}');
  await expect(preview).toContainText('memberOf');
  await develop.getByRole('button', { name: 'Raise the developments' }).click();
  await expect(develop.getByRole('status')).toContainText('2 developments of mill, edition 1 rising.');
  const zones = await page.evaluate(() =>
    (window.__nozama?.store.getState().sim.tasks.values() ?? []).map((t) => t.availabilityZone).sort(),
  );
  expect(zones).toEqual([Z('a'), Z('c')]);
  await develop.locator('.strategy-list').scrollIntoViewIfNeeded();
  await shot(page, '13-strategies');

  // A bad expression: AWS's words, and the form keeps it.
  await expression.fill('attribute:ecs.availability-zone ==');
  await develop.getByRole('button', { name: 'Raise the developments' }).click();
  await expect(develop.getByRole('status')).toContainText(
    'InvalidParameterException: Invalid placement constraint expression',
  );
  await expect(develop.getByRole('status')).toContainText('In Nozama: The steward could not read the rule');
  await expect(expression).toHaveValue('attribute:ecs.availability-zone ==');

  // Managed lands: no steward, subnets instead.
  await develop.getByLabel('Plan edition').selectOption('market:1');
  await develop.getByRole('radio', { name: 'managed lands' }).check();
  await expect(develop.locator('.placement-fields')).toBeHidden();
  await expect(develop.getByRole('group', { name: 'Portals for the managed lands' })).toBeVisible();
  await develop.getByRole('checkbox', { name: /portal 1b/ }).uncheck();
  await expect(preview).toContainText('--launch-type FARGATE');
  await expect(preview).toContainText('--network-configuration');
  await develop.getByRole('button', { name: 'Raise the developments' }).click();
  await expect(develop.getByRole('status')).toContainText('2 developments of market, edition 1 rising.');

  // A decree, then amended: UpdateService with the form prefilled from the standing decree.
  const decree = await buildSection(page, 'decree', 'Proclaim a decree');
  await decree.getByLabel('Name of the decree').fill('mills');
  await decree.getByLabel('Plan edition').selectOption('mill:1');
  await decree.getByLabel('Developments to keep standing').fill('2');
  await decree.getByRole('button', { name: 'Proclaim the decree' }).click();
  await expect(decree.getByRole('status')).toContainText('Decree mills proclaimed');
  await decree.getByLabel('Decree', { exact: true }).selectOption({ label: 'amend mills' });
  await expect(decree.getByLabel('Developments to keep standing')).toHaveValue('2');
  await expect(decree.getByLabel('Name of the decree')).toBeHidden();
  await decree.getByLabel('Developments to keep standing').fill('4');
  await decree.getByLabel('Keep at least (%)').fill('50');
  await expect(decree.locator('.cli-preview')).toContainText('aws ecs update-service');
  await expect(decree.locator('.cli-preview')).toContainText('--desired-count 4');
  await decree.getByRole('button', { name: 'Amend the decree' }).click();
  await expect(decree.getByRole('status')).toContainText('Decree mills amended: keep 4');
  const svc = await page.evaluate(() => {
    const s = (window.__nozama?.store.getState().sim.services.values() ?? [])[0];
    return s && { desired: s.desiredCount, min: s.deploymentConfiguration.minimumHealthyPercent };
  });
  expect(svc).toEqual({ desired: 4, min: 50 });
  await shot(page, '14-amend');
  expect(problems).toEqual([]);
});
