/**
 * The console (issue 15): a drawer opened from the top bar or with the backquote key, where the
 * player types real AWS CLI lines. The console and JMESPath load only on first open; lines build a
 * small kingdom; --query and --output table are looked at in screenshots (1280x800 and a phone);
 * completion and history work by keyboard; axe finds nothing serious; a form's CLI line opens in the
 * console; and level 3 is played from the console alone to its debrief.
 */
import { expect, type Page, test } from '@playwright/test';
import { levelById } from '../../src/levels/index.ts';
import {
  axeSerious,
  buildSection,
  ECS_AMI_PARAMETER,
  openLevel,
  SCREENSHOTS,
  stepUntil,
  waitBridge,
  watchPage,
} from './helpers.ts';

const consoleInput = (page: Page) => page.getByRole('textbox', { name: /aws command/ });
const entries = (page: Page) => page.locator('[data-role="console-log"] .console-entry');

/** Types a line (or several) and runs it with Enter; waits for as many new answers as commands. */
async function run(page: Page, text: string, commands = 1): Promise<void> {
  const before = await entries(page).count();
  await consoleInput(page).fill(text);
  await consoleInput(page).press('Enter');
  await expect(entries(page)).toHaveCount(before + commands);
}

const last = (page: Page) => entries(page).last();

const loadedConsole = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').some((e) => /console-panel/.test(e.name)));

