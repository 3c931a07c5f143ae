/**
 * The city gate, its roads and travelers, the watchtowers and the spells, drawn in the kingdom's band
 * below the zones, from worlds built with real calls (test/e2e/gate-world.ts): the snapshot says what
 * is drawn (doors 80 and 8080, road weights, heralds, beacons, the spell's incantation), travelers
 * walk when traffic flows and failed requests turn back, clicks select the gate's parts, and the
 * event stream plays the herald's cross, the beacon's flare and the horn of rollback.
 *
 * Reference pictures (test/e2e/references/scene-gate-*.png) use the approach of scenes.spec.ts: the
 * canvas pinned to 960x600, the clock paused, reduced motion (static arrows and counts instead of
 * walking travelers), a tolerant pixel comparison. Other screenshots, at the page's 1280x800, are
 * for people to look at (test-results/screenshots/gate-*.png).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import type { KingdomScene, KingdomSnapshot } from '../../src/game/KingdomScene.ts';
import type { Selection } from '../../src/store/create-game-store.ts';
import { buildGateWorld, type GateWorldInfo, type GateWorldOptions } from './gate-world.ts';
import { frames, openGame, SCREENSHOTS, waitSettled, watchPage, worldShot } from './helpers.ts';

const REFERENCES = 'test/e2e/references';
const CANVAS = { width: 960, height: 600 };
const CHANNEL_TOLERANCE = 40;
const MAX_DIFF_RATIO = 0.02;

async function openPinned(page: Page, motion: 'reduce' | 'no-preference'): Promise<void> {
  await page.emulateMedia({ reducedMotion: motion });
  await page.goto('/?seed=1&place=kingdom');
  await page.waitForFunction(() => window.__nozama !== undefined);
  await page.evaluate(() => window.__nozama?.store.getState().setPaused(true));
  await page.addStyleTag({
    content: `#world-canvas { position: fixed !important; left: 0 !important; top: 0 !important;
      width: ${CANVAS.width}px !important; height: ${CANVAS.height}px !important; z-index: 2147483647 !important; }`,
  });
  await page.waitForFunction(
    ({ w, h }) => {
      const game = window.__nozama?.game;
      return game !== undefined && game.scale.width === w && game.scale.height === h;
    },
    { w: CANVAS.width, h: CANVAS.height },
  );
  await waitKingdom(page);
}

async function waitKingdom(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const scene = window.__nozama?.game.scene.getScene('kingdom') as KingdomScene | null | undefined;
    return scene?.sys.isActive() === true && scene.isSettled();
  });
  await frames(page, 3);
}

async function kingdom(page: Page): Promise<KingdomSnapshot> {
  return page.evaluate(() => (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).snapshot());
}

async function build(page: Page, o: GateWorldOptions): Promise<GateWorldInfo> {
  const info = await page.evaluate(buildGateWorld, o);
  await waitKingdom(page);
  return info;
}

async function selection(page: Page): Promise<Selection | null> {
  return page.evaluate(() => window.__nozama?.store.getState().ui.selection ?? null);
}

/** Clicks the centre of a world rectangle like a player. */
async function clickWorld(page: Page, r: { x: number; y: number; w: number; h: number }): Promise<void> {
  const p = await page.evaluate(
    ([x, y]) =>
      (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).worldToScreen(
        x as number,
        y as number,
      ),
    [r.x + r.w / 2, r.y + r.h / 2],
  );
  const box = await page.locator('#world-canvas canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

async function matchesReference(page: Page, name: string): Promise<void> {
  const box = await page.locator('#world-canvas canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + 2, box.y + 2);
  await frames(page, 3);
  const shot = await page.screenshot({
    path: `${SCREENSHOTS}/scene-${name}.png`,
    clip: { x: box.x, y: box.y, width: box.width, height: box.height },
  });
  const refPath = `${REFERENCES}/scene-${name}.png`;
  if (process.env.UPDATE_SCENE_REFERENCES === '1' || !existsSync(refPath)) {
    mkdirSync(REFERENCES, { recursive: true });
    writeFileSync(refPath, shot);
    test.info().annotations.push({ type: 'reference written', description: refPath });
    return;
  }
  const ratio = await page.evaluate(
    async ({ a, b, tolerance }) => {
      const decode = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([decode(a), decode(b)]);
      if (x.width !== y.width || x.height !== y.height) return 1;
      let differing = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const d = Math.max(
          Math.abs((x.data[i] as number) - (y.data[i] as number)),
          Math.abs((x.data[i + 1] as number) - (y.data[i + 1] as number)),
          Math.abs((x.data[i + 2] as number) - (y.data[i + 2] as number)),
        );
        if (d > tolerance) differing++;
      }
      return differing / (x.width * x.height);
    },
    { a: shot.toString('base64'), b: readFileSync(refPath).toString('base64'), tolerance: CHANNEL_TOLERANCE },
  );
  expect(
    ratio,
    `scene-${name}.png differs from its reference in ${(ratio * 100).toFixed(2)}%`,
  ).toBeLessThanOrEqual(MAX_DIFF_RATIO);
}

const FULL: GateWorldOptions = { errorRate: 0.3, alarms: true, spell: true, settle: 150 };

test('the gate: doors 80 and 8080, weighted roads, markets and heralds, watchtowers, a spell', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const problems = watchPage(page, baseURL as string);
  await openPinned(page, 'reduce');
  const w = await build(page, FULL);
  const k = await kingdom(page);
  const g = k.gate;
  expect(g.band).not.toBeNull();
  // The zones make room: the band is below them, inside the world.
  for (const z of k.zones) expect(z.bounds.y + z.bounds.h).toBeLessThanOrEqual((g.band?.y ?? 0) + 0.5);
  expect(g.gates).toHaveLength(1);
  const gate = g.gates[0];
  expect(gate?.id).toBe(w.lbArn);
  expect(gate?.doors.map((d) => [d.port, d.label])).toEqual([
    [80, ':80 main door'],
    [8080, ':8080 test door'],
  ]);
  const main = gate?.doors[0];
  expect(main?.roads.map((r) => [r.targetGroupArn, r.percent])).toEqual([
    [w.blue, '90%'],
    [w.green, '10%'],
  ]);
  expect(main?.roads.map((r) => r.rps)).toEqual([90, 10]);
  expect(gate?.doors[1]?.roads.map((r) => [r.targetGroupArn, r.percent])).toEqual([[w.green, '100%']]);
  const blue = g.markets.find((m) => m.id === w.blue);
  const green = g.markets.find((m) => m.id === w.green);
  expect(blue?.targets.map((t) => t.herald)).toEqual(['tick', 'tick', 'tick']);
  expect(blue?.targets.every((t) => t.drawn)).toBe(true);
  expect(green?.targets.map((t) => t.taskArn)).toEqual(w.greenTasks);
  // Reduced motion: no walking travelers, the routes are shown by static arrows and counts.
  expect(g.travelers.mode).toBe('static');
  expect(g.travelers.drawn).toBe(0);
  expect(g.travelers.routes).toBeGreaterThan(0);
  // Watchtowers: 5xx on green is lit (30% of its requests fail), blue is far from a flood, the
  // third watches a metric nobody publishes.
  expect(g.towers.map((t) => [t.name, t.state, t.beacon])).toEqual([
    ['blue-flood', 'OK', 'dark'],
    ['green-5xx', 'ALARM', 'lit'],
    ['old-gate', 'INSUFFICIENT_DATA', 'unknown'],
  ]);
  expect(g.spells).toHaveLength(1);
  expect(g.spells[0]?.editions).toEqual(['1', '2']);
  expect(g.spells[0]?.incantations.map((i) => i.text)).toEqual(['live 90% v1 / 10% v2']);
  await matchesReference(page, 'gate-kingdom');

  // The Rosetta switch: AWS's words.
  await page.evaluate(() => window.__nozama?.store.getState().setNames('aws'));
  await waitKingdom(page);
  const aws = (await kingdom(page)).gate;
  expect(aws.gates[0]?.doors.map((d) => d.label)).toEqual([':80 listener', ':8080 listener']);
  expect(aws.spells[0]?.incantations.map((i) => i.text)).toEqual(['alias live: 90% v1 / 10% v2']);
  await matchesReference(page, 'gate-kingdom-aws');
  expect(problems).toEqual([]);
});

test('travelers walk the roads in proportion to traffic, and failed requests turn back', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const problems = watchPage(page, baseURL as string);
  await openGame(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.evaluate(buildGateWorld, FULL);
  await waitSettled(page);
  await page.evaluate(() => window.__nozama?.store.getState().setPaused(false));
  await page.waitForFunction(() => {
    const g = (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).snapshot().gate;
    return g.travelers.drawn >= 20 && g.travelers.failingRoutes > 0;
  });
  const g = (await kingdom(page)).gate;
  expect(g.travelers.mode).toBe('moving');
  expect(g.travelers.drawn).toBeLessThanOrEqual(160);
  await worldShot(page, 'gate-1-travelers');
  // Nothing walks without traffic.
  await page.evaluate(() => {
    const s = window.__nozama!.store.getState();
    for (const l of Object.keys(s.sim.traffic.sources))
      if (l.startsWith('arn:aws:elasticloadbalancing'))
        s.dispatch({ action: 'sim:SetTraffic', input: { ListenerArn: l, RequestsPerSecond: 0 } });
  });
  await page.waitForFunction(
    () =>
      (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).snapshot().gate.travelers.routes ===
      2,
  );
  expect(problems).toEqual([]);
});

test('clicking the gate, a door, a road market, a watchtower, a spell and its incantation selects them', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const problems = watchPage(page, baseURL as string);
  await openPinned(page, 'reduce');
  const w = await build(page, { ...FULL, settle: 90 });
  const g = (await kingdom(page)).gate;
  const gate = g.gates[0];
  if (!gate) throw new Error('a gate is drawn');
  const door = gate.doors[1];
  if (!door) throw new Error('the test door is drawn');
  await clickWorld(page, door.bounds);
  expect(await selection(page)).toEqual({ kind: 'listener', id: w.listener8080 });
  // The wall beside the doors.
  await clickWorld(page, { ...gate.bounds, w: 6 });
  expect(await selection(page)).toEqual({ kind: 'loadBalancer', id: w.lbArn });
  const green = g.markets.find((m) => m.id === w.green);
  if (!green) throw new Error('the green market is drawn');
  await clickWorld(page, { ...green.bounds, h: green.bounds.h * 0.3 });
  expect(await selection(page)).toEqual({ kind: 'targetGroup', id: w.green });
  const tower = g.towers.find((t) => t.name === 'green-5xx');
  if (!tower) throw new Error('the green-5xx watchtower is drawn');
  await clickWorld(page, tower.bounds);
  expect(await selection(page)).toEqual({ kind: 'alarm', id: 'green-5xx' });
  const spell = g.spells[0];
  if (!spell) throw new Error('the spell is drawn');
  await clickWorld(page, { ...spell.bounds, w: 20 });
  expect(await selection(page)).toEqual({ kind: 'lambdaFunction', id: 'checkout' });
  const ribbon = await page.evaluate(() => {
    const s = window.__nozama!.game.scene.getScene('kingdom') as unknown as {
      stage: {
        spells: Map<string, { ribbons: Map<string, { x: number; y: number; w: number; h: number }> }>;
      };
    };
    return s.stage.spells.get('checkout')?.ribbons.get('live') ?? null;
  });
  if (!ribbon) throw new Error('the incantation ribbon is drawn');
  await clickWorld(page, ribbon);
  expect(await selection(page)).toEqual({ kind: 'lambdaAlias', id: 'checkout:live' });
  // The Inspector tells the incantation's weights and shows its real JSON and CLI.
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toContainText(/Incantation live\s*edition 1 90% · edition 2 10%/);
  await expect(inspector).toContainText('aws lambda get-alias');
  await waitKingdom(page);
  await matchesReference(page, 'gate-selected-incantation');
  expect(problems).toEqual([]);
});

