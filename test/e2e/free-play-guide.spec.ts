/**
 * Free play that guides: from an empty free play, the blueprints lay down a gate with a decree behind
 * it, travelers, a cursed second edition and a watchtower (each call listed before it runs, each in
 * the call log), the "what a canary needs" checklist ticks from the world and opens the renovation
 * form, and the canary it starts is rolled back by its watchtower. Screenshots at 1280x800 and
 * 1920x1080 (test-results/screenshots/guide-*.png).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { advanceUntil, frames, openGame, SCREENSHOTS, test } from './helpers.ts';

async function shot(page: Page, name: string): Promise<void> {
  await frames(page, 2);
  await page.screenshot({ path: `${SCREENSHOTS}/guide-${name}.png` });
}

const done = (checklist: Locator) => checklist.locator('li[data-done="true"]');

async function lay(blueprints: Locator, id: string, calls: RegExp): Promise<void> {
  await blueprints.getByLabel('Blueprint').selectOption(id);
  const button = blueprints.getByRole('button', { name: 'Lay it down' });
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await expect(blueprints.locator('.guide-status')).toHaveText(calls);
  await expect(blueprints.locator('.call-list .outcome-error')).toHaveCount(0);
}

test('from an empty free play, blueprints and the checklist lead to a canary rolled back by its watchtower', async ({
  page,
  problems,
}) => {
  test.setTimeout(120_000);
  await openGame(page, '?sandbox=1');
  await page.evaluate(() => window.__nozama?.store.getState().setPaused(true));
  const guide = page.locator('.free-play-guide');
  const checklist = guide.locator('[data-role="canary-checklist"]');
  const blueprints = guide.locator('[data-role="blueprints"]');
  await expect(checklist.locator('li')).toHaveCount(7);
  await expect(done(checklist)).toHaveCount(0);

  // The gate blueprint's calls are listed before anything runs.
  const list = blueprints.locator('.call-list');
  for (const text of [
    'aws ecs create-cluster',
    '--cluster-name Royaume',
    'aws ec2 run-instances',
    'aws elbv2 create-load-balancer',
    'aws elbv2 create-listener',
    'aws ecs create-service',
    '--service-name mill',
  ])
    await expect(list).toContainText(text);
  await expect(list.locator('li')).toHaveCount(11);
  const logged = () => page.evaluate(() => window.__nozama?.store.getState().log.length ?? 0);
  const before = await logged();
  await shot(page, '1-empty-1280');
  await lay(blueprints, 'gate', /11 orders given\.$/);
  expect(await logged()).toBe(before + 11);
  await expect(done(checklist)).toHaveCount(2);
  await advanceUntil(
    page,
    `(sim) => sim.services.values().some((s) => s.serviceName === 'mill' && s.deployments.length === 1 && s.deployments[0].rolloutState === 'COMPLETED')`,
    null,
    300,
  );

  await lay(blueprints, 'travelers', /1 order given\.$/);
  await lay(blueprints, 'cursedEdition', /2 orders given\.$/);
  // A name the player changes is the name the call uses.
  await blueprints.getByLabel('Blueprint').selectOption('watchtower');
  await blueprints.getByLabel('Watchtower').fill('mill-errors');
  await expect(list).toContainText('--alarm-name mill-errors');
  await lay(blueprints, 'watchtower', /1 order given\.$/);
  await expect(done(checklist)).toHaveCount(6);
  await expect(checklist.locator('li[data-need="renovation"]')).toHaveAttribute('data-done', 'false');
  await checklist.scrollIntoViewIfNeeded();
  await shot(page, '2-ready-1280');

  // The checklist opens the form that does the last step.
  await checklist.locator('li[data-need="renovation"] button').click();
  const reno = page.locator('details[data-section="renovation"]');
  await expect(reno).toHaveAttribute('open', '');
  await expect(reno.getByLabel('New plan edition')).toHaveValue('mill:2');
  await reno.getByLabel('Kind of renovation').selectOption('canary');
  await reno.getByLabel('Canary watch (min)').fill('2');
  await reno.getByRole('checkbox', { name: 'mill-errors' }).check();
  await reno.getByRole('button', { name: 'Renovate' }).click();
  await expect(reno.locator('.call-list-figure .outcome-ok')).toBeVisible();
  await expect(checklist.locator('li[data-need="renovation"]')).toHaveAttribute('data-done', 'true');

  await advanceUntil(
    page,
    `(sim) => sim.services.values().some((s) => s.serviceName === 'mill' && s.serviceDeployments?.[0]?.status === 'ROLLBACK_SUCCESSFUL')`,
    null,
    900,
  );
  await expect(checklist.locator('.guide-outcome')).toHaveText(
    'The watchtower sounded the horn: the canary was rolled back.',
  );
  await checklist.scrollIntoViewIfNeeded();
  await shot(page, '3-rolled-back-1280');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await checklist.scrollIntoViewIfNeeded();
  await shot(page, '4-rolled-back-1920');
  expect(problems).toEqual([]);
});

test('the decree form puts a standing decree behind the gate (UpdateService loadBalancers)', async ({
  page,
  problems,
}) => {
  await openGame(page, '?sandbox=1');
  const blueprints = page.locator('[data-role="blueprints"]');
  // A decree without a gate first: the gate blueprint with another decree name builds the gate only.
  await page.evaluate(() => {
    const s = window.__nozama?.store.getState();
    if (!s) throw new Error('no bridge');
    s.dispatch({ action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } });
    s.dispatch({
      action: 'ecs:RegisterTaskDefinition',
      input: {
        family: 'inn',
        containerDefinitions: [
          {
            name: 'web',
            image: 'nginx:1.27',
            cpu: 256,
            memory: 512,
            portMappings: [{ containerPort: 80, hostPort: 0 }],
          },
        ],
      },
    });
    s.dispatch({
      action: 'ecs:CreateService',
      input: { cluster: 'Royaume', serviceName: 'inn', taskDefinition: 'inn:1', desiredCount: 1 },
    });
  });
  await lay(blueprints, 'gate', /orders given/);
  const decree = page.locator('details[data-section="decree"]');
  await decree.locator(':scope > summary').click();
  await decree.getByLabel('Decree', { exact: true }).selectOption({ label: 'amend inn' });
  const road = decree.getByLabel('Road to the gate');
  await expect(road).toHaveValue('keep');
  await expect(decree.locator('.gate-fields legend')).toHaveText('Put this decree behind the gate');
  await road.selectOption({ label: 'road mill-blue' });
  const preview = decree.locator('.cli-preview pre');
  await expect(preview).toContainText('aws ecs update-service');
  await expect(preview).toContainText('--service inn');
  await expect(preview).toContainText('--load-balancers targetGroupArn=arn:aws:elasticloadbalancing:');
  await expect(preview).toContainText('containerName=web,containerPort=80');
  await decree.locator('.gate-fields').scrollIntoViewIfNeeded();
  await shot(page, '5-decree-behind-gate');
  await decree.getByRole('button', { name: 'Amend the decree' }).click();
  await expect(decree.locator('.call-result')).toContainText(
    'Decree inn now stands behind the gate, on road mill-blue.',
  );
  const lbs = await page.evaluate(
    () =>
      window.__nozama?.store
        .getState()
        .sim.services.values()
        .find((s) => s.serviceName === 'inn')?.loadBalancers.length,
  );
  expect(lbs).toBe(1);
  expect(problems).toEqual([]);
});
