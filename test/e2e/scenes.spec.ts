/**
 * The scenes driven by store.ui.place: the planet, a region's portals, the kingdom. The player's way
 * through them is clicked on the canvas like a player (click points come from the scenes' own
 * snapshots), the camera is zoomed with the wheel and the keys, things are selected by clicking,
 * faults are shown (a collapsing portal played from the event stream, ruins, a silent lord, a
 * building on fire), and a kingdom of 100 territories and 1,000 developments renders cleanly.
 *
 * Screenshots of the canvas at fixed seeds are compared with reviewed references (test/e2e/references.ts
 * says how: the canvas pinned to 960x600, the clock paused, reduced motion, a tolerant comparison).
 */
import { expect, type Page, test } from '@playwright/test';
import { type BigWorld, buildBigWorld } from '../../bench/frame-world.ts';
import type { KingdomScene } from '../../src/game/KingdomScene.ts';
import type { PlanetScene, PlanetSnapshot } from '../../src/game/PlanetScene.ts';
import type { RegionScene, RegionSnapshot } from '../../src/game/RegionScene.ts';
import type { ViewPlace } from '../../src/store/create-game-store.ts';
import {
  advanceUntil,
  canvasToPage,
  clickCanvas,
  ECS_AMI_PARAMETER,
  frames,
  kingdomPoint,
  ok,
  pressForCanvas,
  SCREENSHOTS,
  selection,
  snapshot,
  userData,
  waitScene,
  watchPage,
} from './helpers.ts';
import { CANVAS, matchesReference, openPinned } from './references.ts';

// ---------------------------------------------------------------------------------------------
// Steps

async function placeOf(page: Page): Promise<ViewPlace> {
  return page.evaluate(() => window.__nozama?.store.getState().ui.place as ViewPlace);
}

async function planet(page: Page): Promise<PlanetSnapshot> {
  return page.evaluate(() => (window.__nozama!.game.scene.getScene('planet') as PlanetScene).snapshot());
}

async function region(page: Page): Promise<RegionSnapshot> {
  return page.evaluate(() => (window.__nozama!.game.scene.getScene('region') as RegionScene).snapshot());
}

async function zoom(page: Page): Promise<number> {
  return page.evaluate(
    () => (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).cameras.main.zoom,
  );
}

/** A small kingdom: one territory in 1b with two developments of a two-building plan, RUNNING. */
async function smallKingdom(page: Page): Promise<{ instanceId: string; tasks: string[] }> {
  await ok(page, { action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } });
  const ami = (
    (await ok(page, { action: 'ssm:GetParameter', input: { Name: ECS_AMI_PARAMETER } })).Parameter as {
      Value: string;
    }
  ).Value;
  const run = await ok(page, {
    action: 'ec2:RunInstances',
    input: {
      ImageId: ami,
      InstanceType: 'm5.large',
      Placement: { AvailabilityZone: 'za-southwest-1b' },
      UserData: userData('Royaume'),
      MinCount: 1,
      MaxCount: 1,
    },
  });
  const instanceId = (run.Instances as { InstanceId: string }[])[0]?.InstanceId as string;
  await advanceUntil(
    page,
    `(sim, id) => { const a = sim.instances.get(id)?.containerInstanceArn; return !!a && sim.containerInstances.get(a)?.status === 'ACTIVE'; }`,
    instanceId,
  );
  await ok(page, {
    action: 'ecs:RegisterTaskDefinition',
    input: {
      family: 'bakery',
      containerDefinitions: [
        { name: 'oven', image: 'bakery/oven:1', cpu: 256, memory: 512, essential: true },
        { name: 'shop', image: 'bakery/shop:1', cpu: 128, memory: 256, essential: false },
      ],
    },
  });
  const started = await ok(page, {
    action: 'ecs:RunTask',
    input: { cluster: 'Royaume', taskDefinition: 'bakery', count: 2, launchType: 'EC2' },
  });
  const tasks = (started.tasks as { taskArn: string }[]).map((t) => t.taskArn);
  await advanceUntil(
    page,
    `(sim, arns) => arns.every((a) => sim.tasks.get(a)?.lastStatus === 'RUNNING')`,
    tasks,
  );
  return { instanceId, tasks };
}