test('the console builds a kingdom from typed lines, with --query, tables, completion and history', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  await page.goto('/?sandbox=1');
  await waitBridge(page);
  expect(await loadedConsole(page), 'the console is not part of the first load').toBe(false);

  const toggle = page.getByRole('button', { name: /Console/ });
  await toggle.click();
  await expect(consoleInput(page)).toBeFocused();
  expect(await loadedConsole(page)).toBe(true);
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  await run(page, 'aws ecs create-cluster --cluster-name royaume --query cluster.clusterName --output text');
  await expect(last(page).locator('.console-stdout')).toHaveText('royaume');
  await run(page, `aws ssm get-parameter --name ${ECS_AMI_PARAMETER} --query Parameter.Value --output text`);
  const ami = (await last(page).locator('.console-stdout').textContent())?.trim() ?? '';
  expect(ami).toMatch(/^ami-/);
  // A multi-line paste: two commands, one with a quoted script over several lines.
  await run(
    page,
    `aws ec2 run-instances --image-id ${ami} --instance-type t3.medium --count 2 --placement AvailabilityZone=za-southwest-1a --user-data '#!/bin/bash\necho ECS_CLUSTER=royaume >> /etc/ecs/ecs.config' --query 'Instances[].InstanceId' --output text\naws ecs register-task-definition --family web --container-definitions '[{"name":"web","image":"nginx","cpu":256,"memory":256,"portMappings":[{"containerPort":80}]}]' --query taskDefinition.revision`,
    2,
  );
  await expect(last(page).locator('.console-stdout')).toHaveText('1');
  await run(
    page,
    'aws ecs create-service --cluster royaume --service-name web --task-definition web:1 --desired-count 2 \\\n  --placement-constraints type=distinctInstance',
  );
  await expect(last(page)).toHaveAttribute('data-code', '0');
  await expect(last(page).locator('.console-stdout')).toContainText('"serviceName": "web"');
  await expect
    .poll(() => page.evaluate(() => (window.__nozama?.store.getState().sim.services.values() ?? []).length))
    .toBe(1);

  // A service error, in the CLI's words and exit code.
  await run(page, 'aws ecs delete-cluster --cluster nowhere');
  await expect(last(page).locator('.console-stderr')).toHaveText(
    /^An error occurred \(ClusterNotFoundException\) when calling the DeleteCluster operation: /,
  );
  await expect(last(page).locator('.console-exit')).toHaveText('exit code 254');

  // Completion by keyboard: a command, an option, the name of a cluster that exists.
  await consoleInput(page).fill('');
  await consoleInput(page).pressSequentially('aws ecs describe-clu');
  await consoleInput(page).press('Tab');
  await expect(consoleInput(page)).toHaveValue('aws ecs describe-clusters ');
  await consoleInput(page).pressSequentially('--clu');
  await consoleInput(page).press('Tab');
  await expect(consoleInput(page)).toHaveValue('aws ecs describe-clusters --clusters ');
  await consoleInput(page).press('Tab');
  await expect(consoleInput(page)).toHaveValue('aws ecs describe-clusters --clusters royaume ');
  await consoleInput(page).pressSequentially('--output table');
  const before = await entries(page).count();
  await consoleInput(page).press('Enter');
  await expect(entries(page)).toHaveCount(before + 1);
  await expect(last(page).locator('.console-stdout')).toContainText('DescribeClusters');
  await run(
    page,
    "aws ecs describe-services --cluster royaume --services web --query 'services[].{Name:serviceName,Desired:desiredCount,Status:status,Launch:launchType}' --output table",
  );
  await expect(last(page).locator('.console-stdout')).toHaveText(
    /\|\s+2\s+\|\s+EC2\s+\|\s+web\s+\|\s+ACTIVE\s+\|/,
  );
  await run(
    page,
    "aws ecs describe-services --cluster royaume --services web --query 'services[0].deployments[0].{status:status,rollout:rolloutState}'",
  );
  await page.screenshot({ path: `${SCREENSHOTS}/console-table-1280.png` });

  // History: Up brings back the last line, then the one before; Down goes forward again.
  await consoleInput(page).fill('');
  await consoleInput(page).press('ArrowUp');
  await expect(consoleInput(page)).toHaveValue(/deployments\[0\]/);
  await consoleInput(page).press('ArrowUp');
  await expect(consoleInput(page)).toHaveValue(/--output table$/);
  await consoleInput(page).press('ArrowDown');
  await expect(consoleInput(page)).toHaveValue(/deployments\[0\]/);

  expect(await axeSerious(page, { include: '[data-role="console-panel"]' })).toEqual([]);

  // Escape closes it and gives the focus back to the button; the backquote opens it again.
  await consoleInput(page).press('Escape');
  await expect(page.locator('[data-role="console-panel"]')).toBeHidden();
  await expect(toggle).toBeFocused();
  await page.keyboard.press('`');
  await expect(consoleInput(page)).toBeFocused();

  // A form's line opens in the console, filled in.
  await consoleInput(page).press('Escape');
  const plan = await buildSection(page, 'plan');
  await plan.getByRole('button', { name: 'Open in console' }).click();
  await expect(consoleInput(page)).toHaveValue(/^aws ecs register-task-definition/);
  await page.screenshot({ path: `${SCREENSHOTS}/console-open-from-form-1280.png` });

  // The calls so far as a script, labelled as this world's.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my calls (.sh)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('nozama-calls.sh');
  const script = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(script as Buffer[]).toString('utf8');
  expect(text).toContain('NOT READY TO RUN AS IT IS');
  expect(text).toContain('aws ecs create-service \\\n  --cluster royaume \\\n  --service-name web');

  await page.setViewportSize({ width: 390, height: 844 });
  await run(page, 'aws ecs list-services --cluster royaume --output table');
  await expect(last(page).locator('.console-stdout')).toContainText('ListServices');
  await page.screenshot({ path: `${SCREENSHOTS}/console-table-390.png` });
  expect(await axeSerious(page, { include: '[data-role="console-panel"]' })).toEqual([]);
  expect(problems).toEqual([]);
});