test('events: the herald cross pops, the beacon flares and the horn of rollback sounds', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const problems = watchPage(page, baseURL as string);
  await openPinned(page, 'reduce');
  await build(page, { errorRate: 0, alarms: true, spell: false, settle: 90 });
  expect((await kingdom(page)).gate.horn.played).toBe(0);
  // A renovation of the green decree to an edition that fails most requests, watched by green-5xx
  // with rollback on: its targets fail the herald, the beacon is lit, the horn sounds. All of it in
  // one go: the scene sees the events only after all the ticks (its cursor keeps them).
  await page.evaluate(() => {
    const s = window.__nozama!.store.getState();
    const ok = (action: string, input: Record<string, unknown>) => {
      const r = window.__nozama!.store.getState().dispatch({ action, input });
      if ('error' in r) throw new Error(`${action}: ${r.error.message}`);
    };
    ok('ecs:RegisterTaskDefinition', {
      family: 'web',
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx:broken',
          cpu: 256,
          memory: 512,
          essential: true,
          portMappings: [{ containerPort: 80, hostPort: 0 }],
        },
      ],
    });
    ok('sim:SetBehavior', { TaskDefinition: 'web:3', ErrorRate: 0.6 });
    ok('ecs:UpdateService', {
      cluster: 'Royaume',
      service: 'web-green',
      taskDefinition: 'web:3',
      deploymentConfiguration: { alarms: { alarmNames: ['green-5xx'], enable: true, rollback: true } },
    });
    const rolledBack = () =>
      window.__nozama!.store.getState().events.recent.some((e) => e.type === 'deployment/rolledBack');
    for (let i = 0; i < 900 && !rolledBack(); i++) s.advance(1);
    if (!rolledBack()) throw new Error('no rollback in 900 s');
  });
  await page.waitForFunction(() => {
    const g = (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).snapshot().gate;
    return g.horn.played === 1 && g.horn.visible;
  });
  const g = (await kingdom(page)).gate;
  expect(g.heraldPops).toBeGreaterThanOrEqual(1);
  expect(g.beaconFlares).toBe(1);
  expect(g.towers.find((t) => t.name === 'green-5xx')?.beacon).toBe('lit');
  expect(g.horn.text).toContain('The horn of rollback!');
  expect(g.horn.text).toContain('web-green');
  expect(g.horn.text).toContain('green-5xx');
  await page.screenshot({ path: `${SCREENSHOTS}/gate-2-horn.png` });
  // It lasts a few seconds, then leaves the gate clear.
  await page.waitForFunction(
    () => !(window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).snapshot().gate.horn.visible,
  );
  expect((await kingdom(page)).gate.horn.played).toBe(1);
  expect(problems).toEqual([]);
});