// ---------------------------------------------------------------------------------------------
// Tests

test('from the planet to za-southwest-1 to portal 1b by clicking the canvas; the kingdom focuses 1b', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  await openPinned(page, 'planet');
  await waitScene(page, 'planet');
  expect(await placeOf(page)).toEqual({ scene: 'planet' });

  const p = await planet(page);
  expect(p.places.map((x) => x.regionName).sort()).toEqual([
    'za-central-1',
    'za-northeast-1',
    'za-southwest-1',
  ]);
  const sw = p.places.find((x) => x.regionName === 'za-southwest-1');
  if (!sw) throw new Error('no za-southwest-1 on the planet');
  expect(sw.open).toBe(true);
  expect(sw.title).toBe('SW Nozama');
  // The player's region (the world's own at first) is the nearest: the biggest place; the others are
  // far, open too (test/e2e/regions.spec.ts flies to one).
  expect(sw.current).toBe(true);
  for (const other of p.places.filter((x) => x !== sw)) {
    expect(other.open).toBe(true);
    expect(other.current).toBe(false);
    expect(other.r).toBeLessThan(sw.r);
  }
  await matchesReference(page, 'planet');

  // Jump to SW Nozama like a player.
  await clickCanvas(page, sw.x, sw.y);
  await waitScene(page, 'region');
  expect(await placeOf(page)).toEqual({ scene: 'region' });
  expect(await page.evaluate(() => window.__nozama?.game.scene.isActive('planet'))).toBe(false);
  const r = await region(page);
  expect(r.portals.map((x) => x.code)).toEqual(['1a', '1b', '1c']);
  const [a, b, c] = r.portals.map((x) => x.bounds);
  if (!a || !b || !c) throw new Error('three portals expected');
  expect(a.x + a.w).toBeLessThan(b.x);
  expect(b.x + b.w).toBeLessThan(c.x);
  await matchesReference(page, 'region');

  // Step through portal 1b.
  await clickCanvas(page, b.x + b.w / 2, b.y + b.h * 0.6);
  await waitScene(page, 'kingdom');
  expect(await placeOf(page)).toEqual({ scene: 'kingdom', zone: 'za-southwest-1b' });
  const k = await snapshot(page);
  const z1b = k.zones.find((z) => z.name === 'za-southwest-1b')?.bounds;
  const z1a = k.zones.find((z) => z.name === 'za-southwest-1a')?.bounds;
  if (!z1b || !z1a) throw new Error('zones expected');
  // Focused: zoomed in, centred on 1b, its crown at the top; 1a still in view at the left.
  expect(k.camera.zoom).toBeGreaterThan(1.2);
  expect(Math.abs(k.camera.centerX - (z1b.x + z1b.w / 2))).toBeLessThan(2);
  const left = await page.evaluate(
    ([x, y]) =>
      (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).worldToScreen(
        x as number,
        y as number,
      ),
    [z1a.x + z1a.w, z1a.y + 100],
  );
  expect(left.x).toBeGreaterThan(0);
  await matchesReference(page, 'kingdom-1b');
  expect(problems).toEqual([]);
});