test('level 03 first-plan played from the console alone, to its debrief', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL as string);
  const l = levelById('first-plan');
  if (!l) throw new Error('no level first-plan');
  expect(l.number).toBe(3);
  await openLevel(page, l.id, l.title);
  await page.keyboard.press('`');
  await expect(consoleInput(page)).toBeFocused();
  await run(
    page,
    `aws ecs register-task-definition --family blog --container-definitions '[
  {"name":"web","image":"nginx:1.27","cpu":256,"memory":256,"essential":true,"portMappings":[{"containerPort":80,"hostPort":0,"protocol":"tcp"}]},
  {"name":"app","image":"ghost:5","cpu":512,"memory":1024,"essential":true},
  {"name":"cache","image":"redis:7","cpu":256,"memory":512,"essential":false}
]' --query 'taskDefinition.[family,revision,status]' --output text`,
  );
  await expect(last(page).locator('.console-stdout')).toHaveText('blog\t1\tACTIVE');
  await stepUntil(page, '(sim, level) => level.done', 60);
  const panel = page.locator('[data-role="level-panel"]');
  await expect(panel.locator('.goal[data-done="true"]')).toHaveCount(l.goals.length);
  const debrief = page.getByRole('dialog', { name: `Level complete: ${l.title}` });
  await expect(debrief).toBeVisible();
  await expect(debrief.getByRole('img', { name: /of 3 stars/ })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/console-level-03-done.png` });
  expect(await page.evaluate(() => window.__nozama?.store.getState().level?.assisted)).toBe(false);
  expect(problems).toEqual([]);
});

test('level 07 decree-of-six played from the console alone, to its debrief', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL as string);
  const l = levelById('decree-of-six');
  if (!l) throw new Error('no level decree-of-six');
  expect(l.number).toBe(7);
  await openLevel(page, l.id, l.title);
  await page.getByRole('button', { name: /Console/ }).click();
  await run(
    page,
    `aws ecs create-service --cluster Royaume --service-name mill --task-definition mill --desired-count 6 \\
  --placement-strategy type=spread,field=attribute:ecs.availability-zone type=spread,field=instanceId \\
  --placement-constraints type=distinctInstance --query service.status --output text`,
  );
  await expect(last(page).locator('.console-stdout')).toHaveText('ACTIVE');
  await stepUntil(page, '(sim, level) => level.done', 180);
  await expect(page.locator('[data-role="level-panel"] .goal[data-done="true"]')).toHaveCount(l.goals.length);
  const debrief = page.getByRole('dialog', { name: `Level complete: ${l.title}` });
  await expect(debrief).toBeVisible();
  await expect(debrief.getByRole('img', { name: /of 3 stars/ })).toBeVisible();
  expect(await page.evaluate(() => window.__nozama?.store.getState().level?.assisted)).toBe(false);
  expect(problems).toEqual([]);
});

test('level 12 rolling-renovation played from the console alone, to its debrief; what it does not offer is refused', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  const l = levelById('rolling-renovation');
  if (!l) throw new Error('no level rolling-renovation');
  expect(l.number).toBe(12);
  await openLevel(page, l.id, l.title);
  await page.keyboard.press('`');
  await expect(consoleInput(page)).toBeFocused();

  // The level offers plans, decrees and renovations: raising a development by hand is not one of them.
  const tasks = () => page.evaluate(() => window.__nozama?.store.getState().sim.tasks.size ?? -1);
  const before = await tasks();
  await run(page, 'aws ecs run-task --cluster Royaume --task-definition mill:1');
  await expect(last(page).locator('.console-stderr')).toHaveText(
    /^aws ecs run-task is not offered in this level: it is an order of “Raise developments”, and this level offers “Draft a plan”, “Proclaim a decree”, “Renovate a decree”\./,
  );
  await expect(last(page).locator('.console-exit')).toHaveText('exit code 252');
  expect(await tasks()).toBe(before);

  await run(
    page,
    `aws ecs register-task-definition --family mill --container-definitions '[{"name":"web","image":"nginx:1.28","cpu":256,"memory":512,"essential":true,"portMappings":[{"containerPort":80,"hostPort":0,"protocol":"tcp"}]}]' --query taskDefinition.revision`,
  );
  await expect(last(page).locator('.console-stdout')).toHaveText('2');
  await run(
    page,
    'aws ecs update-service --cluster Royaume --service mill --task-definition mill:2 --query "service.deployments[].[taskDefinition,rolloutState]" --output table',
  );
  await expect(last(page).locator('.console-stdout')).toContainText('IN_PROGRESS');
  await stepUntil(page, '(sim, level) => level.done', 240);
  await expect(page.locator('[data-role="level-panel"] .goal[data-done="true"]')).toHaveCount(l.goals.length);
  const debrief = page.getByRole('dialog', { name: `Level complete: ${l.title}` });
  await expect(debrief).toBeVisible();
  await expect(debrief.getByRole('img', { name: /of 3 stars/ })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/console-level-12-done.png` });
  const level = await page.evaluate(() => window.__nozama?.store.getState().level);
  expect(level?.assisted).toBe(false);
  expect(level?.stars).not.toBeNull();
  expect(problems).toEqual([]);
});
