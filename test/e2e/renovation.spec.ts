/**
 * Renovations and spells played through the real UI. The preconditions (territories, plan editions,
 * the gate, the decree behind it, travelers, a watchtower) are dispatched through the test bridge;
 * every renovation, curse and shift is ordered through the panels. Time runs on the top bar's 16x
 * clock; every wait is on the model's state (a store subscription records the lowest healthy count),
 * never a sleep.
 */
import { expect, type Page, test } from '@playwright/test';
import {
  axeSerious,
  buildSection,
  openGame,
  SCREENSHOTS,
  setClock,
  waitForSim,
  watchPage,
} from './helpers.ts';
import { buildRenovationWorld, type RenovationWorld } from './renovation-world.ts';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/renovation-${name}.png` });
}

async function world(page: Page, controller: 'ECS' | 'CODE_DEPLOY' = 'ECS'): Promise<RenovationWorld> {
  await openGame(page);
  await setClock(page, { paused: true });
  return buildRenovationWorld(page, { controller });
}

/** Runs the clock at 16x (the top bar's buttons) until `predicate(sim)` holds, then pauses. */
async function runUntil(page: Page, predicate: string, timeout = 90_000): Promise<void> {
  await page.getByRole('button', { name: '16x' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await waitForSim(page, predicate, null, { timeout, polling: 100 });
  await page.getByRole('button', { name: 'Pause' }).click();
}

/** Records the lowest count of healthy targets on a road from now on (every state change). */
async function watchLowest(page: Page, tg: string): Promise<void> {
  await page.evaluate((arn) => {
    const store = window.__nozama?.store;
    if (!store) throw new Error('no test bridge');
    const w = window as unknown as { __lowest: number };
    const count = () =>
      Object.values(store.getState().sim.elb.targetGroups[arn]?.targets ?? {}).filter(
        (t) => t.state === 'healthy',
      ).length;
    w.__lowest = count();
    store.subscribe(
      (s) => s.sim.elb.targetGroups[arn],
      () => {
        w.__lowest = Math.min(w.__lowest, count());
      },
    );
  }, tg);
}

const MILL = "sim.services.values().find((s) => s.serviceName === 'mill')";

test('a rolling renovation to edition 2 never drops below the minimum healthy', async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  const problems = watchPage(page, baseURL as string);
  const w = await world(page);
  await watchLowest(page, w.blue);
  const reno = await buildSection(page, 'renovation');
  await reno.getByLabel('Decree', { exact: true }).selectOption({ label: 'decree mill' });
  await expect(reno.getByLabel('New plan edition')).toHaveValue('mill:2');
  await reno.getByLabel('Kind of renovation').selectOption('rolling');
  await reno.getByLabel('Keep at least (%)').fill('100');
  await reno.getByLabel('Raise up to (%)').fill('134');
  const preview = reno.locator('.call-list-figure');
  await expect(preview).toContainText('aws ecs update-service');
  await expect(preview).toContainText('--task-definition mill:2');
  await expect(preview).toContainText('"minimumHealthyPercent":100');
  await shot(page, '1-rolling-form');
  await reno.getByRole('button', { name: 'Renovate' }).click();
  await expect(reno.locator('.call-list-status')).toContainText('The renovation is ordered');
  await expect(preview.locator('.outcome-ok')).toBeVisible();
  await runUntil(
    page,
    `(sim) => { const m = ${MILL}; return m.deployments.length === 1 && m.deployments[0].rolloutState === 'COMPLETED' && m.taskDefinition.endsWith('mill:2'); }`,
  );
  const lowest = await page.evaluate(() => (window as unknown as { __lowest: number }).__lowest);
  expect(lowest, 'healthy targets never below ceil(3 x 100%)').toBeGreaterThanOrEqual(3);
  const status = reno.locator('.renovation-status');
  await expect(status.locator('.renovation-state')).toContainText('complete');
  await status.scrollIntoViewIfNeeded();
  await shot(page, '2-rolling-done');
  expect(problems).toEqual([]);
});

const RECORD = `${MILL}.serviceDeployments[0]`;

test('a canary renovation shifts 10%, bakes, and completes', async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  const problems = watchPage(page, baseURL as string);
  const w = await world(page);
  const reno = await buildSection(page, 'renovation');
  await reno.getByLabel('Kind of renovation').selectOption('canary');
  await reno.getByLabel('Canary share (%)').fill('10');
  await reno.getByLabel('Canary watch (min)').fill('2');
  await reno.getByLabel('Bake after the full shift (min)').fill('1');
  await expect(reno.getByLabel('Second road (for the new edition)')).toHaveValue(w.green);
  await expect(reno.getByLabel('Main door (production)')).toHaveValue(w.listener80);
  await expect(reno.getByLabel('Test door', { exact: true })).toHaveValue(w.listener8080);
  await reno.getByRole('checkbox', { name: 'mill-5xx' }).check();
  const preview = reno.locator('.call-list-figure');
  await expect(preview).toContainText('"strategy":"CANARY"');
  await expect(preview).toContainText(
    '"canaryConfiguration":{"canaryPercent":10,"canaryBakeTimeInMinutes":2}',
  );
  await expect(preview).toContainText('"alarms":{"alarmNames":["mill-5xx"],"enable":true,"rollback":true}');
  await expect(preview).toContainText('advancedConfiguration');
  await reno.getByRole('button', { name: 'Renovate' }).click();
  await expect(preview.locator('.outcome-ok')).toBeVisible();

  // The canary step: 10% set, and the share travelers actually took, side by side.
  await runUntil(
    page,
    `(sim) => { const n = ${RECORD}.native; return n.step === 1 && n.nextStepAt - sim.now <= 45; }`,
  );
  const status = reno.locator('.renovation-status');
  const step1 = status.locator('.renovation-steps tr[data-step="1"]');
  await expect(step1.locator('td').nth(0)).toHaveText('10%');
  await expect(step1.locator('td').nth(1)).toHaveText(/^([89]|1[0-2])(\.\d)?%$/);
  await expect(status.locator('.renovation-stage')).toContainText('moving travelers to the new edition');
  await expect(status.locator('.renovation-timer')).toContainText('Next step in 0:');
  await expect(status.locator('.watchtower[data-alarm="mill-5xx"]')).toContainText('all quiet');
  await status.scrollIntoViewIfNeeded();
  await shot(page, '3-canary-step1');

  await runUntil(page, `(sim) => ${RECORD}.status === 'SUCCESSFUL'`);
  await expect(status.locator('.renovation-state')).toContainText('complete');
  await expect(status.locator('.horn')).toBeHidden();
  const onGreen = await page.evaluate(
    ({ l, g }) => {
      const a = window.__nozama?.store.getState().sim.elb.listeners[l]?.DefaultActions[0];
      const tgs = a?.ForwardConfig?.TargetGroups ?? [{ TargetGroupArn: a?.TargetGroupArn ?? '', Weight: 1 }];
      const total = tgs.reduce((x, t) => x + (t.Weight ?? 1), 0);
      return ((tgs.find((t) => t.TargetGroupArn === g)?.Weight ?? 0) * 100) / total;
    },
    { l: w.listener80, g: w.green },
  );
  expect(onGreen).toBe(100);
  await status.scrollIntoViewIfNeeded();
  await shot(page, '4-canary-done');
  expect(problems).toEqual([]);
});

test('a linear renovation of a cursed edition is rolled back by the watchtower', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const problems = watchPage(page, baseURL as string);
  const w = await world(page);
  // The fault slider: 30% of edition 2's answers fail.
  const traffic = await buildSection(page, 'traffic');
  await traffic.getByLabel('Plan edition').selectOption('mill:2');
  await traffic.getByRole('spinbutton', { name: 'Answers that fail' }).fill('30');
  await traffic.getByRole('button', { name: 'Curse the edition' }).click();
  await expect(traffic.getByText('is cursed: 30% of its answers fail')).toBeVisible();

  const reno = await buildSection(page, 'renovation');
  await reno.getByLabel('Kind of renovation').selectOption('linear');
  await reno.getByLabel('Each step moves (%)').fill('10');
  await reno.getByLabel('Wait between steps (min)').fill('1');
  await reno.getByLabel('Bake after the full shift (min)').fill('0');
  await reno.getByRole('checkbox', { name: 'mill-5xx' }).check();
  await expect(reno.locator('.call-list-figure')).toContainText(
    '"linearConfiguration":{"stepPercent":10,"stepBakeTimeInMinutes":1}',
  );
  await reno.getByRole('button', { name: 'Renovate' }).click();
  await expect(reno.locator('.call-list-figure .outcome-ok')).toBeVisible();

  await runUntil(page, `(sim) => ${RECORD}.status === 'ROLLBACK_SUCCESSFUL'`);
  const status = reno.locator('.renovation-status');
  const horn = status.locator('.horn');
  await expect(horn).toBeVisible();
  await expect(horn).toHaveAttribute('role', 'alert');
  await expect(horn.locator('.horn-title')).toHaveText('The horn of rollback!');
  const step = await page.evaluate(
    `(() => { const sim = window.__nozama.store.getState().sim; return ${RECORD}.rollback.step; })()`,
  );
  expect(step).toBeGreaterThan(0);
  await expect(horn.locator('.horn-why')).toHaveText(
    `Watchtower mill-5xx: 5xx > 1% for 2 of 2 minutes at step ${step} of 10 — travelers returned to edition 1`,
  );
  await expect(status.locator('.renovation-state')).toContainText('rolled back');
  await expect(status.locator('.watchtower[data-alarm="mill-5xx"] .watchtower-state')).toHaveText(
    /beacon lit|all quiet/,
  );
  const weights = await page.evaluate(
    (l) =>
      window.__nozama?.store
        .getState()
        .sim.elb.listeners[l]?.DefaultActions[0]?.ForwardConfig?.TargetGroups.map((t) => t.Weight),
    w.listener80,
  );
  expect(weights).toEqual([100, 0]);
  await horn.scrollIntoViewIfNeeded();
  await shot(page, '5-linear-horn');
  expect(await axeSerious(page, { include: 'details[data-section="renovation"]' })).toEqual([]);

  await page.getByRole('radio', { name: 'AWS' }).check();
  await expect(horn.locator('.horn-why')).toHaveText(
    `Alarm mill-5xx in ALARM (2 of 2 datapoints > 1.0) during PRODUCTION_TRAFFIC_SHIFT step ${step}/10: rolled back to mill:1`,
  );
  await expect(horn.locator('.horn-reasons')).toContainText(
    'Threshold Crossed: 2 out of the last 2 datapoints',
  );
  await expect(page.locator('.chronicle-list')).toContainText('(service mill) rolling back to deployment');
  await horn.scrollIntoViewIfNeeded();
  await shot(page, '6-linear-horn-aws');
  expect(problems).toEqual([]);
});

test('a spell’s linear shift to a cursed edition is rolled back by its health check', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const problems = watchPage(page, baseURL as string);
  await openGame(page);
  await setClock(page, { paused: true });
  const spells = await buildSection(page, 'spells');
  const part = async (id: string) => {
    const p = spells.locator(`details[data-spell-part="${id}"]`);
    if ((await p.getAttribute('open')) === null) await p.locator(':scope > summary').click();
    return p;
  };
  const create = await part('create');
  await create.getByLabel('Name of the spell').fill('checkout');
  await expect(create.locator('.cli-preview')).toContainText('aws lambda create-function');
  await create.getByRole('button', { name: 'Write the spell' }).click();
  await expect(create.getByRole('status')).toContainText('Spell checkout is written');
  const publish = await part('publish');
  await expect(publish.locator('.call-list-figure')).toContainText('Publish edition 1');
  await publish.getByRole('button', { name: 'Publish edition 1' }).click();
  await expect(publish.locator('.call-list-status')).toContainText('A new edition is published.');
  // Edition 2 rewrites the code first: PublishVersion only makes a version when something changed.
  await publish.getByRole('button', { name: 'Publish edition 2' }).click();
  await expect(publish.locator('.call-list-figure')).toContainText('aws lambda update-function-code');
  await expect(publish.locator('.call-list-figure')).toContainText('aws lambda publish-version');
  await expect(publish.locator('.call-list-status')).toContainText('2 orders given.');
  const alias = await part('alias');
  await alias.getByLabel('It casts edition').selectOption('1');
  await alias.getByRole('button', { name: 'Name the incantation' }).click();
  await expect(alias.getByRole('status')).toContainText('Incantation live casts edition 1.');
  const casts = await part('casts');
  await casts.getByRole('spinbutton', { name: 'Casts a second' }).fill('40');
  await casts.getByRole('button', { name: 'Cast it' }).click();
  const curse = await part('curse');
  await curse.getByLabel('Edition', { exact: true }).selectOption('2');
  await curse.getByRole('spinbutton', { name: 'Casts that fail' }).fill('30');
  await curse.getByRole('button', { name: 'Curse the edition' }).click();
  await expect(curse.getByRole('status')).toContainText('Edition 2 is cursed: 30%');
  const shift = await part('shift');
  await shift.getByLabel('Shift to edition').selectOption('2');
  await shift.getByLabel('Steps', { exact: true }).fill('10');
  await shift.getByLabel('Seconds between steps').fill('10');
  await expect(shift.locator('.shift-event')).toHaveText(
    '{"function-name":"checkout","alias-name":"live","new-version":"2","steps":10,"interval":10,"type":"linear","health-check":true}',
  );
  await shift.getByRole('button', { name: 'Begin the linear shift' }).click();
  await expect(shift.getByRole('status')).toContainText('The shift begins: 10 steps');

  await runUntil(page, `(sim) => Object.values(sim.lambda.deployers).some((d) => d.status === 'Failed')`);
  const status = spells.locator('.spell-status');
  const horn = status.locator('.horn');
  await expect(horn).toBeVisible();
  const d = await page.evaluate(
    () => Object.values(window.__nozama?.store.getState().sim.lambda.deployers ?? {})[0],
  );
  expect(d?.lastErrors).toBeGreaterThan(0);
  await expect(horn.locator('.horn-why')).toHaveText(
    `Errors ${d?.lastErrors} in the last 60 s at step ${d?.step} of 10: incantation back to edition 1`,
  );
  const routing = await page.evaluate(
    () =>
      Object.values(window.__nozama?.store.getState().sim.lambda.functions ?? {})[0]?.aliases.live
        ?.RoutingConfig,
  );
  expect(routing).toBeUndefined();
  await expect(status.locator('.spell-shares tr[data-version="1"] td').first()).toHaveText('100%');
  const v2 = status.locator('.spell-shares tr[data-version="2"] td');
  await expect(v2.nth(0)).toHaveText('0%');
  await expect(v2.nth(2)).toHaveText(/^✖ [1-9]\d*$/);
  await horn.scrollIntoViewIfNeeded();
  await shot(page, '7-spell-horn');
  expect(problems).toEqual([]);
});