test('the keyboard: arrows move between places, Enter goes in, Escape comes back', async ({ page }) => {
  await openPinned(page, 'planet');
  await waitScene(page, 'planet');
  await page.locator('#world-canvas canvas').focus();
  expect((await planet(page)).focused).toBe('za-southwest-1');
  await pressForCanvas(page, 'ArrowRight');
  const moved = (await planet(page)).focused;
  expect(moved).not.toBe('za-southwest-1');
  // Enter flies to the focused far region; Escape comes back to the planet.
  await pressForCanvas(page, 'Enter');
  await waitScene(page, 'region');
  expect(await page.evaluate(() => window.__nozama?.store.getState().ui.region)).toBe(moved);
  await pressForCanvas(page, 'Escape');
  await waitScene(page, 'planet');
  // Back round to SW Nozama, and in.
  for (let i = 0; i < 3 && (await planet(page)).focused !== 'za-southwest-1'; i++)
    await pressForCanvas(page, 'ArrowRight');
  await pressForCanvas(page, 'Enter');
  await waitScene(page, 'region');
  expect(await placeOf(page)).toEqual({ scene: 'region' });
  await pressForCanvas(page, 'ArrowRight');
  expect((await region(page)).focused).toBe('za-southwest-1b');
  await pressForCanvas(page, 'Enter');
  await waitScene(page, 'kingdom');
  expect(await placeOf(page)).toEqual({ scene: 'kingdom', zone: 'za-southwest-1b' });
  await pressForCanvas(page, 'Escape');
  await waitScene(page, 'region');
  expect(await placeOf(page)).toEqual({ scene: 'region' });
  await pressForCanvas(page, 'Escape');
  await waitScene(page, 'planet');
  expect(await placeOf(page)).toEqual({ scene: 'planet' });
  // The DOM breadcrumb (or anything else) moves the view through the store the same way.
  await page.evaluate(() =>
    window.__nozama?.store.getState().goTo({ scene: 'kingdom', zone: 'za-southwest-1c' }),
  );
  await waitScene(page, 'kingdom');
  const z1c = (await snapshot(page)).zones.find((z) => z.name === 'za-southwest-1c')?.bounds;
  if (!z1c) throw new Error('zone 1c');
  // The rightmost zone: the camera stops at the world's edge with the whole zone in view.
  const ends = await page.evaluate(
    ([x0, x1, y]) => {
      const scene = window.__nozama!.game.scene.getScene('kingdom') as KingdomScene;
      return [
        scene.worldToScreen(x0 as number, y as number).x,
        scene.worldToScreen(x1 as number, y as number).x,
      ];
    },
    [z1c.x, z1c.x + z1c.w, z1c.y + 50],
  );
  expect(ends[0]).toBeGreaterThan(CANVAS.width * 0.2);
  expect(ends[1]).toBeLessThanOrEqual(CANVAS.width);
  expect((await snapshot(page)).camera.zoom).toBeGreaterThan(1.2);
});

test('zoom with the wheel, + and - and fit; drag to pan; the camera stays on the world', async ({ page }) => {
  await openPinned(page, 'kingdom');
  await waitScene(page, 'kingdom');
  await smallKingdom(page);
  await waitScene(page, 'kingdom');
  const start = await zoom(page);
  expect(start).toBe(1);
  const mid = await canvasToPage(page, CANVAS.width / 2, CANVAS.height / 2);
  await page.mouse.move(mid.x, mid.y);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction((z) => {
    const scene = window.__nozama!.game.scene.getScene('kingdom') as KingdomScene;
    return scene.cameras.main.zoom > z;
  }, start);
  const wheeledIn = await zoom(page);
  expect(wheeledIn).toBeGreaterThan(start);
  await page.mouse.wheel(0, 250);
  await page.waitForFunction((z) => {
    const scene = window.__nozama!.game.scene.getScene('kingdom') as KingdomScene;
    return scene.cameras.main.zoom < z;
  }, wheeledIn);
  expect(await zoom(page)).toBeLessThan(wheeledIn);

  // Keys act when the canvas has the keyboard (a click gives it).
  await page.locator('#world-canvas canvas').focus();
  const beforeKeys = await zoom(page);
  await pressForCanvas(page, '+');
  expect(await zoom(page)).toBeCloseTo(beforeKeys * 1.25, 5);
  await pressForCanvas(page, '+');
  await pressForCanvas(page, '-');
  expect(await zoom(page)).toBeCloseTo(beforeKeys * 1.25, 5);

  // Drag pans the view (the world moves with the pointer).
  const before = (await snapshot(page)).camera;
  await page.mouse.move(mid.x, mid.y);
  await page.mouse.down();
  await page.mouse.move(mid.x + 120, mid.y + 60, { steps: 6 });
  await page.mouse.up();
  const after = (await snapshot(page)).camera;
  expect(after.centerX).toBeLessThan(before.centerX);
  expect(after.centerY).toBeLessThan(before.centerY);
  expect(await selection(page)).toBeNull();

  // Bounded: no amount of panning leaves the world.
  for (let i = 0; i < 30; i++) await pressForCanvas(page, 'ArrowLeft');
  for (let i = 0; i < 30; i++) await pressForCanvas(page, 'ArrowUp');
  const corner = (await snapshot(page)).camera;
  expect(corner.scrollX).toBeGreaterThan(-CANVAS.width);
  const topLeft = await page.evaluate(() =>
    (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).worldToScreen(0, 0),
  );
  expect(topLeft.x).toBeLessThanOrEqual(80);
  expect(topLeft.y).toBeLessThanOrEqual(80);
  // Zoom is bounded too.
  for (let i = 0; i < 20; i++) await pressForCanvas(page, '+');
  expect(await zoom(page)).toBe(4);
  // Fit: the whole world in view (a small world is never blown up).
  await pressForCanvas(page, '0');
  const fit = (await snapshot(page)).camera;
  expect(fit.zoom).toBe(fit.minZoom);
  expect(fit.zoom).toBe(1);
  await pressForCanvas(page, '-');
  expect(await zoom(page)).toBe(1);
});

