/**
 * Real AWS JSON in and out (issue 15), in the browser: a describe-task-definition file uploaded in the
 * console's "Bring JSON" (read in the page, its read-only members named, its CLI line shown before the
 * call) registers the plan; the Inspector exports it back and the export brought in again describes
 * the same; a bad paste shows the CLI's words and sends nothing, and one the model refuses shows AWS's
 * message and changes nothing; the whole world exported from the console loads back.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { levelById } from '../../src/levels/index.ts';
import { axeSerious, openLevel, SCREENSHOTS, waitBridge, watchPage } from './helpers.ts';

const FIXTURES = 'test/fixtures/aws-json';
const entries = (page: Page) => page.locator('[data-role="console-log"] .console-entry');
const last = (page: Page) => entries(page).last();
const bringText = (page: Page) => page.getByRole('textbox', { name: 'AWS JSON' });
const plan = (page: Page) => page.locator('[data-role="bring-plan"]');
const runButton = (page: Page) => page.locator('[data-role="bring-run"]');

/** Opens the console (if closed) and its Bring JSON section (if closed). */
async function openBring(page: Page): Promise<void> {
  const consoleButton = page.getByRole('button', { name: /Console/ });
  if ((await consoleButton.getAttribute('aria-expanded')) !== 'true') await consoleButton.click();
  const toggle = page.getByRole('button', { name: 'Bring JSON' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(bringText(page)).toBeVisible();
}

const state = (page: Page) =>
  page.evaluate(() => {
    const s = window.__nozama?.store.getState();
    if (!s) throw new Error('no test bridge');
    return {
      plans: Object.values(s.sim.taskDefinitions).map((t) => `${t.family}:${t.revision}`),
      log: s.log.length,
    };
  });

async function openRenovationLevel(page: Page): Promise<void> {
  const l = levelById('rolling-renovation');
  if (!l) throw new Error('no level rolling-renovation');
  await openLevel(page, l.id, l.title);
}

test('a describe-task-definition file brought in registers the plan; exported from the Inspector, it comes back the same', async ({
  page,
  baseURL,
}) => {
  // In, out through the Inspector's download, and in again: three worlds' worth of steps.
  test.setTimeout(120_000);
  const problems = watchPage(page, baseURL as string);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openRenovationLevel(page);
  await openBring(page);
  await page
    .getByLabel('Or upload a .json file')
    .setInputFiles(`${FIXTURES}/describe-task-definition-mill.json`);
  await expect(plan(page)).toContainText('Read as describe-task-definition: it makes this call.');
  await expect(plan(page)).toContainText(
    'Left out (AWS sets them, the request does not take them): taskDefinition.taskDefinitionArn, taskDefinition.revision, taskDefinition.status, taskDefinition.requiresAttributes, taskDefinition.compatibilities, taskDefinition.registeredAt, taskDefinition.registeredBy, tags (empty).',
  );
  await expect(plan(page).locator('.bring-cli')).toHaveText(/^aws ecs register-task-definition \\\n/);
  // Shown before anything is sent.
  expect((await state(page)).plans).toEqual(['mill:1']);
  await page.screenshot({ path: `${SCREENSHOTS}/console-bring-json-1280.png` });
  expect(await axeSerious(page, { include: '[data-role="console-panel"]' })).toEqual([]);

  await runButton(page).click();
  await expect(last(page)).toHaveAttribute('data-code', '0');
  await expect(last(page).locator('.console-command')).toHaveText(/^\$ aws ecs register-task-definition/);
  await expect(last(page).locator('.console-stdout')).toContainText('"revision": 2');
  await expect.poll(async () => (await state(page)).plans).toEqual(['mill:1', 'mill:2']);

  // Out: the Inspector's JSON for mill:2, downloaded as the register-task-definition input.
  await page.getByRole('button', { name: 'Close the console' }).click();
  const inspector = page.locator('#inspector-panel');
  await inspector.getByRole('button', { name: 'mill, edition 2' }).click();
  const block = inspector.locator('[data-role="export-block"]');
  await expect(block.locator('pre')).toContainText('"image": "nginx:1.28"');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    block.getByRole('button', { name: 'Download the JSON to recreate it' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('mill-2.json');
  const exported = Buffer.concat((await (await download.createReadStream()).toArray()) as Buffer[]).toString(
    'utf8',
  );
  expect(JSON.parse(exported)).toMatchObject({ family: 'mill', networkMode: 'bridge' });
  await block.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/inspector-export-json-1280.png` });

  // And back in: the export brought in makes mill:3, described as mill:2 is.
  await openBring(page);
  await bringText(page).fill(exported);
  await expect(plan(page)).toContainText('Read as register-task-definition');
  await runButton(page).click();
  await expect(last(page)).toHaveAttribute('data-code', '0');
  const described = await page.evaluate(() => {
    const s = window.__nozama?.store.getState();
    const d = (ref: string) => {
      const r = s?.query({ action: 'ecs:DescribeTaskDefinition', input: { taskDefinition: ref } });
      const td = { ...((r && 'output' in r ? r.output.taskDefinition : {}) as Record<string, unknown>) };
      for (const k of ['taskDefinitionArn', 'revision', 'registeredAt']) delete td[k];
      return td;
    };
    return { two: d('mill:2'), three: d('mill:3') };
  });
  expect(described.three).toEqual(described.two);
  expect(problems).toEqual([]);
});

test("a bad paste shows the CLI's words and sends nothing; one AWS refuses shows AWS's message and changes nothing", async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  await openRenovationLevel(page);
  await openBring(page);
  const before = await state(page);

  await bringText(page).fill(
    '{"family": "mill", "storeys": 3, "containerDefinitions": [{"name": "web", "image": "nginx:1.28", "memory": 256}]}',
  );
  await expect(plan(page)).toContainText('The CLI would refuse it, and so nothing is sent:');
  await expect(plan(page).locator('.console-stderr')).toHaveText(
    /^Parameter validation failed:\nUnknown parameter in input: "storeys", must be one of: family, taskRoleArn, /,
  );
  await expect(runButton(page)).toBeHidden();
  await bringText(page).fill('{"family": "mill", "containerDefinitions": [');
  await expect(plan(page).locator('.console-stderr')).toHaveText(
    "Error parsing parameter 'cli-input-json': Invalid JSON received.",
  );
  await page.screenshot({ path: `${SCREENSHOTS}/console-bring-refused-1280.png` });

  await bringText(page).fill(readFileSync(`${FIXTURES}/register-too-many-buildings.json`, 'utf8'));
  await expect(plan(page)).toContainText('Read as register-task-definition');
  await runButton(page).click();
  await expect(last(page).locator('.console-stderr')).toHaveText(
    'An error occurred (ClientException) when calling the RegisterTaskDefinition operation: Too many containers.',
  );
  await expect(last(page).locator('.console-exit')).toHaveText('exit code 254');
  expect(await state(page)).toEqual(before);

  // On a phone the console takes the world's place: the JSON above what it was read as.
  await page.setViewportSize({ width: 390, height: 844 });
  await bringText(page).fill(
    '{"family": "mill", "containerDefinitions": [{"name": "web", "image": "nginx:1.28", "memory": 256}]}',
  );
  await expect(plan(page)).toContainText('Read as register-task-definition');
  await page.screenshot({ path: `${SCREENSHOTS}/console-bring-json-390.png` });
  expect(await axeSerious(page, { include: '[data-role="console-panel"]' })).toEqual([]);
  expect(problems).toEqual([]);
});

test('the whole world exported from the console loads back', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL as string);
  await page.goto('/?sandbox=1');
  await waitBridge(page);
  await page.getByRole('button', { name: /Console/ }).click();
  const input = page.getByRole('textbox', { name: /aws command/ });
  await input.fill('aws ecs create-cluster --cluster-name royaume');
  await input.press('Enter');
  await expect(last(page)).toHaveAttribute('data-code', '0');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export world (.json)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('nozama-world.json');
  const saved = Buffer.concat((await (await download.createReadStream()).toArray()) as Buffer[]).toString(
    'utf8',
  );
  expect(JSON.parse(saved)).toMatchObject({ format: 'nozama-world', version: 1 });

  const clusters = () =>
    page.evaluate(() =>
      Object.values(window.__nozama?.store.getState().sim.clusters ?? {})
        .filter((c) => c.status === 'ACTIVE')
        .map((c) => c.clusterName),
    );
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(clusters).toEqual([]);

  await page.getByRole('button', { name: 'Bring JSON' }).click();
  await bringText(page).fill(saved);
  await expect(plan(page)).toContainText('A world saved from Nozama (1 call)');
  await runButton(page).click();
  await expect(plan(page)).toContainText('The saved world is loaded.');
  await expect.poll(clusters).toEqual(['royaume']);
  expect(problems).toEqual([]);
});
