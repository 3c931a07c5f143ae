/**
 * The gate played through the panels: in a kingdom with three territories, a plan in two editions and
 * a decree (made through the store: preconditions only), build the gate (one form, five calls, each
 * shown as CLI before and AWS's answer after), proclaim a decree behind it, wait for the herald to find
 * its developments healthy, send travelers, raise a watchtower, curse the edition at 50% and watch the
 * herald and the beacon react in the chronicle and the watchtower panel, swap the doors and back, share
 * a door 90/10, and read a road's herald's report (DescribeTargetHealth) in the inspector. Then AWS
 * names, and an accessibility scan. Time moves through the store (the clock is paused): every wait is
 * on the model's state or the page, never a sleep. Screenshots at 1280x800 in
 * test-results/screenshots/gate-ui-*.png.
 */
import { expect, type Page, test } from '@playwright/test';
import { advanceUntil, axeSerious, buildSection, ok, openGame, SCREENSHOTS, watchPage } from './helpers.ts';
import { foundKingdom, registerWebPlan } from './worlds.ts';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/gate-ui-${name}.png` });
}

/** Three territories, plan bakery in two editions (a web building with door 80), a decree "mill". */
async function preconditions(page: Page): Promise<void> {
  await foundKingdom(page, ['a', 'b', 'c'], 900);
  await registerWebPlan(page, 'bakery', ['nginx:1.27', 'nginx:1.28']);
  await ok(page, {
    action: 'ecs:CreateService',
    input: { cluster: 'Royaume', serviceName: 'mill', taskDefinition: 'bakery:1', desiredCount: 1 },
  });
}

test('the gate through the panels: build, decree behind it, travelers, curse, watchtower, doors, inspector', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const problems = watchPage(page, baseURL as string);
  await openGame(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  await preconditions(page);
  const chronicle = page.getByRole('region', { name: 'Chronicle' });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });

  // Build the gate: the list shows the five calls as a script before anything is sent.
  const gate = await buildSection(page, 'gate', 'Build the gate');
  await gate.getByLabel('Name of the gate').fill('bakery');
  await gate.locator('summary').scrollIntoViewIfNeeded();
  await shot(page, '0-gate-form');
  await expect(gate.getByLabel('Road behind the main door (80)')).toHaveValue('bakery-blue');
  await gate.getByLabel('Visits every (s)').fill('10');
  const script = gate.locator('.gate-form .call-list');
  await expect(script.locator('.call-step')).toHaveCount(5);
  await expect(script).toContainText('GATE_ARN=$(aws elbv2 create-load-balancer');
  await expect(script).toContainText("--query 'LoadBalancers[0].LoadBalancerArn' --output text)");
  await expect(script).toContainText('aws elbv2 create-target-group');
  await expect(script).toContainText('--health-check-interval-seconds 10');
  await expect(script).toContainText('--load-balancer-arn "$GATE_ARN"');
  await expect(script).toContainText('"TargetGroupArn":"\'"$TEST_ROAD_ARN"\'"');
  await gate.locator('.gate-form .call-list-figure').scrollIntoViewIfNeeded();
  await shot(page, '0-gate-script');
  await gate.getByRole('button', { name: 'Build the gate' }).click();
  await expect(gate.locator('.gate-form [role="status"]').last()).toHaveText(
    'The gate is built. 5 orders given.',
  );
  await expect(script.locator('.outcome-ok')).toHaveCount(5);
  await expect(script).toContainText('--load-balancer-arn arn:aws:elasticloadbalancing:za-southwest-1:');
  const elb = await page.evaluate(() => {
    const e = window.__nozama!.store.getState().sim.elb;
    return {
      gates: Object.values(e.loadBalancers).map((l) => l.LoadBalancerName),
      roads: Object.values(e.targetGroups)
        .map((t) => `${t.TargetGroupName}/${t.HealthCheckIntervalSeconds}/${t.HealthyThresholdCount}`)
        .sort(),
      doors: Object.values(e.listeners)
        .map(
          (l) => `${l.Port}->${e.targetGroups[l.DefaultActions[0]?.TargetGroupArn ?? '']?.TargetGroupName}`,
        )
        .sort(),
    };
  });
  expect(elb).toEqual({
    gates: ['bakery'],
    roads: ['bakery-blue/10/2', 'bakery-green/10/2'],
    doors: ['80->bakery-blue', '8080->bakery-green'],
  });
  await expect(chronicle.getByRole('list')).toContainText('The main door (80) of gate bakery is hung');
  await gate.locator('.gate-form').scrollIntoViewIfNeeded();
  await shot(page, '1-gate-built');

  // Building again: what stands is not asked for again.
  await gate.getByLabel('Visits every (s)').fill('10');
  await expect(script.locator('.call-step .outcome-ok')).toHaveCount(5);
  await expect(script).toContainText('Gate bakery already stands.');

  // A decree behind the gate.
  const decree = await buildSection(page, 'decree', 'Proclaim a decree');
  await decree.getByLabel('Name of the decree').fill('bakery');
  await decree.getByLabel('Plan edition').selectOption('bakery:1');
  await decree.getByLabel('Developments to keep standing').fill('3');
  await decree.getByLabel('Road to the gate').selectOption({ label: 'road bakery-blue' });
  await expect(decree.getByLabel('Building the herald visits')).toHaveValue('web');
  await expect(decree.getByLabel('Its door (container port)')).toHaveValue('80');
  await decree.getByLabel('The herald’s patience (s)').fill('20');
  const preview = decree.locator('.cli-preview');
  await expect(preview).toContainText('--load-balancers targetGroupArn=arn:aws:elasticloadbalancing:');
  await expect(preview).toContainText('containerName=web,containerPort=80');
  await expect(preview).toContainText('--health-check-grace-period-seconds 20');
  await decree.locator('.gate-fields').scrollIntoViewIfNeeded();
  await shot(page, '1b-decree-behind-gate');
  await decree.getByRole('button', { name: 'Proclaim the decree' }).click();
  await expect(decree.getByRole('status')).toContainText('Decree bakery proclaimed');
  await advanceUntil(
    page,
    `(sim) => { const tg = Object.values(sim.elb.targetGroups).find((t) => t.TargetGroupName === 'bakery-blue');
       return Object.values(tg.targets).filter((t) => t.state === 'healthy').length === 3
         && Object.values(sim.elb.loadBalancers).every((l) => l.State.Code === 'active'); }`,
  );
  await expect(chronicle.getByRole('list')).toContainText(
    /The herald found 1[abc]-\d's bakery \(edition 1\) healthy on road bakery-blue/,
  );
  await expect(chronicle.getByRole('list')).toContainText(
    /Decree bakery: \d developments? joins? road bakery-blue/,
  );

  // A watchtower on the gate's failed travelers: 1 bad look of 1 lights it.
  const tower = await buildSection(page, 'watchtower', 'Raise a watchtower');
  await tower.getByLabel('Bad looks needed (N)').fill('1');
  await tower.getByLabel('Out of the last (M)').fill('1');
  await expect(tower.locator('.cli-preview')).toContainText('aws cloudwatch put-metric-alarm');
  await expect(tower.locator('.cli-preview')).toContainText('--metric-name HTTPCode_Target_5XX_Count');
  await tower.getByRole('button', { name: 'Raise the watchtower' }).click();
  await expect(tower.getByRole('status').first()).toContainText('Watchtower gate-5xx stands');
  const beacon = tower.locator('li.watchtower[data-alarm="gate-5xx"]');
  await expect(beacon).toContainText('no news yet');
  await expect(beacon.locator('svg.alarm-icon-insufficient_data')).toBeVisible();
  // And one on the share of failed travelers, by metric math.
  await tower.getByLabel('It watches').selectOption('ratio');
  await expect(tower.getByLabel('Name of the watchtower')).toHaveValue('gate-5xx-share');
  await expect(tower.locator('.cli-preview')).toContainText('100 * FILL(errors, 0) / requests');
  await tower.getByRole('button', { name: 'Raise the watchtower' }).click();
  await expect(tower.locator('li.watchtower')).toHaveCount(2);

  // Travelers at the main door.
  const traffic = await buildSection(page, 'traffic', 'Travelers and curses');
  await traffic.getByLabel('Door').selectOption({ label: 'main door (80) of gate bakery' });
  await traffic.getByRole('spinbutton', { name: 'Travelers a second' }).fill('100');
  await expect(traffic.locator('.cli-preview').first()).toContainText('# sim:SetTraffic is not an AWS API');
  await traffic.getByRole('button', { name: 'Send the travelers' }).click();
  await expect(traffic.getByRole('status').first()).toContainText(
    '100 travelers a second now come to the main door (80)',
  );
  await advanceUntil(page, `(sim) => Object.values(sim.traffic.sourceLast).some((w) => w.requests > 0)`);
  const mainStats = traffic.locator('.door-stats').first();
  await expect(mainStats).toContainText(/Last minute: [\d,]+ travelers, 0 turned away \(0%\)/);
  await expect(mainStats.locator('tbody tr').first()).toContainText('bakery-blue100%100%');
  await advanceUntil(page, `(sim) => sim.cloudwatch.alarms['gate-5xx'].StateValue === 'OK'`, null, 200);
  await expect(beacon).toContainText('all quiet');

  // The curse: edition 1 fails half its answers. The herald and the watchtower react.
  await traffic.getByLabel('Plan edition').selectOption('bakery:1');
  await traffic.getByRole('slider', { name: 'Answers that fail' }).fill('50');
  await expect(traffic.getByRole('spinbutton', { name: 'Answers that fail' })).toHaveValue('50');
  await expect(traffic.locator('.cli-preview').nth(1)).toContainText('# sim:SetBehavior is not an AWS API');
  await traffic.getByRole('button', { name: 'Curse the edition' }).click();
  await expect(traffic.getByRole('status').nth(1)).toContainText(
    'Plan bakery, edition 1 is cursed: 50% of its answers fail',
  );
  await expect(traffic.locator('.curse-list')).toContainText('Plan bakery, edition 1: 50% fail, 20 ms');
  await advanceUntil(page, `(sim) => sim.cloudwatch.alarms['gate-5xx'].StateValue === 'ALARM'`, null, 240);
  await expect(chronicle.getByRole('list')).toContainText('Watchtower gate-5xx lights its beacon');
  await expect(chronicle.getByRole('list')).toContainText(
    /The herald found 1[abc]-\d's bakery \(edition 1\) failing \(wrong answers, 2 checks in a row\) on road bakery-blue/,
  );
  await expect(mainStats).toContainText(/turned away \([1-9]\d*%\)/);
  await expect(mainStats).toHaveClass(/is-failing/);
  await tower.locator('summary').click();
  await expect(beacon).toContainText('beacon lit');
  await expect(beacon).toHaveClass(/state-alarm/);
  await expect(beacon.locator('svg.alarm-icon-alarm')).toBeVisible();
  await beacon.scrollIntoViewIfNeeded();
  await shot(page, '2-beacon-lit');

  // Lift the curse; the beacon goes out.
  await traffic.locator('summary').click();
  await traffic.getByRole('button', { name: 'Lift the curse' }).click();
  await expect(traffic.getByRole('status').nth(1)).toContainText(
    'The curse on plan bakery, edition 1 is lifted.',
  );
  await advanceUntil(page, `(sim) => sim.cloudwatch.alarms['gate-5xx'].StateValue === 'OK'`, null, 300);
  await expect(chronicle.getByRole('list')).toContainText(
    'Watchtower gate-5xx puts out its beacon: all quiet again',
  );
  await traffic.locator('.door-stats-list').scrollIntoViewIfNeeded();
  await shot(page, '3-traffic');

  // Swap the doors, and back.
  await gate.locator('summary').click();
  const swap = gate.locator('.doors-swap');
  await expect(swap.locator('.door-now')).toContainText('main door (80) of gate bakery → road bakery-blue');
  await expect(swap.locator('.call-list')).toContainText('aws elbv2 modify-listener');
  await swap.getByRole('button', { name: 'Swap the doors' }).click();
  await expect(swap.getByRole('status')).toHaveText('The doors are swapped. 2 orders given.');
  await expect(swap.locator('.door-now')).toContainText('main door (80) of gate bakery → road bakery-green');
  await expect(swap.locator('.door-now')).toContainText('test door (8080) of gate bakery → road bakery-blue');
  await page.waitForFunction(() => {
    const e = window.__nozama!.store.getState().sim.elb;
    const l = Object.values(e.listeners).find((x) => x.Port === 80);
    return e.targetGroups[l?.DefaultActions[0]?.TargetGroupArn ?? '']?.TargetGroupName === 'bakery-green';
  });
  await expect(chronicle.getByRole('list')).toContainText(
    'The main door (80) of gate bakery now sends travelers to road bakery-green',
  );
  await swap.scrollIntoViewIfNeeded();
  await shot(page, '4-doors-swapped');
  await swap.getByRole('button', { name: 'Swap the doors' }).click();
  await expect(swap.locator('.door-now')).toContainText('main door (80) of gate bakery → road bakery-blue');

  // Share the main door 90/10: the two numbers always sum to 100.
  const shares = gate.locator('.doors form').nth(1);
  await shares.getByLabel('Door', { exact: true }).selectOption({ label: 'main door (80) of gate bakery' });
  await shares.getByLabel('Second road', { exact: true }).selectOption({ label: 'road bakery-green' });
  await shares.getByRole('spinbutton', { name: 'Share of the second road (%)' }).fill('10');
  await expect(shares.getByRole('spinbutton', { name: 'Share of the first road (%)' })).toHaveValue('90');
  await expect(shares.getByRole('slider', { name: 'Share of the first road (%)' })).toHaveValue('90');
  await expect(shares.locator('.cli-preview')).toContainText('"Weight":90');
  await shares.getByRole('button', { name: 'Set the shares' }).click();
  await expect(shares.getByRole('status')).toContainText(
    'Main door (80) of gate bakery now sends travelers to road bakery-blue 90% · road bakery-green 10%.',
  );
  const weights = await page.evaluate(() => {
    const e = window.__nozama!.store.getState().sim.elb;
    const l = Object.values(e.listeners).find((x) => x.Port === 80);
    return l?.DefaultActions[0]?.ForwardConfig?.TargetGroups.map(
      (g) => `${e.targetGroups[g.TargetGroupArn]?.TargetGroupName}:${g.Weight}`,
    );
  });
  expect(weights).toEqual(['bakery-blue:90', 'bakery-green:10']);

  // The inspector: a road's herald's report (DescribeTargetHealth) and its CLI.
  await advanceUntil(
    page,
    `(sim) => { const tg = Object.values(sim.elb.targetGroups).find((t) => t.TargetGroupName === 'bakery-blue');
       const all = Object.values(tg.targets); return all.length === 3 && all.every((t) => t.state === 'healthy'); }`,
    null,
    600,
  );
  await inspector.getByRole('button', { name: 'bakery-blue · 3 healthy', exact: true }).click();
  await expect(inspector.locator('.selected-title')).toHaveText('Road bakery-blue');
  await expect(inspector.locator('.facts')).toContainText('HTTP / every 10 s');
  const report = inspector.locator('.code-figure').filter({ hasText: /^The herald’s report/ });
  await expect(report.locator('pre')).toContainText('"TargetHealthDescriptions"');
  await expect(report.locator('pre')).toContainText('"State": "healthy"');
  const reportCli = inspector.locator('.code-figure').filter({ hasText: 'asks for the herald’s report' });
  await expect(reportCli.locator('pre')).toContainText(
    'aws elbv2 describe-target-health \\\n  --target-group-arn arn:aws:elasticloadbalancing:za-southwest-1:',
  );
  await expect(inspector.locator('.code-figure').nth(1)).toContainText('aws elbv2 create-target-group');
  await report.scrollIntoViewIfNeeded();
  await shot(page, '5-inspector-road');
  await inspector.getByRole('button', { name: /^gate-5xx · / }).click();
  await expect(inspector.locator('.facts')).toContainText('all quiet');
  await expect(inspector.locator('.code-figure').nth(1)).toContainText('aws cloudwatch put-metric-alarm');

  // AWS names: the sections, the doors, the chronicle.
  await page.getByRole('radio', { name: 'AWS' }).check();
  await expect(gate.locator('summary')).toContainText('Load balancer, target groups, listeners');
  await expect(swap.locator('.door-now')).toContainText('listener HTTP:80 (bakery) → bakery-blue');
  await expect(chronicle.getByRole('list')).toContainText(
    'Listener HTTP:80 of load balancer bakery modified',
  );
  await expect(chronicle.getByRole('list')).toContainText(/Alarm gate-5xx changed from ALARM to OK/);
  await shot(page, '6-aws-names');
  await page.getByRole('radio', { name: 'Nozama' }).check();

  // Accessibility: each new section open in turn.
  for (const [id, title] of [
    ['gate', 'Build the gate'],
    ['traffic', 'Travelers and curses'],
    ['watchtower', 'Raise a watchtower'],
  ] as const) {
    await buildSection(page, id, title);
    expect(await axeSerious(page, { exclude: '#world-canvas' }), id).toEqual([]);
  }
  expect(problems).toEqual([]);
});