test('clicking a development, a castle, a territory and a zone selects them in the store', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  await openPinned(page, 'za-southwest-1b');
  await waitScene(page, 'kingdom');
  const { instanceId, tasks } = await smallKingdom(page);
  await waitScene(page, 'kingdom');
  let k = await snapshot(page);
  const dev = k.developments.find((d) => d.id === tasks[0]);
  const territory = k.territories.find((t) => t.id === instanceId);
  if (!dev || !territory) throw new Error('the development and its territory are drawn');

  // A development, clicked where it stands on the canvas.
  let at = await kingdomPoint(page, dev.bounds.x + dev.bounds.w / 2, dev.bounds.y + dev.bounds.h / 2);
  await page.mouse.click(at.x, at.y);
  expect(await selection(page)).toEqual({ kind: 'task', id: tasks[0] });
  await waitScene(page, 'kingdom');
  await matchesReference(page, 'kingdom-selected-development');

  // The castle: its lord is the container instance.
  const arn = await page.evaluate(
    (id) => window.__nozama?.store.getState().sim.instances.get(id)?.containerInstanceArn,
    instanceId,
  );
  const cb = territory.castleBounds;
  at = await kingdomPoint(page, cb.x + cb.w / 2, cb.y + cb.h / 2);
  await page.mouse.click(at.x, at.y);
  expect(await selection(page)).toEqual({ kind: 'containerInstance', id: arn });

  // The territory's ground (its top right corner, clear of the castle and the developments).
  const tb = territory.bounds;
  at = await kingdomPoint(page, tb.x + tb.w - 4, tb.y + 5);
  await page.mouse.click(at.x, at.y);
  expect(await selection(page)).toEqual({ kind: 'instance', id: instanceId });

  // The zone: its crown.
  k = await snapshot(page);
  const zb = k.zones.find((z) => z.name === 'za-southwest-1b')?.bounds;
  if (!zb) throw new Error('zone 1b');
  at = await kingdomPoint(page, zb.x + zb.w / 2, zb.y + 40);
  await page.mouse.click(at.x, at.y);
  expect(await selection(page)).toEqual({ kind: 'zone', id: 'za-southwest-1b' });
  expect(problems).toEqual([]);
});

test('a zone collapse is played from the event stream, once, even when many ticks pass in one frame', async ({
  page,
}) => {
  await openPinned(page, 'kingdom', 'no-preference');
  await waitScene(page, 'kingdom');
  await smallKingdom(page);
  await waitScene(page, 'kingdom');
  const played = () =>
    page.evaluate(() => (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).collapsesPlayed);
  expect(await played()).toBe(0);
  // The fault and 90 simulated seconds in one go: the scene sees it only after all of it.
  await page.evaluate(() => {
    const s = window.__nozama?.store.getState();
    s?.dispatch({ action: 'sim:FailAvailabilityZone', input: { availabilityZone: 'za-southwest-1b' } });
    for (let i = 0; i < 90; i++) window.__nozama?.store.getState().advance(1);
  });
  await page.waitForFunction(
    () => (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).collapsesPlayed === 1,
  );
  // The animation runs (tweens in flight), then settles on the dark look.
  expect(
    await page.evaluate(
      () => (window.__nozama!.game.scene.getScene('kingdom') as KingdomScene).tweens.getTweens().length,
    ),
  ).toBeGreaterThan(0);
  await frames(page, 20);
  // Mid-collapse, for people to look at (not compared: it moves).
  await page.screenshot({ path: `${SCREENSHOTS}/scene-kingdom-collapsing.png` });
  await waitScene(page, 'kingdom');
  const k = await snapshot(page);
  expect(k.zones.find((z) => z.name === 'za-southwest-1b')?.impaired).toBe(true);
  expect(k.collapsesPlayed).toBe(1);
  await frames(page, 10);
  expect(await played()).toBe(1);

  // Undo replaces the world: the cursor skips to the new stream and nothing is replayed.
  await page.evaluate(() => window.__nozama?.store.getState().undo());
  await frames(page, 5);
  expect(await played()).toBe(1);
  // In the region, the same fault is played by the region scene's own cursor.
  await page.evaluate(() => window.__nozama?.store.getState().goTo({ scene: 'region' }));
  await waitScene(page, 'region');
  await page.evaluate(() =>
    window.__nozama?.store
      .getState()
      .dispatch({ action: 'sim:FailAvailabilityZone', input: { availabilityZone: 'za-southwest-1a' } }),
  );
  await page.waitForFunction(
    () => (window.__nozama!.game.scene.getScene('region') as RegionScene).snapshot().collapsesPlayed === 1,
  );
});

