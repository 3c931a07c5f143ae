/**
 * A building that fails its own health check is torn down and replaced: a decree of one development whose
 * plan gives building "web" a container health check, the world making that check fail
 * (sim:SetHealthCheckResult), the lord's herald's cross over the building on the canvas, the Inspector's
 * buildings card naming the failing check, then ECS replacing the task with its own texts (stoppedReason
 * "Task failed container health checks", the service event), told in the Chronicle. Time moves through the
 * store (the clock is paused): every wait is on the model's state. Screenshots at 1280x800 and 390x844 in
 * test-results/screenshots/container-health-*.png.
 */
import { expect, type Page, test } from '@playwright/test';
import {
  advanceUntil,
  axeSerious,
  clickWorld,
  ok,
  openGame,
  SCREENSHOTS,
  snapshot,
  waitSettled,
  watchPage,
} from './helpers.ts';
import { foundKingdom } from './worlds.ts';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/container-health-${name}.png` });
}

const CHECK = ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'];

async function preconditions(page: Page): Promise<void> {
  await foundKingdom(page, ['b'], 120);
  await ok(page, {
    action: 'ecs:RegisterTaskDefinition',
    input: {
      family: 'bakery',
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx:1.27',
          cpu: 256,
          memory: 512,
          essential: true,
          healthCheck: { command: CHECK, interval: 10, retries: 2 },
        },
        { name: 'oven', image: 'busybox:1', cpu: 128, memory: 128, essential: false },
      ],
    },
  });
  await ok(page, {
    action: 'ecs:CreateService',
    // The grace period keeps a failing development standing a while, so the player sees it fail first.
    input: {
      cluster: 'Royaume',
      serviceName: 'mill',
      taskDefinition: 'bakery:1',
      desiredCount: 1,
      healthCheckGracePeriodSeconds: 90,
    },
  });
  await advanceUntil(
    page,
    `(sim) => sim.tasks.values().some((t) => t.serviceName === 'mill' && t.healthStatus === 'HEALTHY')`,
  );
}

test('a building that fails its own health check: the cross, the why card, the replacement', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const problems = watchPage(page, baseURL as string);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openGame(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  await preconditions(page);
  await waitSettled(page);
  const healthy = (await snapshot(page)).developments.find((d) => d.status === 'RUNNING');
  expect(healthy?.health).toEqual(['HEALTHY', null]);

  // The world makes the check fail: after two failed probes the building is UNHEALTHY.
  await ok(page, {
    action: 'sim:SetHealthCheckResult',
    input: { TaskDefinition: 'bakery:1', ContainerName: 'web', Result: 'fail' },
  });
  const first = healthy?.id as string;
  await advanceUntil(
    page,
    `(sim, id) => sim.tasks.get(id)?.containers[0]?.healthStatus === 'UNHEALTHY'`,
    first,
    60,
  );
  await waitSettled(page);
  const failing = (await snapshot(page)).developments.find((d) => d.id === first);
  expect(failing?.health).toEqual(['UNHEALTHY', null]);

  // Select the development on the canvas: the buildings card names the failing check.
  await clickWorld(page, failing?.bounds as { x: number; y: number; w: number; h: number });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const card = inspector.locator('[data-role="buildings-card"]');
  await expect(card).toBeVisible();
  await expect(card.locator('.why-headline')).toContainText("Building web fails the lord's herald");
  await expect(card.locator('.why-headline')).toContainText('Decree mill will tear it down');
  await expect(card).toContainText('curl -f http://localhost/ || exit 1');
  await expect(card).toContainText('1. web');
  await card.scrollIntoViewIfNeeded();
  await shot(page, '1-failing');

  // The scheduler replaces it with ECS's texts.
  await advanceUntil(
    page,
    `(sim, id) => sim.tasks.get(id)?.stoppedReason === 'Task failed container health checks' &&
      sim.tasks.values().some((t) => t.taskArn !== id && t.serviceName === 'mill' && t.lastStatus === 'RUNNING')`,
    first,
    120,
  );
  const events = await page.evaluate(() => {
    const s = window.__nozama!.store.getState().sim;
    return s.services.values()[0]?.events.map((e) => e.message) ?? [];
  });
  const id = first.slice(first.lastIndexOf('/') + 1);
  expect(events).toContain(`(service mill) (task ${id}) failed container health checks.`);
  await expect(card.locator('.why-headline')).toContainText("Building web failed the lord's herald");
  await expect(card.locator('.why-headline')).toContainText('decree mill tore the development down');
  const chronicle = page.getByRole('region', { name: 'Chronicle' });
  await expect(chronicle).toContainText('Decree mill tears down');
  await waitSettled(page);
  await shot(page, '2-replaced');

  // AWS names: the card speaks ECS.
  await page.getByRole('radio', { name: 'AWS' }).check();
  // Failures went on during the grace period: more than the 2 retries in a row.
  await expect(card.locator('.why-headline')).toHaveText(
    /^Task failed container health checks: container web's healthCheck \[CMD-SHELL, curl -f http:\/\/localhost\/ \|\| exit 1\] failed \d+ consecutive checks \(retries 2; last: exit 1\)\.$/,
  );
  expect(await axeSerious(page, { exclude: '#world-canvas' })).toEqual([]);

  // A phone: the Inspector is a drawer and the card fits its width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Inspector', exact: true }).click();
  await expect(card).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  const box = await card.boundingBox();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(390);
  await shot(page, '3-phone');
  expect(problems).toEqual([]);
});
