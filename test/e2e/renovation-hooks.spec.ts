/**
 * A gatekeeper spell (an ECS lifecycle hook) played through the real UI: the Renovation form attaches
 * spell "gatekeeper" to a canary at POST_TEST_TRAFFIC_SHIFT with the verdict "stop it"
 * (sim:SetHookRule FAILED); the canary is rolled back before any traveler moves, and the live status,
 * the why card, the Chronicle and the Inspector say which spell stopped it and what it answered, in
 * story words and in AWS's. Screenshots at 1280x800 and 1920x1080. Waits are on the model's state.
 */
import { expect, type Page, test } from '@playwright/test';
import {
  axeSerious,
  buildSection,
  ok,
  openGame,
  SCREENSHOTS,
  setClock,
  waitForSim,
  watchPage,
} from './helpers.ts';
import { buildRenovationWorld } from './renovation-world.ts';

const RECORD = "sim.services.values().find((s) => s.serviceName === 'mill').serviceDeployments[0]";

async function runUntil(page: Page, predicate: string): Promise<void> {
  await page.getByRole('button', { name: '16x' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await waitForSim(page, predicate, null, { timeout: 90_000, polling: 100 });
  await page.getByRole('button', { name: 'Pause' }).click();
}

test('a canary whose gatekeeper spell answers FAILED after the test door is rolled back, and says so', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const problems = watchPage(page, baseURL as string);
  await openGame(page);
  await setClock(page, { paused: true });
  const w = await buildRenovationWorld(page, { controller: 'ECS' });
  await ok(page, {
    action: 'lambda:CreateFunction',
    input: {
      FunctionName: 'gatekeeper',
      Runtime: 'python3.12',
      Role: 'arn:aws:iam::123456789012:role/gatekeeper',
      Handler: 'app.handler',
      Code: { ZipFile: 'aG9vaw==' },
    },
  });

  const reno = await buildSection(page, 'renovation');
  await reno.getByLabel('Kind of renovation').selectOption('canary');
  await reno.getByLabel('Canary share (%)').fill('10');
  await reno.getByLabel('Canary watch (min)').fill('1');
  await reno.getByLabel('Bake after the full shift (min)').fill('0');
  const hooks = reno.locator('fieldset.renovation-hooks');
  await expect(hooks).toBeVisible();
  await hooks.getByLabel('Gatekeeper spell').selectOption({ label: 'spell gatekeeper' });
  await expect(hooks.getByRole('checkbox', { name: /POST_TEST_TRAFFIC_SHIFT/ })).toBeChecked();
  await hooks.getByLabel('Its verdict').selectOption({ label: 'Stop it' });
  const preview = reno.locator('.call-list-figure');
  await expect(preview).toContainText('sim:SetHookRule');
  await expect(preview).toContainText(
    '"lifecycleHooks":[{"hookTargetArn":"arn:aws:lambda:za-southwest-1:123456789012:function:gatekeeper"',
  );
  await expect(preview).toContainText('"lifecycleStages":["POST_TEST_TRAFFIC_SHIFT"]');
  await page.setViewportSize({ width: 1280, height: 800 });
  await hooks.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/hooks-1-form-1280.png` });
  await reno.getByRole('button', { name: 'Renovate' }).click();
  await expect(preview.locator('.outcome-ok').first()).toBeVisible();

  await runUntil(page, `(sim) => ${RECORD}.status === 'ROLLBACK_SUCCESSFUL'`);
  const status = reno.locator('.renovation-status');
  const row = status.locator('.renovation-hooks-state li');
  await expect(row).toHaveCount(1);
  await expect(row.locator('strong')).toHaveText('gatekeeper');
  await expect(row).toContainText('testers are through · cast 1 time: stop — the renovation was stopped');
  const horn = status.locator('.horn');
  await expect(horn).toBeVisible();
  await expect(horn.locator('.horn-why')).toHaveText(
    'Gatekeeper spell gatekeeper answered “stop” when testers are through before any traveler moved — travelers returned to edition 1',
  );
  await expect(horn.locator('.horn-reasons')).toContainText('change the verdict of spell gatekeeper');
  const chronicle = page.locator('.chronicle-list');
  await expect(chronicle).toContainText('asks gatekeeper spell gatekeeper (testers are through): “stop”');
  // Production never left edition 1: every weight of the main door's forward is on the blue road.
  const onBlue = await page.evaluate(
    ({ l, b }) => {
      const a = window.__nozama?.store.getState().sim.elb.listeners[l]?.DefaultActions[0];
      const tgs = a?.ForwardConfig?.TargetGroups ?? [{ TargetGroupArn: a?.TargetGroupArn ?? '', Weight: 1 }];
      const total = tgs.reduce((x, t) => x + (t.Weight ?? 1), 0);
      return ((tgs.find((t) => t.TargetGroupArn === b)?.Weight ?? 0) * 100) / total;
    },
    { l: w.listener80, b: w.blue },
  );
  expect(onBlue).toBe(100);
  await status.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/hooks-2-horn-1280.png` });
  expect(await axeSerious(page, { include: 'details[data-section="renovation"]' })).toEqual([]);

  // The Inspector: the spell's verdict rule and its casts (AWS/Lambda Invocations).
  await page.evaluate(() =>
    window.__nozama?.store.getState().select({ kind: 'lambdaFunction', id: 'gatekeeper' }),
  );
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toContainText('always stops the renovation');
  await expect(inspector).toContainText('Cast (all told)');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('radio', { name: 'AWS' }).check();
  await expect(horn.locator('.horn-why')).toHaveText(
    'Lifecycle hook gatekeeper: FAILED during POST_TEST_TRAFFIC_SHIFT: rolled back to mill:1',
  );
  await expect(horn.locator('.horn-reasons')).toContainText(
    'ECS deployment lifecycle hook failure: The lifecycle hook gatekeeper returned hookStatus FAILED at POST_TEST_TRAFFIC_SHIFT.',
  );
  await expect(row).toContainText('POST_TEST_TRAFFIC_SHIFT · 1 invocation: FAILED');
  await expect(chronicle).toContainText('deployment failed: hook execution failure(s) detected.');
  await expect(chronicle).toContainText(
    '(service mill) lifecycle hook gatekeeper invoked at POST_TEST_TRAFFIC_SHIFT (invocation 1): FAILED',
  );
  await expect(inspector).toContainText('hookStatus FAILED');
  await status.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/hooks-3-horn-aws-1920.png` });
  expect(problems).toEqual([]);
});