test('faults are visible: a dark zone, ruins, a silent lord, a building on fire', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  await openPinned(page, 'kingdom');
  await waitScene(page, 'kingdom');
  const { instanceId, tasks } = await smallKingdom(page);
  const ami = (
    (await ok(page, { action: 'ssm:GetParameter', input: { Name: ECS_AMI_PARAMETER } })).Parameter as {
      Value: string;
    }
  ).Value;
  const launch = async (zone: string) =>
    (
      (
        await ok(page, {
          action: 'ec2:RunInstances',
          input: {
            ImageId: ami,
            InstanceType: 't3.medium',
            Placement: { AvailabilityZone: `za-southwest-1${zone}` },
            UserData: userData('Royaume'),
            MinCount: 1,
            MaxCount: 1,
          },
        })
      ).Instances as { InstanceId: string }[]
    )[0]?.InstanceId as string;
  const lost = await launch('a');
  const silent = await launch('a');
  const dark = await launch('c');
  await advanceUntil(
    page,
    `(sim, ids) => ids.every((id) => { const a = sim.instances.get(id)?.containerInstanceArn; return !!a && sim.containerInstances.get(a)?.status === 'ACTIVE'; })`,
    [lost, silent, dark],
  );
  // A building burns: the oven of the first bakery exits with code 137 (the development stops).
  await ok(page, {
    action: 'sim:CrashContainer',
    input: { cluster: 'Royaume', task: tasks[0], containerName: 'oven', exitCode: 137 },
  });
  // A non-essential building burns in a development that keeps standing.
  await ok(page, {
    action: 'sim:CrashContainer',
    input: { cluster: 'Royaume', task: tasks[1], containerName: 'shop', exitCode: 1 },
  });
  await ok(page, { action: 'sim:LoseInstance', input: { instanceId: lost } });
  await ok(page, { action: 'sim:DisconnectAgent', input: { instanceId: silent } });
  await ok(page, { action: 'sim:FailAvailabilityZone', input: { availabilityZone: 'za-southwest-1c' } });
  await advanceUntil(
    page,
    `(sim, [lost, dark, task]) => sim.instances.get(lost)?.state === 'terminated' && sim.instances.get(dark)?.state === 'stopped' && sim.tasks.get(task)?.lastStatus === 'STOPPED'`,
    [lost, dark, tasks[0]],
  );
  await waitScene(page, 'kingdom');
  const k = await snapshot(page);
  expect(k.zones.find((z) => z.name === 'za-southwest-1c')?.impaired).toBe(true);
  expect(k.territories.find((t) => t.id === lost)?.state).toBe('terminated');
  expect(k.territories.find((t) => t.id === silent)?.castle).toBe('ACTIVE:disconnected');
  expect(k.territories.find((t) => t.id === dark)?.state).toBe('stopped');
  const burned = k.developments.find((d) => d.id === tasks[0]);
  expect(burned?.status).toBe('STOPPED');
  expect(burned?.fires).toBe(1);
  const burning = k.developments.find((d) => d.id === tasks[1]);
  expect(burning?.status).toBe('RUNNING');
  expect(burning?.fires).toBe(1);
  expect(k.territories.find((t) => t.id === instanceId)).toBeTruthy();
  await matchesReference(page, 'kingdom-faults');

  // The burned development smoulders for a minute, then leaves the map.
  await page.evaluate(() => {
    for (let i = 0; i < 61; i++) window.__nozama?.store.getState().advance(1);
  });
  await waitScene(page, 'kingdom');
  expect((await snapshot(page)).developments.find((d) => d.id === tasks[0])).toBeUndefined();
  expect(problems).toEqual([]);
});

