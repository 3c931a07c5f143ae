/**
 * The page's Content-Security-Policy (build/content-security-policy.ts), in the built page: an injected
 * inline script, an inline event handler and a string handed to the timer as code do not run, each
 * reported as a violation; and a level played from the map to its debrief, through every scene,
 * raises no violation at all. Violations are counted by a `securitypolicyviolation` listener that the
 * page gets before any of its own scripts run.
 */
import { expect, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../build/content-security-policy.ts';
import { SCREENSHOTS, setClock, test, waitBridge, waitScene } from './helpers.ts';

interface Violation {
  directive: string;
  blocked: string;
}

declare global {
  interface Window {
    __violations?: Violation[];
    __injected?: string[];
  }
}

/** Counts every policy violation from the first byte of the page on. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__violations = [];
    window.__injected = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => window.__violations?.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
      true,
    );
  });
}

const violations = (page: Page) => page.evaluate(() => window.__violations ?? []);

test('the built page carries the policy as its first head element', async ({ page }) => {
  await page.goto('/?sandbox=1');
  const first = page.locator('head > :first-child');
  await expect(first).toHaveAttribute('http-equiv', 'Content-Security-Policy');
  await expect(first).toHaveAttribute('content', CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
});

test('an injected inline script, an inline handler and code in a string do not run', async ({ page }) => {
  await watchViolations(page);
  await page.goto('/?sandbox=1');
  await waitBridge(page);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = "window.__injected.push('inline script')";
    document.body.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = `<img src="data:," onerror="window.__injected.push('inline handler')">`;
    document.body.append(holder);
    // A string given to a timer is code compiled by the page itself (not by the test's evaluate).
    (window.setTimeout as (code: string, ms: number) => number)("window.__injected.push('string timer')", 0);
  });
  await expect.poll(async () => (await violations(page)).length).toBeGreaterThanOrEqual(3);
  const seen = await violations(page);
  expect(seen.map((v) => v.directive).sort()).toEqual(['script-src', 'script-src-attr', 'script-src-elem']);
  expect(seen.find((v) => v.directive === 'script-src')?.blocked).toBe('eval');
  expect(await page.evaluate(() => window.__injected)).toEqual([]);
});

test('the canary level played to its debrief, through every scene, raises 0 violations', async ({
  page,
  problems,
}) => {
  // About nine simulated minutes at 64x: some 20 s on a quiet machine, several times that on a loaded one.
  test.setTimeout(180_000);
  await watchViolations(page);
  await page.goto('/?level=canary');
  await waitBridge(page);
  for (const scene of ['planet', 'region', 'kingdom'] as const) {
    await page.evaluate(
      (s) =>
        window.__nozama?.store
          .getState()
          .goTo(s === 'kingdom' ? { scene: 'kingdom', zone: null } : { scene: s }),
      scene,
    );
    await waitScene(page, scene);
  }
  await page.getByRole('button', { name: 'Show me', exact: true }).click();
  await setClock(page, { speed: 64 });
  await page.waitForFunction(() => window.__nozama?.store.getState().level?.done === true, null, {
    timeout: 170_000,
  });
  await expect(page.locator('dialog[data-role="debrief"]')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/defences-policy-level-done.png` });
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