test('100 territories and 1,000 developments render, readable when zoomed in, without console errors', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const problems = watchPage(page, baseURL as string);
  await openPinned(page, 'kingdom');
  await waitScene(page, 'kingdom');
  const world: BigWorld = await page.evaluate(buildBigWorld);
  expect(world).toMatchObject({ territories: 100, developments: 1000, running: 1000 });
  await waitScene(page, 'kingdom');
  const k = await snapshot(page);
  expect(k.territories).toHaveLength(100);
  expect(k.developments).toHaveLength(1000);
  // The world grew instead of shrinking the territories below readability.
  expect(k.width * k.height).toBeGreaterThan(CANVAS.width * CANVAS.height * 1.5);
  const unit = Math.min(...k.territories.map((t) => t.bounds.h));
  expect(unit).toBeGreaterThanOrEqual(90);
  // Every territory in its zone, none overlapping; every development on a territory.
  const inside = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
    a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.w <= b.x + b.w + 0.5 && a.y + a.h <= b.y + b.h + 0.5;
  for (const t of k.territories) {
    const zone = k.zones.find((z) => t.name.startsWith(z.name.slice(-2)));
    expect(zone && inside(t.bounds, zone.bounds), `${t.name} inside its zone`).toBe(true);
  }
  const plots = k.territories.map((t) => t.bounds);
  for (let i = 0; i < plots.length; i++)
    for (let j = i + 1; j < plots.length; j++) {
      const a = plots[i] as (typeof plots)[number];
      const b = plots[j] as (typeof plots)[number];
      const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      expect(overlap, `territories ${i} and ${j} overlap`).toBe(false);
    }
  for (const d of k.developments) expect(plots.some((p) => inside(d.bounds, p))).toBe(true);

  // Fit: the whole kingdom on the screen.
  await page.locator('#world-canvas canvas').focus();
  await pressForCanvas(page, '0');
  const fit = (await snapshot(page)).camera;
  expect(fit.zoom).toBeLessThan(1);
  expect(k.width * fit.zoom).toBeLessThanOrEqual(CANVAS.width + 1);
  expect(k.height * fit.zoom).toBeLessThanOrEqual(CANVAS.height + 1);
  await waitScene(page, 'kingdom');
  await matchesReference(page, 'kingdom-100-fit');

  // Zoomed in on 1b, a territory and its developments are big enough to read and to click.
  await page.evaluate(() =>
    window.__nozama?.store.getState().goTo({ scene: 'kingdom', zone: 'za-southwest-1b' }),
  );
  await waitScene(page, 'kingdom');
  await matchesReference(page, 'kingdom-100-1b');
  // Closer still with the keys: a territory a quarter of the view, its names at full size.
  await pressForCanvas(page, '+');
  await pressForCanvas(page, '+');
  await waitScene(page, 'kingdom');
  const closer = (await snapshot(page)).camera;
  expect(closer.zoom * unit).toBeGreaterThan(150);
  const target = k.developments.find((d) => {
    const t = k.territories.find((x) => x.name === '1b-2');
    return t !== undefined && inside(d.bounds, t.bounds);
  });
  if (!target) throw new Error('a development on 1b-2');
  const at = await kingdomPoint(
    page,
    target.bounds.x + target.bounds.w / 2,
    target.bounds.y + target.bounds.h / 2,
  );
  await page.mouse.click(at.x, at.y);
  expect(await selection(page)).toEqual({ kind: 'task', id: target.id });

  // The region's portals show the kingdom too: a dozen castles each and the counts.
  await page.evaluate(() => window.__nozama?.store.getState().goTo({ scene: 'region' }));
  await waitScene(page, 'region');
  await matchesReference(page, 'region-100');
  expect(problems).toEqual([]);
});
